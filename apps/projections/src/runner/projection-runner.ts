import { DEFAULT_TIME_ZONE } from '@meals/domain';
import type { AllSubscription, EventStore, RecordedEvent } from '@meals/event-store';
import type { ReadModelStore } from '@meals/read-model-store';
import { PROJECTIONS, readModelsPosition, type ProjectionDefinition } from '@meals/read-models';
import { BatchProjector } from '../projection/batch-projector.js';
import { PositionWaiters } from './position-waiters.js';
import { prepareDefinitions } from './prepare-definitions.js';

/** The subset of a pino logger the runner uses. */
export interface ProjectionLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

const silentLogger: ProjectionLogger = { info() {}, warn() {}, error() {} };

export interface ProjectionRunnerOptions {
  eventStore: EventStore;
  readModels: ReadModelStore;
  /** the read models to keep; default all (PROJECTIONS) */
  definitions?: readonly ProjectionDefinition[];
  /** the municipality's time zone for business dates; default Europe/Moscow */
  timeZone?: string;
  /** events per commit at most; default 1000 */
  batchSize?: number;
  /** commit what arrived after this many ms without a new event; default 5 */
  quietMs?: number;
  logger?: ProjectionLogger;
}

export interface ProjectionsHandle {
  /** stops the subscription after committing what was received */
  stop(): Promise<void>;
  /** resolves once every event up to `position` is visible in the read models */
  waitForPosition(position: bigint, timeoutMs?: number): Promise<void>;
  /** global position up to which every read model is committed, null before the first */
  position(): bigint | null;
}

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps the read models up to date: one catch-up subscription from the lowest checkpoint
 * of the definitions, events gathered into batches that are committed (documents + the
 * checkpoints of the definitions atomically) when the batch is full, when the subscription
 * has caught up, or after a short quiet. A definition that is new, or whose version
 * changed, starts from zero on its own (see prepareDefinitions); the others skip the events
 * their checkpoint already covers.
 */
export class ProjectionRunner implements ProjectionsHandle {
  private projector: BatchProjector | null = null;
  private readonly definitions: readonly ProjectionDefinition[];
  private readonly batchSize: number;
  private readonly quietMs: number;
  private readonly logger: ProjectionLogger;
  private readonly waiters = new PositionWaiters();
  private pending: RecordedEvent[] = [];
  private committed: bigint | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private quietTimer: NodeJS.Timeout | null = null;
  private subscription: AllSubscription | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.batchSize = options.batchSize ?? 1000;
    this.quietMs = options.quietMs ?? 5;
    this.logger = options.logger ?? silentLogger;
    this.definitions = options.definitions ?? PROJECTIONS;
  }

  async start(): Promise<void> {
    if (this.running) throw new Error('projections already started');
    const checkpoints = await prepareDefinitions(this.options.readModels, this.definitions, this.logger);
    this.projector = new BatchProjector(this.options.readModels, {
      timeZone: this.options.timeZone ?? DEFAULT_TIME_ZONE,
      definitions: this.definitions,
      checkpoints,
    });
    this.committed = this.projector.position;
    this.logger.info(
      { checkpoints: Object.fromEntries([...checkpoints].map(([name, at]) => [name, at?.toString() ?? null])) },
      'projections starting',
    );
    this.running = this.subscribeUntilStopped();
  }

  async stop(): Promise<void> {
    if (this.stopping) return this.running ?? undefined;
    this.stopping = true;
    await this.subscription?.stop();
    await this.running;
    this.waiters.rejectAll(new Error('projections stopped'));
    this.logger.info({ position: this.committed?.toString() ?? null }, 'projections stopped');
  }

  position(): bigint | null {
    return this.committed;
  }

  waitForPosition(position: bigint, timeoutMs = 5_000): Promise<void> {
    if (this.committed !== null && this.committed >= position) return Promise.resolve();
    if (this.stopping) return Promise.reject(new Error('projections stopped'));
    return this.waiters.wait(position, timeoutMs, () => this.committed);
  }

  /** (Re)subscribes after the committed position whenever a subscription fails. */
  private async subscribeUntilStopped(): Promise<void> {
    let retryMs = RETRY_MIN_MS;
    while (!this.stopping) {
      try {
        this.subscription = this.options.eventStore.subscribeToAll(
          this.committed === null ? {} : { after: this.committed },
        );
        for await (const item of this.subscription) {
          if (item.kind === 'event') {
            this.pending.push(item.event);
            if (this.pending.length >= this.batchSize) await this.flush();
            else this.flushWhenQuiet();
          } else {
            await this.flush();
          }
          retryMs = RETRY_MIN_MS;
        }
      } catch (error) {
        this.logger.error({ err: error, retryMs }, 'subscription failed; resubscribing');
      }
      await this.flush();
      if (!this.stopping) await sleep(retryMs);
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    }
  }

  private flushWhenQuiet(): void {
    if (this.quietTimer) return;
    this.quietTimer = setTimeout(() => {
      this.quietTimer = null;
      void this.flush();
    }, this.quietMs);
  }

  /** Commits everything received so far; flushes run one after another. */
  private flush(): Promise<void> {
    if (this.quietTimer) {
      clearTimeout(this.quietTimer);
      this.quietTimer = null;
    }
    this.flushing = this.flushing.then(async () => {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.batchSize);
        await this.commitWithRetry(batch);
      }
    });
    return this.flushing;
  }

  private async commitWithRetry(batch: RecordedEvent[]): Promise<void> {
    const last = batch.at(-1)!.position;
    for (let attempt = 0; ; attempt++) {
      try {
        // After a failure the outcome may be unknown (a commit whose acknowledgement was
        // lost): the stored checkpoint tells whether the batch is already in.
        if (attempt === 0 || !(await this.storedAtLeast(last))) await this.projector!.applyBatch(batch);
        if (attempt > 0) this.logger.info({ attempts: attempt + 1 }, 'commit succeeded again');
        break;
      } catch (error) {
        if (this.stopping) {
          this.logger.error(
            { err: error, events: batch.length },
            'commit failed while stopping; events stay unapplied',
          );
          this.pending = [];
          return;
        }
        const retryMs = Math.min(RETRY_MIN_MS * 2 ** attempt, RETRY_MAX_MS);
        // once per outage, not once per retry (a full disk can last hours)
        if (attempt === 0)
          this.logger.error({ err: error, retryMs }, 'commit failed; retrying with backoff until it succeeds');
        await sleep(retryMs);
      }
    }
    this.committed = last;
    this.waiters.reached(last);
  }

  private async storedAtLeast(position: bigint): Promise<boolean> {
    const stored = await readModelsPosition(this.options.readModels, this.definitions);
    return stored !== null && stored >= position;
  }
}

export async function startProjections(options: ProjectionRunnerOptions): Promise<ProjectionsHandle> {
  const runner = new ProjectionRunner(options);
  await runner.start();
  return runner;
}
