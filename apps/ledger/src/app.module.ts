/**
 * The ledger's Nest module. Stores, logger and settings are opened outside Nest and passed
 * in (`LedgerModule.forRoot`), so the HTTP service, tests and benchmarks wire the same
 * module to real SQLite files, a KurrentDB/MongoDB pair, or temp directories.
 */
import { tmpdir } from 'node:os';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import type { EventStore } from '@meals/event-store';
import type { ReadModelStore } from '@meals/read-model-store';
import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { AccountAggregates } from './accounts/account-aggregates.js';
import { AccountCommandRunner } from './accounts/account-command-runner.js';
import { AccountsController } from './accounts/accounts.controller.js';
import { CardIndex } from './accounts/card-index.js';
import { CardsController } from './accounts/cards.controller.js';
import { ActivateCardHandler, BlockCardHandler, ReissueCardHandler } from './accounts/commands/card-commands.js';
import { CloseAccountHandler } from './accounts/commands/close-account.js';
import { MoveAccountHandler } from './accounts/commands/move-account.js';
import { RecordCorrectionHandler } from './accounts/commands/record-correction.js';
import { RecordSaleHandler } from './accounts/commands/record-sale.js';
import { RecordTopUpHandler } from './accounts/commands/record-top-up.js';
import { SalesController } from './accounts/sales.controller.js';
import { TopUpsController } from './accounts/top-ups.controller.js';
import { TransferCompleter } from './accounts/transfer-completer.js';
import { AccessGuard } from './auth/access.guard.js';
import { AuthController } from './auth/auth.controller.js';
import { Authenticator } from './auth/authenticator.js';
import { ScopeChecker } from './auth/scope-checker.js';
import { ApiExceptionFilter } from './http/api-exception.filter.js';
import { CommandContexts } from './http/command-contexts.js';
import { createValidationPipe } from './http/validation.js';
import { IdentityDirectory } from './identity/identity-directory.js';
import {
  memoryLoginAttemptCounters,
  memoryParentLoginCounters,
  type ParentLoginCounters,
} from './identity/login-attempt-counters.js';
import { LoginRateLimiter, ParentLoginRateLimiter } from './identity/login-rate-limiter.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { CabinetAccess } from './parents/cabinet-access.js';
import { ParentAuthController } from './parents/parent-auth.controller.js';
import { ParentController } from './parents/parent.controller.js';
import { TemporaryPasswordController } from './parents/temporary-password.controller.js';
import type { IdentityStore } from './identity/store/identity-store.port.js';
import { SessionTokens } from './identity/session-tokens.js';
import { HealthController } from './observability/health.controller.js';
import { StorageStatus } from './observability/storage-status.js';
import { LedgerMetrics } from './observability/metrics.js';
import { MetricsController } from './observability/metrics.controller.js';
import { GetAccountHandler } from './queries/get-account.js';
import { GetDayTotalsHandler } from './queries/get-day-totals.js';
import { ListSchoolAccountsHandler } from './queries/list-school-accounts.js';
import { GetStatementHandler } from './queries/get-statement.js';
import { LastWrites } from './queries/read-your-write/last-writes.js';
import { ReadModelsProgress } from './queries/read-your-write/read-models-progress.js';
import { ReadYourWriteInterceptor } from './queries/read-your-write/read-your-write.interceptor.js';
import { TransferReconciler } from './reconciler/transfer-reconciler.js';
import { PAYMENT_CONTROLLERS, paymentProviders } from './payments/payment-providers.js';
import { MEALS_CONTROLLERS, mealsProviders } from './meals/meals-providers.js';
import { JOBS_CONTROLLERS, jobsProviders, type JobsOptions } from './jobs/jobs-providers.js';
import type { PaymentSettings } from './payments/payment-settings.js';
import { ImportPupilsHandler } from './schools/commands/import-pupils.js';
import { RegisterSchoolHandler } from './schools/commands/register-school.js';
import { SchoolAggregates } from './schools/school-aggregates.js';
import { SchoolDirectory } from './schools/school-directory.js';
import { SchoolsController } from './schools/schools.controller.js';
import {
  CLOCK,
  EVENT_STORE,
  IDENTITY_STORE,
  LEDGER_SETTINGS,
  LOGGER,
  MAILER,
  READ_MODELS,
  type Clock,
  type LedgerSettings,
} from './infrastructure/tokens.js';

