/**
 * A typed client of the ledger's HTTP API, one method per endpoint, typed by the
 * contracts. Built on fetch, so it runs in Node and in browsers alike; Node's fetch keeps
 * connections alive and reuses them per origin. An error answer is thrown as a
 * LedgerApiError; a network failure or a timeout throws what fetch throws.
 */
import type {
  DepartmentSyncsView,
  PriceSheetsView,
  SyncQueuedView,
  AccountProfile,
  BlockCardRequest,
  ChangePasswordRequest,
  ConfirmEmailRequest,
  EmailStatus,
  ParentLoginRequest,
  ParentProfile,
  ParentSession,
  RecoverPasswordRequest,
  ResetPasswordRequest,
  SetEmailRequest,
  TemporaryPasswordResult,
  CardResult,
  CloseAccountRequest,
  CloseAccountResult,
  CorrectionRequest,
  CorrectionResult,
  CreatePaymentRequest,
  CreatePaymentResult,
  DayTotalsQuery,
  LoginRequest,
  LoginResult,
  MoveAccountRequest,
  MoveAccountResult,
  PaymentOrderView,
  PupilImportResult,
  RegisterSchoolRequest,
  ReissueCardResult,
  SaleRequest,
  SaleResult,
  SchoolAccounts,
  SchoolAccountsQueryInput,
  SchoolDayTotals,
  SchoolResult,
  Statement,
  TopUpRequest,
  TopUpResult,
  Me,
  DepartmentList,
  MealTypeList,
  MealTypeListQuery,
  CreateMealTypeRequest,
  UpdateMealTypeRequest,
  ChangeMealTypeStatusRequest,
  MealTypeResult,
  MealCommandResult,
  OrderSettingsBody,
  OrderSettingsView,
  MealTypeIdsRequest,
  SchoolMealTypes,
  ClassMealTypes,
  DayPricesRequest,
  DayPrices,
  ClassOrderGrid,
  ClassOrdersRequest,
  ClassOrdersResult,
  SchoolDayOrders,
} from '@meals/contracts';
import { LedgerApiError } from './ledger-api-error.js';

export interface LedgerClientOptions {
  /** e.g. `http://127.0.0.1:3000` (a path prefix is kept) */
  baseUrl: string;
  /** API key or session token, sent as a bearer token */
  token?: string;
  /** a request that takes longer is aborted (default 30 s) */
  timeoutMs?: number;
}

/** A pupil list file: CSV (UTF-8) or XLSX. */
export interface PupilListFile {
  body: string | Uint8Array;
  contentType: 'text/csv' | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
}

export interface StatementPeriod {
  from: string;
  to: string;
  /** include check items */
  details?: boolean;
}

/** What `/api/health` says (its details vary with the deployment). */
export interface HealthReport {
  status: string;
  details?: Record<string, unknown>;
}

export type LedgerMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Method = LedgerMethod;

