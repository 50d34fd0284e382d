/** One line in English that says what an article update did, as the command line prints it. */
import type { ArticleUpdateResult } from './article-update-schema';

const claims = (count: number): string => `${count} ${count === 1 ? 'claim' : 'claims'}`;

/**
 * "Updated the article of TITLE to version N: X claims unchanged, Y moved, Z need attention
 * (A with edited words, B not placed, C found elsewhere)."
 */
export function describeArticleUpdate(result: Pick<ArticleUpdateResult, 'version' | 'counts' | 'claims'>, title: string): string {
  const { counts } = result;
  const elsewhere = result.claims.filter((claim) => claim.kind === 'moved' && claim.flagged).length;
  const why = [counts.changed > 0 ? `${counts.changed} with edited words` : '', counts.orphaned > 0 ? `${counts.orphaned} not placed` : '', elsewhere > 0 ? `${elsewhere} found elsewhere` : '']
    .filter(Boolean)
    .join(', ');
  const attention = `${counts.affected} ${counts.affected === 1 ? 'needs' : 'need'} attention${why ? ` (${why})` : ''}`;
  const before = counts.unplaced > 0 ? `; ${claims(counts.unplaced)} had no place before and ${counts.unplaced === 1 ? 'was' : 'were'} left as ${counts.unplaced === 1 ? 'it was' : 'they were'}` : '';
  return `Updated the article of “${title}” to version ${result.version.number}: ${claims(counts.unchanged)} unchanged, ${counts.moved} moved, ${attention}${before}.`;
}
