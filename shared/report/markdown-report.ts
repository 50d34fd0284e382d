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
import { linkableAddress } from '../model/web-address';
import { dayOf, headlineOf, reportedClaims, textEditedNote, type ReportClaim, type ReportModel, type UnplacedClaim } from './report-model';
import { articleUpdateNote } from './article-update-note';
import { copyNote, copyNoteKey } from './evidence-copy-note';

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

const verdictText = (model: ReportModel, reportClaim: Pick<ReportClaim, 'verdict'>): string => reportClaim.verdict?.label ?? model.words.t('claim.noVerdict');

/** "Draft" after the verdict of a claim not ready to publish, in a draft; '' otherwise. */
const draftMark = (model: ReportModel, reportClaim: Pick<ReportClaim, 'unfinished'>): string =>
  model.mode === 'draft' && reportClaim.unfinished.length > 0 ? ` — ${model.words.t('claim.draft')}` : '';

/** A label as the language writes one before its value ("Rationale:", French "Explication :"). */
const labelled = (model: ReportModel, key: string): PhrasingContent[] => strong(model.words.t('label.colon', { label: model.words.t(key) }));

function bulletList(items: PhrasingContent[][]): BlockContent {
  return { type: 'list', ordered: false, spread: false, children: items.map((children) => ({ type: 'listItem', spread: false, children: [paragraph(...children)] })) };
}

function claimSection(model: ReportModel, reportClaim: ReportClaim | UnplacedClaim): BlockContent[] {
  const { t, date } = model.words;
  const { claim } = reportClaim;
  const heading: Heading = {
    type: 'heading',
    depth: 3,
    children: [
      { type: 'html', value: `<a id="${reportClaim.anchor}"></a>` },
      oneLine(`${t('label.colon', { label: t('claim.heading', { number: reportClaim.number }) })} ${verdictText(model, reportClaim)}${draftMark(model, reportClaim)}`),
    ],
  };
  const quote =
    'contextBefore' in reportClaim
      ? [...lines(`…${reportClaim.contextBefore}`), ...strong(reportClaim.quote), ...lines(`${reportClaim.contextAfter}…`)]
      : strong(reportClaim.quote || t('claim.wordsUnknown'));
  const blocks: BlockContent[] = [heading];
  if (claim.summary.trim()) blocks.push(paragraph(...strong(claim.summary.trim())));
  blocks.push({ type: 'blockquote', children: [paragraph(...quote)] });
  if (model.mode === 'draft' && reportClaim.unfinished.length > 0) {
    const detail = claim.attention?.detail ? [{ type: 'break' } as const, ...lines(claim.attention.detail)] : [];
    blocks.push({
      type: 'blockquote',
      children: [paragraph(text('⚠ '), ...labelled(model, 'claim.notReady'), text(` ${reportClaim.unfinished.map((reason) => reason.message).join(' ')}`), ...detail)],
    });
  }
  // A rationale's blank lines are paragraphs; its other line breaks stay line breaks.
  const [first = '', ...rest] = claim.rationale.trim().split(/\r?\n\s*\r?\n/);
  if (first) blocks.push(paragraph(...labelled(model, 'claim.rationale'), text(' '), ...lines(first)), ...rest.map((part) => paragraph(...lines(part))));
  else if (model.mode === 'draft') blocks.push(paragraph(...labelled(model, 'claim.rationale'), text(' '), emphasis(t('claim.noRationale'))));
  const facts: PhrasingContent[][] = [];
  if (claim.claimant) facts.push([...labelled(model, 'claim.claimant'), text(' '), ...lines(claim.claimant)]);
  if (claim.claimDate) facts.push([...labelled(model, 'claim.date'), text(` ${date(claim.claimDate)}`)]);
  if (claim.appearanceUrl) facts.push([...labelled(model, 'claim.appearance'), text(' '), link(claim.appearanceUrl)]);
  // Status and tags are the newsroom's working notes: a draft shows them, a published report does not.
  if (model.mode === 'draft') {
    facts.push([...labelled(model, 'claim.status'), text(` ${t(`status.${claim.status}`)}`)]);
    if (claim.tags.length > 0) facts.push([...labelled(model, 'claim.tags'), text(` ${claim.tags.join(t('list.separator'))}`)]);
  }
  if (facts.length > 0) blocks.push(bulletList(facts));
  if (claim.evidence.length > 0) {
    blocks.push(
      paragraph(...labelled(model, 'claim.evidence')),
      bulletList(
        claim.evidence.map((item) => [
          text(item.stance === 'unset' ? '' : `${t('label.colon', { label: t(`stance.${item.stance}`) })} `),
          link(item.url, item.title || item.url || (item.copy?.kind === 'file' ? item.copy.originalName : '')),
          ...(item.accessedAt ? [text(` (${t('claim.accessed', { date: date(item.accessedAt) })})`)] : []),
          ...(item.note ? [text(' — '), ...lines(item.note)] : []),
          ...copyPhrases(model, item),
        ]),
      ),
    );
  } else if (model.mode === 'draft') blocks.push(paragraph(...labelled(model, 'claim.evidence')), paragraph(emphasis(t('claim.noEvidence'))));
  return blocks;
}

