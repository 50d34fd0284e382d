/** `factmark import` of a text file: the headline names the review unless --title says otherwise. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factmark, lastLine } from './run-factmark.fixture';

const ARTICLE = 'الوزير: أسعار المياه لن ترتفع هذا العام\n\nقال الوزير إن الأسعار لن ترتفع.\n\nلكن الفواتير تقول غير ذلك.\n';

describe('factmark import of a text file with a headline', () => {
  it('names the review after the headline, and --title still wins', async () => {
    const work = await mkdtemp(join(tmpdir(), 'factmark-import-title-'));
    const data = join(work, 'data');
    await writeFile(join(work, 'water_prices.txt'), ARTICLE);

    const plain = await factmark(data, 'import', join(work, 'water_prices.txt'));
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('Imported "الوزير: أسعار المياه لن ترتفع هذا العام".');
    const shown = await factmark(data, 'show', lastLine(plain.stdout), '--text');
    // The headline heads the article once, then the two paragraphs.
    expect(shown.stdout.trim().split('\n')).toEqual(['الوزير: أسعار المياه لن ترتفع هذا العام', 'قال الوزير إن الأسعار لن ترتفع.', 'لكن الفواتير تقول غير ذلك.']);

    const titled = await factmark(data, 'import', join(work, 'water_prices.txt'), '--title', 'Water prices (minister, March)');
    expect(titled.code, titled.stderr).toBe(0);
    expect(titled.stdout).toContain('Imported "Water prices (minister, March)".');
    const { review } = JSON.parse((await factmark(data, 'show', lastLine(titled.stdout), '--json')).stdout) as { review: { title: string } };
    expect(review.title).toBe('Water prices (minister, March)');
  });
});
