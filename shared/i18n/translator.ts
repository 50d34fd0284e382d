/** An i18next instance over the one catalogue, for a language: reports make their own, the interface one. */
import { createInstance, type i18n, type TFunction } from 'i18next';
import { CATALOGUE } from './catalogue';
import type { LanguageCode } from './languages';

/** The options every Factmark i18next instance shares (the renderer adds react-i18next to them). */
export const I18N_OPTIONS = {
  resources: CATALOGUE,
  fallbackLng: 'en',
  ns: ['app', 'report'],
  // Keys are flat strings with dots in them; the reports and React escape what they print.
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
} as const;

/** A ready i18next instance speaking `language`, with `defaultNS` for lookups without a namespace. */
export function createTranslator(language: LanguageCode, defaultNS: 'app' | 'report'): i18n {
  const instance = createInstance();
  void instance.init({ ...I18N_OPTIONS, lng: language, defaultNS });
  return instance;
}

const translators = new Map<string, TFunction>();

/**
 * The lookup function of a translator for `language` in namespace `namespace`. One per language
 * and namespace for the life of the process: the catalogue never changes, and a report or a list
 * of reviews asks for the same one many times.
 */
export function translatorFor(language: LanguageCode, namespace: 'app' | 'report'): TFunction {
  const key = `${language}:${namespace}`;
  let translator = translators.get(key);
  if (!translator) {
    translator = createTranslator(language, namespace).getFixedT(language, namespace);
    translators.set(key, translator);
  }
  return translator;
}
