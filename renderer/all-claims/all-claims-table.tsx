/** The All claims table: one page of rows, column headers that sort, a row's claim opens it in its review. */
import { useTranslation } from 'react-i18next';
import type { LibraryClaimRow } from '../../shared/report/claim-row';
import { UNRATED_COLOR } from '../editor/claim-styles';
import { formatDate } from '../i18n/interface-format';
import { openReviewAt } from '../app/review-route';
import { CLAIM_COLUMNS, claimText, type ClaimColumn, type ClaimSort } from './claim-rows';

export interface AllClaimsTableProps {
  rows: readonly LibraryClaimRow[];
  sort: ClaimSort;
  onSort: (sort: ClaimSort) => void;
  verdictLabel: (row: LibraryClaimRow) => string;
}

export function AllClaimsTable({ rows, sort, onSort, verdictLabel }: AllClaimsTableProps) {
  const { t, i18n } = useTranslation();
  const heading: Record<ClaimColumn, string> = {
    claim: t('allClaims.columnClaim'),
    verdict: t('allClaims.columnVerdict'),
    status: t('allClaims.columnStatus'),
    claimant: t('allClaims.columnClaimant'),
    review: t('allClaims.columnReview'),
    date: t('allClaims.columnDate'),
    tags: t('allClaims.columnTags'),
  };
  return (
    // The table scrolls in its own box on a narrow window; the page itself never scrolls sideways.
    <div className="table-scroll" role="region" aria-label={t('allClaims.tableLabel')} tabIndex={0}>
      <table className="claims-table">
        <thead>
          <tr>
            {CLAIM_COLUMNS.map((column) => (
              <th key={column} scope="col" aria-sort={sort.column === column ? sort.direction : 'none'}>
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => onSort({ column, direction: sort.column === column && sort.direction === 'ascending' ? 'descending' : 'ascending' })}
                >
                  {heading[column]}
                  <span aria-hidden="true" className="sort-mark">
                    {sort.column === column ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.reviewId}/${row.claimId}`}>
              <td className="claim-cell">
                <button type="button" className="link-button claim-open" dir="auto" onClick={() => openReviewAt(row.reviewId, row.claimId)} title={t('allClaims.open')}>
                  {claimText(row) || t('allClaims.noWords')}
                </button>
              </td>
              <td>
                <span className="verdict-badge" style={{ backgroundColor: row.verdictColor ?? UNRATED_COLOR }}>
                  {row.verdictId === null ? t('verdict.none') : verdictLabel(row)}
                </span>
              </td>
              <td>{t(`claim.status.${row.status}`)}</td>
              <td>
                <bdi>{row.claimant}</bdi>
              </td>
              <td>
                {/* Isolated, so an Arabic title does not carry the claim's number to its other side. */}
                <bdi>{row.reviewTitle}</bdi>
                {row.number !== null && (
                  <span className="muted">
                    {' · '}
                    <bdi>#{row.number}</bdi>
                  </span>
                )}
              </td>
              <td className="date-cell">{formatDate(row.reviewCreatedAt, i18n.language)}</td>
              <td>
                {row.tags.length > 0 && (
                  <ul className="tag-list">
                    {row.tags.map((tag) => (
                      <li key={tag} dir="auto">
                        {tag}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
