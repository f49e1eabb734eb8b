import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { openMongoReadModelStore } from '@meals/read-model-store/mongodb';
import { describeReadModelStoreContract } from './read-model-store.contract.js';

const url = process.env['MONGODB_URL'];

if (url) {
  describeReadModelStoreContract(
    `MongoDB (${url})`,
    async () => {
      const dbName = `rms_contract_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      return {
        open: () => openMongoReadModelStore({ url, dbName, serverSelectionTimeoutMS: 3000 }),
        dispose: async () => {
          const client = await MongoClient.connect(url, { serverSelectionTimeoutMS: 3000 });
          await client.db(dbName).dropDatabase();
          await client.close();
        },
      };
    },
    { numRuns: 15 },
  );
} else {
  describe('ReadModelStore contract: MongoDB', () => {
    it.skip('runs only when MONGODB_URL points at a replica set (transactions need one); not set here', () => {});
  });
}
