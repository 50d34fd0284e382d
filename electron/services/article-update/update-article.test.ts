/**
 * Update article through the real handlers over a temp data folder: a newer version pasted or
 * read from a file, the version list with its fingerprints, claims moved, edited or orphaned with
 * their flags, and every refusal leaving the folder byte for byte.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlerRegistry } from '../../api/handler-registry';
import { ApiError } from '../../../shared/api/envelope';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/api/contract';
import { missReason } from '../../../shared/anchoring/re-anchor';
import { readArticleText } from '../../../shared/article/claim-spans';
import { openFactmarkServices, type FactmarkServices } from '../factmark-services';
import { folderSnapshot } from '../library/folder-snapshot.fixture';

type Call = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

const OLD = [
  'The minister said unemployment fell by 20 percent last year, the lowest in a decade.',
  'Crime rose 5 percent in the city, police said on Monday.',
  'The budget is 3 billion dollars, the mayor said at the council meeting.',
  'Schools will get 400 new teachers by September, the education office promised.',
].join('\n\n');

/** The outlet's newer version: a correction on top, one claim's words edited, one claim's sentence gone. */
const NEW = [
  'Correction: an earlier version of this story misstated the budget.',
  'The minister said unemployment fell by 20 percent last year, the lowest in a decade.',
  'Crime rose 5 percent in the city, police said on Monday.',
  'The budget is 3.5 billion dollars, the mayor said at the council meeting.',
].join('\n\n');

const CLAIMS = [
  { quote: 'unemployment fell by 20 percent last year', verdict: 'False' },
  { quote: 'Crime rose 5 percent in the city', verdict: 'True' },
  {
    quote: 'The budget is 3 billion dollars, the mayor said',
    verdict: 'Mostly false',
  },
  { quote: 'Schools will get 400 new teachers by September', verdict: 'True' },
];

const opened: FactmarkServices[] = [];
afterEach(async () => {
  for (const services of opened.splice(0)) await services.close();
});

async function library(): Promise<{
  call: Call;
  dataDir: string;
  services: FactmarkServices;
}> {
  const dataDir = await mkdtemp(join(tmpdir(), 'factmark-update-'));
  const services = await openFactmarkServices({
    dataDir,
    mode: 'cli',
    renderPdf: async () => new Uint8Array(),
  });
  opened.push(services);
  const registry = createHandlerRegistry({
    ...services.handlers,
    'shell:openExternal': async () => ({ opened: false }),
  });
  const call: Call = async (channel, input) => {
    const result = await registry.invoke(channel, input);
    if (!result.ok) throw new ApiError(result.error.code, result.error.message);
    return result.value as never;
  };
  return { call, dataDir, services };
}

/** A library with the OLD article pasted as a review and CLAIMS marked and rated. */
async function checkedReview(claims: ChannelInput<'review:annotate'>['claims'] = CLAIMS): Promise<{
  call: Call;
  dataDir: string;
  id: string;
  services: FactmarkServices;
}> {
  const lib = await library();
  const { review } = await lib.call('review:create', {
    title: 'Jobs',
    sourceUrl: '',
    origin: { kind: 'paste', importedAt: '2026-03-01T09:00:00.000Z' },
    article: { format: 'text', body: OLD },
  });
  await lib.call('review:annotate', { id: review.id, claims });
  return { ...lib, id: review.id };
}

const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const pasted = (body: string) => ({
  kind: 'pasted' as const,
  format: 'text' as const,
  body,
});

