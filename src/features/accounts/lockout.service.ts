import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, Queryable } from '../../db/database';
import { translator, type Locale } from '../../i18n/i18n';
import { audit } from '../../lib/audit';
import { cookiesOf } from '../../lib/http/csrf';
import { enqueueMail } from '../../lib/mail/outbox';
import { cityPaths, paths } from '../../web/paths';
import { isKnownDevice, rememberDevice, userAdminAddresses } from './lockout.repository';
import { absolute, composeText, formatMoment, fullName, RESET_IP_RULE, type LinkProblem } from './public/links.service';
import { hashId, secureFor, type SessionSettings } from './session';
import { claimBurst, lockedFor, recordFailure, RULES } from './throttle';
import { checkToken, consumeToken, findUserByEmail, findUserById, issueToken, normalizeEmail, type UserRow } from './users.repository';

// Password guesses are throttled without handing an attacker a way to lock the owner out (decision 0004):
// 1. per account and client: a browser that signed in to the account before (its long-lived random device cookie,
//    wemi_device) has a counter of its own; any other browser counts on its IP address (a fresh cookie per try
//    buys nothing). Five failures lock that pair for 1, 2, 4 … minutes (at most an hour);
// 2. per account, for clients it does not know: twenty failures in an hour lock it for 5, 10 … minutes (at most
//    an hour, never for good) — only for browsers that never signed in to it;
// 3. per IP address, for clients the account does not know: thirty failures in 15 minutes (credential stuffing);
// 4. an e-mailed unlock link (single use, an hour, only its hash stored) makes the browser it is opened in known
//    to the account, so its owner signs in despite 2 and 3.
// The first lock of 2 or 3 in a burst writes an audit row and alerts the City (SECURITY_ALERT_EMAIL, or the staff
// who manage users) once, through the outbox; the owner of an account under attack gets an unlock link.
// Every counter lives in the database (several stateless nodes); every message is the same whether or not the
// account exists.

export const DEVICE_COOKIE = 'wemi_device';
/** Browsers keep the device cookie this long at most (400 days): it is renewed at each login. */
const DEVICE_MAX_AGE_SECONDS = 400 * 24 * 3600;
export const UNLOCK_TTL_MINUTES = 60;

/** The browser's device id (its random cookie), or undefined when it sent none (or a malformed one). */
export function deviceOf(request: FastifyRequest): string | undefined {
  const v = cookiesOf(request)[DEVICE_COOKIE];
  return v && /^[A-Za-z0-9_-]{43}$/.test(v) ? v : undefined;
}

/** The browser's device id; a new one, with its cookie, when it has none (the login page gives every browser one). */
export function ensureDevice(request: FastifyRequest, reply: FastifyReply, settings: Pick<SessionSettings, 'secureCookies'>, renew = false): string {
  const id = deviceOf(request) ?? randomBytes(32).toString('base64url');
  if (renew || id !== deviceOf(request)) {
    reply.header('set-cookie', `${DEVICE_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${DEVICE_MAX_AGE_SECONDS}${secureFor(request, settings) ? '; Secure' : ''}`);
  }
  return id;
}

/** Whose counters: an account by its e-mail address, or by its id when it has none (a SPID account re-authenticating). */
export const accountRef = (email: string | null | undefined, userId?: string) => (email ? `email:${normalizeEmail(email)}` : `user:${userId ?? ''}`);

export interface LoginClient {
  ip: string;
  /** The device cookie's value, when the browser sent one. */
  device: string | undefined;
}

export const clientOf = (request: FastifyRequest): LoginClient => ({ ip: request.ip, device: deviceOf(request) });

function keysOf(account: string, client: LoginClient, known: boolean) {
  return {
    pair: known && client.device ? `login:pair:device:${hashId(client.device).slice(0, 32)}:${account}` : `login:pair:ip:${client.ip}:${account}`,
    account: `login:${account}`,
    ip: `login:ip:${client.ip}`,
  };
}

export interface LoginGate {
  /** The browser signed in to this account before (or used an unlock link for it). */
  known: boolean;
  /** Seconds before this client may try a password for the account again (0: now). */
  locked: number;
}

/**
 * Whether this client may try a password for the account now: its own counter always; the account-wide and the
 * address-wide ones only for a browser the account does not know. `known` forces the answer (re-authentication
 * inside a session of the account).
 */
