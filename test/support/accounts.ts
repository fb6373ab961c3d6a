import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/database';
import { hashId } from '../../src/features/accounts/session';
import { createUser, grantRole, type RoleGrant } from '../../src/features/accounts/users.repository';
import { hashPassword } from '../../src/features/accounts/password';
import { PRIVACY_VERSION } from '../../src/features/accounts/login.service';
import { cookieSet } from './http';

// Accounts for route tests: users with roles, and a logged-in session cookie without going through a
// login form (the login flows have tests of their own).

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

let counter = 0;

export async function createTestUser(
  db: Db,
  opts: {
    kind?: 'citizen' | 'staff' | 'ente';
    email?: string;
    password?: string;
    roles?: Omit<RoleGrant, 'userId'>[];
    privacyAccepted?: boolean;
    givenName?: string;
    familyName?: string;
    fiscalCode?: string;
  } = {},
): Promise<TestUser> {
  counter++;
  const email = opts.email ?? `utente${counter}-${randomBytes(3).toString('hex')}@prova.example.org`;
  const password = opts.password ?? 'Una-password-lunga-42';
  const id = await createUser(db, {
    kind: opts.kind ?? 'citizen',
    email,
    emailVerified: true,
    passwordHash: await hashPassword(password),
    givenName: opts.givenName ?? 'Maria',
    familyName: opts.familyName ?? `Rossi ${counter}`,
    fiscalCode: opts.fiscalCode ?? null,
  });
  for (const r of opts.roles ?? [{ role: 'citizen' as const }]) await grantRole(db, { ...r, userId: id });
  if (opts.privacyAccepted !== false) {
    await db.query('update app_user set privacy_version = $2, privacy_accepted_at = now() where id = $1', [id, PRIVACY_VERSION]);
  }
  return { id, email, password };
}

/** A session cookie for the user (second factor considered given), as a login would set it. */
export async function sessionCookieFor(db: Db, userId: string, opts: { method?: string; mfaPending?: boolean } = {}): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await db.query(
    `insert into user_session (id_hash, user_id, expires_at, method, mfa_pending) values ($1, $2, now() + interval '12 hours', $3, $4)`,
    [hashId(id), userId, opts.method ?? 'password', opts.mfaPending ?? false],
  );
  return `wemi_session=${id}`;
}

/** Cookie header and CSRF token of a logged-in user, ready for app.inject(). */
export async function actingAs(app: FastifyInstance, db: Db, userId: string): Promise<{ cookie: string; token: string }> {
  return authWith(app, await sessionCookieFor(db, userId));
}

/**
 * The CSRF token that goes with a Cookie header (a session's token is bound to it), read from a page as a browser
 * reads it from its forms; a CSRF cookie the page sets (no live session) is added to the Cookie header.
 */
export async function authWith(app: FastifyInstance, cookie: string, page = '/note-legali'): Promise<{ cookie: string; token: string }> {
  const res = await app.inject({ method: 'GET', url: page, headers: { cookie } });
  const token = /name="wemi-csrf" content="([^"]+)"/.exec(res.body)?.[1] ?? /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
  if (!token) throw new Error(`no CSRF token on ${page} (${res.statusCode})`);
  const issued = cookieSet(res, 'wemi_csrf');
  return { cookie: issued ? `${cookie}; wemi_csrf=${issued}` : cookie, token };
}

/** The session cookie value a response sets ('' when it clears it), or undefined when it sets none. */
export const sessionFrom = (res: { headers: Record<string, unknown> }) => cookieSet(res, 'wemi_session');
