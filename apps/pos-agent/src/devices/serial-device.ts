/**
 * One serial device (reader or printer) kept open: when it is unplugged (`close` with
 * `disconnected`) or cannot be opened, the same port instance is reopened with a backoff that
 * doubles up to a ceiling. Writes are refused while it is not open, never queued: serialport
 * would send bytes written to a closed port after reopening, and an old receipt printed late
 * is worse than a clear «Печатать снова».
 */
import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import type { DeviceStatus } from './device-status.js';

export interface SerialDeviceOptions {
  path: string;
  baudRate: number;
  /** first reopen pause (ms), doubled up to maxBackoffMs */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** a write not drained within this time fails (a printer that stopped taking bytes) */
  writeTimeoutMs?: number;
}

export interface SerialDeviceEvents {
  data: [Buffer];
  status: [DeviceStatus];
}

export class SerialDevice extends EventEmitter<SerialDeviceEvents> {
  private readonly port: SerialPort;
  private stopped = false;
  private backoffMs: number;
  private timer: NodeJS.Timeout | null = null;
  private current: DeviceStatus;

  constructor(private readonly options: SerialDeviceOptions) {
    super();
    this.backoffMs = options.initialBackoffMs ?? 200;
    this.current = { state: 'connecting', path: options.path, problem: null };
    this.port = new SerialPort({ path: options.path, baudRate: options.baudRate, autoOpen: false });
    this.port.on('data', (chunk: Buffer) => this.emit('data', chunk));
    this.port.on('close', (error?: Error & { disconnected?: boolean }) => {
      if (this.stopped) return;
      this.setStatus('disconnected', error?.disconnected ? 'устройство отключено' : 'порт закрыт');
      this.scheduleOpen();
    });
    this.port.on('error', (error: Error) => {
      if (this.stopped) return;
      this.setStatus(this.port.isOpen ? 'connected' : 'disconnected', `ошибка порта: ${error.message}`);
    });
  }

  get status(): DeviceStatus {
    return this.current;
  }

  start(): void {
    this.open();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.port.isOpen) await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }

  /** Writes and waits until the bytes left the process; rejects when not open or stuck. */
  write(bytes: Uint8Array): Promise<void> {
    if (!this.port.isOpen) return Promise.reject(new Error(`${this.options.path} is not connected`));
    const timeoutMs = this.options.writeTimeoutMs ?? 5_000;
    return new Promise<void>((resolve, reject) => {
      const onClose = () => finish(new Error(`${this.options.path} was disconnected while writing`));
      const timer = setTimeout(
        () => finish(new Error(`${this.options.path} did not take the bytes in ${timeoutMs} ms`)),
        timeoutMs,
      );
      let done = false;
      const finish = (error?: Error | null) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.port.off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      this.port.once('close', onClose);
      this.port.write(Buffer.from(bytes), (error) => {
        if (error) return finish(error);
        this.port.drain((drainError) => finish(drainError));
      });
    });
  }

  private open(): void {
    if (this.stopped) return;
    this.setStatus('connecting', this.current.problem);
    this.port.open((error) => {
      if (this.stopped) {
        if (!error) this.port.close();
        return;
      }
      if (error) {
        this.setStatus('disconnected', `не открывается: ${error.message}`);
        this.scheduleOpen();
        return;
      }
      this.backoffMs = this.options.initialBackoffMs ?? 200;
      this.setStatus('connected', null);
    });
  }

  private scheduleOpen(): void {
    if (this.stopped || this.timer) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 5_000);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.open();
    }, delay);
  }

  private setStatus(state: DeviceStatus['state'], problem: string | null): void {
    this.current = { state, path: this.options.path, problem };
    this.emit('status', this.current);
  }
}
