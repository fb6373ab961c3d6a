import type { Db, Queryable } from '../../../db/database';
import type { MessageKey } from '../../../i18n/catalogue';
import type { Translate } from '../../../i18n/i18n';
import { audit } from '../../../lib/audit';
import { CITY_PERMISSIONS, type CityPermission } from '../../../lib/http/access';
import type { FieldIssue } from '../../../lib/http/errors';
import { bodyString } from '../../../web/forms';
import { endAllSessions } from '../session';
import { inviteUser, type InviteInput } from '../public/links.service';
import { grantRole, revokeRole, type UserStatus } from '../users.repository';
import { isActiveEnte, listAudit, overlappingGrant, roleOfUser, setUserStatus, type AuditFilter, type AuditRow } from './users-admin.repository';

// Use cases of the City back office on accounts: grant and revoke a role, suspend and reactivate an account,
// invite staff or an ente administrator. Each runs in one transaction with its audit row.
//
// Privilege changes end sessions: granting or revoking a role ends every open session of the person (they
// log in again, with a fresh second factor, to use what changed; roles are also re-read on every request, so a
// revocation bites at once even before that). When the person is the acting administrator, their other
// sessions end and the current one is rotated by the route (new id, same login) instead of logging them out.

/** Who acts, for the checks on oneself and for the audit row. */
export interface Actor {
  id: string;
  label: string;
  ip: string;
  /** Hash of the current session id: spared when the actor changes their own roles. */
  sessionIdHash: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

const fail = <T>(field: string, message: string): Outcome<T> => ({ ok: false, issues: [{ field, message }] });

/** Roles the back office grants (the others come from their own flows: citizen, worker, Spazio operator). */
export const GRANTABLE_ROLES = ['city', 'ente_admin', 'ente_operator'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string | undefined): s is string => s !== undefined && UUID.test(s);

// Dates. Forms send 'YYYY-MM-DD' (date inputs) or, from browsers without a date picker, 'DD/MM/YYYY'.
// A date means 00:00 in Milan.

const romeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Milan, 'YYYY-MM-DD'. */
export const todayInRome = (now: Date = new Date()) => romeDay.format(now);

/** A form date as 'YYYY-MM-DD', or undefined when empty, or null when not a real date. */
export function parseFormDate(raw: string | undefined): string | undefined | null {
  const s = raw?.trim() ?? '';
  if (s === '') return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 2000 || y > 2200 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** 00:00 of a day in Milan, as an instant. */
export function romeMidnight(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  // Milan's offset at that instant (DST changes at 01:00 UTC, so the offset at 00:00 UTC is the one of midnight).
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', hourCycle: 'h23' }).formatToParts(utcMidnight);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? '1');
  return new Date(utcMidnight.getTime() - hour * 3600_000);
}

export interface ValidityWindow {
  /** null: valid from now. */
  from: Date | null;
  to: Date | null;
  fromDay: string | undefined;
  toDay: string | undefined;
}

/** Validates the "valid from" and "expires on" fields: dates, from not in the past, expiry after start. */
export function parseWindow(body: unknown, t: Translate, issues: FieldIssue[], names = { from: 'dal', to: 'al' }): ValidityWindow {
  const today = todayInRome();
  const fromDay = parseFormDate(bodyString(body, names.from));
  const toDay = parseFormDate(bodyString(body, names.to));
  if (fromDay === null) issues.push({ field: names.from, message: t('cityUsers.error.date') });
  else if (fromDay !== undefined && fromDay < today) issues.push({ field: names.from, message: t('cityUsers.error.fromPast') });
  if (toDay === null) issues.push({ field: names.to, message: t('cityUsers.error.date') });
  else if (toDay !== undefined && toDay <= (fromDay ?? today)) issues.push({ field: names.to, message: t('cityUsers.error.toAfterFrom') });
  const from = fromDay && fromDay > today ? romeMidnight(fromDay) : null;
  return { from, to: toDay ? romeMidnight(toDay) : null, fromDay: fromDay ?? undefined, toDay: toDay ?? undefined };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Locks the account row for the change and reads its status; undefined when there is no such account. */
async function lockUser(tx: Queryable, userId: string): Promise<{ status: UserStatus; email: string | null; fiscal_code: string | null; password_hash: string | null; last_login_at: Date | null } | undefined> {
  return tx.maybeOne(`select status, email, fiscal_code, password_hash, last_login_at from app_user where id = $1 for update`, [userId]);
}

/** Ends the sessions of a person whose privileges changed (all of them; the actor's current one is spared and rotated). */
async function endSessionsAfterPrivilegeChange(tx: Queryable, actor: Actor, userId: string): Promise<number> {
  return endAllSessions(tx, userId, userId === actor.id ? actor.sessionIdHash : undefined);
}

// Grant a role

export interface GrantForm {
  role: GrantableRole;
  permission: CityPermission | null;
  organizationId: string | null;
  window: ValidityWindow;
}

export function parseGrantForm(body: unknown, t: Translate): Outcome<GrantForm> {
  const issues: FieldIssue[] = [];
  const role = bodyString(body, 'ruolo');
  const permission = bodyString(body, 'permesso');
  const ente = bodyString(body, 'ente');
  if (!role || !(GRANTABLE_ROLES as readonly string[]).includes(role)) issues.push({ field: 'ruolo', message: t('cityUsers.error.role') });
  if (role === 'city' && !(permission && (CITY_PERMISSIONS as readonly string[]).includes(permission))) {
    issues.push({ field: 'permesso', message: t('cityUsers.error.permission') });
  }
  if ((role === 'ente_admin' || role === 'ente_operator') && !isUuid(ente)) issues.push({ field: 'ente', message: t('cityUsers.error.ente') });
  const window = parseWindow(body, t, issues);
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    value: {
      role: role as GrantableRole,
      permission: role === 'city' ? (permission as CityPermission) : null,
      organizationId: role === 'city' ? null : ente!,
      window,
    },
  };
}

export async function grantUserRole(db: Db, actor: Actor, userId: string, form: GrantForm, t: Translate): Promise<Outcome<{ roleId: string; self: boolean }>> {
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (!user || user.status === 'deleted') return fail('ruolo', t('cityUsers.error.deleted'));
    if (form.organizationId && !(await isActiveEnte(tx, form.organizationId))) return fail('ente', t('cityUsers.error.ente'));
    const from = form.window.from ?? new Date();
    if (await overlappingGrant(tx, { userId, role: form.role, permission: form.permission, organizationId: form.organizationId, from, to: form.window.to })) {
      return fail('ruolo', t('cityUsers.error.duplicate'));
    }
    const roleId = await grantRole(tx, {
      userId,
      role: form.role,
      permission: form.permission,
      organizationId: form.organizationId,
      validFrom: form.window.from,
      validTo: form.window.to,
      grantedBy: actor.id,
    });
    const sessionsEnded = await endSessionsAfterPrivilegeChange(tx, actor, userId);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'users.role.grant',
      targetType: 'user',
      targetId: userId,
      ip: actor.ip,
      details: { roleId, role: form.role, permission: form.permission, organizationId: form.organizationId, validFrom: iso(form.window.from), validTo: iso(form.window.to), sessionsEnded },
    });
    return { ok: true, value: { roleId, self: userId === actor.id } };
  });
}

