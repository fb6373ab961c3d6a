import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { AppDeps } from '../../../deps';
import { sessionSettings, endSession, type Principal } from '../session';
import type { MessageKey } from '../../../i18n/catalogue';
import { AppError, notFound } from '../../../lib/http/errors';
import { bodyString, emptyForm } from '../../../web/forms';
import { paths } from '../../../web/paths';
import { PRIVACY_VERSION, safeReturnTo } from '../login.service';
import { findUserById, type UserRow } from '../users.repository';
import { activeRoles, activeSessions } from './personal.repository';
import {
  checkDeletion,
  checkProfile,
  deleteAccount,
  endOtherSessions,
  endOwnSession,
  exportMyData,
  type ExportFormat,
  identityLocked,
  needsPrivacyAcceptance,
  notificationsFrom,
  PROFILE_FIELDS,
  recordPrivacyAcceptance,
  saveNotifications,
  saveProfile,
  sessionHandle,
  summarizeUserAgent,
  type Actor,
} from './personal.service';
import { AccountDeletedPage, MyDataPage, MyDataSummaryPage } from './my-data.view';
import {
  DashboardPage,
  DeleteAccountPage,
  NotificationsPage,
  PrivacyPage,
  ProfilePage,
  SessionsPage,
  type ProfileData,
} from './personal.view';

// The personal area ("Area personale"): dashboard, profile, privacy notice, notification preferences,
// active sessions, download of my data (GDPR art. 15/20) and account deletion (art. 17).
// Every route is for logged-in people only; a person who has not accepted the current privacy notice is
// sent to it first (except from the privacy page itself). Pages hold personal data: never cached.

/** Where the session pages post. */
const END_SESSION = paths.sessionEnd();
const END_OTHER_SESSIONS = paths.sessionEndOthers();
const EXPORT_JSON = paths.myDataJson();

/** Success notices after a redirect (`?esito=…`): only these values are shown. */
const NOTICES: Record<string, MessageKey> = {
  profilo: 'personal.notice.profileSaved',
  email: 'personal.notice.emailChanged',
  invariato: 'personal.notice.unchanged',
  privacy: 'personal.notice.privacyAccepted',
  notifiche: 'personal.notice.notificationsSaved',
  sessione: 'personal.notice.sessionEnded',
  altre: 'personal.notice.otherSessionsEnded',
};

const withNotice = (path: string, notice: keyof typeof NOTICES) => `${path}${path.includes('?') ? '&' : '?'}esito=${notice}`;

function noticeOf(request: FastifyRequest): string | undefined {
  const raw = (request.query as Record<string, unknown> | undefined)?.esito;
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  const key = typeof value === 'string' ? NOTICES[value] : undefined;
  return key ? request.ctx.t(key) : undefined;
}

