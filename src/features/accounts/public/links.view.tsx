import type { Child, Html } from '../../../lib/jsx/jsx-runtime';
import type { PageContext } from '../../../web/context';
import { ErrorSummary } from '../../../web/components';
import { CheckboxField, CsrfField, TextField, type FormState } from '../../../web/forms';
import { Layout, PageHeader } from '../../../web/layout';
import { paths } from '../../../web/paths';
import { UNLOCK_TTL_MINUTES } from '../lockout.service';
import { NAME_MAX, RESET_TTL_MINUTES, type LinkProblem } from './links.service';

// Pages of the e-mail link flows: password dimenticata, reimposta password, verifica e-mail, invito, and
// the page for a link that is invalid, expired or already used. Forms follow the GOV.UK error pattern
// (error summary first, messages by the fields); passwords are never written back into a page.

function Narrow(props: { children?: Child }): Html {
  return (
    <div class="container mb-5">
      <div class="row justify-content-center">
        <div class="col-12 col-lg-8 px-lg-4">{props.children}</div>
      </div>
    </div>
  );
}

const titleOf = (ctx: PageContext, title: string, form?: FormState) =>
  form?.issues.length ? `${ctx.t('error.badRequest.title')}: ${title}` : title;

const loginCrumb = (ctx: PageContext) => ({ label: ctx.t('links.crumb.login'), href: paths.login() });

/** A new password and its confirmation (reset, invitation, registration, change in the personal area). */
export function PasswordFields(props: { ctx: PageContext; form: FormState; label?: string; hint?: string; confirmLabel?: string }): Html {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <>
      <TextField
        ctx={ctx}
        form={form}
        name="password"
        type="password"
        label={props.label ?? t('links.password.label')}
        hint={props.hint ?? t('links.password.hint')}
        autocomplete="new-password"
        required
        maxlength={128}
        noEcho
      />
      <TextField
        ctx={ctx}
        form={form}
        name="passwordConfirm"
        type="password"
        label={props.confirmLabel ?? t('links.password.confirm')}
        autocomplete="new-password"
        required
        maxlength={128}
        noEcho
      />
    </>
  );
}

/** GET/POST /password-dimenticata: the e-mail field (and, when locked, how long to wait). */
export function ForgotPasswordPage(props: { ctx: PageContext; form: FormState; locked?: string | undefined }): Html {
  const { ctx, form } = props;
  const { t } = ctx;
  const title = t('links.forgot.title');
  return (
    <Layout ctx={ctx} title={titleOf(ctx, title, form)} description={t('links.forgot.lead')}>
      <PageHeader ctx={ctx} crumbs={[loginCrumb(ctx), { label: title }]} title={title} lead={t('links.forgot.lead')} />
      <Narrow>
        {props.locked ? (
          <div class="alert alert-warning" role="alert" id="links-locked">
            {props.locked}
          </div>
        ) : null}
        <form method="post" action={paths.forgotPassword()} novalidate class="wemi-form">
          <ErrorSummary ctx={ctx} issues={form.issues} />
          <CsrfField ctx={ctx} />
          <TextField
            ctx={ctx}
            form={form}
            name="email"
            type="email"
            label={t('links.forgot.email')}
            hint={t('links.forgot.emailHint')}
            autocomplete="email"
            required
            maxlength={254}
          />
          <button type="submit" class="btn btn-primary">
            {t('links.forgot.submit')}
          </button>
        </form>
        <p class="mt-4">{t('links.forgot.spid')}</p>
        <p>
          <a href={paths.login()}>{t('links.backToLogin')}</a>
        </p>
      </Narrow>
    </Layout>
  );
}

/** The one answer to every accepted request, whether or not the account exists. */
export function ForgotPasswordSentPage(props: { ctx: PageContext }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const title = t('links.forgot.sentTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeader ctx={ctx} crumbs={[loginCrumb(ctx), { label: t('links.forgot.title'), href: paths.forgotPassword() }, { label: title }]} title={title} />
      <Narrow>
        <div class="alert alert-success" role="status" id="links-sent">
          {t('links.forgot.sent', { minutes: RESET_TTL_MINUTES })}
        </div>
        <p>{t('links.forgot.sentHelp')}</p>
        <p>
          <a href={paths.forgotPassword()}>{t('links.forgot.again')}</a>
        </p>
        <p>
          <a href={paths.login()}>{t('links.backToLogin')}</a>
        </p>
      </Narrow>
    </Layout>
  );
}

