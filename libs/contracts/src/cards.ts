/** Cards: activation at a till, blocking and re-issuing by staff. */
import { z } from 'zod';
import { CARD_BLOCK_REASONS, type CardBlockReason } from '@meals/domain';
import { commandResultFields } from './command-result.js';
import { cardUid } from './primitives.js';

export const cardResult = z
  .object({
    ...commandResultFields,
    accountNumber: z.string(),
    cardUid: z.string(),
    cardStatus: z.enum(['issued', 'active', 'blocked']),
  })
  .meta({ id: 'CardResult' });
export type CardResult = z.infer<typeof cardResult>;

export const blockCardRequest = z
  .strictObject({ cardUid, reason: z.enum(CARD_BLOCK_REASONS as [CardBlockReason, ...CardBlockReason[]]) })
  .meta({ id: 'BlockCardRequest' });
export type BlockCardRequest = z.infer<typeof blockCardRequest>;

export const reissueCardResult = z
  .object({
    ...commandResultFields,
    accountNumber: z.string(),
    cardUid: z.string(),
    replacesCardUid: z.string().nullable(),
  })
  .meta({ id: 'ReissueCardResult' });
export type ReissueCardResult = z.infer<typeof reissueCardResult>;
