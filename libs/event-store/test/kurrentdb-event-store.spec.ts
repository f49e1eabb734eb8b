import { openKurrentDbEventStore } from '../src/kurrentdb/index.js';
import { describeEventStoreContract } from './event-store.contract.js';

const connectionString = process.env.KURRENTDB_URL;

if (connectionString) {
  describeEventStoreContract('KurrentDbEventStore', () => openKurrentDbEventStore({ connectionString }), {
    // KurrentDB does not index event ids across streams: see KurrentDbEventStore
    strictIdempotency: false,
    propertyRuns: 10,
  });
} else {
  describe('EventStore contract: KurrentDbEventStore', () => {
    it.skip('runs only when KURRENTDB_URL is set (e.g. kurrentdb://localhost:2113?tls=false); no server here', () => {});
  });
}
