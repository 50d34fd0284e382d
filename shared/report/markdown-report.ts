/**
 * The report in Markdown (GitHub-flavoured, for a CMS or a wiki). It is built as a Markdown
 * syntax tree (mdast) and written by mdast-util-to-markdown, which escapes a character only
 * where Markdown would read it as syntax in that position: `english.alarabiya.net` and
 * `flare-up` stay as they are, `# …` at a line start or `*word*` anywhere do not become markup.
 */
import type { BlockContent, Heading, Link, Paragraph, PhrasingContent, Root, Table, TableCell, Text } from 'mdast';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import { CLAIM_STATUS_LABELS } from '../model/claim';
import { linkableAddress } from '../model/web-address';
import { dayOf, textEditedNote, type ReportClaim, type ReportModel, type UnplacedClaim } from './report-model';

const text = (value: string): Text => ({ type: 'text', value });

/** `value` with each line break kept as a hard break (a new line in the rendered text). */
function lines(value: string): PhrasingContent[] {
  // A hard break cannot end a paragraph (Markdown would show its backslash): blank lines at the edges go.
  return value
    .replace(/^(?:[ \t]*\r?\n)+|(?:\r?\n[ \t]*)+$/g, '')
    .split(/\r?\n/)
    .flatMap((line, index): PhrasingContent[] => (index === 0 ? [text(line)] : [{ type: 'break' }, text(line)]));
}

/** `value` on one line, for places Markdown cannot break (headings, table cells). */
const oneLine = (value: string): Text => text(value.replace(/\s*\r?\n\s*/g, ' '));

const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });

const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] });

