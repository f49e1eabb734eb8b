import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LOW_BALANCE_CHECKPOINT, LowBalanceReactor } from '../src/low-balance-alerts/low-balance-reactor.js';
import { LedgerHarness } from './support/ledger-harness.js';
import {
  activate,
  checkNo,
  confirmParentEmail,
  enrol,
  parentToken,
  sale,
  topUp,
  type Pupil,
} from './support/fixtures.js';
import { readOutbox } from './support/outbox.js';
import type { Mailer } from '../src/mail/mailer.js';

/** Waits until the reactor has handled everything in the log, then reads the alert mails. */
async function alertsAfterCatchUp(h: LedgerHarness) {
  const head = await h.headPosition();
  if (head !== null) await h.app.get(LowBalanceReactor).whenProcessed(head);
  return readOutbox(h.dir).filter((mail) => mail.file.startsWith('low-balance-'));
}

describe('low-balance alert by email', () => {
  let h: LedgerHarness;
  let admin: string;
  let bank: string;
  let till: string;
  let pupil: Pupil;
  let parent: string;
  let check = 0;

  const setThreshold = (threshold: unknown, token = parent) =>
    h.request('PUT', '/api/parent/low-balance-alert', { token, body: { threshold } });
  const sell = async (price: number) => {
    const reply = await h.post('/api/sales', sale(checkNo('24', ++check), pupil.cardUid, price), till);
    if (reply.status !== 201) throw new Error(reply.text);
    return reply.body.balance as number;
  };
  const correct = async (amount: number) => {
    const reply = await h.post(
      `/api/accounts/${pupil.accountNumber}/corrections`,
      { correctionId: `corr-${++check}`, amount, reason: 'Исправление ошибки кассира' },
      admin,
    );
    if (reply.status !== 201) throw new Error(reply.text);
    return reply.body.balance as number;
  };

  beforeAll(async () => {
    h = await LedgerHarness.start({ runLowBalanceAlerts: true });
    admin = await h.key('admin');
    bank = await h.key('bank');
    till = await h.key('till', { schoolId: '24', tillId: '24-01' });
    [pupil] = (await enrol(h, admin, '24', ['Петрова Анна'])) as [Pupil];
    await topUp(h, bank, pupil.accountNumber, 50_000);
    await activate(h, till, pupil.cardUid);
    await h.settle();
    parent = await parentToken(h, admin, pupil.accountNumber);
  });
  afterAll(() => h.close());

  it('needs a confirmed email: refused with a Russian message, nothing stored', async () => {
    const refused = await setThreshold(30_000);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'email_not_confirmed', messageRu: expect.stringMatching(/почты/) });
    expect(await h.identityStore.findLowBalanceAlert(pupil.accountNumber)).toBeNull();
  });

  it('refuses hostile thresholds (400) and changes nothing', async () => {
    await confirmParentEmail(h, parent, pupil.accountNumber, 'mama@example.org');
    for (const bad of [-1, 1.5, '300', 1_000_001, null, 1e300, '<b>1</b>'])
      expect((await setThreshold(bad)).status).toBe(400);
    expect((await h.request('PUT', '/api/parent/low-balance-alert', { token: parent, body: {} })).status).toBe(400);
    expect(
      (await h.request('PUT', '/api/parent/low-balance-alert', { token: parent, body: { threshold: 100, x: 1 } }))
        .status,
    ).toBe(400);
    expect(await h.identityStore.findLowBalanceAlert(pupil.accountNumber)).toBeNull();
    expect((await setThreshold(30_000, admin)).status).toBe(403);
  });

  it('a threshold of 300 руб. at a balance of 500 руб. is armed', async () => {
    const reply = await setThreshold(30_000);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ threshold: 30_000, thresholdText: '300,00 руб.', active: true, armed: true });
    expect((await h.get('/api/parent/low-balance-alert', parent)).body).toEqual(reply.body);
  });

  it('a sale that leaves less than the threshold mails once, in Russian, with the balance, threshold and top-up link', async () => {
    expect(await sell(25_000)).toBe(25_000);
    const mails = await alertsAfterCatchUp(h);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe('mama@example.org');
    expect(mails[0]!.text).toContain('Баланс: 250,00 руб.');
    expect(mails[0]!.text).toContain('Порог: 300,00 руб.');
    expect(mails[0]!.text).toContain('http://localhost:3001/top-up');
    expect(mails[0]!.text).toContain('Петрова Анна');
    expect((await h.get('/api/parent/low-balance-alert', parent)).body.armed).toBe(false);
  });

  it('another sale below the threshold mails nothing', async () => {
    await sell(1_000);
    expect(await alertsAfterCatchUp(h)).toHaveLength(1);
  });

  it('a top-up back above the threshold re-arms it; a correction debiting below mails the second alert', async () => {
    await topUp(h, bank, pupil.accountNumber, 20_000); // 44 000
    expect(await alertsAfterCatchUp(h)).toHaveLength(1);
    expect(await correct(-20_000)).toBe(24_000);
    const mails = await alertsAfterCatchUp(h);
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.text).join('\n')).toContain('Баланс: 240,00 руб.');
  });

  it('a restart mails nothing again, even replaying from the start after a crash before anything was recorded', async () => {
    const dir = h.dir;
    const before = (await alertsAfterCatchUp(h)).map((mail) => mail.file);
    await h.close(true);
    h = await LedgerHarness.start({ dir, runLowBalanceAlerts: true });
    expect(await alertsAfterCatchUp(h)).toHaveLength(2);
    // as if the process died right after mailing: no checkpoint, no record of the mails, the
    // alert's progress back at the threshold's start (balance 500 руб.)
    await h.close(true);
    const db = new Database(join(dir, 'identity.db'));
    db.prepare('DELETE FROM checkpoints WHERE name = ?').run(LOW_BALANCE_CHECKPOINT);
    db.prepare('DELETE FROM sent_alerts').run();
    db.prepare("UPDATE low_balance_alerts SET armed = 1, balance = 50000, revision = '3'").run();
    db.close();
    h = await LedgerHarness.start({ dir, runLowBalanceAlerts: true });
    const after = await alertsAfterCatchUp(h);
    expect(after.map((mail) => mail.file)).toEqual(before);
    // the replay did mail both again (recorded anew), and the outbox kept one file per alert
    for (const file of before) expect(await h.identityStore.isAlertSent(file.replace(/\.eml$/, ''))).toBe(true);
    parent = (
      await h.post('/api/auth/parent/login', {
        accountNumber: pupil.accountNumber,
        password: 'morkov2024',
        acceptTerms: true,
      })
    ).body.token;
    expect((await h.get('/api/parent/low-balance-alert', parent)).body).toMatchObject({ armed: false });
  });

  it('0 turns the alert off: no mail for the next crossing', async () => {
    await topUp(h, bank, pupil.accountNumber, 50_000);
    expect((await setThreshold(0)).body).toEqual({
      threshold: 0,
      thresholdText: '0,00 руб.',
      active: false,
      armed: false,
    });
    await correct(-60_000);
    expect(await alertsAfterCatchUp(h)).toHaveLength(2);
  });

  it('the stream is read again when the counted revision has a gap (the threshold set while events were counted)', async () => {
    await topUp(h, bank, pupil.accountNumber, 50_000);
    expect((await setThreshold(30_000)).body.armed).toBe(true);
    const record = (await h.identityStore.findLowBalanceAlert(pupil.accountNumber))!;
    // as if the parent's save had raced an event: an older revision with a balance that is no longer true
    await h.identityStore.saveLowBalanceAlert({
      ...record,
      revision: (BigInt(record.revision) - 2n).toString(),
      balance: 1_000_000,
      version: record.version + 1,
    });
    const balance = await correct(-record.balance + 10_000);
    expect(balance).toBe(10_000);
    const mails = await alertsAfterCatchUp(h);
    expect(mails).toHaveLength(3);
    expect(mails.map((mail) => mail.text).join('\n')).toContain('Баланс: 100,00 руб.');
    expect(await h.identityStore.findLowBalanceAlert(pupil.accountNumber)).toMatchObject({
      balance: 10_000,
      armed: false,
    });
  });
});

