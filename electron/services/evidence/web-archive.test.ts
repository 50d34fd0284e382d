/**
 * The WARC file of a kept page, read back two ways: with webrecorder's own parser, and member by
 * member with zlib and a plain reading of the WARC 1.1 framing, so a mistake warcio makes in
 * writing and forgives in reading still shows. The responses come from a real loopback server
 * through the capture network, as a page being kept gets them.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../export/chromium-path';
import { captureEvidence, withWebArchive, type CapturedFile } from './capture-page';
import { CaptureNetwork, type PageAnswer, type PageRequest } from './capture-network';
import { makePng, startEvidenceServer, type EvidenceServer } from './evidence-server.fixture';
import { DEFAULT_FETCH_RULES, guardedFetch, type FetchedResource, type FetchRules } from './guarded-fetch';
import { REDIRECTED_TO_FIELD, writeWebArchive } from './web-archive';

let server: EvidenceServer;
let article: FetchedResource;
const rules = (more: Partial<FetchRules> = {}): FetchRules => ({ ...DEFAULT_FETCH_RULES, maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000, permitsAddress: (address) => address === '127.0.0.1', ...more });
const request = (url: string, resourceType: string, isNavigation = false): PageRequest => ({
  url,
  method: 'GET',
  headers: { accept: '*/*', 'user-agent': 'Test Chromium' },
  isNavigation,
  resourceType,
});
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function body(answer: PageAnswer): Buffer {
  if (answer.kind !== 'fulfil') throw new Error(`expected a response, got a refusal (${answer.code})`);
  return answer.body;
}

/** Every record of `warc` with its payload (the HTTP body for request and response records) read whole. */
async function parsed(warc: Buffer): Promise<{ record: WARCRecord; payload: Uint8Array }[]> {
  const records: { record: WARCRecord; payload: Uint8Array }[] = [];
  for await (const record of new WARCParser([new Uint8Array(warc)])) records.push({ record, payload: await record.readFully(false) });
  return records;
}

