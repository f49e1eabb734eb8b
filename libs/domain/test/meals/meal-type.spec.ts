import {
  mealTypeDecider,
  mealTypeStatusOn,
  pricedMeal,
  schoolMealsDecider,
  type MealTypeEvent,
  type SchoolMealsEvent,
} from '@meals/domain';
import { givenDecider } from '../support/given-when-then.js';
import { TODAY, breakfastCreated, dynamicLunchCreated, mealType, statusChanged } from './meal-fixtures.js';

const given = (...history: MealTypeEvent[]) => givenDecider(mealTypeDecider, ...history);
const create = (over: object = {}) => ({
  type: 'CreateMealType' as const,
  mealTypeId: 'mt-breakfast',
  departmentId: 'uo-1',
  name: 'Завтрак 1-4',
  serviceType: 'завтрак',
  benefitCategory: 'Без льготы',
  hot: true,
  dynamicCost: false,
  costs: { rb: 2000, mb: 1000, rp: 4500 },
  today: '2024-01-10',
  ...over,
});
const changeStatus = (
  status: 'inactive' | 'active' | 'archived',
  effectiveFrom: string,
  mealTypeId = 'mt-breakfast',
) => ({
  type: 'ChangeMealTypeStatus' as const,
  mealTypeId,
  status,
  effectiveFrom,
  today: TODAY,
});

