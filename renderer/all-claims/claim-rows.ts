/** The All claims table's filters and column order: pure functions over the library's claim rows. */
import { CLAIM_STATUSES } from '../../shared/model/claim';
import type { LibraryClaimRow } from '../../shared/report/claim-row';
import { foldForMatch } from '../library/review-order';

/** The table's columns, each sortable. */
export const CLAIM_COLUMNS = ['claim', 'verdict', 'status', 'claimant', 'review', 'date', 'tags'] as const;
export type ClaimColumn = (typeof CLAIM_COLUMNS)[number];

export interface ClaimSort {
  column: ClaimColumn;
  direction: 'ascending' | 'descending';
}

/** What the table is narrowed to; '' means any. `verdict` is a verdict's label as shown, or NO_VERDICT. */
export interface ClaimFilter {
  text: string;
  verdict: string;
  status: string;
  tag: string;
  claimant: string;
}

/** The `verdict` filter value for claims without a verdict. */
export const NO_VERDICT = '\u0000none';

/** What a row shows as the claim: its summary, else its words in the article. */
export const claimText = (row: LibraryClaimRow): string => row.summary || row.quote;

/**
 * Rows passing `filter`. `verdictLabel` names a row's verdict as the table shows it (built-in
 * verdicts in the interface's language), so a filter chosen from the table's list matches.
 */
export function filterClaimRows(rows: readonly LibraryClaimRow[], filter: ClaimFilter, verdictLabel: (row: LibraryClaimRow) => string): LibraryClaimRow[] {
  const words = foldForMatch(filter.text.trim());
  const claimant = foldForMatch(filter.claimant.trim());
  return rows.filter(
    (row) =>
      (filter.verdict === '' || (filter.verdict === NO_VERDICT ? row.verdictId === null : row.verdictId !== null && verdictLabel(row) === filter.verdict)) &&
      (filter.status === '' || row.status === filter.status) &&
      (filter.tag === '' || row.tags.includes(filter.tag)) &&
      (claimant === '' || foldForMatch(row.claimant).includes(claimant)) &&
      (words === '' || foldForMatch(`${row.summary}\n${row.quote}\n${row.claimant}\n${row.reviewTitle}\n${row.tags.join('\n')}`).includes(words)),
  );
}

/**
 * Rows in `sort` order; ties keep the order given (review by review, by claim number). Verdicts
 * sort by their place on their scale (the built-in scale runs True … False), claims without one
 * last; statuses in workflow order; dates by when the review was made.
 */
export function sortClaimRows(rows: readonly LibraryClaimRow[], sort: ClaimSort, language: string): LibraryClaimRow[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare: Record<ClaimColumn, (left: LibraryClaimRow, right: LibraryClaimRow) => number> = {
    claim: (left, right) => collator.compare(claimText(left), claimText(right)),
    verdict: (left, right) => (left.verdictRank ?? Number.MAX_SAFE_INTEGER) - (right.verdictRank ?? Number.MAX_SAFE_INTEGER) || collator.compare(left.verdict, right.verdict),
    status: (left, right) => CLAIM_STATUSES.indexOf(left.status) - CLAIM_STATUSES.indexOf(right.status),
    claimant: (left, right) => collator.compare(left.claimant, right.claimant),
    review: (left, right) => collator.compare(left.reviewTitle, right.reviewTitle),
    date: (left, right) => left.reviewCreatedAt.localeCompare(right.reviewCreatedAt),
    tags: (left, right) => collator.compare(left.tags.join(', '), right.tags.join(', ')),
  };
  // Sorting indexes keeps ties in the order given whatever the engine's sort does.
  const indexed = rows.map((row, index) => ({ row, index }));
  indexed.sort((left, right) => sign * compare[sort.column](left.row, right.row) || left.index - right.index);
  return indexed.map(({ row }) => row);
}

/** The values the table's filter lists offer: every tag, claimant and status the rows have. */
export function filterChoices(rows: readonly LibraryClaimRow[], language: string): { tags: string[]; claimants: string[] } {
  const collator = new Intl.Collator(language);
  return {
    tags: [...new Set(rows.flatMap((row) => row.tags))].sort(collator.compare),
    claimants: [...new Set(rows.map((row) => row.claimant.trim()).filter(Boolean))].sort(collator.compare),
  };
}
