import fc from 'fast-check';
import type { Change, CollectionSpec, Doc, ReadModelStore } from '@meals/read-model-store';

/** One storage location (a file, a database) that can be opened, closed and reopened. */
export interface ReadModelStoreFixture {
  open(): Promise<ReadModelStore>;
  dispose(): Promise<void>;
}

const LINES: CollectionSpec = { name: 'lines', indexes: [['account', 'at'], ['kind']] };
const TOTALS: CollectionSpec = { name: 'totals', indexes: [] };

const line = (id: string, account: string, at: string, amount: number, kind = 'sale'): Change => ({
  op: 'put',
  collection: 'lines',
  id,
  doc: { account, at, amount, kind, paid: amount > 100, items: [{ name: 'Пицца 125 г', qty: 1 }] },
});

const insertLine = (id: string, account: string, amount: number): Change => ({
  op: 'insert',
  collection: 'lines',
  id,
  doc: { account, at: '2025-09-02T09:00:00Z', amount, kind: 'sale', paid: false, items: [] },
});

export interface ContractOptions {
  /** scales the property test down for slow (networked) adapters */
  numRuns?: number;
  /** false for a bulk load, which finds an insert of a known id only when it builds its id index at close */
  insertConflictFailsCommit?: boolean;
}

/** The behaviour every ReadModelStore adapter must have; run by each adapter's spec. */
export function describeReadModelStoreContract(
  name: string,
  createFixture: () => Promise<ReadModelStoreFixture>,
  options: ContractOptions = {},
): void {
  describe(`ReadModelStore contract: ${name}`, () => {
    let fixture: ReadModelStoreFixture;
    let store: ReadModelStore;

    beforeEach(async () => {
      fixture = await createFixture();
      store = await fixture.open();
      await store.ensureCollections([LINES, TOTALS]);
    });

    afterEach(async () => {
      await store.close();
      await fixture.dispose();
    });

    it('puts, gets and deletes documents, which come back with their _id', async () => {
      await store.commit([line('e1', 'A', '2025-09-01T09:00:00Z', 150)]);
      expect(await store.get('lines', 'e1')).toEqual({
        _id: 'e1',
        account: 'A',
        at: '2025-09-01T09:00:00Z',
        amount: 150,
        kind: 'sale',
        paid: true,
        items: [{ name: 'Пицца 125 г', qty: 1 }],
      });
      expect(await store.get('lines', 'missing')).toBeNull();

      await store.commit([line('e1', 'A', '2025-09-01T09:00:00Z', 99)]);
      expect((await store.get('lines', 'e1'))?.['amount']).toBe(99);

      await store.commit([{ op: 'delete', collection: 'lines', id: 'e1' }]);
      expect(await store.get('lines', 'e1')).toBeNull();
      await expect(store.commit([{ op: 'delete', collection: 'lines', id: 'never-there' }])).resolves.toBeUndefined();
    });

    it('inserts new documents, which later commits can replace and delete like any other', async () => {
      await store.commit([insertLine('n1', 'A', 5), insertLine('n2', 'A', 6)]);
      await store.commit([insertLine('n3', 'B', 8), line('p1', 'A', '2025-09-01T09:00:00Z', 7)]);
      expect(await store.count('lines', { where: { account: 'A' } })).toBe(3);
      await store.commit([
        line('n1', 'B', '2025-09-01T09:00:00Z', 50),
        { op: 'delete', collection: 'lines', id: 'n2' },
      ]);
      expect([...(await store.getMany('lines', ['n1', 'n2', 'n3'])).keys()].sort()).toEqual(['n1', 'n3']);
      expect(await store.get('lines', 'n1')).toMatchObject({ account: 'B', amount: 50 });
      expect(await store.count('lines')).toBe(3);
      await store.commit([insertLine('n4', 'B', 9)]);
      expect(await store.get('lines', 'n4')).toMatchObject({ _id: 'n4', amount: 9 });
    });

    if (options.insertConflictFailsCommit !== false) {
      it('an insert of an id the collection holds fails the commit, which applies nothing', async () => {
        await store.commit([insertLine('n1', 'A', 5)], { name: 'p', position: '1' });
        await expect(
          store.commit([insertLine('n2', 'A', 6), insertLine('n1', 'A', 7)], { name: 'p', position: '2' }),
        ).rejects.toThrow();
        expect(await store.get('lines', 'n1')).toMatchObject({ amount: 5 });
        expect(await store.get('lines', 'n2')).toBeNull();
        expect(await store.getCheckpoint('p')).toBe('1');
      });
    }

    it('rejects a document whose _id differs from the change id', async () => {
      await expect(store.commit([{ op: 'put', collection: 'totals', id: 'a', doc: { _id: 'b' } }])).rejects.toThrow(
        /_id/,
      );
      expect(await store.count('totals')).toBe(0);
    });

    it('getMany returns the found documents by id, across chunk boundaries', async () => {
      const changes: Change[] = [];
      for (let i = 0; i < 2500; i++) changes.push({ op: 'put', collection: 'totals', id: `t${i}`, doc: { n: i } });
      await store.commit(changes);
      const wanted = ['t0', 't1999', 't2000', 't2499', 'nope', ...Array.from({ length: 2100 }, (_, i) => `t${i}`)];
      const found = await store.getMany<{ _id: string; n: number }>('totals', wanted);
      expect(found.size).toBe(2101);
      expect(found.get('t2499')).toEqual({ _id: 't2499', n: 2499 });
      expect(found.has('nope')).toBe(false);
      expect((await store.getMany('totals', [])).size).toBe(0);
    });

    describe('find and count', () => {
      beforeEach(async () => {
        await store.commit([
          line('e1', 'A', '2025-09-01T09:00:00Z', 150),
          line('e2', 'A', '2025-09-02T09:00:00Z', 80, 'top_up'),
          line('e3', 'A', '2025-09-03T09:00:00Z', 120),
          line('e4', 'B', '2025-09-02T10:00:00Z', 200),
          line('e5', 'A', '2025-09-02T09:00:00Z', 60),
        ]);
      });

      const ids = (docs: Doc[]): unknown[] => docs.map((d) => d['_id']);

      it('filters by equality, including booleans', async () => {
        expect(ids(await store.find('lines', { where: { account: 'A', kind: 'sale' } }))).toEqual(['e1', 'e3', 'e5']);
        expect(ids(await store.find('lines', { where: { paid: true } }))).toEqual(['e1', 'e3', 'e4']);
        expect(ids(await store.find('lines', { where: { _id: 'e4' } }))).toEqual(['e4']);
        expect(await store.find('lines', { where: { account: 'nobody' } })).toEqual([]);
      });

      it('filters by range with order and limit; ties are broken by _id', async () => {
        const september2 = await store.find('lines', {
          where: { account: 'A' },
          range: { field: 'at', gte: '2025-09-02', lt: '2025-09-03' },
          orderBy: [{ field: 'at', direction: 'asc' }],
        });
        expect(ids(september2)).toEqual(['e2', 'e5']);

        const latest = await store.find('lines', {
          where: { account: 'A' },
          orderBy: [{ field: 'at', direction: 'desc' }],
          limit: 2,
        });
        expect(ids(latest)).toEqual(['e3', 'e2']);

        expect(ids(await store.find('lines', { range: { field: 'amount', gt: 100, lte: 200 } }))).toEqual([
          'e1',
          'e3',
          'e4',
        ]);
        expect(ids(await store.find('lines', { orderBy: [{ field: 'amount', direction: 'asc' }], limit: 3 }))).toEqual([
          'e5',
          'e2',
          'e3',
        ]);
        expect(await store.find('lines', { limit: 0 })).toEqual([]);
      });

      it('returns everything ordered by _id without a query', async () => {
        expect(ids(await store.find('lines'))).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
      });

      it('counts with the same filters', async () => {
        expect(await store.count('lines')).toBe(5);
        expect(await store.count('lines', { where: { account: 'A' } })).toBe(4);
        expect(await store.count('lines', { where: { account: 'A' }, range: { field: 'at', lt: '2025-09-02' } })).toBe(
          1,
        );
        expect(await store.count('totals')).toBe(0);
      });
    });

    it('reads of a collection that was never created are empty', async () => {
      expect(await store.get('nothing_here', 'x')).toBeNull();
      expect((await store.getMany('nothing_here', ['x'])).size).toBe(0);
      expect(await store.find('nothing_here')).toEqual([]);
      expect(await store.count('nothing_here')).toBe(0);
    });

    it('refuses to write to an undeclared collection, and applies nothing of that commit', async () => {
      await expect(
        store.commit(
          [line('e1', 'A', '2025-09-01T09:00:00Z', 1), { op: 'put', collection: 'undeclared', id: 'x', doc: {} }],
          { name: 'p', position: '7' },
        ),
      ).rejects.toThrow(/undeclared/);
      expect(await store.get('lines', 'e1')).toBeNull();
      expect(await store.getCheckpoint('p')).toBeNull();
    });

    it('commit is atomic: a change that fails midway leaves documents and checkpoint untouched', async () => {
      await store.commit([{ op: 'put', collection: 'totals', id: 'keep', doc: { n: 1 } }], {
        name: 'p',
        position: '5',
      });
      const circular: Record<string, unknown> = { n: 2 };
      circular['self'] = circular;
      await expect(
        store.commit(
          [
            { op: 'put', collection: 'totals', id: 'keep', doc: { n: 100 } },
            line('e1', 'A', '2025-09-01T09:00:00Z', 1),
            { op: 'delete', collection: 'totals', id: 'keep' },
            { op: 'put', collection: 'lines', id: 'bad', doc: circular as Doc },
          ],
          { name: 'p', position: '9' },
        ),
      ).rejects.toThrow();
      expect(await store.get('totals', 'keep')).toEqual({ _id: 'keep', n: 1 });
      expect(await store.get('lines', 'e1')).toBeNull();
      expect(await store.getCheckpoint('p')).toBe('5');
    });

    it('stores checkpoints per projection as bigint-safe strings, moved with the changes', async () => {
      expect(await store.getCheckpoint('ledger')).toBeNull();
      await store.commit([line('e1', 'A', '2025-09-01T09:00:00Z', 1)], { name: 'ledger', position: '1' });
      await store.commit([], { name: 'ledger', position: '18446744073709551615' });
      await store.commit([], { name: 'other', position: '3' });
      expect(await store.getCheckpoint('ledger')).toBe('18446744073709551615');
      expect(await store.getCheckpoint('other')).toBe('3');
    });

    it('clear empties the collections and drops the named checkpoints, keeping the rest', async () => {
      await store.commit(
        [line('e1', 'A', '2025-09-01T09:00:00Z', 1), { op: 'put', collection: 'totals', id: 't', doc: { n: 1 } }],
        { name: 'ledger', position: '4' },
      );
      await store.commit([], { name: 'other', position: '2' });
      await store.clear(['lines'], ['ledger']);
      expect(await store.count('lines')).toBe(0);
      expect(await store.count('totals')).toBe(1);
      expect(await store.getCheckpoint('ledger')).toBeNull();
      expect(await store.getCheckpoint('other')).toBe('2');
      // the collection stays usable with its indexes
      await store.commit([line('e2', 'B', '2025-09-01T09:00:00Z', 1)]);
      expect(await store.count('lines', { where: { account: 'B' } })).toBe(1);
    });

    it('keeps documents and checkpoints across close and reopen', async () => {
      await store.commit([line('e1', 'A', '2025-09-01T09:00:00Z', 150)], { name: 'ledger', position: '42' });
      await store.close();
      store = await fixture.open();
      expect(await store.getCheckpoint('ledger')).toBe('42');
      expect((await store.get('lines', 'e1'))?.['amount']).toBe(150);
      // readable without ensureCollections (another process declared them)
      expect(await store.count('lines', { where: { account: 'A' } })).toBe(1);
      await store.ensureCollections([LINES, TOTALS]);
      expect(await store.count('lines')).toBe(1);
    });

    it('a random sequence of commits leaves the same documents as a Map model', async () => {
      const collections = ['lines', 'totals'] as const;
      const changeArb: fc.Arbitrary<Change> = fc.oneof(
        fc.record({
          op: fc.constant('put' as const),
          collection: fc.constantFrom(...collections),
          id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'n0', 'n1', 'n2'),
          doc: fc.record({ account: fc.constantFrom('A', 'B'), at: fc.string({ maxLength: 4 }), amount: fc.integer() }),
        }),
        fc.record({
          op: fc.constant('delete' as const),
          collection: fc.constantFrom(...collections),
          id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'n0', 'n1', 'n2'),
        }),
        // the id is replaced by a fresh one (see freshInserts)
        fc.record({
          op: fc.constant('insert' as const),
          collection: fc.constantFrom(...collections),
          id: fc.constant(''),
          doc: fc.record({ account: fc.constantFrom('A', 'B'), at: fc.string({ maxLength: 4 }), amount: fc.integer() }),
        }),
      );
      const commitsArb = fc.array(fc.array(changeArb, { maxLength: 8 }), { minLength: 1, maxLength: 12 });

      await fc.assert(
        fc.asyncProperty(commitsArb, async (commits) => {
          await store.clear([...collections], ['model']);
          const model = new Map<string, Doc>();
          let position = 0;
          let nextFresh = 0;
          for (const generated of commits) {
            // inserts get ids that neither the collection nor the rest of the commit holds
            const taken = new Set(generated.map((change) => `${change.collection}/${change.id}`));
            const changes = generated.map((change): Change => {
              if (change.op !== 'insert') return change;
              let id: string;
              do id = `n${nextFresh++}`;
              while (model.has(`${change.collection}/${id}`) || taken.has(`${change.collection}/${id}`));
              return { ...change, id };
            });
            position += changes.length + 1;
            await store.commit(changes, { name: 'model', position: String(position) });
            for (const change of changes) {
              const key = `${change.collection}/${change.id}`;
              if (change.op === 'delete') model.delete(key);
              else model.set(key, { _id: change.id, ...change.doc });
            }
          }
          const stored = new Map<string, Doc>();
          for (const collection of collections) {
            for (const doc of await store.find(collection)) stored.set(`${collection}/${String(doc['_id'])}`, doc);
          }
          expect(stored).toEqual(model);
          expect(await store.getCheckpoint('model')).toBe(String(position));
          const accountA = [...model.entries()].filter(([k, d]) => k.startsWith('lines/') && d['account'] === 'A');
          expect(await store.count('lines', { where: { account: 'A' } })).toBe(accountA.length);
        }),
        { numRuns: options.numRuns ?? 60 },
      );
    });
  });
}
