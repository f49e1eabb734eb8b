import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { topUpRequest, topUpResult, type TopUpRequest } from '@meals/contracts';
import { Access } from '../auth/access.js';
import { CommandContexts } from '../http/command-contexts.js';
import { answerWith, commandResponses } from '../http/command-result.js';
import { errorResponses } from '../http/openapi.js';
import { RecordTopUpCommand } from './commands/record-top-up.js';

@ApiTags('top-ups')
@ApiBearerAuth()
@Controller('api/top-ups')
export class TopUpsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  @Post()
  @Access({ roles: ['bank', 'admin'] })
  @ApiOperation({
    summary: 'A bank payment onto an account, recorded once per paymentId',
    description: "A redelivered payment (same paymentId, amount and channel) answers 200 with status 'duplicate'.",
  })
  @commandResponses(topUpResult, 'the payment is credited', 'a redelivery of a recorded payment')
  @errorResponses(400, 401, 403, 404, 409)
  async topUp(
    @Body({ schema: topUpRequest }) body: TopUpRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(new RecordTopUpCommand(body, this.contexts.of(request)));
    return answerWith(reply, result);
  }
}
