import { DomainError } from '../domain-error.js';

export const buffetItemNotFound = (itemId: string): DomainError =>
  new DomainError('buffet_item_not_found', `buffet item ${itemId} does not exist`, 'Позиция буфета не найдена', {
    itemId,
  });

export const buffetItemExists = (itemId: string): DomainError =>
  new DomainError(
    'buffet_item_exists',
    `buffet item ${itemId} already exists with other content; change it instead`,
    'Позиция буфета с таким идентификатором уже есть: измените её',
    { itemId },
  );

export const tooManyBuffetItems = (max: number): DomainError =>
  new DomainError(
    'too_many_buffet_items',
    `a school's buffet may have at most ${max} items`,
    `В ассортименте буфета не больше ${max} позиций`,
    { max },
  );

export const invalidBuffetItem = (field: string, message: string, messageRu: string): DomainError =>
  new DomainError('invalid_buffet_item', message, messageRu, { field });
