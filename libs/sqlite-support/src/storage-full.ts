/**
 * A write refused because the disk (or the quota) is full. Adapters turn their own
 * signals of it (SQLite's SQLITE_FULL, ENOSPC/EDQUOT from files) into this one type, so
 * that callers tell "retry when space returns" from a bug without knowing the adapter.
 */
export class StorageFullError extends Error {
  override name = 'StorageFullError';

  constructor(
    /** which store refused the write, e.g. 'event store' */
    readonly store: string,
    options?: { cause?: unknown },
  ) {
    super(`the ${store} cannot write: no space left on its disk`, options);
  }
}

const FULL_CODES = ['SQLITE_FULL', 'ENOSPC', 'EDQUOT'];

/** Whether an error from SQLite or the file system means the disk is full. */
export function isStorageFullCause(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && FULL_CODES.some((full) => code === full || code.startsWith(`${full}_`));
}

/** The error as a StorageFullError when it means a full disk, else unchanged. */
export function asStorageFull(error: unknown, store: string): unknown {
  return !(error instanceof StorageFullError) && isStorageFullCause(error)
    ? new StorageFullError(store, { cause: error })
    : error;
}
