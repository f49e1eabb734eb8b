import { DOMAIN_ERROR_CODES, DomainError, errorKind, isDomainError } from '@meals/domain';

describe('DomainError', () => {
  it('carries a stable code, both messages, details and its kind', () => {
    const error = new DomainError('insufficient_funds', 'short', 'Недостаточно средств', { balance: 1, total: 2 });
    expect(error).toBeInstanceOf(Error);
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('insufficient_funds');
    expect(error.message).toBe('short');
    expect(error.messageRu).toBe('Недостаточно средств');
    expect(error.details).toEqual({ balance: 1, total: 2 });
    expect(error.kind).toBe('conflict');
  });
});

describe('errorKind: what the app maps to 404/409/400/403', () => {
  it.each([
    ['account_not_found', 'not_found'],
    ['school_not_found', 'not_found'],
    ['unknown_card', 'not_found'],
    ['insufficient_funds', 'conflict'],
    ['payment_conflict', 'conflict'],
    ['check_conflict', 'conflict'],
    ['card_blocked', 'conflict'],
    ['account_closed', 'conflict'],
    ['balance_negative', 'conflict'],
    ['wrong_school', 'forbidden'],
    ['invalid_amount', 'invalid'],
    ['invalid_items', 'invalid'],
    ['invalid_account_number', 'invalid'],
    ['same_account', 'invalid'],
  ] as const)('%s is %s', (code, kind) => {
    expect(errorKind(code)).toBe(kind);
  });

  it('every code has one of the four kinds', () => {
    for (const code of DOMAIN_ERROR_CODES) {
      expect(['not_found', 'conflict', 'invalid', 'forbidden']).toContain(errorKind(code));
    }
  });
});
