import type { CollectionSpec, Doc } from '@meals/read-model-store';
import type {
  AccountDoc,
  CardDoc,
  MealDayOrderDoc,
  MealDayVersionDoc,
  MealSettingsDoc,
  MealTypeDoc,
  RosterDoc,
  SchoolDayTotalsDoc,
  SchoolDoc,
  StatementLineDoc,
} from './documents.js';

/** A read-model collection whatever its documents. */
export interface CollectionRef {
  readonly name: string;
  /** compound indexes, each a list of top-level fields */
  readonly indexes: readonly (readonly string[])[];
}

/** A read-model collection: its name, the type of its documents and its indexes. */
export interface Collection<T extends Doc> extends CollectionRef {
  readonly indexes: readonly (readonly (keyof T & string)[])[];
  /** carries the document type only; never set */
  readonly documentType?: T;
}

const collection = <T extends Doc>(name: string, indexes: (keyof T & string)[][]): Collection<T> => ({ name, indexes });

/** Every read-model collection; queries and projections name collections only through this. */
export const collections = {
  accounts: collection<AccountDoc>('accounts', [['schoolId', 'className'], ['cardUid']]),
  cards: collection<CardDoc>('cards', [['accountNumber']]),
  statementLines: collection<StatementLineDoc>('statement_lines', [['accountNumber', 'at']]),
  schoolDayTotals: collection<SchoolDayTotalsDoc>('school_day_totals', [['schoolId', 'date']]),
  schools: collection<SchoolDoc>('schools', [['departmentId']]),
  roster: collection<RosterDoc>('roster', [['schoolId', 'className'], ['accountNumber']]),
  mealDayOrders: collection<MealDayOrderDoc>('meal_day_orders', [['schoolId', 'date', 'className']]),
  mealDayVersions: collection<MealDayVersionDoc>('meal_day_versions', [['date'], ['schoolId', 'date']]),
  mealTypes: collection<MealTypeDoc>('meal_types', [['departmentId']]),
  mealSettings: collection<MealSettingsDoc>('meal_settings', []),
} as const;

/** The store's description of a collection (what `ensureCollections` takes). */
export const collectionSpec = (c: CollectionRef): CollectionSpec => ({
  name: c.name,
  indexes: c.indexes.map((index) => [...index]),
});

export const READ_MODEL_COLLECTIONS: readonly CollectionSpec[] = Object.values(collections).map(collectionSpec);
export const READ_MODEL_COLLECTION_NAMES: readonly string[] = READ_MODEL_COLLECTIONS.map((spec) => spec.name);
