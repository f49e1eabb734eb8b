/** The family view's refusal: the same answer for an unknown account and an unrelated one. */
import { ApiError } from '../http/api-error.js';

export const notInFamily = () =>
  new ApiError(
    403,
    'not_in_family',
    'That account has not confirmed the email of this one',
    'Этот лицевой счёт не привязан к вашей подтверждённой почте',
  );
