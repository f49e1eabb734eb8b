/**
 * The meal-management API of issue 10 as the web app reads it (kopecks, `YYYY-MM-DD` dates).
 * These mirror the shapes fixed between the three engineers of the issue; they move to
 * `@meals/contracts` imports once the ledger's contracts export them.
 */
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

/** `GET /api/auth/me` for a staff user. */
export interface StaffMe {
  username: string;
  displayName: string;
  role: StaffRole;
  departmentId: string | null;
  schoolId: string | null;
  className: string | null;
}

export interface Department {
  departmentId: string;
  name: string;
}

export type MealTypeStatus = 'inactive' | 'active' | 'archived';

/** Cost per funding source in kopecks: РБ (regional budget), МБ (local budget), РП (parents' share). */
export interface MealCosts {
  rb: number | null;
  mb: number | null;
  rp: number | null;
}

export interface MealTypeFields {
  name: string;
  serviceType: string;
  benefitCategory: string;
  hot: boolean;
  dynamicCost: boolean;
}

export interface MealType extends MealTypeFields {
  mealTypeId: string;
  departmentId: string;
  costs: MealCosts;
  status: MealTypeStatus;
  /** from when the current status applies */
  statusFrom: string | null;
  /** a status change waiting for its date */
  pendingStatus: { status: MealTypeStatus; effectiveFrom: string } | null;
  /** a type that was ever ordered can never be deleted */
  orderedEver: boolean;
}

export interface OrderSettings {
  teacherEditDays: number;
  coordinatorEditDays: number;
  negativeBalanceLimitRoubles: number | null;
  creditDays: number | null;
  lockAfterSync: boolean;
  autoResyncAfterEdit: boolean;
  exemptSchoolIds: string[];
}

export interface DayPrices {
  schoolId: string;
  date: string;
  prices: Array<{ mealTypeId: string; costs: MealCosts }>;
  confirmed: boolean;
}

export interface OrderCell {
  mealTypeId: string;
  ordered: boolean;
  /** the parents' share charged for it, kopecks (0 when not ordered) */
  charge: number;
}

export interface OrderGridPupil {
  accountNumber: string;
  fullName: string;
  balance: number;
  /** types assigned to this pupil (the class's when none are assigned to the pupil) */
  mealTypeIds: string[];
  cells: OrderCell[];
}

export interface OrderGrid {
  schoolId: string;
  className: string;
  date: string;
  mealTypes: Array<Pick<MealType, 'mealTypeId' | 'name' | 'serviceType' | 'dynamicCost' | 'costs'>>;
  pupils: OrderGridPupil[];
  editable: boolean;
  lockedBySync: boolean;
  reason: string | null;
}

export interface OrderResult {
  accountNumber: string;
  status: 'recorded' | 'duplicate' | 'refused';
  messageRu?: string | null;
}

export type SyncState = 'never' | 'synced' | 'stale' | 'failed' | 'queued';

export interface SchoolSync {
  schoolId: string;
  schoolName?: string;
  date: string;
  ordersVersion: number;
  deliveredVersion: number | null;
  state: SyncState;
  lastError: string | null;
  attempts: number;
}

export interface PriceSheetGap {
  schoolId: string;
  schoolName?: string;
  date: string;
}
