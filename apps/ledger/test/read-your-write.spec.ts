import { startProjections, type ProjectionsHandle } from '@meals/projections';
import { LedgerHarness } from './support/ledger-harness.js';
import { enrol, parentToken, topUp, type Pupil } from './support/fixtures.js';

/**
 * The projections are stopped for each test after the setup, so that a query can only see
 * a write once the test lets them go on (`resumeProjections`).
 */
describe('read-your-write on queries', () => {
  let h: LedgerHarness;
  let admin: string;
  let pupil: Pupil;
  let resumed: ProjectionsHandle | null = null;

  const resumeProjections = async (): Promise<void> => {
    resumed = await startProjections({ eventStore: h.eventStore, readModels: h.readModels, quietMs: 1 });
  };
  const balanceOf = (reply: { body: { balance: number } }) => reply.body.balance;

  beforeEach(async () => {
    h = await LedgerHarness.start();
    admin = await h.key('admin');
    [pupil] = (await enrol(h, admin, '24', ['Иванова Алёна Петровна'])) as [Pupil];
    await h.settle();
    await h.projections.stop();
  });
  afterEach(async () => {
    await resumed?.stop();
    resumed = null;
    await h.close();
  });

  it('a query right after a command of the same principal waits for the read models to show it', async () => {
    const top = await topUp(h, admin, pupil.accountNumber, 50_000);
    expect(top.status).toBe(201);
    expect(top.body.position).toMatch(/^\d+$/);

    const query = h.get(`/api/accounts/${pupil.accountNumber}`, admin);
    setTimeout(() => void resumeProjections(), 150);
    const profile = await query;
    expect(profile.status).toBe(200);
    expect(balanceOf(profile)).toBe(50_000);
    expect(profile.headers['x-read-model-stale']).toBeUndefined();
  });

  it('another principal does not wait unless it names the position with x-min-position', async () => {
    const top = await topUp(h, admin, pupil.accountNumber, 20_000);
    const auditor = await h.key('auditor');

    const other = await h.get(`/api/accounts/${pupil.accountNumber}`, auditor);
    expect(balanceOf(other)).toBe(0);

    const explicit = h.request('GET', `/api/accounts/${pupil.accountNumber}/statement?from=2024-01-01&to=2024-01-31`, {
      token: auditor,
      headers: { 'x-min-position': top.body.position },
    });
    setTimeout(() => void resumeProjections(), 100);
    const statement = await explicit;
    expect(statement.status).toBe(200);
    expect(statement.body.closingBalance).toBe(20_000);
  });

  it('answers anyway after at most 2 s, marked x-read-model-stale, when the read models lag behind', async () => {
    await topUp(h, admin, pupil.accountNumber, 30_000);
    const started = Date.now();
    const profile = await h.get(`/api/accounts/${pupil.accountNumber}`, admin);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(profile.status).toBe(200);
    expect(balanceOf(profile)).toBe(0);
    expect(profile.headers['x-read-model-stale']).toBe('true');
  });

  it('refuses an x-min-position that is not a log position with 400, and documents the header', async () => {
    const bad = await h.request('GET', `/api/accounts/${pupil.accountNumber}`, {
      token: admin,
      headers: { 'x-min-position': '-1' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed', messageRu: expect.stringContaining('x-min-position') });

    const docs = await h.get('/api/docs-json');
    const operation = docs.body.paths['/api/accounts/{accountNumber}'].get;
    expect(operation.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'x-min-position', in: 'header' })]),
    );
    expect(operation.responses['200'].headers).toHaveProperty('x-read-model-stale');
  });

  it('every query route of the API honours x-min-position (the interceptor is on each, not on commands)', async () => {
    const docs = await h.get('/api/docs-json');
    const queries = Object.entries(docs.body.paths as Record<string, { get?: { security?: unknown[] } }>)
      .filter(([, path]) => path.get?.security?.length)
      .map(
        ([route]) =>
          route.replace('{accountNumber}', pupil.accountNumber).replace('{schoolId}', '24') +
          (route.includes('statement') || route.includes('day-totals') ? '?from=2024-01-01&to=2024-01-31' : ''),
      );
    expect(queries.length).toBeGreaterThanOrEqual(4);
    const parent = await parentToken(h, admin, pupil.accountNumber);
    for (const route of queries) {
      const token = route.startsWith('/api/parent/') ? parent : admin;
      const bad = await h.request('GET', route, { token, headers: { 'x-min-position': 'soon' } });
      expect([route, bad.status, bad.body.code]).toEqual([route, 400, 'validation_failed']);
    }
  });
});
