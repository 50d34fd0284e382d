import { parse } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { Review } from '../model/review';
import { buildCsvReport, splitCsvList } from './csv-report';
import { COPY_HASHES, REVIEW_WITH_COPIES, WAYBACK_URL } from './evidence-copy-fixture';
import { buildHtmlReport } from './html-report';
import { buildMarkdownReport } from './markdown-report';
import { model } from './report-fixture';
import { buildWebAnnotations } from './web-annotation';

describe('kept evidence copies in reports', () => {
  it('uses a review the schema accepts', () => {
    expect(Review.safeParse(REVIEW_WITH_COPIES).success).toBe(true);
  });

  it('says in the HTML report when each copy was kept or attached, with the full hash of the archive or the original', () => {
    const { document } = parseHTML(buildHtmlReport(model(REVIEW_WITH_COPIES)));
    const items = [...document.querySelectorAll('#claim-1 ul.evidence li')];
    const notes = items.map((item) => [...item.querySelectorAll('.copy-note')].map((note) => note.textContent));
    expect(notes).toEqual([
      [`copy kept on 15 March 2026, SHA-256 ${COPY_HASHES.archive}`, `also archived at ${WAYBACK_URL}`],
      [`copy kept on 16 March 2026, SHA-256 ${COPY_HASHES.pdf}`],
      [`file attached on 17 March 2026, SHA-256 ${COPY_HASHES.attached}`],
      [],
    ]);
    expect(items[0]?.querySelector('.copy-note a')?.getAttribute('href')).toBe(WAYBACK_URL);
    expect(items[0]?.querySelector('.hash')?.getAttribute('dir')).toBe('ltr');
    expect(items[0]?.querySelector('.hash code')?.textContent).toBe(COPY_HASHES.archive);
  });

  it('writes the copy note in the report language', () => {
    const html = buildHtmlReport(model(REVIEW_WITH_COPIES, undefined, { language: 'ar' }));
    const { document } = parseHTML(html);
    const first = document.querySelector('#claim-1 ul.evidence li .copy-note')?.textContent ?? '';
    expect(first).toContain('حُفظت نسخة منه');
    expect(first).toContain(COPY_HASHES.archive);
    const french = parseHTML(buildHtmlReport(model(REVIEW_WITH_COPIES, undefined, { language: 'fr' }))).document;
    expect(french.querySelector('#claim-1 ul.evidence li:nth-child(3) .copy-note')?.textContent).toBe(`fichier joint le 17 mars 2026, SHA-256 ${COPY_HASHES.attached}`);
  });

  it('puts the note and the hash as code in the Markdown report', () => {
    const markdown = buildMarkdownReport(model(REVIEW_WITH_COPIES));
    expect(markdown).toContain(`copy kept on 15 March 2026, SHA-256 \`${COPY_HASHES.archive}\``);
    expect(markdown).toContain(`also archived at <${WAYBACK_URL}>`);
    expect(markdown).toContain(`copy kept on 16 March 2026, SHA-256 \`${COPY_HASHES.pdf}\``);
    expect(markdown).toContain(`file attached on 17 March 2026, SHA-256 \`${COPY_HASHES.attached}\``);
    expect(markdown).not.toContain(COPY_HASHES.screenshot);
  });

  it('lines the copy columns of the CSV up with evidence_urls', () => {
    const rows = parse(buildCsvReport(model(REVIEW_WITH_COPIES)).slice(1), { columns: true }) as Record<string, string>[];
    const row = rows.find((candidate) => candidate.claim_id === 'claim-one-0001');
    expect(splitCsvList(row?.evidence_urls ?? '')).toEqual(['https://stats.example/t3', 'https://stats.example/report.pdf', '', 'https://plain.example/']);
    expect(splitCsvList(row?.evidence_copy_sha256 ?? '')).toEqual([COPY_HASHES.archive, COPY_HASHES.pdf, COPY_HASHES.attached, '']);
    expect(splitCsvList(row?.evidence_copy_retrieved ?? '')).toEqual(['2026-03-15T10:15:00.000Z', '2026-03-16T08:00:00.000Z', '2026-03-17T12:00:00.000Z', '']);
    expect(splitCsvList(row?.evidence_archive_urls ?? '')).toEqual([WAYBACK_URL, '', '', '']);
  });

  it('gives a kept page a TimeState with its retrieval time and the copy named by its hash', () => {
    const collection = buildWebAnnotations(model(REVIEW_WITH_COPIES));
    const bodies = (collection.first?.items[0]?.body ?? []) as Record<string, unknown>[];
    const linking = bodies.filter((body) => body.purpose === 'linking');
    expect(linking.map((body) => body.state)).toEqual([
      [
        { type: 'TimeState', sourceDate: '2026-03-15T10:15:00.000Z', cached: `urn:sha256:${COPY_HASHES.archive}` },
        { type: 'TimeState', sourceDate: '2026-03-15T10:16:00.000Z', cached: WAYBACK_URL },
      ],
      { type: 'TimeState', sourceDate: '2026-03-16T08:00:00.000Z', cached: `urn:sha256:${COPY_HASHES.pdf}` },
      undefined,
      undefined,
    ]);
    expect(linking[2]?.value).toContain(COPY_HASHES.attached);
  });
});
