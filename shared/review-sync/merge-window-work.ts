/**
 * Merging a window's unsaved work with what another window (or the command line) saved
 * meanwhile, with the same per-claim history merge that share files use: changes to different
 * fields are both kept, the same field changed differently becomes a conflict to choose under
 * Needs attention, a deletion stands only if the other side left the claim alone. Never
 * last-writer-wins.
 */
import { readArticleText } from '../article/claim-spans';
import { recordEdits } from '../history/record-edits';
import type { ArticleDoc } from '../model/article-doc';
import type { Claim } from '../model/claim';
import type { ClaimEvent } from '../model/claim-history';
import type { Review } from '../model/review';
import { anchorsOf } from '../share-file/claim-anchors';
import { mergeShare, type MergeSource } from '../share-file/merge-share';
import type { MergeReport } from '../share-file/merge-report';

/** What a window holds now: its article and claim records. */
export interface WindowWork {
  doc: ArticleDoc;
  claims: Claim[];
}

export interface MergeWindowWorkInput {
  /** The review as this window last read or saved it, with its history. */
  base: Review;
  mine: WindowWork;
  /** The review as it is stored now. */
  theirs: Review;
  /** This data folder's reviewer, who made this window's changes. */
  author: string;
  now: Date;
  newId: () => string;
}

export interface MergedWindowWork {
  /** The stored review with this window's work merged in (still at the stored revision). */
  review: Review;
  /** The history events this window's changes became; they travel with the save. */
  events: ClaimEvent[];
  /** Both sides changed the article's words: this window's text was kept (the other is the caller's to keep safe). */
  textConflict: boolean;
  report: MergeReport;
}

function sourceOf(review: Pick<Review, 'history' | 'reviewers'>, work: WindowWork, text: string): MergeSource {
  const anchors = anchorsOf(work.doc);
  return { history: review.history, reviewers: review.reviewers, claims: work.claims.map((claim) => ({ ...claim, anchor: anchors.get(claim.id) ?? null })), article: { text } };
}

/** `mine` merged into `theirs` as if `mine` were a share file made from `base`. Pure. */
export function mergeWindowWork(input: MergeWindowWorkInput): MergedWindowWork {
  const { base, mine, theirs } = input;
  const mineText = readArticleText(mine.doc);
  const quotes = new Map(mineText.spans.map((span) => [span.claimId, span.quote]));
  // This window's changes since its base, as new events after what it had read (never amending:
  // the other side may already hold those events).
  const recorded = recordEdits({
    history: base.history,
    before: base.claims,
    after: mine.claims,
    author: input.author,
    now: input.now,
    newId: input.newId,
    sealedUntil: input.now.toISOString(),
    quoteOf: (claimId) => quotes.get(claimId),
  });
  const baseText = readArticleText(base.doc).text;
  const theirText = readArticleText(theirs.doc).text;
  const theyChangedText = theirText !== baseText && theirText !== mineText.text;
  const iChangedText = mineText.text !== baseText;
  const mineAsReview: Review = { ...theirs, doc: mine.doc, claims: mine.claims, history: recorded, reviewers: base.reviewers };

  // The words come from the side that changed them; the other side's claims are placed into them.
  const merged =
    theyChangedText && !iChangedText
      ? mergeShare(theirs, sourceOf(mineAsReview, mine, mineText.text))
      : mergeShare(mineAsReview, sourceOf(theirs, { doc: theirs.doc, claims: theirs.claims }, theirText));
  const stored = new Set(theirs.history.map((event) => event.id));
  const review: Review = {
    ...theirs,
    doc: merged.review.doc,
    claims: merged.review.claims,
    history: merged.review.history,
    reviewers: merged.review.reviewers,
  };
  return {
    review,
    events: review.history.filter((event) => !stored.has(event.id)),
    textConflict: theyChangedText && iChangedText,
    report: merged.report,
  };
}
