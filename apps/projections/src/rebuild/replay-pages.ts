import type { EventStore } from '@meals/event-store';
import type { ReplayPage as StoredReplayPage } from '@meals/event-store/sqlite';
import { isLedgerEventType } from '@meals/domain';
import { projectionInput, toProjectionInput, type BusinessDateCache, type ProjectionInput } from '@meals/read-models';

/** A page of the log, from the start, as the projection folds it. */
export interface ReplayPage {
  /** the page's events that the read models know, in order */
  inputs: ProjectionInput[];
  /** events read, those the read models ignore included */
  events: number;
  /** position of the page's last event */
  lastPosition: bigint;
}

/** The log from the start, page by page; business dates come from the projection's cache. */
export type ReplaySource = (dates: BusinessDateCache) => AsyncIterable<ReplayPage>;

/** Any event store, through the port's `readAll`. */
export function eventStorePages(eventStore: Pick<EventStore, 'readAll'>, pageSize: number): ReplaySource {
  return async function* (dates) {
    let after: bigint | undefined;
    for (;;) {
      const page = await eventStore.readAll(
        after === undefined ? { maxCount: pageSize } : { after, maxCount: pageSize },
      );
      if (page.length === 0) return;
      const inputs: ProjectionInput[] = [];
      for (const recorded of page) {
        const input = toProjectionInput(recorded, dates);
        if (input) inputs.push(input);
      }
      after = page.at(-1)!.position;
      yield { inputs, events: page.length, lastPosition: after };
    }
  };
}

/**
 * A page of SqliteReplayReader (read with the `occurredAt` metadata field) whose statement
 * lines the replay thread wrote (prepare-replay-page.ts), for the fold.
 */
export function preparedPage(page: StoredReplayPage, dates: BusinessDateCache): ReplayPage {
  const inputs: (ProjectionInput | null)[] = [];
  for (let i = 0; i < page.ids.length; i++) {
    const input = replayedInput(page, i, dates);
    if (input) input.statementLineWritten = true;
    inputs.push(input);
  }
  return pageOfInputs(page, inputs);
}

/** The page to fold, given the inputs of its events (null for those the read models ignore). */
export function pageOfInputs(page: StoredReplayPage, inputs: (ProjectionInput | null)[]): ReplayPage {
  return {
    inputs: inputs.filter((input) => input !== null),
    events: page.ids.length,
    lastPosition: page.positions[page.ids.length - 1]!,
  };
}

/** Event `i` of a replayed page as the projection folds it; null when the read models ignore it. */
export function replayedInput(page: StoredReplayPage, i: number, dates: BusinessDateCache): ProjectionInput | null {
  const type = page.types[i]!;
  if (!isLedgerEventType(type)) return null; // checked before parsing: unknown events cost nothing
  const when = page.metadataField[i] ?? new Date(page.recordedAt[i]!).toISOString();
  return projectionInput(
    { id: page.ids[i]!, position: page.positions[i]!, type, data: JSON.parse(page.data[i]!) },
    when,
    dates,
  );
}
