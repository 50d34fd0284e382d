/**
 * Share-file checksums hash the RFC 8785 (JCS) form of the content, so a share made by any
 * Factmark must keep its checksum. These pin the canonicalize package to the RFC's own examples
 * (RFC 8785 §3.2.2, §3.2.3 and Appendix B, https://www.rfc-editor.org/rfc/rfc8785) and to the
 * depth a share file can reach.
 */
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { MAX_DOC_DEPTH } from '../../../shared/model/storage-limits';

/** Appendix B: an IEEE 754 double (as hex) and the text JCS writes for it. */
const RFC_NUMBERS: [hex: string, text: string][] = [
  ['0000000000000000', '0'],
  ['8000000000000000', '0'], // -0
  ['0000000000000001', '5e-324'],
  ['8000000000000001', '-5e-324'],
  ['7fefffffffffffff', '1.7976931348623157e+308'],
  ['ffefffffffffffff', '-1.7976931348623157e+308'],
  ['4340000000000000', '9007199254740992'],
  ['c340000000000000', '-9007199254740992'],
  ['4430000000000000', '295147905179352830000'],
  ['44b52d02c7e14af5', '9.999999999999997e+22'],
  ['44b52d02c7e14af6', '1e+23'],
  ['44b52d02c7e14af7', '1.0000000000000001e+23'],
  ['444b1ae4d6e2ef4e', '999999999999999700000'],
  ['444b1ae4d6e2ef4f', '999999999999999900000'],
  ['444b1ae4d6e2ef50', '1e+21'],
  ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
  ['3eb0c6f7a0b5ed8d', '0.000001'],
  ['41b3de4355555553', '333333333.3333332'],
  ['41b3de4355555554', '333333333.33333325'],
  ['41b3de4355555555', '333333333.3333333'],
  ['41b3de4355555556', '333333333.3333334'],
  ['41b3de4355555557', '333333333.33333343'],
  ['becbf647612f3696', '-0.0000033333333333333333'],
  ['43143ff3c1cb0959', '1424953923781206.2'],
];

const doubleFromHex = (hex: string): number => Buffer.from(hex, 'hex').readDoubleBE(0);

describe('canonical JSON for share-file checksums (RFC 8785)', () => {
  it.each(RFC_NUMBERS)('writes the double %s as %s', (hex, text) => {
    const value = doubleFromHex(hex);
    expect(canonicalize(value)).toBe(text);
    expect(canonicalize({ value: [value] })).toBe(`{"value":[${text}]}`);
  });

  it('refuses NaN and Infinity, which JSON cannot carry', () => {
    expect(() => canonicalize({ value: Number.NaN })).toThrow();
    expect(() => canonicalize([Number.POSITIVE_INFINITY])).toThrow();
    expect(() => canonicalize(doubleFromHex('fff0000000000000'))).toThrow();
  });

  it('writes the example of §3.2.2: sorted keys, shortest numbers, minimal string escapes', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    ) as unknown;
    expect(canonicalize(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('sorts keys by UTF-16 code units, as in §3.2.3 (an emoji before U+FB33)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('refuses a lone surrogate, so a broken character cannot be checksummed', () => {
    expect(() => canonicalize({ text: 'a\ud800b' })).toThrow();
    expect(() => canonicalize({ ['\udc00']: 1 })).toThrow();
    expect(canonicalize({ text: 'a\ud83d\ude00b' })).toBe('{"text":"a😀b"}');
  });

  it('drops undefined members and writes undefined array items as null, like JSON.stringify', () => {
    expect(canonicalize({ b: [undefined, 1], a: undefined, c: { z: 0, y: -0 } })).toBe('{"b":[null,1],"c":{"y":0,"z":0}}');
  });

  it('sorts the keys of objects at every depth and keeps the order of arrays', () => {
    const content = { version: 1, claims: [{ quote: 'fell by 20 percent', id: 'c2' }, { id: 'c1', evidence: [{ url: 'https://example.org/', note: null }] }], review: { title: 'Jobs – «Arbeit»' } };
    expect(canonicalize(content)).toBe(
      '{"claims":[{"id":"c2","quote":"fell by 20 percent"},{"evidence":[{"note":null,"url":"https://example.org/"}],"id":"c1"}],"review":{"title":"Jobs – «Arbeit»"},"version":1}',
    );
  });

  it('canonicalizes articles nested far deeper than a share file may hold', () => {
    // canonicalize 4 recurses (about 1,000 levels fit on Node's default stack); the share schema
    // refuses documents deeper than MAX_DOC_DEPTH before any checksum is computed.
    let node: object = { type: 'text', text: 'deep' };
    for (let depth = 0; depth < 4 * MAX_DOC_DEPTH; depth++) node = { type: 'blockquote', content: [node] };
    expect(canonicalize({ type: 'doc', content: [node] })).toContain('"text":"deep"');
  });
});
