/** How kept evidence copies travelling in a share file are said to the reviewer, on both sides. */
import type { TFunction } from 'i18next';
import type { EvidenceShareSize, ReceivedEvidenceCopies, RefusedEvidenceCopy } from '../../shared/share-file/shared-evidence';
import { formatSize } from '../claims/evidence-copy-words';

/** "3 copies, 4.2 MB — the share file will be 4.5 MB instead of 0.3 MB". */
export function evidenceSizeLine(size: EvidenceShareSize, t: TFunction, language: string): string {
  return t('shareEvidence.sizes', {
    count: size.copies,
    size: formatSize(size.bytes, t, language),
    withCopies: formatSize(size.shareFileBytes, t, language),
    without: formatSize(size.withoutCopiesBytes, t, language),
  });
}

/** "“https://…” (claim 3)", as the sentences below name the source of a copy. */
export function sourceName(copy: Pick<RefusedEvidenceCopy, 'claimNumber' | 'source'>, t: TFunction): string {
  if (!copy.source) return copy.claimNumber === null ? t('shareEvidence.unnamedSource') : t('shareEvidence.unnamedSourceOfClaim', { number: copy.claimNumber });
  return copy.claimNumber === null ? t('shareEvidence.source', { source: copy.source }) : t('shareEvidence.sourceOfClaim', { source: copy.source, number: copy.claimNumber });
}

/** Why a copy is left out of a share file, in the interface language (the service's `reason` is English, for the command line). */
export function leftOutReason(copy: RefusedEvidenceCopy, t: TFunction): string {
  return copy.code === 'too-large' ? t('shareEvidence.reasonTooLarge') : t('shareEvidence.reasonNotIntact');
}

/** "The copy of “report.pdf” (claim 2): too large for a share file; …" */
export function leftOutLine(copy: RefusedEvidenceCopy, t: TFunction): string {
  return t('shareEvidence.leftOutItem', { source: sourceName(copy, t), reason: leftOutReason(copy, t) });
}

/** After saving: which copies stayed out and why, or '' when every copy travelled. */
export function savedLeftOutSentence(leftOut: readonly RefusedEvidenceCopy[], t: TFunction): string {
  if (leftOut.length === 0) return '';
  return `${t('shareEvidence.savedLeftOut', { count: leftOut.length })} ${leftOut.map((copy) => leftOutLine(copy, t)).join(' ')}`;
}

/**
 * What became of the copies an opened share file described, built from the structured fields (the
 * service's `message` is English). '' when every copy was kept: nothing needs the reviewer's eye.
 */
export function receivedCopiesSentence(received: ReceivedEvidenceCopies | undefined, t: TFunction): string {
  if (!received || (received.refused.length === 0 && received.notIncluded === 0)) return '';
  // "0 copies kept" says nothing the refusals below do not: the count is said only when some were kept.
  const parts = received.kept > 0 ? [t('shareEvidence.receivedKept', { count: received.kept })] : [];
  for (const copy of received.refused) parts.push(t('shareEvidence.receivedRefused', { source: sourceName(copy, t) }));
  if (received.notIncluded > 0) parts.push(t('shareEvidence.receivedNotIncluded', { count: received.notIncluded }));
  return parts.join(' ');
}
