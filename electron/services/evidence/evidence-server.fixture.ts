/**
 * A loopback web server for evidence tests (unit and e2e): an article with an image, CSS, a web
 * font and a script that rewrites it; redirects, a PDF, an image, a 404, pages that never finish,
 * a 200 MB body, a redirect loop, redirects to private addresses, compressed bodies, a page taller than
 * any screenshot, a page whose image is too large and one whose images load only when scrolled to. It logs
 * every request so tests can check what reached the network.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, crc32, createGzip, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';

/** Words of the article page, for tests that read the kept text. */
export const ARTICLE_HEADLINE = 'Harbour dredging cost three times the council’s estimate';
/** A sentence only the page's own script writes into it, to prove a capture ran the page's scripts. */
export const SCRIPT_REWRITE = 'Updated by the page script: figures checked against the tender register.';
/** A word the article's body contains (before any script runs). */
export const ARTICLE_WORD = 'sediment';
/** The size of /huge: 200 MB, streamed, never held in memory. */
export const HUGE_BYTES = 200 * 1024 * 1024;
/** The web font's family name inside the fixture (a Latin subset of Noto Sans Mono, OFL). */
export const FIXTURE_FONT_FAMILY = 'Factmark Fixture Mono';

/** Addresses of /lazy-images' two images: one `loading="lazy"`, one set by an IntersectionObserver. */
export const LAZY_NATIVE_IMAGE = '/lazy-native.png';
export const LAZY_SCRIPTED_IMAGE = '/lazy-scripted.png';

const FONT_FILE = new URL('../../../resources/test-fixtures/evidence/fixture-mono.woff2', import.meta.url);

/** One request as the server saw it. */
export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

/** A running evidence server on 127.0.0.1. */
export interface EvidenceServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  port: number;
  /** The absolute address of `path` on this server. */
  url(path: string): string;
  /** Every request received so far, in order. */
  requests: LoggedRequest[];
  /** How many bytes of /huge bodies were written before the client stopped reading. */
  hugeBytesSent(): number;
  /** How many WebSocket upgrades were attempted (a capture must make none). */
  webSocketAttempts(): number;
  /** Stops listening and drops every open connection (including the never-ending ones). */
  stop(): Promise<void>;
}

/** A solid-colour PNG of `width`×`height`, made here so the fixture needs no binary file. */
export function makePng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, index) => rgb[index % 3] ?? 0)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

/** A one-page PDF saying `text`, with a correct cross-reference table. */
export function makePdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const PARAGRAPHS = [
  'The council told residents in March that dredging the harbour mouth would cost about 2 million euros. Invoices released under the freedom of information law show the final bill was 6.3 million euros.',
  `Most of the difference came from ${ARTICLE_WORD} that turned out to be contaminated with heavy metals, which had to be shipped to a licensed landfill instead of being dumped at sea.`,
  'The harbour master said the survey that would have found the contamination was cut from the budget in 2021 to save 40,000 euros. The council disputes that account and says the survey was postponed, not cut.',
  'Fishermen who depend on the harbour mouth say the channel silted up again within eight months, and that a second round of dredging is already being planned for next spring.',
];

