/**
 * One row per claim, as spreadsheets want it: RFC 4180 quoting by csv-stringify, UTF-8 with a
 * byte-order mark so Excel reads Arabic, and cells that a spreadsheet would run as a formula
 * neutralised (OWASP CSV injection: a leading = + - @ tab or CR gets a ' in front).
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { copyNote } from './evidence-copy-note';
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
  // Added after the first columns so spreadsheets and scripts reading those by position still work.
  'evidence_titles',
  'evidence_stances',
  'evidence_notes',
  'evidence_accessed',
  // A kept copy's SHA-256 (see evidence-copy-note for which file), when it was retrieved or attached, and the archive service's copy.
  'evidence_copy_sha256',
  'evidence_copy_retrieved',
  'evidence_archive_urls',
] as const;

/** Joins several values in one cell (evidence URLs, tags). */
export const CSV_LIST_SEPARATOR = ' | ';

/**
 * One cell holding several values, joined by CSV_LIST_SEPARATOR. A `|` or `\` inside a value is
 * written `\|` or `\\`, and an empty value stays in its place, so the evidence columns line up
 * item by item with evidence_urls even when a page title has a `|` in it ("Budget | Reuters").
 */
export function joinCsvList(values: readonly string[]): string {
  return values.map((value) => value.replace(/[\\|]/g, '\\$&')).join(CSV_LIST_SEPARATOR);
}

/**
 * The values of a cell written by joinCsvList (or typed by hand with `|` between values), each
 * trimmed; an empty cell gives []. Read an evidence column by position against evidence_urls:
 * a value missing there is an empty one.
 */
export function splitCsvList(cell: string): string[] {
  if (cell.trim() === '') return [];
  const values: string[] = [];
  let current = '';
  for (let index = 0; index < cell.length; index += 1) {
    const character = cell.charAt(index);
    const next = cell.charAt(index + 1);
    if (character === '\\' && (next === '|' || next === '\\')) {
      current += next;
      index += 1;
    } else if (character === '|') {
      values.push(current.trim());
      current = '';
    } else current += character;
  }
  values.push(current.trim());
  return values;
}

/** A cell value a spreadsheet will show as text, never evaluate. */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The copy columns' cells: one value per evidence item, '' for an item with no kept copy. */
function copyColumns(evidence: Parameters<typeof copyNote>[0][]): string[] {
  const notes = evidence.map(copyNote);
  return [joinCsvList(notes.map((note) => note?.file.sha256 ?? '')), joinCsvList(notes.map((note) => note?.at ?? '')), joinCsvList(notes.map((note) => note?.archiveUrl ?? ''))];
}

/**
 * The CSV export, starting with a UTF-8 byte-order mark. Its column names stay English whatever
 * the report language: they are a data format that scripts and `factmark annotate --from` read.
 * `reviewer` is who checked the claim (see ReportClaim.checkedBy).
 */
export function buildCsvReport(model: ReportModel): string {
  // Claims a merge could not place keep their row, with no position and the reason.
  const claims = [
    ...model.claims.map((reportClaim) => ({ ...reportClaim, position: [String(reportClaim.start), String(reportClaim.end)] })),
    ...model.unplaced.map((unplaced) => ({ ...unplaced, position: ['', ''] })),
  ];
  const rows = claims.map(({ claim, quote, position, verdict, attention, checkedBy }) =>
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
      joinCsvList(claim.evidence.map((item) => item.url)),
      claim.status,
      joinCsvList(claim.tags),
      checkedBy,
      claim.updatedAt,
      attention.join(' '),
      joinCsvList(claim.evidence.map((item) => item.title)),
      joinCsvList(claim.evidence.map((item) => item.stance)),
      joinCsvList(claim.evidence.map((item) => item.note)),
      joinCsvList(claim.evidence.map((item) => item.accessedAt)),
      ...copyColumns(claim.evidence),
    ].map(neutralizeFormula),
  );
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' })}`;
}
