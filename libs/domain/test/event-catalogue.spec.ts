import {
  ACCOUNT_EVENT_TYPES,
  EVENT_CATALOGUE,
  LEDGER_EVENT_TYPES,
  MEAL_SETTINGS_EVENT_TYPES,
  MEAL_SYNC_EVENT_TYPES,
  MEAL_TYPE_EVENT_TYPES,
  PAYMENT_EVENT_TYPES,
  paymentOrderDeciderWith,
  SCHOOL_EVENT_TYPES,
  SCHOOL_MEALS_EVENT_TYPES,
  accountDecider,
  decodeRecordedEvent,
  idempotencyKey,
  isAccountEvent,
  isAccountEventType,
  isSchoolEvent,
  isSchoolEventType,
  schoolDecider,
  streamKindOf,
  uniqueKeyOf,
  type LedgerEvent,
} from '@meals/domain';

const topUp: LedgerEvent = {
  type: 'account.topped-up.v1',
  data: {
    accountNumber: '0242013138',
    paymentId: 'P-1',
    channel: 'bank_online',
    amount: 500,
    paidAt: '2024-01-09T08:00:00Z',
  },
};
const registered: LedgerEvent = {
  type: 'school.registered.v1',
  data: { schoolId: '24', name: 'Школа', departmentId: 'uo-1' },
};

describe('event catalogue', () => {
  it('files every type under exactly one stream, and the deciders own exactly their streams', () => {
    expect(LEDGER_EVENT_TYPES).toHaveLength(Object.keys(EVENT_CATALOGUE).length);
    expect(
      [
        ...SCHOOL_EVENT_TYPES,
        ...ACCOUNT_EVENT_TYPES,
        ...PAYMENT_EVENT_TYPES,
        ...MEAL_TYPE_EVENT_TYPES,
        ...MEAL_SETTINGS_EVENT_TYPES,
        ...SCHOOL_MEALS_EVENT_TYPES,
        ...MEAL_SYNC_EVENT_TYPES,
      ].sort(),
    ).toEqual([...LEDGER_EVENT_TYPES].sort());
    expect(schoolDecider.eventTypes).toEqual(SCHOOL_EVENT_TYPES);
    expect(accountDecider.eventTypes).toEqual(ACCOUNT_EVENT_TYPES);
    expect(ACCOUNT_EVENT_TYPES).toContain('card.issued.v1');
    expect(paymentOrderDeciderWith().eventTypes).toEqual(PAYMENT_EVENT_TYPES);
    expect(streamKindOf('payment.order-paid.v1')).toBe('payment');
  });

  it('tells school from account events by the catalogue, not by a prefix', () => {
    expect(isSchoolEvent(registered)).toBe(true);
    expect(isAccountEvent(registered)).toBe(false);
    expect(isAccountEvent(topUp)).toBe(true);
    expect(isAccountEventType('card.blocked.v1')).toBe(true);
    expect(isSchoolEventType('school.pupils-enrolled.v1')).toBe(true);
    // a type this version does not know belongs to neither (e.g. a future meal-plan event)
    for (const type of ['meal-plan.published.v1', 'school.renamed.v9', 'toString', '']) {
      expect(isAccountEventType(type)).toBe(false);
      expect(isSchoolEventType(type)).toBe(false);
      expect(streamKindOf(type)).toBeNull();
    }
    expect(streamKindOf('account.refunded.v1')).toBe('account');
  });

  it('decodes known recorded events and answers null for unknown types', () => {
    expect(decodeRecordedEvent(topUp.type, topUp.data)).toEqual(topUp);
    expect(decodeRecordedEvent('ledger.unique-key-claimed.v1', { key: 'x' })).toBeNull();
    expect(decodeRecordedEvent('constructor', {})).toBeNull();
  });

  it('gives client-chosen keys for idempotency, and marks those unique across streams', () => {
    expect(idempotencyKey(topUp)).toBe('topup:P-1');
    expect(uniqueKeyOf(topUp)).toBe('topup:P-1');
    expect(idempotencyKey(registered)).toBeNull();
    const refund: LedgerEvent = {
      type: 'account.refunded.v1',
      data: { accountNumber: '0242013138', refundId: 'r-1', amount: 5, reason: 'x' },
    };
    expect(idempotencyKey(refund)).toBe('refund:r-1');
    expect(uniqueKeyOf(refund)).toBeNull();
  });
});
