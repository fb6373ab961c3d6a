import type { Html } from '../../../lib/jsx/jsx-runtime';
import { formatDate, formatNumber } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/catalogue';
import { CITY_PERMISSIONS, type CityPermission, type Role } from '../../../lib/http/access';
import type { FieldIssue } from '../../../lib/http/errors';
import type { PageContext } from '../../../web/context';
import { BackOfficeLayout, ButtonLink, cityCrumb, countText, DataTable, DlRow, FilterForm, FilterText, FormActions, Notice, PostForm, ResultsTable, SectionCards, StateChip } from '../../../web/backoffice';
import { DemoBadge, ErrorSummary } from '../../../web/components';
import { CheckboxGroup, RadioGroup, SelectField, TextField, type FormState } from '../../../web/forms';
import { CITY_SECTIONS } from '../../../web/backoffice-nav';
import { cityPaths, entePaths, paths } from '../../../web/paths';
import type { AccountKind, UserRow, UserStatus } from '../users.repository';
import type { EnteOption, RoleFilter, RoleRowView, RoleState, UserListItem } from './users-admin.repository';
import { GRANTABLE_ROLES, NOTICES, type NoticeCode } from './users-admin.service';

// Pages of the City back office on accounts (landing, users list, user page, grant, confirmations, invite) and
// the landing page of the ente back office. Every action works without JavaScript: plain links to
// confirmation pages and plain forms that post and redirect.

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

// Shared pieces

const usersCrumb = (ctx: PageContext) => ({ href: cityPaths.users(), label: ctx.t('cityUsers.list.title') });

const noticeText = (ctx: PageContext, notice: NoticeCode | undefined) => (notice ? ctx.t(NOTICES[notice]) : undefined);

const chipClass = (kind: 'status' | 'role', state: UserStatus | RoleState) => `wemi-chip-${kind}-${state}`;

// 1. Landing of the City back office

export interface CitySection {
  href: string;
  title: string;
  body: string;
}

/** The sections a City user's permissions open (the same list as the back office's menu, src/web/backoffice-nav.tsx). */
export function citySections(ctx: PageContext, roles: readonly Role[]): CitySection[] {
  return CITY_SECTIONS.filter((s) => s.allowed(roles)).map((s) => ({ href: s.href(), title: ctx.t(s.title), body: ctx.t(s.body) }));
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
      {sections.length === 0 ? <p>{t('cityUsers.backOffice.none')}</p> : <SectionCards labelledBy="sections-title" sections={sections} />}
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
                  <a href={entePaths.home(e.id)}>{e.name}</a>
                </h3>
                <p class="card-text mb-1">{e.role === 'ente_admin' ? t('cityUsers.ente.roleAdmin') : t('cityUsers.ente.roleOperator')}</p>
                <p class="card-text mb-1">
                  <a href={entePaths.serviceCards(e.id)}>{t('cityUsers.ente.cards')}</a>
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
  return s ? `${cityPaths.users()}?${s}` : cityPaths.users();
}

