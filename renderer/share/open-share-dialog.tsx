/**
 * Opening a share file: first a preview of what will happen (nothing is stored yet), then the
 * reviewer adds the review or merges it into their copy. Conflicts and unplaced claims are listed
 * here and wait in the review's "Needs attention" list.
 */
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { OpenedShare } from '../../shared/api/contract';
import type { SignatureCheck } from '../../shared/model/reviewer';
import { mergeCounts, type ClaimNote, type MergeReport } from '../../shared/share-file/merge-report';
import type { Agreement } from '../../shared/share-file/agreement';
import { MAX_SHARE_FILE_BYTES } from '../../shared/share-file/share-file-schema';
import { describeSignature } from '../../shared/share-file/signature-words';
import { localisedScale, localisedVerdictLabel } from '../../shared/i18n/scale-words';
import { describeValue } from '../claims/attention-box';
import { attentionWords } from '../claims/attention-words';
import { api, errorMessage } from '../api/client';
import { ModalDialog } from '../app/modal-dialog';
import { formatDateTime, formatList } from '../i18n/interface-format';
import { interfaceLanguage } from '../i18n/interface-i18n';
import { base64Of } from '../library/import-file';
import { receivedCopiesSentence } from './share-evidence-words';

/** Notes listed per section; the rest are counted. */
const SHOWN_NOTES = 200;

function NoteList({ title, notes, hint }: { title: string; notes: ClaimNote[]; hint?: string }) {
  const { t } = useTranslation();
  if (notes.length === 0) return null;
  return (
    <section className="merge-section" aria-label={t('openShare.sectionLabel', { title, amount: notes.length })}>
      <h3>
        {title} <span className="count">{t('claims.total', { total: notes.length })}</span>
      </h3>
      {hint && <p className="muted">{hint}</p>}
      <ul>
        {notes.slice(0, SHOWN_NOTES).map((note) => (
          <li key={note.claimId}>
            {/* A flag's cause is worded here in the interface language; other notes as the command line prints them. */}
            <q dir="auto">{note.quote || t('openShare.noWords')}</q> <span className="muted">{attentionWords(note, t)}</span>
          </li>
        ))}
        {notes.length > SHOWN_NOTES && <li className="muted">{t('openShare.more', { count: notes.length - SHOWN_NOTES })}</li>}
      </ul>
    </section>
  );
}

/** Why the agreement has no alpha, in the interface language (agreementBetween words it for the command line). */
function alphaNote(agreement: Agreement, t: TFunction): string {
  return agreement.pairs < 2 ? t('agreement.needsTwo') : t('agreement.oneVerdict');
}

/**
 * How the two copies' independent verdicts agree, the claims rated differently first: that is what
 * an editor acts on, and the figures say how much to trust either reviewer's reading of the scale.
 */
