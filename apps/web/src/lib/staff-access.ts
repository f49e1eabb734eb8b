/** What each staff role sees on the staff side (the ledger still checks every call). */
import type { StaffMe, StaffRole } from './staff-contract.js';

export const ROLE_LABELS_RU: Record<StaffRole, string> = {
  ministry: 'Министерство образования',
  meal_operator: 'Муниципальный оператор питания',
  department_admin: 'Администратор УО',
  school_staff: 'Ответственный за питание ОО',
  class_teacher: 'Классный руководитель',
  auditor: 'Аудитор',
  admin: 'Администратор системы',
};

export type StaffSection = 'meal-types' | 'order-settings' | 'syncs' | 'school-orders' | 'class-orders';

export const SECTION_LINKS: ReadonlyArray<{ section: StaffSection; href: string; label: string }> = [
  { section: 'meal-types', href: '/staff/meal-types', label: 'Управление питанием' },
  { section: 'order-settings', href: '/staff/order-settings', label: 'Настройки заказа' },
  { section: 'syncs', href: '/staff/syncs', label: 'Синхронизация' },
  { section: 'school-orders', href: '/staff/school-orders', label: 'Сводный заказ питания' },
  { section: 'class-orders', href: '/staff/class-orders', label: 'Заказ питания' },
];

const DEPARTMENT_SECTIONS: StaffSection[] = ['meal-types', 'order-settings', 'syncs'];

export function staffSections(role: StaffRole): StaffSection[] {
  switch (role) {
    case 'ministry':
    case 'meal_operator':
    case 'department_admin':
    case 'auditor':
    case 'admin':
      return DEPARTMENT_SECTIONS;
    case 'school_staff':
      return ['school-orders', 'class-orders'];
    case 'class_teacher':
      return ['class-orders'];
  }
}

/** Users without a department of their own choose one («Выбор рабочей области»). */
export function picksWorkspace(me: Pick<StaffMe, 'role' | 'departmentId'>): boolean {
  return staffSections(me.role).includes('meal-types') && me.departmentId === null;
}

/** The first page after sign-in. */
export function homeOf(me: Pick<StaffMe, 'role' | 'departmentId'>, workspace: string | null): string {
  if (picksWorkspace(me) && !workspace) return '/staff/workspace';
  const [first] = staffSections(me.role);
  return SECTION_LINKS.find((link) => link.section === first)?.href ?? '/staff';
}

/** Which section a staff path belongs to (null for the pages every staff user has). */
export function sectionOf(path: string): StaffSection | null {
  return SECTION_LINKS.find((link) => path === link.href || path.startsWith(`${link.href}/`))?.section ?? null;
}
