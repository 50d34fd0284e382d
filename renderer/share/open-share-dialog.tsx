/**
 * Opening a share file: first a preview of what will happen (nothing is stored yet), then the
 * reviewer adds the review or merges it into their copy. Conflicts and unplaced claims are listed
 * here and wait in the review's "Needs attention" list.
 */
import { useEffect, useState } from 'react';
import type { OpenedShare } from '../../shared/api/contract';
import { CLAIM_FIELD_LABELS } from '../../shared/model/claim-history';
import { mergeCounts, type ClaimNote, type MergeReport } from '../../shared/share-file/merge-report';
import { MAX_SHARE_FILE_BYTES } from '../../shared/share-file/share-file-schema';
import { describeSignature } from '../../shared/share-file/signature-words';
import { describeValue } from '../claims/attention-box';
import { api, errorMessage } from '../api/client';
import { ModalDialog } from '../app/modal-dialog';
import { base64Of } from '../library/import-file';

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

function NoteList({ title, notes, hint }: { title: string; notes: ClaimNote[]; hint?: string }) {
  if (notes.length === 0) return null;
  return (
    <section className="merge-section" aria-label={`${title}: ${notes.length}`}>
      <h3>
        {title} <span className="count">{notes.length}</span>
      </h3>
      {hint && <p className="muted">{hint}</p>}
      <ul>
        {notes.slice(0, 200).map((note) => (
          <li key={note.claimId}>
            <q dir="auto">{note.quote || '(no words)'}</q> <span className="muted">{note.detail}</span>
          </li>
        ))}
        {notes.length > 200 && <li className="muted">…and {notes.length - 200} more.</li>}
      </ul>
    </section>
  );
}

/** One line saying what the merge does, as the toast repeats it afterwards. */
export function mergeSummary(report: MergeReport): string {
  const counts = mergeCounts(report);
  const parts = [
    counts.added && `${counts.added} added`,
    counts.updated && `${counts.updated} updated`,
    counts.conflicting && `${counts.conflicting} with two versions to choose from`,
    counts.orphaned && `${counts.orphaned} not placed`,
    counts.flagged && `${counts.flagged} to check`,
    counts.deleted && `${counts.deleted} deleted`,
  ].filter(Boolean);
  return parts.length > 0 ? `Claims: ${parts.join(', ')}.` : 'Nothing new: your copy already has everything in this file.';
}

export function OpenShareDialog({ file, onClose, onOpened }: { file: File; onClose: () => void; onOpened: (reviewId: string, message: string) => void }) {
  const [preview, setPreview] = useState<OpenedShare | null>(null);
  const [base64, setBase64] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [deletionsConfirmed, setDeletionsConfirmed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        if (file.size > MAX_SHARE_FILE_BYTES) throw new Error(`${file.name} is larger than ${MAX_SHARE_FILE_BYTES / 1048576} MB; it is not a share file Factmark can open.`);
        const data = await base64Of(file);
        const result = await api['share:open']({ fileName: file.name, base64: data, preview: true });
        if (cancelled) return;
        setBase64(data);
        setPreview(result);
      } catch (error) {
        if (!cancelled) setProblem(errorMessage(error));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [file]);

  const apply = async (): Promise<void> => {
    setBusy(true);
    try {
      const confirmDeletions = deletionsConfirmed ? (preview?.report.deleted ?? []).map((note) => note.claimId) : [];
      const result = await api['share:open']({ fileName: file.name, base64, confirmDeletions });
      onOpened(result.reviewId, result.outcome === 'added' ? `Added “${result.title}” from ${file.name}.` : `Merged ${file.name} into “${result.title}”. ${mergeSummary(result.report)}`);
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  const report = preview?.report;
  const signature = preview ? describeSignature(preview.signature) : null;
  const deletions = report?.deleted.length ?? 0;
  return (
    <ModalDialog title={preview?.inLibrary ? 'Merge share file' : 'Open share file'} onClose={onClose} className="merge-dialog">
      {!preview && !problem && (
        <p role="status" className="muted">
          Reading {file.name}…
        </p>
      )}
      {preview && report && (
        <div className="merge-preview">
          <p>
            <strong dir="auto">“{preview.title}”</strong>, shared by <span dir="auto">{preview.sharedBy}</span> on {new Date(preview.sharedAt).toLocaleString()}.
          </p>
          {signature && (
            <p className={`signature-note signature-${signature.tone}`} role={signature.tone === 'warning' ? 'alert' : undefined} dir="auto">
              {signature.text}
            </p>
          )}
          {preview.inLibrary ? (
            <p>
              This review is already in your library. Merging keeps everything from both copies: {mergeSummary(report)}
              {report.textChanged && ' The article text differs between the copies; new claims were found again in your text, and your text stays as it is.'}
            </p>
          ) : (
            <p>This review is not in your library yet. It will be added with {plural(report.added.length + report.orphaned.length, 'claim')} and their history.</p>
          )}
          {report.conflicts.length > 0 && (
            <section className="merge-section" aria-label={`Two versions: ${report.conflicts.length}`}>
              <h3>
                Changed differently in both copies <span className="count">{report.conflicts.length}</span>
              </h3>
              <p className="muted">Both versions are kept. Choose between them in the review, under Needs attention.</p>
              <ul>
                {report.conflicts.map((conflict) => (
                  <li key={conflict.claimId}>
                    <q dir="auto">{conflict.quote}</q>{' '}
                    <span className="muted">
                      {conflict.fields.map((field) => `${CLAIM_FIELD_LABELS[field.field]}: ${field.options.map((option) => `${option.authorName} “${describeValue(field.field, option.value, preview.scale).replace(/\s+/g, ' ').slice(0, 120)}”`).join(' vs ')}`).join('; ')}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {preview.inLibrary && <NoteList title="New claims" notes={report.added} />}
          {preview.inLibrary && <NoteList title="Updated" notes={report.updated} />}
          <NoteList title="Not placed in your text" notes={report.orphaned} hint="Their work is kept; place them on the right words or delete them, under Needs attention." />
          <NoteList title="Placed, to check" notes={report.flagged} />
          <NoteList title="Deleted" notes={report.deleted} hint="The file deletes these claims from your copy, with their verdicts and evidence." />
          {deletions > 0 && (
            <label className="checkbox-field confirm-deletions">
              <input type="checkbox" checked={deletionsConfirmed} onChange={(event) => setDeletionsConfirmed(event.target.checked)} />
              Delete {plural(deletions, 'claim')} listed above from my copy
            </label>
          )}
          <NoteList title="Kept although deleted" notes={report.kept} />
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {problem ? 'Close' : 'Cancel'}
        </button>
        {preview && !problem && (
          <button type="button" className="primary" disabled={busy || (deletions > 0 && !deletionsConfirmed)} onClick={() => void apply()} autoFocus>
            {busy ? 'Working…' : preview.inLibrary ? 'Merge into my copy' : 'Add to library'}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
