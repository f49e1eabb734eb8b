/** A correction by authorised staff: a new entry (positive credits, negative debits), never an edit. */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import type { CommandContext } from '@meals/command-runner';
import { externalId, kopecks, reason } from '../../http/common-schemas.js';
import { commandResultFields, commandResultOf } from '../../http/command-result.js';
import { AccountCommandRunner } from '../account-command-runner.js';

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

export class RecordCorrectionCommand extends Command<CorrectionResult> {
  constructor(
    readonly accountNumber: string,
    readonly correction: CorrectionRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordCorrectionCommand)
export class RecordCorrectionHandler implements ICommandHandler<RecordCorrectionCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  async execute({ accountNumber, correction, context }: RecordCorrectionCommand): Promise<CorrectionResult> {
    const outcome = await this.runner.run({ type: 'RecordCorrection', accountNumber, ...correction }, context);
    return {
      ...commandResultOf(outcome.position),
      accountNumber,
      correctionId: correction.correctionId,
      balance: outcome.state.balance,
    };
  }
}
