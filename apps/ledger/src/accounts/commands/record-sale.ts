/**
 * A till's sale. The till knows the card only: the card is resolved to its account, then
 * the account decides (card blocked? till of the pupil's school? enough money? check
 * already recorded?). The answer carries the balance right after the sale.
 */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { unknownCard } from '@meals/domain';
import { z } from 'zod';
import type { CommandContext } from '../../infrastructure/command-context.js';
import { cardUid, checkNumber, isoInstant, kopecks } from '../../http/common-schemas.js';
import { AccountCommandRunner, isRepeat } from '../account-command-runner.js';
import { CardIndex } from '../card-index.js';

export const saleRequest = z
  .strictObject({
    checkNumber,
    cardUid,
    items: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1).max(200).meta({ example: 'Пицца 125 г' }),
          qty: z.number().int().min(1).max(1000).meta({ example: 1 }),
          price: kopecks.min(0).meta({ example: 3450 }),
        }),
      )
      .min(1)
      .max(100),
    soldAt: isoInstant,
  })
  .meta({ id: 'SaleRequest' });
export type SaleRequest = z.infer<typeof saleRequest>;

export const saleResult = z
  .object({
    status: z.enum(['recorded', 'duplicate']),
    checkNumber: z.string(),
    accountNumber: z.string(),
    total: z.number().int(),
    balance: z.number().int(),
    position: z.string().nullable().meta({ description: 'global log position of the write (read-your-write)' }),
  })
  .meta({ id: 'SaleResult' });
export type SaleResult = z.infer<typeof saleResult>;

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
      },
      context,
    );
    return {
      status: isRepeat(outcome) ? 'duplicate' : 'recorded',
      checkNumber: sale.checkNumber,
      accountNumber,
      total: outcome.state.checks.get(sale.checkNumber)?.total ?? 0,
      balance: outcome.state.balance,
      position: outcome.position?.toString() ?? null,
    };
  }
}
