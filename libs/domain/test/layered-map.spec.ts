import fc from 'fast-check';
import { LayeredMap } from '../src/layered-map.js';

describe('LayeredMap', () => {
  it('reads, sizes and iterates like a Map, in first-insertion order, across merges of its layers', () => {
    const ops = fc.array(fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer()), { maxLength: 300 });
    fc.assert(
      fc.property(ops, (writes) => {
        let layered = LayeredMap.empty<number, number>();
        const map = new Map<number, number>();
        for (const [key, value] of writes) {
          layered = layered.with(key, value);
          map.set(key, value);
        }
        expect(layered.size).toBe(map.size);
        expect([...layered]).toEqual([...map]);
        expect([...layered.keys()]).toEqual([...map.keys()]);
        expect([...layered.values()]).toEqual([...map.values()]);
        for (let key = -1; key <= 81; key++) {
          expect(layered.has(key)).toBe(map.has(key));
          expect(layered.get(key)).toBe(map.get(key));
        }
      }),
    );
  });

  it('never changes a version once made: every earlier version still reads as it did', () => {
    const versions: LayeredMap<string, number>[] = [LayeredMap.empty()];
    for (let i = 0; i < 3 * LayeredMap.MAX_RECENT; i++) versions.push(versions.at(-1)!.with(`k${i % 50}`, i));
    // a branch from an old version does not leak into the later ones either
    const branch = versions[10]!.with('k0', -1);
    versions.forEach((version, n) => {
      const expected = new Map<string, number>();
      for (let i = 0; i < n; i++) expected.set(`k${i % 50}`, i);
      expect([...version]).toEqual([...expected]);
    });
    expect(branch.get('k0')).toBe(-1);
  });

  it('shares the map it is built over and forEach passes value, key and the map', () => {
    const base = new Map([['a', 1]]);
    const layered = LayeredMap.over(base).with('b', 2);
    const seen: unknown[] = [];
    layered.forEach((value, key, map) => seen.push([key, value, map === layered]));
    expect(seen).toEqual([
      ['a', 1, true],
      ['b', 2, true],
    ]);
    expect(base.size).toBe(1);
    expect(LayeredMap.over(layered)).toBe(layered);
  });
});
