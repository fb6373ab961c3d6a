import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../deps';
import { sessionSettings, endSession, startSession } from '../session';
import type { Queryable } from '../../../db/database';
import { audit } from '../../../lib/audit';
import type { FieldIssue } from '../../../lib/http/errors';
import { bodyString, emptyForm, type FormState } from '../../../web/forms';
import { paths } from '../../../web/paths';
import { completeLogin, lockedMessage, nextAfterLogin, safeReturnTo } from '../login.service';
import { dummyHash, verifyPassword } from '../password';
import { normalizeRecoveryCode, redeemRecoveryCode } from '../security/security.service';
import { clearFailures, lockedFor, recordFailure, RULES } from '../throttle';
import { accountRef, deviceOf, ensureDevice, loginGate, recordLoginFailure, recordLoginSuccess } from '../lockout.service';
import { newTotpSecret, totpEnrolment, verifyTotp } from '../totp';
import { findUserByEmail, findUserById, normalizeEmail, recentToken, type UserRow } from '../users.repository';
import { sendVerificationEmail } from './links.service';
import { LoginPage, PasswordLoginPage, RecoveryCodeLoginPage, SecondFactorPage } from './login.view';

// /accedi (choice of SPID, CIE, other credentials), /accedi/credenziali (e-mail and password, with
// throttling and progressive lockout that never reveal whether an account exists and that an attacker cannot
// turn against the owner's own browser: lockout.service.ts), /accedi/verifica
// (TOTP second factor, enrolment on first use for City staff), /accedi/verifica/recupero (a recovery code
// instead of the app's code), /esci (logout), /sessione/rinnova.

const emailSchema = z.string().trim().max(254).email();

