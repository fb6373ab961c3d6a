import type { Html } from '../../../lib/jsx/jsx-runtime';
import type { PageContext } from '../../../web/context';
import { ErrorSummary, Icon } from '../../../web/components';
import { CsrfField, TextField, type FormState } from '../../../web/forms';
import { Layout, PageHeader } from '../../../web/layout';
import { paths } from '../../../web/paths';
import type { TotpEnrolment } from '../totp';

// The "Accedi" page (Modello Comuni: SPID, CIE, other credentials), the e-mail and password form and the
// second-factor step.

const withReturn = (href: string, returnTo: string) => `${href}?ritorno=${encodeURIComponent(returnTo)}`;

function Narrow(props: { children?: unknown }): Html {
  return (
    <div class="container mb-5">
      <div class="row justify-content-center">
        <div class="col-12 col-lg-8 px-lg-4">{props.children as Html}</div>
      </div>
    </div>
  );
}

export function LoginPage(props: { ctx: PageContext; returnTo: string; notice?: string | undefined; citizenPasswords?: boolean }): Html {
  const { ctx, returnTo } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('auth.login.title')} description={t('auth.login.lead')}>
      <PageHeader ctx={ctx} crumbs={[{ label: t('auth.login.title') }]} title={t('auth.login.title')} lead={t('auth.login.lead')} />
      <Narrow>
        {props.notice ? (
          <div class="alert alert-success" role="status">
            {props.notice}
          </div>
        ) : null}
        <div class="row g-4 wemi-login-options">
          <div class="col-12 col-md-6">
            <div class="card shadow-sm rounded h-100 wemi-login-card" data-element="spid-login">
              <div class="card-body">
                <h2 class="h4 card-title">{t('auth.login.spid.title')}</h2>
                <p class="card-text">{t('auth.login.spid.body')}</p>
                <a class="btn btn-primary btn-icon wemi-login-button" href={withReturn(paths.loginSpid(), returnTo)}>
                  <Icon ctx={ctx} name="user" class="icon-white me-2" />
                  <span>{t('auth.login.spid.button')}</span>
                </a>
                <p class="mt-3 mb-0">
                  <a href="https://www.spid.gov.it/cos-e-spid/come-attivare-spid/" hreflang="it">
                    {t('auth.login.spid.how')}
                  </a>
                </p>
              </div>
            </div>
          </div>
          <div class="col-12 col-md-6">
            <div class="card shadow-sm rounded h-100 wemi-login-card" data-element="cie-login">
              <div class="card-body">
                <h2 class="h4 card-title">{t('auth.login.cie.title')}</h2>
                <p class="card-text">{t('auth.login.cie.body')}</p>
                <a class="btn btn-primary btn-icon wemi-login-button" href={withReturn(paths.loginCie(), returnTo)}>
                  <Icon ctx={ctx} name="card" class="icon-white me-2" />
                  <span>{t('auth.login.cie.button')}</span>
                </a>
                <p class="mt-3 mb-0">
                  <a href="https://www.cartaidentita.interno.gov.it/richiedi/" hreflang="it">
                    {t('auth.login.cie.how')}
                  </a>
                </p>
              </div>
            </div>
          </div>
        </div>
        <section class="mt-5 wemi-login-other" aria-labelledby="other-login-title">
          <h2 class="h4" id="other-login-title">
            {t('auth.login.other.title')}
          </h2>
          <p>{t(props.citizenPasswords ? 'auth.login.other.bodyCitizens' : 'auth.login.other.body')}</p>
          <a class="btn btn-outline-primary" href={withReturn(paths.loginPassword(), returnTo)}>
            {t('auth.login.other.button')}
          </a>
          {props.citizenPasswords ? (
            <p class="mt-3">
              {t('auth.login.register.lead')} <a href={paths.register()}>{t('auth.login.register.link')}</a>
            </p>
          ) : null}
        </section>
        <p class="mt-5">{t('auth.login.help')}</p>
      </Narrow>
    </Layout>
  );
}

/**
 * The e-mail and password form. `locked`: a lock stops this browser (whatever the account, existing or not), so the
 * page offers the e-mailed link that unlocks logging in from this browser.
 */
export function PasswordLoginPage(props: { ctx: PageContext; form: FormState; returnTo: string; notice?: string | undefined; locked?: boolean }): Html {
  const { ctx, form, returnTo } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={form.issues.length ? `${t('error.badRequest.title')}: ${t('auth.password.title')}` : t('auth.password.title')}>
      <PageHeader
        ctx={ctx}
        crumbs={[{ label: t('auth.login.title'), href: paths.login(returnTo) }, { label: t('auth.password.title') }]}
        title={t('auth.password.title')}
        lead={t('auth.password.lead')}
      />
      <Narrow>
        {props.notice ? (
          <div class="alert alert-success" role="status">
            {props.notice}
          </div>
        ) : null}
        <form method="post" action={paths.loginPassword()} novalidate class="wemi-form">
          <ErrorSummary ctx={ctx} issues={form.issues} />
          {props.locked ? (
            <section class="alert alert-info" id="login-unlock" aria-labelledby="login-unlock-title">
              <h2 class="h5" id="login-unlock-title">
                {t('lockout.login.title')}
              </h2>
              <p>{t('lockout.login.body')}</p>
              <p class="mb-0">
                <a href={paths.loginUnlock()}>{t('lockout.login.link')}</a>
              </p>
            </section>
          ) : null}
          <CsrfField ctx={ctx} />
          <input type="hidden" name="ritorno" value={returnTo} />
          <TextField ctx={ctx} form={form} name="email" type="email" label={t('auth.password.email')} autocomplete="username" required maxlength={254} />
          <TextField ctx={ctx} form={form} name="password" type="password" label={t('auth.password.password')} autocomplete="current-password" required maxlength={128} noEcho />
          <button type="submit" class="btn btn-primary">
            {t('auth.password.submit')}
          </button>
        </form>
        <p class="mt-4">
          <a href={paths.forgotPassword()}>{t('auth.password.forgot')}</a>
        </p>
        <p>
          <a href={paths.login(returnTo)}>{t('auth.password.back')}</a>
        </p>
      </Narrow>
    </Layout>
  );
}

