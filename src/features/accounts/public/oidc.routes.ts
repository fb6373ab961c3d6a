import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../deps';
import { sessionSettings, secureFor } from '../session';
import type { Db } from '../../../db/database';
import type { MessageKey } from '../../../i18n/catalogue';
import { audit } from '../../../lib/audit';
import { cookiesOf } from '../../../lib/http/csrf';
import { jsx, type Html } from '../../../lib/jsx/jsx-runtime';
import type { PageContext } from '../../../web/context';
import { Layout, PageHeader } from '../../../web/layout';
import { paths } from '../../../web/paths';
import { completeLogin, safeReturnTo } from '../login.service';
import { createUser, findUserByEmail, findUserByFiscalCode, findUserById, grantRole, type UserRow } from '../users.repository';
import {
  authorizationUrl,
  exchangeCode,
  gatewayConfiguration,
  identityFromClaims,
  methodOfState,
  newPendingLogin,
  oidcSettings,
  type CitizenIdentity,
  type IdentityMethod,
} from './oidc.client';

// Login with SPID and CIE through the City's identity gateway (OpenID Connect, see oidc.client.ts):
//   GET /accedi/spid, /accedi/cie  → a pending login in `oidc_login` (10 minutes), 303 to the gateway;
//   GET /accedi/oidc/callback      → the pending login is used up (single use), the code exchanged, the
//                                    citizen found by codice fiscale or created, then completeLogin().
// The pending login is also bound to the browser that started it (a short-lived cookie holding the state):
// a callback address sent to someone else, or replayed, logs nobody in.

const PENDING_COOKIE = 'wemi_oidc';
const PENDING_MINUTES = 10;
const DEFAULT_RETURN = paths.personalArea();

const first = (v: unknown): string | undefined => (Array.isArray(v) ? first(v[0]) : typeof v === 'string' ? v : undefined);

