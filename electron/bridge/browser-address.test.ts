import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lastPort, parsePort, PORT_FILE, portProblem, preferredPort, rememberPort, runningLine } from './browser-address';

describe('browser-mode address', () => {
  let dataDir = '';
  afterEach(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('prefers the same port for the same data folder, in the range it keeps to', () => {
    expect(preferredPort('/home/ana/Factmark')).toBe(preferredPort('/home/ana/Factmark'));
    expect(preferredPort('/home/ana/Factmark')).toBeGreaterThanOrEqual(41_000);
    expect(preferredPort('/home/ana/Factmark')).toBeLessThan(49_000);
  });

  it('takes a port from 1 to 65535 and refuses anything else in one sentence', () => {
    expect(parsePort('5000')).toEqual({ ok: true, port: 5000 });
    expect(parsePort(' 80 ')).toEqual({ ok: true, port: 80 });
    for (const text of ['0', '65536', 'http', '12.5', '0x50', '-5', '']) {
      const parsed = parsePort(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.problem).toMatch(/^--port needs a port number from 1 to 65535, and “.*” is not one\.$/);
    }
  });

  it('explains a busy or forbidden port, and leaves other failures to the caller', () => {
    expect(portProblem(5000, Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' }))).toBe(
      'port 5000 is already in use by another program. Choose another with --port, or leave --port out and Factmark picks one.',
    );
    expect(portProblem(80, Object.assign(new Error('listen EACCES'), { code: 'EACCES' }))).toMatch(/^this system does not let Factmark listen on port 80\./);
    expect(portProblem(5000, new Error('something else'))).toBeUndefined();
  });

  it('remembers the last port of a data folder and ignores a damaged note', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'factmark-address-'));
    expect(await lastPort(dataDir)).toBeUndefined();
    await rememberPort(dataDir, 45_123);
    expect(await lastPort(dataDir)).toBe(45_123);
    await writeFile(join(dataDir, PORT_FILE), 'not a port');
    expect(await lastPort(dataDir)).toBeUndefined();
  });

  it('announces the address and how to stop in one line, with a note in brackets', () => {
    expect(runningLine('http://127.0.0.1:45123/')).toBe('Factmark is running at http://127.0.0.1:45123/ — press Ctrl+C to stop');
    expect(runningLine('http://127.0.0.1:45123/', 'Electron cannot run here: there is no display')).toBe(
      'Factmark is running at http://127.0.0.1:45123/ — press Ctrl+C to stop (Electron cannot run here: there is no display)',
    );
  });
});
