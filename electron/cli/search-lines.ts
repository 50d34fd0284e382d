/** How `factmark search` prints a hit on one line, with the matched words marked and every piece made terminal-safe. */
import type { SearchHit, Snippet } from '../../shared/search/search-schema';
import { terminalSafe as t } from './terminal-text';

const BOLD = '\u001b[1m';
const NORMAL = '\u001b[22m';

/**
 * The snippet with its matched words marked: in bold on a terminal, else in [brackets] (which
 * survive a pipe or a file). Each piece of stored text is escaped on its own, so the marks are the
 * only control codes printed.
 */
export function markedSnippet(snippet: Snippet, tty: boolean): string {
  const [open, close] = tty ? [BOLD, NORMAL] : ['[', ']'];
  let printed = '';
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    if (start < at || end > snippet.text.length) continue;
    printed += `${t(snippet.text.slice(at, start))}${open}${t(snippet.text.slice(start, end))}${close}`;
    at = end;
  }
  return printed + t(snippet.text.slice(at));
}

/** One hit: review id, claim number (or where in the review it matched), verdict, snippet, review title. */
export function searchHitLine(hit: SearchHit, tty: boolean): string {
  const where = hit.claimId === null ? (hit.fields.includes('article') ? 'article' : 'title') : `#${hit.claimNumber ?? '?'}`;
  const verdict = hit.claimId === null ? '-' : t(hit.verdict?.label ?? 'no verdict');
  return `${hit.reviewId}  ${where}  ${verdict}  ${markedSnippet(hit.snippet, tty)}  (${t(hit.reviewTitle)})`;
}
