/** Turns a review into a file of one of the export formats, refusing to publish what is not ready. */
import type { ExportFormat } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/envelope';
import type { LanguageCode } from '../../../shared/i18n/languages';
import type { Publisher } from '../../../shared/model/publisher';
import type { RatingScale } from '../../../shared/model/rating-scale';
import type { Review } from '../../../shared/model/review';
import type { Reviewer } from '../../../shared/model/reviewer';
import { buildClaimReviews } from '../../../shared/report/claimreview';
import { buildCsvReport } from '../../../shared/report/csv-report';
import { buildHtmlReport } from '../../../shared/report/html-report';
import { buildMarkdownReport } from '../../../shared/report/markdown-report';
import { printFurniture, type PrintFurniture } from '../../../shared/report/print-page';
import { notReadyMessage, unfinishedClaims, unfinishedOf } from '../../../shared/report/publish-readiness';
import { buildReportModel, type ReportMode } from '../../../shared/report/report-model';
import { reportWords } from '../../../shared/report/report-words';
import { buildWebAnnotations } from '../../../shared/report/web-annotation';

/** Prints report HTML to PDF bytes, with the running header and footer given; each host brings its own. */
export type PdfRenderer = (html: string, furniture: PrintFurniture) => Promise<Uint8Array>;

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

const FILE_TYPES: Record<ExportFormat, { extension: string; mimeType: string }> = {
  html: { extension: 'html', mimeType: 'text/html;charset=utf-8' },
  pdf: { extension: 'pdf', mimeType: 'application/pdf' },
  md: { extension: 'md', mimeType: 'text/markdown;charset=utf-8' },
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
  claimreview: { extension: 'claimreview.jsonld', mimeType: 'application/ld+json' },
  webannotation: { extension: 'annotations.jsonld', mimeType: 'application/ld+json' },
};

/**
 * The formats a reader sees as the fact-check: a publish export of these is refused while a
 * claim is unfinished. CSV and Web Annotation are data for the newsroom's tools, never gated.
 */
const PUBLISHED_FORMATS: ReadonlySet<ExportFormat> = new Set(['html', 'pdf', 'md', 'claimreview']);

/** A file name stem from a title: letters of any script kept, everything else a dash. */
export function fileStem(title: string): string {
  return title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'review';
}

/** The export file name for `title` in `format`; a draft report says so in its name, so it is not published by mistake. */
export function fileNameFor(title: string, format: ExportFormat, mode: ReportMode = 'publish'): string {
  const draft = mode === 'draft' && PUBLISHED_FORMATS.has(format) && format !== 'claimreview' ? '-draft' : '';
  return `${fileStem(title)}${draft}.${FILE_TYPES[format].extension}`;
}

/**
 * The export of `review` in `format`. In `publish` mode (the default) a report or ClaimReview
 * is refused (ApiError `not-ready`, listing each unfinished claim and what it needs) until every
 * claim is ready; a `draft` report is always made, its unfinished claims marked. ClaimReview
 * describes only claims ready to publish, in a draft too, and is refused when there is none.
 */
export async function exportReview(options: {
  review: Review;
  scale: RatingScale;
  publisher: Publisher;
  format: ExportFormat;
  renderPdf: PdfRenderer;
  now?: Date;
  /** When the article's words were last edited after import, or null when they are as imported. */
  textEditedAt?: string | null;
  mode?: ReportMode;
  /** The report's language; default: the review's (see reportLanguage). */
  language?: LanguageCode;
  /** The library's reviewer, who makes this export. */
  reviewer?: Reviewer;
}): Promise<ExportedFile> {
  const { review, scale, publisher, format } = options;
  const mode = options.mode ?? 'publish';
  const now = options.now ?? new Date();
  const model = buildReportModel(review, scale, publisher, now, options.textEditedAt ?? null, {
    mode,
    // Data files (CSV, Web Annotation) are read back by programs and by `annotate --from`: they keep
    // the scale's own verdict words, in English, whatever language a report would be in.
    ...(PUBLISHED_FORMATS.has(format) ? (options.language ? { language: options.language } : {}) : { language: 'en' as const }),
    ...(options.reviewer ? { reviewer: options.reviewer } : {}),
  });
  if (mode === 'publish' && PUBLISHED_FORMATS.has(format) && unfinishedOf(model).length > 0) {
    // Refusals are in English, whatever language the report would have been in.
    throw new ApiError('not-ready', notReadyMessage(unfinishedClaims(review, scale, publisher.signOffRequired, now)));
  }
  const text = (value: string): Uint8Array => new TextEncoder().encode(value);
  let bytes: Uint8Array;
  switch (format) {
    case 'html':
      bytes = text(buildHtmlReport(model));
      break;
    case 'pdf':
      bytes = await options.renderPdf(buildHtmlReport(model), printFurniture(model));
      break;
    case 'md':
      bytes = text(buildMarkdownReport(model));
      break;
    case 'csv':
      bytes = text(buildCsvReport(model));
      break;
    case 'claimreview': {
      const claimReviews = buildClaimReviews(model);
      if (claimReviews.length === 0) throw new ApiError('not-ready', reportWords('en').t('ready.noClaimReview'));
      bytes = text(`${JSON.stringify(claimReviews, null, 2)}\n`);
      break;
    }
    case 'webannotation':
      bytes = text(`${JSON.stringify(buildWebAnnotations(model), null, 2)}\n`);
      break;
  }
  return { fileName: fileNameFor(review.title, format, mode), mimeType: FILE_TYPES[format].mimeType, bytes };
}
