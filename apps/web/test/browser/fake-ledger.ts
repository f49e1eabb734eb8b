/**
 * A stand-in for the ledger's HTTP API (the issue 8 contract) with fixture data: one parent
 * account with a temporary password, a statement with check items and «Табель» lines, and a
 * card form that pays the order and sends the browser back to the cabinet.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { formatKopecks } from '../../src/lib/money.js';

export const PARENT_ACCOUNT = '0242013138';
export const OTHER_ACCOUNT = '0242013146';

interface Order {
  orderId: string;
  accountNumber: string;
  amount: number;
  orderStatus: 'registered' | 'paid' | 'declined';
  paidAt: string | null;
}

export interface FakeLedger {
  url: string;
  /** what the cashier's till would print: a fresh temporary password (voids the old one) */
  issueTemporaryPassword(): string;
  balance(): number;
  close(): Promise<void>;
}

const STATEMENT_LINES = [
  {
    date: '2026-11-18',
    kind: 'attendance',
    description: 'Табель Завтрак младшая школа Ежедневное полное меню 1-4 кл.',
    debit: 4961,
    credit: 0,
    checkNumber: null,
  },
  {
    date: '2026-11-18',
    kind: 'sale',
    // as the ledger writes a check's line (describeEntry): its number, the items below
    description: 'Чек №24-001983',
    debit: 3450,
    credit: 0,
    checkNumber: '24-001983',
    items: [{ name: 'Пицца 125 г', qty: 1, price: 3450, amount: 3450 }],
  },
  {
    date: '2026-11-20',
    kind: 'sale',
    description: 'Чек №24-002620',
    debit: 2150,
    credit: 0,
    checkNumber: '24-002620',
    items: [
      { name: 'Каша гречневая рассыпчатая 150 г', qty: 1, price: 830, amount: 830 },
      { name: 'Сок в ассортименте 200 г', qty: 1, price: 1320, amount: 1320 },
    ],
  },
  {
    date: '2026-11-21',
    kind: 'top-up',
    description: 'Пополнение через банк',
    debit: 0,
    credit: 50000,
    checkNumber: null,
  },
];

