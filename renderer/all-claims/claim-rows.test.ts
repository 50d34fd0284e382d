import { describe, expect, it } from 'vitest';
import type { LibraryClaimRow } from '../../shared/report/claim-row';
import { filterChoices, filterClaimRows, NO_VERDICT, sortClaimRows, type ClaimFilter } from './claim-rows';

function row(claimId: string, fields: Partial<LibraryClaimRow>): LibraryClaimRow {
  return {
    reviewId: 'review-0001',
    reviewTitle: 'Budget',
    number: 1,
    quote: '',
    summary: '',
    verdict: '',
    status: 'to-check',
    claimant: '',
    claimDate: '',
    tags: [],
    updatedAt: '2026-01-01T00:00:00.000Z',
    claimId,
    scaleId: 'factmark-7',
    verdictId: null,
    verdictColor: null,
    verdictRank: null,
    reviewCreatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

const ROWS = [
  row('claim-0001', { summary: 'Unemployment fell', verdict: 'False', verdictId: 'false', verdictRank: 4, status: 'reviewed', claimant: 'Minister Ana', tags: ['economy'] }),
  row('claim-0002', { quote: 'الأسعار ارتفعت', verdict: 'True', verdictId: 'true', verdictRank: 0, claimant: 'وزير المالية', reviewTitle: 'الأسعار', reviewCreatedAt: '2026-02-01T00:00:00.000Z', tags: ['اقتصاد'] }),
  row('claim-0003', { summary: 'Crime doubled', status: 'in-progress', claimant: 'Mayor', reviewCreatedAt: '2025-12-01T00:00:00.000Z', tags: ['crime', 'economy'] }),
  row('claim-0004', { summary: 'Rates are stable', verdict: 'Mixed', verdictId: 'mixed', verdictRank: 2, claimant: 'minister ana' }),
];
const ANY: ClaimFilter = { text: '', verdict: '', status: '', tag: '', claimant: '' };
const ids = (rows: LibraryClaimRow[]): string[] => rows.map((candidate) => candidate.claimId.slice(-1));
const label = (candidate: LibraryClaimRow): string => candidate.verdict;

describe('the All claims table', () => {
  it('sorts by verdict along its scale with claims without one last, and by date both ways', () => {
    expect(ids(sortClaimRows(ROWS, { column: 'verdict', direction: 'ascending' }, 'en'))).toEqual(['2', '4', '1', '3']);
    expect(ids(sortClaimRows(ROWS, { column: 'verdict', direction: 'descending' }, 'en'))).toEqual(['3', '1', '4', '2']);
    expect(ids(sortClaimRows(ROWS, { column: 'date', direction: 'ascending' }, 'en'))).toEqual(['3', '1', '4', '2']);
    expect(ids(sortClaimRows(ROWS, { column: 'date', direction: 'descending' }, 'en'))).toEqual(['2', '1', '4', '3']);
    expect(ids(sortClaimRows(ROWS, { column: 'status', direction: 'ascending' }, 'en'))).toEqual(['2', '4', '3', '1']);
    expect(ids(sortClaimRows(ROWS, { column: 'claim', direction: 'ascending' }, 'en'))).toEqual(['3', '4', '1', '2']);
  });

  it('filters by words, verdict, status, tag and claimant together', () => {
    expect(ids(filterClaimRows(ROWS, { ...ANY, text: 'ارتفعت' }, label))).toEqual(['2']);
    expect(ids(filterClaimRows(ROWS, { ...ANY, verdict: 'False' }, label))).toEqual(['1']);
    expect(ids(filterClaimRows(ROWS, { ...ANY, verdict: NO_VERDICT }, label))).toEqual(['3']);
    expect(ids(filterClaimRows(ROWS, { ...ANY, status: 'to-check' }, label))).toEqual(['2', '4']);
    expect(ids(filterClaimRows(ROWS, { ...ANY, tag: 'economy' }, label))).toEqual(['1', '3']);
    expect(ids(filterClaimRows(ROWS, { ...ANY, claimant: 'MINISTER ana' }, label))).toEqual(['1', '4']);
    expect(ids(filterClaimRows(ROWS, { ...ANY, claimant: 'minister', status: 'reviewed', tag: 'economy' }, label))).toEqual(['1']);
  });

  it('offers each tag and claimant once', () => {
    expect(filterChoices(ROWS, 'en')).toEqual({ tags: ['crime', 'economy', 'اقتصاد'], claimants: ['Mayor', 'minister ana', 'Minister Ana', 'وزير المالية'] });
  });
});
