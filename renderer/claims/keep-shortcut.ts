/**
 * The keyboard shortcut that keeps a copy of the evidence item holding the focus. Alt+K: the desk,
 * the editor and the search take Ctrl+K, Ctrl+Alt+M/E and Alt+1…9, and no menu uses Alt+K. It is
 * matched by the key's place (`code`), so it is the same key on an Arabic or a French keyboard.
 */

/** The shortcut as aria-keyshortcuts and the interface write it. */
export const KEEP_SHORTCUT = 'Alt+K';

/** True for Alt+K alone (not AltGr, which is Ctrl+Alt on Windows, and with no other modifier). */
export function isKeepShortcut(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === 'KeyK';
}
