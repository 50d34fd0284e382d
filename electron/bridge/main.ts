/**
 * Runs Factmark in browser mode: opens the data folder, serves the built renderer with the
 * API on a loopback port, and prints the address. `npm start` uses it where Electron cannot
 * run, and the Playwright tests drive the real UI through it.
 *
 *   tsx electron/bridge/main.ts [--data-dir DIR] [--port N] [--static-dir DIR]
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHandlerRegistry } from '../api/handler-registry';
import { dataDirFromArgs, defaultDataDir } from '../services/data-dir';
import { renderPdfWithChromium } from '../services/export/pdf-with-chromium';
import { openFactmarkServices } from '../services/factmark-services';
import { ApiError } from '../../shared/api/envelope';
import { bridgeToken, preferredPort } from './browser-address';
import { startLoopbackBridge } from './loopback-bridge';

/** A line tests and scripts can wait for; the URL follows the '='. */
export const READY_PREFIX = 'FACTMARK_BROWSER_URL=';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, 'static-dir': { type: 'string' } },
    allowPositionals: false,
  });
  const dataDir = dataDirFromArgs(values['data-dir'] ? ['--data-dir', values['data-dir']] : []) ?? defaultDataDir();
  const staticDir = values['static-dir'] ?? fileURLToPath(new URL('../../out/renderer', import.meta.url));

  const services = await openFactmarkServices({ dataDir, mode: 'browser', renderPdf: renderPdfWithChromium });
  const registry = createHandlerRegistry({
    ...services.handlers,
    // A page cannot ask its host to open a browser; the renderer opens the link itself.
    'shell:openExternal': async () => ({ opened: false }),
  });
  // The same address every time for one data folder, so open pages reconnect after a restart.
  const bridge = await startLoopbackBridge({
    registry,
    staticDir,
    port: values.port ? Number(values.port) : preferredPort(dataDir),
    anyPortIfBusy: !values.port,
    token: await bridgeToken(dataDir),
  });

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

  console.log(`Factmark is running in browser mode at ${bridge.url}`);
  console.log(`Data folder: ${dataDir}`);
  console.log(`${READY_PREFIX}${bridge.url}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ApiError ? `Factmark could not start: ${error.message}` : error);
  process.exit(1);
});
