/** The small pieces of a kept copy: parts added to an archive, the readable text, the kept file's name, its hash. */
import { describe, expect, it } from 'vitest';
import { archiveLocations, withArchiveParts } from './mhtml-parts';
import { originalFileName } from './original-file-name';
import { plainTextOfHtml, readableTextOfPage } from './readable-text';
import { sha256Hex } from './sha256';

const BOUNDARY = '----MultipartBoundary--abc----';
const ARCHIVE = [
  'From: <Saved by Blink>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related;',
  '\ttype="text/html";',
  `\tboundary="${BOUNDARY}"`,
  '',
  '',
  `--${BOUNDARY}`,
  'Content-Type: text/html',
  'Content-Location: https://example.org/page',
  '',
  '<p>Hello</p>',
  `--${BOUNDARY}--`,
  '',
].join('\r\n');

describe('withArchiveParts', () => {
  it('adds a missing resource once, as base64 before the closing boundary', () => {
    const font = Buffer.from('wOF2 font bytes');
    const part = { url: 'https://example.org/font.woff2', mediaType: 'font/woff2', body: font };
    const archive = withArchiveParts(ARCHIVE, [part, part]);
    expect([...archiveLocations(archive)]).toEqual(['https://example.org/page', 'https://example.org/font.woff2']);
    expect(archive.split(`--${BOUNDARY}\r\n`)).toHaveLength(3);
    expect(archive.endsWith(`--${BOUNDARY}--\r\n`)).toBe(true);
    expect(archive).toContain(`Content-Location: https://example.org/font.woff2\r\n\r\n${font.toString('base64')}\r\n`);
  });

  it('leaves the archive as it is when the resource is there already or its headers would break lines', () => {
    expect(withArchiveParts(ARCHIVE, [{ url: 'https://example.org/page', mediaType: 'text/html', body: Buffer.from('x') }])).toBe(ARCHIVE);
    expect(withArchiveParts(ARCHIVE, [{ url: 'https://example.org/a\r\nContent-Type: text/html', mediaType: 'font/woff2', body: Buffer.from('x') }])).toBe(ARCHIVE);
    expect(withArchiveParts('not an archive', [{ url: 'https://example.org/f', mediaType: 'font/woff2', body: Buffer.from('x') }])).toBe('not an archive');
  });
});

describe('readable text', () => {
  it('keeps paragraphs apart and folds spaces inside them', () => {
    expect(plainTextOfHtml('<h1>Title</h1><p>One  \n two</p><ul><li>three</li><li>four<br>five</li></ul><script>ignored()</script>')).toBe('Title\n\nOne two\n\nthree\n\nfour\nfive');
  });

  it('falls back to the visible text when a page has no article', () => {
    expect(readableTextOfPage('<html><body><div id="app"></div></body></html>', 'https://example.org/', 'Home\n\n\n  Search  ')).toEqual({ title: '', text: 'Home\n\nSearch' });
  });

  it('prefers what the page shows when Readability keeps only a scrap of it', () => {
    const shown = Array.from({ length: 40 }, (_, index) => `Reply number ${index} to the post about harbour dredging.`).join('\n\n');
    const read = readableTextOfPage('<html><head><title>Post</title></head><body><nav>Home</nav><main><p>Short post.</p></main></body></html>', 'https://example.org/post', shown);
    expect(read.text).toBe(shown);
  });
});

describe('originalFileName', () => {
  it.each([
    ['https://example.org/files/report.pdf', 'application/pdf', 'report.pdf'],
    ['https://example.org/files/report', 'application/pdf', 'report.pdf'],
    ['https://example.org/', 'image/png', 'original.png'],
    ['https://example.org/a%2F..%2Fsecret.png', 'image/png', 'a_.._secret.png'],
    ['https://example.org/..hidden', 'application/octet-stream', 'hidden'],
    ['https://example.org/%E0%A4%A', 'application/pdf', 'original.pdf'],
  ])('names %s (%s) %s', (url, mediaType, name) => {
    expect(originalFileName(url, mediaType)).toBe(name);
  });
});

describe('sha256Hex', () => {
  it('gives the standard digest in lower-case hex', () => {
    expect(sha256Hex(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
