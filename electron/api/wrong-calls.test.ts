/**
 * Every channel called with what an attacker or a confused script might send: random values of
 * every type, and the right shape with wrong fields. Each call is answered (never a crash, never
 * "unexpected problem"), a refusal says in words what is wrong, and the data folder is unchanged.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../shared/api/contract';
import { openFactmarkServices, type FactmarkServices } from '../services/factmark-services';
import { folderSnapshot } from '../services/library/folder-snapshot.fixture';
import { createHandlerRegistry, type HandlerRegistry } from './handler-registry';

/** Wording of a validator or a stack, which a reviewer should never read. */
const PROGRAMMER_WORDS = /Invalid input|Too (big|small)|expected (string|number|object)|received|Unrecognized key|\bat \w+ \(|TypeError|undefined is not/;

/** The host's own call, and settings calls that random input can make valid (they would rightly write). */
const SKIPPED = new Set<Channel>(['shell:openExternal', 'settings:setReviewer', 'settings:getSigning', 'settings:setPublisher']);

describe('wrong calls on every channel', () => {
  let services: FactmarkServices;
  let registry: HandlerRegistry;
  let dataDir: string;
  let reviewId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'factmark-wrong-calls-'));
    services = await openFactmarkServices({ dataDir, mode: 'browser', renderPdf: async () => new Uint8Array() });
    const internal: unknown[] = [];
    registry = createHandlerRegistry({ ...services.handlers, 'shell:openExternal': async () => ({ opened: false }) }, (_channel, error) => internal.push(error));
    const created = await registry.invoke('review:create', { title: 'Target', sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: 'The mayor said crime fell by 20 percent.' } });
    reviewId = (created as { ok: true; value: { review: { id: string } } }).value.review.id;
  });
  afterAll(async () => {
    await services.close();
  });

  it('answers random values of every type with a plain refusal and changes nothing', async () => {
    const before = await folderSnapshot(dataDir);
    const channels = CHANNELS.filter((channel) => !SKIPPED.has(channel) && channel !== 'review:get' && channel !== 'app:info' && channel !== 'app:status');
    const wrongField = fc.oneof(fc.anything(), fc.string({ maxLength: 40 }), fc.constantFrom('', '../../etc/passwd', 'http:/x', 'javascript:alert(1)', '\u001b[2J', '\u202e', 'x'.repeat(5_000), -1, 1e308, null));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom('id', 'title', 'claims', 'base64', 'fileName', 'url', 'name', 'format', 'doc', 'baseRevision', 'sourceUrl', 'claimId', 'set'), wrongField)), async (channel, input) => {
        const result = await registry.invoke(channel, input);
        if (result.ok) return;
        expect(result.error.code, `${channel}: ${result.error.message}`).not.toBe('internal');
        expect(result.error.message).not.toMatch(PROGRAMMER_WORDS);
        expect(result.error.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 600 },
    );
    // Read-only calls and refusals leave every file as it was; only the review made above exists.
    expect(await folderSnapshot(dataDir)).toEqual(before);
    expect((await registry.invoke('review:get', { id: reviewId })).ok).toBe(true);
  }, 120_000);
});
