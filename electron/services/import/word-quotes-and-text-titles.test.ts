import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../shared/model/article-doc';
import { importDocument } from './import-document';
import { headlineOfText } from './text-headline';

const textOf = (node: DocNode): string => node.text ?? (node.content ?? []).map(textOf).join('|');
const outline = (doc: DocNode): Array<[string, string]> => (doc.content ?? []).map((node) => [node.type, textOf(node)]);

describe('importing quotations from Word', () => {
  it('makes Quote, Intense Quote and Block Text paragraphs blockquotes, one per run of a style', async () => {
    const bytes = await readFile(fileURLToPath(new URL('./fixtures/quotes.docx', import.meta.url)));
    const imported = await importDocument({ fileName: 'quotes.docx', bytes });
    expect(outline(imported.doc)).toEqual([
      ['heading', 'Ferry fares: what the operator said'],
      ['paragraph', 'The operator told passengers that fares would stay the same this summer.'],
      ['blockquote', '“Nobody will pay a cent more in July than they paid last year.”'],
      ['paragraph', 'Its own price list, published on 2 May, shows the adult return fare rising from €18 to €21.'],
      ['blockquote', '“This is a broken promise,” said the passengers’ association.'],
      // pandoc writes a quote of several paragraphs as consecutive Block Text paragraphs.
      ['blockquote', 'Read more: Ferry operator posts record profit|Read more: Island residents ask for a discount card'],
      ['paragraph', 'We rate the operator’s statement false.'],
      ['blockquote', '«لن يدفع أحد سنتاً إضافياً»، قال المتحدث باسم الشركة.'],
    ]);
  });
});

describe('the headline of a text file', () => {
  it.each([
    ['a short first line followed by a blank line', 'Mayor’s crime claim does not add up\n\nThe mayor said crime fell by 20 percent.\n', 'Mayor’s crime claim does not add up'],
    ['a question', 'Did crime really fall by a fifth?\r\n\r\nThe mayor said so.', 'Did crime really fall by a fifth?'],
    ['Arabic', 'الوزير: أسعار المياه لن ترتفع هذا العام\n\nقال الوزير إن الأسعار لن ترتفع.\n', 'الوزير: أسعار المياه لن ترتفع هذا العام'],
    ['the first of one-paragraph-a-line text', 'Budget claims checked\nThe mayor said crime fell.\nThe council disagreed.', 'Budget claims checked'],
  ])('is taken from %s', (_case, text, headline) => {
    expect(headlineOfText(text)).toBe(headline);
  });

  it.each([
    ['a first line that ends a sentence', 'The mayor said crime fell by 20 percent.\n\nCritics disagreed.'],
    ['an Arabic sentence', 'قال الوزير إن الأسعار ارتفعت بنسبة عشرين بالمئة.\n\nوهذا غير صحيح.'],
    ['a sentence inside quotes', '“Crime fell by a fifth.”\n\nThe mayor said so.'],
    ['a line that runs on into the paragraph', 'The mayor said on Monday that crime\nfell by 20 percent since 2020.\n\nCritics disagreed.'],
    ['a line that breaks off at a comma', 'In a speech on Monday,\n\nthe mayor said crime fell.'],
    ['a list item', '- Crime fell\n\n- Jobs rose'],
    ['a line too long for a headline', `${'word '.repeat(30).trim()}\n\nText.`],
    ['a file that is only the line', 'Budget claims checked\n'],
  ])('is not taken from %s', (_case, text) => {
    expect(headlineOfText(text)).toBeUndefined();
  });

  it('titles the review and heads the article, without repeating it as a paragraph', async () => {
    const imported = await importDocument({
      fileName: 'notes_2026.txt',
      bytes: Buffer.from('Mayor’s crime claim does not add up\n\nThe mayor said crime fell\nby 20 percent.\n\nCritics disagreed.\n'),
    });
    expect(imported.title).toBe('Mayor’s crime claim does not add up');
    expect(outline(imported.doc)).toEqual([
      ['heading', 'Mayor’s crime claim does not add up'],
      ['paragraph', 'The mayor said crime fell by 20 percent.'],
      ['paragraph', 'Critics disagreed.'],
    ]);
    expect(imported.doc.content?.[0]?.attrs?.level).toBe(1);
    const untitled = await importDocument({
      fileName: 'notes_2026.txt',
      bytes: Buffer.from('The mayor said crime fell by 20 percent.\n\nCritics disagreed.\n'),
    });
    expect(untitled.title).toBe('notes 2026');
    expect(outline(untitled.doc).map(([type]) => type)).toEqual(['paragraph', 'paragraph']);
  });
});