function articlePage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${ARTICLE_HEADLINE}</title>
<link rel="stylesheet" href="/style.css">
<meta property="og:site_name" content="The Harbour Gazette"></head>
<body><header class="masthead">The Harbour Gazette</header>
<article><h1 id="headline">${ARTICLE_HEADLINE}</h1>
<p class="byline">By a staff reporter</p>
<img src="/photo.png" alt="The harbour mouth at low tide" width="240" height="120">
${PARAGRAPHS.map((text) => `<p>${text}</p>`).join('\n')}
<p id="status">Loading the latest figures…</p>
</article>
<script src="/rewrite.js"></script>
</body></html>`;
}

const STYLE = `@font-face { font-family: '${FIXTURE_FONT_FAMILY}'; src: url('/fixture-mono.woff2') format('woff2'); }
body { font-family: '${FIXTURE_FONT_FAMILY}', monospace; margin: 2rem auto; max-width: 46rem; color: #1d2733; background: #fdfaf3; }
.masthead { font-size: 1.4rem; border-bottom: 3px double #1d2733; padding-bottom: .5rem; }
h1 { font-size: 2rem; }`;

/** The page's own script: replaces a placeholder after load, as news sites fill in live figures. */
const REWRITE_SCRIPT = `document.getElementById('status').textContent = ${JSON.stringify(SCRIPT_REWRITE)};
document.body.setAttribute('data-rewritten', 'yes');`;

function html(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function redirect(response: ServerResponse, location: string, status = 302): void {
  response.writeHead(status, { location, 'content-length': 0 });
  response.end();
}

/** Starts the server on a random loopback port. */
export async function startEvidenceServer(): Promise<EvidenceServer> {
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  let hugeBytes = 0;
  let webSockets = 0;
  const photo = makePng(240, 120, [46, 111, 149]);
  const pdf = makePdf('Audit of the harbour accounts, 2024');
  const font = readFileSync(FONT_FILE);

  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    requests.push({ method: request.method ?? 'GET', path, headers: request.headers });
    const send = (type: string, body: Buffer | string, extra: Record<string, string> = {}) => {
      response.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
      response.end(body);
    };
    const hop = Number(/^\/redirect\/(\d+)$/.exec(path)?.[1] ?? 0);
    if (hop) return redirect(response, hop > 1 ? `/redirect/${hop - 1}` : '/article', 301);
    switch (path) {
      case '/article':
        return html(response, 200, articlePage());
      case '/style.css':
        return send('text/css', STYLE);
      case '/photo.png':
        return send('image/png', photo);
      case '/fixture-mono.woff2':
        return send('font/woff2', font);
      case '/rewrite.js':
        return send('text/javascript', REWRITE_SCRIPT);
      case '/report.pdf':
        return send('application/pdf', pdf);
      case '/with-cookie':
        // A cookie from the server and one from the page's script: neither may be sent back.
        return send(
          'text/html; charset=utf-8',
          `<!doctype html><title>Cookie</title><script>document.cookie = 'tracker=from-script; path=/';</script><p>${PARAGRAPHS.join(' ')}</p><img src="/photo.png?again">`,
          {
            'set-cookie': 'session=secret; Path=/',
          },
        );
      case '/huge-image-page':
        return html(
          response,
          200,
          `<!doctype html><html lang="en"><title>A page with a huge image</title><body><h1>${ARTICLE_HEADLINE}</h1>${PARAGRAPHS.map((text) => `<p>${text}</p>`).join('')}<img src="/huge"><img src="/photo.png"></body></html>`,
        );
      case '/lazy-images':
        // Images far below the fold that load only once scrolled to: one the browser defers
        // (loading="lazy"), one the page's script fills in when it comes into view.
        return html(
          response,
          200,
          `<!doctype html><html lang="en"><title>A page with lazy images</title><body><h1>${ARTICLE_HEADLINE}</h1>${PARAGRAPHS.map((text) => `<p>${text}</p>`).join('')}
<div style="height: 9000px"></div><img src="${LAZY_NATIVE_IMAGE}" loading="lazy" width="240" height="120" alt="Deferred by the browser">
<div style="height: 3000px"></div><img data-src="${LAZY_SCRIPTED_IMAGE}" class="scripted" width="240" height="120" alt="Filled in by the page's script">
<p>The end of the page.</p>
<script>const watcher = new IntersectionObserver((entries) => { for (const entry of entries) if (entry.isIntersecting) { entry.target.src = entry.target.dataset.src; watcher.unobserve(entry.target); } });
document.querySelectorAll('img.scripted').forEach((image) => watcher.observe(image));</script></body></html>`,
        );
      case LAZY_NATIVE_IMAGE:
      case LAZY_SCRIPTED_IMAGE:
        return send('image/png', photo);
      case '/tall-page':
        return html(
          response,
          200,
          `<!doctype html><html lang="en"><title>A very tall page</title><body><h1>${ARTICLE_HEADLINE}</h1>${PARAGRAPHS.map((text) => `<p>${text}</p>`).join('')}<div style="height: 30000px; background: linear-gradient(#fff, #2e6f95)"></div><p>The end of a very tall page.</p></body></html>`,
        );
      case '/gzip':
        return send('text/html; charset=utf-8', gzipSync(articlePage()), { 'content-encoding': 'gzip' });
      case '/br':
        return send('text/html; charset=utf-8', brotliCompressSync(articlePage()), { 'content-encoding': 'br' });
      case '/deflate':
        return send('text/html; charset=utf-8', deflateSync(articlePage()), { 'content-encoding': 'deflate' });
      case '/deflate-raw':
        return send('text/html; charset=utf-8', deflateRawSync(articlePage()), { 'content-encoding': 'deflate' });
      case '/gzip-bomb': {
        // 64 MB of zeros compress to about 64 KB: the limit must count what the body decodes to.
        response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        const gzip = createGzip();
        gzip.pipe(response);
        let left = 64;
        const more = () => {
          while (left > 0 && !response.destroyed) {
            left -= 1;
            if (!gzip.write(Buffer.alloc(1024 * 1024))) return void gzip.once('drain', more);
          }
          gzip.end();
        };
        response.on('close', () => gzip.destroy());
        return more();
      }
      case '/missing':
        return html(response, 404, '<!doctype html><title>Not found</title><h1>This page is gone</h1>');
      case '/never-finishes':
        // Headers and the start of a page, then silence until the server stops.
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void response.write('<!doctype html><title>Never finishes</title><p>The start of a page that never ends');
      case '/never-image.png':
        response.writeHead(200, { 'content-type': 'image/png' });
        return void response.write(photo.subarray(0, 40));
      case '/stalled-image-page':
        return html(
          response,
          200,
          `<!doctype html><html lang="en"><title>A page still loading</title><body><h1>${ARTICLE_HEADLINE}</h1>${PARAGRAPHS.map((text) => `<p>${text}</p>`).join('')}<img src="/never-image.png" width="50" height="50"></body></html>`,
        );
      case '/huge': {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        const block = Buffer.alloc(64 * 1024, 0x61);
        const pump = () => {
          while (hugeBytes < HUGE_BYTES && !response.destroyed) {
            hugeBytes += block.length;
            if (!response.write(block)) return void response.once('drain', pump);
          }
          response.end();
        };
        return pump();
      }
      case '/drops-midway':
        // As if the network went away during the download: part of the body, then the connection is cut.
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': 100_000 });
        response.write(articlePage());
        return void setTimeout(() => response.socket?.destroy(), 50);
      case '/huge-declared':
        // Announces 200 MB up front: the fetch should refuse before reading anything.
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': HUGE_BYTES });
        return void response.write(Buffer.alloc(1024));
      case '/loop/a':
        return redirect(response, '/loop/b');
      case '/loop/b':
        return redirect(response, '/loop/a');
      case '/endless-redirects':
        return redirect(response, `/endless-redirects?n=${requests.length}`);
      case '/to-private':
        return redirect(response, 'http://10.0.0.5/');
      case '/to-metadata':
        return redirect(response, 'http://169.254.169.254/latest/meta-data/');
      case '/to-file':
        return redirect(response, 'file:///etc/passwd');
      case '/private-subresources':
        return html(
          response,
          200,
          `<!doctype html><html lang="en"><title>Private subresources</title><body><h1>${ARTICLE_HEADLINE}</h1>${PARAGRAPHS.map((text) => `<p>${text}</p>`).join('')}
<img src="http://10.0.0.5/tracker.png"><img src="http://169.254.169.254/latest/meta-data/"><img src="/photo.png">
<script>try { new WebSocket('ws://127.0.0.1:${(server.address() as AddressInfo).port}/socket'); } catch (error) { }</script></body></html>`,
        );
      case '/leaky-page': {
        // Every way a page can reach a host without an ordinary request: a capture must let none through.
        const target = new URL(request.url ?? '/', 'http://x').searchParams.get('to') ?? '';
        return html(
          response,
          200,
          `<!doctype html><html lang="en"><title>Leaky page</title>
<link rel="preconnect" href="http://${target}"><link rel="dns-prefetch" href="http://${target}"><link rel="prefetch" href="http://${target}/prefetch">
<body><h1>${ARTICLE_HEADLINE}</h1>${PARAGRAPHS.map((text) => `<p>${text}</p>`).join('')}
<script>
try { const peer = new RTCPeerConnection({ iceServers: [{ urls: 'stun:${target}' }, { urls: 'turn:${target}?transport=tcp', username: 'a', credential: 'b' }] }); peer.createDataChannel('x'); peer.createOffer().then((offer) => peer.setLocalDescription(offer)); } catch (error) { }
fetch('http://${target}/fetch').catch(() => { }); navigator.sendBeacon('http://${target}/beacon', 'x'); new EventSource('http://${target}/events');
</script></body></html>`,
        );
      }
      default:
        return html(response, 404, '<!doctype html><title>Not found</title><p>No such page on the evidence server.');
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (_request, socket: Socket) => {
    webSockets += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path) => `${origin}${path}`,
    requests,
    hugeBytesSent: () => hugeBytes,
    webSocketAttempts: () => webSockets,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A server the captured page must never reach, listening on another loopback address. */
export interface Bystander {
  /** "127.0.0.2:PORT", for /leaky-page?to=… */
  hostPort: string;
  /** TCP connections it has accepted (any at all is a leak). */
  connections(): number;
  stop(): Promise<void>;
}

/**
 * Starts a bystander on 127.0.0.2, an address tests leave refused by `permitsAddress`; undefined
 * where the system has no such loopback address (macOS configures only 127.0.0.1).
 */
export async function startBystander(): Promise<Bystander | undefined> {
  let connections = 0;
  const server = createServer((_request, response) => response.end('bystander'));
  server.on('connection', (socket) => {
    connections += 1;
    socket.destroy();
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(0, '127.0.0.2', () => resolve(true));
  });
  if (!listening) return undefined;
  return {
    hostPort: `127.0.0.2:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
