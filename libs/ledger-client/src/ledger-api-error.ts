/** An error answer of the ledger API, with its stable code and both languages' messages. */
import type { ApiError } from '@meals/contracts';

export class LedgerApiError extends Error {
  override name = 'LedgerApiError';
  readonly statusCode: number;
  readonly code: string;
  readonly messageRu: string;
  readonly details: Record<string, unknown>;

  constructor(body: ApiError) {
    super(body.message);
    this.statusCode = body.statusCode;
    this.code = body.code;
    this.messageRu = body.messageRu;
    this.details = body.details ?? {};
  }

  /** From any error answer: the API's error body, or (from a proxy, say) whatever came instead. */
  static fromAnswer(statusCode: number, body: unknown, text: string): LedgerApiError {
    if (isApiErrorBody(body)) return new LedgerApiError({ ...body, statusCode });
    return new LedgerApiError({
      statusCode,
      code: `http_${statusCode}`,
      message: `HTTP ${statusCode}: ${text.slice(0, 300)}`,
      messageRu: `Сервер ответил с ошибкой (HTTP ${statusCode})`,
    });
  }
}

function isApiErrorBody(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null) return false;
  const { code, message, messageRu } = body as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string' && typeof messageRu === 'string';
}
