/**
 * Everything a report needs, read once from a review: claims in article order with their
 * quote, offsets, context and verdict. Every export format is built from this model.
 */
import { quoteContext, readArticleText } from '../article/claim-spans';
import type { Claim } from '../model/claim';
import { findVerdict, type RatingScale, type Verdict } from '../model/rating-scale';
import type { Publisher } from '../model/publisher';
import type { Review } from '../model/review';


/** Characters of context shown around a quote in a report. */
const READING_CONTEXT = 140;

export interface ReportClaim {
  /** 1-based position in article order, as the report numbers claims. */
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
}

export interface ReportModel {
  review: Review;
  scale: RatingScale;
  publisher: Publisher;
  generatedAt: string;
  articleText: string;
  claims: ReportClaim[];
}

function trimToWordStart(text: string): string {
  const space = text.search(/\s/);
  return space >= 0 && text.length >= READING_CONTEXT ? text.slice(space + 1) : text;
}

function trimToWordEnd(text: string): string {
  const space = text.search(/\s\S*$/);
  return space >= 0 && text.length >= READING_CONTEXT ? text.slice(0, space) : text;
}

/** The model of `review`: only claims placed in the article, numbered in article order. */
export function buildReportModel(review: Review, scale: RatingScale, publisher: Publisher, now: Date): ReportModel {
  const { text, spans } = readArticleText(review.doc);
  const records = new Map(review.claims.map((claim) => [claim.id, claim]));
  const claims: ReportClaim[] = [];
  for (const span of spans) {
    const claim = records.get(span.claimId);
    if (!claim) continue;
    const number = claims.length + 1;
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
    });
  }
  return { review, scale, publisher, generatedAt: now.toISOString(), articleText: text, claims };
}

/** The address of claim `number` in the published report, or '' when none is known. */
export function claimUrl(model: ReportModel, reportClaim: ReportClaim): string {
  return model.publisher.reportUrl ? `${model.publisher.reportUrl.replace(/#.*$/, '')}#${reportClaim.anchor}` : '';
}

/** A date `YYYY-MM-DD` of an ISO timestamp. */
export function dayOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}
