/**
 * Checks an article document against the storage limits before it is written, in words a
 * reviewer can act on. The stored-file schema enforces the same limits on reading (one
 * definition: shared/model/storage-limits), so what passes here is never refused on loading.
 */
import type { DocNode } from '../model/article-doc';
import { MAX_ATTR_CHARS, MAX_CHILDREN_PER_NODE, MAX_DOC_DEPTH, MAX_MARKS_PER_TEXT, MAX_TEXT_RUN_CHARS } from '../model/storage-limits';
import { CLAIM_MARK } from './claim-spans';

const count = (value: number): string => value.toLocaleString('en-US');

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** What in `doc` goes past a storage limit, as a sentence saying what to do; null when it fits. */
export function articleLimitProblem(doc: DocNode): string | null {
  const visit = (node: DocNode, depth: number): string | null => {
    if (depth > MAX_DOC_DEPTH) return `The article is nested deeper than ${MAX_DOC_DEPTH} levels (lists inside lists). Flatten the document and try again.`;
    const children = node.content?.length ?? 0;
    if (children > MAX_CHILDREN_PER_NODE) {
      const what = node.type === 'doc' ? 'paragraphs' : `parts in one ${node.type}`;
      return `The article has ${count(children)} ${what}; a review holds at most ${count(MAX_CHILDREN_PER_NODE)}. Split the document into parts and import each as its own review.`;
    }
    const text = node.text ?? '';
    if (text.length > MAX_TEXT_RUN_CHARS) {
      return `The article has a paragraph of ${count(text.length)} characters; at most ${count(MAX_TEXT_RUN_CHARS)} fit in one. Break the text into paragraphs and try again.`;
    }
    const marks = node.marks?.length ?? 0;
    if (marks > MAX_MARKS_PER_TEXT) {
      const claims = node.marks?.filter((mark) => mark.type === CLAIM_MARK).length ?? 0;
      return `${count(claims)} claims would cover the same words ("${excerpt(text)}"); at most ${count(MAX_MARKS_PER_TEXT)} marks fit on one passage. Mark fewer overlapping claims there.`;
    }
    for (const holder of [node.attrs, ...(node.marks ?? []).map((mark) => mark.attrs)]) {
      for (const value of Object.values(holder ?? {})) {
        if (typeof value === 'string' && value.length > MAX_ATTR_CHARS) {
          return `The article holds a link or attribute of ${count(value.length)} characters; at most ${count(MAX_ATTR_CHARS)} are kept. Remove that link and try again.`;
        }
      }
    }
    for (const child of node.content ?? []) {
      const problem = visit(child, depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return visit(doc, 0);
}
