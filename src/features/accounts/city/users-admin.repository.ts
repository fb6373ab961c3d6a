import type { Queryable } from '../../../db/database';
import { isAuditAction } from '../../../lib/audit-actions';
import type { CityPermission } from '../../../lib/http/access';
import type { AccountKind, UserStatus } from '../users.repository';

// SQL of the City back office: the users list and profile, role grants with their state, the enti a role
// can be scoped to, and the audit log (page and export). Every value is a parameter.

/** A role filter: a role, or 'city' (any City permission), or 'city:<permission>'. */
export type RoleFilter = 'citizen' | 'worker' | 'ente_admin' | 'ente_operator' | 'spazio_operator' | 'city' | `city:${CityPermission}`;

export interface UserFilter {
  text?: string | undefined;
  kind?: AccountKind | undefined;
  status?: UserStatus | undefined;
  role?: RoleFilter | undefined;
}

export interface UserListItem {
  id: string;
  kind: AccountKind;
  email: string | null;
  fiscal_code: string | null;
  given_name: string;
  family_name: string;
  status: UserStatus;
  last_login_at: Date | null;
  /** Fictional account of the demo data. */
  is_demo: boolean;
  /** Roles valid now, as 'ente_admin' or 'city:users'. */
  roles: string[];
}

/** Escapes the LIKE wildcards of user input (backslash is PostgreSQL's default LIKE escape). */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const ACTIVE_ROLE = `r.revoked_at is null and r.valid_from <= now() and (r.valid_to is null or r.valid_to > now())`;

/** WHERE clause and parameters of the users filter (`status` optional so the counts can ignore it). */
function userWhere(f: UserFilter, withStatus: boolean): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts: string[] = [];
  if (f.text) {
    // One search box: the name in either order, the e-mail or the codice fiscale (typed with or without spaces),
    // whatever the case and the accents ("nicolo" finds Nicolò, "d'angelo" finds D’Angelo).
    params.push(likeEscape(f.text.trim().replace(/\s+/g, ' ')));
    const p = `'%' || wemi_norm($${params.length}) || '%'`;
    parts.push(
      `(wemi_norm(u.given_name || ' ' || u.family_name) like ${p} or wemi_norm(u.family_name || ' ' || u.given_name) like ${p}
        or wemi_norm(u.email) like ${p} or u.fiscal_code like '%' || upper(replace($${params.length}, ' ', '')) || '%')`,
    );
  }
  if (f.kind) {
    params.push(f.kind);
    parts.push(`u.kind = $${params.length}`);
  }
  if (withStatus && f.status) {
    params.push(f.status);
    parts.push(`u.status = $${params.length}`);
  }
  if (f.role) {
    const [role, permission] = f.role.split(':') as [string, string | undefined];
    params.push(role);
    let cond = `r.role = $${params.length}`;
    if (permission) {
      params.push(permission);
      cond += ` and r.permission = $${params.length}`;
    }
    parts.push(`exists (select 1 from user_role r where r.user_id = u.id and ${ACTIVE_ROLE} and ${cond})`);
  }
  return { sql: parts.length ? `where ${parts.join(' and ')}` : '', params };
}

