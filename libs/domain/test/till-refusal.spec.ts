import fc from 'fast-check';
import { tillRefusalsDecider, type ReportTillRefusal, type TillRefusalEvent } from '@meals/domain';
import { ACCOUNT, CARD } from './support/account-fixtures.js';
import { givenTillRefusals } from './support/given-when-then.js';

const report = (over: Partial<ReportTillRefusal> = {}): ReportTillRefusal => ({
  type: 'ReportTillRefusal',
  tillSchoolId: '24',
  tillId: '24-01',
  checkNumber: '24-000777',
  cardUid: CARD,
  accountNumber: ACCOUNT,
  items: [{ name: 'Пицца 125 г', qty: 2, price: 3450 }],
  total: 6900,
  soldAt: '2024-01-18T09:10:00+03:00',
  refusalCode: 'insufficient_funds',
  refusalMessage: 'Недостаточно средств на лицевом счёте',
  ...over,
});
const reported = (command: ReportTillRefusal = report()): TillRefusalEvent => ({
  type: 'till.refusal-reported.v1',
  data: {
    schoolId: command.tillSchoolId,
    tillId: command.tillId,
    checkNumber: command.checkNumber,
    cardUid: command.cardUid,
    accountNumber: command.accountNumber,
    items: command.items.map((item) => ({ ...item, amount: item.qty * item.price })),
    total: command.total,
    soldAt: command.soldAt,
    refusalCode: command.refusalCode,
    refusalMessage: command.refusalMessage,
  },
});

describe('ReportTillRefusal', () => {
  it('records the refused check with its lines and amounts', () => {
    givenTillRefusals().when(report()).then([reported()]);
    givenTillRefusals()
      .when(report({ accountNumber: null, refusalCode: 'unknown_card', refusalMessage: 'Карта не найдена' }))
      .then([
        reported(report({ accountNumber: null, refusalCode: 'unknown_card', refusalMessage: 'Карта не найдена' })),
      ]);
  });

  it('a check reported before changes nothing, whatever the repeat says (the first report is kept)', () => {
    givenTillRefusals(reported()).when(report()).thenNothing();
    givenTillRefusals(reported())
      .when(report({ refusalCode: 'card_blocked', refusalMessage: 'Карта заблокирована' }))
      .thenNothing();
  });

  it('the check must be numbered for the till’s school', () => {
    givenTillRefusals()
      .when(report({ checkNumber: '25-000001' }))
      .thenRefused('invalid_check_number', { tillSchoolId: '24' });
    givenTillRefusals()
      .when(report({ checkNumber: '24-1' }))
      .thenRefused('invalid_check_number');
  });

  it('the total must match the items; items, dates, codes and messages must be well-formed', () => {
    givenTillRefusals()
      .when(report({ total: 6899 }))
      .thenRefused('invalid_items', { field: 'total' });
    givenTillRefusals()
      .when(report({ items: [] }))
      .thenRefused('invalid_items');
    givenTillRefusals()
      .when(report({ soldAt: 'вчера' }))
      .thenRefused('invalid_timestamp');
    givenTillRefusals()
      .when(report({ refusalCode: 'Insufficient Funds' }))
      .thenRefused('invalid_id');
    givenTillRefusals()
      .when(report({ refusalMessage: '' }))
      .thenRefused('invalid_reason');
    givenTillRefusals()
      .when(report({ accountNumber: '0240000000' }))
      .thenRefused('invalid_account_number');
    givenTillRefusals()
      .when(report({ cardUid: 'bad uid' }))
      .thenRefused('invalid_card_uid');
  });
});

describe('refused-check reports (property-based)', () => {
  it('each check number is recorded at most once, however reports repeat and interleave', () => {
    const reportArb = fc.record({
      seq: fc.integer({ min: 1, max: 6 }),
      qty: fc.integer({ min: 1, max: 3 }),
      code: fc.constantFrom('insufficient_funds', 'card_blocked'),
    });
    fc.assert(
      fc.property(fc.array(reportArb, { maxLength: 40 }), (reports) => {
        let state = tillRefusalsDecider.initialState;
        const recorded: string[] = [];
        for (const { seq, qty, code } of reports) {
          const command = report({
            checkNumber: `24-${String(seq).padStart(6, '0')}`,
            items: [{ name: 'Чай', qty, price: 265 }],
            total: qty * 265,
            refusalCode: code,
          });
          for (const event of tillRefusalsDecider.decide(command, state)) {
            state = tillRefusalsDecider.evolve(state, event);
            recorded.push(event.data.checkNumber);
          }
        }
        expect(new Set(recorded).size).toBe(recorded.length);
        expect(new Set(recorded)).toEqual(new Set(reports.map(({ seq }) => `24-${String(seq).padStart(6, '0')}`)));
      }),
      { numRuns: 200 },
    );
  });
});
