import { createHash, randomInt } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, Queryable } from '../../../db/database';
import type { MessageKey } from '../../../i18n/catalogue';
import type { Locale, Translate } from '../../../i18n/i18n';
import { audit, type AuditAction } from '../../../lib/audit';
import type { FieldIssue } from '../../../lib/http/errors';
import { enqueueMail } from '../../../lib/mail/outbox';
import { paths } from '../../../web/paths';
import { lockedMessage } from '../login.service';
import { verifyPassword } from '../password';
import type { Actor } from '../personal/personal.service';
import { formatMoment } from '../public/links.service';
import { endAllSessions, startSession, type SessionSettings } from '../session';
import { accountRef, loginGate, recordLoginFailure, recordLoginSuccess } from '../lockout.service';
import { clearFailures, lockedFor, recordFailure, RULES } from '../throttle';
import { newTotpSecret, verifyTotp } from '../totp';
import type { UserRow } from '../users.repository';
import * as repo from './security.repository';

// Use cases of the "Sicurezza" page: change the password, set up the second factor (again) or turn it off,
// generate recovery codes; and the use of a recovery code at the second-factor step of a login.
// Each change, the e-mail that tells the account's owner about it and the audit row are written in one
// transaction. A change of credentials ends every other session and gives the current one a new id.

export interface MailContext {
  t: Translate;
  baseUrl: string;
  locale: Locale;
}

/** The session the person acts from: it survives a change of credentials under a new id. */
export interface ActingSession {
  request: FastifyRequest;
  reply: FastifyReply;
  settings: SessionSettings;
  idHash: string;
  method: string;
}

type Owner = Pick<UserRow, 'id' | 'email' | 'given_name' | 'family_name'>;

/** Ends every other session of the account and rotates the id of this one; returns how many ended. */
async function keepOnlyThisSession(tx: Queryable, userId: string, session: ActingSession): Promise<number> {
  const ended = await endAllSessions(tx, userId, session.idHash);
  await startSession(tx, session.request, session.reply, session.settings, { userId, method: session.method });
  return ended;
}

/**
 * Queues a security notice to the account's address (none without one): greeting, what happened and when,
 * what to do if it was not them, signature. Sent whatever the notification preferences say.
 */
async function notifyOwner(tx: Queryable, owner: Owner, mail: MailContext, subject: MessageKey, body: string): Promise<void> {
  if (!owner.email) return;
  const { t } = mail;
  const name = `${owner.given_name} ${owner.family_name}`.trim();
  const resetUrl = `${mail.baseUrl.replace(/\/+$/, '')}${paths.forgotPassword()}`;
  const text = [
    name ? t('links.mail.greeting', { name }) : t('links.mail.greetingAnonymous'),
    body,
    `${t('security.mail.notYou')}\n${resetUrl}`,
    `-- \n${t('links.signature')}\n${t('links.mail.automatic')}`,
  ].join('\n\n');
  await enqueueMail(tx, { to: owner.email, subject: t(subject), text: `${text}\n` });
}

const when = (mail: MailContext) => formatMoment(mail.locale, new Date());

/** The audit row of a change a person makes to their own account. */
const auditOwn = (q: Queryable, actor: Actor, action: AuditAction, details: Record<string, unknown>) =>
  audit(q, { actorId: actor.id, actorLabel: actor.label, action, targetType: 'user', targetId: actor.id, ip: actor.ip, details });

/** City staff must keep the second factor: they may set it up again, never turn it off. */
export const mustKeepSecondFactor = (roles: readonly string[]) => roles.includes('city');

// ---------------------------------------------------------------------------------------- current password

export const CURRENT_PASSWORD = 'currentPassword';

/**
 * Checks the current password before a change of credentials. Throttled as logins are, on the same counters
 * (lockout.service.ts): guesses here and at the login form from this browser share one budget. Inside a session
 * of the account the browser counts as known to it: a burst against the account elsewhere never stops its owner.
 * `lockout`: the browser's device cookie, where bursts are reported. Returns the issue of the 'currentPassword'
 * field, or null when the password is right.
 */
export async function checkCurrentPassword(
  db: Db,
  t: Translate,
  actor: Actor,
  me: UserRow,
  password: string,
  purpose: string,
  lockout: { device: string | undefined; baseUrl: string; alertTo?: string | undefined },
): Promise<FieldIssue | null> {
  if (!password) return { field: CURRENT_PASSWORD, message: t('security.error.currentRequired') };
  const account = accountRef(me.email, me.id);
  const client = { ip: actor.ip, device: lockout.device };
  const gate = await loginGate(db, account, client, { known: true });
  if (gate.locked > 0) {
    await auditOwn(db, actor, 'auth.reauth.locked', { purpose });
    return { field: CURRENT_PASSWORD, message: lockedMessage(t, gate.locked) };
  }
  if (me.password_hash && (await verifyPassword(password, me.password_hash))) {
    await recordLoginSuccess(db, me.id, account, client);
    return null;
  }
  const lock = await recordLoginFailure(db, { account, client, known: true, user: me, baseUrl: lockout.baseUrl, alertTo: lockout.alertTo });
  await auditOwn(db, actor, 'auth.reauth.failure', { purpose });
  return { field: CURRENT_PASSWORD, message: lock ? lockedMessage(t, lock) : t('security.error.currentWrong') };
}

