import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/app';
import { openDatabase, type Db } from '../../src/db/database';
import { cachedByCatalogue, catalogueGeneration, followCatalogue } from '../../src/lib/catalogue-cache';

// Catalogue caches hold while nothing in the catalogue changed: a process sees its own committed change at
// once, another node's within moments, and serves nothing from cache while it may miss changes.

async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never happened: ${what}`);
}

describe('catalogue cache invalidation', () => {
  let db: Db;
  let second: Db;
  let url: string | null;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const created = await createTestDb({ seed: false });
    ({ db, url, close } = created);
    // A second node: its own connection pool on the same PostgreSQL database; on PGlite the same engine.
    second = url ? await openDatabase({ databaseUrl: url, dataDir: null, poolSize: 2 }) : db;
    await followCatalogue(db);
    await followCatalogue(second);
    await db.query(`insert into taxonomy (id, code, name_it, name_en) values (gen_random_uuid(), 'test_tax', 'Prova', 'Test')`);
  });
  afterAll(async () => {
    if (second !== db) await second.close();
    await close?.();
  });

  it('has no generation, so caches nothing, for a database nobody follows', async () => {
    const other = url ? await openDatabase({ databaseUrl: url, dataDir: null, poolSize: 1 }) : null;
    const target = other ?? ({} as Db);
    expect(catalogueGeneration(target)).toBeNull();
    let loads = 0;
    await cachedByCatalogue(target, 'k', 60_000, async () => ++loads);
    await cachedByCatalogue(target, 'k', 60_000, async () => ++loads);
    expect(loads).toBe(2);
    await other?.close();
  });

  it('keeps a value until a committed change of the catalogue, which the writing process sees before its commit resolves', async () => {
    let loads = 0;
    const load = async () => ++loads;
    expect(await cachedByCatalogue(db, 'figure', 60_000, load)).toBe(1);
    expect(await cachedByCatalogue(db, 'figure', 60_000, load)).toBe(1);
    // A change outside the catalogue keeps the cache.
    await db.query(`insert into audit_log (action, target_type) values ('test.touch', 'test')`);
    expect(await cachedByCatalogue(db, 'figure', 60_000, load)).toBe(1);
    // A committed change of the catalogue: the very next read recomputes.
    await db.transaction(async (tx) => {
      await tx.query(`update taxonomy set name_en = 'Test 2' where code = 'test_tax'`);
      // Not committed yet: still the cached value.
      expect(await cachedByCatalogue(db, 'figure', 60_000, load)).toBe(1);
    });
    expect(await cachedByCatalogue(db, 'figure', 60_000, load)).toBe(2);
    // A rolled-back change notifies nobody.
    await db
      .transaction(async (tx) => {
        await tx.query(`update taxonomy set name_en = 'Test 3' where code = 'test_tax'`);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await cachedByCatalogue(db, 'figure', 60_000, load)).toBe(2);
  });

  it("drops a value computed while a change was being committed, rather than keep the old state under the new generation", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = cachedByCatalogue(db, 'slow', 60_000, async () => {
      const row = await db.one<{ name_en: string }>(`select name_en from taxonomy where code = 'test_tax'`);
      await gate;
      return row.name_en;
    });
    await db.query(`update taxonomy set name_en = 'Test 4' where code = 'test_tax'`);
    release();
    expect(await slow).toBe('Test 2');
    expect(await cachedByCatalogue(db, 'slow', 60_000, async () => 'Test 4')).toBe('Test 4');
  });

  it("hears another node's change", async () => {
    const before = catalogueGeneration(db);
    await second.query(`update taxonomy set name_en = 'Test 5' where code = 'test_tax'`);
    await eventually(() => catalogueGeneration(db) !== before, 'the first node hears the second one');
    expect(catalogueGeneration(db)).not.toBeNull();
  });

  it('stops caching when the listening connection is lost, and starts again once it listens again', async () => {
    if (!url) return; // PGlite: one in-process engine, no connection to lose.
    const generation = catalogueGeneration(second);
    expect(generation).not.toBeNull();
    // Every backend listening on the channel for the second node dies, as in a server restart or network cut.
    await db.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%'`,
    );
    await eventually(() => catalogueGeneration(second) === null || catalogueGeneration(second) !== generation, 'the loss is noticed');
    await eventually(() => catalogueGeneration(second) !== null, 'listening again');
    let loads = 0;
    await cachedByCatalogue(second, 'after', 60_000, async () => ++loads);
    await cachedByCatalogue(second, 'after', 60_000, async () => ++loads);
    expect(loads).toBe(1);
    // And it hears changes again.
    const now = catalogueGeneration(second);
    await db.query(`update taxonomy set name_en = 'Test 6' where code = 'test_tax'`);
    await eventually(() => catalogueGeneration(second) !== now, 'the second node hears changes again');
  });
});
