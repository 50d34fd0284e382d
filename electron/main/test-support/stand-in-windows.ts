/**
 * The Electron stand-in's windows and sessions: what a test drives (navigations, pop-ups,
 * permission requests, web requests) and what it reads back (options, handlers, state).
 */
import { EventEmitter } from 'node:events';

/** Electron's cancellable event, as listeners receive it. */
export class StandInEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** A frame as `event.senderFrame` carries it. */
export interface StandInFrame {
  url: string;
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

/** A window's contents: navigation events, the pop-up handler, printing. */
export class StandInWebContents extends EventEmitter {
  readonly mainFrame: StandInFrame = { url: '' };
  windowOpenHandler: WindowOpenHandler | undefined;
  readonly printed: unknown[] = [];

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  async loadURL(url: string): Promise<void> {
    this.mainFrame.url = url;
  }

  /** Emits `name` (will-navigate, will-redirect) for `url`; true when no listener prevented it. */
  wouldFollow(name: 'will-navigate' | 'will-redirect', url: string): boolean {
    const event = new StandInEvent(url);
    this.emit(name, event, url);
    return !event.defaultPrevented;
  }

  /** True when a <webview> would be attached (no listener prevented it). */
  wouldAttachWebview(): boolean {
    const event = new StandInEvent();
    this.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    return !event.defaultPrevented;
  }

  async printToPDF(options: unknown): Promise<Uint8Array> {
    this.printed.push(options);
    return new TextEncoder().encode('%PDF-1.7 stand-in');
  }
}

/** A BrowserWindow: the options it was made with, and the state the main process changes. */
export class StandInBrowserWindow extends EventEmitter {
  readonly webContents = new StandInWebContents();
  minimized = false;
  visible = false;
  destroyed = false;
  restored = 0;
  focused = 0;

  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
    this.restored++;
  }
  focus(): void {
    this.focused++;
  }
  show(): void {
    this.visible = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

/** A session: its permission handlers and its request filter. */
export class StandInSession {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: ((contents: unknown, permission: string) => boolean) | undefined;
  devicePermissionHandler: ((details: unknown) => boolean) | undefined;
  beforeRequest: BeforeRequestListener | undefined;
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequestListener): void => {
      this.beforeRequest = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void {
    this.devicePermissionHandler = handler;
  }

  /** What the request handler answers for `permission` (undefined when no handler is set). */
  requestPermission(permission: string): boolean | undefined {
    let granted: boolean | undefined;
    this.permissionRequestHandler?.({}, permission, (answer) => {
      granted = answer;
    });
    return granted;
  }

  /** True when the request filter lets `url` load (everything loads when none is set). */
  wouldLoad(url: string): boolean {
    let cancel = false;
    this.beforeRequest?.({ url }, (response) => {
      cancel = response.cancel === true;
    });
    return !cancel;
  }
}
