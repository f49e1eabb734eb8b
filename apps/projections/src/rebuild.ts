/**
 * `npm run projections:rebuild`: replays the whole event log into fresh read models, with
 * a progress bar. Configuration from the same environment as the services (config.ts).
 * `-- --projection <name>` (repeatable) rebuilds only the named projection definitions, in
 * place, on either store (services stopped); the others keep their documents and checkpoints.
 *
 * Embedded default (READ_MODEL_STORE=sqlite): the read models are built into a NEW file
 * next to `$DATA_DIR/read-models.db` and renamed over it atomically at the end. The old
 * file stays untouched until then. The ledger and the projections service must be stopped:
 * the command checks that nobody has the file open, before starting and again before the
 * swap, and refuses otherwise.
 * MongoDB: rebuilt in place (collections dropped, then replayed); stop the projections
 * service first; queries see partial read models until the rebuild ends.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { createEventStore } from '@meals/event-store/create';
import { assertSqliteFileNotInUse, SqliteFileInUseError } from '@meals/read-model-store/sqlite';
import { createReadModelStore } from '@meals/read-model-store/create';
import { projectionsNamed, type ProjectionDefinition } from '@meals/read-models';
import { loadConfigOrExit } from '@meals/runtime-config';
import { loadProjectionsConfig, type ProjectionsConfig } from './config.js';
import { estimateEventCount } from './rebuild/estimate-event-count.js';
import { rebuildReadModels, type RebuildProgress, type RebuildResult } from './rebuild/rebuild-read-models.js';
import { rebuildSqliteReadModelsFile } from './rebuild/rebuild-sqlite-file.js';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

function progressBar(total: number | null): { update(progress: RebuildProgress): void; stop(): void } {
  const started = performance.now();
  const bar = new SingleBar({
    format:
      total === null
        ? 'Rebuilding read models | {value} events | {speed} events/s | {duration_formatted}'
        : 'Rebuilding read models |{bar}| {percentage}% | {value}/{total} events | {speed} events/s | ETA {eta_formatted}',
    hideCursor: true,
    fps: 5,
  });
  bar.start(total ?? 0, 0, { speed: 0 });
  return {
    update({ events }) {
      const seconds = (performance.now() - started) / 1000;
      if (total !== null && events > total) bar.setTotal(events);
      bar.update(events, { speed: Math.round(events / Math.max(seconds, 0.001)) });
    },
    stop: () => bar.stop(),
  };
}

/** null: every definition, into a fresh file when the read models are SQLite */
async function rebuild(config: ProjectionsConfig, only: ProjectionDefinition[] | null): Promise<RebuildResult> {
  if (config.eventStore.kind === 'sqlite' || config.readModels.kind === 'sqlite') {
    mkdirSync(config.dataDir, { recursive: true });
  }
  if (config.readModels.kind === 'sqlite') assertSqliteFileNotInUse(config.readModels.path);
  const eventStore = await createEventStore(config.eventStore);
  const bar = progressBar(estimateEventCount(config.eventStore));
  try {
    if (only !== null) {
      say(`Rebuilding ${only.map(({ name }) => name).join(', ')} in place; the other read models stay as they are.`);
      say('The ledger and projections services must stay stopped until this finishes.');
      const readModels = await createReadModelStore(config.readModels);
      try {
        return await rebuildReadModels({
          eventStore,
          readModels,
          definitions: only,
          timeZone: config.timeZone,
          onProgress: bar.update,
        });
      } finally {
        await readModels.close();
      }
    }
    if (config.readModels.kind === 'sqlite') {
      say(`Building fresh read models next to ${config.readModels.path}; it is replaced at the end.`);
      say('The ledger and projections services must stay stopped until this finishes (checked).');
      return await rebuildSqliteReadModelsFile({
        eventStore,
        path: config.readModels.path,
        timeZone: config.timeZone,
        onProgress: bar.update,
      });
    }
    say(`Rebuilding MongoDB read models in place (${config.readModels.dbName}).`);
    say('Stop the projections service first; queries see partial read models until this finishes.');
    const readModels = await createReadModelStore(config.readModels);
    try {
      return await rebuildReadModels({ eventStore, readModels, timeZone: config.timeZone, onProgress: bar.update });
    } finally {
      await readModels.close();
    }
  } finally {
    bar.stop();
    await eventStore.close();
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadProjectionsConfig());
  const { values } = parseArgs({ options: { projection: { type: 'string', multiple: true } } });
  let only: ProjectionDefinition[] | null = null;
  try {
    if (values.projection) only = projectionsNamed(values.projection);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  try {
    const { events, position, durationMs } = await rebuild(config, only);
    const perSecond = Math.round(events / Math.max(durationMs / 1000, 0.001));
    say(
      `Rebuilt ${events} events in ${(durationMs / 1000).toFixed(1)} s (${perSecond} events/s); read models at position ${position ?? 'none'}.`,
    );
  } catch (error) {
    if (error instanceof SqliteFileInUseError) {
      process.stderr.write(`${error.message}\nNothing was changed.\n`);
      process.exit(3);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`rebuild failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
