import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, READER_ROLES, scopeOf, STAFF_ROLES } from '../auth/access.js';
import { CommandContexts } from '../http/command-contexts.js';
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
import { errorResponses } from '../http/openapi.js';
import { GetAccountQuery } from '../queries/get-account.js';
import { GetStatementQuery } from '../queries/get-statement.js';
import { BlockCardCommand, ReissueCardCommand } from './commands/card-commands.js';
import { CloseAccountCommand } from './commands/close-account.js';
import { MoveAccountCommand } from './commands/move-account.js';
import { RecordCorrectionCommand } from './commands/record-correction.js';

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

  @Get()
  @Access({ roles: READER_ROLES, scope: scopeOf.accountParam() })
  @ApiOperation({ summary: 'Account profile and balance' })
  @ApiResponse({ status: 200, standardSchema: accountProfile })
  @errorResponses(400, 401, 403, 404)
  profile(@Param('accountNumber', { schema: accountNumber }) number: string) {
    return this.queries.execute(new GetAccountQuery(number));
  }

  @Get('statement')
  @Access({ roles: READER_ROLES, scope: scopeOf.accountParam() })
  @ApiOperation({
    summary: 'Statement for a period of business dates (at most 400 days)',
    description: 'Opening balance, lines in time order (date, description, debited, credited), closing balance; check items with details=true.',
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
  @HttpCode(200)
  @Access({ roles: STAFF_ROLES, scope: scopeOf.accountParamAndSchoolInBody() })
  @ApiOperation({ summary: 'Move the pupil to another class and/or school (both schools must be in your scope)' })
  @ApiResponse({ status: 200, standardSchema: moveAccountResult })
  @errorResponses(400, 401, 403, 404, 409)
  move(
    @Param('accountNumber', { schema: accountNumber }) number: string,
    @Body({ schema: moveAccountRequest }) body: MoveAccountRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.commands.execute(new MoveAccountCommand(number, body, this.contexts.of(request)));
  }

  @Post('close')
  @HttpCode(200)
  @Access({ roles: STAFF_ROLES, scope: scopeOf.accountParam() })
  @ApiOperation({ summary: 'Close the account; the remaining balance is refunded or transferred to another (sibling) account' })
  @ApiResponse({ status: 200, standardSchema: closeAccountResult })
  @errorResponses(400, 401, 403, 404, 409)
  close(
    @Param('accountNumber', { schema: accountNumber }) number: string,
    @Body({ schema: closeAccountRequest }) body: CloseAccountRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.commands.execute(new CloseAccountCommand(number, body, this.contexts.of(request)));
  }

  @Post('cards/block')
  @HttpCode(200)
  @Access({ roles: STAFF_ROLES, scope: scopeOf.accountParam() })
  @ApiOperation({ summary: 'Block a card (lost, stolen, damaged); it is refused at every till from now on' })
  @ApiResponse({ status: 200, standardSchema: cardResult })
  @errorResponses(400, 401, 403, 404, 409)
  blockCard(
    @Param('accountNumber', { schema: accountNumber }) number: string,
    @Body({ schema: blockCardRequest }) body: BlockCardRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.commands.execute(new BlockCardCommand(number, body, this.contexts.of(request)));
  }

  @Post('cards/reissue')
  @Access({ roles: STAFF_ROLES, scope: scopeOf.accountParam() })
  @ApiOperation({ summary: 'Issue a new card on the same account (the old one is blocked); the money stays' })
  @ApiResponse({ status: 201, standardSchema: reissueCardResult })
  @errorResponses(401, 403, 404, 409)
  reissueCard(@Param('accountNumber', { schema: accountNumber }) number: string, @Req() request: FastifyRequest) {
    return this.commands.execute(new ReissueCardCommand(number, this.contexts.of(request)));
  }

  @Post('corrections')
  @Access({ roles: STAFF_ROLES, scope: scopeOf.accountParam() })
  @ApiOperation({ summary: 'A correction entry by staff (positive credits, negative debits), once per correctionId' })
  @ApiResponse({ status: 201, description: 'recorded', standardSchema: correctionResult })
  @ApiResponse({ status: 200, description: 'duplicate of a recorded correction', standardSchema: correctionResult })
  @errorResponses(400, 401, 403, 404, 409)
  async correct(
    @Param('accountNumber', { schema: accountNumber }) number: string,
    @Body({ schema: correctionRequest }) body: CorrectionRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(new RecordCorrectionCommand(number, body, this.contexts.of(request)));
    if (result.status === 'duplicate') reply.status(200);
    return result;
  }
}
