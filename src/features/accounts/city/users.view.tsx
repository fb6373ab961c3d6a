import type { Child, Html } from '../../../lib/jsx/jsx-runtime';
import { formatDate, formatNumber } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/catalogue';
import { CITY_PERMISSIONS, type CityPermission, type Role } from '../../../lib/http/access';
import type { FieldIssue } from '../../../lib/http/errors';
import type { PageContext } from '../../../web/context';
import { DemoBadge, ErrorSummary, Pagination } from '../../../web/components';
import { CsrfField, SelectField, TextField, type FormState } from '../../../web/forms';
import { Layout, PageHeader } from '../../../web/layout';
import { paths } from '../../../web/paths';
import type { AccountKind, UserRow, UserStatus } from '../users.repository';
import type { EnteOption, RoleFilter, RoleRowView, RoleState, UserListItem } from './users-admin.repository';
import { GRANTABLE_ROLES, NOTICES, type NoticeCode } from './users-admin.service';

// Pages of the City back office on accounts (landing, users list, user page, grant, confirmations, invite) and
// the landing page of the ente back office. Every action works without JavaScript: plain links to
// confirmation pages and plain forms that post and redirect.

/** Paths of the back-office pages not (yet) in src/web/paths.ts. */
export const adminPaths = {
  grantRole: (userId: string) => `${paths.cityUser(userId)}/ruoli/nuovo`,
  revokeRole: (userId: string, roleId: string) => `${paths.cityUser(userId)}/ruoli/${encodeURIComponent(roleId)}/revoca`,
  suspend: (userId: string) => `${paths.cityUser(userId)}/sospendi`,
  reactivate: (userId: string) => `${paths.cityUser(userId)}/riattiva`,
  auditCsv: () => `${paths.cityAudit()}.csv`,
  withNotice: (path: string, notice: NoticeCode) => `${path}?esito=${notice}`,
} as const;

export const ACCOUNT_KINDS = ['citizen', 'staff', 'ente'] as const satisfies readonly AccountKind[];
export const USER_STATUSES = ['invited', 'active', 'suspended', 'deleted'] as const satisfies readonly UserStatus[];
export const ROLE_FILTERS = [
  'citizen',
  'worker',
  'ente_admin',
  'ente_operator',
  'spazio_operator',
  'city',
  ...CITY_PERMISSIONS.map((p) => `city:${p}` as const),
] as const satisfies readonly RoleFilter[];

// Labels

export const kindLabel = (ctx: PageContext, k: AccountKind) => ctx.t(`cityUsers.kind.${k}` as MessageKey);
export const statusLabel = (ctx: PageContext, s: UserStatus) => ctx.t(`cityUsers.status.${s}` as MessageKey);
export const permissionLabel = (ctx: PageContext, p: CityPermission) => ctx.t(`cityUsers.permission.${p}` as MessageKey);

/** 'ente_admin' → "Amministratore ente"; 'city:users' → "Comune: Utenti"; 'city' → "Comune (qualsiasi permesso)". */
export function roleLabel(ctx: PageContext, role: string): string {
  if (role === 'city') return ctx.t('cityUsers.role.cityAny');
  if (role.startsWith('city:')) return ctx.t('cityUsers.role.cityWith', { permission: permissionLabel(ctx, role.slice(5) as CityPermission) });
  return ctx.t(`cityUsers.role.${role}` as MessageKey);
}

const grantLabel = (ctx: PageContext, r: Pick<RoleRowView, 'role' | 'permission'>) => roleLabel(ctx, r.role === 'city' && r.permission ? `city:${r.permission}` : r.role);

export const displayName = (ctx: PageContext, u: { given_name: string; family_name: string }) =>
  `${u.given_name} ${u.family_name}`.trim() || ctx.t('cityUsers.noName');

function countLabel(ctx: PageContext, n: number): string {
  if (n === 0) return ctx.t('cityUsers.results.zero');
  if (n === 1) return ctx.t('cityUsers.results.one');
  return ctx.t('cityUsers.results.other', { n: formatNumber(ctx.locale, n) });
}

