/**
 * A save of the review desk that sends only what changed (changed blocks, changed and removed
 * claims), through the handler registry over real files: it leaves exactly the file a whole save
 * of the same change leaves, and a delta that does not fit, or would pass a limit, changes nothing.
 */
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput } from '../../../shared/api/contract';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleDoc, DocNode } from '../../../shared/model/article-doc';
import { newClaim, type Claim } from '../../../shared/model/claim';
import type { ClaimEvent } from '../../../shared/model/claim-history';
import { MAX_CHILDREN_PER_NODE, MAX_DOC_DEPTH, MAX_MARKS_PER_TEXT } from '../../../shared/model/storage-limits';
import { folderSnapshot } from './folder-snapshot.fixture';
import { closeLibrary, closeOpened, openRegistryLibrary, type RegistryLibrary } from './registry-library.fixture';

// Event ids and times the same in two libraries, so their files can be compared byte for byte.
const ids = vi.hoisted(() => ({ next: 0 }));
vi.mock('node:crypto', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:crypto')>()), randomUUID: () => `fixed-id-${(ids.next++).toString().padStart(6, '0')}` }));

const START = Date.parse('2026-05-04T09:00:00.000Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
});

afterEach(async () => {
  vi.useRealTimers();
  await closeOpened();
});

const mark = (claimId: string) => ({ type: 'claim', attrs: { claimId } });
const paragraph = (...parts: (string | [string, string[]])[]): DocNode => ({
  type: 'paragraph',
  content: parts.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : { type: 'text', text: part[0], marks: part[1].map(mark) })),
});

const ARTICLE: ArticleDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Budget hearing' }] },
    paragraph('The minister said ', ['unemployment fell to 3.4 percent', ['claim-one-0001']], ' last year.'),
    paragraph(['Crime rose 5 percent', ['claim-two-0002']], ' in the city, ', ['police said', ['claim-two-0002', 'claim-three-003']]),
    paragraph(['قال الوزير إن البطالة انخفضت', ['claim-three-003']], ' 👩‍👩‍👧 كثيرا.'),
    { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('The budget is 3 billion.')] }] },
    paragraph('The mayor agreed.'),
  ],
};

const claim = (id: string, rationale: string): Claim => ({ ...newClaim(id, '2026-05-01T08:00:00.000Z'), verdictId: 'mostly-false', rationale, evidence: [] });

/** Two libraries holding the same review, byte for byte: one saved whole, the other by deltas. */
async function twins(): Promise<{ whole: RegistryLibrary; delta: RegistryLibrary; id: string }> {
  const first = await mkdtemp(join(tmpdir(), 'factmark-delta-'));
  const seed = await openRegistryLibrary(first);
  await seed.call('settings:setReviewer', { name: 'Ana' });
  const { review } = await seed.call('review:create', { title: 'Hearing', sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: 'Placeholder.' } });
  await seed.call('review:save', {
    id: review.id,
    baseRevision: review.revision,
    doc: ARTICLE,
    claims: [claim('claim-one-0001', 'ONS says 4.1.'), claim('claim-two-0002', 'Police data.'), claim('claim-three-003', 'مصدر')],
  });
  await closeLibrary(seed);
  const second = await mkdtemp(join(tmpdir(), 'factmark-delta-'));
  await cp(first, second, { recursive: true, filter: (source) => !source.endsWith('factmark.lock') });
  return { whole: await openRegistryLibrary(first), delta: await openRegistryLibrary(second), id: review.id };
}

const reviewFile = (library: RegistryLibrary, id: string, suffix = ''): Promise<Buffer> => readFile(join(library.dataDir, 'reviews', `${id}.json${suffix}`));

/** What a delta leaves, worked out here on its own (not by the code under test), to send whole. */
function applied(
  stored: { doc: ArticleDoc; claims: Claim[] },
  delta: { docChange?: { start: number; deleteCount: number; blocks: DocNode[] }; claimChanges?: { changed: Claim[]; removed: string[] } },
): { doc: ArticleDoc; claims: Claim[] } {
  const content = [...(stored.doc.content ?? [])];
  if (delta.docChange) content.splice(delta.docChange.start, delta.docChange.deleteCount, ...delta.docChange.blocks);
  let claims = stored.claims;
  if (delta.claimChanges) {
    const { changed, removed } = delta.claimChanges;
    claims = claims.filter((record) => !removed.includes(record.id)).map((record) => changed.find((candidate) => candidate.id === record.id) ?? record);
    claims = [...claims, ...changed.filter((candidate) => !stored.claims.some((record) => record.id === candidate.id))];
  }
  return { doc: { ...stored.doc, content }, claims };
}

