import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { AppDeps } from '../../../deps';
import { sessionSettings, startSession } from '../session';
import { audit, type AuditAction } from '../../../lib/audit';
import type { Role } from '../../../lib/http/access';
import { notFound, type FieldIssue } from '../../../lib/http/errors';
import type { FormState } from '../../../web/forms';
import { cityPaths, paths, patterns, withNotice } from '../../../web/paths';
import { findUserById, type AccountKind, type UserRow, type UserStatus } from '../users.repository';
import {
  activeEnti,
  countAudit,
  countUsersByStatus,
  listAudit,
  listUsers,
  openSessionCount,
  organizationsByIds,
  roleOfUser,
  rolesOfUser,
  type AuditFilter,
  type RoleFilter,
} from './users-admin.repository';
import {
  auditCsv,
  bodyStrings,
  grantUserRole,
  inviteStaff,
  isUuid,
  NOTICES,
  parseFormDate,
  parseGrantForm,
  parseInviteForm,
  parseReason,
  reactivateUser,
  revokeUserRole,
  suspendUser,
  todayInRome,
  type Actor,
  type NoticeCode,
} from './users-admin.service';
import { AuditPage, type AuditFilterValues } from './audit.view';
import {
  ACCOUNT_KINDS,
  CityLandingPage,
  ConfirmPage,
  EnteLandingPage,
  GrantRolePage,
  InvitePage,
  ROLE_FILTERS,
  USER_STATUSES,
  UserPage,
  UsersListPage,
  type ConfirmKind,
  type UsersListFilter,
} from './users.view';
import { pageParam, privateRoute, queryValue } from '../../../lib/http/private-routes';

// The City back office on accounts: its landing page, the users list and user page (grant and revoke roles,
// suspend and reactivate, each behind a confirmation step), invitations, the audit log and its CSV export;
// and the landing page of the ente back office. Forms follow the GOV.UK pattern: a problem answers 400 with the
// same page, the values typed and an error summary; a success redirects (303) to a page announcing it.

export const USERS_PAGE_SIZE = 20;
export const AUDIT_PAGE_SIZE = 50;

const CITY_USERS: readonly Role[] = ['city:users'];

const options = (roles: readonly Role[], auditAction?: string): RouteShorthandOptions => privateRoute({ roles }, auditAction);

function noticeOf(query: unknown): NoticeCode | undefined {
  const s = queryValue(query, 'esito');
  return Object.hasOwn(NOTICES, s) ? (s as NoticeCode) : undefined;
}

const actorOf = (request: FastifyRequest): Actor => ({
  id: request.user!.id,
  label: request.user!.label,
  ip: request.ip,
  sessionIdHash: request.user!.session.idHash,
});

/** Form values to render again: every string field except the CSRF token. */
function valuesOf(body: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    const s = Array.isArray(v) ? v[v.length - 1] : v;
    if (typeof s === 'string') out[k] = s;
  }
  return out;
}

const redirect = (reply: FastifyReply, location: string) => reply.code(303).header('location', location).send();
const noticed = (path: string, notice: NoticeCode) => withNotice(path, notice);

