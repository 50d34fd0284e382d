/** Preferences: the reviewer's name, which history events and share files carry. */
import { useEffect, useState } from 'react';
import type { Reviewer } from '../../shared/model/reviewer';
import { api, errorMessage } from '../api/client';
import { DialogFooter, ModalDialog } from '../app/modal-dialog';
import { useDialogSubmit } from '../app/use-dialog-submit';

export function PreferencesDialog({ onClose, onDone }: { onClose: () => void; onDone: (message: string) => void }) {
  const [reviewer, setReviewer] = useState<Reviewer | null>(null);

  const { busy, problem, setProblem, submit } = useDialogSubmit(async () => {
    if (!reviewer) throw new Error('Your preferences are still loading; try again in a moment.');
    await api['settings:setReviewer']({ name: reviewer.name.trim() });
    onDone('Preferences saved.');
  });

  useEffect(() => {
    api['settings:getReviewer']({}).then(setReviewer, (error: unknown) => setProblem(errorMessage(error)));
  }, [setProblem]);

  return (
    <ModalDialog title="Preferences" onClose={onClose} className="preferences-dialog">
      <form noValidate onSubmit={submit}>
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
