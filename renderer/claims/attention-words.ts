/**
 * Why a claim needs a look, in the interface's language. The English `detail` stored beside `why`
 * serves reports and the command line; the interface words `why` itself, and shows `detail` only
 * for flags from files written before `why` existed.
 */
import type { TFunction } from 'i18next';
import type { AnchorMiss, AttentionWhy } from '../../shared/model/attention-why';
import type { ClaimAttention } from '../../shared/model/claim';

/** Why the re-anchoring found no place, as a clause to put inside a sentence. */
export function missWords(miss: AnchorMiss, t: TFunction): string {
  switch (miss.code) {
    case 'no-quote':
      return t('attention.miss.noQuote');
    case 'gone':
      return t('attention.miss.gone');
    case 'repeated':
      return t('attention.miss.repeated', { count: miss.count });
    case 'tied':
      return t('attention.miss.tied');
  }
}

/** The sentence for one cause of a flag. */
export function whyWords(why: AttentionWhy, t: TFunction): string {
  switch (why.code) {
    case 'update-moved':
      return t('attention.why.updateMoved', { version: why.version });
    case 'update-changed':
      return t('attention.why.updateChanged', { version: why.version, similarity: why.similarity, words: why.words });
    case 'update-not-found':
      return t('attention.why.updateNotFound', { version: why.version, reason: missWords(why.miss, t) });
    case 'merge-moved':
      return t('attention.why.mergeMoved');
    case 'merge-changed':
      return t('attention.why.mergeChanged', { similarity: why.similarity });
    case 'merge-not-found':
      return t('attention.why.mergeNotFound', { reason: missWords(why.miss, t) });
    case 'merge-no-place':
      return t('attention.why.mergeNoPlace');
    case 'merge-kept':
      return t('attention.why.mergeKept', { deletedBy: why.deletedBy, changedBy: why.changedBy });
    case 'edited-here':
      return t('attention.why.editedHere', { words: why.words });
  }
}

/** What happened to a flagged claim, for the reviewer: worded from `why`, or the stored sentence when an older file has none. */
export function attentionWords(attention: Pick<ClaimAttention, 'detail' | 'why'>, t: TFunction): string {
  return attention.why ? whyWords(attention.why, t) : attention.detail;
}
