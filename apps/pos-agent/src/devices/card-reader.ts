/** Where card numbers come from: a serial reader (one line per card) or, with none configured, the screen's card picker. */
import { EventEmitter } from 'node:events';
import { CardLineParser, type CardLine } from './card-line-parser.js';
import type { DeviceStatus } from './device-status.js';
import { SerialDevice } from './serial-device.js';

export interface CardReaderEvents {
  line: [CardLine];
  status: [DeviceStatus];
}

export interface CardReader extends EventEmitter<CardReaderEvents> {
  readonly status: DeviceStatus;
  start(): void;
  stop(): Promise<void>;
}

export class SerialCardReader extends EventEmitter<CardReaderEvents> implements CardReader {
  private readonly device: SerialDevice;
  private parser = new CardLineParser();

  constructor(options: { path: string; baudRate: number }) {
    super();
    this.device = new SerialDevice(options);
    this.device.on('status', (status) => {
      if (status.state !== 'connected') this.parser = new CardLineParser(); // a half line from before the unplug is not a card
      this.emit('status', status);
    });
    this.device.on('data', (chunk) => {
      for (const line of this.parser.push(chunk)) this.emit('line', line);
    });
  }

  get status(): DeviceStatus {
    return this.device.status;
  }

  start(): void {
    this.device.start();
  }

  stop(): Promise<void> {
    return this.device.stop();
  }
}

/** No reader configured: the card picker on the till screen stands in for it (cards go straight to the agent). */
export class SimulatedCardReader extends EventEmitter<CardReaderEvents> implements CardReader {
  readonly status: DeviceStatus = { state: 'simulated', path: null, problem: null };

  start(): void {}

  async stop(): Promise<void> {}
}
