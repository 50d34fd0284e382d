import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../shared/model/article-doc';
import { openFactmarkServices } from '../factmark-services';
import { importDocument } from './import-document';

const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const importPdf = async (name: string) => importDocument({ fileName: name, bytes: await readFile(fixturePath(name)) });

interface Block {
  type: string;
  text: string;
  level?: number;
}

const textOf = (node: DocNode): string => node.text ?? (node.content ?? []).map(textOf).join('');

/** The article's blocks in reading order, list items and quotes one by one. */
function blocksOf(doc: DocNode): Block[] {
  return (doc.content ?? []).flatMap((node): Block[] => {
    if (node.type === 'bulletList' || node.type === 'orderedList')
      return (node.content ?? []).map((item) => ({
        type: `${node.type}Item`,
        text: textOf(item),
      }));
    return [
      {
        type: node.type,
        text: textOf(node),
        ...(node.type === 'heading' ? { level: Number(node.attrs?.level) } : {}),
      },
    ];
  });
}

/** The blocks of the HTML page the PDF was printed from, as a reader sees them (CSS capitals aside). */
async function sourceBlocks(html: string): Promise<Block[]> {
  const { document } = parseHTML(await readFile(fixturePath(`news/${html}`), 'utf8'));
  const typeOf = (tag: string, parent: string): string =>
    ({
      H1: 'heading',
      H2: 'heading',
      LI: parent === 'OL' ? 'orderedListItem' : 'bulletListItem',
      BLOCKQUOTE: 'blockquote',
    })[tag] ?? 'paragraph';
  return [...document.querySelectorAll('.masthead, h1, h2, h3, p, li, blockquote, footer')].map((element) => ({
    type: element.classList.contains('masthead') ? 'heading' : typeOf(element.tagName, element.parentElement?.tagName ?? ''),
    text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
  }));
}

const lowered = (blocks: Block[]): Array<[string, string]> => blocks.map((block) => [block.type, block.text.toLowerCase()]);

describe('importing a news article printed by Chromium', () => {
  it('gives every paragraph of the page its own block, and nothing else', async () => {
    const imported = await importPdf('news-harbour-dredging.pdf');
    const blocks = blocksOf(imported.doc);
    // The kicker and "Related stories" are printed in capitals by CSS; the words are the page's.
    expect(lowered(blocks)).toEqual(lowered(await sourceBlocks('harbour-dredging.html')));
    expect(blocks).toHaveLength(40);
  });

  it('keeps the three-line headline as one heading and takes all of it as the title', async () => {
    const imported = await importPdf('news-harbour-dredging.pdf');
    const headline = 'Harbour dredging will double shipping by 2030, minister claims – but port records tell a different story';
    expect(imported.title).toBe(headline);
    const headings = blocksOf(imported.doc).filter((block) => block.type === 'heading');
    expect(headings.map((heading) => [heading.level, heading.text])).toEqual([
      [2, 'The Coastal Herald'],
      [1, headline],
      [3, 'What the records show'],
      [3, 'The fishermen’s case'],
      [3, 'Our verdict'],
    ]);
  });

  it('keeps the byline, the date line and the seven short paragraphs of page 1 apart', async () => {
    const blocks = blocksOf((await importPdf('news-harbour-dredging.pdf')).doc);
    const byline = blocks.findIndex((block) => block.text === 'By Amira Haddad and Tom Reilly');
    expect(byline).toBeGreaterThan(0);
    expect(blocks.slice(byline, byline + 9).map((block) => block.text)).toEqual([
      'By Amira Haddad and Tom Reilly',
      'Published 14 March 2026, 09:41 · Updated 15 March 2026, 17:05',
      'The transport minister, Clara Voss, told parliament on Tuesday that dredging the harbour would “double shipping traffic by 2030”.',
      'It is a bold promise for a port that has lost traffic in six of the last ten years.',
      'The €410m project would deepen the main channel from 12 to 16 metres.',
      'Supporters say bigger container ships cannot reach the quays today.',
      'Opponents, including two fishing cooperatives, say the work will destroy the seagrass beds that shelter juvenile fish.',
      'The Herald asked the ministry for the model behind the forecast.',
      'A spokesperson said it would be published “in due course”.',
    ]);
  });

  it('joins paragraphs across page breaks, and a list that ends a page does not swallow the next page', async () => {
    const blocks = blocksOf((await importPdf('news-harbour-dredging.pdf')).doc);
    const starting = (words: string): Block | undefined => blocks.find((block) => block.text.startsWith(words));
    // Page 1 → 2 and page 3 → 4 break these paragraphs mid-sentence.
    expect(starting('In 2015 the port handled')?.text).toMatch(/describes the increase as “temporary and not expected to last”, a phrase .* to parliament\.$/);
    expect(starting('Independent economists')?.text).toMatch(/the forecast, he said, “reads like a brochure, not a model”, .* to be believed\.$/);
    // Page 2 ends with the related stories; page 3 starts a paragraph.
    const list = blocks.filter((block) => block.type === 'bulletListItem').map((block) => block.text);
    expect(list).toEqual([
      'Port Saldana tender: three bidders left after consortium pulls out',
      'Seagrass survey finds meadows shrinking along the whole coast',
      'Rival port reopens after two years of repairs',
    ]);
    const afterList = blocks[blocks.findIndex((block) => block.text === list[2]) + 1];
    expect(afterList).toEqual({
      type: 'paragraph',
      text: expect.stringMatching(/^The seagrass meadows at the mouth .* more than twenty years\.$/),
    });
  });

  it('keeps the pull quote as a quote and drops the print header, footer and page numbers', async () => {
    const imported = await importPdf('news-harbour-dredging.pdf');
    const blocks = blocksOf(imported.doc);
    expect(blocks.filter((block) => block.type === 'blockquote').map((block) => block.text)).toEqual([
      '“Nobody in the industry believes these numbers. Ships go where the cargo is, not where the water is deep.”',
    ]);
    const text = blocks.map((block) => block.text).join('\n');
    expect(text).not.toMatch(/coastalherald\.example|14\/03\/2026|\b[1-4]\/4\b|\| The Coastal Herald/);
  });
});

