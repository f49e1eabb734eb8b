/**
 * Runs commands on one kind of aggregate, given its decider: load the aggregate (read its
 * stream, fold the events), decide, append the events with the stream's revision as the
 * expected revision. Commands on one stream queue up inside this process (no
 * self-inflicted conflicts); a conflict with another process reloads the stream and decides
 * again, a bounded number of times. Loaded states are kept in an LRU cache together with
 * their revision, so the hot path (sales) does not re-read streams: a stale entry can only
 * cause a conflict, which reloads it.
 */
import { DomainError, decodeRecordedEvent, type Decider, type EventMetadata, type LedgerEvent } from '@meals/domain';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
  type JsonObject,
  type RecordedEvent,
} from '@meals/event-store';
import { LRUCache } from 'lru-cache';
import { eventMetadata, type CommandContext } from './command-context.js';
import { NO_COMMAND_METRICS, type CommandMetrics } from './command-metrics.js';
import { eventIdOf } from './event-ids.js';
import { KeyedMutex } from './keyed-mutex.js';
import type { UniqueKeyClaims } from './unique-key-claims.js';

export const MAX_CONFLICT_RETRIES = 5;

export interface Loaded<S> {
  state: S;
  /** revision of the last event, or 'no_stream' */
  revision: bigint | 'no_stream';
}

export interface Outcome<S, E extends LedgerEvent> {
  /** state after the command */
  state: S;
  /** events this call appended; empty when the command changed nothing (e.g. a retry of a completed one) */
  appended: E[];
  /** global log position of the last event this call appended; null when it appended nothing */
  position: bigint | null;
}

export interface CommandRunnerOptions {
  /** how many aggregate states stay in memory */
  cacheCapacity: number;
  metrics?: CommandMetrics;
  /** claims the events' cross-stream unique keys before each append (see UniqueKeyClaims) */
  uniqueKeys?: UniqueKeyClaims;
}

/** A command changed nothing: it was carried out before (a retry) or asked for the state there is. */
export const isDuplicate = (outcome: Outcome<unknown, LedgerEvent>): boolean => outcome.appended.length === 0;

/** A log position as JSON carries it: a decimal string (a bigint does not fit a JSON number), or null. */
export const positionText = (position: bigint | null): string | null =>
  position === null ? null : position.toString();

export class CommandRunner<C extends { type: string }, S, E extends LedgerEvent> {
  private readonly mutex = new KeyedMutex();
  private readonly cache: LRUCache<string, Loaded<S>>;
  private readonly ownTypes: ReadonlySet<string>;
  private readonly metrics: CommandMetrics;
  private readonly uniqueKeys: UniqueKeyClaims | undefined;

  constructor(
    private readonly decider: Decider<C, S, E>,
    private readonly eventStore: EventStore,
    options: CommandRunnerOptions,
  ) {
    this.cache = new LRUCache({ max: options.cacheCapacity });
    this.ownTypes = new Set(decider.eventTypes);
    this.metrics = options.metrics ?? NO_COMMAND_METRICS;
    this.uniqueKeys = options.uniqueKeys;
  }

  /** The current state (cached when this process has seen the stream). */
  async load(id: string): Promise<Loaded<S>> {
    return this.cache.get(id) ?? this.reload(id);
  }

  /** Reads the whole stream again and refreshes the cache. */
  async reload(id: string): Promise<Loaded<S>> {
    const recorded = await this.eventStore.readStream(this.decider.streamId(id));
    const state = this.decider.fold(this.ownEvents(recorded), this.decider.initialState);
    const last = recorded.at(-1);
    const loaded: Loaded<S> = { state, revision: last ? last.revision : 'no_stream' };
    if (last) this.cache.set(id, loaded);
    return loaded;
  }

  /** Also read with the stream's events, for callers that index them (e.g. the school roster). */
  async readEvents(id: string): Promise<RecordedEvent[]> {
    return this.eventStore.readStream(this.decider.streamId(id));
  }

  /**
   * Decides `command` on the aggregate `id` with the decider and appends the events. A
   * DomainError refuses the command (nothing is appended). The command's type labels the metrics.
   */
  async run(id: string, command: C, context: CommandContext): Promise<Outcome<S, E>> {
    try {
      return await this.execute(id, command.type, context, (state) => this.decider.decide(command, state));
    } catch (error) {
      if (error instanceof DomainError) this.metrics.refused(error.code);
      throw error;
    }
  }

  /**
   * Runs `decide` on the current state and appends its events, for a decision that needs
   * the stream's revision or is not one of the decider's commands. `decide` may throw a
   * DomainError (nothing is appended). `commandName` labels the metrics.
   */
  execute(
    id: string,
    commandName: string,
    context: CommandContext,
    decide: (state: S, revision: bigint | 'no_stream') => E[],
  ): Promise<Outcome<S, E>> {
    return this.mutex.run(id, async () => {
      let loaded = await this.load(id);
      for (let attempt = 0; ; attempt++) {
        const events = decide(loaded.state, loaded.revision);
        if (events.length === 0) {
          this.metrics.unchanged(commandName);
          return { state: loaded.state, appended: [], position: null };
        }
        try {
          return await this.append(id, commandName, context, loaded, events);
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
          this.metrics.conflictRetried();
          loaded = await this.reload(id);
        }
      }
    });
  }

  /** The stream's events this decider knows, decoded (others, e.g. from a newer version, are skipped). */
  private ownEvents(recorded: readonly RecordedEvent[]): E[] {
    const events: E[] = [];
    for (const { type, data } of recorded) {
      if (!this.ownTypes.has(type)) continue;
      const event = decodeRecordedEvent(type, data);
      if (event !== null) events.push(event as E);
    }
    return events;
  }

  private async append(
    id: string,
    commandName: string,
    context: CommandContext,
    loaded: Loaded<S>,
    events: E[],
  ): Promise<Outcome<S, E>> {
    const streamId = this.decider.streamId(id);
    const eventMeta: EventMetadata = eventMetadata(context);
    await this.uniqueKeys?.claim(streamId, events, eventMeta);
    const metadata = eventMeta as unknown as JsonObject;
    const toAppend: EventToAppend[] = events.map((event) => ({
      id: eventIdOf(event),
      type: event.type,
      data: event.data as unknown as JsonObject,
      metadata,
    }));
    const result = await this.eventStore.append(streamId, toAppend, { expectedRevision: loaded.revision });
    const base = loaded.revision === 'no_stream' ? -1n : loaded.revision;
    if (result.nextRevision !== base + BigInt(events.length)) {
      // The store recognised every id as already appended: a retry of a command that
      // completed before. Nothing new was written; refresh our view of the stream.
      this.metrics.unchanged(commandName);
      return { state: (await this.reload(id)).state, appended: [], position: null };
    }
    let state = loaded.state;
    for (const event of events) state = this.decider.evolve(state, event);
    this.cache.set(id, { state, revision: result.nextRevision });
    this.metrics.appended(commandName, events.length);
    return { state, appended: events, position: result.position };
  }
}
