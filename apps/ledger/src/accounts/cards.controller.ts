import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { cardResult, cardUid } from '@meals/contracts';
import { Access } from '../auth/access.js';
import { CommandContexts } from '../http/command-contexts.js';
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
  @HttpCode(200)
  @Access({ roles: ['till'] })
  @ApiOperation({ summary: "A till activates a newly issued card of a pupil of its school" })
  @ApiParam({ name: 'cardUid', example: '04A1B2C3D4E5F6' })
  @ApiResponse({ status: 200, standardSchema: cardResult })
  @errorResponses(400, 401, 403, 404, 409)
  activate(@Param('cardUid', { schema: cardUid }) uid: string, @Req() request: FastifyRequest) {
    return this.commands.execute(new ActivateCardCommand(uid, this.contexts.tillOf(request), this.contexts.of(request)));
  }
}