/** GET/POST /reimposta-password/<token>: the new password, twice. */
export function ResetPasswordPage(props: { ctx: PageContext; form: FormState; token: string; email: string }): Html {
  const { ctx, form } = props;
  const { t } = ctx;
  const title = t('links.reset.title');
  return (
    <Layout ctx={ctx} title={titleOf(ctx, title, form)}>
      <PageHeader ctx={ctx} crumbs={[loginCrumb(ctx), { label: title }]} title={title} lead={t('links.reset.lead', { email: props.email })} />
      <Narrow>
        <form method="post" action={paths.resetPassword(props.token)} novalidate class="wemi-form">
          <ErrorSummary ctx={ctx} issues={form.issues} />
          <CsrfField ctx={ctx} />
          {/* Lets password managers store the new password under the right account. */}
          <input type="hidden" name="username" value={props.email} autocomplete="username" />
          <PasswordFields ctx={ctx} form={form} />
          <button type="submit" class="btn btn-primary">
            {t('links.reset.submit')}
          </button>
        </form>
      </Narrow>
    </Layout>
  );
}

export type LinkFlow = 'reset' | 'verify' | 'invitation' | 'unlock';

/** A link that cannot be used, said plainly, with the way forward for its flow. */
export function LinkProblemPage(props: { ctx: PageContext; flow: LinkFlow; reason: LinkProblem }): Html {
  const { ctx, flow, reason } = props;
  const { t } = ctx;
  const title = t(`links.problem.${reason}.title`);
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeader ctx={ctx} crumbs={[{ label: title }]} title={title} lead={t(`links.problem.${reason}.body`)} />
      <Narrow>
        <div data-link-problem={reason}>
          {flow === 'reset' || flow === 'unlock' ? (
            <p>
              <a class="btn btn-primary" href={flow === 'reset' ? paths.forgotPassword() : paths.loginUnlock()}>
                {t(flow === 'reset' ? 'links.problem.reset.next' : 'lockout.problem.next')}
              </a>
            </p>
          ) : flow === 'verify' ? (
            <>
              <p>{t('links.problem.verify.help')}</p>
              <p>
                <a class="btn btn-primary" href={paths.personalArea()}>
                  {t('links.problem.verify.next')}
                </a>
              </p>
            </>
          ) : (
            <>
              <p>{t('links.problem.invitation.help')}</p>
              <p>
                <a class="btn btn-primary" href={paths.login()}>
                  {t('links.problem.invitation.next')}
                </a>
              </p>
            </>
          )}
        </div>
      </Narrow>
    </Layout>
  );
}

/** GET /verifica-email/<token>: the address is verified (now or before). */
export function EmailVerifiedPage(props: { ctx: PageContext; email: string; already: boolean }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const title = t('links.verify.title');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeader ctx={ctx} crumbs={[{ label: title }]} title={title} />
      <Narrow>
        <div class="alert alert-success" role="status" id="links-verified">
          {props.already ? t('links.verify.already', { email: props.email }) : t('links.verify.body', { email: props.email })}
        </div>
        <p>
          <a class="btn btn-primary" href={paths.personalArea()}>
            {t('links.verify.continue')}
          </a>
        </p>
      </Narrow>
    </Layout>
  );
}

