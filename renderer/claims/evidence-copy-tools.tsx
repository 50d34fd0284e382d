/** The evidence list's own copy tools: keep copies of all the claim's links, and attach a file. */
import { useId, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { KeepOutcome } from '../../shared/api/evidence-schema';
import { MAX_EVIDENCE_COPY_BYTES } from '../../shared/model/evidence-copy';
import { api, errorMessage } from '../api/client';
import type { EvidenceCopySync } from './evidence-copy-sync';
import { useKeepProgress } from './keep-progress';
import { progressLine } from './keep-progress-words';
import './evidence-copy.css';

/** The file's bytes as base64 (the browser's own encoder, through a data: URL). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsDataURL(file);
  });
}

export interface EvidenceCopyToolsProps {
  claimId: string;
  /** Sources of the claim that have a web address (Keep copies of all links is off without any). */
  linkCount: number;
  sync: EvidenceCopySync;
}

/** "Keep copies of all links" with its summary, and "Attach a file". */
export function EvidenceCopyTools({ claimId, linkCount, sync }: EvidenceCopyToolsProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [keepId, setKeepId] = useState<string | null>(null);
  const [attaching, setAttaching] = useState(false);
  const [summary, setSummary] = useState<string>('');
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const progress = useKeepProgress(keepId);

  const describe = (results: KeepOutcome[]): string => {
    const failed = results.filter((result) => result.outcome === 'failed');
    const counts = t('evidenceCopy.keepAllSummary', {
      kept: results.filter((result) => result.outcome === 'kept').length,
      failed: failed.length,
      skipped: results.filter((result) => result.outcome === 'skipped').length,
    });
    return [counts, ...failed.map((result) => t('evidenceCopy.keepAllFailure', { url: result.url, reason: result.reason }))].join(' ');
  };

  const keepAll = async (): Promise<void> => {
    const id = crypto.randomUUID();
    setKeepId(id);
    setProblem(null);
    setSummary('');
    try {
      if (!(await sync.saveNow())) throw new Error(t('evidenceCopy.saveFirst'));
      const { results } = await api['evidence:keepAll']({ reviewId: sync.reviewId, claimId, keepId: id, again: false });
      await sync.takeStored();
      setSummary(describe(results));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setKeepId(null);
    }
  };

  const attach = async (file: File | undefined): Promise<void> => {
    if (input.current) input.current.value = '';
    if (!file) return;
    setProblem(null);
    setSummary('');
    if (file.size > MAX_EVIDENCE_COPY_BYTES) {
      setProblem(t('evidenceCopy.fileTooLarge', { fileName: file.name, size: Math.ceil(file.size / 1024 / 1024), limit: MAX_EVIDENCE_COPY_BYTES / 1024 / 1024 }));
      return;
    }
    setAttaching(true);
    try {
      if (!(await sync.saveNow())) throw new Error(t('evidenceCopy.saveFirst'));
      const bytesBase64 = await readBase64(file);
      await api['evidence:attach']({ reviewId: sync.reviewId, claimId, fileName: file.name, mediaType: file.type || 'application/octet-stream', bytesBase64 });
      await sync.takeStored();
      setSummary(t('evidenceCopy.attached', { fileName: file.name }));
    } catch (error) {
      setProblem(t('evidenceCopy.attachFailed', { fileName: file.name, reason: errorMessage(error) }));
    } finally {
      setAttaching(false);
    }
  };

  return (
    <div className="evidence-copy-tools">
      <div className="evidence-copy-tool-buttons">
        {keepId ? (
          <button type="button" autoFocus onClick={() => void api['evidence:cancelKeep']({ keepId }).catch((error: unknown) => setProblem(errorMessage(error)))}>
            {t('common.cancel')}
          </button>
        ) : (
          <button type="button" disabled={linkCount === 0} onClick={() => void keepAll()}>
            {t('evidenceCopy.keepAll')}
          </button>
        )}
        {/* A real button opens the file chooser: a file input hidden in a label is a 1-pixel button to screen readers. */}
        <button type="button" disabled={attaching} aria-describedby={problem ? problemId : undefined} onClick={() => input.current?.click()}>
          {attaching ? t('evidenceCopy.attaching') : t('evidenceCopy.attach')}
        </button>
        <input ref={input} type="file" hidden data-testid="evidence-attach-input" onChange={(event) => void attach(event.target.files?.[0])} />
      </div>
      {linkCount > 0 && (
        <p className="evidence-copy-keys muted">
          <Trans i18nKey="evidenceCopy.keepKeys" components={{ key: <kbd dir="ltr" /> }} />
        </p>
      )}
      <p role="status" className="evidence-copy-note">
        {keepId ? (
          <span className="evidence-copy-progress">
            <span className="evidence-copy-spinner" aria-hidden="true" />
            {progressLine(progress, t, t('evidenceCopy.keepingAll'))}
          </span>
        ) : (
          summary
        )}
      </p>
      {problem && (
        <p className="field-error" role="alert" id={problemId}>
          {problem}
        </p>
      )}
    </div>
  );
}
