/**
 * Exports as the service makes them: a report or ClaimReview is published only when every claim
 * is ready, a draft always, data exports never gated; what is published passes our validator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/envelope';
import type { ExportFormat } from '../../../shared/api/contract';
import { DEFAULT_SCALE } from '../../../shared/model/rating-scale';
import type { Review } from '../../../shared/model/review';
import type { PrintFurniture } from '../../../shared/report/print-page';
import { ANA, NEWSROOM, PUBLISHABLE, withClaim } from '../../../shared/report/publishable-fixture';
import { openLibrary, type Library } from '../share/share-libraries.fixture';
import { exportReview } from './export-review';
import { validateExport } from './validate-export';

const printed: { html: string; furniture: PrintFurniture }[] = [];

function exported(review: Review, format: ExportFormat, options: Partial<Parameters<typeof exportReview>[0]> = {}) {
  return exportReview({
    review,
    scale: DEFAULT_SCALE,
    publisher: NEWSROOM,
    format,
    reviewer: ANA,
    now: new Date('2026-03-20T12:00:00.000Z'),
    // The host's printer: the PDF itself is tested with Chromium in pdf-with-chromium.test.ts.
    renderPdf: async (html, furniture) => {
      printed.push({ html, furniture });
      return new TextEncoder().encode('%PDF-1.7');
    },
    ...options,
  });
}

const text = async (file: Promise<{ bytes: Uint8Array }>): Promise<string> => new TextDecoder().decode((await file).bytes);

/** Claim 1 not reviewed, claim 2 without a verdict and not signed off. */
const UNFINISHED = withClaim(2, { verdictId: null, signOff: undefined }, withClaim(1, { status: 'in-progress' }));

describe('a publish export', () => {
  it('refuses a report or ClaimReview while claims are unfinished, listing each with what it needs', async () => {
    for (const format of ['html', 'pdf', 'md', 'claimreview'] as const) {
      const refusal = await exported(UNFINISHED, format).catch((error: unknown) => error);
      expect(refusal, format).toBeInstanceOf(ApiError);
      expect(refusal).toMatchObject({
        code: 'not-ready',
        message: '2 claims are not ready to publish: claim 1: not marked as reviewed; claim 2: no verdict yet, not signed off by an editor. Finish them, or export a draft. A newsroom that publishes without an editor’s sign-off turns that rule off in Preferences (Organisation).',
      });
    }
  });

  it('never gates the data exports: CSV and Web Annotation keep status and tags', async () => {
    const csv = await text(exported(UNFINISHED, 'csv'));
    expect(csv).toContain('in-progress');
    expect(csv).toContain('internal-tag');
    const annotations = JSON.parse(await text(exported(UNFINISHED, 'webannotation'))) as { total: number };
    expect(annotations.total).toBe(2);
    expect(validateExport(JSON.stringify(annotations)).problems).toEqual([]);
  });

  it('publishes a finished review, in every format, with ClaimReview markup our validator finds complete', async () => {
    const claimReview = await text(exported(PUBLISHABLE, 'claimreview'));
    expect(validateExport(claimReview)).toEqual({ kind: 'claimreview', problems: [] });
    expect(JSON.parse(claimReview).map((item: { reviewRating: unknown }) => item.reviewRating)).toEqual([
      { '@type': 'Rating', alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 },
      { '@type': 'Rating', alternateName: 'Unverifiable' },
    ]);
    expect((await exported(PUBLISHABLE, 'html')).fileName).toBe('Mayor-s-budget-speech.html');
    expect(await text(exported(PUBLISHABLE, 'md'))).toContain('# Fact-check: Mayor’s budget speech');
  });

  it('names the built-in verdicts in the report’s language, and keeps the scale’s own words in data files', async () => {
    const arabic = JSON.parse(await text(exported(PUBLISHABLE, 'claimreview', { language: 'ar' }))) as { reviewRating: { alternateName: string; ratingValue?: number } }[];
    expect(arabic.map((item) => item.reviewRating.alternateName)).toEqual(['خاطئ', 'لا يمكن التحقق منه']);
    expect(arabic[1]?.reviewRating.ratingValue).toBeUndefined();
    expect(await text(exported(PUBLISHABLE, 'html', { language: 'fr' }))).toContain('>Faux</span>');
    // `annotate --from` reads the CSV back: its verdicts stay the scale's own words.
    const csv = await text(exported(PUBLISHABLE, 'csv', { language: 'ar' }));
    expect(csv).toContain(',False,');
    expect(csv).not.toContain('خاطئ');
  });
});

