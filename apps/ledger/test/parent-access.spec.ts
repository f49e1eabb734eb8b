import { Writable } from 'node:stream';
import { makeAccountNumber } from '@meals/domain';
import { pino } from 'pino';
import { LedgerHarness } from './support/ledger-harness.js';
import { enrol, topUp, type Pupil } from './support/fixtures.js';
import { linkToken, readOutbox, waitForOutbox } from './support/outbox.js';

const HOUR_MS = 60 * 60 * 1000;

describe("parents' access to the cabinet", () => {
  let now = new Date('2024-01-18T09:00:00Z');
  let h: LedgerHarness;
  const logLines: string[] = [];
  let admin: string;
  let tillA: string;
  let tillB: string;
  let pupils: Pupil[];
  let other: Pupil;
  let address = 0;
  /** a fresh client address per test, so the per-address limit only bites where it is tested */
  const nextAddress = () => `10.1.${Math.floor(++address / 250)}.${address % 250}`;

  const issue = async (accountNumber: string, token = tillA) => {
    const reply = await h.request('POST', `/api/accounts/${accountNumber}/temporary-password`, { token });
    return reply;
  };
  const login = (accountNumber: string, password: string, remoteAddress = nextAddress(), acceptTerms: unknown = true) =>
    h.request('POST', '/api/auth/parent/login', { body: { accountNumber, password, acceptTerms }, remoteAddress });
  /** temporary password → login → new permanent password: a full parent token */
  const signIn = async (accountNumber: string, password = 'morkov2024') => {
    const temporary = (await issue(accountNumber)).body.temporaryPassword as string;
    const restricted = (await login(accountNumber, temporary)).body.token as string;
    const changed = await h.request('POST', '/api/auth/parent/password', {
      token: restricted,
      body: { currentPassword: temporary, newPassword: password },
    });
    if (changed.status !== 200) throw new Error(changed.text);
    return changed.body.token as string;
  };

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    h = await LedgerHarness.start({ clock: () => now, logger: pino({ level: 'debug' }, sink) });
    admin = await h.key('admin');
    tillA = await h.key('till', { schoolId: '24', tillId: '24-01' });
    tillB = await h.key('till', { schoolId: '25', tillId: '25-01' });
    pupils = await enrol(h, admin, '24', [
      'Иванов Пётр',
      'Петрова Анна',
      'Сидоров Илья',
      'Козлова Мария',
      'Орлов Дмитрий',
    ]);
    [other] = await enrol(h, admin, '25', ['Смирнов Олег']);
    const bank = await h.key('bank');
    await topUp(h, bank, pupils[0]!.accountNumber, 50_000);
    await h.settle();
  });
  afterAll(() => h.close());

  it('the till of the school issues a temporary password once: 24 h, hashed, in no event and no log', async () => {
    const events = await h.eventCount();
    const reply = await issue(pupils[0]!.accountNumber);
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      status: 'recorded',
      position: null,
      accountNumber: pupils[0]!.accountNumber,
      temporaryPassword: expect.stringMatching(/^[a-z2-9]{10}$/),
      expiresAt: '2024-01-19T09:00:00.000Z',
    });
    const password = reply.body.temporaryPassword as string;
    expect(await h.eventCount()).toBe(events);
    expect(logLines.join('')).not.toContain(password);
    const stored = await h.identityStore.findCabinetCredentials(pupils[0]!.accountNumber);
    expect(stored?.temporaryPasswordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(stored)).not.toContain(password);
    expect(await h.identityStore.listAccessAudit(pupils[0]!.accountNumber)).toContainEqual({
      at: now.toISOString(),
      actor: expect.stringMatching(/^key:test-till-/),
      action: 'temporary_password_issued',
      accountNumber: pupils[0]!.accountNumber,
    });
  });

  it('staff may issue one; a till of another school, a bank or an auditor may not; unknown account → 404', async () => {
    const staff = await h.staff('school_staff', { schoolId: '24' });
    expect((await issue(pupils[1]!.accountNumber, staff)).status).toBe(201);
    expect((await issue(pupils[1]!.accountNumber, tillB)).status).toBe(403);
    expect((await issue(pupils[1]!.accountNumber, await h.key('bank'))).status).toBe(403);
    expect((await issue(pupils[1]!.accountNumber, await h.key('auditor'))).status).toBe(403);
    expect((await issue(makeAccountNumber('24', 999_999), admin)).status).toBe(404);
    expect((await issue('12345', admin)).status).toBe(400);
  });

  it('a temporary password gives a token that may only change the password', async () => {
    const account = pupils[2]!.accountNumber;
    const temporary = (await issue(account)).body.temporaryPassword as string;
    const reply = await login(account, temporary);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      token: expect.any(String),
      expiresAt: '2024-01-18T21:00:00.000Z',
      accountNumber: account,
      mustChangePassword: true,
    });
    const restricted = reply.body.token as string;
    for (const url of [
      '/api/parent/me',
      `/api/accounts/${account}`,
      `/api/accounts/${account}/statement?from=2024-01-01&to=2024-01-31`,
    ]) {
      const refused = await h.get(url, restricted);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('password_change_required');
      expect(refused.body.messageRu).toMatch(/временному паролю/);
    }

    const weak = await h.request('POST', '/api/auth/parent/password', {
      token: restricted,
      body: { currentPassword: temporary, newPassword: 'short1' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('weak_password');
    expect(weak.body.messageRu).toMatch(/не менее 8 символов, буквы и цифры.*номер лицевого счёта/);
    const withAccount = await h.request('POST', '/api/auth/parent/password', {
      token: restricted,
      body: { currentPassword: temporary, newPassword: `a${account}` },
    });
    expect(withAccount.body.code).toBe('weak_password');
    const wrongCurrent = await h.request('POST', '/api/auth/parent/password', {
      token: restricted,
      body: { currentPassword: 'not-it-123', newPassword: 'morkov2024' },
    });
    expect(wrongCurrent.status).toBe(401);

    const changed = await h.request('POST', '/api/auth/parent/password', {
      token: restricted,
      body: { currentPassword: temporary, newPassword: 'morkov2024' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ accountNumber: account, mustChangePassword: false });
    // the restricted token is gone, and so is the temporary password
    expect((await h.get('/api/parent/me', restricted)).status).toBe(401);
    expect((await login(account, temporary)).status).toBe(401);
    const again = await login(account, 'morkov2024');
    expect(again.body.mustChangePassword).toBe(false);
    expect((await h.get('/api/parent/me', again.body.token)).status).toBe(200);
    expect(logLines.join('')).not.toContain('morkov2024');
  });

  it('refuses a login without accepting the terms (400 terms_not_accepted) and changes nothing', async () => {
    const account = pupils[3]!.accountNumber;
    const temporary = (await issue(account)).body.temporaryPassword as string;
    const refused = await login(account, temporary, nextAddress(), false);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'terms_not_accepted', messageRu: expect.stringMatching(/условия/) });
    expect((await login(account, temporary, nextAddress(), 'yes')).status).toBe(400);
  });

  it('an expired temporary password is refused (24 hours)', async () => {
    const account = pupils[3]!.accountNumber;
    const temporary = (await issue(account)).body.temporaryPassword as string;
    const issuedAt = now;
    now = new Date(issuedAt.getTime() + 24 * HOUR_MS - 1000);
    expect((await login(account, temporary)).status).toBe(200);
    now = new Date(issuedAt.getTime() + 24 * HOUR_MS + 1000);
    const expired = await login(account, temporary);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('invalid_credentials');
    now = issuedAt;
  });

  it('a new temporary password voids the old one', async () => {
    const account = pupils[4]!.accountNumber;
    const first = (await issue(account)).body.temporaryPassword as string;
    const second = (await issue(account)).body.temporaryPassword as string;
    expect(second).not.toBe(first);
    expect((await login(account, first)).status).toBe(401);
    expect((await login(account, second)).status).toBe(200);
  });

  it('locks an account after 5 wrong passwords from any address (429 too_many_attempts), then frees it', async () => {
    const account = pupils[4]!.accountNumber;
    const temporary = (await issue(account)).body.temporaryPassword as string;
    for (let i = 0; i < 5; i++) expect((await login(account, `guess-${i}x`)).status).toBe(401);
    const locked = await login(account, temporary);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('too_many_attempts');
    expect(locked.body.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.body.details.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(Number(locked.headers['retry-after'])).toBe(locked.body.details.retryAfterSeconds);
    expect(locked.body.messageRu).toMatch(/Слишком много попыток/);
    // other accounts are not affected
    expect((await login(pupils[0]!.accountNumber, 'wrong-one-1')).status).toBe(401);
  });

  it('locks a client address after 30 wrong passwords for any accounts', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < 30; i++) {
      const account = makeAccountNumber('24', 500_000 + i);
      expect((await login(account, 'guess-1234', ip)).status).toBe(401);
    }
    const locked = await login(pupils[1]!.accountNumber, 'whatever-1', ip);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('too_many_attempts');
    // the account itself was not charged for the address's refusal
    expect((await login(pupils[1]!.accountNumber, 'whatever-1')).status).toBe(401);
  });

  it('a parent reads their own account and statement; another account is refused by the ledger (403 forbidden_scope)', async () => {
    const token = await signIn(pupils[0]!.accountNumber);
    const own = await h.get(`/api/accounts/${pupils[0]!.accountNumber}`, token);
    expect(own.status).toBe(200);
    expect(own.body.balance).toBe(50_000);
    const statement = await h.get(
      `/api/accounts/${pupils[0]!.accountNumber}/statement?from=2024-01-01&to=2024-01-31&details=true`,
      token,
    );
    expect(statement.status).toBe(200);
    for (const url of [
      `/api/accounts/${pupils[1]!.accountNumber}`,
      `/api/accounts/${other.accountNumber}/statement?from=2024-01-01&to=2024-01-31`,
      `/api/accounts/${pupils[1]!.accountNumber}/statement?from=2024-01-01&to=2024-01-31&details=true`,
    ]) {
      const refused = await h.get(url, token);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('forbidden_scope');
    }
    // and nothing a parent's role does not allow
    expect((await h.get('/api/schools/24/accounts', token)).status).toBe(403);
    expect((await issue(pupils[0]!.accountNumber, token)).status).toBe(403);
    expect((await topUp(h, token, pupils[0]!.accountNumber, 100)).status).toBe(403);
  });

  it('GET /api/parent/me: pupil, school name from the read models, balance, email', async () => {
    const token = await signIn(pupils[0]!.accountNumber, 'morkov2025');
    const me = await h.get('/api/parent/me', token);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      accountNumber: pupils[0]!.accountNumber,
      fullName: 'Иванов Пётр',
      schoolId: '24',
      schoolName: 'Школа №24',
      className: '03Б',
      balance: 50_000,
      balanceText: '500,00 руб.',
      status: 'open',
      email: null,
      emailConfirmed: false,
    });
    expect((await h.get('/api/parent/me', admin)).status).toBe(403);
  });

  it('a parent session expires after 12 hours', async () => {
    const token = await signIn(pupils[3]!.accountNumber, 'morkov2028');
    const signedInAt = now;
    now = new Date(signedInAt.getTime() + 12 * HOUR_MS - 1000);
    expect((await h.get('/api/parent/me', token)).status).toBe(200);
    now = new Date(signedInAt.getTime() + 12 * HOUR_MS);
    expect((await h.get('/api/parent/me', token)).status).toBe(401);
    now = signedInAt;
  });

  it('logout revokes the token, also after a ledger restart', async () => {
    const token = await signIn(pupils[1]!.accountNumber);
    const staff = await h.staff('school_staff', { schoolId: '24' });
    expect((await h.request('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await h.get('/api/parent/me', token)).status).toBe(401);
    expect((await h.request('POST', '/api/auth/logout', { token: staff })).status).toBe(204);
    expect((await h.get(`/api/accounts/${pupils[1]!.accountNumber}`, staff)).status).toBe(401);
    const key = await h.request('POST', '/api/auth/logout', { token: tillA });
    expect(key.status).toBe(400);
    expect(key.body.code).toBe('not_a_session');

    const fresh = await signIn(pupils[1]!.accountNumber, 'morkov2030');
    const dir = h.dir;
    await h.close(true);
    h = await LedgerHarness.start({ clock: () => now, dir });
    expect((await h.get('/api/parent/me', token)).status).toBe(401);
    expect((await h.get('/api/parent/me', fresh)).status).toBe(200);
  });

  it('an email is confirmed by the link mailed to the outbox', async () => {
    const token = await signIn(pupils[2]!.accountNumber, 'morkov2026');
    const before = readOutbox(h.dir).length;
    const set = await h.request('PUT', '/api/parent/email', { token, body: { email: ' mama@example.org ' } });
    expect(set.status).toBe(202);
    expect(set.body).toEqual({ email: 'mama@example.org', emailConfirmed: false });
    const mails = readOutbox(h.dir);
    expect(mails).toHaveLength(before + 1);
    const mail = mails[mails.length - 1]!;
    expect(mail.to).toContain('mama@example.org');
    expect(mail.text).toContain('http://localhost:3001/email/confirm?token=');
    const confirmToken = linkToken(mail, '/email/confirm');

    const confirmed = await h.post('/api/auth/parent/email/confirm', { token: confirmToken });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ email: 'mama@example.org', emailConfirmed: true });
    expect((await h.get('/api/parent/me', token)).body).toMatchObject({
      email: 'mama@example.org',
      emailConfirmed: true,
    });
    const reused = await h.post('/api/auth/parent/email/confirm', { token: confirmToken });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('invalid_token');
  });

  it('recovery answers alike for any account and mails a reset link only to a confirmed email', async () => {
    const account = pupils[2]!.accountNumber; // confirmed in the test before
    const before = readOutbox(h.dir).length;
    const known = await h.request('POST', '/api/auth/parent/recover', {
      body: { accountNumber: account },
      remoteAddress: nextAddress(),
    });
    const noEmail = await h.request('POST', '/api/auth/parent/recover', {
      body: { accountNumber: pupils[3]!.accountNumber },
      remoteAddress: nextAddress(),
    });
    const unknown = await h.request('POST', '/api/auth/parent/recover', {
      body: { accountNumber: makeAccountNumber('24', 888_888) },
      remoteAddress: nextAddress(),
    });
    for (const reply of [known, noEmail, unknown]) {
      expect(reply.status).toBe(202);
      expect(reply.body).toEqual({});
    }
    const mails = await waitForOutbox(h.dir, before + 1);
    // the accounts without a confirmed email got nothing, also a while later
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readOutbox(h.dir)).toHaveLength(before + 1);
    expect(mails).toHaveLength(before + 1);
    const resetToken = linkToken(mails[mails.length - 1]!, '/password/reset');

    const weak = await h.post('/api/auth/parent/reset', { token: resetToken, newPassword: 'weak' });
    expect(weak.body.code).toBe('weak_password');
    const reset = await h.post('/api/auth/parent/reset', { token: resetToken, newPassword: 'svekla2024' });
    expect(reset.status).toBe(200);
    expect((await login(account, 'svekla2024')).body.mustChangePassword).toBe(false);
    expect((await login(account, 'morkov2026')).status).toBe(401);
    expect((await h.post('/api/auth/parent/reset', { token: resetToken, newPassword: 'svekla2025' })).status).toBe(400);
  });

  describe('hostile input is refused with a clear 400 and changes nothing', () => {
    const account = () => pupils[3]!.accountNumber;
    const cases: [string, () => unknown][] = [
      ['empty body', () => ({})],
      ['account number of the wrong type', () => ({ accountNumber: 242013138, password: 'x', acceptTerms: true })],
      [
        'account number with control characters',
        () => ({ accountNumber: `${account()}\u0000`, password: 'x', acceptTerms: true }),
      ],
      ['empty password', () => ({ accountNumber: account(), password: '', acceptTerms: true })],
      ['huge password', () => ({ accountNumber: account(), password: 'a1'.repeat(100_000), acceptTerms: true })],
      ['password of the wrong type', () => ({ accountNumber: account(), password: ['a'], acceptTerms: true })],
      ['terms as a string', () => ({ accountNumber: account(), password: 'x', acceptTerms: 'true' })],
      ['an extra field', () => ({ accountNumber: account(), password: 'x', acceptTerms: true, role: 'admin' })],
    ];
    it.each(cases)('login: %s', async (_name, body) => {
      const reply = await h.request('POST', '/api/auth/parent/login', { body: body(), remoteAddress: nextAddress() });
      expect(reply.status).toBe(400);
      expect(reply.body.messageRu).toEqual(expect.any(String));
      expect(reply.body.message).toEqual(expect.any(String));
    });

    it('email, password change, confirm and reset', async () => {
      const token = await signIn(pupils[4]!.accountNumber, 'morkov2027');
      for (const email of [
        '',
        'no-at-sign',
        '<script>alert(1)</script>@x.ru',
        `${'a'.repeat(300)}@x.ru`,
        'a@b.ru\r\nBcc: x@y.ru',
        42,
        null,
      ]) {
        const reply = await h.request('PUT', '/api/parent/email', { token, body: { email } });
        expect(reply.status).toBe(400);
      }
      expect((await h.get('/api/parent/me', token)).body.email).toBeNull();
      for (const body of [
        { currentPassword: 'morkov2027', newPassword: 'a1\u200bbcdefgh' },
        { currentPassword: 'morkov2027', newPassword: 'a1'.repeat(1000) },
        { currentPassword: 'morkov2027', newPassword: 12345678 },
        { currentPassword: 'morkov2027' },
      ]) {
        expect((await h.request('POST', '/api/auth/parent/password', { token, body })).status).toBe(400);
      }
      expect((await login(pupils[4]!.accountNumber, 'morkov2027')).status).toBe(200);
      for (const token of ['', 'x'.repeat(10_000), '../../etc/passwd', 'A'.repeat(43)]) {
        expect((await h.post('/api/auth/parent/email/confirm', { token })).status).toBe(400);
        expect((await h.post('/api/auth/parent/reset', { token, newPassword: 'svekla2024' })).status).toBe(400);
      }
      expect((await h.post('/api/auth/parent/recover', { accountNumber: 'DROP TABLE' })).status).toBe(400);
    });
  });
});
