/** Shares the open review: the reviewer says who they are (once), and the .factmark file is saved. */
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { DialogFooter, ModalDialog } from '../app/modal-dialog';
import { saveFile } from '../app/save-file';
import { useDialogSubmit } from '../app/use-dialog-submit';

export function ShareDialog({ reviewId, onClose, onDone }: { reviewId: string; onClose: () => void; onDone: (message: string) => void }) {
  const [name, setName] = useState<string | null>(null);

  const { busy, problem, setProblem, submit } = useDialogSubmit(async () => {
    if (!name?.trim()) throw new Error('Give your name, so colleagues see who made each change.');
    await api['settings:setReviewer']({ name: name.trim() });
    const file = await api['share:create']({ id: reviewId });
    saveFile(file.fileName, file.mimeType, file.base64);
    onDone(`Saved ${file.fileName}. Send it to a colleague; they open it in Factmark or merge it into their copy.`);
  });

  useEffect(() => {
    api['settings:getReviewer']({}).then((reviewer) => setName(reviewer.name), (error: unknown) => setProblem(errorMessage(error)));
  }, [setProblem]);

  return (
    <ModalDialog title="Share review" onClose={onClose} className="share-dialog">
      <form noValidate onSubmit={submit}>
        <p>
          A share file holds the article, every claim with its verdict, rationale and evidence, and who changed what. A colleague opens it in Factmark, or merges
          it into their own copy of this review without losing either person’s work.
        </p>
        <label className="field">
          <span className="field-label">Your name (shown to colleagues with your changes)</span>
          <input value={name ?? ''} onChange={(event) => setName(event.target.value)} disabled={name === null} dir="auto" autoFocus maxLength={200} />
        </label>
        <DialogFooter problem={problem} submitLabel="Save share file" busy={busy} busyLabel="Saving…" onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
