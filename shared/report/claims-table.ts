/**
 * Every claim of the library in one table: what `factmark claims` prints and its CSV. A claim
 * reads as its summary when it has one, else its words in the article (or, for a claim whose
 * words left the article, as its history first recorded them); verdicts as the review's own
 * scale names them.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { claimQuotes } from '../article/claim-spans';
import { recordedQuotes } from '../history/recorded-quotes';
import { DEFAULT_SCALE } from '../model/rating-scale';
import type { Review } from '../model/review';
import { joinCsvList, neutralizeFormula } from './csv-report';
import type { ClaimRow, LibraryClaimRow } from './claim-row';

/** The claims of `reviews` with what the All claims view needs, review by review in the order given, each review's claims by number. */
export function libraryClaimRows(reviews: readonly Review[]): LibraryClaimRow[] {
  return reviews.flatMap((review) => {
    const quotes = claimQuotes(review.doc);
    const firstQuotes = recordedQuotes(review.history);
    const scale = review.scale ?? DEFAULT_SCALE;
    return [...review.claims]
      .sort((a, b) => (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER))
      .map((claim) => {
        const rank = claim.verdictId === null ? -1 : scale.verdicts.findIndex((verdict) => verdict.id === claim.verdictId);
        const verdict = scale.verdicts[rank];
        return {
          reviewId: review.id,
          reviewTitle: review.title,
          number: claim.number ?? null,
          quote: quotes.get(claim.id) ?? firstQuotes.get(claim.id) ?? '',
          summary: claim.summary,
          verdict: verdict?.label ?? '',
          status: claim.status,
          claimant: claim.claimant,
          claimDate: claim.claimDate,
          tags: claim.tags,
          updatedAt: claim.updatedAt,
          claimId: claim.id,
          scaleId: scale.id,
          verdictId: verdict ? verdict.id : null,
          verdictColor: verdict ? verdict.color : null,
          verdictRank: verdict ? rank : null,
          reviewCreatedAt: review.createdAt,
        };
      });
  });
}

/** The table's rows (what `factmark claims` prints) of the All claims view's rows, in the same order. */
export function claimRows(rows: readonly LibraryClaimRow[]): ClaimRow[] {
  return rows.map(({ reviewId, reviewTitle, number, quote, summary, verdict, status, claimant, claimDate, tags, updatedAt }) => ({
    reviewId,
    reviewTitle,
    number,
    quote,
    summary,
    verdict,
    status,
    claimant,
    claimDate,
    tags,
    updatedAt,
  }));
}

const COLUMNS = ['review_id', 'review_title', 'claim_number', 'quote', 'summary', 'verdict', 'status', 'claimant', 'claim_date', 'tags', 'updated_at'] as const;

/** The table as CSV for spreadsheets: UTF-8 with a byte-order mark, formulas neutralised, tags joined as the claim CSV joins lists. */
export function claimRowsCsv(rows: readonly ClaimRow[]): string {
  const cells = rows.map((row) =>
    [row.reviewId, row.reviewTitle, row.number === null ? '' : String(row.number), row.quote, row.summary, row.verdict, row.status, row.claimant, row.claimDate, joinCsvList(row.tags), row.updatedAt].map(neutralizeFormula),
  );
  return `\uFEFF${stringify([[...COLUMNS], ...cells], { record_delimiter: '\r\n' })}`;
}
