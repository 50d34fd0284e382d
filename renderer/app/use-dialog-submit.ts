/** A dialog form's submit: busy while the work runs; on failure the reason is shown and the form can be sent again. */
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';

/** `work` throws to refuse (a check that failed, or the service's error); on success the dialog is expected to close. */
export function useDialogSubmit(work: () => Promise<void>): { busy: boolean; problem: string | null; setProblem: (problem: string | null) => void; submit: (event: FormEvent) => void } {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    work().catch((error: unknown) => {
      setProblem(errorMessage(error));
      setBusy(false);
    });
  };
  return { busy, problem, setProblem, submit };
}
