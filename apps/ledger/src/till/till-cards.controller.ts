/** What a till reads about a card: the pupil and balance behind it, and its last operations. */
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  cardUid,
  DEFAULT_RECENT_OPERATIONS,
  recentOperations,
  recentOperationsQuery,
  tillCard,
  type RecentOperationsQuery as RecentOperationsParams,
} from '@meals/contracts';
import { Access, READER_ROLES, scopeOf } from '../auth/access.js';
import { errorResponses } from '../http/openapi.js';
import { ReadsOwnWrites } from '../queries/read-your-write/read-your-write.interceptor.js';
import { LookupCardQuery } from './lookup-card.js';
import { RecentOperationsQuery } from './recent-operations.js';

const CARD_PARAM = { name: 'cardUid', example: '04A1B2C3D4E5F6', description: 'card uid as the reader gives it' };

@ApiTags('cards')
@ApiBearerAuth()
@ApiParam(CARD_PARAM)
@Controller('api/cards/:cardUid')
export class TillCardsController {
  constructor(private readonly queries: QueryBus) {}

  @ReadsOwnWrites()
  @Get()
  @Access({ roles: ['till', ...READER_ROLES], scope: scopeOf.cardParam() })
  @ApiOperation({
    summary: 'The pupil, balance and card status behind a card (a till: only cards of its school)',
    description:
      'Unknown card: 404 unknown_card. A card of another school: 403. A blocked card says why (blockReason); ' +
      "an 'issued' card must be activated first. offlineLimit: how far below zero offline checks may go.",
  })
  @ApiResponse({ status: 200, standardSchema: tillCard })
  @errorResponses(400, 401, 403, 404)
  lookup(@Param('cardUid', { schema: cardUid }) uid: string) {
    return this.queries.execute(new LookupCardQuery(uid));
  }

  @ReadsOwnWrites()
  @Get('recent-operations')
  @Access({ roles: ['till', ...READER_ROLES], scope: scopeOf.cardParam() })
  @ApiOperation({
    summary: "«Детализация»: the last statement lines of the card's account, newest first, with check items",
  })
  @ApiResponse({ status: 200, standardSchema: recentOperations })
  @errorResponses(400, 401, 403, 404)
  recent(
    @Param('cardUid', { schema: cardUid }) uid: string,
    @Query({ schema: recentOperationsQuery }) query: RecentOperationsParams,
  ) {
    return this.queries.execute(new RecentOperationsQuery(uid, query.limit ?? DEFAULT_RECENT_OPERATIONS));
  }
}