describe('importing an Arabic news article printed by Chromium', () => {
  it('reads every line right to left, letters and vowel marks in order, one block per paragraph', async () => {
    const imported = await importPdf('news-water-prices-ar.pdf');
    const blocks = blocksOf(imported.doc);
    expect(blocks).toEqual(
      (await sourceBlocks('water-prices-ar.html')).map((block, index) => ({
        ...block,
        ...(blocks[index]?.level ? { level: blocks[index]?.level } : {}),
      })),
    );
    expect(blocks).toHaveLength(19);
    expect(imported.title).toBe('الوزير: أسعار المياه لن ترتفع هذا العام، لكن فواتير الأسر في ثلاث محافظات تقول غير ذلك');
    // The paragraph that crosses from page 1 to page 2, with its guillemets the right way round.
    expect(blocks.find((block) => block.text.startsWith('وقالت الوزارة'))?.text).toMatch(/^وقالت الوزارة إن الزيادة «رسوم صيانة» .* طلبت الرقم مرتين\.$/);
    expect(blocks.find((block) => block.text.startsWith('نُشر'))?.text).toBe('نُشر في ١٤ مارس ٢٠٢٦');
  });
});

describe('importing one-page PDFs', () => {
  it('splits one-line paragraphs that all sit the same distance apart, and keeps a numbered list', async () => {
    const imported = await importPdf('news-council-brief.pdf');
    const blocks = blocksOf(imported.doc);
    expect(lowered(blocks)).toEqual(lowered(await sourceBlocks('council-brief.html')));
    expect(blocks).toHaveLength(12);
    expect(imported.title).toBe('Council brief: five claims from Monday’s budget debate');
    expect(blocks.map((block) => block.text).join('\n')).not.toMatch(/citydaily\.example|14\/03\/2026|1\/1/);
  });

  it('reads a PDF typeset by groff and Ghostscript: indented paragraphs, justified lines, hyphenated words', async () => {
    const imported = await importPdf('news-groff-brief.pdf');
    const blocks = blocksOf(imported.doc);
    expect(imported.title).toBe('Did the new river bridge really cost twice what the council budgeted?');
    expect(blocks.map((block) => [block.type, block.text.split(' ').slice(0, 3).join(' '), block.text.split(' ').slice(-3).join(' ')])).toEqual([
      ['heading', 'Did the new', 'the council budgeted?'],
      ['paragraph', 'By Nadia Berger,', '6 March 2026'],
      ['paragraph', 'The regional transport', 'what was budgeted”.'],
      ['paragraph', 'Council papers from', 'the eastern bank.'],
      ['paragraph', 'A council spokesperson', 'the approach roads.'],
      ['paragraph', 'The 2019 papers', 'or without them.'],
      ['paragraph', 'We rate the', 'council’s statement false.'],
    ]);
    expect(blocks[5]?.text).toContain('at 31 million euros, and the final account lists them separately too, at 44 million euros');
  });
});

describe('importing a news PDF into the library', () => {
  it('names the review after the whole headline', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-pdf-news-'));
    const services = await openFactmarkServices({
      dataDir,
      mode: 'cli',
      renderPdf: async () => new Uint8Array(),
    });
    try {
      for (const [name, title] of [
        ['news-harbour-dredging.pdf', 'Harbour dredging will double shipping by 2030, minister claims – but port records tell a different story'],
        ['news-water-prices-ar.pdf', 'الوزير: أسعار المياه لن ترتفع هذا العام، لكن فواتير الأسر في ثلاث محافظات تقول غير ذلك'],
      ] as const) {
        const bytes = await readFile(fixturePath(name));
        const { review } = await services.handlers['review:import']({
          fileName: name,
          base64: bytes.toString('base64'),
        });
        expect(review.title).toBe(title);
      }
    } finally {
      await services.close();
    }
  });
});

describe('importing a justified article with a key-facts list', () => {
  it('keeps each wrapped list item whole even when a line runs past the margin', async () => {
    const imported = await importPdf('news-key-facts.pdf');
    expect(lowered(blocksOf(imported.doc))).toEqual(lowered(await sourceBlocks('key-facts.html')));
  });
});
