import { randomCheckLines, seededRandom, type MealKind } from '@meals/demo-data';
import {
  accountStreamId,
  checkLines,
  makeAccountNumber,
  mealSettingsStreamId,
  mealTypeStreamId,
  pupilKey,
  schoolStreamId,
  TOP_UP_CHANNELS,
  type EventMetadata,
  type LedgerEvent,
} from '@meals/domain';
import type { EventStore, EventToAppend, JsonObject } from '@meals/event-store';

/**
 * A synthetic but realistic ledger history for benchmarks and replay tests: schools and
 * their pupil lists, accounts with cards, top-ups when the balance runs low, canteen checks
 * of 1–5 lines from the demo city's menu every school day, and optionally the rest of an
 * account's life (moves, corrections, blocked and re-issued cards, closing with a refund
 * or a transfer to a sibling). Deterministic for a seed; balances never go below zero.
 */

export interface LedgerHistoryOptions {
  seed?: number;
  schools?: number;
  pupilsPerSchool?: number;
  /** school days (Mon–Fri) from 2025-09-01 */
  days?: number;
  /** school days per append to an account stream (many events per append call) */
  daysPerAppend?: number;
  /** also moves, corrections, card blocks/re-issues and closings */
  lifecycle?: boolean;
  /** also meal management: a meal type, order settings, daily meal charges and some reversals (default: lifecycle) */
  meals?: boolean;
}

export interface HistoryAppend {
  streamId: string;
  events: EventToAppend[];
}

