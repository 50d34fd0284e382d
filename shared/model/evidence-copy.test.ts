import { describe, expect, it } from 'vitest';
import { Evidence, evidenceAtAddress } from './claim';

describe('the evidence model', () => {
  const base = { id: 'evidence-0001', title: '', note: '', stance: 'unset', accessedAt: '' } as const;
  const file = { role: 'original', fileName: 'a.pdf', mediaType: 'application/pdf', size: 1, sha256: 'a'.repeat(64) } as const;

  it('lets only an attached file go without a web address', () => {
    expect(Evidence.safeParse({ ...base, url: '' }).success).toBe(false);
    expect(Evidence.safeParse({ ...base, url: '', copy: { kind: 'file', id: 'copy-0001', originalName: 'a.pdf', attachedAt: '2026-03-01T00:00:00.000Z', files: [file] } }).success).toBe(true);
    expect(
      Evidence.safeParse({
        ...base,
        url: '',
        copy: {
          kind: 'page',
          id: 'copy-0001',
          requestedUrl: 'https://a.example/',
          finalUrl: 'https://a.example/',
          httpStatus: 200,
          contentType: 'text/html',
          retrievedAt: '2026-03-01T00:00:00.000Z',
          title: '',
          files: [file],
        },
      }).success,
    ).toBe(false);
    expect(Evidence.safeParse({ ...base, url: 'https://a.example/' }).success).toBe(true);
  });

  it('refuses stored file names with a folder in them and a copy naming one file twice', () => {
    const copy = (files: object[]) => ({ ...base, url: '', copy: { kind: 'file', id: 'copy-0001', originalName: 'a.pdf', attachedAt: '2026-03-01T00:00:00.000Z', files } });
    for (const fileName of ['../a.pdf', 'a/b.pdf', '.a', 'a.', '']) expect(Evidence.safeParse(copy([{ ...file, fileName }])).success, fileName).toBe(false);
    expect(Evidence.safeParse(copy([file, { ...file, fileName: 'A.PDF' }])).success).toBe(false);
  });

  it('drops a page copy when its source moves to another address, and keeps an attached file', () => {
    const page = { kind: 'page', id: 'copy-0002', requestedUrl: 'https://a.example/', finalUrl: 'https://a.example/', httpStatus: 200, contentType: 'text/html', retrievedAt: '2026-03-01T00:00:00.000Z', title: '', files: [file] } as const;
    const kept = Evidence.parse({ ...base, url: 'https://a.example/', copy: page });
    expect(evidenceAtAddress(kept, 'https://a.example/')).toBe(kept);
    const moved = evidenceAtAddress(kept, 'https://b.example/');
    expect(moved).toEqual({ ...base, url: 'https://b.example/' });
    expect('copy' in moved).toBe(false);
    const attached = Evidence.parse({ ...base, url: '', copy: { kind: 'file', id: 'copy-0003', originalName: 'a.pdf', attachedAt: '2026-03-01T00:00:00.000Z', files: [file] } });
    expect(evidenceAtAddress(attached, 'https://c.example/').copy).toEqual(attached.copy);
  });
});
