import type { Queryable } from '../../db/database';

// The SQL of the login lockout (lockout.service.ts): browsers known to an account, and who hears of a burst.

/** Browsers that signed in less than this many days ago stay known to the account. */
export const KNOWN_DEVICE_DAYS = 180;

/** Whether the browser (the SHA-256 of its device cookie) signed in to the account with this e-mail recently. */
export async function isKnownDevice(q: Queryable, email: string, deviceHash: string): Promise<boolean> {
  const row = await q.maybeOne(
    `select 1 from login_device d join app_user u on u.id = d.user_id
      where u.email = $1 and d.device_hash = $2 and d.last_seen_at > now() - make_interval(days => $3)`,
    [email, deviceHash, KNOWN_DEVICE_DAYS],
  );
  return row !== undefined;
}

/** Remembers that the browser signed in to the account (or used an unlock link in it). */
export async function rememberDevice(q: Queryable, userId: string, deviceHash: string): Promise<void> {
  await q.query(
    `insert into login_device (user_id, device_hash) values ($1, $2)
     on conflict (user_id, device_hash) do update set last_seen_at = now()`,
    [userId, deviceHash],
  );
}

/** The addresses of the active City staff who manage users (they hear of bursts when no alert address is set). */
export async function userAdminAddresses(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ email: string }>(
    `select distinct u.email from app_user u join user_role r on r.user_id = u.id
      where u.status = 'active' and u.email is not null
        and r.role = 'city' and r.permission = 'users' and r.revoked_at is null
        and r.valid_from <= now() and (r.valid_to is null or r.valid_to > now())
      order by u.email`,
  );
  return rows.map((r) => r.email);
}
