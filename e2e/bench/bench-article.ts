/**
 * The articles the editor bench types into: transcript-like paragraphs with overlapping claims,
 * made deterministically so every run and every page types into the same text. The bare
 * reference page gets the same paragraphs as plain HTML.
 */
import type { ArticleDoc, DocNode } from '../../shared/model/article-doc';
import { CLAIM_MARK } from '../../shared/article/claim-spans';
import { newClaim, type Claim } from '../../shared/model/claim';

/** The size of one bench article. */
export interface ArticleShape {
  paragraphs: number;
  sentencesPerParagraph: number;
  claims: number;
}

/** An article as the store takes it, its claims, and figures to print about it. */
export interface BenchArticle {
  doc: ArticleDoc;
  claims: Claim[];
  /** The paragraphs' text, for the bare reference page. */
  paragraphTexts: string[];
  characters: number;
  words: number;
}

// Hearing-transcript sentences (~100 characters each); {n} varies them so paragraphs differ.
const SENTENCES = [
  'The minister told the committee that unemployment fell to {n}.4 percent last year, the lowest since 1970. ',
  'Asked about the budget, she said spending on hospitals had risen by {n} percent in real terms since 2019. ',
  'The opposition spokesman replied that waiting lists were {n} weeks longer than when the government took office. ',
  'According to the official figures, exports to the region grew by {n} billion euros in the first quarter alone. ',
  'He added that crime in the capital had halved over the decade, a claim the police statistics do not support. ',
  'The chair reminded witnesses that {n} schools had closed since the reform and asked for the written evidence. ',
  'Our party built more homes than any government before us, {n} thousand of them in the last two years. ',
  'The report published on Monday found that {n} percent of households could not afford an unexpected bill. ',
];
const CREATED_AT = '2026-01-01T00:00:00.000Z';

function paragraphText(index: number, sentences: number): string {
  let text = '';
  for (let sentence = 0; sentence < sentences; sentence++) {
    const template = SENTENCES[(index * 3 + sentence) % SENTENCES.length] as string;
    text += template.replace('{n}', String(((index * 7 + sentence * 13) % 89) + 2));
  }
  return text.trimEnd();
}

/** The nearest word start at or after `offset` (or the text's end). */
function wordStart(text: string, offset: number): number {
  const space = text.indexOf(' ', Math.max(0, Math.min(offset, text.length)));
  return space === -1 ? text.length : space + 1;
}

/**
 * `count` claims over one paragraph, each over a run of whole words and each overlapping the
 * next, so overlapping marks split the text as they do in a real review.
 */
function claimSpans(text: string, count: number): { start: number; end: number }[] {
  const spacing = text.length / (count + 1);
  const spans: { start: number; end: number }[] = [];
  for (let claim = 0; claim < count; claim++) {
    const start = wordStart(text, Math.round((claim + 0.5) * spacing));
    const end = Math.min(text.length, Math.max(start + 1, wordStart(text, Math.round(start + 1.6 * spacing)) - 1));
    if (start < end) spans.push({ start, end });
  }
  return spans;
}

/** The paragraph's text nodes: split at every claim boundary, each with the claims covering it. */
function markedParagraph(text: string, spans: readonly { start: number; end: number; id: string }[]): DocNode {
  const cuts = [...new Set([0, text.length, ...spans.flatMap((span) => [span.start, span.end])])].sort((left, right) => left - right);
  const content: DocNode[] = [];
  for (let cut = 0; cut < cuts.length - 1; cut++) {
    const from = cuts[cut] as number;
    const to = cuts[cut + 1] as number;
    const ids = spans.filter((span) => span.start <= from && span.end >= to).map((span) => span.id);
    const node: DocNode = { type: 'text', text: text.slice(from, to) };
    if (ids.length > 0) node.marks = ids.map((claimId) => ({ type: CLAIM_MARK, attrs: { claimId } }));
    content.push(node);
  }
  return { type: 'paragraph', content };
}

/** A deterministic article of `shape`, its claims spread evenly over the paragraphs; every second claim rated false. */
export function benchArticle(shape: ArticleShape): BenchArticle {
  const claims: Claim[] = [];
  const content: DocNode[] = [];
  const paragraphTexts: string[] = [];
  for (let index = 0; index < shape.paragraphs; index++) {
    const text = paragraphText(index, shape.sentencesPerParagraph);
    paragraphTexts.push(text);
    const count = Math.floor(((index + 1) * shape.claims) / shape.paragraphs) - Math.floor((index * shape.claims) / shape.paragraphs);
    const spans = claimSpans(text, count).map((span, position) => ({ ...span, id: `claim-${index.toString().padStart(5, '0')}-${position}` }));
    for (const [position, span] of spans.entries()) {
      const claim = newClaim(span.id, CREATED_AT);
      claims.push(position % 2 === 1 ? { ...claim, verdictId: 'false' } : claim);
    }
    content.push(markedParagraph(text, spans));
  }
  const characters = paragraphTexts.reduce((sum, text) => sum + text.length, 0);
  const words = paragraphTexts.reduce((sum, text) => sum + text.split(' ').length, 0);
  return { doc: { type: 'doc', content }, claims, paragraphTexts, characters, words };
}

/** The offset in paragraph `text` where the bench types: a word start near the middle. */
export function typingOffset(text: string): number {
  return wordStart(text, Math.floor(text.length / 2));
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The article as plain paragraphs, for a bare contenteditable. */
export function articleHtml(article: BenchArticle): string {
  return article.paragraphTexts.map((text) => `<p>${escapeHtml(text)}</p>`).join('');
}
