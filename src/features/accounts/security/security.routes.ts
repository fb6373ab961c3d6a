import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { AppDeps } from '../../../deps';
import { sessionSettings } from '../session';
import type { MessageKey } from '../../../i18n/catalogue';
import { AppError } from '../../../lib/http/errors';
import { bodyString, emptyForm, type FormState } from '../../../web/forms';
import { paths } from '../../../web/paths';
import { hashPassword, verifyPassword } from '../password';
import { needsPrivacyAcceptance, type Actor } from '../personal/personal.service';
import { newPasswordIssues } from '../public/links.service';
import type { Principal } from '../session';
import { deviceOf } from '../lockout.service';
import { totpEnrolment } from '../totp';
import { findUserById, type UserRow } from '../users.repository';
import { pendingTotpSecret } from './security.repository';
import {
  changePassword,
  checkCurrentPassword,
  confirmTotpEnrolment,
  CURRENT_PASSWORD,
  disableSecondFactor,
  mustKeepSecondFactor,
  RECOVERY_BATCH,
  recoveryBatch,
  recoveryCodeCount,
  regenerateRecoveryCodes,
  startTotpEnrolment,
  type ActingSession,
  type MailContext,
} from './security.service';
import {
  ChangePasswordPage,
  RecoveryCodesGeneratePage,
  RecoveryCodesShownPage,
  RecoveryCodesStalePage,
  SecondFactorConfirmPage,
  SecondFactorMandatoryPage,
  SecondFactorOffPage,
  SecondFactorStartPage,
  SecurityOverviewPage,
  securityPaths,
} from './security.view';

// The "Sicurezza" page of the personal area (/area-personale/sicurezza): change the password, turn the
// second factor on, set it up on a new phone or turn it off (never for City staff), generate recovery codes.
// For logged-in people only, after the current privacy notice; pages are never cached. People who log in
// only with SPID or CIE have no password here: their credentials are their identity provider's business,
// and every action page sends them back to the overview, which says so.

/** Success notices after a redirect (`?esito=…`): only these values are shown. */
const NOTICES: Record<string, MessageKey> = {
  password: 'security.notice.password',
  attivata: 'security.notice.totpOn',
  configurata: 'security.notice.totpAgain',
  disattivata: 'security.notice.totpOff',
};

/** Everything a handler needs about who acts: the account row, the principal, the audit actor, the session. */
interface Me {
  row: UserRow;
  principal: Principal;
  actor: Actor;
  session: ActingSession;
  mail: MailContext;
}

type Handler = (request: FastifyRequest, reply: FastifyReply, me: Me) => Promise<FastifyReply>;

const fieldOf = (request: FastifyRequest, name: string, max = 1024) => (bodyString(request.body, name) ?? '').slice(0, max);

