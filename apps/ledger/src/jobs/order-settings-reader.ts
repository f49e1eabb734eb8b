/**
 * The department's order settings the jobs need (the meals slice binds it to its
 * `getOrderSettings` read-model query; tests use a fake).
 */
export interface SyncSettings {
  autoResyncAfterEdit: boolean;
  /** schools the settings do not apply to */
  exemptSchoolIds: readonly string[];
}

export interface OrderSettingsReader {
  /** null: the department has never saved its settings (nothing is switched on) */
  syncSettings(departmentId: string): Promise<SyncSettings | null>;
}

export const ORDER_SETTINGS_READER = Symbol('OrderSettingsReader');
