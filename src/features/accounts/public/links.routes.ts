import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../deps';
import { sessionSettings } from '../session';
import type { FieldIssue } from '../../../lib/http/errors';
import type { PageContext } from '../../../web/context';
import { bodyString, emptyForm, type FormState } from '../../../web/forms';
import { paths } from '../../../web/paths';
import { ensureDevice, requestUnlockLink, trustDevice, unlockLinkTarget, useUnlockLink } from '../lockout.service';
import { completeLogin } from '../login.service';
import { hashPassword } from '../password';
import {
  acceptInvitation,
  completePasswordReset,
  invitationDetails,
  NAME_MAX,
  newPasswordIssues,
  requestPasswordReset,
  resetLinkTarget,
  verifyEmailLink,
  type LinkProblem,
} from './links.service';
import {
  EmailVerifiedPage,
  ForgotPasswordPage,
  ForgotPasswordSentPage,
  InvitationPage,
  LinkProblemPage,
  ResetPasswordPage,
  UnlockLinkPage,
  UnlockRequestPage,
  UnlockSentPage,
  type LinkFlow,
} from './links.view';

// The e-mail link flows:
// - /password-dimenticata: asks for a reset link; the same answer whether or not the account exists;
// - /reimposta-password/<token>: the new password (the link works once, for 60 minutes);
// - /verifica-email/<token>: confirms the address (24 hours);
// - /invito/<token>: activates an invited account and logs the person in (7 days);
// - /accedi/sblocco, /accedi/sblocco/<token>: the link that lets the owner sign in from this browser despite a
//   login lock (an hour; lockout.service.ts). The same answer whether or not the account exists.

const emailSchema = z.string().trim().max(254).email();

