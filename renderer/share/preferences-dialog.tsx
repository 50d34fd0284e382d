/** Preferences: the reviewer's name, which history events and share files carry. */
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../shared/api/contract';
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

  const [signing, setSigning] = useState<ChannelOutput<'settings:getSigning'> | null>(null);

  useEffect(() => {
    api['settings:getReviewer']({}).then(setReviewer, (error: unknown) => setProblem(errorMessage(error)));
    api['settings:getSigning']({}).then(setSigning, (error: unknown) => setProblem(errorMessage(error)));
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
        <section className="signing-keys" aria-labelledby="signing-keys-title">
          <h3 id="signing-keys-title">Signing key</h3>
          <p className="muted">
            Share files you write are signed with your key, so colleagues can tell they come from you. Your key:{' '}
            <code dir="ltr" className="fingerprint">
              {signing?.fingerprint ?? '…'}
            </code>
          </p>
          {signing && signing.knownKeys.length > 0 && (
            <>
              <p className="muted">Colleagues’ keys, trusted the first time you opened a file they signed:</p>
              <ul className="known-keys">
                {signing.knownKeys.map((known) => (
                  <li key={known.reviewerId}>
                    <span dir="auto">{known.name || 'An unnamed reviewer'}</span>{' '}
                    <code dir="ltr" className="fingerprint">
                      {known.fingerprint}
                    </code>{' '}
                    <span className="muted">since {known.firstSeen.slice(0, 10)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <DialogFooter problem={problem} submitLabel="Save" busy={busy} busyLabel="Saving…" onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
