import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShareFile } from '../../../shared/share-file/share-file-schema';
import type { ChannelOutput } from '../../../shared/api/contract';
import { anaAndBob, resealed, snapshot, type Library } from './share-libraries.fixture';

describe('share files between two libraries', () => {
  let ana: Library;
  let bob: Library;
  let reviewId: string;
  let shared: ChannelOutput<'share:create'>;

  beforeEach(async () => {
    ({ ana, bob, reviewId } = await anaAndBob([{ quote: 'unemployment fell by 20 percent', verdict: 'False' }, { quote: 'Crime rose 5 percent' }]));
    shared = await ana.call('share:create', { id: reviewId });
  });
  afterEach(async () => {
    await ana.services.close();
    await bob.services.close();
  });

  it('opens a shared review under its own id, then merges edits made on both sides after the text changed', async () => {
    const opened = await bob.call('share:open', { fileName: shared.fileName, base64: shared.base64 });
    expect(opened).toMatchObject({ outcome: 'added', reviewId, sharedBy: 'Ana' });
    expect(opened.report.added).toHaveLength(2);

    // Bob's editor inserts a paragraph and Bob marks a claim and rates one of Ana's differently.
    const bobs = await bob.call('review:get', { id: reviewId });
    const edited = { ...bobs.doc, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Editor’s note: figures updated on Tuesday.' }] }, ...(bobs.doc.content ?? [])] };
    const [jobs, crime] = bobs.claims;
    await bob.call('review:save', { id: reviewId, baseRevision: bobs.revision, doc: edited, claims: [{ ...jobs!, verdictId: 'mostly-false', updatedAt: new Date().toISOString() }, { ...crime!, rationale: 'Police figures', updatedAt: new Date().toISOString() }] });
    await bob.call('review:annotate', { id: reviewId, claims: [{ quote: 'The budget is 3 billion', verdict: 'True' }] });
    // Meanwhile Ana rates the first claim herself.
    const anas = await ana.call('review:get', { id: reviewId });
    await ana.call('review:save', { id: reviewId, baseRevision: anas.revision, doc: anas.doc, claims: anas.claims.map((claim) => (claim.id === jobs!.id ? { ...claim, verdictId: 'true', rationale: 'ONS data', updatedAt: new Date().toISOString() } : claim)) });

    const back = await bob.call('share:create', { id: reviewId });
    const preview = await ana.call('share:open', { fileName: 'bob.factmark', base64: back.base64, preview: true });
    expect(await ana.call('review:get', { id: reviewId })).toEqual(await ana.call('review:get', { id: reviewId }));
    const merged = await ana.call('share:open', { fileName: 'bob.factmark', base64: back.base64, expectReviewId: reviewId });
    expect(merged.report).toEqual(preview.report);
    expect(merged.report.textChanged).toBe(true);
    expect(merged.report.added.map((note) => note.quote)).toEqual(['The budget is 3 billion']);
    expect(merged.report.updated).toMatchObject([{ quote: 'Crime rose 5 percent', detail: 'Rationale changed by Bob.' }]);
    expect(merged.report.conflicts).toHaveLength(1);
    expect(merged.report.conflicts[0]?.fields.map((field) => [field.field, field.options.map((option) => `${option.authorName}:${String(option.value)}`).sort()])).toEqual([['verdictId', ['Ana:true', 'Bob:mostly-false']]]);

    // The same file again changes nothing.
    const before = await snapshot(ana.dataDir);
    const again = await ana.call('share:open', { fileName: 'bob.factmark', base64: back.base64 });
    expect(again.report).toMatchObject({ added: [], updated: [], deleted: [], newEvents: 0 });
    expect(await snapshot(ana.dataDir)).toEqual(before);

    // Ana settles the conflict; her rationale (changed on her side only) stayed.
    const settled = await ana.call('review:resolveConflict', { id: reviewId, claimId: jobs!.id, set: { verdictId: 'mostly-false' } });
    expect(settled).toMatchObject({ remaining: 0, claim: { verdictId: 'mostly-false', rationale: 'ONS data' } });
    const final = await ana.call('review:get', { id: reviewId });
    expect(final.reviewers.map((reviewer) => reviewer.name).sort()).toEqual(['Ana', 'Bob']);
  });

  it('opens an article with a script link or an unknown node as plain text, claims still on their words', async () => {
    const good = JSON.parse(Buffer.from(shared.base64, 'base64').toString('utf8')) as ShareFile;
    const [first, ...rest] = good.article.doc.content ?? [];
    const hostileDoc = {
      ...good.article.doc,
      content: [{ ...first, content: (first?.content ?? []).map((node) => ({ ...node, marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] })) }, ...rest.map((node) => ({ ...node, type: 'iframe' }))],
    };
    const hostile = resealed({ ...good, article: { ...good.article, doc: hostileDoc } });
    const opened = await bob.call('share:open', { fileName: 'hostile.factmark', base64: Buffer.from(hostile).toString('base64') });
    expect(opened.report.orphaned).toEqual([]);
    const review = await bob.call('review:get', { id: reviewId });
    expect(JSON.stringify(review.doc)).not.toMatch(/javascript:|iframe/);
    expect(review.doc.content?.every((node) => node.type === 'paragraph')).toBe(true);
    expect(opened.report.added.map((note) => note.quote)).toEqual(['unemployment fell by 20 percent', 'Crime rose 5 percent']);
  });

  it('refuses malformed calls: a choice for a field not in conflict, an unknown field, a name too long', async () => {
    const review = await ana.call('review:get', { id: reviewId });
    const claimId = review.claims[0]?.id as string;
    await expect(ana.call('review:resolveConflict', { id: reviewId, claimId, set: { verdictId: 'true' } })).rejects.toThrow('Only fields in conflict can be chosen');
    await expect(ana.call('review:resolveConflict', { id: reviewId, claimId, set: { title: 'x' } as never })).rejects.toThrow(/Nothing was changed/);
    await expect(ana.call('settings:setReviewer', { name: 'x'.repeat(201) })).rejects.toThrow(/^The name is too long \(at most 200 characters\)\. Nothing was changed\.$/);
    await expect(ana.call('share:open', { fileName: '', base64: shared.base64 })).rejects.toThrow(/^The file name is empty\. Nothing was changed\.$/);
    expect((await ana.call('review:get', { id: reviewId })).history).toEqual(review.history);
  });

  it('refuses a share file of another review when merging into this one', async () => {
    const { review: other } = await bob.call('review:create', { title: 'Other', sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: 'Other words.' } });
    await expect(bob.call('share:open', { fileName: 'jobs.factmark', base64: shared.base64, expectReviewId: other.id })).rejects.toThrow(/holds another review \("Jobs"\)/);
  });

  it('refuses broken, foreign and hostile files with a clear reason and leaves the library untouched', async () => {
    await bob.call('share:open', { fileName: shared.fileName, base64: shared.base64 });
    const good = JSON.parse(Buffer.from(shared.base64, 'base64').toString('utf8')) as ShareFile & Record<string, unknown>;
    const text = Buffer.from(shared.base64, 'base64').toString('utf8');
    let nested = '1';
    for (let depth = 0; depth < 100_000; depth++) nested = `[${nested}]`;
    const cases: [string, string | Buffer, RegExp][] = [
      ['truncated', text.slice(0, text.length / 2), /damaged or incomplete: it is not valid JSON/],
      ['random bytes', randomBytes(4096), /not (text|a Factmark share file)/],
      ['empty', '', /is empty/],
      ['an article', 'The minister said unemployment fell.', /not valid JSON|not a Factmark share file/],
      ['foreign JSON', JSON.stringify({ type: 'Annotation', body: 'x' }), /not a Factmark share file/],
      ['newer version', resealed({ ...good, version: 7 }), /newer Factmark \(share format 7.*Update Factmark/],
      ['no version', resealed({ ...good, version: 'one' }), /no valid format version/],
      ['wrong types', resealed({ ...good, claims: 'none' }), /does not match the share file format: The list of claims should be a list/],
      ['tampered', JSON.stringify({ ...good, review: { ...good.review, title: 'Changed' } }), /checksum does not match/],
      ['huge string', resealed({ ...good, review: { ...good.review, title: 'x'.repeat(5_000_000) } }), /The title of the review is too long \(at most 300 characters\)/],
      ['deep nesting', `{"format":"factmark-share","version":1,"claims":${nested}}`, /not valid JSON|does not match/],
      ['deep document', resealed({ ...good, article: { ...good.article, doc: JSON.parse(`${'{"type":"doc","content":['.repeat(200)}{"type":"text","text":"x"}${']}'.repeat(200)}`) as unknown } }), /nested deeper than 64/],
      ['__proto__ keys', text.replace('"format":', '"__proto__": {"polluted": true}, "format":'), /does not match the share file format|Unrecognized key/],
      ['wrong text hash', resealed({ ...good, article: { ...good.article, text: `${good.article.text} More.` } }), /article text does not match its SHA-256/],
      ['unknown verdict', resealed({ ...good, claims: good.claims.map((claim) => ({ ...claim, verdictId: 'pants-on-fire' })) }), /"pants-on-fire", which is not on its rating scale/],
      ['anchor outside', resealed({ ...good, claims: good.claims.map((claim) => ({ ...claim, anchor: claim.anchor && { ...claim.anchor, position: { ...claim.anchor.position, end: 10_000_000 } } })) }), /points outside the article text/],
      ['50 MB', Buffer.concat([Buffer.from('{"format":"factmark-share","version":1,"generator":"'), Buffer.alloc(50 * 1024 * 1024, 0x61), Buffer.from('"}')]), /does not match the share file format/],
      ['70 MB', Buffer.alloc(70 * 1024 * 1024, 0x20), /The file is larger than 64 MB/],
    ];
    const before = await snapshot(bob.dataDir);
    for (const [name, content, expected] of cases) {
      const base64 = Buffer.from(content).toString('base64');
      await expect(bob.call('share:open', { fileName: `${name}.factmark`, base64 }), name).rejects.toThrow(expected);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await snapshot(bob.dataDir)).toEqual(before);
  }, 60_000);
});
