import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { factmark } from './run-factmark.fixture';
import { LibraryStore } from '../services/library';

const ARTICLE = `# Council budget

The mayor said crime fell by 20 percent
since 2020. Critics said crime fell by 5 percent at most.

وقال الوزير إن الأسعار ارتفعت بنسبة عشرين بالمئة.
`;

async function pdfText(path: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)) }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n');
}

describe('factmark command line', () => {
  let dataDir: string;
  let work: string;
  let reviewId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'factmark-cli-'));
    work = await mkdtemp(join(tmpdir(), 'factmark-cli-files-'));
    await writeFile(join(work, 'council.md'), ARTICLE);
    const imported = await factmark(dataDir, 'import', join(work, 'council.md'));
    expect(imported.code).toBe(0);
    reviewId = imported.stdout.trim().split('\n').pop() as string;
  });

  it('imports a Markdown file, titled by its heading, and prints the id last', async () => {
    const listed = await factmark(dataDir, 'list', '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({ reviews: [{ id: reviewId, title: 'Council budget', claimCount: 0 }] });
  });

  it('refuses an ambiguous quote, saying how often it occurs, and takes --occurrence', async () => {
    const ambiguous = await factmark(dataDir, 'annotate', reviewId, '--quote', 'crime fell by', '--verdict', 'False');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('occurs 2 times');
    expect(ambiguous.stderr).toContain('--occurrence');
    const second = await factmark(dataDir, 'annotate', reviewId, '--quote', 'crime fell by', '--occurrence', '2', '--verdict', 'Mixed');
    expect(second.code).toBe(0);
  });

  it('refuses a missing quote with the closest passage and an unknown verdict with the scale, writing nothing', async () => {
    const file = join(dataDir, 'reviews', `${reviewId}.json`);
    const before = await readFile(file);
    const missing = await factmark(dataDir, 'annotate', reviewId, '--quote', 'crime fell by 30 percnt', '--verdict', 'False');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/not in the article\. The closest passage is: "crime fell by \d+ percent/);
    const unknown = await factmark(dataDir, 'annotate', reviewId, '--quote', 'since 2020', '--verdict', 'Pants on fire');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('True, Mostly true, Mixed, Mostly false, False, Misleading, Unverifiable');
    expect(await readFile(file)).toEqual(before);
  });

  it('marks a quote across a line break, with every field, and exports it as HTML, Markdown and CSV', async () => {
    const annotated = await factmark(
      dataDir,
      'annotate',
      reviewId,
      '--quote',
      'crime fell by 20 percent since 2020',
      '--verdict',
      'mostly false',
      '--rationale',
      '<img src=x onerror=alert(1)> =SUM(A1)',
      '--claimant',
      '=Mayor Ruiz',
      '--claim-date',
      '2026-03-12',
      '--appearance',
      'https://tv.example/clip',
      '--evidence',
      'https://police.example/stats',
      '--evidence',
      'https://archive.example/2020',
      '--status',
      'reviewed',
      '--tag',
      'crime',
    );
    expect(annotated.code).toBe(0);
    const arabic = await factmark(dataDir, 'annotate', reviewId, '--quote', 'الأسعار ارتفعت بنسبة عشرين بالمئة', '--verdict', 'True', '--claimant', 'وزير المالية');
    expect(arabic.code).toBe(0);

    // Neither claim is signed off (the Arabic one has no rationale either): the reports are drafts.
    const html = await factmark(dataDir, 'export', reviewId, '--format', 'html', '--draft');
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html.stdout).toContain('الأسعار ارتفعت بنسبة عشرين بالمئة');

    const markdown = await factmark(dataDir, 'export', reviewId, '--format', 'md', '--draft');
    expect(markdown.stdout).toContain('\\<img src=x');

    const csv = await factmark(dataDir, 'export', reviewId, '--format', 'csv');
    const rows = parse(csv.stdout.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const crime = rows.find((row) => row.quote?.startsWith('crime fell by 20'));
    expect(crime).toMatchObject({ verdict: 'Mostly false', claimant: "'=Mayor Ruiz", status: 'reviewed', evidence_urls: 'https://police.example/stats | https://archive.example/2020' });
    // The file wraps the sentence; the article (like a reader) sees one space there.
    expect(crime?.quote).toBe('crime fell by 20 percent since 2020');
  });

  it('exports the claims as ClaimReview and Web Annotation that pass validation', async () => {
    // A newsroom that publishes without a second reviewer's sign-off: the crime claim is finished, the Arabic one is left out.
    const store = await LibraryStore.open(dataDir);
    await store.setPublisher({ ...store.publisher(), signOffRequired: false });
    await store.close();
    await writeFile(join(work, 'claims.jsonld'), (await factmark(dataDir, 'export', reviewId, '--format', 'claimreview', '--draft', '--report-url', 'https://desk.example/checks/council', '--organization', 'Desk')).stdout);
    expect(JSON.parse(await readFile(join(work, 'claims.jsonld'), 'utf8'))).toHaveLength(1);
    const claimReview = await factmark(dataDir, 'validate', join(work, 'claims.jsonld'));
    expect(claimReview.code).toBe(0);
    expect(claimReview.stdout).toContain('valid schema.org ClaimReview');

    await writeFile(join(work, 'annotations.jsonld'), (await factmark(dataDir, 'export', reviewId, '--format', 'webannotation')).stdout);
    const annotations = await factmark(dataDir, 'validate', join(work, 'annotations.jsonld'));
    expect(annotations.stdout).toContain('valid W3C Web Annotation');
    expect(annotations.code).toBe(0);
  });

  it('prints a draft report to PDF, saying it is a draft', async () => {
    const pdfFile = join(work, 'report.pdf');
    const pdf = await factmark(dataDir, 'export', reviewId, '--format', 'pdf', '--draft', '-o', pdfFile);
    expect(pdf.code).toBe(0);
    const text = await pdfText(pdfFile);
    expect(text).toContain('Fact-check: Council budget');
    expect(text).toContain('Draft — not for publication');
    expect(text.replace(/\s+/g, ' ')).toContain('crime fell by 20 percent since 2020');
  });

  it('refuses to publish unfinished claims, listing each with what it needs, and writes a draft with --draft', async () => {
    const output = join(work, 'refused.html');
    const refused = await factmark(dataDir, 'export', reviewId, '--format', 'html', '-o', output);
    expect(refused.code).toBe(1);
    // Claim 1 (marked by the --occurrence test) has no rationale; claim 2 is finished, as the newsroom here needs no sign-off.
    expect(refused.stderr).toMatch(/^factmark: 2 claims are not ready to publish\. Nothing was written; finish them, or export a draft with --draft:\n {2}claim 1 /);
    expect(refused.stderr).toContain('  claim 3 ("الأسعار ارتفعت بنسبة عشرين بالمئة"): No rationale written yet. Not marked as reviewed.');
    await expect(readFile(output)).rejects.toThrow();
    const check = await factmark(dataDir, 'validate', reviewId);
    expect(check.stdout).toContain('not ready: claim 3 ("الأسعار ارتفعت بنسبة عشرين بالمئة"): No rationale written yet. Not marked as reviewed.');
    expect(check.stdout).toMatch(/\n2 claims are not ready to publish; reports are refused until they are, or exported with --draft\.\n$/);

    const arabic = await factmark(dataDir, 'export', reviewId, '--format', 'html', '--draft', '--language', 'ar', '--reviewer', 'سارة');
    expect(arabic.code).toBe(0);
    expect(arabic.stdout).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.stdout).toContain('مسودة — ليست للنشر');
    // The claims were marked from this command line, as this library's reviewer: named as given for this export.
    expect(arabic.stdout).toContain('تحقّق منه <bdi>سارة</bdi>');
    expect((await factmark(dataDir, 'export', reviewId, '--format', 'html', '--language', 'de')).code).toBe(2);
  });

  it('explains what is wrong in a ClaimReview made elsewhere, with exit code 1', async () => {
    await writeFile(join(work, 'bad.json'), JSON.stringify([{ '@type': 'ClaimReview', claimReviewed: 'x', reviewRating: { '@type': 'Rating', ratingValue: 3 } }]));
    const result = await factmark(dataDir, 'validate', join(work, 'bad.json'));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error: ClaimReview 1: reviewRating.alternateName is missing');
    expect(result.stdout).toContain('error: ClaimReview 1: url is missing');
    await writeFile(join(work, 'notjson.json'), '{oops');
    expect((await factmark(dataDir, 'validate', join(work, 'notjson.json'))).stderr).toContain('not JSON');
  });

  it('adds every claim of a CSV file, or none when one row is wrong', async () => {
    const file = join(dataDir, 'reviews', `${reviewId}.json`);
    const before = await readFile(file);
    await writeFile(join(work, 'bad.csv'), 'quote,verdict,rationale\n"Critics said",False,ok\n"no such words here",False,bad\n');
    const bad = await factmark(dataDir, 'annotate', reviewId, '--from', join(work, 'bad.csv'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Claim 2 ("no such words here") is not in the article');
    expect(await readFile(file)).toEqual(before);

    await writeFile(join(work, 'good.csv'), '\uFEFFquote,verdict,rationale,tags\n"Critics said",Unverifiable,"multi\nline","a | b"\n"at most",,,\n');
    const good = await factmark(dataDir, 'annotate', reviewId, '--from', join(work, 'good.csv'));
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('Marked 2 claims.');
  });

  it('refuses files it cannot import, and adds nothing', async () => {
    await writeFile(join(work, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await writeFile(join(work, 'empty.txt'), '');
    const count = (await readdir(join(dataDir, 'reviews'))).length;
    const png = await factmark(dataDir, 'import', join(work, 'photo.png'));
    expect(png.code).toBe(1);
    expect(png.stderr).toContain('photo.png: Factmark cannot open .png files');
    const empty = await factmark(dataDir, 'import', join(work, 'empty.txt'));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('empty.txt is empty');
    expect((await readdir(join(dataDir, 'reviews'))).length).toBe(count);
  });

  it('answers usage mistakes with exit code 2 and help with 0', async () => {
    expect((await factmark(dataDir, 'frobnicate')).code).toBe(2);
    expect((await factmark(dataDir, 'export', reviewId)).code).toBe(2);
    expect((await factmark(dataDir, 'export', reviewId, '--format', 'pdf')).code).toBe(2);
    expect((await factmark(dataDir, 'export', reviewId, '--format', 'docx')).code).toBe(2);
    const help = await factmark(dataDir, 'annotate', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--occurrence');
    expect((await factmark(dataDir, '--version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('reads, but refuses to write, while another Factmark holds the data folder without answering', async () => {
    const store = await LibraryStore.open(dataDir);
    try {
      // Files are replaced whole, so reading needs no lock.
      expect(await factmark(dataDir, 'list')).toMatchObject({ code: 0, stdout: expect.stringContaining(reviewId) });
      const result = await factmark(dataDir, 'annotate', reviewId, '--quote', 'since 2020');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('already using the data folder');
    } finally {
      await store.close();
    }
  });
});
