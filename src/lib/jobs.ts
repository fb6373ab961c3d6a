import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database';

// Scheduled jobs that survive restarts and run once across every app node. The schedule lives in the
// table scheduled_job; each node's runner claims a due job by taking a lease in one statement (the row
// is selected FOR UPDATE SKIP LOCKED and stamped locked_until), runs it, then sets the next run and
// releases the lease. A node that dies mid-run leaves the lease to expire, and another node retries.

export interface JobDefinition {
  /** Unique name, e.g. 'catalogue.price-list-expiry'. */
  name: string;
  /** Time between the end of a run and the next one. */
  everyMs: number;
  /** Longest a run may take before another node may take it over. */
  leaseMs?: number;
  /** The work; returns figures for the job_run row. */
  run(db: Db): Promise<Record<string, unknown>>;
}

export const nodeName = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** Adds the jobs to the schedule (due now) when they are not there yet. */
export async function registerJobs(db: Db, jobs: readonly JobDefinition[]): Promise<void> {
  for (const job of jobs) {
    await db.query('insert into scheduled_job (name) values ($1) on conflict (name) do nothing', [job.name]);
  }
}

export interface JobOutcome {
  job: string;
  outcome: 'ok' | 'error';
  details: Record<string, unknown>;
}

/** Runs every job that is due and not leased by another node. Returns what this node ran. */
export async function runDueJobs(db: Db, jobs: readonly JobDefinition[], node: string): Promise<JobOutcome[]> {
  const done: JobOutcome[] = [];
  for (const job of jobs) {
    const leaseSeconds = Math.ceil((job.leaseMs ?? 10 * 60_000) / 1000);
    const claimed = await db.maybeOne<{ name: string; started: Date }>(
      `update scheduled_job set locked_until = now() + make_interval(secs => $2), locked_by = $3, last_started_at = now()
        where name = (select name from scheduled_job
                       where name = $1 and next_run_at <= now() and (locked_until is null or locked_until < now())
                       for update skip locked)
        returning name, last_started_at as started`,
      [job.name, leaseSeconds, node],
    );
    if (!claimed) continue;
    let outcome: JobOutcome;
    try {
      outcome = { job: job.name, outcome: 'ok', details: await job.run(db) };
    } catch (err) {
      outcome = { job: job.name, outcome: 'error', details: { error: String((err as Error)?.message ?? err).slice(0, 1000) } };
    }
    await db.transaction(async (tx) => {
      await tx.query(
        `update scheduled_job set next_run_at = now() + make_interval(secs => $2), locked_until = null, locked_by = null,
                last_finished_at = now(), runs = runs + 1, last_error = $3
          where name = $1 and locked_by = $4`,
        [job.name, job.everyMs / 1000, outcome.outcome === 'error' ? String(outcome.details.error) : null, node],
      );
      await tx.query(`insert into job_run (job, node, started_at, outcome, details) values ($1, $2, $3, $4, $5)`, [
        job.name,
        node,
        claimed.started,
        outcome.outcome,
        JSON.stringify(outcome.details),
      ]);
    });
    done.push(outcome);
  }
  return done;
}

/** Makes a job due now (an administrator's "run now", or a test). */
export async function makeDue(db: Db, name: string): Promise<void> {
  await db.query('update scheduled_job set next_run_at = now() where name = $1', [name]);
}

/** Polls for due jobs every `intervalMs` until stopped; never two rounds at once in this process. */
export function startJobRunner(
  db: Db,
  jobs: readonly JobDefinition[],
  opts: { intervalMs: number; node?: string; onError: (err: unknown) => void; onRun?: (o: JobOutcome) => void },
): { stop: () => Promise<void> } {
  const node = opts.node ?? nodeName();
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const ready = registerJobs(db, jobs).catch(opts.onError);
  const round = () => {
    if (running || stopped) return;
    running = ready
      .then(() => runDueJobs(db, jobs, node))
      .then((outcomes) => outcomes.forEach((o) => opts.onRun?.(o)))
      .catch(opts.onError)
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(round, opts.intervalMs);
  timer.unref();
  round();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
