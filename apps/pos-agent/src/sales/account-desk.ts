/** The cashier's account services: «Активация карты», «Временный пароль», «Детализация». They need the ledger. */
import { cashierMessage, isRefusal } from '../ledger/ledger-failure.js';
import type { TillLedger } from '../ledger/till-ledger.js';
import type { LinkState } from '../link-state.js';
import { statementSlip, temporaryPasswordSlip, type TillIdentity } from '../receipts/till-receipts.js';
import type { Receipt } from '../receipts/receipt.js';
import type { CardDesk, CardView } from './card-desk.js';
import { refused, type Outcome } from './outcome.js';

const STATEMENT_LINES = 10;

export class AccountDesk {
  constructor(
    private readonly ledger: TillLedger,
    private readonly link: LinkState,
    private readonly cards: CardDesk,
    private readonly till: TillIdentity,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A blocked card is refused with its reason; activating an active card again changes nothing. */
  async activate(cardUid: string): Promise<Outcome<{ card: CardView }>> {
    const read = await this.cards.read(cardUid);
    if (!read.ok) return read;
    if (read.card.source === 'cache') return refused('offline', 'Активация возможна только при связи с сервером');
    if (read.card.cardStatus === 'blocked') {
      return refused(
        'card_blocked',
        `Карта заблокирована: ${read.card.blockedReason ?? 'причина не указана'}. Активировать нельзя`,
      );
    }
    if (read.card.cardStatus === 'active') return { ok: true, card: read.card };
    try {
      await this.link.track(() => this.ledger.activateCard(cardUid));
    } catch (error) {
      return refused(isRefusal(error) ? error.code : 'offline', cashierMessage(error));
    }
    return this.cards.read(cardUid);
  }

  async temporaryPassword(cardUid: string): Promise<Outcome<{ slip: Receipt }>> {
    const card = this.cards.known(cardUid);
    if (!card) return refused('card_not_read', 'Сначала приложите карту');
    try {
      const issued = await this.link.track(() => this.ledger.issueTemporaryPassword(card.accountNumber));
      return { ok: true, slip: temporaryPasswordSlip(this.till, issued, this.now()) };
    } catch (error) {
      return refused(isRefusal(error) ? error.code : 'offline', cashierMessage(error));
    }
  }

  async statement(cardUid: string): Promise<Outcome<{ slip: Receipt }>> {
    const card = this.cards.known(cardUid);
    if (!card) return refused('card_not_read', 'Сначала приложите карту');
    try {
      const recent = await this.link.track(() => this.ledger.recentOperations(cardUid, STATEMENT_LINES));
      return { ok: true, slip: statementSlip(this.till, recent, this.now()) };
    } catch (error) {
      return refused(isRefusal(error) ? error.code : 'offline', cashierMessage(error));
    }
  }
}
