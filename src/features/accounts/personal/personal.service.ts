import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db, Queryable } from '../../../db/database';
import type { Locale, Translate } from '../../../i18n/i18n';
import { audit } from '../../../lib/audit';
import type { FieldIssue } from '../../../lib/http/errors';
import { enqueueMail } from '../../../lib/mail/outbox';
import type { FormState } from '../../../web/forms';
import { PRIVACY_VERSION } from '../login.service';
import { sendVerificationEmail } from '../public/links.service';
import { endAllSessions } from '../session';
import { normalizeEmail, type UserRow } from '../users.repository';
import * as repo from './personal.repository';

// Use cases of the personal area. Each state change and its audit row are written in one transaction.
// Validation messages are written for people (GOV.UK style: what to do, not what went wrong).

/** Who acts, for the audit log. */
export interface Actor {
  id: string;
  label: string;
  ip: string;
}

/** Identity data of SPID/CIE users comes from the identity gateway: they cannot edit it here. */
export function identityLocked(me: Pick<UserRow, 'fiscal_code'>, sessionMethod: string): boolean {
  return sessionMethod === 'spid' || sessionMethod === 'cie' || me.fiscal_code !== null;
}

export const needsPrivacyAcceptance = (me: Pick<UserRow, 'privacy_version'>) => me.privacy_version !== PRIVACY_VERSION;

type Checked<T> = { ok: true; value: T } | { ok: false; form: FormState };

/** First issue of each field, in the order of the form. */
function firstIssues(error: z.ZodError, order: readonly string[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const field of order) {
    const issue = error.issues.find((i) => String(i.path[0]) === field);
    if (issue) out.push({ field, message: issue.message });
  }
  return out;
}

// -------------------------------------------------------------------------------------------- profile

/** Italian phone numbers: mobile (3xx, 9–10 digits) or landline (0…, 6–11 digits), optionally with +39. */
const PHONE = /^(?:\+39|0039)?(?:3\d{8,9}|0\d{5,10})$/;
/** Separators people type in phone numbers: spaces, dots, dashes, slashes, brackets. */
export const compactPhone = (s: string) => s.replace(/[\s./()-]/g, '');

export const PROFILE_FIELDS = ['given_name', 'family_name', 'email', 'phone'] as const;
export const NAME_MAX = 100;
export const EMAIL_MAX = 254;

export interface ProfileInput {
  given_name?: string | undefined;
  family_name?: string | undefined;
  email: string | null;
  phone: string | null;
}

function profileSchema(t: Translate, opts: { locked: boolean; emailRequired: boolean }) {
  const name = (empty: string, long: string) => z.string().trim().min(1, empty).max(NAME_MAX, long);
  const email = z
    .string()
    .trim()
    .max(EMAIL_MAX, t('personal.profile.error.emailLong', { max: EMAIL_MAX }))
    .transform((s) => (s === '' ? null : normalizeEmail(s)))
    .refine((s) => s !== null || !opts.emailRequired, t('personal.profile.error.emailRequired'))
    .refine((s) => s === null || z.email().safeParse(s).success, t('personal.profile.error.emailFormat'));
  const phone = z
    .string()
    .trim()
    .max(30, t('personal.profile.error.phoneFormat'))
    .transform((s) => (s === '' ? null : compactPhone(s)))
    .refine((s) => s === null || PHONE.test(s), t('personal.profile.error.phoneFormat'));
  return z.object({
    given_name: opts.locked ? z.any().transform(() => undefined) : name(t('personal.profile.error.givenName'), t('personal.profile.error.nameLong', { max: NAME_MAX })),
    family_name: opts.locked ? z.any().transform(() => undefined) : name(t('personal.profile.error.familyName'), t('personal.profile.error.nameLong', { max: NAME_MAX })),
    email: z.preprocess((v) => v ?? '', email),
    phone: z.preprocess((v) => v ?? '', phone),
  });
}

/**
 * Checks the profile form. The e-mail address is required of those who log in with it (a password
 * account); SPID/CIE users may have none. Names of SPID/CIE users are never taken from the form.
 */
export async function checkProfile(
  q: Queryable,
  t: Translate,
  me: UserRow,
  locked: boolean,
  values: Record<string, string | undefined>,
): Promise<Checked<ProfileInput>> {
  const schema = profileSchema(t, { locked, emailRequired: me.password_hash !== null });
  const result = schema.safeParse(values);
  const issues = result.success ? [] : firstIssues(result.error, PROFILE_FIELDS);
  if (result.success && result.data.email && result.data.email !== me.email && (await repo.emailTakenByOther(q, result.data.email, me.id))) {
    issues.push({ field: 'email', message: t('personal.profile.error.emailTaken') });
  }
  if (!result.success || issues.length) return { ok: false, form: { values, issues } };
  return { ok: true, value: result.data as ProfileInput };
}

