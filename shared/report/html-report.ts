/**
 * The HTML report: one self-contained page (inline CSS, no script, nothing remote but the
 * organisation's logo as a data: image) laid out as a published fact-check, in the report's
 * language and direction. All user text goes through escapeHtml.
 *
 * Links inside the page lead to a claim's verdict, from its numbered marker in the article and
 * from its number in the summary: one target a claim. A verdict names its number rather than
 * linking back (a browser's Back returns to the marker). Targets are what printing pays for:
 * Chromium looks up every link target on every printed page. In a 5,000-claim report (~2,300
 * A4 pages) one target a claim cost page.pdf about as much CPU as the rest of the printing, a
 * second (the way back) as much again; more links to the same targets cost next to nothing.
 */
import { LogoDataUrl } from '../model/publisher';
import { articleToHtml, type ClaimLabel } from './article-html';
import { escapeHtml } from './escape';
import { badge, claimSection, draftMark, UNRATED_REPORT_COLOR } from './html-claim';
import { bdi, link, message, names } from './html-text';
import { dayOf, headlineOf, reportedClaims, textEditedNote, type ReportModel } from './report-model';
import { articleUpdateNote } from './article-update-note';
import { REPORT_CSS } from './report-styles';

/** "Draft — not for publication" and how many claims are not ready, at the top of a draft. */
function draftBanner(model: ReportModel): string {
  if (model.mode !== 'draft') return '';
  const { t } = model.words;
  const unfinished = reportedClaims(model).filter((reportClaim) => reportClaim.unfinished.length > 0).length;
  const detail = unfinished > 0 ? t('report.draftSummary', { count: unfinished }) : t('report.draftAllReady');
  return `<div class="draft-banner"><p><strong>${escapeHtml(t('report.draft'))}</strong></p><p>${escapeHtml(detail)}</p></div>`;
}

/** The organisation, linked to its site, with its logo. */
function organisation(model: ReportModel): string {
  const { organizationName, organizationUrl, logo } = model.publisher;
  // The logo was checked when it was stored; checked again, as it is the one attribute a report takes
  // from elsewhere. (The shape first: LogoDataUrl's byte check throws on what is not a data: URL.)
  const image = /^data:image\/(png|jpeg);base64,/.test(logo) && LogoDataUrl.safeParse(logo).success
    ? `<img class="logo" src="${escapeHtml(logo)}" alt="${organizationName ? message(model.words, 'header.logo', { organization: escapeHtml(organizationName) }) : escapeHtml(model.words.t('header.logoUnnamed'))}">`
    : '';
  if (!image && !organizationName) return '';
  const name = organizationName ? (organizationUrl ? link(organizationUrl, organizationName) : bdi(organizationName)) : '';
  return `<p class="organisation">${image}${name}</p>`;
}

/** Who wrote, checked and edited the fact-check, and when it was published and updated. */
function bylines(model: ReportModel): string {
  const { words } = model;
  const { publication } = model.review;
  const lines: string[] = [];
  const published = [
    publication && publication.authors.length > 0 ? message(words, 'header.by', { names: names(words, publication.authors) }) : '',
    publication?.datePublished ? message(words, 'header.published', { date: escapeHtml(words.date(publication.datePublished)) }) : '',
  ].filter(Boolean);
  if (published.length > 0) lines.push(published.join(' · '));
  const { reviewers, editors } = model.credits;
  if (reviewers.length > 0 && editors.length > 0) lines.push(message(words, 'header.reviewedAndEdited', { reviewers: names(words, reviewers), editors: names(words, editors) }));
  else if (reviewers.length > 0) lines.push(message(words, 'header.reviewedBy', { names: names(words, reviewers) }));
  else if (editors.length > 0) lines.push(message(words, 'header.editedBy', { names: names(words, editors) }));
  const count = reportedClaims(model).length;
  lines.push(`${message(words, 'header.updated', { date: escapeHtml(words.date(model.review.updatedAt)) })} · ${escapeHtml(words.t('header.claimCount', { count }))}`);
  return lines.map((line) => `<p class="meta">${line}</p>`).join('\n');
}

