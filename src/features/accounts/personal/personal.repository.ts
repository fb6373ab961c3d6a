import type { Queryable } from '../../../db/database';

// SQL of the personal area: the person's own roles, sessions, preferences and personal data, and the
// anonymisation of an account. Every query is scoped by the user id of the logged-in person: there is no
// way to reach another person's rows from here.

// ------------------------------------------------------------------------------------------------ roles

export interface RoleView {
  id: string;
  role: 'citizen' | 'worker' | 'ente_admin' | 'ente_operator' | 'city' | 'spazio_operator';
  permission: string | null;
  organization_id: string | null;
  organization_name: string | null;
  location_id: string | null;
  location_name: string | null;
  valid_from: Date;
  valid_to: Date | null;
}

/** Roles valid now, with the names of their ente or Spazio WeMi (same validity rule as session.loadRoles). */
export async function activeRoles(q: Queryable, userId: string): Promise<RoleView[]> {
  return q.query<RoleView>(
    `select r.id, r.role, r.permission, r.organization_id, o.name as organization_name, r.location_id, l.name as location_name,
            r.valid_from, r.valid_to
       from user_role r
       left join organization o on o.id = r.organization_id
       left join location l on l.id = r.location_id
      where r.user_id = $1 and r.revoked_at is null and r.valid_from <= now() and (r.valid_to is null or r.valid_to > now())
      order by case r.role when 'citizen' then 0 when 'worker' then 1 when 'ente_admin' then 2 when 'ente_operator' then 3
                           when 'spazio_operator' then 4 else 5 end, o.name, l.name, r.permission`,
    [userId],
  );
}

// ---------------------------------------------------------------------------------------------- profile

export interface ProfileChange {
  givenName?: string;
  familyName?: string;
  /** null clears the address. */
  email?: string | null;
  phone?: string | null;
}

/** Writes the changed fields; a new e-mail address is unverified until its link is followed. */
export async function updateProfile(q: Queryable, userId: string, c: ProfileChange): Promise<void> {
  await q.query(
    `update app_user set
        given_name = case when $2 then $3 else given_name end,
        family_name = case when $4 then $5 else family_name end,
        email = case when $6 then $7 else email end,
        email_verified_at = case when $6 then null else email_verified_at end,
        phone = case when $8 then $9 else phone end,
        updated_at = now()
      where id = $1`,
    [
      userId,
      c.givenName !== undefined,
      c.givenName ?? null,
      c.familyName !== undefined,
      c.familyName ?? null,
      c.email !== undefined,
      c.email ?? null,
      c.phone !== undefined,
      c.phone ?? null,
    ],
  );
}

export async function emailTakenByOther(q: Queryable, email: string, userId: string): Promise<boolean> {
  const row = await q.maybeOne('select 1 from app_user where email = $1 and id <> $2', [email, userId]);
  return row !== undefined;
}

export async function acceptPrivacy(q: Queryable, userId: string, version: string): Promise<void> {
  await q.query('update app_user set privacy_version = $2, privacy_accepted_at = now(), updated_at = now() where id = $1', [userId, version]);
}

export interface NotificationPrefs {
  notify_email: boolean;
  notify_requests: boolean;
  notify_news: boolean;
}

export async function updateNotifications(q: Queryable, userId: string, p: NotificationPrefs): Promise<void> {
  await q.query('update app_user set notify_email = $2, notify_requests = $3, notify_news = $4, updated_at = now() where id = $1', [
    userId,
    p.notify_email,
    p.notify_requests,
    p.notify_news,
  ]);
}

// --------------------------------------------------------------------------------------------- sessions

export interface SessionView {
  id_hash: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  method: string;
  mfa_pending: boolean;
  ip: string | null;
  user_agent: string | null;
}