export interface ProfileResult {
  changed: string[];
  emailChanged: boolean;
}

/** Saves the profile; audit 'profile.update' names the fields changed, never their values. */
export async function saveProfile(
  db: Db,
  actor: Actor,
  me: UserRow,
  input: ProfileInput,
  mail: { t: Translate; baseUrl: string; locale: Locale },
): Promise<ProfileResult> {
  const change: repo.ProfileChange = {};
  if (input.given_name !== undefined && input.given_name !== me.given_name) change.givenName = input.given_name;
  if (input.family_name !== undefined && input.family_name !== me.family_name) change.familyName = input.family_name;
  if (input.email !== me.email) change.email = input.email;
  if (input.phone !== me.phone) change.phone = input.phone;
  const changed = [
    ...(change.givenName !== undefined ? ['given_name'] : []),
    ...(change.familyName !== undefined ? ['family_name'] : []),
    ...(change.email !== undefined ? ['email'] : []),
    ...(change.phone !== undefined ? ['phone'] : []),
  ];
  if (changed.length === 0) return { changed, emailChanged: false };
  const emailChanged = change.email !== undefined;
  await db.transaction(async (tx) => {
    await repo.updateProfile(tx, me.id, change);
    // A new address is unverified until the person follows the link sent to it.
    if (emailChanged && input.email) {
      await sendVerificationEmail(
        tx,
        { id: me.id, email: input.email, given_name: change.givenName ?? me.given_name, family_name: change.familyName ?? me.family_name },
        mail.baseUrl,
        mail.locale,
      );
    }
    // The old address learns of the change: if someone else made it, its owner can react.
    if (emailChanged && me.email) {
      await enqueueMail(tx, {
        to: me.email,
        subject: mail.t('personal.mail.emailChanged.subject'),
        text: mail.t('personal.mail.emailChanged.body', { baseUrl: mail.baseUrl }),
      });
    }
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'profile.update',
      targetType: 'user',
      targetId: me.id,
      ip: actor.ip,
      details: { fields: changed },
    });
  });
  return { changed, emailChanged };
}

// -------------------------------------------------------------------------------------------- privacy

export async function recordPrivacyAcceptance(db: Db, actor: Actor, me: UserRow): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.acceptPrivacy(tx, me.id, PRIVACY_VERSION);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'privacy.accept',
      targetType: 'user',
      targetId: me.id,
      ip: actor.ip,
      details: { version: PRIVACY_VERSION, previous: me.privacy_version },
    });
  });
}

// -------------------------------------------------------------------------------------- notifications

export const NOTIFICATION_FIELDS = ['notify_email', 'notify_requests', 'notify_news'] as const;

/** Unticked checkboxes are not sent: absence means "no". */
export function notificationsFrom(values: Record<string, string | undefined>): repo.NotificationPrefs {
  const on = (v: string | undefined) => v !== undefined && v !== '';
  return { notify_email: on(values.notify_email), notify_requests: on(values.notify_requests), notify_news: on(values.notify_news) };
}

/** Saves the preferences; audit 'notifications.update' with the new value of each field changed. */
export async function saveNotifications(db: Db, actor: Actor, me: UserRow, prefs: repo.NotificationPrefs): Promise<string[]> {
  const changed = NOTIFICATION_FIELDS.filter((f) => prefs[f] !== me[f]);
  if (changed.length === 0) return [];
  await db.transaction(async (tx) => {
    await repo.updateNotifications(tx, me.id, prefs);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'notifications.update',
      targetType: 'user',
      targetId: me.id,
      ip: actor.ip,
      details: Object.fromEntries(changed.map((f) => [f, prefs[f]])),
    });
  });
  return changed;
}

// ------------------------------------------------------------------------------------------- sessions

/**
 * The public handle of a session in forms and URLs: derived from the stored hash, so the page never shows
 * the value the database looks sessions up by.
 */
export const sessionHandle = (idHash: string) => createHash('sha256').update(`wemi-session-handle:${idHash}`).digest('base64url').slice(0, 22);

/** Ends one of the person's own sessions (not the current one: that is logging out). False if not theirs. */
export async function endOwnSession(db: Db, actor: Actor, currentIdHash: string, handle: string, idleMinutes: number): Promise<boolean> {
  const mine = await repo.activeSessions(db, actor.id, idleMinutes);
  const target = mine.find((s) => sessionHandle(s.id_hash) === handle);
  if (!target || target.id_hash === currentIdHash) return false;
  return db.transaction(async (tx) => {
    const ended = await repo.deleteOwnSession(tx, actor.id, target.id_hash);
    if (ended) {
      await audit(tx, {
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'auth.session.end',
        targetType: 'session',
        targetId: handle,
        ip: actor.ip,
        details: { method: target.method },
      });
    }
    return ended;
  });
}

