/**
 * «Оплатить»: prices the basket from the assortment, checks the card and the funds the till
 * can vouch for, numbers and queues the check in one transaction, then — online — waits a
 * moment for the ledger to record it. When the ledger does not answer in time the sale is
 * completed offline (the check stays queued and goes out later, exactly once); when the
 * ledger refuses it while the cashier waits, nothing was sold. Short funds are said without
 * the amount: the queue behind the pupil does not hear it.
 */
import type { CheckDelivery } from '../sync/check-delivery.js';
import type { LinkState } from '../link-state.js';
import type { TillStore } from '../store/till-store.js';
import type { CheckItem, QueuedCheck } from '../store/till-records.js';
import type { Assortment } from './assortment.js';
import type { CardDesk } from './card-desk.js';
import { refused, type Outcome } from './outcome.js';

export interface BasketLine {
  itemId: string;
  qty: number;
}

export interface SaleDeskOptions {
  store: TillStore;
  cards: CardDesk;
  assortment: Assortment;
  delivery: CheckDelivery;
  link: LinkState;
  offlineLimitKopecks: number;
  saleWaitMs: number;
  now?: () => Date;
}

export const SHORT_FUNDS = 'Недостаточно средств на карте для этого заказа';

export class SaleDesk {
  constructor(private readonly options: SaleDeskOptions) {}

  async sell(cardUid: string, basket: BasketLine[]): Promise<Outcome<{ check: QueuedCheck }>> {
    const { store, cards, delivery, link } = this.options;
    let items = this.price(basket);
    // an item the till has not heard of yet (added by staff a moment ago): ask the ledger once
    if (!items.ok && items.code === 'unknown_item' && link.online) {
      await this.options.assortment.refresh();
      items = this.price(basket);
    }
    if (!items.ok) return items;
    const total = items.items.reduce((sum, item) => sum + item.qty * item.price, 0);
    const card = cards.known(cardUid);
    if (!card) return refused('card_not_read', 'Сначала приложите карту');
    if (card.cardStatus === 'blocked')
      return refused('card_blocked', `Карта заблокирована: ${card.blockedReason ?? 'причина не указана'}`);
    if (card.accountStatus === 'closed') return refused('account_closed', 'Лицевой счёт закрыт');
    if (card.cardStatus !== 'active')
      return refused('card_not_active', 'Карта не активирована: откройте «Активация карты»');
    // online with nothing queued: the ledger decides now; otherwise the till vouches within the offline limit
    const online = link.online && store.pendingCount() === 0;
    const allowance = card.balance + (online ? 0 : Math.min(this.options.offlineLimitKopecks, card.offlineLimit));
    if (total > allowance) return refused('insufficient_funds', SHORT_FUNDS);
    const soldAt = (this.options.now?.() ?? new Date()).toISOString();
    const queued = store.queueCheck({
      cardUid,
      accountNumber: card.accountNumber,
      fullName: card.fullName,
      items: items.items,
      total,
      soldAt,
      offline: !online,
      estimatedBalanceAfter: card.balance - total,
    });
    delivery.kick();
    if (!online) return { ok: true, check: queued };
    const settled = await delivery.waitFor(queued.checkNumber, this.options.saleWaitMs);
    if (settled.state === 'pending') {
      store.markOffline(settled.checkNumber);
      return { ok: true, check: store.check(settled.checkNumber)! };
    }
    if (settled.state === 'declined') {
      store.releaseDeclined(settled.checkNumber);
      const code = settled.refusal?.code ?? 'refused';
      return refused(
        code,
        code === 'insufficient_funds' ? SHORT_FUNDS : (settled.refusal?.message ?? 'Сервер отказал'),
      );
    }
    return { ok: true, check: settled };
  }

  private price(basket: BasketLine[]): Outcome<{ items: CheckItem[] }> {
    if (basket.length === 0) return refused('empty_basket', 'Выберите хотя бы одно блюдо');
    const items: CheckItem[] = [];
    for (const line of basket) {
      const item = this.options.assortment.item(line.itemId);
      if (!item) return refused('unknown_item', 'Блюда нет в ассортименте: обновите список');
      items.push({ name: item.name, qty: line.qty, price: item.price });
    }
    return { ok: true, items };
  }
}
