/** Electron's entry point: starts the main process with this run's arguments and the built files beside it. */
import { join } from 'node:path';
import { startMainProcess } from './main-process';

void startMainProcess({
  argv: process.argv,
  env: process.env,
  rendererDir: join(import.meta.dirname, '../renderer'),
  preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
});
