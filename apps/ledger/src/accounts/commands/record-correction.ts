/** A correction by authorised staff: a new entry (positive credits, negative debits), never an edit. */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CorrectionRequest, CorrectionResult } from '@meals/contracts';
import type { CommandContext } from '@meals/command-runner';
import { AccountCommandRunner } from '../account-command-runner.js';

import { commandResultOf } from '../../http/command-result.js';
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
