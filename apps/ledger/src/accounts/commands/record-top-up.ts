/** A bank's payment onto an account, recorded at most once per bank payment id. */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TOP_UP_CHANNELS, type TopUpChannel } from '@meals/domain';
import { z } from 'zod';
import type { CommandContext } from '../../infrastructure/command-context.js';
import { accountNumber, externalId, isoInstant, kopecks } from '../../http/common-schemas.js';
import { AccountCommandRunner, isRepeat } from '../account-command-runner.js';

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
  .object({
    status: z.enum(['recorded', 'duplicate']),
    accountNumber: z.string(),
    balance: z.number().int(),
    position: z.string().nullable().meta({ description: 'global log position of the write (read-your-write)' }),
  })
  .meta({ id: 'TopUpResult' });
export type TopUpResult = z.infer<typeof topUpResult>;

export class RecordTopUpCommand extends Command<TopUpResult> {
  constructor(
    readonly topUp: TopUpRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordTopUpCommand)
export class RecordTopUpHandler implements ICommandHandler<RecordTopUpCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  async execute({ topUp, context }: RecordTopUpCommand): Promise<TopUpResult> {
    const outcome = await this.runner.run({ type: 'RecordTopUp', ...topUp }, context);
    return {
      status: isRepeat(outcome) ? 'duplicate' : 'recorded',
      accountNumber: topUp.accountNumber,
      balance: outcome.state.balance,
      position: outcome.position?.toString() ?? null,
    };
  }
}