/** The gzip members of `file`, each inflated on its own (every WARC record must be its own member). */
function gzipMembers(file: Buffer): Buffer[] {
  const members: Buffer[] = [];
  let offset = 0;
  while (offset < file.length) {
    expect([...file.subarray(offset, offset + 3)], `gzip header at ${offset}`).toEqual([0x1f, 0x8b, 8]);
    expect(file[offset + 3], 'no optional gzip header fields').toBe(0);
    const { buffer, engine } = inflateRawSync(file.subarray(offset + 10), { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    const trailer = offset + 10 + engine.bytesWritten;
    expect(file.readUInt32LE(trailer + 4), 'gzip trailer size').toBe(buffer.length);
    members.push(buffer);
    offset = trailer + 8;
  }
  return members;
}

/** One record read by the WARC 1.1 framing alone: version line, fields, a block of Content-Length bytes, then CRLF CRLF. */
function plainRecord(member: Buffer): { version: string; fields: Map<string, string>; block: Buffer } {
  const end = member.indexOf('\r\n\r\n');
  const [version = '', ...lines] = member.subarray(0, end).toString('utf8').split('\r\n');
  const fields = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  const length = Number(fields.get('content-length'));
  const block = member.subarray(end + 4, end + 4 + length);
  expect(block.length).toBe(length);
  expect(member.subarray(end + 4 + length).toString('latin1')).toBe('\r\n\r\n');
  return { version, fields, block };
}

beforeAll(async () => {
  server = await startEvidenceServer();
  article = await guardedFetch(server.url('/article'), rules());
});
afterAll(async () => {
  await server.stop();
});

describe('the web archive of a kept page', () => {
  it('holds the document and its resources as served, with digests that match, and nothing that was refused', async () => {
    const network = new CaptureNetwork(rules(), article);
    const served = {
      article: body(await network.answer(request(article.finalUrl, 'document', true))),
      style: body(await network.answer(request(server.url('/style.css'), 'stylesheet'))),
      photo: body(await network.answer(request(server.url('/photo.png'), 'image'))),
      missing: body(await network.answer(request(server.url('/no-such-image.png'), 'image'))),
    };
    expect((await network.answer(request('http://10.0.0.5/tracker.png', 'image'))).kind).toBe('refuse');
    expect(served.photo.equals(makePng(240, 120, [46, 111, 149]))).toBe(true);
    expect(served.style.toString('utf8')).toContain('@font-face');

    const file = await network.webArchive();
    expect(file).toMatchObject({ role: 'web-archive', fileName: 'page.warc.gz', mediaType: 'application/warc' });
    const records = await parsed(file?.bytes ?? Buffer.alloc(0));

    const [info, ...rest] = records;
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(info?.record.warcType).toBe('warcinfo');
    expect(info?.record.warcHeaders.protocol).toBe('WARC/1.1');
    expect(new TextDecoder().decode(info?.payload)).toContain(`software: Factmark ${version}\r\n`);

    const responses = rest.filter(({ record }) => record.warcType === 'response');
    expect(responses.map(({ record }) => [record.warcTargetURI, record.httpHeaders?.statusCode])).toEqual([
      [article.finalUrl, 200],
      [server.url('/style.css'), 200],
      [server.url('/photo.png'), 200],
      [server.url('/no-such-image.png'), 404],
    ]);
    const expected = [served.article, served.style, served.photo, served.missing];
    responses.forEach(({ record, payload }, index) => {
      const bytes = expected[index] ?? Buffer.alloc(0);
      expect(Buffer.from(payload).equals(bytes), record.warcTargetURI ?? '').toBe(true);
      expect(record.warcPayloadDigest).toBe(`sha256:${sha256(bytes)}`);
      expect(record.httpHeaders?.headers.get('content-length')).toBe(String(bytes.length));
      expect(Number.isNaN(Date.parse(record.warcDate ?? ''))).toBe(false);
    });
    expect(responses[0]?.record.warcDate).toBe(article.retrievedAt);
    expect(responses[2]?.record.httpHeaders?.headers.get('content-type')).toBe('image/png');

    // Each response is followed by the request that fetched it, pointing back at it.
    const requests = rest.filter(({ record }) => record.warcType === 'request');
    expect(rest.map(({ record }) => record.warcType)).toEqual(['response', 'request', 'response', 'request', 'response', 'request', 'response', 'request']);
    requests.forEach(({ record }, index) => {
      const response = responses[index]?.record;
      expect(record.warcTargetURI).toBe(response?.warcTargetURI);
      expect(record.warcConcurrentTo).toEqual([response?.warcHeaders.headers.get('WARC-Record-ID')]);
      expect(record.httpHeaders?.method).toBe('GET');
      expect(record.httpHeaders?.headers.get('host')).toBe(`127.0.0.1:${server.port}`);
    });
    // The document was asked for by the fetch itself, not by the browser: its request says so.
    expect(requests[0]?.record.httpHeaders?.headers.get('user-agent')).toMatch(/Factmark/);
    expect(requests[2]?.record.httpHeaders?.headers.get('user-agent')).toBe('Test Chromium');

    expect(records.some(({ record }) => record.warcTargetURI?.includes('10.0.0.5'))).toBe(false);
  });

  it('is one gzip member per record that a plain reading of WARC 1.1 accepts, digests included', async () => {
    const network = new CaptureNetwork(rules(), article);
    body(await network.answer(request(article.finalUrl, 'document', true)));
    body(await network.answer(request(server.url('/photo.png'), 'image')));
    const file = await network.webArchive();
    const members = gzipMembers(file?.bytes ?? Buffer.alloc(0));
    expect(members.length).toBe(5);
    for (const member of members) {
      expect(member.subarray(0, 10).toString('latin1')).toBe('WARC/1.1\r\n');
      const { fields, block } = plainRecord(member);
      expect(fields.get('warc-record-id')).toMatch(/^<urn:uuid:[0-9a-f-]{36}>$/);
      if (fields.get('warc-type') === 'warcinfo') continue;
      expect(fields.get('warc-block-digest')).toBe(`sha256:${sha256(block)}`);
      if (fields.get('warc-type') !== 'response') continue;
      const payload = block.subarray(block.indexOf('\r\n\r\n') + 4);
      expect(fields.get('warc-payload-digest')).toBe(`sha256:${sha256(payload)}`);
      if (fields.get('warc-target-uri') === server.url('/photo.png')) expect(payload.equals(makePng(240, 120, [46, 111, 149]))).toBe(true);
      else expect(payload.equals(article.body)).toBe(true);
    }
  });

  it('names where a redirected response came from, under the address the page asked for', async () => {
    const network = new CaptureNetwork(rules(), article);
    const page = body(await network.answer(request(server.url('/redirect/2'), 'document', true)));
    const records = await parsed((await network.webArchive())?.bytes ?? Buffer.alloc(0));
    const response = records.find(({ record }) => record.warcType === 'response')?.record;
    expect(response?.warcTargetURI).toBe(server.url('/redirect/2'));
    expect(response?.warcHeaders.headers.get(REDIRECTED_TO_FIELD)).toBe(server.url('/article'));
    // The request line is the last hop's, the one that got this answer.
    expect(records.find(({ record }) => record.warcType === 'request')?.record.httpHeaders?.requestPath).toBe('/article');
    expect(page.toString('utf8')).toContain('Harbour dredging');
  });

  it('is not made when the page was handed nothing', async () => {
    const network = new CaptureNetwork(rules(), article);
    expect((await network.answer(request('http://10.0.0.5/', 'document', true))).kind).toBe('refuse');
    expect(await network.webArchive()).toBeNull();
  });

  it('keeps a request body sent with a POST', async () => {
    const warc = await writeWebArchive(
      [
        {
          url: server.url('/form'),
          method: 'POST',
          requestHeaders: { 'content-type': 'application/x-www-form-urlencoded' },
          requestBody: Buffer.from('q=harbour'),
          status: 200,
          responseHeaders: { 'content-type': 'text/plain' },
          body: Buffer.from('ok'),
          retrievedAt: '2026-03-15T10:15:00.000Z',
          finalUrl: server.url('/form'),
        },
      ],
      '2026-03-15T10:15:01.000Z',
    );
    const records = await parsed(warc);
    const posted = records.find(({ record }) => record.warcType === 'request');
    expect(posted?.record.httpHeaders?.method).toBe('POST');
    expect(new TextDecoder().decode(posted?.payload)).toBe('q=harbour');
    expect(records[0]?.record.warcDate).toBe('2026-03-15T10:15:01.000Z');
  });
});

describe('the web archive among a copy’s files', () => {
  const file = (role: CapturedFile['role'], size: number): CapturedFile => ({ role, fileName: `${role}.bin`, mediaType: 'application/octet-stream', bytes: Buffer.alloc(size) });

  it('is added while the copy stays within the limit, and left out with a note when it would pass it', () => {
    const page = [file('archive', 600), file('screenshot', 300)];
    const notes: string[] = [];
    expect(withWebArchive(page, file('web-archive', 100), notes, 1_000).map((kept) => kept.role)).toEqual(['archive', 'screenshot', 'web-archive']);
    expect(notes).toEqual([]);
    expect(withWebArchive(page, file('web-archive', 101), notes, 1_000).map((kept) => kept.role)).toEqual(['archive', 'screenshot']);
    expect(notes).toEqual([expect.stringContaining('The web archive (WARC) of the page was left out')]);
    expect(withWebArchive(page, null, [], 1_000)).toEqual(page);
  });
});

describe.skipIf(!findChromium())('the web archive of a page kept with Chromium', () => {
  it('holds what the page loaded through the guard, top document first, and not what was refused', async () => {
    const kept = await captureEvidence(server.url('/private-subresources'), rules({ timeoutMs: 20_000 }));
    const file = kept.files.find((candidate) => candidate.role === 'web-archive');
    expect(file).toMatchObject({ fileName: 'page.warc.gz', mediaType: 'application/warc' });
    const records = await parsed(file?.bytes ?? Buffer.alloc(0));
    const responses = records.filter(({ record }) => record.warcType === 'response');
    expect(responses[0]?.record.warcTargetURI).toBe(server.url('/private-subresources'));
    const photo = responses.find(({ record }) => record.warcTargetURI === server.url('/photo.png'));
    expect(Buffer.from(photo?.payload ?? []).equals(makePng(240, 120, [46, 111, 149]))).toBe(true);
    expect(photo?.record.warcPayloadDigest).toBe(`sha256:${sha256(makePng(240, 120, [46, 111, 149]))}`);
    expect(kept.refusedRequests?.map(({ url }) => url)).toEqual(expect.arrayContaining(['http://10.0.0.5/tracker.png']));
    expect(records.some(({ record }) => /10\.0\.0\.5|169\.254\.169\.254/.test(record.warcTargetURI ?? ''))).toBe(false);
  });
});