// Revoke a role

export async function revokeUserRole(db: Db, actor: Actor, userId: string, roleId: string, t: Translate): Promise<Outcome<{ self: boolean }>> {
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (!user || user.status === 'deleted') return fail('revoca', t('cityUsers.error.deleted'));
    const role = await roleOfUser(tx, userId, roleId);
    if (!role || role.state === 'revoked' || role.state === 'expired') return fail('revoca', t('cityUsers.error.notRevocable'));
    if (userId === actor.id && role.role === 'city' && role.permission === 'users') return fail('revoca', t('cityUsers.error.selfRevoke'));
    if (!(await revokeRole(tx, roleId, actor.id))) return fail('revoca', t('cityUsers.error.notRevocable'));
    const sessionsEnded = await endSessionsAfterPrivilegeChange(tx, actor, userId);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'users.role.revoke',
      targetType: 'user',
      targetId: userId,
      ip: actor.ip,
      details: { roleId, role: role.role, permission: role.permission, organizationId: role.organization_id, state: role.state, sessionsEnded },
    });
    return { ok: true, value: { self: userId === actor.id } };
  });
}

// Suspend and reactivate

export const REASON_MAX = 500;

export function parseReason(body: unknown, t: Translate): Outcome<string | undefined> {
  const reason = bodyString(body, 'motivo')?.trim();
  if (reason && reason.length > REASON_MAX) return fail('motivo', t('cityUsers.error.reason', { max: REASON_MAX }));
  return { ok: true, value: reason || undefined };
}

