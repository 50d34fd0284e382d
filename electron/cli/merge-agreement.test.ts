import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../shared/share-file/agreement';
import { factmark, lastLine } from './run-factmark.fixture';

describe('factmark merge and agreement', () => {
  it('reports how two reviewers who rated the same quotes on their own agree, as JSON and in one line', async () => {
    const [ana, bob, work] = await Promise.all(['ana', 'bob', 'files'].map((name) => mkdtemp(join(tmpdir(), `factmark-agree-${name}-`)))) as [string, string, string];
    await writeFile(join(work, 'article.txt'), 'The mayor said crime fell by 20 percent since 2020.\n\nCritics said crime fell by 5 percent at most.\n\nThe budget grew to 3 billion.\n');
    const id = lastLine((await factmark(ana, 'import', join(work, 'article.txt'))).stdout);
    // Bob gets the article before anyone rated anything; then each marks and rates the same quotes.
    await factmark(ana, 'share', id, '-o', join(work, 'article.factmark'));
    expect((await factmark(bob, 'import', join(work, 'article.factmark'))).code).toBe(0);
    const quotes = ['crime fell by 20 percent', 'crime fell by 5 percent', 'The budget grew to 3 billion'];
    const ratings = { [ana]: ['False', 'Mostly true', 'True'], [bob]: ['Mostly false', 'Mostly true', 'True'] };
    for (const folder of [ana, bob]) {
      const csv = join(work, `${folder === ana ? 'ana' : 'bob'}.csv`);
      await writeFile(csv, `quote,verdict\n${quotes.map((quote, index) => `${quote},${ratings[folder]?.[index] as string}`).join('\n')}\n`);
      expect((await factmark(folder, 'annotate', id, '--from', csv)).code).toBe(0);
    }
    await factmark(bob, 'share', id, '-o', join(work, 'bob.factmark'));

    const dryRun = await factmark(ana, 'merge', id, join(work, 'bob.factmark'), '--dry-run');
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(/^Agreement: 2 of 3 claims \(67 %\), Krippendorff's alpha \d\.\d\d \(ordinal\)$/m);

    const merged = await factmark(ana, 'merge', id, join(work, 'bob.factmark'), '--json');
    expect(merged.code).toBe(0);
    const { report } = JSON.parse(merged.stdout) as { report: { agreement: Agreement; added: unknown[] } };
    expect(report.added).toHaveLength(3);
    expect(report.agreement).toMatchObject({ pairs: 3, agreed: 2, metric: 'ordinal' });
    expect(report.agreement.percent).toBeCloseTo(200 / 3, 10);
    expect(report.agreement.alpha).toBeGreaterThan(0);
    expect(report.agreement.disagreements).toEqual([
      { number: 1, claimId: expect.any(String), quote: 'crime fell by 20 percent', here: { verdictId: 'false', label: 'False', by: expect.any(String) }, theirs: { verdictId: 'mostly-false', label: 'Mostly false', by: expect.any(String) } },
    ]);
  }, 120_000);
});
