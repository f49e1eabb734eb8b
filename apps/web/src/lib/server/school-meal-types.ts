/**
 * The meal types a school works with: the department's list (what the coordinator may assign)
 * and the ids assigned to the school.
 */
import type { MealType } from '#lib/staff-contract.ts';
import type { StaffLedger } from './staff-ledger.ts';

export async function schoolMealTypes(
  ledger: StaffLedger,
  schoolId: string,
): Promise<{ available: MealType[]; assignedIds: string[] }> {
  const answer = await ledger.schoolMealTypes(schoolId);
  let available = answer.mealTypes;
  if (!available) {
    // the ledger lists the school's own department for a school user
    const [department] = await ledger.departments();
    available = department ? await ledger.mealTypes(department.departmentId) : [];
  }
  return { available, assignedIds: answer.mealTypeIds };
}
