import type { LedgerEvent } from '@meals/domain';
import type { ReadModelStore } from '@meals/read-model-store';
import { BatchProjector } from '@meals/projections';
import { collections, READ_MODEL_COLLECTIONS, readModelsPosition } from '@meals/read-models';
import { RecordedLog } from './support/recorded.js';
import { TempStores } from './support/temp-stores.js';

const A = '0240000011';
const B = '0240000029';
const opened = (accountNumber: string, schoolId = '24', className = '03Б'): LedgerEvent => ({
  type: 'account.opened.v1',
  data: { accountNumber, schoolId, className, fullName: 'Иванова Алёна' },
});
const issued = (accountNumber: string, cardUid: string, replacesCardUid: string | null = null): LedgerEvent => ({
  type: 'card.issued.v1',
  data: { accountNumber, cardUid, replacesCardUid },
});
const toppedUp = (accountNumber: string, amount: number, paidAt: string): LedgerEvent => ({
  type: 'account.topped-up.v1',
  data: { accountNumber, paymentId: `p-${paidAt}`, channel: 'bank_online', amount, paidAt },
});
const sold = (accountNumber: string, checkNumber: string, soldAt: string, schoolId = '24'): LedgerEvent => ({
  type: 'account.sale-debited.v1',
  data: {
    accountNumber,
    checkNumber,
    schoolId,
    tillId: `${schoolId}-01`,
    cardUid: 'CARD-1',
    items: [
      { name: 'Пицца 125 г', qty: 1, price: 3450, amount: 3450 },
      { name: 'Каша гречневая рассыпчатая 150 г', qty: 2, price: 2100, amount: 4200 },
    ],
    total: 7650,
    soldAt,
  },
});

