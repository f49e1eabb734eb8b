import * as kurrent from '@kurrent/kurrentdb-client';
import { PassThrough } from 'node:stream';

/**
 * An in-memory stand-in for the part of KurrentDBClient the adapter uses, following the
 * server's documented behaviour: positions are log positions (commit = prepare per event),
 * reading $all from a position includes the event there, subscribing from a position
 * excludes it, $-prefixed system events are interleaved in $all, a missing stream throws
 * StreamNotFoundError when read, a failed expectation throws WrongExpectedVersionError, and
 * a retry of an append is recognised by the server (with any/stream_exists: among recent events).
 * It lets the adapter's own logic (paging, retries, catch-up then live) run without a server.
 */
export class FakeKurrentDbClient {
  private readonly log: kurrent.AllStreamRecordedEvent[] = [];
  private readonly streams = new Map<string, kurrent.AllStreamRecordedEvent[]>();
  private readonly listeners = new Set<(event: kurrent.AllStreamRecordedEvent) => void>();
  private nextLogPosition = 1_000n;
  private appends = 0;

  /** @param recognisesRetries false: leave retries with a stale expected revision to the adapter */
  constructor(private readonly recognisesRetries = true) {
    this.write('$settings', [systemEvent('$settings')]);
  }

  async appendToStream(
    streamName: string,
    events: kurrent.EventData[],
    options: { streamState?: kurrent.AppendStreamState } = {},
  ): Promise<kurrent.AppendResult> {
    await Promise.resolve();
    const state = options.streamState ?? kurrent.ANY;
    const stored = this.streams.get(streamName) ?? [];
    const current: kurrent.CurrentStreamState = stored.length === 0 ? kurrent.NO_STREAM : BigInt(stored.length - 1);
    // with any/stream_exists the server looks the first id up among the stream's recent events
    const slot =
      state === kurrent.NO_STREAM
        ? 0
        : typeof state === 'bigint'
          ? Number(state) + 1
          : stored.findIndex((e) => e.id === events[0]!.id);
    const idempotent =
      (this.recognisesRetries || typeof state !== 'bigint') &&
      slot >= 0 &&
      events.every((event, i) => stored[slot + i]?.id === event.id);
    if (idempotent) {
      const last = stored[slot + events.length - 1]!;
      return { success: true, nextExpectedRevision: last.revision, position: last.position };
    }
    const accepts =
      state === kurrent.ANY ||
      (state === kurrent.NO_STREAM && current === kurrent.NO_STREAM) ||
      (state === kurrent.STREAM_EXISTS && current !== kurrent.NO_STREAM) ||
      state === current;
    if (!accepts) {
      throw new kurrent.WrongExpectedVersionError(undefined, { streamName, expected: state, current });
    }
    const written = this.write(streamName, events);
    // the server writes its own events too: stats, settings...
    if (++this.appends % 3 === 0) this.write('$stats-127.0.0.1:2113', [systemEvent('$statsCollected')]);
    const last = written.at(-1)!;
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  readStream(
    streamName: string,
    options: { fromRevision?: kurrent.ReadRevision; maxCount?: number | bigint; direction?: kurrent.Direction } = {},
  ): AsyncIterableIterator<kurrent.ResolvedEvent> {
    const streams = this.streams;
    return (async function* () {
      await Promise.resolve();
      const stored = streams.get(streamName);
      if (!stored) throw new kurrent.StreamNotFoundError(undefined, streamName);
      const backwards = options.direction === kurrent.BACKWARDS;
      const ordered = backwards ? [...stored].reverse() : stored;
      const from = options.fromRevision ?? (backwards ? kurrent.END : kurrent.START);
      const start =
        from === kurrent.START || (from === kurrent.END && backwards)
          ? 0
          : from === kurrent.END
            ? stored.length
            : Number(from);
      const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      for (const event of ordered.slice(backwards ? 0 : start).slice(0, max)) yield { event };
    })();
  }

  readAll(
    options: { fromPosition?: kurrent.ReadPosition; maxCount?: number | bigint } = {},
  ): AsyncIterableIterator<kurrent.AllStreamResolvedEvent> {
    const log = this.log;
    return (async function* () {
      await Promise.resolve();
      const from = options.fromPosition ?? kurrent.START;
      const start = from === kurrent.START ? 0n : from === kurrent.END ? BigInt(Number.MAX_SAFE_INTEGER) : from.commit;
      const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      // inclusive: the event at the start position comes first
      for (const event of log.filter((e) => e.position.commit >= start).slice(0, max)) yield { event };
    })();
  }

  subscribeToAll(options: { fromPosition?: kurrent.ReadPosition } = {}): kurrent.AllStreamSubscription {
    const stream = new PassThrough({ objectMode: true });
    const from = options.fromPosition ?? kurrent.START;
    const after =
      from === kurrent.START ? -1n : from === kurrent.END ? (this.log.at(-1)?.position.commit ?? -1n) : from.commit;
    const deliver = (event: kurrent.AllStreamRecordedEvent): void => {
      if (event.position.commit > after) stream.write({ event });
    };
    // exclusive: events strictly after the position, then live ones
    setImmediate(() => {
      if (stream.destroyed) return;
      for (const event of this.log) deliver(event);
      this.listeners.add(deliver);
    });
    return Object.assign(stream, {
      unsubscribe: async () => {
        this.listeners.delete(deliver);
        stream.end();
      },
    }) as unknown as kurrent.AllStreamSubscription;
  }

  async dispose(): Promise<void> {
    this.listeners.clear();
  }

  private write(streamName: string, events: kurrent.EventData[]): kurrent.AllStreamRecordedEvent[] {
    const stored = this.streams.get(streamName) ?? [];
    this.streams.set(streamName, stored);
    const written = events
      .map((data, i): kurrent.AllStreamRecordedEvent => {
        const position = { commit: this.nextLogPosition, prepare: this.nextLogPosition };
        this.nextLogPosition += 137n;
        return {
          streamId: streamName,
          id: data.id,
          isJson: true,
          revision: BigInt(stored.length + i),
          type: data.type,
          created: new Date(),
          // the real client parses JSON payloads back into objects
          data: structuredClone(data.data) as kurrent.JSONType,
          metadata: structuredClone(data.metadata) as kurrent.JSONType,
          position,
        } as kurrent.AllStreamRecordedEvent;
      })
      .map((event) => {
        stored.push(event);
        this.log.push(event);
        return event;
      });
    for (const event of written) for (const listener of this.listeners) listener(event);
    return written;
  }
}

function systemEvent(type: string): kurrent.EventData {
  return kurrent.jsonEvent({ type, data: { system: true } });
}
