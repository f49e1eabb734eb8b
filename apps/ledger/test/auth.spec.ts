import { Writable } from 'node:stream';
import { makeAccountNumber } from '@meals/domain';
import { pino } from 'pino';
import { LedgerHarness } from './support/ledger-harness.js';
import { activate, checkNo, enrol, registerSchool, sale, topUp, type Pupil } from './support/fixtures.js';

const login = (h: LedgerHarness, username: string, password: string, remoteAddress = '10.0.0.1') =>
  h.request('POST', '/api/auth/login', { body: { username, password }, remoteAddress });

describe('authentication', () => {
  let now = new Date('2024-01-18T09:00:00Z');
  let h: LedgerHarness;
  const logLines: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    h = await LedgerHarness.start({ clock: () => now, logger: pino({ level: 'debug' }, sink) });
    await h.identity.createUser({ username: 'olga', password: 'right-password-1', role: 'admin' }, now);
  });
  afterAll(() => h.close());

  it('refuses requests without a valid bearer token with 401', async () => {
    const admin = await h.key('admin');
    await registerSchool(h, admin, '24');
    for (const authorization of [
      undefined,
      'Bearer nonsense',
      'Basic b2xnYTpwdw==',
      'Bearer mk_' + 'A'.repeat(43),
      'Bearer s1.e30.AAAA',
    ]) {
      const reply = await h.request('GET', '/api/schools/24/day-totals?from=2024-01-01&to=2024-01-02', {
        headers: authorization ? { authorization } : {},
      });
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ statusCode: 401, code: 'unauthorized', messageRu: expect.any(String) });
    }
  });

  it('logs a staff user in with a 12-hour session token', async () => {
    const reply = await login(h, 'Olga', 'right-password-1');
    expect(reply.status).toBe(200);
    expect(reply.body.expiresAt).toBe('2024-01-18T21:00:00.000Z');
    const token = reply.body.token as string;
    expect((await h.get('/api/schools/24/day-totals?from=2024-01-01&to=2024-01-02', token)).status).toBe(200);

    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await h.get('/api/schools/24/day-totals?from=2024-01-01&to=2024-01-02', forged)).status).toBe(401);

    now = new Date('2024-01-18T21:00:01Z');
    expect((await h.get('/api/schools/24/day-totals?from=2024-01-01&to=2024-01-02', token)).status).toBe(401);
    now = new Date('2024-01-18T09:00:00Z');
  });

  it('answers a wrong password and an unknown user alike with 401', async () => {
    const wrong = await login(h, 'olga', 'wrong-password', '10.0.0.9');
    const unknown = await login(h, 'nobody', 'wrong-password', '10.0.0.9');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('invalid_credentials');
  });

  it('locks a username from one address after 5 failures in 15 minutes (429 with Retry-After)', async () => {
    await h.identity.createUser({ username: 'ivan', password: 'right-password-2', role: 'auditor' }, now);
    for (let i = 0; i < 5; i++) expect((await login(h, 'ivan', `guess-${i}`, '10.0.0.2')).status).toBe(401);

    const locked = await login(h, 'ivan', 'right-password-2', '10.0.0.2');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('too_many_login_attempts');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);

    // another address is not locked out by someone else's guessing
    expect((await login(h, 'ivan', 'right-password-2', '10.0.0.3')).status).toBe(200);
    // (the lock ending with its window: login-rate-limiter.spec.ts)
  });

  it('counts concurrent failures without losing any', async () => {
    await h.identity.createUser({ username: 'petr', password: 'right-password-3', role: 'auditor' }, now);
    const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => login(h, 'petr', `guess-${i}`, '10.0.0.4')));
    expect(replies.filter((r) => r.status === 401)).toHaveLength(5);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(3);
  });

  it('never writes passwords or tokens to the log', async () => {
    const reply = await login(h, 'olga', 'right-password-1', '10.0.0.5');
    await h.get('/api/schools/24/day-totals?from=2024-01-01&to=2024-01-02', reply.body.token);
    await login(h, 'olga', 'secret-typo-password', '10.0.0.5');
    const log = logLines.join('');
    expect(log).toContain('"route":"/api/auth/login"');
    expect(log).not.toContain('right-password-1');
    expect(log).not.toContain('secret-typo-password');
    expect(log).not.toContain(reply.body.token);
  });
});

