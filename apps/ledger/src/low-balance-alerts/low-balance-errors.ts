/** The low-balance alert's refusal. */
import { ApiError } from '../http/api-error.js';

export const emailNotConfirmed = () =>
  new ApiError(
    409,
    'email_not_confirmed',
    'Confirm an email first: the alert is mailed to it',
    'Сначала укажите и подтвердите адрес электронной почты: уведомление придёт на него',
  );
