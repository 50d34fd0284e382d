/** `npm run build` (last step): builds the `factmark` command to JavaScript in out/cli (see electron/cli/bundle). */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCliBundle } from '../cli/bundle/build-cli-bundle';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { entry } = await buildCliBundle(root);
process.stdout.write(`Built the factmark command: ${relative(root, entry)}\n`);
