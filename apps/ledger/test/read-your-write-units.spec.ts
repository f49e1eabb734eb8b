import { LastWrites } from '../src/queries/read-your-write/last-writes.js';
import { ReadModelsProgress } from '../src/queries/read-your-write/read-models-progress.js';

/** A store whose definitions' checkpoints all stand at `position` (null: none yet), counting reads. */
function checkpoints(initial: bigint | null) {
  const state = { position: initial, reads: 0 };
  return {
    state,
    store: {
      getCheckpoint: async (name: string) => {
        state.reads++;
        return name.endsWith('.version') ? '1' : (state.position?.toString() ?? null);
      },
    },
  };
}

describe('read-your-write parts', () => {
  it('LastWrites keeps the highest position per principal and forgets the least recent writer first', () => {
    const writes = new LastWrites(2);
    writes.record('key:a', 5n);
    writes.record('key:a', 3n);
    expect(writes.of('key:a')).toBe(5n);
    writes.record('key:b', 7n);
    writes.record('key:a', 9n); // a is now the most recent writer
    writes.record('key:c', 1n);
    expect(writes.of('key:b')).toBeNull();
    expect(writes.of('key:a')).toBe(9n);
    expect(writes.of('key:c')).toBe(1n);
  });

  it('ReadModelsProgress reads the checkpoints only while someone waits, and answers at once once reached', async () => {
    const { state, store } = checkpoints(3n);
    const progress = new ReadModelsProgress(store, 2);
    expect(await progress.waitFor(3n, 1_000)).toBe(true);
    const readsAfterFirst = state.reads;
    expect(await progress.waitFor(2n, 1_000)).toBe(true);
    expect(state.reads).toBe(readsAfterFirst); // known to be reached: no read

    const waiting = progress.waitFor(10n, 1_000);
    setTimeout(() => (state.position = 10n), 20);
    expect(await waiting).toBe(true);
    const readsWhenReached = state.reads;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(state.reads).toBe(readsWhenReached); // nobody waits: no polling
  });

  it('ReadModelsProgress gives up after the timeout, and treats a failing store as not reached', async () => {
    const { store } = checkpoints(null);
    const started = Date.now();
    expect(await new ReadModelsProgress(store, 2).waitFor(1n, 50)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    const failing = { getCheckpoint: async () => Promise.reject(new Error('disk gone')) };
    expect(await new ReadModelsProgress(failing, 2).waitFor(1n, 30)).toBe(false);
  });
});
