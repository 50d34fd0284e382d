/** Turns a review into a file of one of the export formats. */
import type { ExportFormat } from '../../../shared/api/contract';
import type { Publisher } from '../../../shared/model/publisher';
import type { RatingScale } from '../../../shared/model/rating-scale';
import type { Review } from '../../../shared/model/review';
import { buildClaimReviews } from '../../../shared/report/claimreview';
import { buildCsvReport } from '../../../shared/report/csv-report';
import { buildHtmlReport } from '../../../shared/report/html-report';
import { buildMarkdownReport } from '../../../shared/report/markdown-report';
import { buildReportModel } from '../../../shared/report/report-model';
import { buildWebAnnotations } from '../../../shared/report/web-annotation';

/** Prints report HTML to PDF bytes; each host brings its own. */
export type PdfRenderer = (html: string) => Promise<Uint8Array>;

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

/** A file name stem from a title: letters of any script kept, everything else a dash. */
export function fileStem(title: string): string {
  return title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'review';
}

/** The export file name for `title` in `format`. */
export function fileNameFor(title: string, format: ExportFormat): string {
  return `${fileStem(title)}.${FILE_TYPES[format].extension}`;
}

/** The export of `review` in `format`. */
export async function exportReview(options: {
  review: Review;
  scale: RatingScale;
  publisher: Publisher;
  format: ExportFormat;
  renderPdf: PdfRenderer;
  now?: Date;
  /** When the article's words were last edited after import, or null when they are as imported. */
  textEditedAt?: string | null;
}): Promise<ExportedFile> {
  const model = buildReportModel(options.review, options.scale, options.publisher, options.now ?? new Date(), options.textEditedAt ?? null);
  const text = (value: string): Uint8Array => new TextEncoder().encode(value);
  let bytes: Uint8Array;
  switch (options.format) {
    case 'html':
      bytes = text(buildHtmlReport(model));
      break;
    case 'pdf':
      bytes = await options.renderPdf(buildHtmlReport(model));
      break;
    case 'md':
      bytes = text(buildMarkdownReport(model));
      break;
    case 'csv':
      bytes = text(buildCsvReport(model));
      break;
    case 'claimreview':
      bytes = text(`${JSON.stringify(buildClaimReviews(model), null, 2)}\n`);
      break;
    case 'webannotation':
      bytes = text(`${JSON.stringify(buildWebAnnotations(model), null, 2)}\n`);
      break;
  }
  return { fileName: fileNameFor(options.review.title, options.format), mimeType: FILE_TYPES[options.format].mimeType, bytes };
}
