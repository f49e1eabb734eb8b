/**
 * The staff side's ledger calls (issue 10's meal-management API), each made with the signed-in
 * user's token: the ledger decides role and scope; the web app only forwards and shows refusals.
 */
import type {
  CreateMealTypeRequest,
  DayPricesRequest,
  LoginResult,
  MealTypeStatusName,
  OrderSettingsBody,
  UpdateMealTypeRequest,
} from '@meals/contracts';
import { toStaffMe } from '#lib/staff-me.ts';
import { ledgerClient } from './ledger.ts';

export const staffLogin = (username: string, password: string): Promise<LoginResult> =>
  ledgerClient.login({ username, password });

export function staffLedger(token: string) {
  const client = ledgerClient.withToken(token);
  return {
    me: async () => toStaffMe(await client.me()),
    logout: () => client.logout(),
    departments: () => client.departments(),

    mealTypes: async (departmentId: string, status?: MealTypeStatusName) =>
      (await client.mealTypes(departmentId, status ? { status } : {})).mealTypes,
    createMealType: (departmentId: string, request: CreateMealTypeRequest) =>
      client.createMealType(departmentId, request),
    updateMealType: (mealTypeId: string, request: UpdateMealTypeRequest) => client.updateMealType(mealTypeId, request),
    changeMealTypeStatus: (mealTypeId: string, status: MealTypeStatusName, effectiveFrom: string) =>
      client.changeMealTypeStatus(mealTypeId, { status, effectiveFrom }),
    deleteMealType: (mealTypeId: string) => client.deleteMealType(mealTypeId),

    orderSettings: (departmentId: string) => client.orderSettings(departmentId),
    saveOrderSettings: (departmentId: string, settings: OrderSettingsBody) =>
      client.saveOrderSettings(departmentId, settings),

    /** The types assigned to the school (with their views). */
    schoolMealTypes: (schoolId: string) => client.schoolMealTypes(schoolId),
    assignSchoolMealTypes: (schoolId: string, mealTypeIds: string[]) =>
      client.assignSchoolMealTypes(schoolId, { mealTypeIds }),
    dayPrices: (schoolId: string, date: string) => client.dayPrices(schoolId, date),
    saveDayPrices: (schoolId: string, date: string, prices: DayPricesRequest['prices']) =>
      client.setDayPrices(schoolId, date, { prices, confirmed: true }),

    classNames: async (schoolId: string) => {
      const { accounts } = await client.schoolAccounts(schoolId);
      return [...new Set(accounts.map((account) => account.className))].sort((a, b) =>
        a.localeCompare(b, 'ru', { numeric: true }),
      );
    },
    classMealTypes: (schoolId: string, className: string) => client.classMealTypes(schoolId, className),
    assignClassMealTypes: (schoolId: string, className: string, mealTypeIds: string[]) =>
      client.assignClassMealTypes(schoolId, className, { mealTypeIds }),
    assignPupilMealTypes: (schoolId: string, className: string, accountNumber: string, mealTypeIds: string[]) =>
      client.assignPupilMealTypes(schoolId, className, accountNumber, { mealTypeIds }),
    orderGrid: (schoolId: string, className: string, date: string) => client.classOrders(schoolId, className, date),
    saveOrders: async (
      schoolId: string,
      className: string,
      date: string,
      orders: Array<{ accountNumber: string; mealTypeIds: string[] }>,
    ) => (await client.placeClassOrders(schoolId, className, date, { orders })).results,

    syncs: async (departmentId: string, date: string) => (await client.mealSyncs(departmentId, date)).schools,
    syncNow: (schoolId: string, date: string) => client.syncSchoolDay(schoolId, date),
    priceSheetGaps: async (departmentId: string, date: string) =>
      (await client.unconfirmedPriceSheets(departmentId, date)).schools,
  };
}

export type StaffLedger = ReturnType<typeof staffLedger>;
