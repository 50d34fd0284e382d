/**
 * The one way stored files are read: check the format version, upgrade older versions step by
 * step, refuse newer ones without touching them, and parse the result with the current schema.
 */
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/envelope';
import { describeIssues } from '../../../shared/api/plain-issues';
import { restoreOrdinalFlags } from '../../../shared/model/legacy-ordinal';
import { LibraryFile, ReviewFile, SCHEMA_VERSION } from '../../../shared/model/review';
import { isRecord } from '../../../shared/model/is-record';

/** A file that is not (or no longer) a readable Factmark file of its kind. */
export class DamagedFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DamagedFileError';
  }
}

/** Upgrades a file of version N to N + 1. */
type MigrationStep = (file: Record<string, unknown>) => Record<string, unknown>;

/** Steps by starting version: STEPS[1] upgrades version 1 to 2. */
const STEPS: Record<number, MigrationStep> = {
  // Version 2 adds claim histories and the reviewer; version-1 reviews start with none, and
  // their claims get a `created` event the first time they are saved, shared or merged.
  1: (file) => file,
};

/**
 * Repairs for what a schema default would read wrongly, applied to files of every version: a
 * field added without a format change is missing from files written before it.
 */
type Repair = (file: Record<string, unknown>) => Record<string, unknown>;


/** The library's scales with their `ordinal` flags as they were meant (see legacy-ordinal). */
const repairLibraryScales: Repair = (file) => (Array.isArray(file.scales) ? { ...file, scales: file.scales.map(restoreOrdinalFlags) } : file);

/** A review's own scale with its `ordinal` flags as they were meant. */
const repairReviewScale: Repair = (file) => (isRecord(file.review) && 'scale' in file.review ? { ...file, review: { ...file.review, scale: restoreOrdinalFlags(file.review.scale) } } : file);

function migrate<Schema extends z.ZodType>(raw: unknown, schema: Schema, what: string, repair: Repair): z.output<Schema> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new DamagedFileError(`${what} is not a JSON object`);
  let file = raw as Record<string, unknown>;
  const version = file.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new DamagedFileError(`${what} has no valid schemaVersion`);
  if (version > SCHEMA_VERSION) {
    throw new ApiError(
      'refused',
      `${what} was made by a newer version of Factmark (format ${version}; this one reads up to ${SCHEMA_VERSION}). Nothing was changed. Update Factmark to open it.`,
    );
  }
  for (let from = version; from < SCHEMA_VERSION; from++) {
    const step = STEPS[from];
    if (!step) throw new DamagedFileError(`${what} has format ${from}, which this Factmark cannot upgrade`);
    file = { ...step(file), schemaVersion: from + 1 };
  }
  const parsed = schema.safeParse(repair(file));
  if (!parsed.success) {
    throw new DamagedFileError(`${what} does not match its format: ${describeIssues(parsed.error, 'the file', 1)}`);
  }
  return parsed.data;
}

/** A review file, brought to the current format. */
export function migrateReviewFile(raw: unknown): ReviewFile {
  return migrate(raw, ReviewFile, 'The review file', repairReviewScale);
}

/** The library file, brought to the current format. */
export function migrateLibraryFile(raw: unknown): LibraryFile {
  return migrate(raw, LibraryFile, 'The library file (library.json)', repairLibraryScales);
}
