/** What the evidence calls of the API contract take and give (keep, attach, verify, read a kept file). */
import { z } from 'zod';
import { Claim, Evidence } from '../model/claim';
import { EvidenceCopy, EvidenceFileName, EvidenceFileRole, MAX_EVIDENCE_COPY_BYTES, MediaType, Sha256Hex } from '../model/evidence-copy';
import { HttpUrl, Id } from '../model/primitives';
import { ArchiveQueueEntry } from '../model/archive-queue';
import { CaptureStep } from '../model/capture-step';

/** Names one keep so `evidence:cancelKeep` can stop it. */
export const KeepId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Base64 characters of the largest file that can be attached (MAX_EVIDENCE_COPY_BYTES). */
export const MAX_ATTACH_BASE64_CHARS = Math.ceil(MAX_EVIDENCE_COPY_BYTES / 3) * 4;

/**
 * What became of sending a kept page to the archive service (the Wayback Machine): sent (with the
 * archived copy's address), still queued (the network or the service was not there), or dropped
 * (it can never work). `reason` says why in a sentence for the reviewer.
 */
export const ArchiveSendNote = z.object({
  outcome: z.enum(['sent', 'queued', 'dropped']),
  archivedUrl: HttpUrl.optional(),
  reason: z.string(),
});
export type ArchiveSendNote = z.infer<typeof ArchiveSendNote>;

/** A claim and the evidence item a keep or an attach changed, as stored; `archive` when the page was also sent to the archive service. */
export const KeptCopy = z.object({ claim: Claim, evidence: Evidence, archive: ArchiveSendNote.optional() });
export type KeptCopy = z.infer<typeof KeptCopy>;

export const KeepInput = z
  .object({
    reviewId: Id,
    claimId: Id,
    evidenceId: Id,
    /** For this keep only: fetch from private network addresses (the command line's --allow-private-addresses); else the preference decides. */
    allowPrivateAddresses: z.boolean().optional(),
    keepId: KeepId.optional(),
  })
  .strict();

export const KeepAllInput = z
  .object({
    reviewId: Id,
    /** Only this claim's sources; every claim's when absent. */
    claimId: Id.optional(),
    allowPrivateAddresses: z.boolean().optional(),
    /** Keep again the sources that have a copy already (by default they are left as they are). */
    again: z.boolean().default(false),
    keepId: KeepId.optional(),
  })
  .strict();

/** What happened to one source of a keep-all: kept, failed (with why), or skipped (already kept). */
export const KeepOutcome = z.object({
  claimId: Id,
  claimNumber: z.number().int().positive().nullable(),
  evidenceId: Id,
  url: z.string(),
  outcome: z.enum(['kept', 'failed', 'skipped']),
  /** Why it failed or was skipped, in a sentence for the reviewer; '' when kept. */
  reason: z.string(),
  /** The copy kept now (kept) or before (skipped). */
  copy: EvidenceCopy.optional(),
  /** What became of sending the page kept now to the archive service, when that setting is on. */
  archive: ArchiveSendNote.optional(),
});
export type KeepOutcome = z.infer<typeof KeepOutcome>;

