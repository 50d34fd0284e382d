/**
 * English app messages: the reference every other language follows key for key. Keys are flat
 * (the i18n instance has no key separator); plurals use i18next's suffixes (_one, _other; Arabic
 * also _zero, _two, _few, _many).
 */
export const appEn: Record<string, string> = {};

/** A catalogue in another language: the same keys as English (catalogue.test.ts checks), each translated. */
export type AppMessages = Record<string, string>;
