import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../shared/editor-schema/article-extensions';
import { claimsAt, readClaimPlacements } from './claim-placements';

const schema = articleSchema();
const claim = (claimId: string) => ({ type: 'claim', attrs: { claimId } });
const text = (value: string, ...ids: string[]) => ({ type: 'text', text: value, ...(ids.length > 0 ? { marks: ids.map(claim) } : {}) });
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });

describe('readClaimPlacements', () => {
  it('reads overlapping claims in one paragraph, in document order', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [paragraph(text('Intro. '), text('Unemployment fell ', 'a'), text('to 3.4%', 'a', 'b'), text(' last year.', 'b'))],
    });
    expect(readClaimPlacements(doc)).toEqual([
      { claimId: 'a', from: 8, to: 33, quote: 'Unemployment fell to 3.4%' },
      { claimId: 'b', from: 26, to: 44, quote: 'to 3.4% last year.' },
    ]);
    expect(claimsAt(readClaimPlacements(doc), 28)).toEqual(['b', 'a']);
  });

  it('joins the blocks of a claim that spans paragraphs with a line break, unmarked words between included', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [paragraph(text('First '), text('ends here.', 'x')), paragraph(text('Middle words.')), { type: 'blockquote', content: [paragraph(text('Starts', 'x'), text(' and the rest.'))] }],
    });
    const [placement] = readClaimPlacements(doc);
    expect(placement?.quote).toBe('ends here.\nMiddle words.\nStarts');
    expect(placement && doc.textBetween(placement.from, placement.to, '\n', ' ')).toBe(placement?.quote);
  });

  it('gives the same quotes as textBetween for claims in lists, tables and Arabic text', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('قالت الوزارة إن '), text('البطالة انخفضت', 'ar'), text(' العام الماضي'))] }] },
        paragraph(text('Line one', 'br'), { type: 'hardBreak', marks: [claim('br')] }, text('line two', 'br')),
        {
          type: 'table',
          content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph(text('Cell claim', 'cell'))] }] }],
        },
      ],
    });
    const placements = readClaimPlacements(doc);
    expect(placements.map((placement) => placement.claimId)).toEqual(['ar', 'br', 'cell']);
    for (const placement of placements) expect(placement.quote).toBe(doc.textBetween(placement.from, placement.to, '\n', ' '));
    expect(placements[0]?.quote).toBe('البطالة انخفضت');
    expect(placements[1]?.quote).toBe('Line one line two');
  });

  it('finds nothing in an article without claims', () => {
    expect(readClaimPlacements(schema.nodeFromJSON({ type: 'doc', content: [paragraph(text('No claims.'))] }))).toEqual([]);
  });
});
