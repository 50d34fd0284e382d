/**
 * The capture network's decisions without a browser: what a page being kept is handed for each
 * request (the document once from the bytes already fetched, everything else through the guarded
 * fetch within one size budget) and what is refused and recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureNetwork, type PageAnswer, type PageRequest } from './capture-network';
import { makePng, startEvidenceServer, type EvidenceServer } from './evidence-server.fixture';
import { DEFAULT_FETCH_RULES, guardedFetch, type FetchedResource, type FetchRules } from './guarded-fetch';

let server: EvidenceServer;
let article: FetchedResource;
const rules = (more: Partial<FetchRules> = {}): FetchRules => ({ ...DEFAULT_FETCH_RULES, maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000, permitsAddress: (address) => address === '127.0.0.1', ...more });

const navigation = (url: string): PageRequest => ({ url, method: 'GET', headers: { accept: 'text/html' }, isNavigation: true, resourceType: 'document' });
const subresource = (url: string, resourceType = 'image'): PageRequest => ({ url, method: 'GET', headers: { accept: '*/*', cookie: 'session=secret' }, isNavigation: false, resourceType });

function fulfilled(answer: PageAnswer): Extract<PageAnswer, { kind: 'fulfil' }> {
  if (answer.kind !== 'fulfil') throw new Error(`expected a response, got a refusal (${answer.code})`);
  return answer;
}

beforeAll(async () => {
  server = await startEvidenceServer();
  article = await guardedFetch(server.url('/article'), rules());
});
afterAll(async () => {
  await server.stop();
});

describe('CaptureNetwork.answer', () => {
  it('serves the document from the bytes already fetched, once, and asks the site for it the second time', async () => {
    const network = new CaptureNetwork(rules(), article);
    const before = server.requests.length;
    const first = fulfilled(await network.answer(navigation(article.finalUrl)));
    expect(first.status).toBe(200);
    expect(first.body.equals(article.body)).toBe(true);
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(server.requests.length).toBe(before);

    const again = fulfilled(await network.answer(navigation(article.finalUrl)));
    expect(again.body.toString('utf8')).toBe(article.body.toString('utf8'));
    expect(server.requests.slice(before).map((request) => request.path)).toEqual(['/article']);
    expect(network.bytesUsed).toBe(article.body.length * 2);
  });

  it('fetches a subresource through the guarded fetch without the page’s cookies, and records what it served', async () => {
    const network = new CaptureNetwork(rules(), article);
    const photo = fulfilled(await network.answer(subresource(server.url('/photo.png'))));
    expect(photo.body.equals(makePng(240, 120, [46, 111, 149]))).toBe(true);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(server.requests.at(-1)?.headers.cookie).toBeUndefined();
    expect(network.served.map((exchange) => [exchange.url, exchange.status, exchange.body.length])).toEqual([[server.url('/photo.png'), 200, photo.body.length]]);
    expect(network.served[0]?.requestHeaders.cookie).toBeUndefined();
    expect(network.refused).toEqual([]);
  });

  it('refuses a private address and records why, without reaching it', async () => {
    const network = new CaptureNetwork(rules(), article);
    expect(await network.answer(subresource('http://10.0.0.5/tracker.png'))).toEqual({ kind: 'refuse', code: 'private-address' });
    expect(await network.answer(subresource('http://169.254.169.254/latest/meta-data/'))).toEqual({ kind: 'refuse', code: 'private-address' });
    expect(network.refused.map(({ url, code }) => [url, code])).toEqual([
      ['http://10.0.0.5/tracker.png', 'private-address'],
      ['http://169.254.169.254/latest/meta-data/', 'private-address'],
    ]);
    expect(network.refused[0]?.message).toContain('10.0.0.5');
    expect(network.served).toEqual([]);
  });

  it('refuses what passes the page’s size budget, counting the document', async () => {
    const photoBytes = makePng(240, 120, [46, 111, 149]).length;
    // Room for the document and one photo, not two.
    const network = new CaptureNetwork(rules({ maxBytes: article.body.length + photoBytes + 10 }), article);
    fulfilled(await network.answer(navigation(article.finalUrl)));
    fulfilled(await network.answer(subresource(server.url('/photo.png'))));
    expect(await network.answer(subresource(server.url('/photo.png?again')))).toEqual({ kind: 'refuse', code: 'too-large' });
    expect(network.bytesUsed).toBe(article.body.length + photoBytes);
    expect(network.refused.map(({ code }) => code)).toEqual(['too-large']);
    expect(network.served.map((exchange) => exchange.url)).toEqual([article.finalUrl, server.url('/photo.png')]);
  });

  it('keeps the web fonts the page loaded for the archive', async () => {
    const network = new CaptureNetwork(rules(), article);
    fulfilled(await network.answer(subresource(server.url('/fixture-mono.woff2'), 'font')));
    fulfilled(await network.answer(subresource(server.url('/photo.png'))));
    expect(network.fonts.map(({ url, mediaType }) => [url, mediaType])).toEqual([[server.url('/fixture-mono.woff2'), 'font/woff2']]);
  });

  it('refuses what is not http(s), and everything once stopped, recording only what came before', async () => {
    const network = new CaptureNetwork(rules(), article);
    expect(await network.answer(subresource('data:image/png;base64,AAAA'))).toEqual({ kind: 'refuse', code: 'not-http' });
    network.stop();
    expect(await network.answer(subresource(server.url('/photo.png')))).toEqual({ kind: 'refuse', code: 'not-http' });
    expect(await network.answer(navigation(article.finalUrl))).toEqual({ kind: 'refuse', code: 'not-http' });
    expect(network.refused.map(({ url }) => url)).toEqual(['data:image/png;base64,AAAA']);
  });
});