// Shared pieces

const NOINDEX = <meta name="robots" content="noindex, nofollow" />;

/** The page shell of the back office: not indexed, breadcrumb under "Gestione WeMi". */
export function BackOfficeLayout(props: {
  ctx: PageContext;
  title: string;
  lead?: string | undefined;
  crumbs: { href?: string; label: string }[];
  children?: Child;
}): Html {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title} head={NOINDEX}>
      <PageHeader ctx={ctx} crumbs={props.crumbs} title={props.title} {...(props.lead ? { lead: props.lead } : {})} />
      <div class="container mb-5 wemi-backoffice">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-10 px-lg-4">{props.children}</div>
        </div>
      </div>
    </Layout>
  );
}

export const cityCrumb = (ctx: PageContext) => ({ href: paths.cityBackOffice(), label: ctx.t('cityUsers.backOffice.title') });
const usersCrumb = (ctx: PageContext) => ({ href: paths.cityUsers(), label: ctx.t('cityUsers.list.title') });

/** The outcome of the previous action, announced politely. */
export function Notice(props: { ctx: PageContext; notice: NoticeCode | undefined }): Html {
  if (!props.notice) return <></>;
  return (
    <div class="alert alert-success wemi-notice" role="status">
      {props.ctx.t(NOTICES[props.notice])}
    </div>
  );
}

function StateChip(props: { kind: 'status' | 'role'; state: UserStatus | RoleState; label: string }): Html {
  return <span class={`wemi-chip wemi-chip-${props.kind}-${props.state}`}>{props.label}</span>;
}

/** A table that scrolls sideways on small screens, reachable by keyboard. */
function ScrollTable(props: { labelledBy: string; children?: Child }): Html {
  return (
    <div class="table-responsive wemi-table-scroll" tabindex="0" role="region" aria-labelledby={props.labelledBy}>
      {props.children}
    </div>
  );
}

