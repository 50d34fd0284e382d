/** `factmark claims`: every claim of the library in one table, as text, JSON or CSV, read without writing a byte. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { folderSnapshot } from '../services/library/folder-snapshot.fixture';
import { factmark, lastLine } from './run-factmark.fixture';

describe('factmark claims', () => {
  it('lists the claims of every review with number, verdict and summary or words, and exports them as JSON and CSV', async () => {
    const work = await mkdtemp(join(tmpdir(), 'factmark-claims-'));
    const data = join(work, 'data');
    await writeFile(join(work, 'jobs.txt'), 'The minister said unemployment fell by 20 percent last year.\n');
    await writeFile(join(work, 'arabic.txt'), 'قال الوزير إن الأسعار ارتفعت بنسبة خمسة في المئة.\n');
    const empty = await factmark(data, 'claims');
    expect(empty.stdout).toMatch(/^No claims yet/);
    const jobs = lastLine((await factmark(data, 'import', join(work, 'jobs.txt'))).stdout);
    const arabic = lastLine((await factmark(data, 'import', join(work, 'arabic.txt'))).stdout);
    await factmark(data, 'annotate', jobs, '--quote', 'unemployment fell by 20 percent', '--verdict', 'False', '--summary', 'Unemployment fell 20% in 2025', '--tag', '=HYPERLINK("x")');
    await factmark(data, 'annotate', arabic, '--quote', 'الأسعار ارتفعت', '--verdict', 'Unverifiable');
    const before = await folderSnapshot(data);

    const text = await factmark(data, 'claims');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`${jobs}  #1  False  Unemployment fell 20% in 2025  (jobs)`);
    expect(text.stdout).toContain(`${arabic}  #1  Unverifiable  الأسعار ارتفعت`);

    const { claims } = JSON.parse((await factmark(data, 'claims', '--json')).stdout) as { claims: { reviewId: string; verdict: string; quote: string; tags: string[] }[] };
    expect(claims.map(({ reviewId, verdict }) => ({ reviewId, verdict })).sort((a, b) => a.reviewId.localeCompare(b.reviewId))).toEqual(
      [{ reviewId: jobs, verdict: 'False' }, { reviewId: arabic, verdict: 'Unverifiable' }].sort((a, b) => a.reviewId.localeCompare(b.reviewId)),
    );

    const csv = (await factmark(data, 'claims', '--csv')).stdout;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    const row = rows.find((candidate) => candidate.review_id === jobs);
    expect(row).toMatchObject({ claim_number: '1', quote: 'unemployment fell by 20 percent', verdict: 'False', tags: `'=HYPERLINK("x")` });
    expect((await factmark(data, 'claims', '--csv', '--json')).code).toBe(2);
    expect(await folderSnapshot(data)).toEqual(before);
  });
});
