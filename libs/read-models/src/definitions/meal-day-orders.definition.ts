import { collections } from '../collections.js';
import { mealDayId, mealDayOrderId, type MealDayOrderDoc } from '../documents.js';
import type { ProjectionDefinition } from './projection-definition.js';

const { mealDayOrders, mealDayVersions } = collections;

/**
 * Each school's day order (what the supplier gets): one line per ordered meal, from the
 * charges on the pupils' accounts, and the day's version (the number of order changes).
 */
export const mealDayOrdersProjection: ProjectionDefinition = {
  name: 'meal-day-orders',
  version: 1,
  eventTypes: ['account.meal-charged.v1', 'account.meal-charge-reversed.v1'],
  collections: [mealDayOrders, mealDayVersions],
  writeOnly: [],
  apply(workingSet, { event }) {
    if (event.type !== 'account.meal-charged.v1' && event.type !== 'account.meal-charge-reversed.v1') return;
    const { schoolId, date, accountNumber, mealTypeId } = event.data;
    const lineId = mealDayOrderId(schoolId, date, accountNumber, mealTypeId);
    const dayId = mealDayId(schoolId, date);
    // reads
    const line = workingSet.get(mealDayOrders, lineId);
    const day = workingSet.get(mealDayVersions, dayId);
    // writes
    workingSet.put(mealDayVersions, dayId, { _id: dayId, schoolId, date, version: (day?.version ?? 0) + 1 });
    if (event.type === 'account.meal-charged.v1') {
      const { className, fullName, mealTypeName, serviceType, costs, amount } = event.data;
      const doc: MealDayOrderDoc = {
        _id: lineId,
        schoolId,
        date,
        className,
        accountNumber,
        fullName,
        mealTypeId,
        mealTypeName,
        serviceType,
        costs,
        amount,
        ordered: true,
      };
      workingSet.put(mealDayOrders, lineId, doc);
    } else if (line) {
      workingSet.put(mealDayOrders, lineId, { ...line, ordered: false });
    }
  },
  targets({ event }) {
    if (event.type !== 'account.meal-charged.v1' && event.type !== 'account.meal-charge-reversed.v1') return [];
    const { schoolId, date, accountNumber, mealTypeId } = event.data;
    return [
      { collection: mealDayOrders.name, id: mealDayOrderId(schoolId, date, accountNumber, mealTypeId) },
      { collection: mealDayVersions.name, id: mealDayId(schoolId, date) },
    ];
  },
};
