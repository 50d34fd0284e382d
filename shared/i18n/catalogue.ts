/**
 * The one message catalogue: every word the interface and the reports show, per language, as
 * i18next resources. Namespaces: `report` (exported reports) and `app` (the interface).
 * English is the reference: the other languages must have exactly its keys (catalogue.test.ts).
 */
import type { Resource } from 'i18next';
import { appAr } from './messages/app-ar';
import { appEn } from './messages/app-en';
import { appEs } from './messages/app-es';
import { appFr } from './messages/app-fr';
import { reportAr } from './messages/report-ar';
import { reportEn } from './messages/report-en';
import { reportEs } from './messages/report-es';
import { reportFr } from './messages/report-fr';

export const CATALOGUE = {
  en: { app: appEn, report: reportEn },
  ar: { app: appAr, report: reportAr },
  fr: { app: appFr, report: reportFr },
  es: { app: appEs, report: reportEs },
} satisfies Resource;
