/** The options of `npm start -- …`, read into plain values or refused in one sentence. */
import { parseArgs } from 'node:util';
import { parsePort } from '../bridge/browser-address';

/** What one `npm start` was asked to do. */
export interface LaunchOptions {
  /** `--data-dir DIR`, as given (the app resolves it and falls back to FACTMARK_DATA_DIR, then its own folder). */
  dataDir: string | undefined;
  /** `--port N`: browser mode listens there or refuses to start. */
  port: number | undefined;
  /** `--browser`: browser mode even where Electron could run. */
  browser: boolean;
  /** `--rebuild`: build even when the build is up to date. */
  rebuild: boolean;
  /** `--verbose`: show the build's output and the details of unexpected errors. */
  verbose: boolean;
}

const OPTIONS = {
  'data-dir': { type: 'string', example: '--data-dir ~/Factmark' },
  port: { type: 'string', example: '--port 5000' },
  browser: { type: 'boolean' },
  rebuild: { type: 'boolean' },
  verbose: { type: 'boolean' },
} as const;

/** The options in one phrase, for messages. */
export const LAUNCH_OPTIONS_HELP = 'npm start takes --data-dir DIR, --port N, --browser, --rebuild and --verbose (after --, as in npm start -- --port 5000)';

/** Reads `argv` (the arguments after `npm start --`); anything it cannot use is refused with a sentence saying what to type instead. */
export function parseLaunchOptions(argv: readonly string[]): { ok: true; options: LaunchOptions } | { ok: false; problem: string } {
  // Not strict: parseArgs' own errors are worded for programmers, these are for the person at the terminal.
  const { tokens } = parseArgs({ args: [...argv], options: { 'data-dir': { type: 'string' }, port: { type: 'string' } }, strict: false, allowPositionals: true, tokens: true });
  const given = new Map<string, string | true>();
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') return { ok: false, problem: `“${token.value}” is not an option. ${LAUNCH_OPTIONS_HELP}.` };
    const option = Object.hasOwn(OPTIONS, token.name) ? OPTIONS[token.name as keyof typeof OPTIONS] : undefined;
    if (!option) return { ok: false, problem: `${token.rawName} is not an option. ${LAUNCH_OPTIONS_HELP}.` };
    if (option.type === 'boolean') {
      if (token.value !== undefined) return { ok: false, problem: `${token.rawName} takes no value; write it alone.` };
      given.set(token.name, true);
      continue;
    }
    // `--port --verbose` is a forgotten value, not a port named "--verbose"; `--data-dir=-odd` still works.
    if (token.value === undefined || token.value === '' || (!token.inlineValue && token.value.startsWith('-'))) {
      return { ok: false, problem: `${token.rawName} needs a value, as in ${option.example}.` };
    }
    given.set(token.name, token.value);
  }
  const portText = given.get('port');
  const port = typeof portText === 'string' ? parsePort(portText) : undefined;
  if (port && !port.ok) return { ok: false, problem: port.problem };
  const dataDir = given.get('data-dir');
  return {
    ok: true,
    options: {
      dataDir: typeof dataDir === 'string' ? dataDir : undefined,
      port: port?.port,
      browser: given.has('browser'),
      rebuild: given.has('rebuild'),
      verbose: given.has('verbose'),
    },
  };
}