/** The person's sessions that are still valid (absolute and idle timeouts), most recently used first. */
export async function activeSessions(q: Queryable, userId: string, idleMinutes: number): Promise<SessionView[]> {
  return q.query<SessionView>(
    `select id_hash, created_at, last_seen_at, expires_at, method, mfa_pending, ip, user_agent
       from user_session
      where user_id = $1 and expires_at > now() and last_seen_at + make_interval(mins => $2) > now()
      order by last_seen_at desc, created_at desc`,
    [userId, idleMinutes],
  );
}

/** Deletes one session of this user; false when it is not theirs (or already gone). */
export async function deleteOwnSession(q: Queryable, userId: string, idHash: string): Promise<boolean> {
  const rows = await q.query('delete from user_session where id_hash = $1 and user_id = $2 returning id_hash', [idHash, userId]);
  return rows.length > 0;
}

// ------------------------------------------------------------------------------------- export (art. 15)

export interface ExportRole {
  role: string;
  permission: string | null;
  organization: string | null;
  spazio_wemi: string | null;
  valid_from: Date;
  valid_to: Date | null;
  granted_at: Date;
  revoked_at: Date | null;
}

/** Every role ever granted, revoked ones included (who granted it is another person's data: left out). */
export async function allRoles(q: Queryable, userId: string): Promise<ExportRole[]> {
  return q.query<ExportRole>(
    `select r.role, r.permission, o.name as organization, l.name as spazio_wemi, r.valid_from, r.valid_to,
            r.created_at as granted_at, r.revoked_at
       from user_role r
       left join organization o on o.id = r.organization_id
       left join location l on l.id = r.location_id
      where r.user_id = $1
      order by r.created_at`,
    [userId],
  );
}

/** Every session row of the person, expired ones included (the export leaves the id hash out). */
export async function allSessions(q: Queryable, userId: string): Promise<SessionView[]> {
  return q.query<SessionView>(
    `select id_hash, created_at, last_seen_at, expires_at, method, mfa_pending, ip, user_agent
       from user_session where user_id = $1 order by created_at`,
    [userId],
  );
}

/** Single-use links sent to the person: purpose and dates only, never the token hash. */
export async function allTokens(q: Queryable, userId: string): Promise<{ purpose: string; created_at: Date; expires_at: Date; used_at: Date | null }[]> {
  return q.query(`select purpose, created_at, expires_at, used_at from one_time_token where user_id = $1 order by created_at`, [userId]);
}

/** E-mail messages addressed to the person: subject, status and dates (bodies may hold live single-use links). */
export async function mailsTo(q: Queryable, address: string): Promise<{ subject: string; status: string; created_at: Date; sent_at: Date | null }[]> {
  return q.query(`select subject, status, created_at, sent_at from email_outbox where to_address = $1 order by created_at`, [address]);
}

