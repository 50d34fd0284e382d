/**
 * What a report says of an evidence item's kept copy: when it was kept (or attached), the SHA-256
 * that identifies it, and the archive service's address when the page was also sent to one.
 */
import type { Evidence } from '../model/claim';
import type { EvidenceCopy, EvidenceCopyFile } from '../model/evidence-copy';

/** A kept copy as reports name it. */
export interface CopyNote {
  kind: EvidenceCopy['kind'];
  /** When the page was retrieved or the file attached (a timestamp). */
  at: string;
  /** The file the hash is of: the page's archive, else the source as served or attached. */
  file: EvidenceCopyFile;
  /** The archive service's copy of the page, when it was sent to one. */
  archiveUrl?: string;
}

/**
 * The stored file a report names by its hash: for a page, its single-file archive (the copy a
 * reader's own tools can open), else the PDF or image as served; for an attached file, the file.
 */
export function identifyingFile(copy: EvidenceCopy): EvidenceCopyFile {
  const byRole = (role: EvidenceCopyFile['role']) => copy.files.find((file) => file.role === role);
  // The schema requires at least one file, so the last fallback always exists.
  return (copy.kind === 'page' ? byRole('archive') : undefined) ?? byRole('original') ?? (copy.files[0] as EvidenceCopyFile);
}

/** The note for `item`'s copy, or null when it has none. */
export function copyNote(item: Evidence): CopyNote | null {
  const { copy } = item;
  if (!copy) return null;
  if (copy.kind === 'file') return { kind: 'file', at: copy.attachedAt, file: identifyingFile(copy) };
  return { kind: 'page', at: copy.retrievedAt, file: identifyingFile(copy), ...(copy.archive ? { archiveUrl: copy.archive.url } : {}) };
}

/** The catalogue key of a note's sentence ("copy kept on …" or "file attached on …"). */
export function copyNoteKey(note: CopyNote): 'claim.copyKept' | 'claim.fileAttached' {
  return note.kind === 'page' ? 'claim.copyKept' : 'claim.fileAttached';
}