/** GET/POST /invito/<token>: who invited, for what, and the form that activates the account. */
export function InvitationPage(props: {
  ctx: PageContext;
  form: FormState;
  token: string;
  email: string;
  inviter: string;
  roles: string[];
}): Html {
  const { ctx, form } = props;
  const { t } = ctx;
  const title = t('links.invite.title');
  return (
    <Layout ctx={ctx} title={titleOf(ctx, title, form)}>
      <PageHeader ctx={ctx} crumbs={[{ label: title }]} title={title} lead={t('links.invite.lead', { inviter: props.inviter, email: props.email })} />
      <Narrow>
        <ErrorSummary ctx={ctx} issues={form.issues} />
        <section aria-labelledby="invite-roles-title" class="mb-4">
          <h2 class="h5" id="invite-roles-title">
            {t('links.invite.roles')}
          </h2>
          {props.roles.length ? (
            <ul data-invitation-roles="">
              {props.roles.map((r) => (
                <li>{r}</li>
              ))}
            </ul>
          ) : (
            <p>{t('links.invite.noRoles')}</p>
          )}
        </section>
        <form method="post" action={paths.invitation(props.token)} novalidate class="wemi-form" aria-labelledby="invite-form-title">
          <h2 class="h5" id="invite-form-title">
            {t('links.invite.formTitle')}
          </h2>
          <p>{t('links.invite.formLead')}</p>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="username" value={props.email} autocomplete="username" />
          <TextField ctx={ctx} form={form} name="givenName" label={t('links.invite.givenName')} autocomplete="given-name" required maxlength={NAME_MAX} />
          <TextField ctx={ctx} form={form} name="familyName" label={t('links.invite.familyName')} autocomplete="family-name" required maxlength={NAME_MAX} />
          <PasswordFields ctx={ctx} form={form} />
          <p class="mt-3">
            <a href={paths.page('privacy')}>{t('links.invite.privacyLink')}</a>
          </p>
          <CheckboxField ctx={ctx} form={form} name="privacy" label={t('links.invite.privacy')} />
          <button type="submit" class="btn btn-primary mt-3">
            {t('links.invite.submit')}
          </button>
        </form>
      </Narrow>
    </Layout>
  );
}

/** GET/POST /accedi/sblocco: the e-mail field (and, when locked, how long to wait). */
export function UnlockRequestPage(props: { ctx: PageContext; form: FormState; locked?: string | undefined }): Html {
  const { ctx, form } = props;
  const { t } = ctx;
  const title = t('lockout.request.title');
  return (
    <Layout ctx={ctx} title={titleOf(ctx, title, form)} description={t('lockout.request.lead')}>
      <PageHeader ctx={ctx} crumbs={[loginCrumb(ctx), { label: title }]} title={title} lead={t('lockout.request.lead')} />
      <Narrow>
        {props.locked ? (
          <div class="alert alert-warning" role="alert" id="links-locked">
            {props.locked}
          </div>
        ) : null}
        <form method="post" action={paths.loginUnlock()} novalidate class="wemi-form">
          <ErrorSummary ctx={ctx} issues={form.issues} />
          <CsrfField ctx={ctx} />
          <TextField
            ctx={ctx}
            form={form}
            name="email"
            type="email"
            label={t('lockout.request.email')}
            hint={t('lockout.request.emailHint')}
            autocomplete="email"
            required
            maxlength={254}
          />
          <button type="submit" class="btn btn-primary">
            {t('lockout.request.submit')}
          </button>
        </form>
        <p class="mt-4">
          <a href={paths.forgotPassword()}>{t('lockout.request.forgot')}</a>
        </p>
        <p>
          <a href={paths.loginPassword()}>{t('links.backToLogin')}</a>
        </p>
      </Narrow>
    </Layout>
  );
}

/** The one answer to every accepted request for an unlock link, whether or not the account exists. */
export function UnlockSentPage(props: { ctx: PageContext }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const title = t('lockout.sent.title');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeader ctx={ctx} crumbs={[loginCrumb(ctx), { label: t('lockout.request.title'), href: paths.loginUnlock() }, { label: title }]} title={title} />
      <Narrow>
        <div class="alert alert-success" role="status" id="links-sent">
          {t('lockout.sent.body', { minutes: UNLOCK_TTL_MINUTES })}
        </div>
        <p>{t('lockout.sent.help')}</p>
        <p>
          <a href={paths.loginUnlock()}>{t('lockout.sent.again')}</a>
        </p>
        <p>
          <a href={paths.loginPassword()}>{t('links.backToLogin')}</a>
        </p>
      </Narrow>
    </Layout>
  );
}

/** GET /accedi/sblocco/<token>: what the link does, and the button that uses it (a mail scanner opening it uses nothing). */
export function UnlockLinkPage(props: { ctx: PageContext; token: string; email: string }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const title = t('lockout.link.title');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeader ctx={ctx} crumbs={[loginCrumb(ctx), { label: title }]} title={title} lead={t('lockout.link.lead', { email: props.email })} />
      <Narrow>
        <p>{t('lockout.link.note')}</p>
        <form method="post" action={paths.loginUnlockLink(props.token)} class="wemi-form">
          <CsrfField ctx={ctx} />
          <button type="submit" class="btn btn-primary">
            {t('lockout.link.submit')}
          </button>
        </form>
      </Narrow>
    </Layout>
  );
}
