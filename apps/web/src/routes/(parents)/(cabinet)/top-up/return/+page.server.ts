import { parentLedger } from '#lib/server/ledger.ts';
import { ledgerRefusal } from '#lib/server/ledger-errors.ts';
import { formatKopecks } from '#lib/money.ts';
import type { PageServerLoad } from './$types';

const ORDER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const load: PageServerLoad = async ({ url, locals }) => {
  const orderId = url.searchParams.get('orderId') ?? '';
  if (!ORDER_ID.test(orderId)) return { order: null, message: 'Ссылка на платёж повреждена.' };
  try {
    // Asking the ledger also makes it check a still-registered order with the gateway.
    const order = await parentLedger(locals.session!.token).payment(orderId);
    return {
      order: { ...order, amountText: formatKopecks(order.amount), balanceText: formatKopecks(order.balance) },
      message: null,
    };
  } catch (error) {
    return { order: null, message: ledgerRefusal(error).data.message };
  }
};
