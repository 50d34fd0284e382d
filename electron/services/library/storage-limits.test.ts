/**
 * Every limit the loader enforces holds on writing too: a review at a limit is written and reads
 * back after a restart; one just past it is refused with a clear reason before anything is
 * written, so nothing confirmed is ever quarantined on the next start.
 */
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSnapshot } from './folder-snapshot.fixture';
import type { ArticleDoc, DocNode } from '../../../shared/model/article-doc';
import { newClaim, type Claim } from '../../../shared/model/claim';
import type { ClaimEvent } from '../../../shared/model/claim-history';
import { Review } from '../../../shared/model/review';
import { MAX_CHILDREN_PER_NODE, MAX_CLAIMS, MAX_HISTORY_EVENTS, MAX_MARKS_PER_TEXT, MAX_REVIEWERS, MAX_TEXT_RUN_CHARS } from '../../../shared/model/storage-limits';
import { openFactmarkServices } from '../factmark-services';
import { LibraryStore } from './library-store';
import { assertStorable } from './storable-review';

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'factmark-limits-'));
const STAMP = '2026-01-01T00:00:00.000Z';


const paragraph = (text: string, marks?: DocNode['marks']): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] });
const docOf = (content: DocNode[]): ArticleDoc => ({ type: 'doc', content });

