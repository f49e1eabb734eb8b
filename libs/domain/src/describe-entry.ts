import type { AccountEvent, CardBlockReason, TopUpChannel } from './events.js';

/** How each top-up channel is named on a parent's statement. */
export const TOP_UP_CHANNEL_LABELS: Readonly<Record<TopUpChannel, string>> = {
  bank_online: 'Сбербанк Онлайн',
  terminal: 'терминал',
  atm: 'банкомат',
  cabinet_card: 'банковская карта (личный кабинет)',
  qiwi: 'QIWI',
  cash_desk: 'касса',
};

export const CARD_BLOCK_REASON_LABELS: Readonly<Record<CardBlockReason, string>> = {
  lost: 'утеряна',
  stolen: 'украдена',
  damaged: 'повреждена',
};

/** Russian text of a statement/history line, e.g. `Чек №24-001983`, `Пополнение: терминал`. */
export function describeEntry(event: AccountEvent): string {
  switch (event.type) {
    case 'account.opened.v1':
      return `Открыт лицевой счёт, класс ${event.data.className}`;
    case 'account.moved.v1': {
      const { fromSchoolId, toSchoolId, fromClassName, toClassName } = event.data;
      return fromSchoolId === toSchoolId
        ? `Смена класса: ${fromClassName} → ${toClassName}`
        : `Смена школы: №${fromSchoolId} → №${toSchoolId}, класс ${toClassName}`;
    }
    case 'account.closed.v1':
      return `Лицевой счёт закрыт: ${event.data.reason}`;
    case 'card.issued.v1':
      return event.data.replacesCardUid === null ? 'Карта выдана' : 'Карта перевыпущена';
    case 'card.activated.v1':
      return 'Карта активирована';
    case 'card.blocked.v1':
      return `Карта заблокирована: ${CARD_BLOCK_REASON_LABELS[event.data.reason]}`;
    case 'account.topped-up.v1':
      return `Пополнение: ${TOP_UP_CHANNEL_LABELS[event.data.channel]}`;
    case 'account.sale-debited.v1':
      return `Чек №${event.data.checkNumber}`;
    case 'account.corrected.v1':
      return `Корректировка: ${event.data.reason}`;
    case 'account.refunded.v1':
      return `Возврат: ${event.data.reason}`;
    case 'account.balance-transferred-out.v1':
      return `Перевод на л/с ${event.data.toAccountNumber}`;
    case 'account.balance-transferred-in.v1':
      return `Перевод с л/с ${event.data.fromAccountNumber}`;
    case 'account.meal-charged.v1':
      return `Табель: ${event.data.mealTypeName}`;
    case 'account.meal-charge-reversed.v1':
      return `Табель: ${event.data.mealTypeName} (отмена заказа за ${event.data.date})`;
  }
}
