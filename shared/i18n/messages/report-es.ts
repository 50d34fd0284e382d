import type { ReportMessages } from './report-en';

export const reportEs: ReportMessages = {};
