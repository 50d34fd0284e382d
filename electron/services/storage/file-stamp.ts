/** Time stamps for the names of files that storage sets aside (damaged copies, trash). */

/** An ISO 8601 instant usable in a file name on every system (Windows forbids ":"). */
export function fileStamp(date: Date): string {
  return date.toISOString().replaceAll(':', '-');
}
