/**
 * Words too common to search by: articles, pronouns, prepositions and auxiliaries of the four
 * interface languages. They are most of the words of any article (about a third in the search
 * benchmark's library, more in real prose), so leaving them out of the index makes it about a
 * third faster to build and its queries faster, and a search for "the minister" means "minister".
 * Compared by folded form (see search-words), so "À", "à" and "a" are one entry.
 */
import { foldWord } from './search-words';

const ENGLISH = 'a an and are as at be been but by can could did do does for from had has have he her his i if in into is it its me my no not of on or our she so than that the their them then there these they this those to us was we were what when where which who whom why will with would you your';
const FRENCH = 'au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous est sont été être';
const SPANISH = 'al como con de del el ella ellas ellos en es esta este esto la las le les lo los mas me mi no nos o para pero por que se si sin sobre su sus te tu un una uno unos unas y ya fue son ser';
// Prepositions, conjunctions, relatives and demonstratives, with and without the attached و.
const ARABIC = 'في من على إلى الى عن أن ان إن مع هذا هذه ذلك تلك التي الذي الذين اللذين اللتين هو هي هم أو او ثم لا لم لن ما قد كان كانت وفي ومن وعلى وإلى وعن وأن وإن ومع وهذا وهذه وهو وهي ولا ولم وقد وكان وكانت';

const STOP_WORDS: ReadonlySet<string> = new Set([ENGLISH, FRENCH, SPANISH, ARABIC].flatMap((list) => list.split(' ')).map(foldWord));

/** True when `folded` (a word's folded form, as search-words makes it) is too common to search by. */
export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}
