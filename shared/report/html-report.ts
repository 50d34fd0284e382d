/**
 * The HTML report: one self-contained page (inline CSS, no script, nothing remote) laid out as
 * a published fact-check. All user text goes through escapeHtml.
 */
import { CLAIM_STATUS_LABELS, type EvidenceStance } from '../model/claim';
import { articleToHtml, type ClaimLabel } from './article-html';
import { escapeHtml } from './escape';
import { linkableAddress } from '../model/web-address';
import { dayOf, textEditedNote, type ReportClaim, type ReportModel, type UnplacedClaim } from './report-model';
import { REPORT_CSS } from './report-styles';

/** Colour of a claim that has no verdict yet, in reports. */
export const UNRATED_REPORT_COLOR = '#2f5fb3';

const STANCE_WORDS: Record<EvidenceStance, string> = { unset: '', supports: 'Supports', refutes: 'Refutes', context: 'Context' };

function badge(reportClaim: Pick<ReportClaim, 'verdict'>): string {
  const color = reportClaim.verdict?.color ?? UNRATED_REPORT_COLOR;
  return `<span class="badge" style="background:${color}">${escapeHtml(reportClaim.verdict?.label ?? 'No verdict yet')}</span>`;
}

/** A link to `url`; an address that fails the web address rule (from an older file) is shown as text. */
function link(url: string, text = url): string {
  const address = linkableAddress(url);
  // A link whose words are not its address is "titled": print shows the address after it.
  const titled = text !== url ? ' class="titled"' : '';
  return address ? `<a href="${escapeHtml(address)}"${titled} rel="noopener noreferrer">${escapeHtml(text)}</a>` : `<span dir="auto">${escapeHtml(text)}</span>`;
}

function attentionBlock(reasons: readonly string[]): string {
  return reasons.length === 0 ? '' : `<div class="attention"><p class="label">Needs attention</p><ul>${reasons.map((reason) => `<li dir="auto">${escapeHtml(reason)}</li>`).join('')}</ul></div>`;
}

function claimSection(reportClaim: ReportClaim | UnplacedClaim): string {
  const { claim } = reportClaim;
  const placed = 'contextBefore' in reportClaim;
  const facts: string[] = [];
  if (claim.claimant) facts.push(`<dt>Claimed by</dt><dd dir="auto">${escapeHtml(claim.claimant)}</dd>`);
  if (claim.claimDate) facts.push(`<dt>Claim date</dt><dd>${escapeHtml(claim.claimDate)}</dd>`);
  if (claim.appearanceUrl) facts.push(`<dt>Appeared in</dt><dd>${link(claim.appearanceUrl)}</dd>`);
  facts.push(`<dt>Status</dt><dd>${escapeHtml(CLAIM_STATUS_LABELS[claim.status])}</dd>`);
  if (claim.tags.length > 0) facts.push(`<dt>Tags</dt><dd dir="auto">${claim.tags.map(escapeHtml).join(', ')}</dd>`);
  const evidence =
    claim.evidence.length === 0
      ? '<p class="empty">No evidence recorded.</p>'
      : `<ul class="evidence">${claim.evidence
          .map(
            (item) =>
              `<li>${item.stance === 'unset' ? '' : `<span class="stance stance-${item.stance}">${STANCE_WORDS[item.stance]}</span>`}${link(item.url, item.title || item.url)}` +
              `${item.accessedAt ? ` <span class="meta">(accessed ${escapeHtml(item.accessedAt)})</span>` : ''}` +
              `${item.note ? `<br><span dir="auto">${escapeHtml(item.note)}</span>` : ''}</li>`,
          )
          .join('')}</ul>`;
  return `<section class="claim" id="${reportClaim.anchor}">
<h3>${placed ? `<a href="#ref-${reportClaim.anchor}">Claim ${reportClaim.number}</a>` : `Claim ${reportClaim.number}`} ${badge(reportClaim)}</h3>
${placed ? `<blockquote class="quote" dir="auto"><span class="context">…${escapeHtml(reportClaim.contextBefore)}</span><strong>${escapeHtml(reportClaim.quote)}</strong><span class="context">${escapeHtml(reportClaim.contextAfter)}…</span></blockquote>` : `<blockquote class="quote" dir="auto"><strong>${escapeHtml(reportClaim.quote || 'Words not known')}</strong></blockquote>`}
${attentionBlock(reportClaim.attention)}
<p class="label">Rationale</p>
${claim.rationale.trim() ? `<p class="rationale" dir="auto">${escapeHtml(claim.rationale)}</p>` : '<p class="empty">No rationale written yet.</p>'}
<dl class="facts">${facts.join('')}</dl>
<p class="label">Evidence</p>
${evidence}
</section>`;
}

/** The whole report as an HTML document. */
export function buildHtmlReport(model: ReportModel): string {
  const { review, publisher } = model;
  const labels = new Map<string, ClaimLabel>(
    model.claims.map((reportClaim) => [reportClaim.claim.id, { number: reportClaim.number, anchor: reportClaim.anchor, color: reportClaim.verdict?.color ?? UNRATED_REPORT_COLOR }]),
  );
  const byline = [publisher.reviewerName && `Reviewed by ${escapeHtml(publisher.reviewerName)}`, publisher.organizationName && escapeHtml(publisher.organizationName)].filter(Boolean).join(', ');
  const everyClaim = [...model.claims, ...model.unplaced];
  const edited = textEditedNote(model);
  const summary =
    everyClaim.length === 0
      ? '<p class="empty">No claims have been marked in this article yet.</p>'
      : `<table class="summary"><thead><tr><th>#</th><th>Claim</th><th>Verdict</th><th>Claimed by</th></tr></thead><tbody>${everyClaim
          .map(
            (reportClaim) =>
              `<tr><td><a href="#${reportClaim.anchor}">${reportClaim.number}</a></td><td dir="auto">${escapeHtml(reportClaim.quote)}</td><td>${badge(reportClaim)}</td><td dir="auto">${escapeHtml(reportClaim.claim.claimant)}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Factmark">
<title>Fact-check: ${escapeHtml(review.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1 dir="auto">Fact-check: ${escapeHtml(review.title)}</h1>
${review.sourceUrl ? `<p class="meta">Source: ${link(review.sourceUrl)}</p>` : ''}
${byline ? `<p class="meta">${byline}</p>` : ''}
<p class="meta">Last updated ${escapeHtml(dayOf(review.updatedAt))} · ${everyClaim.length} ${everyClaim.length === 1 ? 'claim' : 'claims'} checked</p>
${edited ? `<p class="note">${escapeHtml(edited)}</p>` : ''}
</header>
<h2 class="section">Summary</h2>
${summary}
<h2 class="section">Claims</h2>
${model.claims.map(claimSection).join('\n') || (model.unplaced.length === 0 ? '<p class="empty">Nothing to report yet.</p>' : '')}
${model.unplaced.length > 0 ? `<h2 class="section">Claims not placed in the article</h2>\n<p class="meta">These claims were checked, but their words could not be found in this version of the article.</p>\n${model.unplaced.map(claimSection).join('\n')}` : ''}
<h2 class="section">The article</h2>
<div class="article">${articleToHtml(review.doc, labels)}</div>
<footer>Made with Factmark on ${escapeHtml(dayOf(model.generatedAt))}.</footer>
</main>
</body>
</html>
`;
}
