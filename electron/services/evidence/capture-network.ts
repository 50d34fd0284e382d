/**
 * The only network a page being captured has: every request Chromium makes is handed to
 * `guardedFetch` under the same rules (private addresses, size, time), and the page as a whole
 * shares one size budget. What was refused is recorded for the copy's notes; what was served is
 * recorded for the copy's web archive.
 */
import type { Route } from 'playwright-core';
import type { ArchivePart } from './mhtml-parts';
import { guardedFetch, EvidenceFetchError, requestHeaders, type EvidenceFetchErrorCode, type FetchedResource, type FetchRules } from './guarded-fetch';
import { WEB_ARCHIVE_FILE_NAME, writeWebArchive, type ServedExchange } from './web-archive';
import type { CapturedFile } from './capture-page';

/** A request of the page that was not loaded, and why. */
export interface RefusedRequest {
  url: string;
  code: EvidenceFetchErrorCode;
  message: string;
}

/** A request of the page being captured, in the terms of any browser driver (Playwright, Electron). */
export interface PageRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** True for the request that loads a frame's document. */
  isNavigation: boolean;
  /** The browser's word for what is requested ('document', 'stylesheet', 'image', 'font', …). */
  resourceType: string;
}

/** What the page gets for a request: a response to hand over, or a refusal (a failed load). */
export type PageAnswer = { kind: 'fulfil'; status: number; headers: Record<string, string>; body: Buffer } | { kind: 'refuse'; code: EvidenceFetchErrorCode };

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
const TOO_LARGE = 'The page and what it loads passed the size limit for one kept copy.';

/** The response headers handed to the page: the fetch's own, or just the type it declared. */
function responseHeaders(resource: FetchedResource): Record<string, string> {
  return resource.headers ?? { 'content-type': resource.contentType };
}

/**
 * Answers a capture's requests. The top document was fetched already (to see whether it is a web
 * page at all), so its first navigation is answered from those bytes: the archive shows exactly
 * what was checked, and the site is asked once.
 */
export class CaptureNetwork {
  /** Requests that were refused or failed, in the order they were refused. */
  readonly refused: RefusedRequest[] = [];
  /** The web fonts the page loaded, kept for the archive (Chromium's snapshot leaves fonts out). */
  readonly fonts: ArchivePart[] = [];
  /** Every response handed to the page, the top document included, in the order they were handed over. */
  readonly served: ServedExchange[] = [];
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

  /**
   * Decides what the page gets for `request`: the document from the bytes already fetched (once),
   * anything else through the guarded fetch within what is left of the size budget. Refusals are
   * recorded in `refused` (unless the capture is over), responses in `served`.
   */
  async answer(request: PageRequest): Promise<PageAnswer> {
    const { url } = request;
    if (!SCHEME_PATTERN.test(url) || this.stopper.signal.aborted) return this.refuse(url, 'not-http', 'Only http(s) requests are fetched, and only while the page is being kept.');
    if (!this.documentServed && url === this.document.finalUrl && request.isNavigation && request.method.toUpperCase() === 'GET') {
      this.documentServed = true;
      // The site was asked by captureEvidence's own fetch, with no headers of the page's.
      return this.serve(url, { method: 'GET', headers: requestHeaders(undefined) }, this.document);
    }
    const remaining = this.rules.maxBytes - this.used;
    if (remaining <= 0) return this.refuse(url, 'too-large', TOO_LARGE);
    const signal = this.rules.signal ? AbortSignal.any([this.rules.signal, this.stopper.signal]) : this.stopper.signal;
    let fetched: FetchedResource;
    try {
      fetched = await guardedFetch(url, { ...this.rules, maxBytes: remaining, signal }, { method: request.method, headers: request.headers, body: request.body });
    } catch (error) {
      if (error instanceof EvidenceFetchError) return this.refuse(url, error.code, error.message);
      throw error;
    }
    // Several requests run at once, each allowed what was left when it started: recheck the total.
    if (this.used + fetched.body.length > this.rules.maxBytes) return this.refuse(url, 'too-large', TOO_LARGE);
    this.used += fetched.body.length;
    if (request.resourceType === 'font' && fetched.status === 200) this.fonts.push({ url, mediaType: fetched.contentType.split(';')[0]?.trim() || 'font/woff2', body: fetched.body });
    return this.serve(url, { method: request.method.toUpperCase(), headers: requestHeaders(request.headers), body: request.body }, fetched);
  }

  /**
   * The responses handed to the page as a WARC file (role 'web-archive'), or null when the page
   * was handed nothing. Call it once the capture is over, so the file holds every response.
   */
  async webArchive(): Promise<CapturedFile | null> {
    if (this.served.length === 0) return null;
    const bytes = await writeWebArchive(this.served, new Date().toISOString());
    return { role: 'web-archive', fileName: WEB_ARCHIVE_FILE_NAME, mediaType: 'application/warc', bytes };
  }

  /** The handler for `context.route('**\/*', …)`: Playwright's side of `answer`. */
  readonly handle = async (route: Route): Promise<void> => {
    const request = route.request();
    let answer: PageAnswer;
    try {
      answer = await this.answer({
        url: request.url(),
        method: request.method(),
        headers: request.headers(),
        body: request.postDataBuffer() ?? undefined,
        isNavigation: request.isNavigationRequest(),
        resourceType: request.resourceType(),
      });
    } catch {
      answer = { kind: 'refuse', code: 'bad-response' };
    }
    // The page or browser may have closed while the request was out: then there is nothing to answer.
    if (answer.kind === 'fulfil') await route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body }).catch(() => undefined);
    else await route.abort(ABORT_REASONS[answer.code]).catch(() => undefined);
  };

  private serve(url: string, sent: { method: string; headers: Record<string, string>; body?: Buffer }, resource: FetchedResource): PageAnswer {
    const headers = responseHeaders(resource);
    this.served.push({
      url,
      method: sent.method,
      requestHeaders: sent.headers,
      requestBody: sent.body,
      status: resource.status,
      responseHeaders: headers,
      body: resource.body,
      retrievedAt: resource.retrievedAt,
      finalUrl: resource.finalUrl,
    });
    return { kind: 'fulfil', status: resource.status, headers, body: resource.body };
  }

  private refuse(url: string, code: EvidenceFetchErrorCode, message: string): PageAnswer {
    if (!this.stopper.signal.aborted) this.refused.push({ url, code, message });
    return { kind: 'refuse', code };
  }
}