/** "Log out of all other devices": every session but the current one; audit 'auth.logout.all'. */
export async function endOtherSessions(db: Db, actor: Actor, currentIdHash: string): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await endAllSessions(tx, actor.id, currentIdHash);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'auth.logout.all',
      targetType: 'user',
      targetId: actor.id,
      ip: actor.ip,
      details: { ended, keptCurrent: true },
    });
    return ended;
  });
}

/** A short description of a browser's user agent: "Firefox su Windows". */
export function summarizeUserAgent(ua: string | null): { browser: string | null; os: string | null } {
  if (!ua) return { browser: null, os: null };
  const browser = /Edg(?:e|A|iOS)?\//.test(ua)
    ? 'Edge'
    : /OPR\/|Opera/.test(ua)
      ? 'Opera'
      : /SamsungBrowser\//.test(ua)
        ? 'Samsung Internet'
        : /Firefox\/|FxiOS\//.test(ua)
          ? 'Firefox'
          : /Chrome\/|CriOS\//.test(ua)
            ? 'Chrome'
            : /Safari\//.test(ua)
              ? 'Safari'
              : null;
  const os = /iPhone|iPad|iPod/.test(ua)
    ? 'iOS'
    : /Android/.test(ua)
      ? 'Android'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : null;
  return { browser, os };
}

// --------------------------------------------------------------------------------- export (art. 15, 20)

/**
 * Everything WeMi holds about the person, in a portable, machine-readable file (GDPR art. 15 and 20).
 * Included: the account (profile, preferences, privacy acknowledgement), the security settings (password
 * set or not, second factor on and since when, an app being set up, how many recovery codes are left and
 * when they were made), roles (revoked ones too), sessions, single-use links, e-mail messages addressed to
 * them, login throttling counters on their address, and the audit entries where they are the actor or the
 * target.
 * Not included, and why (also stated in the file itself, `notIncluded`):
 * - page_feedback: the page ratings are anonymous (no user id, no IP): nothing links them to a person;
 * - password hash, TOTP secrets (the one in use and one being set up), recovery codes and their hashes,
 *   session and token hashes: security credentials, not information about the person (the file says
 *   whether they are set, since when, and how many codes are left);
 * - bodies of e-mail messages: they may carry single-use links still valid;
 * - who granted or revoked a role, and who acted on the account: those are other people's data.
 * A feature that adds a table with personal data (e.g. requests to enti) must add it here.
 */