async function withStore(run: (store: LibraryStore, dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = await tempDir();
  const store = await LibraryStore.open(dataDir);
  try {
    await run(store, dataDir);
  } finally {
    await store.close();
  }
}

/** Creates a review with `doc`, reopens the folder and returns what was read back. */
async function createAndReload(doc: ArticleDoc): Promise<Review> {
  const dataDir = await tempDir();
  const store = await LibraryStore.open(dataDir);
  const review = await store.createReview({ title: 'At the limit', sourceUrl: '', origin: { kind: 'paste' }, doc });
  await store.close();
  const reopened = await LibraryStore.open(dataDir);
  try {
    expect(reopened.notices()).toEqual([]);
    return reopened.getReview(review.id);
  } finally {
    await reopened.close();
  }
}

describe('storage limits on writing', () => {
  it(`writes and reads back ${MAX_CHILDREN_PER_NODE.toLocaleString('en-US')} paragraphs, and refuses one more before writing`, async () => {
    const atLimit = docOf(Array.from({ length: MAX_CHILDREN_PER_NODE }, (_, index) => paragraph(`Line ${index} says something.`)));
    expect((await createAndReload(atLimit)).doc.content).toHaveLength(MAX_CHILDREN_PER_NODE);
    await withStore(async (store, dataDir) => {
      const before = await folderSnapshot(dataDir);
      const past = docOf([...(atLimit.content ?? []), paragraph('One more.')]);
      await expect(store.createReview({ title: 'Past', sourceUrl: '', origin: { kind: 'paste' }, doc: past })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/200,001 paragraphs; a review holds at most 200,000.*Nothing was saved/) });
      expect(await folderSnapshot(dataDir)).toEqual(before);
    });
  }, 120_000);

  it(`writes a text run of ${MAX_TEXT_RUN_CHARS.toLocaleString('en-US')} characters and refuses one more`, async () => {
    const long = 'a'.repeat(MAX_TEXT_RUN_CHARS);
    expect((await createAndReload(docOf([paragraph(long)]))).doc.content?.[0]?.content?.[0]?.text).toHaveLength(MAX_TEXT_RUN_CHARS);
    await withStore(async (store, dataDir) => {
      const before = await folderSnapshot(dataDir);
      await expect(store.createReview({ title: 'Past', sourceUrl: '', origin: { kind: 'paste' }, doc: docOf([paragraph(`${long}a`)]) })).rejects.toThrow(/paragraph of 10,000,001 characters/);
      expect(await folderSnapshot(dataDir)).toEqual(before);
    });
  }, 120_000);

  it(`keeps ${MAX_MARKS_PER_TEXT} claims on the same words and refuses the next one with what to do`, async () => {
    const ids = Array.from({ length: MAX_MARKS_PER_TEXT + 1 }, (_, index) => `claim-${index.toString().padStart(6, '0')}`);
    const marks = (count: number) => ids.slice(0, count).map((claimId) => ({ type: 'claim', attrs: { claimId } }));
    await withStore(async (store, dataDir) => {
      const review = await store.createReview({ title: 'Marks', sourceUrl: '', origin: { kind: 'paste' }, doc: docOf([paragraph('Crime fell.')]) });
      const claims = ids.map((id) => newClaim(id, STAMP));
      await store.saveReview({ id: review.id, baseRevision: review.revision, doc: docOf([paragraph('Crime fell.', marks(MAX_MARKS_PER_TEXT))]), claims: claims.slice(0, MAX_MARKS_PER_TEXT) });
      const before = await folderSnapshot(dataDir);
      await expect(
        store.saveReview({ id: review.id, baseRevision: review.revision + 1, doc: docOf([paragraph('Crime fell.', marks(MAX_MARKS_PER_TEXT + 1))]), claims }),
      ).rejects.toThrow(/201 claims would cover the same words \("Crime fell\."\); at most 200/);
      expect(await folderSnapshot(dataDir)).toEqual(before);
      await store.close();
      const reopened = await LibraryStore.open(dataDir);
      expect(reopened.getReview(review.id).claims).toHaveLength(MAX_MARKS_PER_TEXT);
      await reopened.close();
    });
  }, 60_000);

  it(`writes ${MAX_CLAIMS.toLocaleString('en-US')} claim records and refuses one more`, async () => {
    const claims: Claim[] = Array.from({ length: MAX_CLAIMS + 1 }, (_, index) => ({ ...newClaim(`claim-${index.toString().padStart(8, '0')}`, STAMP), rationale: 'Kept.' }));
    await withStore(async (store, dataDir) => {
      const review = await store.createReview({ title: 'Claims', sourceUrl: '', origin: { kind: 'paste' }, doc: docOf([paragraph('Words.')]) });
      const before = await folderSnapshot(dataDir);
      await expect(store.saveReview({ id: review.id, baseRevision: review.revision, doc: review.doc, claims })).rejects.toThrow(/50,001 claims; one review holds at most 50,000/);
      expect(await folderSnapshot(dataDir)).toEqual(before);
      await store.saveReview({ id: review.id, baseRevision: review.revision, doc: review.doc, claims: claims.slice(0, MAX_CLAIMS) });
      await store.close();
      const reopened = await LibraryStore.open(dataDir);
      expect(reopened.notices()).toEqual([]);
      expect(reopened.getReview(review.id).claims).toHaveLength(MAX_CLAIMS);
      await reopened.close();
    });
  }, 180_000);

  it('checks the history and reviewers lists at their limits as the loader does', () => {
    const event: ClaimEvent = { id: 'event-00000001', claimId: 'claim-00000001', parents: [], author: 'reviewer-1', at: STAMP, kind: 'created', set: {} };
    const review: Review = { id: 'review-0001', title: 'History', sourceUrl: '', byline: '', publishedAt: '', outlet: '', language: '', createdAt: STAMP, updatedAt: STAMP, scaleId: 'default', origin: { kind: 'paste' }, doc: docOf([paragraph('Words.')]), claims: [], history: [], reviewers: [], revision: 1, lastClaimNumber: 0 };
    const atLimit = { ...review, history: Array<ClaimEvent>(MAX_HISTORY_EVENTS).fill(event), reviewers: Array.from({ length: MAX_REVIEWERS }, (_, index) => ({ id: `reviewer-${index.toString().padStart(6, '0')}`, name: '' })) };
    expect(() => assertStorable(atLimit)).not.toThrow();
    expect(Review.safeParse(atLimit).success).toBe(true);
    const pastHistory = { ...atLimit, history: [...atLimit.history, event] };
    expect(() => assertStorable(pastHistory)).toThrow(/1,000,001 events; one review keeps at most 1,000,000/);
    expect(Review.safeParse(pastHistory).success).toBe(false);
    const pastReviewers = { ...atLimit, reviewers: [...atLimit.reviewers, { id: 'reviewer-extra', name: '' }] };
    expect(() => assertStorable(pastReviewers)).toThrow(/^The reviewers list has too many items \(at most 10,000\)\. Nothing was saved\.$/);
    expect(Review.safeParse(pastReviewers).success).toBe(false);
  }, 60_000);
});

