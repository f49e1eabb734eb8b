/**
 * The staff side's ledger calls (issue 10's meal-management API), each made with the signed-in
 * user's token: the ledger decides role and scope; the web app only forwards and shows refusals.
 */
import type { LoginResult } from '@meals/contracts';
import type {
  DayPrices,
  Department,
  MealCosts,
  MealType,
  MealTypeFields,
  MealTypeStatus,
  OrderGrid,
  OrderResult,
  OrderSettings,
  PriceSheetGap,
  SchoolSync,
  StaffMe,
} from '#lib/staff-contract.ts';
import { ledgerClient } from './ledger.ts';

const seg = encodeURIComponent;

export const staffLogin = (username: string, password: string): Promise<LoginResult> =>
  ledgerClient.login({ username, password });

/** A list answer, whether the ledger wraps it in an object or not. */
function listOf<T>(answer: unknown, key: string): T[] {
  if (Array.isArray(answer)) return answer as T[];
  const inner = (answer as Record<string, unknown> | null)?.[key];
  return Array.isArray(inner) ? (inner as T[]) : [];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** `GET /api/auth/me`, whether the scope comes flat or under `scope`. */
export function toStaffMe(raw: Record<string, unknown>): StaffMe {
  const scope = (typeof raw['scope'] === 'object' && raw['scope'] !== null ? raw['scope'] : raw) as Record<
    string,
    unknown
  >;
  const username = text(raw['username']) ?? text(raw['id'])?.replace(/^user:/, '') ?? '';
  return {
    username,
    displayName: text(raw['displayName']) ?? text(raw['name']) ?? username,
    role: raw['role'] as StaffMe['role'],
    departmentId: text(scope['departmentId']),
    schoolId: text(scope['schoolId']),
    className: text(scope['className']),
  };
}

export function staffLedger(token: string) {
  const client = ledgerClient.withToken(token);
  const get = <T>(path: string, query?: Record<string, string | undefined>) =>
    client.request<T>('GET', path, { query });
  const put = <T>(path: string, json: unknown) => client.request<T>('PUT', path, { json });
  const post = <T>(path: string, json: unknown) => client.request<T>('POST', path, { json });

  return {
    me: async () => toStaffMe(await get<Record<string, unknown>>('/api/auth/me')),
    logout: () => client.logout(),
    departments: async () => listOf<Department>(await get('/api/departments'), 'departments'),

    mealTypes: async (departmentId: string, status?: MealTypeStatus) =>
      listOf<MealType>(await get(`/api/departments/${seg(departmentId)}/meal-types`, { status }), 'mealTypes'),
    createMealType: (departmentId: string, fields: MealTypeFields & { costs: MealCosts }) =>
      post<{ mealTypeId: string }>(`/api/departments/${seg(departmentId)}/meal-types`, fields),
    updateMealType: (mealTypeId: string, fields: MealTypeFields) => put(`/api/meal-types/${seg(mealTypeId)}`, fields),
    changeMealTypeStatus: (mealTypeId: string, status: MealTypeStatus, effectiveFrom: string) =>
      post(`/api/meal-types/${seg(mealTypeId)}/status`, { status, effectiveFrom }),
    deleteMealType: (mealTypeId: string) => client.request('DELETE', `/api/meal-types/${seg(mealTypeId)}`),

    orderSettings: (departmentId: string) => get<OrderSettings>(`/api/departments/${seg(departmentId)}/order-settings`),
    saveOrderSettings: (departmentId: string, settings: OrderSettings) =>
      put(`/api/departments/${seg(departmentId)}/order-settings`, settings),

    /** The school's assigned types, and the department's types it may choose from when the ledger lists them. */
    schoolMealTypes: (schoolId: string) =>
      get<{ mealTypeIds: string[]; mealTypes?: MealType[] }>(`/api/schools/${seg(schoolId)}/meal-types`),
    assignSchoolMealTypes: (schoolId: string, mealTypeIds: string[]) =>
      put(`/api/schools/${seg(schoolId)}/meal-types`, { mealTypeIds }),
    dayPrices: (schoolId: string, date: string) =>
      get<DayPrices>(`/api/schools/${seg(schoolId)}/meal-prices/${seg(date)}`),
    saveDayPrices: (schoolId: string, date: string, prices: DayPrices['prices']) =>
      put(`/api/schools/${seg(schoolId)}/meal-prices/${seg(date)}`, { prices, confirmed: true }),

    classNames: async (schoolId: string) => {
      const { accounts } = await client.schoolAccounts(schoolId);
      return [...new Set(accounts.map((account) => account.className))].sort((a, b) =>
        a.localeCompare(b, 'ru', { numeric: true }),
      );
    },
    classMealTypes: async (schoolId: string, className: string) =>
      (await get<{ mealTypeIds: string[] }>(`/api/schools/${seg(schoolId)}/classes/${seg(className)}/meal-types`))
        .mealTypeIds,
    assignClassMealTypes: (schoolId: string, className: string, mealTypeIds: string[]) =>
      put(`/api/schools/${seg(schoolId)}/classes/${seg(className)}/meal-types`, { mealTypeIds }),
    assignPupilMealTypes: (schoolId: string, className: string, accountNumber: string, mealTypeIds: string[]) =>
      put(`/api/schools/${seg(schoolId)}/classes/${seg(className)}/pupils/${seg(accountNumber)}/meal-types`, {
        mealTypeIds,
      }),
    orderGrid: (schoolId: string, className: string, date: string) =>
      get<OrderGrid>(`/api/schools/${seg(schoolId)}/classes/${seg(className)}/orders/${seg(date)}`),
    saveOrders: async (
      schoolId: string,
      className: string,
      date: string,
      orders: Array<{ accountNumber: string; mealTypeIds: string[] }>,
    ) =>
      listOf<OrderResult>(
        await put(`/api/schools/${seg(schoolId)}/classes/${seg(className)}/orders/${seg(date)}`, { orders }),
        'results',
      ),

    syncs: async (departmentId: string, date: string) =>
      listOf<SchoolSync>(await get(`/api/departments/${seg(departmentId)}/syncs`, { date }), 'schools'),
    syncNow: (schoolId: string, date: string) => post(`/api/schools/${seg(schoolId)}/orders/${seg(date)}/sync`, {}),
    priceSheetGaps: async (departmentId: string, date: string) =>
      listOf<PriceSheetGap>(await get(`/api/departments/${seg(departmentId)}/price-sheets`, { date }), 'schools'),
  };
}

export type StaffLedger = ReturnType<typeof staffLedger>;
