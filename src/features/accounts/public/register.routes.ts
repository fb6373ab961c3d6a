import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../deps';
import type { Translate } from '../../../i18n/i18n';
import { notFound, type FieldIssue } from '../../../lib/http/errors';
import { bodyString, emptyForm } from '../../../web/forms';
import { paths } from '../../../web/paths';
import { NAME_MAX, newPasswordIssues } from './links.service';
import { auditInvalidRegistration, registerCitizen } from './register.service';
import { REGISTER_PATH, REGISTER_SENT_PATH, RegisterPage, RegisterSentPage } from './register.view';

// Citizens' self-registration with e-mail and password, only when CITIZEN_PASSWORD_LOGIN is on (otherwise
// the pages do not exist: citizens use SPID or CIE from /accedi).
// - GET /registrati: the form; GET /registrati?inviata=1: "controlla la tua casella", the one answer;
// - POST /registrati: checks the form, then registers (register.service.ts) and answers the same way
//   whether or not the address already has an account.

const emailSchema = z.string().trim().max(254).email();

/** "attendi N minuti", singular for one minute. */
function lockedMessage(t: Translate, seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? t('register.lockedOne') : t('register.locked', { minutes });
}

/** A name as typed, tidied: no spaces around it, one space between words. */
const tidyName = (raw: string | undefined) => (raw ?? '').trim().replace(/\s+/g, ' ');

export function registerRegistrationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;

  app.get(REGISTER_PATH, { config: { access: 'public' } }, async (request, reply) => {
    if (!config.CITIZEN_PASSWORD_LOGIN) throw notFound('Registration');
    if (request.user) return reply.redirect(paths.personalArea(), 303);
    if ((request.query as Record<string, unknown>).inviata !== undefined) return reply.page(RegisterSentPage({ ctx: request.ctx }));
    return reply.page(RegisterPage({ ctx: request.ctx, form: emptyForm() }));
  });

  app.post(REGISTER_PATH, { config: { access: 'public', audit: 'auth.register' } }, async (request, reply) => {
    if (!config.CITIZEN_PASSWORD_LOGIN) throw notFound('Registration');
    if (request.user) return reply.redirect(paths.personalArea(), 303);
    const ctx = request.ctx;
    const { t } = ctx;
    const body = request.body;
    const givenName = tidyName(bodyString(body, 'givenName'));
    const familyName = tidyName(bodyString(body, 'familyName'));
    const email = (bodyString(body, 'email') ?? '').trim().slice(0, 254);
    const password = (bodyString(body, 'password') ?? '').slice(0, 1024);
    const confirm = (bodyString(body, 'passwordConfirm') ?? '').slice(0, 1024);
    const privacy = bodyString(body, 'privacy');
    // Everything but the passwords goes back into the form.
    const values = { givenName, familyName, email, privacy: privacy ? '1' : undefined };

    const issues: FieldIssue[] = [];
    if (!givenName) issues.push({ field: 'givenName', message: t('register.error.givenNameRequired') });
    else if (givenName.length > NAME_MAX) issues.push({ field: 'givenName', message: t('register.error.nameTooLong', { max: NAME_MAX }) });
    if (!familyName) issues.push({ field: 'familyName', message: t('register.error.familyNameRequired') });
    else if (familyName.length > NAME_MAX) issues.push({ field: 'familyName', message: t('register.error.nameTooLong', { max: NAME_MAX }) });
    if (!email) issues.push({ field: 'email', message: t('register.error.emailRequired') });
    else if (!emailSchema.safeParse(email).success) issues.push({ field: 'email', message: t('register.error.emailFormat') });
    issues.push(...newPasswordIssues(t, password, confirm, [givenName, familyName, email]));
    if (!privacy) issues.push({ field: 'privacy', message: t('register.error.privacyRequired') });
    if (issues.length) {
      await auditInvalidRegistration(db, { email: issues.some((i) => i.field === 'email') ? '' : email, ip: request.ip, fields: issues.map((i) => i.field) });
      return reply.page(RegisterPage({ ctx, form: { values, issues } }), 400);
    }

    const result = await registerCitizen(db, { givenName, familyName, email, password, ip: request.ip, baseUrl: config.publicBaseUrl, locale: ctx.locale });
    if (result.outcome === 'locked') {
      return reply.page(RegisterPage({ ctx, form: { values, issues: [] }, locked: lockedMessage(t, result.seconds) }), 429);
    }
    return reply.redirect(REGISTER_SENT_PATH, 303);
  });
}
