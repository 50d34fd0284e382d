import { describe, expect, it } from 'vitest';
import { queryWords } from './library-query';
import { foldWord } from '../../../shared/search/search-words';
import { isStopWord } from '../../../shared/search/stop-words';

describe('words too common to search by', () => {
  it('are compared by folded form, in each interface language', () => {
    for (const word of ['The', 'À', 'del', 'على', 'إلى', 'وفي']) expect(isStopWord(foldWord(word)), word).toBe(true);
    for (const word of ['minister', 'budget', 'البطالة', 'وزير', 'chômage']) expect(isStopWord(foldWord(word)), word).toBe(false);
  });

  it('are left out of a query, unless the query has nothing else', () => {
    expect(queryWords('the minister of finance said')).toEqual(['minister', 'finance', 'said']);
    expect(queryWords('قال الوزير في البرلمان')).toEqual(['قال', 'الوزير', 'البرلمان']);
    expect(queryWords('to be or not to be')).toEqual(['to', 'be', 'or', 'not']);
  });
});