const bodyOf = (request: FastifyRequest) => (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;

const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

type Handler = (request: FastifyRequest, reply: FastifyReply, me: UserRow, principal: Principal) => Promise<FastifyReply>;

export function registerPersonalAreaRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const settings = sessionSettings(config);
  const idleMinutes = config.SESSION_IDLE_MINUTES;

  const options: RouteShorthandOptions = {
    config: { access: 'authenticated' },
    // Personal data: not kept by the browser or any cache (reply.page sets no-cache; this replaces it).
    onSend: async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    },
  };

  /**
   * Loads the person's account row and sends them to the privacy notice when they have not accepted the
   * current version (`back`: where to return afterwards; the page itself for a GET).
   */
  const personal =
    (handler: Handler, opts: { privacyExempt?: boolean; back?: string } = {}) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const principal = request.user;
      if (!principal) throw new AppError('unauthorized', 'Login required');
      const me = await findUserById(db, principal.id);
      if (!me || me.status !== 'active') throw new AppError('unauthorized', 'Login required');
      if (!opts.privacyExempt && needsPrivacyAcceptance(me)) {
        const back = opts.back ?? (request.method === 'GET' ? request.url : (request.url.split('?')[0] ?? paths.personalArea()));
        return reply.redirect(`${paths.privacyConsent()}?ritorno=${encodeURIComponent(safeReturnTo(back))}`, 303);
      }
      return handler(request, reply, me, principal);
    };

  const actorOf = (request: FastifyRequest, principal: Principal): Actor => ({ id: principal.id, label: principal.label, ip: request.ip });
  const mailOf = (request: FastifyRequest) => ({ t: request.ctx.t, baseUrl: config.publicBaseUrl, locale: request.ctx.locale });

  // ------------------------------------------------------------------------------------------ dashboard

  app.get(
    paths.personalArea(),
    options,
    personal(async (request, reply, me, principal) => {
      const roles = await activeRoles(db, me.id);
      return reply.page(
        DashboardPage({
          ctx: request.ctx,
          data: {
            givenName: me.given_name,
            familyName: me.family_name,
            email: me.email,
            roles,
            enteBackOffice: principal.roles.includes('ente_admin') || principal.roles.includes('ente_operator'),
            cityBackOffice: principal.roles.includes('city'),
            notice: noticeOf(request),
          },
        }),
      );
    }),
  );

  // -------------------------------------------------------------------------------------------- profile

  const profileData = (me: UserRow, locked: boolean): ProfileData => ({
    givenName: me.given_name,
    familyName: me.family_name,
    fiscalCode: me.fiscal_code,
    birthDate: me.birth_date,
    email: me.email,
    emailVerified: me.email_verified_at !== null,
    locked,
    emailRequired: me.password_hash !== null,
  });

  app.get(
    paths.profile(),
    options,
    personal(async (request, reply, me, principal) => {
      const locked = identityLocked(me, principal.session.method);
      const form = emptyForm({ given_name: me.given_name, family_name: me.family_name, email: me.email ?? '', phone: me.phone ?? '' });
      return reply.page(ProfilePage({ ctx: request.ctx, data: profileData(me, locked), form, notice: noticeOf(request) }));
    }),
  );

  app.post(
    paths.profile(),
    options,
    personal(async (request, reply, me, principal) => {
      const ctx = request.ctx;
      const body = bodyOf(request);
      const values = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, bodyString(body, f)]));
      const locked = identityLocked(me, principal.session.method);
      const checked = await checkProfile(db, ctx.t, me, locked, values);
      if (!checked.ok) return reply.page(ProfilePage({ ctx, data: profileData(me, locked), form: checked.form }), 400);
      let result;
      try {
        result = await saveProfile(db, actorOf(request, principal), me, checked.value, mailOf(request));
      } catch (err) {
        // Another account took the address between the check and the write.
        if (!isUniqueViolation(err)) throw err;
        const form = { values, issues: [{ field: 'email', message: ctx.t('personal.profile.error.emailTaken') }] };
        return reply.page(ProfilePage({ ctx, data: profileData(me, locked), form }), 400);
      }
      const notice = result.changed.length === 0 ? 'invariato' : result.emailChanged && checked.value.email ? 'email' : 'profilo';
      return reply.redirect(withNotice(paths.profile(), notice), 303);
    }),
  );

  // -------------------------------------------------------------------------------------------- privacy

  app.get(
    paths.privacyConsent(),
    options,
    personal(
      async (request, reply, me) => {
        const returnTo = safeReturnTo((request.query as Record<string, unknown> | undefined)?.ritorno);
        return reply.page(
          PrivacyPage({
            ctx: request.ctx,
            data: { currentVersion: PRIVACY_VERSION, acceptedVersion: me.privacy_version, acceptedAt: me.privacy_accepted_at, returnTo },
            form: emptyForm(),
            notice: noticeOf(request),
          }),
        );
      },
      { privacyExempt: true },
    ),
  );

  app.post(
    paths.privacyConsent(),
    options,
    personal(
      async (request, reply, me, principal) => {
        const ctx = request.ctx;
        const body = bodyOf(request);
        const returnTo = safeReturnTo(bodyString(body, 'ritorno'));
        const accepted = bodyString(body, 'accept');
        if (!needsPrivacyAcceptance(me)) return reply.redirect(returnTo, 303);
        if (!accepted) {
          const form = { values: { accept: accepted }, issues: [{ field: 'accept', message: ctx.t('personal.privacy.error.accept') }] };
          return reply.page(
            PrivacyPage({
              ctx,
              data: { currentVersion: PRIVACY_VERSION, acceptedVersion: me.privacy_version, acceptedAt: me.privacy_accepted_at, returnTo },
              form,
            }),
            400,
          );
        }
        await recordPrivacyAcceptance(db, actorOf(request, principal), me);
        const inPersonalArea = returnTo === paths.personalArea() || returnTo.startsWith(`${paths.personalArea()}/`) || returnTo.startsWith(`${paths.personalArea()}?`);
        return reply.redirect(inPersonalArea && !returnTo.startsWith(EXPORT_JSON) ? withNotice(returnTo, 'privacy') : returnTo, 303);
      },
      { privacyExempt: true },
    ),
  );

  // -------------------------------------------------------------------------------------- notifications

  app.get(
    paths.notifications(),
    options,
    personal(async (request, reply, me) => {
      const data = { notify_email: me.notify_email, notify_requests: me.notify_requests, notify_news: me.notify_news, email: me.email };
      return reply.page(NotificationsPage({ ctx: request.ctx, data, notice: noticeOf(request) }));
    }),
  );

  app.post(
    paths.notifications(),
    options,
    personal(async (request, reply, me, principal) => {
      const body = bodyOf(request);
      const prefs = notificationsFrom({
        notify_email: bodyString(body, 'notify_email'),
        notify_requests: bodyString(body, 'notify_requests'),
        notify_news: bodyString(body, 'notify_news'),
      });
      const changed = await saveNotifications(db, actorOf(request, principal), me, prefs);
      return reply.redirect(withNotice(paths.notifications(), changed.length ? 'notifiche' : 'invariato'), 303);
    }),
  );

  // ------------------------------------------------------------------------------------------- sessions

  app.get(
    paths.sessions(),
    options,
    personal(async (request, reply, me, principal) => {
      const rows = await activeSessions(db, me.id, idleMinutes);
      const sessions = rows.map((s) => ({
        handle: sessionHandle(s.id_hash),
        createdAt: s.created_at,
        lastSeenAt: s.last_seen_at,
        ip: s.ip,
        ...summarizeUserAgent(s.user_agent),
        method: s.method,
        current: s.id_hash === principal.session.idHash,
        mfaPending: s.mfa_pending,
      }));
      // This device first, then the others by last activity.
      sessions.sort((a, b) => Number(b.current) - Number(a.current));
      return reply.page(SessionsPage({ ctx: request.ctx, sessions, notice: noticeOf(request) }));
    }),
  );

  app.post(
    END_SESSION,
    options,
    personal(
      async (request, reply, _me, principal) => {
        const handle = bodyString(bodyOf(request), 'sessione') ?? '';
        // Another person's session, an unknown one and the current one all look the same: not found.
        if (!/^[A-Za-z0-9_-]{22}$/.test(handle)) throw notFound('Session');
        const ended = await endOwnSession(db, actorOf(request, principal), principal.session.idHash, handle, idleMinutes);
        if (!ended) throw notFound('Session');
        return reply.redirect(withNotice(paths.sessions(), 'sessione'), 303);
      },
      { back: paths.sessions() },
    ),
  );

  app.post(
    END_OTHER_SESSIONS,
    options,
    personal(
      async (request, reply, _me, principal) => {
        await endOtherSessions(db, actorOf(request, principal), principal.session.idHash);
        return reply.redirect(withNotice(paths.sessions(), 'altre'), 303);
      },
      { back: paths.sessions() },
    ),
  );

  // -------------------------------------------------------------------------------------------- my data

  app.get(
    paths.myData(),
    options,
    // GDPR rights (access, portability, erasure) never wait for the acceptance of a new privacy notice.
    personal(async (request, reply) => reply.page(MyDataPage({ ctx: request.ctx })), { privacyExempt: true }),
  );

  const exportOf = (request: FastifyRequest, me: UserRow, principal: Principal, format: ExportFormat) =>
    exportMyData(db, actorOf(request, principal), me, { currentIdHash: principal.session.idHash, baseUrl: config.publicBaseUrl, format });

  app.get(
    EXPORT_JSON,
    options,
    personal(
      async (request, reply, me, principal) => {
        const data = await exportOf(request, me, principal, 'json');
        const day = data.generatedAt.toISOString().slice(0, 10);
        return reply
          .code(200)
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="wemi-i-miei-dati-${day}.json"`)
          .header('x-content-type-options', 'nosniff')
          .send(JSON.stringify(data, null, 2));
      },
      { back: paths.myData(), privacyExempt: true },
    ),
  );

  app.get(
    paths.myDataSummary(),
    options,
    personal(
      async (request, reply, me, principal) => {
        const data = await exportOf(request, me, principal, 'html');
        return reply.page(MyDataSummaryPage({ ctx: request.ctx, data }));
      },
      { privacyExempt: true },
    ),
  );

  // ------------------------------------------------------------------------------------- delete account

  app.get(
    paths.deleteAccount(),
    options,
    personal(async (request, reply, me) => reply.page(DeleteAccountPage({ ctx: request.ctx, form: emptyForm(), hasEmail: me.email !== null })), { privacyExempt: true }),
  );

  app.post(
    paths.deleteAccount(),
    options,
    personal(
      async (request, reply, me, principal) => {
        const ctx = request.ctx;
        const values = { confirm_word: bodyString(bodyOf(request), 'confirm_word') };
        const problem = checkDeletion(ctx.t, values);
        if (problem) return reply.page(DeleteAccountPage({ ctx, form: problem, hasEmail: me.email !== null }), 400);
        await deleteAccount(db, actorOf(request, principal), me, mailOf(request));
        // The sessions are gone with the account; this clears the cookie of this browser.
        await endSession(db, request, reply, settings);
        return reply.redirect(paths.accountDeleted(), 303);
      },
      { back: paths.deleteAccount(), privacyExempt: true },
    ),
  );

  // ------------------------------------------------------------------------------- after the deletion

  // Public: the person has no session any more. It says what was deleted, what is kept and for how long; it
  // holds nothing about anyone (the same page for whoever opens it), and is not for search engines.
  app.get(paths.accountDeleted(), { config: { access: 'public' } }, async (request, reply) => {
    reply.header('x-robots-tag', 'noindex');
    return reply.page(AccountDeletedPage({ ctx: request.ctx }));
  });
}
