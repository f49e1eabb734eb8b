/** The low-balance alert's mail, in Russian. */
import { formatRoubles } from '@meals/domain';
import type { OutgoingMail } from '../mail/mailer.js';

export interface LowBalanceMailInput {
  to: string;
  accountNumber: string;
  fullName: string | null;
  balance: number;
  threshold: number;
  topUpLink: string;
  idempotencyKey: string;
}

export const lowBalanceMail = (input: LowBalanceMailInput): OutgoingMail => ({
  to: input.to,
  subject: `Баланс ниже ${formatRoubles(input.threshold)}: лицевой счёт ${input.accountNumber}`,
  text: [
    'Здравствуйте!',
    '',
    `Баланс лицевого счёта ${input.accountNumber}${input.fullName ? ` (${input.fullName})` : ''} ` +
      `опустился ниже порога, который вы указали в личном кабинете.`,
    '',
    `Баланс: ${formatRoubles(input.balance)}`,
    `Порог: ${formatRoubles(input.threshold)}`,
    '',
    'Пополнить счёт:',
    input.topUpLink,
    '',
    'Следующее письмо придёт, когда баланс снова поднимется до порога и опять опустится ниже.',
    'Изменить порог или отключить уведомление можно в профиле личного кабинета.',
  ].join('\n'),
  idempotencyKey: input.idempotencyKey,
});
