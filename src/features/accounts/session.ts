import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { Db, Queryable } from '../../db/database';
import { cookiesOf } from '../../lib/http/csrf';
import type { Role } from '../../lib/http/access';

// Server-side sessions. The cookie carries 32 random bytes; the database keeps their SHA-256, so a leaked
// table gives no usable cookie. Any app node can serve any request: nothing is kept in memory.
// Idle timeout: last_seen_at + idle minutes; absolute timeout: expires_at. The id is rotated at login and
// whenever privileges change (the old row is deleted, a new one written).

export const SESSION_COOKIE = 'wemi_session';

/** The person behind a request, with the roles valid now. */
export interface Principal {
  id: string;
  /** E-mail or codice fiscale, for the audit log. */
  label: string;
  givenName: string;
  familyName: string;
  email: string | null;
  roles: Role[];
  /** Organisations (enti) the user acts for, as administrator or operator. */
  organizations: { id: string; role: 'ente_admin' | 'ente_operator' }[];
  /** Spazi WeMi (location ids) the user operates in. */
  spazi: string[];
  session: { idHash: string; method: string; idleExpiresAt: Date; expiresAt: Date };
}

/** A session whose password is checked but whose second factor is still to give or to enrol. */
export interface PendingMfa {
  userId: string;
  idHash: string;
  enrolled: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: Principal | null;
    pendingMfa: PendingMfa | null;
  }
}

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
  /** Secure on every cookie whatever the request (an https PUBLIC_BASE_URL, or production). */
  secureCookies: boolean;
}

/**
 * Whether a cookie set in answer to this request carries `Secure`: always when the settings say so, and whenever
 * the request came over TLS (`request.protocol` is 'https', read from X-Forwarded-Proto only when TRUST_PROXY is on).
 */
export const secureFor = (request: FastifyRequest, settings: Pick<SessionSettings, 'secureCookies'>): boolean =>
  settings.secureCookies || request.protocol === 'https';

export const hashId = (id: string) => createHash('sha256').update(id).digest('hex');

function cookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

interface RoleRow {
  role: string;
  permission: string | null;
  organization_id: string | null;
  location_id: string | null;
}

/** Roles valid now: not revoked, inside their validity window. */
export async function loadRoles(q: Queryable, userId: string): Promise<RoleRow[]> {
  return q.query<RoleRow>(
    `select role, permission, organization_id, location_id from user_role
      where user_id = $1 and revoked_at is null and valid_from <= now() and (valid_to is null or valid_to > now())`,
    [userId],
  );
}

export function flattenRoles(rows: RoleRow[]): Pick<Principal, 'roles' | 'organizations' | 'spazi'> {
  const roles = new Set<Role>();
  const organizations: Principal['organizations'] = [];
  const spazi: string[] = [];
  for (const r of rows) {
    if (r.role === 'city') roles.add(`city:${r.permission}` as Role);
    else roles.add(r.role as Role);
    if ((r.role === 'ente_admin' || r.role === 'ente_operator') && r.organization_id) organizations.push({ id: r.organization_id, role: r.role });
    if (r.role === 'spazio_operator' && r.location_id) spazi.push(r.location_id);
  }
  if ([...roles].some((r) => r.startsWith('city:'))) roles.add('city');
  return { roles: [...roles], organizations, spazi };
}

/**
 * Starts a session for a user and sets its cookie. Any session the request already had is ended first
 * (session-fixation defence: the id always changes at login and at every change of privilege).
 */
export async function startSession(
  db: Queryable,
  request: FastifyRequest,
  reply: FastifyReply,
  settings: SessionSettings,
  opts: { userId: string; method: string; mfaPending?: boolean },
): Promise<string> {
  const previous = cookiesOf(request)[SESSION_COOKIE];
  if (previous) await db.query('delete from user_session where id_hash = $1', [hashId(previous)]);
  const id = randomBytes(32).toString('base64url');
  const idHash = hashId(id);
  await db.query(
    `insert into user_session (id_hash, user_id, expires_at, method, mfa_pending, ip, user_agent)
     values ($1, $2, now() + make_interval(hours => $3), $4, $5, $6, $7)`,
    [idHash, opts.userId, settings.absoluteHours, opts.method, opts.mfaPending ?? false, request.ip, String(request.headers['user-agent'] ?? '').slice(0, 300)],
  );
  reply.header('set-cookie', cookie(id, settings.absoluteHours * 3600, secureFor(request, settings)));
  return idHash;
}

