import type { AppMessages } from './app-en';

export const appFr: AppMessages = {};
