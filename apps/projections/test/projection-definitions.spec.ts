import type { LedgerEventType } from '@meals/domain';
import { rebuildReadModels, startProjections } from '@meals/projections';
import {
  accountsProjection,
  collections,
  PROJECTIONS,
  projectionsNamed,
  READ_MODEL_COLLECTION_NAMES,
  readModelsPosition,
  rosterProjection,
  versionCheckpointName,
  type ProjectionDefinition,
} from '@meals/read-models';
import { appendHistory, generateLedgerHistory } from '@meals/bench/ledger-history';
import { lastPosition } from './support/expected-balances.js';
import { dumpReadModels, TempStores } from './support/temp-stores.js';

const HISTORY = { seed: 21, schools: 2, pupilsPerSchool: 8, days: 10, lifecycle: true };

/** The definition, counting the events it is given. */
function counting(definition: ProjectionDefinition, changes: Partial<ProjectionDefinition> = {}) {
  const counted = { applied: 0 };
  const wrapped: ProjectionDefinition = {
    ...definition,
    ...changes,
    apply(workingSet, input) {
      counted.applied++;
      definition.apply(workingSet, input);
    },
  };
  return { definition: wrapped, counted };
}

describe('projection definitions', () => {
  let stores: TempStores;
  beforeEach(() => (stores = new TempStores()));
  afterEach(() => stores.dispose());

  it('own every registered collection exactly once, with distinct names and known event types', () => {
    const owned = PROJECTIONS.flatMap((definition) => definition.collections.map(({ name }) => name));
    expect([...owned].sort()).toEqual([...READ_MODEL_COLLECTION_NAMES].sort());
    expect(new Set(PROJECTIONS.map(({ name }) => name)).size).toBe(PROJECTIONS.length);
    const handled = new Set<LedgerEventType>(PROJECTIONS.flatMap(({ eventTypes }) => eventTypes));
    expect(handled.has('school.pupils-enrolled.v1')).toBe(true);
    expect(handled.has('account.sale-debited.v1')).toBe(true);
    for (const definition of PROJECTIONS) {
      for (const writeOnly of definition.writeOnly) expect(definition.collections).toContain(writeOnly);
    }
    expect(() => projectionsNamed(['nope'])).toThrow(/unknown projection "nope"/);
    expect(projectionsNamed(['roster'])).toEqual([rosterProjection]);
  });

  it('a definition whose version changed is rebuilt from zero alone; the others keep their checkpoints', async () => {
    const eventStore = stores.eventStore();
    await appendHistory(eventStore, generateLedgerHistory(HISTORY));
    const last = await lastPosition(eventStore);
    const readModels = await stores.readModels();
    const first = await startProjections({ eventStore, readModels });
    await first.waitForPosition(last, 20_000);
    await first.stop();
    const before = await dumpReadModels(readModels);
    expect(await readModels.getCheckpoint(versionCheckpointName(rosterProjection))).toBe('1');

    const roster = counting(rosterProjection, { version: 2 });
    const others = PROJECTIONS.filter((d) => d !== rosterProjection).map((d) => counting(d));
    const second = await startProjections({
      eventStore,
      readModels,
      definitions: [...others.map((o) => o.definition), roster.definition],
    });
    await second.waitForPosition(last, 20_000);
    await second.stop();

    for (const other of others) expect(other.counted.applied).toBe(0);
    expect(roster.counted.applied).toBeGreaterThan(0);
    expect(await readModels.getCheckpoint(versionCheckpointName(rosterProjection))).toBe('2');
    const after = await dumpReadModels(readModels);
    expect(after[collections.roster.name]).toEqual(before[collections.roster.name]);
    expect(after[collections.accounts.name]).toEqual(before[collections.accounts.name]);
    expect(await readModelsPosition(readModels)).toBe(last);
  });

  it('a new definition is built from zero while the existing ones go on from their checkpoints', async () => {
    const eventStore = stores.eventStore();
    await appendHistory(eventStore, generateLedgerHistory(HISTORY));
    const last = await lastPosition(eventStore);
    const readModels = await stores.readModels();
    const withoutRoster = await startProjections({
      eventStore,
      readModels,
      definitions: PROJECTIONS.filter((d) => d !== rosterProjection),
    });
    await withoutRoster.waitForPosition(last, 20_000);
    await withoutRoster.stop();
    expect(await readModels.count(collections.roster.name)).toBe(0);

    const accounts = counting(accountsProjection);
    const all = await startProjections({
      eventStore,
      readModels,
      definitions: PROJECTIONS.map((d) => (d === accountsProjection ? accounts.definition : d)),
    });
    await all.waitForPosition(last, 20_000);
    await all.stop();
    expect(accounts.counted.applied).toBe(0);
    expect(await readModels.count(collections.roster.name)).toBe(HISTORY.schools * HISTORY.pupilsPerSchool);
  });

  it('rebuilds one definition in place, leaving the other read models and checkpoints as they were', async () => {
    const eventStore = stores.eventStore();
    await appendHistory(eventStore, generateLedgerHistory(HISTORY));
    const last = await lastPosition(eventStore);
    const readModels = await stores.readModels();
    const projections = await startProjections({ eventStore, readModels });
    await projections.waitForPosition(last, 20_000);
    await projections.stop();
    const before = await dumpReadModels(readModels);
    // a corrupted roster document: gone after the rebuild
    await readModels.commit([{ op: 'put', collection: collections.roster.name, id: 'bogus', doc: { schoolId: 'x' } }]);

    const result = await rebuildReadModels({ eventStore, readModels, definitions: projectionsNamed(['roster']) });
    expect(result.position).toBe(last);
    expect(await dumpReadModels(readModels)).toEqual(before);
  });
});
