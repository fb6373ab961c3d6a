import type { Child, Html } from '../../../lib/jsx/jsx-runtime';
import type { MessageKey } from '../../../i18n/catalogue';
import { formatDate } from '../../../i18n/i18n';
import type { PageContext } from '../../../web/context';
import { Icon } from '../../../web/components';
import { CsrfField, TextField, type FormState } from '../../../web/forms';
import { PasswordFields } from '../public/links.view';
import { paths } from '../../../web/paths';
import { SectionPage } from '../personal/personal.view';
import { TotpCodeField, TotpEnrolmentBlock } from '../public/login.view';
import type { TotpEnrolment } from '../totp';
import { CURRENT_PASSWORD, RECOVERY_BATCH, RECOVERY_CODE_COUNT } from './security.service';

// Pages of "Sicurezza" in the personal area: the overview (password, second factor, recovery codes) and one
// page per action, each a plain form that works without JavaScript. Actions that weaken the account or
// replace a credential ask for the current password; passwords and codes are never written back into a page.

export const securityPaths = {
  overview: paths.security(),
  password: paths.securityPassword(),
  secondFactor: paths.securitySecondFactor(),
  secondFactorConfirm: paths.securitySecondFactorConfirm(),
  secondFactorOff: paths.securitySecondFactorOff(),
  recoveryCodes: paths.securityRecoveryCodes(),
} as const;

/**
 * A page of the security section at `href`: the overview is the section's own page; every other page sits
 * under it (breadcrumb Area personale / Sicurezza / <page>, "Sicurezza" marked in the side menu as the
 * section the page belongs to).
 */
function SecurityPage(props: { ctx: PageContext; href: string; title: string; lead?: string; form?: FormState; notice?: string | undefined; children?: Child }): Html {
  const parent = props.href === securityPaths.overview ? undefined : { href: securityPaths.overview, label: props.ctx.t('security.title') };
  return (
    <SectionPage ctx={props.ctx} href={props.href} parent={parent} title={props.title} lead={props.lead} notice={props.notice} issues={props.form?.issues}>
      {props.children}
    </SectionPage>
  );
}

