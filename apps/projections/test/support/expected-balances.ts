import { ledgerEffect, type LedgerEvent } from '@meals/domain';
import type { EventStore } from '@meals/event-store';

/** Σ credit − debit per account over the whole log: what every projected balance must equal. */
export async function expectedBalances(eventStore: EventStore): Promise<Map<string, number>> {
  const balances = new Map<string, number>();
  for (let after: bigint | undefined; ;) {
    const page = await eventStore.readAll(after === undefined ? { maxCount: 1000 } : { after, maxCount: 1000 });
    if (page.length === 0) return balances;
    for (const recorded of page) {
      if (!recorded.streamId.startsWith('account-')) continue;
      const { credit, debit } = ledgerEffect({ type: recorded.type, data: recorded.data } as LedgerEvent);
      const accountNumber = recorded.streamId.slice('account-'.length);
      balances.set(accountNumber, (balances.get(accountNumber) ?? 0) + credit - debit);
    }
    after = page.at(-1)!.position;
  }
}

export async function lastPosition(eventStore: EventStore): Promise<bigint> {
  let last = 0n;
  for (;;) {
    const page = await eventStore.readAll({ after: last, maxCount: 5000 });
    if (page.length === 0) return last;
    last = page.at(-1)!.position;
  }
}
