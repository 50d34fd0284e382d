/**
 * Browser mode's stand-in for Electron IPC: an HTTP server on 127.0.0.1 that serves the built
 * renderer and answers `POST /api/<channel>` through the same handler registry as ipcMain.
 * It refuses requests without its random token and requests addressed to another host name
 * (a DNS-rebinding page cannot pass the Host check, a cross-origin page cannot read the token).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/content-security-policy';
import { MAX_ATTACH_BASE64_CHARS } from '../../shared/api/evidence-schema';
import { megabytes } from '../services/megabytes';
import type { HandlerRegistry } from '../api/handler-registry';

/** Request header that carries the bridge token. */
export const TOKEN_HEADER = 'x-factmark-token';
/** Meta tag through which the served page learns the token. */
export const TOKEN_META = 'factmark-bridge-token';
/**
 * The largest call: a file attached as evidence (up to MAX_EVIDENCE_COPY_BYTES) travels as base64,
 * about 267 MB of JSON, with room for the call's other fields. Large calls run one at a time.
 */
export const MAX_BODY_BYTES = MAX_ATTACH_BASE64_CHARS + 1024 * 1024;
/**
 * Calls carrying more than this (big imports and share files) run one at a time: each holds its
 * body, its decoded bytes and the parsed document at once (several times its size), so three
 * 68 MB imports together took the process from 0.4 to 2.2 GB.
 */
const LARGE_BODY_BYTES = 8 * 1024 * 1024;

/** Runs large calls one after another, in the order they came. */
function oneAtATime(): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface LoopbackBridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: string | Buffer, contentType: string): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'cross-origin-resource-policy': 'same-origin',
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function tokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const expectedBytes = Buffer.from(expected);
  const givenBytes = Buffer.from(given);
  return expectedBytes.length === givenBytes.length && timingSafeEqual(expectedBytes, givenBytes);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('too-large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the bridge on 127.0.0.1 (a random free port unless `port` is given). */
export async function startLoopbackBridge(options: {
  registry: HandlerRegistry;
  /** Folder of the built renderer (index.html and assets); without it only the API is served (the command line's way into a running app). */
  staticDir?: string;
  port?: number;
  /** When `port` is busy, listen on a free one instead of failing. */
  anyPortIfBusy?: boolean;
  token?: string;
}): Promise<LoopbackBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = options.staticDir ? normalize(options.staticDir + sep) : null;
  let allowedHosts = new Set<string>();

  const largeCalls = oneAtATime();
  const serveApi = async (request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> => {
    if (request.method !== 'POST') return sendJson(response, 405, { ok: false, error: { code: 'invalid-input', message: 'Use POST.' } });
    if (!tokenMatches(token, request.headers[TOKEN_HEADER])) {
      return sendJson(response, 403, { ok: false, error: { code: 'refused', message: 'Missing or wrong bridge token.' } });
    }
    if (!options.registry.has(channel)) {
      return sendJson(response, 404, { ok: false, error: { code: 'not-found', message: `No API call named ${channel}.` } });
    }
    const answer = async (): Promise<void> => {
      let input: unknown;
      try {
        const body = await readBody(request);
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch (error) {
        const message =
          error instanceof Error && error.message === 'too-large' ? `The request is larger than ${megabytes(MAX_BODY_BYTES)}, more than any call needs.` : 'The request body is not JSON.';
        return sendJson(response, 400, { ok: false, error: { code: 'invalid-input', message } });
      }
      sendJson(response, 200, await options.registry.invoke(channel, input));
    };
    const size = Number(request.headers['content-length'] ?? 0);
    // A call that does not say its size is treated as large, so it cannot slip past the gate.
    return size > LARGE_BODY_BYTES || !request.headers['content-length'] ? largeCalls(answer) : answer();
  };

  const serveStatic = async (response: ServerResponse, pathname: string): Promise<void> => {
    if (!staticRoot) return send(response, 404, 'Not found', 'text/plain; charset=utf-8');
    let relative: string;
    try {
      relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      return send(response, 400, 'Bad address: a %-escape in it is malformed.', 'text/plain; charset=utf-8');
    }
    const file = normalize(join(staticRoot, relative));
    if (!file.startsWith(staticRoot)) return send(response, 404, 'Not found', 'text/plain; charset=utf-8');
    const info = await stat(file).catch(() => undefined);
    // Unknown paths get the app itself, so a reload on any in-app address still works.
    const target = info?.isFile() ? file : join(staticRoot, 'index.html');
    const body = await readFile(target).catch(() => undefined);
    if (!body) return send(response, 500, 'The app is not built. Run npm run build.', 'text/plain; charset=utf-8');
    if (target.endsWith('index.html')) {
      const html = body.toString('utf8').replace('</head>', `<meta name="${TOKEN_META}" content="${token}"></head>`);
      return send(response, 200, html, CONTENT_TYPES['.html'] as string);
    }
    send(response, 200, body, CONTENT_TYPES[extname(target)] ?? 'application/octet-stream');
  };

  const server = createServer((request, response) => {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      return send(response, 421, 'Wrong host.', 'text/plain; charset=utf-8');
    }
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const handled = pathname.startsWith('/api/') ? serveApi(request, response, pathname.slice('/api/'.length)) : serveStatic(response, pathname);
    handled.catch((error: unknown) => {
      console.error('[factmark] bridge request failed:', error);
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: 'The bridge failed.' } });
    });
  });

  const listen = (port: number): Promise<void> =>
    new Promise<void>((resolveListen, rejectListen) => {
      server.once('error', rejectListen);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', rejectListen);
        resolveListen();
      });
    });
  try {
    await listen(options.port ?? 0);
  } catch (error) {
    if (!options.anyPortIfBusy || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    await listen(0);
  }
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
