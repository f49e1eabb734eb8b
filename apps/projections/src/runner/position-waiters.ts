interface Waiter {
  position: bigint;
  resolve(): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** Callers waiting for the read models to reach a global position (read-your-write). */
export class PositionWaiters {
  private waiters: Waiter[] = [];

  wait(position: bigint, timeoutMs: number, current: () => bigint | null): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          const at = current();
          reject(
            new Error(`read models did not reach position ${position} within ${timeoutMs} ms (at ${at ?? 'none'})`),
          );
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  reached(position: bigint): void {
    if (this.waiters.length === 0) return;
    const remaining: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (waiter.position <= position) {
        clearTimeout(waiter.timer);
        waiter.resolve();
      } else {
        remaining.push(waiter);
      }
    }
    this.waiters = remaining;
  }

  rejectAll(error: Error): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters = [];
  }
}
