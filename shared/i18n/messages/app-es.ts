import type { AppMessages } from './app-en';

export const appEs: AppMessages = {};
