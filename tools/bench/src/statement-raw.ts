/**
 * The statement's reference figure: the rows a statement is made of (the account's
 * document and all its statement lines, in the index's order) read straight from the
 * read-model store file the running system uses: the same store calls as the query, no
 * HTTP, no shaping, no JSON answer.
 */
import { openSqliteReadModelStore } from '@meals/read-model-store/sqlite';
import { collections, TypedReadModels } from '@meals/read-models';
import { elapsedMs, percentile, roundTo } from './percentile.js';

export interface RawStatementOptions {
  /** the running system's read-model file (`$DATA_DIR/read-models.db`) */
  readModelsPath: string;
  accountNumber: string;
  iterations: number;
  warmup: number;
}

export interface RawStatementMeasurement {
  statementRawP95Ms: number;
  statementRawP50Ms: number;
  /** statement lines read */
  rows: number;
}

export async function measureRawStatement(options: RawStatementOptions): Promise<RawStatementMeasurement> {
  const store = await openSqliteReadModelStore({ path: options.readModelsPath });
  const readModels = new TypedReadModels(store);
  const read = async (): Promise<number> => {
    const account = await readModels.get(collections.accounts, options.accountNumber);
    if (!account)
      throw new Error(`statement reference: no account ${options.accountNumber} in ${options.readModelsPath}`);
    const lines = await readModels.find(collections.statementLines, {
      where: { accountNumber: options.accountNumber },
      orderBy: [{ field: 'at', direction: 'asc' }],
    });
    return lines.length;
  };
  try {
    for (let i = 0; i < options.warmup; i++) await read();
    const samples: number[] = [];
    let rows = 0;
    for (let i = 0; i < options.iterations; i++) {
      const started = process.hrtime.bigint();
      rows = await read();
      samples.push(elapsedMs(started, process.hrtime.bigint()));
    }
    return {
      statementRawP95Ms: roundTo(percentile(samples, 95), 3),
      statementRawP50Ms: roundTo(percentile(samples, 50), 3),
      rows,
    };
  } finally {
    await store.close();
  }
}
