/** The school's buffet assortment, from the ledger when reachable and from the till's cache otherwise. */
import type { AssortmentItem, TillLedger } from '../ledger/till-ledger.js';
import type { LinkState } from '../link-state.js';
import type { TillStore } from '../store/till-store.js';

export interface AssortmentView {
  items: AssortmentItem[];
  /** when the ledger last sent it (ISO), null when never */
  updatedAt: string | null;
  fromCache: boolean;
}

export class Assortment {
  constructor(
    private readonly store: TillStore,
    private readonly ledger: TillLedger,
    private readonly link: LinkState,
    private readonly schoolId: string,
  ) {}

  /** Asks the ledger; on failure answers the cached list (empty when never fetched). */
  async refresh(): Promise<AssortmentView> {
    try {
      const { items } = await this.link.track(() => this.ledger.buffetAssortment(this.schoolId));
      this.store.rememberAssortment(this.schoolId, items);
      return { items: items.filter((item) => item.active), updatedAt: new Date().toISOString(), fromCache: false };
    } catch {
      return this.cached();
    }
  }

  cached(): AssortmentView {
    const cached = this.store.assortment<AssortmentItem>(this.schoolId);
    return {
      items: (cached?.items ?? []).filter((item) => item.active),
      updatedAt: cached?.updatedAt ?? null,
      fromCache: true,
    };
  }

  item(itemId: string): AssortmentItem | null {
    return this.cached().items.find((item) => item.itemId === itemId) ?? null;
  }
}
