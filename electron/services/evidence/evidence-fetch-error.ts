/**
 * Why keeping a copy of a web address failed, with a message for the reviewer: what happened,
 * that nothing was kept, and what to do next.
 */
import { megabytes } from '../megabytes';

/** The reasons a fetch or a page capture can fail; callers branch on these, people read the message. */
export type EvidenceFetchErrorCode = 'not-http' | 'private-address' | 'too-large' | 'timeout' | 'too-many-redirects' | 'redirect-loop' | 'offline' | 'cancelled' | 'bad-response';

/** A fetch or capture that was refused or failed; `url` is the address that failed (after redirects, the hop that did). */
export class EvidenceFetchError extends Error {
  constructor(
    readonly code: EvidenceFetchErrorCode,
    message: string,
    readonly url: string = '',
  ) {
    super(message);
    this.name = 'EvidenceFetchError';
  }
}

const NOTHING_KEPT = 'Nothing was kept.';

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`;
}

/** The error for an address whose scheme is not http(s) (or that is not an address at all). */
export function notHttpError(url: string): EvidenceFetchError {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  const what = scheme ? `${url} is a ${scheme}: address` : `“${url}” is not a web address`;
  return new EvidenceFetchError('not-http', `${what}; Factmark keeps copies of http and https pages only. ${NOTHING_KEPT} Check the address, or save the file and attach it as evidence.`, url);
}

/** The error for a host that resolves to (or is) an address the rules do not allow. */
export function privateAddressError(url: string, host: string, address: string, kindWords: string): EvidenceFetchError {
  const where = host === address ? `${address} is ${kindWords}` : `${host} leads to ${address}, ${kindWords}`;
  return new EvidenceFetchError(
    'private-address',
    `${where}; Factmark does not fetch those unless Preferences → Allow private network addresses is on (on the command line: --allow-private-addresses). ${NOTHING_KEPT} Turn that on only if you trust this address.`,
    url,
  );
}

/** The error for a response that is, or grows, past the size limit. */
export function tooLargeError(url: string, maxBytes: number): EvidenceFetchError {
  return new EvidenceFetchError(
    'too-large',
    `${url} is larger than the ${megabytes(maxBytes)} limit for a kept copy, so Factmark stopped reading it. ${NOTHING_KEPT} Download it with your browser and attach the file as evidence instead.`,
    url,
  );
}

/** The error for a fetch that did not finish within the time limit. */
export function timeoutError(url: string, timeoutMs: number): EvidenceFetchError {
  return new EvidenceFetchError(
    'timeout',
    `${url} did not finish loading within ${seconds(timeoutMs)}, so Factmark stopped waiting. ${NOTHING_KEPT} The site may be slow or the page may never finish; try again later, or save the page from your browser and attach it.`,
    url,
  );
}

/** The error for a fetch the reviewer cancelled. */
export function cancelledError(url: string): EvidenceFetchError {
  return new EvidenceFetchError('cancelled', `Keeping a copy of ${url} was cancelled. ${NOTHING_KEPT}`, url);
}

/** The error for a chain of more than `maxRedirects` redirects. */
export function tooManyRedirectsError(url: string, maxRedirects: number): EvidenceFetchError {
  return new EvidenceFetchError(
    'too-many-redirects',
    `${url} sent Factmark on more than ${maxRedirects} redirects, so it stopped following them. ${NOTHING_KEPT} Open the address in a browser to see where it leads, and keep the final address instead.`,
    url,
  );
}

/** The error for redirects that come back to an address already visited. */
export function redirectLoopError(url: string, chain: readonly string[]): EvidenceFetchError {
  return new EvidenceFetchError(
    'redirect-loop',
    `${url} redirects in a circle (${chain.join(' → ')}), so there is no page to keep. ${NOTHING_KEPT} The site may want cookies or a login, which Factmark never sends; save the page from your browser and attach it instead.`,
    url,
  );
}

/** The error for a site that cannot be reached: no network, unknown host, connection refused or dropped. */
export function offlineError(url: string, host: string, detail: string): EvidenceFetchError {
  return new EvidenceFetchError(
    'offline',
    `Could not reach ${host} (${detail}): the computer seems to be offline or the site is unreachable. ${NOTHING_KEPT} Check the connection and the address, then try again.`,
    url,
  );
}

/** The error for a response Factmark cannot use (malformed, undecodable, untrusted certificate, an error status). */
export function badResponseError(url: string, detail: string): EvidenceFetchError {
  return new EvidenceFetchError('bad-response', `${url} could not be kept: ${detail}. ${NOTHING_KEPT} Open it in a browser to check it, and attach a saved copy if it matters.`, url);
}
