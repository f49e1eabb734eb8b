/** The cabinet's refusals (codes of the HTTP contract), in English and Russian. */
import { ApiError } from '../http/api-error.js';

export const termsNotAccepted = () =>
  new ApiError(
    400,
    'terms_not_accepted',
    'Accept the terms of use to sign in',
    'Чтобы войти, примите условия использования',
  );

export const invalidParentCredentials = () =>
  new ApiError(
    401,
    'invalid_credentials',
    'Wrong account number or password',
    'Неверный номер лицевого счёта или пароль',
  );

export const tooManyAttempts = (retryAfterSeconds: number) =>
  new ApiError(
    429,
    'too_many_attempts',
    'Too many attempts; try again later',
    `Слишком много попыток. Повторите через ${Math.ceil(retryAfterSeconds / 60)} мин.`,
    { retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );

export const invalidMailToken = () =>
  new ApiError(
    400,
    'invalid_token',
    'The link is invalid, used or expired',
    'Ссылка недействительна, уже использована или устарела',
  );

export const wrongCurrentPassword = () =>
  new ApiError(401, 'invalid_credentials', 'The current password is wrong', 'Текущий пароль указан неверно');

export const notASession = () =>
  new ApiError(
    400,
    'not_a_session',
    'Only session tokens can be logged out; API keys stay valid until replaced',
    'Выйти можно только из сеанса; ключ API действует, пока его не заменят',
  );

export const mailUnavailable = () =>
  new ApiError(
    503,
    'mail_unavailable',
    'The mail could not be sent; try again later',
    'Не удалось отправить письмо, попробуйте позже',
    undefined,
    { 'retry-after': '60' },
  );
