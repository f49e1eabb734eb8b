/**
 * A till's sale. The till knows the card only: the card is resolved to its account, then
 * the account decides (card blocked? till of the pupil's school? enough money? check
 * already recorded?). The answer carries the balance right after the sale.
 */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { unknownCard } from '@meals/domain';
import type { SaleRequest, SaleResult } from '@meals/contracts';
import type { CommandContext } from '@meals/command-runner';
import { AccountCommandRunner } from '../account-command-runner.js';
import { CardIndex } from '../card-index.js';

import { commandResultOf } from '../../http/command-result.js';
export interface Till {
  schoolId: string;
  tillId: string;
}

export class RecordSaleCommand extends Command<SaleResult> {
  constructor(
    readonly sale: SaleRequest,
    readonly till: Till,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordSaleCommand)
export class RecordSaleHandler implements ICommandHandler<RecordSaleCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly cards: CardIndex,
  ) {}

  async execute({ sale, till, context }: RecordSaleCommand): Promise<SaleResult> {
    const accountNumber = await this.cards.accountOf(sale.cardUid);
    if (accountNumber === null) throw unknownCard(sale.cardUid);
    const outcome = await this.runner.run(
      {
        type: 'RecordSale',
        accountNumber,
        checkNumber: sale.checkNumber,
        tillId: till.tillId,
        tillSchoolId: till.schoolId,
        cardUid: sale.cardUid,
        items: sale.items,
        soldAt: sale.soldAt,
        receivedAt: context.now.toISOString(),
        ...(sale.offline === true ? { offline: true } : {}),
      },
      context,
    );
    return {
      ...commandResultOf(outcome.position),
      checkNumber: sale.checkNumber,
      accountNumber,
      total: outcome.state.checks.get(sale.checkNumber)?.total ?? 0,
      balance: outcome.state.balance,
      position: outcome.position?.toString() ?? null,
    };
  }
}
