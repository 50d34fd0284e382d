/**
 * Compare with original: every change made to the article's words since it was imported, as a
 * list (each change with its context, for reading and for screen readers) and in the full text.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readArticleText } from '../../shared/article/claim-spans';
import { compareTexts, linesOfParts, type TextComparison } from '../../shared/article/text-changes';
import type { ArticleDoc } from '../../shared/model/article-doc';
import { api, errorMessage } from '../api/client';
import { ModalDialog } from '../app/modal-dialog';

function shown(text: string): string {
  return text.replace(/\n/g, ' ¶ ');
}

/** The compared text as lines (one per paragraph), each a list of runs, so each line takes its own direction. */
export function CompareDialog({ reviewId, currentDoc, onClose }: { reviewId: string; currentDoc: ArticleDoc; onClose: () => void }) {
  const { t } = useTranslation();
  const [comparison, setComparison] = useState<TextComparison | 'no-original' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    api['review:original']({ id: reviewId }).then(
      ({ doc }) => setComparison(doc ? compareTexts(readArticleText(doc).text, readArticleText(currentDoc).text) : 'no-original'),
      (error: unknown) => setProblem(errorMessage(error)),
    );
  }, [reviewId, currentDoc]);

  return (
    <ModalDialog title={t('compare.title')} onClose={onClose} className="compare-dialog">
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {comparison === null && !problem && <p role="status">{t('compare.comparing')}</p>}
      {comparison === 'no-original' && <p>{t('compare.noOriginal')}</p>}
      {comparison !== null && comparison !== 'no-original' && (
        <>
          <p role="status">
            {comparison.changes.length === 0 ? t('compare.unchanged') : t('compare.changeCount', { count: comparison.changes.length })}
          </p>
          {comparison.changes.length > 0 && (
            <>
              <h3>{t('compare.changes')}</h3>
              <ol className="change-list">
                {comparison.changes.map((change, index) => (
                  <li key={index} dir="auto">
                    <span className="muted">…{shown(change.contextBefore)}</span>
                    {change.before && (
                      <del>
                        <span className="visually-hidden">{t('compare.removed')} </span>
                        {shown(change.before)}
                      </del>
                    )}
                    {change.after && (
                      <ins>
                        <span className="visually-hidden">{t('compare.added')} </span>
                        {shown(change.after)}
                      </ins>
                    )}
                    <span className="muted">{shown(change.contextAfter)}…</span>
                  </li>
                ))}
              </ol>
              <details>
                <summary>{t('compare.wholeText')}</summary>
                <div className="compare-text">
                  {linesOfParts(comparison.parts).map((line, lineIndex) => (
                    <p key={lineIndex} dir="auto">
                      {line.map((part, index) =>
                        part.kind === 'same' ? (
                          <span key={index}>{part.text}</span>
                        ) : part.kind === 'inserted' ? (
                          <ins key={index}>{part.text}</ins>
                        ) : (
                          <del key={index}>{part.text}</del>
                        ),
                      )}
                    </p>
                  ))}
                </div>
              </details>
            </>
          )}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
