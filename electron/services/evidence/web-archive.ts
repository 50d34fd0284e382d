/**
 * A kept page's network as a WARC 1.1 file (ISO 28500:2017), so a replay tool (pywb,
 * ReplayWeb.page) or an archive can read the copy without Factmark: one warcinfo record naming
 * Factmark, then a response and a request record for every response handed to the page.
 */
import { STATUS_CODES } from 'node:http';
import type { WARCRecord } from 'warcio';
import packageJson from '../../../package.json' with { type: 'json' };

/** One request of the page and the response it was handed, as the capture network saw them. */
export interface ServedExchange {
  /** The address the page asked for (and is replayed under). */
  url: string;
  method: string;
  /** The headers the guarded fetch sent (the page's own, minus credentials and framing). */
  requestHeaders: Record<string, string>;
  requestBody?: Buffer;
  status: number;
  /** As handed to the page: cookies and transfer framing left out, the body already decoded. */
  responseHeaders: Record<string, string>;
  body: Buffer;
  /** ISO 8601, when the response arrived. */
  retrievedAt: string;
  /** Where the response came from after redirects (the same as `url` when there were none). */
  finalUrl: string;
}

/** Names the program in the warcinfo record, as package.json states its version. */
export const WARC_SOFTWARE = `Factmark ${packageJson.version}`;
/** The file name a kept copy's WARC gets. */
export const WEB_ARCHIVE_FILE_NAME = 'page.warc.gz';
/**
 * An extension field on a response that reached the page through redirects: the guarded fetch
 * follows them itself, so the record holds the last hop's answer under the address the page asked.
 */
export const REDIRECTED_TO_FIELD = 'Factmark-Redirected-To';

const WARC_VERSION = 'WARC/1.1';

function bytesOf(body: Buffer | undefined): Uint8Array[] {
  return body && body.length > 0 ? [new Uint8Array(body.buffer, body.byteOffset, body.length)] : [];
}

/** The request line's target: path and query, as sent to the server. */
function requestTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** The response's headers with a Content-Length that matches the decoded body the record holds. */
function recordedResponseHeaders(exchange: ServedExchange): [string, string][] {
  const headers = Object.entries(exchange.responseHeaders).filter(([name]) => name.toLowerCase() !== 'content-length');
  return [...headers, ['content-length', String(exchange.body.length)]];
}

function recordedRequestHeaders(exchange: ServedExchange): [string, string][] {
  const headers = Object.entries(exchange.requestHeaders).filter(([name]) => name.toLowerCase() !== 'host');
  return [['host', new URL(exchange.finalUrl).host], ...headers];
}

/**
 * The WARC (gzip per record) of `exchanges`, in the order given; `createdAt` dates the warcinfo
 * record. Every response record carries WARC-Target-URI, WARC-Date (when it arrived) and a
 * SHA-256 WARC-Payload-Digest of the body, and its request record points at it with WARC-Concurrent-To.
 */
export async function writeWebArchive(exchanges: readonly ServedExchange[], createdAt: string, software = WARC_SOFTWARE): Promise<Buffer> {
  // Loaded when a page is kept, not when the app starts.
  const { WARCRecord, WARCSerializer } = await import('warcio');
  // Each record its own gzip member, as WARC readers expect of a .warc.gz (so one can be read alone).
  const serialized = (record: WARCRecord): Promise<Uint8Array> => WARCSerializer.serialize(record, { gzip: true });
  const info = WARCRecord.createWARCInfo(
    { filename: WEB_ARCHIVE_FILE_NAME, date: createdAt, warcVersion: WARC_VERSION },
    {
      software,
      format: 'WARC File Format 1.1',
      conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
      description: 'The responses a web page was handed while Factmark kept a copy of it, each fetched under the evidence rules of Factmark.',
    },
  );
  const parts: Uint8Array[] = [await serialized(info)];
  for (const exchange of exchanges) {
    const extra: [string, string][] = exchange.finalUrl !== exchange.url ? [[REDIRECTED_TO_FIELD, exchange.finalUrl]] : [];
    const response = WARCRecord.create(
      {
        url: exchange.url,
        date: exchange.retrievedAt,
        type: 'response',
        warcVersion: WARC_VERSION,
        warcHeaders: extra,
        statusline: `HTTP/1.1 ${exchange.status} ${STATUS_CODES[exchange.status] ?? ''}`.trimEnd(),
        httpHeaders: recordedResponseHeaders(exchange),
      },
      bytesOf(exchange.body),
    );
    const responseId = response.warcHeaders.headers.get('WARC-Record-ID') ?? '';
    const request = WARCRecord.create(
      {
        url: exchange.url,
        date: exchange.retrievedAt,
        type: 'request',
        warcVersion: WARC_VERSION,
        warcHeaders: [['WARC-Concurrent-To', responseId]],
        statusline: `${exchange.method} ${requestTarget(exchange.finalUrl)} HTTP/1.1`,
        httpHeaders: recordedRequestHeaders(exchange),
      },
      bytesOf(exchange.requestBody),
    );
    parts.push(await serialized(response), await serialized(request));
  }
  return Buffer.concat(parts);
}