describe('a draft export', () => {
  it('makes the report, says it is a draft in it, in its name and on every printed page', async () => {
    const html = await exported(UNFINISHED, 'html', { mode: 'draft' });
    expect(html.fileName).toBe('Mayor-s-budget-speech-draft.html');
    expect(new TextDecoder().decode(html.bytes)).toContain('Draft — not for publication');
    printed.length = 0;
    const pdf = await exported(UNFINISHED, 'pdf', { mode: 'draft', language: 'ar' });
    expect(pdf.fileName).toBe('Mayor-s-budget-speech-draft.pdf');
    expect(printed[0]?.html).toContain('<html lang="ar" dir="rtl">');
    expect(printed[0]?.furniture.headerTemplate).toContain('مسودة — ليست للنشر');
  });

  it('gives ClaimReview for the finished claims only, and refuses when none is finished', async () => {
    const oneReady = JSON.parse(await text(exported(withClaim(1, { status: 'in-progress' }), 'claimreview', { mode: 'draft' }))) as { reviewRating: { alternateName: string } }[];
    expect(oneReady.map((item) => item.reviewRating.alternateName)).toEqual(['Unverifiable']);
    await expect(exported(UNFINISHED, 'claimreview', { mode: 'draft' })).rejects.toMatchObject({ code: 'not-ready', message: expect.stringMatching(/^No claim is ready to publish, so there is nothing for ClaimReview markup to describe/) });
  });
});

describe('review:export and review:check through the handler registry', () => {
  let library: Library;
  let id = '';

  beforeAll(async () => {
    library = await openLibrary();
    await library.call('settings:setReviewer', { name: 'Ana' });
    const { review } = await library.call('review:create', { title: 'Crime', sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: 'The mayor said crime fell by 20 percent.' } });
    id = review.id;
    await library.call('review:annotate', { id, claims: [{ quote: 'crime fell by 20 percent', verdict: 'False', rationale: 'Police data says 5.', status: 'reviewed' }] });
  });

  afterAll(() => library.services.close());

  it('lists the unfinished claims, and asks for a sign-off only while the newsroom requires one', async () => {
    const check = await library.call('review:check', { id });
    expect(check.unfinished).toEqual([{ number: 1, claimId: expect.any(String), quote: 'crime fell by 20 percent', placed: true, reasons: [{ kind: 'not-signed-off', message: 'Not signed off by an editor.' }] }]);
    await expect(library.call('review:export', { id, format: 'html' })).rejects.toThrow(/^1 claim is not ready to publish: claim 1: not signed off by an editor\. Finish it, or export a draft\. A newsroom that publishes without an editor’s sign-off turns that rule off in Preferences \(Organisation\)\.$/);
    const draft = await library.call('review:export', { id, format: 'html', mode: 'draft', language: 'es', reviewerName: 'Ana María' });
    expect(Buffer.from(draft.base64, 'base64').toString('utf8')).toContain('Verificado por <bdi>Ana María</bdi>');

    await library.call('settings:setPublisher', { ...(await library.call('settings:getPublisher', {})), signOffRequired: false });
    expect((await library.call('review:check', { id })).unfinished).toEqual([]);
    const published = Buffer.from((await library.call('review:export', { id, format: 'html' })).base64, 'base64').toString('utf8');
    expect(published).toContain('Reviewed by <bdi>Ana</bdi>');
  });

  it('takes neither the sign-off rule nor the old reviewer name as an export’s override, nor a language Factmark does not speak', async () => {
    await expect(library.call('review:export', { id, format: 'html', publisher: { signOffRequired: false } } as never)).rejects.toThrow(/signOffRequired/);
    await expect(library.call('review:export', { id, format: 'html', publisher: { reviewerName: 'X' } } as never)).rejects.toThrow(/reviewerName/);
    await expect(library.call('review:export', { id, format: 'html', language: 'de' } as never)).rejects.toThrow(/language/);
  });
});
