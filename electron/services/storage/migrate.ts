/**
 * The one way stored files are read into the current model: check `schemaVersion`, upgrade
 * older files one step at a time, refuse newer ones untouched, and parse with today's schema.
 */
import { z } from 'zod';
import { LibraryFile, ReviewFile, SCHEMA_VERSION } from '../../../shared/model/review';
import { CorruptFileError, NewerFormatError } from './storage-errors';

/** A stored file as plain JSON, before it is trusted. */
type RawFile = Record<string, unknown>;

/** Upgrades a file of format N (its position in MIGRATIONS + 1) to format N + 1. */
type MigrationStep = (file: RawFile) => RawFile;

/**
 * MIGRATIONS[0] will turn format 1 into 2, MIGRATIONS[1] format 2 into 3, and so on. Empty
 * while format 1 is the only one. Adding a format means raising SCHEMA_VERSION and appending
 * one step here; old steps never change, so any old file walks the same path to today.
 */
const MIGRATIONS: readonly MigrationStep[] = [];

const MAX_DETAILS_LENGTH = 600;

function readVersion(raw: unknown, what: string): number {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CorruptFileError(`${what} is not a JSON object`);
  }
  const version: unknown = (raw as RawFile).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new CorruptFileError(`${what} has no valid schemaVersion`);
  }
  return version;
}

/**
 * Brings `raw` from its format to SCHEMA_VERSION and parses it with `schema`.
 * Throws NewerFormatError for a newer format and CorruptFileError for anything unreadable.
 */
export function migrate<Schema extends z.ZodType>(raw: unknown, schema: Schema, what: string): z.output<Schema> {
  const version = readVersion(raw, what);
  // Checked before anything else looks inside: a newer file's fields may mean something else.
  if (version > SCHEMA_VERSION) throw new NewerFormatError(version);
  let file = raw as RawFile;
  for (let from = version; from < SCHEMA_VERSION; from++) {
    const step = MIGRATIONS[from - 1];
    if (!step) throw new CorruptFileError(`${what} has format ${from}, which no upgrade step covers`);
    file = { ...step(file), schemaVersion: from + 1 };
  }
  const parsed = schema.safeParse(file);
  if (!parsed.success) {
    // A damaged 1 MB article can yield thousands of issues; the first few say enough.
    const details = z.prettifyError(parsed.error).slice(0, MAX_DETAILS_LENGTH);
    throw new CorruptFileError(`${what} does not match its format: ${details}`);
  }
  return parsed.data;
}

/** A `reviews/<id>.json` file in the current format. */
export function migrateReviewFile(raw: unknown): ReviewFile {
  return migrate(raw, ReviewFile, 'The review file');
}

/** A `library.json` file in the current format. */
export function migrateLibraryFile(raw: unknown): LibraryFile {
  return migrate(raw, LibraryFile, 'The library file');
}
