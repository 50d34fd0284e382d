/** The person whose changes a history event records: a stable random id and the name they gave. */
import { z } from 'zod';
import { Id } from './primitives';

export const ReviewerName = z.string().trim().max(200);

export const Reviewer = z.object({
  /** Made once per data folder by `crypto.randomUUID()`; never changes, so a renamed reviewer stays one person. */
  id: Id,
  /** As set in Preferences; '' until the reviewer gives one. */
  name: ReviewerName,
});
export type Reviewer = z.infer<typeof Reviewer>;

/** A colleague's signing key, trusted the first time one of their signed share files was opened here. */
export const KnownKey = z.object({
  reviewerId: Id,
  /** The name they gave when the key was first seen (files say who they are; this remembers). */
  name: ReviewerName,
  /** Raw Ed25519 public key, base64. */
  publicKey: z.string().max(100),
  firstSeen: z.iso.datetime(),
});
export type KnownKey = z.infer<typeof KnownKey>;

/** What the receiver can tell about who made a share file. */
export const SignatureCheck = z.object({
  /**
   * `own`: signed with this folder's key; `known`: with the key first seen from this reviewer on
   * `knownSince`; `new-key`: a key not seen before (remembered when the file is opened);
   * `changed-key`: not the key known for this reviewer; `unsigned`: no signature at all.
   */
  status: z.enum(['own', 'known', 'new-key', 'changed-key', 'unsigned']),
  signerName: z.string(),
  fingerprint: z.string().nullable(),
  knownSince: z.string().nullable(),
  /** For an unsigned file: earlier files from this reviewer were signed. */
  signedBefore: z.boolean(),
});
export type SignatureCheck = z.infer<typeof SignatureCheck>;

/** How a reviewer is shown when they have not given a name. */
export function reviewerLabel(reviewer: Reviewer | undefined): string {
  if (!reviewer) return 'Unknown reviewer';
  return reviewer.name || `Reviewer ${reviewer.id.slice(0, 6)}`;
}
