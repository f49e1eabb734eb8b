import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { saleRequest, saleResult, type SaleRequest } from '@meals/contracts';
import { Access } from '../auth/access.js';
import { CommandContexts } from '../http/command-contexts.js';
import { answerWith, commandResponses } from '../http/command-result.js';
import { errorResponses } from '../http/openapi.js';
import { RecordSaleCommand } from './commands/record-sale.js';

@ApiTags('sales')
@ApiBearerAuth()
@Controller('api/sales')
export class SalesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  @Post()
  @Access({ roles: ['till'] })
  @ApiOperation({
    summary: 'A till sale (check); debits the account of the card once per check number',
    description:
      "Till keys only; the till's school and id come from its key. A repeated check with the same content answers 200 " +
      "with status 'duplicate' and changes nothing. Short of funds: 409 insufficient_funds with details { balance, total }.",
  })
  @commandResponses(saleResult, 'the check debited the account', 'a repeat of a recorded check with the same content')
  @errorResponses(400, 401, 403, 404, 409)
  async sell(
    @Body({ schema: saleRequest }) body: SaleRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(
      new RecordSaleCommand(body, this.contexts.tillOf(request), this.contexts.of(request)),
    );
    return answerWith(reply, result);
  }
}
