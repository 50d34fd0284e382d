import iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readArticleText } from '../../../shared/article/claim-spans';
import { findQuote } from '../../../shared/article/quote-search';
import { openFactmarkServices } from '../factmark-services';
import { importDocument } from './import-document';

const fixture = (name: string): Promise<Buffer> => readFile(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));
const textOf = (doc: Parameters<typeof readArticleText>[0]): string => readArticleText(doc).text;
const types = (doc: { content?: { type: string }[] }): string[] => (doc.content ?? []).map((node) => node.type);

describe('importing a Word file', () => {
  it('keeps headings, bold, links, lists, tables and Arabic, and notes the image it left out', async () => {
    const imported = await importDocument({ fileName: 'council.docx', bytes: await fixture('council.docx') });
    expect(imported.title).toBe('Council budget claims');
    expect(types(imported.doc)).toEqual(['heading', 'paragraph', 'bulletList', 'table', 'paragraph']);
    const json = JSON.stringify(imported.doc);
    expect(json).toContain('"bold"');
    expect(json).toContain('https://police.example/report-2025');
    expect(json).not.toMatch(/image|img|base64/);
    const text = textOf(imported.doc);
    expect(text).toContain('Housing starts doubled.');
    expect(text).toContain('2025\n960');
    expect(text).toContain('قال الوزير إن الأسعار ارتفعت بنسبة عشرين بالمئة.');
    expect(imported.notes).toEqual(['1 image was left out; Factmark keeps the text.']);
  });

  it('refuses a truncated Word file with its name and the problem', async () => {
    const whole = await fixture('council.docx');
    await expect(importDocument({ fileName: 'cut.docx', bytes: whole.subarray(0, whole.length / 2) })).rejects.toThrow(/cut\.docx is not a readable Word/);
    await expect(importDocument({ fileName: 'fake.docx', bytes: Buffer.from('hello') })).rejects.toThrow(/fake\.docx is not a Word/);
  });
});

describe('importing a PDF', () => {
  it('drops running headers, footers and page numbers, rejoins hyphenated words and paragraphs across pages', async () => {
    const imported = await importDocument({ fileName: 'audit-report.pdf', bytes: await fixture('audit-report.pdf') });
    const text = textOf(imported.doc);
    expect(imported.title).toBe('Audit of the city budget');
    expect(text).not.toContain('City Audit Office');
    expect(text).not.toMatch(/Page \d+ of \d+/);
    expect(text).toContain('a great deal on information technology without any tender.');
    expect(findQuote(text, 'The mayor claimed that crime fell by twenty percent in the last three years, a figure that the police statistics office could not confirm')).toHaveLength(1);
    const paragraphs = text.split('\n');
    // heading, the hyphenation paragraph, 14 + 1 + 14 paragraphs: none split at a line or page break.
    expect(paragraphs).toHaveLength(31);
    for (const paragraph of paragraphs.slice(2)) expect(paragraph).toMatch(/^(On (spending|policing), note \d+: |The mayor claimed).*\.$/);
  });

  it('refuses a scan, a protected file and text named .pdf, each saying why', async () => {
    await expect(importDocument({ fileName: 'scan.pdf', bytes: await fixture('scan-no-text.pdf') })).rejects.toThrow(/scan\.pdf has no text layer.*OCR/);
    await expect(importDocument({ fileName: 'protected.pdf', bytes: await fixture('protected.pdf') })).rejects.toThrow(/protected\.pdf is protected by a password/);
    await expect(importDocument({ fileName: 'notes.pdf', bytes: Buffer.from('just some text') })).rejects.toThrow(/notes\.pdf is not a PDF inside/);
  });
});

describe('importing a saved web page', () => {
  it('keeps only the article with its metadata and never runs or fetches anything', async () => {
    const globals = globalThis as { pageScriptRan?: boolean; adLoaded?: boolean };
    const imported = await importDocument({ fileName: 'mayor.html', bytes: await fixture('news-page.html') });
    const text = textOf(imported.doc);
    expect(imported).toMatchObject({ sourceUrl: 'https://citydaily.example/2026/03/mayor-crime-claim', byline: 'Lena Ortiz', publishedAt: '2026-03-14', outlet: 'City Daily', language: 'en' });
    expect(imported.title).toMatch(/Mayor claims crime fell 20/);
    expect(text).toContain('crime in the city had fallen by 20 percent since 2020');
    expect(text).toContain('would publish its method next week.');
    expect(text).not.toMatch(/Subscribe|Buy now|Most read|All rights reserved|Ten things/);
    expect(JSON.stringify(imported.doc)).not.toMatch(/script|img|ads\.example|tracker/);
    expect(globals.pageScriptRan).toBeUndefined();
    expect(globals.adLoaded).toBeUndefined();
  });
});

