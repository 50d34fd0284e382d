/**
 * How close two wordings of a claim are, after the search word rule: the measure behind
 * "checked before". Chosen on the evaluation pairs in fixtures/checked-before-pairs.json (see the
 * search benchmark, which prints both measures' figures):
 *
 * - `wordingSimilarity` (used): a Dice coefficient over the two texts' words weighted by how rare
 *   each word is in the library's claims (IDF). Two words match when their search forms meet, so
 *   "لأذربيجان" matches "أذربيجان" and "الوزير" matches "وزير"; word order does not matter; common
 *   words ("the", "said", "في") weigh little, so a claim on the same topic with different figures
 *   or actors stays below the threshold.
 * - `trigramJaccard` (compared): Jaccard over character 3-grams of the folded text. Cheaper to
 *   explain, but it counts topic words as much as the words that make the claim, and prefixes
 *   and reordering cost it more.
 */
import {
  searchTokenize,
  wordForms,
  wordKey,
} from "../../../shared/search/search-words";

/** How often each word key occurs in the library's claims, for IDF weights. */
export interface WordFrequencies {
  /** Claims counted. */
  claims(): number;
  /** Claims whose words include `key` (a `wordKey`). */
  frequency(key: string): number;
}

/** A wording read for comparison: its distinct words, their search forms and weights. */
export interface Wording {
  words: { forms: readonly string[]; weight: number }[];
  forms: ReadonlySet<string>;
  total: number;
}

/** IDF of a word key: rare words weigh more; a word never seen weighs as one seen once. */
export function inverseFrequency(
  frequencies: WordFrequencies,
  key: string,
): number {
  return Math.log(
    1 + frequencies.claims() / Math.max(1, frequencies.frequency(key)),
  );
}

/** `text` read for comparison with the weights of `frequencies`. */
export function readWording(
  text: string,
  frequencies: WordFrequencies,
): Wording {
  const seen = new Set<string>();
  const words: Wording["words"] = [];
  const forms = new Set<string>();
  let total = 0;
  for (const word of searchTokenize(text)) {
    const wordFormsList = wordForms(word);
    const first = wordFormsList[0];
    if (first === undefined || seen.has(first)) continue;
    seen.add(first);
    const weight = inverseFrequency(frequencies, wordKey(word));
    words.push({ forms: wordFormsList, weight });
    for (const form of wordFormsList) forms.add(form);
    total += weight;
  }
  return { words, forms, total };
}

/** The weight of `wording`'s words that have a partner among `other`'s. */
function matchedWeight(wording: Wording, other: Wording): number {
  let matched = 0;
  for (const word of wording.words)
    if (word.forms.some((form) => other.forms.has(form)))
      matched += word.weight;
  return matched;
}

/** 0–1: the IDF-weighted Dice coefficient of two wordings (1 = the same words, in any order). */
export function wordingSimilarity(left: Wording, right: Wording): number {
  const total = left.total + right.total;
  if (total === 0) return 0;
  return Math.min(
    1,
    (matchedWeight(left, right) + matchedWeight(right, left)) / total,
  );
}

function trigrams(text: string): Set<string> {
  const folded = ` ${searchTokenize(text)
    .map((word) => wordForms(word)[0] ?? "")
    .filter((word) => word !== "")
    .join(" ")} `;
  const grams = new Set<string>();
  for (let index = 0; index + 3 <= folded.length; index++)
    grams.add(folded.slice(index, index + 3));
  return grams;
}

/** 0–1: Jaccard similarity of the character 3-grams of two texts after folding (the compared measure). */
export function trigramJaccard(left: string, right: string): number {
  const leftGrams = trigrams(left);
  const rightGrams = trigrams(right);
  let shared = 0;
  for (const gram of leftGrams) if (rightGrams.has(gram)) shared++;
  const union = leftGrams.size + rightGrams.size - shared;
  return union === 0 ? 0 : shared / union;
}
