/**
 * Keeping copies of pages from a real loopback server with Debian's Chromium: the archive holds
 * the page as its script left it with its image, CSS and font; the screenshot, print and text are
 * real; files are kept as they are; every request of the page goes through the guarded fetch.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../export/chromium-path';
import { CAPTURE_STEPS, captureEvidence, MAX_SCREENSHOT_HEIGHT, type CapturedPage } from './capture-page';
import {
  ARTICLE_HEADLINE,
  ARTICLE_WORD,
  FIXTURE_FONT_FAMILY,
  LAZY_NATIVE_IMAGE,
  LAZY_SCRIPTED_IMAGE,
  SCRIPT_REWRITE,
  startBystander,
  startEvidenceServer,
  type EvidenceServer,
} from './evidence-server.fixture';
import { DEFAULT_FETCH_RULES, EvidenceFetchError, type FetchRules } from './guarded-fetch';
import { archiveLocations } from './mhtml-parts';
import { fetchFailure } from './fetch-failure.fixture';

let server: EvidenceServer;
const rules = (more: Partial<FetchRules> = {}): FetchRules => ({ ...DEFAULT_FETCH_RULES, maxBytes: 5 * 1024 * 1024, timeoutMs: 20_000, permitsAddress: (address) => address === '127.0.0.1', ...more });

const fileOf = (page: CapturedPage, role: string) => {
  const file = page.files.find((candidate) => candidate.role === role);
  if (!file) throw new Error(`no ${role} file in the copy`);
  return file;
};

/** The text of an MHTML archive with quoted-printable soft breaks and escapes undone. */
const decodedArchive = (bytes: Buffer): string =>
  Buffer.from(
    bytes
      .toString('latin1')
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

/** Width and height from a PNG's IHDR chunk, after checking its signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const failure = (work: Promise<unknown>): Promise<EvidenceFetchError> => fetchFailure(work, 'the capture');

beforeAll(async () => {
  server = await startEvidenceServer();
});
afterAll(async () => {
  await server.stop();
});

describe.skipIf(!findChromium())('captureEvidence', () => {
  it('keeps an article reached through redirects as archive, screenshot, print and text', async () => {
    const steps: string[] = [];
    const page = await captureEvidence(server.url('/redirect/3'), rules(), (step) => steps.push(step));
    expect(page).toMatchObject({
      requestedUrl: server.url('/redirect/3'),
      finalUrl: server.url('/article'),
      status: 200,
      contentType: 'text/html; charset=utf-8',
      title: ARTICLE_HEADLINE,
      loadedFully: true,
    });
    expect(page.files.map((file) => [file.role, file.fileName, file.mediaType])).toEqual([
      ['archive', 'page.mhtml', 'multipart/related'],
      ['screenshot', 'screenshot.png', 'image/png'],
      ['print', 'page.pdf', 'application/pdf'],
      ['text', 'text.txt', 'text/plain; charset=utf-8'],
      ['web-archive', 'page.warc.gz', 'application/warc'],
    ]);
    expect(steps).toEqual([...CAPTURE_STEPS]);

    const archive = fileOf(page, 'archive').bytes;
    const locations = archiveLocations(archive.toString('latin1'));
    for (const path of ['/article', '/photo.png', '/style.css', '/fixture-mono.woff2']) expect(locations, path).toContain(server.url(path));
    const html = decodedArchive(archive);
    expect(html).toContain(SCRIPT_REWRITE);
    expect(html).toContain(FIXTURE_FONT_FAMILY);

    expect(pngSize(fileOf(page, 'screenshot').bytes).width).toBe(1280);
    expect(fileOf(page, 'print').bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = fileOf(page, 'text').bytes.toString('utf8');
    expect(text.startsWith(ARTICLE_HEADLINE)).toBe(true);
    expect(text).toContain(ARTICLE_WORD);
    expect(text).toContain(SCRIPT_REWRITE);
    expect(text).not.toContain('Loading the latest figures');
  });

  it('keeps an archive that opens offline with its image, CSS and font', async () => {
    const page = await captureEvidence(server.url('/article'), rules());
    const folder = await mkdtemp(join(tmpdir(), 'factmark-archive-'));
    const file = join(folder, 'page.mhtml');
    await writeFile(file, fileOf(page, 'archive').bytes);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: findChromium() });
    try {
      const viewer = await browser.newPage();
      const asked: string[] = [];
      await viewer.route(/^https?:/, (route) => {
        asked.push(route.request().url());
        return route.abort();
      });
      await viewer.goto(pathToFileURL(file).href);
      const shown = String(
        await viewer.evaluate(
          "document.fonts.ready.then(() => [...document.fonts].map((font) => font.family.replace(/[\"']/g, '') + ':' + font.status).join() + '|' + getComputedStyle(document.body).backgroundColor + '|' + document.images[0].naturalWidth)",
        ),
      );
      expect(shown).toBe(`${FIXTURE_FONT_FAMILY}:loaded|rgb(253, 250, 243)|240`);
      expect(asked).toEqual([]);
    } finally {
      await browser.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('asks the site for the page once and fetches every resource through the guard', async () => {
    const before = server.requests.length;
    await captureEvidence(server.url('/article'), rules());
    const paths = server.requests.slice(before).map((request) => request.path);
    expect(paths.filter((path) => path === '/article')).toHaveLength(1);
    expect(paths).toEqual(expect.arrayContaining(['/style.css', '/photo.png', '/fixture-mono.woff2', '/rewrite.js']));
    // The guard names itself; Chromium's own network stack would have sent its full set of headers.
    for (const request of server.requests.slice(before)) expect(request.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('scrolls images that load only when scrolled to into view, so the archive holds them', async () => {
    const before = server.requests.length;
    const page = await captureEvidence(server.url('/lazy-images'), rules());
    const paths = server.requests.slice(before).map((request) => request.path);
    const locations = archiveLocations(fileOf(page, 'archive').bytes.toString('latin1'));
    for (const path of [LAZY_NATIVE_IMAGE, LAZY_SCRIPTED_IMAGE]) {
      expect(paths, path).toContain(path);
      expect(locations, path).toContain(server.url(path));
    }
  });

  it('keeps a PDF as it is', async () => {
    const page = await captureEvidence(server.url('/report.pdf'), rules());
    expect(page.files).toHaveLength(1);
    const [original] = page.files;
    expect(original).toMatchObject({ role: 'original', fileName: 'report.pdf', mediaType: 'application/pdf' });
    expect(original?.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(page.title).toBe('report.pdf');
  });

  it('keeps an image as it is', async () => {
    const page = await captureEvidence(server.url('/photo.png'), rules());
    expect(page.files.map((file) => [file.role, file.fileName, file.mediaType])).toEqual([['original', 'photo.png', 'image/png']]);
    expect(pngSize(fileOf(page, 'original').bytes)).toEqual({ width: 240, height: 120 });
  });

  it('refuses a 404 with the status in the message', async () => {
    const error = await failure(captureEvidence(server.url('/missing'), rules()));
    expect(error.code).toBe('bad-response');
    expect(error.message).toContain('HTTP status 404');
    expect(error.message).toContain('Nothing was kept.');
  });

  it('refuses a page whose document never finishes, at the time limit', async () => {
    const error = await failure(captureEvidence(server.url('/never-finishes'), rules({ timeoutMs: 2_000 })));
    expect(error.code).toBe('timeout');
  });

  it('keeps what had loaded when an image never finishes, and says so', async () => {
    const page = await captureEvidence(server.url('/stalled-image-page'), rules({ timeoutMs: 4_000 }));
    expect(page.loadedFully).toBe(false);
    expect(page.notes).toContain('The page was still loading when the time limit came; the copy shows it as it stood then.');
    expect(fileOf(page, 'text').bytes.toString('utf8')).toContain(ARTICLE_WORD);
  });

  it('refuses private addresses and live connections inside a page, and keeps the rest', async () => {
    const page = await captureEvidence(server.url('/private-subresources'), rules());
    expect(page.refusedRequests?.map((request) => [request.url, request.code])).toEqual(
      expect.arrayContaining([
        ['http://10.0.0.5/tracker.png', 'private-address'],
        ['http://169.254.169.254/latest/meta-data/', 'private-address'],
      ]),
    );
    expect(page.notes).toContain('2 requests of the page pointed at private network addresses and were left out of the copy.');
    expect(archiveLocations(fileOf(page, 'archive').bytes.toString('latin1'))).toContain(server.url('/photo.png'));
    expect(server.webSocketAttempts()).toBe(0);
  });

  it('leaves out a resource that would pass the size limit of the whole page', async () => {
    const page = await captureEvidence(server.url('/huge-image-page'), rules());
    expect(page.refusedRequests).toContainEqual(expect.objectContaining({ url: server.url('/huge'), code: 'too-large' }));
    expect(archiveLocations(fileOf(page, 'archive').bytes.toString('latin1'))).toContain(server.url('/photo.png'));
  });

  it('lets nothing reach the network around the guard: preconnect, prefetch, WebRTC, beacons', async () => {
    const bystander = await startBystander();
    if (!bystander) return;
    try {
      const page = await captureEvidence(server.url(`/leaky-page?to=${bystander.hostPort}`), rules());
      expect(page.refusedRequests?.map((request) => request.code)).toContain('private-address');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(bystander.connections()).toBe(0);
    } finally {
      await bystander.stop();
    }
  });

  it('sends back no cookie the page set', async () => {
    const before = server.requests.length;
    await captureEvidence(server.url('/with-cookie'), rules());
    const later = server.requests.slice(before);
    expect(later.map((request) => request.path)).toContain('/photo.png');
    expect(later.filter((request) => request.headers.cookie !== undefined)).toEqual([]);
  });

  it('cuts the screenshot of a very tall page and says so', async () => {
    const page = await captureEvidence(server.url('/tall-page'), rules());
    expect(pngSize(fileOf(page, 'screenshot').bytes)).toEqual({ width: 1280, height: MAX_SCREENSHOT_HEIGHT });
    expect(page.notes?.some((note) => note.includes(`shows its first ${MAX_SCREENSHOT_HEIGHT}`))).toBe(true);
  });

  it('closes the browser and reports the cancel when the reviewer cancels', async () => {
    const cancel = new AbortController();
    const capturing = captureEvidence(server.url('/stalled-image-page'), rules({ timeoutMs: 60_000, signal: cancel.signal }), (step) => {
      if (step === 'Loading the page') setTimeout(() => cancel.abort(), 300);
    });
    const error = await failure(capturing);
    expect(error.code).toBe('cancelled');
    expect(error.message).toMatch(/was cancelled\. Nothing was kept\./);
  });
});
