/** Escaping for HTML, the language the HTML report is written in (the Markdown report's writer escapes its own text). */

/** Text safe inside HTML elements and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
