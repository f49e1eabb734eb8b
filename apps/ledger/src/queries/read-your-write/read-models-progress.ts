/**
 * How far the read models have got, for queries that must show a given log position. The
 * checkpoints are polled only while someone waits, once per interval for all of them
 * (the projections may run in another process: the store is the only common ground).
 */
import type { ReadModelStore } from '@meals/read-model-store';
import { readModelsPosition } from '@meals/read-models';

interface Waiter {
  position: bigint;
  resolve(reached: boolean): void;
  deadline: number;
}

export class ReadModelsProgress {
  /** the lowest checkpoint seen last (it only grows while the projections run) */
  private reached: bigint | null = null;
  private waiters: Waiter[] = [];
  private polling: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Pick<ReadModelStore, 'getCheckpoint'>,
    private readonly pollMs = 5,
  ) {}

  /**
   * Resolves true once the read models show every event up to `position`, false when they
   * still do not after `timeoutMs` (or the store cannot say).
   */
  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.reached !== null && this.reached >= position) return true;
    return new Promise<boolean>((resolve) => {
      this.waiters.push({ position, resolve, deadline: Date.now() + timeoutMs });
      this.poll();
    });
  }

  private poll(): void {
    if (this.polling) return;
    this.polling = setTimeout(() => void this.check(), 0);
  }

  private async check(): Promise<void> {
    try {
      const position = await readModelsPosition(this.store);
      if (position !== null && (this.reached === null || position > this.reached)) this.reached = position;
    } catch {
      // an unreadable checkpoint counts as not reached; the deadline still ends the wait
    }
    const now = Date.now();
    const waiting: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (this.reached !== null && this.reached >= waiter.position) waiter.resolve(true);
      else if (now >= waiter.deadline) waiter.resolve(false);
      else waiting.push(waiter);
    }
    this.waiters = waiting;
    this.polling = waiting.length > 0 ? setTimeout(() => void this.check(), this.pollMs) : null;
  }
}
