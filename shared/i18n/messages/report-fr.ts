import type { ReportMessages } from './report-en';

export const reportFr: ReportMessages = {};
