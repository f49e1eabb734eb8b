/** The till's three printouts: the sale check, the cabinet's temporary password slip, the «Детализация» slip. */
import { printedRubles } from '../money.js';
import type { RecentOperations } from '@meals/contracts';
import type { QueuedCheck } from '../store/till-records.js';
import { blank, pair, rule, text, type Receipt } from './receipt.js';

export interface TillIdentity {
  schoolId: string;
  schoolName: string;
  tillId: string;
  /** where parents log in, printed on the password slip */
  cabinetUrl: string;
  timeZone: string;
}

export function saleReceipt(till: TillIdentity, check: QueuedCheck): Receipt {
  const balanceLabel = check.state === 'delivered' ? 'Остаток на счёте' : 'Остаток (предварительно)';
  return {
    id: `check-${check.checkNumber}`,
    kind: 'sale',
    lines: [
      ...header(till),
      text(`Чек №${check.checkNumber}`, { bold: true }),
      text(dateTime(check.soldAt, till.timeZone)),
      ...(check.accountNumber ? [text(`Лицевой счёт ${check.accountNumber}`)] : []),
      rule,
      ...check.items.flatMap((item) => [
        text(item.name),
        pair(`  ${item.qty} x ${printedRubles(item.price)}`, printedRubles(item.qty * item.price)),
      ]),
      rule,
      pair('ИТОГО', printedRubles(check.total), true),
      ...(check.balanceAfter === null ? [] : [pair(balanceLabel, printedRubles(check.balanceAfter))]),
      ...(check.offline ? [text('Продажа без связи с сервером: будет учтена при восстановлении связи')] : []),
      blank,
      text('Спасибо! Приятного аппетита!', { align: 'center' }),
    ],
  };
}

export function temporaryPasswordSlip(
  till: TillIdentity,
  issued: { accountNumber: string; temporaryPassword: string; expiresAt: string },
  now: Date,
): Receipt {
  return {
    id: `password-${issued.accountNumber}-${now.getTime()}`,
    kind: 'temporary-password',
    lines: [
      ...header(till),
      text('Вход в личный кабинет', { bold: true, align: 'center' }),
      rule,
      pair('Лицевой счёт', issued.accountNumber, true),
      pair('Временный пароль', issued.temporaryPassword, true),
      rule,
      text(`Откройте ${till.cabinetUrl}, введите номер лицевого счёта и временный пароль, затем задайте свой пароль.`),
      text(`Пароль действует 24 часа: до ${dateTime(issued.expiresAt, till.timeZone)}.`),
      text('Никому не сообщайте пароль.'),
    ],
  };
}

export function statementSlip(till: TillIdentity, recent: RecentOperations, now: Date): Receipt {
  const { lines } = recent;
  return {
    id: `statement-${recent.accountNumber}-${now.getTime()}`,
    kind: 'statement',
    lines: [
      ...header(till),
      text('Детализация', { bold: true, align: 'center' }),
      text(`${recent.fullName}, ${recent.className}`),
      text(`Лицевой счёт ${recent.accountNumber}`),
      text(`на ${dateTime(now.toISOString(), till.timeZone)}`),
      rule,
      ...(lines.length === 0 ? [text('Операций нет')] : []),
      ...lines.flatMap((line) => [
        pair(dateTime(line.at, till.timeZone), printedRubles(line.credit - line.debit)),
        text(line.description),
        ...(line.items ?? []).map((item) => text(`  ${item.name} ${item.qty} x ${printedRubles(item.price)}`)),
      ]),
      rule,
      pair('Остаток', printedRubles(recent.balance), true),
    ],
  };
}

function header(till: TillIdentity) {
  return [
    text(till.schoolName, { align: 'center', bold: true }),
    text(`Касса ${till.tillId}`, { align: 'center' }),
    rule,
  ];
}

/** `06.12.2026 12:05` in the school's time zone */
export function dateTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
  return parts.replace(',', '');
}
