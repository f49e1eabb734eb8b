import { MessageChannel } from 'node:worker_threads';
import type { ReplayPage } from '@meals/event-store/sqlite';
import { transformReplayPage } from '../src/rebuild/prepare-replay-page.js';
import { preparedPage } from '../src/rebuild/replay-pages.js';
import { BusinessDateCache } from '@meals/read-models';

const sale = {
  accountNumber: '0010000017',
  checkNumber: 'K-1',
  tillId: 'T1',
  schoolId: '24',
  cardUid: 'C1',
  items: [{ name: 'Каша', qty: 1, price: 4500, amount: 4500 }],
  total: 4500,
  soldAt: '2025-09-01T09:00:00.000+03:00',
};

describe('a replay page prepared on the replay thread', () => {
  it('writes its statement lines there and still hands the fold every event whole (sale items included)', async () => {
    const { port1, port2 } = new MessageChannel();
    const lines = new Promise<unknown>((resolve) => port2.once('message', resolve));
    const data = [JSON.stringify(sale)];
    const page: ReplayPage = {
      positions: BigInt64Array.from([1n]),
      ids: ['event-1'],
      types: ['account.sale-debited.v1'],
      data: [...data],
      metadataField: ['2025-09-01T09:00:01.000+03:00'],
      recordedAt: Float64Array.from([Date.parse('2025-09-01T06:00:01Z')]),
    };
    const prepared = transformReplayPage(page, {
      timeZone: 'Europe/Moscow',
      statementLines: port1,
      preparePages: 1,
      ofPages: 1,
    });
    expect(prepared.statementLinesWritten).toBe(true);
    expect(prepared.data).toEqual(data);
    await lines;

    const [input] = preparedPage(prepared, new BusinessDateCache('Europe/Moscow')).inputs;
    expect(input?.statementLineWritten).toBe(true);
    expect(input?.event).toEqual({ type: 'account.sale-debited.v1', data: sale });
    port1.close();
    port2.close();
  });
});