export interface LedgerDependencies {
  eventStore: EventStore;
  readModels: ReadModelStore;
  identityStore: IdentityStore;
  logger: Logger;
  metrics: LedgerMetrics;
  settings: LedgerSettings;
  clock?: Clock;
  /** where failed logins are counted (see login-attempt-counters.ts); this process's memory by default */
  loginAttempts?: RateLimiterAbstract;
  /** online top-up: gateway, limits, reconciliation (the sandbox gateway and default limits when left out) */
  payments?: PaymentSettings;
  /** where failed cabinet logins are counted; memory by default */
  parentLoginAttempts?: ParentLoginCounters;
  /** outgoing mail; the outbox under settings.dataDir (or the temp dir) by default */
  mailer?: Mailer;
  /** background jobs and the meal supplier (no queues, the in-memory sandbox supplier by default) */
  jobs?: JobsOptions;
}

const COMMAND_HANDLERS = [
  RecordSaleHandler,
  RecordTopUpHandler,
  RecordCorrectionHandler,
  MoveAccountHandler,
  CloseAccountHandler,
  ActivateCardHandler,
  BlockCardHandler,
  ReissueCardHandler,
  RegisterSchoolHandler,
  ImportPupilsHandler,
];
const QUERY_HANDLERS = [GetAccountHandler, GetStatementHandler, GetDayTotalsHandler, ListSchoolAccountsHandler];

@Module({})
export class LedgerModule {
  static forRoot(deps: LedgerDependencies): DynamicModule {
    return {
      module: LedgerModule,
      imports: [CqrsModule.forRoot(), TerminusModule.forRoot({ logger: false })],
      controllers: [
        AuthController,
        SchoolsController,
        AccountsController,
        CardsController,
        TopUpsController,
        SalesController,
        HealthController,
        MetricsController,
        ...PAYMENT_CONTROLLERS,
        ...MEALS_CONTROLLERS,
        ...JOBS_CONTROLLERS,
        TemporaryPasswordController,
        ParentAuthController,
        ParentController,
      ],
      providers: [
        { provide: EVENT_STORE, useValue: deps.eventStore },
        { provide: READ_MODELS, useValue: deps.readModels },
        { provide: IDENTITY_STORE, useValue: deps.identityStore },
        { provide: LOGGER, useValue: deps.logger },
        { provide: LEDGER_SETTINGS, useValue: deps.settings },
        { provide: CLOCK, useValue: deps.clock ?? (() => new Date()) },
        { provide: LedgerMetrics, useValue: deps.metrics },
        { provide: StorageStatus, useFactory: () => new StorageStatus(deps.settings.dataDir) },
        {
          provide: AccountAggregates,
          useFactory: () => new AccountAggregates(deps.eventStore, deps.metrics, deps.settings.accountPolicy),
        },
        { provide: SchoolAggregates, useFactory: () => new SchoolAggregates(deps.eventStore, deps.metrics) },
        { provide: IdentityDirectory, useFactory: () => new IdentityDirectory(deps.identityStore) },
        { provide: SessionTokens, useFactory: () => new SessionTokens(deps.settings.tokenSecret) },
        {
          provide: LoginRateLimiter,
          useFactory: () => new LoginRateLimiter(deps.loginAttempts ?? memoryLoginAttemptCounters().counters),
        },
        {
          provide: ParentLoginRateLimiter,
          useFactory: () => new ParentLoginRateLimiter(deps.parentLoginAttempts ?? memoryParentLoginCounters()),
        },
        {
          provide: MAILER,
          useFactory: () => deps.mailer ?? createMailer({ dataDir: deps.settings.dataDir ?? tmpdir() }),
        },
        CabinetAccess,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: LastWrites, useFactory: () => new LastWrites() },
        { provide: ReadModelsProgress, useFactory: () => new ReadModelsProgress(deps.readModels) },
        ReadYourWriteInterceptor,
        Authenticator,
        ScopeChecker,
        SchoolDirectory,
        CardIndex,
        CommandContexts,
        AccountCommandRunner,
        TransferCompleter,
        TransferReconciler,
        ...COMMAND_HANDLERS,
        ...QUERY_HANDLERS,
        ...paymentProviders(deps.eventStore, deps.metrics, deps.payments),
        ...mealsProviders(deps.eventStore, deps.metrics),
        ...jobsProviders(deps.eventStore, deps.metrics, deps.jobs),
      ],
    };
  }
}
