import type { Db } from '../../src/db/database';

// The audit log as route tests read it: the rows an action wrote, by action, actor or target.

export interface AuditRow {
  action: string;
  actor_id: string | null;
  actor_label: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** Which rows: every condition given must hold. */
export interface AuditFilter {
  action?: string;
  actorId?: string;
  actorLabel?: string;
  targetId?: string;
}

function where(filter: AuditFilter): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const columns = { action: 'action', actorId: 'actor_id', actorLabel: 'actor_label', targetId: 'target_id' } as const;
  for (const [key, column] of Object.entries(columns)) {
    const value = filter[key as keyof AuditFilter];
    if (value === undefined) continue;
    params.push(value);
    conditions.push(`${column} = $${params.length}`);
  }
  return { sql: conditions.length ? `where ${conditions.join(' and ')}` : '', params };
}

const COLUMNS = 'action, actor_id, actor_label, target_type, target_id, ip, details';

/** The audit rows that match, oldest first. */
export function auditRows(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  const w = where(filter);
  return db.query<AuditRow>(`select ${COLUMNS} from audit_log ${w.sql} order by id`, w.params);
}

/** The newest audit row that matches, or undefined. */
export function lastAudit(db: Db, filter: AuditFilter): Promise<AuditRow | undefined> {
  const w = where(filter);
  return db.maybeOne<AuditRow>(`select ${COLUMNS} from audit_log ${w.sql} order by id desc limit 1`, w.params);
}

/** How many audit rows match. */
export async function auditCount(db: Db, filter: AuditFilter): Promise<number> {
  const w = where(filter);
  return (await db.one<{ n: number }>(`select count(*)::int as n from audit_log ${w.sql}`, w.params)).n;
}
