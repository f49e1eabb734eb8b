/**
 * Where a service's log lines go: a file descriptor (stdout by default, a log file under
 * `npm start`) written so that logging can never hang or kill the service. A line that
 * cannot be written (the disk is full, the pipe is gone) is dropped and counted; the next
 * line tries again, and the first one that gets through says how many were lost.
 */
import { writeSync } from 'node:fs';

const MAX_EAGAIN_WAITS = 20;
const pause = new Int32Array(new SharedArrayBuffer(4));

export interface LogDestination {
  write(line: string): void;
  /** lines dropped since the start */
  readonly dropped: number;
}

export interface LogDestinationOptions {
  fd?: number;
  /** the `service` field of the line reporting dropped lines */
  service: string;
  /** called once per dropped line (e.g. a metric) */
  onDrop?: () => void;
}

let consoleStreamsGuarded = false;

/** Console output goes to the same descriptor: its write errors must not be fatal either. */
function ignoreConsoleStreamErrors(): void {
  if (consoleStreamsGuarded) return;
  consoleStreamsGuarded = true;
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
}

export function openLogDestination(options: LogDestinationOptions): LogDestination {
  return new DroppingDestination(options.fd ?? 1, options.service, options.onDrop);
}

/**
 * Synchronous writes: a line is in the file (or dropped) when the call returns, which is
 * what lets a failed write be counted, and a process that exits loses nothing.
 */
class DroppingDestination implements LogDestination {
  dropped = 0;
  private droppedSinceLastWrite = 0;
  /** a line was cut short: the next one starts on a line of its own */
  private cutShort = false;

  constructor(
    private readonly fd: number,
    private readonly service: string,
    private readonly onDrop?: () => void,
  ) {
    ignoreConsoleStreamErrors();
  }

  write(line: string): void {
    if (this.droppedSinceLastWrite > 0) {
      const report = JSON.stringify({
        level: 40,
        time: new Date().toISOString(),
        service: this.service,
        droppedLines: this.droppedSinceLastWrite,
        msg: 'log lines were dropped: they could not be written (disk full?)',
      });
      if (!this.tryWrite(`${report}\n`)) return this.drop();
      this.droppedSinceLastWrite = 0;
    }
    if (!this.tryWrite(line)) this.drop();
  }

  private drop(): void {
    this.dropped++;
    this.droppedSinceLastWrite++;
    this.onDrop?.();
  }

  /**
   * The whole line, or false; a line cut short by a full disk counts as dropped. A pipe
   * whose reader is slow (EAGAIN) gets a few milliseconds before the line is given up.
   */
  private tryWrite(line: string): boolean {
    const bytes = Buffer.from(this.cutShort ? `\n${line}` : line, 'utf8');
    let written = 0;
    let waits = 0;
    while (written < bytes.length) {
      try {
        written += writeSync(this.fd, bytes, written);
      } catch (error) {
        if ((error as { code?: string }).code !== 'EAGAIN' || ++waits > MAX_EAGAIN_WAITS) {
          if (written > 0) this.cutShort = true;
          return false;
        }
        Atomics.wait(pause, 0, 0, 1);
      }
    }
    this.cutShort = false;
    return true;
  }
}
