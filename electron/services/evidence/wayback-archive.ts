/**
 * Sends one kept page's address to the archive service the way the Wayback Machine's Save Page Now
 * works without an account: GET `<service>save/<page address>`. Only the page's address leaves the
 * computer, never the copy, and through the guarded fetch under the same rules as a keep.
 */
import { classifyAddress, isPublicAddress } from './address-policy';
import { guardedFetch, EvidenceFetchError, type FetchRules } from './guarded-fetch';
import { isIP } from 'node:net';
import type { ArchiveFailure } from '../../../shared/model/archive-queue';

/** An archived copy's path on the service: `/web/<14-digit timestamp>[flags]/<address>`. */
const ARCHIVED_PATH = /^\/web\/\d{14}[a-z_]*\/./;

/** What the archive service made of a page. */
export interface ArchivedPage {
  /** The archived copy's address on the service. */
  url: string;
  sentAt: string;
}

/**
 * A send that did not give an archived copy. `retry`: the network or the service was not there,
 * or it answered without a copy, so the page stays queued; `drop`: it can never work (the page's
 * address is not on the web, or an address the rules refuse), so it leaves the queue.
 */
export class ArchiveSendError extends Error {
  constructor(
    readonly action: 'retry' | 'drop',
    readonly failure: ArchiveFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveSendError';
  }
}

/** The service's address with one trailing slash, so `save/` lands under it. */
function serviceBase(address: string): URL {
  const base = new URL(address);
  if (!base.pathname.endsWith('/')) base.pathname = `${base.pathname}/`;
  base.search = '';
  base.hash = '';
  return base;
}

/** The Save Page Now address for `pageUrl`: the page's address as it is, after `save/` (as the service expects). */
export function saveAddress(serviceAddress: string, pageUrl: string): string {
  const page = new URL(pageUrl);
  page.hash = '';
  return `${serviceBase(serviceAddress).href}save/${page.href}`;
}

/** `candidate` (resolved against `base`) when it is an archived copy's address, else null. */
function archivedAddress(candidate: string | undefined, base: string): string | null {
  if (!candidate) return null;
  try {
    const url = new URL(candidate, base);
    return (url.protocol === 'http:' || url.protocol === 'https:') && ARCHIVED_PATH.test(url.pathname) && url.href.length <= 4096 ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Refuses a page the service could never reach, before anything is sent: an address that is not
 * http(s), or one on this computer or a private network that the rules do not allow (its address
 * would leave the computer for nothing).
 */
function checkPage(pageUrl: string, rules: FetchRules): void {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    throw new ArchiveSendError('drop', 'failed', `“${pageUrl}” is not a web address, so the archive service cannot save it. It was taken off the queue; the kept copy is unchanged.`);
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') {
    throw new ArchiveSendError('drop', 'failed', `${pageUrl} is not an http or https address, so the archive service cannot save it. It was taken off the queue; the kept copy is unchanged.`);
  }
  if (rules.allowPrivateAddresses) return;
  const host = page.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  const local = family === 0 ? host === 'localhost' || host.endsWith('.localhost') : !(rules.permitsAddress ?? isPublicAddress)(host, family === 6 ? 6 : 4);
  if (local) {
    const kind = family === 0 ? 'loopback' : classifyAddress(host);
    throw new ArchiveSendError(
      'drop',
      'failed',
      `${pageUrl} is on ${kind === 'loopback' ? 'this computer' : 'a private network'}, so the archive service could not reach it and its address was not sent. It was taken off the queue; the kept copy is unchanged.`,
    );
  }
}

/** The service's answer as a failure: busy or down (429, 5xx) stays queued, as does any other answer. */
function answerFailure(status: number, host: string): ArchiveSendError {
  if (status === 429 || status >= 500) {
    return new ArchiveSendError('retry', 'busy', `The archive service (${host}) is busy or down (HTTP ${status}). The page stays queued and its kept copy is safe; press Send now later to try again.`);
  }
  return new ArchiveSendError(
    'retry',
    'failed',
    `The archive service (${host}) answered HTTP ${status} but named no archived copy. The page stays queued and its kept copy is safe; check the archive service's address in Preferences, then press Send now.`,
  );
}

/** A refusal or failure of the guarded fetch as a send failure, in the service's words. */
function fetchFailure(error: EvidenceFetchError, host: string): ArchiveSendError {
  const stays = 'The page stays queued and its kept copy is safe; press Send now when the connection is back.';
  switch (error.code) {
    case 'offline':
      return new ArchiveSendError('retry', 'offline', `Could not reach the archive service (${host}): the computer seems to be offline or the service is unreachable. ${stays}`);
    case 'timeout':
      return new ArchiveSendError('retry', 'timeout', `The archive service (${host}) did not answer in time. ${stays}`);
    case 'cancelled':
      return new ArchiveSendError('retry', 'failed', `Sending to the archive service was cancelled. ${stays}`);
    case 'private-address':
    case 'not-http':
      // The guarded fetch's sentence says which address and why, and how to allow it.
      return new ArchiveSendError(
        'drop',
        'failed',
        `The archive service's address was refused: ${error.message.replace(/ Nothing was kept\./, '')} The page was taken off the queue; its kept copy is unchanged.`,
      );
    default:
      return new ArchiveSendError(
        'retry',
        'failed',
        `The archive service (${host}) could not be used: ${error.message.replace(/ Nothing was kept\./, '')} The page stays queued; its kept copy is safe.`,
      );
  }
}

/**
 * Asks the archive service at `serviceAddress` to save `pageUrl`. The archived address comes from
 * the answer's Content-Location, else a redirect to `/web/<timestamp>/…`, else the final address
 * when it has that form; anything else is an ArchiveSendError saying whether the page stays queued.
 */
export async function sendToArchive(serviceAddress: string, pageUrl: string, rules: FetchRules, now: () => Date = () => new Date()): Promise<ArchivedPage> {
  checkPage(pageUrl, rules);
  let target: string;
  try {
    target = saveAddress(serviceAddress, pageUrl);
  } catch {
    throw new ArchiveSendError(
      'retry',
      'failed',
      `The archive service's address “${serviceAddress}” is not a web address. The page stays queued; correct the address in Preferences, then press Send now.`,
    );
  }
  const host = new URL(target).host;
  let answer;
  try {
    answer = await guardedFetch(target, rules, { headers: { accept: 'text/html,*/*;q=0.8' } });
  } catch (error) {
    if (error instanceof EvidenceFetchError) throw fetchFailure(error, host);
    throw error;
  }
  const contentLocation = answer.status < 400 ? archivedAddress(answer.headers?.['content-location'], answer.finalUrl) : null;
  const redirected = answer.redirects.map((address) => archivedAddress(address, target)).find((address) => address !== null) ?? null;
  const final = answer.status < 400 ? archivedAddress(answer.finalUrl, target) : null;
  const url = contentLocation ?? redirected ?? final;
  if (url) return { url, sentAt: now().toISOString() };
  throw answerFailure(answer.status, host);
}
