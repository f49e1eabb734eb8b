/**
 * What the cabinet's forms accept, checked on the server before anything reaches the ledger
 * (the ledger checks again). Every refusal has a Russian message the page shows as it is.
 */
import { z } from 'zod';
import { isCalendarDate } from './dates.js';
import { parseRublesToKopecks } from './money.js';

export const PASSWORD_RULE_RU = 'Не короче 8 символов, буквы и цифры, не совпадает с номером лицевого счёта.';

const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
const MARKUP = /[<>]/;

const text = (max: number, requiredRu: string) =>
  z
    .string({ error: requiredRu })
    .min(1, { error: requiredRu })
    .max(max, { error: `Не длиннее ${max} символов.` })
    .refine((value) => !CONTROL_CHARS.test(value), { error: 'Недопустимые управляющие символы.' });

export const accountNumberField = z
  .string({ error: 'Введите номер лицевого счёта.' })
  .trim()
  .regex(/^\d{10}$/, { error: 'Номер лицевого счёта — 10 цифр.' });

const passwordField = text(128, 'Введите пароль.');

export const loginForm = z.object({
  accountNumber: accountNumberField,
  password: passwordField,
  acceptTerms: z.literal('on', { error: 'Примите условия использования, чтобы войти.' }),
});

/** The strength rule the ledger applies too, so the parent learns it before the round trip. */
export function passwordProblemRu(password: string, accountNumber: string): string | null {
  if (password.length < 8 || !/\p{L}/u.test(password) || !/\d/.test(password) || password.includes(accountNumber))
    return `Пароль слишком простой. ${PASSWORD_RULE_RU}`;
  return null;
}

export const newPasswordForm = z
  .object({
    newPassword: text(128, 'Введите новый пароль.'),
    repeatPassword: text(128, 'Повторите новый пароль.'),
  })
  .refine(({ newPassword, repeatPassword }) => newPassword === repeatPassword, {
    error: 'Пароли не совпадают.',
    path: ['repeatPassword'],
  });

export const emailForm = z.object({
  email: z
    .string({ error: 'Введите адрес электронной почты.' })
    .trim()
    .max(254, { error: 'Адрес слишком длинный.' })
    .refine((value) => !MARKUP.test(value) && !CONTROL_CHARS.test(value), { error: 'Недопустимые символы в адресе.' })
    .pipe(z.email({ error: 'Это не похоже на адрес электронной почты.' })),
});

export const tokenField = z
  .string({ error: 'Ссылка неполная.' })
  .regex(/^[A-Za-z0-9_.~-]{10,512}$/, { error: 'Ссылка повреждена или неполная.' });

export const MIN_TOP_UP_KOPECKS = 100;
export const MAX_TOP_UP_KOPECKS = 1_500_000;

export const topUpForm = z.object({
  amount: z
    .string({ error: 'Введите сумму.' })
    .max(20, { error: 'Сумма указана неверно.' })
    .transform((value, context) => {
      const kopecks = parseRublesToKopecks(value);
      if (kopecks === null) {
        context.addIssue({ code: 'custom', message: 'Введите сумму в рублях, например 500 или 250,50.' });
        return z.NEVER;
      }
      return kopecks;
    })
    .refine((kopecks) => kopecks >= MIN_TOP_UP_KOPECKS && kopecks <= MAX_TOP_UP_KOPECKS, {
      error: 'Сумма пополнения — от 1 до 15 000 руб.',
    }),
});

export const MAX_LOW_BALANCE_THRESHOLD_KOPECKS = 1_000_000;

/** The low-balance alert's threshold in roubles; empty or 0 turns the alert off. */
export const lowBalanceForm = z.object({
  threshold: z
    .string({ error: 'Введите порог в рублях.' })
    .max(20, { error: 'Порог указан неверно.' })
    .transform((value, context) => {
      if (value.trim() === '') return 0;
      const kopecks = parseRublesToKopecks(value);
      if (kopecks === null) {
        context.addIssue({
          code: 'custom',
          message: 'Введите порог в рублях, например 300 или 150,50 (0 — отключить).',
        });
        return z.NEVER;
      }
      return kopecks;
    })
    .refine((kopecks) => kopecks <= MAX_LOW_BALANCE_THRESHOLD_KOPECKS, {
      error: 'Порог — не больше 10 000 руб.',
    }),
});

/** A family switch: the other account's number, and the cabinet page to come back to. */
export const familySwitchForm = z.object({
  accountNumber: accountNumberField,
  returnTo: z.string().optional(),
});

export const periodQuery = z
  .object({
    from: z.string().refine(isCalendarDate, { error: 'Дата начала указана неверно.' }),
    to: z.string().refine(isCalendarDate, { error: 'Дата конца указана неверно.' }),
  })
  .refine(({ from, to }) => from <= to, { error: 'Начало периода позже его конца.', path: ['from'] });

/** The fields of a submitted form as strings (files and repeated names are not expected). */
export function formFields(data: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of data) if (typeof value === 'string') fields[name] = value;
  return fields;
}

/** The first problem's Russian message. */
export function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'Проверьте введённые данные.';
}
