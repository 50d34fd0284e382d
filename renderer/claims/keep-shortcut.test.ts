import { describe, expect, it } from 'vitest';
import { isKeepShortcut } from './keep-shortcut';

const keys = { altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, code: 'KeyK' };

describe('the Keep shortcut', () => {
  it('is Alt+K by the key’s place, whatever letter the layout puts there', () => {
    expect(isKeepShortcut({ ...keys, altKey: true })).toBe(true);
    expect(isKeepShortcut({ ...keys, altKey: true, code: 'KeyJ' })).toBe(false);
  });

  it('is not Ctrl+K (the search), AltGr+K (Ctrl+Alt on Windows) or K typed alone', () => {
    expect(isKeepShortcut({ ...keys, ctrlKey: true })).toBe(false);
    expect(isKeepShortcut({ ...keys, altKey: true, ctrlKey: true })).toBe(false);
    expect(isKeepShortcut({ ...keys, altKey: true, shiftKey: true })).toBe(false);
    expect(isKeepShortcut({ ...keys, altKey: true, metaKey: true })).toBe(false);
    expect(isKeepShortcut(keys)).toBe(false);
  });
});
