/** The sandbox gateway's card form, served by the ledger (only when PAYMENT_GATEWAY=sandbox). */
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../auth/access.js';
import { sendHtml as html } from '../http/html.js';
import { SANDBOX_CALLBACK_MODES, SandboxGateway, type SandboxCallbackMode } from './gateway/sandbox-gateway.js';
import { PaymentOrders } from './payment-orders.js';
import { cardFormPage, messagePage } from './sandbox-page.js';

const ORDER_ID = /^[0-9a-f]{32}$/;

@ApiExcludeController()
@Controller('sandbox-gateway')
export class SandboxGatewayController {
  constructor(private readonly payments: PaymentOrders) {}

  @Get('pay/:orderId')
  @PublicRoute()
  form(@Param('orderId') orderId: string, @Res() reply: FastifyReply) {
    const order = this.order(orderId);
    if (!order) return html(reply, 404, messagePage('Платёж не найден', 'Заказ не найден или срок оплаты истёк.'));
    if (order.done)
      return html(reply, 409, messagePage('Платёж уже обработан', 'Этот заказ уже оплачен или отклонён.'));
    return html(reply, 200, cardFormPage(orderId, order.amount));
  }

  @Post('pay/:orderId')
  @PublicRoute()
  pay(@Param('orderId') orderId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    const gateway = this.sandbox();
    const order = this.order(orderId);
    if (!gateway || !order)
      return html(reply, 404, messagePage('Платёж не найден', 'Заказ не найден или срок оплаты истёк.'));
    const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const card = typeof fields['cardNumber'] === 'string' ? fields['cardNumber'] : '';
    if (!/^[\d\s-]{12,23}$/.test(card)) {
      return html(reply, 400, cardFormPage(orderId, order.amount, 'Введите номер карты: от 12 до 19 цифр.'));
    }
    const requested = fields['callback'];
    const mode = SANDBOX_CALLBACK_MODES.includes(requested as SandboxCallbackMode)
      ? (requested as SandboxCallbackMode)
      : undefined;
    const result = gateway.pay(orderId, card, mode);
    if (!result) return html(reply, 404, messagePage('Платёж не найден', 'Заказ не найден.'));
    return reply.status(303).header('location', result.returnUrl).send();
  }

  private sandbox(): SandboxGateway | null {
    const gateway = this.payments.gateway;
    return gateway instanceof SandboxGateway ? gateway : null;
  }

  private order(orderId: string) {
    return ORDER_ID.test(orderId) ? (this.sandbox()?.orderForForm(orderId) ?? null) : null;
  }
}