export function registerLoginRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const settings = sessionSettings(config);

  app.get('/accedi', { config: { access: 'public' } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const returnTo = safeReturnTo(query.ritorno);
    if (request.user) return reply.redirect(returnTo, 303);
    const notice = query.uscito ? request.ctx.t('auth.logout.done') : query.scaduta ? request.ctx.t('auth.session.expired') : undefined;
    return reply.page(LoginPage({ ctx: request.ctx, returnTo, notice, citizenPasswords: config.CITIZEN_PASSWORD_LOGIN }));
  });

  app.get('/accedi/credenziali', { config: { access: 'public' } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const returnTo = safeReturnTo(query.ritorno);
    if (request.user) return reply.redirect(returnTo, 303);
    // Every browser that opens the form gets its long-lived device cookie: once it signs in, the account knows it.
    ensureDevice(request, reply, settings);
    const notice = query.reimpostata
      ? request.ctx.t('auth.password.resetDone')
      : query.sbloccato
        ? request.ctx.t('lockout.login.unlocked')
        : undefined;
    return reply.page(PasswordLoginPage({ ctx: request.ctx, form: emptyForm(), returnTo, notice }));
  });

  app.post('/accedi/credenziali', { config: { access: 'public', audit: 'auth.login' } }, async (request, reply) => {
    const { t } = request.ctx;
    const body = request.body;
    const returnTo = safeReturnTo(bodyString(body, 'ritorno'));
    const emailRaw = (bodyString(body, 'email') ?? '').trim().slice(0, 254);
    const password = (bodyString(body, 'password') ?? '').slice(0, 128);
    const fail = (issues: FieldIssue[], locked = false) => {
      const form: FormState = { values: { email: emailRaw }, issues };
      return reply.page(PasswordLoginPage({ ctx: request.ctx, form, returnTo, locked }), 400);
    };

    const issues: FieldIssue[] = [];
    if (!emailRaw) issues.push({ field: 'email', message: t('auth.error.emailRequired') });
    else if (!emailSchema.safeParse(emailRaw).success) issues.push({ field: 'email', message: t('auth.error.emailFormat') });
    if (!password) issues.push({ field: 'password', message: t('auth.error.passwordRequired') });
    if (issues.length) return fail(issues);

    const email = normalizeEmail(emailRaw);
    const account = accountRef(email);
    const client = { ip: request.ip, device: ensureDevice(request, reply, settings) };
    const gate = await loginGate(db, account, client);
    if (gate.locked > 0) {
      await audit(db, { actorLabel: email, action: 'auth.login.locked', ip: request.ip, details: { method: 'password', knownDevice: gate.known } });
      return fail([{ field: 'email', message: lockedMessage(t, gate.locked) }], true);
    }

    const user = await findUserByEmail(db, email);
    // The same work whether or not the account exists: no timing difference to learn it from.
    const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
    if (!user || !user.password_hash || !ok || user.status === 'deleted' || user.status === 'invited') {
      const lock = await recordLoginFailure(db, { account, client, known: gate.known, user, baseUrl: config.publicBaseUrl, alertTo: config.SECURITY_ALERT_EMAIL });
      await audit(db, { actorId: user?.id, actorLabel: email, action: 'auth.login.failure', ip: request.ip, details: { method: 'password', knownDevice: gate.known } });
      return lock ? fail([{ field: 'email', message: lockedMessage(t, lock) }], true) : fail([{ field: 'email', message: t('auth.error.wrongCredentials') }]);
    }
    // Past this point the password was right: saying why the login cannot go on reveals nothing new.
    if (user.status === 'suspended') {
      await audit(db, { actorId: user.id, actorLabel: email, action: 'auth.login.refused', ip: request.ip, details: { reason: 'suspended' } });
      return fail([{ field: 'email', message: t('auth.error.suspended') }]);
    }
    if (user.kind === 'citizen' && !config.CITIZEN_PASSWORD_LOGIN) {
      await audit(db, { actorId: user.id, actorLabel: email, action: 'auth.login.refused', ip: request.ip, details: { reason: 'citizen_password_disabled' } });
      return fail([{ field: 'email', message: t('auth.error.useSpid') }]);
    }
    // A citizen who registered (/registrati) logs in once the address is confirmed; the link is sent again,
    // at most every 10 minutes.
    if (user.kind === 'citizen' && !user.email_verified_at) {
      const resent = await db.transaction(async (tx) => {
        if (await recentToken(tx, user.id, 'verify_email', 10)) return false;
        await sendVerificationEmail(tx, user, config.publicBaseUrl, request.ctx.locale);
        return true;
      });
      await audit(db, { actorId: user.id, actorLabel: email, action: 'auth.login.refused', ip: request.ip, details: { reason: 'email_not_verified', resent } });
      return fail([{ field: 'email', message: t('auth.error.unverified') }]);
    }
    // The password was right: this browser is known to the account from now on (its cookie renewed for 400 days).
    if (deviceOf(request)) ensureDevice(request, reply, settings, true);
    await recordLoginSuccess(db, user.id, account, client);
    return completeLogin(db, request, reply, settings, user, 'password', returnTo);
  });

  // ------------------------------------------------------------------------------------- second factor

  /** The pending user, their enrolment secret (created on first view when not enrolled). */
  async function pendingUser(request: FastifyRequest) {
    const pending = request.pendingMfa;
    if (!pending) return undefined;
    let user = await findUserById(db, pending.userId);
    if (!user) return undefined;
    if (!user.totp_enabled_at && !user.totp_secret) {
      await db.query('update app_user set totp_secret = $2 where id = $1 and totp_secret is null', [user.id, newTotpSecret()]);
      user = (await findUserById(db, pending.userId))!;
    }
    return user;
  }

  async function renderSecondFactor(request: FastifyRequest, reply: FastifyReply, user: UserRow, form: FormState, returnTo: string, status = 200) {
    const enrol = !user.totp_enabled_at && user.totp_secret ? await totpEnrolment(user.totp_secret, user.email ?? user.id) : undefined;
    return reply.page(SecondFactorPage({ ctx: request.ctx, form, returnTo, enrol }), status);
  }

  /**
   * The second factor was given: a new session id replaces the pending one (privilege change), with the
   * audit row of the login. Inside the transaction that used the code.
   */
  async function finishSecondFactor(tx: Queryable, request: FastifyRequest, reply: FastifyReply, user: UserRow, details: Record<string, unknown> = {}) {
    const row = await tx.maybeOne<{ method: string }>('select method from user_session where id_hash = $1', [request.pendingMfa!.idHash]);
    const method = row?.method ?? 'password';
    await startSession(tx, request, reply, settings, { userId: user.id, method });
    await audit(tx, { actorId: user.id, actorLabel: user.email ?? user.id, action: 'auth.login', targetType: 'user', targetId: user.id, ip: request.ip, details: { method, mfa: true, ...details } });
  }

  app.get('/accedi/verifica', { config: { access: 'public' } }, async (request, reply) => {
    const returnTo = safeReturnTo((request.query as Record<string, unknown>).ritorno);
    if (request.user) return reply.redirect(returnTo, 303);
    const user = await pendingUser(request);
    if (!user) return reply.redirect(paths.login(returnTo), 303);
    return renderSecondFactor(request, reply, user, emptyForm(), returnTo);
  });

  app.post('/accedi/verifica', { config: { access: 'public', audit: 'auth.mfa' } }, async (request, reply) => {
    const { t } = request.ctx;
    const returnTo = safeReturnTo(bodyString(request.body, 'ritorno'));
    const user = await pendingUser(request);
    if (!user || !request.pendingMfa) return reply.redirect(paths.login(returnTo), 303);
    const code = (bodyString(request.body, 'code') ?? '').replace(/\s/g, '');
    const fail = (message: string) => renderSecondFactor(request, reply, user, { values: {}, issues: [{ field: 'code', message }] }, returnTo, 400);
    if (!code) return fail(t('auth.error.codeRequired'));
    if (!/^\d{6}$/.test(code)) return fail(t('auth.error.codeFormat'));
    const key = `mfa:user:${user.id}`;
    const locked = await lockedFor(db, key);
    if (locked > 0) return fail(lockedMessage(t, locked));

    const step = verifyTotp(user.totp_secret ?? '', code, user.totp_last_step === null ? null : Number(user.totp_last_step));
    if (step === null) {
      const lock = await recordFailure(db, key, RULES.secondFactor);
      await audit(db, { actorId: user.id, actorLabel: user.email ?? user.id, action: 'auth.mfa.failure', ip: request.ip });
      return fail(lock ? lockedMessage(t, lock) : t('auth.error.codeWrong'));
    }
    const enrolling = !user.totp_enabled_at;
    // The step is recorded only if no other request used it first: a code works once, even when raced.
    const accepted = await db.transaction(async (tx) => {
      const rows = await tx.query(
        `update app_user set totp_last_step = $2, totp_enabled_at = coalesce(totp_enabled_at, now()), last_login_at = now()
          where id = $1 and (totp_last_step is null or totp_last_step < $2) returning id`,
        [user.id, step],
      );
      if (!rows.length) return false;
      if (enrolling) await audit(tx, { actorId: user.id, actorLabel: user.email ?? user.id, action: 'auth.mfa.enrol', targetType: 'user', targetId: user.id, ip: request.ip });
      await finishSecondFactor(tx, request, reply, user);
      return true;
    });
    if (!accepted) {
      await recordFailure(db, key, RULES.secondFactor);
      return fail(t('auth.error.codeWrong'));
    }
    await clearFailures(db, key);
    return reply.redirect(nextAfterLogin(user, returnTo), 303);
  });

  // A recovery code instead of the app's code (for people whose second factor is set up). Wrong codes count
  // on the same throttle key as wrong app codes: switching between the two gives no extra attempts.

  app.get(paths.loginRecovery(), { config: { access: 'public' } }, async (request, reply) => {
    const returnTo = safeReturnTo((request.query as Record<string, unknown>).ritorno);
    if (request.user) return reply.redirect(returnTo, 303);
    if (!request.pendingMfa) return reply.redirect(paths.login(returnTo), 303);
    if (!request.pendingMfa.enrolled) return reply.redirect(`${paths.loginSecondFactor()}?ritorno=${encodeURIComponent(returnTo)}`, 303);
    return reply.page(RecoveryCodeLoginPage({ ctx: request.ctx, form: emptyForm(), returnTo }));
  });

  app.post(paths.loginRecovery(), { config: { access: 'public', audit: 'auth.recovery.use' } }, async (request, reply) => {
    const { t, locale } = request.ctx;
    const returnTo = safeReturnTo(bodyString(request.body, 'ritorno'));
    const pending = request.pendingMfa;
    const user = pending?.enrolled ? await findUserById(db, pending.userId) : undefined;
    if (!user) return reply.redirect(paths.login(returnTo), 303);
    const fail = (message: string) => reply.page(RecoveryCodeLoginPage({ ctx: request.ctx, form: { values: {}, issues: [{ field: 'recoveryCode', message }] }, returnTo }), 400);
    const typed = (bodyString(request.body, 'recoveryCode') ?? '').slice(0, 100);
    if (!typed.trim()) return fail(t('auth.error.recoveryRequired'));
    const code = normalizeRecoveryCode(typed);
    if (!code) return fail(t('auth.error.recoveryFormat'));
    const key = `mfa:user:${user.id}`;
    const locked = await lockedFor(db, key);
    if (locked > 0) return fail(lockedMessage(t, locked));

    const accepted = await db.transaction(async (tx) => {
      if (!(await redeemRecoveryCode(tx, user, code, request.ip, { t, locale, baseUrl: config.publicBaseUrl }))) return false;
      await tx.query('update app_user set last_login_at = now() where id = $1', [user.id]);
      await finishSecondFactor(tx, request, reply, user, { recoveryCode: true });
      return true;
    });
    if (!accepted) {
      const lock = await recordFailure(db, key, RULES.secondFactor);
      await audit(db, { actorId: user.id, actorLabel: user.email ?? user.id, action: 'auth.mfa.failure', ip: request.ip, details: { recoveryCode: true } });
      return fail(lock ? lockedMessage(t, lock) : t('auth.error.recoveryWrong'));
    }
    await clearFailures(db, key);
    return reply.redirect(nextAfterLogin(user, returnTo), 303);
  });

  // ------------------------------------------------------------------------------------------- logout

  app.post('/esci', { config: { access: 'public', audit: 'auth.logout' } }, async (request, reply) => {
    const who = request.user ?? (request.pendingMfa ? { id: request.pendingMfa.userId, label: request.pendingMfa.userId } : null);
    await endSession(db, request, reply, settings);
    if (who) await audit(db, { actorId: who.id, actorLabel: who.label, action: 'auth.logout', targetType: 'user', targetId: who.id, ip: request.ip });
    return reply.redirect(`${paths.login()}?uscito=1`, 303);
  });

  // Keeps the session alive (the warning dialog's "Resta collegato"); the session hook already touched it.
  app.post(paths.sessionRenew(), { config: { access: 'authenticated' } }, async (request, reply) => {
    await db.query('update user_session set last_seen_at = now() where id_hash = $1', [request.user!.session.idHash]);
    const idleExpiresAt = new Date(Math.min(Date.now() + settings.idleMinutes * 60_000, request.user!.session.expiresAt.getTime()));
    if (String(request.headers.accept ?? '').includes('application/json')) return reply.send({ idleExpiresAt: idleExpiresAt.toISOString() });
    return reply.redirect(safeReturnTo(bodyString(request.body, 'ritorno')), 303);
  });
}