/** Bold `value`; spaces at its edges stay outside the `**`, where Markdown requires them. */
function strong(value: string): PhrasingContent[] {
  const [, before = '', core = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(value) ?? [];
  if (!core) return [text(value)];
  return [...(before ? [text(before)] : []), { type: 'strong', children: lines(core) }, ...(after ? [text(after)] : [])];
}

/**
 * Link text: brackets and backslashes are written as character references, not escapes, because
 * marked (which many CMSs use) misreads escapes inside link text: `[!\[x\](y)](z)` shows an image.
 */
function linkText(value: string): PhrasingContent[] {
  return oneLine(value)
    .value.split(/([[\]\\])/)
    .filter(Boolean)
    .map((part): PhrasingContent => (/^[[\]\\]$/.test(part) ? { type: 'html', value: `&#${part.charCodeAt(0)};` } : text(part)));
}

/** A link to `url`; an address that fails the web address rule (from an older file) is shown as text, not linked. */
function link(url: string, label = url): PhrasingContent {
  const address = linkableAddress(url);
  return address ? ({ type: 'link', url: address, children: linkText(label) } satisfies Link) : oneLine(label);
}

const verdictText = (reportClaim: Pick<ReportClaim, 'verdict'>): string => reportClaim.verdict?.label ?? 'No verdict yet';

function bulletList(items: PhrasingContent[][]): BlockContent {
  return { type: 'list', ordered: false, spread: false, children: items.map((children) => ({ type: 'listItem', spread: false, children: [paragraph(...children)] })) };
}

function claimSection(reportClaim: ReportClaim | UnplacedClaim): BlockContent[] {
  const { claim } = reportClaim;
  const heading: Heading = { type: 'heading', depth: 3, children: [{ type: 'html', value: `<a id="${reportClaim.anchor}"></a>` }, oneLine(`Claim ${reportClaim.number}: ${verdictText(reportClaim)}`)] };
  const quote =
    'contextBefore' in reportClaim
      ? [...lines(`…${reportClaim.contextBefore}`), ...strong(reportClaim.quote), ...lines(`${reportClaim.contextAfter}…`)]
      : strong(reportClaim.quote || 'Words not known');
  const blocks: BlockContent[] = [heading, { type: 'blockquote', children: [paragraph(...quote)] }];
  if (reportClaim.attention.length > 0) {
    blocks.push({ type: 'blockquote', children: reportClaim.attention.map((reason) => paragraph(text('⚠ '), ...strong('Needs attention:'), text(' '), ...lines(reason))) });
  }
  // A rationale's blank lines are paragraphs; its other line breaks stay line breaks.
  const [first = '', ...rest] = claim.rationale.trim().split(/\r?\n\s*\r?\n/);
  blocks.push(paragraph(...strong('Rationale:'), text(' '), ...(first ? lines(first) : [emphasis('none yet')])), ...rest.map((part) => paragraph(...lines(part))));
  const facts: PhrasingContent[][] = [];
  if (claim.claimant) facts.push([...strong('Claimed by:'), text(' '), ...lines(claim.claimant)]);
  if (claim.claimDate) facts.push([...strong('Claim date:'), text(` ${claim.claimDate}`)]);
  if (claim.appearanceUrl) facts.push([...strong('Appeared in:'), text(' '), link(claim.appearanceUrl)]);
  facts.push([...strong('Status:'), text(` ${CLAIM_STATUS_LABELS[claim.status]}`)]);
  if (claim.tags.length > 0) facts.push([...strong('Tags:'), text(` ${claim.tags.join(', ')}`)]);
  blocks.push(bulletList(facts), paragraph(...strong('Evidence:')));
  if (claim.evidence.length === 0) blocks.push(paragraph(emphasis('No evidence recorded.')));
  else {
    blocks.push(
      bulletList(
        claim.evidence.map((item) => [
          text(item.stance === 'unset' ? '' : `${item.stance}: `),
          link(item.url, item.title || item.url),
          ...(item.accessedAt ? [text(` (accessed ${item.accessedAt})`)] : []),
          ...(item.note ? [text(' — '), ...lines(item.note)] : []),
        ]),
      ),
    );
  }
  return blocks;
}

function summaryTable(claims: readonly (ReportClaim | UnplacedClaim)[]): Table {
  const row = (...cells: PhrasingContent[]) => ({ type: 'tableRow' as const, children: cells.map((cell): TableCell => ({ type: 'tableCell', children: [cell] })) });
  return {
    type: 'table',
    children: [
      row(text('#'), text('Claim'), text('Verdict'), text('Claimed by')),
      ...claims.map((reportClaim) =>
        row({ type: 'link', url: `#${reportClaim.anchor}`, children: [text(String(reportClaim.number))] }, oneLine(reportClaim.quote), text(verdictText(reportClaim)), oneLine(reportClaim.claim.claimant)),
      ),
    ],
  };
}

/** The whole report as Markdown. */
export function buildMarkdownReport(model: ReportModel): string {
  const { review, publisher } = model;
  const everyClaim = [...model.claims, ...model.unplaced];
  const about: PhrasingContent[][] = [];
  if (review.sourceUrl) about.push([text('Source: '), link(review.sourceUrl)]);
  const byline = [publisher.reviewerName && `Reviewed by ${publisher.reviewerName}`, publisher.organizationName].filter(Boolean).join(', ');
  if (byline) about.push([oneLine(byline)]);
  about.push([text(`Last updated ${dayOf(review.updatedAt)} · ${everyClaim.length} ${everyClaim.length === 1 ? 'claim' : 'claims'} checked`)]);

  const blocks: Root['children'] = [
    { type: 'heading', depth: 1, children: [oneLine(`Fact-check: ${review.title}`)] },
    paragraph(...about.flatMap((line, index) => (index === 0 ? line : [{ type: 'break' } as const, ...line]))),
  ];
  const edited = textEditedNote(model);
  if (edited) blocks.push({ type: 'blockquote', children: [paragraph(...strong('Note:'), text(` ${edited}`))] });
  blocks.push({ type: 'heading', depth: 2, children: [text('Summary')] });
  blocks.push(everyClaim.length === 0 ? paragraph(emphasis('No claims have been marked in this article yet.')) : summaryTable(everyClaim));
  blocks.push({ type: 'heading', depth: 2, children: [text('Claims')] });
  if (model.claims.length > 0) blocks.push(...model.claims.flatMap(claimSection));
  else if (model.unplaced.length === 0) blocks.push(paragraph(emphasis('Nothing to report yet.')));
  if (model.unplaced.length > 0) {
    blocks.push(
      { type: 'heading', depth: 2, children: [text('Claims not placed in the article')] },
      paragraph(emphasis('These claims were checked, but their words could not be found in this version of the article.')),
      ...model.unplaced.flatMap(claimSection),
    );
  }
  blocks.push(paragraph(emphasis(`Made with Factmark on ${dayOf(model.generatedAt)}.`)));
  return toMarkdown(
    { type: 'root', children: blocks },
    { bullet: '-', emphasis: '_', strong: '*', listItemIndent: 'one', extensions: [gfmTableToMarkdown({ tablePipeAlign: false }), gfmStrikethroughToMarkdown()] },
  );
}
