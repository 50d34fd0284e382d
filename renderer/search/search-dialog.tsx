/**
 * Search across every review: results as the reviewer types (after a short pause), filters, the
 * count said to screen readers, arrows and Enter to open a result at its claim, Escape to close.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchFilters, SearchHit } from '../../shared/search/search-schema';
import { api, errorMessage } from '../api/client';
import { ModalDialog } from '../app/modal-dialog';
import { openReviewAt } from '../app/review-route';
import { activeFilterCount, NO_FILTERS, SearchFilterFields } from './search-filters';
import { SearchHitRow } from './search-hit-row';
import './search.css';

/** Typing must pause this long before the library is searched. */
const TYPING_PAUSE_MS = 200;
/** Results asked for at a time; "Show more" asks for the next ones. */
const PAGE = 50;

interface Results {
  total: number;
  hits: SearchHit[];
}

/** What the search answered for the words and filters now shown, or why it could not. */
function useSearchResults(query: string, filters: SearchFilters): { results: Results | null; problem: string | null; busy: boolean; more: () => void } {
  const [results, setResults] = useState<Results | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Counts searches so an answer that arrives after a newer search started is dropped. */
  const asked = useRef(0);
  const empty = query.trim() === '' && activeFilterCount(filters) === 0;

  useEffect(() => {
    const ask = ++asked.current;
    if (empty) {
      setResults(null);
      setProblem(null);
      setBusy(false);
      return;
    }
    setBusy(true);
    const timer = setTimeout(() => {
      api['library:search']({ query, filters, limit: PAGE, offset: 0 }).then(
        (answer) => {
          if (ask !== asked.current) return;
          setResults(answer);
          setProblem(null);
          setBusy(false);
        },
        (error: unknown) => {
          if (ask !== asked.current) return;
          setProblem(errorMessage(error));
          setBusy(false);
        },
      );
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, filters, empty]);

  const more = (): void => {
    if (!results) return;
    const ask = asked.current;
    setBusy(true);
    api['library:search']({ query, filters, limit: PAGE, offset: results.hits.length }).then(
      (answer) => {
        if (ask !== asked.current) return;
        setResults({ total: answer.total, hits: [...results.hits, ...answer.hits] });
        setBusy(false);
      },
      (error: unknown) => {
        if (ask !== asked.current) return;
        setProblem(errorMessage(error));
        setBusy(false);
      },
    );
  };
  return { results, problem, busy, more };
}

export function SearchDialog({ initialQuery, onClose }: { initialQuery: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(initialQuery);
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS);
  const [active, setActive] = useState(-1);
  const { results, problem, busy, more } = useSearchResults(query, filters);
  const listId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const hits = results?.hits ?? [];

  useEffect(() => setActive(-1), [results?.total, query, filters]);
  useEffect(() => {
    // The typed words stay, with the caret after them, when the library's field opened the search.
    const input = inputRef.current;
    input?.focus();
    input?.setSelectionRange(input.value.length, input.value.length);
  }, []);
  useEffect(() => {
    if (active >= 0) document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  const open = (hit: SearchHit): void => {
    onClose();
    openReviewAt(hit.reviewId, hit.claimId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (hits.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + hits.length) % hits.length);
    } else if (event.key === 'Escape') {
      // Closes at once: a search box's own Escape would first only clear the words.
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[Math.max(active, 0)];
      if (hit) open(hit);
    }
  };

  let count = '';
  if (results) count = results.total === 0 ? t('search.noResults') : t('search.resultCount', { count: results.total });
  return (
    <ModalDialog title={t('search.title')} onClose={onClose} className="search-dialog">
      <div className="search-box" role="search">
        <input
          ref={inputRef}
          type="search"
          dir="auto"
          value={query}
          maxLength={500}
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={hintId}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <p id={hintId} className="search-hint muted">
          {t('search.keys')}
        </p>
      </div>
      <SearchFilterFields filters={filters} onChange={setFilters} />
      <p className="search-count" role="status" aria-live="polite">
        {busy && !results ? t('search.searching') : count}
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {!results && !busy && <p className="muted search-empty">{t('search.startHint')}</p>}
      <ul id={listId} role="listbox" aria-label={t('search.results')} className="search-results">
        {hits.map((hit, index) => (
          <SearchHitRow key={`${hit.reviewId}/${hit.claimId ?? ''}`} id={`${listId}-${index}`} hit={hit} active={index === active} onOpen={() => open(hit)} onHover={() => setActive(index)} />
        ))}
      </ul>
      <div className="dialog-actions">
        {results && hits.length < results.total && (
          <button type="button" onClick={more} disabled={busy}>
            {t('search.showMore', { count: Math.min(PAGE, results.total - hits.length) })}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
