/**
 * A department's order settings (stream `meal-settings-<departmentId>`, seed 004): the
 * edit windows of class teachers and coordinators, the negative-balance limit OR the
 * credit days (never both), the lock after sync, the automatic re-sync and the schools
 * exempt from all of these.
 */
import { foldWith, type Decider } from '../decider.js';
import { MEAL_SETTINGS_EVENT_TYPES } from '../event-catalogue.js';
import { isValidSchoolId } from '../school-id.js';
import { requireId } from '../validation.js';
import { conflictingBalanceSettings, invalidOrderSettings } from './meal-errors.js';
import { mealSettingsStreamId, type MealSettingsEvent, type OrderSettings } from './meal-events.js';

/** What a department has before it saves any settings: today only, no negative balance, no locks. */
export const DEFAULT_ORDER_SETTINGS: OrderSettings = Object.freeze({
  teacherEditDays: 0,
  coordinatorEditDays: 0,
  negativeBalanceLimitRoubles: null,
  creditDays: null,
  lockAfterSync: false,
  autoResyncAfterEdit: false,
  exemptSchoolIds: [],
});

export interface OrderSettingsState {
  departmentId: string;
  settings: OrderSettings;
  saved: boolean;
}

export const initialOrderSettingsState: OrderSettingsState = Object.freeze({
  departmentId: '',
  settings: DEFAULT_ORDER_SETTINGS,
  saved: false,
});

export interface SaveOrderSettings {
  type: 'SaveOrderSettings';
  departmentId: string;
  settings: OrderSettings;
}

const MAX_DAYS = 366;

function requireDays(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > MAX_DAYS) {
    throw invalidOrderSettings(field, `${field} — целое число от ${min} до ${MAX_DAYS}`);
  }
  return value;
}

function requireSettings(settings: OrderSettings): OrderSettings {
  const { negativeBalanceLimitRoubles: limit, creditDays } = settings;
  if (limit !== null && creditDays !== null) throw conflictingBalanceSettings();
  if (limit !== null && (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1 || limit > 1_000_000)) {
    throw invalidOrderSettings(
      'negativeBalanceLimitRoubles',
      'максимальный отрицательный баланс — целое положительное число рублей',
    );
  }
  const exempt = [...new Set(settings.exemptSchoolIds)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (exempt.some((schoolId) => !isValidSchoolId(schoolId))) {
    throw invalidOrderSettings('exemptSchoolIds', 'список ОО для отмены ограничений содержит неверный номер школы');
  }
  return {
    teacherEditDays: requireDays(settings.teacherEditDays, 'teacherEditDays', 0),
    coordinatorEditDays: requireDays(settings.coordinatorEditDays, 'coordinatorEditDays', 0),
    negativeBalanceLimitRoubles: limit,
    creditDays: creditDays === null ? null : requireDays(creditDays, 'creditDays', 1),
    lockAfterSync: settings.lockAfterSync === true,
    autoResyncAfterEdit: settings.autoResyncAfterEdit === true,
    exemptSchoolIds: exempt,
  };
}

export function decideOrderSettings(command: SaveOrderSettings, state: OrderSettingsState): MealSettingsEvent[] {
  const departmentId = requireId(command.departmentId, 'departmentId');
  const settings = requireSettings(command.settings);
  if (state.saved && JSON.stringify(state.settings) === JSON.stringify(settings)) return [];
  return [{ type: 'meal-settings.changed.v1', data: { departmentId, ...settings } }];
}

export function evolveOrderSettings(_state: OrderSettingsState, event: MealSettingsEvent): OrderSettingsState {
  const { departmentId, ...settings } = event.data;
  return { departmentId, settings, saved: true };
}

export const orderSettingsDecider: Decider<SaveOrderSettings, OrderSettingsState, MealSettingsEvent> = {
  decide: decideOrderSettings,
  evolve: evolveOrderSettings,
  fold: foldWith(evolveOrderSettings),
  initialState: initialOrderSettingsState,
  streamId: mealSettingsStreamId,
  eventTypes: MEAL_SETTINGS_EVENT_TYPES,
};

/** The school is exempt from every restriction of the settings. */
export const isExemptSchool = (settings: OrderSettings, schoolId: string): boolean =>
  settings.exemptSchoolIds.includes(schoolId);
