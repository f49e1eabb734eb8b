import type { AccountEvent, LedgerEvent } from '@meals/domain';
import { ACCOUNTS, CARDS, dayTotalsId, SCHOOL_DAY_TOTALS, SCHOOLS, type AccountDoc } from '../read-models.js';
import { affectedCardUid } from './cards.projection.js';
import type { ProjectionInput } from './projection-input.js';
import { dayTotalsSchoolId } from './school-day-totals.projection.js';
import { pupilCountChanges } from './schools.projection.js';
import type { DocKey, WorkingSet } from './working-set.js';

export const isAccountEvent = (event: LedgerEvent): event is AccountEvent => !event.type.startsWith('school.');

/**
 * The documents an event reads and rewrites (write-only ones aside). Some depend on the
 * account as it was before the event (its school, its current card); while the account is
 * not loaded they are computed as if it were absent (a harmless prefetch) and asked for
 * again once it is.
 */
export function eventTargets(input: ProjectionInput, workingSet: WorkingSet): DocKey[] {
  const { event } = input;
  if (event.type === 'school.registered.v1') return [{ collection: SCHOOLS, id: event.data.schoolId }];
  if (!isAccountEvent(event)) return [];
  const accountNumber = event.data.accountNumber;
  const account = workingSet.isKnown(ACCOUNTS, accountNumber)
    ? workingSet.get<AccountDoc>(ACCOUNTS, accountNumber)
    : null;
  return [{ collection: ACCOUNTS, id: accountNumber }, ...accountDependentTargets(event, account, input.date)];
}

function accountDependentTargets(event: AccountEvent, account: AccountDoc | null, date: string): DocKey[] {
  const targets: DocKey[] = [];
  const cardUid = affectedCardUid(event, account);
  if (cardUid !== null) targets.push({ collection: CARDS, id: cardUid });
  const schoolId = dayTotalsSchoolId(event, account);
  if (schoolId !== null) targets.push({ collection: SCHOOL_DAY_TOTALS, id: dayTotalsId(schoolId, date) });
  for (const [school] of pupilCountChanges(event, account)) targets.push({ collection: SCHOOLS, id: school });
  return targets;
}
