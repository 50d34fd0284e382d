/**
 * A search hit's snippet: about 200 characters of the stored text around its best match, cut at
 * word boundaries, with the matched words' places. The text is the stored text itself; only line
 * breaks read as spaces (one for one, so offsets still count the stored text's code units).
 */
import type { Snippet } from '../../../shared/search/search-schema';

/** About how long a snippet is, in UTF-16 code units. */
export const SNIPPET_LENGTH = 200;
/** How much of the window goes before the best match, so it is read in its sentence. */
const LEAD = 60;
const ELLIPSIS = '…';

/** The start of the densest cluster of ranges: the one whose window holds the most matched words. */
function bestStart(ranges: readonly [number, number][], window: number): number {
  let best = 0;
  let bestCount = 0;
  let last = 0;
  for (let first = 0; first < ranges.length; first++) {
    const [start] = ranges[first] as [number, number];
    if (last < first) last = first;
    while (last + 1 < ranges.length && (ranges[last + 1] as [number, number])[1] <= start + window) last++;
    if (last - first + 1 > bestCount) {
      bestCount = last - first + 1;
      best = start;
    }
  }
  return best;
}

const isSpace = (character: string | undefined): boolean => character !== undefined && /\s/u.test(character);

/**
 * A snippet of `text` around the best cluster of `ranges` ([start, end) in `text`, in order);
 * the window starting at the text's beginning when there are none.
 */
export function makeSnippet(text: string, ranges: readonly [number, number][], length = SNIPPET_LENGTH): Snippet {
  if (text.length <= length)
    return {
      text: text.replace(/[\r\n\t]/g, ' '),
      highlights: ranges.map(([start, end]) => [start, end]),
    };
  const focus = ranges.length > 0 ? bestStart(ranges, length - LEAD) : 0;
  let start = Math.max(0, Math.min(focus - LEAD, text.length - length));
  let end = Math.min(text.length, start + length);
  // Cut at word boundaries: never inside a word (an Arabic word cut in half changes its letters' shapes).
  if (start > 0 && !isSpace(text[start - 1])) {
    // Forward to just after a space, or to the matched word itself (which starts a word).
    while (start < focus && !isSpace(text[start - 1])) start++;
  }
  if (end < text.length) {
    let moved = end;
    while (moved > start && !isSpace(text[moved])) moved--;
    if (moved > start + length / 2) end = moved;
  }
  const body = text.slice(start, end).replace(/[\r\n\t]/g, ' ');
  const trimmedStart = body.length - body.trimStart().length;
  const core = body.trim();
  const lead = start > 0 ? ELLIPSIS : '';
  const offset = start + trimmedStart - lead.length;
  const coreEnd = start + trimmedStart + core.length;
  const highlights = ranges
    .filter(([rangeStart, rangeEnd]) => rangeStart >= start + trimmedStart && rangeEnd <= coreEnd)
    .map(([rangeStart, rangeEnd]): [number, number] => [rangeStart - offset, rangeEnd - offset]);
  return {
    text: `${lead}${core}${end < text.length ? ELLIPSIS : ''}`,
    highlights,
  };
}
