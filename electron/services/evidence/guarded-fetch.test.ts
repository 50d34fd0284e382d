/**
 * The guarded fetch against a real loopback server: what it fetches, what it refuses and how it
 * says so. The loopback is opened only through `permitsAddress` letting 127.0.0.1 through, so
 * every other private address (after redirects too) stays refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUGE_BYTES, startEvidenceServer, type EvidenceServer } from './evidence-server.fixture';
import { DEFAULT_FETCH_RULES, EvidenceFetchError, guardedFetch, type FetchRules } from './guarded-fetch';
import { fetchFailure } from './fetch-failure.fixture';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let server: EvidenceServer;
const LIMIT = 5 * 1024 * 1024;
/** The product's rules, with only the test server's own address allowed and small limits. */
const rules = (more: Partial<FetchRules> = {}): FetchRules => ({ ...DEFAULT_FETCH_RULES, maxBytes: LIMIT, timeoutMs: 10_000, permitsAddress: (address) => address === '127.0.0.1', ...more });

/** The EvidenceFetchError a fetch fails with (fails the test when it succeeds). */
function refusal(url: string, given: FetchRules = rules()): Promise<EvidenceFetchError> {
  return fetchFailure(guardedFetch(url, given), `fetching ${url}`);
}

beforeAll(async () => {
  server = await startEvidenceServer();
});
afterAll(async () => {
  await server.stop();
});

