/**
 * Which addresses are the app's own pages: `app://factmark/…` in a packaged app, or the
 * electron-vite dev server while developing. The window may show, and IPC may answer, only these.
 */
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './app-protocol';

/** Where the window starts, and the test every navigation, request and IPC sender must pass. */
export interface AppPages {
  /** The page the window opens first. */
  startUrl: string;
  /** True only for an address on exactly the app's origin (no look-alike host, no user@host). */
  isAppUrl(url: string): boolean;
}

function isAppSchemeUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  // Node gives custom schemes the origin "null", so the parts are compared one by one.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** The origin of the dev server, refusing anything but http(s) (whose origin would be "null" too). */
function devServerOrigin(devServerUrl: string): string {
  const parsed = URL.canParse(devServerUrl) ? new URL(devServerUrl) : undefined;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new Error(`ELECTRON_RENDERER_URL must be the dev server's http(s) address, not ${JSON.stringify(devServerUrl)}.`);
  }
  return parsed.origin;
}

/**
 * The app's pages for this run. `devServerUrl` (ELECTRON_RENDERER_URL) counts only when the app
 * is not packaged: an installed app never loads its window from an address the environment names.
 */
export function appPages(options: { isPackaged: boolean; devServerUrl: string | undefined }): AppPages {
  if (options.isPackaged || !options.devServerUrl) {
    return { startUrl: `${APP_ORIGIN}/index.html`, isAppUrl: isAppSchemeUrl };
  }
  const devOrigin = devServerOrigin(options.devServerUrl);
  return {
    startUrl: options.devServerUrl,
    // Exact origins: a prefix test let http://localhost:5173.evil.com and http://localhost:5173@evil.com through.
    isAppUrl: (url) => URL.canParse(url) && new URL(url).origin === devOrigin,
  };
}
