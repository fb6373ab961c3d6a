import type { Child, Html } from '../../../lib/jsx/jsx-runtime';
import type { MessageKey } from '../../../i18n/catalogue';
import { formatDate, type Locale } from '../../../i18n/i18n';
import type { PageContext } from '../../../web/context';
import { ErrorSummary, Icon } from '../../../web/components';
import { CheckboxField, CsrfField, TextField, type FormState } from '../../../web/forms';
import { Layout, PageHeader } from '../../../web/layout';
import { paths } from '../../../web/paths';
import type { RoleView } from './personal.repository';
import { DELETE_WORD, EMAIL_MAX, NAME_MAX } from './personal.service';

// Pages of the personal area ("Area personale", Designers Italia Modello Comuni): the dashboard with the
// person's roles and the sections of the account, and one page per section. Every form works without
// JavaScript; errors follow the GOV.UK pattern (summary linking to the fields, values kept).

const dateTimeFormats = {
  it: new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Rome' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Rome' }),
};
const formatDateTime = (locale: Locale, d: Date) => dateTimeFormats[locale].format(d);

/** The sections of the personal area, in the order of the dashboard and of the side menu. */
const SECTIONS: { href: string; label: MessageKey; text: MessageKey; icon: string }[] = [
  { href: paths.myRequests(), label: 'personal.nav.requests', text: 'personal.card.requests', icon: 'list' },
  { href: paths.inbox(), label: 'personal.nav.inbox', text: 'personal.card.inbox', icon: 'mail' },
  { href: paths.profile(), label: 'personal.nav.profile', text: 'personal.card.profile', icon: 'user' },
  { href: paths.notifications(), label: 'personal.nav.notifications', text: 'personal.card.notifications', icon: 'mail' },
  { href: paths.privacyConsent(), label: 'personal.nav.privacy', text: 'personal.card.privacy', icon: 'locked' },
  { href: paths.security(), label: 'personal.nav.security', text: 'personal.card.security', icon: 'key' },
  { href: paths.sessions(), label: 'personal.nav.sessions', text: 'personal.card.sessions', icon: 'settings' },
  { href: paths.myData(), label: 'personal.nav.myData', text: 'personal.card.myData', icon: 'download' },
  { href: paths.deleteAccount(), label: 'personal.nav.delete', text: 'personal.card.delete', icon: 'delete' },
];

/** A success message after a redirect (the `esito` query parameter), announced politely. */
function Notice(props: { text: string | undefined }): Html {
  if (!props.text) return <></>;
  return (
    <div class="alert alert-success wemi-personal-notice" role="status">
      {props.text}
    </div>
  );
}

function LogoutForm(props: { ctx: PageContext; class?: string }): Html {
  const { t } = props.ctx;
  return (
    <form method="post" action={paths.logout()} class={props.class ?? 'wemi-personal-logout'}>
      <CsrfField ctx={props.ctx} />
      <button type="submit" class="btn btn-outline-primary btn-icon">
        <Icon ctx={props.ctx} name="logout" class="icon-primary icon-sm me-1" />
        <span>{t('personal.logout')}</span>
      </button>
    </form>
  );
}

/** A section of the personal area that holds pages of its own (e.g. Sicurezza: change the password, …). */
export interface ParentSection {
  href: string;
  label: string;
}

/**
 * Shell of a section page: breadcrumb Home / Area personale / [<section> /] <page>, side menu, content.
 * `href` is the address of this page. A page inside a section (`parent`, e.g. "Cambia la password" in
 * Sicurezza) gets the section as a linked step of the breadcrumb, and the section's menu entry marks where
 * the person is (aria-current="true") rather than the current page (aria-current="page": only the page of
 * that very address), as the breadcrumb of the Modello Comuni shows the hierarchy.
 */
