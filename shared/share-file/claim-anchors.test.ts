import { describe, expect, it } from 'vitest';
import { missReason } from '../anchoring/re-anchor';
import { readArticleText } from '../article/claim-spans';
import { markTextRanges } from '../article/mark-text-range';
import type { DocNode } from '../model/article-doc';
import { ClaimAttention } from '../model/claim';
import { anchorsOf, placeClaims, type ClaimToPlace } from './claim-anchors';

const docOf = (paragraphs: string[]): DocNode => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

const OLD = [
  'The minister said unemployment fell by 20 percent last year, the lowest in a decade.',
  'Crime rose 5 percent in the city, police said on Monday after the weekend.',
  'Schools will get 400 new teachers by September, the education office promised.',
];

/**
 * The claims of `OLD` on `quotes`, as a share file carries them, placed in `paragraphs`; `diffed`:
 * with the old text to map positions through, as a merge has it (else by quote, context and offset).
 */
function placeIn(paragraphs: string[], quotes: string[], extra: ClaimToPlace[] = [], diffed = true) {
  const old = docOf(OLD);
  const oldText = readArticleText(old).text;
  const marked = markTextRanges(
    old,
    quotes.map((quote, index) => ({ claimId: `claim-000${index}`, start: oldText.indexOf(quote), end: oldText.indexOf(quote) + quote.length })),
  );
  const anchors = anchorsOf(marked);
  const claims: ClaimToPlace[] = quotes.map((_, index) => ({ claimId: `claim-000${index}`, anchor: anchors.get(`claim-000${index}`) ?? null }));
  return placeClaims(docOf(paragraphs), [...claims, ...extra], diffed ? oldText : undefined);
}

/** The flag of `claimId`, checked against the stored schema. */
function flagOf(result: ReturnType<typeof placeClaims>, claimId: string): ClaimAttention {
  const attention = result.attention.get(claimId);
  expect(attention).toBeDefined();
  return ClaimAttention.parse(attention);
}

describe('the flags a merge puts on claims it places', () => {
  it('says in data, beside the English sentence, that a claim was found on edited words and how alike they are', () => {
    const edited = OLD[0]?.replace('20 percent', '25 percent') as string;
    const flag = flagOf(placeIn([edited, OLD[1] as string, OLD[2] as string], ['unemployment fell by 20 percent last year']), 'claim-0000');
    expect(flag.kind).toBe('changed');
    expect(flag.why).toMatchObject({ code: 'merge-changed' });
    const similarity = flag.why?.code === 'merge-changed' ? flag.why.similarity : -1;
    expect(similarity).toBeGreaterThanOrEqual(75);
    expect(similarity).toBeLessThan(100);
    expect(flag.detail).toContain(`(${similarity} % alike)`);
  });

  it('says why a claim could not be placed, with the same reason the sentence gives', () => {
    const flag = flagOf(placeIn([OLD[0] as string, OLD[1] as string], ['Schools will get 400 new teachers by September']), 'claim-0000');
    expect(flag).toMatchObject({ kind: 'orphan', why: { code: 'merge-not-found', miss: { code: 'gone' } } });
    const miss = flag.why?.code === 'merge-not-found' ? flag.why.miss : undefined;
    expect(miss && flag.detail.toLowerCase()).toBe(`${miss ? missReason(miss) : ''}.`);
  });

  it('counts the copies when a quote repeats and its context does not tell which one', () => {
    const repeated = 'Crime rose 5 percent in the city';
    const flag = flagOf(placeIn([`${repeated}.`, `Later: ${repeated}.`, `Again: ${repeated}.`], [repeated], [], false), 'claim-0000');
    expect(flag.why).toEqual({ code: 'merge-not-found', miss: { code: 'repeated', count: 3 } });
    expect(flag.detail).toBe('The quote appears 3 times and its context does not tell which one.');
  });

  it('flags words found in another place of the copy, and a claim the sender had no place for', () => {
    const result = placeIn(
      [OLD[2] as string, 'A new paragraph about something else entirely.', OLD[0] as string],
      ['Schools will get 400 new teachers by September'],
      [{ claimId: 'claim-0009', anchor: null }],
      false,
    );
    expect(flagOf(result, 'claim-0000')).toMatchObject({ kind: 'moved', why: { code: 'merge-moved' }, detail: expect.stringMatching(/another place/) });
    expect(flagOf(result, 'claim-0009')).toMatchObject({ kind: 'orphan', why: { code: 'merge-no-place' }, detail: 'The copy it came from had no place for it either.' });
  });

  it('keeps the flag the sender sent for a claim without a place, with or without its cause', () => {
    const sent = { kind: 'orphan' as const, quote: 'old words', detail: 'Written by an older Factmark.' };
    const result = placeIn(OLD, [], [{ claimId: 'claim-0009', anchor: null, attention: sent }]);
    expect(flagOf(result, 'claim-0009')).toEqual(sent);
  });
});

describe('the stored flag of a claim', () => {
  it('still loads from a file written before flags had a cause, and refuses a cause out of its bounds', () => {
    expect(ClaimAttention.parse({ kind: 'moved', quote: 'q', detail: 'An English sentence.' })).toEqual({ kind: 'moved', quote: 'q', detail: 'An English sentence.' });
    expect(ClaimAttention.safeParse({ kind: 'changed', quote: 'q', detail: 'd', why: { code: 'merge-changed', similarity: 101 } }).success).toBe(false);
    expect(ClaimAttention.safeParse({ kind: 'changed', quote: 'q', detail: 'd', why: { code: 'update-changed', version: 2.5, similarity: 80, words: 'w' } }).success).toBe(false);
    expect(ClaimAttention.safeParse({ kind: 'changed', quote: 'q', detail: 'd', why: { code: 'edited-here', words: 'w'.repeat(2_001) } }).success).toBe(false);
    expect(ClaimAttention.safeParse({ kind: 'orphan', quote: 'q', detail: 'd', why: { code: 'merge-not-found', miss: { code: 'repeated', count: 1 } } }).success).toBe(false);
    expect(ClaimAttention.safeParse({ kind: 'orphan', quote: 'q', detail: 'd', why: { code: 'someday' } }).success).toBe(false);
  });
});
