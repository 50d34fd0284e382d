/**
 * The one rule for a web address Factmark keeps (evidence, where a claim appeared, the article's
 * source, the publisher's pages, links opened in a browser): parsed as browsers do (WHATWG URL),
 * http or https only, nothing a person would not type in an address (spaces, quotes, angle
 * brackets, control characters), a real host (with a dot, or `localhost`), no user name or
 * password; stored in its normalised form. Typing `www.example.com` gives `https://www.example.com`.
 */

export type WebAddress = { ok: true; url: string; changed: boolean } | { ok: false; problem: string };

/** Characters that never belong in an address as a person types or pastes it. */
const UNTYPABLE = /[\s"'<>`\\^{}|\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function describeCharacter(character: string): string {
  if (/\s/.test(character)) return 'a space';
  if (`"'\``.includes(character)) return 'a quote mark';
  if ('<>'.includes(character)) return 'an angle bracket';
  return `the character U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Reads `input` as a web address. With `addScheme`, an address typed without `http://` or
 * `https://` gets `https://` (and `changed` says the stored form differs from what was typed).
 */
export function readWebAddress(input: string, options: { addScheme?: boolean } = {}): WebAddress {
  const typed = input.trim();
  if (typed === '') return { ok: false, problem: 'The web address is empty.' };
  const bad = UNTYPABLE.exec(typed)?.[0];
  if (bad !== undefined) return { ok: false, problem: `“${typed.slice(0, 80)}” is not a web address: it contains ${describeCharacter(bad)}.` };
  const withScheme = options.addScheme && !SCHEME.test(typed) ? `https://${typed}` : typed;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: `“${typed.slice(0, 80)}” is not a web address. Write it as a browser shows it, e.g. https://www.example.org/page.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: `“${typed.slice(0, 80)}” is not a web page address: only http:// and https:// addresses are kept.` };
  // `http:/x` parses as http://x/: a host without a dot is no site anyone can visit.
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return { ok: false, problem: `“${typed.slice(0, 80)}” has no real site in it (a name like example.org). Check the address.` };
  if (url.username || url.password) return { ok: false, problem: `“${typed.slice(0, 80)}” carries a user name or password; remove them before keeping the address.` };
  if (url.href.length > 4096) return { ok: false, problem: 'The web address is longer than 4,096 characters.' };
  return { ok: true, url: url.href, changed: url.href !== typed };
}

/** `value` in its normalised form when it passes the rule, else null (an address from an older file, shown as text). */
export function linkableAddress(value: string): string | null {
  const read = readWebAddress(value);
  return read.ok ? read.url : null;
}
