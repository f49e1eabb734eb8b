import type { RecordedEvent } from '@meals/event-store';
import type { Change, Checkpoint, ReadModelStore } from '@meals/read-model-store';
import {
  BusinessDateCache,
  NotLoadedError,
  PROJECTIONS,
  toProjectionInput,
  WorkingSet,
  type DocKey,
  type ProjectionDefinition,
  type ProjectionInput,
  versionCheckpointName,
} from '@meals/read-models';

export interface BatchProjectorOptions {
  timeZone: string;
  /** the definitions to apply; default all (PROJECTIONS) */
  definitions?: readonly ProjectionDefinition[];
  /**
   * Per definition name, the position of the last event its documents already show (its
   * checkpoint): events up to there are not applied to it again. Absent: from the start.
   */
  checkpoints?: ReadonlyMap<string, bigint | null>;
  /** committed documents remembered between batches */
  cacheLimit?: number;
  /**
   * The store holds nothing of these definitions that this projector did not write (a
   * rebuild into cleared collections): documents it never wrote are absent, no need to ask
   * the store.
   */
  startsEmpty?: boolean;
}

/** A definition as this projector runs it: where its documents are. */
interface Running {
  definition: ProjectionDefinition;
  /** position of the last event its committed documents show; null before the first */
  at: bigint | null;
}

/**
 * Applies batches of events to the read models of the given definitions: folds a batch
 * over the working set, then writes every changed document and the checkpoint of each
 * definition in ONE commit, so a batch is either applied entirely or not at all. Results
 * do not depend on how events are cut into batches.
 */
export class BatchProjector {
  private readonly workingSet: WorkingSet;
  private readonly dates: BusinessDateCache;
  private readonly running: Running[];
  /** event type → the definitions that handle it */
  private readonly byType = new Map<string, Running[]>();
  /** position of the last event folded since the last commit */
  private lastPosition: bigint | null = null;

  constructor(
    private readonly store: ReadModelStore,
    options: BatchProjectorOptions,
  ) {
    const definitions = options.definitions ?? PROJECTIONS;
    this.running = definitions.map((definition) => ({
      definition,
      at: options.checkpoints?.get(definition.name) ?? null,
    }));
    for (const running of this.running) {
      for (const type of running.definition.eventTypes) {
        const handlers = this.byType.get(type);
        if (handlers) handlers.push(running);
        else this.byType.set(type, [running]);
      }
    }
    const writeOnly = new Set(definitions.flatMap((definition) => definition.writeOnly.map(({ name }) => name)));
    this.workingSet = new WorkingSet(writeOnly, options.cacheLimit ?? 100_000, options.startsEmpty ?? false);
    this.dates = new BusinessDateCache(options.timeZone);
  }

  /** Business dates in the projection's time zone, for building inputs outside `fold`. */
  get businessDates(): BusinessDateCache {
    return this.dates;
  }

  /** The lowest position whose events every definition shows (null while one has none). */
  get position(): bigint | null {
    let lowest: bigint | null = null;
    for (const { at } of this.running) {
      if (at === null) return null;
      if (lowest === null || at < lowest) lowest = at;
    }
    return lowest;
  }

  /** Commits the batch; on failure nothing of it is applied and the call may be repeated. */
  async applyBatch(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      await this.fold(events);
      const commit = this.pendingCommit()!;
      await this.store.commit(commit.changes, commit.checkpoints);
      this.accept();
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
      const handlers = this.byType.get(input.event.type);
      if (handlers === undefined) continue;
      for (const { definition, at } of handlers) {
        if (at !== null && input.position <= at) continue;
        for (;;) {
          try {
            definition.apply(this.workingSet, input);
            break;
          } catch (error) {
            // e.g. an account moved earlier in this batch now needs the new school's documents
            if (!(error instanceof NotLoadedError)) throw error;
            await this.workingSet.load(this.store, [error, ...definition.targets(input, this.workingSet)]);
          }
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
  takeCommit(): { changes: Change[]; checkpoints: Checkpoint[] } | null {
    const commit = this.pendingCommit();
    if (commit) this.accept();
    this.lastPosition = null;
    return commit;
  }

  /** Forgets remembered documents and what was folded but not committed. */
  discard(): void {
    this.workingSet.discard();
    this.lastPosition = null;
  }

  private pendingCommit(): { changes: Change[]; checkpoints: Checkpoint[] } | null {
    const last = this.lastPosition;
    if (last === null) return null;
    const checkpoints: Checkpoint[] = [];
    for (const { definition, at } of this.running) {
      if (at !== null && at >= last) continue;
      checkpoints.push({ name: definition.name, position: last.toString() });
      // a definition's first commit says which version of it built the documents
      if (at === null)
        checkpoints.push({ name: versionCheckpointName(definition), position: String(definition.version) });
    }
    return { changes: this.workingSet.changes(), checkpoints };
  }

  /** The pending commit is in: its documents are the committed state, its checkpoints moved. */
  private accept(): void {
    this.workingSet.accept();
    const last = this.lastPosition;
    if (last === null) return;
    for (const running of this.running) if (running.at === null || running.at < last) running.at = last;
    this.lastPosition = null;
  }

  /**
   * Fetches what the batch will read in few round trips: first what the events name, then
   * what depends on documents just loaded (e.g. an account's school, its current card).
   */
  private async prefetch(inputs: readonly ProjectionInput[]): Promise<void> {
    if (this.workingSet.knowsEverything) return;
    const keys: DocKey[] = [];
    const dependOnLoaded: ProjectionInput[] = [];
    for (const input of inputs) {
      const before = keys.length;
      this.collectUnknownTargets(input, keys);
      if (keys.length > before) dependOnLoaded.push(input);
    }
    if (keys.length === 0) return;
    await this.workingSet.load(this.store, keys);
    keys.length = 0;
    for (const input of dependOnLoaded) this.collectUnknownTargets(input, keys);
    if (keys.length > 0) await this.workingSet.load(this.store, keys);
  }

  private collectUnknownTargets(input: ProjectionInput, into: DocKey[]): void {
    for (const { definition, at } of this.byType.get(input.event.type) ?? []) {
      if (at !== null && input.position <= at) continue;
      for (const key of definition.targets(input, this.workingSet)) {
        if (!this.workingSet.isKnownKey(key.collection, key.id)) into.push(key);
      }
    }
  }
}
