import { describe, expect, it } from 'vitest';
import { COPY_HASHES, REVIEW_WITH_COPIES } from '../../../shared/report/evidence-copy-fixture';
import { model } from '../../../shared/report/report-fixture';
import { buildWebAnnotations } from '../../../shared/report/web-annotation';
import { checkWebAnnotations } from './web-annotation-validator';

describe('Web Annotation of kept evidence copies', () => {
  it('passes every MUST of the W3C test suite with TimeStates on kept pages', () => {
    const collection = buildWebAnnotations(model(REVIEW_WITH_COPIES));
    expect(JSON.stringify(collection)).toContain(`urn:sha256:${COPY_HASHES.archive}`);
    expect(checkWebAnnotations(collection)).toEqual([]);
  });

  it('fails the TimeState assertion when a state has no time, so the check above can fail', () => {
    const collection = buildWebAnnotations(model(REVIEW_WITH_COPIES));
    const first = collection.first?.items[0];
    const bodies = (first?.body ?? []) as Record<string, unknown>[];
    const broken = bodies.map((body) => (body.state ? { ...body, state: { type: 'TimeState', cached: 'urn:sha256:x', sourceDate: 'yesterday' } } : body));
    expect(checkWebAnnotations([{ ...first, body: broken }]).length).toBeGreaterThan(0);
  });
});
