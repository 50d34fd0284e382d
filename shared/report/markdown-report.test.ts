/** The Markdown report renders every piece of user text literally, escaping only what Markdown would misread. */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../model/claim';
import type { Review } from '../model/review';
import { buildMarkdownReport } from './markdown-report';
import { EMPTY_REVIEW, HOSTILE, model, PUBLISHER, REVIEW } from './report-fixture';

/** An English draft report (which shows tags too) of `review`, whatever the language of its words. */
const draft = (review: Review) => model(review, PUBLISHER, { mode: 'draft', language: 'en' });

/** A review of one claim whose words, rationale, claimant, tag, evidence title and note are all `value`. */
function reviewAbout(value: string, title = value): Review {
  const claim: Claim = {
    ...(REVIEW.claims[0] as Claim),
    rationale: value,
    claimant: value,
    tags: [value],
    evidence: [{ id: 'evidence-0001', url: 'https://stats.example/t3', title: value, note: value, stance: 'refutes', accessedAt: '' }],
  };
  return {
    ...REVIEW,
    title,
    claims: [claim],
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Before. ' }, { type: 'text', text: value, marks: [{ type: 'claim', attrs: { claimId: claim.id } }] }, { type: 'text', text: ' After.' }] }] },
  };
}

/** What a reader sees of `value` once rendered: Markdown and HTML both fold runs of white space. */
const seen = (value: string): string => value.replace(/\s+/g, ' ').trim();

