/**
 * The meal-management API of issue 10 as the web app reads it (kopecks, `YYYY-MM-DD` dates):
 * the ledger's contracts under the names the pages use, and who a staff user is.
 */
import type { MealTypeView, UpdateMealTypeRequest } from '@meals/contracts';

export type {
  ClassOrderGrid as OrderGrid,
  ClassOrdersResult,
  DepartmentSummary as Department,
  MealCosts,
  MealSyncStateName as SyncState,
  MealTypeStatusName as MealTypeStatus,
  OrderSettingsBody as OrderSettings,
  SchoolSyncView as SchoolSync,
} from '@meals/contracts';

export type MealType = MealTypeView;

/** The fields of a meal type besides its costs (`dynamicCost` is fixed at creation, like the costs). */
export type MealTypeFields = UpdateMealTypeRequest & { dynamicCost?: boolean };

/** The roles that work on the staff side. */
export const STAFF_ROLES = [
  'ministry',
  'meal_operator',
  'department_admin',
  'school_staff',
  'class_teacher',
  'auditor',
  'admin',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A signed-in staff user as the pages need it (from `GET /api/auth/me`). */
export interface StaffMe {
  username: string;
  displayName: string;
  role: StaffRole;
  departmentId: string | null;
  schoolId: string | null;
  className: string | null;
}
