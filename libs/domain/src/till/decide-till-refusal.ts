import { checkNumberSchool } from '../check-number.js';
import { checkOfOtherSchool, invalidCheckNumber, invalidItems } from '../account/account-errors.js';
import { checkLines } from '../account/sale-items.js';
import { DomainError } from '../domain-error.js';
import type { TillRefusalEvent } from '../till-refusal-events.js';
import {
  requireAccountNumber,
  requireCardUid,
  requireId,
  requireIsoInstant,
  requireReason,
  requireSchoolId,
} from '../validation.js';
import type { TillRefusalCommand } from './till-refusal-commands.js';
import type { TillRefusalsState } from './till-refusals-state.js';

const REFUSAL_CODE = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Records a refused offline check once per check number: the first report is kept and a
 * repeated report (the till retrying after a lost answer, or after a restart) changes
 * nothing, whatever it says, so a till never gets stuck on a report. The check must be
 * numbered for the till's school and its total must match its items.
 */
export function decideTillRefusal(command: TillRefusalCommand, state: TillRefusalsState): TillRefusalEvent[] {
  const schoolId = requireSchoolId(command.tillSchoolId, 'tillSchoolId');
  if (state.schoolId !== '' && state.schoolId !== schoolId) {
    throw new Error(`refusal of school ${schoolId} decided on the refusals of school ${state.schoolId}`);
  }
  const checkSchool = checkNumberSchool(typeof command.checkNumber === 'string' ? command.checkNumber : '');
  if (checkSchool === null) throw invalidCheckNumber();
  if (checkSchool !== schoolId) throw checkOfOtherSchool(command.checkNumber, schoolId);
  const { checkNumber } = command;
  const tillId = requireId(command.tillId, 'tillId');
  const cardUid = requireCardUid(command.cardUid);
  const accountNumber = command.accountNumber === null ? null : requireAccountNumber(command.accountNumber);
  const { items, total } = checkLines(command.items);
  if (command.total !== total) {
    throw invalidItems(
      `total ${command.total} does not match the items (${total})`,
      'Сумма чека не совпадает с позициями',
      {
        field: 'total',
      },
    );
  }
  const soldAt = requireIsoInstant(command.soldAt, 'soldAt');
  if (typeof command.refusalCode !== 'string' || !REFUSAL_CODE.test(command.refusalCode)) {
    throw new DomainError(
      'invalid_id',
      'refusalCode must be an error code like insufficient_funds',
      'Неверный код отказа',
      {
        field: 'refusalCode',
      },
    );
  }
  const refusalMessage = requireReason(command.refusalMessage, 'refusalMessage');
  if (state.reported.has(checkNumber)) return [];
  return [
    {
      type: 'till.refusal-reported.v1',
      data: {
        schoolId,
        tillId,
        checkNumber,
        cardUid,
        accountNumber,
        items,
        total,
        soldAt,
        refusalCode: command.refusalCode,
        refusalMessage,
      },
    },
  ];
}