/** Saves one change in both libraries (whole and as a delta) at the same moment, with the same new ids, and checks the files are the same bytes. */
async function saveBoth(twin: { whole: RegistryLibrary; delta: RegistryLibrary; id: string }, minutesLater: number, delta: Parameters<typeof applied>[1]): Promise<void> {
  vi.setSystemTime(START + minutesLater * 60_000);
  const stored = twin.whole.services.store.getReview(twin.id);
  const whole = applied(stored, delta);
  ids.next = 1_000 * minutesLater;
  const wholeResult = await twin.whole.call('review:save', {
    id: twin.id,
    baseRevision: stored.revision,
    ...(delta.docChange ? { doc: whole.doc } : {}),
    ...(delta.claimChanges ? { claims: whole.claims } : {}),
  });
  ids.next = 1_000 * minutesLater;
  const deltaResult = await twin.delta.call('review:save', { id: twin.id, baseRevision: stored.revision, ...delta });
  expect(deltaResult).toEqual(wholeResult);
  const [wholeBytes, deltaBytes] = await Promise.all([reviewFile(twin.whole, twin.id), reviewFile(twin.delta, twin.id)]);
  expect(deltaBytes.equals(wholeBytes)).toBe(true);
  // The file is exactly what JSON.stringify makes of it, though it was assembled from kept parts.
  expect(deltaBytes.toString('utf8')).toBe(JSON.stringify(JSON.parse(deltaBytes.toString('utf8'))));
  expect((await reviewFile(twin.delta, twin.id, '.bak')).equals(await reviewFile(twin.whole, twin.id, '.bak'))).toBe(true);
}

