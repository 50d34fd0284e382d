/**
 * Everything a report needs, read once from a review: claims in article order with their
 * quote, offsets, context and verdict. Every export format is built from this model.
 */
import { numberClaims } from '../model/claim-numbers';
import { quoteContext, readArticleText } from '../article/claim-spans';
import { claimAuthor } from '../history/claim-author';
import type { LanguageCode } from '../i18n/languages';
import { localisedScale } from '../i18n/scale-words';
import { CLAIM_ATTENTION_LABELS, type Claim } from '../model/claim';
import { CLAIM_FIELD_LABELS, type ClaimField } from '../model/claim-history';
import { conflictNotes } from '../share-file/merge-share';
import { findVerdict, type RatingScale, type Verdict } from '../model/rating-scale';
import type { Publisher } from '../model/publisher';
import type { Review } from '../model/review';
import type { Reviewer } from '../model/reviewer';
import { signOffState } from '../model/sign-off';
import { unfinishedReasons, type UnfinishedReason } from './claim-readiness';
import { reportLanguage, reportWords, type ReportWords } from './report-words';
import { recordedQuotes } from '../history/recorded-quotes';
import { claimStates } from '../history/claim-state';
import { branchedClaims } from './branched-history';

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
  /** What it still needs before it is published, in the report's language; empty when it is ready. */
  unfinished: UnfinishedReason[];
  /**
   * The name of the reviewer who checked it: the author its history names, else (a claim from
   * before histories) the reviewer making the export; '' when that person gave no name.
   */
  checkedBy: string;
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
  unfinished: UnfinishedReason[];
  checkedBy: string;
}

/** `publish`: the fact-check as readers see it; `draft`: for the newsroom, unfinished claims marked with what they need. */
export type ReportMode = 'publish' | 'draft';

