/** A small fake of Sberbank's acquiring REST API on loopback: register.do and getOrderStatusExtended.do. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOrder {
  mdOrder: string;
  orderNumber: string;
  amount: number;
  returnUrl: string;
  /** getOrderStatusExtended.do's orderStatus: 0 registered, 2 paid, 6 declined */
  orderStatus: number;
}

export class FakeSberbank {
  readonly orders = new Map<string, FakeOrder>();
  readonly requests: { method: string; params: Record<string, string> }[] = [];
  /** answer every call with this HTTP status instead (outage) */
  failWith: number | null = null;
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(credentials = { userName: 'merchant-api', password: 'merchant-secret' }): Promise<FakeSberbank> {
    let fake: FakeSberbank | null = null;
    const server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        const method = (request.url ?? '').split('/').pop() ?? '';
        const params = Object.fromEntries(new URLSearchParams(text));
        fake!.requests.push({ method, params });
        const answer = (status: number, body: unknown) => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(JSON.stringify(body));
        };
        if (fake!.failWith !== null) return answer(fake!.failWith, {});
        if (params['userName'] !== credentials.userName || params['password'] !== credentials.password) {
          return answer(200, { errorCode: '5', errorMessage: 'Доступ запрещён' });
        }
        if (method === 'register.do') {
          const mdOrder = `md-${fake!.orders.size + 1}-${params['orderNumber']}`;
          fake!.orders.set(mdOrder, {
            mdOrder,
            orderNumber: params['orderNumber']!,
            amount: Number(params['amount']),
            returnUrl: params['returnUrl']!,
            orderStatus: 0,
          });
          return answer(200, {
            orderId: mdOrder,
            formUrl: `${fake!.url}/payment/merchants/test/payment_ru.html?mdOrder=${mdOrder}`,
          });
        }
        if (method === 'getOrderStatusExtended.do') {
          const order = fake!.orders.get(params['orderId'] ?? '');
          if (!order) return answer(200, { errorCode: '6', errorMessage: 'Заказ не найден' });
          return answer(200, {
            errorCode: '0',
            orderNumber: order.orderNumber,
            orderStatus: order.orderStatus,
            amount: order.amount,
            actionCodeDescription: order.orderStatus === 6 ? 'Отказ банка-эмитента' : '',
            authDateTime: order.orderStatus === 2 ? 1_765_000_000_000 : undefined,
          });
        }
        return answer(404, {});
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeSberbank(server, `http://127.0.0.1:${port}/payment/rest`);
    return fake;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
