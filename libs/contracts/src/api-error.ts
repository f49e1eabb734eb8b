/** The body of every error answer of the ledger API. */
import { z } from 'zod';

export const apiError = z
  .object({
    statusCode: z.number().int(),
    code: z.string().meta({ description: 'stable machine-readable code', example: 'insufficient_funds' }),
    message: z.string().meta({ description: 'English' }),
    messageRu: z.string().meta({ description: 'Russian', example: 'Недостаточно средств на лицевом счёте' }),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'ApiError' });
export type ApiError = z.infer<typeof apiError>;
