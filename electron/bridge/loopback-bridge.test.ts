import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/api/contract';
import { createHandlerRegistry } from '../api/handler-registry';
import { MAX_ATTACH_BASE64_CHARS } from '../../shared/api/evidence-schema';
import { MAX_EVIDENCE_COPY_BYTES } from '../../shared/model/evidence-copy';
import { MAX_BODY_BYTES, startLoopbackBridge, TOKEN_HEADER, type LoopbackBridge } from './loopback-bridge';

interface Answer {
  status: number;
  body: string;
}

function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

describe('loopback bridge', () => {
  let bridge: LoopbackBridge;
  beforeAll(async () => {
    const staticDir = await mkdtemp(join(tmpdir(), 'factmark-bridge-'));
    await writeFile(join(staticDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
    const handlers = { 'review:list': async () => [] } as unknown as Handlers;
    bridge = await startLoopbackBridge({ registry: createHandlerRegistry(handlers), staticDir });
  });
  afterAll(() => bridge.close());

  it('listens on the loopback address with a random port and a long random token', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/`);
    expect(bridge.port).toBeGreaterThan(0);
    expect(bridge.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers an API call that carries the token', async () => {
    const answer = await send(bridge.port, '/api/review:list', { method: 'POST', headers: { [TOKEN_HEADER]: bridge.token }, body: '{}' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    expect((await send(bridge.port, '/api/review:list', { method: 'POST', body: '{}' })).status).toBe(403);
    const wrong = await send(bridge.port, '/api/review:list', { method: 'POST', headers: { [TOKEN_HEADER]: 'x'.repeat(bridge.token.length) }, body: '{}' });
    expect(wrong.status).toBe(403);
  });

  it('refuses requests addressed to another host name, as a DNS-rebinding page would send', async () => {
    const answer = await send(bridge.port, '/', { headers: { host: `attacker.example:${bridge.port}` } });
    expect(answer.status).toBe(421);
    expect(answer.body).not.toContain(bridge.token);
  });

  it('takes a call attaching the largest file a copy may hold (browser mode attaches through it)', () => {
    const largestAttach = JSON.stringify({ reviewId: 'r'.repeat(64), claimId: 'c'.repeat(64), fileName: 'ف'.repeat(260), mediaType: 'application/octet-stream', bytesBase64: '' });
    expect(MAX_BODY_BYTES).toBeGreaterThan(Buffer.byteLength(largestAttach) + MAX_ATTACH_BASE64_CHARS);
    expect(MAX_ATTACH_BASE64_CHARS).toBeGreaterThanOrEqual((MAX_EVIDENCE_COPY_BYTES / 3) * 4);
  });

  it('refuses a body that is not JSON and names unknown calls', async () => {
    const headers = { [TOKEN_HEADER]: bridge.token };
    expect((await send(bridge.port, '/api/review:list', { method: 'POST', headers, body: '{nope' })).status).toBe(400);
    expect((await send(bridge.port, '/api/fs:read', { method: 'POST', headers, body: '{}' })).status).toBe(404);
  });

  it('answers a malformed %-escape with 400, not a failure', async () => {
    const answer = await send(bridge.port, '/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/malformed/);
  });

  it('serves the app with its token and a strict CSP, and nothing outside its folder', async () => {
    const page = await send(bridge.port, '/');
    expect(page.body).toContain(`<meta name="factmark-bridge-token" content="${bridge.token}">`);
    const traversal = await send(bridge.port, '/..%2f..%2f..%2fetc%2fpasswd');
    expect(traversal.body).not.toContain('root:');
  });

  it('runs large calls one at a time, so several big imports never hold their files in memory together', async () => {
    let running = 0;
    let most = 0;
    const slow = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 50));
      running--;
      return [];
    };
    const staticDir = await mkdtemp(join(tmpdir(), 'factmark-bridge-'));
    const gated = await startLoopbackBridge({ registry: createHandlerRegistry({ 'review:list': slow } as unknown as Handlers), staticDir });
    try {
      const big = JSON.stringify({ padding: undefined }).padEnd(9 * 1024 * 1024, ' ');
      const headers = { [TOKEN_HEADER]: gated.token };
      const answers = await Promise.all([1, 2, 3].map(() => send(gated.port, '/api/review:list', { method: 'POST', headers, body: big })));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      expect(most).toBe(1);
      running = 0;
      most = 0;
      await Promise.all([1, 2, 3].map(() => send(gated.port, '/api/review:list', { method: 'POST', headers, body: '{}' })));
      expect(most).toBeGreaterThan(1);
    } finally {
      await gated.close();
    }
  });
});
