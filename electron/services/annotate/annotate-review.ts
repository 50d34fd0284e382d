/**
 * Adds claims to a review by quoting the article: each quote is found (white space and line
 * breaks normalised), must be unambiguous, and gets a claim mark and a record. All or nothing.
 * The article is read once and the marks are added in one walk, whatever the number of claims.
 */
import search from 'approx-string-match';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ClaimRequest } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/envelope';
import { readArticleText } from '../../../shared/article/claim-spans';
import { markTextRanges, type ClaimRange } from '../../../shared/article/mark-text-range';
import { findQuotesIn, prepareText } from '../../../shared/article/quote-search';
import type { DocNode } from '../../../shared/model/article-doc';
import type { Claim } from '../../../shared/model/claim';
import type { RatingScale } from '../../../shared/model/rating-scale';
import type { Review } from '../../../shared/model/review';

type ParsedClaimRequest = z.output<typeof ClaimRequest>;

/** The passage of `text` closest to `quote`, for a "not found" message. */
export function closestPassage(text: string, quote: string): string | undefined {
  const pattern = quote.replace(/\s+/g, ' ').trim().slice(0, 200);
  const flat = text.replace(/\s/g, ' ');
  const matches = search(flat, pattern, Math.max(1, Math.floor(pattern.length / 2)));
  const best = matches.sort((left, right) => left.errors - right.errors)[0];
  return best ? flat.slice(best.start, best.end).trim() : undefined;
}

function verdictIdFor(scale: RatingScale, verdict: string | undefined, label: string): string | null {
  if (verdict === undefined || verdict.trim() === '') return null;
  const wanted = verdict.trim().toLowerCase();
  const found = scale.verdicts.find((candidate) => candidate.label.toLowerCase() === wanted || candidate.id === wanted);
  if (!found) throw new ApiError('invalid-input', `${label}: "${verdict}" is not a verdict of the scale ${scale.name}. Use one of: ${scale.verdicts.map((candidate) => candidate.label).join(', ')}.`);
  return found.id;
}

function excerpt(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** What a claim request sets, in a form two requests (or a request and a stored claim) compare by. */
function sameClaim(claim: Claim, fields: Omit<Claim, 'id' | 'createdAt' | 'updatedAt' | 'attention' | 'evidence'> & { evidenceUrls: string[] }): boolean {
  return (
    claim.verdictId === fields.verdictId &&
    claim.rationale === fields.rationale &&
    claim.claimant === fields.claimant &&
    claim.claimDate === fields.claimDate &&
    claim.appearanceUrl === fields.appearanceUrl &&
    claim.status === fields.status &&
    claim.tags.join('\u0000') === fields.tags.join('\u0000') &&
    claim.evidence.map((item) => item.url).join('\u0000') === fields.evidenceUrls.join('\u0000')
  );
}

/**
 * The review's document and claims with `requests` added, the ids of every requested claim, and
 * which of them were already there (same words, same fields: a retried command adds nothing);
 * throws before changing anything.
 */
export function annotateReview(review: Review, scale: RatingScale, requests: ParsedClaimRequest[], now: Date = new Date()): { doc: DocNode; claims: Claim[]; claimIds: string[]; existing: string[] } {
  const { text, spans } = readArticleText(review.doc);
  // Every quote is looked for in one pass over the article; the rows are then checked in order.
  const found = findQuotesIn(prepareText(text), requests.map((request) => request.quote));
  const ranges: ClaimRange[] = [];
  const added: Claim[] = [];
  const claimIds: string[] = [];
  const existing: string[] = [];
  const records = new Map(review.claims.map((claim) => [claim.id, claim]));
  // Claims on each exact range, the stored ones and those this request adds.
  const onRange = new Map<string, Claim[]>();
  for (const span of spans) {
    const record = records.get(span.claimId);
    if (record) onRange.set(`${span.start}:${span.end}`, [...(onRange.get(`${span.start}:${span.end}`) ?? []), record]);
  }
  const stamp = now.toISOString();
  requests.forEach((request, index) => {
    const label = requests.length > 1 ? `Claim ${index + 1} ("${excerpt(request.quote)}")` : `The quote "${excerpt(request.quote)}"`;
    const matches = found[index] ?? [];
    if (matches.length === 0) {
      const closest = closestPassage(text, request.quote);
      throw new ApiError('invalid-input', `${label} is not in the article.${closest ? ` The closest passage is: "${excerpt(closest)}".` : ''} Copy the words exactly as the article has them.`);
    }
    if (matches.length > 1 && request.occurrence === undefined) {
      throw new ApiError('invalid-input', `${label} occurs ${matches.length} times in the article. Say which one with --occurrence N (1 to ${matches.length}), or quote more words.`);
    }
    const match = matches[(request.occurrence ?? 1) - 1];
    if (!match) throw new ApiError('invalid-input', `${label} occurs only ${matches.length} times; --occurrence ${request.occurrence} does not exist.`);
    const fields = {
      summary: request.summary,
      verdictId: verdictIdFor(scale, request.verdict, label),
      rationale: request.rationale,
      claimant: request.claimant,
      claimDate: request.claimDate,
      appearanceUrl: request.appearanceUrl,
      status: request.status,
      tags: request.tags,
    };
    const range = `${match.start}:${match.end}`;
    const already = onRange.get(range)?.find((claim) => sameClaim(claim, { ...fields, evidenceUrls: request.evidenceUrls }));
    if (already) {
      claimIds.push(already.id);
      existing.push(already.id);
      return;
    }
    const id = randomUUID();
    ranges.push({ claimId: id, start: match.start, end: match.end });
    const claim: Claim = {
      id,
      ...fields,
      evidence: request.evidenceUrls.map((url) => ({ id: randomUUID(), url, title: '', note: '', stance: 'unset' as const, accessedAt: stamp.slice(0, 10) })),
      createdAt: stamp,
      updatedAt: stamp,
    };
    added.push(claim);
    claimIds.push(id);
    onRange.set(range, [...(onRange.get(range) ?? []), claim]);
  });
  return { doc: markTextRanges(review.doc, ranges), claims: [...review.claims, ...added], claimIds, existing };
}
