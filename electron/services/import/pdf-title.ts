/**
 * The title of an imported PDF: its headline, all of it. The PDF's own metadata title (a
 * browser's print writes the page's <title> there, often "Headline | Outlet") picks the headline
 * among the headings, so the outlet's masthead above it is not taken for the title.
 */
import type { PdfBlock } from './pdf-blocks';

// Titles a producer writes when nobody gave one: a file name, Word's "Microsoft Word - x.docx", "Untitled".
const NO_TITLE = /^(untitled|microsoft (word|powerpoint) - .*|.*\.(docx?|pdf|html?|txt|indd|odt|rtf))$/i;
const SITE_SEPARATOR = /\s+[|·•]\s+/;

function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** The metadata title when it is a real title, or ''. */
export function usableMetadataTitle(title: string | undefined): string {
  const trimmed = (title ?? '').replace(/\s+/g, ' ').trim();
  return trimmed && !NO_TITLE.test(trimmed) ? trimmed : '';
}

/**
 * The share of the metadata title's words (without the " | Outlet" part) that `heading` holds.
 */
function agreement(heading: string, metadataTitle: string): number {
  const parts = metadataTitle.split(SITE_SEPARATOR);
  const wanted = words(parts.length > 1 ? parts.slice(0, -1).join(' ') : metadataTitle);
  if (wanted.length === 0) return 0;
  const held = new Set(words(heading));
  return wanted.filter((word) => held.has(word)).length / wanted.length;
}

/**
 * The review title for a PDF's `blocks`: the heading the metadata title agrees with, else the
 * largest heading (the headline outranks section heads), else the metadata title, else ''.
 */
export function titleOfPdf(blocks: PdfBlock[], metadataTitle: string | undefined): string {
  const headings = blocks.filter((block) => block.kind === 'heading');
  const meta = usableMetadataTitle(metadataTitle);
  if (meta) {
    let best: PdfBlock | undefined;
    let bestScore = 0.6;
    for (const heading of headings) {
      const score = agreement(heading.text, meta);
      if (score > bestScore) [best, bestScore] = [heading, score];
    }
    if (best) return best.text;
  }
  const headline = headings.find((heading) => heading.level === 1);
  return headline?.text ?? meta;
}
