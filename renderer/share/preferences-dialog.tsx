/** Preferences: the reviewer's name, which history events and share files carry. */
import { useEffect, useState, type FormEvent } from 'react';
import type { Reviewer } from '../../shared/model/reviewer';
import { api, errorMessage } from '../api/client';
import { DialogFooter, ModalDialog } from '../app/modal-dialog';

export function PreferencesDialog({ onClose, onDone }: { onClose: () => void; onDone: (message: string) => void }) {
  const [reviewer, setReviewer] = useState<Reviewer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api['settings:getReviewer']({}).then(setReviewer, (error: unknown) => setProblem(errorMessage(error)));
  }, []);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!reviewer) return;
    setBusy(true);
    try {
      await api['settings:setReviewer']({ name: reviewer.name.trim() });
      onDone('Preferences saved.');
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <ModalDialog title="Preferences" onClose={onClose} className="preferences-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field-label">Your name</span>
          <input value={reviewer?.name ?? ''} onChange={(event) => reviewer && setReviewer({ ...reviewer, name: event.target.value })} disabled={!reviewer} dir="auto" autoFocus maxLength={200} />
        </label>
        <p className="muted">
          Shown with your changes when you share a review. Your reviewer id{' '}
          <code dir="ltr">{reviewer?.id.slice(0, 8) ?? '…'}</code> stays the same if you change your name.
        </p>
        <DialogFooter problem={problem} submitLabel="Save" busy={busy} busyLabel="Saving…" onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
