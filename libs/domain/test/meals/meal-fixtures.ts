import {
  mealTypeDecider,
  type MealTypeEvent,
  type MealTypeState,
  type OrderSettings,
  DEFAULT_ORDER_SETTINGS,
} from '@meals/domain';

export const TODAY = '2024-01-18';

export const breakfastCreated = (
  over: Partial<Extract<MealTypeEvent, { type: 'meal-type.created.v1' }>['data']> = {},
) =>
  ({
    type: 'meal-type.created.v1',
    data: {
      mealTypeId: 'mt-breakfast',
      departmentId: 'uo-1',
      name: 'Завтрак 1-4',
      serviceType: 'завтрак',
      benefitCategory: 'Без льготы',
      hot: true,
      dynamicCost: false,
      costs: { rb: 2000, mb: 1000, rp: 4500 },
      createdOn: '2024-01-10',
      ...over,
    },
  }) satisfies MealTypeEvent;

export const dynamicLunchCreated = () =>
  breakfastCreated({
    mealTypeId: 'mt-lunch',
    name: 'Обед (собственное производство)',
    serviceType: 'обед',
    dynamicCost: true,
    costs: { rb: 0, mb: 0, rp: null },
  });

export const statusChanged = (
  mealTypeId: string,
  status: 'inactive' | 'active' | 'archived',
  effectiveFrom: string,
  changedOn = effectiveFrom,
): MealTypeEvent => ({ type: 'meal-type.status-changed.v1', data: { mealTypeId, status, effectiveFrom, changedOn } });

export const mealType = (...events: MealTypeEvent[]): MealTypeState =>
  mealTypeDecider.fold(events, mealTypeDecider.initialState);

/** The breakfast, active since the 10th. */
export const activeBreakfast = () =>
  mealType(breakfastCreated(), statusChanged('mt-breakfast', 'active', '2024-01-10'));
/** The dynamic lunch, active since the 10th. */
export const activeLunch = () => mealType(dynamicLunchCreated(), statusChanged('mt-lunch', 'active', '2024-01-10'));

export const settings = (over: Partial<OrderSettings> = {}): OrderSettings => ({ ...DEFAULT_ORDER_SETTINGS, ...over });