/** Ends the request's session (logout) and clears the cookie. */
export async function endSession(db: Queryable, request: FastifyRequest, reply: FastifyReply, settings: SessionSettings): Promise<void> {
  const id = cookiesOf(request)[SESSION_COOKIE];
  if (id) await db.query('delete from user_session where id_hash = $1', [hashId(id)]);
  reply.header('set-cookie', cookie('', 0, secureFor(request, settings)));
}

/** Ends every session of a user, except one (the current, when the user asks from a device). */
export async function endAllSessions(db: Queryable, userId: string, exceptIdHash?: string): Promise<number> {
  const rows = await db.query<{ id_hash: string }>(
    'delete from user_session where user_id = $1 and id_hash <> $2 returning id_hash',
    [userId, exceptIdHash ?? ''],
  );
  return rows.length;
}

interface SessionRow {
  id_hash: string;
  user_id: string;
  method: string;
  mfa_pending: boolean;
  expires_at: Date;
  last_seen_at: Date;
  idle_expires_at: Date;
  expired: boolean;
  stale: boolean;
  email: string | null;
  fiscal_code: string | null;
  given_name: string;
  family_name: string;
  status: string;
  totp_enabled_at: Date | null;
}

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * The session a request presents, for the CSRF tokens bound to it (src/lib/http/csrf.ts): its id (the cookie) and
 * whether it is live (found, valid, as the hook below read it). Nothing but the cookie: any node can answer.
 */
export function presentedSession(request: FastifyRequest): { id: string; live: boolean } | undefined {
  const id = cookiesOf(request)[SESSION_COOKIE];
  if (!id || !SESSION_ID.test(id)) return undefined;
  return { id, live: request.user !== null || request.pendingMfa !== null };
}

/** Reads the session cookie on every request and sets request.user (or request.pendingMfa). */
export function registerSessions(app: FastifyInstance, db: Db, settings: SessionSettings): void {
  app.decorateRequest('user', null);
  app.decorateRequest('pendingMfa', null);
  app.addHook('onRequest', async (request, reply) => {
    const id = cookiesOf(request)[SESSION_COOKIE];
    if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return;
    const idHash = hashId(id);
    const row = await db.maybeOne<SessionRow>(
      `select s.id_hash, s.user_id, s.method, s.mfa_pending, s.expires_at, s.last_seen_at,
              s.last_seen_at + make_interval(mins => $2) as idle_expires_at,
              (s.expires_at <= now() or s.last_seen_at + make_interval(mins => $2) <= now()) as expired,
              (s.last_seen_at < now() - interval '60 seconds') as stale,
              u.email, u.fiscal_code, u.given_name, u.family_name, u.status, u.totp_enabled_at
         from user_session s join app_user u on u.id = s.user_id
        where s.id_hash = $1`,
      [idHash, settings.idleMinutes],
    );
    if (!row || row.expired || row.status !== 'active') {
      if (row) await db.query('delete from user_session where id_hash = $1', [idHash]);
      reply.header('set-cookie', cookie('', 0, secureFor(request, settings)));
      return;
    }
    if (row.mfa_pending) {
      request.pendingMfa = { userId: row.user_id, idHash, enrolled: row.totp_enabled_at !== null };
      return;
    }
    // Touch at most once a minute: the idle timeout needs no precision finer than that.
    let idleExpiresAt = row.idle_expires_at;
    if (row.stale) {
      await db.query('update user_session set last_seen_at = now() where id_hash = $1', [idHash]);
      idleExpiresAt = new Date(Date.now() + settings.idleMinutes * 60_000);
    }
    const flat = flattenRoles(await loadRoles(db, row.user_id));
    request.user = {
      id: row.user_id,
      label: row.email ?? row.fiscal_code ?? row.user_id,
      givenName: row.given_name,
      familyName: row.family_name,
      email: row.email,
      ...flat,
      session: { idHash, method: row.method, idleExpiresAt: new Date(Math.min(idleExpiresAt.getTime(), row.expires_at.getTime())), expiresAt: row.expires_at },
    };
  });
}

/** Session settings derived from the configuration. */
export const sessionSettings = (config: Config): SessionSettings => ({
  idleMinutes: config.SESSION_IDLE_MINUTES,
  absoluteHours: config.SESSION_ABSOLUTE_HOURS,
  // Secure always in production or behind an https address; otherwise per request, when it came over TLS (session.ts).
  secureCookies: config.publicBaseUrl.startsWith('https://') || config.NODE_ENV === 'production',
});
