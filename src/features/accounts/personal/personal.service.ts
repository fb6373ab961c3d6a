import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db, Queryable } from '../../../db/database';
import { formatDate, type Locale, type Translate } from '../../../i18n/i18n';
import { audit } from '../../../lib/audit';
import type { FieldIssue } from '../../../lib/http/errors';
import { enqueueMail } from '../../../lib/mail/outbox';
import type { FormState } from '../../../web/forms';
import { PRIVACY_VERSION } from '../login.service';
import { sendVerificationEmail } from '../public/links.service';
import { endAllSessions } from '../session';
import { normalizeEmail, type UserRow } from '../users.repository';
import { buildExport, idsInAudit, type ExportRows, type PersonalDataExport } from './my-data.presenter';
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

/** How the person asked for their data: the JSON file or the summary page. */
export type ExportFormat = 'json' | 'html';

/**
 * Everything WeMi holds about the person (GDPR art. 15 and 20), as one object (my-data.presenter.ts: its
 * shape, versioned, and the list of every column that points at a person with where it appears). Read in one
 * transaction, so the parts agree with each other; the export itself is audited ('gdpr.export', with the format).
 * Not included, and why (also stated in the file itself, `notIncluded`): anonymous page ratings; credentials
 * (password hash, TOTP secrets, recovery codes, session and token hashes — the file says whether they are set);
 * bodies of e-mail messages (they may carry single-use links still valid); file contents (metadata and a link);
 * other people's identities (who granted a role, who acted on the account, the ente's operators, the citizens
 * whose requests a staff member handled).
 */
export async function exportMyData(
  db: Db,
  actor: Actor,
  me: UserRow,
  opts: { currentIdHash: string; baseUrl: string; format: ExportFormat },
): Promise<PersonalDataExport> {
  const rows = await db.transaction(async (tx): Promise<ExportRows> => {
    const secondFactor = await repo.secondFactorState(tx, me.id);
    const roles = await repo.allRoles(tx, me.id);
    const sessions = await repo.allSessions(tx, me.id);
    const tokens = await repo.allTokens(tx, me.id);
    const mails = me.email ? await repo.mailsTo(tx, me.email) : [];
    const auditRows = await repo.auditEntries(tx, me.id, [me.email, me.fiscal_code].filter((s): s is string => !!s));
    const accountIds = await repo.accountIds(tx, idsInAudit(auditRows));
    const throttle = await repo.throttleEntries(tx, me.email, me.id);
    const logins = await repo.loginsByMethod(tx, me.id);
    const requests = await repo.exportRequests(tx, me.id);
    const targets = await repo.exportRequestTargets(tx, me.id);
    const attachments = await repo.exportRequestAttachments(tx, me.id);
    const enteRequests = await repo.exportEnteRequests(tx, me.id);
    const events = await repo.exportEnteRequestEvents(tx, me.id);
    const messages = await repo.exportMessages(tx, me.id);
    const complaints = await repo.exportComplaints(tx, me.id);
    const reviews = await repo.exportReviews(tx, me.id);
    const notifications = await repo.exportNotifications(tx, me.id);
    const files = await repo.exportUploadedFiles(tx, me.id);
    const applications = await repo.exportApplications(tx, me.id);
    const applicationDocuments = await repo.exportApplicationDocuments(tx, me.id);
    const applicationEvents = await repo.exportApplicationEvents(tx, me.id);
    const applicationSubmissions = await repo.exportApplicationSubmissions(tx, me.id);
    const loginDevices = await repo.exportLoginDevices(tx, me.id);
    const work = await repo.exportWork(tx, me.id);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'gdpr.export',
      targetType: 'user',
      targetId: me.id,
      ip: actor.ip,
      details: { format: opts.format },
    });
    return {
      secondFactor,
      roles,
      sessions,
      tokens,
      mails,
      audit: auditRows,
      accountIds,
      throttle,
      logins,
      requests,
      targets,
      attachments,
      enteRequests,
      events,
      messages,
      complaints,
      reviews,
      notifications,
      files,
      applications,
      applicationDocuments,
      applicationEvents,
      applicationSubmissions,
      loginDevices,
      work,
    };
  });
  return buildExport(me, rows, { currentIdHash: opts.currentIdHash, baseUrl: opts.baseUrl, privacyVersion: PRIVACY_VERSION, now: new Date() });
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
 * Deletes an account (GDPR art. 17) by anonymising it, in one transaction: every personal field is cleared
 * (password and second-factor secret included), all sessions end, all roles are revoked, drafts of requests never
 * sent and the notices of the personal area are deleted, single-use links, e-mail messages and throttling
 * counters on the address are dropped, and the audit trail keeps the actions but loses the identifiers ('utente
 * eliminato'). The recovery codes and an authenticator app being set up go too, by the trigger of migration 0008
 * on the change of status (whatever deletes an account). The confirmation e-mail is queued to the address the
 * person had, in the same transaction (it is the one message to that address that stays).
 * What stays, without the person's name, tax code or contacts (the confirmation page and e-mail say so, with the
 * retention periods of the privacy notice): the requests already sent to enti with their offers, conversations
 * and attachments, complaints and reviews (the enti and the City must be able to account for them), the record
 * of actions (with IP addresses, for the retention period of the security log) and the account row without
 * personal data, which other records (roles, audit) point to.
 */
export async function deleteAccount(db: Db, actor: Actor, me: UserRow, mail: { t: Translate; baseUrl: string; locale: Locale }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const done = await repo.anonymiseUser(tx, me.id);
    if (!done) return false;
    let confirmationId = '';
    if (me.email) {
      confirmationId = await enqueueMail(tx, {
        to: me.email,
        subject: mail.t('personal.mail.deleted.subject'),
        text: mail.t('personal.mail.deleted.body', { baseUrl: mail.baseUrl, date: formatDate(mail.locale, new Date()) }),
      });
    }
    const sessions = await endAllSessions(tx, me.id);
    const roles = await repo.revokeAllRoles(tx, me.id);
    const drafts = await repo.deleteDrafts(tx, me.id);
    const notifications = await repo.deleteNotifications(tx, me.id);
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
      details: { sessionsEnded: sessions, rolesRevoked: roles, draftsDeleted: drafts, notificationsDeleted: notifications, confirmationSent: me.email !== null },
    });
    return true;
  });
}