/** The rendered report (by marked, as a CMS would) with a few of its parts read back as visible text. */
function rendered(markdown: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${marked.parse(markdown, { async: false })}</body></html>`);
  // A line break is white space to a reader; textContent would join the lines.
  for (const lineBreak of document.querySelectorAll('br')) lineBreak.replaceWith(document.createTextNode('\n'));
  // The rationale: the paragraph that starts "Rationale:" and the paragraphs right after it.
  const blocks = [...document.body.children];
  const rationaleStart = blocks.findIndex((block) => block.tagName === 'P' && block.textContent.startsWith('Rationale:'));
  const rationaleEnd = blocks.findIndex((block, index) => index > rationaleStart && block.tagName !== 'P');
  const rationale = blocks.slice(rationaleStart, rationaleEnd).map((block) => block.textContent);
  const facts = [...document.querySelectorAll('li')].map((item) => item.textContent);
  return {
    document,
    title: seen(document.querySelector('h1')?.textContent ?? ''),
    summaryCell: document.querySelector('tbody tr td:nth-child(2)')?.textContent ?? '',
    // The claim's words: the first quotation after its heading (a draft's banner is one too).
    quote: document.querySelector('h3 ~ blockquote strong')?.textContent ?? '',
    rationale: seen(rationale.join(' ').replace(/^Rationale: /, '')),
    claimant: facts.find((fact) => fact.startsWith('Claimed by: '))?.slice('Claimed by: '.length) ?? '',
    tags: facts.find((fact) => fact.startsWith('Tags: '))?.slice('Tags: '.length) ?? '',
    evidenceTitle: document.querySelector('li a[href="https://stats.example/t3"]')?.textContent ?? '',
    evidenceNote: facts.find((fact) => fact.startsWith('Refutes: '))?.split(' — ')[1] ?? '',
  };
}

const TRICKY = [
  'english.alarabiya.net',
  'a flare-up in the south',
  '2 * 3 * 4 = 24',
  '_snake_case_ and snake_case',
  '1. at line start',
  '# heading-like',
  '- not a list',
  '+ not a list either',
  '> not a quote',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'AT&T &amp; &copy;',
  '[x](javascript:alert(1))',
  '![image](https://tracker.example/p.png)',
  'back`tick` and ``two``',
  'pipe | in | cells',
  '~~not struck~~',
  'a back\\slash and \\*escaped\\*',
  '**bold** and __bold__',
  '2026. A year',
  '=HYPERLINK("http://evil")',
  'وقال الوزير إن الأسعار ارتفعت 10% *تقريباً*',
  '    four spaces, not code',
  '1) also a list marker',
  '***',
  'ends with a backslash\\',
];

describe('Markdown report', () => {
  it('leaves dots, hyphens and other harmless punctuation as they are', () => {
    const markdown = buildMarkdownReport(model(reviewAbout('See english.alarabiya.net on the flare-up (2026): 3.5% + 2, e.g. “quotes” & more!')));
    expect(markdown).toContain('See english.alarabiya.net on the flare-up (2026): 3.5% + 2, e.g. “quotes” & more!');
    expect(markdown).not.toMatch(/\\[.\-()!]/);
  });

  it('escapes what Markdown would misread in its position, and nothing in a word', () => {
    const markdown = buildMarkdownReport(model(reviewAbout('Intro with *emphasis* _snake_case_ <b> [link](x) # 1. - > + `tick`.\n\n# heading-like\n\n1. at line start\n\n- dash\n\n> angle')));
    expect(markdown).toContain('Intro with \\*emphasis\\* \\_snake_case\\_ \\<b> \\[link]\\(x) # 1. - > + \\`tick\\`.');
    expect(markdown).toContain('\n\\# heading-like\n');
    expect(markdown).toContain('\n1\\. at line start\n');
    expect(markdown).toContain('\n\\- dash\n');
    expect(markdown).toContain('\n\\> angle\n');
  });

  it.each(TRICKY)('renders %j literally wherever user text appears', (value) => {
    const view = rendered(buildMarkdownReport(draft(reviewAbout(value))));
    expect(view.title).toBe(seen(`Fact-check: ${value}`));
    expect(seen(view.summaryCell)).toBe(seen(value));
    expect(seen(view.quote)).toBe(seen(value));
    expect(view.rationale).toBe(seen(value));
    expect(seen(view.claimant)).toBe(seen(value));
    expect(seen(view.tags)).toBe(seen(value));
    expect(seen(view.evidenceTitle)).toBe(seen(value));
    expect(seen(view.evidenceNote)).toBe(seen(value));
    // Nothing the user wrote became markup: no image, script, extra link, emphasis or heading.
    expect(view.document.querySelectorAll('img, script, del, em strong, h4, h5, h6, code, pre')).toHaveLength(0);
    // GitHub-flavoured renderers link a web address typed in text; its words stay the same.
    const links = [...view.document.querySelectorAll('a[href]')].filter((anchor) => !/^(#claim-\d|https:\/\/(news|tv|stats|checkdesk)\.example)/.test(anchor.getAttribute('href') ?? ''));
    expect(links.filter((anchor) => !value.includes(anchor.textContent))).toEqual([]);
  });

  it('renders any mix of Markdown punctuation, Arabic and line breaks as the text it was (fast-check)', () => {
    const piece = fc.constantFrom(...'#*_-+>.!<>[]()`~|\\&;=:1 2\n\tabc'.split(''), 'وقال', '👩‍👩‍👧', '&amp;', '<b>', '1.', '</', '**', '__', '```', '- ', '* ', '> ', '\n\n');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 24 }).map((pieces) => pieces.join('')), (value) => {
        fc.pre(seen(value) !== '');
        const view = rendered(buildMarkdownReport(draft(reviewAbout(value, seen(value)))));
        expect(view.title).toBe(seen(`Fact-check: ${value}`));
        expect(view.rationale).toBe(seen(value));
        expect(seen(view.evidenceNote)).toBe(seen(value));
        expect(seen(view.summaryCell)).toBe(seen(value));
        expect(seen(view.evidenceTitle)).toBe(seen(value));
        expect(seen(view.quote)).toBe(seen(value));
        expect(view.document.querySelectorAll('img, script, h4')).toHaveLength(0);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the report’s own structure: summary table, claim anchors, links and Arabic', () => {
    const markdown = buildMarkdownReport(model());
    expect(markdown).toContain('| [1](#claim-1) |');
    expect(markdown).toContain('### <a id="claim-1"></a>Claim 1: False');
    expect(markdown).toContain('[Table 3 \\<b>](https://stats.example/t3) (accessed 15 March 2026) — annual -average');
    expect(markdown).toContain('وقال الوزير');
    expect(rendered(markdown).rationale).toBe(seen(`${HOSTILE}\nSecond line.`));
    expect(buildMarkdownReport(model(EMPTY_REVIEW))).toContain('No claims have been marked');
  });
});
