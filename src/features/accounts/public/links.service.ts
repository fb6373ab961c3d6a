import type { Db, Queryable } from '../../../db/database';
import type { MessageKey } from '../../../i18n/catalogue';
import { formatDate, translator, type Locale, type Translate } from '../../../i18n/i18n';
import { audit } from '../../../lib/audit';
import type { FieldIssue } from '../../../lib/http/errors';
import { enqueueMail } from '../../../lib/mail/outbox';
import { paths } from '../../../web/paths';
import { PRIVACY_VERSION } from '../login.service';
import { passwordProblems } from '../password';
import { endAllSessions, hashId } from '../session';
import { clearLoginFailures, lockedFor, recordFailure, RULES, type ThrottleRule } from '../throttle';
import {
  checkToken,
  consumeToken,
  createUser,
  findUserByEmail,
  findUserById,
  grantRole,
  issueToken,
  normalizeEmail,
  type AccountKind,
  type RoleGrant,
  type UserRow,
  type UserStatus,
} from '../users.repository';

// The use cases behind the e-mail links: password reset (request and completion), e-mail verification
// and invitations. Every change and the e-mail that reports it are written in one transaction (the
// outbox delivers the mail afterwards), together with the audit row. Tokens are single-use and expire;
// only their hash is stored (users.repository.ts).

export const RESET_TTL_MINUTES = 60;
export const VERIFY_TTL_MINUTES = 24 * 60;
export const INVITATION_TTL_MINUTES = 7 * 24 * 60;
/** Reset requests per IP address: looser than per e-mail (a whole office can share one address). */
export const RESET_IP_RULE: ThrottleRule = { limit: 20, windowMinutes: 60 };
export const NAME_MAX = 100;

export type LinkProblem = 'invalid' | 'expired' | 'used';

/** An absolute address of this site (for e-mails). */
export const absolute = (baseUrl: string, path: string) => `${baseUrl.replace(/\/+$/, '')}${path}`;

const expiryFormats = {
  it: new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Rome' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Rome' }),
};
/** A moment as people read it in Milan: "3 marzo 2026 alle ore 14:35". */
export const formatMoment = (locale: Locale, d: Date) => expiryFormats[locale].format(d);
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);

export const fullName = (u: { given_name: string; family_name: string }) => `${u.given_name} ${u.family_name}`.trim();

