/**
 * Keeping a copy in the desktop app's own Chromium, against the Electron stand-in and the real
 * loopback evidence server: a hidden, sandboxed window without preload in a fresh partition,
 * every request of the page through the guarded network, files from what DevTools and
 * printToPDF return, and the window and partition gone after success, failure and cancel.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { CaptureNetwork } from '../services/evidence/capture-network';
import { CAPTURE_STEPS, captureEvidence, type CapturedPage } from '../services/evidence/capture-page';
import { ARTICLE_HEADLINE, ARTICLE_WORD, startEvidenceServer, type EvidenceServer } from '../services/evidence/evidence-server.fixture';
import { fetchFailure } from '../services/evidence/fetch-failure.fixture';
import { DEFAULT_FETCH_RULES, type FetchedResource, type FetchRules } from '../services/evidence/guarded-fetch';
import { archiveLocations } from '../services/evidence/mhtml-parts';
import { CAPTURE_PARTITION_PREFIX } from './capture-session';
import { openElectronCapturePage } from './capture-with-electron';
import { electronStandIn, STAND_IN_PNG, type StandInBrowserWindow, type StandInSession } from './test-support/electron-stand-in';
import { quitAndCleanUp, startInTempFolders } from './test-support/main-process-harness';

vi.mock('electron', async () => (await import('./test-support/electron-stand-in')).electronModule);

let server: EvidenceServer;
const loopbackRules = (more: Partial<FetchRules> = {}): FetchRules => ({
  ...DEFAULT_FETCH_RULES,
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 20_000,
  permitsAddress: (address) => address === '127.0.0.1',
  ...more,
});
const PARTITION = new RegExp(`^${CAPTURE_PARTITION_PREFIX}[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`);

beforeAll(async () => {
  server = await startEvidenceServer();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(() => electronStandIn.reset());

/** The capture window (the only one the stand-in made), and its session. */
function captureWindow(): { window: StandInBrowserWindow; session: StandInSession; partition: string } {
  const window = electronStandIn.appWindow();
  const partition = window.options.webPreferences?.partition;
  if (typeof partition !== 'string') throw new Error('the capture window names no partition');
  return { window, session: window.webContents.session, partition };
}

/** A page as the article's would behave: it asks for its stylesheet, photo and font, and its scripts answer as the article's DOM would. */
function behaveAsArticle(): void {
  electronStandIn.state.page = {
    onLoad: async (contents) => {
      for (const path of ['/style.css', '/photo.png', '/fixture-mono.woff2']) await contents.session.fetch(server.url(path));
    },
    evaluate: (code) => {
      const html = electronStandIn.appWindow().webContents.document;
      if (code.includes('scrollTo')) return 0;
      if (code.includes('outerHTML')) return html;
      if (code.includes('innerText')) return html.replace(/<[^>]+>/g, ' ');
      if (code.includes('scrollHeight')) return 1_400;
      if (code.includes('document.title')) return ARTICLE_HEADLINE;
      return undefined;
    },
  };
}

const fileOf = (page: CapturedPage, role: string) => {
  const file = page.files.find((candidate) => candidate.role === role);
  if (!file) throw new Error(`no ${role} file in the copy`);
  return file;
};

/** The top document as captureEvidence's own fetch would have left it, for driving the network directly. */
function fetchedDocument(url: string): FetchedResource {
  return { requestedUrl: url, finalUrl: url, redirects: [], status: 200, contentType: 'text/html', body: Buffer.from('<p>A page</p>'), retrievedAt: new Date().toISOString() };
}