// ------------------------------------------------------------------------------------------------ password

/** Sets the new password (already hashed and checked): other sessions end, the owner is told. */
export async function changePassword(db: Db, actor: Actor, me: UserRow, passwordHash: string, session: ActingSession, mail: MailContext): Promise<number> {
  return db.transaction(async (tx) => {
    await repo.setPasswordHash(tx, me.id, passwordHash);
    const ended = await keepOnlyThisSession(tx, me.id, session);
    await notifyOwner(tx, me, mail, 'security.mail.password.subject', mail.t('security.mail.password.body', { email: me.email ?? '', when: when(mail) }));
    await auditOwn(tx, actor, 'auth.password.change', { sessionsEnded: ended });
    return ended;
  });
}

// ------------------------------------------------------------------------------------------- second factor

/** Starts setting up an authenticator app: a new secret waits for its first code; the current one still works. */
export async function startTotpEnrolment(db: Db, actor: Actor, me: UserRow): Promise<string> {
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    await repo.savePendingTotpSecret(tx, me.id, secret);
    await auditOwn(tx, actor, 'auth.mfa.enrol.start', { again: me.totp_enabled_at !== null });
  });
  return secret;
}

export type EnrolmentResult = { outcome: 'done'; again: boolean; sessionsEnded: number } | { outcome: 'none' } | { outcome: 'refused'; issue: FieldIssue };

/**
 * Confirms the app being set up with a code from its new secret: the new secret replaces the old one,
 * other sessions end, the owner is told. Wrong codes are throttled (RULES.secondFactor).
 */
export async function confirmTotpEnrolment(db: Db, t: Translate, actor: Actor, me: UserRow, code: string, session: ActingSession, mail: MailContext): Promise<EnrolmentResult> {
  const secret = await repo.pendingTotpSecret(db, me.id);
  if (!secret) return { outcome: 'none' };
  const refused = (message: string): EnrolmentResult => ({ outcome: 'refused', issue: { field: 'code', message } });
  const digits = code.replace(/\s/g, '');
  if (!digits) return refused(t('auth.error.codeRequired'));
  if (!/^\d{6}$/.test(digits)) return refused(t('auth.error.codeFormat'));
  const key = `mfa-enrol:user:${me.id}`;
  const locked = await lockedFor(db, key);
  if (locked > 0) return refused(lockedMessage(t, locked));
  // A code of the new secret: the steps used with the old one do not concern it.
  const step = verifyTotp(secret, digits, null);
  const again = me.totp_enabled_at !== null;
  const ended =
    step === null
      ? null
      : await db.transaction(async (tx) => {
          if (!(await repo.takePendingTotpSecret(tx, me.id, secret))) return null;
          await repo.enableTotp(tx, me.id, secret, step);
          const n = await keepOnlyThisSession(tx, me.id, session);
          const [subject, body]: [MessageKey, MessageKey] = again
            ? ['security.mail.totpAgain.subject', 'security.mail.totpAgain.body']
            : ['security.mail.totpOn.subject', 'security.mail.totpOn.body'];
          await notifyOwner(tx, me, mail, subject, mail.t(body, { when: when(mail) }));
          await auditOwn(tx, actor, again ? 'auth.mfa.reenrol' : 'auth.mfa.enrol', { sessionsEnded: n, from: 'personal_area' });
          return n;
        });
  if (ended === null) {
    const lock = await recordFailure(db, key, RULES.secondFactor);
    await auditOwn(db, actor, 'auth.mfa.failure', { context: 'enrolment' });
    return refused(lock ? lockedMessage(t, lock) : t('auth.error.codeWrong'));
  }
  await clearFailures(db, key);
  return { outcome: 'done', again, sessionsEnded: ended };
}

/** Turns the second factor off (never for City staff: the caller checks): its recovery codes go too. */
export async function disableSecondFactor(db: Db, actor: Actor, me: UserRow, session: ActingSession, mail: MailContext): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await repo.disableTotp(tx, me.id))) return false;
    const codes = await repo.deleteRecoveryCodes(tx, me.id);
    const ended = await keepOnlyThisSession(tx, me.id, session);
    await notifyOwner(tx, me, mail, 'security.mail.totpOff.subject', mail.t('security.mail.totpOff.body', { when: when(mail) }));
    await auditOwn(tx, actor, 'auth.mfa.disable', { sessionsEnded: ended, recoveryCodesDeleted: codes });
    return true;
  });
}

