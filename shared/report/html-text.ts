/**
 * Writing a report's words and its users' words together in HTML: catalogue messages escaped,
 * and every run a user wrote (names, titles, quotes, addresses) isolated from the text around
 * it, so an Arabic name in an English sentence (or the reverse) keeps its own direction.
 */
import { linkableAddress } from '../model/web-address';
import { escapeHtml } from './escape';
import type { ReportWords } from './report-words';

/** `text` escaped and isolated: it takes its direction from its own first strong letter. */
export function bdi(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`;
}

/** Marks a placeholder's place in a message; private-use characters no message or user text holds. */
const slot = (index: number): string => `\uE000${index}\uE001`;

/**
 * The catalogue message `key`, escaped, with each of `html` (already HTML) in its placeholder's
 * place; `count` chooses the plural form.
 */
export function message(words: ReportWords, key: string, html: Record<string, string> = {}, count?: number): string {
  const names = Object.keys(html);
  const escaped = escapedMessage(words, key, names, count);
  return names.length === 0 ? escaped : escaped.replace(/\uE000(\d+)\uE001/g, (_, index: string) => html[names[Number(index)] as string] ?? '');
}

/** Escaped messages with their slots, by words, then by key, placeholder names and count. */
const escapedMessages = new WeakMap<ReportWords, Map<string, string>>();

/**
 * The catalogue message `key`, escaped, with a slot for each of `names`: the same whatever goes
 * in the slots, so looked up once a report (a report of 5,000 claims asks for "Claim N" 5,000 times).
 */
function escapedMessage(words: ReportWords, key: string, names: readonly string[], count: number | undefined): string {
  let known = escapedMessages.get(words);
  if (!known) {
    known = new Map();
    escapedMessages.set(words, known);
  }
  const id = `${key}\u0000${names.join('\u0000')}\u0000${count ?? ''}`;
  let escaped = known.get(id);
  if (escaped === undefined) {
    const slots: Record<string, string | number> = Object.fromEntries(names.map((name, index) => [name, slot(index)]));
    if (count !== undefined) slots.count = count;
    escaped = escapeHtml(words.t(key, slots));
    known.set(id, escaped);
  }
  return escaped;
}

/** The catalogue message `key` (no placeholders), escaped: looked up once a report. */
export function phrase(words: ReportWords, key: string): string {
  return escapedMessage(words, key, [], undefined);
}

/** People's names joined as the report's language joins them, each isolated. */
export function names(words: ReportWords, people: readonly string[]): string {
  return words
    .listParts(people)
    .map((part) => (part.type === 'element' ? bdi(part.value) : escapeHtml(part.value)))
    .join('');
}

/**
 * A link to `url` showing `text` (default: the address itself); an address that fails the web
 * address rule (from an older file) is shown as text. An address reads left to right in any page.
 */
export function link(url: string, text = url): string {
  const address = linkableAddress(url);
  // A link whose words are not its address is "titled": print shows the address after it.
  const titled = text !== url;
  if (!address) return `<span dir="${titled ? 'auto' : 'ltr'}">${escapeHtml(text)}</span>`;
  return `<a href="${escapeHtml(address)}"${titled ? ' class="titled" dir="auto"' : ' dir="ltr"'} rel="noopener noreferrer">${escapeHtml(text)}</a>`;
}
