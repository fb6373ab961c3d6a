import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database';
import { statisticsJob } from '../../src/db/statistics';
import { loadConfig } from '../../src/config';
import { allJobs } from '../../src/jobs';
import { createTestDb } from '../support/app';

// The embedded database has no autovacuum: a job gives its planner statistics; on a server it does nothing.

describe('planner statistics', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await createTestDb());
  });
  afterAll(async () => {
    await close?.();
  });

  it('is one of the scheduled jobs, every six hours', () => {
    const job = allJobs(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' })).find((j) => j.name === 'database.statistics');
    expect(job?.everyMs).toBe(6 * 60 * 60_000);
  });

  it('analyzes the embedded database, and leaves a server to autovacuum', async () => {
    const estimate = async () => (await db.one<{ n: number }>(`select reltuples::int as n from pg_class where relname = 'service'`)).n;
    const cards = (await db.one<{ n: number }>('select count(*)::int as n from service')).n;
    expect(cards).toBeGreaterThan(100);
    const result = await statisticsJob.run(db);
    if (db.kind === 'pglite') {
      expect(result).toEqual({ analyzedMs: expect.any(Number) });
      // The planner now knows how many cards there are (-1: never analyzed).
      expect(await estimate()).toBe(cards);
    } else {
      expect(result).toEqual({ skipped: expect.stringContaining('autovacuum') });
    }
  });
});
