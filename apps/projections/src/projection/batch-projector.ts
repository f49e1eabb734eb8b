import type { RecordedEvent } from '@meals/event-store';
import type { Change, Checkpoint, ReadModelStore } from '@meals/read-model-store';
import { ACCOUNTS, PROJECTION_NAME, ROSTER, STATEMENT_LINES } from '../read-models.js';
import { applyEvent } from './apply-event.js';
import { BusinessDateCache } from './business-date-cache.js';
import { eventTargets, isAccountEvent } from './event-targets.js';
import { toProjectionInput, type ProjectionInput } from './projection-input.js';
import { NotLoadedError, WorkingSet, type DocKey } from './working-set.js';

export interface BatchProjectorOptions {
  timeZone: string;
  /** committed documents remembered between batches */
  cacheLimit?: number;
  /**
   * The store holds nothing that this projector did not write (a rebuild into cleared
   * collections): documents it never wrote are absent, no need to ask the store.
   */
  startsEmpty?: boolean;
}

/**
 * Applies batches of events to the read models: folds a batch over the working set, then
 * writes every changed document and the checkpoint in ONE commit, so a batch is either
 * applied entirely or not at all. Results do not depend on how events are cut into batches.
 */
export class BatchProjector {
  private readonly workingSet: WorkingSet;
  private readonly dates: BusinessDateCache;
  /** position of the last event folded since the last commit */
  private lastPosition: bigint | null = null;

  constructor(
    private readonly store: ReadModelStore,
    options: BatchProjectorOptions,
  ) {
    this.workingSet = new WorkingSet(
      new Set([STATEMENT_LINES, ROSTER]),
      options.cacheLimit ?? 100_000,
      options.startsEmpty ?? false,
    );
    this.dates = new BusinessDateCache(options.timeZone);
  }

  /** Business dates in the projection's time zone, for building inputs outside `fold`. */
  get businessDates(): BusinessDateCache {
    return this.dates;
  }

  /** Commits the batch; on failure nothing of it is applied and the call may be repeated. */
  async applyBatch(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      await this.fold(events);
      const { changes, checkpoint } = this.pendingCommit()!;
      await this.store.commit(changes, checkpoint);
      this.workingSet.accept();
    } catch (error) {
      this.discard();
      throw error;
    }
  }

  /**
   * Folds events into the working set without committing; several calls can precede one
   * commit (see takeCommit).
   */
  async fold(events: readonly RecordedEvent[]): Promise<void> {
    const inputs: ProjectionInput[] = [];
    for (const recorded of events) {
      const input = toProjectionInput(recorded, this.dates);
      if (input) inputs.push(input);
    }
    const last = events.at(-1);
    if (last) await this.foldInputs(inputs, last.position);
  }

  /**
   * `fold` of events already turned into inputs; `lastPosition` is that of the last event
   * read, which may be one the read models ignore (it has no input).
   */
  async foldInputs(inputs: readonly ProjectionInput[], lastPosition: bigint): Promise<void> {
    await this.prefetch(inputs);
    for (const input of inputs) {
      for (;;) {
        try {
          applyEvent(this.workingSet, input);
          break;
        } catch (error) {
          // e.g. an account moved earlier in this batch now needs the new school's documents
          if (!(error instanceof NotLoadedError)) throw error;
          await this.workingSet.load(this.store, [error, ...eventTargets(input, this.workingSet)]);
        }
      }
    }
    this.lastPosition = lastPosition;
  }

  /**
   * Hands out what was folded since the last commit as one commit and treats it as
   * committed from now on, so that folding can go on while the store writes it. Only for
   * a writer that stops at the first failed commit (a rebuild). Null when nothing was folded.
   */
  takeCommit(): { changes: Change[]; checkpoint: Checkpoint } | null {
    const commit = this.pendingCommit();
    if (commit) this.workingSet.accept();
    this.lastPosition = null;
    return commit;
  }

  /** Forgets remembered documents and what was folded but not committed. */
  discard(): void {
    this.workingSet.discard();
    this.lastPosition = null;
  }

  private pendingCommit(): { changes: Change[]; checkpoint: Checkpoint } | null {
    if (this.lastPosition === null) return null;
    return {
      changes: this.workingSet.changes(),
      checkpoint: { name: PROJECTION_NAME, position: this.lastPosition.toString() },
    };
  }

  /**
   * Fetches what the batch will read in few round trips: first what the events name, then
   * what depends on the accounts just loaded (their school, their current card).
   */
  private async prefetch(inputs: readonly ProjectionInput[]): Promise<void> {
    if (this.workingSet.knowsEverything) return;
    const keys: DocKey[] = [];
    const dependOnNewAccounts: ProjectionInput[] = [];
    for (const input of inputs) {
      const accountNumber = accountNumberOf(input);
      if (accountNumber !== null && !this.workingSet.isKnown(ACCOUNTS, accountNumber)) dependOnNewAccounts.push(input);
      collectUnknown(eventTargets(input, this.workingSet), this.workingSet, keys);
    }
    if (keys.length === 0) return;
    await this.workingSet.load(this.store, keys);
    keys.length = 0;
    for (const input of dependOnNewAccounts) collectUnknown(eventTargets(input, this.workingSet), this.workingSet, keys);
    if (keys.length > 0) await this.workingSet.load(this.store, keys);
  }
}

function collectUnknown(targets: DocKey[], workingSet: WorkingSet, into: DocKey[]): void {
  for (const key of targets) if (!workingSet.isKnown(key.collection, key.id)) into.push(key);
}

function accountNumberOf({ event }: ProjectionInput): string | null {
  return isAccountEvent(event) ? event.data.accountNumber : null;
}
