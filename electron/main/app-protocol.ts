/**
 * Serves the built renderer as `app://factmark/…` instead of file://, so the window has a
 * real origin, file:// keeps no special powers, and every answer carries the CSP header.
 */
import { net, protocol } from 'electron';
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/content-security-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'factmark';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * The file under `rendererDir` that `url` names, or undefined when it names none: another host,
 * credentials or a port, a malformed escape, a backslash or NUL, or a `.`/`..` segment. The URL
 * parser already resolved literal dot segments, so one left after decoding was percent-encoded
 * to slip past it; refusing it outright is simpler than proving where it would lead.
 */
export function rendererFileFor(rendererDir: string, url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username !== '' || parsed.password !== '') return undefined;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname === '/' ? '/index.html' : parsed.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\\') || path.includes('\0')) return undefined;
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return undefined;
  const file = join(rendererDir, path);
  const inside = relative(rendererDir, file);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? file : undefined;
}

/** Answers app:// requests with regular files under `rendererDir`; anything else is a 404. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(rendererDir, request.url);
    // Only regular files: Chromium would answer a folder's file:// address with a listing.
    const isFile = file !== undefined && (await stat(file).then((info) => info.isFile(), () => false));
    if (!file || !isFile) return new Response('Not found', { status: 404, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