function sameText(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

/** A short page explaining why the login did not happen, with the way back. */
function messagePage(ctx: PageContext, title: string, body: string, returnTo: string | undefined): Html {
  const { t } = ctx;
  const login = paths.login(returnTo && returnTo !== DEFAULT_RETURN ? returnTo : undefined);
  return Layout({
    ctx,
    title,
    children: [
      PageHeader({ ctx, crumbs: [{ href: paths.login(), label: t('header.login') }, { label: title }], title, lead: body }),
      jsx('div', {
        class: 'container mb-5',
        children: jsx('div', {
          class: 'row justify-content-center',
          children: jsx('div', {
            class: 'col-12 col-lg-10 px-lg-4',
            children: jsx('p', {
              children: [
                jsx('a', { class: 'btn btn-primary me-2 mb-2', href: login, children: t('oidc.backToLogin') }),
                jsx('a', { class: 'btn btn-outline-primary mb-2', href: paths.home(), children: t('common.backHome') }),
              ],
            }),
          }),
        }),
      }),
    ],
  });
}

type Outcome = { kind: 'ok'; user: UserRow } | { kind: 'refused'; user: UserRow };

/**
 * The account of a codice fiscale: found, or created as a citizen (role 'citizen') in one transaction.
 * On later logins only empty fields are filled in (names, birth date, e-mail): what the person changed in
 * the personal area stays. An e-mail address another account already uses is left out.
 */
async function findOrCreateCitizen(db: Db, identity: CitizenIdentity, method: IdentityMethod, ip: string): Promise<Outcome> {
  const attempt = () =>
    db.transaction(async (tx): Promise<Outcome> => {
      const existing = await findUserByFiscalCode(tx, identity.fiscalCode);
      const emailFree = identity.email !== null && (await findUserByEmail(tx, identity.email)) === undefined;
      const email = emailFree ? identity.email : null;
      if (existing) {
        if (existing.status !== 'active') return { kind: 'refused', user: existing };
        await tx.query(
          `update app_user set
             given_name = case when given_name = '' then $2 else given_name end,
             family_name = case when family_name = '' then $3 else family_name end,
             birth_date = coalesce(birth_date, $4::date),
             email = coalesce(email, $5::text),
             email_verified_at = case when email is null and $5::text is not null and $6 then now() else email_verified_at end,
             updated_at = now()
           where id = $1
             and ((given_name = '' and $2 <> '') or (family_name = '' and $3 <> '')
                  or (birth_date is null and $4::date is not null) or (email is null and $5::text is not null))`,
          [existing.id, identity.givenName, identity.familyName, identity.birthDate, email, identity.emailVerified],
        );
        return { kind: 'ok', user: (await findUserById(tx, existing.id)) ?? existing };
      }
      const userId = await createUser(tx, {
        kind: 'citizen',
        email,
        emailVerified: email !== null && identity.emailVerified,
        fiscalCode: identity.fiscalCode,
        givenName: identity.givenName,
        familyName: identity.familyName,
        birthDate: identity.birthDate,
      });
      await grantRole(tx, { userId, role: 'citizen' });
      await audit(tx, {
        actorId: userId,
        actorLabel: identity.fiscalCode,
        action: 'users.create',
        targetType: 'user',
        targetId: userId,
        ip,
        details: { kind: 'citizen', method },
      });
      const user = await findUserById(tx, userId);
      if (!user) throw new Error('Created user not found');
      return { kind: 'ok', user };
    });
  try {
    return await attempt();
  } catch (err) {
    // Two first logins of the same person at once (or an e-mail taken meanwhile): the loser retries and
    // finds what the winner wrote.
    if (isUniqueViolation(err)) return attempt();
    throw err;
  }
}

export function registerOidcRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const settingsOfSession = sessionSettings(config);
  const pendingCookie = (request: FastifyRequest, value: string, maxAgeSeconds: number) =>
    `${PENDING_COOKIE}=${value}; Path=${paths.oidcCallback()}; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secureFor(request, settingsOfSession) ? '; Secure' : ''}`;
  const methodName = (ctx: PageContext, method: IdentityMethod | null) => ctx.t(method === 'cie' ? 'oidc.method.cie' : 'oidc.method.spid');

  function unavailable(request: FastifyRequest, reply: FastifyReply, method: IdentityMethod | null, returnTo?: string): FastifyReply {
    const ctx = request.ctx;
    const title = ctx.t('oidc.unavailable.title', { method: method ? methodName(ctx, method) : 'SPID / CIE' });
    reply.header('retry-after', '120');
    return reply.page(messagePage(ctx, title, ctx.t('oidc.unavailable.body'), returnTo), 503);
  }

  /** Audits the failure and answers with its page. */
  async function failure(
    request: FastifyRequest,
    reply: FastifyReply,
    f: {
      status: 400 | 403 | 503;
      title: MessageKey;
      body: MessageKey;
      method: IdentityMethod | null;
      reason: string;
      details?: Record<string, unknown>;
      user?: UserRow;
      returnTo?: string;
    },
  ): Promise<FastifyReply> {
    await audit(db, {
      actorId: f.user?.id ?? null,
      actorLabel: f.user ? (f.user.fiscal_code ?? f.user.email ?? f.user.id) : 'anonymous',
      action: 'auth.login.failure',
      targetType: f.user ? 'user' : null,
      targetId: f.user?.id ?? null,
      ip: request.ip,
      details: { method: f.method ?? 'oidc', reason: f.reason, ...f.details },
    });
    const ctx = request.ctx;
    const body = ctx.t(f.body, { method: methodName(ctx, f.method) });
    return reply.page(messagePage(ctx, ctx.t(f.title), body, f.returnTo), f.status);
  }

  async function start(method: IdentityMethod, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const returnTo = safeReturnTo((request.query as Record<string, unknown> | undefined)?.ritorno);
    const settings = oidcSettings(config, request);
    if (!settings) return unavailable(request, reply, method, returnTo);
    let configuration;
    try {
      configuration = await gatewayConfiguration(settings);
    } catch (err) {
      request.log.error({ err }, 'identity gateway discovery failed');
      return unavailable(request, reply, method, returnTo);
    }
    const pending = newPendingLogin(method);
    const url = await authorizationUrl(configuration, settings, pending, method, request.ctx.locale);
    await db.transaction(async (tx) => {
      // Housekeeping: pending logins nobody finished.
      await tx.query('delete from oidc_login where expires_at <= now()');
      await tx.query(
        `insert into oidc_login (state, nonce, code_verifier, return_to, expires_at)
         values ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
        [pending.state, pending.nonce, pending.codeVerifier, returnTo, PENDING_MINUTES],
      );
    });
    reply.header('set-cookie', pendingCookie(request, pending.state, PENDING_MINUTES * 60));
    reply.header('cache-control', 'no-store');
    return reply.redirect(url.href, 303);
  }

  // Action addresses, not pages: no derived HEAD route (a HEAD must not start or use up a login).
  const options = { config: { access: 'public' as const }, exposeHeadRoute: false };
  app.get(paths.loginSpid(), options, (request, reply) => start('spid', request, reply));
  app.get(paths.loginCie(), options, (request, reply) => start('cie', request, reply));

  app.get(paths.oidcCallback(), options, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const state = first(query.state);
    const boundState = cookiesOf(request)[PENDING_COOKIE];
    reply.header('set-cookie', pendingCookie(request, '', 0));
    reply.header('cache-control', 'no-store');
    const expired = { status: 400, title: 'oidc.failed.title', body: 'oidc.failed.expired' } as const;

    if (!state || state.length > 200) return failure(request, reply, { ...expired, method: null, reason: 'missing_state' });
    const method = methodOfState(state);
    // Single use: the row is deleted whatever happens next.
    const row = await db.maybeOne<{ nonce: string; code_verifier: string; return_to: string; expired: boolean }>(
      `delete from oidc_login where state = $1 returning nonce, code_verifier, return_to, expires_at <= now() as expired`,
      [state],
    );
    if (!row || !method) return failure(request, reply, { ...expired, method, reason: 'unknown_state' });
    const returnTo = safeReturnTo(row.return_to);
    if (row.expired) return failure(request, reply, { ...expired, method, reason: 'expired_state', returnTo });
    if (!boundState || !sameText(boundState, state)) return failure(request, reply, { ...expired, method, reason: 'other_browser', returnTo });

    const gatewayError = first(query.error);
    if (gatewayError) {
      const cancelled = gatewayError === 'access_denied';
      return failure(request, reply, {
        status: 400,
        title: 'oidc.failed.title',
        body: cancelled ? 'oidc.failed.cancelled' : 'oidc.failed.gateway',
        method,
        reason: cancelled ? 'cancelled' : 'gateway_error',
        details: { error: gatewayError.slice(0, 100) },
        returnTo,
      });
    }

    const settings = oidcSettings(config, request);
    if (!settings) return failure(request, reply, { status: 503, title: 'oidc.failed.title', body: 'oidc.unavailable.body', method, reason: 'not_configured', returnTo });
    let claims: Record<string, unknown>;
    try {
      const configuration = await gatewayConfiguration(settings);
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      claims = await exchangeCode(configuration, settings, search, { state, nonce: row.nonce, codeVerifier: row.code_verifier });
    } catch (err) {
      request.log.warn({ err }, 'identity gateway: code exchange failed');
      const code = typeof err === 'object' && err !== null ? String((err as { code?: unknown }).code ?? (err as Error).name) : 'unknown';
      return failure(request, reply, { status: 400, title: 'oidc.failed.title', body: 'oidc.failed.gateway', method, reason: 'exchange_failed', details: { error: code }, returnTo });
    }

    const mapped = identityFromClaims(claims);
    if (!mapped.ok) return failure(request, reply, { status: 400, title: 'oidc.failed.title', body: 'oidc.failed.identity', method, reason: mapped.reason, returnTo });

    const outcome = await findOrCreateCitizen(db, mapped.identity, method, request.ip);
    if (outcome.kind === 'refused') {
      const status = outcome.user.status;
      const body = status === 'suspended' ? 'oidc.refused.suspended' : status === 'invited' ? 'oidc.refused.invited' : 'oidc.refused.deleted';
      return failure(request, reply, { status: 403, title: 'oidc.refused.title', body, method, reason: `account_${status}`, user: outcome.user, returnTo });
    }
    return completeLogin(db, request, reply, settingsOfSession, outcome.user, method, returnTo);
  });
}
