/** A till reports an offline check the ledger refused on sync; the till's school and id come from its key. */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@meals/command-runner';
import type { TillRefusalRequest, TillRefusalResult } from '@meals/contracts';
import type { Till } from '../accounts/commands/record-sale.js';
import { commandResultOf } from '../http/command-result.js';
import { TillRefusalAggregates } from './till-refusal-aggregates.js';

export class ReportTillRefusalCommand extends Command<TillRefusalResult> {
  constructor(
    readonly refusal: TillRefusalRequest,
    readonly till: Till,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReportTillRefusalCommand)
export class ReportTillRefusalHandler implements ICommandHandler<ReportTillRefusalCommand> {
  constructor(private readonly refusals: TillRefusalAggregates) {}

  async execute({ refusal, till, context }: ReportTillRefusalCommand): Promise<TillRefusalResult> {
    const outcome = await this.refusals.run(
      till.schoolId,
      { type: 'ReportTillRefusal', tillSchoolId: till.schoolId, tillId: till.tillId, ...refusal },
      context,
    );
    return { ...commandResultOf(outcome.position), schoolId: till.schoolId, checkNumber: refusal.checkNumber };
  }
}
