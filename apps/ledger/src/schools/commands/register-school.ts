/** Registers a school in an education department (the start of its stream). */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideSchool } from '@meals/domain';
import { z } from 'zod';
import type { CommandContext } from '../../infrastructure/command-context.js';
import { externalId, schoolId } from '../../http/common-schemas.js';
import { SchoolAggregates } from '../school-aggregates.js';

export const registerSchoolRequest = z
  .strictObject({
    schoolId,
    name: z.string().trim().min(1).max(200).meta({ example: 'МБОУ СОШ №24' }),
    departmentId: externalId.meta({ example: 'uo-central' }),
  })
  .meta({ id: 'RegisterSchoolRequest' });
export type RegisterSchoolRequest = z.infer<typeof registerSchoolRequest>;

export const schoolResult = z
  .object({ schoolId: z.string(), name: z.string(), departmentId: z.string(), status: z.enum(['registered', 'unchanged']) })
  .meta({ id: 'SchoolResult' });
export type SchoolResult = z.infer<typeof schoolResult>;

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