describe('Update article', () => {
  it('moves claims onto a pasted newer version: unchanged words follow, edited words are flagged, deleted ones are orphaned, verdicts are kept', async () => {
    const { call, id } = await checkedReview();
    const before = await call('review:get', { id });
    const result = await call('review:updateArticle', {
      id,
      source: pasted(NEW),
      preview: false,
      baseRevision: before.revision,
    });

    const byQuote = new Map(result.claims.map((outcome) => [outcome.quote, outcome]));
    expect(byQuote.get('unemployment fell by 20 percent last year')).toMatchObject({ kind: 'moved', flagged: false });
    expect(byQuote.get('Crime rose 5 percent in the city')).toMatchObject({
      kind: 'moved',
      flagged: false,
    });
    expect(byQuote.get('The budget is 3 billion dollars, the mayor said')).toMatchObject({
      kind: 'changed',
      flagged: true,
      newQuote: 'The budget is 3.5 billion dollars, the mayor said',
    });
    expect(byQuote.get('Schools will get 400 new teachers by September')).toMatchObject({ kind: 'orphaned', flagged: true });
    expect(result.counts).toMatchObject({
      unchanged: 0,
      moved: 2,
      changed: 1,
      orphaned: 1,
      affected: 2,
      afterCheck: true,
      unplaced: 0,
    });
    expect(result.version).toMatchObject({
      number: 2,
      source: 'paste',
      sha256: sha256(Buffer.from(NEW, 'utf8')),
      characters: readArticleText((await call('review:get', { id })).doc).text.length,
    });
    expect(result.diff.changes.map((change) => [change.before, change.after])).toContainEqual(['', '.5']);

    const stored = await call('review:get', { id });
    expect(result.review?.revision).toBe(stored.revision);
    const { text, spans } = readArticleText(stored.doc);
    expect(text.startsWith('Correction:')).toBe(true);
    expect(new Map(spans.map((span) => [stored.claims.find((claim) => claim.id === span.claimId)?.verdictId, span.quote]))).toEqual(
      new Map([
        ['false', 'unemployment fell by 20 percent last year'],
        ['true', 'Crime rose 5 percent in the city'],
        ['mostly-false', 'The budget is 3.5 billion dollars, the mayor said'],
      ]),
    );
    const schools = stored.claims.find((claim) => claim.attention?.kind === 'orphan');
    expect(schools).toMatchObject({
      verdictId: 'true',
      attention: { quote: 'Schools will get 400 new teachers by September' },
    });
    expect(stored.claims.find((claim) => claim.attention?.kind === 'changed')?.attention?.detail).toMatch(/version 2 .*3\.5 billion/);
    // Beside the English sentence, the cause as data for the interface to word in its language.
    const edited = stored.claims.find((claim) => claim.attention?.kind === 'changed')?.attention;
    expect(edited?.why).toMatchObject({ code: 'update-changed', version: 2, words: 'The budget is 3.5 billion dollars, the mayor said' });
    const similarity = edited?.why?.code === 'update-changed' ? edited.why.similarity : -1;
    expect(similarity).toBeGreaterThanOrEqual(75);
    expect(edited?.detail).toContain(`(${similarity} % alike)`);
    expect(schools?.attention?.why).toEqual({ code: 'update-not-found', version: 2, miss: { code: 'gone' } });
    expect(schools?.attention?.detail).toContain(`version 2 of the article: ${missReason({ code: 'gone' })}.`);
    expect(stored.claims.filter((claim) => claim.attention)).toHaveLength(2);
    // Nothing about the claims' fields changed: no history event was added.
    expect(stored.history).toEqual(before.history);

    const check = await call('review:check', { id });
    expect(check.claims.map((claim) => claim.placed).sort()).toEqual([false, true]);
    expect(check.textEditedAt).toBeNull();
  });

  it('reads a newer version from a saved page, keeps the file and every version with its SHA-256, and gives any version’s text', async () => {
    const { call, id, dataDir } = await checkedReview();
    const html = `<!doctype html><html lang="en"><head><title>Jobs</title></head><body><article>${NEW.split('\n\n')
      .map((paragraph) => `<p>${paragraph}</p>`)
      .join('')}</article></body></html>`;
    const bytes = Buffer.from(html, 'utf8');
    const { revision } = await call('review:get', { id });
    const result = await call('review:updateArticle', {
      id,
      source: {
        kind: 'file',
        fileName: 'jobs-v2.html',
        base64: bytes.toString('base64'),
      },
      preview: false,
      baseRevision: revision,
    });
    expect(result.version).toMatchObject({
      number: 2,
      source: 'page',
      fileName: 'jobs-v2.html',
      sha256: sha256(bytes),
    });

    const { versions } = await call('review:versions', { id });
    expect(versions.map((version) => [version.number, version.source, version.importedAt <= result.version.importedAt])).toEqual([
      [1, 'paste', true],
      [2, 'page', true],
    ]);
    expect(versions[0]).toMatchObject({
      importedAt: '2026-03-01T09:00:00.000Z',
      sha256: sha256(OLD.split('\n\n').join('\n')),
      characters: OLD.split('\n\n').join('\n').length,
    });
    expect(versions[1]).toEqual(result.version);
    expect(await readFile(join(dataDir, 'originals', id, 'versions', '2-jobs-v2.html'))).toEqual(bytes);
    expect((await call('review:versionText', { id, number: 1 })).text).toBe(OLD.split('\n\n').join('\n'));
    expect((await call('review:versionText', { id, number: 2 })).text).toBe(NEW.split('\n\n').join('\n'));
    await expect(call('review:versionText', { id, number: 3 })).rejects.toMatchObject({ code: 'not-found' });
    // Compare with original now compares with the version brought in last.
    expect(readArticleText((await call('review:original', { id })).doc!).text).toBe(NEW.split('\n\n').join('\n'));

    // A third version counts from the second; version 1 stays as first imported.
    const third = await call('review:updateArticle', {
      id,
      source: pasted(`${NEW}\n\nUpdated at 5pm.`),
      preview: false,
      baseRevision: (await call('review:get', { id })).revision,
    });
    expect(third.version.number).toBe(3);
    expect(third.previousVersion).toBe(2);
    expect((await call('review:versions', { id })).versions.map((version) => version.number)).toEqual([1, 2, 3]);
    expect((await call('review:versionText', { id, number: 1 })).text).toBe(OLD.split('\n\n').join('\n'));
  });

  it('previews without writing a byte, and refuses a stale window, an unreadable file and an unchanged text the same way', async () => {
    const { call, id, dataDir } = await checkedReview();
    const { revision } = await call('review:get', { id });
    const before = await folderSnapshot(dataDir);

    const preview = await call('review:updateArticle', {
      id,
      source: pasted(NEW),
      preview: true,
      baseRevision: revision,
    });
    expect(preview.review).toBeNull();
    expect(preview.counts).toMatchObject({ changed: 1, orphaned: 1 });
    expect(await folderSnapshot(dataDir)).toEqual(before);

    await expect(
      call('review:updateArticle', {
        id,
        source: pasted(NEW),
        preview: false,
        baseRevision: revision - 1,
      }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/not updated/),
    });
    await expect(
      call('review:updateArticle', {
        id,
        source: pasted(NEW),
        preview: true,
        baseRevision: revision - 1,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const broken = Buffer.from('%PDF-1.7\nnot really a pdf');
    await expect(
      call('review:updateArticle', {
        id,
        source: {
          kind: 'file',
          fileName: 'v2.pdf',
          base64: broken.toString('base64'),
        },
        preview: false,
        baseRevision: revision,
      }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/v2\.pdf.*not updated/s),
    });
    await expect(
      call('review:updateArticle', {
        id,
        source: {
          kind: 'file',
          fileName: 'v2.odt',
          base64: broken.toString('base64'),
        },
        preview: false,
        baseRevision: revision,
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(
      call('review:updateArticle', {
        id,
        source: pasted(OLD),
        preview: false,
        baseRevision: revision,
      }),
    ).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringMatching(/nothing to update/),
    });
    expect(
      (
        await call('review:updateArticle', {
          id,
          source: pasted(OLD),
          preview: true,
          baseRevision: revision,
        })
      ).sameText,
    ).toBe(true);
    expect(await folderSnapshot(dataDir)).toEqual(before);
    expect((await call('review:get', { id })).revision).toBe(revision);
  });

  it('leaves every file as it was when the review cannot be written, keeping no version files behind', async () => {
    const { call, id, dataDir } = await checkedReview();
    const { revision } = await call('review:get', { id });
    const before = await folderSnapshot(dataDir);
    // A folder where the review's temp file must go: the write of the review fails after the version files were written.
    await mkdir(join(dataDir, 'reviews', `${id}.json.tmp`));
    await expect(
      call('review:updateArticle', {
        id,
        source: pasted(NEW),
        preview: false,
        baseRevision: revision,
      }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(await folderSnapshot(dataDir)).toEqual(before);
    expect(await readdir(join(dataDir, 'originals', id))).not.toContain('versions');
    expect((await call('review:get', { id })).revision).toBe(revision);
    expect((await call('review:versions', { id })).versions).toHaveLength(1);
  });

  it('says in reports that the article was updated after the check, with the claims affected, in the report’s language', async () => {
    const { call, id } = await checkedReview();
    await call('review:updateArticle', {
      id,
      source: pasted(NEW),
      preview: false,
      baseRevision: (await call('review:get', { id })).revision,
    });
    const day = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date());
    const markdown = Buffer.from((await call('review:export', { id, format: 'md', mode: 'draft' })).base64, 'base64').toString('utf8');
    expect(markdown).toContain(`Article updated on ${day} after the check: 2 claims affected.`);
    const html = Buffer.from((await call('review:export', { id, format: 'html', mode: 'draft' })).base64, 'base64').toString('utf8');
    expect(html).toContain(`<p class="note article-updated">Article updated on ${day} after the check: 2 claims affected.</p>`);
    const arabic = Buffer.from(
      (
        await call('review:export', {
          id,
          format: 'html',
          mode: 'draft',
          language: 'ar',
        })
      ).base64,
      'base64',
    ).toString('utf8');
    expect(arabic).toMatch(/حُدِّث المقال في .* بعد التحقق: تأثر ادعاءان\./);
    const french = Buffer.from(
      (
        await call('review:export', {
          id,
          format: 'md',
          mode: 'draft',
          language: 'fr',
        })
      ).base64,
      'base64',
    ).toString('utf8');
    expect(french).toContain('après la vérification\u00a0: 2 affirmations concernées.');
  });

  it('shares an updated review: the share file validates and a colleague gets the current article with the flags, while the version list stays in this library', async () => {
    const { call, id } = await checkedReview();
    await call('review:updateArticle', { id, source: pasted(NEW), preview: false, baseRevision: (await call('review:get', { id })).revision });
    const file = await call('share:create', { id });
    const colleague = await library();
    const opened = await colleague.call('share:open', { fileName: file.fileName, base64: file.base64 });
    expect(opened.outcome).toBe('added');
    const theirs = await colleague.call('review:get', { id });
    expect(readArticleText(theirs.doc).text.startsWith('Correction:')).toBe(true);
    expect(
      theirs.claims
        .filter((claim) => claim.attention)
        .map((claim) => claim.attention?.kind)
        .sort(),
    ).toEqual(['changed', 'orphan']);
    expect(theirs.articleVersions).toBeUndefined();
    // Merging it back changes nothing here, and the list is kept.
    const back = await call('share:open', { fileName: file.fileName, base64: file.base64, expectReviewId: id });
    expect(back.outcome).toBe('merged');
    expect((await call('review:versions', { id })).versions).toHaveLength(2);
  });

  it('says nothing in reports when the article was updated before any claim had a verdict', async () => {
    const { call, id } = await checkedReview(CLAIMS.map(({ quote }) => ({ quote })));
    const result = await call('review:updateArticle', {
      id,
      source: pasted(NEW),
      preview: false,
      baseRevision: (await call('review:get', { id })).revision,
    });
    expect(result.counts).toMatchObject({ afterCheck: false, affected: 2 });
    const markdown = Buffer.from((await call('review:export', { id, format: 'md', mode: 'draft' })).base64, 'base64').toString('utf8');
    expect(markdown).not.toContain('Article updated');
  });
});
