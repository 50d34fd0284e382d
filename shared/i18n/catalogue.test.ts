import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue';

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** A key without its plural suffix: languages have different plural forms of the same message. */
const base = (key: string): string => key.replace(PLURAL, '');
/** The {{placeholders}} of a message. */
const placeholders = (message: string): string[] => [...message.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1] as string).sort();

describe('the message catalogue', () => {
  for (const [language, namespaces] of Object.entries(CATALOGUE)) {
    if (language === 'en') continue;
    for (const [namespace, messages] of Object.entries(namespaces)) {
      const english = CATALOGUE.en[namespace as keyof typeof CATALOGUE.en] as Record<string, string>;
      it(`${language}/${namespace} has every English message and no other`, () => {
        const ours = new Set(Object.keys(messages).map(base));
        const theirs = new Set(Object.keys(english).map(base));
        expect([...theirs].filter((key) => !ours.has(key))).toEqual([]);
        expect([...ours].filter((key) => !theirs.has(key))).toEqual([]);
      });
      it(`${language}/${namespace} keeps every placeholder of the English message`, () => {
        for (const [key, message] of Object.entries(messages as Record<string, string>)) {
          const englishKey = english[key] !== undefined ? key : Object.keys(english).find((candidate) => base(candidate) === base(key));
          if (!englishKey) continue;
          // Plural forms may leave the count out ("one claim" / "claim"), never add one English lacks.
          const extra = placeholders(message).filter((name) => !placeholders(english[englishKey] as string).includes(name) && name !== 'count');
          expect(extra, `${language}/${namespace}/${key}`).toEqual([]);
        }
      });
      it(`${language}/${namespace} translates, not copies, its messages`, () => {
        expect(Object.values(messages).every((message) => typeof message === 'string' && message.trim() !== '')).toBe(true);
      });
    }
  }
});
