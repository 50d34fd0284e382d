/** PDFs are read in a worker thread: the process that saves never loads pdf.js, whatever the PDF. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonStringifyIsNative } from '../../bench/native-json';
import { readArticleText } from '../../../shared/article/claim-spans';
import { openFactmarkServices } from '../factmark-services';
import { articleFromPdfInWorker } from './pdf-article-in-worker';

const fixture = (name: string): Promise<Buffer> => readFile(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));

async function openLibrary() {
  const dataDir = await mkdtemp(join(tmpdir(), 'factmark-pdf-worker-'));
  return openFactmarkServices({ dataDir, mode: 'browser', renderPdf: async () => new Uint8Array() });
}

describe('reading a PDF in a worker thread', () => {
  it('imports a PDF through the services and leaves JSON.stringify the engine’s own in this process', async () => {
    const services = await openLibrary();
    try {
      expect(jsonStringifyIsNative()).toBe(true);
      const bytes = await fixture('audit-report.pdf');
      const { review } = await services.handlers['review:import']({ fileName: 'audit-report.pdf', base64: bytes.toString('base64') });
      expect(review.title).toBe('Audit of the city budget');
      const stored = await services.handlers['review:get']({ id: review.id });
      expect(readArticleText(stored.doc).text).toContain('a great deal on information technology without any tender.');
      expect(jsonStringifyIsNative()).toBe(true);
    } finally {
      await services.close();
    }
  });

  it('refuses a damaged PDF with its name and the problem, and adds nothing', async () => {
    const services = await openLibrary();
    try {
      const whole = await fixture('audit-report.pdf');
      const damaged = whole.subarray(0, Math.floor(whole.length / 2));
      await expect(services.handlers['review:import']({ fileName: 'cut.pdf', base64: damaged.toString('base64') })).rejects.toThrow(
        /^cut\.pdf is not a readable PDF file \(Invalid PDF structure\.\)\.$/,
      );
      expect(await services.handlers['review:list']({})).toEqual([]);
      expect(jsonStringifyIsNative()).toBe(true);
    } finally {
      await services.close();
    }
  });

  it('stops reading a PDF that takes longer than its time limit, saying so, and reads the next one', async () => {
    const bytes = await fixture('audit-report.pdf');
    await expect(articleFromPdfInWorker(bytes, 'slow.pdf', { timeLimitMs: 1 })).rejects.toThrow(
      /^slow\.pdf took longer than 1 second to read, so Factmark stopped reading it\. .* Nothing was added\.$/,
    );
    await expect(articleFromPdfInWorker(bytes, 'next.pdf')).resolves.toMatchObject({ title: 'Audit of the city budget', pageCount: 7 });
  });

  it('leaves the caller its bytes: the worker is sent a copy', async () => {
    const bytes = await fixture('news-key-facts.pdf');
    const length = bytes.byteLength;
    const article = await articleFromPdfInWorker(bytes, 'facts.pdf');
    expect(article.html).toContain('<h1>');
    expect(bytes.byteLength).toBe(length);
    expect(bytes.equals(await fixture('news-key-facts.pdf'))).toBe(true);
  });

  it('reads several PDFs at once, each answered with its own article', async () => {
    const names = ['audit-report.pdf', 'news-key-facts.pdf', 'news-water-prices-ar.pdf'];
    const articles = await Promise.all(names.map(async (name) => articleFromPdfInWorker(await fixture(name), name)));
    const alone = [];
    for (const name of names) alone.push(await articleFromPdfInWorker(await fixture(name), name));
    expect(articles.map((article) => article.title)).toEqual(alone.map((article) => article.title));
    expect(new Set(articles.map((article) => article.title)).size).toBe(3);
  });
});
