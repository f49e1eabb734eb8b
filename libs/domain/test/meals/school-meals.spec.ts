import { dayPriceOf, schoolMealsDecider, type MealTypeState, type SchoolMealsEvent } from '@meals/domain';
import { givenDecider } from '../support/given-when-then.js';
import { TODAY, activeBreakfast, activeLunch, breakfastCreated, mealType, statusChanged } from './meal-fixtures.js';

const given = (...history: SchoolMealsEvent[]) => givenDecider(schoolMealsDecider, ...history);
const inactive = () => mealType(breakfastCreated({ mealTypeId: 'mt-new' }));
const archived = () =>
  mealType(breakfastCreated({ mealTypeId: 'mt-old' }), statusChanged('mt-old', 'archived', '2024-01-15'));
const assignSchool = (...mealTypes: MealTypeState[]) => ({
  type: 'AssignSchoolMealTypes' as const,
  schoolId: '24',
  departmentId: 'uo-1',
  mealTypes,
  today: TODAY,
});
const schoolAssigned = (...mealTypeIds: string[]): SchoolMealsEvent => ({
  type: 'school-meals.school-types-assigned.v1',
  data: { schoolId: '24', mealTypeIds },
});
const assignClass = (...mealTypes: MealTypeState[]) => ({
  type: 'AssignClassMealTypes' as const,
  schoolId: '24',
  className: '03Б',
  mealTypes,
  today: TODAY,
});
const assignPupil = (mealTypes: MealTypeState[] | null, pupilClass = '03Б') => ({
  type: 'AssignPupilMealTypes' as const,
  schoolId: '24',
  className: '03Б',
  accountNumber: '0240000017',
  pupil: { schoolId: '24', className: pupilClass },
  mealTypes,
  today: TODAY,
});
const prices = (rp: number, confirmed = true, mealType = activeLunch(), date = TODAY) => ({
  type: 'SetDayPrices' as const,
  schoolId: '24',
  date,
  prices: [{ mealType, costs: { rb: 1000, mb: 500, rp } }],
  confirmed,
});

describe("a school's meals (seed 004)", () => {
  it('lets the coordinator assign active and inactive types to the school, never archived ones', () => {
    given()
      .when(assignSchool(activeBreakfast(), inactive()))
      .then([schoolAssigned('mt-breakfast', 'mt-new')]);
    given().when(assignSchool(archived())).thenRefused('meal_type_not_assignable', { status: 'archived' });
    given()
      .when(assignSchool(mealType(breakfastCreated({ departmentId: 'uo-2' }))))
      .thenRefused('meal_type_other_department');
  });

  it('lets the class teacher assign active types of the school to the class, never inactive or archived ones', () => {
    given(schoolAssigned('mt-breakfast', 'mt-new', 'mt-old'))
      .when(assignClass(activeBreakfast()))
      .then([
        {
          type: 'school-meals.class-types-assigned.v1',
          data: { schoolId: '24', className: '03Б', mealTypeIds: ['mt-breakfast'] },
        },
      ]);
    given(schoolAssigned('mt-breakfast', 'mt-new'))
      .when(assignClass(inactive()))
      .thenRefused('meal_type_not_assignable', { status: 'inactive' });
    given(schoolAssigned('mt-old'))
      .when(assignClass(archived()))
      .thenRefused('meal_type_not_assignable', { status: 'archived' });
    given(schoolAssigned()).when(assignClass(activeBreakfast())).thenRefused('meal_type_not_assigned');
  });

  it('lets a type scheduled to become active be assigned to the class ahead (one type replacing another)', () => {
    const scheduled = mealType(
      breakfastCreated({ mealTypeId: 'mt-new' }),
      statusChanged('mt-new', 'active', '2024-01-22', TODAY),
    );
    given(schoolAssigned('mt-new'))
      .when(assignClass(scheduled))
      .then([
        {
          type: 'school-meals.class-types-assigned.v1',
          data: { schoolId: '24', className: '03Б', mealTypeIds: ['mt-new'] },
        },
      ]);
  });

  it('assigns a pupil their own types, refuses inactive types and a pupil of another class', () => {
    given(schoolAssigned('mt-breakfast'))
      .when(assignPupil([activeBreakfast()]))
      .then([
        {
          type: 'school-meals.pupil-types-assigned.v1',
          data: { schoolId: '24', className: '03Б', accountNumber: '0240000017', mealTypeIds: ['mt-breakfast'] },
        },
      ]);
    given(schoolAssigned('mt-new'))
      .when(assignPupil([inactive()]))
      .thenRefused('meal_type_not_assignable', { target: 'pupil' });
    given(schoolAssigned('mt-breakfast'))
      .when(assignPupil([activeBreakfast()], '04А'))
      .thenRefused('pupil_not_in_class');
  });

  it('sets day prices of dynamic types only, as non-negative integer kopecks, and carries them forward', () => {
    const history = [schoolAssigned('mt-breakfast', 'mt-lunch')];
    given(...history)
      .when(prices(6000))
      .then([
        {
          type: 'school-meals.day-prices-set.v1',
          data: {
            schoolId: '24',
            date: TODAY,
            prices: [{ mealTypeId: 'mt-lunch', costs: { rb: 1000, mb: 500, rp: 6000 } }],
            confirmed: true,
          },
        },
      ]);
    given(...history)
      .when(prices(-1))
      .thenRefused('invalid_meal_costs');
    given(...history)
      .when(prices(60.5))
      .thenRefused('invalid_meal_costs');
    given(...history)
      .when(prices(6000, true, activeBreakfast()))
      .thenRefused('not_a_dynamic_type');
    given(schoolAssigned()).when(prices(6000)).thenRefused('meal_type_not_assigned');

    const state = schoolMealsDecider.fold(
      [
        ...history,
        ...schoolMealsDecider.decide(prices(6000), schoolMealsDecider.fold(history, schoolMealsDecider.initialState)),
      ],
      schoolMealsDecider.initialState,
    );
    expect(dayPriceOf(state, 'mt-lunch', '2024-01-20')).toEqual({
      date: TODAY,
      costs: { rb: 1000, mb: 500, rp: 6000 },
    });
    expect(dayPriceOf(state, 'mt-lunch', '2024-01-17')).toBeNull();
    givenDecider(
      schoolMealsDecider,
      ...history,
      ...schoolMealsDecider.decide(prices(6000), schoolMealsDecider.fold(history, schoolMealsDecider.initialState)),
    )
      .when(prices(6000))
      .thenNothing();
  });
});