export async function startFakeLedger(webBaseUrl: () => string): Promise<FakeLedger> {
  let balance = 804;
  let temporaryPassword: string | null = null;
  let permanentPassword: string | null = null;
  let email: string | null = null;
  /** the low-balance alert's threshold, kopecks (the fake never confirms an email, so it stays 0) */
  const threshold = 0;
  const tokens = new Map<string, { mustChangePassword: boolean }>();
  const orders = new Map<string, Order>();

  const grant = (mustChangePassword: boolean) => {
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, { mustChangePassword });
    return {
      token,
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      accountNumber: PARENT_ACCOUNT,
      mustChangePassword,
    };
  };

  const routes = async (request: IncomingMessage, response: ServerResponse, body: Record<string, unknown>) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const route = `${request.method} ${url.pathname}`;
    const reply = (status: number, json?: unknown) => {
      response.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' });
      response.end(json === undefined ? undefined : JSON.stringify(json));
    };
    const refuse = (status: number, code: string, messageRu: string) =>
      reply(status, { statusCode: status, code, message: code, messageRu });

    if (route === 'GET /fake-gateway/pay') {
      const orderId = url.searchParams.get('orderId') ?? '';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Оплата картой</title></head><body><main><h1>Тестовый банк</h1>` +
          `<form method="POST" action="/fake-gateway/pay?orderId=${encodeURIComponent(orderId)}"><button>Оплатить</button></form></main></body></html>`,
      );
      return;
    }
    if (route === 'POST /fake-gateway/pay') {
      const order = orders.get(url.searchParams.get('orderId') ?? '');
      if (order && order.orderStatus === 'registered') {
        order.orderStatus = 'paid';
        order.paidAt = new Date().toISOString();
        balance += order.amount;
      }
      response.writeHead(303, { location: `${webBaseUrl()}/top-up/return?orderId=${order?.orderId ?? ''}` });
      response.end();
      return;
    }
    if (route === 'POST /api/auth/parent/login') {
      if (body['acceptTerms'] !== true) return refuse(400, 'terms_not_accepted', 'Примите условия использования.');
      if (body['accountNumber'] === PARENT_ACCOUNT && body['password'] === temporaryPassword)
        return reply(200, grant(true));
      if (body['accountNumber'] === PARENT_ACCOUNT && body['password'] === permanentPassword)
        return reply(200, grant(false));
      return refuse(401, 'invalid_credentials', 'Неверный номер счёта или пароль.');
    }
    if (route === 'POST /api/auth/parent/recover') return reply(202, {});

    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    const principal = tokens.get(token);
    if (!principal) return refuse(401, 'unauthorized', 'Войдите заново.');
    if (route === 'POST /api/auth/logout') {
      tokens.delete(token);
      return reply(204);
    }
    if (route === 'POST /api/auth/parent/password') {
      const current = principal.mustChangePassword ? temporaryPassword : permanentPassword;
      if (body['currentPassword'] !== current) return refuse(401, 'invalid_credentials', 'Неверный текущий пароль.');
      permanentPassword = String(body['newPassword']);
      temporaryPassword = null;
      tokens.delete(token);
      return reply(200, grant(false));
    }
    if (principal.mustChangePassword)
      return refuse(403, 'password_change_required', 'Сначала замените временный пароль.');

    const accountMatch = /^\/api\/accounts\/([^/]+)(\/statement)?$/.exec(url.pathname);
    if (accountMatch && accountMatch[1] !== PARENT_ACCOUNT)
      return refuse(403, 'forbidden_scope', 'Нет доступа к этому счёту.');
    if (route === 'GET /api/parent/me')
      return reply(200, {
        accountNumber: PARENT_ACCOUNT,
        fullName: 'Иванов Иван Иванович',
        schoolId: '24',
        schoolName: 'Школа №24',
        className: '03Б',
        balance,
        balanceText: formatKopecks(balance),
        status: 'open',
        email,
        emailConfirmed: false,
      });
    // one account: a family of one (the switcher is tested against the real ledger)
    if (route === 'GET /api/parent/family')
      return reply(200, {
        members: [
          {
            accountNumber: PARENT_ACCOUNT,
            fullName: 'Иванов Иван Иванович',
            className: '03Б',
            schoolName: 'Школа №24',
            balance,
            balanceText: formatKopecks(balance),
            status: 'open',
            current: true,
          },
        ],
      });
    if (route === 'POST /api/parent/family/switch')
      return refuse(403, 'not_in_family', 'Этот лицевой счёт не привязан к вашей подтверждённой почте');
    if (route === 'GET /api/parent/low-balance-alert')
      return reply(200, { threshold, thresholdText: formatKopecks(threshold), active: false, armed: false });
    if (route === 'PUT /api/parent/low-balance-alert')
      return refuse(409, 'email_not_confirmed', 'Сначала укажите и подтвердите адрес электронной почты');
    if (route === 'PUT /api/parent/email') {
      email = String(body['email']);
      return reply(202, { email, emailConfirmed: false });
    }
    if (accountMatch?.[2] && request.method === 'GET') {
      const details = url.searchParams.get('details') === 'true';
      const lines = STATEMENT_LINES.map(({ items, ...line }) => ({
        ...line,
        at: `${line.date}T09:30:00+03:00`,
        ...(details && items ? { items } : {}),
      }));
      const totalDebit = lines.reduce((sum, line) => sum + line.debit, 0);
      const totalCredit = lines.reduce((sum, line) => sum + line.credit, 0);
      return reply(200, {
        accountNumber: PARENT_ACCOUNT,
        fullName: 'Иванов Иван Иванович',
        schoolId: '24',
        className: '03Б',
        from: url.searchParams.get('from'),
        to: url.searchParams.get('to'),
        openingBalance: 67766,
        closingBalance: 67766 - totalDebit + totalCredit,
        totalDebit,
        totalCredit,
        lines,
      });
    }
    if (route === 'POST /api/payments') {
      if (body['accountNumber'] !== PARENT_ACCOUNT) return refuse(403, 'forbidden_scope', 'Нет доступа к этому счёту.');
      const orderId = `ord-${orders.size + 1}`;
      const amount = Number(body['amount']);
      orders.set(orderId, { orderId, accountNumber: PARENT_ACCOUNT, amount, orderStatus: 'registered', paidAt: null });
      const formUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fake-gateway/pay?orderId=${orderId}`;
      return reply(201, {
        status: 'recorded',
        position: 1,
        orderId,
        accountNumber: PARENT_ACCOUNT,
        amount,
        orderStatus: 'registered',
        formUrl,
      });
    }
    const orderMatch = /^\/api\/payments\/([^/]+)$/.exec(url.pathname);
    if (orderMatch && request.method === 'GET') {
      const order = orders.get(decodeURIComponent(orderMatch[1]!));
      if (!order) return refuse(404, 'not_found', 'Платёж не найден.');
      return reply(200, { ...order, balance });
    }
    return refuse(404, 'not_found', 'Не найдено.');
  };

  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      let body: Record<string, unknown>;
      try {
        body = raw && (request.headers['content-type'] ?? '').includes('json') ? JSON.parse(raw) : {};
      } catch {
        body = {};
      }
      routes(request, response, body).catch((error: unknown) => {
        response.writeHead(500);
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    issueTemporaryPassword() {
      temporaryPassword = `Tmp${randomBytes(4).toString('hex')}`;
      permanentPassword = null;
      return temporaryPassword;
    },
    balance: () => balance,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
