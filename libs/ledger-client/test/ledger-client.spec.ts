/** The typed client against a real ledger (the test harness listening on a local port). */
import { isReady, waitForHealth } from '@meals/launcher';
import { LedgerApiError, LedgerClient } from '@meals/ledger-client';
import { LedgerHarness } from '../../../apps/ledger/test/support/ledger-harness.js';
import { checkNo, csvOf, sale } from '../../../apps/ledger/test/support/fixtures.js';
import { linkToken, readOutbox, waitForOutbox } from '../../../apps/ledger/test/support/outbox.js';

describe('LedgerClient', () => {
  let h: LedgerHarness;
  let baseUrl: string;
  let admin: LedgerClient;
  let bank: LedgerClient;
  let till: LedgerClient;

  beforeAll(async () => {
    h = await LedgerHarness.start();
    await h.app.listen(0, '127.0.0.1');
    baseUrl = await h.app.getUrl();
    const anonymous = new LedgerClient({ baseUrl });
    admin = anonymous.withToken(await h.key('admin'));
    bank = anonymous.withToken(await h.key('bank'));
    till = anonymous.withToken(await h.key('till', { schoolId: '24', tillId: '24-01' }));
  });
  afterAll(() => h.close());

  it('waits for a healthy ledger and reads its health', async () => {
    await waitForHealth(baseUrl, isReady, 5_000);
    const health = await new LedgerClient({ baseUrl }).health();
    expect(health.healthy).toBe(true);
    expect(health.report.status).toBe('ok');
  });

  it('runs the flows of a school, a bank and a till, typed end to end', async () => {
    const school = await admin.registerSchool({ schoolId: '24', name: 'Школа №24', departmentId: 'uo-1' });
    expect(school.status).toBe('recorded');
    const imported = await admin.importPupils('24', {
      body: csvOf('24', [['03Б', 'Клиентов Кирилл']]),
      contentType: 'text/csv',
    });
    expect(imported.created).toBe(1);
    const pupil = imported.accounts[0]!;

    const activated = await till.activateCard(pupil.cardUid);
    expect(activated).toMatchObject({ accountNumber: pupil.accountNumber, status: 'recorded', cardStatus: 'active' });

    const topUp = {
      paymentId: 'client-1',
      accountNumber: pupil.accountNumber,
      channel: 'bank_online',
      amount: 10_000,
      paidAt: '2024-01-18T09:30:00+03:00',
    } as const;
    expect(await bank.recordTopUp(topUp)).toEqual({
      status: 'recorded',
      position: expect.stringMatching(/^\d+$/),
      accountNumber: pupil.accountNumber,
      balance: 10_000,
    });
    expect((await bank.recordTopUp(topUp)).status).toBe('duplicate');

    const payment = await admin.createPayment({ accountNumber: pupil.accountNumber, amount: 5_000 });
    expect(payment).toMatchObject({ status: 'recorded', orderStatus: 'registered', amount: 5_000 });
    expect(payment.formUrl).toContain(`/sandbox-gateway/pay/${payment.orderId}`);
    expect(await admin.payment(payment.orderId)).toEqual({
      orderId: payment.orderId,
      accountNumber: pupil.accountNumber,
      amount: 5_000,
      orderStatus: 'registered',
      paidAt: null,
      balance: 10_000,
    });

    const sold = await till.recordSale(sale(checkNo('24', 1), pupil.cardUid, 3450));
    expect(sold).toMatchObject({ status: 'recorded', total: 3450, balance: 6550 });

    const corrected = await admin.recordCorrection(pupil.accountNumber, {
      correctionId: 'fix-1',
      amount: 50,
      reason: 'Сдача',
    });
    expect(corrected.balance).toBe(6600);

    await h.settle();
    expect((await admin.account(pupil.accountNumber)).balance).toBe(6600);
    const statement = await admin.statement(pupil.accountNumber, {
      from: '2024-01-01',
      to: '2024-01-31',
      details: true,
    });
    expect(statement.closingBalance).toBe(6550);
    expect(statement.lines.find((line) => line.checkNumber === checkNo('24', 1))?.items?.[0]?.name).toBe('Пицца 125 г');
    const totals = await admin.dayTotals('24', { from: '2024-01-18', to: '2024-01-18' });
    expect(totals.total).toMatchObject({ salesCount: 1, salesTotal: 3450, topUpsCount: 1, topUpsTotal: 10_000 });
    const listed = await admin.schoolAccounts('24', { className: '3Б' });
    expect(listed.accounts.map((account) => account.accountNumber)).toEqual([pupil.accountNumber]);

    expect((await admin.moveAccount(pupil.accountNumber, { toSchoolId: '24', toClassName: '04Б' })).status).toBe(
      'recorded',
    );
    expect((await admin.blockCard(pupil.accountNumber, { cardUid: pupil.cardUid, reason: 'lost' })).cardStatus).toBe(
      'blocked',
    );
    const reissued = await admin.reissueCard(pupil.accountNumber);
    expect(reissued.replacesCardUid).toBe(pupil.cardUid);
    const closed = await admin.closeAccount(pupil.accountNumber, { reason: 'Выбыл', settlement: { kind: 'refund' } });
    expect(closed.settlement).toEqual({ kind: 'refund', amount: 6600 });
  });

  it("runs the till's calls: buffet, card lookup, «Детализация», offline sale, refusal report, temporary password", async () => {
    await admin.registerSchool({ schoolId: '24', name: 'Школа №24', departmentId: 'uo-1' });
    const imported = await admin.importPupils('24', {
      body: csvOf('24', [['04А', 'Кассова Катя']]),
      contentType: 'text/csv',
    });
    const pupil = imported.accounts[0]!;

    const added = await admin.addBuffetItem('24', {
      itemId: 'tea',
      name: 'Чай с сахаром 200 мл',
      price: 265,
      category: 'Напитки',
    });
    expect(added).toMatchObject({ status: 'recorded', item: { itemId: 'tea', active: true, favourite: false } });
    const changed = await admin.changeBuffetItem('24', 'tea', {
      name: 'Чай с сахаром 200 мл',
      price: 300,
      category: 'Напитки',
      active: true,
      favourite: true,
    });
    expect(changed.item).toMatchObject({ price: 300, favourite: true });
    const assortment = await till.buffetAssortment('24');
    expect(assortment.items.find((item) => item.itemId === 'tea')).toMatchObject({ price: 300, favourite: true });

    expect(await till.lookupCard(pupil.cardUid)).toMatchObject({
      accountNumber: pupil.accountNumber,
      fullName: 'Кассова Катя',
      className: '04А',
      cardStatus: 'issued',
      blockReason: null,
      balance: 0,
    });
    await till.activateCard(pupil.cardUid);
    const offline = await till.recordSale({
      checkNumber: checkNo('24', 77),
      cardUid: pupil.cardUid,
      items: [{ name: 'Чай с сахаром 200 мл', qty: 2, price: 300 }],
      soldAt: '2024-01-18T12:00:00+03:00',
      offline: true,
    });
    expect(offline).toMatchObject({ status: 'recorded', balance: -600 });
    const recent = await till.recentOperations(pupil.cardUid, 5);
    expect(recent.lines).toEqual([expect.objectContaining({ checkNumber: '24-000077', debit: 600 })]);
    expect(recent.lines[0]!.items).toEqual([{ name: 'Чай с сахаром 200 мл', qty: 2, price: 300, amount: 600 }]);

    const refusal = {
      checkNumber: checkNo('24', 78),
      cardUid: pupil.cardUid,
      accountNumber: pupil.accountNumber,
      items: [{ name: 'Чай с сахаром 200 мл', qty: 200, price: 300 }],
      total: 60_000,
      soldAt: '2024-01-18T12:01:00+03:00',
      refusalCode: 'insufficient_funds',
      refusalMessage: 'Недостаточно средств на лицевом счёте',
    };
    expect(await till.reportTillRefusal('24', refusal)).toMatchObject({ status: 'recorded', checkNumber: '24-000078' });
    expect((await till.reportTillRefusal('24', refusal)).status).toBe('duplicate');
    const refusals = await admin.tillRefusals('24', 10);
    expect(refusals.refusals.map((r) => r.checkNumber)).toEqual(['24-000078']);

    const password = await till.issueTemporaryPassword(pupil.accountNumber);
    expect(password.temporaryPassword.length).toBeGreaterThan(5);

    const unknown = await till.lookupCard('NOSUCHCARD').catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(LedgerApiError);
    expect(unknown).toMatchObject({ statusCode: 404, code: 'unknown_card' });
  });

  it('throws an error answer as a LedgerApiError with its code and Russian message', async () => {
    const refused = await till.recordSale(sale(checkNo('24', 2), 'NO-SUCH-CARD')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LedgerApiError);
    expect(refused).toMatchObject({
      statusCode: 404,
      code: 'unknown_card',
      messageRu: expect.stringMatching(/[А-Яа-я]/),
    });

    const invalid = await bank
      .recordTopUp({ paymentId: 'x', accountNumber: '12', channel: 'bank_online', amount: 1, paidAt: 'now' })
      .catch((error: unknown) => error as LedgerApiError);
    expect(invalid).toMatchObject({ statusCode: 400, code: 'validation_failed' });
    expect((invalid as LedgerApiError).details['issues']).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'paidAt' })]),
    );

    const unauthenticated = await new LedgerClient({ baseUrl }).account('0242013138').catch((error: unknown) => error);
    expect(unauthenticated).toMatchObject({ statusCode: 401 });
  });

  it('logs staff in', async () => {
    await h.identity.createUser(
      { username: 'client-user', password: 'correct horse battery', role: 'admin' },
      new Date(),
    );
    const client = new LedgerClient({ baseUrl });
    const { token } = await client.login({ username: 'client-user', password: 'correct horse battery' });
    expect(
      (await client.withToken(token).registerSchool({ schoolId: '25', name: 'Школа №25', departmentId: 'uo-1' }))
        .status,
    ).toBe('recorded');
    await expect(client.login({ username: 'client-user', password: 'wrong' })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
  });

  it("runs the parents' cabinet: temporary password, forced change, profile, email, recovery, logout", async () => {
    await admin.registerSchool({ schoolId: '26', name: 'Школа №26', departmentId: 'uo-1' });
    const [pupil] = (
      await admin.importPupils('26', { body: csvOf('26', [['2А', 'Орлова Вера']]), contentType: 'text/csv' })
    ).accounts;
    const accountNumber = pupil!.accountNumber;
    const issued = await admin.issueTemporaryPassword(accountNumber);
    const anonymous = new LedgerClient({ baseUrl });
    const restricted = await anonymous.parentLogin({
      accountNumber,
      password: issued.temporaryPassword,
      acceptTerms: true,
    });
    expect(restricted.mustChangePassword).toBe(true);
    await expect(anonymous.withToken(restricted.token).parentProfile()).rejects.toMatchObject({
      code: 'password_change_required',
    });
    const session = await anonymous
      .withToken(restricted.token)
      .changeParentPassword({ currentPassword: issued.temporaryPassword, newPassword: 'kapusta2024' });
    const parent = anonymous.withToken(session.token);
    await h.settle();
    expect(await parent.parentProfile()).toMatchObject({ accountNumber, schoolName: 'Школа №26', email: null });

    expect(await parent.setParentEmail({ email: 'papa@example.org' })).toEqual({
      email: 'papa@example.org',
      emailConfirmed: false,
    });
    const confirm = linkToken(readOutbox(h.dir).at(-1)!, '/email/confirm');
    expect(await anonymous.confirmParentEmail({ token: confirm })).toEqual({
      email: 'papa@example.org',
      emailConfirmed: true,
    });
    const sent = readOutbox(h.dir).length;
    await anonymous.recoverParentPassword({ accountNumber });
    const reset = linkToken((await waitForOutbox(h.dir, sent + 1)).at(-1)!, '/password/reset');
    await anonymous.resetParentPassword({ token: reset, newPassword: 'kartofel2024' });
    expect(
      (await anonymous.parentLogin({ accountNumber, password: 'kartofel2024', acceptTerms: true })).accountNumber,
    ).toBe(accountNumber);

    await parent.logout();
    await expect(parent.parentProfile()).rejects.toMatchObject({ statusCode: 401 });
  });
});
