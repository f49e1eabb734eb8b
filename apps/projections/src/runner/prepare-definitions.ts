import type { ReadModelStore } from '@meals/read-model-store';
import { collectionSpec, versionCheckpointName, type ProjectionDefinition } from '@meals/read-models';

interface InfoLogger {
  info(details: object, message: string): void;
}

/**
 * Readies the definitions' collections and reads their checkpoints. A definition whose
 * stored version is not its code's (or that has none: it is new) is cleared, checkpoint
 * included, so that it is built from zero while the others keep their documents; its
 * version is recorded with its first commit (BatchProjector).
 */
export async function prepareDefinitions(
  store: ReadModelStore,
  definitions: readonly ProjectionDefinition[],
  logger: InfoLogger,
): Promise<Map<string, bigint | null>> {
  await store.ensureCollections(definitions.flatMap((definition) => definition.collections.map(collectionSpec)));
  const checkpoints = new Map<string, bigint | null>();
  for (const definition of definitions) {
    const stored = await store.getCheckpoint(versionCheckpointName(definition));
    if (stored !== String(definition.version)) {
      logger.info(
        { projection: definition.name, storedVersion: stored, version: definition.version },
        'projection built from zero',
      );
      await store.clear(
        definition.collections.map(({ name }) => name),
        [definition.name],
      );
    }
    const checkpoint = await store.getCheckpoint(definition.name);
    checkpoints.set(definition.name, checkpoint === null ? null : BigInt(checkpoint));
  }
  return checkpoints;
}
