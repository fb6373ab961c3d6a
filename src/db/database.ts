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

/**
 * What a listener of a NOTIFY channel hears: 'notify' after every committed notification on the channel,
 * from any connection of any process (this process's own arrive before its committing statement resolves);
 * 'lost' when notifications may be missed from now on (the listening connection failed); 'ready' when
 * listening starts, or starts again after a loss.
 */
export type ChannelEvent = 'notify' | 'lost' | 'ready';

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Follows a NOTIFY channel (name: lower-case letters and underscores). Resolves once listening. */
  listen(channel: string, onEvent: (event: ChannelEvent, payload?: string) => void): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

function checkChannel(channel: string): string {
  if (!/^[a-z_]{1,63}$/.test(channel)) throw new Error(`Invalid channel name: ${channel}`);
  return channel;
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
    async listen(channel, onEvent) {
      // One connection: notifications are delivered while the committing statement completes.
      await db.listen(checkChannel(channel), (payload) => onEvent('notify', payload));
      onEvent('ready');
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

  // NOTIFY channels followed by this process. Every pool connection listens to them too, so that a change
  // committed by this process is heard before its COMMIT resolves (PostgreSQL delivers a session's own
  // notifications ahead of its ReadyForQuery): whoever wrote reads its write. A dedicated connection hears
  // the other processes' changes even when the pool has no connection open.
  const handlers = new Map<string, Set<(event: ChannelEvent, payload?: string) => void>>();
  const listeningOn = new WeakMap<pg.PoolClient, Set<string>>();
  const emit = (channel: string, event: ChannelEvent, payload?: string) => {
    for (const h of handlers.get(channel) ?? []) h(event, payload);
  };
  // The same notification reaches every listening connection of the process: listeners tell them apart by payload.
  const onNotification = (msg: pg.Notification) => emit(msg.channel, 'notify', msg.payload);
  async function ensureListening(client: pg.PoolClient): Promise<void> {
    let have = listeningOn.get(client);
    if (!have) {
      listeningOn.set(client, (have = new Set()));
      client.on('notification', onNotification);
    }
    for (const channel of handlers.keys()) {
      if (have.has(channel)) continue;
      await client.query(`listen ${channel}`);
      have.add(channel);
    }
  }
  /** Runs fn on a pool connection; `keepOnError()`: fn left the connection clean although it threw. */
  async function withClient<T>(fn: (client: pg.PoolClient) => Promise<T>, keepOnError = () => false): Promise<T> {
    const client = await pool.connect();
    try {
      await ensureListening(client);
      const result = await fn(client);
      client.release();
      return result;
    } catch (err) {
      // As pg.Pool#query does: a client that failed a query is not reused.
      client.release(keepOnError() ? undefined : (err as Error));
      throw err;
    }
  }

  let listener: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closing = false;
  let retry: NodeJS.Timeout | undefined;
  let retryMs = 500;
  async function connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    const lost = () => {
      if (listener !== client) return;
      listener = null;
      client.end().catch(() => undefined);
      for (const channel of handlers.keys()) emit(channel, 'lost');
      if (!closing) {
        clearTimeout(retry);
        retry = setTimeout(() => void startListener().catch(() => undefined), retryMs);
        retryMs = Math.min(retryMs * 2, 30_000);
      }
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', onNotification);
    listener = client;
    try {
      await client.connect();
      for (const channel of handlers.keys()) await client.query(`listen ${channel}`);
    } catch (err) {
      lost();
      throw err;
    }
    retryMs = 500;
    for (const channel of handlers.keys()) emit(channel, 'ready');
  }
  function startListener(): Promise<void> {
    clearTimeout(retry);
    connecting ??= connectListener().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  const runOn = (c: pg.PoolClient) => async (sql: string, params?: readonly unknown[]) =>
    (await c.query(sql, params as unknown[] | undefined)).rows as Record<string, unknown>[];
  const execOn = (c: pg.PoolClient) => async (sql: string) => {
    await c.query(sql);
  };
  const base = wrap(
    (sql, params) => withClient((c) => runOn(c)(sql, params)),
    (sql) => withClient((c) => execOn(c)(sql)),
  );
  return {
    ...base,
    kind: 'postgres',
    async transaction(fn) {
      let clean = true;
      return withClient(async (client) => {
        await client.query('begin');
        try {
          const result = await fn(wrap(runOn(client), execOn(client)));
          await client.query('commit');
          return result;
        } catch (err) {
          await client.query('rollback').catch(() => {
            clean = false;
          });
          throw err;
        }
      }, () => clean);
    },
    async listen(channel, onEvent) {
      checkChannel(channel);
      const known = handlers.has(channel);
      if (!known) handlers.set(channel, new Set());
      handlers.get(channel)!.add(onEvent);
      if (connecting) await connecting;
      if (!listener) return startListener();
      if (!known) await listener.query(`listen ${channel}`);
      onEvent('ready');
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
      closing = true;
      clearTimeout(retry);
      const l = listener;
      listener = null;
      await l?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string | null; poolSize?: number }): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir);
}