export async function loginGate(q: Queryable, account: string, client: LoginClient, opts: { known?: boolean } = {}): Promise<LoginGate> {
  const known =
    opts.known ?? (client.device !== undefined && account.startsWith('email:') && (await isKnownDevice(q, account.slice('email:'.length), hashId(client.device))));
  const keys = keysOf(account, client, known);
  const own = await lockedFor(q, keys.pair);
  const wide = known ? 0 : Math.max(await lockedFor(q, keys.account), await lockedFor(q, keys.ip));
  return { known, locked: Math.max(own, wide) };
}

export interface LoginFailure {
  account: string;
  client: LoginClient;
  known: boolean;
  /** The account, when one has that address (to warn its owner of a burst). */
  user?: Pick<UserRow, 'id' | 'email' | 'status' | 'given_name' | 'family_name'> | undefined;
  baseUrl: string;
  /** SECURITY_ALERT_EMAIL, when set. */
  alertTo?: string | undefined;
}

/**
 * Counts a wrong password (or an unknown account) on the three counters; the first lock of a burst on the
 * account-wide or address-wide one is reported. Returns the seconds of the lock this client now meets (0: none).
 */
export async function recordLoginFailure(db: Db, f: LoginFailure): Promise<number> {
  const keys = keysOf(f.account, f.client, f.known);
  const own = await recordFailure(db, keys.pair, RULES.loginPair);
  const accountLock = await recordFailure(db, keys.account, RULES.loginAccount);
  const ipLock = await recordFailure(db, keys.ip, RULES.loginIp);
  if (accountLock) await reportBurst(db, 'account', keys.account, accountLock, f);
  if (ipLock) await reportBurst(db, 'ip', keys.ip, ipLock, f);
  // Past the gate no wider lock was on: only one this failure started can apply now.
  return f.known ? own : Math.max(own, accountLock, ipLock);
}

/** The right password: this browser is known to the account from now on, and its own counters start again. */
export async function recordLoginSuccess(q: Queryable, userId: string, account: string, client: LoginClient): Promise<void> {
  if (client.device) await rememberDevice(q, userId, hashId(client.device));
  await q.query('delete from auth_throttle where key = any($1)', [[keysOf(account, client, true).pair, keysOf(account, client, false).pair]]);
}

/** Remembers the browser for the account (a password reset or an unlock link completed in it). */
export const trustDevice = (q: Queryable, userId: string, device: string) => rememberDevice(q, userId, hashId(device));