export const AttachInput = z
  .object({
    reviewId: Id,
    claimId: Id,
    /** The file's name as the reviewer's system gives it; stored under a safe form of it. */
    fileName: z.string().trim().min(1, 'is empty').max(260),
    mediaType: MediaType,
    bytesBase64: z
      .string()
      .max(MAX_ATTACH_BASE64_CHARS, `is larger than ${MAX_EVIDENCE_COPY_BYTES / 1024 / 1024} MB; Factmark keeps at most that for one source`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be the file in base64'),
  })
  .strict();

/** One stored file as Verify found it. */
export const VerifiedFile = z.object({
  claimId: Id,
  claimNumber: z.number().int().positive().nullable(),
  evidenceId: Id,
  url: z.string(),
  copyId: Id,
  fileName: EvidenceFileName,
  role: EvidenceFileRole,
  size: z.number().int().nonnegative(),
  sha256: Sha256Hex,
  state: z.enum(['intact', 'missing', 'altered']),
});
export type VerifiedFile = z.infer<typeof VerifiedFile>;

export const VerifyOutput = z.object({
  files: z.array(VerifiedFile),
  /** True when every stored file is intact (also when there are none). */
  intact: z.boolean(),
  counts: z.object({ intact: z.number().int().nonnegative(), missing: z.number().int().nonnegative(), altered: z.number().int().nonnegative() }),
});
export type VerifyOutput = z.infer<typeof VerifyOutput>;

export const EvidenceFileInput = z.object({ reviewId: Id, copyId: Id, fileName: EvidenceFileName }).strict();

export const EvidenceFileOutput = z.object({
  fileName: EvidenceFileName,
  mediaType: z.string(),
  base64: z.string(),
  size: z.number().int().nonnegative(),
  sha256: Sha256Hex,
  /** False when the bytes no longer match the recorded hash (they are returned, for the reviewer to see). */
  intact: z.boolean(),
});

/** The Wayback Machine's own address, used unless the reviewer names another archive service. */
export const DEFAULT_WAYBACK_ADDRESS = 'https://web.archive.org/';

/** The evidence preferences of this data folder. */
export const EvidenceSettings = z
  .object({
    /** Keeping a copy may fetch from private, loopback and link-local addresses. */
    allowPrivateAddresses: z.boolean(),
    /** A link added to a claim is kept at once. */
    keepWhenAdded: z.boolean(),
    /** A page kept is also sent to the archive service (queued while offline). */
    sendToWayback: z.boolean(),
    /** The archive service's address (the Wayback Machine's unless the reviewer names another). */
    waybackAddress: HttpUrl,
  })
  .strict();
export type EvidenceSettings = z.infer<typeof EvidenceSettings>;

/** Changes to the evidence preferences: the fields named are set, the rest stay as they are. */
export const EvidenceSettingsChange = EvidenceSettings.partial().strict();

/**
 * How far a running keep has got: the capture step now running (1-based `index` of `count`), and
 * for a keep of several links which link it is on. An unknown keepId (not started yet, or long
 * finished) reads as no step and not finished.
 */
export const KeepProgress = z.object({
  step: CaptureStep.nullable(),
  index: z.number().int().nonnegative(),
  count: z.number().int().positive(),
  finished: z.boolean(),
  /** Which link of how many a keep of all links is fetching; null for a keep of one link. */
  link: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).nullable(),
});
export type KeepProgress = z.infer<typeof KeepProgress>;

/** A page waiting to be sent to the archive service, with the review and claim it belongs to ('' and null when they are gone). */
export const ArchiveQueueItem = ArchiveQueueEntry.extend({ reviewTitle: z.string(), claimNumber: z.number().int().positive().nullable() });
export type ArchiveQueueItem = z.infer<typeof ArchiveQueueItem>;

export const ArchiveQueueInput = z.object({ /** Only this review's pages; the whole library's when absent. */ reviewId: Id.optional() }).strict();

export const SendQueuedInput = z
  .object({
    /** Only this review's pages; the whole queue's when absent. */
    reviewId: Id.optional(),
    /** Only this entry (the interface sends one at a time, to show progress). */
    entryId: Id.optional(),
    /** For this send only: the archive service may be on a private network address (--allow-private-addresses). */
    allowPrivateAddresses: z.boolean().optional(),
  })
  .strict();

/** What became of one queued page when the reviewer pressed Send now. */
export const ArchiveSendResult = ArchiveSendNote.extend({ entryId: Id, reviewId: Id, claimNumber: z.number().int().positive().nullable(), url: z.string() });
export type ArchiveSendResult = z.infer<typeof ArchiveSendResult>;
