import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  createPaymentRequest,
  createPaymentResult,
  paymentOrderId,
  paymentOrderView,
  type CreatePaymentRequest,
} from '@meals/contracts';
import type { CommandContext } from '@meals/command-runner';
import { isDomainError, type PaymentOrderState } from '@meals/domain';
import type { Logger } from 'pino';
import { z } from 'zod';
import { Access, PublicRoute } from '../auth/access.js';
import { ScopeChecker } from '../auth/scope-checker.js';
import { ApiError, unauthorized } from '../http/api-error.js';
import { CommandContexts } from '../http/command-contexts.js';
import { answerWith, commandResponses } from '../http/command-result.js';
import { errorResponses } from '../http/openapi.js';
import { CLOCK, LOGGER, type Clock } from '../infrastructure/tokens.js';
import type { VerifiedCallback } from './gateway/payment-gateway.js';
import { gatewayContext } from './gateway-context.js';
import { accountInBody, PAYING_ROLES, PAYMENT_READER_ROLES } from './payment-access.js';
import { PaymentOrders } from './payment-orders.js';

const gatewayName = z.enum(['sandbox', 'sberbank']);

export const invalidSignature = () =>
  new ApiError(
    400,
    'invalid_signature',
    'The callback is not signed by the configured gateway',
    'Уведомление банка не прошло проверку подписи',
  );

@ApiTags('payments')
@Controller('api/payments')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentOrders,
    private readonly contexts: CommandContexts,
    private readonly scopes: ScopeChecker,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Post()
  @ApiBearerAuth()
  @Access({ roles: PAYING_ROLES, scope: accountInBody })
  @ApiOperation({
    summary: 'Top up an account by card: registers an order with the gateway; send the browser to formUrl',
    description: 'Amount in kopecks, 100..1 500 000 by default (TOP_UP_MIN_AMOUNT, TOP_UP_MAX_AMOUNT).',
  })
  @commandResponses(createPaymentResult, 'the order is registered', 'never (every call registers a new order)')
  @errorResponses(400, 401, 403, 404, 409)
  async create(
    @Body({ schema: createPaymentRequest }) body: CreatePaymentRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answerWith(reply, await this.payments.create(body, this.contexts.of(request)));
  }

  @Get(':orderId')
  @ApiBearerAuth()
  @Access({ roles: PAYMENT_READER_ROLES })
  @ApiOperation({
    summary: 'An order: its status (a still registered one is checked with the gateway first) and the balance now',
  })
  @ApiResponse({ status: 200, standardSchema: paymentOrderView })
  @errorResponses(400, 401, 403, 404)
  async view(@Param('orderId', { schema: paymentOrderId }) orderId: string, @Req() request: FastifyRequest) {
    if (!request.principal) throw unauthorized();
    const order = await this.payments.load(orderId);
    await this.scopes.assertInScope(request.principal, [{ kind: 'account', accountNumber: order.accountNumber }]);
    return this.payments.view(order, this.contextOf(request));
  }

  @Post('callback/:gateway')
  @HttpCode(200)
  @PublicRoute()
  @ApiOperation({
    summary: "The gateway's notification about an order (no token: verified by its checksum)",
    description: 'Parameters in the query string or the body (form or JSON). A bad checksum: 400 invalid_signature.',
  })
  @ApiResponse({ status: 200, description: 'the report is recorded (or was already): { orderId, orderStatus }' })
  @errorResponses(400, 404, 409)
  async callback(
    @Param('gateway', { schema: gatewayName }) gateway: string,
    @Query() query: unknown,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ) {
    const params = { ...textFields(query), ...textFields(body) };
    const verified = gateway === this.payments.gateway.name ? this.payments.gateway.verifyCallback(params) : null;
    if (!verified) {
      // never the checksum or other secrets: what was claimed, and from where
      this.logger.warn(
        { gateway, orderNumber: params['orderNumber']?.slice(0, 64), remoteAddress: request.ip },
        'payment callback refused: invalid signature',
      );
      throw invalidSignature();
    }
    const order = await this.payments.load(verified.orderId);
    if (order.gatewayOrderId !== verified.gatewayOrderId) throw invalidSignature();
    const context = this.contextOf(request);
    const settled = await this.settleCallback(order, verified, context).catch((error: unknown) => {
      if (isDomainError(error) && error.code === 'payment_amount_mismatch') {
        this.logger.warn({ gateway, orderId: order.orderId, ...error.details }, 'payment callback refused: amount');
      }
      throw error;
    });
    return { orderId: settled.orderId, orderStatus: settled.status };
  }

  private settleCallback(order: PaymentOrderState, verified: VerifiedCallback, context: CommandContext) {
    if (verified.status === 'declined') {
      return this.payments.settle(order.orderId, { status: 'declined', reason: 'declined by the bank' }, context);
    }
    // a callback that names no amount is confirmed by the gateway's status answer, which does
    if (verified.amount === null) return this.payments.checkWithGateway(order, context);
    return this.payments.settle(order.orderId, { status: 'paid', amount: verified.amount, paidAt: null }, context);
  }

  private contextOf(request: FastifyRequest) {
    return gatewayContext(
      this.payments.gateway.name,
      { correlationId: request.correlationId, causationId: request.id },
      this.clock(),
    );
  }
}

/** The string fields of a query or body (a callback's parameters are all text). */
function textFields(source: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!source || typeof source !== 'object' || Array.isArray(source)) return fields;
  for (const [name, value] of Object.entries(source)) {
    if (typeof value === 'string' && value.length <= 512) fields[name] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) fields[name] = String(value);
  }
  return fields;
}
