/** The desktop's `shell:openExternal`: hands a web address to the reviewer's browser, and nothing else. */
import { shell } from 'electron';
import type { PlatformHandlers } from '../services/factmark-services';

/**
 * Opens only http(s) addresses. The contract has refused other schemes already; the check is
 * repeated at the door because shell.openExternal would run file:, javascript: or app: targets.
 */
export const openWebAddressExternally: PlatformHandlers['shell:openExternal'] = async ({ url }) => {
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';
  if (protocol !== 'https:' && protocol !== 'http:') return { opened: false };
  await shell.openExternal(url);
  return { opened: true };
};

/** The command line's answer: it may not open a browser on the reviewer's desktop. */
export const refuseToOpenExternally: PlatformHandlers['shell:openExternal'] = async () => ({ opened: false });
