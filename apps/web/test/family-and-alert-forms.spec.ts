import fc from 'fast-check';
import { familySwitchForm, lowBalanceForm } from '../src/lib/forms.js';
import { kopecksAsRublesInput, parseRublesToKopecks } from '../src/lib/money.js';
import { cabinetReturnPath } from '../src/lib/return-path.js';
import { HOSTILE_FAMILY_ACCOUNT, HOSTILE_RETURN_TO, HOSTILE_THRESHOLD } from './browser/hostile-inputs.js';

const RUSSIAN = /[А-Яа-яЁё]{3}/;
const CABINET_ORIGIN = 'https://cabinet.example';
/** a cabinet page, with the statement's period and detail flag as its only query */
const CABINET_RETURN =
  /^\/(profile|top-up|family|report(\?(from|to|details)=[0-9A-Za-z-]{1,32}(&(from|to|details)=[0-9A-Za-z-]{1,32}){0,2})?)$/;

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
    ['/report?from=2026-11-01&to=2026-11-30&details=on', '/report?from=2026-11-01&to=2026-11-30&details=on'],
    ['/report?details=on&to=2026-11-30&from=2026-11-01', '/report?from=2026-11-01&to=2026-11-30&details=on'],
    ['/report?from=2026-11-01&utm=x&to=2026-11-30', '/report?from=2026-11-01&to=2026-11-30'],
    ['/report?from=x', '/report?from=x'],
    ['/report?', '/report'],
    ['/profile?password=changed', '/profile'],
    ['/top-up?amount=500', '/top-up'],
    ['https://evil.example/profile', '/profile'],
    ['//evil.example', '/profile'],
    ['/logout', '/profile'],
    [undefined, '/profile'],
  ])('sends the parent back to %j as %j, never elsewhere', (given, expected) => {
    expect(cabinetReturnPath(given)).toBe(expected);
  });

  // huge values are named by their start and length
  const titled = HOSTILE_RETURN_TO.map((given) => [
    given.length > 80 ? `${given.slice(0, 40)}… (${given.length})` : given,
    given,
  ]);
  it.each(titled)('keeps %j on a cabinet page with a plain query', (_title, given) => {
    const path = cabinetReturnPath(given);
    expect(path).toMatch(CABINET_RETURN);
    expect(path).not.toMatch(/evil|script|Set-Cookie|Location|proto|constructor/i);
    expect(path.length).toBeLessThanOrEqual(100);
    expect(new URL(path, CABINET_ORIGIN).origin).toBe(CABINET_ORIGIN);
  });

  it('keeps any text at all on a cabinet page of this origin', () => {
    const pieces = fc.constantFrom(
      '/report',
      '/profile',
      '?',
      '&',
      '=',
      'from',
      'to',
      'details',
      '/',
      '\\',
      '%2F',
      '#',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 600 }),
      fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (given) => {
        const path = cabinetReturnPath(given);
        expect(path).toMatch(CABINET_RETURN);
        expect(new URL(path, CABINET_ORIGIN).origin).toBe(CABINET_ORIGIN);
      }),
    );
  });
});
