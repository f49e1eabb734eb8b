import { accountNumberSchoolCode } from '../account-number.js';
import type { AccountEvent } from '../events.js';
import { schoolCode } from '../school-id.js';
import { requireAccountNumber, requireCardUid, requireClassName, requireName, requireSchoolId } from '../validation.js';
import type { OpenAccount } from './account-commands.js';
import { accountExists, accountNumberOfOtherSchool } from './account-errors.js';
import { firstCardUid, type AccountState } from './account-state.js';

/**
 * Opens the account with its first card. Account numbers come from the school's numbering.
 * Opening again with the same data (a retried enrolment) changes nothing.
 */
export function decideOpenAccount(command: OpenAccount, state: AccountState): AccountEvent[] {
  const accountNumber = requireAccountNumber(command.accountNumber);
  const schoolId = requireSchoolId(command.schoolId);
  if (accountNumberSchoolCode(accountNumber) !== schoolCode(schoolId))
    throw accountNumberOfOtherSchool(accountNumber, schoolId);
  const className = requireClassName(command.className);
  const fullName = requireName(command.fullName, 'fullName');
  const cardUid = requireCardUid(command.cardUid);

  if (state.exists) {
    const same =
      state.openedAs?.schoolId === schoolId &&
      state.openedAs.className === className &&
      state.openedAs.fullName === fullName &&
      firstCardUid(state) === cardUid;
    if (same) return [];
    throw accountExists(accountNumber);
  }
  return [
    { type: 'account.opened.v1', data: { accountNumber, schoolId, className, fullName } },
    { type: 'card.issued.v1', data: { accountNumber, cardUid, replacesCardUid: null } },
  ];
}
