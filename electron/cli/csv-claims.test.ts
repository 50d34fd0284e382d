/** `factmark annotate --from` reads back the CSV that Factmark exports, evidence columns and all. */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../shared/model/claim';
import { buildCsvReport } from '../../shared/report/csv-report';
import { model, REVIEW } from '../../shared/report/report-fixture';
import { claimRequestsFromCsv } from './csv-claims';

describe('claims from a CSV file', () => {
  it('reads an exported CSV back: quotes, neutralised text, evidence addresses and tags', () => {
    const [first, ...others] = REVIEW.claims as [Claim, ...Claim[]];
    // A page title with the list separator in it must not shift anything.
    const review = { ...REVIEW, claims: [{ ...first, evidence: first.evidence.map((item) => ({ ...item, title: `${item.title} | Reuters` })) }, ...others] };
    const requests = claimRequestsFromCsv(buildCsvReport(model(review)), 'export.csv');
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatchObject({
      quote: 'unemployment fell to 3%',
      verdict: 'False',
      claimant: '=HYPERLINK("http://evil")',
      evidenceUrls: ['https://stats.example/t3', 'https://archive.example/x'],
      tags: ['economy', '+tax'],
      status: 'reviewed',
    });
    expect(requests[1]).toMatchObject({ claimant: 'وزير المالية', evidenceUrls: [], tags: [] });
  });

  it('reads a hand-made list with plain | between values', () => {
    const [request] = claimRequestsFromCsv('quote,evidence_urls,tags\n"words","https://a.example/ |https://b.example/","x|y | z"\n', 'hand.csv');
    expect(request).toMatchObject({ evidenceUrls: ['https://a.example/', 'https://b.example/'], tags: ['x', 'y', 'z'] });
  });
});
