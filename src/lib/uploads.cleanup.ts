import type { Db, Queryable } from '../db/database';
import { audit } from './audit';
import type { JobDefinition } from './jobs';

// Stored files nothing refers to any more — a logo or document replaced, an attachment removed, the row that
// owned a file deleted — are deleted by the daily job 'uploads.cleanup'. What "refers to" means is read from the
// catalogue at every run: every foreign key to stored_file (pg_constraint), so a table added later is covered
// without touching this file. Only files older than MIN_AGE_HOURS go, so a file stored a moment before the row
// that will point to it (or during a long form) is never lost. Files are deleted in batches of BATCH_SIZE rows,
// each its own short transaction with one audit row (a count, nothing personal: no names, no uploaders), and at
// most MAX_BATCHES per run; what is left waits for the next run.

export const CLEANUP_JOB = 'uploads.cleanup';
export const MIN_AGE_HOURS = 24;
export const BATCH_SIZE = 100;
export const MAX_BATCHES = 100;

/** A column (or set of columns) that refers to stored_file through a foreign key. */
export interface StoredFileReference {
  table: string;
  columns: string[];
  /** `exists (…)` over that table for the stored_file row aliased `f`; identifiers quoted by the server. */
  test: string;
}

/** Every foreign key to stored_file, from the catalogue (partitions inherit their parent's, so only the parent's). */
export async function storedFileReferences(q: Queryable): Promise<StoredFileReference[]> {
  const rows = await q.query<{ table_name: string; columns: string[]; test: string }>(
    `select c.relname as table_name,
            array_agg(a.attname::text order by u.ord) as columns,
            format('exists (select 1 from %I.%I r where %s)', n.nspname, c.relname,
                   string_agg(format('r.%I = f.%I', a.attname, fa.attname), ' and ' order by u.ord)) as test
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_namespace n on n.oid = c.relnamespace
       cross join lateral unnest(k.conkey, k.confkey) with ordinality as u(attnum, fattnum, ord)
       join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum
       join pg_attribute fa on fa.attrelid = k.confrelid and fa.attnum = u.fattnum
      where k.contype = 'f' and k.confrelid = 'stored_file'::regclass and k.conparentid = 0
      group by k.oid, n.nspname, c.relname
      order by c.relname, k.conname`,
  );
  return rows.map((r) => ({ table: r.table_name, columns: r.columns, test: r.test }));
}

export interface CleanupResult {
  deleted: number;
  bytes: number;
  batches: number;
  /** Whether the run stopped at MAX_BATCHES with more to delete (the next run goes on). */
  more: boolean;
  references: number;
}

const isForeignKeyViolation = (err: unknown) => (err as { code?: unknown } | null)?.code === '23503';

/** Deletes stored files older than `minAgeHours` that no foreign key refers to, in batches. */
export async function deleteUnreferencedFiles(
  db: Db,
  opts: { minAgeHours?: number; batchSize?: number; maxBatches?: number } = {},
): Promise<CleanupResult> {
  const minAgeHours = opts.minAgeHours ?? MIN_AGE_HOURS;
  const batchSize = opts.batchSize ?? BATCH_SIZE;
  const maxBatches = opts.maxBatches ?? MAX_BATCHES;
  const references = await storedFileReferences(db);
  // No reference found means the catalogue was not read as expected: deleting "unreferenced" files then would
  // delete them all. Refuse instead (the job run records the error).
  if (references.length === 0) throw new Error('No foreign key to stored_file found: nothing deleted');
  // Rows locked by someone else (a transaction adding a reference holds a key-share lock) are skipped.
  const sql = `delete from stored_file where id in (
      select f.id from stored_file f
       where f.created_at < now() - make_interval(hours => $1)
         ${references.map((r) => `and not ${r.test}`).join('\n         ')}
       order by f.created_at, f.id
       limit $2
       for update skip locked)
    returning size_bytes`;
  const result: CleanupResult = { deleted: 0, bytes: 0, batches: 0, more: false, references: references.length };
  while (result.batches < maxBatches) {
    result.batches++;
    let batch: { count: number; bytes: number };
    try {
      batch = await db.transaction(async (tx) => {
        const gone = await tx.query<{ size_bytes: number }>(sql, [minAgeHours, batchSize]);
        const bytes = gone.reduce((sum, r) => sum + Number(r.size_bytes), 0);
        if (gone.length) await audit(tx, { actorLabel: 'system', action: 'uploads.cleanup', targetType: 'stored_file', details: { job: CLEANUP_JOB, deleted: gone.length, bytes } });
        return { count: gone.length, bytes };
      });
    } catch (err) {
      // A reference committed after the batch read its snapshot: the batch rolled back as a whole; the next
      // batch sees the reference and leaves that file alone.
      if (!isForeignKeyViolation(err)) throw err;
      continue;
    }
    result.deleted += batch.count;
    result.bytes += batch.bytes;
    if (batch.count < batchSize) return result;
  }
  result.more = true;
  return result;
}

/** The job of the uploads: once a day. */
export const uploadJobs: JobDefinition[] = [
  {
    name: CLEANUP_JOB,
    everyMs: 24 * 60 * 60_000,
    leaseMs: 30 * 60_000,
    run: async (db) => ({ ...(await deleteUnreferencedFiles(db)) }),
  },
];
