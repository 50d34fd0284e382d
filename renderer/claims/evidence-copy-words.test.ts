import { describe, expect, it } from 'vitest';
import type { VerifiedFile } from '../../shared/api/evidence-schema';
import type { EvidenceCopy } from '../../shared/model/evidence-copy';
import { interfaceI18n } from '../i18n/interface-i18n';
import { createTranslator } from '../../shared/i18n/translator';
import { copyStatusLine, formatSize, mainFile, verifyVerdict } from './evidence-copy-words';

const t = interfaceI18n.t;
const hashA = 'a'.repeat(8) + '0'.repeat(56);
const hashB = 'b'.repeat(8) + '1'.repeat(56);

const page: EvidenceCopy = {
  kind: 'page',
  id: 'copy-1',
  requestedUrl: 'https://example.org/a',
  finalUrl: 'https://example.org/a',
  httpStatus: 200,
  contentType: 'text/html',
  retrievedAt: '2026-03-14T10:05:00.000Z',
  title: 'A',
  files: [
    { role: 'screenshot', fileName: 'screenshot.png', mediaType: 'image/png', size: 10, sha256: hashB },
    { role: 'archive', fileName: 'page.mhtml', mediaType: 'multipart/related', size: 20, sha256: hashA },
  ],
};

function verified(state: VerifiedFile['state'], role: VerifiedFile['role'], fileName: string): VerifiedFile {
  return { claimId: 'c', claimNumber: 1, evidenceId: 'e', url: 'https://example.org/a', copyId: 'copy-1', fileName, role, size: 1, sha256: hashA, state };
}

describe('evidence copy wording', () => {
  it('names a page copy by its archive and an attached file by its original', () => {
    expect(mainFile(page).fileName).toBe('page.mhtml');
    const file: EvidenceCopy = {
      kind: 'file',
      id: 'copy-2',
      originalName: 'photo.png',
      attachedAt: '2026-03-14T10:05:00.000Z',
      files: [{ role: 'original', fileName: 'photo.png', mediaType: 'image/png', size: 3, sha256: hashB }],
    };
    expect(copyStatusLine(file, t, 'en')).toMatch(/^File attached on .+ · SHA-256 \u2066bbbbbbbb…\u2069$/);
    expect(copyStatusLine(page, t, 'en')).toMatch(/^Copy kept on .+2026.+ · SHA-256 \u2066aaaaaaaa…\u2069$/);
  });

  it('isolates the short hash left to right, so an Arabic line keeps its “…” after the digits', () => {
    const ar = createTranslator('ar', 'app').getFixedT('ar', 'app');
    const line = copyStatusLine(page, ar, 'ar');
    expect(line).toMatch(/^حُفظت نسخة في .+ · SHA-256 \u2066aaaaaaaa…\u2069$/);
    // Once only: a catalogue that wrapped it too would nest a second isolate.
    expect(line.split('\u2066')).toHaveLength(2);
  });

  it('says intact only when every file of the item is intact, and names what is missing or altered', () => {
    expect(verifyVerdict([verified('intact', 'archive', 'page.mhtml')], t)).toEqual({ intact: true, text: expect.stringMatching(/^Intact/) });
    const broken = verifyVerdict([verified('intact', 'archive', 'page.mhtml'), verified('altered', 'text', 'text.txt'), verified('missing', 'screenshot', 'screenshot.png')], t);
    expect(broken.intact).toBe(false);
    expect(broken.text).toContain('The readable text (text.txt) was altered');
    expect(broken.text).toContain('The screenshot (screenshot.png) is missing');
    expect(verifyVerdict([], t).intact).toBe(false);
  });

  it('writes sizes in bytes, KB and MB', () => {
    expect(formatSize(96, t, 'en')).toBe('96 bytes');
    expect(formatSize(1536, t, 'en')).toBe('1.5 KB');
    expect(formatSize(3 * 1024 * 1024, t, 'en')).toBe('3 MB');
  });
});
