import { describe, expect, it } from 'vitest';
import { appEn } from '../../shared/i18n/messages/app-en';
import { CLAIM_ATTENTION_LABELS, CLAIM_STATUSES, EVIDENCE_STANCES } from '../../shared/model/claim';
import { CLAIM_FIELDS } from '../../shared/model/claim-history';

/** Every source file of the renderer, as text (Vite reads them; the renderer may not import Node's fs). */
const SOURCES = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], { query: '?raw', import: 'default', eager: true });

/** Keys built from a value (`t(\`claim.status.${status}\`)`): each prefix and the values it is completed with. */
const FAMILIES: Record<string, readonly string[]> = {
  'claim.status.': CLAIM_STATUSES,
  'claim.field.': CLAIM_FIELDS,
  'attention.title.': Object.keys(CLAIM_ATTENTION_LABELS),
  'attention.reason.': Object.keys(CLAIM_ATTENTION_LABELS),
  'evidence.stance.': EVIDENCE_STANCES,
};

/** Whether English has `key`, as it is or in plural forms. */
const known = (key: string): boolean => appEn[key] !== undefined || appEn[`${key}_other`] !== undefined;

function keysUsed(pattern: RegExp): { key: string; file: string }[] {
  return Object.entries(SOURCES).flatMap(([file, text]) => [...text.matchAll(pattern)].map((match) => ({ key: match[1] as string, file })));
}

describe('the message keys the interface uses', () => {
  it('reads the renderer sources', () => {
    expect(Object.keys(SOURCES).some((file) => file.endsWith('library/library-view.tsx'))).toBe(true);
  });

  it('are all in the English app catalogue', () => {
    // t('…') and i18n.t('…'), <Trans i18nKey="…">, and message keys kept in tables (labelKey: '…').
    const used = [...keysUsed(/\bt\(\s*'([^']+)'/g), ...keysUsed(/\bi18nKey="([^"]+)"/g), ...keysUsed(/\blabelKey: '([^']+)'/g)];
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter(({ key }) => !known(key)).map(({ key, file }) => `${file}: ${key}`)).toEqual([]);
  });

  it('built from a value are complete for every value', () => {
    const prefixes = keysUsed(/\bt\(\s*`([^`$]*)\$\{/g);
    expect(prefixes.filter(({ key }) => FAMILIES[key] === undefined).map(({ key, file }) => `${file}: ${key}…`)).toEqual([]);
    const missing = Object.entries(FAMILIES).flatMap(([prefix, values]) => values.map((value) => `${prefix}${value}`).filter((key) => !known(key)));
    expect(missing).toEqual([]);
  });
});
