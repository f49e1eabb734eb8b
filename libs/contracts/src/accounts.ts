/** Accounts: profile, statement, moving, closing and corrections. */
import { z } from 'zod';
import { commandResultFields } from './command-result.js';
import { humanText } from './human-text.js';
import { withValidPeriod } from './period.js';
import { accountNumber, calendarDate, externalId, kopecks, reason, schoolId } from './primitives.js';

export const accountProfile = z
  .object({
    accountNumber: z.string(),
    fullName: z.string(),
    schoolId: z.string(),
    className: z.string(),
    status: z.enum(['open', 'closed']),
    balance: z.number().int().meta({ description: 'kopecks' }),
    balanceText: z.string().meta({ example: '8,04 руб.' }),
    cardUid: z.string().nullable(),
    cardStatus: z.enum(['issued', 'active', 'blocked']).nullable(),
    openedAt: z.string(),
  })
  .meta({ id: 'AccountProfile' });
export type AccountProfile = z.infer<typeof accountProfile>;

export const statementQuery = withValidPeriod(
  z.strictObject({
    from: calendarDate,
    to: calendarDate,
    details: z.enum(['true', 'false']).optional().meta({ description: 'include check items' }),
  }),
);
export type StatementQuery = z.infer<typeof statementQuery>;

const statementItem = z.object({
  name: z.string(),
  qty: z.number().int(),
  price: z.number().int(),
  amount: z.number().int(),
});

/** One money entry of a statement; `items` (a check's lines) only when asked for. */
export const statementLine = z
  .object({
    at: z.string(),
    date: z.string(),
    kind: z.string(),
    description: z.string(),
    debit: z.number().int(),
    credit: z.number().int(),
    checkNumber: z.string().nullable(),
    items: z.array(statementItem).optional(),
  })
  .meta({ id: 'StatementLine' });
export type StatementLine = z.infer<typeof statementLine>;

export const statement = z
  .object({
    accountNumber: z.string(),
    fullName: z.string(),
    schoolId: z.string(),
    className: z.string(),
    from: z.string(),
    to: z.string(),
    openingBalance: z.number().int(),
    closingBalance: z.number().int(),
    totalDebit: z.number().int(),
    totalCredit: z.number().int(),
    lines: z.array(statementLine),
  })
  .meta({ id: 'Statement' });
export type Statement = z.infer<typeof statement>;

export const moveAccountRequest = z
  .strictObject({
    toSchoolId: schoolId,
    toClassName: humanText({ max: 20, example: '04Б' }),
  })
  .meta({ id: 'MoveAccountRequest' });
export type MoveAccountRequest = z.infer<typeof moveAccountRequest>;

export const moveAccountResult = z
  .object({ ...commandResultFields, accountNumber: z.string(), schoolId: z.string(), className: z.string() })
  .meta({ id: 'MoveAccountResult' });
export type MoveAccountResult = z.infer<typeof moveAccountResult>;

export const closeAccountRequest = z
  .strictObject({
    reason,
    settlement: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('refund') }),
      z.strictObject({ kind: z.literal('transfer'), toAccountNumber: accountNumber }),
    ]),
  })
  .meta({ id: 'CloseAccountRequest' });
export type CloseAccountRequest = z.infer<typeof closeAccountRequest>;

export const closeAccountResult = z
  .object({
    ...commandResultFields,
    accountNumber: z.string(),
    settlement: z.object({
      kind: z.enum(['refund', 'transfer']),
      amount: z.number().int().meta({ description: 'kopecks paid out (0 when the balance was 0)' }),
      toAccountNumber: z.string().optional(),
      toBalance: z.number().int().optional().meta({ description: "target account's balance after the transfer" }),
    }),
  })
  .meta({ id: 'CloseAccountResult' });
export type CloseAccountResult = z.infer<typeof closeAccountResult>;

export const correctionRequest = z
  .strictObject({
    correctionId: externalId.meta({ description: 'id chosen by the caller; a retry with the same id changes nothing' }),
    amount: kopecks
      .refine((amount) => amount !== 0, { message: 'must not be zero' })
      .meta({ description: 'kopecks; positive credits the account, negative debits it', example: -3450 }),
    reason,
  })
  .meta({ id: 'CorrectionRequest' });
export type CorrectionRequest = z.infer<typeof correctionRequest>;

export const correctionResult = z
  .object({
    ...commandResultFields,
    accountNumber: z.string(),
    correctionId: z.string(),
    balance: z.number().int(),
  })
  .meta({ id: 'CorrectionResult' });
export type CorrectionResult = z.infer<typeof correctionResult>;
