/**
 * A review's article read as plain text with its claim spans (see claim-spans), kept by top-level
 * block: a save that leaves the article alone reads nothing, and one that replaces a few blocks
 * reads only those. Offsets and text are exactly readArticleText's.
 */
import { CLAIM_MARK, readArticleText, walkArticleText, type ArticleText } from '../../../shared/article/claim-spans';
import type { ArticleDoc, DocNode } from '../../../shared/model/article-doc';

/** What one top-level block adds to the article's text. */
interface BlockText {
  /** Whether the block holds a text or leaf block, and so is set apart from the previous one by "\n". */
  opens: boolean;
  /** Its words, without that separator. */
  text: string;
  /** Each claim's first start and last end in `text`, in the order the claims first appear. */
  ranges: Map<string, { start: number; end: number }>;
}

/** An article's text and spans, with the document they were read from. */
export interface KeptArticle {
  doc: ArticleDoc;
  article: ArticleText;
  /** Ids of the claims whose mark is in the article. */
  placed: ReadonlySet<string>;
  /** A claim's marked words; undefined when it has no mark. */
  quoteOf(claimId: string): string | undefined;
  /**
   * Per top-level block, read the first time a save replaces some blocks (a save of the whole
   * document reads it in one walk); null when it cannot be read block by block (text right under
   * the doc node).
   */
  blocks(): BlockText[] | null;
}

/**
 * One block read as walkArticleText reads it inside a document: after an empty paragraph (a leaf
 * block), so the block's text starts with the "\n" exactly when it opens a block of its own.
 */
function readBlock(block: DocNode): BlockText {
  const ranges = new Map<string, { start: number; end: number }>();
  const text = walkArticleText({ type: 'doc', content: [{ type: 'paragraph' }, block] }, (node, start) => {
    const end = start - 1 + (node.text ?? '').length;
    for (const mark of node.marks ?? []) {
      const claimId = mark.type === CLAIM_MARK ? mark.attrs?.claimId : undefined;
      if (typeof claimId !== 'string') continue;
      const range = ranges.get(claimId);
      if (range) range.end = end;
      else ranges.set(claimId, { start: start - 1, end });
    }
  });
  return { opens: text.length > 0, text: text.slice(1), ranges };
}

function kept(doc: ArticleDoc, article: ArticleText, blocks: BlockText[] | null | undefined): KeptArticle {
  const placed = new Set(article.spans.map((span) => span.claimId));
  let quotes: Map<string, string> | undefined;
  let read = blocks;
  return {
    doc,
    article,
    placed,
    blocks: () => (read === undefined ? (read = readableByBlocks(doc.content ?? []) ? (doc.content ?? []).map(readBlock) : null) : read),
    quoteOf: (claimId) => (quotes ??= new Map(article.spans.map((span) => [span.claimId, span.quote]))).get(claimId),
  };
}

/** The article's text from its blocks, as walkArticleText joins them. */
function assemble(blocks: readonly BlockText[]): ArticleText {
  const parts: string[] = [];
  const ranges = new Map<string, { start: number; end: number }>();
  let length = 0;
  let open = false;
  for (const block of blocks) {
    if (!block.opens) continue;
    if (open) {
      parts.push('\n');
      length += 1;
    }
    open = true;
    for (const [claimId, range] of block.ranges) {
      const known = ranges.get(claimId);
      if (known) known.end = length + range.end;
      else ranges.set(claimId, { start: length + range.start, end: length + range.end });
    }
    parts.push(block.text);
    length += block.text.length;
  }
  const text = parts.join('');
  const spans = [...ranges.entries()]
    .map(([claimId, { start, end }]) => ({ claimId, start, end, quote: text.slice(start, end) }))
    .sort((left, right) => left.start - right.start || left.end - right.end);
  return { text, spans };
}

/** Text right under the doc node makes the doc itself a text block: then only a whole read is right. */
const readableByBlocks = (blocks: readonly DocNode[]): boolean => blocks.every((block) => block.type !== 'text' && block.type !== 'hardBreak');

/** Reads the whole of `doc`, in one walk. */
export function readKeptArticle(doc: ArticleDoc): KeptArticle {
  return kept(doc, readArticleText(doc), undefined);
}

/**
 * `doc`, which is `previous.doc` with blocks [start, start + deleteCount) replaced by `inserted`,
 * reading only the inserted blocks.
 */
export function withBlocksReplaced(previous: KeptArticle, doc: ArticleDoc, change: { start: number; deleteCount: number; inserted: readonly DocNode[] }): KeptArticle {
  const before = previous.blocks();
  if (!before || !readableByBlocks(change.inserted)) return readKeptArticle(doc);
  const blocks = [...before.slice(0, change.start), ...change.inserted.map(readBlock), ...before.slice(change.start + change.deleteCount)];
  return kept(doc, assemble(blocks), blocks);
}
