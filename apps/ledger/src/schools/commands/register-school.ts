/** Registers a school in an education department (the start of its stream). */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideSchool } from '@meals/domain';
import type { RegisterSchoolRequest, SchoolResult } from '@meals/contracts';
import type { CommandContext } from '../../infrastructure/command-context.js';
import { SchoolAggregates } from '../school-aggregates.js';

export class RegisterSchoolCommand extends Command<SchoolResult> {
  constructor(
    readonly school: RegisterSchoolRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterSchoolCommand)
export class RegisterSchoolHandler implements ICommandHandler<RegisterSchoolCommand> {
  constructor(private readonly schools: SchoolAggregates) {}

  async execute({ school, context }: RegisterSchoolCommand): Promise<SchoolResult> {
    const outcome = await this.schools.execute(school.schoolId, 'RegisterSchool', context, (state) =>
      decideSchool({ type: 'RegisterSchool', ...school }, state),
    );
    const { schoolId, name, departmentId } = outcome.state;
    return { schoolId, name, departmentId, status: outcome.appended.length > 0 ? 'registered' : 'unchanged' };
  }
}