export async function exportMyData(db: Db, actor: Actor, me: UserRow, currentIdHash: string): Promise<Record<string, unknown>> {
  const [secondFactor, roles, sessions, tokens, mails, auditRows, throttle] = await Promise.all([
    repo.secondFactorState(db, me.id),
    repo.allRoles(db, me.id),
    repo.allSessions(db, me.id),
    repo.allTokens(db, me.id),
    me.email ? repo.mailsTo(db, me.email) : Promise.resolve([]),
    repo.auditEntries(db, me.id),
    repo.throttleEntries(db, me.email, me.id),
  ]);
  const data = {
    format: 'wemi-personal-data',
    formatVersion: 1,
    generatedAt: new Date(),
    controller: { name: 'Comune di Milano', address: 'Piazza della Scala 2, 20121 Milano', dpo: 'dpo@comune.milano.it' },
    legalBasis: 'Regolamento (UE) 2016/679, articoli 15 e 20',
    account: {
      id: me.id,
      kind: me.kind,
      status: me.status,
      createdAt: me.created_at,
      lastLoginAt: me.last_login_at,
    },
    profile: {
      givenName: me.given_name,
      familyName: me.family_name,
      fiscalCode: me.fiscal_code,
      birthDate: me.birth_date,
      email: me.email,
      emailVerifiedAt: me.email_verified_at,
      phone: me.phone,
    },
    security: {
      passwordSet: me.password_hash !== null,
      secondFactorEnabled: me.totp_enabled_at !== null,
      secondFactorEnabledAt: me.totp_enabled_at,
      secondFactorSetupPendingSince: secondFactor.setup_started_at,
      recoveryCodes: {
        total: secondFactor.codes_total,
        remaining: secondFactor.codes_remaining,
        generatedAt: secondFactor.codes_generated_at,
        lastUsedAt: secondFactor.codes_last_used_at,
      },
    },
    notificationPreferences: { email: me.notify_email, requests: me.notify_requests, news: me.notify_news },
    consents: [{ type: 'privacy-notice', version: me.privacy_version, acceptedAt: me.privacy_accepted_at, currentVersion: PRIVACY_VERSION }],
    roles: roles.map((r) => ({
      role: r.role,
      permission: r.permission,
      organization: r.organization,
      spazioWemi: r.spazio_wemi,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      grantedAt: r.granted_at,
      revokedAt: r.revoked_at,
    })),
    sessions: sessions.map((s) => ({
      createdAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      expiresAt: s.expires_at,
      method: s.method,
      secondFactorPending: s.mfa_pending,
      ip: s.ip,
      userAgent: s.user_agent,
      current: s.id_hash === currentIdHash,
    })),
    singleUseLinks: tokens.map((k) => ({ purpose: k.purpose, createdAt: k.created_at, expiresAt: k.expires_at, usedAt: k.used_at })),
    emailMessages: mails.map((m) => ({ subject: m.subject, status: m.status, createdAt: m.created_at, sentAt: m.sent_at })),
    loginThrottling: throttle.map((r) => ({ failures: r.failures, windowStartedAt: r.window_started_at, lockedUntil: r.locked_until })),
    activityLog: auditRows.map((a) => ({
      at: a.at,
      action: a.action,
      byMe: a.by_me,
      targetType: a.target_type,
      targetId: a.target_id,
      ip: a.ip,
      details: a.details,
    })),
    notIncluded: {
      pageFeedback: 'Le valutazioni delle pagine sono anonime: non sono collegate al tuo account.',
      credentials:
        'Password, codici segreti della verifica in due passaggi, codici di recupero e identificativi di sessione sono credenziali di sicurezza: indichiamo solo se sono impostati, da quando e quanti codici di recupero restano.',
      emailBodies: 'Il testo dei messaggi e-mail non è incluso perché può contenere link personali ancora validi.',
      otherPeople: 'Chi ti ha assegnato un ruolo o ha operato sul tuo account non è indicato: sono dati di altre persone.',
    },
  };
  await audit(db, {
    actorId: actor.id,
    actorLabel: actor.label,
    action: 'gdpr.export',
    targetType: 'user',
    targetId: me.id,
    ip: actor.ip,
  });
  return data;
}

// ------------------------------------------------------------------------------------ deletion (art. 17)

/** The word to type to confirm the deletion (upper or lower case). */
export const DELETE_WORD = 'ELIMINA';

export function checkDeletion(t: Translate, values: Record<string, string | undefined>): FormState | null {
  const word = (values.confirm_word ?? '').trim().toUpperCase();
  if (word === DELETE_WORD) return null;
  return {
    values,
    issues: [{ field: 'confirm_word', message: word === '' ? t('personal.delete.error.empty', { word: DELETE_WORD }) : t('personal.delete.error.wrong', { word: DELETE_WORD }) }],
  };
}

/**
 * Deletes an account (GDPR art. 17) by anonymising it: the confirmation e-mail is queued to the old
 * address first, then every personal field is cleared (password and second-factor secret included), all
 * sessions end, all roles are revoked, single-use links, e-mail messages and throttling counters on the
 * address are dropped, and the audit trail keeps the actions but loses the identifiers ('utente
 * eliminato'). The recovery codes and an authenticator app being set up go in the same transaction, by
 * the trigger of migration 0008 on the change of status (whatever deletes an account).
 * What the law requires to keep stays: the record of actions (with IP addresses, for the retention period
 * of the security log) and the account row without personal data, which other records (roles, audit)
 * point to.
 */
export async function deleteAccount(db: Db, actor: Actor, me: UserRow, mail: { t: Translate; baseUrl: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    let confirmationId = '';
    if (me.email) {
      confirmationId = await enqueueMail(tx, {
        to: me.email,
        subject: mail.t('personal.mail.deleted.subject'),
        text: mail.t('personal.mail.deleted.body', { baseUrl: mail.baseUrl }),
      });
    }
    const done = await repo.anonymiseUser(tx, me.id);
    if (!done) return false;
    const sessions = await endAllSessions(tx, me.id);
    const roles = await repo.revokeAllRoles(tx, me.id);
    await repo.deleteTokens(tx, me.id);
    if (me.email) await repo.deleteMailsTo(tx, me.email, confirmationId);
    await repo.deleteThrottle(tx, me.email, me.id);
    await repo.scrubAudit(tx, me.id, [me.email, me.fiscal_code, actor.label].filter((s): s is string => !!s && s !== me.id));
    await audit(tx, {
      actorId: me.id,
      actorLabel: repo.DELETED_LABEL,
      action: 'gdpr.delete',
      targetType: 'user',
      targetId: me.id,
      ip: actor.ip,
      details: { sessionsEnded: sessions, rolesRevoked: roles, confirmationSent: me.email !== null },
    });
    return true;
  });
}
