/**
 * The only network a page being captured has: every request Chromium makes is handed to
 * `guardedFetch` under the same rules (private addresses, size, time), and the page as a whole
 * shares one size budget. What was refused is recorded for the copy's notes.
 */
import type { Route } from 'playwright-core';
import type { ArchivePart } from './mhtml-parts';
import { guardedFetch, EvidenceFetchError, type EvidenceFetchErrorCode, type FetchedResource, type FetchRules } from './guarded-fetch';

/** A request of the page that was not loaded, and why. */
export interface RefusedRequest {
  url: string;
  code: EvidenceFetchErrorCode;
  message: string;
}

/** Chromium's error for each refusal, so the page sees a failed load (and developer tools would say why). */
const ABORT_REASONS: Record<EvidenceFetchErrorCode, 'blockedbyclient' | 'addressunreachable' | 'connectionrefused' | 'timedout' | 'aborted' | 'failed'> = {
  'not-http': 'blockedbyclient',
  'private-address': 'addressunreachable',
  'too-large': 'blockedbyclient',
  timeout: 'timedout',
  'too-many-redirects': 'failed',
  'redirect-loop': 'failed',
  offline: 'connectionrefused',
  cancelled: 'aborted',
  'bad-response': 'failed',
};

const SCHEME_PATTERN = /^https?:/i;

/**
 * Routes a capture's requests. The top document was fetched already (to see whether it is a web
 * page at all), so its first navigation is answered from those bytes: the archive shows exactly
 * what was checked, and the site is asked once.
 */
export class CaptureNetwork {
  /** Requests that were refused or failed, in the order they were refused. */
  readonly refused: RefusedRequest[] = [];
  /** The web fonts the page loaded, kept for the archive (Chromium's snapshot leaves fonts out). */
  readonly fonts: ArchivePart[] = [];
  private used: number;
  private documentServed = false;
  private readonly stopper = new AbortController();

  constructor(
    private readonly rules: FetchRules,
    private readonly document: FetchedResource,
  ) {
    this.used = document.body.length;
  }

  /** Bytes of every response handed to the page so far, the document included. */
  get bytesUsed(): number {
    return this.used;
  }

  /** Cancels the fetches still running and refuses any new ones (the capture is over). */
  stop(): void {
    this.stopper.abort();
  }

  /** The handler for `context.route('**\/*', …)`. */
  readonly handle = async (route: Route): Promise<void> => {
    const request = route.request();
    const url = request.url();
    if (!SCHEME_PATTERN.test(url) || this.stopper.signal.aborted) return this.abort(route, url, 'not-http', 'Only http(s) requests are fetched, and only while the page is being kept.');
    if (!this.documentServed && url === this.document.finalUrl && request.isNavigationRequest() && request.method() === 'GET') {
      this.documentServed = true;
      return route.fulfill({ status: this.document.status, headers: this.document.headers ?? { 'content-type': this.document.contentType }, body: this.document.body }).catch(() => undefined);
    }
    const remaining = this.rules.maxBytes - this.used;
    if (remaining <= 0) return this.abort(route, url, 'too-large', 'The page and what it loads passed the size limit for one kept copy.');
    const signal = this.rules.signal ? AbortSignal.any([this.rules.signal, this.stopper.signal]) : this.stopper.signal;
    try {
      const fetched = await guardedFetch(url, { ...this.rules, maxBytes: remaining, signal }, { method: request.method(), headers: request.headers(), body: request.postDataBuffer() ?? undefined });
      // Several requests run at once, each allowed what was left when it started: recheck the total.
      if (this.used + fetched.body.length > this.rules.maxBytes) return this.abort(route, url, 'too-large', 'The page and what it loads passed the size limit for one kept copy.');
      this.used += fetched.body.length;
      if (request.resourceType() === 'font' && fetched.status === 200) this.fonts.push({ url, mediaType: fetched.contentType.split(';')[0]?.trim() || 'font/woff2', body: fetched.body });
      await route.fulfill({ status: fetched.status, headers: fetched.headers ?? { 'content-type': fetched.contentType }, body: fetched.body });
    } catch (error) {
      if (error instanceof EvidenceFetchError) return this.abort(route, url, error.code, error.message);
      // The page or browser closed while this request was out: nothing to answer.
    }
  };

  private async abort(route: Route, url: string, code: EvidenceFetchErrorCode, message: string): Promise<void> {
    if (!this.stopper.signal.aborted) this.refused.push({ url, code, message });
    await route.abort(ABORT_REASONS[code]).catch(() => undefined);
  }
}
