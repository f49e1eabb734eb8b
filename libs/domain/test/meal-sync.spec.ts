import fc from 'fast-check';
import {
  DomainError,
  MEAL_SYNC_EVENT_TYPES,
  evolveMealSync,
  idempotencyKey,
  initialMealSyncState,
  mealDeliveryId,
  mealSyncDecider,
  mealSyncId,
  mealSyncStreamId,
  streamKindOf,
  type DomainErrorCode,
  type MealSyncCommand,
  type MealSyncEvent,
  type RecordMealSyncDelivery,
} from '@meals/domain';

const schoolId = '24';
const date = '2026-12-07';
const at = '2026-12-07T06:30:00.000Z';

const deliver = (version: number): RecordMealSyncDelivery => ({
  type: 'RecordMealSyncDelivery',
  schoolId,
  date,
  version,
  deliveredAt: at,
});
const delivered = (version: number, deliveredAt = at): MealSyncEvent => ({
  type: 'meal-sync.delivered.v1',
  data: { schoolId, date, version, deliveryId: `24-2026-12-07-v${version}`, deliveredAt },
});
const fail = (version: number, attempt: number, error = 'HTTP 503'): MealSyncCommand => ({
  type: 'RecordMealSyncFailure',
  schoolId,
  date,
  version,
  attempt,
  error,
  failedAt: at,
});
const failed = (version: number, attempt: number, error = 'HTTP 503'): MealSyncEvent => ({
  type: 'meal-sync.failed.v1',
  data: { schoolId, date, version, deliveryId: `24-2026-12-07-v${version}`, attempt, error, failedAt: at },
});

function given(...history: MealSyncEvent[]) {
  const state = mealSyncDecider.fold(history, mealSyncDecider.initialState);
  const run = (command: MealSyncCommand) => mealSyncDecider.decide(command, state);
  return {
    state,
    when: (command: MealSyncCommand) => ({
      then: (expected: MealSyncEvent[]) => expect(run(command)).toEqual(expected),
      thenNothing: () => expect(run(command)).toEqual([]),
      thenRefused: (code: DomainErrorCode) => {
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

describe('meal sync: names', () => {
  it('streams per school and day, delivery ids per version, catalogue entries with keys', () => {
    expect(mealSyncStreamId('24', '2026-12-07')).toBe('meal-sync-24-2026-12-07');
    expect(mealSyncDecider.streamId(mealSyncId('24', '2026-12-07'))).toBe('meal-sync-24-2026-12-07');
    expect(mealDeliveryId('24', '2026-12-07', 3)).toBe('24-2026-12-07-v3');
    expect(MEAL_SYNC_EVENT_TYPES).toEqual(['meal-sync.delivered.v1', 'meal-sync.failed.v1']);
    expect(mealSyncDecider.eventTypes).toEqual(MEAL_SYNC_EVENT_TYPES);
    expect(streamKindOf('meal-sync.failed.v1')).toBe('meal-sync');
    expect(idempotencyKey(delivered(3))).toBe('meal-sync-delivered:24-2026-12-07-v3');
    expect(idempotencyKey(failed(3, 2))).toBe('meal-sync-failed:24-2026-12-07-v3:2');
  });
});

describe('meal sync: deliveries', () => {
  it('records the first delivery of a day', () =>
    given()
      .when(deliver(1))
      .then([delivered(1)]));
  it('records a newer version after an older one', () =>
    given(delivered(1))
      .when(deliver(4))
      .then([delivered(4)]));
  it('a second delivery of the same version is a duplicate', () => given(delivered(2)).when(deliver(2)).thenNothing());
  it('an older version after a newer one is a duplicate', () => given(delivered(5)).when(deliver(3)).thenNothing());
  it('the state tells the delivered version and when', () => {
    expect(given(delivered(2), delivered(5, '2026-12-07T07:00:00.000Z')).state).toEqual({
      deliveredVersion: 5,
      deliveredAt: '2026-12-07T07:00:00.000Z',
      lastFailure: null,
    });
    expect(initialMealSyncState).toEqual({ deliveredVersion: null, deliveredAt: null, lastFailure: null });
  });
  it('refuses malformed reports', () => {
    given()
      .when({ ...deliver(1), schoolId: '024' })
      .thenRefused('invalid_school_id');
    for (const date of ['2026-02-30', '2026-13-01', '07.12.2026'])
      given()
        .when({ ...deliver(1), date })
        .thenRefused('invalid_date');
    for (const version of [0, -1, 1.5, Number.NaN]) given().when(deliver(version)).thenRefused('invalid_id');
    given()
      .when({ ...deliver(1), deliveredAt: 'yesterday' })
      .thenRefused('invalid_timestamp');
  });
});

describe('meal sync: failures', () => {
  it('records a failed attempt', () =>
    given()
      .when(fail(1, 1))
      .then([failed(1, 1)]));
  it('records the next attempt of the same version', () =>
    given(failed(1, 1))
      .when(fail(1, 2))
      .then([failed(1, 2)]));
  it('the same attempt reported twice is a duplicate', () => given(failed(1, 2)).when(fail(1, 2)).thenNothing());
  it('a failure of a version already delivered is stale', () => given(delivered(3)).when(fail(2, 1)).thenNothing());
  it('a delivery clears the failure of that version, not of a newer one', () => {
    expect(given(failed(2, 1), delivered(2)).state.lastFailure).toBeNull();
    expect(given(failed(4, 1), delivered(3)).state.lastFailure).toEqual({
      version: 4,
      attempt: 1,
      error: 'HTTP 503',
      failedAt: at,
    });
  });
  it('keeps failure texts on one short line', () => {
    const [event] = mealSyncDecider.decide(
      fail(1, 1, `line one\n\tline\u200B two ${'x'.repeat(400)}`),
      initialMealSyncState,
    );
    const error = event?.type === 'meal-sync.failed.v1' ? event.data.error : '';
    expect(error.startsWith('line one line two x')).toBe(true);
    expect(error).toHaveLength(300);
    expect(error.endsWith('…')).toBe(true);
  });
});

describe('meal sync: properties', () => {
  const report = fc.oneof(
    fc.integer({ min: 1, max: 20 }).map(deliver),
    fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 5 })).map(([v, a]) => fail(v, a)),
  );
  it('whatever the order of reports, each version is delivered at most once and versions only grow', () => {
    fc.assert(
      fc.property(fc.array(report, { maxLength: 40 }), (commands) => {
        let state = initialMealSyncState;
        const deliveredVersions: number[] = [];
        for (const command of commands) {
          for (const event of mealSyncDecider.decide(command, state)) {
            if (event.type === 'meal-sync.delivered.v1') deliveredVersions.push(event.data.version);
            state = evolveMealSync(state, event);
          }
        }
        expect(new Set(deliveredVersions).size).toBe(deliveredVersions.length);
        expect([...deliveredVersions].sort((a, b) => a - b)).toEqual(deliveredVersions);
        const maxDelivered = commands
          .filter((c) => c.type === 'RecordMealSyncDelivery')
          .reduce<number | null>((max, c) => (max === null || c.version > max ? c.version : max), null);
        expect(state.deliveredVersion).toBe(maxDelivered);
      }),
    );
  });
});
