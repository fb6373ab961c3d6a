import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database';
import type { Translate } from '../../i18n/i18n';
import { audit } from '../../lib/audit';
import { paths } from '../../web/paths';
import { flattenRoles, loadRoles, startSession, type SessionSettings } from './session';
import type { UserRow } from './users.repository';

// What every way of logging in ends with: a new session (the id always changes), the audit row, and the
// next page: the second factor when one is due, the privacy notice when its version changed, else back
// where the person was going.

/** Version of the privacy notice; a user who accepted an older one is asked again. */
export const PRIVACY_VERSION = '2026-11';

/** "riprova tra N minuti" (singular for one minute): the message of every throttled credential check. */
export function lockedMessage(t: Translate, seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? t('auth.error.lockedOne') : t('auth.error.locked', { minutes });
}

/** A return address is only ever a path of this site (no open redirect). */
export function safeReturnTo(raw: unknown, fallback: string = paths.personalArea()): string {
  const s = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  if (typeof s !== 'string' || s.length > 500) return fallback;
  // A path of this site only: no control character at all (a browser drops a TAB or a newline, so "/\t/evil" would
  // become "//evil"), and what the WHATWG URL parser makes of it against our own origin must stay on that origin.
  if (!s.startsWith('/') || /[\u0000-\u001f\u007f]/.test(s)) return fallback;
  let url: URL;
  try {
    url = new URL(s, SELF);
  } catch {
    return fallback;
  }
  if (url.origin !== SELF) return fallback;
  // Never come back to a login step itself.
  if (url.pathname.startsWith('/accedi') || url.pathname.startsWith('/esci')) return fallback;
  // As the parser serialises it: percent-encoded, so any character is safe in a Location header.
  return url.pathname + url.search + url.hash;
}

/** A stand-in origin to resolve return paths against (never shown: only the path is kept). */
const SELF = 'http://wemi.invalid';

/** City staff must use a second factor; anyone who enrolled one uses it too. SPID/CIE are strong already. */
export async function secondFactorDue(db: Db, user: Pick<UserRow, 'id' | 'totp_enabled_at'>, method: string): Promise<boolean> {
  if (method === 'spid' || method === 'cie') return false;
  if (user.totp_enabled_at) return true;
  return flattenRoles(await loadRoles(db, user.id)).roles.includes('city');
}

/**
 * Starts the session after a successful first factor and answers with the redirect to the next step.
 * `method`: 'password' | 'spid' | 'cie' | 'invitation'.
 */
export async function completeLogin(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  settings: SessionSettings,
  user: Pick<UserRow, 'id' | 'email' | 'fiscal_code' | 'totp_enabled_at' | 'privacy_version'>,
  method: string,
  returnTo: string,
): Promise<FastifyReply> {
  const mfa = await secondFactorDue(db, user, method);
  await db.transaction(async (tx) => {
    await startSession(tx, request, reply, settings, { userId: user.id, method, mfaPending: mfa });
    if (!mfa) await tx.query('update app_user set last_login_at = now() where id = $1', [user.id]);
    await audit(tx, {
      actorId: user.id,
      actorLabel: user.email ?? user.fiscal_code ?? user.id,
      action: mfa ? 'auth.login.first_factor' : 'auth.login',
      targetType: 'user',
      targetId: user.id,
      ip: request.ip,
      details: { method },
    });
  });
  if (mfa) return reply.redirect(`${paths.loginSecondFactor()}?ritorno=${encodeURIComponent(returnTo)}`, 303);
  return reply.redirect(nextAfterLogin(user, returnTo), 303);
}

/** The privacy notice first when its version changed, then where the person was going. */
export function nextAfterLogin(user: Pick<UserRow, 'privacy_version'>, returnTo: string): string {
  if (user.privacy_version !== PRIVACY_VERSION) return `${paths.privacyConsent()}?ritorno=${encodeURIComponent(returnTo)}`;
  return returnTo;
}
