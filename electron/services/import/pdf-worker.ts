/**
 * The PDF reader's thread: reads each PDF that articleFromPdfInWorker sends, with pdf.js, and
 * answers with the article or the refusal. pdf.js loads only here, in the worker's own realm, so
 * what its legacy build replaces (JSON.stringify, 13× slower on Node 20) never reaches the process
 * that saves.
 */
import { parentPort } from 'node:worker_threads';
import { ApiError, type ApiErrorCode } from '../../../shared/api/envelope';
import { articleFromPdf, type PdfArticle } from './pdf-article';

/** What the worker is sent: the file's bytes (their buffer transferred, not copied) and its name. */
export interface PdfRequest {
  bytes: Uint8Array;
  fileName: string;
}

/**
 * The worker's answer. `code` is set for a refusal meant for the reviewer (an ApiError: a scan,
 * a password); without it the failure was unexpected and `stack` says where, for the log.
 */
export type PdfReply = { ok: true; article: PdfArticle } | { ok: false; message: string; code?: ApiErrorCode; stack?: string };

async function reply(request: PdfRequest): Promise<PdfReply> {
  try {
    return { ok: true, article: await articleFromPdf(request.bytes, request.fileName) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, code: error.code, message: error.message };
    if (error instanceof Error) return { ok: false, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
    return { ok: false, message: String(error) };
  }
}

// One PDF at a time: the starter sends the next only after the answer to the last.
const port = parentPort;
if (port) port.on('message', (request: PdfRequest) => void reply(request).then((answer) => port.postMessage(answer)));
