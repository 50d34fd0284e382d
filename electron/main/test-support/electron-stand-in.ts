/**
 * A small stand-in for the `electron` module, so the main process and the preload run under
 * vitest where no Electron binary can. It does what the main process relies on and records the
 * rest (windows made, handlers registered, dialogs shown, addresses opened) for tests to assert.
 *
 * Use: `vi.mock('electron', async () => (await import('./test-support/electron-stand-in')).electronModule)`,
 * then `electronStandIn.reset()` before each test.
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StandInBrowserWindow, StandInEvent, StandInSession, type StandInFrame, type StandInPage } from './stand-in-windows';

export { StandInBrowserWindow, StandInEvent, StandInSession, StandInWebContents, type StandInFrame, type StandInPage } from './stand-in-windows';
export { STAND_IN_PNG } from './stand-in-debugger';

/** BrowserWindow as the main process sees it: each one made is recorded, in the session its options name. */
class BrowserWindow extends StandInBrowserWindow {
  constructor(options: ConstructorParameters<typeof StandInBrowserWindow>[0]) {
    super(options);
    const preferences = options.webPreferences ?? {};
    this.webContents.session =
      preferences.session instanceof StandInSession ? preferences.session : typeof preferences.partition === 'string' ? session.fromPartition(preferences.partition) : state.defaultSession;
    this.webContents.page = state.page;
    state.windows.push(this);
  }
}

type IpcHandler = (event: { senderFrame: StandInFrame | null; sender?: unknown }, input: unknown) => unknown;
type MessageBoxOptions = { message: string; buttons?: string[]; cancelId?: number } & Record<string, unknown>;
type OpenDialogOptions = { properties?: string[] } & Record<string, unknown>;
type OpenDialogAnswer = { canceled: boolean; filePaths: string[] };

interface StandInState {
  windows: StandInBrowserWindow[];
  ipcHandlers: Map<string, IpcHandler>;
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  sessions: Map<string, StandInSession>;
  defaultSession: StandInSession;
  appEvents: EventEmitter;
  singleInstanceLock: boolean;
  isPackaged: boolean;
  paths: Record<string, string>;
  quitRequests: number;
  quit: boolean;
  exitCodes: number[];
  messageBoxes: MessageBoxOptions[];
  messageBoxAnswers: string[];
  openDialogs: OpenDialogOptions[];
  openDialogAnswers: OpenDialogAnswer[];
  errorBoxes: { title: string; content: string }[];
  openedExternally: string[];
  applicationMenu: { template: unknown[] } | null | undefined;
  exposedInMainWorld: Map<string, unknown>;
  invokedFromRenderer: { channel: string; input: unknown }[];
  /** What pages in windows made from now on do (see StandInPage). */
  page: StandInPage;
}

function freshState(): StandInState {
  return {
    windows: [],
    ipcHandlers: new Map(),
    protocolHandlers: new Map(),
    privilegedSchemes: [],
    sessions: new Map(),
    defaultSession: new StandInSession(),
    appEvents: new EventEmitter(),
    singleInstanceLock: true,
    isPackaged: false,
    paths: {},
    quitRequests: 0,
    quit: false,
    exitCodes: [],
    messageBoxes: [],
    messageBoxAnswers: [],
    openDialogs: [],
    openDialogAnswers: [],
    errorBoxes: [],
    openedExternally: [],
    applicationMenu: undefined,
    exposedInMainWorld: new Map(),
    invokedFromRenderer: [],
    page: {},
  };
}

let state = freshState();

const app = {
  on(name: string, listener: (...args: unknown[]) => void) {
    state.appEvents.on(name, listener);
    return app;
  },
  once(name: string, listener: (...args: unknown[]) => void) {
    state.appEvents.once(name, listener);
    return app;
  },
  get isPackaged(): boolean {
    return state.isPackaged;
  },
  requestSingleInstanceLock: (): boolean => state.singleInstanceLock,
  whenReady: (): Promise<void> => Promise.resolve(),
  getPath(name: string): string {
    const path = state.paths[name];
    if (path === undefined) throw new Error(`The stand-in has no path for ${name}; set electronStandIn.state.paths.${name}.`);
    return path;
  },
  /** As Electron: before-quit first, and the quit goes on only if no listener prevented it. */
  quit(): void {
    state.quitRequests++;
    const event = new StandInEvent();
    state.appEvents.emit('before-quit', event);
    if (event.defaultPrevented || state.quit) return;
    state.quit = true;
    state.appEvents.emit('will-quit', new StandInEvent());
  },
  exit(code = 0): void {
    state.exitCodes.push(code);
  },
};