describe('keeping a copy in a hidden Electron window', () => {
  test('loads the page in a hidden, sandboxed window without preload, in a partition of its own, and keeps what DevTools and printToPDF return', async () => {
    behaveAsArticle();
    const steps: string[] = [];
    const before = server.requests.length;
    const page = await captureEvidence(server.url('/article'), loopbackRules(), (step) => steps.push(step), openElectronCapturePage);

    const { window, session, partition } = captureWindow();
    expect(window.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false } });
    expect(window.options.webPreferences).not.toHaveProperty('preload');
    expect(window.options.webPreferences).not.toHaveProperty('session');
    expect(partition).toMatch(PARTITION);
    expect(session).not.toBe(electronStandIn.state.defaultSession);
    expect(window.visible).toBe(false);

    expect(steps).toEqual([...CAPTURE_STEPS]);
    expect(page).toMatchObject({ finalUrl: server.url('/article'), status: 200, title: ARTICLE_HEADLINE, loadedFully: true });
    expect(page.files.map((file) => [file.role, file.fileName, file.mediaType])).toEqual([
      ['archive', 'page.mhtml', 'multipart/related'],
      ['screenshot', 'screenshot.png', 'image/png'],
      ['print', 'page.pdf', 'application/pdf'],
      ['text', 'text.txt', 'text/plain; charset=utf-8'],
      ['web-archive', 'page.warc.gz', 'application/warc'],
    ]);
    const archive = fileOf(page, 'archive').bytes.toString('utf8');
    expect(archive).toContain(ARTICLE_HEADLINE);
    // Chromium's snapshot leaves fonts out; the font the page loaded through the guard is added.
    expect(archiveLocations(archive)).toEqual(new Set([server.url('/article'), server.url('/fixture-mono.woff2')]));
    expect(fileOf(page, 'screenshot').bytes.equals(STAND_IN_PNG)).toBe(true);
    expect(fileOf(page, 'print').bytes.toString('latin1')).toBe('%PDF-1.7 stand-in');
    expect(fileOf(page, 'text').bytes.toString('utf8')).toContain(ARTICLE_WORD);

    const { commands } = window.webContents.debugger;
    expect(window.webContents.debugger.version).toBe('1.3');
    expect(commands).toContainEqual({ method: 'Page.captureSnapshot', params: { format: 'mhtml' } });
    expect(commands).toContainEqual({
      method: 'Page.captureScreenshot',
      params: { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width: 1280, height: 900, scale: 1 } },
    });
    expect(window.webContents.printed).toEqual([{ pageSize: 'A4', printBackground: true }]);
    expect(window.webContents.scripts.some((script) => script.includes('scrollTo'))).toBe(true);

    // The document came from the guarded fetch's bytes; the page's own requests went through the guard.
    const asked = server.requests.slice(before);
    expect(asked.map((request) => request.path)).toEqual(['/article', '/style.css', '/photo.png', '/fixture-mono.woff2']);
    for (const request of asked) expect(request.headers['accept-encoding']).toBe('gzip, deflate, br');

    expect(window.destroyed).toBe(true);
    expect(window.webContents.debugger.detached).toBe(true);
    expect(session.handledSchemes).toEqual(['http', 'https']);
    expect(session.protocolHandlers.size).toBe(0);
    expect(session.storageCleared).toBe(1);
    expect(session.cacheCleared).toBe(1);
  });

  test('uses a fresh partition for every capture', async () => {
    behaveAsArticle();
    await captureEvidence(server.url('/article'), loopbackRules(), undefined, openElectronCapturePage);
    const first = captureWindow().partition;
    electronStandIn.reset();
    behaveAsArticle();
    await captureEvidence(server.url('/article'), loopbackRules(), undefined, openElectronCapturePage);
    const second = captureWindow().partition;
    expect(second).toMatch(PARTITION);
    expect(second).not.toBe(first);
  });

  test('cuts a very tall page’s screenshot at the limit', async () => {
    behaveAsArticle();
    electronStandIn.state.page.debuggerAnswer = (method) => (method === 'Page.getLayoutMetrics' ? { cssContentSize: { x: 0, y: 0, width: 1280, height: 31_000 } } : undefined);
    const evaluate = electronStandIn.state.page.evaluate;
    electronStandIn.state.page.evaluate = (code) => (code.includes('scrollHeight') && !code.includes('scrollTo') ? 31_000 : evaluate?.(code));
    const page = await captureEvidence(server.url('/article'), loopbackRules(), undefined, openElectronCapturePage);
    expect(captureWindow().window.webContents.debugger.commands).toContainEqual(
      expect.objectContaining({ method: 'Page.captureScreenshot', params: expect.objectContaining({ clip: { x: 0, y: 0, width: 1280, height: 20_000, scale: 1 } }) }),
    );
    expect(page.notes?.some((note) => note.includes('shows its first 20000'))).toBe(true);
  });

  test('answers every request of the page through the guarded network: a private address is refused unless allowed, a redirect to one too', async () => {
    const document = fetchedDocument(server.url('/article'));
    const refusing = new CaptureNetwork({ ...DEFAULT_FETCH_RULES, timeoutMs: 5_000 }, document);
    const driver = await openElectronCapturePage(refusing);
    const { session } = captureWindow();
    expect((await session.fetch(server.url('/photo.png'))).type).toBe('error');
    expect(refusing.refused).toEqual([expect.objectContaining({ url: server.url('/photo.png'), code: 'private-address' })]);
    await driver.close();

    electronStandIn.reset();
    const loopbackOnly = new CaptureNetwork(loopbackRules(), document);
    const second = await openElectronCapturePage(loopbackOnly);
    const served = await captureWindow().session.fetch(server.url('/photo.png'));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect((await served.arrayBuffer()).byteLength).toBeGreaterThan(100);
    expect((await captureWindow().session.fetch(server.url('/to-private'))).type).toBe('error');
    expect(loopbackOnly.refused).toEqual([expect.objectContaining({ url: server.url('/to-private'), code: 'private-address' })]);
    await second.close();

    electronStandIn.reset();
    const allowing = new CaptureNetwork({ ...DEFAULT_FETCH_RULES, timeoutMs: 5_000, allowPrivateAddresses: true }, document);
    const third = await openElectronCapturePage(allowing);
    expect((await captureWindow().session.fetch(server.url('/photo.png'))).status).toBe(200);
    expect(allowing.refused).toEqual([]);
    await third.close();
    expect(captureWindow().session.protocolHandlers.size).toBe(0);
  });

  test('refuses other schemes, permissions, downloads, pop-ups and navigation away from the web', async () => {
    const driver = await openElectronCapturePage(new CaptureNetwork(loopbackRules(), fetchedDocument(server.url('/article'))));
    const { window, session } = captureWindow();
    for (const url of ['ws://127.0.0.1/socket', 'wss://example.com/', 'file:///etc/passwd', 'app://factmark/index.html', 'chrome://settings']) expect(session.wouldLoad(url), url).toBe(false);
    for (const url of ['https://example.com/', 'http://example.com/a.png', 'data:image/png;base64,AA==', 'about:blank']) expect(session.wouldLoad(url), url).toBe(true);
    expect(session.requestPermission('geolocation')).toBe(false);
    expect(session.requestPermission('media')).toBe(false);
    expect(session.permissionCheckHandler?.({}, 'notifications')).toBe(false);
    expect(session.wouldDownload('https://example.com/file.zip')).toBe(false);
    expect(session.proxy).toMatchObject({ mode: 'fixed_servers', proxyRules: 'http://factmark-no-network.invalid:9' });
    const contents = window.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.wouldFollow('will-navigate', 'file:///etc/passwd')).toBe(false);
    expect(contents.wouldFollow('will-redirect', 'app://factmark/index.html')).toBe(false);
    expect(contents.wouldFollow('will-navigate', 'https://example.com/next')).toBe(true);
    expect(contents.wouldAttachWebview()).toBe(false);
    expect(contents.webRTCIPHandlingPolicy).toBe('disable_non_proxied_udp');
    await driver.close();
  });

  test('destroys the window and wipes the partition when the capture fails', async () => {
    behaveAsArticle();
    electronStandIn.state.page.debuggerAnswer = (method) => (method === 'Page.captureSnapshot' ? new Error('Target crashed') : undefined);
    const error = await fetchFailure(captureEvidence(server.url('/article'), loopbackRules(), undefined, openElectronCapturePage), 'the capture');
    expect(error.code).toBe('bad-response');
    expect(error.message).toContain('Electron could not keep the page (Target crashed)');
    const { window, session } = captureWindow();
    expect(window.destroyed).toBe(true);
    expect(session.protocolHandlers.size).toBe(0);
    expect(session.storageCleared).toBe(1);
  });

  test('destroys the window and wipes the partition when the reviewer cancels', async () => {
    const cancel = new AbortController();
    let finishLoading = () => undefined as void;
    electronStandIn.state.page = {
      // The page is still loading when the reviewer cancels.
      onLoad: () =>
        new Promise<void>((resolve) => {
          finishLoading = resolve;
          cancel.abort();
        }),
    };
    const error = await fetchFailure(captureEvidence(server.url('/article'), loopbackRules({ signal: cancel.signal }), undefined, openElectronCapturePage), 'the capture');
    expect(error.code).toBe('cancelled');
    const { window, session } = captureWindow();
    expect(window.destroyed).toBe(true);
    expect(session.protocolHandlers.size).toBe(0);
    expect(session.storageCleared).toBe(1);
    finishLoading();
  });
});

