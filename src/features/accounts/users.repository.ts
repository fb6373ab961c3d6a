import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/database';
import type { CityPermission } from '../../lib/http/access';
import { hashId } from './session';

// Accounts, roles and single-use tokens: the SQL shared by the login, e-mail link, personal-area and
// City back-office use cases.

export type AccountKind = 'citizen' | 'staff' | 'ente';
export type UserStatus = 'invited' | 'active' | 'suspended' | 'deleted';

export interface UserRow {
  id: string;
  kind: AccountKind;
  email: string | null;
  email_verified_at: Date | null;
  password_hash: string | null;
  fiscal_code: string | null;
  given_name: string;
  family_name: string;
  birth_date: string | null;
  phone: string | null;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: string | null;
  status: UserStatus;
  notify_email: boolean;
  notify_requests: boolean;
  notify_news: boolean;
  privacy_version: string | null;
  privacy_accepted_at: Date | null;
  created_at: Date;
  last_login_at: Date | null;
}

const USER_COLUMNS = `id, kind, email, email_verified_at, password_hash, fiscal_code, given_name, family_name,
  to_char(birth_date, 'YYYY-MM-DD') as birth_date, phone, totp_secret, totp_enabled_at, totp_last_step::text, status,
  notify_email, notify_requests, notify_news, privacy_version, privacy_accepted_at, created_at, last_login_at`;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function findUserById(q: Queryable, id: string): Promise<UserRow | undefined> {
  return q.maybeOne<UserRow>(`select ${USER_COLUMNS} from app_user where id = $1`, [id]);
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | undefined> {
  return q.maybeOne<UserRow>(`select ${USER_COLUMNS} from app_user where email = $1`, [normalizeEmail(email)]);
}

export async function findUserByFiscalCode(q: Queryable, fiscalCode: string): Promise<UserRow | undefined> {
  return q.maybeOne<UserRow>(`select ${USER_COLUMNS} from app_user where fiscal_code = $1`, [fiscalCode.toUpperCase()]);
}

export async function createUser(
  q: Queryable,
  u: {
    kind: AccountKind;
    email?: string | null;
    emailVerified?: boolean;
    passwordHash?: string | null;
    fiscalCode?: string | null;
    givenName?: string;
    familyName?: string;
    birthDate?: string | null;
    status?: UserStatus;
  },
): Promise<string> {
  const row = await q.one<{ id: string }>(
    `insert into app_user (kind, email, email_verified_at, password_hash, fiscal_code, given_name, family_name, birth_date, status)
     values ($1, $2, case when $3 then now() end, $4, $5, $6, $7, $8, $9) returning id`,
    [
      u.kind,
      u.email ? normalizeEmail(u.email) : null,
      u.emailVerified ?? false,
      u.passwordHash ?? null,
      u.fiscalCode ? u.fiscalCode.toUpperCase() : null,
      u.givenName ?? '',
      u.familyName ?? '',
      u.birthDate ?? null,
      u.status ?? 'active',
    ],
  );
  return row.id;
}

export interface RoleGrant {
  userId: string;
  role: 'citizen' | 'worker' | 'ente_admin' | 'ente_operator' | 'city' | 'spazio_operator';
  permission?: CityPermission | null;
  organizationId?: string | null;
  locationId?: string | null;
  validFrom?: Date | null;
  validTo?: Date | null;
  grantedBy?: string | null;
}

export async function grantRole(q: Queryable, g: RoleGrant): Promise<string> {
  const row = await q.one<{ id: string }>(
    `insert into user_role (user_id, role, permission, organization_id, location_id, valid_from, valid_to, granted_by)
     values ($1, $2, $3, $4, $5, coalesce($6, now()), $7, $8) returning id`,
    [g.userId, g.role, g.permission ?? null, g.organizationId ?? null, g.locationId ?? null, g.validFrom ?? null, g.validTo ?? null, g.grantedBy ?? null],
  );
  return row.id;
}

export async function revokeRole(q: Queryable, roleId: string, revokedBy: string): Promise<boolean> {
  const rows = await q.query(`update user_role set revoked_at = now(), revoked_by = $2 where id = $1 and revoked_at is null returning id`, [roleId, revokedBy]);
  return rows.length > 0;
}

export type TokenPurpose = 'verify_email' | 'reset_password' | 'invitation' | 'unlock_login';

/** Issues a single-use token; returns the raw value (only its hash is stored). Earlier tokens of the same purpose die. */
export async function issueToken(q: Queryable, userId: string, purpose: TokenPurpose, ttlMinutes: number, createdBy?: string | null): Promise<string> {
  await q.query(`update one_time_token set used_at = now() where user_id = $1 and purpose = $2 and used_at is null`, [userId, purpose]);
  const raw = randomBytes(32).toString('base64url');
  await q.query(
    `insert into one_time_token (token_hash, user_id, purpose, expires_at, created_by) values ($1, $2, $3, now() + make_interval(mins => $4), $5)`,
    [hashId(raw), userId, purpose, ttlMinutes, createdBy ?? null],
  );
  return raw;
}

/** Whether a token of this purpose was issued to the user in the last `minutes`. */
export async function recentToken(q: Queryable, userId: string, purpose: TokenPurpose, minutes: number): Promise<boolean> {
  const row = await q.maybeOne(
    `select 1 from one_time_token where user_id = $1 and purpose = $2 and created_at > now() - make_interval(mins => $3) limit 1`,
    [userId, purpose, minutes],
  );
  return row !== undefined;
}

export type TokenCheck = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** Looks a token up without using it (to show the form the link leads to). */
export async function checkToken(q: Queryable, raw: string, purpose: TokenPurpose): Promise<TokenCheck> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(raw)) return { ok: false, reason: 'invalid' };
  const row = await q.maybeOne<{ user_id: string; used: boolean; expired: boolean }>(
    `select user_id, used_at is not null as used, expires_at <= now() as expired from one_time_token where token_hash = $1 and purpose = $2`,
    [hashId(raw), purpose],
  );
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.used) return { ok: false, reason: 'used' };
  if (row.expired) return { ok: false, reason: 'expired' };
  return { ok: true, userId: row.user_id };
}

/** Uses a token: succeeds once, atomically (two concurrent uses cannot both succeed). */
export async function consumeToken(q: Queryable, raw: string, purpose: TokenPurpose): Promise<TokenCheck> {
  const check = await checkToken(q, raw, purpose);
  if (!check.ok) return check;
  const rows = await q.query(
    `update one_time_token set used_at = now() where token_hash = $1 and purpose = $2 and used_at is null and expires_at > now() returning user_id`,
    [hashId(raw), purpose],
  );
  return rows.length ? check : { ok: false, reason: 'used' };
}
