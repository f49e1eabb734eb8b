import { ACCOUNT_EVENT_TYPES, isAccountEvent, type AccountEvent, type SchoolRegistered } from '@meals/domain';
import { collections } from '../collections.js';
import { dayTotalsId, type AccountDoc } from '../documents.js';
import { evolveAccountDoc } from '../projection/accounts.projection.js';
import { affectedCardUid, evolveCardDoc } from '../projection/cards.projection.js';
import type { ProjectionInput } from '../projection/projection-input.js';
import { dayTotalsSchoolId, evolveDayTotals } from '../projection/school-day-totals.projection.js';
import { changePupilCount, pupilCountChanges, registerSchool } from '../projection/schools.projection.js';
import type { DocKey, WorkingSet } from '../projection/working-set.js';
import type { ProjectionDefinition } from './projection-definition.js';

const { accounts, cards, schoolDayTotals, schools } = collections;

/**
 * Accounts with their balance and current card, cards, schools with their pupil count and
 * schools' day totals: one definition because cards, day totals and pupil counts follow the
 * account's current school and card.
 */
export const accountsProjection: ProjectionDefinition = {
  name: 'accounts',
  // 2: balances include meal charges
  version: 2,
  eventTypes: ['school.registered.v1', ...ACCOUNT_EVENT_TYPES],
  collections: [accounts, cards, schoolDayTotals, schools],
  writeOnly: [],
  apply(workingSet, input) {
    const { event } = input;
    if (event.type === 'school.registered.v1') applySchoolRegistered(workingSet, event);
    else if (isAccountEvent(event)) applyAccountEvent(workingSet, event, input);
  },
  targets(input, workingSet) {
    const { event } = input;
    if (event.type === 'school.registered.v1') return [{ collection: schools.name, id: event.data.schoolId }];
    if (!isAccountEvent(event)) return [];
    const accountNumber = event.data.accountNumber;
    const account = workingSet.isKnown(accounts, accountNumber) ? workingSet.get(accounts, accountNumber) : null;
    return [{ collection: accounts.name, id: accountNumber }, ...accountDependentTargets(event, account, input.date)];
  },
};

function applySchoolRegistered(workingSet: WorkingSet, event: SchoolRegistered): void {
  const school = workingSet.get(schools, event.data.schoolId);
  workingSet.put(schools, event.data.schoolId, registerSchool(school, event));
}

function applyAccountEvent(workingSet: WorkingSet, event: AccountEvent, input: ProjectionInput): void {
  // reads
  const account = workingSet.get(accounts, event.data.accountNumber);
  const cardUid = affectedCardUid(event, account);
  const card = cardUid === null ? null : workingSet.get(cards, cardUid);
  const totalsSchoolId = dayTotalsSchoolId(event, account);
  const totalsId = totalsSchoolId === null ? null : dayTotalsId(totalsSchoolId, input.date);
  const totals = totalsId === null ? null : workingSet.get(schoolDayTotals, totalsId);
  const schoolsChanged = pupilCountChanges(event, account).map(
    ([schoolId, delta]) => [schoolId, delta, workingSet.get(schools, schoolId)] as const,
  );

  // writes
  if (cardUid !== null) {
    const next = evolveCardDoc(card, event, account);
    if (next) workingSet.put(cards, cardUid, next);
  }
  if (totalsId !== null) {
    workingSet.put(schoolDayTotals, totalsId, evolveDayTotals(totals, totalsSchoolId!, input.date, event));
  }
  for (const [schoolId, delta, school] of schoolsChanged) {
    workingSet.put(schools, schoolId, changePupilCount(school, schoolId, delta));
  }
  const next = evolveAccountDoc(account, event, input);
  if (next) workingSet.put(accounts, next._id, next);
}

/**
 * Documents that depend on the account as it was before the event (its school, its
 * current card); while the account is not loaded they are computed as if it were absent
 * (a harmless prefetch) and asked for again once it is.
 */
function accountDependentTargets(event: AccountEvent, account: AccountDoc | null, date: string): DocKey[] {
  const targets: DocKey[] = [];
  const cardUid = affectedCardUid(event, account);
  if (cardUid !== null) targets.push({ collection: cards.name, id: cardUid });
  const schoolId = dayTotalsSchoolId(event, account);
  if (schoolId !== null) targets.push({ collection: schoolDayTotals.name, id: dayTotalsId(schoolId, date) });
  for (const [school] of pupilCountChanges(event, account)) targets.push({ collection: schools.name, id: school });
  return targets;
}
