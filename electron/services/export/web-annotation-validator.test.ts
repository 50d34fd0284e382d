import { describe, expect, it } from 'vitest';
import { buildWebAnnotations } from '../../../shared/report/web-annotation';
import { EMPTY_REVIEW, model, orphanedAndFlagged, REVIEW } from '../../../shared/report/report-fixture';
import { checkWebAnnotations } from './web-annotation-validator';
import { validateExport } from './validate-export';

describe('Web Annotation export against the W3C test-suite schemas', () => {
  it('passes every MUST assertion for a review with hostile, Arabic and emoji text', () => {
    expect(checkWebAnnotations(buildWebAnnotations(model()))).toEqual([]);
  });

  it('passes with a claim not placed in the text (found by its words alone), flags and conflicts as comments', () => {
    const collection = buildWebAnnotations(model(orphanedAndFlagged()));
    expect(checkWebAnnotations(collection)).toEqual([]);
    const items = collection.first?.items ?? [];
    expect(items).toHaveLength(3);
    const orphan = items.find((item) => item.id.includes('claim-4') || JSON.stringify(item).includes('the claim that was orphaned'));
    expect(orphan?.target.selector).toEqual({ type: 'TextQuoteSelector', exact: 'the claim that was orphaned' });
    expect(JSON.stringify(items)).toContain('Needs attention: Two versions of verdict not settled yet.');
  });

  it('passes for an empty review and for a very long rationale', () => {
    expect(checkWebAnnotations(buildWebAnnotations(model(EMPTY_REVIEW)))).toEqual([]);
    const long = { ...REVIEW, claims: REVIEW.claims.map((claim) => ({ ...claim, rationale: 'كلمة '.repeat(30_000) })) };
    expect(checkWebAnnotations(buildWebAnnotations(model(long)))).toEqual([]);
  });

  it('catches what the W3C model forbids', () => {
    const problems = checkWebAnnotations({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'not a uri', type: 'Note', body: 'x', bodyValue: 'y' });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((problem) => problem.message).join(' ')).toMatch(/target|type|bodyValue/);
  });

  it('tells ClaimReview and Web Annotation files apart and refuses anything else', () => {
    expect(validateExport(JSON.stringify(buildWebAnnotations(model()))).kind).toBe('webannotation');
    expect(validateExport('[{"@type":"ClaimReview"}]').kind).toBe('claimreview');
    expect(() => validateExport('{"@type":"Recipe"}')).toThrow(/neither/);
    expect(() => validateExport('nope')).toThrow(/not JSON/);
  });
});
