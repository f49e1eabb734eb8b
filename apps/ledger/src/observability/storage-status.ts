/**
 * Whether the ledger's stores can write, for /api/health: a write refused for want of
 * space (reported by the exception filter) or a data directory with almost no free space
 * makes the storage `degraded` with the cause `storage_full`. It clears by itself once
 * space returns: the next write then simply succeeds (SQLite needs no reopening).
 */
import { statfs } from 'node:fs/promises';

/** Below this much free space on the data directory's disk, writes are about to fail. */
export const MIN_FREE_BYTES = 1024 * 1024;
/** Without a data directory to measure (production stores), a refusal counts this long. */
const REFUSAL_HOLD_MS = 30_000;
/** Freed space beyond what there was at the refusal: writes can be expected to succeed again. */
const RECOVERED_MARGIN_BYTES = 4 * MIN_FREE_BYTES;

export interface StorageState {
  full: boolean;
  freeBytes?: number;
  lastRefusedAt?: string;
}

export class StorageStatus {
  private lastRefusal: { at: number; freeBytes: number | undefined } | null = null;

  constructor(
    private readonly dataDir?: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** A store refused a write: the disk is full. True when this is news (the first refusal since recovery). */
  reportFull(): boolean {
    const news = this.lastRefusal === null;
    const at = this.now();
    this.lastRefusal = { at, freeBytes: undefined };
    void this.freeBytes().then((freeBytes) => {
      if (this.lastRefusal?.at === at) this.lastRefusal.freeBytes = freeBytes;
    });
    return news;
  }

  async check(): Promise<StorageState> {
    const freeBytes = await this.freeBytes();
    const refusal = this.lastRefusal;
    const refusalHolds =
      refusal !== null &&
      (freeBytes === undefined || refusal.freeBytes === undefined
        ? this.now() - refusal.at < REFUSAL_HOLD_MS
        : freeBytes < refusal.freeBytes + RECOVERED_MARGIN_BYTES);
    if (refusal && !refusalHolds) this.lastRefusal = null;
    const full = (freeBytes !== undefined && freeBytes < MIN_FREE_BYTES) || refusalHolds;
    return {
      full,
      ...(freeBytes === undefined ? {} : { freeBytes }),
      ...(refusal && refusalHolds ? { lastRefusedAt: new Date(refusal.at).toISOString() } : {}),
    };
  }

  private async freeBytes(): Promise<number | undefined> {
    if (!this.dataDir) return undefined;
    try {
      const stats = await statfs(this.dataDir);
      return stats.bavail * stats.bsize;
    } catch {
      return undefined;
    }
  }
}