describe('saving only what changed', () => {
  it('leaves the same bytes as a whole save, for claim edits, new and removed claims, and blocks inserted, replaced and deleted', async () => {
    const twin = await twins();
    const stored = () => twin.delta.services.store.getReview(twin.id);
    const record = (id: string): Claim => stored().claims.find((candidate) => candidate.id === id) as Claim;

    await saveBoth(twin, 1, { claimChanges: { changed: [{ ...record('claim-two-0002'), rationale: 'Police data, 2025.', updatedAt: '2026-05-04T09:01:00.000Z' }], removed: [] } });
    // Within the amend window: the same event is amended, in both.
    await saveBoth(twin, 2, { claimChanges: { changed: [{ ...record('claim-two-0002'), verdictId: 'false', updatedAt: '2026-05-04T09:02:00.000Z' }], removed: [] } });
    // A new claim marked in the last paragraph: one block and one claim, sent together.
    await saveBoth(twin, 3, {
      docChange: { start: 5, deleteCount: 1, blocks: [paragraph('The ', ['mayor agreed', ['claim-four-0004']], '.')] },
      claimChanges: { changed: [claim('claim-four-0004', 'Minutes of the meeting.')], removed: [] },
    });
    // A claim removed with its mark.
    await saveBoth(twin, 4, {
      docChange: { start: 1, deleteCount: 1, blocks: [paragraph('The minister said unemployment fell to 3.4 percent last year.')] },
      claimChanges: { changed: [], removed: ['claim-one-0001'] },
    });
    // Words typed inside a claim (its quote changes), a paragraph inserted, one deleted.
    await saveBoth(twin, 5, { docChange: { start: 3, deleteCount: 1, blocks: [paragraph(['قال الوزير إن البطالة انخفضت جدا', ['claim-three-003']], ' 👩‍👩‍👧 كثيرا.')] } });
    await saveBoth(twin, 6, { docChange: { start: 2, deleteCount: 0, blocks: [paragraph('A new paragraph.'), { type: 'horizontalRule' }] } });
    await saveBoth(twin, 7, { docChange: { start: 7, deleteCount: 1, blocks: [] } });
    // A save that changes nothing still writes the next revision, as a whole save does.
    await saveBoth(twin, 8, {});

    expect(stored().claims.map((candidate) => [candidate.id, candidate.number])).toEqual([
      ['claim-two-0002', 2],
      ['claim-three-003', 3],
      ['claim-four-0004', 4],
    ]);
    expect(stored().doc.content?.map((block) => block.type)).toEqual(['heading', 'paragraph', 'paragraph', 'horizontalRule', 'paragraph', 'paragraph', 'bulletList']);
    expect(await twin.delta.call('review:list', {})).toEqual(await twin.whole.call('review:list', {}));
    expect(await twin.delta.services.store.textEditedAt(twin.id)).toBe('2026-05-04T09:07:00.000Z');
    expect(await twin.whole.services.store.textEditedAt(twin.id)).toBe('2026-05-04T09:07:00.000Z');
  });

  it('applies claim changes to the claims of a merge sent with them, as a whole save of the merge does', async () => {
    const twin = await twins();
    const stored = twin.whole.services.store.getReview(twin.id);
    const head = stored.history.filter((event) => event.claimId === 'claim-three-003').at(-1) as ClaimEvent;
    const theirs: ClaimEvent = {
      id: 'merged-event-0001',
      claimId: 'claim-three-003',
      parents: [head.id],
      author: 'colleague-0001',
      at: '2026-05-04T08:30:00.000Z',
      kind: 'edited',
      set: { verdictId: 'true' },
    };
    const mergedClaims = stored.claims.map((record) => (record.id === 'claim-three-003' ? { ...record, verdictId: 'true' } : record));
    const edit = { ...(mergedClaims[1] as Claim), rationale: 'Edited after the merge.', updatedAt: '2026-05-04T09:01:00.000Z' };
    vi.setSystemTime(START + 60_000);
    ids.next = 500;
    const wholeResult = await twin.whole.call('review:save', {
      id: twin.id,
      baseRevision: stored.revision,
      claims: mergedClaims.map((record) => (record.id === edit.id ? edit : record)),
      merged: { events: [theirs], claims: mergedClaims },
    });
    ids.next = 500;
    const deltaResult = await twin.delta.call('review:save', {
      id: twin.id,
      baseRevision: stored.revision,
      claimChanges: { changed: [edit], removed: [] },
      merged: { events: [theirs], claims: mergedClaims },
    });
    expect(deltaResult).toEqual(wholeResult);
    expect((await reviewFile(twin.delta, twin.id)).equals(await reviewFile(twin.whole, twin.id))).toBe(true);
    const review = twin.delta.services.store.getReview(twin.id);
    expect(review.claims.map((record) => [record.id, record.verdictId, record.rationale])).toEqual([
      ['claim-one-0001', 'mostly-false', 'ONS says 4.1.'],
      ['claim-two-0002', 'mostly-false', 'Edited after the merge.'],
      ['claim-three-003', 'true', 'مصدر'],
    ]);
    expect(review.history.some((event) => event.id === 'merged-event-0001')).toBe(true);
    // A delta on an older revision is a conflict, as a whole save is: nothing written.
    const before = await folderSnapshot(twin.delta.dataDir);
    await expect(twin.delta.call('review:save', { id: twin.id, baseRevision: stored.revision, claimChanges: { changed: [], removed: ['claim-one-0001'] } })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await folderSnapshot(twin.delta.dataDir)).toEqual(before);
  });
});

