/**
 * The one way Factmark fetches evidence from the web: http(s) only, no cookies or credentials,
 * never to private addresses (checked after DNS and after every redirect, and connected to the
 * very address that was checked, so DNS rebinding cannot swap it), within a size and time limit,
 * cancellable.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { classifyAddress, describeAddressKind, isPublicAddress } from './address-policy';
import {
  badResponseError,
  cancelledError,
  EvidenceFetchError,
  notHttpError,
  offlineError,
  privateAddressError,
  redirectLoopError,
  timeoutError,
  tooLargeError,
  tooManyRedirectsError,
} from './evidence-fetch-error';
import { ACCEPTED_ENCODINGS, BodyReadError, readLimitedBody } from './response-body';

export { EvidenceFetchError, type EvidenceFetchErrorCode } from './evidence-fetch-error';

/** What a fetch may do. The product passes the reviewer's settings; tests open the loopback. */
export interface FetchRules {
  /** False in the product unless Preferences → Allow private network addresses is on. */
  allowPrivateAddresses: boolean;
  /** Largest body, counted after decompression. */
  maxBytes: number;
  /** Total time for the whole fetch, redirects included. */
  timeoutMs: number;
  maxRedirects: number;
  /** Aborting it cancels the fetch with code 'cancelled'. */
  signal?: AbortSignal;
  /** Test seam: which resolved addresses count as allowed when allowPrivateAddresses is false. Default: public unicast only. */
  permitsAddress?: (address: string, family: 4 | 6) => boolean;
}

/** The product's limits: 50 MB a page, two minutes, ten redirects, no private addresses. */
export const DEFAULT_FETCH_RULES: Omit<FetchRules, 'signal'> = {
  allowPrivateAddresses: false,
  maxBytes: 50 * 1024 * 1024,
  timeoutMs: 120_000,
  maxRedirects: 10,
};

/** A fetched response (the last hop after redirects), body decoded. */
export interface FetchedResource {
  requestedUrl: string;
  finalUrl: string;
  /** Each address a redirect led to, in order; the last one is `finalUrl`. Empty when there was no redirect. */
  redirects: string[];
  status: number;
  /** The Content-Type header as sent ('' when absent). */
  contentType: string;
  body: Buffer;
  retrievedAt: string;
  /** The final response's headers, lower-case names, minus cookies and transfer framing (the body is already decoded). */
  headers?: Record<string, string>;
}

/** Details of a request made on a page's behalf (a capture's stylesheets, images, scripts' calls). */
export interface FetchRequest {
  method?: string;
  /** Headers the page would send; cookies, credentials and framing headers are dropped. */
  headers?: Record<string, string>;
  body?: Buffer;
}

/** Sent as the User-Agent when the caller gives none: honest about who fetches, browser-like enough for most sites. */
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Factmark evidence copy';

/** Request headers never passed on: credentials from anywhere, and headers Node or this module set itself. */
const DROPPED_REQUEST_HEADERS = new Set([
  'cookie',
  'authorization',
  'proxy-authorization',
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'te',
  'upgrade',
  'accept-encoding',
  'proxy-connection',
]);
/** Response headers not handed on: cookies are never kept, framing no longer matches the decoded body. */
const DROPPED_RESPONSE_HEADERS = new Set(['set-cookie', 'set-cookie2', 'content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const NETWORK_FAILURES: Record<string, string> = {
  ENOTFOUND: 'its name could not be looked up',
  EAI_AGAIN: 'its name could not be looked up',
  EAI_FAIL: 'its name could not be looked up',
  ENODATA: 'its name has no address',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was dropped',
  EPIPE: 'the connection was dropped',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'there is no route to it',
  ENETUNREACH: 'there is no network route to it',
  ENETDOWN: 'the network is down',
};

/** Parses `url`, accepting http(s) only and dropping user:password@ (credentials are never sent). */
function httpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw notHttpError(url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw notHttpError(url);
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  return parsed;
}

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/** Rejects when `signal` aborts, so a DNS lookup (which cannot be aborted) does not outlive the fetch. */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Every address `url`'s host resolves to, each one checked against the rules; refuses if any is not allowed. */
async function checkedAddresses(url: URL, rules: FetchRules, signal: AbortSignal): Promise<LookupAddress[]> {
  const host = bareHost(url);
  const literal = isIP(host);
  const addresses: LookupAddress[] = literal
    ? [{ address: host, family: literal }]
    : await abortable(new Promise<LookupAddress[]>((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (error, found) => (error ? reject(error) : resolve(found)))), signal);
  if (addresses.length === 0) throw Object.assign(new Error('no addresses'), { code: 'ENODATA' });
  if (!rules.allowPrivateAddresses) {
    const permits = rules.permitsAddress ?? ((address: string) => isPublicAddress(address));
    // Refuse when ANY address is not allowed: the connection could otherwise land on that one.
    const refused = addresses.find(({ address, family }) => !permits(address, family === 6 ? 6 : 4));
    if (refused) {
      const kind = classifyAddress(refused.address);
      throw privateAddressError(url.href, host, refused.address, describeAddressKind(kind === 'public' ? 'reserved' : kind));
    }
  }
  return addresses;
}

/** A `lookup` that answers with the addresses already checked, so the socket cannot connect anywhere else. */
function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const [first] = addresses;
    if (options.all || !first) callback(null, addresses);
    else callback(null, first.address, first.family);
  };
}