/** "copy kept on DATE, SHA-256 …" (and the archive's address) on its own line under a source with a kept copy. */
function copyPhrases(model: ReportModel, item: ReportClaim['claim']['evidence'][number]): PhrasingContent[] {
  const kept = copyNote(item);
  if (!kept) return [];
  const { t, date } = model.words;
  const hashSlot = '\uE000';
  // The hash is code, so no Markdown renderer turns part of it into markup or a link.
  const [before = '', after = ''] = t(copyNoteKey(kept), { date: date(kept.at), hash: hashSlot }).split(hashSlot);
  const phrases: PhrasingContent[] = [{ type: 'break' }, text(`${before}SHA-256 `), { type: 'inlineCode', value: kept.file.sha256 }, ...(after ? [text(after)] : [])];
  if (kept.archiveUrl) {
    const [lead = '', tail = ''] = t('claim.archivedAt', { url: hashSlot }).split(hashSlot);
    phrases.push({ type: 'break' }, text(lead), link(kept.archiveUrl), ...(tail ? [text(tail)] : []));
  }
  return phrases;
}

function summaryTable(model: ReportModel): Table {
  const { t } = model.words;
  const row = (...cells: PhrasingContent[]) => ({ type: 'tableRow' as const, children: cells.map((cell): TableCell => ({ type: 'tableCell', children: [cell] })) });
  return {
    type: 'table',
    children: [
      row(text('#'), text(t('table.claim')), text(t('table.verdict')), text(t('table.claimant'))),
      ...reportedClaims(model).map((reportClaim) =>
        row(
          { type: 'link', url: `#${reportClaim.anchor}`, children: [text(String(reportClaim.number))] },
          oneLine(reportClaim.claim.summary.trim() || reportClaim.quote),
          text(`${verdictText(model, reportClaim)}${draftMark(model, reportClaim)}`),
          oneLine(reportClaim.claim.claimant),
        ),
      ),
    ],
  };
}

/** Lines under the headline: the organisation, who wrote, checked and edited it, when. */
function about(model: ReportModel): PhrasingContent[][] {
  const { words, review, publisher } = model;
  const { t } = words;
  const lines: PhrasingContent[][] = [];
  if (publisher.organizationName) lines.push([publisher.organizationUrl ? link(publisher.organizationUrl, publisher.organizationName) : oneLine(publisher.organizationName)]);
  const publication = review.publication;
  const published = [
    publication && publication.authors.length > 0 ? t('header.by', { names: words.list(publication.authors) }) : '',
    publication?.datePublished ? t('header.published', { date: words.date(publication.datePublished) }) : '',
  ].filter(Boolean);
  if (published.length > 0) lines.push([oneLine(published.join(' · '))]);
  const { reviewers, editors } = model.credits;
  if (reviewers.length > 0 && editors.length > 0) lines.push([oneLine(t('header.reviewedAndEdited', { reviewers: words.list(reviewers), editors: words.list(editors) }))]);
  else if (reviewers.length > 0) lines.push([oneLine(t('header.reviewedBy', { names: words.list(reviewers) }))]);
  else if (editors.length > 0) lines.push([oneLine(t('header.editedBy', { names: words.list(editors) }))]);
  lines.push([text(`${t('header.updated', { date: words.date(review.updatedAt) })} · ${t('header.claimCount', { count: reportedClaims(model).length })}`)]);
  return lines;
}

