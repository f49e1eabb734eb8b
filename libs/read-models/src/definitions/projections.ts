import type { ReadModelStore } from '@meals/read-model-store';
import { accountsProjection } from './accounts.definition.js';
import type { ProjectionDefinition } from './projection-definition.js';
import { rosterProjection } from './roster.definition.js';
import { statementLinesProjection } from './statement-lines.definition.js';
import { mealDayOrdersProjection } from './meal-day-orders.definition.js';
import { mealManagementProjection } from './meal-management.definition.js';

/** Every read model the ledger's queries use; the projections service runs them all. */
export const PROJECTIONS: readonly ProjectionDefinition[] = [
  accountsProjection,
  statementLinesProjection,
  rosterProjection,
  mealManagementProjection,
  mealDayOrdersProjection,
];

/** The definitions named (all when `names` is empty); throws on an unknown name. */
export function projectionsNamed(names: readonly string[]): ProjectionDefinition[] {
  if (names.length === 0) return [...PROJECTIONS];
  return names.map((name) => {
    const definition = PROJECTIONS.find((d) => d.name === name);
    if (!definition) {
      throw new Error(
        `unknown projection ${JSON.stringify(name)}; known: ${PROJECTIONS.map((d) => d.name).join(', ')}`,
      );
    }
    return definition;
  });
}

/**
 * The position up to which every read model shows the log: the lowest checkpoint of the
 * definitions (null while one has none).
 */
export async function readModelsPosition(
  store: Pick<ReadModelStore, 'getCheckpoint'>,
  definitions: readonly ProjectionDefinition[] = PROJECTIONS,
): Promise<bigint | null> {
  let lowest: bigint | null = null;
  for (const definition of definitions) {
    const checkpoint = await store.getCheckpoint(definition.name);
    if (checkpoint === null) return null;
    const position = BigInt(checkpoint);
    if (lowest === null || position < lowest) lowest = position;
  }
  return lowest;
}
