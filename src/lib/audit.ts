import type { Queryable } from '../db/database';
import type { AuditAction } from './audit-actions';

export type { AuditAction } from './audit-actions';

// The audit log: every state change and every login, logout and failure, written in the same
// transaction as the change it records (so a rolled-back change leaves no audit row, and a committed
// one always has its row).

export interface AuditEntry {
  /** The acting user, when there is one. */
  actorId?: string | null | undefined;
  /** What identified the actor: an e-mail, a codice fiscale, 'anonymous' or 'system'. */
  actorLabel: string;
  /**
   * Dotted name, feature first: 'auth.login', 'users.role.grant', 'feedback.submit'. A new code is added, with its
   * Italian and English label, to the catalogue in src/lib/audit-actions.ts (the City's audit log shows the labels).
   */
  action: AuditAction;
  targetType?: string | null | undefined;
  targetId?: string | null | undefined;
  ip?: string | null | undefined;
  details?: Record<string, unknown> | undefined;
}

export async function audit(q: Queryable, e: AuditEntry): Promise<void> {
  await q.query(
    `insert into audit_log (actor_id, actor_label, action, target_type, target_id, ip, details)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [e.actorId ?? null, e.actorLabel, e.action, e.targetType ?? null, e.targetId ?? null, e.ip ?? null, JSON.stringify(e.details ?? {})],
  );
}