function Block(props: { id: string; title: string; children?: Child }): Html {
  return (
    <section class="wemi-personal-block" aria-labelledby={`${props.id}-title`} data-element={props.id}>
      <h2 class="wemi-personal-block-title" id={`${props.id}-title`}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

function Callout(props: { ctx: PageContext; kind: 'warning' | 'danger' | 'note'; title: string; children?: Child }): Html {
  return (
    <div class={`callout ${props.kind} wemi-personal-callout`}>
      <div class="callout-title">
        <Icon ctx={props.ctx} name={props.kind === 'note' ? 'info-circle' : 'warning-circle'} />
        <span>{props.title}</span>
      </div>
      {props.children}
    </div>
  );
}

/** A form of the section: CSRF token, the fields, then the submit button and a way back to the overview. */
function ActionForm(props: { ctx: PageContext; action: string; submit: string; danger?: boolean; children?: Child }): Html {
  return (
    <form method="post" action={props.action} novalidate class="wemi-personal-form">
      <CsrfField ctx={props.ctx} />
      {props.children}
      <div class="wemi-personal-actions">
        <button type="submit" class={props.danger ? 'btn btn-danger' : 'btn btn-primary'}>
          {props.submit}
        </button>
        <a class="btn btn-outline-primary" href={securityPaths.overview}>
          {props.ctx.t('security.cancel')}
        </a>
      </div>
    </form>
  );
}

function CurrentPasswordField(props: { ctx: PageContext; form: FormState; email: string | null }): Html {
  return (
    <>
      {/* Lets password managers find the password of the right account. */}
      <input type="hidden" name="username" value={props.email ?? ''} autocomplete="username" />
      <TextField
        ctx={props.ctx}
        form={props.form}
        name={CURRENT_PASSWORD}
        type="password"
        label={props.ctx.t('security.currentPassword')}
        autocomplete="current-password"
        required
        maxlength={128}
        noEcho
      />
    </>
  );
}

/** How many recovery codes are left ("Ti restano 9 codici di recupero su 10."). */
function CodesLeft(props: { ctx: PageContext; codes: { total: number; remaining: number } }): Html {
  const { t } = props.ctx;
  const { total, remaining } = props.codes;
  return <p data-element="recovery-codes-left">{total === 0 ? t('security.codes.none') : t('security.codes.left', { remaining, total })}</p>;
}

// ------------------------------------------------------------------------------------------------ overview

export interface SecurityOverview {
  /** False for people who log in only with SPID or CIE. */
  hasPassword: boolean;
  secondFactorSince: Date | null;
  /** City staff: the second factor cannot be turned off. */
  mustKeepSecondFactor: boolean;
  /** An app is being set up and waits for its first code. */
  enrolmentPending: boolean;
  codes: { total: number; remaining: number };
}

export function SecurityOverviewPage(props: { ctx: PageContext; data: SecurityOverview; notice?: string | undefined }): Html {
  const { ctx, data } = props;
  const { t } = ctx;
  const on = data.secondFactorSince !== null;
  return (
    <SecurityPage ctx={ctx} href={securityPaths.overview} title={t('security.title')} lead={t('security.lead')} notice={props.notice}>
      <Block id="security-password" title={t('security.password.title')}>
        {data.hasPassword ? (
          <>
            <p>{t('security.password.text')}</p>
            <p>
              <a class="btn btn-primary" href={securityPaths.password}>
                {t('security.password.change')}
              </a>
            </p>
          </>
        ) : (
          <>
            <p>{t('security.managed.text')}</p>
            <p>{t('security.managed.strong')}</p>
          </>
        )}
      </Block>
      {data.hasPassword ? (
        <Block id="security-second-factor" title={t('security.totp.title')}>
          <p>{t('security.totp.text')}</p>
          <dl class="wemi-personal-dl">
            <dt>{t('security.totp.state')}</dt>
            <dd data-element="second-factor-state">{on ? t('security.totp.onSince', { date: formatDate(ctx.locale, data.secondFactorSince!) }) : t('security.totp.off')}</dd>
          </dl>
          {data.mustKeepSecondFactor ? <p class="wemi-personal-meta">{t('security.totp.mandatory')}</p> : null}
          {data.enrolmentPending ? (
            <p>
              {t('security.totp.pending')} <a href={securityPaths.secondFactorConfirm}>{t('security.totp.pendingLink')}</a>
            </p>
          ) : null}
          <div class="wemi-personal-actions">
            <a class="btn btn-primary" href={securityPaths.secondFactor}>
              {on ? t('security.totp.again') : t('security.totp.turnOn')}
            </a>
            {on && !data.mustKeepSecondFactor ? (
              <a class="btn btn-outline-danger" href={securityPaths.secondFactorOff}>
                {t('security.totp.turnOff')}
              </a>
            ) : null}
          </div>
        </Block>
      ) : null}
      {on ? (
        <Block id="security-recovery" title={t('security.codes.title')}>
          <p>{t('security.codes.text')}</p>
          <CodesLeft ctx={ctx} codes={data.codes} />
          {data.codes.total > 0 && data.codes.remaining <= 3 ? <p class="wemi-personal-meta">{t('security.codes.fewLeft')}</p> : null}
          <p>
            <a class="btn btn-outline-primary" href={securityPaths.recoveryCodes}>
              {data.codes.total === 0 ? t('security.codes.generate') : t('security.codes.regenerate')}
            </a>
          </p>
        </Block>
      ) : null}
      <p>
        <a href={paths.sessions()}>{t('security.sessionsLink')}</a>
      </p>
    </SecurityPage>
  );
}

// ------------------------------------------------------------------------------------------------ password

export function ChangePasswordPage(props: { ctx: PageContext; form: FormState; email: string | null }): Html {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <SecurityPage ctx={ctx} href={securityPaths.password} title={t('security.password.change')} lead={t('security.password.lead')} form={form}>
      <ActionForm ctx={ctx} action={securityPaths.password} submit={t('security.password.submit')}>
        <CurrentPasswordField ctx={ctx} form={form} email={props.email} />
        <PasswordFields ctx={ctx} form={form} />
        <p class="wemi-personal-meta">{t('security.othersEnd')}</p>
      </ActionForm>
    </SecurityPage>
  );
}

// ------------------------------------------------------------------------------------------- second factor

const STEPS: MessageKey[] = ['security.totp.step.app', 'security.totp.step.scan', 'security.totp.step.code'];

/** Turning the second factor on, or setting it up on a new phone (then with the current password). */
export function SecondFactorStartPage(props: { ctx: PageContext; form: FormState; again: boolean; email: string | null }): Html {
  const { ctx, form, again } = props;
  const { t } = ctx;
  return (
    <SecurityPage ctx={ctx} href={securityPaths.secondFactor} title={again ? t('security.totp.againTitle') : t('security.totp.onTitle')} lead={t('security.totp.startLead')} form={form}>
      <ol class="wemi-personal-list">
        {STEPS.map((k) => (
          <li>{t(k)}</li>
        ))}
      </ol>
      {again ? <p>{t('security.totp.oldStillWorks')}</p> : null}
      <ActionForm ctx={ctx} action={securityPaths.secondFactor} submit={t('security.continue')}>
        <CurrentPasswordField ctx={ctx} form={form} email={props.email} />
        <p class="wemi-personal-meta">{t('security.othersEnd')}</p>
      </ActionForm>
    </SecurityPage>
  );
}

/** The QR code and the key of the new secret, exactly as at the first login, and the code that confirms it. */
export function SecondFactorConfirmPage(props: { ctx: PageContext; form: FormState; again: boolean; enrol: TotpEnrolment }): Html {
  const { ctx, form, again } = props;
  const { t } = ctx;
  return (
    <SecurityPage ctx={ctx} href={securityPaths.secondFactorConfirm} title={again ? t('security.totp.againTitle') : t('security.totp.onTitle')} lead={t('security.totp.confirmLead')} form={form}>
      <ActionForm ctx={ctx} action={securityPaths.secondFactorConfirm} submit={t('security.totp.confirm')}>
        <TotpEnrolmentBlock ctx={ctx} enrol={props.enrol} />
        <TotpCodeField ctx={ctx} form={form} />
        {again ? <p class="wemi-personal-meta">{t('security.totp.oldStillWorks')}</p> : null}
      </ActionForm>
    </SecurityPage>
  );
}

export function SecondFactorOffPage(props: { ctx: PageContext; form: FormState; email: string | null }): Html {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <SecurityPage ctx={ctx} href={securityPaths.secondFactorOff} title={t('security.totp.offTitle')} lead={t('security.totp.offLead')} form={form}>
      <Callout ctx={ctx} kind="danger" title={t('security.totp.offWarningTitle')}>
        <p>{t('security.totp.offWarning')}</p>
      </Callout>
      <ActionForm ctx={ctx} action={securityPaths.secondFactorOff} submit={t('security.totp.offSubmit')} danger>
        <CurrentPasswordField ctx={ctx} form={form} email={props.email} />
        <p class="wemi-personal-meta">{t('security.othersEnd')}</p>
      </ActionForm>
    </SecurityPage>
  );
}