/** The headers a fetch sends for a request that asked for `given` (credentials and framing dropped, its own agent and encodings added). */
export function requestHeaders(given: Record<string, string> | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: '*/*' };
  for (const [name, value] of Object.entries(given ?? {})) {
    const lower = name.toLowerCase();
    if (!DROPPED_REQUEST_HEADERS.has(lower) && !lower.startsWith(':')) headers[lower] = value;
  }
  headers['accept-encoding'] = ACCEPTED_ENCODINGS;
  return headers;
}

function send(url: URL, addresses: LookupAddress[], request: FetchRequest, signal: AbortSignal): Promise<IncomingMessage> {
  const method = (request.method ?? 'GET').toUpperCase();
  const open = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = open(
      {
        host: bareHost(url),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method,
        headers: requestHeaders(request.headers),
        lookup: pinnedLookup(addresses),
        // A fresh connection each time: a pooled socket could have been opened for another check.
        agent: false,
        signal,
      },
      resolve,
    );
    outgoing.on('error', reject);
    outgoing.end(method === 'GET' || method === 'HEAD' ? undefined : request.body);
  });
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || DROPPED_RESPONSE_HEADERS.has(name)) continue;
    flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Turns whatever went wrong into an EvidenceFetchError that says what to do. */
function explain(error: unknown, url: string, rules: FetchRules, timeout: AbortSignal): EvidenceFetchError {
  if (error instanceof EvidenceFetchError) return error;
  if (rules.signal?.aborted) return cancelledError(url);
  if (timeout.aborted) return timeoutError(url, rules.timeoutMs);
  if (error instanceof BodyReadError) return error.reason === 'too-large' ? tooLargeError(url, rules.maxBytes) : badResponseError(url, error.message);
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the address as it was given
  }
  if (NETWORK_FAILURES[code]) return offlineError(url, host, NETWORK_FAILURES[code]);
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return badResponseError(url, `its security certificate could not be trusted (${code})`);
  if (code.startsWith('HPE_')) return badResponseError(url, 'the site sent a malformed HTTP response');
  return badResponseError(url, error instanceof Error ? error.message : String(error));
}

/**
 * Fetches `url` under `rules`, following redirects itself so each hop is checked. Any HTTP status
 * is returned (a 404 is an answer); refusals and failures throw EvidenceFetchError.
 */
export async function guardedFetch(url: string, rules: FetchRules, request: FetchRequest = {}): Promise<FetchedResource> {
  const timeout = AbortSignal.timeout(rules.timeoutMs);
  const signal = rules.signal ? AbortSignal.any([rules.signal, timeout]) : timeout;
  let current = url;
  // Messages name the address without any user:password@ it came with.
  let start = url;
  const redirects: string[] = [];
  let hop = request;
  try {
    let target = httpUrl(url);
    start = target.href;
    const visited = new Set([start]);
    for (;;) {
      current = target.href;
      if (signal.aborted) throw signal.reason;
      const addresses = await checkedAddresses(target, rules, signal);
      const response = await send(target, addresses, hop, signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(status) && location) {
        response.destroy();
        let next: URL;
        try {
          next = httpUrl(new URL(location, target).href);
        } catch (error) {
          if (error instanceof EvidenceFetchError) throw new EvidenceFetchError(error.code, `${current} redirects elsewhere. ${error.message}`, error.url);
          throw badResponseError(current, `it redirects to “${location}”, which is not a web address`);
        }
        if (visited.has(next.href)) throw redirectLoopError(start, [start, ...redirects, next.href]);
        if (redirects.length >= rules.maxRedirects) throw tooManyRedirectsError(start, rules.maxRedirects);
        visited.add(next.href);
        redirects.push(next.href);
        // As browsers do: 303, and 301/302 after a POST, continue as a GET without the body.
        const method = (hop.method ?? 'GET').toUpperCase();
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) hop = { headers: hop.headers, method: method === 'HEAD' ? 'HEAD' : 'GET' };
        target = next;
        continue;
      }
      const body = await readLimitedBody(response, rules.maxBytes);
      return {
        requestedUrl: url,
        finalUrl: target.href,
        redirects,
        status,
        contentType: String(response.headers['content-type'] ?? ''),
        body,
        retrievedAt: new Date().toISOString(),
        headers: flatHeaders(response.headers),
      };
    }
  } catch (error) {
    const failure = explain(error, current, rules, timeout);
    // Name the address the reviewer asked for when the refusal is about where it led.
    if (redirects.length > 0 && failure.code === 'private-address') {
      throw new EvidenceFetchError(failure.code, `${start} redirected to ${failure.url || current}. ${failure.message}`, failure.url || current);
    }
    throw failure;
  }
}
