/** Local storage of a Factmark data folder: the library store and the pieces it is built from. */
export { LibraryStore, type LibraryStoreOptions, type NewReview, type ReviewContent, type ReviewMeta } from './library-store';
export { DurableJsonFile, type DurableJsonFileOptions, type RecoveryReport } from './durable-json-file';
export { acquireFolderLock, LOCK_FILE_NAME, type FolderLock, type LockOwner } from './folder-lock';
export { migrate, migrateLibraryFile, migrateReviewFile } from './migrate';
export { summarizeReview } from './review-summary';
export { CorruptFileError, NewerFormatError } from './storage-errors';
export { renameWithRetry, RENAME_RETRY_BUDGET_MS, type RenameImpl } from './rename-with-retry';
