/**
 * Runs Factmark in browser mode: opens the data folder, serves the built renderer with the
 * API on a loopback port, and prints the address. `npm start` uses it where Electron cannot
 * run, and the Playwright tests drive the real UI through it.
 *
 *   tsx electron/bridge/main.ts [--data-dir DIR] [--port N] [--static-dir DIR] [--verbose]
 *
 * On a terminal it prints one line for a person; otherwise (a test or `npm start` reading its
 * output) one line starting with READY_PREFIX. A failure to start is one plain line on stderr
 * and exit code 1; --verbose adds the stack of an unexpected error.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHandlerRegistry, type HandlerRegistry } from '../api/handler-registry';
import { dataDirFromArgs, defaultDataDir } from '../services/data-dir';
import { renderPdfWithChromium } from '../services/export/pdf-with-chromium';
import { openFactmarkServices } from '../services/factmark-services';
import { ApiError } from '../../shared/api/envelope';
import { bridgeToken, lastPort, parsePort, portProblem, preferredPort, READY_PREFIX, rememberPort, runningLine } from './browser-address';
import { startLoopbackBridge, type LoopbackBridge } from './loopback-bridge';

/**
 * Listens on the port asked for (or fails with a plain reason); without one, on the port of the
 * last start, then on the folder's preferred port, then on any free one: the same address every
 * time for one data folder whenever it is free, so open pages reconnect after a restart.
 */
async function listenForPages(options: { registry: HandlerRegistry; staticDir: string; token: string; dataDir: string; requestedPort: number | undefined }): Promise<LoopbackBridge> {
  const { registry, staticDir, token, dataDir, requestedPort } = options;
  const listen = (port: number, anyPortIfBusy: boolean): Promise<LoopbackBridge> => startLoopbackBridge({ registry, staticDir, token, port, anyPortIfBusy });
  if (requestedPort !== undefined) {
    return listen(requestedPort, false).catch((error: unknown) => {
      const problem = portProblem(requestedPort, error);
      throw problem ? new ApiError('unavailable', problem) : error;
    });
  }
  const previous = await lastPort(dataDir);
  if (previous !== undefined) {
    try {
      return await listen(previous, false);
    } catch (error) {
      if (!portProblem(previous, error)) throw error;
    }
  }
  return listen(preferredPort(dataDir), true);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, 'static-dir': { type: 'string' }, verbose: { type: 'boolean' } },
    allowPositionals: false,
  });
  const dataDir = dataDirFromArgs(values['data-dir'] ? ['--data-dir', values['data-dir']] : []) ?? defaultDataDir();
  const staticDir = values['static-dir'] ?? fileURLToPath(new URL('../../out/renderer', import.meta.url));
  const requested = values.port === undefined ? undefined : parsePort(values.port);
  if (requested && !requested.ok) throw new ApiError('invalid-input', requested.problem);

  const services = await openFactmarkServices({ dataDir, mode: 'browser', renderPdf: renderPdfWithChromium });
  let bridge: LoopbackBridge;
  try {
    const registry = createHandlerRegistry({
      ...services.handlers,
      // A page cannot ask its host to open a browser; the renderer opens the link itself.
      'shell:openExternal': async () => ({ opened: false }),
    });
    bridge = await listenForPages({ registry, staticDir, token: await bridgeToken(dataDir), dataDir, requestedPort: requested?.port });
  } catch (error) {
    // Release the folder's lock before exiting, so the next start is not told it is in use.
    await services.close();
    throw error;
  }
  await rememberPort(dataDir, bridge.port);

  // The command line finds this process here and works through it while the app is open.
  await services.store.advertise({ url: bridge.url, token: bridge.token });

  let closing = false;
  const shutdown = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    await bridge.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  console.log(process.stdout.isTTY ? runningLine(bridge.url) : `${READY_PREFIX}${bridge.url}`);
}

/** One line saying why the start failed: a reviewer-facing ApiError or a wrong option as it is, anything else by its first line. */
function startFailure(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (!(error instanceof Error)) return String(error);
  if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) return error.message;
  return `${(error.message.split('\n')[0] ?? '').replace(/\.$/, '')} (start again with --verbose to see where it happened).`;
}

main().catch((error: unknown) => {
  console.error(`Factmark could not start: ${startFailure(error)}`);
  if (process.argv.includes('--verbose') && !(error instanceof ApiError)) console.error(error);
  process.exit(1);
});
