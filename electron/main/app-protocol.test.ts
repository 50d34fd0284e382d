/** The app:// handler: the renderer's own files with the CSP header, and a 404 for anything else. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/content-security-policy';
import { rendererFileFor, serveAppScheme } from './app-protocol';
import { electronStandIn } from './test-support/electron-stand-in';
import { builtRendererFolder, quitAndCleanUp } from './test-support/main-process-harness';

vi.mock('electron', async () => (await import('./test-support/electron-stand-in')).electronModule);

let rendererDir: string;

beforeEach(async () => {
  electronStandIn.reset();
  rendererDir = await builtRendererFolder();
  // A secret beside the renderer folder, and a folder inside it: what a traversal would aim at.
  await writeFile(join(rendererDir, '..', 'secret.txt'), 'not for the window');
  await mkdir(join(rendererDir, 'assets', 'fonts'));
  serveAppScheme(rendererDir);
});
afterEach(quitAndCleanUp);

describe('the app:// handler', () => {
  test('serves a file inside the renderer folder with the CSP and nosniff headers', async () => {
    const response = await electronStandIn.request('app://factmark/assets/index.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log("Factmark");');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  test('serves index.html for the bare origin', async () => {
    const response = await electronStandIn.request('app://factmark/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Factmark</title>');
  });

  test.each([
    ['dot segments', 'app://factmark/../secret.txt'],
    ['dot segments to a system file', 'app://factmark/../../etc/passwd'],
    ['percent-encoded dot segments', 'app://factmark/%2e%2e%2fsecret.txt'],
    ['percent-encoded dot segments, capitals', 'app://factmark/assets/%2E%2E%2F%2E%2E%2Fsecret.txt'],
    ['percent-encoded dot segments that would stay inside', 'app://factmark/assets%2f%2e%2e%2findex.html'],
    ['percent-encoded backslashes', 'app://factmark/..%5csecret.txt'],
    ['percent-encoded backslashes after a folder name', 'app://factmark/assets%5c..%5c..%5csecret.txt'],
    ['backslashes', 'app://factmark/..\\secret.txt'],
    ['a NUL byte', 'app://factmark/index.html%00.js'],
    ['a malformed escape', 'app://factmark/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://factmark.evil/index.html'],
    ['a port', 'app://factmark:8080/index.html'],
    ['a folder', 'app://factmark/assets/fonts'],
    ['a missing file', 'app://factmark/assets/missing.js'],
  ])('answers 404 to %s', async (_what, url) => {
    const response = await electronStandIn.request(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not for the window');
  });

  test('names no file for an address that leaves the folder or the host, or carries credentials', () => {
    // A Fetch Request cannot carry credentials, so this address can only be tried here.
    const refused = [
      'app://factmark/%2e%2e%2fsecret.txt',
      'app://factmark/assets%2f%2e%2e%2findex.html',
      'app://factmark/..%5csecret.txt',
      // On Windows a backslash separates folders; refused everywhere, so no platform is different.
      'app://factmark/assets%5c..%5c..%5csecret.txt',
      'app://evil/index.html',
      'app://factmark/%E0%A4%A',
      'app://user@factmark/index.html',
    ];
    for (const url of refused) {
      expect(rendererFileFor(rendererDir, url), url).toBeUndefined();
    }
    expect(rendererFileFor(rendererDir, 'app://factmark/assets/index.js')).toBe(join(rendererDir, 'assets', 'index.js'));
  });
});