// ------------------------------------------------------------------------------------------ recovery codes

export const RECOVERY_CODE_COUNT = 10;
/** Lower-case letters and digits that cannot be mistaken for one another (no 0, o, 1, i, l). */
const RECOVERY_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
const RECOVERY_LENGTH = 10;
const RECOVERY_PATTERN = new RegExp(`^[${RECOVERY_ALPHABET}]{${RECOVERY_LENGTH}}$`);

/** Ten different codes of two groups of five characters (about 49 random bits each): "k7m2p-x9qrt". */
export function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    let s = '';
    for (let i = 0; i < RECOVERY_LENGTH; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    codes.add(`${s.slice(0, RECOVERY_LENGTH / 2)}-${s.slice(RECOVERY_LENGTH / 2)}`);
  }
  return [...codes];
}

/** A code as typed (any case, spaces or dashes) in its stored form, or null when it cannot be a code. */
export function normalizeRecoveryCode(typed: string): string | null {
  const s = typed.toLowerCase().replace(/[\s-]/g, '');
  return RECOVERY_PATTERN.test(s) ? s : null;
}

/** What is stored of a code: a hash of the account and the code, so equal codes of two accounts differ. */
export const recoveryCodeHash = (userId: string, normalized: string) => createHash('sha256').update(`wemi-recovery-code:${userId}:${normalized}`).digest('hex');

export const recoveryCodeCount = (q: Queryable, userId: string) => repo.recoveryCodeCount(q, userId);

/** The hidden field of the generation form that names the batch of codes it was shown with. */
export const RECOVERY_BATCH = 'batch';

const batchToken = (userId: string, batchId: string | null) =>
  createHash('sha256').update(`wemi-recovery-batch:${userId}:${batchId ?? 'none'}`).digest('base64url').slice(0, 22);

/**
 * The current batch of the account's recovery codes as an opaque token, for the generation form. A form
 * sent again after a new batch replaced that one (the browser reloading the page of the new codes, which
 * answers a POST; the back button; a second tab) names a batch that is gone, and makes no new codes.
 */
export const recoveryBatch = async (q: Queryable, userId: string) => batchToken(userId, await repo.recoveryBatchId(q, userId));

export interface NewRecoveryCodes {
  codes: string[];
  /** An earlier batch existed and no longer works. */
  replaced: boolean;
}

/**
 * A new batch of codes replaces every earlier one, when `batch` (from the form) still names the current
 * batch; returns the codes, to show once (never stored as such), or null when the form is stale.
 */
export async function regenerateRecoveryCodes(db: Db, actor: Actor, me: UserRow, mail: MailContext, batch: string): Promise<NewRecoveryCodes | null> {
  const codes = newRecoveryCodes();
  return db.transaction(async (tx) => {
    // Two submissions of one form at once: the second waits for the first, then finds its batch gone.
    await repo.lockAccount(tx, me.id);
    const current = await repo.recoveryBatchId(tx, me.id);
    if (batchToken(me.id, current) !== batch) return null;
    const replaced = await repo.replaceRecoveryCodes(
      tx,
      me.id,
      codes.map((c) => recoveryCodeHash(me.id, normalizeRecoveryCode(c)!)),
    );
    await notifyOwner(tx, me, mail, 'security.mail.codes.subject', mail.t('security.mail.codes.body', { when: when(mail), count: RECOVERY_CODE_COUNT }));
    await auditOwn(tx, actor, 'auth.recovery.generate', { count: RECOVERY_CODE_COUNT, unusedReplaced: replaced });
    return { codes, replaced: current !== null };
  });
}

/**
 * Uses a recovery code (normalised) at the second-factor step, inside the login's transaction: marks it
 * used, tells the owner and writes the audit row. False when it is wrong or already used.
 */
export async function redeemRecoveryCode(tx: Queryable, owner: Owner, code: string, ip: string, mail: MailContext): Promise<boolean> {
  if (!(await repo.useRecoveryCode(tx, owner.id, recoveryCodeHash(owner.id, code)))) return false;
  const { remaining } = await repo.recoveryCodeCount(tx, owner.id);
  const paragraphs = [mail.t('security.mail.codeUsed.body', { when: when(mail), remaining })];
  if (remaining <= 3) paragraphs.push(mail.t('security.mail.codeUsed.fewLeft'));
  await notifyOwner(tx, owner, mail, 'security.mail.codeUsed.subject', paragraphs.join('\n\n'));
  await audit(tx, { actorId: owner.id, actorLabel: owner.email ?? owner.id, action: 'auth.recovery.use', targetType: 'user', targetId: owner.id, ip, details: { remaining } });
  return true;
}
