/** A bank's payment onto an account. */
import { z } from 'zod';
import { commandResultFields } from './command-result.js';
import { TOP_UP_CHANNELS, type TopUpChannel } from '@meals/domain';
import { accountNumber, externalId, isoInstant, kopecks } from './primitives.js';

export const topUpRequest = z
  .strictObject({
    paymentId: externalId.meta({ description: "the bank's payment id", example: 'SBOL-2024-0118-000123' }),
    accountNumber,
    channel: z.enum(TOP_UP_CHANNELS as [TopUpChannel, ...TopUpChannel[]]),
    amount: kopecks.min(1).meta({ example: 50000 }),
    paidAt: isoInstant,
  })
  .meta({ id: 'TopUpRequest' });
export type TopUpRequest = z.infer<typeof topUpRequest>;

export const topUpResult = z
  .object({ ...commandResultFields, accountNumber: z.string(), balance: z.number().int() })
  .meta({ id: 'TopUpResult' });
export type TopUpResult = z.infer<typeof topUpResult>;
