export {
  ProjectionRunner,
  startProjections,
  type ProjectionLogger,
  type ProjectionRunnerOptions,
  type ProjectionsHandle,
} from './runner/projection-runner.js';
export {
  rebuildReadModels,
  type RebuildOptions,
  type RebuildProgress,
  type RebuildResult,
} from './rebuild/rebuild-read-models.js';
export {
  REBUILD_LOG_READING,
  rebuildSqliteReadModelsFile,
  type RebuildSqliteFileOptions,
} from './rebuild/rebuild-sqlite-file.js';
export { BatchProjector, type BatchProjectorOptions } from './projection/batch-projector.js';
