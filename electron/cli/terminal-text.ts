/**
 * Text from files and the library, made safe to print on a terminal: control characters (C0, C1,
 * DEL) and bidirectional overrides are shown as escapes, so a share file's title cannot move the
 * cursor, recolour the screen or reorder what the user reads. Letters of every script, Arabic
 * included, are printed as they are.
 */

// C0 and C1 controls, DEL, and the bidi embedding, override and isolate controls (U+202A-E, U+2066-9).
const UNSAFE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

function escapeOf(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control and bidi override shown as an escape (one line: a line break too). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeOf);
}

/** `value` as JSON whose text holds no control or bidi override character: the same JSON value, safe on a terminal. */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g, (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
