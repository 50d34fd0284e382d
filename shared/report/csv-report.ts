/**
 * One row per claim, as spreadsheets want it: RFC 4180 quoting by csv-stringify, UTF-8 with a
 * byte-order mark so Excel reads Arabic, and cells that a spreadsheet would run as a formula
 * neutralised (OWASP CSV injection: a leading = + - @ tab or CR gets a ' in front).
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { ReportModel } from './report-model';

/** The columns, in order; `factmark annotate --from` reads the same names. */
export const CSV_COLUMNS = [
  'review_id',
  'claim_id',
  'quote',
  'start',
  'end',
  'verdict',
  'rating_value',
  'rationale',
  'claimant',
  'claim_date',
  'appearance_url',
  'evidence_urls',
  'status',
  'tags',
  'reviewer',
  'last_changed',
  'needs_attention',
] as const;

/** Joins several values in one cell (evidence URLs, tags). */
export const CSV_LIST_SEPARATOR = ' | ';

/** A cell value a spreadsheet will show as text, never evaluate. */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The CSV export, starting with a UTF-8 byte-order mark. */
export function buildCsvReport(model: ReportModel): string {
  // Claims a merge could not place keep their row, with no position and the reason.
  const claims = [...model.claims.map((reportClaim) => ({ ...reportClaim, position: [String(reportClaim.start), String(reportClaim.end)] })), ...model.unplaced.map((unplaced) => ({ ...unplaced, position: ['', ''] }))];
  const rows = claims.map(({ claim, quote, position, verdict, attention }) =>
    [
      model.review.id,
      claim.id,
      quote,
      ...position,
      verdict?.label ?? '',
      verdict ? String(verdict.ratingValue) : '',
      claim.rationale,
      claim.claimant,
      claim.claimDate,
      claim.appearanceUrl,
      claim.evidence.map((item) => item.url).join(CSV_LIST_SEPARATOR),
      claim.status,
      claim.tags.join(CSV_LIST_SEPARATOR),
      model.publisher.reviewerName,
      claim.updatedAt,
      attention.join(' '),
    ].map(neutralizeFormula),
  );
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' })}`;
}