export async function countUsersByStatus(q: Queryable, f: UserFilter): Promise<Record<UserStatus, number>> {
  const w = userWhere(f, false);
  const rows = await q.query<{ status: UserStatus; n: number }>(`select u.status, count(*)::int as n from app_user u ${w.sql} group by u.status`, w.params);
  const out: Record<UserStatus, number> = { invited: 0, active: 0, suspended: 0, deleted: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export async function listUsers(q: Queryable, f: UserFilter, limit: number, offset: number): Promise<UserListItem[]> {
  const w = userWhere(f, true);
  return q.query<UserListItem>(
    `select u.id, u.kind, u.email, u.fiscal_code, u.given_name, u.family_name, u.status, u.last_login_at, u.is_demo,
            coalesce((select array_agg(case when r.role = 'city' then 'city:' || r.permission else r.role end order by r.role, r.permission)
                        from user_role r where r.user_id = u.id and ${ACTIVE_ROLE}), '{}') as roles
       from app_user u ${w.sql}
      order by lower(u.family_name), lower(u.given_name), u.created_at, u.id
      limit $${w.params.length + 1} offset $${w.params.length + 2}`,
    [...w.params, limit, offset],
  );
}

export type RoleState = 'active' | 'future' | 'expired' | 'revoked';

export interface RoleRowView {
  id: string;
  role: 'citizen' | 'worker' | 'ente_admin' | 'ente_operator' | 'city' | 'spazio_operator';
  permission: CityPermission | null;
  organization_id: string | null;
  organization_name: string | null;
  location_id: string | null;
  location_name: string | null;
  valid_from: Date;
  valid_to: Date | null;
  revoked_at: Date | null;
  created_at: Date;
  granted_by_label: string | null;
  revoked_by_label: string | null;
  state: RoleState;
}

const ROLE_STATE = `case when r.revoked_at is not null then 'revoked'
                         when r.valid_from > now() then 'future'
                         when r.valid_to is not null and r.valid_to <= now() then 'expired'
                         else 'active' end`;

const ROLE_SELECT = `select r.id, r.role, r.permission, r.organization_id, o.name as organization_name, r.location_id, l.name as location_name,
          r.valid_from, r.valid_to, r.revoked_at, r.created_at,
          coalesce(g.email, g.fiscal_code) as granted_by_label, coalesce(v.email, v.fiscal_code) as revoked_by_label,
          ${ROLE_STATE} as state
     from user_role r
     left join organization o on o.id = r.organization_id
     left join location l on l.id = r.location_id
     left join app_user g on g.id = r.granted_by
     left join app_user v on v.id = r.revoked_by`;

/** Every grant of a user: valid first, then not yet valid, expired, revoked. */
export async function rolesOfUser(q: Queryable, userId: string): Promise<RoleRowView[]> {
  return q.query<RoleRowView>(
    `${ROLE_SELECT} where r.user_id = $1
      order by case ${ROLE_STATE} when 'active' then 0 when 'future' then 1 when 'expired' then 2 else 3 end, r.valid_from desc, r.created_at desc`,
    [userId],
  );
}

export async function roleOfUser(q: Queryable, userId: string, roleId: string): Promise<RoleRowView | undefined> {
  return q.maybeOne<RoleRowView>(`${ROLE_SELECT} where r.user_id = $1 and r.id = $2`, [userId, roleId]);
}

/** Whether a non-revoked grant of the same role and scope overlaps the window [from, to). */
export async function overlappingGrant(
  q: Queryable,
  g: { userId: string; role: string; permission: string | null; organizationId: string | null; from: Date; to: Date | null },
): Promise<boolean> {
  const row = await q.maybeOne(
    `select 1 from user_role r
      where r.user_id = $1 and r.role = $2 and r.permission is not distinct from $3 and r.organization_id is not distinct from $4
        and r.revoked_at is null
        and (r.valid_to is null or r.valid_to > $5)
        and ($6::timestamptz is null or r.valid_from < $6)
      limit 1`,
    [g.userId, g.role, g.permission, g.organizationId, g.from, g.to],
  );
  return row !== undefined;
}

export async function openSessionCount(q: Queryable, userId: string): Promise<number> {
  const row = await q.one<{ n: number }>(`select count(*)::int as n from user_session where user_id = $1 and expires_at > now()`, [userId]);
  return row.n;
}

/** Changes the status of an account; returns false when it was not in one of the `from` states. */
export async function setUserStatus(q: Queryable, userId: string, from: readonly UserStatus[], to: UserStatus): Promise<boolean> {
  const rows = await q.query(`update app_user set status = $3, updated_at = now() where id = $1 and status = any($2::text[]) returning id`, [userId, from, to]);
  return rows.length > 0;
}

export interface EnteOption {
  id: string;
  name: string;
}

/** Enti a role can be scoped to: the active ones, by name. */
export async function activeEnti(q: Queryable): Promise<EnteOption[]> {
  return q.query<EnteOption>(`select id, name from organization where status = 'active' order by lower(name), id`);
}

export async function isActiveEnte(q: Queryable, id: string): Promise<boolean> {
  return (await q.maybeOne(`select 1 from organization where id = $1 and status = 'active'`, [id])) !== undefined;
}

export async function organizationsByIds(q: Queryable, ids: readonly string[]): Promise<{ id: string; name: string; slug: string; status: string }[]> {
  if (ids.length === 0) return [];
  return q.query(`select id, name, slug, status from organization where id = any($1::uuid[]) order by lower(name)`, [ids]);
}

// The audit log

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  /** 'YYYY-MM-DD', day included, in Europe/Rome. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

function auditWhere(f: AuditFilter): { parts: string[]; params: unknown[] } {
  const params: unknown[] = [];
  const parts: string[] = [];
  if (f.actor) {
    params.push(`%${likeEscape(f.actor)}%`);
    parts.push(`(a.actor_label ilike $${params.length} or a.actor_id::text = $${params.length + 1})`);
    params.push(f.actor.toLowerCase());
  }
  if (f.action) {
    // A code of the catalogue (the filter's select): that action only; anything else (an address typed or kept
    // from before, such as "users."): the actions whose code starts with it.
    if (isAuditAction(f.action)) {
      params.push(f.action);
      parts.push(`a.action = $${params.length}`);
    } else {
      params.push(`${likeEscape(f.action)}%`);
      parts.push(`a.action like $${params.length}`);
    }
  }
  if (f.targetType) {
    params.push(f.targetType);
    parts.push(`a.target_type = $${params.length}`);
  }
  if (f.from) {
    params.push(f.from);
    parts.push(`a.at >= ($${params.length}::date)::timestamp at time zone 'Europe/Rome'`);
  }
  if (f.to) {
    params.push(f.to);
    parts.push(`a.at < ($${params.length}::date + 1)::timestamp at time zone 'Europe/Rome'`);
  }
  return { parts, params };
}

const AUDIT_COLUMNS = `a.id, a.at, a.actor_id, a.actor_label, a.action, a.target_type, a.target_id, a.ip, a.details`;

export async function countAudit(q: Queryable, f: AuditFilter): Promise<number> {
  const w = auditWhere(f);
  const row = await q.one<{ n: number }>(`select count(*)::int as n from audit_log a ${w.parts.length ? `where ${w.parts.join(' and ')}` : ''}`, w.params);
  return row.n;
}

/**
 * Audit rows, newest first. `after` is the id of the last row of the previous batch (keyset pagination for
 * the export: the position is read from the row itself, so no timestamp goes through JavaScript's milliseconds).
 */
export async function listAudit(q: Queryable, f: AuditFilter, opts: { limit: number; offset?: number; after?: number }): Promise<AuditRow[]> {
  const w = auditWhere(f);
  const parts = [...w.parts];
  const params = [...w.params];
  if (opts.after !== undefined) {
    params.push(opts.after);
    const p = `$${params.length}`;
    parts.push(`(a.at, a.id) < ((select at from audit_log where id = ${p}), ${p})`);
  }
  params.push(opts.limit, opts.offset ?? 0);
  return q.query<AuditRow>(
    `select ${AUDIT_COLUMNS} from audit_log a ${parts.length ? `where ${parts.join(' and ')}` : ''}
      order by a.at desc, a.id desc limit $${params.length - 1} offset $${params.length}`,
    params,
  );
}
