import { eventIdOf, KeyedMutex, nameBasedUuid } from '@meals/command-runner';

describe('event ids', () => {
  it('derives the same version-5 UUID from the same idempotency key, and different ones otherwise', () => {
    const id = nameBasedUuid('sale:24-001983');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameBasedUuid('sale:24-001983')).toBe(id);
    expect(nameBasedUuid('sale:24-001984')).not.toBe(id);
    expect(nameBasedUuid('topup:24-001983')).not.toBe(id);
  });

  it('never changes the ids of stored events (pinned values, short, Cyrillic and long names)', () => {
    expect(nameBasedUuid('sale:24-001983')).toBe('b936b682-b553-5808-be8c-a77604c4db87');
    expect(nameBasedUuid('topup:Сбер-ёж-1')).toBe('412205d1-53a5-572d-be09-55c20b79bf81');
    expect(nameBasedUuid(`correction:${'Ж'.repeat(400)}`)).toBe('4dd50bfe-b207-54b0-8ce1-33c7e90221e5');
  });

  it('gives keyed events their name-based id and other events random ones', () => {
    const topUp = {
      type: 'account.topped-up.v1',
      data: {
        accountNumber: '0240000011',
        paymentId: 'p-1',
        channel: 'atm',
        amount: 1,
        paidAt: '2024-01-01T00:00:00Z',
      },
    } as const;
    expect(eventIdOf(topUp)).toBe(nameBasedUuid('topup:p-1'));
    const moved = {
      type: 'account.moved.v1',
      data: {
        accountNumber: '0240000011',
        fromSchoolId: '24',
        fromClassName: '01А',
        toSchoolId: '24',
        toClassName: '02А',
      },
    } as const;
    expect(eventIdOf(moved)).not.toBe(eventIdOf(moved));
  });
});

describe('KeyedMutex', () => {
  it('runs tasks of one key one at a time, in order, even when one fails', async () => {
    const mutex = new KeyedMutex();
    const order: string[] = [];
    let running = 0;
    const task =
      (name: string, fail = false) =>
      async () => {
        running++;
        expect(running).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 2));
        order.push(name);
        running--;
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      mutex.run('k', task('a')),
      mutex.run('k', task('b', true)),
      mutex.run('k', task('c')),
    ]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
