import ExcelJS from 'exceljs';
import {
  accountStreamId,
  decideSchool,
  evolveSchool,
  initialSchoolState,
  schoolStreamId,
  type SchoolEvent,
} from '@meals/domain';
import { LedgerHarness } from './support/ledger-harness.js';
import {
  activate,
  checkNo,
  csvOf,
  enrol,
  importCsv,
  registerSchool,
  sale,
  topUp,
  type Pupil,
} from './support/fixtures.js';

/** a log position as a command answers it: a decimal string */
const POSITION = expect.stringMatching(/^\d+$/);

describe('ledger flows end to end', () => {
  let h: LedgerHarness;
  let admin: string;
  let bank: string;
  let till24: string;

  beforeAll(async () => {
    h = await LedgerHarness.start();
    admin = await h.key('admin');
    bank = await h.key('bank');
    till24 = await h.key('till', { schoolId: '24', tillId: '24-01' });
  });
  afterAll(() => h.close());

  it('imports pupils, tops up, sells with items, and answers with the balance after the sale', async () => {
    const [pupil] = await enrol(h, admin, '24', ['Иванова Алёна Петровна']);
    expect(pupil).toMatchObject({ fullName: 'Иванова Алёна Петровна', className: '03Б', created: true });
    expect(pupil!.accountNumber).toMatch(/^024\d{7}$/);

    const top = await topUp(h, bank, pupil!.accountNumber, 50_000, 'flow-pay-1');
    expect(top.status).toBe(201);
    expect(top.body).toEqual({
      status: 'recorded',
      position: POSITION,
      accountNumber: pupil!.accountNumber,
      balance: 50_000,
    });

    await activate(h, till24, pupil!.cardUid);
    const sold = await h.post('/api/sales', sale(checkNo('24', 1), pupil!.cardUid, 3450), till24);
    expect(sold.status).toBe(201);
    expect(sold.body).toEqual({
      status: 'recorded',
      position: POSITION,
      checkNumber: '24-000001',
      accountNumber: pupil!.accountNumber,
      total: 3450,
      balance: 46_550,
    });
    expect(BigInt(sold.body.position)).toBeGreaterThan(BigInt(top.body.position));
    expect(BigInt(sold.body.position)).toBe(await h.headPosition());

    await h.settle();
    const profile = await h.get(`/api/accounts/${pupil!.accountNumber}`, admin);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({
      accountNumber: pupil!.accountNumber,
      fullName: 'Иванова Алёна Петровна',
      schoolId: '24',
      className: '03Б',
      balance: 46_550,
      balanceText: '465,50 руб.',
      cardUid: pupil!.cardUid,
      cardStatus: 'active',
      status: 'open',
    });
  });

  it('records a sale once however often the till retries it, and refuses other content under the same number', async () => {
    const [pupil] = await enrol(h, admin, '24', ['Петров Пётр']);
    await topUp(h, bank, pupil!.accountNumber, 10_000);
    await activate(h, till24, pupil!.cardUid);
    const check = sale(checkNo('24', 2), pupil!.cardUid, 1000);
    const first = await h.post('/api/sales', check, till24);
    const again = await h.post('/api/sales', check, till24);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, status: 'duplicate', position: null });
    expect(again.body.balance).toBe(9_000);

    const different = await h.post(
      '/api/sales',
      { ...check, items: [{ name: 'Компот', qty: 2, price: 1000 }] },
      till24,
    );
    expect(different.status).toBe(409);
    expect(different.body.code).toBe('check_conflict');
  });

  it('refuses a sale beyond the balance with 409 and the balance and total', async () => {
    const [pupil] = await enrol(h, admin, '24', ['Сидорова Мария']);
    await topUp(h, bank, pupil!.accountNumber, 1_000);
    await activate(h, till24, pupil!.cardUid);
    const refused = await h.post('/api/sales', sale(checkNo('24', 3), pupil!.cardUid, 1_001), till24);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      statusCode: 409,
      code: 'insufficient_funds',
      details: { balance: 1_000, total: 1_001 },
    });
    expect(refused.body.messageRu).toMatch(/Недостаточно средств/);
  });

  it('records a bank payment once per payment id', async () => {
    const [pupil] = await enrol(h, admin, '24', ['Кузнецов Иван']);
    const first = await topUp(h, bank, pupil!.accountNumber, 2_500, 'dup-pay');
    const again = await topUp(h, bank, pupil!.accountNumber, 2_500, 'dup-pay');
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      status: 'duplicate',
      position: null,
      accountNumber: pupil!.accountNumber,
      balance: 2_500,
    });

    const otherAmount = await topUp(h, bank, pupil!.accountNumber, 9_999, 'dup-pay');
    expect(otherAmount.status).toBe(409);
    expect(otherAmount.body.code).toBe('payment_conflict');

    const [sibling] = await enrol(h, admin, '24', ['Кузнецова Анна']);
    const otherAccount = await topUp(h, bank, sibling!.accountNumber, 2_500, 'dup-pay');
    expect(otherAccount.status).toBe(409);
    expect(otherAccount.body.code).toBe('idempotency_conflict');
  });

  describe('pupil import', () => {
    it('reads `;`-separated CSV with a BOM, and a re-import changes nothing', async () => {
      await registerSchool(h, admin, '31');
      const csv =
        '\uFEFF' +
        csvOf(
          '31',
          [
            ['1а', 'Смирнов Олег'],
            ['01А', 'Смирнова Ольга'],
            ['1A', 'Смирнов   Олег'],
          ],
          ';',
        );
      const first = await importCsv(h, admin, '31', csv);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ status: 'recorded', position: POSITION, created: 2, existing: 0 });
      expect(first.body.accounts.map((a: Pupil) => [a.className, a.fullName])).toEqual([
        ['01А', 'Смирнов Олег'],
        ['01А', 'Смирнова Ольга'],
      ]);
      const events = await h.eventCount();
      const again = await importCsv(h, admin, '31', csv);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ status: 'duplicate', position: null, created: 0, existing: 2 });
      expect(again.body.accounts).toEqual(first.body.accounts.map((a: Pupil) => ({ ...a, created: false })));
      expect(await h.eventCount()).toBe(events);
    });

    it('reads XLSX with the same columns', async () => {
      await registerSchool(h, admin, '32');
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Список');
      sheet.addRow(['school', 'class', 'full_name']);
      sheet.addRow([32, '5В', 'Морозов Денис']);
      sheet.addRow([]);
      sheet.addRow(['32', '05в', 'Морозова Дарья']);
      const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
      const reply = await h.request('POST', '/api/schools/32/pupils/import', {
        token: admin,
        payload: xlsx,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      expect(reply.status).toBe(201);
      expect(reply.body.created).toBe(2);
      expect(reply.body.accounts.map((a: Pupil) => a.className)).toEqual(['05В', '05В']);
      for (const account of reply.body.accounts as Pupil[]) {
        expect(await h.eventStore.readStream(accountStreamId(account.accountNumber))).toHaveLength(2);
      }
    });

    it('completes an import that stopped after the enrolment, before the accounts were opened', async () => {
      await registerSchool(h, admin, '33');
      // What a crash leaves behind: the school enrolled the pupils, no account stream exists.
      const stream = schoolStreamId('33');
      const recorded = await h.eventStore.readStream(stream);
      const state = recorded.reduce(
        (s, e) => evolveSchool(s, { type: e.type, data: e.data } as unknown as SchoolEvent),
        initialSchoolState,
      );
      const [enrolled] = decideSchool(
        {
          type: 'EnrollPupils',
          schoolId: '33',
          rows: [{ fullName: 'Волков Артём', className: '2Г' }],
          newCardUids: ['CRASHCARD01'],
        },
        state,
      );
      await h.eventStore.append(
        stream,
        [{ id: crypto.randomUUID(), type: enrolled!.type, data: enrolled!.data as never, metadata: {} }],
        {
          expectedRevision: recorded.at(-1)!.revision,
        },
      );

      const reply = await importCsv(h, admin, '33', csvOf('33', [['2Г', 'Волков Артём']]));
      expect(reply.status).toBe(201);
      // the import recorded the missing account: 'recorded', though no pupil is new
      expect(reply.body).toMatchObject({
        status: 'recorded',
        created: 0,
        existing: 1,
        accounts: [{ cardUid: 'CRASHCARD01', created: false }],
      });
      const account = await h.eventStore.readStream(accountStreamId(reply.body.accounts[0].accountNumber));
      expect(account.map((e) => e.type)).toEqual(['account.opened.v1', 'card.issued.v1']);
    });
  });

  describe('card life', () => {
    let pupil: Pupil;
    beforeAll(async () => {
      [pupil] = (await enrol(h, admin, '24', ['Карточкин Семён'])) as [Pupil];
      await topUp(h, bank, pupil.accountNumber, 20_000);
    });

    it('refuses a card that has not been activated yet', async () => {
      const reply = await h.post('/api/sales', sale(checkNo('24', 100), pupil.cardUid, 100), till24);
      expect(reply.status).toBe(409);
      expect(reply.body.code).toBe('card_not_active');
    });

    it('refuses a blocked card at the till; a re-issued card keeps the money', async () => {
      await activate(h, till24, pupil.cardUid);
      expect((await h.post('/api/sales', sale(checkNo('24', 101), pupil.cardUid, 1_000), till24)).status).toBe(201);

      const blocked = await h.post(
        `/api/accounts/${pupil.accountNumber}/cards/block`,
        { cardUid: pupil.cardUid, reason: 'lost' },
        admin,
      );
      expect(blocked.status).toBe(201);
      expect(blocked.body).toEqual({
        status: 'recorded',
        position: POSITION,
        accountNumber: pupil.accountNumber,
        cardUid: pupil.cardUid,
        cardStatus: 'blocked',
      });
      const blockedAgain = await h.post(
        `/api/accounts/${pupil.accountNumber}/cards/block`,
        { cardUid: pupil.cardUid, reason: 'lost' },
        admin,
      );
      expect(blockedAgain.status).toBe(200);
      expect(blockedAgain.body).toEqual({ ...blocked.body, status: 'duplicate', position: null });

      const refused = await h.post('/api/sales', sale(checkNo('24', 102), pupil.cardUid, 1_000), till24);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('card_blocked');
      const reactivate = await h.request('POST', `/api/cards/${pupil.cardUid}/activate`, { token: till24 });
      expect(reactivate.status).toBe(409);

      const reissued = await h.request('POST', `/api/accounts/${pupil.accountNumber}/cards/reissue`, { token: admin });
      expect(reissued.status).toBe(201);
      expect(reissued.body).toMatchObject({ status: 'recorded', position: POSITION, replacesCardUid: pupil.cardUid });
      const newCard = reissued.body.cardUid as string;
      expect(newCard).not.toBe(pupil.cardUid);

      await activate(h, till24, newCard);
      const sold = await h.post('/api/sales', sale(checkNo('24', 103), newCard, 1_000), till24);
      expect(sold.status).toBe(201);
      expect(sold.body.balance).toBe(18_000);

      await h.settle();
      const profile = await h.get(`/api/accounts/${pupil.accountNumber}`, admin);
      expect(profile.body).toMatchObject({ balance: 18_000, cardUid: newCard, cardStatus: 'active' });
    });
  });

  it('answers every repeated command in one vocabulary: 201 recorded with a position, 200 duplicate without', async () => {
    const body = { schoolId: '35', name: 'Школа №35', departmentId: 'uo-1' };
    const registered = await h.post('/api/schools', body, admin);
    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({ status: 'recorded', position: POSITION, ...body });
    const registeredAgain = await h.post('/api/schools', body, admin);
    expect(registeredAgain.status).toBe(200);
    expect(registeredAgain.body).toEqual({ ...registered.body, status: 'duplicate', position: null });

    const [pupil] = await enrol(h, admin, '24', ['Повторов Роман']);
    const activated = await h.request('POST', `/api/cards/${pupil!.cardUid}/activate`, { token: till24 });
    expect(activated.status).toBe(201);
    expect(activated.body).toEqual({
      status: 'recorded',
      position: POSITION,
      accountNumber: pupil!.accountNumber,
      cardUid: pupil!.cardUid,
      cardStatus: 'active',
    });
    const activatedAgain = await h.request('POST', `/api/cards/${pupil!.cardUid}/activate`, { token: till24 });
    expect(activatedAgain.status).toBe(200);
    expect(activatedAgain.body).toEqual({ ...activated.body, status: 'duplicate', position: null });
  });

  it('records staff corrections as new entries, once per correction id', async () => {
    const [pupil] = await enrol(h, admin, '24', ['Исправленный Игорь']);
    const staff = await h.staff('school_staff', { schoolId: '24' });
    const credit = await h.post(
      `/api/accounts/${pupil!.accountNumber}/corrections`,
      { correctionId: 'c-1', amount: 500, reason: 'Возврат за обед' },
      staff,
    );
    expect(credit.status).toBe(201);
    expect(credit.body).toEqual({
      status: 'recorded',
      position: POSITION,
      accountNumber: pupil!.accountNumber,
      correctionId: 'c-1',
      balance: 500,
    });
    const debit = await h.post(
      `/api/accounts/${pupil!.accountNumber}/corrections`,
      { correctionId: 'c-2', amount: -200, reason: 'Ошибка кассира' },
      staff,
    );
    expect(debit.body.balance).toBe(300);
    const again = await h.post(
      `/api/accounts/${pupil!.accountNumber}/corrections`,
      { correctionId: 'c-2', amount: -200, reason: 'Ошибка кассира' },
      staff,
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'duplicate', position: null, balance: 300 });
    const tooMuch = await h.post(
      `/api/accounts/${pupil!.accountNumber}/corrections`,
      { correctionId: 'c-3', amount: -301, reason: 'x' },
      staff,
    );
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('insufficient_funds');
  });

  it('moves a pupil to another school: the old school’s till is refused, the new one sells', async () => {
    await registerSchool(h, admin, '25');
    const till25 = await h.key('till', { schoolId: '25', tillId: '25-01' });
    const [pupil] = await enrol(h, admin, '24', ['Переездов Павел']);
    await topUp(h, bank, pupil!.accountNumber, 5_000);
    await activate(h, till24, pupil!.cardUid);

    const moved = await h.post(
      `/api/accounts/${pupil!.accountNumber}/move`,
      { toSchoolId: '25', toClassName: '4а' },
      admin,
    );
    expect(moved.status).toBe(201);
    expect(moved.body).toEqual({
      status: 'recorded',
      position: POSITION,
      accountNumber: pupil!.accountNumber,
      schoolId: '25',
      className: '04А',
    });
    const movedAgain = await h.post(
      `/api/accounts/${pupil!.accountNumber}/move`,
      { toSchoolId: '25', toClassName: '04А' },
      admin,
    );
    expect(movedAgain.status).toBe(200);
    expect(movedAgain.body).toEqual({ ...moved.body, status: 'duplicate', position: null });

    const oldTill = await h.post('/api/sales', sale(checkNo('24', 200), pupil!.cardUid, 100), till24);
    expect(oldTill.status).toBe(403);
    expect(oldTill.body.code).toBe('wrong_school');
    const newTill = await h.post('/api/sales', sale(checkNo('25', 1), pupil!.cardUid, 100), till25);
    expect(newTill.status).toBe(201);
    expect(newTill.body.balance).toBe(4_900);

    const unknownSchool = await h.post(
      `/api/accounts/${pupil!.accountNumber}/move`,
      { toSchoolId: '999', toClassName: '4а' },
      admin,
    );
    expect(unknownSchool.status).toBe(404);
    expect(unknownSchool.body.code).toBe('school_not_found');
  });

  describe('closing an account', () => {
    it('refunds the remaining balance and refuses later payments', async () => {
      const [pupil] = await enrol(h, admin, '24', ['Уходящий Устин']);
      await topUp(h, bank, pupil!.accountNumber, 7_700);
      const closed = await h.post(
        `/api/accounts/${pupil!.accountNumber}/close`,
        { reason: 'Выбыл', settlement: { kind: 'refund' } },
        admin,
      );
      expect(closed.status).toBe(201);
      expect(closed.body).toEqual({
        status: 'recorded',
        position: POSITION,
        accountNumber: pupil!.accountNumber,
        settlement: { kind: 'refund', amount: 7_700 },
      });
      const closedAgain = await h.post(
        `/api/accounts/${pupil!.accountNumber}/close`,
        { reason: 'Выбыл', settlement: { kind: 'refund' } },
        admin,
      );
      expect(closedAgain.status).toBe(200);
      expect(closedAgain.body).toEqual({ ...closed.body, status: 'duplicate', position: null });
      const otherSettlement = await h.post(
        `/api/accounts/${pupil!.accountNumber}/close`,
        { reason: 'Выбыл', settlement: { kind: 'transfer', toAccountNumber: pupil!.accountNumber } },
        admin,
      );
      expect(otherSettlement.status).toBeGreaterThanOrEqual(400);
      const late = await topUp(h, bank, pupil!.accountNumber, 100);
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('account_closed');
      await h.settle();
      expect((await h.get(`/api/accounts/${pupil!.accountNumber}`, admin)).body).toMatchObject({
        status: 'closed',
        balance: 0,
      });
    });

    it('transfers the remaining balance to a sibling', async () => {
      const [leaving, sibling] = await enrol(h, admin, '24', ['Братов Борис', 'Братова Вера']);
      await topUp(h, bank, leaving!.accountNumber, 4_000);
      await topUp(h, bank, sibling!.accountNumber, 1_000);
      const closed = await h.post(
        `/api/accounts/${leaving!.accountNumber}/close`,
        { reason: 'Перевод в другой город', settlement: { kind: 'transfer', toAccountNumber: sibling!.accountNumber } },
        admin,
      );
      expect(closed.status).toBe(201);
      expect(closed.body.settlement).toEqual({
        kind: 'transfer',
        amount: 4_000,
        toAccountNumber: sibling!.accountNumber,
        toBalance: 5_000,
      });
      // the position is the transfer's receiving half, appended last
      expect(BigInt(closed.body.position)).toBe(await h.headPosition());
      const closedAgain = await h.post(
        `/api/accounts/${leaving!.accountNumber}/close`,
        { reason: 'Перевод в другой город', settlement: { kind: 'transfer', toAccountNumber: sibling!.accountNumber } },
        admin,
      );
      expect(closedAgain.status).toBe(200);
      expect(closedAgain.body).toEqual({ ...closed.body, status: 'duplicate', position: null });
      await h.settle();
      expect((await h.get(`/api/accounts/${sibling!.accountNumber}`, admin)).body.balance).toBe(5_000);
      expect((await h.get(`/api/accounts/${leaving!.accountNumber}`, admin)).body).toMatchObject({
        status: 'closed',
        balance: 0,
      });
    });

    it('refuses to transfer into a closed or unknown account, and to itself', async () => {
      const [a, b] = await enrol(h, admin, '24', ['Первый Пётр', 'Второй Вадим']);
      await topUp(h, bank, a!.accountNumber, 100);
      await h.post(
        `/api/accounts/${b!.accountNumber}/close`,
        { reason: 'Выбыл', settlement: { kind: 'refund' } },
        admin,
      );
      const intoClosed = await h.post(
        `/api/accounts/${a!.accountNumber}/close`,
        { reason: 'x', settlement: { kind: 'transfer', toAccountNumber: b!.accountNumber } },
        admin,
      );
      expect(intoClosed.status).toBe(409);
      expect(intoClosed.body.code).toBe('account_closed');
      const toSelf = await h.post(
        `/api/accounts/${a!.accountNumber}/close`,
        { reason: 'x', settlement: { kind: 'transfer', toAccountNumber: a!.accountNumber } },
        admin,
      );
      expect(toSelf.status).toBe(400);
      expect(toSelf.body.code).toBe('same_account');
      expect((await h.get(`/api/accounts/${a!.accountNumber}`, admin)).status).toBe(200);
    });
  });

  describe('statement and day totals', () => {
    let pupil: Pupil;
    beforeAll(async () => {
      await registerSchool(h, admin, '40');
      const till40 = await h.key('till', { schoolId: '40', tillId: '40-01' });
      [pupil] = (await enrol(h, admin, '40', ['Выпискова Вероника'])) as [Pupil];
      await activate(h, till40, pupil.cardUid);
      const pay = (paymentId: string, amount: number, paidAt: string) =>
        h.post(
          '/api/top-ups',
          { paymentId, accountNumber: pupil.accountNumber, channel: 'terminal', amount, paidAt },
          bank,
        );
      const buy = (seq: number, soldAt: string, items: { name: string; qty: number; price: number }[]) =>
        h.post('/api/sales', { checkNumber: checkNo('40', seq), cardUid: pupil.cardUid, items, soldAt }, till40);
      expect((await pay('st-1', 100_000, '2024-01-09T08:00:00+03:00')).status).toBe(201);
      expect(
        (
          await buy(1, '2024-01-09T12:00:00+03:00', [
            { name: 'Каша гречневая рассыпчатая 150 г', qty: 1, price: 2_500 },
          ])
        ).status,
      ).toBe(201);
      // 23:30 UTC on the 9th is already the 10th in Moscow
      expect((await buy(2, '2024-01-09T23:30:00Z', [{ name: 'Пицца 125 г', qty: 2, price: 3_450 }])).status).toBe(201);
      expect((await pay('st-2', 5_000, '2024-01-11T10:00:00+03:00')).status).toBe(201);
      expect((await buy(3, '2024-01-12T12:00:00+03:00', [{ name: 'Компот', qty: 1, price: 1_000 }])).status).toBe(201);
      await h.settle();
    });

    it('shows the opening balance, the period’s lines in time order, and the closing balance', async () => {
      const reply = await h.get(`/api/accounts/${pupil.accountNumber}/statement?from=2024-01-10&to=2024-01-11`, admin);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        accountNumber: pupil.accountNumber,
        fullName: 'Выпискова Вероника',
        schoolId: '40',
        from: '2024-01-10',
        to: '2024-01-11',
        openingBalance: 97_500,
        closingBalance: 95_600,
        totalDebit: 6_900,
        totalCredit: 5_000,
      });
      expect(
        reply.body.lines.map((l: { date: string; debit: number; credit: number; checkNumber: string | null }) => [
          l.date,
          l.debit,
          l.credit,
          l.checkNumber,
        ]),
      ).toEqual([
        ['2024-01-10', 6_900, 0, '40-000002'],
        ['2024-01-11', 0, 5_000, null],
      ]);
      expect(reply.body.lines[0].description).toContain('40-000002');
      expect(reply.body.lines[0].items).toBeUndefined();
    });

    it('includes the items of every check when details=true', async () => {
      const reply = await h.get(
        `/api/accounts/${pupil.accountNumber}/statement?from=2024-01-01&to=2024-01-31&details=true`,
        admin,
      );
      expect(reply.body.openingBalance).toBe(0);
      expect(reply.body.closingBalance).toBe(100_000 - 2_500 - 6_900 + 5_000 - 1_000);
      expect(reply.body.lines).toHaveLength(5);
      expect(reply.body.lines[2].items).toEqual([{ name: 'Пицца 125 г', qty: 2, price: 3_450, amount: 6_900 }]);
    });

    it('puts entries of the same instant in the order they were recorded', async () => {
      const [twin] = (await enrol(h, admin, '40', ['Одновременная Ольга'])) as [Pupil];
      const sameInstant = '2024-02-01T09:00:00+03:00';
      for (const [paymentId, amount] of [
        ['tie-c', 300],
        ['tie-a', 100],
        ['tie-b', 200],
      ] as const) {
        const reply = await h.post(
          '/api/top-ups',
          { paymentId, accountNumber: twin!.accountNumber, channel: 'terminal', amount, paidAt: sameInstant },
          bank,
        );
        expect(reply.status).toBe(201);
      }
      await h.settle();
      const reply = await h.get(`/api/accounts/${twin!.accountNumber}/statement?from=2024-02-01&to=2024-02-01`, admin);
      expect(reply.body.lines.map((line: { credit: number }) => line.credit)).toEqual([300, 100, 200]);
    });

    it('totals a school’s sales and top-ups per day', async () => {
      const reply = await h.get('/api/schools/40/day-totals?from=2024-01-09&to=2024-01-12', admin);
      expect(reply.status).toBe(200);
      expect(reply.body.days).toEqual([
        { date: '2024-01-09', salesCount: 1, salesTotal: 2_500, topUpsCount: 1, topUpsTotal: 100_000 },
        { date: '2024-01-10', salesCount: 1, salesTotal: 6_900, topUpsCount: 0, topUpsTotal: 0 },
        { date: '2024-01-11', salesCount: 0, salesTotal: 0, topUpsCount: 1, topUpsTotal: 5_000 },
        { date: '2024-01-12', salesCount: 1, salesTotal: 1_000, topUpsCount: 0, topUpsTotal: 0 },
      ]);
      expect(reply.body.total).toEqual({ salesCount: 3, salesTotal: 10_400, topUpsCount: 2, topUpsTotal: 105_000 });
    });
  });
});