describe('projection effects per event', () => {
  let stores: TempStores;
  let readModels: ReadModelStore;
  let projector: BatchProjector;
  let log: RecordedLog;

  beforeEach(async () => {
    stores = new TempStores();
    readModels = await stores.readModels();
    await readModels.ensureCollections([...READ_MODEL_COLLECTIONS]);
    projector = new BatchProjector(readModels, { timeZone: 'Europe/Moscow' });
    log = new RecordedLog();
  });
  afterEach(() => stores.dispose());

  const apply = (...events: [LedgerEvent, string?][]): Promise<void> =>
    projector.applyBatch(events.map(([event, occurredAt]) => log.record(event, occurredAt)));

  it('school.registered creates the school; pupils-enrolled fills the roster', async () => {
    await apply(
      [{ type: 'school.registered.v1', data: { schoolId: '24', name: 'Школа №24', departmentId: 'uo-1' } }],
      [
        {
          type: 'school.pupils-enrolled.v1',
          data: {
            schoolId: '24',
            pupils: [
              {
                pupilKey: '03Б|иванова алена',
                accountNumber: A,
                fullName: 'Иванова Алёна',
                className: '03Б',
                cardUid: 'C1',
              },
            ],
          },
        },
      ],
    );
    expect(await readModels.get(collections.schools.name, '24')).toEqual({
      _id: '24',
      schoolId: '24',
      name: 'Школа №24',
      departmentId: 'uo-1',
      pupilCount: 0,
    });
    expect(await readModels.get(collections.roster.name, '24:03Б|иванова алена')).toEqual({
      _id: '24:03Б|иванова алена',
      schoolId: '24',
      pupilKey: '03Б|иванова алена',
      accountNumber: A,
      fullName: 'Иванова Алёна',
      className: '03Б',
    });
  });

  it('account.opened creates the account with zero balance and counts the pupil in the school', async () => {
    await apply([{ type: 'school.registered.v1', data: { schoolId: '24', name: 'Школа №24', departmentId: 'uo-1' } }]);
    await apply([opened(A), '2025-08-25T07:00:00.000Z']);
    expect(await readModels.get(collections.accounts.name, A)).toEqual({
      _id: A,
      accountNumber: A,
      schoolId: '24',
      className: '03Б',
      fullName: 'Иванова Алёна',
      status: 'open',
      balance: 0,
      cardUid: null,
      cardStatus: null,
      openedAt: '2025-08-25T07:00:00.000Z',
      lastPosition: 2,
    });
    expect((await readModels.get(collections.schools.name, '24'))?.['pupilCount']).toBe(1);
  });

  it('card issued → activated → blocked → re-issued follows the current card on the account', async () => {
    await apply([opened(A)], [issued(A, 'C1')]);
    expect(await readModels.get(collections.cards.name, 'C1')).toEqual({
      _id: 'C1',
      cardUid: 'C1',
      accountNumber: A,
      schoolId: '24',
      status: 'issued',
      blockReason: null,
    });
    expect(await readModels.get(collections.accounts.name, A)).toMatchObject({ cardUid: 'C1', cardStatus: 'issued' });

    await apply([{ type: 'card.activated.v1', data: { accountNumber: A, cardUid: 'C1', tillId: '24-01' } }]);
    expect(await readModels.get(collections.accounts.name, A)).toMatchObject({
      cardUid: 'C1',
      cardStatus: 'active',
      lastPosition: 3,
    });
    expect((await readModels.get(collections.cards.name, 'C1'))?.['status']).toBe('active');

    await apply(
      [{ type: 'card.blocked.v1', data: { accountNumber: A, cardUid: 'C1', reason: 'lost' } }],
      [issued(A, 'C2', 'C1')],
    );
    expect(await readModels.get(collections.cards.name, 'C1')).toMatchObject({
      status: 'blocked',
      blockReason: 'lost',
    });
    expect((await readModels.get(collections.cards.name, 'C2'))?.['status']).toBe('issued');
    expect(await readModels.get(collections.accounts.name, A)).toMatchObject({
      cardUid: 'C2',
      cardStatus: 'issued',
      lastPosition: 5,
    });
    expect(await readModels.count(collections.cards.name, { where: { accountNumber: A } })).toBe(2);
  });

  it('a top-up credits the balance, writes a statement line at paid-at and counts in the day totals', async () => {
    // paid late evening UTC = next day in Moscow
    await apply([opened(A)], [toppedUp(A, 150_000, '2025-09-01T21:30:00.000Z'), '2025-09-02T06:00:00.000Z']);
    expect((await readModels.get(collections.accounts.name, A))?.['balance']).toBe(150_000);
    expect(await readModels.get(collections.statementLines.name, 'event-2')).toEqual({
      _id: 'event-2',
      accountNumber: A,
      at: '2025-09-01T21:30:00.000Z',
      date: '2025-09-02',
      position: 2,
      kind: 'top_up',
      description: 'Пополнение: Сбербанк Онлайн',
      debit: 0,
      credit: 150_000,
      checkNumber: null,
      items: [],
    });
    expect(await readModels.get(collections.schoolDayTotals.name, '24:2025-09-02')).toEqual({
      _id: '24:2025-09-02',
      schoolId: '24',
      date: '2025-09-02',
      salesCount: 0,
      salesTotal: 0,
      topUpsCount: 1,
      topUpsTotal: 150_000,
    });
  });

  it('a sale debits the balance; its statement line carries the check and its items; totals count at the selling school', async () => {
    await apply([opened(A)], [toppedUp(A, 10_000, '2025-09-01T05:00:00.000Z')]);
    await apply([sold(A, '24-001983', '2025-09-01T09:15:00.000Z')], [sold(A, '24-001984', '2025-09-01T10:00:00.000Z')]);
    expect((await readModels.get(collections.accounts.name, A))?.['balance']).toBe(10_000 - 2 * 7650);
    expect(await readModels.get(collections.statementLines.name, 'event-3')).toEqual({
      _id: 'event-3',
      accountNumber: A,
      at: '2025-09-01T09:15:00.000Z',
      date: '2025-09-01',
      position: 3,
      kind: 'sale',
      description: 'Чек №24-001983',
      debit: 7650,
      credit: 0,
      checkNumber: '24-001983',
      items: [
        { name: 'Пицца 125 г', qty: 1, price: 3450, amount: 3450 },
        { name: 'Каша гречневая рассыпчатая 150 г', qty: 2, price: 2100, amount: 4200 },
      ],
    });
    expect(await readModels.get(collections.schoolDayTotals.name, '24:2025-09-01')).toMatchObject({
      salesCount: 2,
      salesTotal: 15_300,
      topUpsCount: 1,
      topUpsTotal: 10_000,
    });
  });

  it('corrections, refunds and transfers write their lines and move the balances', async () => {
    await apply([opened(A)], [opened(B)], [toppedUp(A, 5000, '2025-09-01T05:00:00.000Z')]);
    await apply(
      [
        {
          type: 'account.corrected.v1',
          data: { accountNumber: A, correctionId: 'k1', amount: -300, reason: 'двойное списание' },
        },
      ],
      [{ type: 'account.corrected.v1', data: { accountNumber: A, correctionId: 'k2', amount: 100, reason: 'сбой' } }],
      [
        {
          type: 'account.balance-transferred-out.v1',
          data: { accountNumber: A, transferId: 't1', toAccountNumber: B, amount: 3000 },
        },
      ],
      [
        {
          type: 'account.balance-transferred-in.v1',
          data: { accountNumber: B, transferId: 't1', fromAccountNumber: A, amount: 3000 },
        },
      ],
      [{ type: 'account.refunded.v1', data: { accountNumber: A, refundId: 'r1', amount: 1800, reason: 'выбыл' } }],
    );
    expect((await readModels.get(collections.accounts.name, A))?.['balance']).toBe(0);
    expect((await readModels.get(collections.accounts.name, B))?.['balance']).toBe(3000);
    const lines = await readModels.find(collections.statementLines.name, {
      orderBy: [{ field: 'position', direction: 'asc' }],
    });
    expect(lines.map((l) => [l['accountNumber'], l['kind'], l['debit'], l['credit'], l['description']])).toEqual([
      [A, 'top_up', 0, 5000, 'Пополнение: Сбербанк Онлайн'],
      [A, 'correction', 300, 0, 'Корректировка: двойное списание'],
      [A, 'correction', 0, 100, 'Корректировка: сбой'],
      [A, 'transfer_out', 3000, 0, `Перевод на л/с ${B}`],
      [B, 'transfer_in', 0, 3000, `Перевод с л/с ${A}`],
      [A, 'refund', 1800, 0, 'Возврат: выбыл'],
    ]);
    // corrections, refunds and transfers are not canteen or bank turnover
    expect((await readModels.get(collections.schoolDayTotals.name, '24:2025-09-01'))?.['topUpsTotal']).toBe(5000);
  });

  it('a move changes the account, its current card and both schools; closing uncounts the pupil', async () => {
    await apply([opened(A, '24', '03Б')], [issued(A, 'C1')], [opened(B, '24', '05А')]);
    await apply([
      {
        type: 'account.moved.v1',
        data: { accountNumber: A, fromSchoolId: '24', fromClassName: '03Б', toSchoolId: '31', toClassName: '04В' },
      },
    ]);
    expect(await readModels.get(collections.accounts.name, A)).toMatchObject({ schoolId: '31', className: '04В' });
    expect((await readModels.get(collections.cards.name, 'C1'))?.['schoolId']).toBe('31');
    expect((await readModels.get(collections.schools.name, '24'))?.['pupilCount']).toBe(1);
    expect((await readModels.get(collections.schools.name, '31'))?.['pupilCount']).toBe(1);

    // a top-up after the move counts at the new school
    await apply([toppedUp(A, 1000, '2025-09-03T05:00:00.000Z')]);
    expect((await readModels.get(collections.schoolDayTotals.name, '31:2025-09-03'))?.['topUpsTotal']).toBe(1000);

    await apply([{ type: 'account.closed.v1', data: { accountNumber: A, reason: 'выбыл' } }]);
    expect((await readModels.get(collections.accounts.name, A))?.['status']).toBe('closed');
    expect((await readModels.get(collections.schools.name, '31'))?.['pupilCount']).toBe(0);
    // a school learned of before its registration keeps its count when registered
    await apply([{ type: 'school.registered.v1', data: { schoolId: '24', name: 'Школа №24', departmentId: 'uo-1' } }]);
    expect(await readModels.get(collections.schools.name, '24')).toMatchObject({ name: 'Школа №24', pupilCount: 1 });
  });

  it('a move and a top-up in the same batch find the new school’s documents', async () => {
    await apply([opened(A, '24', '03Б')], [issued(A, 'C1')]);
    await apply(
      [
        {
          type: 'account.moved.v1',
          data: { accountNumber: A, fromSchoolId: '24', fromClassName: '03Б', toSchoolId: '31', toClassName: '04В' },
        },
      ],
      [toppedUp(A, 1000, '2025-09-03T05:00:00.000Z')],
      [issued(A, 'C2', 'C1')],
      [
        {
          type: 'account.moved.v1',
          data: { accountNumber: A, fromSchoolId: '31', fromClassName: '04В', toSchoolId: '40', toClassName: '04В' },
        },
      ],
    );
    expect((await readModels.get(collections.schoolDayTotals.name, '31:2025-09-03'))?.['topUpsTotal']).toBe(1000);
    expect((await readModels.get(collections.cards.name, 'C1'))?.['schoolId']).toBe('31');
    expect((await readModels.get(collections.cards.name, 'C2'))?.['schoolId']).toBe('40');
    expect((await readModels.get(collections.schools.name, '40'))?.['pupilCount']).toBe(1);
  });

  it('events of unknown types only move the checkpoint', async () => {
    await projector.applyBatch([{ ...log.record(opened(A)), type: 'account.something-new.v9' }]);
    expect(await readModels.get(collections.accounts.name, A)).toBeNull();
    expect(await readModelsPosition(readModels)).toBe(1n);
  });
});
