/**
 * Dates, times and lists as the interface language writes them. Arabic is written with Western
 * digits (0–9), as most Arabic news sites and fact-checkers publish, and as the claim numbers and
 * counts beside these dates are; the other languages follow the reader's own regional variant
 * (en-GB, fr-CA, es-MX) when the browser names one.
 */
import { catalogueLanguage } from '../../shared/i18n/languages';

/** The BCP 47 locale Intl formats with for interface language `language`. */
export function intlLocale(language: string): string {
  const code = catalogueLanguage(language) ?? 'en';
  if (code === 'ar') return 'ar-u-nu-latn';
  const regional = (typeof navigator === 'undefined' ? [] : navigator.languages).find((tag) => catalogueLanguage(tag) === code);
  return regional ?? code;
}

/** A day, as the library lists when a review was added ("14 Mar 2026"). */
export function formatDate(iso: string, language: string): string {
  return new Date(iso).toLocaleDateString(intlLocale(language), { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A time of day ("10:05"). */
export function formatTime(iso: string, language: string): string {
  return new Date(iso).toLocaleTimeString(intlLocale(language), { hour: '2-digit', minute: '2-digit' });
}

/** A day and a time, for when something happened. */
export function formatDateTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short' });
}

/** Names listed one after another ("Verdict, Tags, Status"; Arabic joins them with its own comma and و). */
export function formatList(items: readonly string[], language: string): string {
  return new Intl.ListFormat(intlLocale(language), { type: 'unit', style: 'short' }).format(items);
}
