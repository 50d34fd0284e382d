/**
 * Update article…: the reviewer pastes the outlet's newer version or chooses its file, sees what
 * changed and what happens to each claim, then applies it. The desk saves first (the update names
 * the revision it was prepared on) and takes the stored review back afterwards.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleUpdateResult, ArticleUpdateSource, ClaimOutcome } from '../../shared/article-update/article-update-schema';
import { MAX_IMPORT_BYTES } from '../../shared/model/import-limits';
import { api, errorMessage } from '../api/client';
import { ModalDialog } from '../app/modal-dialog';
import { base64Of, IMPORT_ACCEPT } from '../library/import-file';
import type { ReviewSync } from './review-sync';
import { TextDiff } from './text-diff';

const OUTCOME_KEYS: Record<ClaimOutcome['kind'], string> = {
  unchanged: 'update.unchanged',
  moved: 'update.moved',
  changed: 'update.changed',
  orphaned: 'update.orphaned',
  unplaced: 'update.unplaced',
};

/** The claims the reviewer should look at after the update, with why. */
function AffectedClaims({ claims }: { claims: readonly ClaimOutcome[] }) {
  const { t } = useTranslation();
  const flagged = claims.filter((claim) => claim.flagged && claim.kind !== 'unplaced');
  if (flagged.length === 0) return <p>{t('update.noClaimsAffected')}</p>;
  return (
    <ol className="update-claims">
      {flagged.map((claim) => (
        <li key={claim.claimId}>
          <strong>
            {t('update.claimLine', {
              number: claim.number ?? '?',
              outcome: t(OUTCOME_KEYS[claim.kind]),
            })}
          </strong>{' '}
          {/* The quote is isolated, so an Arabic quote keeps its order inside the sentence's own direction. */}“<bdi>{claim.quote}</bdi>”
          {claim.newQuote !== undefined && (
            <>
              {' '}
              {t('update.nowReads')} “<bdi>{claim.newQuote}</bdi>”
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

export function UpdateArticleDialog({ reviewId, sync, onClose, onDone }: { reviewId: string; sync: ReviewSync; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [pastedText, setPastedText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<{
    result: ArticleUpdateResult;
    source: ArticleUpdateSource;
    baseRevision: number;
  } | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const sourceOf = async (): Promise<ArticleUpdateSource | null> => {
    if (file) {
      if (file.size > MAX_IMPORT_BYTES) throw new Error(t('import.tooLarge', { fileName: file.name }));
      return {
        kind: 'file',
        fileName: file.name,
        base64: await base64Of(file),
      };
    }
    return pastedText.trim() ? { kind: 'pasted', format: 'text', body: pastedText } : null;
  };

  const showChanges = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setProblem(null);
    setPreview(null);
    setBusy('preview');
    try {
      const source = await sourceOf();
      if (!source) return setProblem(t('update.nothing'));
      // What the desk holds goes to disk first: the update is prepared on that revision.
      if (!(await sync.flush())) return setProblem(t('update.saveFirst'));
      const baseRevision = sync.revision;
      const result = await api['review:updateArticle']({
        id: reviewId,
        source,
        preview: true,
        baseRevision,
      });
      setPreview({ result, source, baseRevision });
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const apply = async (): Promise<void> => {
    if (!preview) return;
    setProblem(null);
    setBusy('apply');
    try {
      // Anything typed while the preview was open is saved, and then the update is prepared on it afresh.
      if (!(await sync.flush())) return setProblem(t('update.saveFirst'));
      if (sync.revision !== preview.baseRevision) {
        // Another window (or this one's last save) changed the review: the preview may no longer hold.
        setPreview(null);
        setBusy(null);
        return setProblem(t('update.changedMeanwhile'));
      }
      const result = await api['review:updateArticle']({
        id: reviewId,
        source: preview.source,
        preview: false,
        baseRevision: preview.baseRevision,
      });
      if (result.review) await sync.onStoredRevision(result.review.revision);
      onDone(
        t('update.done', {
          number: result.version.number,
          count: result.counts.affected,
        }),
      );
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(null);
    }
  };

  const result = preview?.result;
  return (
    <ModalDialog title={t('update.title')} onClose={onClose} className="update-dialog">
      <form onSubmit={(event) => void showChanges(event)} className="update-source">
        <p>{t('update.intro')}</p>
        <label>
          {t('update.paste')}
          <textarea
            dir="auto"
            value={pastedText}
            onChange={(event) => {
              setPastedText(event.target.value);
              setPreview(null);
            }}
            disabled={file !== null}
          />
        </label>
        <label>
          {t('update.file')}{' '}
          <input
            type="file"
            accept={IMPORT_ACCEPT}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPreview(null);
            }}
          />
        </label>
        <div className="dialog-actions">
          <button type="submit" disabled={busy !== null}>
            {busy === 'preview' ? t('update.previewing') : t('update.preview')}
          </button>
        </div>
      </form>
      {result && (
        <section aria-labelledby="update-preview-heading">
          <h3 id="update-preview-heading">{t('update.previewHeading', { number: result.version.number })}</h3>
          {result.notes.map((note) => (
            <p key={note} className="muted">
              {note}
            </p>
          ))}
          {result.sameText ? (
            <p role="status">{t('update.sameText')}</p>
          ) : (
            <>
              <p role="status">{t('update.changeCount', { count: result.diff.changes.length })}</p>
              <TextDiff
                parts={result.diff.parts}
                label={t('update.diffLabel', {
                  from: result.previousVersion,
                  to: result.version.number,
                })}
              />
              <h3>{t('update.claimsHeading')}</h3>
              <ul className="update-counts">
                {(['unchanged', 'moved', 'changed', 'orphaned'] as const).map((kind) => (
                  <li key={kind}>
                    {t(OUTCOME_KEYS[kind])}: <strong>{result.counts[kind]}</strong>
                  </li>
                ))}
              </ul>
              <AffectedClaims claims={result.claims} />
              {result.counts.afterCheck && <p className="muted">{t('update.afterCheck')}</p>}
            </>
          )}
        </section>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        {result && !result.sameText && (
          <button type="button" className="primary" disabled={busy !== null} onClick={() => void apply()}>
            {busy === 'apply' ? t('update.applying') : t('update.apply')}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
