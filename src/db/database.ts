import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/**
 * The one database interface of the application. Two implementations speak the same PostgreSQL dialect:
 * PGlite (embedded, the default) and a PostgreSQL server (when DATABASE_URL is set).
 * Always pass values as parameters ($1, $2 …); never build SQL from input.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  one<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T>;
  maybeOne<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs several statements without parameters (migrations, seeds). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export class NotFoundRowError extends Error {
  constructor() {
    super('Expected one row, found none');
  }
}

// Same JS types from both drivers: numeric and bigint as numbers, dates as 'YYYY-MM-DD' strings.
const toNumber = (v: string) => (v === null ? null : Number(v));
const identity = (v: string) => v;

function wrap(run: (sql: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>, exec: (sql: string) => Promise<void>): Queryable {
  return {
    query: run as Queryable['query'],
    async one<T>(sql: string, params?: readonly unknown[]) {
      const rows = await run(sql, params);
      if (rows.length === 0) throw new NotFoundRowError();
      return rows[0] as T;
    },
    async maybeOne<T>(sql: string, params?: readonly unknown[]) {
      const rows = await run(sql, params);
      return rows[0] as T | undefined;
    },
    exec,
  };
}

export async function openPglite(dataDir: string | null): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({
    ...(dataDir ? { dataDir: path.resolve(dataDir, 'pgdata') } : {}),
    extensions: { pg_trgm, unaccent },
    parsers: {
      [pgliteTypes.NUMERIC]: toNumber,
      [pgliteTypes.INT8]: toNumber,
      [pgliteTypes.DATE]: identity,
    },
  });
  const run = async (sql: string, params?: readonly unknown[]) =>
    (await db.query<Record<string, unknown>>(sql, params as unknown[] | undefined)).rows;
  const exec = async (sql: string) => {
    await db.exec(sql);
  };
  const base = wrap(run, exec);
  return {
    ...base,
    kind: 'pglite',
    async transaction(fn) {
      return db.transaction(async (tx) => {
        const q = wrap(
          async (sql, params) => (await tx.query<Record<string, unknown>>(sql, params as unknown[] | undefined)).rows,
          async (sql) => {
            await tx.exec(sql);
          },
        );
        return fn(q);
      });
    },
    async ping() {
      try {
        await db.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await db.close();
    },
  };
}

export async function openPostgres(url: string, poolSize: number): Promise<Db> {
  const parsers = {
    getTypeParser(oid: number, format?: string) {
      if (oid === 1700 || oid === 20) return toNumber;
      if (oid === 1082) return identity;
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: parsers as pg.CustomTypesConfig });
  pool.on('error', () => {
    // An idle client failed (server restart); the pool replaces it on next use.
  });
  const runOn = (c: pg.Pool | pg.PoolClient) => async (sql: string, params?: readonly unknown[]) =>
    (await c.query(sql, params as unknown[] | undefined)).rows as Record<string, unknown>[];
  const execOn = (c: pg.Pool | pg.PoolClient) => async (sql: string) => {
    await c.query(sql);
  };
  const base = wrap(runOn(pool), execOn(pool));
  return {
    ...base,
    kind: 'postgres',
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(wrap(runOn(client), execOn(client)));
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async ping() {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await pool.end();
    },
  };
}

export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string | null; poolSize?: number }): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir);
}