/** Invalid links are unknown (404); expired or used ones are gone (410). */
const problemStatus = (reason: LinkProblem) => (reason === 'invalid' ? 404 : 410);

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** Pages whose address carries a token: never sent on in a Referer header (route hook, after helmet's). */
const tokenPage = {
  onRequest: async (_request: FastifyRequest, reply: FastifyReply) => {
    reply.header('referrer-policy', 'no-referrer');
  },
};

const tokenParam = (params: unknown) => {
  const v = (params as { token?: unknown } | undefined)?.token;
  return typeof v === 'string' ? v : '';
};

export function registerEmailLinkRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const baseUrl = config.publicBaseUrl;

  const problem = (reply: FastifyReply, ctx: PageContext, flow: LinkFlow, reason: LinkProblem) =>
    reply.page(LinkProblemPage({ ctx, flow, reason }), problemStatus(reason));

  // 1. Password dimenticata.
  app.get('/password-dimenticata', { config: { access: 'public' } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    if (query.inviata !== undefined) return reply.page(ForgotPasswordSentPage({ ctx: request.ctx }));
    return reply.page(ForgotPasswordPage({ ctx: request.ctx, form: emptyForm() }));
  });

  app.post('/password-dimenticata', { config: { access: 'public', audit: 'auth.reset.request' } }, async (request, reply) => {
    const ctx = request.ctx;
    const { t } = ctx;
    const emailRaw = (bodyString(request.body, 'email') ?? '').trim().slice(0, 254);
    const issues: FieldIssue[] = [];
    if (!emailRaw) issues.push({ field: 'email', message: t('links.error.emailRequired') });
    else if (!emailSchema.safeParse(emailRaw).success) issues.push({ field: 'email', message: t('links.error.emailFormat') });
    if (issues.length) return reply.page(ForgotPasswordPage({ ctx, form: { values: { email: emailRaw }, issues } }), 400);

    const result = await requestPasswordReset(db, { email: emailRaw, ip: request.ip, baseUrl, locale: ctx.locale });
    if (result.outcome === 'locked') {
      const m = minutes(result.seconds);
      const locked = m === 1 ? t('links.forgot.lockedOne') : t('links.forgot.locked', { minutes: m });
      return reply.page(ForgotPasswordPage({ ctx, form: { values: { email: emailRaw }, issues: [] }, locked }), 429);
    }
    return reply.redirect(`${paths.forgotPassword()}?inviata=1`, 303);
  });

  // 2. Reimposta la password.
  app.get('/reimposta-password/:token', { config: { access: 'public' }, ...tokenPage }, async (request, reply) => {
    const token = tokenParam(request.params);
    const target = await resetLinkTarget(db, token);
    if (!target.ok) return problem(reply, request.ctx, 'reset', target.reason);
    return reply.page(ResetPasswordPage({ ctx: request.ctx, form: emptyForm(), token, email: target.user.email ?? '' }));
  });

  app.post('/reimposta-password/:token', { config: { access: 'public', audit: 'auth.reset.complete' }, ...tokenPage }, async (request, reply) => {
    const ctx = request.ctx;
    const token = tokenParam(request.params);
    const target = await resetLinkTarget(db, token);
    if (!target.ok) return problem(reply, ctx, 'reset', target.reason);
    const user = target.user;
    const password = (bodyString(request.body, 'password') ?? '').slice(0, 1024);
    const confirm = (bodyString(request.body, 'passwordConfirm') ?? '').slice(0, 1024);
    const issues = newPasswordIssues(ctx.t, password, confirm, [user.given_name, user.family_name, user.email]);
    if (issues.length) {
      return reply.page(ResetPasswordPage({ ctx, form: { values: {}, issues }, token, email: user.email ?? '' }), 400);
    }
    const passwordHash = await hashPassword(password);
    const done = await completePasswordReset(db, { token, passwordHash, ip: request.ip, baseUrl, locale: ctx.locale });
    if (!done.ok) return problem(reply, ctx, 'reset', done.reason);
    // The link proved the mailbox: this browser is known to the account (no lock stops it from signing in).
    await trustDevice(db, done.user.id, ensureDevice(request, reply, sessionSettings(config)));
    return reply.redirect(`${paths.loginPassword()}?reimpostata=1`, 303);
  });

  // 3. Verifica dell'indirizzo e-mail (the link itself does it: nothing to type).
  app.get('/verifica-email/:token', { config: { access: 'public', audit: 'auth.email.verified' }, ...tokenPage }, async (request, reply) => {
    const result = await verifyEmailLink(db, tokenParam(request.params), request.ip);
    if (!result.ok) return problem(reply, request.ctx, 'verify', result.reason);
    return reply.page(EmailVerifiedPage({ ctx: request.ctx, email: result.email, already: result.already }));
  });

  // 4. Sblocca l'accesso (after a login lock).
  app.get(paths.loginUnlock(), { config: { access: 'public' } }, async (request, reply) => {
    if ((request.query as Record<string, unknown>).inviato !== undefined) return reply.page(UnlockSentPage({ ctx: request.ctx }));
    return reply.page(UnlockRequestPage({ ctx: request.ctx, form: emptyForm() }));
  });

  app.post(paths.loginUnlock(), { config: { access: 'public', audit: 'auth.unlock.request' } }, async (request, reply) => {
    const ctx = request.ctx;
    const { t } = ctx;
    const emailRaw = (bodyString(request.body, 'email') ?? '').trim().slice(0, 254);
    const issues: FieldIssue[] = [];
    if (!emailRaw) issues.push({ field: 'email', message: t('links.error.emailRequired') });
    else if (!emailSchema.safeParse(emailRaw).success) issues.push({ field: 'email', message: t('links.error.emailFormat') });
    if (issues.length) return reply.page(UnlockRequestPage({ ctx, form: { values: { email: emailRaw }, issues } }), 400);
    const result = await requestUnlockLink(db, { email: emailRaw, ip: request.ip, baseUrl, locale: ctx.locale });
    if (result.outcome === 'locked') {
      const m = minutes(result.seconds);
      const locked = m === 1 ? t('lockout.request.lockedOne') : t('lockout.request.locked', { minutes: m });
      return reply.page(UnlockRequestPage({ ctx, form: { values: { email: emailRaw }, issues: [] }, locked }), 429);
    }
    return reply.redirect(`${paths.loginUnlock()}?inviato=1`, 303);
  });

  app.get('/accedi/sblocco/:token', { config: { access: 'public' }, ...tokenPage }, async (request, reply) => {
    const token = tokenParam(request.params);
    const target = await unlockLinkTarget(db, token);
    if (!target.ok) return problem(reply, request.ctx, 'unlock', target.reason);
    return reply.page(UnlockLinkPage({ ctx: request.ctx, token, email: target.user.email ?? '' }));
  });

  app.post('/accedi/sblocco/:token', { config: { access: 'public', audit: 'auth.unlock.use' }, ...tokenPage }, async (request, reply) => {
    const token = tokenParam(request.params);
    const device = ensureDevice(request, reply, sessionSettings(config));
    const used = await useUnlockLink(db, { token, device, ip: request.ip });
    if (!used.ok) return problem(reply, request.ctx, 'unlock', used.reason);
    return reply.redirect(`${paths.loginPassword()}?sbloccato=1`, 303);
  });

  // 5. Invito.
  app.get('/invito/:token', { config: { access: 'public' }, ...tokenPage }, async (request, reply) => {
    const ctx = request.ctx;
    const token = tokenParam(request.params);
    const details = await invitationDetails(db, token, ctx.locale);
    if (!details.ok) return problem(reply, ctx, 'invitation', details.reason);
    const form = emptyForm({ givenName: details.user.given_name, familyName: details.user.family_name });
    return reply.page(InvitationPage({ ctx, form, token, email: details.user.email ?? '', inviter: details.inviter, roles: details.roles }));
  });

  app.post('/invito/:token', { config: { access: 'public', audit: 'auth.invitation.accept' }, ...tokenPage }, async (request, reply) => {
    const ctx = request.ctx;
    const { t } = ctx;
    const token = tokenParam(request.params);
    const details = await invitationDetails(db, token, ctx.locale);
    if (!details.ok) return problem(reply, ctx, 'invitation', details.reason);
    const body = request.body;
    const givenName = (bodyString(body, 'givenName') ?? '').trim().replace(/\s+/g, ' ');
    const familyName = (bodyString(body, 'familyName') ?? '').trim().replace(/\s+/g, ' ');
    const password = (bodyString(body, 'password') ?? '').slice(0, 1024);
    const confirm = (bodyString(body, 'passwordConfirm') ?? '').slice(0, 1024);
    const privacy = bodyString(body, 'privacy');

    const issues: FieldIssue[] = [];
    if (!givenName) issues.push({ field: 'givenName', message: t('links.error.givenNameRequired') });
    else if (givenName.length > NAME_MAX) issues.push({ field: 'givenName', message: t('links.error.nameTooLong', { max: NAME_MAX }) });
    if (!familyName) issues.push({ field: 'familyName', message: t('links.error.familyNameRequired') });
    else if (familyName.length > NAME_MAX) issues.push({ field: 'familyName', message: t('links.error.nameTooLong', { max: NAME_MAX }) });
    issues.push(...newPasswordIssues(t, password, confirm, [givenName, familyName, details.user.email]));
    if (!privacy) issues.push({ field: 'privacy', message: t('links.error.privacyRequired') });
    if (issues.length) {
      const form: FormState = { values: { givenName, familyName, privacy: privacy ? '1' : undefined }, issues };
      return reply.page(
        InvitationPage({ ctx, form, token, email: details.user.email ?? '', inviter: details.inviter, roles: details.roles }),
        400,
      );
    }

    const passwordHash = await hashPassword(password);
    const accepted = await acceptInvitation(db, { token, givenName, familyName, passwordHash, ip: request.ip });
    if (!accepted.ok) return problem(reply, ctx, 'invitation', accepted.reason);
    // City staff are taken to the second-factor enrolment by completeLogin.
    return completeLogin(db, request, reply, sessionSettings(config), accepted.user, 'invitation', paths.personalArea());
  });
}
