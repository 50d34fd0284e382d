/** Escaping for HTML, the language the HTML report is written in (the Markdown report's writer escapes its own text). */

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;
const REFERENCES: Readonly<Record<string, string>> = { '&': '&#38;', '<': '&#60;', '>': '&#62;', '"': '&#34;', "'": '&#39;' };

/** Text safe inside HTML elements and double-quoted attributes. */
export function escapeHtml(text: string): string {
  // Most runs of a report need nothing escaped: they are returned as they are, unscanned twice.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (character) => REFERENCES[character] as string) : text;
}
