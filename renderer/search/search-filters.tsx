/** The filters of the library search: verdicts (any of those ticked), status, tag, claimant and a date range. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localisedVerdictLabel } from '../../shared/i18n/scale-words';
import type { ClaimStatus } from '../../shared/model/claim';
import type { SearchFilters } from '../../shared/search/search-schema';
import { api } from '../api/client';
import { interfaceLanguage } from '../i18n/interface-i18n';
import { StatusOptions } from '../claims/status-options';

/** Filters that leave everything open. */
export const NO_FILTERS: SearchFilters = { verdicts: [], statuses: [], tags: [], claimant: '', from: '', to: '' };

/** How many filters narrow the search now. */
export function activeFilterCount(filters: SearchFilters): number {
  return [filters.verdicts.length > 0, filters.statuses.length > 0, filters.tags.length > 0, filters.claimant.trim() !== '', filters.from !== '', filters.to !== ''].filter(Boolean).length;
}

interface VerdictOption {
  /** The label as stored, which the search matches on every review's own scale. */
  value: string;
  shown: string;
}

/** Every verdict of the library's scales once, by label: reviews on different scales that share a label are found together. */
function useVerdictOptions(): VerdictOption[] {
  const [options, setOptions] = useState<VerdictOption[]>([]);
  useEffect(() => {
    let cancelled = false;
    api['scale:list']({}).then(
      (scales) => {
        if (cancelled) return;
        const seen = new Map<string, VerdictOption>();
        for (const scale of scales) {
          for (const verdict of scale.verdicts) {
            const key = verdict.label.trim().toLocaleLowerCase();
            if (!seen.has(key)) seen.set(key, { value: verdict.label, shown: localisedVerdictLabel(scale.id, verdict, interfaceLanguage()) });
          }
        }
        setOptions([...seen.values()]);
      },
      () => undefined, // without the list the other filters still work
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return options;
}

export function SearchFilterFields({ filters, onChange }: { filters: SearchFilters; onChange: (filters: SearchFilters) => void }) {
  const { t } = useTranslation();
  const verdicts = useVerdictOptions();
  const ids = { status: useId(), tag: useId(), claimant: useId(), from: useId(), to: useId() };
  const set = (patch: Partial<SearchFilters>): void => onChange({ ...filters, ...patch });
  const count = activeFilterCount(filters);
  return (
    <details className="search-filters">
      <summary>{count > 0 ? t('search.filtersActive', { count }) : t('search.filters')}</summary>
      <div className="search-filter-grid">
        <fieldset className="field search-verdicts">
          <legend className="field-label">{t('claim.field.verdictId')}</legend>
          {verdicts.length === 0 && <span className="muted">{t('search.anyVerdict')}</span>}
          {verdicts.map((verdict) => (
            <label key={verdict.value} className="check-field">
              <input
                type="checkbox"
                checked={filters.verdicts.includes(verdict.value)}
                onChange={(event) => set({ verdicts: event.target.checked ? [...filters.verdicts, verdict.value] : filters.verdicts.filter((value) => value !== verdict.value) })}
              />{' '}
              <span dir="auto">{verdict.shown}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="field-label" htmlFor={ids.status}>
            {t('claim.field.status')}
          </label>
          <select id={ids.status} value={filters.statuses[0] ?? ''} onChange={(event) => set({ statuses: event.target.value ? [event.target.value as ClaimStatus] : [] })}>
            <option value="">{t('search.anyStatus')}</option>
            <StatusOptions />
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.tag}>
            {t('search.tag')}
          </label>
          <input id={ids.tag} dir="auto" maxLength={60} value={filters.tags[0] ?? ''} onChange={(event) => set({ tags: event.target.value.trim() ? [event.target.value] : [] })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.claimant}>
            {t('claim.field.claimant')}
          </label>
          <input id={ids.claimant} dir="auto" maxLength={200} value={filters.claimant} onChange={(event) => set({ claimant: event.target.value })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.from}>
            {t('search.from')}
          </label>
          <input id={ids.from} type="date" value={filters.from} max={filters.to || undefined} onChange={(event) => set({ from: event.target.value })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.to}>
            {t('search.to')}
          </label>
          <input id={ids.to} type="date" value={filters.to} min={filters.from || undefined} onChange={(event) => set({ to: event.target.value })} />
        </div>
      </div>
      {count > 0 && (
        <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
          {t('search.clearFilters')}
        </button>
      )}
    </details>
  );
}
