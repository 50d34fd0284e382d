/** Registers every contract channel on ipcMain, answering only the app's own main frame. */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS } from '../../shared/api/contract';
import type { HandlerRegistry } from '../api/handler-registry';

/**
 * Calls on every channel go through `registry`; a call from any other frame (an iframe, a
 * navigated-away page, another window) is refused before its argument is even parsed.
 */
export function registerIpcHandlers(registry: HandlerRegistry, isAppFrame: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isAppFrame(event)) {
        return { ok: false, error: { code: 'refused', message: 'This window may not use the Factmark API.' } };
      }
      return registry.invoke(channel, input);
    });
  }
}

/** True when `event` comes from `contents`' main frame showing a page of the app itself. */
export function isFromAppMainFrame(event: IpcMainInvokeEvent, contents: WebContents | undefined, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  return contents !== undefined && frame !== null && frame === contents.mainFrame && isAppUrl(frame.url);
}
