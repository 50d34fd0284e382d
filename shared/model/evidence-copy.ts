/**
 * A copy of a source kept in the reviewer's own data folder: a web page as Factmark captured it,
 * or a file the reviewer attached. Each stored file carries its size and SHA-256, so Verify can
 * prove the copy was not changed since it was kept. The files live in the data folder under
 * `evidence/<review id>/<copy id>/<file name>`; the review file holds only this description.
 */
import { z } from 'zod';
import { HttpUrl, Id, Timestamp } from './primitives';

/** The most bytes one copy (all its files together) may hold: a page with its screenshot and print, or one attached file. */
export const MAX_EVIDENCE_COPY_BYTES = 200 * 1024 * 1024;

/** Files in one copy: an archive, a screenshot, a print, the text, a web archive or an original, with room to spare. */
export const MAX_EVIDENCE_COPY_FILES = 20;

/**
 * A stored file's name: letters, digits, `.`, `_` and `-` only, starting and ending with a letter,
 * digit, `_` or `-`. No folder part can be written in it, and it is a valid name on every system.
 */
export const EvidenceFileName = z
  .string()
  .max(120)
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,118}[A-Za-z0-9_-])?$/, 'must be a plain file name (letters, digits, dot, dash, underscore)');
export type EvidenceFileName = z.infer<typeof EvidenceFileName>;

/**
 * What each stored file is: the page as one archive (MHTML), a full-page screenshot, a PDF print,
 * the readable text, the source as it was served or attached (a PDF, an image), or the page's
 * network as a web archive (WARC: every response the page was handed, for replay tools).
 */
export const EVIDENCE_FILE_ROLES = ['archive', 'screenshot', 'print', 'text', 'original', 'web-archive'] as const;
export const EvidenceFileRole = z.enum(EVIDENCE_FILE_ROLES);
export type EvidenceFileRole = z.infer<typeof EvidenceFileRole>;

/** A media type as `type/subtype`, parameters allowed (`text/plain; charset=utf-8`). */
export const MediaType = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(\s*;[^\r\n]*)?$/, 'must be a media type such as text/html');

/** SHA-256 as 64 lowercase hex digits. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');

/** One stored file of a copy. */
export const EvidenceCopyFile = z
  .object({
    role: EvidenceFileRole,
    fileName: EvidenceFileName,
    mediaType: MediaType,
    size: z.number().int().nonnegative().max(MAX_EVIDENCE_COPY_BYTES),
    sha256: Sha256Hex,
  })
  .strict();
export type EvidenceCopyFile = z.infer<typeof EvidenceCopyFile>;

/** Where the page was also sent to be archived (the Wayback Machine), when the reviewer chose to. */
export const EvidenceArchive = z.object({ service: z.literal('wayback'), url: HttpUrl, sentAt: Timestamp }).strict();

const copyFiles = z
  .array(EvidenceCopyFile)
  .min(1)
  .max(MAX_EVIDENCE_COPY_FILES)
  .refine((files) => new Set(files.map((file) => file.fileName.toLowerCase())).size === files.length, 'must not name one file twice')
  .refine((files) => files.reduce((sum, file) => sum + file.size, 0) <= MAX_EVIDENCE_COPY_BYTES, `must hold at most ${MAX_EVIDENCE_COPY_BYTES / 1024 / 1024} MB together`);

/** A web page (or a PDF or image link) fetched and stored by Factmark on the reviewer's request. */
export const PageCopy = z
  .object({
    kind: z.literal('page'),
    /** The copy's folder name under evidence/<review id>/. */
    id: Id,
    /** The address asked for (the evidence item's address when it was kept). */
    requestedUrl: HttpUrl,
    /** The address the page was served from after redirects. */
    finalUrl: HttpUrl,
    httpStatus: z.number().int().min(100).max(599),
    /** The Content-Type the server gave ('' when it gave none). */
    contentType: z.string().max(200),
    retrievedAt: Timestamp,
    /** The page's title as it gave it ('' when none). */
    title: z.string().max(2_000),
    files: copyFiles,
    archive: EvidenceArchive.optional(),
  })
  .strict();
export type PageCopy = z.infer<typeof PageCopy>;

/** A file the reviewer attached as evidence (a PDF, an image, a saved page, a screenshot). */
export const FileCopy = z
  .object({
    kind: z.literal('file'),
    id: Id,
    /** The file's name as the reviewer's system gave it (any script); the stored name is in `files`. */
    originalName: z.string().min(1).max(260),
    attachedAt: Timestamp,
    files: copyFiles,
  })
  .strict();
export type FileCopy = z.infer<typeof FileCopy>;

/** A kept copy of an evidence source. */
export const EvidenceCopy = z.discriminatedUnion('kind', [PageCopy, FileCopy]);
export type EvidenceCopy = z.infer<typeof EvidenceCopy>;

/** Bytes of all the files of `copy`. */
export function copySize(copy: EvidenceCopy): number {
  return copy.files.reduce((sum, file) => sum + file.size, 0);
}

/** The folder of a copy, relative to the data folder, with `/` separators (as files and messages name it). */
export function copyFolder(reviewId: string, copyId: string): string {
  return `evidence/${reviewId}/${copyId}`;
}