export function UsersListPage(props: { ctx: PageContext; view: UsersListView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const form: FormState = { values: { ...view.filter }, issues: view.issues };
  const filtered = Boolean(view.filter.q || view.filter.tipo || view.filter.stato || view.filter.ruolo);
  return (
    <BackOfficeLayout ctx={ctx} title={t('cityUsers.list.title')} lead={t('cityUsers.list.lead')} crumbs={[cityCrumb(ctx), { label: t('cityUsers.list.title') }]}>
      <ButtonLink href={cityPaths.invite()}>{t('cityUsers.list.invite')}</ButtonLink>
      <ErrorSummary ctx={ctx} issues={view.issues} />
      <FilterForm action={cityPaths.users()} title={t('cityUsers.filter.title')} submit={t('cityUsers.filter.submit')} reset={filtered ? { href: cityPaths.users(), label: t('cityUsers.filter.reset') } : undefined}>
        <FilterText ctx={ctx} form={form} name="q" label={t('cityUsers.filter.q')} hint={t('cityUsers.filter.qHint')} maxlength={100} />
        <SelectField ctx={ctx} form={form} name="tipo" label={t('cityUsers.filter.kind')} empty={t('cityUsers.filter.any')} options={ACCOUNT_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }))} />
        <SelectField ctx={ctx} form={form} name="stato" label={t('cityUsers.filter.status')} empty={t('cityUsers.filter.any')} options={USER_STATUSES.map((s) => ({ value: s, label: statusLabel(ctx, s) }))} />
        <SelectField ctx={ctx} form={form} name="ruolo" label={t('cityUsers.filter.role')} empty={t('cityUsers.filter.any')} options={ROLE_FILTERS.map((r) => ({ value: r, label: roleLabel(ctx, r) }))} />
      </FilterForm>
      <div class="d-flex flex-wrap align-items-baseline justify-content-between gap-2 mb-2">
        <h2 class="h4 mb-0" id="results-title">
          {countText(ctx, view.total, { zero: 'cityUsers.results.zero', one: 'cityUsers.results.one', other: 'cityUsers.results.other' })}
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
      <ResultsTable
        ctx={ctx}
        results={view}
        empty={t('cityUsers.results.empty')}
        href={(n) => usersListHref({ ...view.filter, page: n })}
        labelledBy="results-title"
        caption={t('cityUsers.list.caption', { page: view.page, pages: view.pages })}
        columns={[t('cityUsers.col.name'), t('cityUsers.col.contact'), t('cityUsers.col.kind'), t('cityUsers.col.status'), t('cityUsers.col.roles'), t('cityUsers.col.lastLogin')]}
      >
        {view.items.map((u) => (
          <tr>
            <th scope="row">
              <a href={cityPaths.user(u.id)}>{displayName(ctx, u)}</a>
              {u.is_demo ? <DemoBadge ctx={ctx} /> : null}
            </th>
            <td class="wemi-break">
              {u.email ?? u.fiscal_code ?? ''}
              {u.email && u.fiscal_code ? <small class="d-block wemi-muted">{u.fiscal_code}</small> : null}
            </td>
            <td>{kindLabel(ctx, u.kind)}</td>
            <td>
              <StateChip class={chipClass('status', u.status)} label={statusLabel(ctx, u.status)} />
            </td>
            <td>{u.roles.length ? u.roles.map((r) => roleLabel(ctx, r)).join(', ') : t('cityUsers.none')}</td>
            <td>{u.last_login_at ? formatDate(ctx.locale, u.last_login_at) : t('cityUsers.never')}</td>
          </tr>
        ))}
      </ResultsTable>
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
      <Notice text={noticeText(ctx, view.notice)} />
      {view.isSelf ? <p class="wemi-muted">{t('cityUsers.user.you')}</p> : null}
      <h2 class="h4">{t('cityUsers.user.profile')}</h2>
      <dl class="wemi-dl">
        <DlRow label={t('cityUsers.user.name')}>{name}</DlRow>
        <DlRow label={t('cityUsers.user.email')}>
          {u.email ? (
            <>
              <span class="wemi-break">{u.email}</span> ({u.email_verified_at ? t('cityUsers.user.emailVerified') : t('cityUsers.user.emailUnverified')})
            </>
          ) : (
            t('cityUsers.none')
          )}
        </DlRow>
        <DlRow label={t('cityUsers.user.fiscalCode')}>{u.fiscal_code ?? t('cityUsers.none')}</DlRow>
        <DlRow label={t('cityUsers.user.kind')}>{kindLabel(ctx, u.kind)}</DlRow>
        <DlRow label={t('cityUsers.user.status')}>
          <StateChip class={chipClass('status', u.status)} label={statusLabel(ctx, u.status)} />
        </DlRow>
        <DlRow label={t('cityUsers.user.createdAt')}>{formatDate(ctx.locale, u.created_at)}</DlRow>
        <DlRow label={t('cityUsers.user.lastLogin')}>{u.last_login_at ? formatDate(ctx.locale, u.last_login_at) : t('cityUsers.never')}</DlRow>
        <DlRow label={t('cityUsers.user.twoFactor')}>{u.totp_enabled_at ? t('cityUsers.user.twoFactorOn') : t('cityUsers.user.twoFactorOff')}</DlRow>
        <DlRow label={t('cityUsers.user.sessions')}>{formatNumber(ctx.locale, view.sessions)}</DlRow>
      </dl>

      <h2 class="h4 mt-5" id="roles-title">
        {t('cityUsers.roles.title')}
      </h2>
      {view.roles.length === 0 ? (
        <p>{t('cityUsers.roles.none')}</p>
      ) : (
        <DataTable
          labelledBy="roles-title"
          caption={t('cityUsers.roles.caption', { name })}
          columns={[
            t('cityUsers.roles.col.role'),
            t('cityUsers.roles.col.scope'),
            t('cityUsers.roles.col.from'),
            t('cityUsers.roles.col.to'),
            t('cityUsers.roles.col.state'),
            !deleted && t('cityUsers.roles.col.actions'),
          ]}
        >
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
                  <StateChip class={chipClass('role', r.state)} label={t(`cityUsers.roleState.${r.state}` as MessageKey)} />
                  {r.revoked_at ? <span class="d-block small">{t('cityUsers.roles.revokedOn', { date: formatDate(ctx.locale, r.revoked_at) })}</span> : null}
                </td>
                {deleted ? null : (
                  <td>
                    {revocable ? (
                      <a href={cityPaths.userRevokeRole(u.id, r.id)}>
                        {t('cityUsers.roles.revoke')}
                        <span class="visually-hidden"> {t('cityUsers.roles.revokeWhat', { role: label })}</span>
                      </a>
                    ) : null}
                  </td>
                )}
              </tr>
            );
          })}
        </DataTable>
      )}
      {deleted ? (
        <p>{t('cityUsers.account.deletedNote')}</p>
      ) : (
        <>
          <ButtonLink href={cityPaths.userGrantRole(u.id)}>{t('cityUsers.roles.grant')}</ButtonLink>
          <h2 class="h4 mt-5">{t('cityUsers.account.title')}</h2>
          {view.isSelf ? (
            <p>{t('cityUsers.account.selfNote')}</p>
          ) : u.status === 'suspended' ? (
            <ButtonLink href={cityPaths.userReactivate(u.id)} variant="outline-primary">{t('cityUsers.account.reactivate')}</ButtonLink>
          ) : (
            <>
              <p>{t('cityUsers.account.suspendHint')}</p>
              <ButtonLink href={cityPaths.userSuspend(u.id)} variant="outline-danger">{t('cityUsers.account.suspend')}</ButtonLink>
            </>
          )}
        </>
      )}
    </BackOfficeLayout>
  );
}

