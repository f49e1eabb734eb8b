/**
 * The till agent assembled: store, link state, delivery, devices and desks, and what the
 * screen is told. Card lines from the reader (real or simulated) become the current card;
 * every change is pushed to the screen as a fresh `ScreenState`.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Logger } from 'pino';
import type { CardReader } from './devices/card-reader.js';
import type { CardLine } from './devices/card-line-parser.js';
import type { DeviceStatus } from './devices/device-status.js';
import type { PrintedReceipt, ReceiptPrinter } from './devices/receipt-printer.js';
import type { TillLedger } from './ledger/till-ledger.js';
import { LinkState } from './link-state.js';
import type { TillIdentity } from './receipts/till-receipts.js';
import { AccountDesk } from './sales/account-desk.js';
import { Assortment, type AssortmentView } from './sales/assortment.js';
import { CardDesk, type CardView } from './sales/card-desk.js';
import type { Outcome } from './sales/outcome.js';
import { ReceiptDesk } from './sales/receipt-desk.js';
import { SaleDesk, type BasketLine } from './sales/sale-desk.js';
import { TillStore } from './store/till-store.js';
import { CheckDelivery } from './sync/check-delivery.js';

export interface TillAgentOptions {
  till: TillIdentity;
  dataDir: string;
  ledger: TillLedger;
  reader: CardReader;
  printer: ReceiptPrinter;
  log: Logger;
  offlineLimitKopecks: number;
  firstCheckSeq: number;
  saleWaitMs: number;
  /** how often a till that is offline tries the ledger again (ms) */
  probeMs?: number;
}

export interface Notice {
  kind: 'info' | 'warning' | 'error';
  text: string;
  at: string;
}

export interface ScreenState {
  till: { schoolId: string; schoolName: string; tillId: string };
  link: { online: boolean; problem: string | null; queued: number; refused: number };
  devices: { reader: DeviceStatus; printer: DeviceStatus };
  card: CardView | null;
  notice: Notice | null;
  receipts: PrintedReceipt[];
  unprinted: { id: string; checkNumber: string; total: number }[];
}

export interface SaleOutcome {
  checkNumber: string;
  total: number;
  offline: boolean;
  balanceAfter: number | null;
  printed: boolean;
  problem: string | null;
}

const KEPT_RECEIPTS = 5;
/** probes between two refreshes of the assortment while online (30 × 2 s = 1 min) */
const ASSORTMENT_REFRESH_TICKS = 30;

export class TillAgent extends EventEmitter<{ changed: [] }> {
  readonly store: TillStore;
  readonly link = new LinkState();
  readonly delivery: CheckDelivery;
  private readonly cards: CardDesk;
  private readonly assortment: Assortment;
  private readonly sales: SaleDesk;
  private readonly receipts: ReceiptDesk;
  private readonly accounts: AccountDesk;
  private current: CardView | null = null;
  private notice: Notice | null = null;
  private printed: PrintedReceipt[] = [];
  private probe: NodeJS.Timeout | null = null;
  private changePending = false;

  constructor(private readonly options: TillAgentOptions) {
    super();
    const { till, ledger, log } = options;
    mkdirSync(options.dataDir, { recursive: true });
    this.store = new TillStore({
      file: join(options.dataDir, 'till.db'),
      schoolId: till.schoolId,
      firstSeq: options.firstCheckSeq,
    });
    this.delivery = new CheckDelivery({ store: this.store, ledger, schoolId: till.schoolId, log });
    this.cards = new CardDesk(this.store, ledger, this.link);
    this.assortment = new Assortment(this.store, ledger, this.link, till.schoolId);
    this.receipts = new ReceiptDesk(this.store, options.printer, till);
    this.accounts = new AccountDesk(ledger, this.link, this.cards, till);
    this.sales = new SaleDesk({
      store: this.store,
      cards: this.cards,
      assortment: this.assortment,
      delivery: this.delivery,
      link: this.link,
      offlineLimitKopecks: options.offlineLimitKopecks,
      saleWaitMs: options.saleWaitMs,
    });
    this.delivery.on('link', (online, problem) => this.link.set(online, problem));
    this.delivery.on('settled', () => this.changed());
    this.link.on('changed', () => {
      log.info({ online: this.link.online }, this.link.online ? 'ledger reachable' : 'ledger not reachable');
      if (this.link.online) this.delivery.kick();
      this.changed();
    });
    options.reader.on('line', (line) => void this.onReaderLine(line));
    options.reader.on('status', (status) => this.deviceChanged('Считыватель', status));
    options.printer.on('status', (status) => this.deviceChanged('Принтер', status));
    options.printer.on('printed', (receipt) => {
      this.printed = [receipt, ...this.printed].slice(0, KEPT_RECEIPTS);
      this.changed();
    });
  }

  async start(): Promise<void> {
    this.options.reader.start();
    this.options.printer.start();
    await this.assortment.refresh();
    this.delivery.kick();
    const probeMs = this.options.probeMs ?? 2_000;
    // offline: try the ledger again now and then (a cheap read that also refreshes the cached
    // assortment); online: refresh the assortment now and then for the next cut
    let ticks = 0;
    this.probe = setInterval(() => {
      ticks += 1;
      const due = ticks % ASSORTMENT_REFRESH_TICKS === 0;
      if (due || !this.link.online || this.store.pendingCount() > 0) void this.assortment.refresh();
    }, probeMs);
  }

  async stop(): Promise<void> {
    if (this.probe) clearInterval(this.probe);
    await this.delivery.stop();
    await Promise.all([this.options.reader.stop(), this.options.printer.stop()]);
    this.store.close();
  }