export function SecondFactorPage(props: {
  ctx: PageContext;
  form: FormState;
  returnTo: string;
  /** Enrolment: the QR code (SVG data URI) and the key to type by hand. */
  enrol?: TotpEnrolment | undefined;
}): Html {
  const { ctx, form, returnTo, enrol } = props;
  const { t } = ctx;
  const title = enrol ? t('auth.mfa.enrolTitle') : t('auth.mfa.title');
  return (
    <Layout ctx={ctx} title={form.issues.length ? `${t('error.badRequest.title')}: ${title}` : title}>
      <PageHeader ctx={ctx} crumbs={[{ label: t('auth.login.title'), href: paths.login() }, { label: title }]} title={title} lead={enrol ? t('auth.mfa.enrolLead') : t('auth.mfa.lead')} />
      <Narrow>
        <form method="post" action={paths.loginSecondFactor()} novalidate class="wemi-form">
          <ErrorSummary ctx={ctx} issues={form.issues} />
          <CsrfField ctx={ctx} />
          <input type="hidden" name="ritorno" value={returnTo} />
          {enrol ? <TotpEnrolmentBlock ctx={ctx} enrol={enrol} /> : null}
          <TotpCodeField ctx={ctx} form={form} />
          <button type="submit" class="btn btn-primary">
            {enrol ? t('auth.mfa.enrolSubmit') : t('auth.mfa.submit')}
          </button>
        </form>
        {enrol ? null : (
          <p class="mt-4">
            <a href={withReturn(paths.loginRecovery(), returnTo)}>{t('auth.recovery.link')}</a>
          </p>
        )}
        <CancelLoginForm ctx={ctx} />
      </Narrow>
    </Layout>
  );
}

/**
 * The QR code and the key to type by hand of a new authenticator app: the same at the first login and when
 * the person sets up an app again from the personal area.
 */
export function TotpEnrolmentBlock(props: { ctx: PageContext; enrol: TotpEnrolment }): Html {
  const { ctx, enrol } = props;
  const { t } = ctx;
  return (
    <div class="wemi-mfa-enrol mb-4">
      <img src={enrol.qrDataUri} alt={t('auth.mfa.qrAlt')} width="200" height="200" class="wemi-mfa-qr" />
      <p class="mt-3 mb-1">{t('auth.mfa.secret')}</p>
      <p>
        <code class="wemi-mfa-secret" data-element="totp-secret">
          {enrol.secret.replace(/(.{4})/g, '$1 ').trim()}
        </code>
      </p>
    </div>
  );
}

/** The 6-digit code of the authenticator app (field 'code'). */
export function TotpCodeField(props: { ctx: PageContext; form: FormState }): Html {
  const { t } = props.ctx;
  return (
    <TextField
      ctx={props.ctx}
      form={props.form}
      name="code"
      label={t('auth.mfa.code')}
      hint={t('auth.mfa.codeHint')}
      autocomplete="one-time-code"
      inputmode="numeric"
      required
      maxlength={7}
      noEcho
    />
  );
}

/** "Annulla e esci": a pending login ends here. */
function CancelLoginForm(props: { ctx: PageContext }): Html {
  return (
    <form method="post" action={paths.logout()} class="mt-4">
      <CsrfField ctx={props.ctx} />
      <button type="submit" class="btn btn-link px-0">
        {props.ctx.t('auth.mfa.cancel')}
      </button>
    </form>
  );
}

/** The second-factor step with a recovery code instead of the app's code. */
export function RecoveryCodeLoginPage(props: { ctx: PageContext; form: FormState; returnTo: string }): Html {
  const { ctx, form, returnTo } = props;
  const { t } = ctx;
  const title = t('auth.recovery.title');
  return (
    <Layout ctx={ctx} title={form.issues.length ? `${t('error.badRequest.title')}: ${title}` : title}>
      <PageHeader ctx={ctx} crumbs={[{ label: t('auth.login.title'), href: paths.login() }, { label: title }]} title={title} lead={t('auth.recovery.lead')} />
      <Narrow>
        <form method="post" action={paths.loginRecovery()} novalidate class="wemi-form">
          <ErrorSummary ctx={ctx} issues={form.issues} />
          <CsrfField ctx={ctx} />
          <input type="hidden" name="ritorno" value={returnTo} />
          <TextField
            ctx={ctx}
            form={form}
            name="recoveryCode"
            label={t('auth.recovery.code')}
            hint={t('auth.recovery.codeHint')}
            autocomplete="off"
            required
            maxlength={30}
            noEcho
          />
          <button type="submit" class="btn btn-primary">
            {t('auth.recovery.submit')}
          </button>
        </form>
        <p class="mt-4">
          <a href={withReturn(paths.loginSecondFactor(), returnTo)}>{t('auth.recovery.useApp')}</a>
        </p>
        <p>{t('auth.recovery.noCodes')}</p>
        <CancelLoginForm ctx={ctx} />
      </Narrow>
    </Layout>
  );
}
