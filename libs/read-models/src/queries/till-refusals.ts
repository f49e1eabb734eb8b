import { collections } from '../collections.js';
import type { TillRefusalDoc } from '../documents.js';
import type { TypedReadModels } from '../typed-read-models.js';

export type TillRefusalView = Omit<TillRefusalDoc, '_id' | 'schoolId'>;

/** The school's reported refused offline checks, newest report first. */
export async function schoolTillRefusals(
  readModels: TypedReadModels,
  schoolId: string,
  limit: number,
): Promise<TillRefusalView[]> {
  const docs = await readModels.find(collections.tillRefusals, {
    where: { schoolId },
    orderBy: [{ field: 'reportedAt', direction: 'desc' }],
    limit,
  });
  return docs.map(({ _id: _doc, schoolId: _school, ...refusal }) => refusal);
}