/** A radio group with a legend, hint and GOV.UK error (the first radio carries the field's id). */
function RadioGroup(props: { ctx: PageContext; form: FormState; name: string; legend: string; options: { value: string; label: string }[]; hint?: string }): Html {
  const error = props.form.issues.find((i) => i.field === props.name)?.message;
  const current = props.form.values[props.name];
  const described = [props.hint ? `${props.name}-hint` : '', error ? `${props.name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={`wemi-field wemi-fieldset${error ? ' wemi-field-error' : ''}`} aria-describedby={described}>
      <legend class="wemi-field-label">{props.legend}</legend>
      {props.hint ? (
        <small class="form-text wemi-field-hint" id={`${props.name}-hint`}>
          {props.hint}
        </small>
      ) : null}
      {error ? (
        <p class="wemi-field-message" id={`${props.name}-error`}>
          <span class="visually-hidden">{props.ctx.t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {props.options.map((o, i) => {
        const id = i === 0 ? props.name : `${props.name}-${o.value}`;
        return (
          <div class="form-check">
            <input class="form-check-input" type="radio" name={props.name} id={id} value={o.value} checked={current === o.value} />
            <label class="form-check-label" for={id}>
              {o.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** Checkboxes sharing one name (repeated in the body), the first one carrying the field's id. */
function CheckboxGroup(props: { ctx: PageContext; name: string; legend: string; hint?: string; error: string | undefined; options: { value: string; label: string }[]; checked: readonly string[] }): Html {
  const described = [props.hint ? `${props.name}-hint` : '', props.error ? `${props.name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={`wemi-field wemi-fieldset${props.error ? ' wemi-field-error' : ''}`} aria-describedby={described}>
      <legend class="wemi-field-label">{props.legend}</legend>
      {props.hint ? (
        <small class="form-text wemi-field-hint" id={`${props.name}-hint`}>
          {props.hint}
        </small>
      ) : null}
      {props.error ? (
        <p class="wemi-field-message" id={`${props.name}-error`}>
          <span class="visually-hidden">{props.ctx.t('form.errorPrefix')} </span>
          {props.error}
        </p>
      ) : null}
      <div class="wemi-checkbox-columns">
        {props.options.map((o, i) => {
          const id = i === 0 ? props.name : `${props.name}-${o.value}`;
          return (
            <div class="form-check">
              <input class="form-check-input" type="checkbox" name={props.name} id={id} value={o.value} checked={props.checked.includes(o.value)} />
              <label class="form-check-label" for={id}>
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A text or date field of a GET filter form: every filter is optional, so no "(optional)" mark. */
/** A text filter of a back-office list: the shared TextField, as a search box, never marked optional. */
export function FilterText(props: { ctx: PageContext; form: FormState; name: string; label: string; hint?: string; type?: 'text' | 'search' | 'date'; maxlength?: number }): Html {
  return (
    <TextField
      ctx={props.ctx}
      form={props.form}
      name={props.name}
      label={props.label}
      hint={props.hint}
      type={props.type ?? 'search'}
      maxlength={props.maxlength}
      autocomplete="off"
      hideOptional
    />
  );
}

// 1. Landing of the City back office

export interface CitySection {
  href: string;
  title: string;
  body: string;
}

/** The sections a City user's permissions open. */
export function citySections(ctx: PageContext, roles: readonly Role[]): CitySection[] {
  const out: CitySection[] = [];
  if (roles.includes('city:users')) {
    out.push({ href: paths.cityUsers(), title: ctx.t('cityUsers.section.users.title'), body: ctx.t('cityUsers.section.users.body') });
    out.push({ href: paths.cityInvite(), title: ctx.t('cityUsers.section.invite.title'), body: ctx.t('cityUsers.section.invite.body') });
    out.push({ href: paths.cityAudit(), title: ctx.t('cityUsers.section.audit.title'), body: ctx.t('cityUsers.section.audit.body') });
  }
  if (roles.includes('city:enti')) {
    out.push({ href: '/gestione-wemi/domande', title: ctx.t('cityUsers.section.applications.title'), body: ctx.t('cityUsers.section.applications.body') });
    out.push({ href: '/gestione-wemi/schede', title: ctx.t('cityUsers.section.revisions.title'), body: ctx.t('cityUsers.section.revisions.body') });
    out.push({ href: '/gestione-wemi/enti', title: ctx.t('cityUsers.section.enti.title'), body: ctx.t('cityUsers.section.enti.body') });
    out.push({ href: '/gestione-wemi/schede-catalogo', title: ctx.t('cityUsers.section.catalogue.title'), body: ctx.t('cityUsers.section.catalogue.body') });
    out.push({ href: '/gestione-wemi/tassonomie', title: ctx.t('cityUsers.section.taxonomy.title'), body: ctx.t('cityUsers.section.taxonomy.body') });
  }
  if (roles.includes('city:requests')) {
    out.push({ href: '/gestione-wemi/qualita', title: ctx.t('cityUsers.section.quality.title'), body: ctx.t('cityUsers.section.quality.body') });
    out.push({ href: '/gestione-wemi/reclami', title: ctx.t('cityUsers.section.complaints.title'), body: ctx.t('cityUsers.section.complaints.body') });
    out.push({ href: '/gestione-wemi/recensioni', title: ctx.t('cityUsers.section.reviews.title'), body: ctx.t('cityUsers.section.reviews.body') });
  }
  return out;
}

export function CityLandingPage(props: { ctx: PageContext; roles: readonly Role[] }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const sections = citySections(ctx, props.roles);
  const permissions = CITY_PERMISSIONS.filter((p) => props.roles.includes(`city:${p}`));
  return (
    <BackOfficeLayout ctx={ctx} title={t('cityUsers.backOffice.title')} lead={t('cityUsers.backOffice.lead')} crumbs={[{ label: t('cityUsers.backOffice.title') }]}>
      <h2 class="h4" id="sections-title">
        {t('cityUsers.backOffice.sections')}
      </h2>
      {sections.length === 0 ? (
        <p>{t('cityUsers.backOffice.none')}</p>
      ) : (
        <ul class="row g-3 list-unstyled wemi-bo-sections" aria-labelledby="sections-title">
          {sections.map((s) => (
            <li class="col-12 col-md-6 col-xl-4">
              <div class="card card-teaser shadow-sm rounded h-100">
                <div class="card-body">
                  <h3 class="card-title h5">
                    <a href={s.href}>{s.title}</a>
                  </h3>
                  <p class="card-text mb-0">{s.body}</p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2 class="h5 mt-4" id="permissions-title">
        {t('cityUsers.backOffice.permissions')}
      </h2>
      <ul class="wemi-inline-list" aria-labelledby="permissions-title">
        {permissions.map((p) => (
          <li>{permissionLabel(ctx, p)}</li>
        ))}
      </ul>
    </BackOfficeLayout>
  );
}

// 2. Landing of the ente back office

export function EnteLandingPage(props: {
  ctx: PageContext;
  enti: { id: string; name: string; slug: string; status: string; role: 'ente_admin' | 'ente_operator' }[];
}): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <BackOfficeLayout ctx={ctx} title={t('cityUsers.ente.title')} lead={t('cityUsers.ente.lead')} crumbs={[{ label: t('cityUsers.ente.title') }]}>
      <h2 class="h4" id="enti-title">
        {t('cityUsers.ente.actingFor')}
      </h2>
      <ul class="row g-3 list-unstyled" aria-labelledby="enti-title">
        {props.enti.map((e) => (
          <li class="col-12 col-md-6">
            <div class="card card-teaser shadow-sm rounded h-100">
              <div class="card-body">
                <h3 class="card-title h5 mb-1">
                  <a href={`/gestione-ente/${e.id}`}>{e.name}</a>
                </h3>
                <p class="card-text mb-1">{e.role === 'ente_admin' ? t('cityUsers.ente.roleAdmin') : t('cityUsers.ente.roleOperator')}</p>
                <p class="card-text mb-1">
                  <a href={`/gestione-ente/${e.id}/schede`}>{t('cityUsers.ente.cards')}</a>
                </p>
                {e.status === 'active' ? (
                  <a href={paths.ente(e.slug)}>{t('cityUsers.ente.publicPage', { name: e.name })}</a>
                ) : (
                  <p class="card-text mb-0 wemi-muted">{t('cityUsers.ente.notPublic')}</p>
                )}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </BackOfficeLayout>
  );
}

// 3. Users list

export interface UsersListFilter {
  q: string;
  tipo: string;
  stato: string;
  ruolo: string;
}

export interface UsersListView {
  filter: UsersListFilter;
  issues: FieldIssue[];
  items: UserListItem[];
  total: number;
  counts: Record<UserStatus, number>;
  page: number;
  pages: number;
}

export function usersListHref(f: Partial<UsersListFilter> & { page?: number }): string {
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  if (f.tipo) params.set('tipo', f.tipo);
  if (f.stato) params.set('stato', f.stato);
  if (f.ruolo) params.set('ruolo', f.ruolo);
  if (f.page && f.page > 1) params.set('pagina', String(f.page));
  const s = params.toString();
  return s ? `${paths.cityUsers()}?${s}` : paths.cityUsers();
}

export function UsersListPage(props: { ctx: PageContext; view: UsersListView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const form: FormState = { values: { ...view.filter }, issues: view.issues };
  const filtered = Boolean(view.filter.q || view.filter.tipo || view.filter.stato || view.filter.ruolo);
  return (
    <BackOfficeLayout ctx={ctx} title={t('cityUsers.list.title')} lead={t('cityUsers.list.lead')} crumbs={[cityCrumb(ctx), { label: t('cityUsers.list.title') }]}>
      <p>
        <a class="btn btn-primary" href={paths.cityInvite()}>
          {t('cityUsers.list.invite')}
        </a>
      </p>
      <ErrorSummary ctx={ctx} issues={view.issues} />
      <form method="get" action={paths.cityUsers()} class="wemi-bo-filter mb-4" role="search" aria-labelledby="filter-title">
        <h2 class="h5 mb-3" id="filter-title">
          {t('cityUsers.filter.title')}
        </h2>
        <div class="row g-3">
          <div class="col-12 col-md-6 col-xl-3">
            <FilterText ctx={ctx} form={form} name="q" label={t('cityUsers.filter.q')} maxlength={100} />
          </div>
          <div class="col-12 col-md-6 col-xl-3">
            <SelectField ctx={ctx} form={form} name="tipo" label={t('cityUsers.filter.kind')} empty={t('cityUsers.filter.any')} options={ACCOUNT_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }))} />
          </div>
          <div class="col-12 col-md-6 col-xl-3">
            <SelectField ctx={ctx} form={form} name="stato" label={t('cityUsers.filter.status')} empty={t('cityUsers.filter.any')} options={USER_STATUSES.map((s) => ({ value: s, label: statusLabel(ctx, s) }))} />
          </div>
          <div class="col-12 col-md-6 col-xl-3">
            <SelectField ctx={ctx} form={form} name="ruolo" label={t('cityUsers.filter.role')} empty={t('cityUsers.filter.any')} options={ROLE_FILTERS.map((r) => ({ value: r, label: roleLabel(ctx, r) }))} />
          </div>
        </div>
        <div class="d-flex flex-wrap gap-3 align-items-center">
          <button type="submit" class="btn btn-primary">
            {t('cityUsers.filter.submit')}
          </button>
          {filtered ? <a href={paths.cityUsers()}>{t('cityUsers.filter.reset')}</a> : null}
        </div>
      </form>
      <div class="d-flex flex-wrap align-items-baseline justify-content-between gap-2 mb-2">
        <h2 class="h4 mb-0" id="results-title">
          {countLabel(ctx, view.total)}
        </h2>
      </div>
      <p class="wemi-counts">
        <span class="fw-semibold">{t('cityUsers.results.byStatus')}: </span>
        {USER_STATUSES.map((s, i) => (
          <>
            {i > 0 ? ' · ' : ''}
            {statusLabel(ctx, s)} {formatNumber(ctx.locale, view.counts[s])}
          </>
        ))}
      </p>
      {view.items.length === 0 ? (
        <p>{t('cityUsers.results.empty')}</p>
      ) : (
        <ScrollTable labelledBy="results-title">
          <table class="table wemi-bo-table">
            <caption class="visually-hidden">{t('cityUsers.list.caption', { page: view.page, pages: view.pages })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cityUsers.col.name')}</th>
                <th scope="col">{t('cityUsers.col.contact')}</th>
                <th scope="col">{t('cityUsers.col.kind')}</th>
                <th scope="col">{t('cityUsers.col.status')}</th>
                <th scope="col">{t('cityUsers.col.roles')}</th>
                <th scope="col">{t('cityUsers.col.lastLogin')}</th>
              </tr>
            </thead>
            <tbody>
              {view.items.map((u) => (
                <tr>
                  <th scope="row">
                    <a href={paths.cityUser(u.id)}>{displayName(ctx, u)}</a>
                    {u.is_demo ? <DemoBadge ctx={ctx} /> : null}
                  </th>
                  <td class="wemi-break">{u.email ?? u.fiscal_code ?? ''}</td>
                  <td>{kindLabel(ctx, u.kind)}</td>
                  <td>
                    <StateChip kind="status" state={u.status} label={statusLabel(ctx, u.status)} />
                  </td>
                  <td>{u.roles.length ? u.roles.map((r) => roleLabel(ctx, r)).join(', ') : t('cityUsers.none')}</td>
                  <td>{u.last_login_at ? formatDate(ctx.locale, u.last_login_at) : t('cityUsers.never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <div class="mt-4">
        <Pagination ctx={ctx} page={view.page} pages={view.pages} href={(n) => usersListHref({ ...view.filter, page: n })} />
      </div>
    </BackOfficeLayout>
  );
}

// User page

export interface UserPageView {
  user: UserRow;
  roles: RoleRowView[];
  sessions: number;
  isSelf: boolean;
  notice: NoticeCode | undefined;
}

function Row(props: { label: string; children?: Child }): Html {
  return (
    <div class="wemi-dl-row">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function roleScope(r: RoleRowView): string {
  return r.organization_name ?? r.location_name ?? '';
}

export function UserPage(props: { ctx: PageContext; view: UserPageView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const u = view.user;
  const name = displayName(ctx, u);
  const deleted = u.status === 'deleted';
  return (
    <BackOfficeLayout ctx={ctx} title={name} crumbs={[cityCrumb(ctx), usersCrumb(ctx), { label: name }]}>
      <Notice ctx={ctx} notice={view.notice} />
      {view.isSelf ? <p class="wemi-muted">{t('cityUsers.user.you')}</p> : null}
      <h2 class="h4">{t('cityUsers.user.profile')}</h2>
      <dl class="wemi-dl">
        <Row label={t('cityUsers.user.name')}>{name}</Row>
        <Row label={t('cityUsers.user.email')}>
          {u.email ? (
            <>
              <span class="wemi-break">{u.email}</span> ({u.email_verified_at ? t('cityUsers.user.emailVerified') : t('cityUsers.user.emailUnverified')})
            </>
          ) : (
            t('cityUsers.none')
          )}
        </Row>
        <Row label={t('cityUsers.user.fiscalCode')}>{u.fiscal_code ?? t('cityUsers.none')}</Row>
        <Row label={t('cityUsers.user.kind')}>{kindLabel(ctx, u.kind)}</Row>
        <Row label={t('cityUsers.user.status')}>
          <StateChip kind="status" state={u.status} label={statusLabel(ctx, u.status)} />
        </Row>
        <Row label={t('cityUsers.user.createdAt')}>{formatDate(ctx.locale, u.created_at)}</Row>
        <Row label={t('cityUsers.user.lastLogin')}>{u.last_login_at ? formatDate(ctx.locale, u.last_login_at) : t('cityUsers.never')}</Row>
        <Row label={t('cityUsers.user.twoFactor')}>{u.totp_enabled_at ? t('cityUsers.user.twoFactorOn') : t('cityUsers.user.twoFactorOff')}</Row>
        <Row label={t('cityUsers.user.sessions')}>{formatNumber(ctx.locale, view.sessions)}</Row>
      </dl>

      <h2 class="h4 mt-5" id="roles-title">
        {t('cityUsers.roles.title')}
      </h2>
      {view.roles.length === 0 ? (
        <p>{t('cityUsers.roles.none')}</p>
      ) : (
        <ScrollTable labelledBy="roles-title">
          <table class="table wemi-bo-table">
            <caption class="visually-hidden">{t('cityUsers.roles.caption', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cityUsers.roles.col.role')}</th>
                <th scope="col">{t('cityUsers.roles.col.scope')}</th>
                <th scope="col">{t('cityUsers.roles.col.from')}</th>
                <th scope="col">{t('cityUsers.roles.col.to')}</th>
                <th scope="col">{t('cityUsers.roles.col.state')}</th>
                {deleted ? null : <th scope="col">{t('cityUsers.roles.col.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {view.roles.map((r) => {
                const label = grantLabel(ctx, r);
                const ownUsers = view.isSelf && r.role === 'city' && r.permission === 'users';
                const revocable = (r.state === 'active' || r.state === 'future') && !ownUsers;
                return (
                  <tr data-role-id={r.id} data-role-state={r.state}>
                    <th scope="row">{label}</th>
                    <td>{roleScope(r)}</td>
                    <td>{formatDate(ctx.locale, r.valid_from)}</td>
                    <td>{r.valid_to ? formatDate(ctx.locale, r.valid_to) : t('cityUsers.roles.noExpiry')}</td>
                    <td>
                      <StateChip kind="role" state={r.state} label={t(`cityUsers.roleState.${r.state}` as MessageKey)} />
                      {r.revoked_at ? <span class="d-block small">{t('cityUsers.roles.revokedOn', { date: formatDate(ctx.locale, r.revoked_at) })}</span> : null}
                    </td>
                    {deleted ? null : (
                      <td>
                        {revocable ? (
                          <a href={adminPaths.revokeRole(u.id, r.id)}>
                            {t('cityUsers.roles.revoke')}
                            <span class="visually-hidden"> {t('cityUsers.roles.revokeWhat', { role: label })}</span>
                          </a>
                        ) : null}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {deleted ? (
        <p>{t('cityUsers.account.deletedNote')}</p>
      ) : (
        <>
          <p>
            <a class="btn btn-primary" href={adminPaths.grantRole(u.id)}>
              {t('cityUsers.roles.grant')}
            </a>
          </p>
          <h2 class="h4 mt-5">{t('cityUsers.account.title')}</h2>
          {view.isSelf ? (
            <p>{t('cityUsers.account.selfNote')}</p>
          ) : u.status === 'suspended' ? (
            <p>
              <a class="btn btn-outline-primary" href={adminPaths.reactivate(u.id)}>
                {t('cityUsers.account.reactivate')}
              </a>
            </p>
          ) : (
            <>
              <p>{t('cityUsers.account.suspendHint')}</p>
              <p>
                <a class="btn btn-outline-danger" href={adminPaths.suspend(u.id)}>
                  {t('cityUsers.account.suspend')}
                </a>
              </p>
            </>
          )}
        </>
      )}
    </BackOfficeLayout>
  );
}

// Grant a role

export function GrantRolePage(props: { ctx: PageContext; user: UserRow; enti: EnteOption[]; form: FormState }): Html {
  const { ctx, user, form } = props;
  const { t } = ctx;
  const name = displayName(ctx, user);
  return (
    <BackOfficeLayout
      ctx={ctx}
      title={t('cityUsers.grant.title')}
      lead={t('cityUsers.grant.lead', { name })}
      crumbs={[cityCrumb(ctx), usersCrumb(ctx), { href: paths.cityUser(user.id), label: name }, { label: t('cityUsers.grant.title') }]}
    >
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <form method="post" action={adminPaths.grantRole(user.id)} novalidate class="wemi-bo-form">
        <CsrfField ctx={ctx} />
        <SelectField ctx={ctx} form={form} name="ruolo" label={t('cityUsers.field.role')} empty={t('cityUsers.field.rolePick')} options={GRANTABLE_ROLES.map((r) => ({ value: r, label: t(`cityUsers.role.${r}` as MessageKey) }))} />
        <SelectField
          ctx={ctx}
          form={form}
          name="permesso"
          label={t('cityUsers.field.permission')}
          hint={t('cityUsers.field.permissionHint')}
          empty={t('cityUsers.field.permissionPick')}
          options={CITY_PERMISSIONS.map((p) => ({ value: p, label: permissionLabel(ctx, p) }))}
        />
        <SelectField ctx={ctx} form={form} name="ente" label={t('cityUsers.field.ente')} hint={t('cityUsers.field.enteHint')} empty={t('cityUsers.field.entePick')} options={props.enti.map((e) => ({ value: e.id, label: e.name }))} />
        <div class="row">
          <div class="col-12 col-md-6">
            <TextField ctx={ctx} form={form} name="dal" type="date" label={t('cityUsers.field.from')} hint={t('cityUsers.field.fromHint')} />
          </div>
          <div class="col-12 col-md-6">
            <TextField ctx={ctx} form={form} name="al" type="date" label={t('cityUsers.field.to')} hint={t('cityUsers.field.toHint')} />
          </div>
        </div>
        <div class="d-flex flex-wrap gap-3 align-items-center">
          <button type="submit" class="btn btn-primary">
            {t('cityUsers.grant.submit')}
          </button>
          <a href={paths.cityUser(user.id)}>{t('cityUsers.cancel')}</a>
        </div>
      </form>
    </BackOfficeLayout>
  );
}

// Confirmation steps: revoke a role, suspend or reactivate an account

export type ConfirmKind = 'revoke' | 'suspend' | 'reactivate';

export function ConfirmPage(props: { ctx: PageContext; kind: ConfirmKind; user: UserRow; action: string; role?: RoleRowView; form: FormState }): Html {
  const { ctx, user, form, kind } = props;
  const { t } = ctx;
  const name = displayName(ctx, user);
  const title = t(`cityUsers.${kind}.title` as MessageKey);
  const lead = kind === 'revoke' && props.role ? t('cityUsers.revoke.lead', { name, role: grantLabel(ctx, props.role) }) : t(`cityUsers.${kind}.lead` as MessageKey, { name });
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[cityCrumb(ctx), usersCrumb(ctx), { href: paths.cityUser(user.id), label: name }, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <p class="lead" id={kind === 'revoke' ? 'revoca' : undefined}>
        {lead}
      </p>
      <form method="post" action={props.action} novalidate class="wemi-bo-form">
        <CsrfField ctx={ctx} />
        {kind === 'revoke' ? null : <TextField ctx={ctx} form={form} name="motivo" label={t('cityUsers.field.reason')} hint={t('cityUsers.field.reasonHint')} maxlength={500} />}
        <div class="d-flex flex-wrap gap-3 align-items-center">
          <button type="submit" class={kind === 'reactivate' ? 'btn btn-primary' : 'btn btn-danger'}>
            {t(`cityUsers.${kind}.submit` as MessageKey)}
          </button>
          <a href={paths.cityUser(user.id)}>{t('cityUsers.cancel')}</a>
        </div>
      </form>
    </BackOfficeLayout>
  );
}

// 4. Invite

export function InvitePage(props: { ctx: PageContext; enti: EnteOption[]; form: FormState; permissions: readonly string[] }): Html {
  const { ctx, form } = props;
  const { t } = ctx;
  const error = (name: string) => form.issues.find((i) => i.field === name)?.message;
  return (
    <BackOfficeLayout ctx={ctx} title={t('cityUsers.invite.title')} lead={t('cityUsers.invite.lead')} crumbs={[cityCrumb(ctx), usersCrumb(ctx), { label: t('cityUsers.invite.title') }]}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <form method="post" action={paths.cityInvite()} novalidate class="wemi-bo-form">
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} form={form} name="email" type="email" label={t('cityUsers.field.email')} autocomplete="off" maxlength={254} required />
        <div class="row">
          <div class="col-12 col-md-6">
            <TextField ctx={ctx} form={form} name="nome" label={t('cityUsers.field.givenName')} autocomplete="off" maxlength={100} required />
          </div>
          <div class="col-12 col-md-6">
            <TextField ctx={ctx} form={form} name="cognome" label={t('cityUsers.field.familyName')} autocomplete="off" maxlength={100} required />
          </div>
        </div>
        <RadioGroup
          ctx={ctx}
          form={form}
          name="tipo"
          legend={t('cityUsers.field.type')}
          options={[
            { value: 'staff', label: t('cityUsers.type.staff') },
            { value: 'ente', label: t('cityUsers.type.ente') },
          ]}
        />
        <CheckboxGroup
          ctx={ctx}
          name="permessi"
          legend={t('cityUsers.field.permissions')}
          hint={t('cityUsers.field.permissionsHint')}
          error={error('permessi')}
          options={CITY_PERMISSIONS.map((p) => ({ value: p, label: permissionLabel(ctx, p) }))}
          checked={props.permissions}
        />
        <div class="row">
          <div class="col-12 col-md-6">
            <TextField ctx={ctx} form={form} name="dal" type="date" label={t('cityUsers.field.from')} hint={t('cityUsers.field.fromHint')} />
          </div>
          <div class="col-12 col-md-6">
            <TextField ctx={ctx} form={form} name="al" type="date" label={t('cityUsers.field.to')} hint={t('cityUsers.field.toHint')} />
          </div>
        </div>
        <SelectField ctx={ctx} form={form} name="ente" label={t('cityUsers.field.ente')} hint={t('cityUsers.field.inviteEnteHint')} empty={t('cityUsers.field.entePick')} options={props.enti.map((e) => ({ value: e.id, label: e.name }))} />
        <div class="d-flex flex-wrap gap-3 align-items-center">
          <button type="submit" class="btn btn-primary">
            {t('cityUsers.invite.submit')}
          </button>
          <a href={paths.cityUsers()}>{t('cityUsers.cancel')}</a>
        </div>
      </form>
    </BackOfficeLayout>
  );
}
