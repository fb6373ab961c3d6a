import type { Child, Html } from '../../../lib/jsx/jsx-runtime';
import type { PageContext } from '../../../web/context';
import { ErrorSummary, Icon } from '../../../web/components';
import { CheckboxField, CsrfField, TextField, type FormState } from '../../../web/forms';
import { PasswordFields } from './links.view';
import { Layout, PageHeader } from '../../../web/layout';
import { paths } from '../../../web/paths';
import { PRIVACY_VERSION } from '../login.service';
import { NAME_MAX, VERIFY_TTL_MINUTES } from './links.service';

// The "Registrati" page (name, e-mail, password twice, privacy notice) and the one answer it gives,
// "Controlla la tua casella di posta", whether or not the address already had an account. Forms follow
// the GOV.UK error pattern (error summary first, messages by the fields); passwords are never written back.

/** The address of the registration page (until it has its path builder in src/web/paths.ts). */
export const REGISTER_PATH = paths.register();
export const REGISTER_SENT_PATH = `${REGISTER_PATH}?inviata=1`;

function Narrow(props: { children?: Child }): Html {
  return (
    <div class="container mb-5">
      <div class="row justify-content-center">
        <div class="col-12 col-lg-8 px-lg-4">{props.children}</div>
      </div>
    </div>
  );
}

const loginCrumb = (ctx: PageContext) => ({ label: ctx.t('register.crumb.login'), href: paths.login() });

/** GET/POST /registrati: the form (and, when the limits are reached, how long to wait). */
export function RegisterPage(props: { ctx: PageContext; form: FormState; locked?: string | undefined }): Html {
  const { ctx, form } = props;
  const { t } = ctx;
  const title = t('register.title');
  return (
    <Layout ctx={ctx} title={form.issues.length ? `${t('error.badRequest.title')}: ${title}` : title} description={t('register.lead')}>
      <PageHeader ctx={ctx} crumbs={[loginCrumb(ctx), { label: title }]} title={title} lead={t('register.lead')} />
      <Narrow>
        <div class="callout note" data-element="register-spid">
          <div class="callout-title">
            <Icon ctx={ctx} name="info-circle" />
            <span>{t('register.spid.title')}</span>
          </div>
          <p>
            {t('register.spid.body')} <a href={paths.login()}>{t('register.spid.link')}</a>
          </p>
        </div>
        {props.locked ? (
          <div class="alert alert-warning" role="alert" id="register-locked">
            {props.locked}
          </div>
        ) : null}
        <form method="post" action={REGISTER_PATH} novalidate class="wemi-form">
          <ErrorSummary ctx={ctx} issues={form.issues} />
          <CsrfField ctx={ctx} />
          <TextField ctx={ctx} form={form} name="givenName" label={t('register.givenName')} autocomplete="given-name" required maxlength={NAME_MAX} />
          <TextField ctx={ctx} form={form} name="familyName" label={t('register.familyName')} autocomplete="family-name" required maxlength={NAME_MAX} />
          <TextField ctx={ctx} form={form} name="email" type="email" label={t('register.email')} hint={t('register.emailHint')} autocomplete="email" required maxlength={254} />
          <PasswordFields ctx={ctx} form={form} label={t('register.password')} hint={t('register.passwordHint')} confirmLabel={t('register.passwordConfirm')} />
          <p class="mt-3">
            <a href={paths.page('privacy')}>{t('register.privacyLink')}</a>
          </p>
          <CheckboxField ctx={ctx} form={form} name="privacy" label={t('register.privacy', { version: PRIVACY_VERSION })} />
          <button type="submit" class="btn btn-primary mt-3">
            {t('register.submit')}
          </button>
        </form>
        <p class="mt-4">
          {t('register.haveAccount')} <a href={paths.login()}>{t('register.login')}</a>
        </p>
      </Narrow>
    </Layout>
  );
}

/** The one answer to every accepted registration, whether or not the address already had an account. */
export function RegisterSentPage(props: { ctx: PageContext }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const title = t('register.sent.title');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeader ctx={ctx} crumbs={[loginCrumb(ctx), { label: t('register.title'), href: REGISTER_PATH }, { label: title }]} title={title} />
      <Narrow>
        <div class="alert alert-success" role="status" id="register-sent">
          {t('register.sent.body', { hours: VERIFY_TTL_MINUTES / 60 })}
        </div>
        <p>{t('register.sent.help')}</p>
        <p>
          <a href={paths.login()}>{t('register.sent.login')}</a>
        </p>
      </Narrow>
    </Layout>
  );
}
