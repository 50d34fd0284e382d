/** The report in Markdown; user text is escaped so it renders literally. */
import { CLAIM_STATUS_LABELS } from '../model/claim';
import { escapeMarkdown } from './escape';
import { dayOf, type ReportClaim, type ReportModel } from './report-model';

function verdictText(reportClaim: ReportClaim): string {
  return escapeMarkdown(reportClaim.verdict?.label ?? 'No verdict yet');
}

/** A link whose text and address cannot break out of Markdown's link syntax. */
function link(url: string, text = url): string {
  return `[${escapeMarkdown(text)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

function claimSection(reportClaim: ReportClaim): string {
  const { claim } = reportClaim;
  const lines = [
    `### <a id="${reportClaim.anchor}"></a>Claim ${reportClaim.number}: ${verdictText(reportClaim)}`,
    '',
    `> …${escapeMarkdown(reportClaim.contextBefore)}**${escapeMarkdown(reportClaim.quote)}**${escapeMarkdown(reportClaim.contextAfter)}…`,
    '',
    `**Rationale:** ${claim.rationale.trim() ? escapeMarkdown(claim.rationale) : '_none yet_'}`,
    '',
  ];
  if (claim.claimant) lines.push(`- **Claimed by:** ${escapeMarkdown(claim.claimant)}`);
  if (claim.claimDate) lines.push(`- **Claim date:** ${claim.claimDate}`);
  if (claim.appearanceUrl) lines.push(`- **Appeared in:** ${link(claim.appearanceUrl)}`);
  lines.push(`- **Status:** ${CLAIM_STATUS_LABELS[claim.status]}`);
  if (claim.tags.length > 0) lines.push(`- **Tags:** ${claim.tags.map(escapeMarkdown).join(', ')}`);
  lines.push('', '**Evidence:**', '');
  if (claim.evidence.length === 0) lines.push('_No evidence recorded._');
  for (const item of claim.evidence) {
    const accessed = item.accessedAt ? ` (accessed ${item.accessedAt})` : '';
    const note = item.note ? ` — ${escapeMarkdown(item.note)}` : '';
    lines.push(`- ${item.stance}: ${link(item.url, item.title || item.url)}${accessed}${note}`);
  }
  return lines.join('\n');
}

/** The whole report as Markdown. */
export function buildMarkdownReport(model: ReportModel): string {
  const { review, publisher } = model;
  const lines = [`# Fact-check: ${escapeMarkdown(review.title)}`, ''];
  if (review.sourceUrl) lines.push(`Source: ${link(review.sourceUrl)}  `);
  const byline = [publisher.reviewerName && `Reviewed by ${escapeMarkdown(publisher.reviewerName)}`, publisher.organizationName && escapeMarkdown(publisher.organizationName)].filter(Boolean).join(', ');
  if (byline) lines.push(`${byline}  `);
  lines.push(`Last updated ${dayOf(review.updatedAt)} · ${model.claims.length} ${model.claims.length === 1 ? 'claim' : 'claims'} checked`, '', '## Summary', '');
  if (model.claims.length === 0) lines.push('_No claims have been marked in this article yet._');
  else {
    lines.push('| # | Claim | Verdict | Claimed by |', '|---|---|---|---|');
    for (const reportClaim of model.claims) {
      lines.push(`| [${reportClaim.number}](#${reportClaim.anchor}) | ${escapeMarkdown(reportClaim.quote)} | ${verdictText(reportClaim)} | ${escapeMarkdown(reportClaim.claim.claimant)} |`);
    }
  }
  lines.push('', '## Claims', '');
  lines.push(model.claims.map(claimSection).join('\n\n') || '_Nothing to report yet._');
  lines.push('', `_Made with Factmark on ${dayOf(model.generatedAt)}._`, '');
  return lines.join('\n');
}
