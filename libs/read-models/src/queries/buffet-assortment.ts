import { collections } from '../collections.js';
import type { BuffetItemDoc } from '../documents.js';
import type { TypedReadModels } from '../typed-read-models.js';

export interface BuffetItemView {
  itemId: string;
  name: string;
  price: number;
  category: string;
  active: boolean;
  favourite: boolean;
}

const byCategoryThenName = (a: BuffetItemDoc, b: BuffetItemDoc): number =>
  a.category.localeCompare(b.category, 'ru') || a.name.localeCompare(b.name, 'ru') || (a.itemId < b.itemId ? -1 : 1);

/** Every item of the school's buffet (inactive ones too), by category, then name. */
export async function buffetAssortment(readModels: TypedReadModels, schoolId: string): Promise<BuffetItemView[]> {
  const docs = await readModels.find(collections.buffetItems, { where: { schoolId } });
  return docs.sort(byCategoryThenName).map(({ itemId, name, price, category, active, favourite }) => ({
    itemId,
    name,
    price,
    category,
    active,
    favourite,
  }));
}
