/**
 * One claim of the HTML report: the statement checked, its words in the article, the verdict,
 * rationale and evidence. A published report shows what readers need; a draft also shows the
 * newsroom's own fields and what an unfinished claim still needs.
 */
import { escapeHtml } from './escape';
import { copyNote, copyNoteKey } from './evidence-copy-note';
import { bdi, link, message, phrase } from './html-text';
import type { ReportClaim, ReportModel, UnplacedClaim } from './report-model';

/** Colour of a claim that has no verdict yet, in reports. */
export const UNRATED_REPORT_COLOR = '#2f5fb3';

/** The verdict as a coloured badge; its label is the newsroom's own, as the scale gives it. */
export function badge(model: ReportModel, reportClaim: Pick<ReportClaim, 'verdict'>): string {
  const color = reportClaim.verdict?.color ?? UNRATED_REPORT_COLOR;
  return `<span class="badge" dir="auto" style="background:${color}">${reportClaim.verdict ? escapeHtml(reportClaim.verdict.label) : phrase(model.words, 'claim.noVerdict')}</span>`;
}

/** The "Draft" mark of a claim not ready to publish, in a draft; '' otherwise. */
export function draftMark(model: ReportModel, reportClaim: Pick<ReportClaim, 'unfinished'>): string {
  return model.mode === 'draft' && reportClaim.unfinished.length > 0 ? ` <span class="draft-mark">${phrase(model.words, 'claim.draft')}</span>` : '';
}

/** A field's label, as the catalogue has it (escaped): "Rationale", "Evidence"… */
const label = (model: ReportModel, key: string): string => `<p class="label">${phrase(model.words, key)}</p>`;

function draftReasons(model: ReportModel, reportClaim: ReportClaim | UnplacedClaim): string {
  if (model.mode !== 'draft' || reportClaim.unfinished.length === 0) return '';
  const items = reportClaim.unfinished.map((reason) => `<li>${escapeHtml(reason.message)}</li>`).join('');
  const details = reportClaim.claim.attention?.detail ? `<p class="meta" dir="auto">${escapeHtml(reportClaim.claim.attention.detail)}</p>` : '';
  return `<div class="draft-reasons">${label(model, 'claim.notReady')}<ul>${items}</ul>${details}</div>`;
}

/** "copy kept on DATE, SHA-256 …" (and the archive's address) under a source with a kept copy; '' otherwise. */
function copyLine(model: ReportModel, item: ReportClaim['claim']['evidence'][number]): string {
  const kept = copyNote(item);
  if (!kept) return '';
  // The hash reads left to right in any page, and may break anywhere on a narrow screen.
  const hash = `<bdi class="hash" dir="ltr"><span>SHA-256</span> <code>${kept.file.sha256}</code></bdi>`;
  const archive = kept.archiveUrl ? `<span class="meta copy-note">${message(model.words, 'claim.archivedAt', { url: link(kept.archiveUrl) })}</span>` : '';
  return `<span class="meta copy-note">${message(model.words, copyNoteKey(kept), { date: escapeHtml(model.words.date(kept.at)), hash })}</span>${archive}`;
}

function evidenceList(model: ReportModel, reportClaim: ReportClaim | UnplacedClaim): string {
  const { t } = model.words;
  const { evidence } = reportClaim.claim;
  // A reader is not told that no source was recorded: that is a note for the newsroom.
  if (evidence.length === 0) return model.mode === 'draft' ? `${label(model, 'claim.evidence')}<p class="empty">${phrase(model.words, 'claim.noEvidence')}</p>` : '';
  const items = evidence.map((item) => {
    const stance = item.stance === 'unset' ? '' : `<span class="stance stance-${item.stance}">${phrase(model.words, `stance.${item.stance}`)}</span>`;
    const accessed = item.accessedAt ? ` <span class="meta">(${escapeHtml(t('claim.accessed', { date: model.words.date(item.accessedAt) }))})</span>` : '';
    const note = item.note ? `<br><span dir="auto">${escapeHtml(item.note)}</span>` : '';
    return `<li>${stance}${link(item.url, item.title || item.url || (item.copy?.kind === 'file' ? item.copy.originalName : ''))}${accessed}${note}${copyLine(model, item)}</li>`;
  });
  return `${label(model, 'claim.evidence')}<ul class="evidence">${items.join('')}</ul>`;
}

function facts(model: ReportModel, claim: ReportClaim['claim']): string {
  const { words } = model;
  const rows: [string, string][] = [];
  if (claim.claimant) rows.push([phrase(words, 'claim.claimant'), bdi(claim.claimant)]);
  if (claim.claimDate) rows.push([phrase(words, 'claim.date'), escapeHtml(words.date(claim.claimDate))]);
  if (claim.appearanceUrl) rows.push([phrase(words, 'claim.appearance'), link(claim.appearanceUrl)]);
  // Status and tags are the newsroom's working notes: a draft shows them, a published report does not.
  if (model.mode === 'draft') {
    rows.push([phrase(words, 'claim.status'), phrase(words, `status.${claim.status}`)]);
    if (claim.tags.length > 0) rows.push([phrase(words, 'claim.tags'), claim.tags.map(bdi).join(phrase(words, 'list.separator'))]);
  }
  return rows.length === 0 ? '' : `<dl class="facts">${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

/**
 * The section of one claim, anchored `claim-N`: where the claim's numbered marker in the article
 * leads. Its heading names the number rather than linking back (see html-report on links).
 */
export function claimSection(model: ReportModel, reportClaim: ReportClaim | UnplacedClaim): string {
  const { words } = model;
  const { claim } = reportClaim;
  const placed = 'contextBefore' in reportClaim;
  const heading = message(words, 'claim.heading', { number: String(reportClaim.number) });
  const statement = claim.summary.trim() ? `<p class="statement" dir="auto">${escapeHtml(claim.summary.trim())}</p>` : '';
  const quote = placed
    ? `<blockquote class="quote" dir="auto"><span class="context">…${escapeHtml(reportClaim.contextBefore)}</span><strong>${escapeHtml(reportClaim.quote)}</strong><span class="context">${escapeHtml(reportClaim.contextAfter)}…</span></blockquote>`
    : `<blockquote class="quote" dir="auto"><strong>${reportClaim.quote ? escapeHtml(reportClaim.quote) : phrase(words, 'claim.wordsUnknown')}</strong></blockquote>`;
  const rationale = claim.rationale.trim()
    ? `${label(model, 'claim.rationale')}<p class="rationale" dir="auto">${escapeHtml(claim.rationale)}</p>`
    : model.mode === 'draft'
      ? `${label(model, 'claim.rationale')}<p class="empty">${phrase(words, 'claim.noRationale')}</p>`
      : '';
  const draft = model.mode === 'draft' && reportClaim.unfinished.length > 0 ? ' is-draft' : '';
  return `<section class="claim${draft}" id="${reportClaim.anchor}">
<h3>${heading} ${badge(model, reportClaim)}${draftMark(model, reportClaim)}</h3>
${statement}
${quote}
${draftReasons(model, reportClaim)}
${rationale}
${facts(model, claim)}
${evidenceList(model, reportClaim)}
</section>`;
}
