/**
 * Kept evidence copies travelling inside a share file: each stored file's bytes in base64, with the
 * description its review records, so the receiving Factmark can hash every file before keeping it.
 */
import { z } from 'zod';
import { Id } from '../model/primitives';
import { EvidenceFileName, EvidenceFileRole, MAX_EVIDENCE_COPY_BYTES, MediaType, Sha256Hex } from '../model/evidence-copy';

/** Copy files one share file carries at most (every copy of a review of many claims, with room to spare). */
export const MAX_SHARED_EVIDENCE_FILES = 20_000;

/** Standard base64 (RFC 4648 §4) with its padding, of at most one copy's bytes. */
const Base64 = z
  .string()
  .max(Math.ceil(MAX_EVIDENCE_COPY_BYTES / 3) * 4)
  // One character class, not a repeated group: a group repeated millions of times overflows the regex engine's stack.
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
  .refine((value) => value.length % 4 === 0, 'must be base64 with its padding');

/** One stored file of a kept copy, with its bytes. `size` and `sha256` are as the sender's review records them. */
export const SharedEvidenceFile = z
  .object({
    /** The copy the file belongs to (an evidence item's `copy.id`). */
    copyId: Id,
    role: EvidenceFileRole,
    fileName: EvidenceFileName,
    mediaType: MediaType,
    size: z.number().int().nonnegative().max(MAX_EVIDENCE_COPY_BYTES),
    sha256: Sha256Hex,
    base64: Base64,
  })
  .strict();
export type SharedEvidenceFile = z.infer<typeof SharedEvidenceFile>;

/** Bytes the base64 of `size` bytes takes. */
export function base64Length(size: number): number {
  return Math.ceil(size / 3) * 4;
}

/** A kept copy the receiving side did not keep, and why, for the reviewer. */
export const RefusedEvidenceCopy = z.object({
  claimNumber: z.number().int().nullable(),
  /** The source's address, or its file name for an attached file. */
  source: z.string(),
  copyId: Id,
  /** Why, for a program (the window words it in the reviewer's language): too large for a share file, or its files not as recorded. */
  code: z.enum(['too-large', 'not-intact']),
  /** Why, as an English sentence (the command line prints it). */
  reason: z.string(),
});
export type RefusedEvidenceCopy = z.infer<typeof RefusedEvidenceCopy>;

/** What became of the kept copies a share file described, when it was opened. */
export const ReceivedEvidenceCopies = z.object({
  /** Copies whose every file matched its hash and is now in this data folder (or already was). */
  kept: z.number().int().nonnegative(),
  /** Copies the file described without their bytes: listed on their sources, marked missing by Verify. */
  notIncluded: z.number().int().nonnegative(),
  /** Copies whose bytes did not match their hash: not kept; their sources are otherwise unchanged. */
  refused: z.array(RefusedEvidenceCopy),
  /** One sentence for the reviewer, '' when there is nothing to say. */
  message: z.string(),
});
export type ReceivedEvidenceCopies = z.infer<typeof ReceivedEvidenceCopies>;

/** The kept copies of a review as a share file would carry them, before it is written. */
export const EvidenceShareSize = z.object({
  /** Kept copies the review's claims list. */
  copies: z.number().int().nonnegative(),
  /** Their files' bytes together, as stored. */
  bytes: z.number().int().nonnegative(),
  /** The share file's size with the copies that fit in it, in bytes (base64 makes a copy a third larger). */
  shareFileBytes: z.number().int().nonnegative(),
  /** The share file's size without copies. */
  withoutCopiesBytes: z.number().int().nonnegative(),
  /** Copies that would be left out (too large for a share file, or missing or altered here), with why. */
  leftOut: z.array(RefusedEvidenceCopy),
});
export type EvidenceShareSize = z.infer<typeof EvidenceShareSize>;