/** City staff asking to turn the second factor off: it is mandatory for them. */
export function SecondFactorMandatoryPage(props: { ctx: PageContext }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <SecurityPage ctx={ctx} href={securityPaths.secondFactorOff} title={t('security.totp.offTitle')}>
      <Callout ctx={ctx} kind="note" title={t('security.totp.mandatoryTitle')}>
        <p>{t('security.totp.mandatory')}</p>
      </Callout>
      <div class="wemi-personal-actions">
        <a class="btn btn-primary" href={securityPaths.secondFactor}>
          {t('security.totp.again')}
        </a>
        <a class="btn btn-outline-primary" href={securityPaths.overview}>
          {t('security.back')}
        </a>
      </div>
    </SecurityPage>
  );
}

// ------------------------------------------------------------------------------------------ recovery codes

/**
 * Generating codes: the confirmation step (the current password; a warning when codes exist). `batch` names
 * the batch of codes the form was shown with (a hidden field): sent again once a new batch replaced it (the
 * browser reloading the page of the new codes, the back button), the form makes no new codes.
 */
export function RecoveryCodesGeneratePage(props: {
  ctx: PageContext;
  form: FormState;
  existing: { total: number; remaining: number };
  batch: string;
  email: string | null;
}): Html {
  const { ctx, form, existing } = props;
  const { t } = ctx;
  const replace = existing.total > 0;
  return (
    <SecurityPage
      ctx={ctx}
      href={securityPaths.recoveryCodes}
      title={replace ? t('security.codes.regenerate') : t('security.codes.generate')}
      lead={t('security.codes.generateLead', { count: RECOVERY_CODE_COUNT })}
      form={form}
    >
      {replace ? (
        <Callout ctx={ctx} kind="warning" title={t('security.codes.replaceTitle')}>
          <p>{t('security.codes.replaceWarning', { remaining: existing.remaining })}</p>
        </Callout>
      ) : null}
      <ActionForm ctx={ctx} action={securityPaths.recoveryCodes} submit={replace ? t('security.codes.regenerateSubmit') : t('security.codes.generateSubmit')}>
        <input type="hidden" name={RECOVERY_BATCH} value={props.batch} />
        <CurrentPasswordField ctx={ctx} form={form} email={props.email} />
      </ActionForm>
    </SecurityPage>
  );
}