export function SectionPage(props: {
  ctx: PageContext;
  href: string;
  parent?: ParentSection;
  title: string;
  lead?: string;
  notice?: string | undefined;
  issues?: FormState['issues'];
  children?: Child;
}): Html {
  const { ctx } = props;
  const { t } = ctx;
  const title = props.issues?.length ? `${t('personal.errorTitlePrefix')} ${props.title}` : props.title;
  return (
    <Layout ctx={ctx} title={title} description={props.lead}>
      <PageHeader
        ctx={ctx}
        crumbs={[{ href: paths.personalArea(), label: t('personal.title') }, ...(props.parent ? [props.parent] : []), { href: props.href, label: props.title }]}
        title={props.title}
        lead={props.lead}
      />
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-3 mb-4">
            <nav class="wemi-personal-menu" aria-labelledby="personal-menu-title">
              <h2 class="wemi-personal-menu-title" id="personal-menu-title">
                {t('personal.title')}
              </h2>
              <ul class="link-list">
                <li>
                  <a class="list-item" href={paths.personalArea()}>
                    <span>{t('personal.nav.dashboard')}</span>
                  </a>
                </li>
                {SECTIONS.map((s) => {
                  const current = s.href === props.href ? 'page' : s.href === props.parent?.href ? 'true' : undefined;
                  return (
                    <li>
                      <a class={current ? 'list-item active' : 'list-item'} href={s.href} aria-current={current}>
                        <span>{t(s.label)}</span>
                      </a>
                    </li>
                  );
                })}
              </ul>
            </nav>
          </div>
          <div class="col-12 col-lg-7 ps-lg-5">
            <Notice text={props.notice} />
            <ErrorSummary ctx={ctx} issues={props.issues ?? []} />
            {props.children}
          </div>
        </div>
      </div>
    </Layout>
  );
}

// ------------------------------------------------------------------------------------------ dashboard

const PERMISSION_KEYS: Record<string, MessageKey> = {
  content: 'personal.permission.content',
  enti: 'personal.permission.enti',
  requests: 'personal.permission.requests',
  tcb_candidatures: 'personal.permission.tcb_candidatures',
  tcb_matching: 'personal.permission.tcb_matching',
  vouchers: 'personal.permission.vouchers',
  users: 'personal.permission.users',
  statistics: 'personal.permission.statistics',
};

/** A role in plain words: "Operatore dell'ente Cooperativa Aurora", "Personale del Comune: statistiche". */
export function roleLabel(ctx: PageContext, r: RoleView): string {
  const { t } = ctx;
  const unknown = t('personal.role.unknownName');
  switch (r.role) {
    case 'citizen':
      return t('personal.role.citizen');
    case 'worker':
      return t('personal.role.worker');
    case 'ente_admin':
      return t('personal.role.enteAdmin', { ente: r.organization_name ?? unknown });
    case 'ente_operator':
      return t('personal.role.enteOperator', { ente: r.organization_name ?? unknown });
    case 'spazio_operator':
      return t('personal.role.spazioOperator', { spazio: r.location_name ?? unknown });
    case 'city': {
      const key = r.permission ? PERMISSION_KEYS[r.permission] : undefined;
      return t('personal.role.city', { permission: key ? t(key) : (r.permission ?? '') });
    }
    default:
      return String(r.role);
  }
}

export interface DashboardData {
  givenName: string;
  familyName: string;
  email: string | null;
  roles: RoleView[];
  enteBackOffice: boolean;
  cityBackOffice: boolean;
  notice?: string | undefined;
}

