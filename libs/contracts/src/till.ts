/**
 * What a till asks besides selling: the card it just read (pupil, balance, card status),
 * the account's last operations («Детализация»), and reports of offline checks the ledger
 * refused when they were synced later (shown to school staff).
 */
import { z } from 'zod';
import { CARD_BLOCK_REASONS, type CardBlockReason } from '@meals/domain';
import { statementLine } from './accounts.js';
import { commandResultFields } from './command-result.js';
import { humanText } from './human-text.js';
import { accountNumber, cardUid, checkNumber, isoInstant, kopecks } from './primitives.js';

const blockReason = z.enum(CARD_BLOCK_REASONS as [CardBlockReason, ...CardBlockReason[]]);

export const tillCard = z
  .object({
    cardUid: z.string(),
    cardStatus: z.enum(['issued', 'active', 'blocked']).meta({
      description: "'issued': activate it first («Активация карты»); 'blocked': refused, see blockReason",
    }),
    blockReason: blockReason.nullable().meta({ description: 'lost, stolen or damaged; null unless blocked' }),
    accountNumber: z.string(),
    accountStatus: z.enum(['open', 'closed']),
    fullName: z.string(),
    className: z.string(),
    schoolId: z.string(),
    schoolName: z.string(),
    balance: z.number().int().meta({ description: 'kopecks; show it to the cashier only' }),
    balanceText: z.string().meta({ example: '8,04 руб.' }),
    offlineLimit: z.number().int().meta({
      description:
        'kopecks: how far below zero offline checks of this pupil may take the balance (TILL_OFFLINE_LIMIT_KOPECKS)',
    }),
  })
  .meta({ id: 'TillCard' });
export type TillCard = z.infer<typeof tillCard>;

export const MAX_RECENT_OPERATIONS = 50;
export const DEFAULT_RECENT_OPERATIONS = 10;

export const recentOperationsQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_RECENT_OPERATIONS))
    .optional()
    .meta({ description: `how many lines (1-${MAX_RECENT_OPERATIONS}, default ${DEFAULT_RECENT_OPERATIONS})` }),
});
export type RecentOperationsQuery = z.infer<typeof recentOperationsQuery>;

export const recentOperations = z
  .object({
    accountNumber: z.string(),
    fullName: z.string(),
    className: z.string(),
    schoolId: z.string(),
    balance: z.number().int().meta({ description: 'kopecks, now' }),
    lines: z.array(statementLine).meta({ description: 'newest first, check items included' }),
  })
  .meta({ id: 'RecentOperations' });
export type RecentOperations = z.infer<typeof recentOperations>;

/** A reason a ledger gives when it refuses a check (`insufficient_funds`, `card_blocked`…). */
const refusalCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'an error code like insufficient_funds')
  .meta({ example: 'insufficient_funds' });

export const tillRefusalRequest = z
  .strictObject({
    checkNumber,
    cardUid,
    accountNumber: accountNumber.nullable().meta({ description: 'the account the till knew for the card, if any' }),
    items: z
      .array(
        z.strictObject({
          name: humanText({ max: 200, example: 'Пицца 125 г' }),
          qty: z.number().int().min(1).max(1000),
          price: kopecks.min(0),
        }),
      )
      .min(1)
      .max(100),
    total: kopecks.min(0).meta({ description: 'kopecks, as the till summed it' }),
    soldAt: isoInstant,
    refusalCode,
    refusalMessage: humanText({ max: 500, example: 'Недостаточно средств на лицевом счёте' }),
  })
  .meta({ id: 'TillRefusalRequest' });
export type TillRefusalRequest = z.infer<typeof tillRefusalRequest>;

export const tillRefusalResult = z
  .object({ ...commandResultFields, schoolId: z.string(), checkNumber: z.string() })
  .meta({ id: 'TillRefusalResult' });
export type TillRefusalResult = z.infer<typeof tillRefusalResult>;

export const tillRefusal = z
  .object({
    checkNumber: z.string(),
    tillId: z.string(),
    cardUid: z.string(),
    accountNumber: z.string().nullable(),
    items: z.array(
      z.object({ name: z.string(), qty: z.number().int(), price: z.number().int(), amount: z.number().int() }),
    ),
    total: z.number().int(),
    soldAt: z.string(),
    refusalCode: z.string(),
    refusalMessage: z.string(),
    reportedAt: z.string(),
  })
  .meta({ id: 'TillRefusal' });
export type TillRefusal = z.infer<typeof tillRefusal>;

export const MAX_TILL_REFUSALS = 1000;

export const tillRefusalsQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_TILL_REFUSALS))
    .optional()
    .meta({ description: `how many, newest first (1-${MAX_TILL_REFUSALS}, default 100)` }),
});
export type TillRefusalsQuery = z.infer<typeof tillRefusalsQuery>;

export const tillRefusals = z
  .object({ schoolId: z.string(), refusals: z.array(tillRefusal).meta({ description: 'newest report first' }) })
  .meta({ id: 'TillRefusals' });
export type TillRefusals = z.infer<typeof tillRefusals>;
