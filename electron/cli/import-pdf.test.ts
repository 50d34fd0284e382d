/** `factmark import` of a PDF, built and from the sources: the PDF is read in the command's worker thread. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { factmark, lastLine, runFactmark } from './run-factmark.fixture';

const fixture = (name: string): string => fileURLToPath(new URL(`../services/import/fixtures/${name}`, import.meta.url));

describe('factmark import of a PDF', () => {
  it('reads the article and refuses a protected PDF, saying why', async () => {
    const data = join(await mkdtemp(join(tmpdir(), 'factmark-import-pdf-')), 'data');
    const imported = await factmark(data, 'import', fixture('audit-report.pdf'));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported "Audit of the city budget".');
    const shown = await factmark(data, 'show', lastLine(imported.stdout), '--text');
    expect(shown.stdout).toContain('a great deal on information technology without any tender.');

    const refused = await factmark(data, 'import', fixture('protected.pdf'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('protected.pdf is protected by a password.');
    expect(JSON.parse((await factmark(data, 'list', '--json')).stdout)).toMatchObject({ reviews: [{ title: 'Audit of the city budget' }] });
  });

  it('reads it from the sources too, where the worker is bundled as it starts', async () => {
    const data = join(await mkdtemp(join(tmpdir(), 'factmark-import-pdf-')), 'data');
    const imported = await runFactmark(['--data-dir', data, 'import', fixture('audit-report.pdf')], { env: { ...process.env, FACTMARK_CLI_FROM_SOURCE: '1' } });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported "Audit of the city budget".');
  });
});