/** The checked article's title, outlet, author, date and address. */
function articleChecked(model: ReportModel): BlockContent[] {
  const { review, words } = model;
  const rows: PhrasingContent[][] = [[...labelled(model, 'article.title'), text(' '), oneLine(review.title)]];
  if (review.outlet.trim()) rows.push([...labelled(model, 'article.outlet'), text(' '), oneLine(review.outlet.trim())]);
  if (review.byline.trim()) rows.push([...labelled(model, 'article.author'), text(' '), oneLine(review.byline.trim())]);
  if (review.publishedAt) rows.push([...labelled(model, 'article.date'), text(` ${words.date(review.publishedAt)}`)]);
  if (review.sourceUrl) rows.push([...labelled(model, 'article.address'), text(' '), link(review.sourceUrl)]);
  return [{ type: 'heading', depth: 2, children: [text(words.t('article.heading'))] }, bulletList(rows)];
}

/** The whole report as Markdown. */
export function buildMarkdownReport(model: ReportModel): string {
  const { t } = model.words;
  const everyClaim = reportedClaims(model);
  const blocks: Root['children'] = [];
  if (model.mode === 'draft') {
    const unfinished = everyClaim.filter((reportClaim) => reportClaim.unfinished.length > 0).length;
    blocks.push({
      type: 'blockquote',
      children: [paragraph(...strong(t('report.draft')), { type: 'break' }, text(unfinished > 0 ? t('report.draftSummary', { count: unfinished }) : t('report.draftAllReady')))],
    });
  }
  const lines = about(model);
  blocks.push({ type: 'heading', depth: 1, children: [oneLine(headlineOf(model))] }, paragraph(...lines.flatMap((line, index) => (index === 0 ? line : [{ type: 'break' } as const, ...line]))));
  const updated = articleUpdateNote(model);
  if (updated) blocks.push({ type: 'blockquote', children: [paragraph(text(updated))] });
  const edited = textEditedNote(model);
  if (edited) blocks.push({ type: 'blockquote', children: [paragraph(text(edited))] });
  blocks.push(...articleChecked(model));
  blocks.push({ type: 'heading', depth: 2, children: [text(t('section.summary'))] });
  blocks.push(everyClaim.length === 0 ? paragraph(emphasis(t('empty.noClaims'))) : summaryTable(model));
  blocks.push({ type: 'heading', depth: 2, children: [text(t('section.claims'))] });
  if (model.claims.length > 0) blocks.push(...model.claims.flatMap((reportClaim) => claimSection(model, reportClaim)));
  else if (model.unplaced.length === 0) blocks.push(paragraph(emphasis(t('empty.nothing'))));
  if (model.unplaced.length > 0) {
    blocks.push(
      { type: 'heading', depth: 2, children: [text(t('section.unplaced'))] },
      paragraph(emphasis(t('section.unplacedNote'))),
      ...model.unplaced.flatMap((reportClaim) => claimSection(model, reportClaim)),
    );
  }
  blocks.push(paragraph(emphasis(t('footer.made', { date: model.words.date(dayOf(model.generatedAt)) }))));
  return toMarkdown(
    { type: 'root', children: blocks },
    { bullet: '-', emphasis: '_', strong: '*', listItemIndent: 'one', extensions: [gfmTableToMarkdown({ tablePipeAlign: false }), gfmStrikethroughToMarkdown()] },
  );
}