/**
 * The new codes, shown this once: the answer to the POST, never stored as such, never cached (no-store),
 * never shown again. The page says so, says that these codes replace any earlier ones, and what reloading
 * it does (shows no codes and makes no new ones: see RecoveryCodesStalePage).
 */
export function RecoveryCodesShownPage(props: { ctx: PageContext; codes: string[]; replaced: boolean }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <SecurityPage ctx={ctx} href={securityPaths.recoveryCodes} title={t('security.codes.shownTitle')} lead={t('security.codes.shownLead')}>
      <Callout ctx={ctx} kind="warning" title={t('security.codes.onceTitle')}>
        <p>{t('security.codes.once')}</p>
        <p>{t('security.codes.noReload')}</p>
      </Callout>
      {props.replaced ? <p data-element="recovery-codes-replaced">{t('security.codes.replaced')}</p> : null}
      <ol class="wemi-personal-list" data-element="recovery-codes">
        {props.codes.map((c) => (
          <li>
            <code class="wemi-mfa-secret">{c}</code>
          </li>
        ))}
      </ol>
      <p>{t('security.codes.howToUse')}</p>
      <p>
        <a class="btn btn-primary" href={securityPaths.overview}>
          {t('security.codes.saved')}
        </a>
      </p>
    </SecurityPage>
  );
}

/**
 * A generation form sent when the codes have changed since it was shown (a reload of the page of the new
 * codes, the back button, a second tab): no new codes; the ones made before cannot be shown again.
 */
export function RecoveryCodesStalePage(props: { ctx: PageContext; codes: { total: number; remaining: number } }): Html {
  const { ctx, codes } = props;
  const { t } = ctx;
  return (
    <SecurityPage ctx={ctx} href={securityPaths.recoveryCodes} title={t('security.codes.staleTitle')}>
      <Callout ctx={ctx} kind="note" title={t('security.codes.staleFormTitle')}>
        <p>{t('security.codes.staleText')}</p>
      </Callout>
      <CodesLeft ctx={ctx} codes={codes} />
      <p>{t('security.codes.staleWhatNow')}</p>
      <div class="wemi-personal-actions">
        <a class="btn btn-primary" href={securityPaths.overview}>
          {t('security.back')}
        </a>
        <a class="btn btn-outline-primary" href={securityPaths.recoveryCodes}>
          {codes.total === 0 ? t('security.codes.generate') : t('security.codes.regenerate')}
        </a>
      </div>
    </SecurityPage>
  );
}
