/**
 * One service as a child process that is kept running: when it exits without being asked
 * to, it is started again after a pause that doubles with every quick crash (capped), and
 * the supervisor says so. A service that keeps crashing right after its start is given up
 * (it would only fill its log); one that ran for a while starts again from the shortest pause.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { basename } from 'node:path';

export interface RestartPolicy {
  /** the first pause before a restart (ms) */
  initialDelayMs: number;
  /** the longest pause (ms) */
  maxDelayMs: number;
  /** a run shorter than this is a quick crash (ms) */
  quickCrashMs: number;
  /** this many quick crashes in a row: give up */
  maxQuickCrashes: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  quickCrashMs: 10_000,
  maxQuickCrashes: 5,
};

/** What runs: a node script (`main`), or another program and its arguments (`command`). */
export type SupervisedProcessOptions = SupervisedProcessBaseOptions &
  ({ main: string; command?: never } | { command: readonly [string, ...string[]]; main?: never });

interface SupervisedProcessBaseOptions {
  /** the name in messages, e.g. 'ledger' */
  name: string;
  env: NodeJS.ProcessEnv;
  /** stdout and stderr are appended here */
  logFile: string;
  policy?: Partial<RestartPolicy>;
  /** status lines for people (restarts, giving up) */
  say: (line: string) => void;
  /** called with every new child (e.g. to lower its priority) */
  onStart?: (child: ChildProcess) => void;
  /** the service was given up: it crashed too often right after starting */
  onGiveUp?: (reason: string) => void;
  /** an exit before `markReady` is not restarted but reported here (start-up failure) */
  onStartupExit?: (reason: string) => void;
}

/** How long stop() waits for a child after SIGTERM before SIGKILL. */
const STOP_GRACE_MS = 10_000;

export class SupervisedProcess {
  private child: ChildProcess | null = null;
  private readonly policy: RestartPolicy;
  private stopping = false;
  private ready = false;
  private quickCrashes = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  /** how many times the service was started (1 after start()) */
  starts = 0;

  constructor(private readonly options: SupervisedProcessOptions) {
    this.policy = { ...DEFAULT_RESTART_POLICY, ...options.policy };
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    this.spawnChild();
  }

  /** From now on an exit is a crash to restart from (before, a start-up failure). */
  markReady(): void {
    this.ready = true;
  }

  /** Stops the service for good: SIGTERM, then SIGKILL after a grace period. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  private spawnChild(): void {
    const log = openSync(this.options.logFile, 'a');
    let child: ChildProcess;
    try {
      const [file, ...args] = this.options.command ?? [process.execPath, this.options.main];
      child = spawn(file, args, { env: this.options.env, stdio: ['ignore', log, log] });
    } finally {
      closeSync(log); // the child has its own copy of the descriptor
    }
    this.child = child;
    this.starts++;
    const startedAt = Date.now();
    this.options.onStart?.(child);
    let ended = false;
    const end = (code: number | null, signal: NodeJS.Signals | null) => {
      if (ended) return;
      ended = true;
      this.exited(startedAt, code, signal);
    };
    child.once('exit', end);
    // the program could not be run at all (e.g. not installed): an exit like any other
    child.once('error', () => end(127, null));
  }

  private exited(startedAt: number, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping) return;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    const log = basename(this.options.logFile);
    if (!this.ready) {
      this.options.onStartupExit?.(`${this.options.name} exited (${how}) during start-up`);
      return;
    }
    const quick = Date.now() - startedAt < this.policy.quickCrashMs;
    this.quickCrashes = quick ? this.quickCrashes + 1 : 1;
    if (this.quickCrashes > this.policy.maxQuickCrashes) {
      const reason =
        `${this.options.name} crashed ${this.policy.maxQuickCrashes} times in a row within ` +
        `${this.policy.quickCrashMs / 1000} s of starting; giving up (see ${this.options.logFile})`;
      this.options.say(reason);
      this.options.onGiveUp?.(reason);
      return;
    }
    const delayMs = Math.min(this.policy.initialDelayMs * 2 ** (this.quickCrashes - 1), this.policy.maxDelayMs);
    this.options.say(`${this.options.name} exited (${how}), restarting in ${formatSeconds(delayMs)} (log: ${log})`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopping) return;
      this.spawnChild();
      this.options.say(`${this.options.name} restarted (pid ${this.child?.pid})`);
    }, delayMs);
  }
}

const formatSeconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
