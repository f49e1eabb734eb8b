/**
 * Health tells readiness honestly: `starting` (503, with the reason and the projection
 * lag) while a launcher prepares the system (its marker file in the data directory), and
 * the usual answer once the marker is gone.
 */
import { clearStarting, markStarting } from '@meals/runtime-config';
import { LedgerHarness } from './support/ledger-harness.js';

describe('health before the system is ready', () => {
  let h: LedgerHarness;

  beforeAll(async () => {
    h = await LedgerHarness.start();
  });
  afterAll(() => h.close());

  it('answers starting (503) with the reason while the launcher seeds, then ok', async () => {
    markStarting(h.dir, 'seeding the demo city');
    const starting = await h.get('/api/health');
    expect(starting.status).toBe(503);
    expect(starting.body).toMatchObject({
      status: 'starting',
      reason: 'seeding the demo city',
      since: expect.any(String),
      projections: { lagEvents: expect.any(Number) },
    });
    clearStarting(h.dir);
    const ready = await h.get('/api/health');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.details.storage).toMatchObject({ status: 'up', freeBytes: expect.any(Number) });
  });

  it('documents the health states in OpenAPI', async () => {
    const docs = await h.get('/api/docs-json');
    const operation = docs.body.paths['/api/health'].get;
    expect(operation.description).toMatch(/starting/);
    expect(operation.description).toMatch(/storage_full/);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '503']));
    // every write documents the full disk
    expect(docs.body.paths['/api/top-ups'].post.responses['503'].description).toMatch(/storage_full/);
    expect(docs.body.components.schemas.ApiError).toBeDefined();
  });
});
