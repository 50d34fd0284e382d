/**
 * Reads an HTTP response body into memory within a size limit, decompressing gzip, deflate and
 * brotli on the way, so a compressed "zip bomb" is stopped by the same limit as a plain body.
 */
import type { IncomingMessage } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

/** Content codings Factmark asks for and can decode (sent as Accept-Encoding). */
export const ACCEPTED_ENCODINGS = 'gzip, deflate, br';

/** Why a body could not be read; the caller turns these into reviewer-facing errors. */
export class BodyReadError extends Error {
  constructor(
    readonly reason: 'too-large' | 'undecodable',
    detail: string,
  ) {
    super(detail);
    this.name = 'BodyReadError';
  }
}

/**
 * "deflate" means zlib-wrapped data by the standard, but some servers send raw deflate (as
 * browsers accept both); the first byte tells them apart (zlib's CMF byte has method 8 in its low bits).
 */
class EitherDeflate extends Transform {
  private inner: Transform | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.inner) {
      this.inner = ((chunk[0] ?? 0) & 0x0f) === 8 ? createInflate() : createInflateRaw();
      this.inner.on('data', (data: Buffer) => this.push(data));
      this.inner.on('error', (error) => this.destroy(error));
    }
    this.inner.write(chunk, done);
  }

  override _flush(done: TransformCallback): void {
    if (!this.inner) return done();
    this.inner.once('end', () => done());
    this.inner.end();
  }
}

function decoderFor(encoding: string): Transform | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return new EitherDeflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new BodyReadError('undecodable', `the site sent it in the “${encoding}” content encoding, which Factmark cannot read`);
  }
}

/**
 * The whole (decoded) body of `response`, refusing with `too-large` as soon as the declared length
 * or the bytes read (before and after decoding) pass `maxBytes`; the response is destroyed then,
 * so the rest is never downloaded.
 */
export async function readLimitedBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new BodyReadError('too-large', `it declares ${declared} bytes`);
  }
  const encoding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  let decoder: Transform | null;
  try {
    decoder = decoderFor(encoding);
  } catch (error) {
    response.destroy();
    throw error;
  }
  let decoded: AsyncIterable<Buffer> = response;
  if (decoder) {
    // Compressed bytes are counted too, so a body that never decodes to anything still stops at the limit.
    let rawBytes = 0;
    response.on('data', (chunk: Buffer) => {
      rawBytes += chunk.length;
      if (rawBytes > maxBytes) response.destroy(new BodyReadError('too-large', `it sent more than ${maxBytes} bytes`));
    });
    response.on('error', (error) => decoder.destroy(error));
    decoded = response.pipe(decoder);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of decoded) {
      total += chunk.length;
      if (total > maxBytes) throw new BodyReadError('too-large', `it decodes to more than ${maxBytes} bytes`);
      chunks.push(chunk);
    }
  } catch (error) {
    response.destroy();
    decoder?.destroy();
    if (error instanceof BodyReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR_FORMAT_PADDING_1') {
      throw new BodyReadError('undecodable', `its ${encoding} compression is damaged`);
    }
    throw error;
  }
  // A connection closed before the declared length arrived is a dropped download, not a page.
  if (!response.complete) throw Object.assign(new Error('The connection closed before the whole response arrived.'), { code: 'ECONNRESET' });
  return Buffer.concat(chunks, total);
}