export interface LedgerRequest {
  json?: unknown;
  raw?: { body: string | Uint8Array; contentType: string };
  query?: Record<string, string | undefined>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export class LedgerClient {
  private readonly base: string;

  constructor(private readonly options: LedgerClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  /** The same client acting as another principal. */
  withToken(token: string): LedgerClient {
    return new LedgerClient({ ...this.options, token });
  }

  // auth and operations

  login(request: LoginRequest): Promise<LoginResult> {
    return this.call('POST', '/api/auth/login', { json: request });
  }

  /** Ends this client's session (staff or parent): its token is refused from then on. */
  async logout(): Promise<void> {
    await this.call('POST', '/api/auth/logout', {});
  }

  /** Who this token belongs to: role, scope, display name. */
  me(): Promise<Me> {
    return this.call('GET', '/api/auth/me', {});
  }

  // meal management (seed 004)

  /** The education departments the caller may work in (a ministry user picks one). */
  departments(): Promise<DepartmentList> {
    return this.call('GET', '/api/departments', {});
  }

  mealTypes(departmentId: string, query: MealTypeListQuery = {}): Promise<MealTypeList> {
    return this.call('GET', `/api/departments/${segment(departmentId)}/meal-types`, { query: { ...query } });
  }

  createMealType(departmentId: string, request: CreateMealTypeRequest): Promise<MealTypeResult> {
    return this.call('POST', `/api/departments/${segment(departmentId)}/meal-types`, { json: request });
  }

  updateMealType(mealTypeId: string, request: UpdateMealTypeRequest): Promise<MealTypeResult> {
    return this.call('PUT', `/api/meal-types/${segment(mealTypeId)}`, { json: request });
  }

  changeMealTypeStatus(mealTypeId: string, request: ChangeMealTypeStatusRequest): Promise<MealTypeResult> {
    return this.call('POST', `/api/meal-types/${segment(mealTypeId)}/status`, { json: request });
  }

  /** Refused (409) when the type was ever ordered. */
  deleteMealType(mealTypeId: string): Promise<MealCommandResult> {
    return this.call('DELETE', `/api/meal-types/${segment(mealTypeId)}`, {});
  }

  orderSettings(departmentId: string): Promise<OrderSettingsView> {
    return this.call('GET', `/api/departments/${segment(departmentId)}/order-settings`, {});
  }

  saveOrderSettings(departmentId: string, settings: OrderSettingsBody): Promise<MealCommandResult> {
    return this.call('PUT', `/api/departments/${segment(departmentId)}/order-settings`, { json: settings });
  }

  schoolMealTypes(schoolId: string): Promise<SchoolMealTypes> {
    return this.call('GET', `/api/schools/${segment(schoolId)}/meal-types`, {});
  }

  assignSchoolMealTypes(schoolId: string, request: MealTypeIdsRequest): Promise<MealCommandResult> {
    return this.call('PUT', `/api/schools/${segment(schoolId)}/meal-types`, { json: request });
  }

  dayPrices(schoolId: string, date: string): Promise<DayPrices> {
    return this.call('GET', `/api/schools/${segment(schoolId)}/meal-prices/${segment(date)}`, {});
  }

  setDayPrices(schoolId: string, date: string, request: DayPricesRequest): Promise<MealCommandResult> {
    return this.call('PUT', `/api/schools/${segment(schoolId)}/meal-prices/${segment(date)}`, { json: request });
  }

  classMealTypes(schoolId: string, className: string): Promise<ClassMealTypes> {
    return this.call('GET', `/api/schools/${segment(schoolId)}/classes/${segment(className)}/meal-types`, {});
  }

  assignClassMealTypes(schoolId: string, className: string, request: MealTypeIdsRequest): Promise<MealCommandResult> {
    const path = `/api/schools/${segment(schoolId)}/classes/${segment(className)}/meal-types`;
    return this.call('PUT', path, { json: request });
  }

  assignPupilMealTypes(
    schoolId: string,
    className: string,
    accountNumber: string,
    request: MealTypeIdsRequest,
  ): Promise<MealCommandResult> {
    const path = `/api/schools/${segment(schoolId)}/classes/${segment(className)}/pupils/${segment(accountNumber)}/meal-types`;
    return this.call('PUT', path, { json: request });
  }

  classOrders(schoolId: string, className: string, date: string): Promise<ClassOrderGrid> {
    const path = `/api/schools/${segment(schoolId)}/classes/${segment(className)}/orders/${segment(date)}`;
    return this.call('GET', path, {});
  }

  /** Set semantics for the listed pupils; refusals come per pupil in the answer. */
  placeClassOrders(
    schoolId: string,
    className: string,
    date: string,
    request: ClassOrdersRequest,
  ): Promise<ClassOrdersResult> {
    const path = `/api/schools/${segment(schoolId)}/classes/${segment(className)}/orders/${segment(date)}`;
    return this.call('PUT', path, { json: request });
  }

  schoolDayOrders(schoolId: string, date: string): Promise<SchoolDayOrders> {
    return this.call('GET', `/api/schools/${segment(schoolId)}/orders/${segment(date)}`, {});
  }

  // the parents' cabinet

  /** Till or staff: the parent's temporary password, returned this once. */
  issueTemporaryPassword(accountNumber: string): Promise<TemporaryPasswordResult> {
    return this.call('POST', `/api/accounts/${segment(accountNumber)}/temporary-password`, {});
  }

  parentLogin(request: ParentLoginRequest): Promise<ParentSession> {
    return this.call('POST', '/api/auth/parent/login', { json: request });
  }

  /** With a parent token (also a temporary password's): a new permanent password and a full session. */
  changeParentPassword(request: ChangePasswordRequest): Promise<ParentSession> {
    return this.call('POST', '/api/auth/parent/password', { json: request });
  }

  parentProfile(): Promise<ParentProfile> {
    return this.call('GET', '/api/parent/me', {});
  }

  setParentEmail(request: SetEmailRequest): Promise<EmailStatus> {
    return this.call('PUT', '/api/parent/email', { json: request });
  }

  confirmParentEmail(request: ConfirmEmailRequest): Promise<EmailStatus> {
    return this.call('POST', '/api/auth/parent/email/confirm', { json: request });
  }

  /** Always answers alike (202), whether or not a mail was sent. */
  async recoverParentPassword(request: RecoverPasswordRequest): Promise<void> {
    await this.call('POST', '/api/auth/parent/recover', { json: request });
  }

  async resetParentPassword(request: ResetPasswordRequest): Promise<void> {
    await this.call('POST', '/api/auth/parent/reset', { json: request });
  }

  /** Never throws for an unhealthy ledger (503): the report says what is wrong. */
  async health(): Promise<{ healthy: boolean; report: HealthReport }> {
    const { status, body } = await this.send('GET', '/api/health', {});
    if (status !== 200 && status !== 503) throw LedgerApiError.fromAnswer(status, body, JSON.stringify(body));
    return { healthy: status === 200, report: body as HealthReport };
  }

  // schools

  registerSchool(request: RegisterSchoolRequest): Promise<SchoolResult> {
    return this.call('POST', '/api/schools', { json: request });
  }

  importPupils(schoolId: string, list: PupilListFile): Promise<PupilImportResult> {
    return this.call('POST', `/api/schools/${segment(schoolId)}/pupils/import`, { raw: list });
  }

  dayTotals(schoolId: string, period: DayTotalsQuery): Promise<SchoolDayTotals> {
    return this.call('GET', `/api/schools/${segment(schoolId)}/day-totals`, { query: { ...period } });
  }

  schoolAccounts(schoolId: string, filter: SchoolAccountsQueryInput = {}): Promise<SchoolAccounts> {
    return this.call('GET', `/api/schools/${segment(schoolId)}/accounts`, { query: { ...filter } });
  }

  // accounts

  account(accountNumber: string): Promise<AccountProfile> {
    return this.call('GET', `/api/accounts/${segment(accountNumber)}`, {});
  }

  statement(accountNumber: string, { from, to, details }: StatementPeriod): Promise<Statement> {
    const query = { from, to, ...(details === undefined ? {} : { details: String(details) }) };
    return this.call('GET', `/api/accounts/${segment(accountNumber)}/statement`, { query });
  }

  moveAccount(accountNumber: string, request: MoveAccountRequest): Promise<MoveAccountResult> {
    return this.call('POST', `/api/accounts/${segment(accountNumber)}/move`, { json: request });
  }

  closeAccount(accountNumber: string, request: CloseAccountRequest): Promise<CloseAccountResult> {
    return this.call('POST', `/api/accounts/${segment(accountNumber)}/close`, { json: request });
  }

  blockCard(accountNumber: string, request: BlockCardRequest): Promise<CardResult> {
    return this.call('POST', `/api/accounts/${segment(accountNumber)}/cards/block`, { json: request });
  }

  reissueCard(accountNumber: string): Promise<ReissueCardResult> {
    return this.call('POST', `/api/accounts/${segment(accountNumber)}/cards/reissue`, {});
  }

  recordCorrection(accountNumber: string, request: CorrectionRequest): Promise<CorrectionResult> {
    return this.call('POST', `/api/accounts/${segment(accountNumber)}/corrections`, { json: request });
  }

  // money and cards at tills and banks

  activateCard(cardUid: string): Promise<CardResult> {
    return this.call('POST', `/api/cards/${segment(cardUid)}/activate`, {});
  }

  recordTopUp(request: TopUpRequest): Promise<TopUpResult> {
    return this.call('POST', '/api/top-ups', { json: request });
  }

  // online top-up through the acquiring gateway

  /** Registers an order with the gateway; send the browser to the answer's `formUrl`. */
  createPayment(request: CreatePaymentRequest): Promise<CreatePaymentResult> {
    return this.call('POST', '/api/payments', { json: request });
  }

  /** The order's status (a still-registered order is checked with the gateway first) and the balance. */
  payment(orderId: string): Promise<PaymentOrderView> {
    return this.call('GET', `/api/payments/${segment(orderId)}`, {});
  }

  recordSale(request: SaleRequest): Promise<SaleResult> {
    return this.call('POST', '/api/sales', { json: request });
  }

  // supplier sync of the schools' day orders (background jobs)

  /** Each school's sync of the day: order version, delivered version, state, last error. */
  mealSyncs(departmentId: string, date: string): Promise<DepartmentSyncsView> {
    return this.call('GET', `/api/departments/${segment(departmentId)}/syncs`, { query: { date } });
  }

  /** «Синхронизировать сейчас»: queues the school's day for delivery to its supplier. */
  syncSchoolDay(schoolId: string, date: string): Promise<SyncQueuedView> {
    return this.call('POST', `/api/schools/${segment(schoolId)}/orders/${segment(date)}/sync`, {});
  }

  /** The department's schools whose dynamic prices for the day are not confirmed. */
  unconfirmedPriceSheets(departmentId: string, date: string): Promise<PriceSheetsView> {
    return this.call('GET', `/api/departments/${segment(departmentId)}/price-sheets`, { query: { date } });
  }

  /**
   * Any endpoint, for callers whose endpoints have no method here yet (the web app's parent
   * and payment calls): the answer's JSON body, or a LedgerApiError.
   */
  request<T>(method: LedgerMethod, path: string, send: LedgerRequest = {}): Promise<T> {
    return this.call(method, path, send);
  }

  private async call<T>(method: Method, path: string, send: LedgerRequest): Promise<T> {
    const { status, body, text } = await this.send(method, path, send);
    if (status < 200 || status >= 300) throw LedgerApiError.fromAnswer(status, body, text);
    return body as T;
  }

  private async send(method: Method, path: string, { json, raw, query }: LedgerRequest) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.token) headers['authorization'] = `Bearer ${this.options.token}`;
    let body: string | Uint8Array | undefined;
    if (json !== undefined) {
      body = JSON.stringify(json);
      headers['content-type'] = 'application/json';
    } else if (raw) {
      body = raw.body;
      headers['content-type'] = raw.contentType;
    }
    const response = await fetch(this.base + path + queryString(query), {
      method,
      headers,
      body,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    // always read the body: that hands the connection back for reuse
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    let parsed: unknown = text;
    if (isJson && text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, body: parsed, text };
  }
}

const segment = (value: string): string => encodeURIComponent(value);

function queryString(query: Record<string, string | undefined> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
