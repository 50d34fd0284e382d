import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factmark } from './run-factmark.fixture';
import { openFactmarkServices } from '../services/factmark-services';
import { terminalSafe, terminalSafeJson } from './terminal-text';

const HOSTILE_TITLE = 'مراجعة \u001b[2J\u001b]0;owned\u0007 \u202eRED\u202c \u009b31m';
const HOSTILE_NAME = 'Bob\u001b[1A\u001b[K\r\nfactmark: all good';
/** Characters that may change what a terminal shows: controls (but for the line breaks we print) and bidi overrides. */
const UNSAFE = /(?!\n)[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

describe('text printed on a terminal', () => {
  it('shows controls and bidi overrides as escapes and keeps every script', () => {
    expect(terminalSafe('قال \u001b[31m\u202e x')).toBe('قال \\x1b[31m\\u202e x');
    expect(terminalSafe('line\nbreak\u0085')).toBe('line\\x0abreak\\x85');
    const json = terminalSafeJson({ title: HOSTILE_TITLE });
    expect(json).not.toMatch(UNSAFE);
    expect(JSON.parse(json)).toEqual({ title: HOSTILE_TITLE });
  });

  it('never prints a share file’s escape sequences raw from import, merge or list, and --json stays the same JSON', async () => {
    const from = await mkdtemp(join(tmpdir(), 'factmark-terminal-'));
    const services = await openFactmarkServices({ dataDir: from, mode: 'cli', renderPdf: async () => new Uint8Array() });
    await services.handlers['settings:setReviewer']({ name: HOSTILE_NAME });
    const { review } = await services.handlers['review:create']({ title: HOSTILE_TITLE, sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: 'Crime fell \u001b[31m by 20 percent.' } });
    await services.handlers['review:annotate']({ id: review.id, claims: [{ quote: 'Crime fell', summary: '', rationale: '', claimant: '', claimDate: '', appearanceUrl: '', evidenceUrls: [], status: 'to-check', tags: [] }] });
    const shared = await services.handlers['share:create']({ id: review.id });
    await services.close();
    const work = await mkdtemp(join(tmpdir(), 'factmark-terminal-files-'));
    const file = join(work, 'hostile.factmark');
    await writeFile(file, Buffer.from(shared.base64, 'base64'));

    const to = await mkdtemp(join(tmpdir(), 'factmark-terminal-to-'));
    for (const result of [await factmark(to, 'import', file), await factmark(to, 'merge', review.id, file), await factmark(to, 'list'), await factmark(to, 'merge', review.id, file, '--dry-run')]) {
      expect(result.code).toBe(0);
      expect(result.stdout + result.stderr).not.toMatch(UNSAFE);
      expect(result.stdout).toContain('مراجعة');
    }
    const json = await factmark(to, 'list', '--json');
    expect(json.stdout).not.toMatch(UNSAFE);
    expect(JSON.parse(json.stdout).reviews[0].title).toBe(HOSTILE_TITLE.trim());
  });
});
