/**
 * Reads a PDF's article in a worker thread (pdf-worker.ts), so pdf.js never loads in the process
 * that saves: its legacy build replaces JSON.stringify there with a polyfill 13× slower on Node 20,
 * which every later save and bridge answer would pay. The refusals are pdf-article's own words.
 *
 * A worker that answered waits IDLE_WORKER_MS for the next PDF, then ends. Starting one costs
 * about as much as reading a news PDF (loading pdf.js; from the sources, bundling the worker
 * too), and PDFs tend to come several at once (a batch dropped on the library, an update after an
 * import); an idle worker holds no work and never keeps a command from exiting. A worker is
 * reused after an article or a refusal (a scan, a password), and ended after anything unexpected:
 * an error, a crash, running out of time or memory.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApiError } from '../../../shared/api/envelope';
import type { PdfArticle } from './pdf-article';
import type { PdfReply, PdfRequest } from './pdf-worker';
import { pdfWorkerFile } from './pdf-worker-file';

/** How long a PDF may take to read before Factmark gives up on it and ends its worker. */
export const PDF_READ_TIME_LIMIT_MS = 120_000;

/** How long a worker that answered waits for another PDF before it ends. */
export const IDLE_WORKER_MS = 30_000;

let idle: { worker: Worker; timer: NodeJS.Timeout } | undefined;

function inWords(ms: number): string {
  const [count, unit] = ms >= 60_000 ? [Math.round(ms / 60_000), 'minute'] : [Math.max(1, Math.round(ms / 1000)), 'second'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function startWorker(): Worker {
  const file = pdfWorkerFile();
  if (!existsSync(fileURLToPath(file))) throw new Error(`Factmark's PDF reader is missing from this installation (${fileURLToPath(file)}); build Factmark again or reinstall it.`);
  // None of the host's Node flags: a loader such as tsx (the bridge runs under --import tsx)
  // would transform pdf.js again in every worker, seconds each time, and the worker needs no other.
  const worker = new Worker(file, { execArgv: [] });
  // An idle worker that stops is forgotten; a busy one's failure is its request's (readIn).
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    if (idle?.worker !== worker) return;
    clearTimeout(idle.timer);
    idle = undefined;
  });
  return worker;
}

function takeWorker(): Worker {
  if (!idle) return startWorker();
  const { worker, timer } = idle;
  idle = undefined;
  clearTimeout(timer);
  worker.ref();
  return worker;
}

function putBack(worker: Worker): void {
  if (idle) {
    void worker.terminate();
    return;
  }
  // Unreferenced while it waits, so a command that imported a PDF exits when it is done.
  worker.unref();
  const timer = setTimeout(() => void worker.terminate(), IDLE_WORKER_MS);
  timer.unref();
  idle = { worker, timer };
}

/** The error a failed reply stands for: the reviewer's refusal as it was, anything else as unexpected. */
function errorOf(reply: Extract<PdfReply, { ok: false }>): Error {
  if (reply.code) return new ApiError(reply.code, reply.message);
  const error = new Error(`The PDF reader failed: ${reply.message}`);
  if (reply.stack) error.stack = `${error.stack ?? error.message}\nIn the PDF reader's worker: ${reply.stack}`;
  return error;
}

function readIn(worker: Worker, bytes: Uint8Array, fileName: string, timeLimitMs: number): Promise<PdfArticle> {
  return new Promise<PdfArticle>((resolve, reject) => {
    const onMessage = (reply: PdfReply): void => {
      finish();
      if (reply.ok || reply.code) putBack(worker);
      else void worker.terminate();
      if (reply.ok) resolve(reply.article);
      else reject(errorOf(reply));
    };
    const fail = (error: Error): void => {
      finish();
      void worker.terminate().finally(() => reject(error));
    };
    const onError = (error: Error & { code?: string }): void => {
      if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') fail(error);
      else
        fail(
          new ApiError('invalid-input', `${fileName} needs more memory to read than Factmark can give it. Split the PDF into smaller files, or export its text, and import those. Nothing was added.`),
        );
    };
    const onExit = (code: number): void => fail(new Error(`The PDF reader stopped (exit code ${code}) before it answered about ${fileName}.`));
    const timer = setTimeout(() => {
      fail(
        new ApiError(
          'invalid-input',
          `${fileName} took longer than ${inWords(timeLimitMs)} to read, so Factmark stopped reading it. If it opens in a PDF reader, save a copy of it (or export its text) and import that. Nothing was added.`,
        ),
      );
    }, timeLimitMs);
    // Whatever comes first decides; the worker's later events are not this request's.
    function finish(): void {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    }
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    // A copy in a buffer of its own, transferred: the caller keeps its bytes (the import stores
    // them as the original), and the worker gets them without a second copy.
    const copy = new Uint8Array(bytes);
    const request: PdfRequest = { bytes: copy, fileName };
    worker.postMessage(request, [copy.buffer]);
  });
}

/**
 * The article of the PDF `bytes` (the file `fileName`), read in a worker thread; refused, and the
 * worker ended, after `timeLimitMs`. `bytes` stays the caller's: the worker is given a copy.
 */
export async function articleFromPdfInWorker(bytes: Uint8Array, fileName: string, options: { timeLimitMs?: number } = {}): Promise<PdfArticle> {
  return readIn(takeWorker(), bytes, fileName, options.timeLimitMs ?? PDF_READ_TIME_LIMIT_MS);
}
