import { filterOf, sortOf } from '../src/mongo/mongo-query.js';

// The MongoDB adapter's query translation, checked without a server (the contract suite
// covers its behaviour when MONGODB_URL is set).
describe('MongoDB query translation', () => {
  it('turns equality and range into one $and filter', () => {
    expect(
      filterOf({ where: { accountNumber: '2400000017', paid: true }, range: { field: 'at', gte: 'a', lt: 'b' } }),
    ).toEqual({
      $and: [{ accountNumber: '2400000017' }, { paid: true }, { at: { $gte: 'a' } }, { at: { $lt: 'b' } }],
    });
    expect(filterOf(undefined)).toEqual({});
    expect(filterOf({ where: { cardUid: null } })).toEqual({ $and: [{ cardUid: null }] });
  });

  it('refuses operators smuggled in as field names and null range bounds', () => {
    expect(() => filterOf({ where: { $where: 'x' } })).toThrow(/invalid field/);
    expect(() => filterOf({ range: { field: 'a.b', gt: 1 } })).toThrow(/invalid field/);
    expect(() => filterOf({ range: { field: 'at', gt: null } })).toThrow(/null/);
  });

  it('sorts by the given fields then by _id', () => {
    expect(sortOf([{ field: 'at', direction: 'desc' }])).toEqual({ at: -1, _id: 1 });
    expect(sortOf([{ field: '_id', direction: 'desc' }])).toEqual({ _id: -1 });
    expect(sortOf(undefined)).toEqual({ _id: 1 });
  });
});
