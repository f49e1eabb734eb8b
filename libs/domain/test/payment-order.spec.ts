import fc from 'fast-check';
import {
  DEFAULT_TOP_UP_LIMITS,
  DomainError,
  paymentOrderDeciderWith,
  type PaymentEvent,
  type PaymentOrderCommand,
} from '@meals/domain';

const decider = paymentOrderDeciderWith();
const orderId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const accountNumber = '0242013138';
const register = {
  type: 'RegisterPaymentOrder',
  orderId,
  accountNumber,
  amount: 50_000,
  gateway: 'sandbox',
  gatewayOrderId: orderId,
  registeredAt: '2026-12-06T10:00:00.000Z',
} as const satisfies PaymentOrderCommand;
const registered: PaymentEvent = {
  type: 'payment.order-registered.v1',
  data: {
    orderId,
    accountNumber,
    amount: 50_000,
    gateway: 'sandbox',
    gatewayOrderId: orderId,
    registeredAt: '2026-12-06T10:00:00.000Z',
  },
};
const confirm = {
  type: 'ConfirmPaymentOrderPaid',
  orderId,
  amount: 50_000,
  paidAt: '2026-12-06T10:01:00.000Z',
} as const satisfies PaymentOrderCommand;
const paid: PaymentEvent = {
  type: 'payment.order-paid.v1',
  data: { orderId, accountNumber, amount: 50_000, paidAt: '2026-12-06T10:01:00.000Z' },
};
const decline = { type: 'DeclinePaymentOrder', orderId, reason: 'card declined' } as const;
const declined: PaymentEvent = {
  type: 'payment.order-declined.v1',
  data: { orderId, accountNumber, reason: 'card declined' },
};
const expire = { type: 'ExpirePaymentOrder', orderId } as const;

function given(...history: PaymentEvent[]) {
  const state = decider.fold(history, decider.initialState);
  const run = (command: PaymentOrderCommand) => decider.decide(command, state);
  return {
    when: (command: PaymentOrderCommand) => ({
      then: (expected: PaymentEvent[]) => expect(run(command)).toEqual(expected),
      thenNothing: () => expect(run(command)).toEqual([]),
      thenRefused: (code: string) => {
        let thrown: unknown;
        try {
          run(command);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(DomainError);
        expect((thrown as DomainError).code).toBe(code);
        expect((thrown as DomainError).messageRu).toMatch(/[А-Яа-яЁё]/);
      },
    }),
  };
}

describe('payment order: registration', () => {
  it('registers a new order', () => given().when(register).then([registered]));
  it('registering the same order again changes nothing', () => given(registered).when(register).thenNothing());
  it('refuses the same order id with another amount: payment_order_exists', () =>
    given(registered)
      .when({ ...register, amount: 60_000 })
      .thenRefused('payment_order_exists'));
  it('refuses amounts outside the allowed range with the range in roubles', () => {
    for (const amount of [0, 99, 1_500_001, 100.5, -100, Number.NaN]) {
      given()
        .when({ ...register, amount })
        .thenRefused('top_up_amount_out_of_range');
    }
    expect(() => decider.decide({ ...register, amount: 1 }, decider.initialState)).toThrow(
      expect.objectContaining({
        messageRu: expect.stringMatching(/^Сумма пополнения должна быть от 1,00 руб\. до 15\s000,00 руб\.$/),
      }),
    );
    given()
      .when({ ...register, amount: DEFAULT_TOP_UP_LIMITS.minAmount })
      .then([{ ...registered, data: { ...registered.data, amount: 100 } }]);
  });
  it('refuses a malformed account number', () =>
    given()
      .when({ ...register, accountNumber: '12<b>' })
      .thenRefused('invalid_account_number'));
});

describe('payment order: outcome', () => {
  it('a registered order is paid once', () => given(registered).when(confirm).then([paid]));
  it('a duplicate or late confirmation changes nothing', () => given(registered, paid).when(confirm).thenNothing());
  it('the paid amount must equal the registered amount', () =>
    given(registered)
      .when({ ...confirm, amount: 49_999 })
      .thenRefused('payment_amount_mismatch'));
  it('a registered order is declined once', () => given(registered).when(decline).then([declined]));
  it('a declined order never pays', () => given(registered, declined).when(confirm).thenNothing());
  it('a paid order is never declined or expired afterwards', () => {
    given(registered, paid).when(decline).thenNothing();
    given(registered, paid).when(expire).thenNothing();
  });
  it('an expired order stays expired', () => {
    const expired: PaymentEvent = { type: 'payment.order-expired.v1', data: { orderId, accountNumber } };
    given(registered).when(expire).then([expired]);
    given(registered, expired).when(confirm).thenNothing();
  });
  it('reports about an unknown order are refused: payment_order_not_found', () =>
    given().when(confirm).thenRefused('payment_order_not_found'));

  it('property: any sequence of reports ends in at most one outcome, paid only with the registered amount', () => {
    const report = fc.oneof(
      fc.constant<PaymentOrderCommand>(confirm),
      fc.constant<PaymentOrderCommand>({ ...confirm, amount: 1 }),
      fc.constant<PaymentOrderCommand>(decline),
      fc.constant<PaymentOrderCommand>(expire),
    );
    fc.assert(
      fc.property(fc.array(report, { maxLength: 12 }), (reports) => {
        let state = decider.fold([registered], decider.initialState);
        const outcomes: PaymentEvent[] = [];
        for (const command of reports) {
          let events: PaymentEvent[] = [];
          try {
            events = decider.decide(command, state);
          } catch (error) {
            expect((error as DomainError).code).toBe('payment_amount_mismatch');
          }
          for (const event of events) state = decider.evolve(state, event);
          outcomes.push(...events);
        }
        expect(outcomes.length).toBeLessThanOrEqual(1);
        const first = reports.find((r) => r.type !== 'ConfirmPaymentOrderPaid' || r.amount === 50_000);
        if (first)
          expect(outcomes[0]?.type).toBe(
            decider.decide(first, decider.fold([registered], decider.initialState))[0]?.type,
          );
        for (const event of outcomes)
          if (event.type === 'payment.order-paid.v1') expect(event.data.amount).toBe(50_000);
      }),
    );
  });
});