function AgreementSection({ agreement, scaleId }: { agreement: Agreement; scaleId: string }) {
  const { t } = useTranslation();
  const percent = Math.round(agreement.percent);
  // The merge names verdicts in the scale's stored words; the built-in scale's are shown in the interface language, as on the desk.
  const label = (given: Agreement['disagreements'][number]['here']): string => localisedVerdictLabel(scaleId, { id: given.verdictId, label: given.label }, interfaceLanguage());
  return (
    <section className="merge-section agreement" aria-label={t('agreement.title')}>
      <h3>{t('agreement.title')}</h3>
      <p>
        <Trans i18nKey="agreement.summary" count={agreement.pairs} values={{ agreed: agreement.agreed, percent }} components={{ strong: <strong /> }} />{' '}
        {agreement.alpha === null ? (
          <span className="muted">{alphaNote(agreement, t)}</span>
        ) : (
          <>
            <Trans i18nKey="agreement.alpha" values={{ alpha: agreement.alpha }} components={{ strong: <strong /> }} />{' '}
            <span className="muted">{agreement.metric === 'ordinal' ? t('agreement.ordinalNote') : t('agreement.nominalNote')}</span>
          </>
        )}
      </p>
      {agreement.disagreements.length > 0 && (
        <>
          <h4>
            {t('agreement.ratedDifferently')} <span className="count">{t('claims.total', { total: agreement.disagreements.length })}</span>
          </h4>
          <ul>
            {agreement.disagreements.map((entry) => (
              <li key={entry.claimId}>
                {entry.number !== null && <span className="claim-number">#{entry.number} </span>}
                <q dir="auto">{entry.quote || t('openShare.noWords')}</q>{' '}
                <span className="agreement-verdicts">
                  <Trans i18nKey="agreement.given" values={{ name: entry.here.by, verdict: label(entry.here) }} components={{ name: <span dir="auto" />, verdict: <strong /> }} /> ·{' '}
                  <Trans i18nKey="agreement.given" values={{ name: entry.theirs.by, verdict: label(entry.theirs) }} components={{ name: <span dir="auto" />, verdict: <strong /> }} />
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Who signed the file, in the interface language; the tone (and the command line's words) come from describeSignature. */
function signatureText(check: SignatureCheck, t: TFunction): string {
  const key = check.fingerprint ? t('signature.key', { fingerprint: check.fingerprint }) : '';
  // The day a key was first seen, as the command line and Preferences write it (year first, unambiguous in every language).
  const since = (check.knownSince ?? '').slice(0, 10);
  const name = check.signerName;
  switch (check.status) {
    case 'own':
      return t('signature.own', { key });
    case 'known':
      return t('signature.known', { name, key, since });
    case 'new-key':
      return t('signature.newKey', { name, key });
    case 'changed-key':
      return t('signature.changedKey', { name, key, since });
    case 'unsigned':
      return check.signedBefore ? t('signature.unsignedBefore', { name }) : t('signature.unsigned');
  }
}

/** One line saying what the merge does, as the toast repeats it afterwards. */
export function mergeSummary(report: MergeReport, t: TFunction, language: string): string {
  const counts = mergeCounts(report);
  const parts = [
    counts.added && t('merge.added', { count: counts.added }),
    counts.updated && t('merge.updated', { count: counts.updated }),
    counts.conflicting && t('merge.conflicting', { count: counts.conflicting }),
    counts.orphaned && t('merge.orphaned', { count: counts.orphaned }),
    counts.flagged && t('merge.flagged', { count: counts.flagged }),
    counts.deleted && t('merge.deleted', { count: counts.deleted }),
    report.signedOff.length > 0 && t('merge.signedOff', { count: report.signedOff.length }),
    report.signOffWithdrawn.length > 0 && t('merge.signOffWithdrawn', { count: report.signOffWithdrawn.length }),
  ].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? t('merge.summary', { parts: formatList(parts, language) }) : t('merge.nothingNew');
}

export function OpenShareDialog({ file, onClose, onOpened }: { file: File; onClose: () => void; onOpened: (reviewId: string, message: string) => void }) {
  const [preview, setPreview] = useState<OpenedShare | null>(null);
  const [base64, setBase64] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [deletionsConfirmed, setDeletionsConfirmed] = useState(false);
  const { t, i18n } = useTranslation();

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        if (file.size > MAX_SHARE_FILE_BYTES) return;
        const data = await base64Of(file);
        const result = await api['share:open']({ fileName: file.name, base64: data, preview: true });
        if (cancelled) return;
        setBase64(data);
        setPreview(result);
      } catch (error) {
        if (!cancelled) setFailure(errorMessage(error));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [file]);
  // Refused before reading, and worded here so the sentence follows the interface language.
  const problem = file.size > MAX_SHARE_FILE_BYTES ? t('openShare.tooLarge', { fileName: file.name, size: MAX_SHARE_FILE_BYTES / 1048576 }) : failure;

  const apply = async (): Promise<void> => {
    setBusy(true);
    try {
      const confirmDeletions = deletionsConfirmed ? (preview?.report.deleted ?? []).map((note) => note.claimId) : [];
      const result = await api['share:open']({ fileName: file.name, base64, confirmDeletions });
      const opened =
        result.outcome === 'added'
          ? t('openShare.added', { title: result.title, fileName: file.name })
          : t('openShare.merged', { title: result.title, fileName: file.name, summary: mergeSummary(result.report, t, i18n.language) });
      const copies = receivedCopiesSentence(result.evidenceCopies, t);
      onOpened(result.reviewId, copies ? `${opened} ${copies}` : opened);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  };

  const report = preview?.report;
  const scale = preview ? localisedScale(preview.scale, interfaceLanguage()) : null;
  const signature = preview ? { tone: describeSignature(preview.signature).tone, text: signatureText(preview.signature, t) } : null;
  const deletions = report?.deleted.length ?? 0;
  const copiesNote = receivedCopiesSentence(preview?.evidenceCopies, t);
  return (
    <ModalDialog title={preview?.inLibrary ? t('openShare.mergeTitle') : t('openShare.openTitle')} onClose={onClose} className="merge-dialog">
      {!preview && !problem && (
        <p role="status" className="muted">
          {t('openShare.reading', { fileName: file.name })}
        </p>
      )}
      {preview && report && (
        // Focusable, so the preview scrolls from the keyboard when it is longer than the dialog.
        <div className="merge-preview" tabIndex={0} role="group" aria-label={t('openShare.whatItDoes')}>
          <p>
            <Trans
              i18nKey="openShare.sharedBy"
              values={{ title: preview.title, name: preview.sharedBy, date: formatDateTime(preview.sharedAt, i18n.language) }}
              components={{ title: <strong dir="auto" />, name: <span dir="auto" /> }}
            />
          </p>
          {signature && (
            <p className={`signature-note signature-${signature.tone}`} role={signature.tone === 'warning' ? 'alert' : undefined}>
              {signature.text}
            </p>
          )}
          {preview.inLibrary ? (
            <p>
              {t('openShare.inLibrary', { summary: mergeSummary(report, t, i18n.language) })}
              {report.textChanged && ` ${t('openShare.textChanged')}`}
            </p>
          ) : (
            <p>{t('openShare.notInLibrary', { count: report.added.length + report.orphaned.length })}</p>
          )}
          {copiesNote && <p className="evidence-copies-note">{copiesNote}</p>}
          {report.agreement && <AgreementSection agreement={report.agreement} scaleId={preview.scale.id} />}
          {report.conflicts.length > 0 && (
            <section className="merge-section" aria-label={t('openShare.conflictsLabel', { amount: report.conflicts.length })}>
              <h3>
                {t('openShare.conflictsTitle')} <span className="count">{t('claims.total', { total: report.conflicts.length })}</span>
              </h3>
              <p className="muted">{t('openShare.conflictsHint', { needsAttention: t('attention.needsAttention') })}</p>
              <ul>
                {report.conflicts.map((conflict) => (
                  <li key={conflict.claimId}>
                    <q dir="auto">{conflict.quote}</q>{' '}
                    <span className="muted">
                      {conflict.fields
                        .map((field) =>
                          t('openShare.conflictField', {
                            field: t(`claim.field.${field.field}`),
                            versions: field.options
                              .map((option) => t('openShare.version', { name: option.authorName, value: describeValue(field.field, option.value, scale).replace(/\s+/g, ' ').slice(0, 120) }))
                              .join(t('openShare.versus')),
                          }),
                        )
                        .join(t('list.semicolon'))}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {preview.inLibrary && <NoteList title={t('openShare.newClaims')} notes={report.added} />}
          {preview.inLibrary && <NoteList title={t('openShare.updated')} notes={report.updated} />}
          <NoteList title={t('openShare.signedOff')} notes={report.signedOff} />
          <NoteList title={t('openShare.signOffWithdrawn')} notes={report.signOffWithdrawn} hint={t('openShare.signOffWithdrawnHint')} />
          <NoteList title={t('openShare.orphaned')} notes={report.orphaned} hint={t('openShare.orphanedHint', { needsAttention: t('attention.needsAttention') })} />
          <NoteList title={t('openShare.flagged')} notes={report.flagged} />
          <NoteList title={t('openShare.deleted')} notes={report.deleted} hint={t('openShare.deletedHint')} />
          {deletions > 0 && (
            <label className="checkbox-field confirm-deletions">
              <input type="checkbox" checked={deletionsConfirmed} onChange={(event) => setDeletionsConfirmed(event.target.checked)} />
              {t('openShare.confirmDeletions', { count: deletions })}
            </label>
          )}
          <NoteList title={t('openShare.kept')} notes={report.kept} />
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {problem ? t('common.close') : t('common.cancel')}
        </button>
        {preview && !problem && (
          <button type="button" className="primary" disabled={busy || (deletions > 0 && !deletionsConfirmed)} onClick={() => void apply()} autoFocus>
            {busy ? t('openShare.working') : preview.inLibrary ? t('openShare.merge') : t('openShare.add')}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