const ipcMain = {
  handle(channel: string, handler: IpcHandler): void {
    // Electron throws on a second handler for one channel; so does the stand-in.
    if (state.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    state.ipcHandlers.set(channel, handler);
  },
};

const protocol = {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
    state.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    state.protocolHandlers.set(scheme, handler);
  },
};

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const net = {
  /** file: only, as the main process uses it; a missing file rejects, as Chromium's loader does. */
  async fetch(url: string): Promise<Response> {
    if (!url.startsWith('file:')) throw new Error(`The stand-in's net.fetch reads file: addresses only, not ${url}`);
    const path = fileURLToPath(url);
    const bytes = await readFile(path).catch(() => {
      throw new Error(`net::ERR_FILE_NOT_FOUND ${url}`);
    });
    return new Response(bytes, { status: 200, headers: { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' } });
  },
};

const session = {
  get defaultSession(): StandInSession {
    return state.defaultSession;
  },
  fromPartition(partition: string): StandInSession {
    const existing = state.sessions.get(partition);
    if (existing) return existing;
    const made = new StandInSession();
    state.sessions.set(partition, made);
    return made;
  },
};

const dialog = {
  /** Answers with the button whose label the test queued, or the cancel button when none is queued. */
  async showMessageBox(first: unknown, second?: MessageBoxOptions): Promise<{ response: number; checkboxChecked: boolean }> {
    const options = (second ?? first) as MessageBoxOptions;
    state.messageBoxes.push(options);
    const label = state.messageBoxAnswers.shift();
    const index = label === undefined ? -1 : (options.buttons ?? []).indexOf(label);
    if (label !== undefined && index < 0) throw new Error(`The message box has no button "${label}": ${JSON.stringify(options.buttons)}`);
    return { response: index >= 0 ? index : (options.cancelId ?? 0), checkboxChecked: false };
  },
  async showOpenDialog(first: unknown, second?: OpenDialogOptions): Promise<OpenDialogAnswer> {
    state.openDialogs.push((second ?? first) as OpenDialogOptions);
    return state.openDialogAnswers.shift() ?? { canceled: true, filePaths: [] };
  },
  showErrorBox(title: string, content: string): void {
    state.errorBoxes.push({ title, content });
  },
};

const shell = {
  async openExternal(url: string): Promise<void> {
    state.openedExternally.push(url);
  },
};

const Menu = {
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu(menu: { template: unknown[] } | null): void {
    state.applicationMenu = menu;
  },
};

const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    state.exposedInMainWorld.set(key, api);
  },
};

const ipcRenderer = {
  async invoke(channel: string, input: unknown): Promise<unknown> {
    state.invokedFromRenderer.push({ channel, input });
    return { ok: true, value: null };
  },
};

/** What `vi.mock('electron', …)` should return. */
export const electronModule = { app, BrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, Menu, net, protocol, session, shell };

/** The stand-in's recordings, and the moves a test makes as Electron or as the reviewer would. */
export const electronStandIn = {
  get state(): StandInState {
    return state;
  },
  /** Forgets everything recorded: a new Electron process. */
  reset(): void {
    state = freshState();
  },
  /** The reviewer's next answers to message boxes (by button label) and open dialogs. */
  answerMessageBoxes(...labels: string[]): void {
    state.messageBoxAnswers.push(...labels);
  },
  answerOpenDialogs(...answers: OpenDialogAnswer[]): void {
    state.openDialogAnswers.push(...answers);
  },
  /** The window the main process made (the first one). */
  appWindow(): StandInBrowserWindow {
    const window = state.windows[0];
    if (!window) throw new Error('The main process made no window.');
    return window;
  },
  /** Calls `channel` as a renderer frame would through ipcRenderer.invoke. */
  async invoke(channel: string, senderFrame: StandInFrame | null, input: unknown): Promise<unknown> {
    const handler = state.ipcHandlers.get(channel);
    if (!handler) throw new Error(`No ipcMain handler for ${channel}`);
    return handler({ senderFrame }, input);
  },
  /** Asks the app:// handler for `url`, as the window would. */
  async request(url: string): Promise<Response> {
    const handler = state.protocolHandlers.get('app');
    if (!handler) throw new Error('No app:// handler');
    return handler(new Request(url));
  },
  /** Emits an app event (second-instance, window-all-closed…). */
  emitApp(name: string, ...args: unknown[]): void {
    state.appEvents.emit(name, ...args);
  },
  /** Resolves once the app has really quit (no before-quit listener held it back). */
  async whenQuit(): Promise<void> {
    if (state.quit) return;
    await new Promise<void>((resolve) => state.appEvents.once('will-quit', () => resolve()));
  },
};
