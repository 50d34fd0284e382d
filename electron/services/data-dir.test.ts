import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { dataDirFromArgs, defaultDataDir } from './data-dir';

describe('data folder choice', () => {
  it('takes --data-dir in either form before FACTMARK_DATA_DIR', () => {
    expect(dataDirFromArgs(['--data-dir', 'a'], { FACTMARK_DATA_DIR: 'b' })).toBe(resolve('a'));
    expect(dataDirFromArgs(['--data-dir=c'], {})).toBe(resolve('c'));
    expect(dataDirFromArgs([], { FACTMARK_DATA_DIR: 'b' })).toBe(resolve('b'));
    expect(dataDirFromArgs([], {})).toBeUndefined();
  });

  it('defaults to the folder Electron calls userData on each system', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' })).toBe('/x/Factmark');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\r\\AppData\\Roaming' })).toMatch(/Roaming[\\/]Factmark$/);
    expect(defaultDataDir('darwin', {})).toMatch(/Library\/Application Support\/Factmark$/);
  });
});
