/**
 * Whether the ledger is reachable, as learnt from every call the agent makes (no separate
 * pinging while the till is busy), and how many checks wait in the queue.
 */
import { EventEmitter } from 'node:events';
import { cashierMessage, isRefusal } from './ledger/ledger-failure.js';

export class LinkState extends EventEmitter<{ changed: [] }> {
  online = true;
  /** why the ledger cannot be reached, for the cashier (Russian) */
  problem: string | null = null;

  set(online: boolean, problem: string | null): void {
    if (online === this.online && problem === this.problem) return;
    this.online = online;
    this.problem = online ? null : problem;
    this.emit('changed');
  }

  /** Runs a ledger call and learns from how it ended; the call's outcome is passed on unchanged. */
  async track<T>(call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      this.set(true, null);
      return result;
    } catch (error) {
      if (isRefusal(error)) this.set(true, null);
      else this.set(false, cashierMessage(error));
      throw error;
    }
  }
}