export function DashboardPage(props: { ctx: PageContext; data: DashboardData }): Html {
  const { ctx, data } = props;
  const { t } = ctx;
  const fullName = `${data.givenName} ${data.familyName}`.trim();
  const title = data.givenName ? t('personal.dashboard.greeting', { name: data.givenName }) : t('personal.dashboard.greetingAnonymous');
  return (
    <Layout ctx={ctx} title={t('personal.title')}>
      <PageHeader ctx={ctx} crumbs={[{ href: paths.personalArea(), label: t('personal.title') }]} title={title} lead={t('personal.dashboard.lead')} />
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-10 px-lg-4">
            <Notice text={data.notice} />
            <section class="wemi-personal-block" aria-labelledby="personal-roles-title">
              <h2 class="wemi-personal-block-title" id="personal-roles-title">
                {t('personal.dashboard.rolesTitle')}
              </h2>
              <p class="wemi-personal-who">
                {fullName ? <strong>{fullName}</strong> : null}
                {fullName && data.email ? ' · ' : null}
                {data.email ?? null}
              </p>
              {data.roles.length === 0 ? (
                <p>{t('personal.dashboard.noRoles')}</p>
              ) : (
                <ul class="wemi-personal-roles">
                  {data.roles.map((r) => (
                    <li>
                      <span class="wemi-personal-role">{roleLabel(ctx, r)}</span>
                      {r.valid_to ? <span class="wemi-personal-role-until"> — {t('personal.role.until', { date: formatDate(ctx.locale, r.valid_to) })}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
              {data.enteBackOffice || data.cityBackOffice ? (
                <ul class="wemi-personal-backoffices">
                  {data.enteBackOffice ? (
                    <li>
                      <a class="btn btn-primary" href={paths.enteBackOffice()}>
                        {t('personal.dashboard.enteBackOffice')}
                      </a>
                    </li>
                  ) : null}
                  {data.cityBackOffice ? (
                    <li>
                      <a class="btn btn-primary" href={paths.cityBackOffice()}>
                        {t('personal.dashboard.cityBackOffice')}
                      </a>
                    </li>
                  ) : null}
                </ul>
              ) : null}
            </section>
            <section class="wemi-personal-block" aria-labelledby="personal-sections-title">
              <h2 class="wemi-personal-block-title" id="personal-sections-title">
                {t('personal.dashboard.sectionsTitle')}
              </h2>
              <ul class="wemi-personal-cards">
                {SECTIONS.map((s) => (
                  <li>
                    <article class="card card-teaser shadow rounded wemi-personal-card">
                      <Icon ctx={ctx} name={s.icon} class="icon-primary wemi-personal-card-icon" />
                      <div class="card-body">
                        <h3 class="card-title h5">
                          <a href={s.href} class="stretched-link">
                            {t(s.label)}
                          </a>
                        </h3>
                        <p class="card-text">{t(s.text)}</p>
                      </div>
                    </article>
                  </li>
                ))}
              </ul>
            </section>
            <section class="wemi-personal-block" aria-labelledby="personal-logout-title">
              <h2 class="wemi-personal-block-title" id="personal-logout-title">
                {t('personal.logoutTitle')}
              </h2>
              <p>{t('personal.logoutText')}</p>
              <LogoutForm ctx={ctx} />
            </section>
          </div>
        </div>
      </div>
    </Layout>
  );
}

// -------------------------------------------------------------------------------------------- profile

export interface ProfileData {
  givenName: string;
  familyName: string;
  fiscalCode: string | null;
  birthDate: string | null;
  email: string | null;
  emailVerified: boolean;
  /** Identity from SPID/CIE: names are read-only. */
  locked: boolean;
  /** The e-mail address is how this person logs in: it cannot be left empty. */
  emailRequired: boolean;
}

export function ProfilePage(props: { ctx: PageContext; data: ProfileData; form: FormState; notice?: string | undefined }): Html {
  const { ctx, data, form } = props;
  const { t } = ctx;
  return (
    <SectionPage ctx={ctx} href={paths.profile()} title={t('personal.profile.title')} lead={t('personal.profile.lead')} notice={props.notice} issues={form.issues}>
      <form method="post" action={paths.profile()} novalidate class="wemi-personal-form">
        <CsrfField ctx={ctx} />
        <fieldset class="wemi-personal-fieldset">
          <legend class="wemi-personal-legend">{t('personal.profile.identity')}</legend>
          {data.locked ? (
            <>
              <p class="wemi-field-hint">{t('personal.profile.lockedHint')}</p>
              <dl class="wemi-personal-dl">
                <dt>{t('personal.profile.givenName')}</dt>
                <dd>{data.givenName || t('personal.notSet')}</dd>
                <dt>{t('personal.profile.familyName')}</dt>
                <dd>{data.familyName || t('personal.notSet')}</dd>
                {data.fiscalCode ? (
                  <>
                    <dt>{t('personal.profile.fiscalCode')}</dt>
                    <dd class="wemi-personal-code">{data.fiscalCode}</dd>
                  </>
                ) : null}
                {data.birthDate ? (
                  <>
                    <dt>{t('personal.profile.birthDate')}</dt>
                    <dd>{formatDate(ctx.locale, data.birthDate)}</dd>
                  </>
                ) : null}
              </dl>
            </>
          ) : (
            <>
              <TextField ctx={ctx} form={form} name="given_name" label={t('personal.profile.givenName')} autocomplete="given-name" required maxlength={NAME_MAX} />
              <TextField ctx={ctx} form={form} name="family_name" label={t('personal.profile.familyName')} autocomplete="family-name" required maxlength={NAME_MAX} />
              {data.birthDate ? (
                <dl class="wemi-personal-dl">
                  <dt>{t('personal.profile.birthDate')}</dt>
                  <dd>{formatDate(ctx.locale, data.birthDate)}</dd>
                </dl>
              ) : null}
            </>
          )}
        </fieldset>
        <fieldset class="wemi-personal-fieldset">
          <legend class="wemi-personal-legend">{t('personal.profile.contacts')}</legend>
          {data.email ? (
            <p class="wemi-personal-meta">
              {data.emailVerified ? t('personal.profile.emailVerified', { email: data.email }) : t('personal.profile.emailUnverified', { email: data.email })}
            </p>
          ) : null}
          <TextField
            ctx={ctx}
            form={form}
            name="email"
            type="email"
            label={t('personal.profile.email')}
            hint={data.emailRequired ? t('personal.profile.emailHintLogin') : t('personal.profile.emailHint')}
            autocomplete="email"
            required={data.emailRequired}
            maxlength={EMAIL_MAX}
          />
          <TextField ctx={ctx} form={form} name="phone" type="tel" label={t('personal.profile.phone')} hint={t('personal.profile.phoneHint')} autocomplete="tel" inputmode="tel" maxlength={30} />
        </fieldset>
        <button type="submit" class="btn btn-primary">
          {t('personal.profile.save')}
        </button>
      </form>
    </SectionPage>
  );
}

// -------------------------------------------------------------------------------------------- privacy

export interface PrivacyData {
  currentVersion: string;
  acceptedVersion: string | null;
  acceptedAt: Date | null;
  returnTo: string;
}

export function PrivacyPage(props: { ctx: PageContext; data: PrivacyData; form: FormState; notice?: string | undefined }): Html {
  const { ctx, data, form } = props;
  const { t } = ctx;
  const upToDate = data.acceptedVersion === data.currentVersion;
  return (
    <SectionPage ctx={ctx} href={paths.privacyConsent()} title={t('personal.privacy.title')} lead={t('personal.privacy.lead')} notice={props.notice} issues={form.issues}>
      {!upToDate && data.acceptedVersion ? (
        <div class="callout note wemi-personal-callout">
          <div class="callout-title">
            <Icon ctx={ctx} name="info-circle" />
            <span>{t('personal.privacy.changedTitle')}</span>
          </div>
          <p>{t('personal.privacy.changedText')}</p>
        </div>
      ) : null}
      <section class="wemi-personal-block" aria-labelledby="privacy-summary-title">
        <h2 class="wemi-personal-block-title" id="privacy-summary-title">
          {t('personal.privacy.summaryTitle', { version: data.currentVersion })}
        </h2>
        <ul class="wemi-personal-list">
          <li>{t('personal.privacy.summary.controller')}</li>
          <li>{t('personal.privacy.summary.data')}</li>
          <li>{t('personal.privacy.summary.purposes')}</li>
          <li>{t('personal.privacy.summary.recipients')}</li>
          <li>{t('personal.privacy.summary.retention')}</li>
          <li>{t('personal.privacy.summary.rights')}</li>
        </ul>
        <p>
          <a href={paths.page('privacy')}>{t('personal.privacy.fullNotice')}</a>
        </p>
      </section>
      <section class="wemi-personal-block" aria-labelledby="privacy-status-title">
        <h2 class="wemi-personal-block-title" id="privacy-status-title">
          {t('personal.privacy.statusTitle')}
        </h2>
        <p>
          {data.acceptedAt && data.acceptedVersion
            ? t('personal.privacy.lastAccepted', { version: data.acceptedVersion, date: formatDateTime(ctx.locale, data.acceptedAt) })
            : t('personal.privacy.neverAccepted')}
        </p>
        {upToDate ? (
          <p>
            <a class="btn btn-primary" href={data.returnTo}>
              {t('personal.privacy.continue')}
            </a>
          </p>
        ) : (
          <form method="post" action={paths.privacyConsent()} novalidate class="wemi-personal-form">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="ritorno" value={data.returnTo} />
            <CheckboxField ctx={ctx} form={form} name="accept" label={t('personal.privacy.acceptLabel', { version: data.currentVersion })} hint={t('personal.privacy.acceptHint')} />
            <button type="submit" class="btn btn-primary">
              {t('personal.privacy.accept')}
            </button>
          </form>
        )}
      </section>
    </SectionPage>
  );
}

// -------------------------------------------------------------------------------------- notifications

export interface NotificationsData {
  notify_email: boolean;
  notify_requests: boolean;
  notify_news: boolean;
  email: string | null;
}

export function NotificationsPage(props: { ctx: PageContext; data: NotificationsData; notice?: string | undefined }): Html {
  const { ctx, data } = props;
  const { t } = ctx;
  return (
    <SectionPage ctx={ctx} href={paths.notifications()} title={t('personal.notifications.title')} lead={t('personal.notifications.lead')} notice={props.notice}>
      {data.email ? (
        <p>{t('personal.notifications.address', { email: data.email })}</p>
      ) : (
        <div class="alert alert-warning" role="note">
          {t('personal.notifications.noEmail')} <a href={paths.profile()}>{t('personal.notifications.addEmail')}</a>
        </div>
      )}
      <form method="post" action={paths.notifications()} class="wemi-personal-form">
        <CsrfField ctx={ctx} />
        <fieldset class="wemi-personal-fieldset">
          <legend class="wemi-personal-legend">{t('personal.notifications.legend')}</legend>
          <CheckboxField ctx={ctx} name="notify_email" checked={data.notify_email} label={t('personal.notifications.email')} hint={t('personal.notifications.emailHint')} />
          <CheckboxField ctx={ctx} name="notify_requests" checked={data.notify_requests} label={t('personal.notifications.requests')} hint={t('personal.notifications.requestsHint')} />
          <CheckboxField ctx={ctx} name="notify_news" checked={data.notify_news} label={t('personal.notifications.news')} hint={t('personal.notifications.newsHint')} />
        </fieldset>
        <p class="wemi-personal-meta">{t('personal.notifications.always')}</p>
        <button type="submit" class="btn btn-primary">
          {t('personal.notifications.save')}
        </button>
      </form>
    </SectionPage>
  );
}

// ------------------------------------------------------------------------------------------- sessions

export interface SessionItem {
  handle: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  browser: string | null;
  os: string | null;
  method: string;
  current: boolean;
  mfaPending: boolean;
}

const METHOD_KEYS: Record<string, MessageKey> = {
  password: 'personal.sessions.method.password',
  spid: 'personal.sessions.method.spid',
  cie: 'personal.sessions.method.cie',
  invitation: 'personal.sessions.method.invitation',
};

function deviceLabel(ctx: PageContext, s: SessionItem): string {
  const { t } = ctx;
  if (s.browser && s.os) return t('personal.sessions.device', { browser: s.browser, os: s.os });
  return s.browser ?? s.os ?? t('personal.sessions.unknownDevice');
}

export function SessionsPage(props: { ctx: PageContext; sessions: SessionItem[]; notice?: string | undefined }): Html {
  const { ctx, sessions } = props;
  const { t } = ctx;
  const others = sessions.filter((s) => !s.current).length;
  return (
    <SectionPage ctx={ctx} href={paths.sessions()} title={t('personal.sessions.title')} lead={t('personal.sessions.lead')} notice={props.notice}>
      <ul class="wemi-personal-sessions">
        {sessions.map((s) => {
          const device = deviceLabel(ctx, s);
          return (
            <li class={s.current ? 'wemi-personal-session wemi-personal-session-current' : 'wemi-personal-session'}>
              <h2 class="h5 wemi-personal-session-title">
                {device}
                {s.current ? <span class="badge bg-primary ms-2">{t('personal.sessions.thisDevice')}</span> : null}
              </h2>
              <dl class="wemi-personal-dl">
                <dt>{t('personal.sessions.created')}</dt>
                <dd>{formatDateTime(ctx.locale, s.createdAt)}</dd>
                <dt>{t('personal.sessions.lastSeen')}</dt>
                <dd>{formatDateTime(ctx.locale, s.lastSeenAt)}</dd>
                <dt>{t('personal.sessions.ip')}</dt>
                <dd>{s.ip ?? t('personal.notSet')}</dd>
                <dt>{t('personal.sessions.method')}</dt>
                <dd>
                  {METHOD_KEYS[s.method] ? t(METHOD_KEYS[s.method]!) : s.method}
                  {s.mfaPending ? ` (${t('personal.sessions.mfaPending')})` : null}
                </dd>
              </dl>
              {s.current ? (
                <>
                  <p class="wemi-personal-meta">{t('personal.sessions.currentHint')}</p>
                  <LogoutForm ctx={ctx} />
                </>
              ) : (
                <form method="post" action={paths.sessionEnd()}>
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="sessione" value={s.handle} />
                  <button type="submit" class="btn btn-outline-primary btn-sm">
                    {t('personal.sessions.end')}
                    <span class="visually-hidden"> — {t('personal.sessions.endWhich', { device, date: formatDateTime(ctx.locale, s.lastSeenAt) })}</span>
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      <section class="wemi-personal-block" aria-labelledby="sessions-all-title">
        <h2 class="wemi-personal-block-title" id="sessions-all-title">
          {t('personal.sessions.allTitle')}
        </h2>
        {others > 0 ? (
          <>
            <p>{t('personal.sessions.allText')}</p>
            <form method="post" action={paths.sessionEndOthers()}>
              <CsrfField ctx={ctx} />
              <button type="submit" class="btn btn-primary">
                {t('personal.sessions.endOthers')}
              </button>
            </form>
          </>
        ) : (
          <p>{t('personal.sessions.noOthers')}</p>
        )}
      </section>
    </SectionPage>
  );
}

// ------------------------------------------------------------------------------------- delete account

export function DeleteAccountPage(props: { ctx: PageContext; form: FormState; hasEmail: boolean }): Html {
  const { ctx, form } = props;
  const { t } = ctx;
  const consequences: MessageKey[] = [
    'personal.delete.consequence.data',
    'personal.delete.consequence.sessions',
    'personal.delete.consequence.roles',
    'personal.delete.consequence.drafts',
    'personal.delete.consequence.requests',
    'personal.delete.consequence.audit',
    'personal.delete.consequence.spid',
  ];
  return (
    <SectionPage ctx={ctx} href={paths.deleteAccount()} title={t('personal.delete.title')} lead={t('personal.delete.lead')} issues={form.issues}>
      <div class="callout danger wemi-personal-callout">
        <div class="callout-title">
          <Icon ctx={ctx} name="warning-circle" />
          <span>{t('personal.delete.warningTitle')}</span>
        </div>
        <p>{t('personal.delete.warningText')}</p>
      </div>
      <section class="wemi-personal-block" aria-labelledby="delete-consequences-title">
        <h2 class="wemi-personal-block-title" id="delete-consequences-title">
          {t('personal.delete.consequencesTitle')}
        </h2>
        <ul class="wemi-personal-list">
          {consequences.map((k) => (
            <li>{t(k)}</li>
          ))}
          {props.hasEmail ? <li>{t('personal.delete.consequence.email')}</li> : null}
        </ul>
        <p>
          {t('personal.delete.exportFirst')} <a href={paths.myData()}>{t('personal.delete.exportLink')}</a>
        </p>
      </section>
      <section class="wemi-personal-block" aria-labelledby="delete-confirm-title">
        <h2 class="wemi-personal-block-title" id="delete-confirm-title">
          {t('personal.delete.confirmTitle')}
        </h2>
        <form method="post" action={paths.deleteAccount()} novalidate class="wemi-personal-form">
          <CsrfField ctx={ctx} />
          <TextField
            ctx={ctx}
            form={form}
            name="confirm_word"
            label={t('personal.delete.confirmLabel', { word: DELETE_WORD })}
            hint={t('personal.delete.confirmHint', { word: DELETE_WORD })}
            autocomplete="off"
            required
            maxlength={20}
          />
          <div class="wemi-personal-actions">
            <button type="submit" class="btn btn-danger">
              {t('personal.delete.submit')}
            </button>
            <a class="btn btn-outline-primary" href={paths.personalArea()}>
              {t('personal.delete.cancel')}
            </a>
          </div>
        </form>
      </section>
    </SectionPage>
  );
}
