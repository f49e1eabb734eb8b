import {
  makeAccountNumber,
  type AccountEvent,
  type ActivateCard,
  type BlockCard,
  type CheckItem,
  type CloseAccount,
  type IssueReplacementCard,
  type MoveAccount,
  type OpenAccount,
  type ReceiveTransfer,
  type RecordCorrection,
  type RecordSale,
  type RecordTopUp,
} from '@meals/domain';

export const ACCOUNT = makeAccountNumber('24', 1);
export const SIBLING = makeAccountNumber('24', 2);
export const CARD = 'CARD-1';
export const TILL = '24-01';

export const opened: AccountEvent = {
  type: 'account.opened.v1',
  data: { accountNumber: ACCOUNT, schoolId: '24', className: '03Б', fullName: 'Иванова Алёна Петровна' },
};
export const cardIssued = (cardUid = CARD, replacesCardUid: string | null = null): AccountEvent => ({
  type: 'card.issued.v1',
  data: { accountNumber: ACCOUNT, cardUid, replacesCardUid },
});
export const cardActivated = (cardUid = CARD): AccountEvent => ({
  type: 'card.activated.v1',
  data: { accountNumber: ACCOUNT, cardUid, tillId: TILL },
});
export const cardBlocked = (cardUid = CARD, reason: 'lost' | 'stolen' | 'damaged' = 'lost'): AccountEvent => ({
  type: 'card.blocked.v1',
  data: { accountNumber: ACCOUNT, cardUid, reason },
});
export const toppedUp = (amount: number, paymentId = `pay-${amount}`): AccountEvent => ({
  type: 'account.topped-up.v1',
  data: { accountNumber: ACCOUNT, paymentId, channel: 'bank_online', amount, paidAt: '2024-01-17T21:30:00Z' },
});
export const corrected = (amount: number, correctionId = `cor-${amount}`): AccountEvent => ({
  type: 'account.corrected.v1',
  data: { accountNumber: ACCOUNT, correctionId, amount, reason: 'ошибка кассира' },
});
export const closed: AccountEvent = { type: 'account.closed.v1', data: { accountNumber: ACCOUNT, reason: 'выбыл' } };

/** An open account whose first card is active: ready to pay. */
export const readyAccount: AccountEvent[] = [opened, cardIssued(), cardActivated()];

export const openAccount = (over: Partial<OpenAccount> = {}): OpenAccount => ({
  type: 'OpenAccount',
  accountNumber: ACCOUNT,
  schoolId: '24',
  className: '3б',
  fullName: 'Иванова  Алёна Петровна',
  cardUid: CARD,
  ...over,
});
export const moveAccount = (over: Partial<MoveAccount> = {}): MoveAccount => ({
  type: 'MoveAccount',
  accountNumber: ACCOUNT,
  toSchoolId: '24',
  toClassName: '04Б',
  ...over,
});
export const closeAccount = (over: Partial<CloseAccount> = {}): CloseAccount => ({
  type: 'CloseAccount',
  accountNumber: ACCOUNT,
  reason: 'выбыл в другой город',
  settlement: { kind: 'refund', refundId: 'ref-1' },
  ...over,
});
export const receiveTransfer = (over: Partial<ReceiveTransfer> = {}): ReceiveTransfer => ({
  type: 'ReceiveTransfer',
  accountNumber: ACCOUNT,
  transferId: 'tr-1',
  fromAccountNumber: SIBLING,
  amount: 5000,
  ...over,
});
export const reissue = (over: Partial<IssueReplacementCard> = {}): IssueReplacementCard => ({
  type: 'IssueReplacementCard',
  accountNumber: ACCOUNT,
  newCardUid: 'CARD-2',
  ...over,
});
export const activate = (over: Partial<ActivateCard> = {}): ActivateCard => ({
  type: 'ActivateCard',
  accountNumber: ACCOUNT,
  cardUid: CARD,
  tillId: TILL,
  tillSchoolId: '24',
  ...over,
});
export const block = (over: Partial<BlockCard> = {}): BlockCard => ({
  type: 'BlockCard',
  accountNumber: ACCOUNT,
  cardUid: CARD,
  reason: 'lost',
  ...over,
});
/** When the ledger received the fixtures' sales and payments (the server clock). */
export const RECEIVED_AT = '2024-01-18T10:00:00+03:00';
export const topUp = (over: Partial<RecordTopUp> = {}): RecordTopUp => ({
  type: 'RecordTopUp',
  accountNumber: ACCOUNT,
  paymentId: 'sb-100500',
  channel: 'bank_online',
  amount: 50000,
  paidAt: '2024-01-17T21:30:00Z',
  receivedAt: RECEIVED_AT,
  ...over,
});
export const PIZZA = { name: 'Пицца 125 г', qty: 1, price: 3450 };
export const JUICE = { name: 'Сок в ассортименте 200 г', qty: 2, price: 1320 };
export const sale = (over: Partial<RecordSale> = {}): RecordSale => ({
  type: 'RecordSale',
  accountNumber: ACCOUNT,
  checkNumber: '24-001983',
  tillId: TILL,
  tillSchoolId: '24',
  cardUid: CARD,
  items: [PIZZA, JUICE],
  soldAt: '2024-01-18T09:10:00+03:00',
  receivedAt: RECEIVED_AT,
  ...over,
});
export const lines = (...items: { name: string; qty: number; price: number }[]): CheckItem[] =>
  items.map((item) => ({ ...item, amount: item.qty * item.price }));
export const saleDebited = (command: RecordSale): AccountEvent => {
  const items = lines(...command.items);
  return {
    type: 'account.sale-debited.v1',
    data: {
      accountNumber: command.accountNumber,
      checkNumber: command.checkNumber,
      schoolId: command.tillSchoolId,
      tillId: command.tillId,
      cardUid: command.cardUid,
      items,
      total: items.reduce((sum, item) => sum + item.amount, 0),
      soldAt: command.soldAt,
    },
  };
};
export const correction = (over: Partial<RecordCorrection> = {}): RecordCorrection => ({
  type: 'RecordCorrection',
  accountNumber: ACCOUNT,
  correctionId: 'cor-1',
  amount: 1000,
  reason: 'двойное списание',
  ...over,
});
