import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { PDF_WORKER_BUNDLE } from './electron/services/import/pdf-worker-file';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The PDF reader's worker thread is an entry of its own, written beside the chunks, where
        // the import code that starts it looks for it (pdf-worker-file.ts).
        input: { index: resolve('electron/main/index.ts'), 'pdf-worker': resolve('electron/services/import/pdf-worker.ts') },
        output: { entryFileNames: (chunk) => (chunk.name === 'pdf-worker' ? `chunks/${PDF_WORKER_BUNDLE}` : '[name].js') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages: bundle zod and the contract into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
