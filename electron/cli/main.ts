/** Entry point of the `factmark` command. */
import { run } from './factmark';

process.exitCode = await run(process.argv.slice(2));
