import fc from 'fast-check';
import { familySwitchForm, lowBalanceForm } from '../src/lib/forms.js';
import { kopecksAsRublesInput, parseRublesToKopecks } from '../src/lib/money.js';
import { cabinetReturnPath } from '../src/lib/return-path.js';
import { HOSTILE_FAMILY_ACCOUNT, HOSTILE_THRESHOLD } from './browser/hostile-inputs.js';

const RUSSIAN = /[А-Яа-яЁё]{3}/;

describe('low-balance threshold form', () => {
  it.each([
    ['300', 30_000],
    ['150,50', 15_050],
    [' 1 000 ', 100_000],
    ['10000', 1_000_000],
    ['0', 0],
    ['', 0],
  ])('takes %j roubles as %i kopecks (0 = off)', (threshold, kopecks) => {
    expect(lowBalanceForm.parse({ threshold })).toEqual({ threshold: kopecks });
  });

  it.each(HOSTILE_THRESHOLD.map((threshold) => [threshold]))('refuses %j in Russian', (threshold) => {
    const parsed = lowBalanceForm.safeParse({ threshold });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(RUSSIAN);
  });

  it('shows a saved threshold the way it is typed back: the form round-trips', () => {
    expect(kopecksAsRublesInput(30_000)).toBe('300');
    expect(kopecksAsRublesInput(15_050)).toBe('150,50');
    expect(kopecksAsRublesInput(5)).toBe('0,05');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (kopecks) => {
        expect(parseRublesToKopecks(kopecksAsRublesInput(kopecks))).toBe(kopecks);
      }),
    );
  });
});

describe('family switch form', () => {
  it('takes an account number and a cabinet page to return to', () => {
    expect(familySwitchForm.parse({ accountNumber: '0242013146', returnTo: '/report' })).toEqual({
      accountNumber: '0242013146',
      returnTo: '/report',
    });
  });

  it.each(HOSTILE_FAMILY_ACCOUNT.map((accountNumber) => [accountNumber]))('refuses %j in Russian', (accountNumber) => {
    const parsed = familySwitchForm.safeParse({ accountNumber });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(RUSSIAN);
  });

  it.each([
    ['/report', '/report'],
    ['/top-up', '/top-up'],
    ['/family', '/family'],
    ['https://evil.example/profile', '/profile'],
    ['//evil.example', '/profile'],
    ['/report?from=x', '/profile'],
    ['/logout', '/profile'],
    [undefined, '/profile'],
  ])('sends the parent back to %j as %j, never elsewhere', (given, expected) => {
    expect(cabinetReturnPath(given)).toBe(expected);
  });
});
