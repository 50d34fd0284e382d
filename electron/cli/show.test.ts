/** `factmark show`: a review's article as plain text, or the review as JSON, read without writing a byte. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSnapshot } from '../services/library/folder-snapshot.fixture';
import { factmark, lastLine } from './run-factmark.fixture';

const ARTICLE = 'قال الوزير إن البطالة انخفضت.\n\nThe mayor said crime fell by 20 percent \u202Esince\u202C 2020.\n';

describe('factmark show', () => {
  it('prints the article one paragraph a line, Arabic kept and controls escaped, or the review with its claims as JSON, and changes nothing', async () => {
    const work = await mkdtemp(join(tmpdir(), 'factmark-show-'));
    const data = join(work, 'data');
    await writeFile(join(work, 'article.txt'), ARTICLE);
    const id = lastLine((await factmark(data, 'import', join(work, 'article.txt'))).stdout);
    expect((await factmark(data, 'annotate', id, '--quote', 'crime fell by 20 percent', '--verdict', 'False')).code).toBe(0);
    const before = await folderSnapshot(data);

    const text = await factmark(data, 'show', id);
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('قال الوزير إن البطالة انخفضت.');
    // The bidi override in the file is shown as an escape, never sent to the terminal raw.
    expect(text.stdout).not.toContain('\u202E');
    expect(lines.some((line) => line.startsWith('The mayor said crime fell by 20 percent'))).toBe(true);
    expect((await factmark(data, 'show', id, '--text')).stdout).toBe(text.stdout);

    const json = await factmark(data, 'show', id, '--json');
    const { review } = JSON.parse(json.stdout) as { review: { id: string; claims: { number: number; verdictId: string }[] } };
    expect(review.id).toBe(id);
    expect(review.claims.map(({ number, verdictId }) => ({ number, verdictId }))).toEqual([{ number: 1, verdictId: 'false' }]);

    const both = await factmark(data, 'show', id, '--text', '--json');
    expect(both.code).toBe(2);
    const missing = await factmark(data, 'show', 'no-such-review-1');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^factmark: /);
    expect(await folderSnapshot(data)).toEqual(before);
  });
});
