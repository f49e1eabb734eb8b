import { DomainError } from '../domain-error.js';
import { MAX_ACCOUNT_SEQUENCE } from '../account-number.js';

export const schoolNotFound = (schoolId: string): DomainError =>
  new DomainError(
    'school_not_found',
    `school ${schoolId} is not registered`,
    `Школа №${schoolId} не зарегистрирована`,
    { schoolId },
  );

export const schoolExists = (schoolId: string): DomainError =>
  new DomainError(
    'school_exists',
    `school ${schoolId} is already registered with another name or department`,
    `Школа №${schoolId} уже зарегистрирована с другим названием или управлением образования`,
    { schoolId },
  );

export const tooManyRows = (rows: number, max: number): DomainError =>
  new DomainError(
    'too_many_rows',
    `a pupil list may have at most ${max} rows, got ${rows}`,
    `В списке не больше ${max} строк, получено ${rows}`,
    {
      rows,
      max,
    },
  );

export const notEnoughCardUids = (needed: number, given: number): DomainError =>
  new DomainError(
    'not_enough_card_uids',
    `${needed} new pupils need ${needed} card uids, got ${given}`,
    `Для ${needed} новых учащихся нужно ${needed} карт, передано ${given}`,
    { needed, given },
  );

export const duplicateCardUid = (index: number): DomainError =>
  new DomainError(
    'invalid_card_uid',
    `newCardUids[${index}] repeats an earlier card uid`,
    'Идентификатор карты повторяется в списке',
    {
      field: 'newCardUids',
      index,
    },
  );

export const schoolSequenceExhausted = (schoolId: string, needed: number, lastSequence: number): DomainError =>
  new DomainError(
    'school_sequence_exhausted',
    `school ${schoolId} has no ${needed} account numbers left (last used ${lastSequence} of ${MAX_ACCOUNT_SEQUENCE})`,
    `У школы №${schoolId} закончились номера лицевых счетов`,
    { schoolId, needed, lastSequence },
  );
