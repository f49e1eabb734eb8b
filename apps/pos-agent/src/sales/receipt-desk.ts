/**
 * Printing never decides a sale: the check is recorded first, then printed. A printer that
 * errors or vanishes leaves the check marked unprinted with «Печатать снова» on screen;
 * slips (password, statement) are kept in memory for a reprint too.
 */
import type { ReceiptPrinter } from '../devices/receipt-printer.js';
import type { Receipt } from '../receipts/receipt.js';
import { saleReceipt, type TillIdentity } from '../receipts/till-receipts.js';
import type { TillStore } from '../store/till-store.js';
import type { QueuedCheck } from '../store/till-records.js';
import { refused, type Outcome } from './outcome.js';

const KEPT_SLIPS = 20;

export class ReceiptDesk {
  private readonly slips = new Map<string, Receipt>();

  constructor(
    private readonly store: TillStore,
    private readonly printer: ReceiptPrinter,
    private readonly till: TillIdentity,
  ) {}

  /** Prints a sale's check; `printed: false` with the printer's problem when it failed. */
  async printCheck(check: QueuedCheck): Promise<{ printed: boolean; problem: string | null }> {
    const result = await this.tryPrint(saleReceipt(this.till, check));
    this.store.markPrinted(check.checkNumber, result.printed);
    return result;
  }

  async printSlip(slip: Receipt): Promise<{ printed: boolean; problem: string | null }> {
    this.slips.set(slip.id, slip);
    while (this.slips.size > KEPT_SLIPS) this.slips.delete(this.slips.keys().next().value!);
    return this.tryPrint(slip);
  }

  /** «Печатать снова»: a check by its number, or a kept slip by its receipt id. */
  async reprint(id: string): Promise<Outcome<{ printed: boolean; problem: string | null }>> {
    const checkNumber = id.startsWith('check-') ? id.slice('check-'.length) : id;
    const check = this.store.check(checkNumber);
    if (check && check.state !== 'declined') return { ok: true, ...(await this.printCheck(check)) };
    const slip = this.slips.get(id);
    if (slip) return { ok: true, ...(await this.tryPrint(slip)) };
    return refused('no_receipt', 'Такого чека нет');
  }

  unprinted(): { id: string; checkNumber: string; total: number }[] {
    return this.store
      .unprinted()
      .map((check) => ({ id: `check-${check.checkNumber}`, checkNumber: check.checkNumber, total: check.total }));
  }

  private async tryPrint(receipt: Receipt): Promise<{ printed: boolean; problem: string | null }> {
    try {
      await this.printer.print(receipt);
      return { printed: true, problem: null };
    } catch (error) {
      return {
        printed: false,
        problem: `Чек не напечатан (${this.printer.status.problem ?? (error as Error).message}): нажмите «Печатать снова»`,
      };
    }
  }
}
