import { DomainError, orderEditability, requireEditableDay, type EditWindowInput } from '@meals/domain';
import { TODAY, settings } from './meal-fixtures.js';

const input = (over: Partial<EditWindowInput>): EditWindowInput => ({
  editor: 'class_teacher',
  schoolId: '24',
  date: TODAY,
  today: TODAY,
  settings: settings({ teacherEditDays: 2, coordinatorEditDays: 5 }),
  daySynced: null,
  ...over,
});
const refusal = (over: Partial<EditWindowInput>) => {
  try {
    requireEditableDay(input(over));
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('edit windows of daily orders (seed 004)', () => {
  it('always lets today be edited, even with no days back', () => {
    expect(refusal({ settings: settings() })).toBeNull();
    expect(refusal({ settings: settings(), date: '2024-01-17' })).toBe('order_window_closed');
  });

  it('lets a class teacher edit N previous days and a coordinator M', () => {
    expect(refusal({ date: '2024-01-16' })).toBeNull();
    expect(refusal({ date: '2024-01-15' })).toBe('order_window_closed');
    expect(refusal({ editor: 'coordinator', date: '2024-01-13' })).toBeNull();
    expect(refusal({ editor: 'coordinator', date: '2024-01-12' })).toBe('order_window_closed');
  });

  it('locks a synced day when the settings say so, and only then', () => {
    const synced = { deliveredVersion: 3 };
    expect(refusal({ daySynced: synced })).toBeNull();
    expect(refusal({ daySynced: { deliveredVersion: null }, settings: settings({ lockAfterSync: true }) })).toBeNull();
    expect(refusal({ daySynced: synced, settings: settings({ lockAfterSync: true }) })).toBe(
      'orders_locked_after_sync',
    );
    expect(orderEditability(input({ daySynced: synced, settings: settings({ lockAfterSync: true }) }))).toMatchObject({
      editable: false,
      lockedBySync: true,
    });
  });

  it('frees exempt schools from every restriction', () => {
    const exempt = settings({ lockAfterSync: true, exemptSchoolIds: ['24'] });
    expect(refusal({ settings: exempt, date: '2023-12-01', daySynced: { deliveredVersion: 1 } })).toBeNull();
    expect(refusal({ settings: exempt, schoolId: '7', date: '2023-12-01' })).toBe('order_window_closed');
  });

  it('refuses orders more than a month ahead', () => {
    expect(refusal({ date: '2024-02-18' })).toBeNull();
    expect(refusal({ date: '2024-02-19' })).toBe('order_window_closed');
  });
});
