import { makeAccountNumber } from '@meals/domain';
import { LedgerHarness } from './support/ledger-harness.js';
import { confirmParentEmail, enrol, parentToken, topUp, type Pupil } from './support/fixtures.js';

describe("the cabinet's family view: one confirmed email, several accounts", () => {
  let h: LedgerHarness;
  let admin: string;
  let anna: Pupil;
  let ilya: Pupil;
  let oleg: Pupil;
  let annaToken: string;
  let ilyaToken: string;
  let olegToken: string;

  const family = (token: string) => h.get('/api/parent/family', token);
  const switchTo = (token: string, accountNumber: unknown) =>
    h.request('POST', '/api/parent/family/switch', { token, body: { accountNumber } });

  beforeAll(async () => {
    h = await LedgerHarness.start();
    admin = await h.key('admin');
    [anna] = await enrol(h, admin, '24', ['Петрова Анна'], '03Б');
    [ilya] = await enrol(h, admin, '25', ['Петров Илья'], '07А');
    [oleg] = await enrol(h, admin, '25', ['Смирнов Олег'], '07А');
    await topUp(h, await h.key('bank'), ilya!.accountNumber, 12_345);
    await h.settle();
    annaToken = await parentToken(h, admin, anna!.accountNumber);
    ilyaToken = await parentToken(h, admin, ilya!.accountNumber);
    olegToken = await parentToken(h, admin, oleg!.accountNumber);
    await confirmParentEmail(h, annaToken, anna!.accountNumber, 'mama@example.org');
    // the same address in other letters is the same mailbox
    await confirmParentEmail(h, ilyaToken, ilya!.accountNumber, 'Mama@Example.org');
    await confirmParentEmail(h, olegToken, oleg!.accountNumber, 'papa-olega@example.org');
  });
  afterAll(() => h.close());

  it('lists this account and the others that confirmed the same email: names, classes, schools, balances', async () => {
    const reply = await family(annaToken);
    expect(reply.status).toBe(200);
    expect(reply.body.members).toEqual([
      {
        accountNumber: anna!.accountNumber,
        fullName: 'Петрова Анна',
        className: '03Б',
        schoolName: 'Школа №24',
        balance: 0,
        balanceText: '0,00 руб.',
        status: 'open',
        current: true,
      },
      expect.objectContaining({ accountNumber: ilya!.accountNumber, fullName: 'Петров Илья', className: '07А' }),
    ]);
    expect(reply.body.members[1]).toMatchObject({ balance: 12_345, current: false });
    expect((await family(olegToken)).body.members.map((m: { accountNumber: string }) => m.accountNumber)).toEqual([
      oleg!.accountNumber,
    ]);
  });

  it('switches to a child of the family without a password: a session of that account, the old one ended', async () => {
    const reply = await switchTo(annaToken, ilya!.accountNumber);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      token: expect.any(String),
      expiresAt: expect.any(String),
      accountNumber: ilya!.accountNumber,
      mustChangePassword: false,
    });
    const me = await h.get('/api/parent/me', reply.body.token);
    expect(me.body).toMatchObject({ accountNumber: ilya!.accountNumber, fullName: 'Петров Илья' });
    expect((await h.get('/api/parent/me', annaToken)).status).toBe(401);
    // the new session sees its own account only, and can switch back
    expect((await h.get(`/api/accounts/${anna!.accountNumber}`, reply.body.token)).status).toBe(403);
    const back = await switchTo(reply.body.token, anna!.accountNumber);
    expect(back.status).toBe(200);
    annaToken = back.body.token;
    expect(await h.identityStore.listAccessAudit(ilya!.accountNumber)).toContainEqual(
      expect.objectContaining({ action: 'family_switched', actor: `parent:${anna!.accountNumber}` }),
    );
  });

  it('refuses an unrelated account and an unknown one alike (403), and bad input (400); nothing changes', async () => {
    for (const target of [oleg!.accountNumber, makeAccountNumber('24', 999_999)]) {
      const refused = await switchTo(annaToken, target);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'not_in_family', messageRu: expect.stringMatching(/почт/) });
    }
    for (const bad of ['12345', '<script>', 42, null, '0'.repeat(10_000)])
      expect((await switchTo(annaToken, bad)).status).toBe(400);
    expect((await h.get('/api/parent/me', annaToken)).body.accountNumber).toBe(anna!.accountNumber);
  });

  it('refuses a session of a temporary password, staff and anonymous callers', async () => {
    const issued = await h.post(`/api/accounts/${ilya!.accountNumber}/temporary-password`, {}, admin);
    const login = await h.post('/api/auth/parent/login', {
      accountNumber: ilya!.accountNumber,
      password: issued.body.temporaryPassword,
      acceptTerms: true,
    });
    expect(login.body.mustChangePassword).toBe(true);
    const refused = await switchTo(login.body.token, anna!.accountNumber);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('password_change_required');
    expect((await family(login.body.token)).status).toBe(403);
    expect((await switchTo(admin, anna!.accountNumber)).status).toBe(403);
    expect(
      (await h.request('POST', '/api/parent/family/switch', { body: { accountNumber: anna!.accountNumber } })).status,
    ).toBe(401);
  });

  it('an email changed (so unconfirmed) takes the account out of the family at once', async () => {
    const ilyaSession = (await switchTo(annaToken, ilya!.accountNumber)).body.token as string;
    const changed = await h.request('PUT', '/api/parent/email', {
      token: ilyaSession,
      body: { email: 'new@example.org' },
    });
    expect(changed.status).toBe(202);
    const annaAgain = (await switchTo(ilyaSession, anna!.accountNumber)).status;
    expect(annaAgain).toBe(403);
    const annaLogin = await h.post('/api/auth/parent/login', {
      accountNumber: anna!.accountNumber,
      password: 'morkov2024',
      acceptTerms: true,
    });
    expect((await family(annaLogin.body.token)).body.members).toHaveLength(1);
    const refused = await switchTo(annaLogin.body.token, ilya!.accountNumber);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('not_in_family');
  });
});
