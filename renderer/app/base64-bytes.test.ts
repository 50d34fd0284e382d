import { describe, expect, it } from 'vitest';
import { bytesOfBase64, bytesOfBase64ByLoop } from './base64-bytes';

describe('bytesOfBase64', () => {
  const text = 'قال الوزير إن البطالة انخفضت — “3.4 %” 🙂';
  const base64 = Buffer.from(text, 'utf8').toString('base64');

  it('gives the bytes the base64 holds, by either decoder', () => {
    for (const decode of [bytesOfBase64, bytesOfBase64ByLoop]) {
      const bytes = decode(base64);
      expect(Buffer.from(bytes).equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(new TextDecoder().decode(bytes)).toBe(text);
    }
  });

  it('decodes nothing to no bytes', () => {
    expect(bytesOfBase64('')).toHaveLength(0);
  });
});
