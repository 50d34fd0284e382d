/** The Chromium the e2e tests drive; undefined lets Playwright use a browser of its own, where one was installed. */
import { findChromium } from '../../electron/services/export/chromium-path';

export function chromiumExecutable(): string | undefined {
  return findChromium();
}
