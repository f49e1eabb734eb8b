import type { AccountEvent } from '../events.js';
import { requireClassName, requireSchoolId } from '../validation.js';
import type { MoveAccount } from './account-commands.js';
import { requireExistingAccount, requireOpenAccount } from './account-rules.js';
import type { AccountState } from './account-state.js';

/**
 * Moves the pupil to another class and/or school; the account number, balance and card
 * stay. Whether the target school exists is checked by the application.
 */
export function decideMoveAccount(command: MoveAccount, state: AccountState): AccountEvent[] {
  const toSchoolId = requireSchoolId(command.toSchoolId, 'toSchoolId');
  const toClassName = requireClassName(command.toClassName, 'toClassName');
  requireExistingAccount(state, command.accountNumber);
  requireOpenAccount(state);
  if (state.schoolId === toSchoolId && state.className === toClassName) return [];
  return [
    {
      type: 'account.moved.v1',
      data: {
        accountNumber: state.accountNumber,
        fromSchoolId: state.schoolId,
        fromClassName: state.className,
        toSchoolId,
        toClassName,
      },
    },
  ];
}
