/** The report in Markdown; user text is escaped so it renders literally. */
import { CLAIM_STATUS_LABELS } from '../model/claim';
import { escapeMarkdown } from './escape';
import { linkableAddress } from '../model/web-address';
import { dayOf, textEditedNote, type ReportClaim, type ReportModel, type UnplacedClaim } from './report-model';

function verdictText(reportClaim: Pick<ReportClaim, 'verdict'>): string {
  return escapeMarkdown(reportClaim.verdict?.label ?? 'No verdict yet');
}

/** A link whose text and address cannot break out of Markdown's link syntax. */
function link(url: string, text = url): string {
  const address = linkableAddress(url);
  // An address that fails the web address rule (from an older file) is shown as text, not linked.
  return address ? `[${escapeMarkdown(text)}](<${address}>)` : escapeMarkdown(text);
}

function claimSection(reportClaim: ReportClaim | UnplacedClaim): string {
  const { claim } = reportClaim;
  const quote = 'contextBefore' in reportClaim ? `> …${escapeMarkdown(reportClaim.contextBefore)}**${escapeMarkdown(reportClaim.quote)}**${escapeMarkdown(reportClaim.contextAfter)}…` : `> **${escapeMarkdown(reportClaim.quote || 'Words not known')}**`;
  const lines = [`### <a id="${reportClaim.anchor}"></a>Claim ${reportClaim.number}: ${verdictText(reportClaim)}`, '', quote, ''];
  if (reportClaim.attention.length > 0) lines.push(...reportClaim.attention.map((reason) => `> ⚠ **Needs attention:** ${escapeMarkdown(reason)}`), '');
  lines.push(
    `**Rationale:** ${claim.rationale.trim() ? escapeMarkdown(claim.rationale) : '_none yet_'}`,
    '',
  );
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
  const everyClaim = [...model.claims, ...model.unplaced];
  lines.push(`Last updated ${dayOf(review.updatedAt)} · ${everyClaim.length} ${everyClaim.length === 1 ? 'claim' : 'claims'} checked`, '');
  const edited = textEditedNote(model);
  if (edited) lines.push(`> **Note:** ${escapeMarkdown(edited)}`, '');
  lines.push('## Summary', '');
  if (everyClaim.length === 0) lines.push('_No claims have been marked in this article yet._');
  else {
    lines.push('| # | Claim | Verdict | Claimed by |', '|---|---|---|---|');
    for (const reportClaim of everyClaim) {
      lines.push(`| [${reportClaim.number}](#${reportClaim.anchor}) | ${escapeMarkdown(reportClaim.quote)} | ${verdictText(reportClaim)} | ${escapeMarkdown(reportClaim.claim.claimant)} |`);
    }
  }
  lines.push('', '## Claims', '');
  lines.push(model.claims.map(claimSection).join('\n\n') || (model.unplaced.length === 0 ? '_Nothing to report yet._' : ''));
  if (model.unplaced.length > 0) {
    lines.push('', '## Claims not placed in the article', '', '_These claims were checked, but their words could not be found in this version of the article._', '', model.unplaced.map(claimSection).join('\n\n'));
  }
  lines.push('', `_Made with Factmark on ${dayOf(model.generatedAt)}._`, '');
  return lines.join('\n');
}
