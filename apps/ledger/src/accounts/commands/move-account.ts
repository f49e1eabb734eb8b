/** A pupil moves to another class or school; the target school must exist. */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import type { CommandContext } from '@meals/command-runner';
import { schoolId } from '../../http/common-schemas.js';
import { SchoolDirectory } from '../../schools/school-directory.js';
import { commandResultFields, commandResultOf } from '../../http/command-result.js';
import { AccountCommandRunner } from '../account-command-runner.js';

export const moveRequest = z
  .strictObject({
    toSchoolId: schoolId,
    toClassName: z.string().trim().min(1).max(20).meta({ example: '04Б' }),
  })
  .meta({ id: 'MoveAccountRequest' });
export type MoveRequest = z.infer<typeof moveRequest>;

export const moveResult = z
  .object({ ...commandResultFields, accountNumber: z.string(), schoolId: z.string(), className: z.string() })
  .meta({ id: 'MoveAccountResult' });
export type MoveResult = z.infer<typeof moveResult>;

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
