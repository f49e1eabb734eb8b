/** The cabinet's mails, in Russian. */
import type { OutgoingMail } from '../mail/mailer.js';

export const confirmEmailMail = (to: string, accountNumber: string, link: string): OutgoingMail => ({
  to,
  subject: 'Подтвердите адрес электронной почты',
  text: [
    'Здравствуйте!',
    '',
    `Этот адрес указан в личном кабинете лицевого счёта ${accountNumber} (школьное питание).`,
    'Чтобы подтвердить его, откройте ссылку:',
    link,
    '',
    'Если вы не указывали этот адрес, просто не открывайте ссылку.',
  ].join('\n'),
});

export const resetPasswordMail = (to: string, accountNumber: string, link: string): OutgoingMail => ({
  to,
  subject: 'Восстановление пароля',
  text: [
    'Здравствуйте!',
    '',
    `Для лицевого счёта ${accountNumber} запрошено восстановление пароля личного кабинета.`,
    'Чтобы задать новый пароль, откройте ссылку (действует 1 час):',
    link,
    '',
    'Если вы не запрашивали восстановление, ничего делать не нужно.',
  ].join('\n'),
});
