/**
 * The session a kept copy's page runs in, inside the desktop app: a fresh in-memory partition per
 * capture whose every http(s) request is answered by the capture's guarded network
 * (`CaptureNetwork.answer`), with every other scheme, permission and download refused, and its
 * data wiped when the capture ends.
 */
import { randomUUID } from 'node:crypto';
import { session, type Session } from 'electron';
import type { CaptureNetwork, PageAnswer, PageRequest } from '../services/evidence/capture-network';

/** Partition names start with this; a fresh UUID follows. No `persist:` prefix, so nothing reaches the disk. */
export const CAPTURE_PARTITION_PREFIX = 'evidence-';
/** Schemes whose requests the guarded network answers. */
const WEB_SCHEMES = ['http', 'https'] as const;
/** What a page may load without the network: its own inline data and blobs, and the empty page. */
const ALLOWED_ADDRESS = /^(https?|data|blob):|^about:blank$/i;
/** A proxy that cannot exist, for whatever Chromium would send around the handler (preconnects, WebRTC). */
const NO_NETWORK_PROXY = { mode: 'fixed_servers', proxyRules: 'http://factmark-no-network.invalid:9', proxyBypassRules: '<-loopback>' } as const;
/** Responses Fetch forbids a body on. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const FONT_PATH = /\.(woff2?|ttf|otf|eot)$/i;

/** A capture's session, its traffic, and how to wipe it. */
export interface CaptureSession {
  /** The partition's name, as the window's `partition` web preference. */
  partition: string;
  session: Session;
  /** Requests the network is answering now. */
  pending(): number;
  /** When the last request started or finished (ms since the epoch). */
  lastActivity(): number;
  /** Marks `url` as a document being navigated to, so its request counts as a navigation. */
  expectNavigation(url: string): void;
  /** Stops answering, and clears the partition's storage and cache; never throws. */
  dispose(): Promise<void>;
}

/** The page's request in the terms `CaptureNetwork.answer` takes. */
async function pageRequestOf(request: Request, isNavigation: boolean): Promise<PageRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  // Electron hands a protocol handler no resource type; Sec-Fetch-Dest says it when Chromium sent one.
  const destination = headers['sec-fetch-dest'];
  const resourceType = isNavigation ? 'document' : destination && destination !== 'empty' ? destination : FONT_PATH.test(new URL(request.url).pathname) ? 'font' : 'other';
  return { url: request.url, method: request.method, headers, ...(body && body.length > 0 ? { body } : {}), isNavigation, resourceType };
}

/** The Fetch response Electron hands the page for `answer`; a refusal is a failed load (net::ERR_FAILED). */
export function responseOf(answer: PageAnswer): Response {
  if (answer.kind === 'refuse') return Response.error();
  const status = answer.status >= 200 && answer.status <= 599 ? answer.status : 502;
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    try {
      headers.append(name, value);
    } catch {
      // A header Fetch cannot carry (a malformed name or value from the site) is left out.
    }
  }
  return new Response(NULL_BODY_STATUSES.has(status) ? null : new Uint8Array(answer.body), { status, headers });
}

/** Opens a fresh partition wired to `network`, for one capture. */
export async function openCaptureSession(network: CaptureNetwork, userAgent: string): Promise<CaptureSession> {
  const partition = `${CAPTURE_PARTITION_PREFIX}${randomUUID()}`;
  const pageSession = session.fromPartition(partition, { cache: false });
  let pending = 0;
  let lastActivity = Date.now();
  let disposed = false;
  const navigations = new Set<string>();

  const answer = async (request: Request): Promise<Response> => {
    pending++;
    lastActivity = Date.now();
    try {
      const isNavigation = navigations.delete(request.url);
      return responseOf(await network.answer(await pageRequestOf(request, isNavigation)));
    } catch {
      // An unexpected failure of one request fails that request, not the capture.
      return Response.error();
    } finally {
      pending--;
      lastActivity = Date.now();
    }
  };

  pageSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  pageSession.setPermissionCheckHandler(() => false);
  pageSession.setDevicePermissionHandler(() => false);
  pageSession.setSpellCheckerEnabled(false);
  pageSession.setUserAgent(userAgent);
  // A page that starts a download keeps nothing: the copy is what the page showed.
  pageSession.on('will-download', (event) => event.preventDefault());
  // WebSockets, file:, custom schemes: nothing the guarded network does not answer.
  pageSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !ALLOWED_ADDRESS.test(details.url) }));
  await pageSession.setProxy(NO_NETWORK_PROXY);
  for (const scheme of WEB_SCHEMES) pageSession.protocol.handle(scheme, answer);

  return {
    partition,
    session: pageSession,
    pending: () => pending,
    lastActivity: () => lastActivity,
    expectNavigation: (url) => void navigations.add(url),
    async dispose() {
      if (disposed) return;
      disposed = true;
      network.stop();
      for (const scheme of WEB_SCHEMES) {
        try {
          pageSession.protocol.unhandle(scheme);
        } catch {
          // Not handled any more: nothing to undo.
        }
      }
      await Promise.all([pageSession.clearStorageData(), pageSession.clearCache()]).catch(() => undefined);
    },
  };
}
