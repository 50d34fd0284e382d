/**
 * Everything a report needs, read once from a review: claims in article order with their
 * quote, offsets, context and verdict. Every export format is built from this model.
 */
import { numberClaims } from '../model/claim-numbers';
import { quoteContext, readArticleText } from '../article/claim-spans';
import { CLAIM_ATTENTION_LABELS, type Claim } from '../model/claim';
import { CLAIM_FIELD_LABELS } from '../model/claim-history';
import { conflictNotes } from '../share-file/merge-share';
import { findVerdict, type RatingScale, type Verdict } from '../model/rating-scale';
import type { Publisher } from '../model/publisher';
import type { Review } from '../model/review';


/** Characters of context shown around a quote in a report. */
const READING_CONTEXT = 140;

export interface ReportClaim {
  /** The claim's permanent number in its review (see claim-numbers): anchors and ids are built from it. */
  number: number;
  /** Anchor id in HTML and Markdown reports. */
  anchor: string;
  claim: Claim;
  verdict: Verdict | undefined;
  quote: string;
  /** Offsets into `ReportModel.articleText`, in UTF-16 code units. */
  start: number;
  end: number;
  /** Up to QUOTE_CONTEXT_LENGTH code units before and after the quote. */
  prefix: string;
  suffix: string;
  /** A longer stretch before and after, cut at word edges, for readers. */
  contextBefore: string;
  contextAfter: string;
  /** Why this claim still needs a reviewer's look (a flag after a merge or an edit, an unsettled conflict); empty when none. */
  attention: string[];
}

/** A claim whose words are not in the article (a merge could not place it): reported apart, never dropped. */
export interface UnplacedClaim {
  number: number;
  anchor: string;
  claim: Claim;
  verdict: Verdict | undefined;
  /** The claim's words as the copy it came from had them. */
  quote: string;
  attention: string[];
}

export interface ReportModel {
  review: Review;
  scale: RatingScale;
  publisher: Publisher;
  generatedAt: string;
  articleText: string;
  claims: ReportClaim[];
  unplaced: UnplacedClaim[];
  /** When the article's words were last edited in Factmark after import; null when they are as imported. */
  textEditedAt: string | null;
}

function trimToWordStart(text: string): string {
  const space = text.search(/\s/);
  return space >= 0 && text.length >= READING_CONTEXT ? text.slice(space + 1) : text;
}

function trimToWordEnd(text: string): string {
  const space = text.search(/\s\S*$/);
  return space >= 0 && text.length >= READING_CONTEXT ? text.slice(0, space) : text;
}

/** Why `claim` needs a look, in words; `conflicts` lists the fields with two versions not settled yet. */
function attentionOf(claim: Claim, conflicts: readonly string[] | undefined): string[] {
  const reasons: string[] = [];
  if (claim.attention && claim.attention.kind !== 'orphan') reasons.push(`${CLAIM_ATTENTION_LABELS[claim.attention.kind]}. ${claim.attention.detail}`);
  if (conflicts && conflicts.length > 0) reasons.push(`Two versions of ${conflicts.join(', ').toLowerCase()} not settled yet.`);
  return reasons;
}

/**
 * The model of `review`: claims placed in the article, in article order with their permanent numbers, then the claims
 * a merge could not place, with whatever each still needs. `textEditedAt` says when the words
 * were last changed after import (null: as imported).
 */
export function buildReportModel(review: Review, scale: RatingScale, publisher: Publisher, now: Date, textEditedAt: string | null = null): ReportModel {
  const { text, spans } = readArticleText(review.doc);
  // Stored claims all have their permanent numbers; this only fills in a claim not saved yet.
  const numbered = numberClaims(review.claims, review.lastClaimNumber, () => spans.map((span) => span.claimId)).claims;
  const records = new Map(numbered.map((claim) => [claim.id, claim]));
  const quotes = new Map(spans.map((span) => [span.claimId, span.quote]));
  const conflicts = new Map(conflictNotes(review, quotes).map((note) => [note.claimId, note.fields.map((field) => CLAIM_FIELD_LABELS[field.field])]));
  const claims: ReportClaim[] = [];
  for (const span of spans) {
    const claim = records.get(span.claimId);
    if (!claim) continue;
    const number = claim.number as number;
    claims.push({
      number,
      anchor: `claim-${number}`,
      claim,
      verdict: findVerdict(scale, claim.verdictId),
      quote: span.quote,
      start: span.start,
      end: span.end,
      ...quoteContext(text, span),
      contextBefore: trimToWordStart(text.slice(Math.max(0, span.start - READING_CONTEXT), span.start).split('\n').pop() ?? ''),
      contextAfter: trimToWordEnd(text.slice(span.end, span.end + READING_CONTEXT).split('\n')[0] ?? ''),
      attention: attentionOf(claim, conflicts.get(claim.id)),
    });
  }
  const placed = new Set(spans.map((span) => span.claimId));
  // A claim's words as its history first recorded them, for claims whose words left the article.
  const firstQuotes = new Map(review.history.filter((event) => event.kind === 'created' && event.quote).map((event) => [event.claimId, event.quote as string]));
  // Unplaced claims worth reporting: a merge's orphans, and claims whose words were deleted but that hold a verdict or notes.
  const unplaced: UnplacedClaim[] = numbered
    .filter((claim) => !placed.has(claim.id) && (claim.attention !== undefined || claim.verdictId !== null || claim.rationale.trim() !== ''))
    .map((claim) => {
      const number = claim.number as number;
      const why = claim.attention?.kind === 'orphan' ? `Not placed in the article: ${claim.attention.detail}` : 'Its words are no longer in the article.';
      return { number, anchor: `claim-${number}`, claim, verdict: findVerdict(scale, claim.verdictId), quote: claim.attention?.quote || (firstQuotes.get(claim.id) ?? ''), attention: [why, ...attentionOf(claim, conflicts.get(claim.id))] };
    });
  return { review, scale, publisher, generatedAt: now.toISOString(), articleText: text, claims, unplaced, textEditedAt };
}

/**
 * Where the fact-check is published: the review's own address, or one given for this export
 * only (the command line's --report-url); '' when none is known.
 */
export function publishedUrl(model: Pick<ReportModel, 'review' | 'publisher'>): string {
  return model.publisher.reportUrl || model.review.publication?.url || '';
}

/** The address of a claim in the published report, or '' when none is known. */
export function claimUrl(model: ReportModel, reportClaim: Pick<ReportClaim, 'anchor'>): string {
  const page = publishedUrl(model);
  return page ? `${page.replace(/#.*$/, '')}#${reportClaim.anchor}` : '';
}

/** Every claim that still needs a look before the fact-check is published, with the reasons. */
export function claimsNeedingAttention(model: ReportModel): { number: number; claimId: string; quote: string; placed: boolean; reasons: string[] }[] {
  return [...model.claims, ...model.unplaced]
    .filter((reportClaim) => reportClaim.attention.length > 0)
    .map((reportClaim) => ({ number: reportClaim.number, claimId: reportClaim.claim.id, quote: reportClaim.quote, placed: 'start' in reportClaim, reasons: reportClaim.attention }));
}

/** The sentence reports print when the article's words were edited after import. */
export function textEditedNote(model: ReportModel): string | null {
  return model.textEditedAt ? `The article's text was edited in Factmark after it was imported (last on ${dayOf(model.textEditedAt)}); quotes and positions refer to the edited text.` : null;
}

/** A date `YYYY-MM-DD` of an ISO timestamp. */
export function dayOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}
