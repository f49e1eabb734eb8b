/** Where receipts go: a serial ESC/POS printer or, with none configured, the screen and a folder. */
import { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeReceipt } from '../receipts/escpos-receipt.js';
import { receiptAsText, type Receipt } from '../receipts/receipt.js';
import type { DeviceStatus } from './device-status.js';
import { SerialDevice } from './serial-device.js';

export interface ReceiptPrinter extends EventEmitter<{ status: [DeviceStatus]; printed: [PrintedReceipt] }> {
  readonly status: DeviceStatus;
  /** resolves once the printer took every byte; rejects when it is gone or stuck */
  print(receipt: Receipt): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

export interface PrintedReceipt {
  id: string;
  kind: Receipt['kind'];
  text: string;
  at: string;
}

export class SerialReceiptPrinter
  extends EventEmitter<{ status: [DeviceStatus]; printed: [PrintedReceipt] }>
  implements ReceiptPrinter
{
  private readonly device: SerialDevice;

  constructor(
    options: { path: string; baudRate: number; writeTimeoutMs?: number },
    private readonly columns: number,
  ) {
    super();
    this.device = new SerialDevice(options);
    this.device.on('status', (status) => this.emit('status', status));
  }

  get status(): DeviceStatus {
    return this.device.status;
  }

  async print(receipt: Receipt): Promise<void> {
    await this.device.write(encodeReceipt(receipt, this.columns));
    // on paper the password is the parent's: the screen only says that it was printed
    const text =
      receipt.kind === 'temporary-password' ? 'Временный пароль напечатан' : receiptAsText(receipt, this.columns);
    this.emit('printed', { id: receipt.id, kind: receipt.kind, text, at: new Date().toISOString() });
  }

  start(): void {
    this.device.start();
  }

  stop(): Promise<void> {
    return this.device.stop();
  }
}

/** No printer configured: each receipt is shown on the till screen and written to `<dir>/<id>.txt`. */
export class SimulatedReceiptPrinter
  extends EventEmitter<{ status: [DeviceStatus]; printed: [PrintedReceipt] }>
  implements ReceiptPrinter
{
  readonly status: DeviceStatus = { state: 'simulated', path: null, problem: null };

  constructor(
    private readonly dir: string,
    private readonly columns: number,
  ) {
    super();
  }

  async print(receipt: Receipt): Promise<void> {
    const printed = {
      id: receipt.id,
      kind: receipt.kind,
      text: receiptAsText(receipt, this.columns),
      at: new Date().toISOString(),
    };
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, `${receipt.id}.txt`), `${printed.text}\n`);
    this.emit('printed', printed);
  }

  start(): void {}

  async stop(): Promise<void> {}
}
