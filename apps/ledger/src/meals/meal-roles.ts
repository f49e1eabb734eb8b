/** Who may do what in meal management (seed 004); the scope is checked by the routes. */
import type { Role } from '../identity/principal.js';

/** Read meal types, settings, assignments, prices and orders within their scope. */
export const MEAL_READER_ROLES = [
  'admin',
  'ministry',
  'meal_operator',
  'department_admin',
  'school_staff',
  'class_teacher',
  'auditor',
] as const satisfies readonly Role[];

/** Meal types and order settings of a department: the municipal meal operator and the department admin. */
export const MEAL_TYPE_EDITOR_ROLES = ['admin', 'meal_operator', 'department_admin'] as const satisfies readonly Role[];

/** The school's meal types and dynamic day prices: the school's coordinator (school_staff). */
export const SCHOOL_MEAL_EDITOR_ROLES = ['admin', 'school_staff'] as const satisfies readonly Role[];

/** A class's meal types, its pupils' types and daily orders: the class teacher, or the school's coordinator. */
export const CLASS_MEAL_EDITOR_ROLES = ['admin', 'school_staff', 'class_teacher'] as const satisfies readonly Role[];