describe('who may do what (roles and scopes)', () => {
  let h: LedgerHarness;
  let admin: string;
  let bank: string;
  let tillA: string;
  let pupilA: Pupil;
  let pupilB: Pupil;
  let pupilC: Pupil;

  // School 24 (A) and 25 (B) belong to department uo-1, school 70 (C) to uo-2.
  beforeAll(async () => {
    h = await LedgerHarness.start();
    admin = await h.key('admin');
    bank = await h.key('bank');
    tillA = await h.key('till', { schoolId: '24', tillId: '24-01' });
    const tillB = await h.key('till', { schoolId: '25', tillId: '25-01' });
    [pupilA] = (await enrol(h, admin, '24', ['Аверина Анна'])) as [Pupil];
    [pupilB] = (await enrol(h, admin, '25', ['Борисов Борис'])) as [Pupil];
    [pupilC] = (await enrol(h, admin, '70', ['Царёва Цветана'], '03Б', 'uo-2')) as [Pupil];
    for (const pupil of [pupilA, pupilB, pupilC]) await topUp(h, bank, pupil.accountNumber, 10_000);
    await activate(h, tillA, pupilA.cardUid);
    await activate(h, tillB, pupilB.cardUid);
    await h.settle();
  });
  afterAll(() => h.close());

  const account = (pupil: Pupil) => `/api/accounts/${pupil.accountNumber}`;

  it('a till of school A cannot sell on school B’s card, nor activate it', async () => {
    const reply = await h.post('/api/sales', sale(checkNo('24', 1), pupilB.cardUid, 100), tillA);
    expect(reply.status).toBe(403);
    expect(reply.body.code).toBe('wrong_school');
    expect((await h.request('POST', `/api/cards/${pupilC.cardUid}/activate`, { token: tillA })).status).toBe(403);
    expect((await h.post('/api/sales', sale(checkNo('24', 2), pupilA.cardUid, 100), tillA)).status).toBe(201);
  });

  it('a till cannot pose as another school through its check numbers', async () => {
    const reply = await h.post('/api/sales', sale(checkNo('25', 3), pupilA.cardUid, 100), tillA);
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('invalid_check_number');
  });

  it('a bank key only tops up', async () => {
    expect((await h.post('/api/sales', sale(checkNo('24', 4), pupilA.cardUid, 100), bank)).status).toBe(403);
    expect((await h.get(account(pupilA), bank)).status).toBe(403);
    expect(
      (await h.post(`${account(pupilA)}/corrections`, { correctionId: 'b', amount: 1, reason: 'x' }, bank)).status,
    ).toBe(403);
    expect((await h.post('/api/schools', { schoolId: '99', name: 'X', departmentId: 'uo-1' }, bank)).status).toBe(403);
    expect((await topUp(h, bank, pupilC.accountNumber, 100)).status).toBe(201);
  });

  it('a till cannot top up, read accounts or correct', async () => {
    expect((await topUp(h, tillA, pupilA.accountNumber, 100)).status).toBe(403);
    expect((await h.get(account(pupilA), tillA)).status).toBe(403);
    expect(
      (await h.post(`${account(pupilA)}/cards/block`, { cardUid: pupilA.cardUid, reason: 'lost' }, tillA)).status,
    ).toBe(403);
  });

  it('school staff of A work with A only', async () => {
    const staffA = await h.staff('school_staff', { schoolId: '24' });
    expect((await h.get(account(pupilA), staffA)).status).toBe(200);
    const other = await h.get(account(pupilB), staffA);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('forbidden');
    expect((await h.get(`${account(pupilB)}/statement?from=2024-01-01&to=2024-01-31`, staffA)).status).toBe(403);
    expect(
      (await h.post(`${account(pupilB)}/corrections`, { correctionId: 's', amount: 1, reason: 'x' }, staffA)).status,
    ).toBe(403);
    expect((await h.get('/api/schools/25/day-totals?from=2024-01-01&to=2024-01-02', staffA)).status).toBe(403);
    const importB = await h.request('POST', '/api/schools/25/pupils/import', {
      token: staffA,
      payload: 'school,class,full_name\n25,1А,Чужой Ученик\n',
      contentType: 'text/csv',
    });
    expect(importB.status).toBe(403);
    // moving a pupil of A into another school needs that school in scope too
    expect((await h.post(`${account(pupilA)}/move`, { toSchoolId: '25', toClassName: '3Б' }, staffA)).status).toBe(403);
    expect((await h.post(`${account(pupilA)}/move`, { toSchoolId: '24', toClassName: '4Б' }, staffA)).status).toBe(201);
    expect((await h.post('/api/schools', { schoolId: '26', name: 'X', departmentId: 'uo-1' }, staffA)).status).toBe(
      403,
    );
  });

  it('a department admin works with the schools of the department only', async () => {
    const uo1 = await h.staff('department_admin', { departmentId: 'uo-1' });
    expect((await h.get(account(pupilA), uo1)).status).toBe(200);
    expect((await h.get(account(pupilB), uo1)).status).toBe(200);
    expect((await h.get(account(pupilC), uo1)).status).toBe(403);
    expect((await h.post(`${account(pupilB)}/move`, { toSchoolId: '70', toClassName: '3Б' }, uo1)).status).toBe(403);
    expect((await h.post('/api/schools', { schoolId: '27', name: 'Новая', departmentId: 'uo-1' }, uo1)).status).toBe(
      201,
    );
    expect((await h.post('/api/schools', { schoolId: '71', name: 'Чужая', departmentId: 'uo-2' }, uo1)).status).toBe(
      403,
    );
    expect((await h.get('/api/schools/70/day-totals?from=2024-01-01&to=2024-01-02', uo1)).status).toBe(403);
  });

  it('an auditor reads within the scope and changes nothing', async () => {
    const auditorUo2 = await h.staff('auditor', { departmentId: 'uo-2' });
    expect((await h.get(account(pupilC), auditorUo2)).status).toBe(200);
    expect((await h.get(account(pupilA), auditorUo2)).status).toBe(403);
    expect(
      (await h.post(`${account(pupilC)}/corrections`, { correctionId: 'a', amount: 1, reason: 'x' }, auditorUo2))
        .status,
    ).toBe(403);
    const cityAuditor = await h.staff('auditor');
    expect((await h.get(account(pupilA), cityAuditor)).status).toBe(200);
    expect((await h.get(account(pupilC), cityAuditor)).status).toBe(200);
    expect(
      (await h.post(`${account(pupilC)}/close`, { reason: 'x', settlement: { kind: 'refund' } }, cityAuditor)).status,
    ).toBe(403);
  });

  it('an unknown account is 404 for a scoped caller, a malformed number 400', async () => {
    const staffA = await h.staff('school_staff', { schoolId: '24' });
    const unknown = await h.get(`/api/accounts/${makeAccountNumber('24', 999_999)}`, staffA);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('account_not_found');
    const malformed = await h.get('/api/accounts/12345', staffA);
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('invalid_account_number');
  });
});
