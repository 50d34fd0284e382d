/** How `factmark keep` and `factmark verify` print their results on a terminal, one source or file a line. */
import type { ArchiveSendNote, ArchiveSendResult, KeepOutcome, VerifyOutput } from '../../shared/api/evidence-schema';
import { terminalSafe as t } from './terminal-text';

const claimName = (number: number | null): string => (number === null ? 'claim ?' : `claim ${number}`);

/** "1.4 MB", "820 KB", "312 bytes". */
export function sizeWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** What became of sending a page to the archive service, as `factmark keep` and `factmark archive-send` print it. */
export function archiveNoteLine(note: ArchiveSendNote): string {
  if (note.outcome === 'sent') return `  archived: ${t(note.archivedUrl ?? '')}`;
  return `  archive ${note.outcome === 'queued' ? 'queued' : 'not sent'}: ${t(note.reason)}`;
}

/** One queued page of `factmark archive-send`: sent (with its archived address), still queued or dropped, with why. */
export function archiveSendLine(result: ArchiveSendResult): string {
  const where = `${claimName(result.claimNumber)} ${t(result.url)}`;
  if (result.outcome === 'sent') return `sent: ${where} — archived at ${t(result.archivedUrl ?? '')}`;
  return `${result.outcome === 'queued' ? 'still queued' : 'dropped'}: ${where} — ${t(result.reason)}`;
}

/** One source of `factmark keep`: kept (with its files), failed (with why), or skipped; and what the archive service made of it. */
export function keepLine(result: KeepOutcome): string {
  return result.archive ? `${keepOutcomeLine(result)}\n${archiveNoteLine(result.archive)}` : keepOutcomeLine(result);
}

function keepOutcomeLine(result: KeepOutcome): string {
  const where = `${claimName(result.claimNumber)} ${t(result.url)}`;
  if (result.outcome === 'kept') {
    const files = result.copy?.files ?? [];
    const size = files.reduce((sum, file) => sum + file.size, 0);
    const status = result.copy?.kind === 'page' && result.copy.httpStatus !== 200 ? `, HTTP ${result.copy.httpStatus}` : '';
    const moved = result.copy?.kind === 'page' && result.copy.finalUrl !== result.copy.requestedUrl ? ` (from ${t(result.copy.finalUrl)})` : '';
    return `kept: ${where}${moved} — ${files.length} ${files.length === 1 ? 'file' : 'files'}, ${sizeWords(size)}${status}`;
  }
  return `${result.outcome === 'failed' ? 'failed' : 'already kept'}: ${where} — ${t(result.reason)}`;
}

/** The last line of `factmark keep`. */
export function keepSummary(results: readonly KeepOutcome[]): string {
  const count = (outcome: KeepOutcome['outcome']): number => results.filter((result) => result.outcome === outcome).length;
  if (results.length === 0) return 'No evidence links to keep: the claims list no web addresses.';
  const [kept, failed, skipped] = [count('kept'), count('failed'), count('skipped')];
  const parts = [`${kept} kept`, ...(failed > 0 ? [`${failed} failed`] : []), ...(skipped > 0 ? [`${skipped} already kept (keep them again with --again)`] : [])];
  return `${parts.join(', ')}.${failed > 0 ? ' Nothing was kept of a failed link; see the reason on its line.' : ''}`;
}

/** One stored file of `factmark verify`. */
export function verifyLine(file: VerifyOutput['files'][number]): string {
  const source = file.url === '' ? 'attached file' : t(file.url);
  const state = file.state === 'intact' ? 'intact' : file.state === 'missing' ? 'MISSING' : 'ALTERED';
  return `${state}: ${claimName(file.claimNumber)} ${source} — ${file.fileName} (${file.role}, ${sizeWords(file.size)}, SHA-256 ${file.sha256.slice(0, 16)}…)`;
}

/** The last line of `factmark verify`. */
export function verifySummary(result: VerifyOutput): string {
  const { intact, missing, altered } = result.counts;
  if (result.files.length === 0) return 'No kept copies in this review: nothing to verify.';
  if (result.intact) return `Every kept file is intact (${intact} ${intact === 1 ? 'file' : 'files'}): each matches the SHA-256 recorded when it was kept.`;
  const problems = [...(missing > 0 ? [`${missing} missing`] : []), ...(altered > 0 ? [`${altered} altered since kept`] : [])].join(', ');
  return `${problems}; ${intact} intact. A missing or altered copy no longer proves what the source said: keep a copy again if the source is still online (factmark keep ID --again).`;
}
