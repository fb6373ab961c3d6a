import type { Db } from '../../db/database';
import type { AnswerCode } from './feedback.schema';

export interface NewFeedback {
  pagePath: string;
  rating: number;
  answer: AnswerCode | undefined;
  details: string | undefined;
  locale: string;
  ip: string;
}

/**
 * Submissions for one page from one IP address in the last minute, counted from the audit log (no
 * in-memory state, so every app node sees the same number).
 */
export async function recentSubmissions(db: Db, pagePath: string, ip: string): Promise<number> {
  const row = await db.one<{ n: number }>(
    `select count(*)::int as n from audit_log
      where action = 'feedback.submit' and target_id = $1 and ip = $2 and at > now() - interval '1 minute'`,
    [pagePath, ip],
  );
  return row.n;
}

/** Stores one answer of the widget and its audit row, atomically. Returns the new id. */
export async function insertFeedback(db: Db, f: NewFeedback): Promise<string> {
  return db.transaction(async (tx) => {
    const row = await tx.one<{ id: string }>(
      `insert into page_feedback (page_path, rating, answer, details, locale) values ($1, $2, $3, $4, $5) returning id`,
      [f.pagePath, f.rating, f.answer ?? null, f.details ?? null, f.locale],
    );
    await tx.query(
      `insert into audit_log (actor_label, action, target_type, target_id, ip, details)
       values ('anonymous', 'feedback.submit', 'page', $1, $2, $3)`,
      [f.pagePath, f.ip, JSON.stringify({ feedbackId: row.id, rating: f.rating, answer: f.answer ?? null, locale: f.locale })],
    );
    return row.id;
  });
}
