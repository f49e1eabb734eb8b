/** Meal management's queries (seed 004): meal types, order settings, the schools' day orders. */
import {
  DEFAULT_ORDER_SETTINGS,
  mealTypeStatusOn,
  mealTypeStatusSince,
  type MealTypeStatus,
  type OrderSettings,
} from '@meals/domain';
import type { ReadModelStore } from '@meals/read-model-store';
import { collections } from '../collections.js';
import { mealDayId, type MealDayOrderDoc, type MealTypeDoc } from '../documents.js';
import { TypedReadModels } from '../typed-read-models.js';

export interface MealTypeListItem {
  mealTypeId: string;
  departmentId: string;
  name: string;
  serviceType: string;
  benefitCategory: string;
  hot: boolean;
  dynamicCost: boolean;
  costs: { rb: number | null; mb: number | null; rp: number | null };
  status: MealTypeStatus;
  statusEffectiveFrom: string | null;
  statusChanges: { status: MealTypeStatus; effectiveFrom: string }[];
  orderedEver: boolean;
  createdAt: string;
}

/** A meal type as the API shows it, with its status on `today`. */
export function mealTypeView(doc: MealTypeDoc, today: string): MealTypeListItem {
  return {
    mealTypeId: doc.mealTypeId,
    departmentId: doc.departmentId,
    name: doc.name,
    serviceType: doc.serviceType,
    benefitCategory: doc.benefitCategory,
    hot: doc.hot,
    dynamicCost: doc.dynamicCost,
    costs: doc.costs,
    status: mealTypeStatusOn(doc, today),
    statusEffectiveFrom: mealTypeStatusSince(doc, today),
    statusChanges: doc.statusChanges,
    orderedEver: doc.orderedEver,
    createdAt: doc.createdOn,
  };
}

/** A department's meal types (not deleted), by name; only those with `status` on `today` when given. */
export async function departmentMealTypes(
  store: ReadModelStore,
  departmentId: string,
  today: string,
  status?: MealTypeStatus,
): Promise<MealTypeListItem[]> {
  const docs = await new TypedReadModels(store).find(collections.mealTypes, { where: { departmentId } });
  return docs
    .filter((doc) => !doc.deleted)
    .map((doc) => mealTypeView(doc, today))
    .filter((view) => status === undefined || view.status === status)
    .sort((a, b) => a.name.localeCompare(b.name, 'ru') || a.mealTypeId.localeCompare(b.mealTypeId));
}

/** A department's order settings (the defaults until it saves some). */
export async function getOrderSettings(store: ReadModelStore, departmentId: string): Promise<OrderSettings> {
  const doc = await new TypedReadModels(store).get(collections.mealSettings, departmentId);
  if (!doc) return { ...DEFAULT_ORDER_SETTINGS, exemptSchoolIds: [] };
  const { _id, departmentId: _department, ...settings } = doc;
  return settings;
}

export interface DayOrderLineView {
  className: string;
  accountNumber: string;
  fullName: string;
  mealTypeId: string;
  mealTypeName: string;
  serviceType: string;
  costs: { rb: number; mb: number; rp: number };
}

export interface SchoolDayOrdersView {
  schoolId: string;
  date: string;
  version: number;
  lines: DayOrderLineView[];
}

const byClassAndName = (a: MealDayOrderDoc, b: MealDayOrderDoc): number =>
  a.className.localeCompare(b.className, 'ru') ||
  a.fullName.localeCompare(b.fullName, 'ru') ||
  a.accountNumber.localeCompare(b.accountNumber) ||
  a.mealTypeName.localeCompare(b.mealTypeName, 'ru');

/** The meals ordered at a school for a day (a class's only, when given). */
export async function orderedMeals(
  store: ReadModelStore,
  schoolId: string,
  date: string,
  className?: string,
): Promise<MealDayOrderDoc[]> {
  const where =
    className === undefined ? { schoolId, date, ordered: true } : { schoolId, date, className, ordered: true };
  const docs = await new TypedReadModels(store).find(collections.mealDayOrders, { where });
  return docs.sort(byClassAndName);
}

/** A school's day order with its version (what the supplier sync sends). */
export async function schoolDayOrders(
  store: ReadModelStore,
  schoolId: string,
  date: string,
): Promise<SchoolDayOrdersView> {
  const [day, docs] = await Promise.all([
    new TypedReadModels(store).get(collections.mealDayVersions, mealDayId(schoolId, date)),
    orderedMeals(store, schoolId, date),
  ]);
  return {
    schoolId,
    date,
    version: day?.version ?? 0,
    lines: docs.map(({ className, accountNumber, fullName, mealTypeId, mealTypeName, serviceType, costs }) => ({
      className,
      accountNumber,
      fullName,
      mealTypeId,
      mealTypeName,
      serviceType,
      costs,
    })),
  };
}

/** The schools whose orders for the day ever changed (also those emptied since: the supplier must hear it). */
export async function schoolsWithOrders(store: ReadModelStore, date: string): Promise<string[]> {
  const days = await new TypedReadModels(store).find(collections.mealDayVersions, { where: { date } });
  return days.map((day) => day.schoolId).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
