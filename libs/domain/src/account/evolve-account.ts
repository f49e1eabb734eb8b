import type { AccountEvent } from '../events.js';
import { balanceChange } from '../ledger-effect.js';
import type { Kopecks } from '../money.js';
import { LayeredMap } from '../layered-map.js';
import { saleFingerprint } from './sale-fingerprint.js';
import {
  initialAccountState,
  mealChargeKey,
  mealDayKey,
  type AccountState,
  type MealChargeRecord,
  type CardStatus,
  type SeenCheck,
  type SeenCorrection,
  type SeenTopUp,
  type SeenTransferIn,
  type SeenTransferOut,
} from './account-state.js';

type Draft = { -readonly [K in keyof AccountState]: AccountState[K] };

/** How apply records an entry: a new version for a single evolve, in place for a fold that owns its maps. */
type PutEntry = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V) => ReadonlyMap<K, V>;
/** evolve makes a new version of only the map an event touches, sharing the rest of the history (see LayeredMap). */
const newVersion: PutEntry = (map, key, value) => LayeredMap.over(map).with(key, value);
const inPlace: PutEntry = (map, key, value) => (map as Map<typeof key, typeof value>).set(key, value);

/** A fold's private draft: fresh maps it may mutate. */
const draftOf = (state: AccountState): Draft => ({
  ...state,
  cards: new Map(state.cards),
  topUps: new Map(state.topUps),
  checks: new Map(state.checks),
  corrections: new Map(state.corrections),
  refunds: new Map(state.refunds),
  transfersIn: new Map(state.transfersIn),
  transfersOut: new Map(state.transfersOut),
  mealCharges: new Map(state.mealCharges),
  mealDays: new Map(state.mealDays),
});

function apply(draft: Draft, event: AccountEvent, withEntry: PutEntry): void {
  draft.balance += balanceChange(event);
  if (draft.balance >= 0) draft.negativeSince = null;
  else if (draft.negativeSince === null && event.type === 'account.meal-charged.v1') {
    draft.negativeSince = event.data.date;
  }
  switch (event.type) {
    case 'account.opened.v1': {
      const { accountNumber, schoolId, className, fullName } = event.data;
      Object.assign(draft, { exists: true, accountNumber, status: 'open', schoolId, className, fullName });
      draft.openedAs = { schoolId, className, fullName };
      return;
    }
    case 'account.moved.v1':
      draft.schoolId = event.data.toSchoolId;
      draft.className = event.data.toClassName;
      return;
    case 'account.closed.v1':
      draft.status = 'closed';
      return;
    case 'card.issued.v1':
      draft.cards = withEntry<string, CardStatus>(draft.cards, event.data.cardUid, 'issued');
      draft.currentCardUid = event.data.cardUid;
      return;
    case 'card.activated.v1':
      draft.cards = withEntry<string, CardStatus>(draft.cards, event.data.cardUid, 'active');
      return;
    case 'card.blocked.v1':
      draft.cards = withEntry<string, CardStatus>(draft.cards, event.data.cardUid, 'blocked');
      return;
    case 'account.topped-up.v1': {
      const { paymentId, channel, amount, paidAt } = event.data;
      draft.topUps = withEntry<string, SeenTopUp>(draft.topUps, paymentId, { channel, amount, paidAt });
      return;
    }
    case 'account.sale-debited.v1':
      draft.checks = withEntry<string, SeenCheck>(draft.checks, event.data.checkNumber, {
        total: event.data.total,
        fingerprint: saleFingerprint(event.data),
      });
      return;
    case 'account.corrected.v1':
      draft.corrections = withEntry<string, SeenCorrection>(draft.corrections, event.data.correctionId, {
        amount: event.data.amount,
        reason: event.data.reason,
      });
      return;
    case 'account.refunded.v1':
      draft.refunds = withEntry<string, Kopecks>(draft.refunds, event.data.refundId, event.data.amount);
      return;
    case 'account.balance-transferred-out.v1':
      draft.transfersOut = withEntry<string, SeenTransferOut>(draft.transfersOut, event.data.transferId, {
        toAccountNumber: event.data.toAccountNumber,
        amount: event.data.amount,
      });
      return;
    case 'account.meal-charged.v1': {
      const { schoolId, date, mealTypeId, mealTypeName, chargeId, amount, costs } = event.data;
      const key = mealChargeKey(schoolId, date, mealTypeId);
      const count = (draft.mealCharges.get(key)?.count ?? 0) + 1;
      draft.mealCharges = withEntry<string, MealChargeRecord>(draft.mealCharges, key, {
        chargeId,
        count,
        active: true,
        mealTypeName,
        amount,
        costs,
      });
      const day = mealDayKey(schoolId, date);
      const types = draft.mealDays.get(day) ?? [];
      if (!types.includes(mealTypeId)) {
        draft.mealDays = withEntry<string, readonly string[]>(draft.mealDays, day, [...types, mealTypeId]);
      }
      return;
    }
    case 'account.meal-charge-reversed.v1': {
      const { schoolId, date, mealTypeId } = event.data;
      const key = mealChargeKey(schoolId, date, mealTypeId);
      const record = draft.mealCharges.get(key);
      if (record) draft.mealCharges = withEntry(draft.mealCharges, key, { ...record, active: false });
      const day = mealDayKey(schoolId, date);
      const types = draft.mealDays.get(day) ?? [];
      draft.mealDays = withEntry<string, readonly string[]>(
        draft.mealDays,
        day,
        types.filter((id) => id !== mealTypeId),
      );
      return;
    }
    case 'account.balance-transferred-in.v1':
      draft.transfersIn = withEntry<string, SeenTransferIn>(draft.transfersIn, event.data.transferId, {
        fromAccountNumber: event.data.fromAccountNumber,
        amount: event.data.amount,
      });
      return;
  }
}

/** Applies one event; never throws, never mutates `state`. */
export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  const draft: Draft = { ...state };
  apply(draft, event, newVersion);
  return draft;
}

/** The state after `events`, starting from `from` (which is not mutated). */
export function foldAccount(events: Iterable<AccountEvent>, from: AccountState = initialAccountState): AccountState {
  const draft = draftOf(from);
  for (const event of events) apply(draft, event, inPlace);
  // the draft's maps are handed over: nobody mutates them from here on
  return {
    ...draft,
    cards: LayeredMap.over(draft.cards),
    topUps: LayeredMap.over(draft.topUps),
    checks: LayeredMap.over(draft.checks),
    corrections: LayeredMap.over(draft.corrections),
    refunds: LayeredMap.over(draft.refunds),
    transfersIn: LayeredMap.over(draft.transfersIn),
    transfersOut: LayeredMap.over(draft.transfersOut),
    mealCharges: LayeredMap.over(draft.mealCharges),
    mealDays: LayeredMap.over(draft.mealDays),
  };
}
