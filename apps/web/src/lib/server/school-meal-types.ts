/**
 * The meal types a school works with: its department's list (what the coordinator may assign;
 * school staff read their school's department) and the ids assigned to the school.
 */
import type { MealType } from '#lib/staff-contract.ts';
import type { StaffLedger } from './staff-ledger.ts';

export async function schoolMealTypes(
  ledger: StaffLedger,
  schoolId: string,
): Promise<{ available: MealType[]; assignedIds: string[] }> {
  const [assigned, departments] = await Promise.all([ledger.schoolMealTypes(schoolId), ledger.departments()]);
  // a school user's list holds their school's department only
  const department = departments.length === 1 ? departments[0] : undefined;
  const available = department ? await ledger.mealTypes(department.departmentId) : assigned.mealTypes;
  return { available, assignedIds: assigned.mealTypeIds };
}
