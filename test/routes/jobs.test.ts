import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/app';
import { openDatabase, type Db } from '../../src/db/database';
import { makeDue, registerJobs, runDueJobs, type JobDefinition } from '../../src/lib/jobs';

// Scheduled jobs run once across app nodes, keep their schedule across restarts, and record each run.

describe('scheduled jobs', () => {
  let db: Db;
  let second: Db;
  let close: () => Promise<void>;
  let runs = 0;
  const job: JobDefinition = {
    name: 'test.counter',
    everyMs: 60 * 60_000,
    run: async (d) => {
      runs++;
      // Long enough for the other node to try while this one holds the lease.
      await d.query('select pg_sleep(0.2)');
      return { runs };
    },
  };

  beforeAll(async () => {
    const created = await createTestDb({ seed: false });
    db = created.db;
    close = created.close;
    // A second node: its own connection pool on the same PostgreSQL database; on PGlite the same engine.
    second = created.url ? await openDatabase({ databaseUrl: created.url, dataDir: null, poolSize: 2 }) : db;
    await registerJobs(db, [job]);
  });
  afterAll(async () => {
    if (second !== db) await second.close();
    await close?.();
  });

  it('runs a due job once even when two nodes look for due jobs at the same time', async () => {
    const [a, b] = await Promise.all([runDueJobs(db, [job], 'node-a'), runDueJobs(second, [job], 'node-b')]);
    expect(a.length + b.length).toBe(1);
    expect(runs).toBe(1);
    const row = await db.one<{ runs: number; locked_until: Date | null; due_later: boolean }>(
      `select runs, locked_until, next_run_at > now() + interval '59 minutes' as due_later from scheduled_job where name = $1`,
      [job.name],
    );
    expect(row).toEqual({ runs: 1, locked_until: null, due_later: true });
    expect((await db.one<{ n: number }>(`select count(*)::int as n from job_run where job = $1 and outcome = 'ok'`, [job.name])).n).toBe(1);
  });

  it('does not run again before it is due, and keeps its schedule when the nodes restart', async () => {
    expect(await runDueJobs(db, [job], 'node-a')).toEqual([]);
    // A restart registers the jobs again: the schedule in the database is kept, not reset.
    await registerJobs(second, [job]);
    expect(await runDueJobs(second, [job], 'node-c')).toEqual([]);
    await makeDue(db, job.name);
    expect((await runDueJobs(second, [job], 'node-c')).map((o) => o.outcome)).toEqual(['ok']);
    expect(runs).toBe(2);
  });

  it('takes over a job whose node died during the run (expired lease), and records failures', async () => {
    await db.query(`update scheduled_job set next_run_at = now(), locked_until = now() + interval '1 hour', locked_by = 'dead-node' where name = $1`, [job.name]);
    expect(await runDueJobs(db, [job], 'node-a')).toEqual([]);
    await db.query(`update scheduled_job set locked_until = now() - interval '1 second' where name = $1`, [job.name]);
    expect((await runDueJobs(db, [job], 'node-a')).length).toBe(1);
    const failing: JobDefinition = { name: 'test.failing', everyMs: 1000, run: async () => { throw new Error('boom'); } };
    await registerJobs(db, [failing]);
    expect(await runDueJobs(db, [failing], 'node-a')).toEqual([{ job: 'test.failing', outcome: 'error', details: { error: 'boom' } }]);
    expect((await db.one<{ last_error: string }>('select last_error from scheduled_job where name = $1', [failing.name])).last_error).toBe('boom');
  });
});