export async function suspendUser(db: Db, actor: Actor, userId: string, reason: string | undefined, t: Translate): Promise<Outcome<void>> {
  if (userId === actor.id) return fail('motivo', t('cityUsers.error.selfSuspend'));
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (!user || user.status === 'deleted') return fail('motivo', t('cityUsers.error.deleted'));
    if (!(await setUserStatus(tx, userId, ['active', 'invited'], 'suspended'))) return fail('motivo', t('cityUsers.error.notSuspendable'));
    const sessionsEnded = await endAllSessions(tx, userId);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'users.suspend',
      targetType: 'user',
      targetId: userId,
      ip: actor.ip,
      details: { previousStatus: user.status, reason: reason ?? null, sessionsEnded },
    });
    return { ok: true, value: undefined };
  });
}

/**
 * Reactivates a suspended account. An account that never completed its invitation (no password, never logged
 * in) goes back to 'invited', so its invitation link still leads to the activation form.
 */
export async function reactivateUser(db: Db, actor: Actor, userId: string, reason: string | undefined, t: Translate): Promise<Outcome<void>> {
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (!user || user.status === 'deleted') return fail('motivo', t('cityUsers.error.deleted'));
    const status: UserStatus = user.password_hash === null && user.last_login_at === null && user.fiscal_code === null ? 'invited' : 'active';
    if (!(await setUserStatus(tx, userId, ['suspended'], status))) return fail('motivo', t('cityUsers.error.notSuspended'));
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'users.reactivate',
      targetType: 'user',
      targetId: userId,
      ip: actor.ip,
      details: { status, reason: reason ?? null },
    });
    return { ok: true, value: undefined };
  });
}

// Invite

export interface InviteForm {
  email: string;
  givenName: string;
  familyName: string;
  type: 'staff' | 'ente';
  permissions: CityPermission[];
  organizationId: string | null;
  window: ValidityWindow;
}

const EMAIL = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]{2,}$/;

/** Every value of a possibly repeated form field. */
export function bodyStrings(body: unknown, name: string): string[] {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}

export function parseInviteForm(body: unknown, t: Translate): Outcome<InviteForm> {
  const issues: FieldIssue[] = [];
  const email = (bodyString(body, 'email') ?? '').trim().toLowerCase();
  const givenName = (bodyString(body, 'nome') ?? '').trim();
  const familyName = (bodyString(body, 'cognome') ?? '').trim();
  const type = bodyString(body, 'tipo');
  const permissions = [...new Set(bodyStrings(body, 'permessi'))];
  const ente = bodyString(body, 'ente');
  if (!EMAIL.test(email) || email.length > 254) issues.push({ field: 'email', message: t('cityUsers.error.email') });
  if (!givenName || givenName.length > 100) issues.push({ field: 'nome', message: givenName ? t('validation.tooLong', { max: 100 }) : t('cityUsers.error.givenName') });
  if (!familyName || familyName.length > 100) issues.push({ field: 'cognome', message: familyName ? t('validation.tooLong', { max: 100 }) : t('cityUsers.error.familyName') });
  if (type !== 'staff' && type !== 'ente') issues.push({ field: 'tipo', message: t('cityUsers.error.type') });
  if (type === 'staff' && (permissions.length === 0 || permissions.some((p) => !(CITY_PERMISSIONS as readonly string[]).includes(p)))) {
    issues.push({ field: 'permessi', message: t('cityUsers.error.permissions') });
  }
  if (type === 'ente' && !isUuid(ente)) issues.push({ field: 'ente', message: t('cityUsers.error.ente') });
  // The validity window applies to City permissions only.
  const window = type === 'staff' ? parseWindow(body, t, issues) : { from: null, to: null, fromDay: undefined, toDay: undefined };
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    value: {
      email,
      givenName,
      familyName,
      type: type as 'staff' | 'ente',
      permissions: type === 'staff' ? (permissions as CityPermission[]) : [],
      organizationId: type === 'ente' ? ente! : null,
      window,
    },
  };
}

