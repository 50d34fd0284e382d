/** `factmark update ID FILE`: a newer version of a review's article from a file, said in one line or as JSON; refusals change nothing. */
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSnapshot } from '../services/library/folder-snapshot.fixture';
import { factmark, lastLine } from './run-factmark.fixture';

const OLD =
  'Budget day\n\nThe minister said unemployment fell by 20 percent last year.\n\nCrime rose 5 percent in the city, police said.\n\nSchools will get 400 new teachers by September, the office said.\n';
const NEW = 'Budget day\n\nCorrection: this story was updated on Tuesday.\n\nThe minister said unemployment fell by 20 percent last year.\n\nCrime rose 7 percent in the city, police said.\n';

describe('factmark update', () => {
  it('brings in the newer version, says what happened to the claims, and refuses what it cannot read without changing a byte', async () => {
    const work = await mkdtemp(join(tmpdir(), 'factmark-update-cli-'));
    const data = join(work, 'data');
    await writeFile(join(work, 'story.txt'), OLD);
    await writeFile(join(work, 'story-v2.txt'), NEW);
    const id = lastLine((await factmark(data, 'import', join(work, 'story.txt'))).stdout);
    for (const [quote, verdict] of [
      ['unemployment fell by 20 percent last year', 'False'],
      ['Crime rose 5 percent in the city', 'True'],
      ['Schools will get 400 new teachers', 'True'],
    ]) {
      expect((await factmark(data, 'annotate', id, '--quote', quote as string, '--verdict', verdict as string)).code).toBe(0);
    }

    const before = await folderSnapshot(data);
    const missing = await factmark(data, 'update', id, join(work, 'no-such.txt'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^factmark: .*no-such\.txt cannot be read/);
    await writeFile(join(work, 'broken.docx'), 'not a word file');
    const broken = await factmark(data, 'update', id, join(work, 'broken.docx'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.docx is not a Word .* The article was not updated\./s);
    expect((await factmark(data, 'update', id, join(work, 'story.txt'))).stderr).toMatch(/nothing to update/);
    expect((await factmark(data, 'update', 'no-such-review-1', join(work, 'story-v2.txt'))).code).toBe(1);
    expect(await folderSnapshot(data)).toEqual(before);

    const updated = await factmark(data, 'update', id, join(work, 'story-v2.txt'));
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout.split('\n')[0]).toBe('Updated the article of “Budget day” to version 2: 0 claims unchanged, 1 moved, 2 need attention (1 with edited words, 1 not placed).');
    expect(updated.stdout).toMatch(/^words edited: claim 2 \("Crime rose 5 percent in the city"\) — The outlet edited/m);
    expect(updated.stdout).toMatch(/^not placed: claim 3 \("Schools will get 400 new teachers"\) — Not found in version 2/m);

    await writeFile(join(work, 'story-v3.txt'), `${NEW}\nUpdated at 5pm.\n`);
    const json = await factmark(data, 'update', id, join(work, 'story-v3.txt'), '--json');
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as {
      version: { number: number; sha256: string; fileName: string };
      counts: { unchanged: number };
      claims: unknown[];
    };
    expect(result.version).toMatchObject({
      number: 3,
      fileName: 'story-v3.txt',
      sha256: createHash('sha256').update(`${NEW}\nUpdated at 5pm.\n`).digest('hex'),
    });
    expect(result.counts.unchanged).toBe(2);
    expect(result.claims).toHaveLength(3);
  });
});
