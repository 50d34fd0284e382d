/**
 * Widens a selection to whole words, so a claim never starts or ends inside a word. Arabic
 * letters change shape when an element boundary splits a word; whole words keep them joined.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** `[start, end)` in `text` widened to word (and grapheme) edges and trimmed of surrounding white space. */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  let snappedStart = Math.max(0, Math.min(start, end));
  let snappedEnd = Math.min(text.length, Math.max(start, end));
  for (const segment of segmenter.segment(text)) {
    const segmentEnd = segment.index + segment.segment.length;
    if (segment.index < snappedStart && snappedStart < segmentEnd) snappedStart = segment.index;
    if (segment.index < snappedEnd && snappedEnd < segmentEnd) snappedEnd = segmentEnd;
    if (segment.index >= snappedEnd) break;
  }
  while (snappedStart < snappedEnd && /\s/.test(text[snappedStart] ?? '')) snappedStart++;
  while (snappedEnd > snappedStart && /\s/.test(text[snappedEnd - 1] ?? '')) snappedEnd--;
  return { start: snappedStart, end: snappedEnd };
}
