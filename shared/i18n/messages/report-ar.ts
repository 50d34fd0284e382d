import type { ReportMessages } from './report-en';

export const reportAr: ReportMessages = {};
