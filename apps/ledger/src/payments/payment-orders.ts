/**
 * Online top-up orders: register one with the gateway, settle what the gateway reports
 * (callback, status check, return page, reconciliation job: in any order, any number of
 * times, concurrently) and credit a paid order exactly once. The order's stream records
 * the outcome once (payment order decider); the credit is the ordinary top-up with a
 * payment id derived from the order id, so the account's own idempotency makes every
 * repeat a duplicate. Crediting follows every report of a paid order, which also heals a
 * crash between the two appends.
 */
import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@meals/command-runner';
import type { CreatePaymentResult, PaymentOrderView } from '@meals/contracts';
import {
  accountNotFound,
  paymentOrderNotFound,
  requireAccountNumber,
  requireOpenAccount,
  requireTopUpAmount,
  type PaymentOrderCommand,
  type PaymentOrderState,
} from '@meals/domain';
import type { Logger } from 'pino';
import { AccountCommandRunner } from '../accounts/account-command-runner.js';
import { commandResultOf } from '../http/command-result.js';
import { LOGGER } from '../infrastructure/tokens.js';
import type { GatewayOrderStatus } from './gateway/payment-gateway.js';
import { OpenPaymentOrders } from './open-payment-orders.js';
import { PaymentAggregates } from './payment-aggregates.js';
import { PAYMENT_SETTINGS, type PaymentSettings } from './payment-settings.js';

/** The top-up's payment id of an order: one order, one payment id, at most one credit. */
export const paymentIdOfOrder = (orderId: string): string => `cabinet-${orderId}`;

export type GatewayReport = GatewayOrderStatus;

@Injectable()
export class PaymentOrders {
  constructor(
    private readonly aggregates: PaymentAggregates,
    private readonly open: OpenPaymentOrders,
    private readonly accounts: AccountCommandRunner,
    @Inject(PAYMENT_SETTINGS) private readonly settings: PaymentSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get gateway() {
    return this.settings.gateway;
  }

  async create(
    request: { accountNumber: string; amount: number },
    context: CommandContext,
  ): Promise<CreatePaymentResult> {
    // checked before the gateway hears of it: a refused order leaves no trace anywhere
    const accountNumber = requireAccountNumber(request.accountNumber);
    const amount = requireTopUpAmount(request.amount, this.settings.limits);
    const { state: account } = await this.accounts.load(accountNumber);
    if (!account.exists) throw accountNotFound(accountNumber);
    requireOpenAccount(account);

    const orderId = randomBytes(16).toString('hex');
    const web = this.settings.webBaseUrl.replace(/\/+$/, '');
    const registered = await this.gateway.register({
      orderId,
      amount,
      returnUrl: `${web}/top-up/return?orderId=${orderId}`,
      description: `Пополнение лицевого счёта ${accountNumber}`,
    });
    const outcome = await this.run(
      orderId,
      {
        type: 'RegisterPaymentOrder',
        orderId,
        accountNumber,
        amount,
        gateway: this.gateway.name,
        gatewayOrderId: registered.gatewayOrderId,
        registeredAt: context.now.toISOString(),
      },
      context,
    );
    return {
      ...commandResultOf(outcome.position),
      orderId,
      accountNumber,
      amount,
      orderStatus: 'registered',
      formUrl: registered.formUrl,
    };
  }

  /** The order as its stream tells it (404 for an unknown one). */
  async load(orderId: string): Promise<PaymentOrderState> {
    const { state } = await this.aggregates.load(orderId);
    if (state.status === 'none') throw paymentOrderNotFound(orderId);
    return state;
  }

  /** The order with a fresh word from the gateway when it is still open, and the balance now. */
  async view(order: PaymentOrderState, context: CommandContext): Promise<PaymentOrderView> {
    const settled = order.status === 'registered' ? await this.checkWithGateway(order, context) : order;
    if (settled.status === 'paid') await this.credit(settled, context);
    const { state: account } = await this.accounts.load(settled.accountNumber);
    return {
      orderId: settled.orderId,
      accountNumber: settled.accountNumber,
      amount: settled.amount,
      orderStatus: settled.status === 'none' ? 'registered' : settled.status,
      paidAt: settled.paidAt,
      balance: account.balance,
    };
  }

  /** Asks the gateway and records what it says. */
  async checkWithGateway(order: PaymentOrderState, context: CommandContext): Promise<PaymentOrderState> {
    return this.settle(order.orderId, await this.gateway.status(order.gatewayOrderId), context);
  }

  /** Records a gateway's report about an order; a paid order is credited (again: a duplicate). */
  async settle(orderId: string, report: GatewayReport, context: CommandContext): Promise<PaymentOrderState> {
    const now = context.now.toISOString();
    let state: PaymentOrderState;
    switch (report.status) {
      case 'registered':
        return this.load(orderId);
      case 'paid':
        ({ state } = await this.run(
          orderId,
          { type: 'ConfirmPaymentOrderPaid', orderId, amount: report.amount, paidAt: report.paidAt ?? now },
          context,
        ));
        break;
      case 'declined':
        ({ state } = await this.run(orderId, { type: 'DeclinePaymentOrder', orderId, reason: report.reason }, context));
        break;
      case 'expired':
        ({ state } = await this.run(orderId, { type: 'ExpirePaymentOrder', orderId }, context));
        break;
    }
    if (state.status === 'paid') await this.credit(state, context);
    return state;
  }

  /** Runs an order command and tells the reconciliation job what it appended. */
  private async run(orderId: string, command: PaymentOrderCommand, context: CommandContext) {
    const outcome = await this.aggregates.run(orderId, command, context);
    for (const event of outcome.appended) this.open.track(event, outcome.position);
    return outcome;
  }

  /** The top-up of a paid order: recorded once, a duplicate every later time. */
  async credit(order: PaymentOrderState, context: CommandContext): Promise<void> {
    if (order.status !== 'paid' || order.paidAt === null) return;
    const paymentId = paymentIdOfOrder(order.orderId);
    // the common repeat (a second callback, the return page) needs no command at all
    if ((await this.accounts.load(order.accountNumber)).state.topUps.has(paymentId)) {
      this.open.credited(order.orderId);
      return;
    }
    const outcome = await this.accounts.run(
      {
        type: 'RecordTopUp',
        paymentId,
        accountNumber: order.accountNumber,
        channel: 'cabinet_card',
        amount: order.amount,
        paidAt: order.paidAt,
        receivedAt: context.now.toISOString(),
      },
      context,
    );
    this.open.credited(order.orderId);
    if (outcome.appended.length > 0) {
      this.logger.info(
        { orderId: order.orderId, accountNumber: order.accountNumber, amount: order.amount },
        'payment credited',
      );
    }
  }
}
