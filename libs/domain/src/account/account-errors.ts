import { DomainError } from '../domain-error.js';
import type { Kopecks } from '../money.js';

export const accountNotFound = (accountNumber: string): DomainError =>
  new DomainError(
    'account_not_found',
    `account ${accountNumber} does not exist`,
    `Лицевой счёт ${accountNumber} не найден`,
    { accountNumber },
  );

export const accountExists = (accountNumber: string): DomainError =>
  new DomainError(
    'account_exists',
    `account ${accountNumber} is already open for another pupil or card`,
    `Лицевой счёт ${accountNumber} уже открыт на другого учащегося или карту`,
    { accountNumber },
  );

export const accountClosed = (accountNumber: string): DomainError =>
  new DomainError('account_closed', `account ${accountNumber} is closed`, `Лицевой счёт ${accountNumber} закрыт`, {
    accountNumber,
  });

export const balanceNegative = (accountNumber: string, balance: Kopecks): DomainError =>
  new DomainError(
    'balance_negative',
    `account ${accountNumber} cannot be closed with a negative balance (${balance} kopecks); top it up or correct it first`,
    `Нельзя закрыть лицевой счёт ${accountNumber} с отрицательным остатком: сначала пополните или скорректируйте его`,
    { accountNumber, balance },
  );

export const insufficientFunds = (balance: Kopecks, total: Kopecks): DomainError =>
  new DomainError(
    'insufficient_funds',
    `insufficient funds: balance ${balance} kopecks, needed ${total}`,
    'Недостаточно средств на лицевом счёте',
    { balance, total },
  );

export const wrongSchool = (accountSchoolId: string, tillSchoolId: string): DomainError =>
  new DomainError(
    'wrong_school',
    `the account belongs to school ${accountSchoolId}, the till to school ${tillSchoolId}`,
    `Карта принадлежит другой школе (№${accountSchoolId})`,
    { accountSchoolId, tillSchoolId },
  );

export const unknownCard = (cardUid: string): DomainError =>
  new DomainError('unknown_card', `card ${cardUid} is not a card of this account`, 'Карта не найдена', { cardUid });

export const cardBlocked = (cardUid: string): DomainError =>
  new DomainError('card_blocked', `card ${cardUid} is blocked`, 'Карта заблокирована', { cardUid });

export const cardNotActive = (cardUid: string): DomainError =>
  new DomainError(
    'card_not_active',
    `card ${cardUid} has not been activated at a till yet`,
    'Карта ещё не активирована на кассе',
    { cardUid },
  );

export const cardExists = (cardUid: string): DomainError =>
  new DomainError(
    'card_exists',
    `card ${cardUid} was already issued on this account`,
    'Эта карта уже выдавалась на этот лицевой счёт',
    { cardUid },
  );

export const paymentConflict = (paymentId: string): DomainError =>
  new DomainError(
    'payment_conflict',
    `payment ${paymentId} was already recorded with a different amount or channel`,
    `Платёж ${paymentId} уже учтён с другой суммой или каналом`,
    { paymentId },
  );

export const checkConflict = (checkNumber: string): DomainError =>
  new DomainError(
    'check_conflict',
    `check ${checkNumber} was already recorded with different content`,
    `Чек №${checkNumber} уже учтён с другим содержимым`,
    { checkNumber },
  );

export const correctionConflict = (correctionId: string): DomainError =>
  new DomainError(
    'correction_conflict',
    `correction ${correctionId} was already recorded with a different amount or reason`,
    `Корректировка ${correctionId} уже учтена с другой суммой или причиной`,
    { correctionId },
  );

export const transferConflict = (transferId: string): DomainError =>
  new DomainError(
    'transfer_conflict',
    `transfer ${transferId} was already received with a different amount or source`,
    `Перевод ${transferId} уже зачислен с другой суммой или с другого счёта`,
    { transferId },
  );

export const sameAccount = (accountNumber: string): DomainError =>
  new DomainError(
    'same_account',
    `an account cannot transfer to itself (${accountNumber})`,
    'Нельзя перевести остаток на тот же лицевой счёт',
    {
      accountNumber,
    },
  );

export const accountNumberOfOtherSchool = (accountNumber: string, schoolId: string): DomainError =>
  new DomainError(
    'invalid_account_number',
    `account number ${accountNumber} is not in the numbering of school ${schoolId}`,
    `Номер лицевого счёта ${accountNumber} не относится к школе №${schoolId}`,
    { field: 'accountNumber', schoolId },
  );

export const checkOfOtherSchool = (checkNumber: string, tillSchoolId: string): DomainError =>
  new DomainError(
    'invalid_check_number',
    `check ${checkNumber} is not numbered for the till's school ${tillSchoolId}`,
    `Номер чека ${checkNumber} не относится к школе кассы (№${tillSchoolId})`,
    { field: 'checkNumber', tillSchoolId },
  );

export const invalidCheckNumber = (): DomainError =>
  new DomainError(
    'invalid_check_number',
    'checkNumber must look like 24-001983',
    'Номер чека должен иметь вид 24-001983',
    { field: 'checkNumber' },
  );

export const invalidChannel = (): DomainError =>
  new DomainError('invalid_channel', 'channel is not a known top-up channel', 'Неизвестный способ пополнения', {
    field: 'channel',
  });

export const invalidBlockReason = (): DomainError =>
  new DomainError(
    'invalid_block_reason',
    "reason must be 'lost', 'stolen' or 'damaged'",
    'Причина блокировки: утеряна, украдена или повреждена',
    {
      field: 'reason',
    },
  );

export const invalidSettlement = (): DomainError =>
  new DomainError(
    'invalid_settlement',
    "settlement must be { kind: 'refund', refundId } or { kind: 'transfer', transferId, toAccountNumber }",
    'Укажите, как вернуть остаток: возврат или перевод на другой лицевой счёт',
    { field: 'settlement' },
  );

export const invalidItems = (
  message: string,
  messageRu: string,
  details: Record<string, string | number>,
): DomainError => new DomainError('invalid_items', message, messageRu, details);
