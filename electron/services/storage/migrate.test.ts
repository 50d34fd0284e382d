import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE } from '../../../shared/model/rating-scale';
import { SCHEMA_VERSION } from '../../../shared/model/review';
import { migrateLibraryFile, migrateReviewFile } from './migrate';
import { CorruptFileError, NewerFormatError } from './storage-errors';
import { ARTICLE, CLAIM_A, fullClaim } from './test-review.fixture';

const review = {
  id: 'review-0001',
  title: 'Budget speech',
  sourceUrl: 'https://news.example/budget',
  createdAt: '2026-03-14T10:00:00.000Z',
  updatedAt: '2026-03-14T10:00:00.000Z',
  scaleId: DEFAULT_SCALE.id,
  origin: { kind: 'paste' },
  doc: ARTICLE,
  claims: [fullClaim(CLAIM_A)],
};

describe('migrate', () => {
  it('accepts a current review file as it is', () => {
    expect(migrateReviewFile({ schemaVersion: SCHEMA_VERSION, review })).toMatchObject({ schemaVersion: SCHEMA_VERSION, review });
  });

  it('fills in the publisher defaults of a library file that has none', () => {
    expect(migrateLibraryFile({ schemaVersion: SCHEMA_VERSION, scales: [DEFAULT_SCALE] }).publisher).toEqual({
      reviewerName: '',
      organizationName: '',
      organizationUrl: '',
      reportUrl: '',
    });
  });

  it('refuses a newer format with the words a reviewer needs, before looking at its content', () => {
    const attempt = (): unknown => migrateLibraryFile({ schemaVersion: SCHEMA_VERSION + 1, scales: 'not even a list' });
    expect(attempt).toThrow(NewerFormatError);
    expect(attempt).toThrow(
      `This file was made by a newer version of Factmark (format ${SCHEMA_VERSION + 1}). Nothing was changed. Update Factmark to open it.`,
    );
  });

  it.each([
    ['no schemaVersion', { review }],
    ['a schemaVersion that is not a number', { schemaVersion: '1', review }],
    ['an array', [1, 2]],
    ['null', null],
  ])('treats a file with %s as damaged', (_case, raw) => {
    expect(() => migrateReviewFile(raw)).toThrow(CorruptFileError);
  });

  it('names the field that does not match the schema when calling a file damaged', () => {
    const broken = { schemaVersion: SCHEMA_VERSION, review: { ...review, claims: [{ ...fullClaim(CLAIM_A), status: 'done' }] } };
    expect(() => migrateReviewFile(broken)).toThrow(/does not match its format:[\s\S]*review\.claims\[0\]\.status/);
  });
});
