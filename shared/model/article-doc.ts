/**
 * The article as a ProseMirror/TipTap JSON document. The shape is checked here; the
 * editor's schema decides which node and mark types are allowed when it loads it.
 */
import { z } from 'zod';
import { MAX_ATTR_CHARS, MAX_CHILDREN_PER_NODE, MAX_DOC_DEPTH, MAX_MARKS_PER_TEXT, MAX_TEXT_RUN_CHARS } from './storage-limits';

export { MAX_DOC_DEPTH } from './storage-limits';

const AttrValue = z.union([z.string().max(MAX_ATTR_CHARS), z.number(), z.boolean(), z.null()]);
const Attrs = z.record(z.string().max(100), AttrValue);

export const DocMark = z.object({
  type: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,40}$/),
  attrs: Attrs.optional(),
});
export type DocMark = z.infer<typeof DocMark>;

export interface DocNode {
  type: string;
  attrs?: Record<string, string | number | boolean | null>;
  content?: DocNode[];
  marks?: DocMark[];
  text?: string;
}

export const DocNodeSchema: z.ZodType<DocNode, DocNode> = z.lazy(() =>
  z.object({
    type: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,40}$/),
    attrs: Attrs.optional(),
    content: z.array(DocNodeSchema).max(MAX_CHILDREN_PER_NODE).optional(),
    marks: z.array(DocMark).max(MAX_MARKS_PER_TEXT).optional(),
    text: z.string().max(MAX_TEXT_RUN_CHARS).optional(),
  }),
);

/**
 * A node at `depth` in the article (the doc node is at 0), checked to nest no deeper than
 * MAX_DOC_DEPTH before the recursive schema walks it, so hostile nesting fails cleanly.
 */
function nodeWithinDepth(depth: number) {
  const withinDepth = (node: unknown, at: number): boolean => {
    if (at > MAX_DOC_DEPTH) return false;
    const content = (node as { content?: unknown } | null)?.content;
    return !Array.isArray(content) || content.every((child) => withinDepth(child, at + 1));
  };
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (!withinDepth(value, depth)) {
        ctx.addIssue({ code: 'custom', message: `the document is nested deeper than ${MAX_DOC_DEPTH} levels` });
      }
    })
    .pipe(DocNodeSchema);
}

/** A whole article document: a `doc` node no deeper than MAX_DOC_DEPTH. */
export const ArticleDoc = nodeWithinDepth(0).refine((node): node is ArticleDoc => node.type === 'doc', 'must start with a doc node');
export type ArticleDoc = DocNode & { type: 'doc' };

/**
 * One top-level block of an article (a paragraph, heading, list…), as a save that replaces some
 * blocks carries it: the document's own node schema, nested no deeper than the document may be
 * below its doc node.
 */
export const ArticleBlock = nodeWithinDepth(1);

/** A document with one empty paragraph, as the editor makes for a blank page. */
export const EMPTY_DOC: ArticleDoc = { type: 'doc', content: [{ type: 'paragraph' }] };
