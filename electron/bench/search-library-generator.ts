/**
 * A seeded, generated library for the search benchmark: English and Arabic reviews with articles
 * of 3–6 KB and claims with every field, from a vocabulary with news-like word frequencies
 * (a few very common words, a long tail of rare ones, Arabic words with attached prefixes).
 */
import type { Review } from '../../shared/model/review';
import { reviewOf, type ClaimSketch } from '../services/search/search-reviews.fixture';

/** mulberry32: a small, fast, seeded generator, so every run indexes the same library. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const ENGLISH_COMMON =
  'the of and to in a said that for on was is with by as at from has have were it its be an are this which percent year government minister would more than after not who last people new million since per'.split(
    ' ',
  );
const ENGLISH_TOPIC =
  'unemployment inflation budget crime police border migrants hospital vaccine climate schools housing prices wages electricity tax rail election turnout defence wheat drought pension retirement water exports china food refugees forests prisons stadium debt petrol subsidy doctors road deaths hackers gambling children army tourism broadband homelessness contracts floods broadcaster overdose pollution banks bonuses grain ports report survey figures statistics office parliament council mayor president opposition party ministry agency court judge protest strike union workers farmers teachers nurses'.split(
    ' ',
  );
const ARABIC_COMMON = 'في من على إلى أن عن مع هذا التي الذي قال كان العام وقال بنسبة المئة منذ خلال الحكومة الوزير'.split(' ');
const ARABIC_TOPIC =
  'البطالة الأسعار الخبز الوقود الكهرباء المدارس الرواتب الفقر الفيضانات الزلزال اللاجئين القمح الجفاف الدين الانتخابات البرلمان الميناء السياحة الأطباء الشباب المحافظة العاصمة أذربيجان الغاز النفط أوروبا الموازنة الضرائب الدعم المستشفى الجامعة الشرطة الحدود المهاجرين الإسكان الأجور التضخم الصادرات'.split(
    ' ',
  );
const ARABIC_PREFIXES = ['', '', '', 'و', 'ب', 'ل', 'ف', 'وب', 'ول'];
const SYLLABLES = 'ba ko ri ne mu sa te lo vi da ran tor mel pen sil gar dun fex'.split(' ');
const ARABIC_LETTERS = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي'.split('');

/** A long tail of rare words: names, places, technical terms, as a real archive has. */
function rareWord(random: () => number, arabic: boolean): string {
  if (arabic) return Array.from({ length: 3 + Math.floor(random() * 4) }, () => ARABIC_LETTERS[Math.floor(random() * ARABIC_LETTERS.length)]).join('');
  const word = Array.from({ length: 2 + Math.floor(random() * 3) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
  return random() < 0.2 ? word[0]?.toUpperCase() + word.slice(1) : word;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** `word` with an attached prefix as Arabic writes it (ل + ال is لل). */
function withPrefix(prefix: string, word: string): string {
  return prefix.endsWith('ل') && word.startsWith('ال') ? prefix + word.slice(1) : prefix + word;
}

/** A sentence of 14–34 words in `language`, Zipf-like: common words most, then topic words, then rare ones. */
export function sentence(random: () => number, arabic: boolean, rare: readonly string[]): string {
  const words: string[] = [];
  const length = 14 + Math.floor(random() * 20);
  for (let index = 0; index < length; index++) {
    const draw = random();
    if (draw < 0.45) words.push(pick(random, arabic ? ARABIC_COMMON : ENGLISH_COMMON));
    else if (draw < 0.75) words.push(arabic ? withPrefix(pick(random, ARABIC_PREFIXES), pick(random, ARABIC_TOPIC)) : pick(random, ENGLISH_TOPIC));
    else if (draw < 0.85) words.push(String(Math.floor(random() * 5000)));
    else words.push(pick(random, rare));
  }
  const text = words.join(' ');
  return `${arabic ? text : text[0]?.toUpperCase() + text.slice(1)}.`;
}

/** `count` reviews of `claimsEach` claims, every third in Arabic. */
export function generateLibrary(count: number, claimsEach: number, seed = 20260401): Review[] {
  const random = seededRandom(seed);
  const rareEnglish = Array.from({ length: 30_000 }, () => rareWord(random, false));
  const rareArabic = Array.from({ length: 15_000 }, () => rareWord(random, true));
  const verdicts = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'misleading', null];
  const statuses = ['to-check', 'in-progress', 'reviewed'] as const;
  const reviews: Review[] = [];
  for (let number = 0; number < count; number++) {
    const arabic = number % 3 === 2;
    const rare = arabic ? rareArabic : rareEnglish;
    const id = `bench-review-${String(number).padStart(6, '0')}`;
    const paragraphs: string[] = [];
    const claims: ClaimSketch[] = [];
    const targetBytes = 3_000 + Math.floor(random() * 3_000);
    let bytes = 0;
    while (bytes < targetBytes || paragraphs.length < claimsEach) {
      const paragraph = sentence(random, arabic, rare);
      paragraphs.push(paragraph);
      bytes += arabic ? paragraph.length * 1.8 : paragraph.length;
    }
    for (let claim = 0; claim < claimsEach; claim++) {
      const paragraph = paragraphs[claim % paragraphs.length] as string;
      const start = Math.floor(random() * (paragraph.length / 3));
      const quote = paragraph.slice(paragraph.indexOf(' ', start) + 1, paragraph.indexOf(' ', start) + 1 + 40 + Math.floor(random() * 80)).trim();
      claims.push({
        id: `${id}-claim-${String(claim).padStart(3, '0')}`,
        quote,
        summary: random() < 0.6 ? sentence(random, arabic, rare).slice(0, 120) : '',
        verdictId: pick(random, verdicts),
        rationale: random() < 0.7 ? sentence(random, arabic, rare) : '',
        claimant: random() < 0.8 ? `${pick(random, rare)} ${pick(random, rare)}` : '',
        claimDate: random() < 0.5 ? `2025-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}` : '',
        status: pick(random, statuses),
        tags: [pick(random, arabic ? ARABIC_TOPIC : ENGLISH_TOPIC)],
        evidence:
          random() < 0.5
            ? [
                {
                  id: `${id}-ev-${claim}`,
                  url: 'https://stats.example.org/table',
                  title: sentence(random, arabic, rare).slice(0, 60),
                  note: random() < 0.5 ? sentence(random, arabic, rare) : '',
                  stance: 'refutes',
                  accessedAt: '',
                },
              ]
            : [],
      });
    }
    reviews.push(
      reviewOf({
        id,
        title: sentence(random, arabic, rare).slice(0, 90),
        outlet: pick(random, rare),
        byline: `${pick(random, rare)} ${pick(random, rare)}`,
        publishedAt: `2025-${String(1 + (number % 12)).padStart(2, '0')}-${String(1 + (number % 28)).padStart(2, '0')}`,
        createdAt: new Date(Date.UTC(2025, 0, 1) + number * 3_600_000).toISOString(),
        paragraphs,
        claims,
      }),
    );
  }
  return reviews;
}
