import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadModelStore } from '@meals/read-model-store';
import { openSqliteReadModelStore } from '@meals/read-model-store/sqlite';
import {
  accountProfile,
  accountStatement,
  buffetAssortment,
  collections,
  recentStatementLines,
  READ_MODEL_COLLECTIONS,
  schoolAccounts,
  schoolDayTotals,
  tillCard,
  TypedReadModels,
  type AccountDoc,
  type StatementLineDoc,
} from '@meals/read-models';

const account = (accountNumber: string, fullName: string, className: string, balance: number): AccountDoc => ({
  _id: accountNumber,
  accountNumber,
  schoolId: '24',
  className,
  fullName,
  status: 'open',
  balance,
  cardUid: null,
  cardStatus: null,
  openedAt: '2025-09-01T08:00:00.000+03:00',
  lastPosition: 1,
});

const line = (id: string, at: string, position: number, credit: number, debit: number): StatementLineDoc => ({
  _id: id,
  accountNumber: 'A1',
  at,
  date: at.slice(0, 10),
  position,
  kind: credit > 0 ? 'top_up' : 'sale',
  description: id,
  debit,
  credit,
  checkNumber: null,
  items: debit > 0 ? [{ name: 'Каша', qty: 1, price: debit, amount: debit }] : [],
});

describe('read-model queries', () => {
  let dir: string;
  let store: ReadModelStore;
  let readModels: TypedReadModels;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'read-models-test-'));
    store = await openSqliteReadModelStore({ path: join(dir, 'read-models.db') });
    await store.ensureCollections([...READ_MODEL_COLLECTIONS]);
    readModels = new TypedReadModels(store);
    const put = (collection: string, doc: { _id: string } & Record<string, unknown>) => ({
      op: 'put' as const,
      collection,
      id: doc._id,
      doc: doc as never,
    });
    await store.commit([
      put(collections.accounts.name, account('A1', 'Борисов Борис', '03Б', 3_000)),
      put(collections.accounts.name, account('A2', 'Андреева Анна', '03Б', 500)),
      put(collections.accounts.name, account('A3', 'Яковлев Яков', '01А', 0)),
      put(collections.statementLines.name, line('e1', '2025-09-01T09:00:00.000+03:00', 1, 5_000, 0)),
      put(collections.statementLines.name, line('e3', '2025-09-02T12:00:00.000+03:00', 3, 0, 1_000)),
      put(collections.statementLines.name, line('e2', '2025-09-02T12:00:00.000+03:00', 2, 0, 1_000)),
      put(collections.statementLines.name, line('e4', '2025-09-03T12:00:00.000+03:00', 4, 0, 500)),
      put(collections.schoolDayTotals.name, {
        _id: '24:2025-09-02',
        schoolId: '24',
        date: '2025-09-02',
        salesCount: 2,
        salesTotal: 2_000,
        topUpsCount: 1,
        topUpsTotal: 5_000,
      }),
    ]);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('recent lines: the last N, newest first (same instant: later in the log first), with items; null when unknown', async () => {
    const recent = await recentStatementLines(readModels, 'A1', 3);
    expect(recent!.map((l) => l.description)).toEqual(['e4', 'e3', 'e2']);
    expect(recent![0]!.items).toEqual([{ name: 'Каша', qty: 1, price: 500, amount: 500 }]);
    expect((await recentStatementLines(readModels, 'A1', 10))!.map((l) => l.description)).toEqual([
      'e4',
      'e3',
      'e2',
      'e1',
    ]);
    expect(await recentStatementLines(readModels, 'nope', 3)).toBeNull();
  });

  it('buffet: a school’s items by category, then name; other schools’ apart', async () => {
    const item = (schoolId: string, itemId: string, name: string, category: string) => ({
      _id: `${schoolId}:${itemId}`,
      schoolId,
      itemId,
      name,
      price: 100,
      category,
      active: true,
      favourite: false,
    });
    await store.commit(
      [
        item('24', 'b', 'Чай', 'Напитки'),
        item('24', 'a', 'Булочка', 'Выпечка'),
        item('24', 'c', 'Ватрушка', 'Выпечка'),
        item('25', 'a', 'Компот', 'Напитки'),
      ].map((doc) => ({ op: 'put' as const, collection: collections.buffetItems.name, id: doc._id, doc })),
    );
    expect((await buffetAssortment(readModels, '24')).map((i) => i.name)).toEqual(['Булочка', 'Ватрушка', 'Чай']);
    expect(await buffetAssortment(readModels, '26')).toEqual([]);
  });

  it('till card: the card’s own status and reason with its account; null for an unknown card', async () => {
    await store.commit([
      {
        op: 'put',
        collection: collections.cards.name,
        id: 'OLD',
        doc: {
          _id: 'OLD',
          cardUid: 'OLD',
          accountNumber: 'A1',
          schoolId: '24',
          status: 'blocked',
          blockReason: 'damaged',
        },
      },
    ]);
    expect(await tillCard(readModels, 'OLD')).toMatchObject({
      cardUid: 'OLD',
      cardStatus: 'blocked',
      blockReason: 'damaged',
      accountNumber: 'A1',
      fullName: 'Борисов Борис',
      balance: 3_000,
    });
    expect(await tillCard(readModels, 'NONE')).toBeNull();
  });

  it('profile: the account with its balance in words, null when unknown', async () => {
    expect(await accountProfile(readModels, 'A1')).toMatchObject({
      accountNumber: 'A1',
      balance: 3_000,
      balanceText: '30,00 руб.',
    });
    expect(await accountProfile(readModels, 'nope')).toBeNull();
  });

  it('statement: opening balance before the period, lines in time then log order, closing balance', async () => {
    const statement = await accountStatement(readModels, {
      accountNumber: 'A1',
      from: '2025-09-02',
      to: '2025-09-02',
      details: true,
    });
    expect(statement).toMatchObject({
      openingBalance: 5_000,
      totalDebit: 2_000,
      totalCredit: 0,
      closingBalance: 3_000,
    });
    expect(statement!.lines.map((l) => l.description)).toEqual(['e2', 'e3']);
    expect(statement!.lines[0]!.items).toEqual([{ name: 'Каша', qty: 1, price: 1_000, amount: 1_000 }]);
    const plain = await accountStatement(readModels, {
      accountNumber: 'A1',
      from: '2025-09-02',
      to: '2025-09-02',
      details: false,
    });
    expect(plain!.lines[0]).not.toHaveProperty('items');
    expect(
      await accountStatement(readModels, {
        accountNumber: 'nope',
        from: '2025-09-01',
        to: '2025-09-30',
        details: false,
      }),
    ).toBeNull();
  });

  it('day totals: the days of the period and their sum', async () => {
    const totals = await schoolDayTotals(readModels, { schoolId: '24', from: '2025-09-01', to: '2025-09-30' });
    expect(totals.days).toHaveLength(1);
    expect(totals.total).toEqual({ salesCount: 2, salesTotal: 2_000, topUpsCount: 1, topUpsTotal: 5_000 });
  });

  it('school accounts: by class then name, of one class when asked, with the total balance', async () => {
    const all = await schoolAccounts(readModels, { schoolId: '24', className: null, status: 'open' });
    expect(all.accounts.map((a) => a.accountNumber)).toEqual(['A3', 'A2', 'A1']);
    expect(all).toMatchObject({ count: 3, totalBalance: 3_500 });
    const one = await schoolAccounts(readModels, { schoolId: '24', className: '03Б', status: 'open' });
    expect(one.accounts.map((a) => a.accountNumber)).toEqual(['A2', 'A1']);
  });
});
