/**
 * Splits paragraphs far longer than any real one (a text file that is one 11 MB line, a PDF
 * without line ends) into paragraphs at sentence ends, so an import fits the storage limits and
 * the editor can lay it out. Marks on the text are kept; nothing but the break is changed.
 */
import type { DocNode } from '../model/article-doc';
import { SPLIT_PARAGRAPH_CHARS } from '../model/storage-limits';

/** Where to cut `text` at or before `room` code units: after a sentence end, else after a space, else at `room`. */
function cutPoint(text: string, room: number): { at: number; hard: boolean } {
  const window = text.slice(0, room + 1);
  let sentenceEnd = -1;
  let space = -1;
  for (const match of window.matchAll(/[.!?؟。…]["'”’»)]*\s+|\s+/g)) {
    const end = match.index + match[0].length;
    if (end > room) break;
    if (/^[.!?؟。…]/.test(match[0])) sentenceEnd = end;
    space = end;
  }
  if (sentenceEnd > room / 2) return { at: sentenceEnd, hard: false };
  if (space > 0) return { at: space, hard: false };
  // No space at all: cut at the limit, but never between the two halves of a surrogate pair.
  const code = text.charCodeAt(room - 1);
  return { at: code >= 0xd800 && code <= 0xdbff ? room - 1 : room, hard: true };
}

function splitTextblock(node: DocNode, limit: number): DocNode[] {
  const pieces: DocNode[][] = [[]];
  let length = 0;
  const current = (): DocNode[] => pieces[pieces.length - 1] as DocNode[];
  const close = (): void => {
    pieces.push([]);
    length = 0;
  };
  for (const child of node.content ?? []) {
    if (child.type !== 'text') {
      current().push(child);
      length += 1;
      continue;
    }
    let text = child.text ?? '';
    while (length + text.length > limit) {
      const { at, hard } = cutPoint(text, limit - length);
      if (at <= 0 || (hard && length > 0)) {
        close();
        continue;
      }
      const head = hard ? text.slice(0, at) : text.slice(0, at).trimEnd();
      if (head) current().push({ ...child, text: head });
      text = hard ? text.slice(at) : text.slice(at).trimStart();
      close();
    }
    if (text) {
      current().push({ ...child, text });
      length += text.length;
    }
  }
  return pieces.filter((content) => content.length > 0).map((content) => ({ ...node, content }));
}

const textLength = (node: DocNode): number => (node.content ?? []).reduce((sum, child) => sum + (child.type === 'text' ? (child.text ?? '').length : 1), 0);

/**
 * `doc` with every text block longer than `limit` characters split into blocks of at most
 * `limit`, and how many blocks were split (0: `doc` itself is returned).
 */
export function splitLongParagraphs(doc: DocNode, limit = SPLIT_PARAGRAPH_CHARS): { doc: DocNode; split: number } {
  let split = 0;
  const visit = (node: DocNode): DocNode[] => {
    const isTextblock = node.content?.some((child) => child.type === 'text') ?? false;
    if (isTextblock) {
      if (textLength(node) <= limit) return [node];
      split++;
      return splitTextblock(node, limit);
    }
    if (!node.content) return [node];
    const content = node.content.flatMap(visit);
    return content.length === node.content.length && content.every((child, index) => child === node.content?.[index]) ? [node] : [{ ...node, content }];
  };
  const [result] = visit(doc);
  return { doc: split === 0 ? doc : (result as DocNode), split };
}
