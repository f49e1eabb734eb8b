import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, ACCOUNT_READER_ROLES, scopeOf, STAFF_ROLES } from '../auth/access.js';
import { CommandContexts } from '../http/command-contexts.js';
import { answerWith, commandResponses } from '../http/command-result.js';
import { errorResponses } from '../http/openapi.js';
import {
  accountNumber,
  accountProfile,
  blockCardRequest,
  cardResult,
  closeAccountRequest,
  closeAccountResult,
  correctionRequest,
  correctionResult,
  moveAccountRequest,
  moveAccountResult,
  reissueCardResult,
  statement,
  statementQuery,
  type BlockCardRequest,
  type CloseAccountRequest,
  type CorrectionRequest,
  type MoveAccountRequest,
  type StatementQuery,
} from '@meals/contracts';
import { GetAccountQuery } from '../queries/get-account.js';
import { GetStatementQuery } from '../queries/get-statement.js';
import { BlockCardCommand, ReissueCardCommand } from './commands/card-commands.js';
import { CloseAccountCommand } from './commands/close-account.js';
import { MoveAccountCommand } from './commands/move-account.js';
import { RecordCorrectionCommand } from './commands/record-correction.js';
import { ReadsOwnWrites } from '../queries/read-your-write/read-your-write.interceptor.js';

const ACCOUNT_PARAM = { name: 'accountNumber', example: '0242013138', description: '10-digit account number' };

@ApiTags('accounts')
@ApiBearerAuth()
@ApiParam(ACCOUNT_PARAM)
@Controller('api/accounts/:accountNumber')
export class AccountsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly contexts: CommandContexts,
  ) {}

  @ReadsOwnWrites()
  @Get()
  @Access({ roles: ACCOUNT_READER_ROLES, scope: scopeOf.accountParam() })
  @ApiOperation({ summary: 'Account profile and balance' })
  @ApiResponse({ status: 200, standardSchema: accountProfile })
  @errorResponses(400, 401, 403, 404)
  profile(@Param('accountNumber', { schema: accountNumber }) number: string) {
    return this.queries.execute(new GetAccountQuery(number));
  }

  @ReadsOwnWrites()
  @Get('statement')
  @Access({ roles: ACCOUNT_READER_ROLES, scope: scopeOf.accountParam() })
  @ApiOperation({
    summary: 'Statement for a period of business dates (at most 400 days)',
    description:
      'Opening balance, lines in time order (date, description, debited, credited), closing balance; check items with details=true.',
  })
  @ApiResponse({ status: 200, standardSchema: statement })
  @errorResponses(400, 401, 403, 404)
  statement(
    @Param('accountNumber', { schema: accountNumber }) number: string,
    @Query({ schema: statementQuery }) query: StatementQuery,
  ) {
    return this.queries.execute(new GetStatementQuery(number, query.from, query.to, query.details === 'true'));
  }

  @Post('move')
  @Access({ roles: STAFF_ROLES, scope: scopeOf.accountParamAndSchoolInBody() })
  @ApiOperation({ summary: 'Move the pupil to another class and/or school (both schools must be in your scope)' })
  @commandResponses(moveAccountResult, 'the pupil moved', 'the pupil was in that class and school already')
  @errorResponses(400, 401, 403, 404, 409)
  async move(
    @Param('accountNumber', { schema: accountNumber }) number: string,
    @Body({ schema: moveAccountRequest }) body: MoveAccountRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(new MoveAccountCommand(number, body, this.contexts.of(request)));
    return answerWith(reply, result);
  }

  @Post('close')
  @Access({ roles: STAFF_ROLES, scope: scopeOf.accountParam() })
  @ApiOperation({
    summary: 'Close the account; the remaining balance is refunded or transferred to another (sibling) account',
  })
  @commandResponses(
    closeAccountResult,
    'the account is closed and its balance paid out',
    'the account was closed with this settlement already',
  )
  @errorResponses(400, 401, 403, 404, 409)
  async close(
    @Param('accountNumber', { schema: accountNumber }) number: string,
    @Body({ schema: closeAccountRequest }) body: CloseAccountRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(new CloseAccountCommand(number, body, this.contexts.of(request)));
    return answerWith(reply, result);
  }

  @Post('cards/block')
  @Access({ roles: STAFF_ROLES, scope: scopeOf.accountParam() })
  @ApiOperation({ summary: 'Block a card (lost, stolen, damaged); it is refused at every till from now on' })
  @commandResponses(cardResult, 'the card is blocked', 'the card was blocked already')
  @errorResponses(400, 401, 403, 404, 409)
  async blockCard(
    @Param('accountNumber', { schema: accountNumber }) number: string,
    @Body({ schema: blockCardRequest }) body: BlockCardRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(new BlockCardCommand(number, body, this.contexts.of(request)));
    return answerWith(reply, result);
  }

  @Post('cards/reissue')
  @Access({ roles: STAFF_ROLES, scope: scopeOf.accountParam() })
  @ApiOperation({ summary: 'Issue a new card on the same account (the old one is blocked); the money stays' })
  @ApiResponse({
    status: 201,
    description: "recorded: a new card (every call issues one, so status is always 'recorded')",
    standardSchema: reissueCardResult,
  })
  @errorResponses(401, 403, 404, 409)
  reissueCard(@Param('accountNumber', { schema: accountNumber }) number: string, @Req() request: FastifyRequest) {
    return this.commands.execute(new ReissueCardCommand(number, this.contexts.of(request)));
  }

  @Post('corrections')
  @Access({ roles: STAFF_ROLES, scope: scopeOf.accountParam() })
  @ApiOperation({ summary: 'A correction entry by staff (positive credits, negative debits), once per correctionId' })
  @commandResponses(correctionResult, 'the correction is entered', 'a repeat of a recorded correction')
  @errorResponses(400, 401, 403, 404, 409)
  async correct(
    @Param('accountNumber', { schema: accountNumber }) number: string,
    @Body({ schema: correctionRequest }) body: CorrectionRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(new RecordCorrectionCommand(number, body, this.contexts.of(request)));
    return answerWith(reply, result);
  }
}
