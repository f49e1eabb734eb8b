import { LedgerHarness } from './support/ledger-harness.js';
import { activate, checkNo, enrol, sale, topUp } from './support/fixtures.js';

describe('operations: OpenAPI, health, metrics', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = await LedgerHarness.start();
  });
  afterAll(() => h.close());

  it('documents every endpoint with its schemas at /api/docs-json, and serves the UI at /api/docs', async () => {
    const docs = await h.get('/api/docs-json');
    expect(docs.status).toBe(200);
    const operations = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'POST /api/auth/login',
        'POST /api/schools',
        'POST /api/schools/{schoolId}/pupils/import',
        'GET /api/schools/{schoolId}/day-totals',
        'GET /api/schools/{schoolId}/accounts',
        'GET /api/accounts/{accountNumber}',
        'GET /api/accounts/{accountNumber}/statement',
        'POST /api/accounts/{accountNumber}/move',
        'POST /api/accounts/{accountNumber}/close',
        'POST /api/accounts/{accountNumber}/cards/block',
        'POST /api/accounts/{accountNumber}/cards/reissue',
        'POST /api/accounts/{accountNumber}/corrections',
        'POST /api/cards/{cardUid}/activate',
        'POST /api/top-ups',
        'POST /api/sales',
        'GET /api/health',
        'POST /api/payments',
        'GET /api/payments/{orderId}',
        'POST /api/payments/callback/{gateway}',
        'POST /api/auth/logout',
        'POST /api/accounts/{accountNumber}/temporary-password',
        'POST /api/auth/parent/login',
        'POST /api/auth/parent/password',
        'POST /api/auth/parent/email/confirm',
        'POST /api/auth/parent/recover',
        'POST /api/auth/parent/reset',
        'GET /api/parent/me',
        'PUT /api/parent/email',
        'GET /api/auth/me',
        'GET /api/departments',
        'GET /api/departments/{departmentId}/meal-types',
        'POST /api/departments/{departmentId}/meal-types',
        'PUT /api/meal-types/{mealTypeId}',
        'POST /api/meal-types/{mealTypeId}/status',
        'DELETE /api/meal-types/{mealTypeId}',
        'GET /api/departments/{departmentId}/order-settings',
        'PUT /api/departments/{departmentId}/order-settings',
        'GET /api/schools/{schoolId}/meal-types',
        'PUT /api/schools/{schoolId}/meal-types',
        'GET /api/schools/{schoolId}/meal-prices/{date}',
        'PUT /api/schools/{schoolId}/meal-prices/{date}',
        'GET /api/schools/{schoolId}/classes/{className}/meal-types',
        'PUT /api/schools/{schoolId}/classes/{className}/meal-types',
        'PUT /api/schools/{schoolId}/classes/{className}/pupils/{accountNumber}/meal-types',
        'GET /api/schools/{schoolId}/classes/{className}/orders/{date}',
        'PUT /api/schools/{schoolId}/classes/{className}/orders/{date}',
        'GET /api/schools/{schoolId}/orders/{date}',
        'GET /api/departments/{departmentId}/syncs',
        'POST /api/schools/{schoolId}/orders/{date}/sync',
        'GET /api/departments/{departmentId}/price-sheets',
      ].sort(),
    );
    const sales = docs.body.paths['/api/sales'].post;
    expect(sales.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/SaleRequest' });
    expect(sales.responses['409'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ApiError',
    });
    expect(docs.body.components.schemas.SaleRequest.required).toEqual(['checkNumber', 'cardUid', 'items', 'soldAt']);
    expect(Object.keys(docs.body.paths['/api/schools/{schoolId}/pupils/import'].post.requestBody.content)).toEqual([
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    // every command answers one vocabulary: status recorded (201) | duplicate (200) and its log position
    const schemaOf = (reply: { content: Record<string, { schema: { $ref?: string } }> }) =>
      docs.body.components.schemas[reply.content['application/json']!.schema.$ref!.split('/').pop()!];
    // sign-in, sessions, a gateway's callback and queuing a sync job (202) answer no command of ours
    const notCommands = (op: string) =>
      op.startsWith('POST /api/auth/') ||
      op === 'POST /api/payments/callback/{gateway}' ||
      op === 'POST /api/schools/{schoolId}/orders/{date}/sync';
    for (const operation of operations.filter((op) => op.startsWith('POST ') && !notCommands(op))) {
      const responses = docs.body.paths[operation.slice(5)].post.responses;
      const recorded = schemaOf(responses['201']);
      expect([operation, recorded.properties.status.enum]).toEqual([operation, ['recorded', 'duplicate']]);
      expect(recorded.properties.position).toBeDefined();
      expect(recorded.required).toEqual(expect.arrayContaining(['status', 'position']));
      // a reissue and a temporary password are new every time: no duplicate answer
      if (!/\/(cards\/reissue|temporary-password)$/.test(operation))
        expect(schemaOf(responses['200'])).toEqual(recorded);
    }
    const ui = await h.request('GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });

  it('reports the stores and the projection lag at /api/health', async () => {
    const reply = await h.get('/api/health');
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('ok');
    expect(Object.keys(reply.body.details).sort()).toEqual([
      'eventStore',
      'identityStore',
      'jobs',
      'projections',
      'readModelStore',
      'storage',
    ]);
    expect(reply.body.details.projections).toMatchObject({ status: 'up', lagEvents: expect.any(Number) });
    // no REDIS_URL here: no job queues, and nothing wrong with that
    expect(reply.body.details.jobs).toEqual({ status: 'up', state: 'disabled' });
  });

  it('answers 503 when the event store does not respond', async () => {
    const spy = jest.spyOn(h.eventStore, 'readStream').mockRejectedValueOnce(new Error('disk gone'));
    const reply = await h.get('/api/health');
    spy.mockRestore();
    expect(reply.status).toBe(503);
    expect(reply.body.status).toBe('error');
    expect(reply.body.error.eventStore.status).toBe('down');
  });

  it('exposes request durations by route and status, and appended commands, at /metrics', async () => {
    const admin = await h.key('admin');
    const bank = await h.key('bank');
    const till = await h.key('till', { schoolId: '24', tillId: '24-01' });
    const [pupil] = await enrol(h, admin, '24', ['Метрикова Мила']);
    await topUp(h, bank, pupil!.accountNumber, 1_000);
    await activate(h, till, pupil!.cardUid);
    await h.post('/api/sales', sale(checkNo('24', 1), pupil!.cardUid, 100), till);
    await h.post('/api/sales', sale(checkNo('24', 1), pupil!.cardUid, 100), till);

    const reply = await h.request('GET', '/metrics');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/plain/);
    expect(reply.text).toMatch(
      /ledger_http_request_duration_seconds_count\{method="POST",route="\/api\/sales",status="201"\} 1/,
    );
    expect(reply.text).toMatch(
      /ledger_http_request_duration_seconds_count\{method="POST",route="\/api\/sales",status="200"\} 1/,
    );
    expect(reply.text).toMatch(/ledger_commands_appended_total\{command="RecordSale"\} 1/);
    expect(reply.text).toMatch(/ledger_commands_appended_total\{command="RecordTopUp"\} 1/);
    expect(reply.text).toContain('ledger_append_conflicts_retried_total');
  });

  it('echoes a caller’s correlation id and records it, with the actor, on the events', async () => {
    const admin = await h.key('admin');
    const reply = await h.request('POST', '/api/schools', {
      token: admin,
      body: { schoolId: '55', name: 'Школа №55', departmentId: 'uo-5' },
      headers: { 'x-correlation-id': 'req-abc-123' },
    });
    expect(reply.status).toBe(201);
    expect(reply.headers['x-correlation-id']).toBe('req-abc-123');
    const [event] = await h.eventStore.readStream('school-55');
    expect(event!.metadata).toMatchObject({
      actor: { kind: 'staff', id: expect.stringMatching(/^key:test-admin-/) },
      source: 'staff',
      correlationId: 'req-abc-123',
      causationId: expect.any(String),
      occurredAt: expect.any(String),
    });
    const odd = await h.request('GET', '/api/health', { headers: { 'x-correlation-id': 'bad id with spaces' } });
    expect(odd.headers['x-correlation-id']).not.toBe('bad id with spaces');
  });
});
