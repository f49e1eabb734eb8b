/**
 * School staff add and change the items of a school's buffet. The answer carries the
 * item as the assortment now has it.
 */
import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@meals/command-runner';
import type { BuffetItemResult, ChangeBuffetItemRequest } from '@meals/contracts';
import type { BuffetCommand, BuffetItemContent } from '@meals/domain';
import { commandResultOf } from '../http/command-result.js';
import { SchoolDirectory } from '../schools/school-directory.js';
import { BuffetAggregates } from './buffet-aggregates.js';

/** An add request as validated (flags defaulted). */
export interface NewBuffetItem extends BuffetItemContent {
  itemId?: string | undefined;
}

export class AddBuffetItemCommand extends Command<BuffetItemResult> {
  constructor(
    readonly schoolId: string,
    readonly item: NewBuffetItem,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class ChangeBuffetItemCommand extends Command<BuffetItemResult> {
  constructor(
    readonly schoolId: string,
    readonly itemId: string,
    readonly item: ChangeBuffetItemRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

async function runOnBuffet(
  buffets: BuffetAggregates,
  command: BuffetCommand,
  context: CommandContext,
): Promise<BuffetItemResult> {
  const outcome = await buffets.run(command.schoolId, command, context);
  const item = outcome.state.items.get(command.itemId)!;
  return {
    ...commandResultOf(outcome.position),
    schoolId: command.schoolId,
    item: { itemId: command.itemId, ...item },
  };
}

const contentOf = ({ name, price, category, active, favourite }: BuffetItemContent): BuffetItemContent => ({
  name,
  price,
  category,
  active,
  favourite,
});

@CommandHandler(AddBuffetItemCommand)
export class AddBuffetItemHandler implements ICommandHandler<AddBuffetItemCommand> {
  constructor(
    private readonly buffets: BuffetAggregates,
    private readonly schools: SchoolDirectory,
  ) {}

  async execute({ schoolId, item, context }: AddBuffetItemCommand): Promise<BuffetItemResult> {
    await this.schools.assertRegistered(schoolId);
    const itemId = item.itemId ?? randomUUID();
    return runOnBuffet(this.buffets, { type: 'AddBuffetItem', schoolId, itemId, ...contentOf(item) }, context);
  }
}

@CommandHandler(ChangeBuffetItemCommand)
export class ChangeBuffetItemHandler implements ICommandHandler<ChangeBuffetItemCommand> {
  constructor(private readonly buffets: BuffetAggregates) {}

  execute({ schoolId, itemId, item, context }: ChangeBuffetItemCommand): Promise<BuffetItemResult> {
    return runOnBuffet(this.buffets, { type: 'ChangeBuffetItem', schoolId, itemId, ...contentOf(item) }, context);
  }
}
