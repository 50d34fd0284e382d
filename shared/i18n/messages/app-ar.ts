import type { AppMessages } from './app-en';

export const appAr: AppMessages = {};
