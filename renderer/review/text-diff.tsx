/**
 * A word diff of two versions of an article, inline (removed and added words in one text) or side
 * by side (before and after), showing only the paragraphs with changes. Removed words are struck
 * through and added words underlined, and screen readers hear which is which, so nothing depends
 * on colour; each paragraph takes its own direction (Arabic reads right to left).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linesOfParts, type TextPart } from '../../shared/article/text-changes';
import './article-update.css';

/** The compared text as rows (one per paragraph of either version) where something changed, each a list of runs. */
function rowsOf(parts: readonly TextPart[]): TextPart[][] {
  return linesOfParts(parts).filter((row) => row.some((run) => run.kind !== 'same'));
}

function Run({ run }: { run: TextPart }) {
  const { t } = useTranslation();
  if (run.kind === 'same') return <span>{run.text}</span>;
  const Tag = run.kind === 'inserted' ? 'ins' : 'del';
  return (
    <Tag>
      <span className="visually-hidden">{run.kind === 'inserted' ? t('compare.added') : t('compare.removed')} </span>
      {run.text}
    </Tag>
  );
}

/** The changed paragraphs of `parts` (from compareTexts), with a choice of inline or side by side. */
export function TextDiff({ parts, label }: { parts: readonly TextPart[]; label: string }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'inline' | 'side'>('inline');
  const rows = useMemo(() => rowsOf(parts), [parts]);
  if (rows.length === 0) return <p>{t('diff.noChanges')}</p>;
  return (
    <section className="text-diff" aria-label={label}>
      <fieldset className="diff-view">
        <legend>{t('diff.view')}</legend>
        <label>
          <input type="radio" name="diff-view" checked={view === 'inline'} onChange={() => setView('inline')} /> {t('diff.inline')}
        </label>
        <label>
          <input type="radio" name="diff-view" checked={view === 'side'} onChange={() => setView('side')} /> {t('diff.sideBySide')}
        </label>
      </fieldset>
      <p className="muted">{t('diff.onlyChanged')}</p>
      {/* A scrolling region a keyboard can reach: long diffs scroll inside the dialog. */}
      <div className="diff-rows" tabIndex={0} role="group" aria-label={label}>
        {view === 'side' && (
          <div className="diff-row diff-heading" aria-hidden="true">
            <span>{t('diff.before')}</span>
            <span>{t('diff.after')}</span>
          </div>
        )}
        {rows.map((row, index) =>
          view === 'inline' ? (
            <p key={index} dir="auto" className="diff-inline">
              {row.map((run, runIndex) => (
                <Run key={runIndex} run={run} />
              ))}
            </p>
          ) : (
            <div key={index} className="diff-row">
              <div className="diff-cell">
                {/* Shown only when the columns stack, in place of the heading row. */}
                <span className="diff-cell-label" aria-hidden="true">
                  {t('diff.before')}
                </span>
                <p dir="auto" aria-label={t('diff.before')}>
                  {row
                    .filter((run) => run.kind !== 'inserted')
                    .map((run, runIndex) => (
                      <Run key={runIndex} run={run} />
                    ))}
                </p>
              </div>
              <div className="diff-cell">
                {/* Shown only when the columns stack, in place of the heading row. */}
                <span className="diff-cell-label" aria-hidden="true">
                  {t('diff.after')}
                </span>
                <p dir="auto" aria-label={t('diff.after')}>
                  {row
                    .filter((run) => run.kind !== 'deleted')
                    .map((run, runIndex) => (
                      <Run key={runIndex} run={run} />
                    ))}
                </p>
              </div>
            </div>
          ),
        )}
      </div>
    </section>
  );
}