describe('imports that go past a limit', () => {
  async function servicesIn(dataDir: string) {
    return openFactmarkServices({ dataDir, mode: 'cli', renderPdf: async () => new Uint8Array() });
  }
  const importText = (text: string, fileName = 'l.txt') => ({ fileName, base64: Buffer.from(text).toString('base64') });

  it('refuses a text of 200,001 lines before "Imported", and imports 200,000 lines that read back', async () => {
    const dataDir = await tempDir();
    const services = await servicesIn(dataDir);
    const lines = (count: number): string => Array.from({ length: count }, (_, index) => `Line ${index + 1} says something.`).join('\n');
    const before = await folderSnapshot(dataDir);
    await expect(services.handlers['review:import'](importText(lines(MAX_CHILDREN_PER_NODE + 1)))).rejects.toThrow(/l\.txt: The article has 200,001 paragraphs.*Split the document into parts.*Nothing was added/);
    expect(await folderSnapshot(dataDir)).toEqual(before);
    const { review } = await services.handlers['review:import'](importText(lines(MAX_CHILDREN_PER_NODE)));
    await services.close();
    const reopened = await LibraryStore.open(dataDir);
    expect(reopened.notices()).toEqual([]);
    expect(reopened.getReview(review.id).doc.content).toHaveLength(MAX_CHILDREN_PER_NODE);
    await reopened.close();
  }, 180_000);

  it('splits an 11 MB single-line text at sentence ends, says so, and reads it back whole', async () => {
    const dataDir = await tempDir();
    const services = await servicesIn(dataDir);
    const sentence = 'The minister said unemployment fell to 3.4 percent last year. ';
    const text = sentence.repeat(Math.ceil(11_000_000 / sentence.length));
    const { review, notes } = await services.handlers['review:import'](importText(text));
    expect(notes.join(' ')).toMatch(/One paragraph was longer than 100,000 characters and was split into shorter ones at sentence ends/);
    await services.close();
    const reopened = await LibraryStore.open(dataDir);
    const stored = reopened.getReview(review.id);
    const paragraphs = (stored.doc.content ?? []).map((node) => node.content?.[0]?.text ?? '');
    expect(paragraphs.length).toBeGreaterThan(100);
    expect(paragraphs.every((words) => words.length <= 100_000 && words.endsWith('last year.'))).toBe(true);
    expect(paragraphs.join(' ')).toBe(text.trim());
    await reopened.close();
    expect((await stat(join(dataDir, 'reviews', `${review.id}.json`))).size).toBeGreaterThan(11_000_000);
  }, 120_000);

  it('refuses a 201st claim on the same words from the command line, writing nothing', async () => {
    const dataDir = await tempDir();
    const services = await servicesIn(dataDir);
    const { review } = await services.handlers['review:create']({ title: 'Same words', sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: 'Crime fell by 20 percent last year.' } });
    const request = { quote: 'Crime fell', summary: '', rationale: '', claimant: '', claimDate: '', appearanceUrl: '', evidenceUrls: [], status: 'to-check' as const, tags: [] };
    await services.handlers['review:annotate']({ id: review.id, claims: Array.from({ length: MAX_MARKS_PER_TEXT }, (_, index) => ({ ...request, rationale: `Reading ${index}` })) });
    const before = await folderSnapshot(dataDir);
    await expect(services.handlers['review:annotate']({ id: review.id, claims: [{ ...request, rationale: 'One too many' }] })).rejects.toThrow(/201 claims would cover the same words/);
    expect(await folderSnapshot(dataDir)).toEqual(before);
    await services.close();
    const reopened = await LibraryStore.open(dataDir);
    expect(reopened.getReview(review.id).claims).toHaveLength(MAX_MARKS_PER_TEXT);
    await reopened.close();
  }, 60_000);
});
