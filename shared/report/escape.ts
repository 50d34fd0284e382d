/** Escaping for the text formats reports are written in. */

/** Text safe inside HTML elements and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Text that Markdown renders literally: every character with a meaning is backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|<>~^=$&]/g, (character) => `\\${character}`)
    .replace(/\r?\n/g, '  \n');
}