describe('guardedFetch', () => {
  it('fetches a page with its status, type, body and time', async () => {
    const page = await guardedFetch(server.url('/article'), rules());
    expect(page).toMatchObject({ requestedUrl: server.url('/article'), finalUrl: server.url('/article'), redirects: [], status: 200, contentType: 'text/html; charset=utf-8' });
    expect(page.body.toString('utf8')).toContain('Harbour dredging');
    expect(Date.parse(page.retrievedAt)).not.toBeNaN();
  });

  it('follows a chain of three redirects and reports each hop', async () => {
    const page = await guardedFetch(server.url('/redirect/3'), rules());
    expect(page.finalUrl).toBe(server.url('/article'));
    expect(page.redirects).toEqual([server.url('/redirect/2'), server.url('/redirect/1'), server.url('/article')]);
    expect(page.status).toBe(200);
  });

  it('returns a 404 as an answer, not as a failure', async () => {
    const page = await guardedFetch(server.url('/missing'), rules());
    expect(page.status).toBe(404);
  });

  it('fetches a PDF and an image byte for byte', async () => {
    const pdf = await guardedFetch(server.url('/report.pdf'), rules());
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const image = await guardedFetch(server.url('/photo.png'), rules());
    expect([...image.body.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it.each(['/gzip', '/br', '/deflate', '/deflate-raw'])('decompresses %s to the same page', async (path) => {
    const plain = await guardedFetch(server.url('/article'), rules());
    const compressed = await guardedFetch(server.url(path), rules());
    expect(compressed.body.equals(plain.body)).toBe(true);
    expect(compressed.headers?.['content-encoding']).toBeUndefined();
  });

  it('sends no cookies or credentials, even when the address or the caller carries them', async () => {
    const before = server.requests.length;
    await guardedFetch(`http://reviewer:secret@127.0.0.1:${server.port}/article`, rules(), { headers: { cookie: 'session=1', authorization: 'Basic cmV2aWV3ZXI6c2VjcmV0', accept: 'text/html' } });
    const [seen] = server.requests.slice(before);
    expect(seen?.headers.cookie).toBeUndefined();
    expect(seen?.headers.authorization).toBeUndefined();
    expect(seen?.headers.accept).toBe('text/html');
  });

  it('refuses what is not http(s)', async () => {
    for (const url of ['ftp://example.org/file.pdf', 'javascript:alert(1)', 'file:///etc/passwd', 'not an address']) {
      const error = await refusal(url);
      expect(error.code).toBe('not-http');
      expect(error.message).toMatch(/http and https pages only\. Nothing was kept\./);
    }
    const redirected = await refusal(server.url('/to-file'));
    expect(redirected.code).toBe('not-http');
    expect(redirected.message).toContain('file:///etc/passwd');
  });

  it('refuses a redirect to a private address, after connecting only to the allowed one', async () => {
    const error = await refusal(server.url('/to-private'));
    expect(error.code).toBe('private-address');
    expect(error.url).toBe('http://10.0.0.5/');
    expect(error.message).toContain('10.0.0.5 is a private network address');
    expect(error.message).toContain('Preferences → Allow private network addresses');
    expect(error.message).toContain(server.url('/to-private'));
  });

  it('refuses a redirect to the cloud metadata address', async () => {
    const error = await refusal(server.url('/to-metadata'));
    expect(error.code).toBe('private-address');
    expect(error.message).toContain('169.254.169.254 is a link-local address');
  });

  it('refuses loopback under the product rules, by name and by every literal spelling, without connecting', async () => {
    const before = server.requests.length;
    const product: FetchRules = { ...DEFAULT_FETCH_RULES, timeoutMs: 10_000 };
    for (const host of ['localhost', '127.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '0.0.0.0', '2130706433', '0x7f.1']) {
      const error = await refusal(`http://${host}:${server.port}/article`, product);
      expect(error.code, host).toBe('private-address');
      expect(error.message).toMatch(/Nothing was kept\./);
    }
    const named = await refusal(`http://localhost:${server.port}/article`, product);
    expect(named.message).toMatch(/^localhost leads to (127\.0\.0\.1|::1), a loopback address/);
    expect(server.requests.length).toBe(before);
  });

  it('fetches from the loopback when private addresses are allowed', async () => {
    const page = await guardedFetch(server.url('/article'), { ...DEFAULT_FETCH_RULES, allowPrivateAddresses: true, timeoutMs: 10_000 });
    expect(page.status).toBe(200);
  });

  it('stops a 200 MB body at the limit without reading it all', async () => {
    const error = await refusal(server.url('/huge'));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('larger than the 5 MB limit');
    expect(server.hugeBytesSent()).toBeLessThan(HUGE_BYTES / 4);
  });

  it('refuses a body whose declared length is over the limit', async () => {
    expect((await refusal(server.url('/huge-declared'))).code).toBe('too-large');
  });

  it('counts the limit on decompressed bytes (a gzip bomb)', async () => {
    const error = await refusal(server.url('/gzip-bomb'));
    expect(error.code).toBe('too-large');
  });

  it('reports a redirect loop as a loop, naming the circle', async () => {
    const error = await refusal(server.url('/loop/a'));
    expect(error.code).toBe('redirect-loop');
    expect(error.message).toContain(`${server.url('/loop/a')} → ${server.url('/loop/b')} → ${server.url('/loop/a')}`);
  });

  it('stops after the allowed number of redirects', async () => {
    const before = server.requests.length;
    const error = await refusal(server.url('/endless-redirects'), rules({ maxRedirects: 4 }));
    expect(error.code).toBe('too-many-redirects');
    expect(error.message).toContain('more than 4 redirects');
    expect(server.requests.length - before).toBe(5);
  });

  it('gives up on a page that never finishes at the time limit', async () => {
    const error = await refusal(server.url('/never-finishes'), rules({ timeoutMs: 1_500 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/did not finish loading within 2 seconds.*Nothing was kept\./);
  });

  it('can be cancelled while waiting', async () => {
    const cancel = new AbortController();
    const fetching = guardedFetch(server.url('/never-finishes'), rules({ timeoutMs: 60_000, signal: cancel.signal }));
    setTimeout(() => cancel.abort(), 200);
    const error = await fetching.catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(EvidenceFetchError);
    expect((error as EvidenceFetchError).code).toBe('cancelled');
    expect((error as EvidenceFetchError).message).toMatch(/was cancelled\. Nothing was kept\./);
  });

  it('says the site is unreachable when nothing answers, and keeps nothing', async () => {
    const gone = await startEvidenceServer();
    const address = gone.url('/article');
    await gone.stop();
    const error = await refusal(address);
    expect(error.code).toBe('offline');
    expect(error.message).toContain('the connection was refused');
    expect(error.message).toContain('the computer seems to be offline or the site is unreachable. Nothing was kept.');
  });

  it('says so when the connection drops partway, and returns nothing half-read', async () => {
    const error = await refusal(server.url('/drops-midway'));
    expect(error.code).toBe('offline');
    expect(error.message).toContain('the connection was dropped');
  });

  it.skipIf(!hasOpenssl())('refuses a site whose certificate cannot be trusted', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'factmark-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(folder, 'key.pem'),
        '-out',
        join(folder, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    const tls = createHttpsServer({ key: await readFile(join(folder, 'key.pem')), cert: await readFile(join(folder, 'cert.pem')) }, (_request, response) => response.end('secret page'));
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const error = await refusal(`https://127.0.0.1:${(tls.address() as AddressInfo).port}/`);
      expect(error.code).toBe('bad-response');
      expect(error.message).toContain('its security certificate could not be trusted (DEPTH_ZERO_SELF_SIGNED_CERT)');
    } finally {
      tls.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('says a name that cannot be looked up is unreachable', async () => {
    const error = await refusal('http://no-such-host.invalid/article', { ...DEFAULT_FETCH_RULES, timeoutMs: 10_000 });
    expect(error.code).toBe('offline');
    expect(error.message).toContain('no-such-host.invalid');
  });
});