/** A plain-text e-mail: greeting, paragraphs, signature. */
export function composeText(t: Translate, name: string, paragraphs: string[]): string {
  const greeting = name ? t('links.mail.greeting', { name }) : t('links.mail.greetingAnonymous');
  return [greeting, ...paragraphs, `-- \n${t('links.signature')}\n${t('links.mail.automatic')}`].join('\n\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------
// Password rules, as form issues (shared by the reset and invitation forms).

const PROBLEM_KEYS: Record<ReturnType<typeof passwordProblems>[number], MessageKey> = {
  tooShort: 'links.error.passwordTooShort',
  tooLong: 'links.error.passwordTooLong',
  tooSimple: 'links.error.passwordTooSimple',
  personal: 'links.error.passwordPersonal',
};

/** Issues of a new password typed twice (fields 'password' and 'passwordConfirm'). */
export function newPasswordIssues(t: Translate, password: string, confirm: string, personal: (string | null | undefined)[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!password) {
    issues.push({ field: 'password', message: t('links.error.passwordRequired') });
  } else {
    // Names and the e-mail's local part, whole and word by word (not the domain: "milano" is no secret).
    const words = personal
      .map((p) => (p ?? '').replace(/@.*$/, ''))
      .flatMap((p) => [p, ...p.split(/[\s._+'-]+/)])
      .filter((w) => w.length >= 4);
    const problems = passwordProblems(password, words);
    // One message per field: the first problem is the one to fix first.
    if (problems.length) issues.push({ field: 'password', message: t(PROBLEM_KEYS[problems[0]!]) });
  }
  if (!confirm) issues.push({ field: 'passwordConfirm', message: t('links.error.confirmRequired') });
  else if (password && confirm !== password) issues.push({ field: 'passwordConfirm', message: t('links.error.confirmMismatch') });
  return issues;
}

// ---------------------------------------------------------------------------------------------------
// Password reset.

export type ResetRequestResult = { outcome: 'accepted' } | { outcome: 'locked'; seconds: number };

/**
 * "Password dimenticata": the same outcome whether or not the account exists. Rate-limited per e-mail
 * (RULES.emailLink) and per IP address (RESET_IP_RULE); every request counts. An active account gets a
 * 60-minute link by e-mail.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; ip: string; baseUrl: string; locale: Locale },
): Promise<ResetRequestResult> {
  const email = normalizeEmail(input.email);
  const emailKey = `reset:email:${email}`;
  const ipKey = `reset:ip:${input.ip}`;
  const locked = Math.max(await lockedFor(db, emailKey), await lockedFor(db, ipKey));
  if (locked > 0) {
    await audit(db, { actorLabel: email, action: 'auth.reset.locked', ip: input.ip });
    return { outcome: 'locked', seconds: locked };
  }
  await recordFailure(db, emailKey, RULES.emailLink);
  await recordFailure(db, ipKey, RESET_IP_RULE);

  await db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    let outcome: 'sent' | 'no_account' | 'inactive' = 'no_account';
    if (user && user.status === 'active' && user.email) {
      const t = translator(input.locale);
      const token = await issueToken(tx, user.id, 'reset_password', RESET_TTL_MINUTES);
      await enqueueMail(tx, {
        to: user.email,
        subject: t('links.reset.mail.subject'),
        text: composeText(t, fullName(user), [
          t('links.reset.mail.intro', { email: user.email }),
          `${t('links.reset.mail.action')}\n${absolute(input.baseUrl, paths.resetPassword(token))}`,
          t('links.reset.mail.validity', { minutes: RESET_TTL_MINUTES, expires: formatMoment(input.locale, inMinutes(RESET_TTL_MINUTES)) }),
          t('links.reset.mail.ignore'),
        ]),
      });
      outcome = 'sent';
    } else if (user) {
      outcome = 'inactive';
    }
    await audit(tx, {
      actorId: user?.id,
      actorLabel: email,
      action: 'auth.reset.request',
      targetType: user ? 'user' : undefined,
      targetId: user?.id,
      ip: input.ip,
      details: { outcome },
    });
  });
  return { outcome: 'accepted' };
}

export type LinkTarget = { ok: true; user: UserRow } | { ok: false; reason: LinkProblem };

/** The account a reset link leads to (without using the link): only active accounts. */
export async function resetLinkTarget(q: Queryable, raw: string): Promise<LinkTarget> {
  const check = await checkToken(q, raw, 'reset_password');
  if (!check.ok) return check;
  const user = await findUserById(q, check.userId);
  if (!user || user.status !== 'active') return { ok: false, reason: 'invalid' };
  return { ok: true, user };
}

/**
 * Sets the new password (already hashed) and uses the link, atomically: all the account's sessions end,
 * the login throttle of its e-mail is cleared, and a "password changed" e-mail is queued.
 */
export async function completePasswordReset(
  db: Db,
  input: { token: string; passwordHash: string; ip: string; baseUrl: string; locale: Locale },
): Promise<LinkTarget> {
  return db.transaction(async (tx) => {
    const target = await resetLinkTarget(tx, input.token);
    if (!target.ok) return target;
    const used = await consumeToken(tx, input.token, 'reset_password');
    if (!used.ok) return used;
    const user = target.user;
    await tx.query(
      `update app_user set password_hash = $2, email_verified_at = coalesce(email_verified_at, now()), updated_at = now() where id = $1`,
      [user.id, input.passwordHash],
    );
    const ended = await endAllSessions(tx, user.id);
    if (user.email) {
      // Every login counter of the account, whichever client (lockout.service.ts): the owner proved the mailbox.
      await clearLoginFailures(tx, `email:${user.email}`);
      const t = translator(input.locale);
      await enqueueMail(tx, {
        to: user.email,
        subject: t('links.changed.mail.subject'),
        text: composeText(t, fullName(user), [
          t('links.changed.mail.body', { email: user.email, when: formatMoment(input.locale, new Date()) }),
          `${t('links.changed.mail.notYou')}\n${absolute(input.baseUrl, paths.forgotPassword())}`,
        ]),
      });
    }
    await audit(tx, {
      actorId: user.id,
      actorLabel: user.email ?? user.id,
      action: 'auth.reset.complete',
      targetType: 'user',
      targetId: user.id,
      ip: input.ip,
      details: { sessionsEnded: ended },
    });
    return { ok: true, user } as const;
  });
}

// ---------------------------------------------------------------------------------------------------
// E-mail verification.

/** Queues the e-mail with a 24-hour verification link to the user's address (earlier links die). */
export async function sendVerificationEmail(
  tx: Queryable,
  user: Pick<UserRow, 'id' | 'email' | 'given_name' | 'family_name'>,
  baseUrl: string,
  locale: Locale,
): Promise<void> {
  if (!user.email) throw new Error('sendVerificationEmail: the user has no e-mail address');
  const t = translator(locale);
  const token = await issueToken(tx, user.id, 'verify_email', VERIFY_TTL_MINUTES);
  await enqueueMail(tx, {
    to: user.email,
    subject: t('links.verify.mail.subject'),
    text: composeText(t, fullName(user), [
      `${t('links.verify.mail.intro', { email: user.email })}\n${absolute(baseUrl, paths.verifyEmail(token))}`,
      t('links.verify.mail.validity', { hours: VERIFY_TTL_MINUTES / 60, expires: formatMoment(locale, inMinutes(VERIFY_TTL_MINUTES)) }),
      t('links.verify.mail.ignore'),
    ]),
  });
}

export type VerifyResult = { ok: true; email: string; already: boolean } | { ok: false; reason: LinkProblem };

/**
 * Uses a verification link and marks the address verified. A link already used for an address that is
 * verified answers "already verified" (mail scanners often open links before the person does).
 */
export async function verifyEmailLink(db: Db, raw: string, ip: string): Promise<VerifyResult> {
  return db.transaction<VerifyResult>(async (tx) => {
    const used = await consumeToken(tx, raw, 'verify_email');
    if (!used.ok) {
      if (used.reason === 'used') {
        const row = await tx.maybeOne<{ email: string | null; verified: boolean; status: UserStatus }>(
          `select u.email, u.email_verified_at is not null as verified, u.status
             from one_time_token t join app_user u on u.id = t.user_id
            where t.token_hash = $1 and t.purpose = 'verify_email'`,
          [hashId(raw)],
        );
        if (row?.email && row.verified && row.status !== 'deleted') return { ok: true, email: row.email, already: true };
      }
      return used;
    }
    const user = await findUserById(tx, used.userId);
    if (!user?.email || user.status === 'deleted' || user.status === 'suspended') {
      // Nothing to verify: undo the use of the link.
      throw new LinkRefused('invalid');
    }
    await tx.query(`update app_user set email_verified_at = now(), updated_at = now() where id = $1`, [user.id]);
    await audit(tx, {
      actorId: user.id,
      actorLabel: user.email,
      action: 'auth.email.verified',
      targetType: 'user',
      targetId: user.id,
      ip,
      details: { email: user.email },
    });
    return { ok: true, email: user.email, already: false } as const;
  }).catch((err: unknown): VerifyResult => {
    if (err instanceof LinkRefused) return { ok: false, reason: err.reason };
    throw err;
  });
}

/** Thrown inside a transaction to roll it back and answer with a link problem. */
class LinkRefused extends Error {
  constructor(readonly reason: LinkProblem) {
    super(`link refused: ${reason}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Roles, as people read them.

interface RoleView {
  id: string;
  role: RoleGrant['role'];
  permission: string | null;
  organization: string | null;
  location: string | null;
  starts: Date | null;
  valid_to: Date | null;
}

/** Labels of the user's current and future roles (not revoked, not ended), optionally only some grants. */
export async function describeRoles(q: Queryable, userId: string, locale: Locale, onlyIds?: readonly string[]): Promise<string[]> {
  const t = translator(locale);
  const rows = await q.query<RoleView>(
    `select r.id, r.role, r.permission, o.name as organization, l.name as location,
            case when r.valid_from > now() then r.valid_from end as starts, r.valid_to
       from user_role r
       left join organization o on o.id = r.organization_id
       left join location l on l.id = r.location_id
      where r.user_id = $1 and r.revoked_at is null and (r.valid_to is null or r.valid_to > now())
      order by r.created_at, r.role, r.id`,
    [userId],
  );
  return rows
    .filter((r) => !onlyIds || onlyIds.includes(r.id))
    .map((r) => {
      const label = t(`links.role.${r.role}` as MessageKey, {
        organization: r.organization ?? '',
        location: r.location ?? '',
        permission: r.permission ? t(`links.permission.${r.permission}` as MessageKey) : '',
      });
      if (r.starts) return t('links.role.from', { role: label, date: formatDate(locale, r.starts) });
      if (r.valid_to) return t('links.role.until', { role: label, date: formatDate(locale, r.valid_to) });
      return label;
    });
}

// ---------------------------------------------------------------------------------------------------
// Invitations.

export interface InviteInput {
  email: string;
  /** Kind of a new account (an existing account keeps its own). */
  kind: AccountKind;
  givenName: string;
  familyName: string;
  /** Roles to grant; one the account already holds (same scope, covering window) is not granted twice. */
  roles: Omit<RoleGrant, 'userId' | 'grantedBy'>[];
  /** Who invites (a user id), or null for the system. */
  invitedBy: string | null;
  baseUrl: string;
  /** Language of the e-mail; Italian unless said otherwise. */
  locale?: Locale;
}

export type InviteResult =
  /** A new account (or one still invited): a 7-day invitation link was queued. */
  | { outcome: 'invited'; userId: string; created: boolean; roleIds: string[] }
  /** An active account: the roles were added and the person told by e-mail (no link needed). */
  | { outcome: 'roles_added'; userId: string; roleIds: string[] }
  /** A suspended or deleted account: nothing changed. */
  | { outcome: 'unavailable'; userId: string; status: UserStatus };

async function holdsRole(q: Queryable, userId: string, r: Omit<RoleGrant, 'userId' | 'grantedBy'>): Promise<boolean> {
  const row = await q.maybeOne(
    `select 1 from user_role
      where user_id = $1 and role = $2 and revoked_at is null
        and permission is not distinct from $3::text
        and organization_id is not distinct from $4::uuid
        and location_id is not distinct from $5::uuid
        and valid_from <= coalesce($6::timestamptz, now())
        and (valid_to is null or ($7::timestamptz is not null and valid_to >= $7::timestamptz))
      limit 1`,
    [userId, r.role, r.permission ?? null, r.organizationId ?? null, r.locationId ?? null, r.validFrom ?? null, r.validTo ?? null],
  );
  return row !== undefined;
}

/**
 * Invites a person by e-mail, inside the caller's transaction: creates an 'invited' account (or reuses
 * the existing account with that address), grants the roles, and queues the e-mail: an invitation link
 * valid 7 days for an account still to activate, a notice of the new roles for an active one.
 * The caller writes its own audit row (e.g. 'users.invite').
 */
export async function inviteUser(tx: Queryable, input: InviteInput): Promise<InviteResult> {
  const locale = input.locale ?? 'it';
  const t = translator(locale);
  const email = normalizeEmail(input.email);
  const existing = await findUserByEmail(tx, email);
  if (existing && (existing.status === 'suspended' || existing.status === 'deleted')) {
    return { outcome: 'unavailable', userId: existing.id, status: existing.status };
  }
  let userId: string;
  if (existing) {
    userId = existing.id;
    if (existing.status === 'invited' && (input.givenName.trim() || input.familyName.trim())) {
      await tx.query(`update app_user set given_name = $2, family_name = $3, updated_at = now() where id = $1`, [
        userId,
        input.givenName.trim().slice(0, NAME_MAX),
        input.familyName.trim().slice(0, NAME_MAX),
      ]);
    }
  } else {
    userId = await createUser(tx, {
      kind: input.kind,
      email,
      givenName: input.givenName.trim().slice(0, NAME_MAX),
      familyName: input.familyName.trim().slice(0, NAME_MAX),
      status: 'invited',
    });
  }

  const roleIds: string[] = [];
  for (const r of input.roles) {
    if (await holdsRole(tx, userId, r)) continue;
    roleIds.push(await grantRole(tx, { ...r, userId, grantedBy: input.invitedBy }));
  }

  const inviter = input.invitedBy ? await findUserById(tx, input.invitedBy) : undefined;
  const inviterName = (inviter && (fullName(inviter) || inviter.email)) || t('links.invite.cityAsInviter');
  const name = existing && existing.status !== 'invited' ? fullName(existing) : `${input.givenName} ${input.familyName}`.trim();

  if (!existing || existing.status === 'invited') {
    const token = await issueToken(tx, userId, 'invitation', INVITATION_TTL_MINUTES, input.invitedBy);
    const roles = await describeRoles(tx, userId, locale);
    await enqueueMail(tx, {
      to: email,
      subject: t('links.invite.mail.subject'),
      text: composeText(t, name, [
        t('links.invite.mail.intro', { inviter: inviterName, email }),
        ...(roles.length ? [`${t('links.invite.mail.roles')}\n${roles.map((r) => `- ${r}`).join('\n')}`] : []),
        `${t('links.invite.mail.action')}\n${absolute(input.baseUrl, paths.invitation(token))}`,
        t('links.invite.mail.validity', { days: INVITATION_TTL_MINUTES / 1440, expires: formatMoment(locale, inMinutes(INVITATION_TTL_MINUTES)) }),
        t('links.invite.mail.ignore'),
      ]),
    });
    return { outcome: 'invited', userId, created: !existing, roleIds };
  }

  if (roleIds.length) {
    const roles = await describeRoles(tx, userId, locale, roleIds);
    await enqueueMail(tx, {
      to: email,
      subject: t('links.roles.mail.subject'),
      text: composeText(t, name, [
        `${t('links.roles.mail.intro', { inviter: inviterName, email })}\n${roles.map((r) => `- ${r}`).join('\n')}`,
        `${t('links.roles.mail.action')}\n${absolute(input.baseUrl, paths.login())}`,
        t('links.roles.mail.notYou'),
      ]),
    });
  }
  return { outcome: 'roles_added', userId, roleIds };
}

export type InvitationView =
  | { ok: true; user: UserRow; inviter: string; roles: string[] }
  | { ok: false; reason: LinkProblem };

/** What the invitation page shows: who invited, the account's e-mail, the roles it will have. */
export async function invitationDetails(q: Queryable, raw: string, locale: Locale): Promise<InvitationView> {
  const check = await checkToken(q, raw, 'invitation');
  if (!check.ok) return check;
  const user = await findUserById(q, check.userId);
  if (!user) return { ok: false, reason: 'invalid' };
  if (user.status === 'active') return { ok: false, reason: 'used' };
  if (user.status !== 'invited') return { ok: false, reason: 'invalid' };
  const row = await q.maybeOne<{ given_name: string; family_name: string; email: string | null }>(
    `select u.given_name, u.family_name, u.email from one_time_token t join app_user u on u.id = t.created_by where t.token_hash = $1`,
    [hashId(raw)],
  );
  const inviter = (row && (fullName(row) || row.email)) || translator(locale)('links.invite.cityAsInviter');
  return { ok: true, user, inviter, roles: await describeRoles(q, user.id, locale) };
}

/**
 * Accepts an invitation: uses the link and activates the account (names, password, verified e-mail,
 * privacy notice accepted), atomically. Returns the account, ready for completeLogin.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; givenName: string; familyName: string; passwordHash: string; ip: string },
): Promise<LinkTarget> {
  return db.transaction(async (tx) => {
    const check = await checkToken(tx, input.token, 'invitation');
    if (!check.ok) return check;
    const before = await findUserById(tx, check.userId);
    if (!before || before.status !== 'invited') return { ok: false, reason: before?.status === 'active' ? 'used' : 'invalid' } as const;
    const used = await consumeToken(tx, input.token, 'invitation');
    if (!used.ok) return used;
    await tx.query(
      `update app_user
          set given_name = $2, family_name = $3, password_hash = $4, status = 'active',
              email_verified_at = coalesce(email_verified_at, now()), privacy_version = $5, privacy_accepted_at = now(), updated_at = now()
        where id = $1`,
      [before.id, input.givenName, input.familyName, input.passwordHash, PRIVACY_VERSION],
    );
    await audit(tx, {
      actorId: before.id,
      actorLabel: before.email ?? before.id,
      action: 'auth.invitation.accept',
      targetType: 'user',
      targetId: before.id,
      ip: input.ip,
      details: { privacyVersion: PRIVACY_VERSION },
    });
    const user = await findUserById(tx, before.id);
    return { ok: true, user: user! } as const;
  });
}

