/** The sentence reports print when the outlet's newer version of the article came in after claims were checked. */
import { updateAfterCheck } from '../model/article-version';
import type { ReportModel } from './report-model';
import type { ReportWords } from './report-words';

/**
 * "Article updated on DATE after the check: N claims affected", in the report's language (or
 * `words`'), for the latest update made when some claim already had a verdict; null when none was.
 */
export function articleUpdateNote(model: Pick<ReportModel, 'review' | 'words'>, words: ReportWords = model.words): string | null {
  const version = updateAfterCheck(model.review.articleVersions);
  if (!version?.update) return null;
  return words.t('note.articleUpdated', {
    date: words.date(version.importedAt),
    count: version.update.affected,
  });
}
