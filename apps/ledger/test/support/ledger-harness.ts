/**
 * Starts the ledger on temp SQLite files (events, read models, identity) with the
 * projections running in-process, and talks to it through Fastify's inject.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEFAULT_BUSINESS_TIME_LIMITS, type AccountPolicy } from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import { openSqliteEventStore } from '@meals/event-store/sqlite';
import { startProjections, type ProjectionsHandle } from '@meals/projections';
import type { ReadModelStore } from '@meals/read-model-store';
import { openSqliteReadModelStore } from '@meals/read-model-store/sqlite';
import type { IdentityStore } from '../../src/identity/store/identity-store.port.js';
import { openSqliteIdentityStore } from '../../src/identity/store/sqlite-identity-store.js';
import { pino, type Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { createLedgerApp } from '../../src/create-app.js';
import { IdentityDirectory } from '../../src/identity/identity-directory.js';
import type { Role } from '../../src/identity/principal.js';
import type { Clock } from '../../src/infrastructure/tokens.js';
import type { Mailer } from '../../src/mail/mailer.js';
import { LedgerMetrics } from '../../src/observability/metrics.js';
import type { PaymentSettings } from '../../src/payments/payment-settings.js';
import type { JobsOptions } from '../../src/jobs/jobs-providers.js';

export interface HarnessOptions {
  clock?: Clock;
  runTransferReconciler?: boolean;
  /** reuse the files of an earlier harness (a restart) */
  dir?: string;
  logger?: Logger;
  /** wraps the SQLite event store (e.g. to behave like KurrentDB) */
  wrapEventStore?: (store: EventStore) => EventStore;
  /** the account rules' limits; FIXTURE_ERA_POLICY unless given */
  accountPolicy?: AccountPolicy;
  /** where failed logins are counted (e.g. a Redis shared by two harnesses); memory by default */
  loginAttempts?: RateLimiterAbstract;
  /** online top-up: gateway, limits, reconciliation (the sandbox with defaults unless given) */
  payments?: PaymentSettings;
  /** outgoing mail; the outbox in the harness's directory by default */
  mailer?: Mailer;
  /** background jobs (off, with the in-memory sandbox supplier, unless given) */
  jobs?: JobsOptions;
}

const TEN_YEARS_MS = 10 * 366 * 24 * 60 * 60 * 1000;
/**
 * The fixtures are dated January 2024 and the harness runs on the real clock: their dates
 * pass a ten-year window. Date plausibility itself is tested with the configured defaults.
 */
export const FIXTURE_ERA_POLICY: AccountPolicy = {
  overdraftLimit: 0,
  businessTimeLimits: { ...DEFAULT_BUSINESS_TIME_LIMITS, saleMaxAgeMs: TEN_YEARS_MS, topUpMaxAgeMs: TEN_YEARS_MS },
};

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** raw payload (with its content type) instead of JSON */
  payload?: Buffer | string;
  contentType?: string;
  headers?: Record<string, string>;
  remoteAddress?: string;
}

export class LedgerHarness {
  private keyCounter = 0;

  private constructor(
    readonly dir: string,
    readonly app: NestFastifyApplication,
    readonly eventStore: EventStore,
    readonly readModels: ReadModelStore,
    readonly identityStore: IdentityStore,
    readonly identity: IdentityDirectory,
    readonly projections: ProjectionsHandle,
    readonly metrics: LedgerMetrics,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<LedgerHarness> {
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'ledger-test-'));
    const sqliteEventStore = openSqliteEventStore({ path: join(dir, 'events.db'), pollIntervalMs: 10 });
    const eventStore = options.wrapEventStore?.(sqliteEventStore) ?? sqliteEventStore;
    const readModels = await openSqliteReadModelStore({ path: join(dir, 'read-models.db') });
    const identityStore = openSqliteIdentityStore({ path: join(dir, 'identity.db') });
    const identity = new IdentityDirectory(identityStore);
    const projections = await startProjections({ eventStore, readModels, timeZone: 'Europe/Moscow', quietMs: 1 });
    const metrics = new LedgerMetrics();
    const app = await createLedgerApp({
      eventStore,
      readModels,
      identityStore,
      logger: options.logger ?? pino({ level: 'silent' }),
      metrics,
      settings: {
        tokenSecret: 'test-secret-test-secret-test-secret-0123',
        runTransferReconciler: options.runTransferReconciler ?? false,
        accountPolicy: options.accountPolicy ?? FIXTURE_ERA_POLICY,
        dataDir: dir,
      },
      clock: options.clock,
      loginAttempts: options.loginAttempts,
      payments: options.payments,
      mailer: options.mailer,
      jobs: options.jobs,
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new LedgerHarness(dir, app, eventStore, readModels, identityStore, identity, projections, metrics);
  }

  async request<T = any>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    options: RequestOptions = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let payload: string | Buffer | undefined;
    if (options.payload !== undefined) {
      payload = options.payload;
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
    } else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await this.app.inject({ method, url, headers, payload, remoteAddress: options.remoteAddress });
    let body: unknown;
    try {
      body = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      body = undefined;
    }
    return { status: response.statusCode, body: body as T, headers: response.headers, text: response.body };
  }

  get<T = any>(url: string, token?: string) {
    return this.request<T>('GET', url, { token });
  }

  post<T = any>(url: string, body: unknown, token?: string) {
    return this.request<T>('POST', url, { body, token });
  }

  /** A fresh API key of any role (keys are the quickest way to act as a principal). */
  async key(role: Role, scope: { departmentId?: string; schoolId?: string; tillId?: string } = {}): Promise<string> {
    const { key } = await this.identity.createKey(
      { name: `test-${role}-${++this.keyCounter}`, role, ...scope },
      new Date(),
    );
    return key;
  }

  /** A staff user logged in through the API. */
  async staff(
    role: Role,
    scope: { departmentId?: string; schoolId?: string; className?: string } = {},
  ): Promise<string> {
    const username = `user${++this.keyCounter}`;
    await this.identity.createUser({ username, password: 'correct horse battery', role, ...scope }, new Date());
    const login = await this.post('/api/auth/login', { username, password: 'correct horse battery' });
    if (login.status !== 200) throw new Error(`login failed: ${login.text}`);
    return login.body.token as string;
  }

  /** Global position of the last event in the log (null when empty). */
  async headPosition(): Promise<bigint | null> {
    let head: bigint | null = null;
    for (;;) {
      const page = await this.eventStore.readAll({ ...(head === null ? {} : { after: head }), maxCount: 1000 });
      if (page.length === 0) return head;
      head = page[page.length - 1]!.position;
    }
  }

  async eventCount(): Promise<number> {
    let count = 0;
    let after: bigint | undefined;
    for (;;) {
      const page = await this.eventStore.readAll({ ...(after === undefined ? {} : { after }), maxCount: 1000 });
      if (page.length === 0) return count;
      count += page.length;
      after = page[page.length - 1]!.position;
    }
  }

  /** Waits until the read models show everything appended so far. */
  async settle(): Promise<void> {
    const head = await this.headPosition();
    if (head !== null) await this.projections.waitForPosition(head, 10_000);
  }

  /** Closes the app and the stores; keeps the files when `keepFiles` (for a restart). */
  async close(keepFiles = false): Promise<void> {
    await this.app.close();
    await this.projections.stop();
    await this.eventStore.close();
    await this.readModels.close();
    await this.identityStore.close();
    if (!keepFiles) rmSync(this.dir, { recursive: true, force: true });
  }
}
