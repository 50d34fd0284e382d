import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../services/library';
import { storeEvidenceCopy } from '../services/library/evidence-store';
import { factmark, lastLine } from './run-factmark.fixture';

describe('sharing kept evidence copies through the command line', () => {
  it('carries copies with --include-evidence-copies, verified intact on arrival, and says when a file left them out', async () => {
    const [ana, bob, carol, work] = (await Promise.all(['ana', 'bob', 'carol', 'files'].map((name) => mkdtemp(join(tmpdir(), `factmark-share-copies-${name}-`))))) as [string, string, string, string];
    await writeFile(join(work, 'article.txt'), 'The mayor said crime fell by 20 percent since 2020.\n');
    const id = lastLine((await factmark(ana, 'import', join(work, 'article.txt'))).stdout);
    expect((await factmark(ana, 'annotate', id, '--quote', 'crime fell by 20 percent', '--verdict', 'False', '--evidence', 'https://stats.example/crime')).code).toBe(0);
    const store = await LibraryStore.open(ana);
    const claim = store.getReview(id).claims[0];
    await storeEvidenceCopy(store, {
      reviewId: id,
      claimId: claim?.id ?? '',
      target: { evidenceId: claim?.evidence[0]?.id ?? '' },
      copy: {
        kind: 'page',
        requestedUrl: 'https://stats.example/crime',
        finalUrl: 'https://stats.example/crime',
        httpStatus: 200,
        contentType: 'application/pdf',
        retrievedAt: '2026-03-15T10:00:00.000Z',
        title: '',
      },
      files: [{ role: 'original', fileName: 'crime.pdf', mediaType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7 crime figures') }],
    });
    await store.close();

    const withCopies = join(work, 'with-copies.factmark');
    const shared = await factmark(ana, 'share', id, '-o', withCopies, '--include-evidence-copies');
    expect(shared).toMatchObject({ code: 0 });
    expect(shared.stderr).toContain('Included 1 kept copy.');
    expect((await factmark(bob, 'import', withCopies)).code).toBe(0);
    const verified = await factmark(bob, 'verify', id);
    expect(verified.code).toBe(0);

    const plain = join(work, 'plain.factmark');
    expect((await factmark(ana, 'share', id, '-o', plain)).code).toBe(0);
    const opened = await factmark(carol, 'import', plain);
    expect(opened.code).toBe(0);
    expect(opened.stderr).toContain('evidence copies: One source has a kept copy whose files were not included in this share file');
    expect((await factmark(carol, 'verify', id)).code).toBe(1);
  }, 120_000);
});
