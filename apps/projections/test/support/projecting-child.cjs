// A projections process for the crash test: projects events.db into read-models.db in
// small batches and reports every committed position on stdout until it is killed.
require('./ts-register.cjs');
const { openSqliteEventStore } = require('@meals/event-store/sqlite');
const { openSqliteReadModelStore } = require('@meals/read-model-store/sqlite');
const { startProjections } = require('@meals/projections');

const [eventsPath, readModelsPath] = process.argv.slice(2);

(async () => {
  const eventStore = openSqliteEventStore({ path: eventsPath, pollIntervalMs: 2 });
  const readModels = await openSqliteReadModelStore({ path: readModelsPath, synchronous: 'FULL' });
  const projections = await startProjections({ eventStore, readModels, batchSize: 7 });
  let reported = null;
  setInterval(() => {
    const position = projections.position();
    if (position !== reported) process.stdout.write(`${(reported = position)}\n`);
  }, 2);
})();
