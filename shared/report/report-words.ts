/**
 * A report's language: which one it is written in, and its words, dates and lists from the
 * `report` namespace of the message catalogue. Verdict labels are not translated: they are the
 * newsroom's own words on its rating scale.
 */
import type { TFunction } from 'i18next';
import { catalogueLanguage, directionOf, type LanguageCode } from '../i18n/languages';
import { translatorFor } from '../i18n/translator';
import type { Review } from '../model/review';

/** What the text must be made of, at least, for a report to be written in Arabic without being asked. */
const ARABIC_SHARE = 0.5;

/**
 * The language a report is written in: the one asked for, else the review's own language when
 * the catalogue has it, else Arabic for an article mostly in Arabic letters, else English.
 */
export function reportLanguage(review: Pick<Review, 'language'>, articleText: string, requested?: LanguageCode): LanguageCode {
  if (requested) return requested;
  const own = catalogueLanguage(review.language);
  if (own) return own;
  const { letters, arabic } = countLetters(articleText);
  return letters > 0 && arabic / letters > ARABIC_SHARE ? 'ar' : 'en';
}

const LETTER = /\p{L}/u;
const ARABIC = /\p{Script=Arabic}/u;
const KNOWN = 4;
const IS_LETTER = 1;
const IS_ARABIC = 2;
/** What each UTF-16 code unit outside the surrogates is, learnt on first sight (KNOWN | IS_LETTER | IS_ARABIC; 0: not seen yet). */
const codeUnitClass = new Uint8Array(0x10000);

const classOf = (character: string): number => KNOWN | (LETTER.test(character) ? IS_LETTER : 0) | (ARABIC.test(character) ? IS_ARABIC : 0);

/**
 * Letters and Arabic-script characters of `text`, counted by code point as `\p{L}` and
 * `\p{Script=Arabic}` count them. A loop over a table, not `text.match(/\p{L}/gu)`: that builds
 * an array of a million one-letter strings for a long article (~0.5 s of a report's build).
 */
export function countLetters(text: string): { letters: number; arabic: number } {
  let letters = 0;
  let arabic = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    let kind: number;
    const point = unit >= 0xd800 && unit <= 0xdbff ? (text.codePointAt(index) as number) : unit;
    if (point > 0xffff) {
      kind = classOf(String.fromCodePoint(point));
      index++;
    } else {
      kind = codeUnitClass[unit] as number;
      if (kind === 0) {
        kind = classOf(String.fromCharCode(unit));
        codeUnitClass[unit] = kind;
      }
    }
    if (kind & IS_LETTER) letters++;
    if (kind & IS_ARABIC) arabic++;
  }
  return { letters, arabic };
}

/**
 * The Intl locale of a report language. Arabic is written with Western digits (0–9): most Arabic
 * news sites and fact-checkers publish them, the quotes and figures a report repeats from the
 * article already use them, and a page mixing two digit systems reads badly (the interface makes
 * the same choice). English is British, as the rest of Factmark's English is.
 */
function intlLocale(language: LanguageCode): string {
  if (language === 'ar') return 'ar-u-nu-latn';
  if (language === 'en') return 'en-GB';
  return language;
}

/** One part of a formatted list: a user's name (to isolate from the text around it) or the words joining them. */
export interface ListPart {
  type: 'element' | 'literal';
  value: string;
}

export interface ReportWords {
  language: LanguageCode;
  dir: 'ltr' | 'rtl';
  /** Catalogue lookup in the `report` namespace. */
  t: TFunction;
  /** A day (`YYYY-MM-DD`, or a timestamp's day) written out: "5 March 2026", "5 مارس 2026"; '' stays ''. */
  date(value: string): string;
  /** Names joined as the language joins them ("A, B and C", "A وB"), as parts. */
  listParts(items: readonly string[]): ListPart[];
  /** Names joined as the language joins them, as one string. */
  list(items: readonly string[]): string;
}

/** The words of a report in `language`. */
export function reportWords(language: LanguageCode): ReportWords {
  const locale = intlLocale(language);
  const dates = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const lists = new Intl.ListFormat(locale, { type: 'conjunction' });
  return {
    language,
    dir: directionOf(language),
    t: translatorFor(language, 'report'),
    date(value) {
      const day = value.slice(0, 10);
      const time = Date.parse(`${day}T00:00:00Z`);
      // A date that is not a calendar day (an older file's odd value) is shown as it was written.
      return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(time) ? dates.format(time) : value;
    },
    listParts: (items) => lists.formatToParts([...items]).map((part) => ({ type: part.type, value: part.value })),
    list: (items) => lists.format([...items]),
  };
}
