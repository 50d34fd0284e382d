/**
 * The article read block by block gives exactly readArticleText's text and spans, for every kind
 * of block, and stays exact when some blocks are replaced and only those are read again.
 */
import { describe, expect, it } from 'vitest';
import { readArticleText } from '../../../shared/article/claim-spans';
import type { ArticleDoc, DocNode } from '../../../shared/model/article-doc';
import { readKeptArticle, withBlocksReplaced } from './kept-article';

const text = (words: string, ...claimIds: string[]): DocNode => ({
  type: 'text',
  text: words,
  ...(claimIds.length ? { marks: claimIds.map((claimId) => ({ type: 'claim', attrs: { claimId } })) } : {}),
});
const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });

/** Blocks of every shape the walk treats differently: empty, leaf, nested, hard breaks, claims across blocks, emoji and Arabic. */
const BLOCKS: DocNode[] = [
  { type: 'heading', attrs: { level: 2 }, content: [text('Budget '), text('hearing', 'claim-a')] },
  paragraph(),
  paragraph(text('The minister ', 'claim-a'), text('said', 'claim-a', 'claim-b'), { type: 'hardBreak' }, text('that 👩‍👩‍👧 fell', 'claim-b')),
  { type: 'horizontalRule' },
  {
    type: 'bulletList',
    content: [
      { type: 'listItem', content: [paragraph(text('one', 'claim-c'))] },
      { type: 'listItem', content: [paragraph(text('two')), paragraph()] },
    ],
  },
  { type: 'blockquote', content: [{ type: 'blockquote', content: [paragraph(text('قال الوزير', 'claim-c', 'claim-d'))] }] },
  { type: 'image', attrs: { src: 'https://example.org/a.png' } },
  paragraph(text('Cafe\u0301 ', 'claim-e'), text('closed.')),
  { type: 'bulletList', content: [] },
  paragraph(text('The end', 'claim-b')),
];

const docOf = (content: DocNode[]): ArticleDoc => ({ type: 'doc', content });

/** A small deterministic generator, so a failure names the same case every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('the article kept by block', () => {
  it('reads every kind of block exactly as readArticleText does', () => {
    const empty = readKeptArticle(docOf([]));
    for (let length = 0; length <= BLOCKS.length; length++) {
      const doc = docOf(BLOCKS.slice(0, length));
      // Built block by block: the blocks inserted into an empty article.
      expect(withBlocksReplaced(empty, doc, { start: 0, deleteCount: 0, inserted: BLOCKS.slice(0, length) }).article, `first ${length} blocks`).toEqual(readArticleText(doc));
    }
    const kept = readKeptArticle(docOf(BLOCKS));
    expect([...kept.placed].sort()).toEqual(['claim-a', 'claim-b', 'claim-c', 'claim-d', 'claim-e']);
    // A leaf block (the rule, the image, the empty list) is a line of its own: one "\n" more.
    expect(kept.quoteOf('claim-b')).toBe('said\nthat 👩‍👩‍👧 fell\n\none\ntwo\n\nقال الوزير\n\nCafe\u0301 closed.\n\nThe end');
    expect(kept.quoteOf('claim-none')).toBeUndefined();
  });

  it('stays exact when blocks are inserted, replaced and removed, reading only those', () => {
    const next = random(14);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    let doc = docOf(BLOCKS);
    let kept = readKeptArticle(doc);
    for (let round = 0; round < 300; round++) {
      const content = doc.content ?? [];
      const start = Math.floor(next() * (content.length + 1));
      const deleteCount = Math.floor(next() * Math.min(3, content.length - start + 1));
      const inserted = Array.from({ length: Math.floor(next() * 3) }, () => pick(BLOCKS));
      doc = docOf([...content.slice(0, start), ...inserted, ...content.slice(start + deleteCount)]);
      kept = withBlocksReplaced(kept, doc, { start, deleteCount, inserted });
      expect(kept.article, `round ${round}`).toEqual(readArticleText(doc));
      expect(kept.doc).toBe(doc);
    }
  });

  it('reads the whole document when text sits right under the doc node', () => {
    const doc: ArticleDoc = { type: 'doc', content: [text('Loose words ', 'claim-a'), paragraph(text('and a paragraph', 'claim-a'))] };
    const kept = readKeptArticle(doc);
    expect(kept.article).toEqual(readArticleText(doc));
    const replaced = docOf([paragraph(text('New.')), ...(doc.content ?? []).slice(1)]);
    expect(withBlocksReplaced(kept, replaced, { start: 0, deleteCount: 1, inserted: [paragraph(text('New.'))] }).article).toEqual(readArticleText(replaced));
    const withLoose = docOf([paragraph(text('A')), { type: 'hardBreak' }, paragraph(text('B', 'claim-b'))]);
    expect(
      withBlocksReplaced(readKeptArticle(docOf([paragraph(text('A')), paragraph(text('B', 'claim-b'))])), withLoose, { start: 1, deleteCount: 0, inserted: [{ type: 'hardBreak' }] }).article,
    ).toEqual(readArticleText(withLoose));
  });
});
