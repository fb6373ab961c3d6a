import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openDatabase, type Db } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { seedDemoData } from '../../src/db/seed/demo';
import { buildAssets, type AssetStore } from '../../src/web/assets';
import { cookieSet } from './http';

// Route tests run the real application on a real database: an in-memory PGlite by default, or a fresh
// database on the PostgreSQL server named by TEST_DATABASE_URL / DATABASE_URL (created and dropped here).

let assetsPromise: Promise<AssetStore> | undefined;
const sharedAssets = () => (assetsPromise ??= buildAssets());

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  close(): Promise<void>;
}

async function createServerDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `wemi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A migrated database (seeded with the demo data unless `seed: false`). */
export async function createTestDb(opts: { seed?: boolean } = {}): Promise<{ db: Db; close: () => Promise<void>; url: string | null }> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let db: Db;
  let drop = async () => {};
  let url: string | null = null;
  if (serverUrl) {
    const created = await createServerDatabase(serverUrl);
    url = created.url;
    db = await openDatabase({ databaseUrl: created.url, dataDir: null, poolSize: 4 });
    drop = created.drop;
  } else {
    db = await openDatabase({ dataDir: null });
  }
  await migrate(db);
  if (opts.seed !== false) await seedDemoData(db);
  return {
    db,
    /** The server database's URL (to open a second connection pool, as a second app node would), or null on PGlite. */
    url,
    close: async () => {
      await db.close();
      await drop();
    },
  };
}

/** The CSRF secret of test apps (set so that an app with NODE_ENV=production starts too). */
export const TEST_CSRF_SECRET = 'test-csrf-secret-0123456789abcdef0123';

export async function createTestApp(opts: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const { db, close } = await createTestDb(opts);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CSRF_SECRET: TEST_CSRF_SECRET, ...opts.env });
  const app = await buildApp({ config, db, assets: await sharedAssets() });
  await app.ready();
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await close();
    },
  };
}

/** Cookie and token for a state-changing request through app.inject(). */
export async function csrfFor(app: FastifyInstance): Promise<{ cookie: string; token: string }> {
  // A page with a form: the token is made, and sent as a cookie, when a form needs it.
  const res = await app.inject({ method: 'GET', url: '/accedi/credenziali' });
  const token = cookieSet(res, 'wemi_csrf')!;
  return { cookie: `wemi_csrf=${token}`, token };
}
