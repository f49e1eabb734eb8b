/** A school id is its municipal number, 1–3 digits without leading zeros: `24`, `7`, `153`. */
const SCHOOL_ID = /^[1-9]\d{0,2}$/;

export const isValidSchoolId = (value: unknown): value is string => typeof value === 'string' && SCHOOL_ID.test(value);

/** The 3-digit code a school has inside account numbers: `24` → `024`. */
export function schoolCode(schoolId: string): string {
  if (!isValidSchoolId(schoolId)) throw new RangeError(`not a school id: ${schoolId}`);
  return schoolId.padStart(3, '0');
}
