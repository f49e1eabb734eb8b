/** The sandbox supplier's page (only when the embedded sandbox is the supplier). */
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isValidSchoolId } from '@meals/domain';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../auth/access.js';
import { sendHtml } from '../http/html.js';
import { MEAL_SUPPLIER, type MealSupplier } from './meal-supplier.js';
import { SandboxMealSupplier } from './sandbox-meal-supplier.js';
import { sandboxSupplierPage } from './sandbox-supplier-page.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ApiExcludeController()
@Controller('sandbox-supplier')
export class SandboxSupplierController {
  constructor(@Inject(MEAL_SUPPLIER) private readonly supplier: MealSupplier) {}

  @Get()
  @PublicRoute()
  page(@Query() query: Record<string, unknown>, @Res() reply: FastifyReply) {
    if (!(this.supplier instanceof SandboxMealSupplier)) {
      return sendHtml(
        reply,
        404,
        '<!doctype html><html lang="ru"><title>Нет</title><p>Поставщик не учебный: страница отключена.</p></html>',
      );
    }
    const filter = {
      ...(typeof query['date'] === 'string' && DATE.test(query['date']) ? { date: query['date'] } : {}),
      ...(isValidSchoolId(query['schoolId']) ? { schoolId: query['schoolId'] } : {}),
    };
    return sendHtml(reply, 200, sandboxSupplierPage(this.supplier.received(filter), filter));
  }
}
