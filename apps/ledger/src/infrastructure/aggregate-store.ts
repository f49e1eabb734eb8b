/**
 * Loads an aggregate (read its stream, fold the events with the domain's evolve) and
 * appends what the domain's decide returns, with the stream's revision as the expected
 * revision. Commands on one stream queue up inside this process (no self-inflicted
 * conflicts); a conflict with another process reloads the stream and decides again, a
 * bounded number of times. Loaded states are kept in an LRU cache together with their
 * revision, so the hot path (sales) does not re-read streams: a stale entry can only
 * cause a conflict, which reloads it.
 */
import type { EventMetadata, LedgerEvent } from '@meals/domain';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
  type JsonObject,
  type RecordedEvent,
} from '@meals/event-store';
import type { LedgerMetrics } from '../observability/metrics.js';
import { eventMetadata, type CommandContext } from './command-context.js';
import { eventIdOf } from './event-ids.js';
import { KeyedMutex } from './keyed-mutex.js';
import { LruCache } from './lru-cache.js';
import type { UniqueKeyClaims } from './unique-key-claims.js';

export const MAX_CONFLICT_RETRIES = 5;

export interface AggregateDefinition<S, E extends LedgerEvent> {
  streamId(id: string): string;
  initialState: S;
  evolve(state: S, event: E): S;
  /** the state after many events at once (a stream read), cheaper than evolving one by one */
  fold(events: Iterable<E>, from: S): S;
  /** event types of this stream (others, e.g. from a newer version, are skipped) */
  isEvent(type: string): boolean;
}

/**
 * An aggregate's definition from the domain's functions and the event types of its
 * stream: `isEvent` knows exactly those.
 */
export function defineAggregate<S, E extends LedgerEvent>({
  eventTypes,
  ...domain
}: Omit<AggregateDefinition<S, E>, 'isEvent'> & { eventTypes: readonly E['type'][] }): AggregateDefinition<S, E> {
  const known = new Set<string>(eventTypes);
  return { ...domain, isEvent: (type) => known.has(type) };
}

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
  /**
   * global log position of the append (for a retry the store recognised, of the original
   * one); null when nothing needed appending
   */
  position: bigint | null;
}

export function toDomainEvent<E extends LedgerEvent>(recorded: RecordedEvent): E {
  return { type: recorded.type, data: recorded.data } as unknown as E;
}

export class AggregateStore<S, E extends LedgerEvent> {
  private readonly mutex = new KeyedMutex();
  private readonly cache: LruCache<string, Loaded<S>>;

  constructor(
    private readonly definition: AggregateDefinition<S, E>,
    private readonly eventStore: EventStore,
    private readonly metrics: LedgerMetrics,
    cacheCapacity: number,
    /** claims the events' cross-stream unique keys before each append (see UniqueKeyClaims) */
    private readonly uniqueKeys?: UniqueKeyClaims,
  ) {
    this.cache = new LruCache(cacheCapacity);
  }

  /** The current state (cached when this process has seen the stream). */
  async load(id: string): Promise<Loaded<S>> {
    return this.cache.get(id) ?? this.reload(id);
  }

  /** Reads the whole stream again and refreshes the cache. */
  async reload(id: string): Promise<Loaded<S>> {
    const events = await this.eventStore.readStream(this.definition.streamId(id));
    const known = events.filter((recorded) => this.definition.isEvent(recorded.type)).map((recorded) => toDomainEvent<E>(recorded));
    const state = this.definition.fold(known, this.definition.initialState);
    const last = events.at(-1);
    const loaded: Loaded<S> = { state, revision: last ? last.revision : 'no_stream' };
    if (last) this.cache.set(id, loaded);
    return loaded;
  }

  /** Also read with the stream's events, for callers that index them (e.g. the school roster). */
  async readEvents(id: string): Promise<RecordedEvent[]> {
    return this.eventStore.readStream(this.definition.streamId(id));
  }

  /**
   * Runs `decide` on the current state and appends its events. `decide` may throw a
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
          this.metrics.unchangedCommands.inc({ command: commandName });
          return { state: loaded.state, appended: [], position: null };
        }
        try {
          return await this.append(id, commandName, context, loaded, events);
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
          this.metrics.conflictsRetried.inc();
          loaded = await this.reload(id);
        }
      }
    });
  }

  private async append(id: string, commandName: string, context: CommandContext, loaded: Loaded<S>, events: E[]): Promise<Outcome<S, E>> {
    const eventMeta: EventMetadata = eventMetadata(context);
    await this.uniqueKeys?.claim(this.definition.streamId(id), events, eventMeta);
    const metadata = eventMeta as unknown as JsonObject;
    const toAppend: EventToAppend[] = events.map((event) => ({
      id: eventIdOf(event),
      type: event.type,
      data: event.data as unknown as JsonObject,
      metadata,
    }));
    const result = await this.eventStore.append(this.definition.streamId(id), toAppend, { expectedRevision: loaded.revision });
    const base = loaded.revision === 'no_stream' ? -1n : loaded.revision;
    if (result.nextRevision !== base + BigInt(events.length)) {
      // The store recognised every id as already appended: a retry of a command that
      // completed before. Nothing new was written; refresh our view of the stream.
      this.metrics.unchangedCommands.inc({ command: commandName });
      return { state: (await this.reload(id)).state, appended: [], position: result.position };
    }
    let state = loaded.state;
    for (const event of events) state = this.definition.evolve(state, event);
    this.cache.set(id, { state, revision: result.nextRevision });
    this.metrics.commandsAppended.inc({ command: commandName });
    this.metrics.eventsAppended.inc(events.length);
    return { state, appended: events, position: result.position };
  }
}
