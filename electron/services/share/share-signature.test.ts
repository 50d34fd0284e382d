/**
 * Who made a share file, and what it may delete: files are signed with the sender's key, the
 * receiver trusts a key the first time (and warns when it changes or goes missing), a changed
 * file fails its signature, and a merge deletes claims only when the reviewer confirmed them.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeClaimMarks } from '../../../shared/article/mark-text-range';
import { SHARE_VERSION, type ShareFile } from '../../../shared/share-file/share-file-schema';
import { describeSignature } from '../../../shared/share-file/signature-words';
import { anaAndBob, resealed, snapshot, type Library } from './share-libraries.fixture';
import { signedMessage, SIGNING_KEY_FILE } from './signing-key';

const base64Of = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const fileOf = (base64: string): ShareFile & Record<string, unknown> => JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as ShareFile & Record<string, unknown>;

/** `file` signed by a freshly made key that is not the sender's. */
function signedByStranger(file: ShareFile & Record<string, unknown>): string {
  const pair = generateKeyPairSync('ed25519');
  const publicKey = Buffer.from(pair.publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString('base64');
  return JSON.stringify({ ...file, signature: { algorithm: 'Ed25519', publicKey, value: sign(null, signedMessage(file.checksum.value), pair.privateKey).toString('base64') } });
}

describe('signed share files', () => {
  let ana: Library;
  let bob: Library;
  let reviewId: string;

  beforeEach(async () => {
    ({ ana, bob, reviewId } = await anaAndBob([{ quote: 'unemployment fell by 20 percent', verdict: 'False' }, { quote: 'Crime rose 5 percent' }, { quote: 'The budget is 3 billion' }]));
  });
  afterEach(async () => {
    await ana.services.close();
    await bob.services.close();
  });

  it('signs with a key made for the reviewer, kept readable by them alone and shown in Preferences', async () => {
    const shared = await ana.call('share:create', { id: reviewId });
    const file = fileOf(shared.base64);
    // No source of this review has a kept copy, so the share is written in the format before copies.
    expect(file.version).toBe(SHARE_VERSION - 1);
    expect(file.signature).toMatchObject({ algorithm: 'Ed25519' });
    const signing = await ana.call('settings:getSigning', {});
    expect(signing.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
    expect((await stat(join(ana.dataDir, SIGNING_KEY_FILE))).mode & 0o777).toBe(0o600);
    // The same key every time.
    expect(fileOf((await ana.call('share:create', { id: reviewId })).base64).signature?.publicKey).toBe(file.signature?.publicKey);
    expect(await ana.call('share:open', { fileName: 'jobs.factmark', base64: shared.base64, preview: true })).toMatchObject({ signature: { status: 'own' } });
  });

  it('trusts a colleague’s key on first use, then knows it; a different key or none is a warning', async () => {
    const first = await ana.call('share:create', { id: reviewId });
    const preview = await bob.call('share:open', { fileName: 'jobs.factmark', base64: first.base64, preview: true });
    const anaKey = (await ana.call('settings:getSigning', {})).fingerprint;
    expect(preview.signature).toMatchObject({ status: 'new-key', signerName: 'Ana', fingerprint: anaKey });
    expect(describeSignature(preview.signature).text).toContain(`Signed by an unknown key (key ${anaKey}) that says it is Ana’s`);
    // A preview trusts nothing.
    expect((await bob.call('settings:getSigning', {})).knownKeys).toEqual([]);
    await bob.call('share:open', { fileName: 'jobs.factmark', base64: first.base64 });
    const known = (await bob.call('settings:getSigning', {})).knownKeys;
    expect(known).toMatchObject([{ name: 'Ana', fingerprint: anaKey }]);

    const second = await ana.call('share:create', { id: reviewId });
    const again = await bob.call('share:open', { fileName: 'jobs.factmark', base64: second.base64, preview: true });
    expect(again.signature).toMatchObject({ status: 'known', knownSince: known[0]?.firstSeen });
    expect(describeSignature(again.signature)).toEqual({ tone: 'ok', text: `Signed by Ana (key ${anaKey}), known since ${known[0]?.firstSeen.slice(0, 10)}.` });

    const impostor = await bob.call('share:open', { fileName: 'jobs.factmark', base64: base64Of(signedByStranger(fileOf(second.base64))), preview: true });
    expect(impostor.signature.status).toBe('changed-key');
    expect(describeSignature(impostor.signature).tone).toBe('warning');

    const stripped = await bob.call('share:open', { fileName: 'jobs.factmark', base64: base64Of(resealed(fileOf(second.base64))), preview: true });
    expect(stripped.signature).toMatchObject({ status: 'unsigned', signedBefore: true });
    expect(describeSignature(stripped.signature).text).toMatch(/^Warning: unsigned, although files from Ana were signed before/);
    // Neither a changed key nor a missing one replaces the key trusted first.
    await bob.call('share:open', { fileName: 'jobs.factmark', base64: base64Of(signedByStranger(fileOf(second.base64))) });
    expect((await bob.call('settings:getSigning', {})).knownKeys).toEqual(known);
  });

  it('refuses a file changed after it was signed, even with its checksum made to match, and changes nothing', async () => {
    const shared = fileOf((await ana.call('share:create', { id: reviewId })).base64);
    const tampered = { ...shared, claims: shared.claims.map((claim) => ({ ...claim, rationale: 'Forged.' })) };
    const { checksum: _checksum, signature, ...content } = tampered;
    const withChecksum = JSON.parse(resealed(content)) as Record<string, unknown>;
    const before = await snapshot(bob.dataDir);
    await expect(bob.call('share:open', { fileName: 'jobs.factmark', base64: base64Of(JSON.stringify({ ...withChecksum, signature })) })).rejects.toThrow(
      'jobs.factmark was changed after Ana signed it: its signature does not match its content, so it may not be what they sent. Ask them to share the review again. Nothing was changed in your library.',
    );
    expect(await snapshot(bob.dataDir)).toEqual(before);
  });

  it('still opens an unsigned version 1 file from an older Factmark, marked unsigned', async () => {
    const shared = fileOf((await ana.call('share:create', { id: reviewId })).base64);
    const older = resealed({ ...shared, version: 1 });
    const opened = await bob.call('share:open', { fileName: 'old.factmark', base64: base64Of(older) });
    expect(opened).toMatchObject({ outcome: 'added', signature: { status: 'unsigned', signedBefore: false } });
    expect(describeSignature(opened.signature).text).toBe('Unsigned: nothing shows who made this file (it may come from an older Factmark).');
  });

  it('deletes claims by a merge only when the reviewer confirmed exactly those, listing them otherwise', async () => {
    await bob.call('share:open', { fileName: 'jobs.factmark', base64: (await ana.call('share:create', { id: reviewId })).base64 });
    const review = await ana.call('review:get', { id: reviewId });
    const [kept, ...gone] = review.claims;
    const goneIds = new Set(gone.map((claim) => claim.id));
    await ana.call('review:save', {
      id: reviewId,
      baseRevision: review.revision,
      doc: removeClaimMarks(review.doc, (id) => !goneIds.has(id)) as typeof review.doc,
      claims: [kept as (typeof review.claims)[number]],
    });
    const deleting = (await ana.call('share:create', { id: reviewId })).base64;

    const preview = await bob.call('share:open', { fileName: 'jobs.factmark', base64: deleting, preview: true });
    expect(preview.report.deleted.map((note) => note.quote)).toEqual(['Crime rose 5 percent', 'The budget is 3 billion']);
    const before = await snapshot(bob.dataDir);
    await expect(bob.call('share:open', { fileName: 'jobs.factmark', base64: deleting })).rejects.toThrow(
      'Merging jobs.factmark would delete 2 claims from your copy: “Crime rose 5 percent”, “The budget is 3 billion”. Nothing was changed.',
    );
    await expect(bob.call('share:open', { fileName: 'jobs.factmark', base64: deleting, confirmDeletions: [preview.report.deleted[0]?.claimId as string] })).rejects.toThrow(
      /would delete 1 claim from your copy: “The budget is 3 billion”/,
    );
    expect(await snapshot(bob.dataDir)).toEqual(before);

    await bob.call('share:open', { fileName: 'jobs.factmark', base64: deleting, confirmDeletions: preview.report.deleted.map((note) => note.claimId) });
    expect((await bob.call('review:get', { id: reviewId })).claims.map((claim) => claim.id)).toEqual([kept?.id]);
  });
});
