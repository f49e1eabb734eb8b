import { homeOf, picksWorkspace, sectionOf, staffSections } from '../src/lib/staff-access.js';
import { mealTypeFilter, mealTypeRows } from '../src/lib/meal-types-view.js';
import { gridView, pupilAssignmentChanges } from '../src/lib/order-grid-view.js';
import { syncRows } from '../src/lib/sync-view.js';
import type { MealType, OrderGrid } from '../src/lib/staff-contract.js';

const type = (overrides: Partial<MealType> = {}): MealType => ({
  mealTypeId: 'mt-1',
  departmentId: 'uo-1',
  name: 'Обед',
  serviceType: 'обед',
  benefitCategory: 'Без льгот',
  hot: true,
  dynamicCost: true,
  costs: { rb: 2000, mb: 1000, rp: null },
  status: 'active',
  statusEffectiveFrom: '2026-09-01',
  statusChanges: [
    { status: 'active', effectiveFrom: '2026-09-01' },
    { status: 'archived', effectiveFrom: '2026-12-31' },
  ],
  orderedEver: true,
  createdAt: '2026-08-01T00:00:00Z',
  ...overrides,
});

describe('staff access', () => {
  it('gives each role its sections and its first page', () => {
    expect(staffSections('class_teacher')).toEqual(['class-orders']);
    expect(staffSections('school_staff')).toEqual(['school-orders', 'class-orders']);
    expect(homeOf({ role: 'meal_operator', departmentId: 'uo-1' }, 'uo-1')).toBe('/staff/meal-types');
    expect(homeOf({ role: 'ministry', departmentId: null }, null)).toBe('/staff/workspace');
    expect(homeOf({ role: 'ministry', departmentId: null }, 'uo-1')).toBe('/staff/meal-types');
    expect(picksWorkspace({ role: 'meal_operator', departmentId: 'uo-1' })).toBe(false);
    expect(picksWorkspace({ role: 'school_staff', departmentId: null })).toBe(false);
    expect(sectionOf('/staff/meal-types/mt-1')).toBe('meal-types');
    expect(sectionOf('/staff/workspace')).toBeNull();
  });
});

describe('meal types table', () => {
  it('filters by status and name, shows the dynamic share and a scheduled change', () => {
    const rows = mealTypeRows(
      [
        type(),
        type({ mealTypeId: 'mt-2', name: 'Завтрак', status: 'inactive', statusEffectiveFrom: null, statusChanges: [] }),
      ],
      mealTypeFilter(new URL('http://x/?status=active&q=обе')),
      '2026-12-06',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      rp: 'по дням',
      rb: '20,00 руб.',
      statusText: 'Действует с 01.09.2026',
      pendingText: 'Архивный с 31.12.2026',
    });
    expect(mealTypeFilter(new URL('http://x/?status=bogus')).status).toBeNull();
  });
});

describe('order grid', () => {
  const grid: OrderGrid = {
    schoolId: '24',
    className: '03Б',
    date: '2026-12-06',
    editable: false,
    lockedBySync: true,
    reason: null,
    mealTypes: [type()],
    pupils: [
      {
        accountNumber: '1',
        fullName: 'А',
        balance: -500,
        mealTypeIds: ['mt-1'],
        cells: [{ mealTypeId: 'mt-1', ordered: true, charge: 6230 }],
      },
      {
        accountNumber: '2',
        fullName: 'Б',
        balance: 100,
        mealTypeIds: ['mt-1'],
        cells: [{ mealTypeId: 'mt-1', ordered: false, charge: null }],
      },
    ],
  };

  it('totals the charges, counts per type and says why the day is closed', () => {
    const view = gridView(grid);
    expect(view.totalCharged).toBe('62,30 руб.');
    expect(view.mealTypes[0]?.orderedCount).toBe(1);
    expect(view.closedBecause).toMatch(/синхронизирован/);
    expect(view.pupils[0]).toMatchObject({ negative: true, cells: [{ ordered: true, charge: '62,30 руб.' }] });
  });

  it('sends only the pupils whose assigned types changed', () => {
    const checked: Record<string, string[]> = { '1': ['mt-1'], '2': [] };
    expect(pupilAssignmentChanges(grid, (account) => checked[account] ?? [])).toEqual([
      { accountNumber: '2', fullName: 'Б', mealTypeIds: [] },
    ]);
  });
});

describe('sync rows', () => {
  it('orders schools by number and says what a sync would do', () => {
    const base = { date: '2026-12-06', deliveredAt: null, lastError: null, attempts: 0 };
    const rows = syncRows([
      { ...base, schoolId: '10', ordersVersion: 3, deliveredVersion: 2, state: 'stale' },
      { ...base, schoolId: '9', ordersVersion: 0, deliveredVersion: null, state: 'never' },
    ]);
    expect(rows.map((row) => [row.schoolId, row.stateText, row.versions, row.needsSync])).toEqual([
      ['9', 'Не синхронизировано', '— из 0', false],
      ['10', 'Есть изменения после синхронизации', '2 из 3', true],
    ]);
  });
});