  state(): ScreenState {
    const { till } = this.options;
    return {
      till: { schoolId: till.schoolId, schoolName: till.schoolName, tillId: till.tillId },
      link: {
        online: this.link.online,
        problem: this.link.problem,
        queued: this.store.pendingCount(),
        refused: this.store.refusals().length,
      },
      devices: { reader: this.options.reader.status, printer: this.options.printer.status },
      card: this.current,
      notice: this.notice,
      receipts: this.printed,
      unprinted: this.receipts.unprinted(),
    };
  }

  /** A card from the reader, the simulated reader or typed in by the cashier. */
  async presentCard(cardUid: string): Promise<Outcome<{ card: CardView }>> {
    const read = await this.cards.read(cardUid);
    this.current = read.ok ? read.card : null;
    this.notice = read.ok ? cardNotice(read.card, this.link.problem) : notice('error', read.message);
    this.changed();
    return read;
  }

  clearCard(): void {
    this.current = null;
    this.notice = null;
    this.changed();
  }

  assortmentView(): Promise<AssortmentView> {
    return this.link.online ? this.assortment.refresh() : Promise.resolve(this.assortment.cached());
  }

  async sell(cardUid: string, basket: BasketLine[]): Promise<Outcome<SaleOutcome>> {
    const sold = await this.sales.sell(cardUid, basket);
    if (!sold.ok) {
      this.notice = notice(sold.code === 'insufficient_funds' ? 'warning' : 'error', sold.message);
      this.changed();
      return sold;
    }
    const { check } = sold;
    const print = await this.receipts.printCheck(check);
    this.options.log.info({ checkNumber: check.checkNumber, offline: check.offline, printed: print.printed }, 'sale');
    // a delivered check carried the ledger's balance back; an offline one leaves the till's estimate
    this.current = this.cards.known(check.cardUid, check.state === 'delivered' ? 'ledger' : 'cache');
    const saleText = `Чек №${check.checkNumber} оплачен${check.offline ? ' (без связи: будет отправлен позже)' : ''}`;
    this.notice = print.printed ? notice('info', saleText) : notice('error', `${saleText}. ${print.problem}`);
    this.changed();
    return {
      ok: true,
      checkNumber: check.checkNumber,
      total: check.total,
      offline: check.offline,
      balanceAfter: check.balanceAfter,
      printed: print.printed,
      problem: print.problem,
    };
  }

  async activateCard(cardUid: string): Promise<Outcome<{ card: CardView }>> {
    const done = await this.accounts.activate(cardUid);
    this.current = done.ok ? done.card : this.current;
    this.notice = done.ok ? notice('info', 'Карта активирована') : notice('error', done.message);
    this.changed();
    return done;
  }

  async printTemporaryPassword(cardUid: string): Promise<Outcome<{ printed: boolean; problem: string | null }>> {
    return this.printSlip(await this.accounts.temporaryPassword(cardUid), 'Временный пароль напечатан');
  }

  async printStatement(cardUid: string): Promise<Outcome<{ printed: boolean; problem: string | null }>> {
    return this.printSlip(await this.accounts.statement(cardUid), 'Детализация напечатана');
  }

  async reprint(id: string): Promise<Outcome<{ printed: boolean; problem: string | null }>> {
    const done = await this.receipts.reprint(id);
    this.notice = !done.ok
      ? notice('error', done.message)
      : done.printed
        ? notice('info', 'Напечатано снова')
        : notice('error', done.problem ?? '');
    this.changed();
    return done;
  }

  private async printSlip(
    made: Awaited<ReturnType<AccountDesk['statement']>>,
    doneText: string,
  ): Promise<Outcome<{ printed: boolean; problem: string | null }>> {
    if (!made.ok) {
      this.notice = notice('error', made.message);
      this.changed();
      return made;
    }
    const print = await this.receipts.printSlip(made.slip);
    this.notice = print.printed ? notice('info', doneText) : notice('error', print.problem ?? '');
    this.changed();
    return { ok: true, ...print };
  }

  private async onReaderLine(line: CardLine): Promise<void> {
    if (line.kind === 'card') {
      await this.presentCard(line.cardUid);
      return;
    }
    this.notice = notice(
      'warning',
      line.reason === 'too_long'
        ? 'Считыватель прислал слишком длинную строку: приложите карту ещё раз'
        : 'Карта не прочитана (помехи): приложите карту ещё раз',
    );
    this.changed();
  }

  private deviceChanged(name: string, status: DeviceStatus): void {
    if (status.state === 'disconnected')
      this.notice = notice('error', `${name} отключён: ${status.problem ?? 'нет связи'}. Переподключаюсь…`);
    else if (status.state === 'connected' && this.notice?.text.startsWith(name))
      this.notice = notice('info', `${name} подключён`);
    this.changed();
  }

  /** Tells the screen once per burst (a queue flushed after a cut settles hundreds of checks at once). */
  private changed(): void {
    if (this.changePending) return;
    this.changePending = true;
    setImmediate(() => {
      this.changePending = false;
      this.emit('changed');
    });
  }
}

const notice = (kind: Notice['kind'], text: string): Notice => ({ kind, text, at: new Date().toISOString() });

function cardNotice(card: CardView, linkProblem: string | null): Notice | null {
  if (card.cardStatus === 'blocked')
    return notice('error', `Карта заблокирована: ${card.blockedReason ?? 'причина не указана'}`);
  if (card.cardStatus === 'issued') return notice('warning', 'Карта не активирована: нажмите «Активация карты»');
  if (card.accountStatus === 'closed') return notice('error', 'Лицевой счёт закрыт');
  if (card.source === 'cache') {
    return notice('warning', `${linkProblem ?? 'Нет связи с сервером'}: баланс по последним данным кассы`);
  }
  return null;
}
