/**
 * Child process holding a data folder for the second-owner test: opens it, prints `READY`,
 * and closes the library when its stdin ends.
 * Usage: lock-holder.fixture.ts DATA_DIR
 */
import { LibraryStore } from './library-store';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: lock-holder.fixture.ts DATA_DIR');

const store = await LibraryStore.open(dataDir);
process.stdout.write('READY\n');
process.stdin.resume();
await new Promise((resolve) => process.stdin.once('end', resolve));
await store.close();
process.exit(0);
