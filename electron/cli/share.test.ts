import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factmark, lastLine } from './run-factmark.fixture';
import { LibraryStore } from '../services/library';

describe('sharing through the command line', () => {
  it('shares, opens elsewhere, annotates with an edited text, shares back and merges, twice', async () => {
    const [ana, bob, work] = await Promise.all(['ana', 'bob', 'files'].map((name) => mkdtemp(join(tmpdir(), `factmark-share-${name}-`))));
    await writeFile(join(work as string, 'article.txt'), 'The mayor said crime fell by 20 percent since 2020.\n\nCritics said crime fell by 5 percent at most.\n\nThe budget grew to 3 billion.\n');
    const imported = await factmark(ana as string, 'import', join(work as string, 'article.txt'));
    const id = lastLine(imported.stdout);
    expect((await factmark(ana as string, 'annotate', id, '--quote', 'crime fell by 20 percent', '--verdict', 'False')).code).toBe(0);
    const toBob = join(work as string, 'to-bob.factmark');
    expect(await factmark(ana as string, 'share', id, '-o', toBob)).toMatchObject({ code: 0 });

    const opened = await factmark(bob as string, 'import', toBob);
    expect(opened.code).toBe(0);
    expect(lastLine(opened.stdout)).toBe(id);
    expect(opened.stdout).toContain('1 claim placed');
    // Importing it again is refused with the merge command to use instead.
    const twice = await factmark(bob as string, 'import', toBob);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain(`factmark merge ${id}`);

    // Bob's copy: an inserted paragraph (a text edit) and a new claim.
    const store = await LibraryStore.open(bob as string);
    const review = store.getReview(id);
    await store.saveReview({ id, baseRevision: store.getReview(id).revision, doc: { ...review.doc, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Updated on Tuesday with council figures.' }] }, ...(review.doc.content ?? [])] }, claims: review.claims });
    await store.close();
    expect((await factmark(bob as string, 'annotate', id, '--quote', 'crime fell by 5 percent', '--verdict', 'True', '--evidence', 'https://stats.example/crime')).code).toBe(0);
    const toAna = join(work as string, 'to-ana.factmark');
    expect((await factmark(bob as string, 'share', id, '-o', toAna)).code).toBe(0);

    const merged = await factmark(ana as string, 'merge', id, toAna, '--json');
    expect(merged.code).toBe(0);
    const report = JSON.parse(merged.stdout) as { added: number; updated: number; conflicting: number; orphaned: number; report: { added: { quote: string }[]; textChanged: boolean } };
    expect(report).toMatchObject({ added: 1, updated: 0, conflicting: 0, orphaned: 0 });
    expect(report.report.added[0]?.quote).toBe('crime fell by 5 percent');
    expect(report.report.textChanged).toBe(true);
    const again = await factmark(ana as string, 'merge', id, toAna);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/added 0, updated 0, conflicting 0, orphaned 0/);
    const listed = JSON.parse((await factmark(ana as string, 'list', '--json')).stdout) as { reviews: { claimCount: number }[] };
    expect(listed.reviews[0]?.claimCount).toBe(2);

    // A file of another review, or a broken one, is refused with exit 1.
    await writeFile(join(work as string, 'broken.factmark'), '{"format":"factmark-share","version":1');
    const broken = await factmark(ana as string, 'merge', id, join(work as string, 'broken.factmark'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('not valid JSON');
    expect((await factmark(ana as string, 'merge', id)).code).toBe(2);
  }, 120_000);
});
