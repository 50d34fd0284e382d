/**
 * IPC as the main process wires it: every contract channel answered for the app window's main
 * frame only, and shell:openExternal handing nothing but web addresses to the browser.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CHANNELS, type Channel } from '../../shared/api/contract';
import { openWebAddressExternally } from './open-external';
import { electronStandIn, type StandInFrame } from './test-support/electron-stand-in';
import { quitAndCleanUp, startInTempFolders } from './test-support/main-process-harness';

vi.mock('electron', async () => (await import('./test-support/electron-stand-in')).electronModule);

/** Every channel the handler registry was asked to run, so a test can show a refused call never got there. */
const reachedRegistry = vi.hoisted(() => [] as string[]);
vi.mock('../api/handler-registry', async (importOriginal) => {
  const original = await importOriginal<typeof import('../api/handler-registry')>();
  return {
    ...original,
    createHandlerRegistry: (...args: Parameters<typeof original.createHandlerRegistry>) => {
      const registry = original.createHandlerRegistry(...args);
      return {
        ...registry,
        invoke: (channel: Channel, input: unknown) => {
          reachedRegistry.push(channel);
          return registry.invoke(channel, input);
        },
      };
    },
  };
});

const REFUSED = { ok: false, error: { code: 'refused', message: 'This window may not use the Factmark API.' } };

beforeEach(() => {
  electronStandIn.reset();
  reachedRegistry.length = 0;
});
afterEach(quitAndCleanUp);

const appFrame = (): StandInFrame => electronStandIn.appWindow().webContents.mainFrame;

describe('IPC channels', () => {
  test('registers a handler for every channel of the contract and for nothing else', async () => {
    await startInTempFolders();
    expect([...electronStandIn.state.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  test('answers the app window’s main frame showing an app page', async () => {
    const { dataDir } = await startInTempFolders();
    expect(await electronStandIn.invoke('app:info', appFrame(), {})).toMatchObject({ ok: true, value: { mode: 'electron', dataDir } });
    expect(reachedRegistry).toEqual(['app:info']);
  });

  test('refuses every channel to any frame but the app window’s main frame, before the handler is reached', async () => {
    await startInTempFolders();
    const strangers: Record<string, StandInFrame | null> = {
      'an iframe showing an app page': { url: 'app://factmark/index.html' },
      'a frame of another site': { url: 'https://evil.example/' },
      'a frame that is gone': null,
    };
    for (const channel of CHANNELS) {
      for (const [who, frame] of Object.entries(strangers)) {
        expect(await electronStandIn.invoke(channel, frame, {}), `${channel} from ${who}`).toEqual(REFUSED);
      }
    }
    expect(reachedRegistry).toEqual([]);
  });

  test('refuses every channel to the app window once its main frame shows a page that is not the app’s', async () => {
    await startInTempFolders();
    const frame = appFrame();
    frame.url = 'https://evil.example/phish';
    for (const channel of CHANNELS) {
      expect(await electronStandIn.invoke(channel, frame, {}), channel).toEqual(REFUSED);
    }
    expect(reachedRegistry).toEqual([]);
  });
});

describe('shell:openExternal', () => {
  test('opens http and https addresses in the browser when the app window asks', async () => {
    await startInTempFolders();
    for (const url of ['https://example.com/claim?id=7', 'http://example.org/']) {
      expect(await electronStandIn.invoke('shell:openExternal', appFrame(), { url })).toEqual({ ok: true, value: { opened: true } });
    }
    expect(electronStandIn.state.openedExternally).toEqual(['https://example.com/claim?id=7', 'http://example.org/']);
  });

  test('never hands javascript:, file:, app:, data: or mail addresses to the browser', async () => {
    await startInTempFolders();
    const notWebAddresses = ['javascript:alert(1)', 'file:///etc/passwd', 'app://factmark/index.html', 'data:text/html,<script>1</script>', 'mailto:desk@example.com', 'smb://server/share', '\\\\server\\share'];
    for (const url of notWebAddresses) {
      const answer = await electronStandIn.invoke('shell:openExternal', appFrame(), { url });
      expect(answer, url).not.toEqual({ ok: true, value: { opened: true } });
    }
    expect(electronStandIn.state.openedExternally).toEqual([]);
  });

  test('opens nothing for a frame that is not the app window’s, even a web address', async () => {
    await startInTempFolders();
    expect(await electronStandIn.invoke('shell:openExternal', { url: 'https://evil.example/' }, { url: 'https://example.com/' })).toEqual(REFUSED);
    expect(electronStandIn.state.openedExternally).toEqual([]);
  });

  test('checks the scheme again at the door, whatever the contract let through', async () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://factmark/', 'not an address']) {
      expect(await openWebAddressExternally({ url }), url).toEqual({ opened: false });
    }
    expect(electronStandIn.state.openedExternally).toEqual([]);
  });
});
