import { emailForm, loginForm, newPasswordForm, passwordProblemRu, periodQuery, topUpForm } from '../src/lib/forms.js';

const RUSSIAN = /[А-Яа-яЁё]{3}/;

describe('cabinet forms', () => {
  it('accepts a login with the terms accepted', () => {
    expect(loginForm.safeParse({ accountNumber: '0242013138', password: 'secret', acceptTerms: 'on' }).success).toBe(
      true,
    );
  });

  it.each([
    { accountNumber: '024201313', password: 'x', acceptTerms: 'on' },
    { accountNumber: '<script>', password: 'x', acceptTerms: 'on' },
    { accountNumber: '0242013138', password: 'a\u0000b', acceptTerms: 'on' },
    { accountNumber: '0242013138', password: 'x'.repeat(129), acceptTerms: 'on' },
    { accountNumber: '0242013138', password: 'x' },
    {},
  ])('refuses the login %j in Russian', (fields) => {
    const parsed = loginForm.safeParse(fields);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(RUSSIAN);
  });

  it('states the password rule', () => {
    expect(passwordProblemRu('Morkovka2026', '0242013138')).toBeNull();
    for (const weak of ['Short1', 'onlyletters', '1234567890', 'x0242013138'])
      expect(passwordProblemRu(weak, '0242013138')).toMatch(/не короче 8 символов/i);
  });

  it('wants the new password twice', () => {
    const parsed = newPasswordForm.safeParse({ newPassword: 'Morkovka2026', repeatPassword: 'Morkovka2027' });
    expect(parsed.error?.issues[0]?.message).toBe('Пароли не совпадают.');
  });

  it.each(['', 'x', 'a@b', '<b>@x.ru', 'a\r\nBcc: x@y.ru', `${'a'.repeat(250)}@x.ru`])(
    'refuses the email %j',
    (email) => {
      expect(emailForm.safeParse({ email }).error?.issues[0]?.message).toMatch(RUSSIAN);
    },
  );

  it('takes top-ups of 1 to 15 000 rubles as kopecks', () => {
    expect(topUpForm.parse({ amount: '1' })).toEqual({ amount: 100 });
    expect(topUpForm.parse({ amount: '15000' })).toEqual({ amount: 1_500_000 });
    for (const amount of ['0,99', '15000,01', '0', '-1', 'abc', '9'.repeat(30)])
      expect(topUpForm.safeParse({ amount }).error?.issues[0]?.message).toMatch(RUSSIAN);
  });

  it('refuses a period that ends before it starts', () => {
    expect(periodQuery.safeParse({ from: '2026-03-02', to: '2026-03-01' }).error?.issues[0]?.message).toMatch(RUSSIAN);
  });
});