export function registerSecurityRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const settings = sessionSettings(config);
  /** What the throttle of the current password needs from the request (lockout.service.ts). */
  const lockoutOf = (request: FastifyRequest) => ({ device: deviceOf(request), baseUrl: config.publicBaseUrl, alertTo: config.SECURITY_ALERT_EMAIL });

  const options: RouteShorthandOptions = {
    config: { access: 'authenticated' },
    // Credentials and codes: not kept by the browser or any cache.
    onSend: async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    },
  };

  /**
   * Loads the account; the privacy notice comes first when its version changed; people without a password
   * (SPID/CIE) see only the overview (`withoutPassword`: the routes open to them).
   */
  const withMe =
    (handler: Handler, opts: { withoutPassword?: boolean } = {}) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const principal = request.user;
      const row = principal ? await findUserById(db, principal.id) : undefined;
      if (!principal || !row || row.status !== 'active') throw new AppError('unauthorized', 'Login required');
      if (needsPrivacyAcceptance(row)) {
        const back = request.method === 'GET' ? request.url : securityPaths.overview;
        return reply.redirect(`${paths.privacyConsent()}?ritorno=${encodeURIComponent(back)}`, 303);
      }
      if (!opts.withoutPassword && !row.password_hash) return reply.redirect(securityPaths.overview, 303);
      const { t, locale } = request.ctx;
      return handler(request, reply, {
        row,
        principal,
        actor: { id: principal.id, label: principal.label, ip: request.ip },
        session: { request, reply, settings, idHash: principal.session.idHash, method: principal.session.method },
        mail: { t, locale, baseUrl: config.publicBaseUrl },
      });
    };

  const done = (reply: FastifyReply, notice: keyof typeof NOTICES) => reply.redirect(`${securityPaths.overview}?esito=${notice}`, 303);

  // ------------------------------------------------------------------------------------------ overview

  app.get(
    securityPaths.overview,
    options,
    withMe(
      async (request, reply, me) => {
        const raw = (request.query as Record<string, unknown>).esito;
        const key = typeof raw === 'string' ? NOTICES[raw] : undefined;
        return reply.page(
          SecurityOverviewPage({
            ctx: request.ctx,
            data: {
              hasPassword: me.row.password_hash !== null,
              secondFactorSince: me.row.totp_enabled_at,
              mustKeepSecondFactor: mustKeepSecondFactor(me.principal.roles),
              enrolmentPending: (await pendingTotpSecret(db, me.row.id)) !== undefined,
              codes: await recoveryCodeCount(db, me.row.id),
            },
            notice: key ? request.ctx.t(key) : undefined,
          }),
        );
      },
      { withoutPassword: true },
    ),
  );

  // ------------------------------------------------------------------------------------------ password

  app.get(
    securityPaths.password,
    options,
    withMe(async (request, reply, me) => reply.page(ChangePasswordPage({ ctx: request.ctx, form: emptyForm(), email: me.row.email }))),
  );

  app.post(
    securityPaths.password,
    options,
    withMe(async (request, reply, me) => {
      const { t } = request.ctx;
      const current = fieldOf(request, CURRENT_PASSWORD);
      const password = fieldOf(request, 'password');
      const confirm = fieldOf(request, 'passwordConfirm');
      const fail = (form: FormState) => reply.page(ChangePasswordPage({ ctx: request.ctx, form, email: me.row.email }), 400);
      const issues = newPasswordIssues(t, password, confirm, [me.row.given_name, me.row.family_name, me.row.email]);
      // The current password is checked (and a wrong one counted) only when the rest of the form is right.
      if (!current) return fail({ values: {}, issues: [{ field: CURRENT_PASSWORD, message: t('security.error.currentRequired') }, ...issues] });
      if (issues.length) return fail({ values: {}, issues });
      const wrong = await checkCurrentPassword(db, t, me.actor, me.row, current, 'password_change', lockoutOf(request));
      if (wrong) return fail({ values: {}, issues: [wrong] });
      if (await verifyPassword(password, me.row.password_hash!)) {
        return fail({ values: {}, issues: [{ field: 'password', message: t('security.error.samePassword') }] });
      }
      await changePassword(db, me.actor, me.row, await hashPassword(password), me.session, me.mail);
      return done(reply, 'password');
    }),
  );

  // ------------------------------------------------------------------------------------- second factor

  app.get(
    securityPaths.secondFactor,
    options,
    withMe(async (request, reply, me) =>
      reply.page(SecondFactorStartPage({ ctx: request.ctx, form: emptyForm(), again: me.row.totp_enabled_at !== null, email: me.row.email })),
    ),
  );

  app.post(
    securityPaths.secondFactor,
    options,
    withMe(async (request, reply, me) => {
      const again = me.row.totp_enabled_at !== null;
      // Turning the second factor on, or replacing it, asks for the password: whoever took over an open
      // session must not lock the owner out with an app of their own.
      const wrong = await checkCurrentPassword(db, request.ctx.t, me.actor, me.row, fieldOf(request, CURRENT_PASSWORD), again ? 'mfa_reenrol' : 'mfa_enrol', lockoutOf(request));
      if (wrong) return reply.page(SecondFactorStartPage({ ctx: request.ctx, form: { values: {}, issues: [wrong] }, again, email: me.row.email }), 400);
      await startTotpEnrolment(db, me.actor, me.row);
      return reply.redirect(securityPaths.secondFactorConfirm, 303);
    }),
  );

  const confirmPage = async (request: FastifyRequest, reply: FastifyReply, me: Me, secret: string, form: FormState, status = 200) =>
    reply.page(
      SecondFactorConfirmPage({ ctx: request.ctx, form, again: me.row.totp_enabled_at !== null, enrol: await totpEnrolment(secret, me.row.email ?? me.row.id) }),
      status,
    );

  app.get(
    securityPaths.secondFactorConfirm,
    options,
    withMe(async (request, reply, me) => {
      const secret = await pendingTotpSecret(db, me.row.id);
      if (!secret) return reply.redirect(securityPaths.secondFactor, 303);
      return confirmPage(request, reply, me, secret, emptyForm());
    }),
  );

  app.post(
    securityPaths.secondFactorConfirm,
    options,
    withMe(async (request, reply, me) => {
      const result = await confirmTotpEnrolment(db, request.ctx.t, me.actor, me.row, fieldOf(request, 'code', 20), me.session, me.mail);
      if (result.outcome === 'none') return reply.redirect(securityPaths.secondFactor, 303);
      if (result.outcome === 'done') return done(reply, result.again ? 'configurata' : 'attivata');
      // Still pending (a wrong code leaves it in place): the same secret, shown again.
      const secret = await pendingTotpSecret(db, me.row.id);
      if (!secret) return reply.redirect(securityPaths.secondFactor, 303);
      return confirmPage(request, reply, me, secret, { values: {}, issues: [result.issue] }, 400);
    }),
  );

  app.get(
    securityPaths.secondFactorOff,
    options,
    withMe(async (request, reply, me) => {
      if (!me.row.totp_enabled_at) return reply.redirect(securityPaths.overview, 303);
      if (mustKeepSecondFactor(me.principal.roles)) return reply.page(SecondFactorMandatoryPage({ ctx: request.ctx }));
      return reply.page(SecondFactorOffPage({ ctx: request.ctx, form: emptyForm(), email: me.row.email }));
    }),
  );

  app.post(
    securityPaths.secondFactorOff,
    options,
    withMe(async (request, reply, me) => {
      if (!me.row.totp_enabled_at) return reply.redirect(securityPaths.overview, 303);
      // 409, not 403: the person may use the page; the state of their account (a City role) forbids the change.
      if (mustKeepSecondFactor(me.principal.roles)) return reply.page(SecondFactorMandatoryPage({ ctx: request.ctx }), 409);
      const wrong = await checkCurrentPassword(db, request.ctx.t, me.actor, me.row, fieldOf(request, CURRENT_PASSWORD), 'mfa_disable', lockoutOf(request));
      if (wrong) return reply.page(SecondFactorOffPage({ ctx: request.ctx, form: { values: {}, issues: [wrong] }, email: me.row.email }), 400);
      await disableSecondFactor(db, me.actor, me.row, me.session, me.mail);
      return done(reply, 'disattivata');
    }),
  );

  // ------------------------------------------------------------------------------------ recovery codes

  /** The confirmation step of a new batch of codes, with the batch it was shown with. */
  const generatePage = async (request: FastifyRequest, reply: FastifyReply, me: Me, form: FormState, status = 200) =>
    reply.page(
      RecoveryCodesGeneratePage({
        ctx: request.ctx,
        form,
        existing: await recoveryCodeCount(db, me.row.id),
        batch: await recoveryBatch(db, me.row.id),
        email: me.row.email,
      }),
      status,
    );

  app.get(
    securityPaths.recoveryCodes,
    options,
    withMe(async (request, reply, me) => {
      if (!me.row.totp_enabled_at) return reply.redirect(securityPaths.overview, 303);
      return generatePage(request, reply, me, emptyForm());
    }),
  );

  app.post(
    securityPaths.recoveryCodes,
    options,
    withMe(async (request, reply, me) => {
      if (!me.row.totp_enabled_at) return reply.redirect(securityPaths.overview, 303);
      // 409: the form names a batch of codes that is gone (sent again by a reload of the page of the new
      // codes, the back button, another tab). Nothing is made, nothing shown again; the password is not checked.
      const stale = async () => reply.page(RecoveryCodesStalePage({ ctx: request.ctx, codes: await recoveryCodeCount(db, me.row.id) }), 409);
      const batch = fieldOf(request, RECOVERY_BATCH, 64);
      if (batch !== (await recoveryBatch(db, me.row.id))) return stale();
      const wrong = await checkCurrentPassword(db, request.ctx.t, me.actor, me.row, fieldOf(request, CURRENT_PASSWORD), 'recovery_codes', lockoutOf(request));
      if (wrong) return generatePage(request, reply, me, { values: {}, issues: [wrong] }, 400);
      const made = await regenerateRecoveryCodes(db, me.actor, me.row, me.mail, batch);
      if (!made) return stale();
      // Shown in the answer to this POST, once (never cached: no-store): no address leads to them again.
      return reply.page(RecoveryCodesShownPage({ ctx: request.ctx, codes: made.codes, replaced: made.replaced }));
    }),
  );
}