describe('the desktop app', () => {
  afterEach(quitAndCleanUp);

  test('keeps a copy of an evidence link in a hidden window of its own, not in Debian’s Chromium', async () => {
    behaveAsArticle();
    await startInTempFolders();
    const appFrame = electronStandIn.appWindow().webContents.mainFrame;
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const answer = (await electronStandIn.invoke(channel, appFrame, input)) as { ok: boolean; value?: T; error?: unknown };
      if (!answer.ok) throw new Error(`${channel} failed: ${JSON.stringify(answer.error)}`);
      return answer.value as T;
    };
    const { review } = await call<{ review: { id: string } }>('review:create', {
      title: 'Harbour',
      sourceUrl: '',
      origin: { kind: 'paste' },
      article: { format: 'text', body: 'The council said dredging cost what it estimated.' },
    });
    const claim = {
      quote: 'dredging cost what it estimated',
      summary: '',
      rationale: '',
      claimant: '',
      claimDate: '',
      appearanceUrl: '',
      evidenceUrls: [server.url('/article')],
      status: 'to-check',
      tags: [],
    };
    const { claimIds } = await call<{ claimIds: string[] }>('review:annotate', { id: review.id, claims: [claim] });
    const stored = await call<{ claims: { id: string; evidence: { id: string }[] }[] }>('review:get', { id: review.id });
    const evidenceId = stored.claims[0]?.evidence[0]?.id;
    // The loopback server is a private address: the reviewer allows it for this keep, as Preferences can.
    const kept = await call<{ evidence: { copy?: { kind: string; title: string; files: { role: string }[] } } }>('evidence:keep', {
      reviewId: review.id,
      claimId: claimIds[0],
      evidenceId,
      allowPrivateAddresses: true,
    });
    expect(kept.evidence.copy).toMatchObject({ kind: 'page', title: ARTICLE_HEADLINE });
    expect(kept.evidence.copy?.files.map((file) => file.role)).toEqual(expect.arrayContaining(['archive', 'screenshot', 'print', 'text']));
    const [appWindow, ...others] = electronStandIn.state.windows;
    expect(appWindow?.options.webPreferences).toHaveProperty('preload');
    expect(others).toHaveLength(1);
    expect(others[0]?.options.webPreferences?.partition).toMatch(PARTITION);
    expect(others[0]?.options.webPreferences).not.toHaveProperty('preload');
    expect(others[0]?.destroyed).toBe(true);
  });
});