export function registerCityUserRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const settings = sessionSettings(config);

  /** The user of `:id`, or 404 (also for an id that is not a UUID). */
  async function userParam(request: FastifyRequest): Promise<UserRow> {
    const id = (request.params as { id?: string }).id;
    const user = isUuid(id) ? await findUserById(db, id) : undefined;
    if (!user) throw notFound('User');
    return user;
  }

  /** After a change of the actor's own roles: a new session id for the same login. */
  async function rotateOwnSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await startSession(db, request, reply, settings, { userId: request.user!.id, method: request.user!.session.method });
  }

  // 1. Landing of the City back office: any City permission.
  app.get(paths.cityBackOffice(), options(['city']), async (request, reply) => {
    return reply.page(CityLandingPage({ ctx: request.ctx, roles: request.roles }));
  });

  // 2. Landing of the ente back office: the enti the user acts for.
  app.get(paths.enteBackOffice(), options(['ente_admin', 'ente_operator']), async (request, reply) => {
    const byId = new Map<string, 'ente_admin' | 'ente_operator'>();
    for (const o of request.user!.organizations) if (byId.get(o.id) !== 'ente_admin') byId.set(o.id, o.role);
    const orgs = await organizationsByIds(db, [...byId.keys()]);
    return reply.page(EnteLandingPage({ ctx: request.ctx, enti: orgs.map((o) => ({ ...o, role: byId.get(o.id)! })) }));
  });

  // 3. Users list.
  app.get(cityPaths.users(), options(CITY_USERS), async (request, reply) => {
    const ctx = request.ctx;
    const filter: UsersListFilter = { q: queryValue(request.query, 'q'), tipo: queryValue(request.query, 'tipo'), stato: queryValue(request.query, 'stato'), ruolo: queryValue(request.query, 'ruolo') };
    const issues: FieldIssue[] = [];
    if (filter.q.length > 100) issues.push({ field: 'q', message: ctx.t('validation.tooLong', { max: 100 }) });
    if (filter.tipo && !(ACCOUNT_KINDS as readonly string[]).includes(filter.tipo)) issues.push({ field: 'tipo', message: ctx.t('cityUsers.error.filter') });
    if (filter.stato && !(USER_STATUSES as readonly string[]).includes(filter.stato)) issues.push({ field: 'stato', message: ctx.t('cityUsers.error.filter') });
    if (filter.ruolo && !(ROLE_FILTERS as readonly string[]).includes(filter.ruolo)) issues.push({ field: 'ruolo', message: ctx.t('cityUsers.error.filter') });
    const empty = { invited: 0, active: 0, suspended: 0, deleted: 0 };
    if (issues.length) {
      return reply.page(UsersListPage({ ctx, view: { filter, issues, items: [], total: 0, counts: empty, page: 1, pages: 1 } }), 400);
    }
    const f = {
      text: filter.q || undefined,
      kind: (filter.tipo || undefined) as AccountKind | undefined,
      status: (filter.stato || undefined) as UserStatus | undefined,
      role: (filter.ruolo || undefined) as RoleFilter | undefined,
    };
    const counts = await countUsersByStatus(db, f);
    const total = f.status ? counts[f.status] : Object.values(counts).reduce((a, b) => a + b, 0);
    const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
    const page = Math.min(pageParam(request.query), pages);
    const items = await listUsers(db, f, USERS_PAGE_SIZE, (page - 1) * USERS_PAGE_SIZE);
    return reply.page(UsersListPage({ ctx, view: { filter, issues, items, total, counts, page, pages } }));
  });

  // 4. Invite (registered before /:id; the router prefers the static path anyway).
  const invitePage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, permissions: readonly string[], status = 200) =>
    reply.page(InvitePage({ ctx: request.ctx, enti: await activeEnti(db), form, permissions }), status);

  app.get(cityPaths.invite(), options(CITY_USERS), async (request, reply) => invitePage(request, reply, { values: {}, issues: [] }, []));

  app.post(cityPaths.invite(), options(CITY_USERS, 'users.invite'), async (request, reply) => {
    const ctx = request.ctx;
    const parsed = parseInviteForm(request.body, ctx.t);
    const outcome = parsed.ok ? await inviteStaff(db, actorOf(request), parsed.value, { baseUrl: config.publicBaseUrl }, ctx.t) : parsed;
    if (!outcome.ok) return invitePage(request, reply, { values: valuesOf(request.body), issues: outcome.issues }, bodyStrings(request.body, 'permessi'), 400);
    return redirect(reply, noticed(cityPaths.user(outcome.value.userId), outcome.value.outcome === 'invited' ? 'invitato' : 'ruoli-aggiunti'));
  });

  // User page.
  app.get('/gestione-wemi/utenti/:id', options(CITY_USERS), async (request, reply) => {
    const user = await userParam(request);
    const [roles, sessions] = await Promise.all([rolesOfUser(db, user.id), openSessionCount(db, user.id)]);
    return reply.page(UserPage({ ctx: request.ctx, view: { user, roles, sessions, isSelf: user.id === request.user!.id, notice: noticeOf(request.query) } }));
  });

  // Grant a role.
  const grantPage = async (request: FastifyRequest, reply: FastifyReply, user: UserRow, form: FormState, status = 200) =>
    reply.page(GrantRolePage({ ctx: request.ctx, user, enti: await activeEnti(db), form }), status);

  app.get('/gestione-wemi/utenti/:id/ruoli/nuovo', options(CITY_USERS), async (request, reply) => {
    const user = await userParam(request);
    if (user.status === 'deleted') return redirect(reply, cityPaths.user(user.id));
    return grantPage(request, reply, user, { values: {}, issues: [] });
  });

  app.post('/gestione-wemi/utenti/:id/ruoli/nuovo', options(CITY_USERS, 'users.role.grant'), async (request, reply) => {
    const ctx = request.ctx;
    const user = await userParam(request);
    const parsed = parseGrantForm(request.body, ctx.t);
    const outcome = parsed.ok ? await grantUserRole(db, actorOf(request), user.id, parsed.value, ctx.t) : parsed;
    if (!outcome.ok) return grantPage(request, reply, user, { values: valuesOf(request.body), issues: outcome.issues }, 400);
    if (outcome.value.self) await rotateOwnSession(request, reply);
    return redirect(reply, noticed(cityPaths.user(user.id), outcome.value.self ? 'ruolo-assegnato-tu' : 'ruolo-assegnato'));
  });

  // Revoke a role: confirmation, then the change.
  async function roleParam(request: FastifyRequest, user: UserRow) {
    const roleId = (request.params as { roleId?: string }).roleId;
    const role = isUuid(roleId) ? await roleOfUser(db, user.id, roleId) : undefined;
    if (!role) throw notFound('Role');
    return role;
  }

  app.get('/gestione-wemi/utenti/:id/ruoli/:roleId/revoca', options(CITY_USERS), async (request, reply) => {
    const user = await userParam(request);
    const role = await roleParam(request, user);
    return reply.page(ConfirmPage({ ctx: request.ctx, kind: 'revoke', user, role, action: cityPaths.userRevokeRole(user.id, role.id), form: { values: {}, issues: [] } }));
  });

  app.post('/gestione-wemi/utenti/:id/ruoli/:roleId/revoca', options(CITY_USERS, 'users.role.revoke'), async (request, reply) => {
    const ctx = request.ctx;
    const user = await userParam(request);
    const role = await roleParam(request, user);
    const outcome = await revokeUserRole(db, actorOf(request), user.id, role.id, ctx.t);
    if (!outcome.ok) {
      return reply.page(ConfirmPage({ ctx, kind: 'revoke', user, role, action: cityPaths.userRevokeRole(user.id, role.id), form: { values: {}, issues: outcome.issues } }), 400);
    }
    if (outcome.value.self) await rotateOwnSession(request, reply);
    return redirect(reply, noticed(cityPaths.user(user.id), outcome.value.self ? 'ruolo-revocato-tu' : 'ruolo-revocato'));
  });

  // Suspend and reactivate: confirmation (with an optional reason), then the change.
  const statusChanges: { kind: Exclude<ConfirmKind, 'revoke'>; url: string; path: (id: string) => string; action: AuditAction; run: typeof suspendUser; notice: NoticeCode }[] = [
    { kind: 'suspend', url: patterns.city.userSuspend, path: cityPaths.userSuspend, action: 'users.suspend', run: suspendUser, notice: 'sospeso' },
    { kind: 'reactivate', url: patterns.city.userReactivate, path: cityPaths.userReactivate, action: 'users.reactivate', run: reactivateUser, notice: 'riattivato' },
  ];
  for (const change of statusChanges) {
    app.get(change.url, options(CITY_USERS), async (request, reply) => {
      const user = await userParam(request);
      return reply.page(ConfirmPage({ ctx: request.ctx, kind: change.kind, user, action: change.path(user.id), form: { values: {}, issues: [] } }));
    });
    app.post(change.url, options(CITY_USERS, change.action), async (request, reply) => {
      const ctx = request.ctx;
      const user = await userParam(request);
      const reason = parseReason(request.body, ctx.t);
      const outcome = reason.ok ? await change.run(db, actorOf(request), user.id, reason.value, ctx.t) : reason;
      if (!outcome.ok) {
        return reply.page(ConfirmPage({ ctx, kind: change.kind, user, action: change.path(user.id), form: { values: valuesOf(request.body), issues: outcome.issues } }), 400);
      }
      return redirect(reply, noticed(cityPaths.user(user.id), change.notice));
    });
  }

  // 5. The audit log: page and CSV export, with the same filters. Reading it is audited too.
  function auditFilterOf(request: FastifyRequest): { values: AuditFilterValues; filter: AuditFilter; issues: FieldIssue[] } {
    const { t } = request.ctx;
    const values: AuditFilterValues = {
      attore: queryValue(request.query, 'attore'),
      azione: queryValue(request.query, 'azione'),
      oggetto: queryValue(request.query, 'oggetto'),
      dal: queryValue(request.query, 'dal'),
      al: queryValue(request.query, 'al'),
    };
    const issues: FieldIssue[] = [];
    if (values.attore.length > 200) issues.push({ field: 'attore', message: t('validation.tooLong', { max: 200 }) });
    if (values.azione.length > 100) issues.push({ field: 'azione', message: t('validation.tooLong', { max: 100 }) });
    if (values.oggetto.length > 100) issues.push({ field: 'oggetto', message: t('validation.tooLong', { max: 100 }) });
    const from = parseFormDate(values.dal);
    const to = parseFormDate(values.al);
    if (from === null) issues.push({ field: 'dal', message: t('cityUsers.error.date') });
    if (to === null) issues.push({ field: 'al', message: t('cityUsers.error.date') });
    if (from && to && to < from) issues.push({ field: 'al', message: t('cityUsers.audit.error.range') });
    const filter: AuditFilter = {
      actor: values.attore || undefined,
      action: values.azione || undefined,
      targetType: values.oggetto || undefined,
      from: from ?? undefined,
      to: to ?? undefined,
    };
    return { values, filter, issues };
  }

  const filterDetails = (f: AuditFilter) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));

  app.get(cityPaths.audit(), options(CITY_USERS), async (request, reply) => {
    const ctx = request.ctx;
    const { values, filter, issues } = auditFilterOf(request);
    if (issues.length) {
      return reply.page(AuditPage({ ctx, view: { filter: values, issues, items: [], total: 0, page: 1, pages: 1 } }), 400);
    }
    const total = await countAudit(db, filter);
    const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
    const page = Math.min(pageParam(request.query), pages);
    const items = await listAudit(db, filter, { limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE });
    // Recorded after reading: the page shows the log as it was before this look at it.
    await audit(db, {
      actorId: request.user!.id,
      actorLabel: request.user!.label,
      action: 'audit.view',
      targetType: 'audit_log',
      ip: request.ip,
      details: { filter: filterDetails(filter), page },
    });
    return reply.page(AuditPage({ ctx, view: { filter: values, issues, items, total, page, pages } }));
  });

  app.get(cityPaths.auditCsv(), options(CITY_USERS), async (request, reply) => {
    const { values, filter, issues } = auditFilterOf(request);
    if (issues.length) {
      return reply.page(AuditPage({ ctx: request.ctx, view: { filter: values, issues, items: [], total: 0, page: 1, pages: 1 } }), 400);
    }
    // Recorded before the file is written: an export cut short is still on record.
    await audit(db, {
      actorId: request.user!.id,
      actorLabel: request.user!.label,
      action: 'audit.export',
      targetType: 'audit_log',
      ip: request.ip,
      details: { filter: filterDetails(filter) },
    });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="registro-attivita-${todayInRome()}.csv"`)
      .send(Readable.from(auditCsv(db, filter)));
  });
}
