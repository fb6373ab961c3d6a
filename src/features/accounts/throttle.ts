import type { Queryable } from '../../db/database';

// Rate limiting and progressive lockout, shared by every app node (the counters live in the database).
// Each key ('login:email:…', 'login:ip:…', 'reset:ip:…') counts failures in a window; past the limit the
// key is locked, for longer each time: 1, 2, 4 … minutes (or the rule's own first lock), at most an hour.
// A success clears the key. How the login keys combine: lockout.service.ts (decision 0004).

export interface ThrottleRule {
  /** Failures allowed in the window before a lock. */
  limit: number;
  windowMinutes: number;
  /** The first lock, in seconds (60 unless said); each further lock doubles it. */
  firstLockSeconds?: number;
  /** The longest lock, in seconds (an hour unless said): no lock is ever permanent. */
  maxLockSeconds?: number;
}

export const RULES = {
  /** One account from one client (a browser that signed in to it before, else an IP address). */
  loginPair: { limit: 5, windowMinutes: 15 },
  /** One account from every client it does not know: guesses spread over many addresses. Slower, capped. */
  loginAccount: { limit: 20, windowMinutes: 60, firstLockSeconds: 300, maxLockSeconds: 3600 },
  /** One IP address over every account, for clients the account does not know (credential stuffing). */
  loginIp: { limit: 30, windowMinutes: 15 },
  emailLink: { limit: 5, windowMinutes: 60 },
  secondFactor: { limit: 5, windowMinutes: 15 },
} as const satisfies Record<string, ThrottleRule>;

/** Seconds until the key may try again, or 0. */
export async function lockedFor(q: Queryable, key: string): Promise<number> {
  const row = await q.maybeOne<{ s: number }>(
    `select greatest(0, ceil(extract(epoch from (locked_until - now()))))::int as s from auth_throttle where key = $1`,
    [key],
  );
  return row?.s ?? 0;
}

/** Records a failure; returns the seconds of the lock it caused (0 when still under the limit). */
export async function recordFailure(q: Queryable, key: string, rule: ThrottleRule): Promise<number> {
  const row = await q.one<{ failures: number }>(
    `insert into auth_throttle (key, failures, window_started_at) values ($1, 1, now())
     on conflict (key) do update set
       failures = case when auth_throttle.window_started_at < now() - make_interval(mins => $2) and
                             (auth_throttle.locked_until is null or auth_throttle.locked_until < now() - make_interval(mins => $2))
                       then 1 else auth_throttle.failures + 1 end,
       window_started_at = case when auth_throttle.window_started_at < now() - make_interval(mins => $2) and
                                     (auth_throttle.locked_until is null or auth_throttle.locked_until < now() - make_interval(mins => $2))
                                then now() else auth_throttle.window_started_at end
     returning failures`,
    [key, rule.windowMinutes],
  );
  if (row.failures < rule.limit || row.failures % rule.limit !== 0) return 0;
  // 1 minute (or the rule's first lock) at the first lock, doubling at each further one, capped at an hour.
  const seconds = Math.min((rule.firstLockSeconds ?? 60) * 2 ** (row.failures / rule.limit - 1), rule.maxLockSeconds ?? 3600);
  await q.query(`update auth_throttle set locked_until = now() + make_interval(secs => $2) where key = $1`, [key, seconds]);
  return seconds;
}

export async function clearFailures(q: Queryable, key: string): Promise<void> {
  await q.query('delete from auth_throttle where key = $1', [key]);
}

/**
 * Claims the report of the burst a key is in (the failures since its window started): true once per burst, on
 * whichever node asks first; false when it was reported already. Returns the failures counted with it.
 */
export async function claimBurst(q: Queryable, key: string): Promise<number | null> {
  const row = await q.maybeOne<{ failures: number }>(
    `update auth_throttle set burst_alerted_at = now()
      where key = $1 and (burst_alerted_at is null or burst_alerted_at < window_started_at) returning failures`,
    [key],
  );
  return row?.failures ?? null;
}

/**
 * Clears every login counter of an account ('login:…:email:<address>' or 'login:…:user:<id>', whichever client),
 * e.g. when its owner chose a new password through an e-mailed link. Exact suffix, no LIKE on the address.
 */
export async function clearLoginFailures(q: Queryable, account: string): Promise<void> {
  await q.query(`delete from auth_throttle where left(key, 6) = 'login:' and right(key, length(':' || $1)) = ':' || $1`, [account]);
}
