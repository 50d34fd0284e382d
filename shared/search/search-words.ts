/**
 * The word rule of library search: how a word of stored text or of a query is reduced to the
 * terms the index compares, so spelling that a reader does not notice never hides a match.
 * Stored text is never changed; only index and query terms go through here.
 *
 * Folding: case; Latin accents (NFKD, combining marks removed: "Zürich" = "zurich"); Arabic
 * tashkeel, superscript alef (U+0670), Quranic marks and tatweel removed; alef forms أ إ آ ٱ → ا
 * (NFKD also folds ؤ → و and ئ → ي: a hamza seat is spelt inconsistently in news copy);
 * ة → ه, ى → ي, Persian/Urdu ی ک → ي ك; Arabic-Indic digits → 0-9.
 *
 * Attached prefixes: an Arabic word beginning with و ف (and), ب ك ل (in, as, for), the article
 * ال, or a combination (وال، بال، فال، كال، لل، وب، ول، فب …) gives, besides its whole folded
 * form, each form with such a prefix removed, when enough of the word remains:
 * - at least 3 letters after a prefix that ends in the article (ال، وال، بال، لل …): the article
 *   is almost always the article, and most Arabic stems have three letters (الوزير → وزير);
 * - at least 4 letters after a bare letter prefix (و ف ب ك ل and pairs of them): a word's own
 *   first letter is often one of these (وزير، بيان، كبير، فيلم، لبنان), and stripping it from a
 *   4-letter word would leave 3-letter "stems" (زير، يان، بير) that are real, unrelated words.
 * Index and query both keep the whole form, so a word that merely starts with such a letter still
 * finds itself exactly, and an exact match scores above one found only through a shorter form.
 */

/** Changes whenever the rule changes, so an index built with another rule is rebuilt. */
export const SEARCH_WORDS_VERSION = 2;

/** A word as search reads text: a run of letters, digits and combining marks (UTF-16 offsets). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** Combining marks (tashkeel, U+0670, accents once NFKD has split them off). */
const MARKS = /\p{M}/gu;
/** Tatweel and the Quranic annotation signs that are not combining marks (end of ayah, rub el hizb, small waw and yeh, place of sajdah). */
const ARABIC_DECORATION = /[\u0640\u06dd\u06de\u06e5\u06e6\u06e9]/g;
const LETTER_MAP: Record<string, string> = {
  "\u0671": "\u0627", // ٱ alef wasla
  "\u0629": "\u0647", // ة → ه
  "\u0649": "\u064a", // ى → ي
  "\u06cc": "\u064a", // ی Persian yeh
  "\u06d2": "\u064a", // ے Urdu yeh barree
  "\u06a9": "\u0643", // ک keheh
  "\u06aa": "\u0643", // ڪ swash kaf
};
const LETTERS_TO_MAP =
  /[\u0671\u0629\u0649\u06cc\u06d2\u06a9\u06aa\u0660-\u0669\u06f0-\u06f9]/g;

function mapLetter(character: string): string {
  const code = character.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return LETTER_MAP[character] ?? character;
}

/** `word` folded: lower case, accents and diacritics removed, Arabic letter variants and digits unified. */
export function foldWord(word: string): string {
  // NFKD splits أ إ آ into ا + a combining hamza or madda, and é into e + an accent.
  return word
    .toLowerCase()
    .normalize("NFKD")
    .replace(MARKS, "")
    .replace(ARABIC_DECORATION, "")
    .replace(LETTERS_TO_MAP, mapLetter)
    .replace(/[^\p{L}\p{N}]/gu, "");
}

const CONJUNCTIONS = ["", "\u0648", "\u0641"]; // و ف
const PREPOSITIONS = ["", "\u0628", "\u0643", "\u0644"]; // ب ك ل
const ARTICLE = "\u0627\u0644"; // ال
const LAM = "\u0644";

/** Every attached prefix with the letters a word must keep after it, longest first. */
const PREFIXES: readonly { prefix: string; minStem: number }[] = (() => {
  const found = new Map<string, number>();
  for (const conjunction of CONJUNCTIONS) {
    for (const preposition of PREPOSITIONS) {
      if (conjunction + preposition !== "")
        found.set(conjunction + preposition, 4);
      // ل + ال is written لل (لِلوزير).
      found.set(
        conjunction + (preposition === LAM ? LAM + LAM : preposition + ARTICLE),
        3,
      );
    }
  }
  return [...found.entries()]
    .map(([prefix, minStem]) => ({ prefix, minStem }))
    .sort((left, right) => right.prefix.length - left.prefix.length);
})();

const ARABIC_LETTER = /^[\u0620-\u064a]/;

/** The forms of an already folded word: itself, then each form with an attached Arabic prefix removed. */
function formsOfFolded(folded: string): string[] {
  if (folded === "" || !ARABIC_LETTER.test(folded))
    return folded === "" ? [] : [folded];
  const forms = [folded];
  for (const { prefix, minStem } of PREFIXES) {
    if (folded.length - prefix.length >= minStem && folded.startsWith(prefix)) {
      const stem = folded.slice(prefix.length);
      if (!forms.includes(stem)) forms.push(stem);
    }
  }
  return forms;
}

/** Words repeat (Zipf): folding each distinct word once keeps indexing a big library fast. */
const FORMS_CACHE = new Map<string, string[]>();
const FORMS_CACHE_LIMIT = 200_000;

/**
 * The index terms of one word as written: its folded form first, then its forms without an
 * attached Arabic prefix (see the rule above). Empty for a word that folds to nothing.
 */
export function wordForms(word: string): string[] {
  const cached = FORMS_CACHE.get(word);
  if (cached) return cached;
  const forms = formsOfFolded(foldWord(word));
  if (FORMS_CACHE.size >= FORMS_CACHE_LIMIT) FORMS_CACHE.clear();
  FORMS_CACHE.set(word, forms);
  return forms;
}

/** The shortest form of a word: one key per word for comparing wordings ("لأذربيجان" and "أذربيجان" alike). */
export function wordKey(word: string): string {
  const forms = wordForms(word);
  return forms.reduce(
    (shortest, form) => (form.length < shortest.length ? form : shortest),
    forms[0] ?? "",
  );
}

/** The words of `text` as written (MiniSearch's `tokenize`). */
export function searchTokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * The [start, end) UTF-16 ranges, in the ORIGINAL `text`, of the words any of whose forms is in
 * `terms` (index terms as search matched them), in text order; at most `limit` of them.
 */
export function matchRanges(
  text: string,
  terms: ReadonlySet<string>,
  limit = Number.POSITIVE_INFINITY,
): [number, number][] {
  const ranges: [number, number][] = [];
  if (terms.size === 0) return ranges;
  for (const match of text.matchAll(WORD)) {
    if (wordForms(match[0]).some((form) => terms.has(form))) {
      ranges.push([match.index, match.index + match[0].length]);
      if (ranges.length >= limit) break;
    }
  }
  return ranges;
}
