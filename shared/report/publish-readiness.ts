/**
 * Whether a review can be published: the claims that are not ready, each with what it still
 * needs, and the refusal a publish export gives while any are left.
 */
import type { LanguageCode } from '../i18n/languages';
import { EMPTY_PUBLISHER } from '../model/publisher';
import type { RatingScale } from '../model/rating-scale';
import type { Review } from '../model/review';
import type { UnfinishedClaim } from './claim-readiness';
import { buildReportModel, reportedClaims, type ReportModel } from './report-model';
import { reportWords } from './report-words';

/** Claims a refusal names one by one; the rest are counted. */
const LISTED_IN_REFUSAL = 10;

/** The claims of `model` that are not ready to publish, in report order, with the reasons in the model's language. */
export function unfinishedOf(model: ReportModel): UnfinishedClaim[] {
  return reportedClaims(model)
    .filter((reportClaim) => reportClaim.unfinished.length > 0)
    .map((reportClaim) => ({ number: reportClaim.number, claimId: reportClaim.claim.id, quote: reportClaim.quote, placed: 'start' in reportClaim, reasons: reportClaim.unfinished }));
}

/**
 * The claims of `review` that are not ready to publish, with what each still needs (in English
 * unless `language` says otherwise). A claim whose words left the article with nothing recorded
 * about it is not a published claim and is not listed.
 */
export function unfinishedClaims(review: Review, scale: RatingScale, signOffRequired: boolean, now = new Date(), language: LanguageCode = 'en'): UnfinishedClaim[] {
  return unfinishedOf(buildReportModel(review, scale, { ...EMPTY_PUBLISHER, signOffRequired }, now, null, { language }));
}

/**
 * The refusal of a publish export while claims are unfinished (their reasons in English), in
 * English as every refusal is:
 * "3 claims are not ready to publish: claim 2: no verdict yet, not signed off by an editor; …
 * Finish them, or export a draft."
 */
export function notReadyMessage(unfinished: readonly UnfinishedClaim[]): string {
  const { t } = reportWords('en');
  // Each reason is a sentence of its own; in a list they read as clauses.
  const clause = (message: string) => message.replace(/\.$/, '').replace(/^\p{Lu}(?!\p{Lu})/u, (letter) => letter.toLowerCase());
  const named = unfinished.slice(0, LISTED_IN_REFUSAL).map((claim) => t('ready.claim', { number: claim.number, reasons: claim.reasons.map((reason) => clause(reason.message)).join(', ') }));
  const rest = unfinished.length - named.length;
  const listed = rest > 0 ? `${named.join('; ')}; ${t('ready.more', { count: rest })}` : named.join('; ');
  const refusal = t('ready.refusal', { count: unfinished.length, list: listed });
  // Someone working alone can only ever be stopped by the sign-off rule: say where it is.
  const onlyForSignOff = unfinished.some((claim) => claim.reasons.some((reason) => reason.kind === 'not-signed-off'));
  return onlyForSignOff ? `${refusal} ${t('ready.signOffHint')}` : refusal;
}
