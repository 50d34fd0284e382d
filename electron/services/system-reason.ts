/** What an operating-system error means, in words, for messages that name a file. */

const REASONS: Record<string, string> = {
  ENOENT: 'there is no such file or folder',
  EACCES: 'you are not allowed to read or write it',
  EPERM: 'you are not allowed to read or write it',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'part of the path is a file, not a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EROFS: 'the disk is read-only',
  EIO: 'the disk reported an error',
  ELOOP: 'it is a symbolic link (or a loop of links)',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open on this computer',
  EBUSY: 'another program is holding it',
  EEXIST: 'something with that name is already there',
  EINVAL: 'the name is not allowed here',
};

/** "there is no such file or folder" for ENOENT; the code itself for errors without words here. */
export function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code];
  return code ? `the system said ${code}` : error instanceof Error ? error.message : String(error);
}

/** True for an error the operating system raised about a file (it has an errno code). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code as string);
}