/** How a report is made beyond the review itself. */
export interface ReportOptions {
  /** Default `publish`. */
  mode?: ReportMode;
  /** Default: chosen from the review (see reportLanguage). */
  language?: LanguageCode;
  /**
   * The library's reviewer, who makes the export: names them by their current name, and stands
   * as who checked a claim whose history names no one (a claim from before histories).
   */
  reviewer?: Reviewer;
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
  mode: ReportMode;
  /** The report's language, with its words, dates and direction. */
  words: ReportWords;
  reviewer: Reviewer | undefined;
  /** Names for the byline: who checked the claims (their authors) and who edited them (whose sign-off holds). */
  credits: { reviewers: string[]; editors: string[] };
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
function attentionOf(claim: Claim, conflicts: readonly ClaimField[]): string[] {
  const reasons: string[] = [];
  if (claim.attention && claim.attention.kind !== 'orphan') reasons.push(`${CLAIM_ATTENTION_LABELS[claim.attention.kind]}. ${claim.attention.detail}`);
  if (conflicts.length > 0) reasons.push(`Two versions of ${conflicts.map((field) => CLAIM_FIELD_LABELS[field]).join(', ').toLowerCase()} not settled yet.`);
  return reasons;
}

/**
 * Whether a claim whose words are not in the article still belongs in reports: a merge's orphan,
 * or a claim that holds a verdict, a rationale or evidence. One with nothing recorded is not a
 * published claim: it was marked and its words deleted before any work was done on it.
 */
function worthReporting(claim: Claim): boolean {
  return claim.attention !== undefined || claim.verdictId !== null || claim.rationale.trim() !== '' || claim.evidence.length > 0;
}

/** Reviewer names by id: those the review's history names, and the library's reviewer by their current name. */
function namesOf(review: Review, reviewer: Reviewer | undefined): (id: string | undefined) => string {
  const names = new Map(review.reviewers.map((person) => [person.id, person.name.trim()]));
  if (reviewer) names.set(reviewer.id, reviewer.name.trim());
  return (id) => (id === undefined ? '' : (names.get(id) ?? ''));
}

/** Each name once, in the order first met, without the unnamed. */
const distinct = (names: readonly string[]): string[] => [...new Set(names.filter((name) => name !== ''))];

/**
 * The model of `review`: claims placed in the article, in article order with their permanent numbers, then the claims
 * a merge could not place, with whatever each still needs. `textEditedAt` says when the words
 * were last changed after import (null: as imported).
 */
export function buildReportModel(review: Review, scale: RatingScale, publisher: Publisher, now: Date, textEditedAt: string | null = null, options: ReportOptions = {}): ReportModel {
  const { text, spans } = readArticleText(review.doc);
  const words = reportWords(reportLanguage(review, text, options.language));
  // The report speaks one language, its verdicts too (a newsroom's own words stay as written).
  scale = localisedScale(scale, words.language);
  const nameOf = namesOf(review, options.reviewer);
  // Stored claims all have their permanent numbers; this only fills in a claim not saved yet.
  const numbered = numberClaims(review.claims, review.lastClaimNumber, () => spans.map((span) => span.claimId)).claims;
  const records = new Map(numbered.map((claim) => [claim.id, claim]));
  const quotes = new Map(spans.map((span) => [span.claimId, span.quote]));
  // Each claim's own events, found in one pass: asking the whole history once a claim grows with claims × events.
  const eventsOf = new Map<string, Review['history']>();
  for (const event of review.history) {
    const events = eventsOf.get(event.claimId);
    if (events) events.push(event);
    else eventsOf.set(event.claimId, [event]);
  }
  // Only a branched history can hold a conflict: the others need not be folded (the bulk of a long review's).
  const branched = branchedClaims(eventsOf);
  const states = claimStates(branched.size === 0 ? [] : review.history.filter((event) => branched.has(event.claimId)));
  const conflicts = new Map(conflictNotes(review, quotes, states).map((note) => [note.claimId, note.fields.map((field) => field.field)]));
  /** What every report says of a claim, placed or not. */
  const standing = (claim: Claim, placed: boolean) => {
    const author = claimAuthor({ history: eventsOf.get(claim.id) ?? [] }, claim.id);
    const fields = conflicts.get(claim.id) ?? [];
    const verdict = findVerdict(scale, claim.verdictId);
    return {
      verdict,
      unfinished: unfinishedReasons({ claim, verdict, placed, conflicts: fields, author, signOffRequired: publisher.signOffRequired }, words),
      checkedBy: author === undefined ? nameOf(options.reviewer?.id) : nameOf(author),
      author,
      fields,
    };
  };
  const claims: ReportClaim[] = [];
  /** Each reported claim's author (claimAuthor), by claim id. */
  const authors = new Map<string, string | undefined>();
  for (const span of spans) {
    const claim = records.get(span.claimId);
    if (!claim) continue;
    const number = claim.number as number;
    const { author, fields, ...known } = standing(claim, true);
    authors.set(claim.id, author);
    claims.push({
      number,
      anchor: `claim-${number}`,
      claim,
      ...known,
      quote: span.quote,
      start: span.start,
      end: span.end,
      ...quoteContext(text, span),
      contextBefore: trimToWordStart(text.slice(Math.max(0, span.start - READING_CONTEXT), span.start).split('\n').pop() ?? ''),
      contextAfter: trimToWordEnd(text.slice(span.end, span.end + READING_CONTEXT).split('\n')[0] ?? ''),
      attention: attentionOf(claim, fields),
    });
  }
  const placed = new Set(spans.map((span) => span.claimId));
  // A claim's words as its history first recorded them, for claims whose words left the article.
  const firstQuotes = recordedQuotes(review.history);
  const unplaced: UnplacedClaim[] = numbered
    .filter((claim) => !placed.has(claim.id) && worthReporting(claim))
    .map((claim) => {
      const number = claim.number as number;
      const why = claim.attention?.kind === 'orphan' ? `Not placed in the article: ${claim.attention.detail}` : 'Its words are no longer in the article.';
      const { author, fields, ...known } = standing(claim, false);
      authors.set(claim.id, author);
      return { number, anchor: `claim-${number}`, claim, ...known, quote: claim.attention?.quote || (firstQuotes.get(claim.id) ?? ''), attention: [why, ...attentionOf(claim, fields)] };
    });
  // An editor is someone whose sign-off still holds on a claim they did not write themselves.
  const editors = [...claims, ...unplaced]
    .filter(({ claim }) => signOffState(claim) === 'signed' && claim.signOff?.by !== authors.get(claim.id))
    .map(({ claim }) => nameOf(claim.signOff?.by));
  return {
    review,
    scale,
    publisher,
    generatedAt: now.toISOString(),
    articleText: text,
    claims,
    unplaced,
    textEditedAt,
    mode: options.mode ?? 'publish',
    words,
    reviewer: options.reviewer,
    credits: { reviewers: distinct([...authors.values()].map(nameOf)), editors: distinct(editors) },
  };
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

/** The sentence reports print when the article's words were edited after import, in the report's language (or `words`'). */
export function textEditedNote(model: ReportModel, words: ReportWords = model.words): string | null {
  return model.textEditedAt ? words.t('note.textEdited', { date: words.date(model.textEditedAt) }) : null;
}

/** Every claim a report covers: those placed in the article, in article order, then those not placed. */
export function reportedClaims(model: ReportModel): (ReportClaim | UnplacedClaim)[] {
  return [...model.claims, ...model.unplaced];
}

/** The fact-check's headline: as published, else "Fact-check: <title>" in the report's language. */
export function headlineOf(model: ReportModel): string {
  return model.review.publication?.headline.trim() || model.words.t('report.title', { title: model.review.title });
}

/** A date `YYYY-MM-DD` of an ISO timestamp. */
export function dayOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}
