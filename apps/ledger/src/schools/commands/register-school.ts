/** Registers a school in an education department (the start of its stream). */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RegisterSchoolRequest, SchoolResult } from '@meals/contracts';
import type { CommandContext } from '@meals/command-runner';
import { SchoolAggregates } from '../school-aggregates.js';

import { commandResultOf } from '../../http/command-result.js';
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
    const outcome = await this.schools.run(school.schoolId, { type: 'RegisterSchool', ...school }, context);
    const { schoolId, name, departmentId } = outcome.state;
    return { ...commandResultOf(outcome.position), schoolId, name, departmentId };
  }
}
