/**
 * DNS rebinding: a name that resolves to an allowed address when checked and to a forbidden one a
 * moment later must not reach the forbidden one. The guarded fetch resolves once, checks every
 * address, and pins the connection to them; this proves the socket never asks DNS again.
 * The resolver is the one stand-in here (no DNS server can be run for a test); the server is real.
 */
import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchFailure } from './fetch-failure.fixture';
import { DEFAULT_FETCH_RULES, guardedFetch, type FetchRules } from './guarded-fetch';

const REBINDING_HOST = 'rebinding.example.test';
/** What the name resolves to at each lookup: the allowed address first, a forbidden one after. */
const answers: string[] = [];
const lookups: string[] = [];

vi.mock('node:dns', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:dns')>();
  const lookup = (host: string, options: unknown, callback: (error: Error | null, found: LookupAddress[]) => void): void => {
    if (host !== REBINDING_HOST) return void (real.lookup as unknown as (...args: unknown[]) => void)(host, options, callback);
    lookups.push(host);
    const address = answers.shift() ?? '127.0.0.2';
    callback(null, [{ address, family: 4 }]);
  };
  return { ...real, default: { ...real, lookup }, lookup };
});

let server: Server;
let port = 0;
/** The local address each request arrived on: which address the fetch really connected to. */
const arrivedOn: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    arrivedOn.push(request.socket.localAddress ?? '');
    if (request.url === '/moved') {
      response.writeHead(302, { location: `http://${REBINDING_HOST}:${port}/` }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/plain' }).end('the allowed server');
  });
  // Every loopback address: a connection to 127.0.0.2 would be answered too, and seen.
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** The product's rules with only 127.0.0.1 allowed (127.0.0.2 stands for the forbidden private address). */
const rules: FetchRules = { ...DEFAULT_FETCH_RULES, timeoutMs: 10_000, permitsAddress: (address) => address === '127.0.0.1' };

describe('a name that changes its address between the check and the connection', () => {
  it('connects to the address that was checked, asking DNS once', async () => {
    lookups.length = 0;
    arrivedOn.length = 0;
    answers.push('127.0.0.1', '127.0.0.2', '127.0.0.2');
    const fetched = await guardedFetch(`http://${REBINDING_HOST}:${port}/`, rules);
    expect(fetched.body.toString()).toBe('the allowed server');
    expect(lookups).toEqual([REBINDING_HOST]);
    expect(arrivedOn).toEqual(['127.0.0.1']);
    answers.length = 0;
  });

  it('checks the name again after a redirect to it, and refuses when it now names a forbidden address', async () => {
    lookups.length = 0;
    arrivedOn.length = 0;
    answers.push('127.0.0.1', '127.0.0.2');
    const error = await fetchFailure(guardedFetch(`http://${REBINDING_HOST}:${port}/moved`, rules), 'the rebinding redirect');
    expect(error.code).toBe('private-address');
    expect(error.message).toContain('127.0.0.2');
    expect(lookups).toEqual([REBINDING_HOST, REBINDING_HOST]);
    // The first request was answered; the forbidden address never was.
    expect(arrivedOn).toEqual(['127.0.0.1']);
  });
});
