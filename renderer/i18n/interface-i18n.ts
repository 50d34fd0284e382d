/**
 * The interface's i18next instance: the one catalogue (shared/i18n), namespace `app`, through
 * react-i18next, and the language and direction of the window.
 *
 * To translate a component: `const { t } = useTranslation();` and `t('library.newReview')`, the key
 * added to shared/i18n/messages/app-en.ts and its ar, fr and es twins. Counts: `t('compare.changeCount', { count })`
 * with `…_one`/`…_other` keys (Arabic also `_zero`, `_two`, `_few`, `_many`), written `{{count, number}}`
 * in the message; dates through interface-format.ts; markup inside a sentence through `<Trans>`.
 * Outside React (a thrown error, a plain module) use `interfaceI18n.t`. A key built from a value
 * (`t(\`claim.status.${status}\`)`) needs its family listed in message-keys.test.ts.
 */
import { createInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { I18N_OPTIONS } from '../../shared/i18n/translator';
import { directionOf, type LanguageCode } from '../../shared/i18n/languages';
import { intlLocale } from './interface-format';

/** The i18next instance every component's `useTranslation()` reads (given to the provider in main.tsx). */
export const interfaceI18n = createInstance();
void interfaceI18n.use(initReactI18next).init({ ...I18N_OPTIONS, lng: 'en', defaultNS: 'app', react: { useSuspense: false } });

// Numbers in messages ({{count, number}}) in the same digits and grouping as the interface's dates.
interfaceI18n.services.formatter?.addCached('number', (language, options: Intl.NumberFormatOptions | undefined) => {
  const format = new Intl.NumberFormat(intlLocale(language ?? 'en'), options);
  return (value: number) => format.format(value);
});

/** The language the interface shows now. */
export function interfaceLanguage(): LanguageCode {
  return interfaceI18n.language as LanguageCode;
}

/** Shows the interface in `language`: its messages, and `<html lang dir>` so the layout mirrors for Arabic. */
export async function showInterfaceIn(language: LanguageCode): Promise<void> {
  await interfaceI18n.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}