/** The checked article's title, outlet, author, date and address. */
function articleChecked(model: ReportModel): string {
  const { review, words } = model;
  const { t } = words;
  const rows: [string, string][] = [[t('article.title'), bdi(review.title)]];
  if (review.outlet.trim()) rows.push([t('article.outlet'), bdi(review.outlet.trim())]);
  if (review.byline.trim()) rows.push([t('article.author'), bdi(review.byline.trim())]);
  if (review.publishedAt) rows.push([t('article.date'), escapeHtml(words.date(review.publishedAt))]);
  if (review.sourceUrl) rows.push([t('article.address'), link(review.sourceUrl)]);
  return `<section class="article-checked" aria-labelledby="article-checked">
<h2 class="section" id="article-checked">${escapeHtml(t('article.heading'))}</h2>
<dl class="facts">${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('')}</dl>
</section>`;
}

function summaryTable(model: ReportModel): string {
  const { t } = model.words;
  const everyClaim = reportedClaims(model);
  if (everyClaim.length === 0) return `<p class="empty">${escapeHtml(t('empty.noClaims'))}</p>`;
  const rows = everyClaim.map(
    (reportClaim) =>
      `<tr><td><a href="#${reportClaim.anchor}">${reportClaim.number}</a></td><td dir="auto">${escapeHtml(reportClaim.claim.summary.trim() || reportClaim.quote)}</td><td>${badge(model, reportClaim)}${draftMark(model, reportClaim)}</td><td dir="auto">${escapeHtml(reportClaim.claim.claimant)}</td></tr>`,
  );
  return `<table class="summary"><thead><tr><th>#</th><th>${escapeHtml(t('table.claim'))}</th><th>${escapeHtml(t('table.verdict'))}</th><th>${escapeHtml(t('table.claimant'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * What a highlighted run's title says: "Claim 1 and 2". The message is looked up once, not once
 * a run (a long review has thousands).
 */
function markTitle(model: ReportModel): (numbers: number[]) => string {
  const { words } = model;
  const [before = '', after = ''] = words.t('claim.marked', { numbers: '\uE000' }).split('\uE000');
  return (numbers) => `${before}${numbers.length === 1 ? String(numbers[0]) : words.list(numbers.map(String))}${after}`;
}

/** The whole report as an HTML document. */
export function buildHtmlReport(model: ReportModel): string {
  const { review, words } = model;
  const { t } = words;
  const labels = new Map<string, ClaimLabel>(
    model.claims.map((reportClaim) => [reportClaim.claim.id, { number: reportClaim.number, anchor: reportClaim.anchor, color: reportClaim.verdict?.color ?? UNRATED_REPORT_COLOR }]),
  );
  const headline = headlineOf(model);
  const edited = textEditedNote(model);
  const updated = articleUpdateNote(model);
  const section = (key: string) => `<h2 class="section">${escapeHtml(t(key))}</h2>`;
  const claims = model.claims.map((reportClaim) => claimSection(model, reportClaim)).join('\n');
  const unplaced =
    model.unplaced.length > 0
      ? `${section('section.unplaced')}\n<p class="meta">${escapeHtml(t('section.unplacedNote'))}</p>\n${model.unplaced.map((reportClaim) => claimSection(model, reportClaim)).join('\n')}`
      : '';
  return `<!doctype html>
<html lang="${words.language}" dir="${words.dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Factmark">
<title>${escapeHtml(headline)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
${draftBanner(model)}
${organisation(model)}
<h1 dir="auto">${review.publication?.headline.trim() ? escapeHtml(headline) : message(words, 'report.title', { title: bdi(review.title) })}</h1>
${bylines(model)}
${updated ? `<p class="note article-updated">${escapeHtml(updated)}</p>` : ''}
${edited ? `<p class="note">${escapeHtml(edited)}</p>` : ''}
</header>
${articleChecked(model)}
${section('section.summary')}
${summaryTable(model)}
${section('section.claims')}
${claims || (model.unplaced.length === 0 ? `<p class="empty">${escapeHtml(t('empty.nothing'))}</p>` : '')}
${unplaced}
${section('section.article')}
<div class="article">${articleToHtml(review.doc, labels, markTitle(model))}</div>
<footer>${escapeHtml(t('footer.made', { date: words.date(dayOf(model.generatedAt)) }))}</footer>
</main>
</body>
</html>
`;
}
