/**
 * A loopback stand-in of the Wayback Machine's Save Page Now for tests: `GET /save/<address>`
 * answers as the chosen mode says, and `/web/<timestamp>/<address>` serves the "archived" page.
 * It can go down (nothing listening: the computer is offline as far as Factmark can tell) and come
 * back on the same port, as the real service does when the network returns.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How the stand-in answers a save. */
export type StandInMode =
  /** 200 with `Content-Location: /web/<ts>/<address>` (Save Page Now's classic answer). */
  | 'content-location'
  /** 302 to `/web/<ts>/<address>`, which then serves the archived page. */
  | 'redirect'
  /** 503: the service is down for maintenance. */
  | 'unavailable'
  /** 429: too many requests. */
  | 'too-many'
  /** Never answers (the request hangs until the client gives up). */
  | 'never'
  /** 200 with a page but no archived address. */
  | 'no-copy';

/** The timestamp every archived copy of the stand-in carries. */
export const STAND_IN_TIMESTAMP = '20260315101500';

/** A running (or stopped) stand-in on 127.0.0.1. */
export interface WaybackStandIn {
  /** "http://127.0.0.1:PORT/": the address to set as the archive service's. */
  address: string;
  /** Every page address asked to be saved, in order. */
  saved: string[];
  /** Every request received: method and path. */
  requests: { method: string; path: string }[];
  mode: StandInMode;
  /** The archived copy's address the stand-in gives for `pageUrl`. */
  archivedUrl(pageUrl: string): string;
  /** Stops listening and drops open connections; a send now finds nothing there (connection refused). */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
}

/** Starts the stand-in in `mode` on a random loopback port (or `port`). */
export async function startWaybackStandIn(mode: StandInMode = 'content-location', port = 0): Promise<WaybackStandIn> {
  const sockets = new Set<Socket>();
  const saved: string[] = [];
  const requests: { method: string; path: string }[] = [];
  let server: Server | null = null;
  let origin = '';

  const listen = async (onPort: number): Promise<number> => {
    const next = createServer((request, response) => {
      const path = request.url ?? '/';
      requests.push({ method: request.method ?? 'GET', path });
      const save = /^\/save\/(.+)$/.exec(path);
      if (save?.[1]) {
        saved.push(save[1]);
        const archived = `/web/${STAND_IN_TIMESTAMP}/${save[1]}`;
        switch (standIn.mode) {
          case 'content-location':
            response.writeHead(200, { 'content-type': 'text/html', 'content-location': archived });
            return response.end('<!doctype html><title>Saved</title><p>Saved.');
          case 'redirect':
            response.writeHead(302, { location: archived, 'content-length': 0 });
            return response.end();
          case 'unavailable':
            response.writeHead(503, { 'content-type': 'text/html', 'retry-after': '60' });
            return response.end('<!doctype html><title>Down for maintenance</title>');
          case 'too-many':
            response.writeHead(429, { 'content-type': 'text/html', 'retry-after': '60' });
            return response.end('<!doctype html><title>Too many requests</title>');
          case 'never':
            return undefined;
          case 'no-copy':
            response.writeHead(200, { 'content-type': 'text/html' });
            return response.end('<!doctype html><title>Save Page Now</title><p>Sorry, something went wrong.');
        }
      }
      if (/^\/web\/\d{14}\//.test(path)) {
        response.writeHead(200, { 'content-type': 'text/html' });
        return response.end('<!doctype html><title>Archived copy</title><p>The archived page.');
      }
      response.writeHead(404, { 'content-type': 'text/plain' });
      return response.end('Not found');
    });
    next.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(onPort, '127.0.0.1', resolve);
    });
    server = next;
    return (next.address() as AddressInfo).port;
  };

  const boundPort = await listen(port);
  origin = `http://127.0.0.1:${boundPort}`;
  const standIn: WaybackStandIn = {
    address: `${origin}/`,
    saved,
    requests,
    mode,
    archivedUrl: (pageUrl) => `${origin}/web/${STAND_IN_TIMESTAMP}/${pageUrl}`,
    down: () =>
      new Promise<void>((resolve) => {
        const running = server;
        server = null;
        if (!running) return resolve();
        for (const socket of sockets) socket.destroy();
        running.close(() => resolve());
      }),
    up: async () => {
      if (!server) await listen(boundPort);
    },
  };
  return standIn;
}
