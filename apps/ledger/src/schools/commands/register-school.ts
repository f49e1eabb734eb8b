/** Registers a school in an education department (the start of its stream). */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@meals/command-runner';
import { z } from 'zod';
import { commandResultFields, commandResultOf } from '../../http/command-result.js';
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
  .object({ ...commandResultFields, schoolId: z.string(), name: z.string(), departmentId: z.string() })
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
    const outcome = await this.schools.run(school.schoolId, { type: 'RegisterSchool', ...school }, context);
    const { schoolId, name, departmentId } = outcome.state;
    return { ...commandResultOf(outcome.position), schoolId, name, departmentId };
  }
}
