import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  addBuffetItemRequest,
  buffetAssortment,
  buffetItemId,
  buffetItemResult,
  changeBuffetItemRequest,
  schoolId,
  type ChangeBuffetItemRequest,
} from '@meals/contracts';
import type { z } from 'zod';
import { Access, READER_ROLES, scopeOf, STAFF_ROLES } from '../auth/access.js';
import { CommandContexts } from '../http/command-contexts.js';
import { answerWith, commandResponses } from '../http/command-result.js';
import { errorResponses } from '../http/openapi.js';
import { ReadsOwnWrites } from '../queries/read-your-write/read-your-write.interceptor.js';
import { AddBuffetItemCommand, ChangeBuffetItemCommand } from './buffet-item-commands.js';
import { GetBuffetAssortmentQuery } from './get-buffet-assortment.js';

const SCHOOL_PARAM = { name: 'schoolId', example: '24', description: 'school number' };

@ApiTags('buffet')
@ApiBearerAuth()
@ApiParam(SCHOOL_PARAM)
@Controller('api/schools/:schoolId/buffet')
export class BuffetController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly contexts: CommandContexts,
  ) {}

  @ReadsOwnWrites()
  @Get()
  @Access({ roles: ['till', ...READER_ROLES], scope: scopeOf.schoolParam() })
  @ApiOperation({
    summary: "The school's buffet assortment (a till of the school caches it for offline sales)",
    description:
      'Every item with its price in kopecks, category and flags; inactive items too (tills offer only active ones).',
  })
  @ApiResponse({ status: 200, standardSchema: buffetAssortment })
  @errorResponses(400, 401, 403, 404)
  assortment(@Param('schoolId', { schema: schoolId }) school: string) {
    return this.queries.execute(new GetBuffetAssortmentQuery(school));
  }

  @Post('items')
  @Access({ roles: STAFF_ROLES, scope: scopeOf.schoolParam() })
  @ApiOperation({
    summary: 'Add an item to the buffet',
    description:
      'A retry with the same itemId and content answers 200 duplicate; the same itemId with other content is 409.',
  })
  @commandResponses(buffetItemResult, 'the item is on the assortment', 'the item was added with this content already')
  @errorResponses(400, 401, 403, 404, 409)
  async add(
    @Param('schoolId', { schema: schoolId }) school: string,
    @Body({ schema: addBuffetItemRequest }) body: z.output<typeof addBuffetItemRequest>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(new AddBuffetItemCommand(school, body, this.contexts.of(request)));
    return answerWith(reply, result);
  }

  @Put('items/:itemId')
  @HttpCode(201) // the one command vocabulary: 201 recorded, 200 duplicate (answerWith)
  @Access({ roles: STAFF_ROLES, scope: scopeOf.schoolParam() })
  @ApiParam({ name: 'itemId', example: 'pizza-125' })
  @ApiOperation({ summary: 'Change an item: its whole content (price, name, category, on sale or not, favourite)' })
  @commandResponses(buffetItemResult, 'the item changed', 'the item had this content already')
  @errorResponses(400, 401, 403, 404)
  async change(
    @Param('schoolId', { schema: schoolId }) school: string,
    @Param('itemId', { schema: buffetItemId }) itemId: string,
    @Body({ schema: changeBuffetItemRequest }) body: ChangeBuffetItemRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(
      new ChangeBuffetItemCommand(school, itemId, body, this.contexts.of(request)),
    );
    return answerWith(reply, result);
  }
}
