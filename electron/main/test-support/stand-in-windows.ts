/**
 * The Electron stand-in's windows and sessions: what a test drives (navigations, pop-ups,
 * permission requests, web requests, a page's own requests through a session's protocol
 * handlers) and what it reads back (options, handlers, DevTools commands, state). It runs no
 * page: what a page's scripts would do or answer, a test says through `StandInPage`.
 */
import { EventEmitter } from 'node:events';
import { StandInDebugger } from './stand-in-debugger';

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
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

/** What a test's page does in place of a real page's scripts, for windows made after it is set. */
export interface StandInPage {
  /** Runs once the document arrived and before the load event (the page's own requests, say). */
  onLoad?: (contents: StandInWebContents) => Promise<void>;
  /** The value a script run by executeJavaScript evaluates to (undefined when not given). */
  evaluate?: (code: string) => unknown;
  /** A DevTools command's answer in place of the stand-in's own; undefined leaves it to the stand-in. */
  debuggerAnswer?: (method: string, params: Record<string, unknown>) => unknown;
}

/** A window's contents: navigation events, the pop-up handler, printing, scripts run, DevTools. */
export class StandInWebContents extends EventEmitter {
  readonly mainFrame: StandInFrame = { url: '' };
  windowOpenHandler: WindowOpenHandler | undefined;
  readonly printed: unknown[] = [];
  /** Scripts the main process ran in the page, in order. */
  readonly scripts: string[] = [];
  readonly debugger = new StandInDebugger(this);
  /** The window's session (its partition's, when the window named one). */
  session = new StandInSession();
  page: StandInPage = {};
  /** The document the page loaded through its session's handler ('' when none did). */
  document = '';
  loading = false;
  audioMuted = false;
  webRTCIPHandlingPolicy: string | undefined;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /**
   * As Chromium: announces the navigation, and when the session handles the scheme, asks its
   * handler for the document (rejecting as Electron does when that fails), lets the page do what
   * `page.onLoad` says, then fires the load events. Otherwise only records the address.
   */
  async loadURL(url: string): Promise<void> {
    this.emit('did-start-navigation', Object.assign(new StandInEvent(url), { isSameDocument: false, isMainFrame: true }));
    this.mainFrame.url = url;
    if (!this.session.protocol.isProtocolHandled(new URL(url).protocol.slice(0, -1))) return;
    this.loading = true;
    try {
      const response = await this.session.fetch(url);
      if (response.type === 'error') throw Object.assign(new Error(`ERR_FAILED (-2) loading '${url}'`), { code: 'ERR_FAILED', errno: -2 });
      this.document = await response.text();
      await this.page.onLoad?.(this);
      this.emit('did-finish-load');
    } finally {
      this.loading = false;
      this.emit('did-stop-loading');
    }
  }

  getURL(): string {
    return this.mainFrame.url;
  }
  isLoading(): boolean {
    return this.loading;
  }
  async executeJavaScript(code: string): Promise<unknown> {
    this.scripts.push(code);
    return this.page.evaluate?.(code);
  }
  setAudioMuted(muted: boolean): void {
    this.audioMuted = muted;
  }
  setWebRTCIPHandlingPolicy(policy: string): void {
    this.webRTCIPHandlingPolicy = policy;
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
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

/** A session: its permission handlers, request filter, protocol handlers, and what was wiped. */
export class StandInSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: ((contents: unknown, permission: string) => boolean) | undefined;
  devicePermissionHandler: ((details: unknown) => boolean) | undefined;
  beforeRequest: BeforeRequestListener | undefined;
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequestListener): void => {
      this.beforeRequest = listener;
    },
  };

  readonly protocolHandlers = new Map<string, ProtocolHandler>();
  /** Every scheme ever handled, in order (handlers are removed from `protocolHandlers` by unhandle). */
  readonly handledSchemes: string[] = [];
  readonly protocol = {
    handle: (scheme: string, handler: ProtocolHandler): void => {
      if (this.protocolHandlers.has(scheme)) throw new Error(`Failed to handle protocol: ${scheme}`);
      this.protocolHandlers.set(scheme, handler);
      this.handledSchemes.push(scheme);
    },
    unhandle: (scheme: string): void => {
      if (!this.protocolHandlers.delete(scheme)) throw new Error(`Failed to unhandle protocol: ${scheme}`);
    },
    isProtocolHandled: (scheme: string): boolean => this.protocolHandlers.has(scheme),
  };
  proxy: unknown;
  userAgent: string | undefined;
  spellCheckerEnabled = true;
  storageCleared = 0;
  cacheCleared = 0;

  async setProxy(config: unknown): Promise<void> {
    this.proxy = config;
  }
  setUserAgent(userAgent: string): void {
    this.userAgent = userAgent;
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellCheckerEnabled = enabled;
  }
  async clearStorageData(): Promise<void> {
    this.storageCleared++;
  }
  async clearCache(): Promise<void> {
    this.cacheCleared++;
  }

  /**
   * A request of a page in this session, as Chromium makes it: refused (a failed response) when
   * the request filter cancels it, else answered by the handler of its scheme. The stand-in has no
   * network of its own, so a scheme nobody handles throws.
   */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    if (!this.wouldLoad(url)) return Response.error();
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.protocolHandlers.get(scheme);
    if (!handler) throw new Error(`The stand-in has no network: nothing in this session handles ${scheme}: (${url})`);
    return handler(new Request(url, init));
  }

  /** True when a download would go ahead (no will-download listener prevented it). */
  wouldDownload(url: string): boolean {
    const event = new StandInEvent(url);
    this.emit('will-download', event, { getURL: () => url, cancel: () => event.preventDefault() }, {});
    return !event.defaultPrevented;
  }

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
