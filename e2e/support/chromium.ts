/** Finds the Chromium the e2e tests drive: $CHROMIUM_PATH, Debian's package, or Playwright's own browser. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH; try the next name
    }
  }
  // Undefined lets Playwright use a browser of its own, where one was installed.
  return undefined;
}
