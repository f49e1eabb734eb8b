import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TillStore } from '../src/store/till-store.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'till-store-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sale = (cardUid = 'CARD1', total = 3450) => ({
  cardUid,
  accountNumber: '2400001',
  fullName: 'Иванов Иван',
  items: [{ name: 'Пицца 125 г', qty: 1, price: total }],
  total,
  soldAt: '2026-12-06T09:00:00.000Z',
  offline: true,
  estimatedBalanceAfter: 0,
});

describe('till store', () => {
  it('numbers checks <school>-<6 digits> from the first sequence, without gaps, and continues after a reopen', () => {
    const file = join(dir, 'till.db');
    const first = new TillStore({ file, schoolId: '24', firstSeq: 41 });
    expect([first.queueCheck(sale()).checkNumber, first.queueCheck(sale()).checkNumber]).toEqual([
      '24-000041',
      '24-000042',
    ]);
    first.close();
    const again = new TillStore({ file, schoolId: '24', firstSeq: 1 });
    expect(again.queueCheck(sale()).checkNumber).toBe('24-000043');
    expect(again.pending().map((check) => check.seq)).toEqual([41, 42, 43]);
    again.close();
  });

  it('keeps queued checks in numbering order until delivered, and counts queued offline spending per card', () => {
    const store = new TillStore({ file: join(dir, 'till.db'), schoolId: '7' });
    store.rememberCard({
      cardUid: 'CARD1',
      accountNumber: '0700001',
      fullName: 'Иванов Иван',
      className: '3Б',
      schoolId: '7',
      balance: 10_000,
      cardStatus: 'active',
      blockReason: null,
      accountStatus: 'open',
      offlineLimit: 5_000,
    });
    const a = store.queueCheck(sale('CARD1', 3_000));
    const b = store.queueCheck(sale('CARD1', 2_000));
    expect(store.card('CARD1')!.offlineSpent).toBe(5_000);
    store.markDelivered(a.checkNumber, '0700001', 7_000);
    expect(store.card('CARD1')).toMatchObject({ balance: 7_000, offlineSpent: 2_000 });
    expect(store.pending().map((check) => check.checkNumber)).toEqual([b.checkNumber]);
    const refused = store.markRefused(b.checkNumber, 'card_blocked', 'Карта заблокирована')!;
    expect(refused).toMatchObject({ state: 'refused', refusal: { code: 'card_blocked' } });
    expect(store.unreportedRefusals().map((check) => check.checkNumber)).toEqual([b.checkNumber]);
    expect(store.card('CARD1')!.offlineSpent).toBe(0);
    store.close();
  });
});
