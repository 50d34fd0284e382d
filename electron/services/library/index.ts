/** Local storage of the library: durable lowdb files in one locked data folder. */
export { LibraryStore, summarize, type LibraryStoreOptions, type NewReviewInput } from './library-store';
export { DurableJsonFile, type RecoveryReport } from './durable-json-file';
export { acquireFolderLock, LOCK_FILE, runningOwner, type FolderLock, type OwnerEndpoint } from './folder-lock';
export { migrateLibraryFile, migrateReviewFile, DamagedFileError } from './migrate';
