import { schoolDaysLeft, schoolDaysRu } from '../src/lib/days-left.js';

describe('school days left', () => {
  it('divides the balance by the average of the days with spending', () => {
    expect(schoolDaysLeft(50000, [{ debit: 10000 }, { debit: 0 }, { debit: 20000 }])).toBe(3);
  });

  it('has no estimate without spending or money', () => {
    expect(schoolDaysLeft(50000, [])).toBeNull();
    expect(schoolDaysLeft(0, [{ debit: 100 }])).toBeNull();
  });

  it.each([
    [1, '1 учебный день'],
    [3, '3 учебных дня'],
    [5, '5 учебных дней'],
    [11, '11 учебных дней'],
    [22, '22 учебных дня'],
    [101, '101 учебный день'],
  ])('%d reads %s', (count, text) => {
    expect(schoolDaysRu(count)).toBe(text);
  });
});
