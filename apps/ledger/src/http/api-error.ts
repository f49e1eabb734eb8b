/**
 * The one error shape of the API: `{ statusCode, code, message, messageRu, details? }`.
 * `code` is stable and machine-readable; `message` is English, `messageRu` Russian.
 */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  messageRu: string;
  details?: Record<string, unknown>;
}

export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly messageRu: string,
    readonly details?: Record<string, unknown>,
    /** extra response headers, e.g. Retry-After */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    return {
      statusCode: this.statusCode,
      code: this.code,
      message: this.message,
      messageRu: this.messageRu,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export const unauthorized = () =>
  new ApiError(
    401,
    'unauthorized',
    'Authentication required: send a valid Bearer token',
    'Требуется вход: передайте действительный токен',
  );

export const forbidden = (why = 'This action is not allowed for your role or scope') =>
  new ApiError(403, 'forbidden', why, 'Действие запрещено для вашей роли или области доступа');

export const invalidRequest = (message: string, messageRu: string, details?: Record<string, unknown>) =>
  new ApiError(400, 'validation_failed', message, messageRu, details);

/** A parent scoped to one account asked for another. */
export const forbiddenScope = () =>
  new ApiError(403, 'forbidden_scope', 'This account is outside your scope', 'Этот лицевой счёт вам недоступен');

export const passwordChangeRequired = () =>
  new ApiError(
    403,
    'password_change_required',
    'Signed in with a temporary password: set a new password first',
    'Вы вошли по временному паролю: сначала задайте новый пароль',
  );
