/** Which event store adapter to open, and where: `createEventStore` (`@meals/event-store/create`) reads it. */
export type EventStoreConfig =
  { kind: 'sqlite'; path: string; pollIntervalMs?: number } | { kind: 'kurrentdb'; connectionString: string };
