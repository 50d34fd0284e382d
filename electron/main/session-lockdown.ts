/** The app session's refusals: no permission (camera, notifications, devices…) and no remote request. */
import type { Session } from 'electron';

/**
 * True for what the app window may load: its own pages, and the few internal schemes it needs
 * (devtools, data: images, blob: of its own origin, which hands an export to the save dialog).
 */
export function isAllowedRequest(url: string, isAppUrl: (url: string) => boolean): boolean {
  if (url.startsWith('blob:')) return isAppUrl(url.slice('blob:'.length));
  return isAppUrl(url) || url.startsWith('devtools://') || url.startsWith('data:');
}

/** Denies every permission and device, and cancels every request `isAllowedRequest` refuses. */
export function lockDownSession(appSession: Session, isAppUrl: (url: string) => boolean): void {
  appSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  appSession.setPermissionCheckHandler(() => false);
  appSession.setDevicePermissionHandler(() => false);
  appSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, isAppUrl) }));
}