describe('meal types (seed 004)', () => {
  it('creates a type «Не действует» by default, with its costs per funding source', () => {
    given().when(create()).then([breakfastCreated()]);
    expect(mealTypeStatusOn(mealType(breakfastCreated()), '2030-01-01')).toBe('inactive');
  });

  it('creates a dynamic type with the variable share (РП) empty, and refuses one with it set', () => {
    given()
      .when(
        create({
          mealTypeId: 'mt-lunch',
          name: 'Обед (собственное производство)',
          serviceType: 'обед',
          dynamicCost: true,
          costs: { rb: 0, mb: 0, rp: null },
        }),
      )
      .then([dynamicLunchCreated()]);
    given()
      .when(create({ dynamicCost: true }))
      .thenRefused('invalid_meal_costs');
  });

  it('refuses negative, fractional or missing costs of a fixed type', () => {
    given()
      .when(create({ costs: { rb: -1, mb: 0, rp: 0 } }))
      .thenRefused('invalid_meal_costs');
    given()
      .when(create({ costs: { rb: 0, mb: 10.5, rp: 0 } }))
      .thenRefused('invalid_meal_costs');
    given()
      .when(create({ costs: { rb: 0, mb: 0, rp: null } }))
      .thenRefused('invalid_meal_costs');
  });

  it('records every change as an event, and a repeat as nothing', () => {
    given().when(create()).then([breakfastCreated()]);
    given(breakfastCreated()).when(create()).thenNothing();
    given(breakfastCreated())
      .when(create({ name: 'Другой' }))
      .thenRefused('meal_type_exists');
    given(breakfastCreated())
      .when({
        type: 'UpdateMealType',
        mealTypeId: 'mt-breakfast',
        name: 'Завтрак 1-4 классы',
        serviceType: 'завтрак',
        benefitCategory: 'Без льготы',
        hot: false,
      })
      .then([
        {
          type: 'meal-type.updated.v1',
          data: {
            mealTypeId: 'mt-breakfast',
            name: 'Завтрак 1-4 классы',
            serviceType: 'завтрак',
            benefitCategory: 'Без льготы',
            hot: false,
          },
        },
      ]);
  });

  it('changes a status from a date on, never in the past', () => {
    given(breakfastCreated())
      .when(changeStatus('active', '2024-01-20'))
      .then([statusChanged('mt-breakfast', 'active', '2024-01-20', TODAY)]);
    const state = mealType(breakfastCreated(), statusChanged('mt-breakfast', 'active', '2024-01-20', TODAY));
    expect(mealTypeStatusOn(state, '2024-01-19')).toBe('inactive');
    expect(mealTypeStatusOn(state, '2024-01-20')).toBe('active');
    given(breakfastCreated()).when(changeStatus('archived', '2024-01-17')).thenRefused('invalid_status_date');
    given(breakfastCreated()).when(changeStatus('inactive', '2024-01-17')).thenRefused('invalid_status_date');
    // a type never ordered may be activated as of an earlier day; once ordered, no longer
    given(breakfastCreated())
      .when(changeStatus('active', '2024-01-17'))
      .then([statusChanged('mt-breakfast', 'active', '2024-01-17', TODAY)]);
    given(breakfastCreated(), { type: 'meal-type.first-ordered.v1', data: { mealTypeId: 'mt-breakfast', date: TODAY } })
      .when(changeStatus('active', '2024-01-17'))
      .thenRefused('invalid_status_date');
  });

  it('archives from the day after the change: the day itself stays orderable', () => {
    const history = [breakfastCreated(), statusChanged('mt-breakfast', 'active', '2024-01-10')];
    given(...history)
      .when(changeStatus('archived', TODAY))
      .then([statusChanged('mt-breakfast', 'archived', '2024-01-19', TODAY)]);
    const state = mealType(...history, statusChanged('mt-breakfast', 'archived', '2024-01-19', TODAY));
    expect(mealTypeStatusOn(state, TODAY)).toBe('active');
    expect(mealTypeStatusOn(state, '2024-01-19')).toBe('archived');
  });

  it('keeps an archived type archived: a new type replaces it', () => {
    given(breakfastCreated(), statusChanged('mt-breakfast', 'archived', '2024-01-15'))
      .when(changeStatus('active', '2024-01-20'))
      .thenRefused('meal_type_archived');
  });

  it('replaces one type by another on the same day: no gap, no overlap', () => {
    const old = mealType(
      breakfastCreated(),
      statusChanged('mt-breakfast', 'active', '2024-01-10'),
      statusChanged('mt-breakfast', 'archived', '2024-01-22', TODAY),
    );
    const replacement = mealType(
      breakfastCreated({ mealTypeId: 'mt-breakfast-2', costs: { rb: 2000, mb: 1000, rp: 5000 } }),
      statusChanged('mt-breakfast-2', 'active', '2024-01-22', TODAY),
    );
    for (const [date, oldStatus, newStatus] of [
      ['2024-01-21', 'active', 'inactive'],
      ['2024-01-22', 'archived', 'active'],
    ] as const) {
      expect(mealTypeStatusOn(old, date)).toBe(oldStatus);
      expect(mealTypeStatusOn(replacement, date)).toBe(newStatus);
    }
  });

  it('makes a price change a new type: the old price is no longer orderable, the new one is', () => {
    const old = mealType(
      breakfastCreated(),
      statusChanged('mt-breakfast', 'active', '2024-01-10'),
      statusChanged('mt-breakfast', 'archived', '2024-01-19', TODAY),
    );
    const dearer = mealType(
      breakfastCreated({ mealTypeId: 'mt-breakfast-2', costs: { rb: 2000, mb: 1000, rp: 5000 } }),
      statusChanged('mt-breakfast-2', 'active', '2024-01-19', TODAY),
    );
    const school = schoolMealsDecider.fold(
      [
        {
          type: 'school-meals.school-types-assigned.v1',
          data: { schoolId: '24', mealTypeIds: ['mt-breakfast', 'mt-breakfast-2'] },
        },
        {
          type: 'school-meals.class-types-assigned.v1',
          data: { schoolId: '24', className: '03Б', mealTypeIds: ['mt-breakfast', 'mt-breakfast-2'] },
        },
      ] satisfies SchoolMealsEvent[],
      schoolMealsDecider.initialState,
    );
    const pupil = { className: '03Б', accountNumber: '0240000017' };
    expect(pricedMeal(old, school, pupil, TODAY).costs.rp).toBe(4500);
    expect(() => pricedMeal(old, school, pupil, '2024-01-19')).toThrow(
      expect.objectContaining({ code: 'meal_type_not_orderable' }),
    );
    expect(pricedMeal(dearer, school, pupil, '2024-01-19').costs.rp).toBe(5000);
    expect(() => pricedMeal(dearer, school, pupil, TODAY)).toThrow(
      expect.objectContaining({ code: 'meal_type_not_orderable' }),
    );
  });

  it('deletes a type never ordered, and never one that was ordered', () => {
    given(breakfastCreated())
      .when({ type: 'DeleteMealType', mealTypeId: 'mt-breakfast' })
      .then([{ type: 'meal-type.deleted.v1', data: { mealTypeId: 'mt-breakfast' } }]);
    const ordered: MealTypeEvent = {
      type: 'meal-type.first-ordered.v1',
      data: { mealTypeId: 'mt-breakfast', date: TODAY },
    };
    given(breakfastCreated())
      .when({ type: 'MarkMealTypeOrdered', mealTypeId: 'mt-breakfast', date: TODAY })
      .then([ordered]);
    given(breakfastCreated(), ordered)
      .when({ type: 'MarkMealTypeOrdered', mealTypeId: 'mt-breakfast', date: '2024-01-19' })
      .thenNothing();
    given(breakfastCreated(), ordered)
      .when({ type: 'DeleteMealType', mealTypeId: 'mt-breakfast' })
      .thenRefused('meal_type_ordered');
  });
});