export interface ExportAuditRow {
  at: Date;
  action: string;
  by_me: boolean;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/**
 * Audit entries where the person is the actor or the target. For entries written by someone else (e.g. a
 * City operator granting a role) the actor's identity is left out: it is that operator's personal data.
 */
export async function auditEntries(q: Queryable, userId: string): Promise<ExportAuditRow[]> {
  return q.query<ExportAuditRow>(
    `select at, action, actor_id is not distinct from $1::uuid as by_me, target_type, target_id,
            case when actor_id is not distinct from $1::uuid then ip end as ip, details
       from audit_log
      where actor_id = $1::uuid or (target_type = 'user' and target_id = $1::text)
      order by at, id`,
    [userId],
  );
}

export interface ExportSecondFactor {
  /** An authenticator app being set up (waiting for its first code) since then; null when none. */
  setup_started_at: Date | null;
  codes_total: number;
  codes_remaining: number;
  codes_generated_at: Date | null;
  codes_last_used_at: Date | null;
}

/**
 * The state of the second factor beyond the account row: an app being set up and the recovery codes (how
 * many, how many left, when made, when last used). Dates and counts only: never a secret, a code or a hash.
 */
export async function secondFactorState(q: Queryable, userId: string): Promise<ExportSecondFactor> {
  return q.one<ExportSecondFactor>(
    `select (select created_at from totp_enrolment where user_id = $1) as setup_started_at,
            count(*)::int as codes_total, (count(*) filter (where used_at is null))::int as codes_remaining,
            min(created_at) as codes_generated_at, max(used_at) as codes_last_used_at
       from recovery_code where user_id = $1`,
    [userId],
  );
}

/**
 * Throttling counters about the person: those keyed by their e-mail address (login, reset, registration) and by
 * their account id (second factor, re-authentication). Exact suffixes, no LIKE: addresses may contain `_` or `%`.
 */
const PERSON_KEYS = `(($1 <> '' and right(key, length(':email:' || $1)) = ':email:' || $1) or right(key, length(':user:' || $2)) = ':user:' || $2)`;

export async function throttleEntries(q: Queryable, email: string | null, userId: string): Promise<{ key: string; failures: number; window_started_at: Date; locked_until: Date | null }[]> {
  return q.query(`select key, failures, window_started_at, locked_until from auth_throttle where ${PERSON_KEYS} order by key`, [email ?? '', userId]);
}

// ------------------------------------------------------------------------------------ deletion (art. 17)

export const DELETED_LABEL = 'utente eliminato';

/**
 * Anonymises an account: every personal field is cleared, the row stays (status 'deleted') so that the
 * audit trail and the records of others keep pointing at something. Returns false when the account was
 * already deleted (a second, concurrent request).
 */
export async function anonymiseUser(q: Queryable, userId: string): Promise<boolean> {
  const rows = await q.query(
    `update app_user set
        email = null, email_verified_at = null, given_name = '', family_name = '', phone = null, birth_date = null,
        fiscal_code = null, password_hash = null, totp_secret = null, totp_enabled_at = null, totp_last_step = null,
        notify_email = false, notify_requests = false, notify_news = false,
        status = 'deleted', deleted_at = now(), updated_at = now()
      where id = $1 and status <> 'deleted' returning id`,
    [userId],
  );
  return rows.length > 0;
}

/** Revokes every role still open; the rows stay for the audit trail. */
export async function revokeAllRoles(q: Queryable, userId: string): Promise<number> {
  const rows = await q.query(`update user_role set revoked_at = now(), revoked_by = $1 where user_id = $1 and revoked_at is null returning id`, [userId]);
  return rows.length;
}

export async function deleteTokens(q: Queryable, userId: string): Promise<void> {
  await q.query('delete from one_time_token where user_id = $1', [userId]);
}

/**
 * Removes the person's identifiers from the audit trail, keeping the actions: the actor label of their
 * rows (and of rows that named them only by e-mail or codice fiscale, e.g. failed logins) becomes
 * 'utente eliminato', and those identifiers are replaced inside targets and details too.
 */
export async function scrubAudit(q: Queryable, userId: string, identifiers: string[]): Promise<void> {
  const ids = identifiers.filter((s) => s.length >= 3);
  await q.query(
    `update audit_log set
        actor_label = case when actor_id = $1::uuid or actor_label = any($2::text[]) then $3 else actor_label end,
        target_id = case when target_id = any($2::text[]) then $3 else target_id end
      where actor_id = $1::uuid or actor_label = any($2::text[]) or target_id = any($2::text[])`,
    [userId, ids, DELETED_LABEL],
  );
  for (const id of ids) {
    // Inside JSON an e-mail or codice fiscale appears verbatim (no character of theirs needs escaping).
    await q.query(`update audit_log set details = replace(details::text, $1, $2)::jsonb where strpos(details::text, $1) > 0`, [
      JSON.stringify(id).slice(1, -1),
      DELETED_LABEL,
    ]);
  }
}

/** Drops the messages addressed to the person, except one (the deletion confirmation, still to send). */
export async function deleteMailsTo(q: Queryable, address: string, exceptId: string): Promise<void> {
  await q.query('delete from email_outbox where to_address = $1 and id <> $2', [address, exceptId]);
}

export async function deleteThrottle(q: Queryable, email: string | null, userId: string): Promise<void> {
  await q.query(`delete from auth_throttle where ${PERSON_KEYS}`, [email ?? '', userId]);
}
