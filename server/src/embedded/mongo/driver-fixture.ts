import { MongoClient, type Collection, type Db } from 'mongodb';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startTestTarget, type AnyDoc, type TestTarget } from './test-support.js';

export interface DriverFixture {
  readonly target: TestTarget;
  readonly client: MongoClient;
  readonly db: Db;
  coll(name: string): Collection<AnyDoc>;
}

/**
 * Registers the hooks of a driver conformance file: a target (MONGODB_URI or a fresh embedded server), a
 * connected client, the file's own database emptied before each test and dropped at the end.
 */
export function useDriverFixture(label: string): DriverFixture {
  let state: { target: TestTarget; client: MongoClient; db: Db } | undefined;
  const current = () => {
    if (!state) throw new Error('the driver fixture is used before its beforeAll hook ran');
    return state;
  };
  beforeAll(async () => {
    const target = await startTestTarget(label);
    const client = await MongoClient.connect(target.url);
    state = { target, client, db: client.db(target.dbName) };
  });
  afterAll(async () => {
    const { target, client, db } = current();
    await db.dropDatabase();
    await client.close();
    await target.close();
  });
  beforeEach(async () => {
    await current().db.dropDatabase();
  });
  return {
    get target() {
      return current().target;
    },
    get client() {
      return current().client;
    },
    get db() {
      return current().db;
    },
    coll: (name) => current().db.collection<AnyDoc>(name),
  };
}
