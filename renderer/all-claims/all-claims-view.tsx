/**
 * All claims: every claim of the library in one table, filtered and sorted as the reviewer
 * chooses (remembered for the session), shown a page at a time so 50,000 claims stay quick,
 * and exported as CSV as filtered.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CLAIM_STATUSES } from '../../shared/model/claim';
import { localisedVerdictLabel } from '../../shared/i18n/scale-words';
import type { LibraryClaimRow } from '../../shared/report/claim-row';
import { claimRowsCsv } from '../../shared/report/claims-table';
import { api, errorMessage } from '../api/client';
import { saveTextFile } from '../app/save-file';
import { useSessionState } from '../app/session-state';
import { StatusOptions } from '../claims/status-options';
import { interfaceLanguage } from '../i18n/interface-i18n';
import { AllClaimsTable } from './all-claims-table';
import { CLAIM_COLUMNS, filterChoices, filterClaimRows, NO_VERDICT, sortClaimRows } from './claim-rows';
import './all-claims.css';

/** Rows drawn at a time: a page of a long library, never all of it. */
export const PAGE_SIZE = 200;

const TableChoice = z.object({
  text: z.string(),
  verdict: z.string(),
  status: z.union([z.literal(''), z.enum(CLAIM_STATUSES)]),
  tag: z.string(),
  claimant: z.string(),
  sort: z.object({ column: z.enum(CLAIM_COLUMNS), direction: z.enum(['ascending', 'descending']) }),
});
type TableChoice = z.infer<typeof TableChoice>;
const FIRST_CHOICE: TableChoice = { text: '', verdict: '', status: '', tag: '', claimant: '', sort: { column: 'date', direction: 'descending' } };

/** The verdict as the table names it: the built-in scale's in the interface's language, a newsroom's as written. */
const verdictLabel = (row: LibraryClaimRow): string => (row.verdictId === null ? '' : localisedVerdictLabel(row.scaleId, { id: row.verdictId, label: row.verdict }, interfaceLanguage()));

/** `changeKey` changes when the library does (a review saved, deleted, restored): the claims are read again. */
export function AllClaimsView({ changeKey }: { changeKey: unknown }) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<LibraryClaimRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [choice, setChoice] = useSessionState('library.claims', TableChoice, FIRST_CHOICE);
  const [page, setPage] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api['library:claims']({}).then(
      (read) => !cancelled && setRows(read),
      (error: unknown) => !cancelled && setProblem(errorMessage(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [changeKey]);

  const language = i18n.language;
  const choices = useMemo(() => filterChoices(rows ?? [], language), [rows, language]);
  const verdicts = useMemo(() => [...new Set((rows ?? []).filter((row) => row.verdictId !== null).map(verdictLabel))].sort(new Intl.Collator(language).compare), [rows, language]);
  // Sorted once per order, then filtered: typing in a filter must not sort 50,000 rows a key (the sort keeps ties in order, so the result is the same).
  const sorted = useMemo(() => sortClaimRows(rows ?? [], choice.sort, language), [rows, choice.sort, language]);
  const shown = useMemo(() => filterClaimRows(sorted, choice, verdictLabel), [sorted, choice]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const change = (next: Partial<TableChoice>): void => {
    setChoice({ ...choice, ...next });
    setPage(0);
  };

  if (problem) {
    return (
      <p className="field-error" role="alert">
        {problem}
      </p>
    );
  }
  if (rows === null) {
    return (
      <p className="loading" role="status">
        {t('allClaims.loading')}
      </p>
    );
  }
  return (
    <section className="all-claims" aria-labelledby="all-claims-title">
      <div className="view-header">
        <h2 id="all-claims-title">{t('allClaims.title')}</h2>
        <button type="button" disabled={shown.length === 0} onClick={() => saveTextFile('factmark-claims.csv', 'text/csv;charset=utf-8', claimRowsCsv(shown))}>
          {t('allClaims.exportCsv')}
        </button>
      </div>
      <div className="list-controls" role="group" aria-label={t('allClaims.filters')}>
        <label className="field">
          <span className="field-label">{t('allClaims.filterText')}</span>
          <input type="search" value={choice.text} onChange={(event) => change({ text: event.target.value })} dir="auto" />
        </label>
        <label className="field">
          <span className="field-label">{t('allClaims.columnVerdict')}</span>
          <select value={choice.verdict} onChange={(event) => change({ verdict: event.target.value })}>
            <option value="">{t('allClaims.any')}</option>
            {verdicts.map((label) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
            <option value={NO_VERDICT}>{t('verdict.none')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('allClaims.columnStatus')}</span>
          <select value={choice.status} onChange={(event) => change({ status: TableChoice.shape.status.catch('').parse(event.target.value) })}>
            <option value="">{t('allClaims.any')}</option>
            <StatusOptions />
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('allClaims.columnTags')}</span>
          <select value={choice.tag} onChange={(event) => change({ tag: event.target.value })}>
            <option value="">{t('allClaims.any')}</option>
            {choices.tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('allClaims.columnClaimant')}</span>
          <input type="search" list="all-claims-claimants" value={choice.claimant} onChange={(event) => change({ claimant: event.target.value })} dir="auto" />
          <datalist id="all-claims-claimants">
            {choices.claimants.slice(0, 500).map((claimant) => (
              <option key={claimant} value={claimant} />
            ))}
          </datalist>
        </label>
      </div>
      <p className="claims-count" role="status">
        {shown.length === 0 ? (rows.length === 0 ? t('allClaims.none') : t('allClaims.noneMatch')) : t('allClaims.showing', { from: current * PAGE_SIZE + 1, to: Math.min(shown.length, (current + 1) * PAGE_SIZE), amount: shown.length })}
      </p>
      {shown.length > 0 && <AllClaimsTable rows={shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE)} sort={choice.sort} onSort={(sort) => change({ sort })} verdictLabel={verdictLabel} />}
      {pages > 1 && (
        <nav className="pager" aria-label={t('allClaims.pages')}>
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t('allClaims.previousPage')}
          </button>
          <span>{t('allClaims.pageOf', { page: current + 1, pages })}</span>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {t('allClaims.nextPage')}
          </button>
        </nav>
      )}
    </section>
  );
}
