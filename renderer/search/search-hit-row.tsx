/** One search result: where it is (review, claim), its verdict and status, the words that matched and in which fields. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SearchField, SearchHit } from '../../shared/search/search-schema';
import { ShownVerdictBadge } from '../claims/verdict-badge';
import { formatDate, formatList } from '../i18n/interface-format';
import { snippetParts } from './snippet-parts';

/** The parts of a review as a result names them ("Found in: rationale, evidence"). */
function fieldName(field: SearchField, t: TFunction): string {
  const names: Record<SearchField, string> = {
    title: t('search.field.title'),
    article: t('search.field.article'),
    quote: t('search.field.quote'),
    summary: t('search.field.summary'),
    rationale: t('search.field.rationale'),
    claimant: t('search.field.claimant'),
    tags: t('search.field.tags'),
    evidence: t('search.field.evidence'),
  };
  return names[field];
}

/** The snippet as text with <mark> around what matched, built as React nodes from the ranges. */
export function SnippetText({ snippet }: { snippet: SearchHit['snippet'] }) {
  return (
    <span className="search-snippet" dir="auto">
      {snippetParts(snippet).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </span>
  );
}

export interface SearchHitRowProps {
  hit: SearchHit;
  id: string;
  active: boolean;
  onOpen: () => void;
  onHover: () => void;
}

export function SearchHitRow({ hit, id, active, onOpen, onHover }: SearchHitRowProps) {
  const { t, i18n } = useTranslation();
  return (
    // The list is a listbox driven from the search box (aria-activedescendant); a click opens the result too.
    <li id={id} role="option" aria-selected={active} className={`search-hit${active ? ' is-active' : ''}`} onClick={onOpen} onMouseMove={onHover}>
      <div className="search-hit-head">
        <span className="search-hit-title" dir="auto">
          {hit.reviewTitle}
        </span>
        {hit.claimNumber !== null ? <span className="search-hit-claim">{t('search.claimNumber', { number: hit.claimNumber })}</span> : <span className="search-hit-claim">{t('search.reviewHit')}</span>}
        {hit.claimId !== null && <ShownVerdictBadge verdict={hit.verdict} />}
        {hit.status && <span className="search-hit-status">{t(`claim.status.${hit.status}`)}</span>}
      </div>
      <SnippetText snippet={hit.snippet} />
      <div className="search-hit-meta muted">
        {hit.fields.length > 0 && <span>{t('search.foundIn', { fields: formatList(hit.fields.map((field) => fieldName(field, t)), i18n.language) })}</span>}
        {hit.date && <time dateTime={hit.date}>{formatDate(`${hit.date}T12:00:00`, i18n.language)}</time>}
        {hit.claimant && <span dir="auto">{hit.claimant}</span>}
      </div>
    </li>
  );
}