const minutesOf = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** The audit row and the alerts of a burst, once per burst (whichever node claims it first). */
async function reportBurst(db: Db, scope: 'account' | 'ip', key: string, seconds: number, f: LoginFailure): Promise<void> {
  await db.transaction(async (tx) => {
    const failures = await claimBurst(tx, key);
    if (failures === null) return;
    const t = translator('it');
    const minutes = minutesOf(seconds);
    const label = f.account.replace(/^(email|user):/, '');
    const target = scope === 'account' && f.user ? f.user : undefined;
    await audit(tx, {
      actorLabel: scope === 'account' ? label : f.client.ip,
      action: 'auth.login.burst',
      targetType: target ? 'user' : undefined,
      targetId: target?.id,
      ip: f.client.ip,
      details: { scope, failures, lockMinutes: minutes, ...(scope === 'account' ? { account: label, accountExists: f.user !== undefined } : {}) },
    });
    const auditUrl = absolute(f.baseUrl, cityPaths.audit());
    const body =
      scope === 'account'
        ? t('lockout.alert.account', {
            failures,
            account: label,
            exists: t(!f.user ? 'lockout.alert.noAccount' : f.user.status === 'active' ? 'lockout.alert.activeAccount' : 'lockout.alert.inactiveAccount'),
            ip: f.client.ip,
            minutes,
          })
        : t('lockout.alert.ip', { failures, ip: f.client.ip, minutes, window: RULES.loginIp.windowMinutes });
    const recipients = f.alertTo ? [f.alertTo] : await userAdminAddresses(tx);
    for (const to of recipients) {
      await enqueueMail(tx, {
        to,
        subject: t(scope === 'account' ? 'lockout.alert.subjectAccount' : 'lockout.alert.subjectIp'),
        text: composeText(t, '', [body, t('lockout.alert.how'), `${t('lockout.alert.audit')}\n${auditUrl}`, t('lockout.alert.once')]),
      });
    }
    // The owner of an account under attack hears of it, with the link that lets them in from the browser they open it in.
    if (target && target.status === 'active' && target.email) {
      const token = await issueToken(tx, target.id, 'unlock_login', UNLOCK_TTL_MINUTES);
      await enqueueMail(tx, {
        to: target.email,
        subject: t('lockout.owner.subject'),
        text: composeText(t, fullName(target), [
          t('lockout.owner.intro', { email: target.email, minutes }),
          `${t('lockout.owner.action')}\n${absolute(f.baseUrl, paths.loginUnlockLink(token))}`,
          t('lockout.unlock.validity', { minutes: UNLOCK_TTL_MINUTES, expires: formatMoment('it', new Date(Date.now() + UNLOCK_TTL_MINUTES * 60_000)) }),
          `${t('lockout.owner.notYou')}\n${absolute(f.baseUrl, paths.forgotPassword())}`,
        ]),
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// The unlock link.

export type UnlockRequestResult = { outcome: 'accepted' } | { outcome: 'locked'; seconds: number };

/**
 * "Sblocca l'accesso": the same outcome whether or not the account exists; rate-limited per e-mail and per IP
 * address as reset links are. An active account with a password gets a link valid an hour (earlier ones die).
 */
export async function requestUnlockLink(db: Db, input: { email: string; ip: string; baseUrl: string; locale: Locale }): Promise<UnlockRequestResult> {
  const email = normalizeEmail(input.email);
  const emailKey = `unlock:email:${email}`;
  const ipKey = `unlock:ip:${input.ip}`;
  const locked = Math.max(await lockedFor(db, emailKey), await lockedFor(db, ipKey));
  if (locked > 0) {
    await audit(db, { actorLabel: email, action: 'auth.unlock.locked', ip: input.ip });
    return { outcome: 'locked', seconds: locked };
  }
  await recordFailure(db, emailKey, RULES.emailLink);
  await recordFailure(db, ipKey, RESET_IP_RULE);
  await db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    let outcome: 'sent' | 'no_account' | 'inactive' = 'no_account';
    if (user && user.status === 'active' && user.email && user.password_hash) {
      const t = translator(input.locale);
      const token = await issueToken(tx, user.id, 'unlock_login', UNLOCK_TTL_MINUTES);
      await enqueueMail(tx, {
        to: user.email,
        subject: t('lockout.unlock.mail.subject'),
        text: composeText(t, fullName(user), [
          t('lockout.unlock.mail.intro', { email: user.email }),
          `${t('lockout.unlock.mail.action')}\n${absolute(input.baseUrl, paths.loginUnlockLink(token))}`,
          t('lockout.unlock.validity', { minutes: UNLOCK_TTL_MINUTES, expires: formatMoment(input.locale, new Date(Date.now() + UNLOCK_TTL_MINUTES * 60_000)) }),
          t('lockout.unlock.mail.ignore'),
        ]),
      });
      outcome = 'sent';
    } else if (user) {
      outcome = 'inactive';
    }
    await audit(tx, {
      actorId: user?.id,
      actorLabel: email,
      action: 'auth.unlock.request',
      targetType: user ? 'user' : undefined,
      targetId: user?.id,
      ip: input.ip,
      details: { outcome },
    });
  });
  return { outcome: 'accepted' };
}

export type UnlockTarget = { ok: true; user: UserRow } | { ok: false; reason: LinkProblem };

/** The account an unlock link is for (without using it): only active accounts. */
export async function unlockLinkTarget(q: Queryable, raw: string): Promise<UnlockTarget> {
  const check = await checkToken(q, raw, 'unlock_login');
  if (!check.ok) return check;
  const user = await findUserById(q, check.userId);
  if (!user || user.status !== 'active') return { ok: false, reason: 'invalid' };
  return { ok: true, user };
}

/** Uses an unlock link in this browser: the link is spent and the browser becomes known to the account, atomically. */
export async function useUnlockLink(db: Db, input: { token: string; device: string; ip: string }): Promise<UnlockTarget> {
  return db.transaction(async (tx) => {
    const target = await unlockLinkTarget(tx, input.token);
    if (!target.ok) return target;
    const used = await consumeToken(tx, input.token, 'unlock_login');
    if (!used.ok) return used;
    const user = target.user;
    await trustDevice(tx, user.id, input.device);
    await audit(tx, { actorId: user.id, actorLabel: user.email ?? user.id, action: 'auth.unlock.use', targetType: 'user', targetId: user.id, ip: input.ip });
    return target;
  });
}
