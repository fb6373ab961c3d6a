import type { Queryable } from '../../../db/database';

// SQL of the "Sicurezza" page: the password, the second factor (the secret logins check and the one being
// set up) and the recovery codes (migration 0008). Every query is scoped by the account's id.

export async function setPasswordHash(q: Queryable, userId: string, passwordHash: string): Promise<void> {
  await q.query('update app_user set password_hash = $2, updated_at = now() where id = $1', [userId, passwordHash]);
}

// ------------------------------------------------------------------------------------------ second factor

/** The secret being set up, waiting for its first code; undefined when none. */
export async function pendingTotpSecret(q: Queryable, userId: string): Promise<string | undefined> {
  const row = await q.maybeOne<{ secret: string }>('select secret from totp_enrolment where user_id = $1', [userId]);
  return row?.secret;
}

/** Starts setting up an app: a new pending secret replaces any earlier one. */
export async function savePendingTotpSecret(q: Queryable, userId: string, secret: string): Promise<void> {
  await q.query(
    `insert into totp_enrolment (user_id, secret) values ($1, $2)
     on conflict (user_id) do update set secret = excluded.secret, created_at = now()`,
    [userId, secret],
  );
}

/** Takes the pending secret when it is still this one: of two confirmations at once, one wins. */
export async function takePendingTotpSecret(q: Queryable, userId: string, secret: string): Promise<boolean> {
  const rows = await q.query('delete from totp_enrolment where user_id = $1 and secret = $2 returning user_id', [userId, secret]);
  return rows.length > 0;
}

/** The confirmed secret becomes the one logins check; the step of its first code is used up. */
export async function enableTotp(q: Queryable, userId: string, secret: string, step: number): Promise<void> {
  await q.query(
    'update app_user set totp_secret = $2, totp_enabled_at = now(), totp_last_step = $3, updated_at = now() where id = $1',
    [userId, secret, step],
  );
}

/** Turns the second factor off (and drops a secret being set up); false when it was already off. */
export async function disableTotp(q: Queryable, userId: string): Promise<boolean> {
  const rows = await q.query(
    `update app_user set totp_secret = null, totp_enabled_at = null, totp_last_step = null, updated_at = now()
      where id = $1 and totp_enabled_at is not null returning id`,
    [userId],
  );
  await q.query('delete from totp_enrolment where user_id = $1', [userId]);
  return rows.length > 0;
}

// ----------------------------------------------------------------------------------------- recovery codes

export interface RecoveryCodeCount {
  /** Codes of the current batch. */
  total: number;
  /** Not used yet. */
  remaining: number;
}

export async function recoveryCodeCount(q: Queryable, userId: string): Promise<RecoveryCodeCount> {
  return q.one<RecoveryCodeCount>(
    `select count(*)::int as total, (count(*) filter (where used_at is null))::int as remaining
       from recovery_code where user_id = $1`,
    [userId],
  );
}

/**
 * An id of the current batch of codes, null when there is none: a new batch deletes every earlier row, so
 * the value changes with each batch (and only then: using a code keeps its row).
 */
export async function recoveryBatchId(q: Queryable, userId: string): Promise<string | null> {
  const row = await q.one<{ id: string | null }>('select min(id::text) as id from recovery_code where user_id = $1', [userId]);
  return row.id;
}

/** Holds the account row until the end of the transaction: changes of its codes happen one at a time. */
export async function lockAccount(q: Queryable, userId: string): Promise<void> {
  await q.query('select id from app_user where id = $1 for update', [userId]);
}

/** A new batch replaces every earlier code, used or not; returns how many earlier codes were still unused. */
export async function replaceRecoveryCodes(q: Queryable, userId: string, hashes: readonly string[]): Promise<number> {
  const old = await q.query<{ used: boolean }>('delete from recovery_code where user_id = $1 returning used_at is not null as used', [userId]);
  await q.query('insert into recovery_code (user_id, code_hash) select $1, h from unnest($2::text[]) as h', [userId, hashes]);
  return old.filter((r) => !r.used).length;
}

/** Uses a code: succeeds once, atomically (two logins with the same code cannot both pass). */
export async function useRecoveryCode(q: Queryable, userId: string, codeHash: string): Promise<boolean> {
  const rows = await q.query(
    'update recovery_code set used_at = now() where user_id = $1 and code_hash = $2 and used_at is null returning id',
    [userId, codeHash],
  );
  return rows.length > 0;
}

export async function deleteRecoveryCodes(q: Queryable, userId: string): Promise<number> {
  const rows = await q.query('delete from recovery_code where user_id = $1 returning id', [userId]);
  return rows.length;
}
