import type { Db } from '../../../db/database';
import { translator, type Locale } from '../../../i18n/i18n';
import { audit } from '../../../lib/audit';
import { enqueueMail } from '../../../lib/mail/outbox';
import { paths } from '../../../web/paths';
import { PRIVACY_VERSION } from '../login.service';
import { hashPassword } from '../password';
import { acceptPrivacy } from '../personal/personal.repository';
import { lockedFor, recordFailure, RULES, type ThrottleRule } from '../throttle';
import { findUserByEmail, grantRole, normalizeEmail } from '../users.repository';
import { absolute, composeText, fullName, sendVerificationEmail } from './links.service';
import { insertCitizenIfNew } from './register.repository';

// Citizens' self-registration with e-mail and password (CITIZEN_PASSWORD_LOGIN). The answer never says
// whether the address already has an account: a new address gets an unverified citizen account and the
// e-mail-verification link; an address with an active account gets an e-mail saying so, with the links to
// log in and to reset the password. Every attempt counts against the limits per e-mail and per IP address,
// and every outcome leaves an audit row (never the password). Account, privacy acceptance, e-mail and
// audit rows are written in one transaction.

/** Registrations per e-mail address: as many as e-mail links (each one sends a message to that address). */
export const REGISTER_EMAIL_RULE: ThrottleRule = RULES.emailLink;
/** Registrations per IP address: looser (a Spazio WeMi helps many people from one address). */
export const REGISTER_IP_RULE: ThrottleRule = { limit: 20, windowMinutes: 60 };

export const registerThrottleKeys = (email: string, ip: string) => ({
  email: `register:email:${normalizeEmail(email)}`,
  ip: `register:ip:${ip}`,
});

export interface RegistrationInput {
  givenName: string;
  familyName: string;
  email: string;
  password: string;
  ip: string;
  baseUrl: string;
  locale: Locale;
}

export type RegistrationResult = { outcome: 'accepted' } | { outcome: 'locked'; seconds: number };

/** What happened to an accepted registration, as the audit row records it (the person is never told). */
type AcceptedOutcome = 'created' | 'exists' | 'unavailable';

/** Records a registration refused by the form's checks (which fields, not what was typed in them). */
export async function auditInvalidRegistration(db: Db, input: { email: string; ip: string; fields: string[] }): Promise<void> {
  await audit(db, {
    actorLabel: input.email ? normalizeEmail(input.email) : 'anonymous',
    action: 'auth.register.invalid',
    ip: input.ip,
    details: { fields: [...new Set(input.fields)] },
  });
}

/** Registers a citizen (input already checked by the form). */
export async function registerCitizen(db: Db, input: RegistrationInput): Promise<RegistrationResult> {
  const email = normalizeEmail(input.email);
  const keys = registerThrottleKeys(email, input.ip);
  const locked = Math.max(await lockedFor(db, keys.email), await lockedFor(db, keys.ip));
  if (locked > 0) {
    await audit(db, { actorLabel: email, action: 'auth.register.locked', ip: input.ip });
    return { outcome: 'locked', seconds: locked };
  }
  await recordFailure(db, keys.email, REGISTER_EMAIL_RULE);
  await recordFailure(db, keys.ip, REGISTER_IP_RULE);

  // Hashed whether or not the address is taken: the time of the answer does not tell either.
  const passwordHash = await hashPassword(input.password);
  const t = translator(input.locale);

  await db.transaction(async (tx) => {
    const userId = await insertCitizenIfNew(tx, { email, givenName: input.givenName, familyName: input.familyName, passwordHash });
    const existing = userId ? undefined : await findUserByEmail(tx, email);
    // Invited (the invitation e-mail is the way in), suspended, or gone meanwhile: nothing to send.
    const outcome: AcceptedOutcome = userId ? 'created' : existing?.status === 'active' ? 'exists' : 'unavailable';
    const targetId = userId ?? existing?.id;
    await audit(tx, {
      actorId: userId ?? null,
      actorLabel: email,
      action: 'auth.register',
      targetType: targetId ? 'user' : undefined,
      targetId,
      ip: input.ip,
      details: outcome === 'unavailable' ? { outcome, status: existing?.status ?? null } : { outcome },
    });
    if (userId) {
      await grantRole(tx, { userId, role: 'citizen' });
      // The privacy notice, accepted on the form, recorded as the personal area records it.
      await acceptPrivacy(tx, userId, PRIVACY_VERSION);
      await audit(tx, {
        actorId: userId,
        actorLabel: email,
        action: 'privacy.accept',
        targetType: 'user',
        targetId: userId,
        ip: input.ip,
        details: { version: PRIVACY_VERSION, previous: null },
      });
      await sendVerificationEmail(tx, { id: userId, email, given_name: input.givenName, family_name: input.familyName }, input.baseUrl, input.locale);
    } else if (existing && outcome === 'exists') {
      await enqueueMail(tx, {
        to: email,
        subject: t('register.mail.exists.subject'),
        text: composeText(t, fullName(existing), [
          t('register.mail.exists.intro', { email }),
          `${t('register.mail.exists.login')}\n${absolute(input.baseUrl, paths.login())}`,
          `${t('register.mail.exists.reset')}\n${absolute(input.baseUrl, paths.forgotPassword())}`,
          t('register.mail.exists.notYou'),
        ]),
      });
    }
  });
  return { outcome: 'accepted' };
}
