import { describe, expect, it } from 'vitest';
import { parseLaunchOptions } from './launch-options';

describe('npm start options', () => {
  it('reads every option in both --name value and --name=value forms', () => {
    expect(parseLaunchOptions(['--port', '5000', '--data-dir=/tmp/reviews', '--verbose', '--rebuild', '--browser'])).toEqual({
      ok: true,
      options: { port: 5000, dataDir: '/tmp/reviews', verbose: true, rebuild: true, browser: true },
    });
    expect(parseLaunchOptions(['--port=65535', '--data-dir', 'reviews'])).toEqual({
      ok: true,
      options: { port: 65535, dataDir: 'reviews', verbose: false, rebuild: false, browser: false },
    });
  });

  it('leaves the port and the data folder to the app when they are not given', () => {
    expect(parseLaunchOptions([])).toEqual({ ok: true, options: { port: undefined, dataDir: undefined, verbose: false, rebuild: false, browser: false } });
  });

  it.each([['0'], ['65536'], ['abc'], ['50.5'], ['-1'], ['1e3'], ['']])('refuses --port %j in one sentence', (value) => {
    const parsed = parseLaunchOptions([`--port=${value}`]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(/^--port needs a (port number from 1 to 65535|value)[^\n]*\.$/);
  });

  it('takes an option after --port for a forgotten value, not for the port', () => {
    expect(parseLaunchOptions(['--port', '--verbose'])).toEqual({ ok: false, problem: '--port needs a value, as in --port 5000.' });
    expect(parseLaunchOptions(['--data-dir'])).toEqual({ ok: false, problem: '--data-dir needs a value, as in --data-dir ~/Factmark.' });
  });

  it('names an unknown option or a stray word and lists what npm start takes', () => {
    const unknown = parseLaunchOptions(['--data-directory', 'x']);
    expect(unknown.ok ? '' : unknown.problem).toMatch(/^--data-directory is not an option\. npm start takes --data-dir DIR, --port N, --browser, --rebuild and --verbose/);
    const stray = parseLaunchOptions(['5000']);
    expect(stray.ok ? '' : stray.problem).toMatch(/^“5000” is not an option\./);
    expect(parseLaunchOptions(['--verbose=yes'])).toEqual({ ok: false, problem: '--verbose takes no value; write it alone.' });
  });
});
