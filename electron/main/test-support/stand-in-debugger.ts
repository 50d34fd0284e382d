/** The Electron stand-in's DevTools connection (`webContents.debugger`): commands recorded and answered. */

/** What the debugger reads of its window's contents. */
interface DebuggedContents {
  readonly mainFrame: { url: string };
  readonly document: string;
  readonly page: { debuggerAnswer?: (method: string, params: Record<string, unknown>) => unknown };
}

/** A 1×1 PNG, the stand-in's screenshot. */
export const STAND_IN_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A one-part MHTML archive of `html` at `url`, shaped as Chromium's snapshot is. */
function standInSnapshot(url: string, html: string): string {
  const boundary = '----MultipartBoundary--standin----';
  return [
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${url}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; type="text/html"; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/html',
    `Content-Location: ${url}`,
    '',
    html,
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** A window's DevTools connection: the commands sent, answered as Chromium would for the few the app uses. */
export class StandInDebugger {
  version: string | undefined;
  detached = false;
  readonly commands: { method: string; params: Record<string, unknown> }[] = [];

  constructor(private readonly contents: DebuggedContents) {}

  attach(version: string): void {
    if (this.version !== undefined) throw new Error('Debugger is already attached to the target');
    this.version = version;
  }
  isAttached(): boolean {
    return this.version !== undefined && !this.detached;
  }
  detach(): void {
    this.detached = true;
  }
  async sendCommand(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    if (!this.isAttached()) throw new Error('No target available');
    this.commands.push({ method, params });
    const answer = this.contents.page.debuggerAnswer?.(method, params);
    if (answer instanceof Error) throw answer;
    if (answer !== undefined) return answer;
    switch (method) {
      case 'Emulation.setDeviceMetricsOverride':
        return {};
      case 'Page.getLayoutMetrics':
        return { cssContentSize: { x: 0, y: 0, width: 1280, height: 900 } };
      case 'Page.captureSnapshot':
        return { data: standInSnapshot(this.contents.mainFrame.url, this.contents.document) };
      case 'Page.captureScreenshot':
        return { data: STAND_IN_PNG.toString('base64') };
      default:
        throw new Error(`'${method}' wasn't found`);
    }
  }
}
