/**
 * The words storage uses to tell a reviewer about files it repaired or would not open: what
 * happened, what was kept safe, what to do next.
 */
import type { Notice } from '../../../shared/api/contract';
import type { RecoveryReport } from './durable-json-file';

/** How a file is named to the reviewer, e.g. "The review file reviews/ab12.json". */
export interface FileLabel {
  subject: string;
  /** Path of the set-aside copy, relative to the data folder. */
  quarantinedAs: string;
}

/** A warning that a damaged file was set aside, and what took its place. */
export function recoveryNotice(report: RecoveryReport, label: FileLabel, kind: 'review' | 'library'): Notice {
  const setAside = `${label.subject} was damaged and has been set aside as ${label.quarantinedAs}`;
  let message: string;
  if (report.restoredFromBackup) {
    message = `${setAside}; the last good copy was restored. Changes after that copy may be missing.`;
  } else if (kind === 'review') {
    message = `${setAside}. There was no good copy to restore, so this review is missing from the library; the damaged file is kept in the data folder.`;
  } else {
    message = `${setAside}. There was no good copy to restore, so the default rating scale and empty publisher settings are in use; the damaged file is kept in the data folder.`;
  }
  return { id: `recovered:${label.quarantinedAs}`, level: 'warning', message };
}

/** An error notice for a review file that was left untouched, e.g. one from a newer Factmark. */
export function unopenedReviewNotice(fileName: string, reason: string): Notice {
  return {
    id: `unopened:${fileName}`,
    level: 'error',
    message: `The review file ${fileName} is not shown in the library. ${reason}`,
  };
}
