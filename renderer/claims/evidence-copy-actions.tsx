/**
 * One evidence item's kept copy: Keep a copy (with its steps as they happen, and Cancel), the
 * status line with the copy's date and SHA-256, View copy and Verify. The fetch runs in the
 * services; a failure shows the reason they give. A keep the list asks for (a link just added
 * with "keep when added" on, or the Alt+K shortcut) runs exactly as a press on Keep would.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAttachedFile, type Evidence } from '../../shared/model/claim';
import { linkableAddress } from '../../shared/model/web-address';
import { api, errorMessage } from '../api/client';
import { copyStatusLine, verifyVerdict } from './evidence-copy-words';
import { EvidenceCopyDialog } from './evidence-copy-dialog';
import { ArchivedAt } from './archived-at';
import type { EvidenceCopySync } from './evidence-copy-sync';
import { useKeepProgress } from './keep-progress';
import { progressLine } from './keep-progress-words';
import { KEEP_SHORTCUT } from './keep-shortcut';
import './evidence-copy.css';

export interface EvidenceCopyActionsProps {
  item: Evidence;
  claimId: string;
  /** How the item is named to screen readers: its title, else its address or file name. */
  name: string;
  sync: EvidenceCopySync;
  /** True when the list asks for a keep of this item; taken (and `onKeepRequestTaken` called) once. */
  keepRequested?: boolean;
  onKeepRequestTaken?: () => void;
}

/** "Copy kept on … · SHA-256 ab12cd34…" with "SHA-256 ab12cd34…" kept on one line: a narrow panel must not break it at its hyphen. */
function StatusLine({ text }: { text: string }) {
  const at = text.indexOf('SHA-256');
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span className="evidence-copy-nowrap">{text.slice(at)}</span>
    </>
  );
}

/** The copy controls of one evidence item (nothing for an item with neither an address nor a copy). */
export function EvidenceCopyActions({ item, claimId, name, sync, keepRequested = false, onKeepRequestTaken }: EvidenceCopyActionsProps) {
  const { t, i18n } = useTranslation();
  const [keepId, setKeepId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<{ intact: boolean; text: string } | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [viewing, setViewing] = useState(false);
  const cancelled = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const copy = item.copy;
  const canKeep = !isAttachedFile(item) && linkableAddress(item.url) !== null;
  const progress = useKeepProgress(keepId);

  /** Focus stays in the item when the button that had it goes away. */
  const keepFocusHere = (): void => {
    if (document.activeElement === document.body || document.activeElement === null) box.current?.focus();
  };

  const keep = async (): Promise<void> => {
    const id = crypto.randomUUID();
    cancelled.current = false;
    setKeepId(id);
    setProblem(null);
    setNote(null);
    try {
      if (!(await sync.saveNow())) throw new Error(t('evidenceCopy.saveFirst'));
      await api['evidence:keep']({ reviewId: sync.reviewId, claimId, evidenceId: item.id, keepId: id });
      await sync.takeStored();
      setNote({ intact: true, text: t('evidenceCopy.keptNow') });
    } catch (error) {
      if (cancelled.current) setNote({ intact: false, text: t('evidenceCopy.cancelled') });
      else setProblem(errorMessage(error));
    } finally {
      setKeepId(null);
      setTimeout(keepFocusHere, 0);
    }
  };

  // A request that comes while a keep runs is dropped: that keep's own result answers it.
  const takeKeepRequest = useEffectEvent(() => {
    onKeepRequestTaken?.();
    if (canKeep && !keepId) void keep();
  });
  useEffect(() => {
    if (keepRequested) takeKeepRequest();
  }, [keepRequested]);

  const cancel = (): void => {
    if (!keepId) return;
    cancelled.current = true;
    void api['evidence:cancelKeep']({ keepId }).catch((error: unknown) => setProblem(errorMessage(error)));
  };

  const verify = async (): Promise<void> => {
    setVerifying(true);
    setProblem(null);
    setNote(null);
    try {
      if (!(await sync.saveNow())) throw new Error(t('evidenceCopy.saveFirst'));
      const result = await api['evidence:verify']({ reviewId: sync.reviewId, claimId });
      setNote(
        verifyVerdict(
          result.files.filter((file) => file.evidenceId === item.id),
          t,
        ),
      );
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setVerifying(false);
    }
  };

  if (!copy && !canKeep) return null;
  return (
    <div className="evidence-copy" ref={box} tabIndex={-1}>
      {copy && (
        <p className="evidence-copy-status">
          <span className="evidence-copy-line">
            <StatusLine text={copyStatusLine(copy, t, i18n.language)} />
          </span>
          <span className="evidence-copy-buttons">
            <button type="button" className="link-button" onClick={() => setViewing(true)} aria-label={t('evidenceCopy.viewNamed', { name })}>
              {t('evidenceCopy.view')}
            </button>
            <button type="button" className="link-button" disabled={verifying} onClick={() => void verify()} aria-label={t('evidenceCopy.verifyNamed', { name })}>
              {verifying ? t('evidenceCopy.verifying') : t('evidenceCopy.verify')}
            </button>
          </span>
        </p>
      )}
      {copy && <ArchivedAt copy={copy} />}
      <div className="evidence-copy-row">
        {canKeep &&
          (keepId ? (
            <button type="button" className="evidence-copy-keep" onClick={cancel} autoFocus aria-label={t('evidenceCopy.cancelNamed', { name })}>
              {t('common.cancel')}
            </button>
          ) : (
            <button
              type="button"
              className={copy ? 'link-button evidence-copy-keep' : 'evidence-copy-keep'}
              onClick={() => void keep()}
              aria-label={t(copy ? 'evidenceCopy.keepAgainNamed' : 'evidenceCopy.keepNamed', { name })}
              aria-keyshortcuts={KEEP_SHORTCUT}
              title={`${copy ? t('evidenceCopy.keepAgain') : t('evidenceCopy.keep')} (${KEEP_SHORTCUT})`}
            >
              {copy ? t('evidenceCopy.keepAgain') : t('evidenceCopy.keep')}
            </button>
          ))}
        {/* One status region, there from the start, so screen readers announce progress and results alike. */}
        <p role="status" className={`evidence-copy-note${note && !note.intact && !keepId ? ' is-bad' : ''}`}>
          {keepId ? (
            <span className="evidence-copy-progress">
              <span className="evidence-copy-spinner" aria-hidden="true" />
              {progressLine(progress, t, t('evidenceCopy.keeping'))}
            </span>
          ) : (
            note?.text
          )}
        </p>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {viewing && copy && <EvidenceCopyDialog copy={copy} reviewId={sync.reviewId} name={name} onClose={() => setViewing(false)} />}
    </div>
  );
}
