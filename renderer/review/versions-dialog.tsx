/**
 * Versions: every version of the article (the first import and each update) with its import time,
 * source, SHA-256 (shortened; the whole on hover and by Copy) and size, and the words that differ
 * between any version and the article as it reads now.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readArticleText } from '../../shared/article/claim-spans';
import { compareTexts, type TextComparison } from '../../shared/article/text-changes';
import type { ArticleDoc } from '../../shared/model/article-doc';
import type { ArticleVersion } from '../../shared/model/article-version';
import { api, errorMessage } from '../api/client';
import { ModalDialog } from '../app/modal-dialog';
import { formatDateTime } from '../i18n/interface-format';
import { TextDiff } from './text-diff';

export function VersionsDialog({ reviewId, currentDoc, onClose }: { reviewId: string; currentDoc: ArticleDoc; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<ArticleVersion[] | null>(null);
  const [compared, setCompared] = useState<{
    number: number;
    comparison: TextComparison;
  } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    api['review:versions']({ id: reviewId }).then(
      (answer) => setVersions(answer.versions),
      (error: unknown) => setProblem(errorMessage(error)),
    );
  }, [reviewId]);

  const compare = async (number: number): Promise<void> => {
    setProblem(null);
    try {
      const { text } = await api['review:versionText']({
        id: reviewId,
        number,
      });
      setCompared({
        number,
        comparison: compareTexts(text, readArticleText(currentDoc).text),
      });
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const copy = async (version: ArticleVersion): Promise<void> => {
    try {
      await navigator.clipboard.writeText(version.sha256);
      setStatus(t('versions.copied', { number: version.number }));
    } catch {
      // A page without clipboard access still shows the whole fingerprint to select by hand.
      setStatus(t('versions.copyFailed', { sha256: version.sha256 }));
    }
  };

  const latest = versions?.at(-1)?.number;
  const sourceOf = (version: ArticleVersion): string =>
    version.source === 'paste' ? t('versions.pasted') : version.source === 'page' ? t('versions.page', { fileName: version.fileName ?? '' }) : (version.fileName ?? t('versions.file'));
  return (
    <ModalDialog title={t('versions.title')} onClose={onClose} className="versions-dialog">
      {versions === null && !problem && <p role="status">{t('versions.loading')}</p>}
      {versions && (
        <table className="versions-table">
          <thead>
            <tr>
              <th scope="col">{t('versions.number')}</th>
              <th scope="col">{t('versions.date')}</th>
              <th scope="col">{t('versions.source')}</th>
              <th scope="col">{t('versions.fingerprint')}</th>
              <th scope="col">{t('versions.size')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('versions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.number}>
                <td data-label={t('versions.number')}>{version.number === latest ? t('versions.current', { number: version.number }) : version.number}</td>
                <td data-label={t('versions.date')}>{formatDateTime(version.importedAt, i18n.language)}</td>
                <td data-label={t('versions.source')} dir="auto">
                  {sourceOf(version)}
                </td>
                <td data-label={t('versions.fingerprint')}>
                  <code title={version.sha256} dir="ltr">
                    {version.sha256.slice(0, 12)}…
                  </code>
                  <button type="button" onClick={() => void copy(version)} aria-label={t('versions.copy', { number: version.number })}>
                    {t('versions.copyShort')}
                  </button>
                </td>
                <td data-label={t('versions.size')}>{t('versions.characters', { count: version.characters })}</td>
                <td>
                  <button type="button" onClick={() => void compare(version.number)}>
                    {t('versions.compare', { number: version.number })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p role="status" className="muted">
        {status}
      </p>
      {compared && (
        <section aria-labelledby="versions-diff-heading">
          <h3 id="versions-diff-heading">{t('versions.comparing', { number: compared.number })}</h3>
          <TextDiff parts={compared.comparison.parts} label={t('versions.comparing', { number: compared.number })} />
        </section>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
