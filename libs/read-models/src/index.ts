export * from './documents.js';
export * from './collections.js';
export { TypedReadModels, type TypedQuery } from './typed-read-models.js';
export { BusinessDateCache } from './projection/business-date-cache.js';
export {
  OCCURRED_AT,
  projectionInput,
  toProjectionInput,
  type ProjectionInput,
  type RecordedEventFields,
  type StoredEventFields,
} from './projection/projection-input.js';
export { NotLoadedError, WorkingSet, type DocKey } from './projection/working-set.js';
export { statementLine } from './projection/statement-lines.projection.js';
export { versionCheckpointName, type ProjectionDefinition } from './definitions/projection-definition.js';
export { accountsProjection } from './definitions/accounts.definition.js';
export { statementLinesProjection } from './definitions/statement-lines.definition.js';
export { rosterProjection } from './definitions/roster.definition.js';
export { PROJECTIONS, projectionsNamed, readModelsPosition } from './definitions/projections.js';
export { accountProfile, toAccountProfile, type AccountProfileView } from './queries/account-profile.js';
export { accountStatement, type StatementLineView, type StatementView } from './queries/statement.js';
export { schoolDayTotals, type DayTotalsView, type SchoolDayTotalsView } from './queries/day-totals.js';
export { schoolAccounts, type SchoolAccountsView } from './queries/school-accounts.js';
export { mealDayOrdersProjection } from './definitions/meal-day-orders.definition.js';
export { mealManagementProjection } from './definitions/meal-management.definition.js';
export {
  departmentMealTypes,
  getOrderSettings,
  mealTypeView,
  orderedMeals,
  schoolDayOrders,
  schoolsWithOrders,
  type DayOrderLineView,
  type MealTypeListItem,
  type SchoolDayOrdersView,
} from './queries/meals.js';
