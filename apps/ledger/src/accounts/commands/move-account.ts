/** A pupil moves to another class or school; the target school must exist. */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { MoveAccountRequest as MoveRequest, MoveAccountResult as MoveResult } from '@meals/contracts';
import type { CommandContext } from '@meals/command-runner';
import { SchoolDirectory } from '../../schools/school-directory.js';
import { commandResultOf } from '../../http/command-result.js';
import { AccountCommandRunner } from '../account-command-runner.js';

export class MoveAccountCommand extends Command<MoveResult> {
  constructor(
    readonly accountNumber: string,
    readonly move: MoveRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(MoveAccountCommand)
export class MoveAccountHandler implements ICommandHandler<MoveAccountCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly schools: SchoolDirectory,
  ) {}

  async execute({ accountNumber, move, context }: MoveAccountCommand): Promise<MoveResult> {
    await this.schools.assertRegistered(move.toSchoolId);
    const outcome = await this.runner.run({ type: 'MoveAccount', accountNumber, ...move }, context);
    return {
      ...commandResultOf(outcome.position),
      accountNumber,
      schoolId: outcome.state.schoolId,
      className: outcome.state.className,
    };
  }
}