const LAST_NAMES = [
  'Иванова',
  'Петров',
  'Смирнова',
  'Кузнецов',
  'Попова',
  'Соколов',
  'Лебедева',
  'Козлов',
  'Новикова',
  'Морозов',
];
const FIRST_NAMES = ['Алёна', 'Иван', 'Мария', 'Дмитрий', 'Анна', 'Артём', 'София', 'Максим', 'Ева', 'Лев'];
const LETTERS = ['А', 'Б', 'В'];
const MEALS: readonly MealKind[] = ['breakfast', 'lunch', 'snack'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 2025-09-01 00:00 Moscow time */
const FIRST_DAY = Date.parse('2025-08-31T21:00:00Z');

interface Account {
  accountNumber: string;
  schoolId: string;
  className: string;
  fullName: string;
  balance: number;
  cardUid: string;
  cardActive: boolean;
  open: boolean;
}

export function* generateLedgerHistory(options: LedgerHistoryOptions = {}): Generator<HistoryAppend> {
  const random = seededRandom(options.seed ?? 1);
  const hex = (length: number): string => {
    let s = '';
    while (s.length < length)
      s += Math.floor(random.next() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    return s.slice(0, length);
  };
  const uuid = (): string => {
    const h = hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const event = (
    e: LedgerEvent,
    occurredAtMs: number,
    actor: EventMetadata['actor'],
    source: EventMetadata['source'],
  ): EventToAppend => {
    const correlationId = uuid();
    const metadata: EventMetadata = {
      actor,
      source,
      correlationId,
      causationId: correlationId,
      occurredAt: new Date(occurredAtMs).toISOString(),
    };
    return {
      id: uuid(),
      type: e.type,
      data: e.data as unknown as JsonObject,
      metadata: metadata as unknown as JsonObject,
    };
  };
  const staff = { kind: 'staff', id: 'operator-1' } as const;
  const bank = { kind: 'bank', id: 'sberbank' } as const;

  const schoolCount = options.schools ?? 5;
  const pupilsPerSchool = options.pupilsPerSchool ?? 100;
  const days = options.days ?? 170;
  const daysPerAppend = options.daysPerAppend ?? 5;
  const lifecycle = options.lifecycle ?? false;
  const meals = options.meals ?? lifecycle;
  const MEAL_TYPE_ID = 'mt-breakfast';
  const MEAL_COSTS = { rb: 2000, mb: 1000, rp: 4500 };
  const mealCharges = new Map<string, number>();

  const accounts: Account[] = [];
  const checkSeq = new Map<string, number>();
  const schoolIds = Array.from({ length: schoolCount }, (_, i) => String(i + 1));

  // schools and their lists, then an account and a card per pupil
  for (const schoolId of schoolIds) {
    const t = FIRST_DAY - 7 * DAY;
    const pupils = Array.from({ length: pupilsPerSchool }, (_, i) => {
      const className = `${String(random.int(1, 11)).padStart(2, '0')}${random.pick(LETTERS)}`;
      const fullName = `${random.pick(LAST_NAMES)} ${random.pick(FIRST_NAMES)} ${i + 1}`;
      return {
        pupilKey: pupilKey(fullName, className),
        accountNumber: makeAccountNumber(schoolId, i + 1),
        fullName,
        className,
        cardUid: hex(14).toUpperCase(),
      };
    });
    yield {
      streamId: schoolStreamId(schoolId),
      events: [
        event(
          { type: 'school.registered.v1', data: { schoolId, name: `Школа №${schoolId}`, departmentId: 'dep-1' } },
          t,
          staff,
          'staff',
        ),
        event({ type: 'school.pupils-enrolled.v1', data: { schoolId, pupils } }, t + 1000, staff, 'import'),
      ],
    };
    for (const pupil of pupils) {
      const { accountNumber, className, fullName, cardUid } = pupil;
      accounts.push({
        accountNumber,
        schoolId,
        className,
        fullName,
        balance: 0,
        cardUid,
        cardActive: false,
        open: true,
      });
      yield {
        streamId: accountStreamId(accountNumber),
        events: [
          event(
            { type: 'account.opened.v1', data: { accountNumber, schoolId, className, fullName } },
            t + 2000,
            staff,
            'import',
          ),
          event(
            { type: 'card.issued.v1', data: { accountNumber, cardUid, replacesCardUid: null } },
            t + 2000,
            staff,
            'import',
          ),
        ],
      };
    }
  }

  if (meals) {
    const t = FIRST_DAY - 6 * DAY;
    const createdOn = new Date(t + 3 * HOUR).toISOString().slice(0, 10);
    yield {
      streamId: mealTypeStreamId(MEAL_TYPE_ID),
      events: [
        event(
          {
            type: 'meal-type.created.v1',
            data: {
              mealTypeId: MEAL_TYPE_ID,
              departmentId: 'dep-1',
              name: 'Завтрак',
              serviceType: 'завтрак',
              benefitCategory: 'Без льготы',
              hot: true,
              dynamicCost: false,
              costs: MEAL_COSTS,
              createdOn,
            },
          },
          t,
          staff,
          'staff',
        ),
        event(
          {
            type: 'meal-type.status-changed.v1',
            data: { mealTypeId: MEAL_TYPE_ID, status: 'active', effectiveFrom: createdOn, changedOn: createdOn },
          },
          t + 1000,
          staff,
          'staff',
        ),
        event(
          { type: 'meal-type.first-ordered.v1', data: { mealTypeId: MEAL_TYPE_ID, date: createdOn } },
          t + 2000,
          staff,
          'staff',
        ),
      ],
    };
    yield {
      streamId: mealSettingsStreamId('dep-1'),
      events: [
        event(
          {
            type: 'meal-settings.changed.v1',
            data: {
              departmentId: 'dep-1',
              teacherEditDays: 2,
              coordinatorEditDays: 5,
              negativeBalanceLimitRoubles: null,
              creditDays: null,
              lockAfterSync: false,
              autoResyncAfterEdit: true,
              exemptSchoolIds: [],
            },
          },
          t,
          staff,
          'staff',
        ),
      ],
    };
  }

  const schoolDays: number[] = [];
  for (let d = 0; schoolDays.length < days; d++) {
    const weekday = new Date(FIRST_DAY + d * DAY + 12 * HOUR).getUTCDay();
    if (weekday !== 0 && weekday !== 6) schoolDays.push(FIRST_DAY + d * DAY);
  }

  for (let first = 0; first < schoolDays.length; first += daysPerAppend) {
    const chunk = schoolDays.slice(first, first + daysPerAppend);
    for (const account of accounts) {
      if (!account.open) continue;
      const events: EventToAppend[] = [];
      const later: HistoryAppend[] = [];
      const { accountNumber } = account;
      for (const day of chunk) {
        if (!account.open) break;
        const till = { kind: 'till', id: `${account.schoolId}-01` } as const;
        if (account.balance < 30_000) {
          const paidAt = day + random.int(6, 22) * HOUR - DAY + random.int(0, 3_599_999);
          const amount = random.int(10, 30) * 10_000;
          account.balance += amount;
          events.push(
            event(
              {
                type: 'account.topped-up.v1',
                data: {
                  accountNumber,
                  paymentId: `pay-${hex(12)}`,
                  channel: random.pick(TOP_UP_CHANNELS),
                  amount,
                  paidAt: new Date(paidAt).toISOString(),
                },
              },
              paidAt + random.int(1, 600_000),
              bank,
              'bank',
            ),
          );
        }
        if (!account.cardActive) {
          account.cardActive = true;
          events.push(
            event(
              { type: 'card.activated.v1', data: { accountNumber, cardUid: account.cardUid, tillId: till.id } },
              day + 8 * HOUR,
              till,
              'till',
            ),
          );
        }
        if (random.chance(0.92)) {
          const { items, total } = checkLines(randomCheckLines(random, random.pick(MEALS)));
          if (total <= account.balance) {
            const seq = (checkSeq.get(account.schoolId) ?? 0) + 1;
            checkSeq.set(account.schoolId, seq);
            const soldAt = day + 9 * HOUR + random.int(0, 5 * HOUR);
            account.balance -= total;
            events.push(
              event(
                {
                  type: 'account.sale-debited.v1',
                  data: {
                    accountNumber,
                    checkNumber: `${account.schoolId}-${String(seq).padStart(6, '0')}`,
                    schoolId: account.schoolId,
                    tillId: till.id,
                    cardUid: account.cardUid,
                    items,
                    total,
                    soldAt: new Date(soldAt).toISOString(),
                  },
                },
                soldAt + random.int(5, 900),
                till,
                'till',
              ),
            );
          }
        }
        if (meals) mealEvents(account, day, events);
        if (lifecycle) later.push(...lifeEvents(account, day, events));
      }
      if (events.length > 0) yield { streamId: accountStreamId(accountNumber), events };
      yield* later;
    }
  }

  /** A class teacher's daily breakfast order (the parents' share charged), now and then removed again. */
  function mealEvents(account: Account, day: number, events: EventToAppend[]): void {
    if (!random.chance(0.4) || account.balance < MEAL_COSTS.rp) return;
    const { accountNumber, schoolId, className, fullName } = account;
    const date = new Date(day + 12 * HOUR).toISOString().slice(0, 10);
    const key = `${schoolId}:${date}:${accountNumber}:${MEAL_TYPE_ID}`;
    const n = (mealCharges.get(key) ?? 0) + 1;
    mealCharges.set(key, n);
    const chargeId = `${key}:${n}`;
    const at = day + 8 * HOUR + random.int(0, HOUR);
    const teacher = { kind: 'staff', id: `teacher-${schoolId}-${className}` } as const;
    account.balance -= MEAL_COSTS.rp;
    events.push(
      event(
        {
          type: 'account.meal-charged.v1',
          data: {
            accountNumber,
            chargeId,
            schoolId,
            className,
            fullName,
            date,
            mealTypeId: MEAL_TYPE_ID,
            mealTypeName: 'Завтрак',
            serviceType: 'завтрак',
            dynamicCost: false,
            costs: MEAL_COSTS,
            amount: MEAL_COSTS.rp,
          },
        },
        at,
        teacher,
        'staff',
      ),
    );
    if (!random.chance(0.1)) return;
    account.balance += MEAL_COSTS.rp;
    events.push(
      event(
        {
          type: 'account.meal-charge-reversed.v1',
          data: {
            accountNumber,
            chargeId,
            schoolId,
            date,
            mealTypeId: MEAL_TYPE_ID,
            mealTypeName: 'Завтрак',
            amount: MEAL_COSTS.rp,
          },
        },
        at + HOUR,
        teacher,
        'staff',
      ),
    );
  }

  /** Rare account events; appends to other streams (a sibling's transfer-in) are returned. */
  function lifeEvents(account: Account, day: number, events: EventToAppend[]): HistoryAppend[] {
    const { accountNumber } = account;
    const at = day + 15 * HOUR + random.int(0, HOUR);
    const roll = random.next();
    if (roll < 0.01) {
      const amount = random.int(-50, 100) * 100 || 100;
      if (account.balance + amount < 0) return [];
      account.balance += amount;
      events.push(
        event(
          {
            type: 'account.corrected.v1',
            data: { accountNumber, correctionId: uuid(), amount, reason: 'Сбой терминала' },
          },
          at,
          staff,
          'staff',
        ),
      );
    } else if (roll < 0.015) {
      const replaced = account.cardUid;
      account.cardUid = hex(14).toUpperCase();
      account.cardActive = false;
      events.push(
        event(
          {
            type: 'card.blocked.v1',
            data: { accountNumber, cardUid: replaced, reason: random.pick(['lost', 'stolen', 'damaged'] as const) },
          },
          at,
          staff,
          'staff',
        ),
        event(
          { type: 'card.issued.v1', data: { accountNumber, cardUid: account.cardUid, replacesCardUid: replaced } },
          at + 1000,
          staff,
          'staff',
        ),
      );
    } else if (roll < 0.02) {
      const toSchoolId = random.chance(0.5) ? account.schoolId : random.pick(schoolIds);
      const toClassName = `${String(random.int(1, 11)).padStart(2, '0')}${random.pick(LETTERS)}`;
      events.push(
        event(
          {
            type: 'account.moved.v1',
            data: {
              accountNumber,
              fromSchoolId: account.schoolId,
              fromClassName: account.className,
              toSchoolId,
              toClassName,
            },
          },
          at,
          staff,
          'staff',
        ),
      );
      account.schoolId = toSchoolId;
      account.className = toClassName;
    } else if (roll < 0.022) {
      const sibling = accounts.find((other) => other.open && other !== account && other.schoolId === account.schoolId);
      const amount = account.balance;
      account.open = false;
      account.balance = 0;
      if (sibling && random.chance(0.5)) {
        const transferId = uuid();
        if (amount > 0) {
          events.push(
            event(
              {
                type: 'account.balance-transferred-out.v1',
                data: { accountNumber, transferId, toAccountNumber: sibling.accountNumber, amount },
              },
              at,
              staff,
              'staff',
            ),
          );
        }
        events.push(
          event(
            { type: 'account.closed.v1', data: { accountNumber, reason: 'Выбыл из школы' } },
            at + 1,
            staff,
            'staff',
          ),
        );
        if (amount === 0) return [];
        sibling.balance += amount;
        const transferIn = event(
          {
            type: 'account.balance-transferred-in.v1',
            data: { accountNumber: sibling.accountNumber, transferId, fromAccountNumber: accountNumber, amount },
          },
          at + 2,
          staff,
          'staff',
        );
        return [{ streamId: accountStreamId(sibling.accountNumber), events: [transferIn] }];
      }
      if (amount > 0) {
        events.push(
          event(
            {
              type: 'account.refunded.v1',
              data: { accountNumber, refundId: uuid(), amount, reason: 'Возврат при закрытии' },
            },
            at,
            staff,
            'staff',
          ),
        );
      }
      events.push(
        event({ type: 'account.closed.v1', data: { accountNumber, reason: 'Выбыл из школы' } }, at + 1, staff, 'staff'),
      );
    }
    return [];
  }
}

/**
 * Appends a history keeping up to `concurrency` appends in flight (the SQLite store commits
 * them in groups). Appends to one stream keep their order: the store queues them in order.
 * Stops once `maxEvents` were appended (whole appends only). Returns the event count.
 */
export async function appendHistory(
  eventStore: EventStore,
  history: Iterable<HistoryAppend>,
  options: { concurrency?: number; maxEvents?: number } = {},
): Promise<number> {
  const concurrency = options.concurrency ?? 64;
  const maxEvents = options.maxEvents ?? Infinity;
  const inFlight = new Set<Promise<unknown>>();
  let count = 0;
  for (const { streamId, events } of history) {
    if (count >= maxEvents) break;
    const append = eventStore.append(streamId, events).finally(() => inFlight.delete(append));
    inFlight.add(append);
    count += events.length;
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return count;
}
