/**
 * An in-memory ledger behind the till's port, with the real one's answers (idempotent
 * sales by check number, `duplicate` on a repeat, LedgerApiError refusals) and switches for
 * what the tests break: down (fetch fails), slow, failing with 5xx.
 */
import { LedgerApiError } from '@meals/ledger-client';
import type { BuffetItem, SaleRequest, TillCard, TillRefusalRequest } from '@meals/contracts';
import type { TillLedger } from '../../src/ledger/till-ledger.js';

export interface FakePupil {
  cardUid: string;
  accountNumber: string;
  fullName: string;
  className: string;
  balance: number;
  cardStatus?: TillCard['cardStatus'];
  blockReason?: TillCard['blockReason'];
}

export const ASSORTMENT: BuffetItem[] = [
  { itemId: 'pizza', name: 'Пицца 125 г', price: 3450, category: 'Выпечка', active: true, favourite: true },
  {
    itemId: 'bun',
    name: 'Булочка ванильная с изюмом 110 г',
    price: 1650,
    category: 'Выпечка',
    active: true,
    favourite: false,
  },
  {
    itemId: 'juice',
    name: 'Сок в ассортименте 200 г',
    price: 1320,
    category: 'Напитки',
    active: true,
    favourite: true,
  },
  { itemId: 'tea', name: 'Чай с сахаром 200 мл', price: 450, category: 'Напитки', active: true, favourite: false },
  { itemId: 'old', name: 'Снято с продажи', price: 100, category: 'Напитки', active: false, favourite: false },
];

export class FakeLedger implements TillLedger {
  down = false;
  delayMs = 0;
  failWith5xx = false;
  /** the till's key revoked: every call answers 401 */
  keyRevoked = false;
  offlineLimit = 30_000;
  readonly pupils = new Map<string, FakePupil>();
  /** every recordSale call that got through, in arrival order */
  readonly saleCalls: SaleRequest[] = [];
  readonly recorded = new Map<string, SaleRequest>();
  readonly refusals: TillRefusalRequest[] = [];

  constructor(pupils: FakePupil[]) {
    for (const pupil of pupils) this.pupils.set(pupil.cardUid, { cardStatus: 'active', blockReason: null, ...pupil });
  }

  private async gate(): Promise<void> {
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.down) throw new TypeError('fetch failed');
    if (this.failWith5xx) throw LedgerApiError.fromAnswer(503, {}, 'storage unavailable');
    if (this.keyRevoked) {
      throw new LedgerApiError({
        statusCode: 401,
        code: 'unauthorized',
        message: 'bad key',
        messageRu: 'Требуется вход',
      });
    }
  }

  private pupil(cardUid: string): FakePupil {
    const pupil = this.pupils.get(cardUid);
    if (!pupil)
      throw new LedgerApiError({
        statusCode: 404,
        code: 'unknown_card',
        message: 'unknown card',
        messageRu: 'Карта не найдена',
      });
    return pupil;
  }

  async lookupCard(cardUid: string) {
    await this.gate();
    const pupil = this.pupil(cardUid);
    return {
      cardUid,
      cardStatus: pupil.cardStatus!,
      blockReason: pupil.blockReason ?? null,
      accountNumber: pupil.accountNumber,
      accountStatus: 'open' as const,
      fullName: pupil.fullName,
      className: pupil.className,
      schoolId: '24',
      schoolName: 'Школа №24',
      balance: pupil.balance,
      balanceText: '',
      offlineLimit: this.offlineLimit,
    };
  }

  async recentOperations(cardUid: string) {
    await this.gate();
    const pupil = this.pupil(cardUid);
    const lines = [...this.recorded.values()]
      .filter((sale) => sale.cardUid === cardUid)
      .reverse()
      .map((sale) => {
        const total = sale.items.reduce((sum, item) => sum + item.qty * item.price, 0);
        return {
          at: sale.soldAt,
          date: sale.soldAt.slice(0, 10),
          kind: 'sale',
          description: `Чек №${sale.checkNumber}`,
          debit: total,
          credit: 0,
          checkNumber: sale.checkNumber,
          items: sale.items.map((item) => ({ ...item, amount: item.qty * item.price })),
        };
      });
    return {
      accountNumber: pupil.accountNumber,
      fullName: pupil.fullName,
      className: pupil.className,
      schoolId: '24',
      balance: pupil.balance,
      lines,
    };
  }

  async buffetAssortment(schoolId: string) {
    await this.gate();
    return { schoolId, items: ASSORTMENT };
  }

  async reportTillRefusal(schoolId: string, refusal: TillRefusalRequest) {
    await this.gate();
    if (!this.refusals.some((each) => each.checkNumber === refusal.checkNumber)) this.refusals.push(refusal);
    return { status: 'recorded' as const, position: null, schoolId, checkNumber: refusal.checkNumber };
  }

  async issueTemporaryPassword(accountNumber: string) {
    await this.gate();
    return {
      status: 'recorded' as const,
      position: null,
      accountNumber,
      temporaryPassword: 'Щука-7391',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
  }

  async activateCard(cardUid: string) {
    await this.gate();
    const pupil = this.pupil(cardUid);
    if (pupil.cardStatus === 'blocked')
      throw new LedgerApiError({
        statusCode: 409,
        code: 'card_blocked',
        message: 'blocked',
        messageRu: 'Карта заблокирована',
      });
    pupil.cardStatus = 'active';
    return {
      status: 'recorded' as const,
      position: null,
      accountNumber: pupil.accountNumber,
      cardUid,
      cardStatus: 'active' as const,
    };
  }

  async recordSale(sale: SaleRequest) {
    await this.gate();
    this.saleCalls.push(sale);
    const pupil = this.pupil(sale.cardUid);
    const total = sale.items.reduce((sum, item) => sum + item.qty * item.price, 0);
    if (this.recorded.has(sale.checkNumber)) {
      return {
        status: 'duplicate' as const,
        position: null,
        checkNumber: sale.checkNumber,
        accountNumber: pupil.accountNumber,
        total,
        balance: pupil.balance,
      };
    }
    if (pupil.cardStatus === 'blocked')
      throw new LedgerApiError({
        statusCode: 409,
        code: 'card_blocked',
        message: 'blocked',
        messageRu: 'Карта заблокирована',
      });
    const floor = sale.offline ? -this.offlineLimit : 0;
    if (pupil.balance - total < floor) {
      throw new LedgerApiError({
        statusCode: 409,
        code: 'insufficient_funds',
        message: 'insufficient funds',
        messageRu: 'Недостаточно средств',
      });
    }
    pupil.balance -= total;
    this.recorded.set(sale.checkNumber, sale);
    return {
      status: 'recorded' as const,
      position: '1',
      checkNumber: sale.checkNumber,
      accountNumber: pupil.accountNumber,
      total,
      balance: pupil.balance,
    };
  }
}