describe('importing text files', () => {
  const arabic = 'قال الوزير إن الأسعار ارتفعت بنسبة عشرين بالمئة في العام الماضي، وهذا غير صحيح.';
  const french = 'Le ministre a déclaré que le chômage a baissé à 3,4 % l’année dernière, ce qui est faux.';

  it.each([
    ['UTF-8', Buffer.from(arabic), arabic],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(arabic)]), arabic],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(arabic, 'utf-16le')]), arabic],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(arabic, 'utf-16be')]), arabic],
    ['Windows-1256', iconv.encode(arabic, 'windows-1256'), arabic],
    ['Windows-1252', iconv.encode(french.replace('’', "'"), 'windows-1252'), french.replace('’', "'")],
    ['ISO-8859-1', iconv.encode(french.replace('’', "'"), 'iso-8859-1'), french.replace('’', "'")],
  ])('reads %s', async (_name, bytes, expected) => {
    const imported = await importDocument({ fileName: 'article.txt', bytes });
    expect(textOf(imported.doc)).toBe(expected);
  });

  it('reads the encoding the reviewer chose when told to', async () => {
    const bytes = iconv.encode('Überraschung: Preise stiegen.', 'iso-8859-15');
    const imported = await importDocument({ fileName: 'a.txt', bytes, encoding: 'iso-8859-15' });
    expect(textOf(imported.doc)).toBe('Überraschung: Preise stiegen.');
    await expect(importDocument({ fileName: 'a.txt', bytes, encoding: 'klingon-1' })).rejects.toThrow(/not an encoding Factmark knows/);
  });

  it('records the size and SHA-256 of the original bytes', async () => {
    const bytes = Buffer.from('# Title\n\nSome text.');
    const imported = await importDocument({ fileName: 'a.md', bytes });
    expect(imported).toMatchObject({ title: 'Title', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  it('refuses empty, binary, unsupported and oversized files', async () => {
    await expect(importDocument({ fileName: 'empty.txt', bytes: Buffer.alloc(0) })).rejects.toThrow(/empty\.txt is empty/);
    await expect(importDocument({ fileName: 'x.txt', bytes: Buffer.from([0x41, 0, 0x42, 0]) })).rejects.toThrow(/not a text file/);
    await expect(importDocument({ fileName: 'sheet.xlsx', bytes: Buffer.from('x') })).rejects.toThrow(/cannot open \.xlsx files/);
    await expect(importDocument({ fileName: 'huge.txt', bytes: Buffer.alloc(50 * 1024 * 1024 + 1, 0x41) })).rejects.toThrow(/up to 50 MB/);
  });
});

describe('importing into the library', () => {
  it('keeps the original file and its provenance, and a refused file leaves the library byte for byte as it was', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-import-'));
    const services = await openFactmarkServices({ dataDir, mode: 'cli', renderPdf: async () => new Uint8Array() });
    try {
      const bytes = await fixture('council.docx');
      const { review, notes } = await services.handlers['review:import']({ fileName: 'council.docx', base64: bytes.toString('base64') });
      expect(notes).toHaveLength(1);
      expect(review.origin).toMatchObject({ kind: 'file', fileName: 'council.docx', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
      expect(await readFile(join(dataDir, 'originals', review.id, 'council.docx'))).toEqual(bytes);
      const untitled = await services.handlers['review:import']({ fileName: '___.txt', base64: Buffer.from('Words without a title.').toString('base64') });
      expect(untitled.review.title).toBe('___.txt');

      const snapshot = async (): Promise<string[]> => {
        const names = (await readdir(dataDir, { recursive: true })).filter((name) => !name.endsWith('factmark.lock')).sort();
        const contents = await Promise.all(names.map((name) => readFile(join(dataDir, name)).then((data) => `${name}:${createHash('sha256').update(data).digest('hex')}`, () => name)));
        return contents;
      };
      const before = await snapshot();
      for (const [fileName, data] of [
        ['broken.docx', bytes.subarray(0, 100)],
        ['scan.pdf', await fixture('scan-no-text.pdf')],
        ['empty.md', Buffer.alloc(0)],
        ['photo.jpg', Buffer.from([0xff, 0xd8, 0xff])],
      ] as const) {
        await expect(services.handlers['review:import']({ fileName, base64: Buffer.from(data).toString('base64') })).rejects.toThrow(fileName);
      }
      expect(await snapshot()).toEqual(before);
    } finally {
      await services.close();
    }
  });

  it('stops an import that is cancelled while the file is read, adding nothing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-import-'));
    const services = await openFactmarkServices({ dataDir, mode: 'cli', renderPdf: async () => new Uint8Array() });
    try {
      const base64 = (await fixture('audit-report.pdf')).toString('base64');
      const importing = services.handlers['review:import']({ fileName: 'audit-report.pdf', base64, importId: 'import-1' });
      await services.handlers['review:cancelImport']({ importId: 'import-1' });
      await expect(importing).rejects.toThrow('was cancelled; nothing was added');
      expect(services.store.listReviews()).toEqual([]);
      expect(await readdir(join(dataDir, 'reviews'))).toEqual([]);
      const next = await services.handlers['review:import']({ fileName: 'audit-report.pdf', base64, importId: 'import-2' });
      expect(next.review.title).toBe('Audit of the city budget');
    } finally {
      await services.close();
    }
  });
});
