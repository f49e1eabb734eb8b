import { assertCabinetPassword, cabinetPasswordProblem, DomainError } from '@meals/domain';

const ACCOUNT = '0242013138';

describe('cabinet password rule', () => {
  it.each([
    ['short1a', 'at least 8 characters'],
    ['onlyletters', 'letters and digits both'],
    ['1234567890', 'letters and digits both'],
    [`x${ACCOUNT}`, 'must not contain the account number'],
    ['abc\u0000defg1', 'no control or invisible characters'],
    ['abc\u200bdefg1', 'no control or invisible characters'],
    ['a1'.repeat(65), 'at most 128 characters'],
  ])('refuses %j: %s', (password, problem) => {
    expect(cabinetPasswordProblem(password, ACCOUNT)).toBe(problem);
  });

  it.each(['morkov1234', 'Пароль2024', 'a1b2c3d4'])('accepts %j', (password) => {
    expect(cabinetPasswordProblem(password, ACCOUNT)).toBeNull();
    expect(() => assertCabinetPassword(password, ACCOUNT)).not.toThrow();
  });

  it('refuses with weak_password and the rule in Russian', () => {
    try {
      assertCabinetPassword('short', ACCOUNT);
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('weak_password');
      expect((error as DomainError).kind).toBe('invalid');
      expect((error as DomainError).messageRu).toMatch(/не менее 8 символов, буквы и цифры.*номер лицевого счёта/);
    }
  });
});