describe('low-balance alert when the mail cannot be sent', () => {
  it('keeps the alert and mails it once the mailer works again (nothing lost, nothing twice)', async () => {
    let failures = 1;
    const sent: string[] = [];
    const mailer: Mailer = {
      async send(mail) {
        if (mail.idempotencyKey && failures-- > 0) throw new Error('smtp down');
        sent.push(mail.idempotencyKey ?? mail.subject);
      },
    };
    const h = await LedgerHarness.start({ runLowBalanceAlerts: true, mailer });
    try {
      const admin = await h.key('admin');
      const till = await h.key('till', { schoolId: '24', tillId: '24-01' });
      const [pupil] = (await enrol(h, admin, '24', ['Орлов Дмитрий'])) as [Pupil];
      await topUp(h, await h.key('bank'), pupil.accountNumber, 50_000);
      await activate(h, till, pupil.cardUid);
      await h.settle();
      const parent = await parentToken(h, admin, pupil.accountNumber);
      await h.request('PUT', '/api/parent/email', { token: parent, body: { email: 'papa@example.org' } });
      // the confirmation went through this mailer, not the outbox: confirm in the store
      const credentials = (await h.identityStore.findCabinetCredentials(pupil.accountNumber))!;
      await h.identityStore.saveCabinetCredentials({ ...credentials, emailConfirmed: true });
      const set = await h.request('PUT', '/api/parent/low-balance-alert', {
        token: parent,
        body: { threshold: 30_000 },
      });
      expect(set.status).toBe(200);
      await h.post('/api/sales', sale(checkNo('24', 1), pupil.cardUid, 25_000), till);
      const head = (await h.headPosition())!;
      await h.app.get(LowBalanceReactor).whenProcessed(head);
      expect(failures).toBe(-1);
      expect(sent.filter((key) => key.startsWith('low-balance-'))).toEqual([
        `low-balance-${pupil.accountNumber}-${head.toString()}`,
      ]);
    } finally {
      await h.close();
    }
  }, 30_000);
});