// Grant a role

/** From when and until when a role holds (grant and invitation). */
function ValidityFields(props: { ctx: PageContext; form: FormState }): Html {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <div class="row">
      <div class="col-12 col-md-6">
        <TextField ctx={ctx} form={form} name="dal" type="date" label={t('cityUsers.field.from')} hint={t('cityUsers.field.fromHint')} />
      </div>
      <div class="col-12 col-md-6">
        <TextField ctx={ctx} form={form} name="al" type="date" label={t('cityUsers.field.to')} hint={t('cityUsers.field.toHint')} />
      </div>
    </div>
  );
}

export function GrantRolePage(props: { ctx: PageContext; user: UserRow; enti: EnteOption[]; form: FormState }): Html {
  const { ctx, user, form } = props;
  const { t } = ctx;
  const name = displayName(ctx, user);
  return (
    <BackOfficeLayout
      ctx={ctx}
      title={t('cityUsers.grant.title')}
      lead={t('cityUsers.grant.lead', { name })}
      crumbs={[cityCrumb(ctx), usersCrumb(ctx), { href: cityPaths.user(user.id), label: name }, { label: t('cityUsers.grant.title') }]}
    >
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <PostForm ctx={ctx} action={cityPaths.userGrantRole(user.id)}>
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
        <ValidityFields ctx={ctx} form={form} />
        <FormActions submit={t('cityUsers.grant.submit')} cancel={{ href: cityPaths.user(user.id), label: t('cityUsers.cancel') }} />
      </PostForm>
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
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[cityCrumb(ctx), usersCrumb(ctx), { href: cityPaths.user(user.id), label: name }, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <p class="lead" id={kind === 'revoke' ? 'revoca' : undefined}>
        {lead}
      </p>
      <PostForm ctx={ctx} action={props.action}>
        {kind === 'revoke' ? null : <TextField ctx={ctx} form={form} name="motivo" label={t('cityUsers.field.reason')} hint={t('cityUsers.field.reasonHint')} maxlength={500} />}
        <FormActions submit={t(`cityUsers.${kind}.submit` as MessageKey)} danger={kind !== 'reactivate'} cancel={{ href: cityPaths.user(user.id), label: t('cityUsers.cancel') }} />
      </PostForm>
    </BackOfficeLayout>
  );
}

// 4. Invite

export function InvitePage(props: { ctx: PageContext; enti: EnteOption[]; form: FormState; permissions: readonly string[] }): Html {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <BackOfficeLayout ctx={ctx} title={t('cityUsers.invite.title')} lead={t('cityUsers.invite.lead')} crumbs={[cityCrumb(ctx), usersCrumb(ctx), { label: t('cityUsers.invite.title') }]}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <PostForm ctx={ctx} action={cityPaths.invite()}>
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
          form={form}
          name="permessi"
          legend={t('cityUsers.field.permissions')}
          hint={t('cityUsers.field.permissionsHint')}
          options={CITY_PERMISSIONS.map((p) => ({ value: p, label: permissionLabel(ctx, p) }))}
          optionsClass="wemi-checkbox-columns"
          checked={props.permissions}
        />
        <ValidityFields ctx={ctx} form={form} />
        <SelectField ctx={ctx} form={form} name="ente" label={t('cityUsers.field.ente')} hint={t('cityUsers.field.inviteEnteHint')} empty={t('cityUsers.field.entePick')} options={props.enti.map((e) => ({ value: e.id, label: e.name }))} />
        <FormActions submit={t('cityUsers.invite.submit')} cancel={{ href: cityPaths.users(), label: t('cityUsers.cancel') }} />
      </PostForm>
    </BackOfficeLayout>
  );
}