describe('a delta that does not fit', () => {
  it('is refused with what was wrong, and every file stays byte for byte', async () => {
    const { delta: library, id } = await twins();
    const review = library.services.store.getReview(id);
    const two = review.claims[1] as Claim;
    const refusals: [ChannelInput<'review:save'>, RegExp][] = [
      [{ id, baseRevision: review.revision, doc: review.doc, docChange: { start: 0, deleteCount: 0, blocks: [] } }, /both the whole article and a change to part of it.*Nothing was saved/],
      [{ id, baseRevision: review.revision, claims: review.claims, claimChanges: { changed: [], removed: [] } }, /both the whole claim list and changes to it.*Nothing was saved/],
      [{ id, baseRevision: review.revision, docChange: { start: 5, deleteCount: 2, blocks: [] } }, /replaced blocks 6 to 7 of the article, which has 6.*Nothing was saved/],
      [{ id, baseRevision: review.revision, docChange: { start: 7, deleteCount: 0, blocks: [paragraph('Past the end.')] } }, /replaced blocks 8 to 7 of the article, which has 6/],
      [{ id, baseRevision: review.revision, claimChanges: { changed: [], removed: ['claim-nine-0009'] } }, /removed claim claim-nine-0009, which is not in the review.*Nothing was saved/],
      [{ id, baseRevision: review.revision, claimChanges: { changed: [{ ...two, rationale: 'x' }], removed: [two.id] } }, /both changed and removed claim claim-two-0002/],
      [{ id, baseRevision: review.revision, claimChanges: { changed: [two, { ...two, rationale: 'x' }], removed: [] } }, /changed claim claim-two-0002 twice/],
      [{ id, baseRevision: review.revision, claimChanges: { changed: [], removed: [two.id, two.id] } }, /removed claim claim-two-0002 twice/],
      [{ id, baseRevision: review.revision, claimChanges: { changed: [{ ...two, verdictId: 'pants-on-fire' }], removed: [] } }, /verdict "pants-on-fire" is not on the scale/],
      [
        { id, baseRevision: review.revision, claimChanges: { changed: [{ ...claim('claim-five-0005', ''), appearanceUrl: 'https://EXAMPLE.org/a' }], removed: [] } },
        /not in its normal form \(https:\/\/example\.org\/a\); nothing was saved/,
      ],
    ];
    const before = await folderSnapshot(library.dataDir);
    for (const [input, message] of refusals) {
      await expect(library.call('review:save', input), JSON.stringify(input).slice(0, 200)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(message) });
      expect(await folderSnapshot(library.dataDir)).toEqual(before);
    }
    expect(library.services.store.getReview(id)).toBe(review);
  });

  it('is refused when its blocks pass a limit the loader enforces, whether the contract or the store sees it first', async () => {
    const { delta: library, id } = await twins();
    const review = library.services.store.getReview(id);
    const crowded = paragraph(['Crime rose.', Array.from({ length: MAX_MARKS_PER_TEXT + 1 }, (_, index) => `claim-many-${index.toString().padStart(4, '0')}`)]);
    let deep: DocNode = paragraph('Deep down.');
    for (let level = 0; level < MAX_DOC_DEPTH; level++) deep = { type: 'blockquote', content: [deep] };
    const before = await folderSnapshot(library.dataDir);
    await expect(library.call('review:save', { id, baseRevision: review.revision, docChange: { start: 1, deleteCount: 0, blocks: [crowded] } })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/too many items \(at most 200\).*Nothing was changed/),
    });
    await expect(library.call('review:save', { id, baseRevision: review.revision, docChange: { start: 1, deleteCount: 0, blocks: [deep] } })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/nested deeper than 64 levels/),
    });
    // A service calling the store directly meets the same limits, checked before anything is written.
    await expect(library.services.store.saveReview({ id, baseRevision: review.revision, docChange: { start: 1, deleteCount: 0, blocks: [crowded] } })).rejects.toThrow(
      /201 claims would cover the same words \("Crime rose\."\); at most 200.*Nothing was saved/,
    );
    await expect(library.services.store.saveReview({ id, baseRevision: review.revision, docChange: { start: 1, deleteCount: 0, blocks: [deep] } })).rejects.toThrow(
      /nested deeper than 64 levels.*Nothing was saved/,
    );
    expect(await folderSnapshot(library.dataDir)).toEqual(before);
  });

  it(`is refused when it would give the article more than ${MAX_CHILDREN_PER_NODE.toLocaleString('en-US')} paragraphs`, async () => {
    const { delta: library, id } = await twins();
    const atLimit: ArticleDoc = { type: 'doc', content: Array.from({ length: MAX_CHILDREN_PER_NODE }, (_, index) => paragraph(`Line ${index}.`)) };
    const saved = await library.call('review:save', { id, baseRevision: library.services.store.getReview(id).revision, doc: atLimit, claims: [] });
    const before = await folderSnapshot(library.dataDir);
    await expect(library.call('review:save', { id, baseRevision: saved.revision, docChange: { start: 10, deleteCount: 0, blocks: [paragraph('One more.')] } })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/200,001 paragraphs; a review holds at most 200,000.*Nothing was saved/),
    });
    expect(await folderSnapshot(library.dataDir)).toEqual(before);
    // Replacing a block keeps the count: that fits, and reads only the block.
    await library.call('review:save', { id, baseRevision: saved.revision, docChange: { start: 10, deleteCount: 1, blocks: [paragraph('Line ten, edited.')] } });
    expect(library.services.store.getReview(id).doc.content?.[10]).toEqual(paragraph('Line ten, edited.'));
  }, 120_000);
});
