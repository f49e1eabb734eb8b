import fc from 'fast-check';
import {
  MAX_BUFFET_ITEM_PRICE,
  MAX_BUFFET_ITEMS,
  buffetDecider,
  foldBuffet,
  type AddBuffetItem,
  type BuffetEvent,
  type ChangeBuffetItem,
} from '@meals/domain';
import { givenBuffet } from './support/given-when-then.js';

const add = (over: Partial<AddBuffetItem> = {}): AddBuffetItem => ({
  type: 'AddBuffetItem',
  schoolId: '24',
  itemId: 'pizza-125',
  name: 'Пицца 125 г',
  price: 3450,
  category: 'Выпечка',
  active: true,
  favourite: false,
  ...over,
});
const change = (over: Partial<ChangeBuffetItem> = {}): ChangeBuffetItem => ({
  ...add(),
  type: 'ChangeBuffetItem',
  ...over,
});
const added = (command: AddBuffetItem = add()): BuffetEvent => {
  const { type: _type, ...data } = command;
  return { type: 'buffet.item-added.v1', data };
};

describe('AddBuffetItem', () => {
  it('adds an item with its whole content (name whitespace collapsed)', () => {
    givenBuffet()
      .when(add({ name: '  Пицца   125 г ' }))
      .then([added()]);
  });

  it('the same id with the same content again changes nothing; other content is buffet_item_exists', () => {
    givenBuffet(added()).when(add()).thenNothing();
    givenBuffet(added())
      .when(add({ price: 3500 }))
      .thenRefused('buffet_item_exists', { itemId: 'pizza-125' });
  });

  it('refuses a price that is not an integer of kopecks in 1..MAX_BUFFET_ITEM_PRICE', () => {
    for (const price of [0, -1, 12.5, MAX_BUFFET_ITEM_PRICE + 1, Number.NaN]) {
      givenBuffet().when(add({ price })).thenRefused('invalid_buffet_item', { field: 'price' });
    }
    givenBuffet()
      .when(add({ price: MAX_BUFFET_ITEM_PRICE }))
      .then([added(add({ price: MAX_BUFFET_ITEM_PRICE }))]);
  });

  it('refuses empty, too long or hidden-character names and categories, bad ids and flags', () => {
    givenBuffet()
      .when(add({ name: ' ' }))
      .thenRefused('invalid_buffet_item', { field: 'name' });
    givenBuffet()
      .when(add({ name: 'Пицца\u200b' }))
      .thenRefused('invalid_buffet_item', { field: 'name' });
    givenBuffet()
      .when(add({ category: 'к'.repeat(61) }))
      .thenRefused('invalid_buffet_item', { field: 'category' });
    givenBuffet()
      .when(add({ itemId: 'пицца' }))
      .thenRefused('invalid_buffet_item', { field: 'itemId' });
    givenBuffet()
      .when(add({ active: 'yes' as unknown as boolean }))
      .thenRefused('invalid_buffet_item', { field: 'active' });
    givenBuffet()
      .when(add({ schoolId: '024' }))
      .thenRefused('invalid_school_id');
  });

  it(`keeps at most ${MAX_BUFFET_ITEMS} items per school`, () => {
    const full = Array.from({ length: MAX_BUFFET_ITEMS }, (_, i) => added(add({ itemId: `item-${i}` })));
    givenBuffet(...full)
      .when(add({ itemId: 'one-more' }))
      .thenRefused('too_many_buffet_items');
    // changing an item of a full assortment is still fine
    givenBuffet(...full)
      .when(change({ itemId: 'item-0', price: 100 }))
      .then([{ type: 'buffet.item-changed.v1', data: { ...added().data, itemId: 'item-0', price: 100 } }]);
  });
});

describe('ChangeBuffetItem', () => {
  it('records the new content; the content the item has already changes nothing', () => {
    givenBuffet(added())
      .when(change({ price: 3600, active: false, favourite: true }))
      .then([
        {
          type: 'buffet.item-changed.v1',
          data: { ...added().data, price: 3600, active: false, favourite: true },
        },
      ]);
    givenBuffet(added()).when(change()).thenNothing();
  });

  it('an unknown item is buffet_item_not_found', () => {
    givenBuffet().when(change()).thenRefused('buffet_item_not_found', { itemId: 'pizza-125' });
  });
});

describe('buffet invariants (property-based)', () => {
  const commandArb = fc.record({
    kind: fc.constantFrom('AddBuffetItem' as const, 'ChangeBuffetItem' as const),
    itemId: fc.constantFrom('a', 'b', 'c'),
    name: fc.constantFrom('Пицца 125 г', 'Чай', ' '),
    price: fc.integer({ min: -10, max: MAX_BUFFET_ITEM_PRICE + 10 }),
    category: fc.constantFrom('Выпечка', 'Напитки'),
    active: fc.boolean(),
    favourite: fc.boolean(),
  });

  it('every item the state holds has a valid price; the state equals the fold of the events; a retry records nothing', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { maxLength: 40 }), (inputs) => {
        let state = buffetDecider.initialState;
        const events: BuffetEvent[] = [];
        for (const { kind, ...content } of inputs) {
          const command = { type: kind, schoolId: '24', ...content };
          let decided: BuffetEvent[];
          try {
            decided = buffetDecider.decide(command, state);
          } catch {
            continue;
          }
          for (const event of decided) state = buffetDecider.evolve(state, event);
          events.push(...decided);
          expect(buffetDecider.decide(command, state)).toEqual([]);
        }
        for (const item of state.items.values()) {
          expect(Number.isSafeInteger(item.price) && item.price >= 1 && item.price <= MAX_BUFFET_ITEM_PRICE).toBe(true);
          expect(item.name.trim().length).toBeGreaterThan(0);
        }
        expect(foldBuffet(events)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });
});
