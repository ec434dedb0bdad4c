import {
  createTestDatabase,
  startTestApp,
  type DbKind,
  type TestApp,
  type TestDatabase,
} from './test-app';

/** Two running API instances sharing one database (and data folder). */
export interface TwoInstances {
  a: TestApp;
  b: TestApp;
}

/**
 * Registers, in the calling `describe`, the start of two API instances on one fresh
 * database of the given kind (migrations applied by the first) and their shutdown.
 * The returned object is filled once the suite's first `beforeAll` has run.
 */
export function twoInstancesOnOneDatabase(
  kind: DbKind,
  env: Record<string, string> = {},
): TwoInstances {
  const pair = {} as TwoInstances;
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    pair.a = await startTestApp(db, env);
    pair.b = await startTestApp(db, env);
  }, 90_000);
  afterAll(async () => {
    await pair.b?.close();
    await pair.a?.close();
    await db?.drop();
  });
  return pair;
}
