import { Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '../auth/access.js';
import { CommandContexts } from '../http/command-contexts.js';
import { answerWith, commandResponses } from '../http/command-result.js';
import { cardResult, cardUid } from '@meals/contracts';
import { errorResponses } from '../http/openapi.js';
import { ActivateCardCommand } from './commands/card-commands.js';

@ApiTags('cards')
@ApiBearerAuth()
@Controller('api/cards')
export class CardsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  @Post(':cardUid/activate')
  @Access({ roles: ['till'] })
  @ApiOperation({ summary: 'A till activates a newly issued card of a pupil of its school' })
  @ApiParam({ name: 'cardUid', example: '04A1B2C3D4E5F6' })
  @commandResponses(cardResult, 'the card is active now', 'the card was active already')
  @errorResponses(400, 401, 403, 404, 409)
  async activate(
    @Param('cardUid', { schema: cardUid }) uid: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(
      new ActivateCardCommand(uid, this.contexts.tillOf(request), this.contexts.of(request)),
    );
    return answerWith(reply, result);
  }
}
