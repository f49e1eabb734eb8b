import * as kurrent from '@kurrent/kurrentdb-client';
import { KurrentDbEventStore } from '../src/kurrentdb/index.js';
import { describeEventStoreContract } from './event-store.contract.js';
import { FakeKurrentDbClient } from './fakes/fake-kurrentdb-client.js';

// The adapter's own logic (expected-state mapping, stale retries, $all paging around the
// inclusive read position, system events, catch-up then live) against an in-memory client
// that follows the server's documented behaviour. The real server runs the same suite in
// kurrentdb-event-store.spec.ts when KURRENTDB_URL is set.
describeEventStoreContract(
  'KurrentDbEventStore over a fake client',
  async () => new KurrentDbEventStore(new FakeKurrentDbClient() as unknown as kurrent.KurrentDBClient, kurrent),
  { strictIdempotency: false },
);

describeEventStoreContract(
  'KurrentDbEventStore over a fake client that leaves stale retries to the adapter',
  async () => new KurrentDbEventStore(new FakeKurrentDbClient(false) as unknown as kurrent.KurrentDBClient, kurrent),
  { strictIdempotency: false, propertyRuns: 10 },
);
