/**
 * Card life: a till activates a newly issued card; staff block a card (lost, stolen,
 * damaged) and re-issue one on the same account, where the money stays.
 */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { unknownCard } from '@meals/domain';
import type { BlockCardRequest, CardResult, ReissueCardResult as ReissueResult } from '@meals/contracts';
import type { CommandContext } from '@meals/command-runner';
import { commandResultOf } from '../../http/command-result.js';
import { AccountCommandRunner } from '../account-command-runner.js';
import { newCardUid } from '../card-uids.js';
import { CardIndex } from '../card-index.js';
import type { Till } from './record-sale.js';

export class ActivateCardCommand extends Command<CardResult> {
  constructor(
    readonly cardUid: string,
    readonly till: Till,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ActivateCardCommand)
export class ActivateCardHandler implements ICommandHandler<ActivateCardCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly cards: CardIndex,
  ) {}

  async execute({ cardUid, till, context }: ActivateCardCommand): Promise<CardResult> {
    const accountNumber = await this.cards.accountOf(cardUid);
    if (accountNumber === null) throw unknownCard(cardUid);
    const outcome = await this.runner.run(
      { type: 'ActivateCard', accountNumber, cardUid, tillId: till.tillId, tillSchoolId: till.schoolId },
      context,
    );
    return {
      ...commandResultOf(outcome.position),
      accountNumber,
      cardUid,
      cardStatus: outcome.state.cards.get(cardUid) ?? 'active',
    };
  }
}

export class BlockCardCommand extends Command<CardResult> {
  constructor(
    readonly accountNumber: string,
    readonly block: BlockCardRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(BlockCardCommand)
export class BlockCardHandler implements ICommandHandler<BlockCardCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  async execute({ accountNumber, block, context }: BlockCardCommand): Promise<CardResult> {
    const outcome = await this.runner.run({ type: 'BlockCard', accountNumber, ...block }, context);
    return { ...commandResultOf(outcome.position), accountNumber, cardUid: block.cardUid, cardStatus: 'blocked' };
  }
}

export class ReissueCardCommand extends Command<ReissueResult> {
  constructor(
    readonly accountNumber: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReissueCardCommand)
export class ReissueCardHandler implements ICommandHandler<ReissueCardCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly cards: CardIndex,
  ) {}

  async execute({ accountNumber, context }: ReissueCardCommand): Promise<ReissueResult> {
    const cardUid = newCardUid();
    const outcome = await this.runner.run(
      { type: 'IssueReplacementCard', accountNumber, newCardUid: cardUid },
      context,
    );
    this.cards.remember(cardUid, accountNumber);
    const issued = outcome.appended.find((event) => event.type === 'card.issued.v1');
    return {
      ...commandResultOf(outcome.position),
      accountNumber,
      cardUid,
      replacesCardUid: issued?.type === 'card.issued.v1' ? issued.data.replacesCardUid : null,
    };
  }
}
