import { DEFAULT_ORDER_SETTINGS, orderSettingsDecider, type MealSettingsEvent } from '@meals/domain';
import { givenDecider } from '../support/given-when-then.js';
import { settings } from './meal-fixtures.js';

const save = (over: object) => ({
  type: 'SaveOrderSettings' as const,
  departmentId: 'uo-1',
  settings: settings(over),
});
const changed = (over: object): MealSettingsEvent => ({
  type: 'meal-settings.changed.v1',
  data: { departmentId: 'uo-1', ...settings(over) },
});

describe('order settings (seed 004)', () => {
  it('starts with today only, no negative balance, no locks, no exempt schools', () => {
    expect(orderSettingsDecider.initialState.settings).toEqual(DEFAULT_ORDER_SETTINGS);
  });

  it('saves edit windows, a negative balance limit, the sync flags and exempt schools (sorted, once each)', () => {
    givenDecider(orderSettingsDecider)
      .when(
        save({
          teacherEditDays: 5,
          coordinatorEditDays: 10,
          negativeBalanceLimitRoubles: 100,
          lockAfterSync: true,
          exemptSchoolIds: ['24', '7', '24'],
        }),
      )
      .then([
        changed({
          teacherEditDays: 5,
          coordinatorEditDays: 10,
          negativeBalanceLimitRoubles: 100,
          lockAfterSync: true,
          exemptSchoolIds: ['7', '24'],
        }),
      ]);
  });

  it('refuses the negative balance limit and credit days together: only one of them works', () => {
    givenDecider(orderSettingsDecider)
      .when(save({ negativeBalanceLimitRoubles: 100, creditDays: 3 }))
      .thenRefused('conflicting_balance_settings');
  });

  it('refuses fractional or negative days and limits', () => {
    for (const bad of [
      { teacherEditDays: 1.5 },
      { coordinatorEditDays: -1 },
      { creditDays: 0 },
      { negativeBalanceLimitRoubles: 0 },
      { negativeBalanceLimitRoubles: 10.5 },
    ]) {
      expect(() => orderSettingsDecider.decide(save(bad), orderSettingsDecider.initialState)).toThrow(
        expect.objectContaining({ code: 'invalid_order_settings' }),
      );
    }
  });

  it('records nothing when the settings are saved unchanged', () => {
    givenDecider(orderSettingsDecider, changed({ creditDays: 3 }))
      .when(save({ creditDays: 3 }))
      .thenNothing();
  });
});
