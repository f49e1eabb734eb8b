import type { LedgerEventType } from '@meals/domain';
import type { CollectionRef } from '../collections.js';
import type { ProjectionInput } from '../projection/projection-input.js';
import type { DocKey, WorkingSet } from '../projection/working-set.js';

/**
 * One read model (or a few that read each other's documents): built, checkpointed and
 * rebuilt on its own. The runner applies an event to a definition only when its type is
 * in `eventTypes`; a change of `version` makes the runner rebuild this definition from zero.
 */
export interface ProjectionDefinition {
  /** also the name of its checkpoint */
  readonly name: string;
  /** bump it when the documents change shape or meaning: the definition is then rebuilt */
  readonly version: number;
  readonly eventTypes: readonly LedgerEventType[];
  /** the collections it writes, and only it */
  readonly collections: readonly CollectionRef[];
  /** those of its collections it only writes (never reads back): not remembered between batches */
  readonly writeOnly: readonly CollectionRef[];
  /**
   * Folds one event into the working set. Reads every document it needs before writing
   * any, so that when one was not loaded (NotLoadedError) it can be applied again once it is.
   */
  apply(workingSet: WorkingSet, input: ProjectionInput): void;
  /** The documents `apply` reads, to load them ahead for a whole batch (see BatchProjector). */
  targets(input: ProjectionInput, workingSet: WorkingSet): DocKey[];
}

/** Name of the checkpoint that holds the version a definition's documents were built with. */
export const versionCheckpointName = (definition: Pick<ProjectionDefinition, 'name'>): string =>
  `${definition.name}.version`;