/**
 * Invites a person through the e-mail link service: a new account gets an invitation link, an existing active
 * one the new roles (and their sessions end, as for any privilege change). A suspended or deleted account with
 * that e-mail is refused. Returns the id of the account.
 */
export async function inviteStaff(db: Db, actor: Actor, form: InviteForm, opts: { baseUrl: string }, t: Translate): Promise<Outcome<{ userId: string; outcome: 'invited' | 'roles_added' }>> {
  return db.transaction(async (tx) => {
    if (form.organizationId && !(await isActiveEnte(tx, form.organizationId))) return fail('ente', t('cityUsers.error.ente'));
    const roles: InviteInput['roles'] =
      form.type === 'staff'
        ? form.permissions.map((permission) => ({ role: 'city', permission, validFrom: form.window.from, validTo: form.window.to }))
        : [{ role: 'ente_admin', organizationId: form.organizationId }];
    const result = await inviteUser(tx, {
      email: form.email,
      kind: form.type,
      givenName: form.givenName,
      familyName: form.familyName,
      roles,
      invitedBy: actor.id,
      baseUrl: opts.baseUrl,
    });
    if (result.outcome === 'unavailable') return fail('email', t('cityUsers.error.unavailable'));
    const sessionsEnded = result.roleIds.length ? await endSessionsAfterPrivilegeChange(tx, actor, result.userId) : 0;
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'users.invite',
      targetType: 'user',
      targetId: result.userId,
      ip: actor.ip,
      details: {
        email: form.email,
        kind: form.type,
        outcome: result.outcome,
        roleIds: result.roleIds,
        roles: roles.map((r) => ({ role: r.role, permission: r.permission ?? null, organizationId: r.organizationId ?? null })),
        validFrom: iso(form.window.from),
        validTo: iso(form.window.to),
        sessionsEnded,
      },
    });
    return { ok: true, value: { userId: result.userId, outcome: result.outcome } };
  });
}

/** Message keys of the outcomes shown after a redirect (`?esito=`). */
export const NOTICES = {
  'ruolo-assegnato': 'cityUsers.notice.granted',
  'ruolo-assegnato-tu': 'cityUsers.notice.grantedSelf',
  'ruolo-revocato': 'cityUsers.notice.revoked',
  'ruolo-revocato-tu': 'cityUsers.notice.revokedSelf',
  sospeso: 'cityUsers.notice.suspended',
  riattivato: 'cityUsers.notice.reactivated',
  invitato: 'cityUsers.notice.invited',
  'ruoli-aggiunti': 'cityUsers.notice.rolesAdded',
} as const satisfies Record<string, MessageKey>;
export type NoticeCode = keyof typeof NOTICES;

// The audit log export

export const AUDIT_CSV_COLUMNS = ['at', 'actor_label', 'actor_id', 'action', 'target_type', 'target_id', 'ip', 'details'] as const;

/**
 * One CSV cell (RFC 4180: always quoted, quotes doubled). A value a spreadsheet would read as a formula
 * (starting with = + - @, or a tab or carriage return) gets a leading apostrophe, so it is shown as text.
 */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export const csvLine = (cells: readonly (string | number | null | undefined)[]) => `${cells.map(csvCell).join(',')}\r\n`;

export function auditCsvLine(r: AuditRow): string {
  return csvLine([r.at.toISOString(), r.actor_label, r.actor_id, r.action, r.target_type, r.target_id, r.ip, JSON.stringify(r.details ?? {})]);
}

/** The export, in batches read newest first (keyset pagination: constant memory whatever the log's size). */
export async function* auditCsv(q: Queryable, filter: AuditFilter, batch = 1000): AsyncGenerator<string> {
  // A byte-order mark, so spreadsheet programs read the file as UTF-8.
  yield `\uFEFF${csvLine(AUDIT_CSV_COLUMNS)}`;
  let after: number | undefined;
  for (;;) {
    const rows = await listAudit(q, filter, after === undefined ? { limit: batch } : { limit: batch, after });
    if (rows.length) yield rows.map(auditCsvLine).join('');
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.id;
  }
}
