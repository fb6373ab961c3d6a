import type { Queryable } from '../../../db/database';

// SQL of the personal area: the person's own roles, sessions, preferences and personal data, and the
// anonymisation of an account. Every query is scoped by the user id of the logged-in person: there is no
// way to reach another person's rows from here.

// ------------------------------------------------------------------------------------------------ roles

export interface RoleView {
  id: string;
  role: 'citizen' | 'worker' | 'ente_admin' | 'ente_operator' | 'city' | 'spazio_operator';
  permission: string | null;
  organization_id: string | null;
  organization_name: string | null;
  location_id: string | null;
  location_name: string | null;
  valid_from: Date;
  valid_to: Date | null;
}

/** Roles valid now, with the names of their ente or Spazio WeMi (same validity rule as session.loadRoles). */
export async function activeRoles(q: Queryable, userId: string): Promise<RoleView[]> {
  return q.query<RoleView>(
    `select r.id, r.role, r.permission, r.organization_id, o.name as organization_name, r.location_id, l.name as location_name,
            r.valid_from, r.valid_to
       from user_role r
       left join organization o on o.id = r.organization_id
       left join location l on l.id = r.location_id
      where r.user_id = $1 and r.revoked_at is null and r.valid_from <= now() and (r.valid_to is null or r.valid_to > now())
      order by case r.role when 'citizen' then 0 when 'worker' then 1 when 'ente_admin' then 2 when 'ente_operator' then 3
                           when 'spazio_operator' then 4 else 5 end, o.name, l.name, r.permission`,
    [userId],
  );
}

// ---------------------------------------------------------------------------------------------- profile

export interface ProfileChange {
  givenName?: string;
  familyName?: string;
  /** null clears the address. */
  email?: string | null;
  phone?: string | null;
}

/** Writes the changed fields; a new e-mail address is unverified until its link is followed. */
export async function updateProfile(q: Queryable, userId: string, c: ProfileChange): Promise<void> {
  await q.query(
    `update app_user set
        given_name = case when $2 then $3 else given_name end,
        family_name = case when $4 then $5 else family_name end,
        email = case when $6 then $7 else email end,
        email_verified_at = case when $6 then null else email_verified_at end,
        phone = case when $8 then $9 else phone end,
        updated_at = now()
      where id = $1`,
    [
      userId,
      c.givenName !== undefined,
      c.givenName ?? null,
      c.familyName !== undefined,
      c.familyName ?? null,
      c.email !== undefined,
      c.email ?? null,
      c.phone !== undefined,
      c.phone ?? null,
    ],
  );
}

export async function emailTakenByOther(q: Queryable, email: string, userId: string): Promise<boolean> {
  const row = await q.maybeOne('select 1 from app_user where email = $1 and id <> $2', [email, userId]);
  return row !== undefined;
}

export async function acceptPrivacy(q: Queryable, userId: string, version: string): Promise<void> {
  await q.query('update app_user set privacy_version = $2, privacy_accepted_at = now(), updated_at = now() where id = $1', [userId, version]);
}

export interface NotificationPrefs {
  notify_email: boolean;
  notify_requests: boolean;
  notify_news: boolean;
}

export async function updateNotifications(q: Queryable, userId: string, p: NotificationPrefs): Promise<void> {
  await q.query('update app_user set notify_email = $2, notify_requests = $3, notify_news = $4, updated_at = now() where id = $1', [
    userId,
    p.notify_email,
    p.notify_requests,
    p.notify_news,
  ]);
}

// --------------------------------------------------------------------------------------------- sessions

export interface SessionView {
  id_hash: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  method: string;
  mfa_pending: boolean;
  ip: string | null;
  user_agent: string | null;
}

/** The person's sessions that are still valid (absolute and idle timeouts), most recently used first. */
export async function activeSessions(q: Queryable, userId: string, idleMinutes: number): Promise<SessionView[]> {
  return q.query<SessionView>(
    `select id_hash, created_at, last_seen_at, expires_at, method, mfa_pending, ip, user_agent
       from user_session
      where user_id = $1 and expires_at > now() and last_seen_at + make_interval(mins => $2) > now()
      order by last_seen_at desc, created_at desc`,
    [userId, idleMinutes],
  );
}

/** Deletes one session of this user; false when it is not theirs (or already gone). */
export async function deleteOwnSession(q: Queryable, userId: string, idHash: string): Promise<boolean> {
  const rows = await q.query('delete from user_session where id_hash = $1 and user_id = $2 returning id_hash', [idHash, userId]);
  return rows.length > 0;
}

// ------------------------------------------------------------------------------------- export (art. 15)

export interface ExportRole {
  role: string;
  permission: string | null;
  organization: string | null;
  spazio_wemi: string | null;
  valid_from: Date;
  valid_to: Date | null;
  granted_at: Date;
  revoked_at: Date | null;
}

/** Every role ever granted, revoked ones included (who granted it is another person's data: left out). */
export async function allRoles(q: Queryable, userId: string): Promise<ExportRole[]> {
  return q.query<ExportRole>(
    `select r.role, r.permission, o.name as organization, l.name as spazio_wemi, r.valid_from, r.valid_to,
            r.created_at as granted_at, r.revoked_at
       from user_role r
       left join organization o on o.id = r.organization_id
       left join location l on l.id = r.location_id
      where r.user_id = $1
      order by r.created_at`,
    [userId],
  );
}

/** Every session row of the person, expired ones included (the export leaves the id hash out). */
export async function allSessions(q: Queryable, userId: string): Promise<SessionView[]> {
  return q.query<SessionView>(
    `select id_hash, created_at, last_seen_at, expires_at, method, mfa_pending, ip, user_agent
       from user_session where user_id = $1 order by created_at`,
    [userId],
  );
}

/** Single-use links sent to the person: purpose and dates only, never the token hash. */
export async function allTokens(q: Queryable, userId: string): Promise<{ purpose: string; created_at: Date; expires_at: Date; used_at: Date | null }[]> {
  return q.query(`select purpose, created_at, expires_at, used_at from one_time_token where user_id = $1 order by created_at`, [userId]);
}

/** E-mail messages addressed to the person: subject, status and dates (bodies may hold live single-use links). */
export async function mailsTo(q: Queryable, address: string): Promise<{ subject: string; status: string; created_at: Date; sent_at: Date | null }[]> {
  return q.query(`select subject, status, created_at, sent_at from email_outbox where to_address = $1 order by created_at`, [address]);
}

export interface ExportAuditRow {
  at: Date;
  action: string;
  by_me: boolean;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/**
 * Audit entries about the person: those they made (actor), those about their account (target: the user), the
 * security events that name them only by e-mail or codice fiscale (`labels`: a locked login, a reset asked
 * for their address), and those about what is theirs — their requests and each ente's copy, complaints,
 * reviews and applications (an ente's move, the City reading a conversation). For entries written by someone
 * else the actor's identity and IP address are left out: they are that person's data.
 */
export async function auditEntries(q: Queryable, userId: string, labels: readonly string[]): Promise<ExportAuditRow[]> {
  return q.query<ExportAuditRow>(
    `with mine (type, id) as (
       select 'user'::text, $1::text
       union all select 'service_request', r.id::text from service_request r where r.citizen_id = $1::uuid
       union all select 'ente_request', e.id::text from ente_request e join service_request r on r.id = e.request_id where r.citizen_id = $1::uuid
       union all select 'complaint', c.id::text from complaint c where c.citizen_id = $1::uuid
       union all select 'review', v.id::text from review v where v.citizen_id = $1::uuid
       union all select 'ente_application', a.id::text from ente_application a where a.applicant_id = $1::uuid
     ), rows as (
       select a.id from audit_log a where a.actor_id = $1::uuid
       union select a.id from audit_log a where a.actor_id is null and a.actor_label = any($2::text[])
       union select a.id from audit_log a join mine m on a.target_type = m.type and a.target_id = m.id
     )
     select a.at, a.action, a.actor_id is not distinct from $1::uuid as by_me, a.target_type, a.target_id,
            case when a.actor_id is not distinct from $1::uuid or (a.actor_id is null and a.actor_label = any($2::text[])) then a.ip end as ip,
            a.details
       from audit_log a join rows using (id)
      order by a.at, a.id`,
    [userId, labels.filter((l) => l.length > 0)],
  );
}

export interface ExportSecondFactor {
  /** An authenticator app being set up (waiting for its first code) since then; null when none. */
  setup_started_at: Date | null;
  codes_total: number;
  codes_remaining: number;
  codes_generated_at: Date | null;
  codes_last_used_at: Date | null;
}

/**
 * The state of the second factor beyond the account row: an app being set up and the recovery codes (how
 * many, how many left, when made, when last used). Dates and counts only: never a secret, a code or a hash.
 */
export async function secondFactorState(q: Queryable, userId: string): Promise<ExportSecondFactor> {
  return q.one<ExportSecondFactor>(
    `select (select created_at from totp_enrolment where user_id = $1) as setup_started_at,
            count(*)::int as codes_total, (count(*) filter (where used_at is null))::int as codes_remaining,
            min(created_at) as codes_generated_at, max(used_at) as codes_last_used_at
       from recovery_code where user_id = $1`,
    [userId],
  );
}

/**
 * Throttling counters about the person: those keyed by their e-mail address (login, reset, registration) and by
 * their account id (second factor, re-authentication). Exact suffixes, no LIKE: addresses may contain `_` or `%`.
 */
const PERSON_KEYS = `(($1 <> '' and right(key, length(':email:' || $1)) = ':email:' || $1) or right(key, length(':user:' || $2)) = ':user:' || $2)`;

export async function throttleEntries(q: Queryable, email: string | null, userId: string): Promise<{ key: string; failures: number; window_started_at: Date; locked_until: Date | null }[]> {
  return q.query(`select key, failures, window_started_at, locked_until from auth_throttle where ${PERSON_KEYS} order by key`, [email ?? '', userId]);
}

// --------------------------------------------------------------- export: requests, conversations, the rest
// Everything below is reached from the person's own id only (their requests, the ente copies of those
// requests, their complaints and reviews, what they uploaded, and the work rows that name them).

/** Names of the time bands ('mattina' → 'Mattina'), for the request and the offers. */
const TIME_BAND_NAME = `(select t.name_it from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = 'time_band' and t.slug = %s)`;
const timeBandName = (column: string) => TIME_BAND_NAME.replace('%s', column);

export interface ExportRequestRow {
  id: string;
  reference: string;
  status: 'draft' | 'sent';
  step: number;
  service_type: string;
  for_whom: 'self' | 'other' | null;
  beneficiary_name: string;
  beneficiary_relation: string;
  needs: string;
  period_from: string | null;
  period_to: string | null;
  days: string[];
  time_bands: string[];
  municipio: string | null;
  address: string;
  people: number | null;
  units: number | null;
  notes: string;
  payment_method: string;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
}

/** The person's requests, drafts included, with every field they filled in. */
export async function exportRequests(q: Queryable, userId: string): Promise<ExportRequestRow[]> {
  return q.query<ExportRequestRow>(
    `select r.id, r.reference, r.status, r.step, st.name_it as service_type, r.for_whom, r.beneficiary_name, r.beneficiary_relation, r.needs,
            r.period_from::text as period_from, r.period_to::text as period_to, r.days,
            coalesce((select array_agg(coalesce(${timeBandName('b.slug')}, b.slug) order by b.ord) from unnest(r.time_bands) with ordinality as b(slug, ord)), '{}') as time_bands,
            m.name_it as municipio, r.address, r.people, r.units, r.notes, r.payment_method, r.created_at, r.updated_at, r.sent_at
       from service_request r
       join taxonomy_term st on st.id = r.service_type_id
       left join taxonomy_term m on m.id = r.municipio_id
      where r.citizen_id = $1
      order by r.created_at, r.id`,
    [userId],
  );
}

/** The cards the person chose for each request (service and ente names). */
export async function exportRequestTargets(q: Queryable, userId: string): Promise<{ request_id: string; service: string; organization: string }[]> {
  return q.query(
    `select t.request_id, s.name as service, o.name as organization
       from service_request_target t
       join service_request r on r.id = t.request_id
       join service s on s.id = t.service_id
       join organization o on o.id = s.organization_id
      where r.citizen_id = $1
      order by t.request_id, t.position, o.name`,
    [userId],
  );
}

/** Metadata of a stored file: never its bytes. */
export interface ExportFileMeta {
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  file_at: Date | null;
}

/** The files attached to the person's requests (name, type, size, date). */
export async function exportRequestAttachments(q: Queryable, userId: string): Promise<({ id: string; request_id: string } & ExportFileMeta)[]> {
  return q.query(
    `select a.id, a.request_id, f.original_name as file_name, f.content_type as file_type, f.size_bytes as file_size, a.created_at as file_at
       from service_request_attachment a
       join service_request r on r.id = a.request_id
       join stored_file f on f.id = a.file_id
      where r.citizen_id = $1
      order by a.created_at, a.id`,
    [userId],
  );
}

export interface ExportEnteRequestRow extends ExportFileMeta {
  id: string;
  request_id: string;
  service: string;
  organization: string;
  status: string;
  decline_reason: string | null;
  offer_price_computed: number | null;
  offer_price: number | null;
  offer_period_from: string | null;
  offer_period_to: string | null;
  offer_time_band: string | null;
  offer_expires_on: string | null;
  offer_notes: string | null;
  created_at: Date;
  updated_at: Date;
  first_response_at: Date | null;
  offered_at: Date | null;
  accepted_at: Date | null;
  started_at: Date | null;
  completed_at: Date | null;
  closed_at: Date | null;
  read_at: Date | null;
}

/**
 * Each ente's copy of the person's requests, with the offer (and the metadata of its PDF) and when the person
 * last read the conversation. Who at the ente handles it (assigned_to) is that operator's data: left out.
 */
export async function exportEnteRequests(q: Queryable, userId: string): Promise<ExportEnteRequestRow[]> {
  return q.query<ExportEnteRequestRow>(
    `select e.id, e.request_id, s.name as service, o.name as organization, e.status, e.decline_reason,
            e.offer_price_computed, e.offer_price, e.offer_period_from::text as offer_period_from, e.offer_period_to::text as offer_period_to,
            coalesce(${timeBandName('e.offer_time_band')}, e.offer_time_band) as offer_time_band, e.offer_expires_on::text as offer_expires_on, e.offer_notes,
            e.created_at, e.updated_at, e.first_response_at, e.offered_at, e.accepted_at, e.started_at, e.completed_at, e.closed_at,
            f.original_name as file_name, f.content_type as file_type, f.size_bytes as file_size, f.created_at as file_at,
            (select tr.last_read_at from request_thread_read tr where tr.ente_request_id = e.id and tr.side = 'citizen') as read_at
       from ente_request e
       join service_request r on r.id = e.request_id
       join service s on s.id = e.service_id
       join organization o on o.id = e.organization_id
       left join stored_file f on f.id = e.offer_file_id
      where r.citizen_id = $1
      order by e.created_at, o.name, e.id`,
    [userId],
  );
}

/** Every change of status of the ente copies: by the person ('you'), by the ente ('ente') or automatic ('system'). */
export async function exportEnteRequestEvents(
  q: Queryable,
  userId: string,
): Promise<{ ente_request_id: string; from_status: string | null; to_status: string; at: Date; note: string | null; by: 'you' | 'ente' | 'system' }[]> {
  return q.query(
    `select ev.ente_request_id, ev.from_status, ev.to_status, ev.at, ev.note,
            case when ev.actor_id = $1 then 'you' when ev.actor_id is null then 'system' else 'ente' end as by
       from ente_request_event ev
       join ente_request e on e.id = ev.ente_request_id
       join service_request r on r.id = e.request_id
      where r.citizen_id = $1
      order by ev.at, ev.id`,
    [userId],
  );
}

/**
 * The messages of the person's conversations, both sides: the ente's replies are about them too. The ente's
 * side is named by the ente (its operators' names are their data); attachments by their metadata.
 */
export async function exportMessages(
  q: Queryable,
  userId: string,
): Promise<({ id: string; ente_request_id: string; request_id: string; author_side: 'citizen' | 'ente'; body: string; created_at: Date } & ExportFileMeta)[]> {
  return q.query(
    `select m.id, m.ente_request_id, e.request_id, m.author_side, m.body, m.created_at,
            f.original_name as file_name, f.content_type as file_type, f.size_bytes as file_size, f.created_at as file_at
       from request_message m
       join ente_request e on e.id = m.ente_request_id
       join service_request r on r.id = e.request_id
       left join stored_file f on f.id = m.file_id
      where r.citizen_id = $1
      order by m.created_at, m.id`,
    [userId],
  );
}

export interface ExportComplaintRow {
  reference: string;
  ente_request_id: string;
  request_id: string;
  request_reference: string;
  organization: string;
  subject: string;
  body: string;
  status: string;
  answer: string | null;
  answered_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** The person's complaints with the City's answer (who at the City handled it is left out). */
export async function exportComplaints(q: Queryable, userId: string): Promise<ExportComplaintRow[]> {
  return q.query<ExportComplaintRow>(
    `select c.reference, c.ente_request_id, r.id as request_id, r.reference as request_reference, o.name as organization,
            c.subject, c.body, c.status, c.answer, c.answered_at, c.created_at, c.updated_at
       from complaint c
       join ente_request e on e.id = c.ente_request_id
       join service_request r on r.id = e.request_id
       join organization o on o.id = e.organization_id
      where c.citizen_id = $1
      order by c.created_at, c.reference`,
    [userId],
  );
}

export interface ExportReviewRow {
  ente_request_id: string;
  request_id: string;
  request_reference: string;
  service: string;
  organization: string;
  overall: number;
  punctuality: number;
  speed: number;
  professionalism: number;
  comment: string | null;
  comment_status: string;
  moderated_at: Date | null;
  moderation_note: string | null;
  ente_reply: string | null;
  ente_reply_at: Date | null;
  created_at: Date;
}

/** The person's reviews, with the outcome of the moderation and the ente's public reply (not who moderated). */
export async function exportReviews(q: Queryable, userId: string): Promise<ExportReviewRow[]> {
  return q.query<ExportReviewRow>(
    `select v.ente_request_id, r.id as request_id, r.reference as request_reference, s.name as service, o.name as organization,
            v.overall, v.punctuality, v.speed, v.professionalism, v.comment, v.comment_status, v.moderated_at, v.moderation_note,
            v.ente_reply, v.ente_reply_at, v.created_at
       from review v
       join ente_request e on e.id = v.ente_request_id
       join service_request r on r.id = e.request_id
       join service s on s.id = v.service_id
       join organization o on o.id = v.organization_id
      where v.citizen_id = $1
      order by v.created_at, v.id`,
    [userId],
  );
}

/** The notices of the personal area ("Messaggi e avvisi"), read or not. */
export async function exportNotifications(q: Queryable, userId: string): Promise<{ kind: string; title: string; link: string; read_at: Date | null; created_at: Date }[]> {
  return q.query(`select kind, title, link, read_at, created_at from notification where user_id = $1 order by created_at, id`, [userId]);
}

/**
 * Every file the person uploaded (metadata only), and what it is attached to now ('none' once its row is gone:
 * the daily clean-up deletes it).
 */
export async function exportUploadedFiles(
  q: Queryable,
  userId: string,
): Promise<{ file_name: string; file_type: string; file_size: number; file_at: Date; used_for: string }[]> {
  return q.query(
    `select f.original_name as file_name, f.content_type as file_type, f.size_bytes as file_size, f.created_at as file_at,
            case when exists (select 1 from service_request_attachment a where a.file_id = f.id) then 'request-attachment'
                 when exists (select 1 from request_message m where m.file_id = f.id) then 'message-attachment'
                 when exists (select 1 from ente_request e where e.offer_file_id = f.id) then 'offer'
                 when exists (select 1 from ente_application_document d where d.file_id = f.id) then 'ente-application-document'
                 when exists (select 1 from organization o where f.id in (o.logo_file_id, o.terms_file_id, o.privacy_file_id, o.withdrawal_file_id)) then 'ente-card'
                 else 'none' end as used_for
       from stored_file f
      where f.uploaded_by = $1
      order by f.created_at, f.id`,
    [userId],
  );
}

/** The browsers the person signed in from (login throttling, migration 0012): dates only, never the cookie's hash. */
export async function exportLoginDevices(q: Queryable, userId: string): Promise<{ first_seen_at: Date; last_seen_at: Date }[]> {
  return q.query('select first_seen_at, last_seen_at from login_device where user_id = $1 order by first_seen_at, last_seen_at', [userId]);
}

/** Logins by method (password, SPID, CIE, invitation), from the audit trail: how the person's identities were used. */
export async function loginsByMethod(q: Queryable, userId: string): Promise<{ method: string; count: number; first_at: Date; last_at: Date }[]> {
  return q.query(
    `select coalesce(details->>'method', 'password') as method, count(*)::int as count, min(at) as first_at, max(at) as last_at
       from audit_log where actor_id = $1::uuid and action = 'auth.login'
      group by 1 order by 1`,
    [userId],
  );
}

export interface ExportApplicationRow {
  id: string;
  reference: string;
  status: string;
  data: Record<string, unknown>;
  section_notes: Record<string, unknown>;
  decision_reason: string | null;
  organization: string | null;
  created_at: Date;
  updated_at: Date;
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  decided_at: Date | null;
}

/** Applications to become a WeMi ente the person filed, as they wrote them, with the City's notes. */
export async function exportApplications(q: Queryable, userId: string): Promise<ExportApplicationRow[]> {
  return q.query<ExportApplicationRow>(
    `select a.id, a.reference, a.status, a.data, a.section_notes, a.decision_reason, o.name as organization,
            a.created_at, a.updated_at, a.first_submitted_at, a.submitted_at, a.decided_at
       from ente_application a left join organization o on o.id = a.organization_id
      where a.applicant_id = $1
      order by a.created_at, a.id`,
    [userId],
  );
}

export async function exportApplicationDocuments(q: Queryable, userId: string): Promise<({ id: string; application_id: string; kind: string } & ExportFileMeta)[]> {
  return q.query(
    `select d.id, d.application_id, d.kind, f.original_name as file_name, f.content_type as file_type, f.size_bytes as file_size, d.created_at as file_at
       from ente_application_document d
       join ente_application a on a.id = d.application_id
       join stored_file f on f.id = d.file_id
      where a.applicant_id = $1
      order by d.created_at, d.id`,
    [userId],
  );
}

/** Each time an application was sent (first time or again): its number, date and the form as it was sent. */
export async function exportApplicationSubmissions(
  q: Queryable,
  userId: string,
): Promise<{ application_id: string; number: number; submitted_at: Date; data: Record<string, unknown> }[]> {
  return q.query(
    `select s.application_id, s.number, s.submitted_at, s.data
       from ente_application_submission s join ente_application a on a.id = s.application_id
      where a.applicant_id = $1
      order by s.application_id, s.number`,
    [userId],
  );
}

export async function exportApplicationEvents(
  q: Queryable,
  userId: string,
): Promise<{ application_id: string; from_status: string | null; to_status: string; at: Date; note: string | null; by_me: boolean }[]> {
  return q.query(
    `select ev.application_id, ev.from_status, ev.to_status, ev.at, ev.note, ev.actor_id is not distinct from $1::uuid as by_me
       from ente_application_event ev join ente_application a on a.id = ev.application_id
      where a.applicant_id = $1
      order by ev.at, ev.id`,
    [userId],
  );
}

/**
 * The work rows that name the person as staff of an ente or of the City: what they handled, never the
 * citizens' data inside (no request contents, no names): counts, names of enti and cards, states and dates.
 */
export interface ExportWork {
  assigned: { organization: string; service: string; status: string; updated_at: Date }[];
  moves: { organization: string; from_status: string | null; to_status: string; at: Date }[];
  messages: { organization: string; count: number; last_at: Date }[];
  revisions: { service: string; number: number; status: string; authored: boolean; decided: boolean; created_at: Date; submitted_at: Date | null; decided_at: Date | null }[];
  status_changes: { service: string; action: string; from_status: string; to_status: string; at: Date }[];
  ente_card_revisions: { organization: string; number: number; status: string; authored: boolean; decided: boolean; submitted_at: Date; decided_at: Date | null }[];
  applications: { reference: string; status: string; decided_at: Date | null }[];
  application_moves: { reference: string; from_status: string | null; to_status: string; at: Date }[];
  complaints: { reference: string; status: string; answered_at: Date | null }[];
  moderations: { service: string; comment_status: string; moderated_at: Date | null }[];
  concepts: { label: string; kind: string; updated_at: Date }[];
  roles: { granted: number; revoked: number };
  invitations: { purpose: string; count: number; last_at: Date }[];
}

export async function exportWork(q: Queryable, userId: string): Promise<ExportWork> {
  const [assigned, moves, messages, revisions, status_changes, ente_card_revisions, applications, application_moves, complaints, moderations, concepts, roles, invitations] = await Promise.all([
    q.query<ExportWork['assigned'][number]>(
      `select o.name as organization, s.name as service, e.status, e.updated_at
         from ente_request e join organization o on o.id = e.organization_id join service s on s.id = e.service_id
        where e.assigned_to = $1 order by e.updated_at, e.id`,
      [userId],
    ),
    q.query<ExportWork['moves'][number]>(
      `select o.name as organization, ev.from_status, ev.to_status, ev.at
         from ente_request_event ev join ente_request e on e.id = ev.ente_request_id join service_request r on r.id = e.request_id
         join organization o on o.id = e.organization_id
        where ev.actor_id = $1 and r.citizen_id <> $1 order by ev.at, ev.id`,
      [userId],
    ),
    q.query<ExportWork['messages'][number]>(
      `select o.name as organization, count(*)::int as count, max(m.created_at) as last_at
         from request_message m join ente_request e on e.id = m.ente_request_id join organization o on o.id = e.organization_id
        where m.author_id = $1 and m.author_side = 'ente' group by o.name order by o.name`,
      [userId],
    ),
    q.query<ExportWork['revisions'][number]>(
      `select s.name as service, v.number, v.status, v.created_by is not distinct from $1::uuid as authored, v.decided_by is not distinct from $1::uuid as decided,
              v.created_at, v.submitted_at, v.decided_at
         from service_revision v join service s on s.id = v.service_id
        where v.created_by = $1 or v.decided_by = $1 order by v.created_at, v.id`,
      [userId],
    ),
    q.query<ExportWork['status_changes'][number]>(
      `select s.name as service, c.action, c.from_status, c.to_status, c.at from service_status_change c join service s on s.id = c.service_id
        where c.actor_id = $1 order by c.at, c.id`,
      [userId],
    ),
    q.query<ExportWork['ente_card_revisions'][number]>(
      `select o.name as organization, r.number, r.status, r.created_by is not distinct from $1::uuid as authored,
              r.decided_by is not distinct from $1::uuid as decided, r.submitted_at, r.decided_at
         from organization_revision r join organization o on o.id = r.organization_id
        where r.created_by = $1 or r.decided_by = $1 order by r.created_at, r.id`,
      [userId],
    ),
    q.query<ExportWork['applications'][number]>(
      `select reference, status, decided_at from ente_application where reviewer_id = $1 and applicant_id <> $1 order by created_at, id`,
      [userId],
    ),
    q.query<ExportWork['application_moves'][number]>(
      `select a.reference, ev.from_status, ev.to_status, ev.at
         from ente_application_event ev join ente_application a on a.id = ev.application_id
        where ev.actor_id = $1 and a.applicant_id <> $1 order by ev.at, ev.id`,
      [userId],
    ),
    q.query<ExportWork['complaints'][number]>(
      `select reference, status, answered_at from complaint where handled_by = $1 order by created_at, id`,
      [userId],
    ),
    q.query<ExportWork['moderations'][number]>(
      `select s.name as service, v.comment_status, v.moderated_at from review v join service s on s.id = v.service_id
        where v.moderated_by = $1 order by v.moderated_at, v.id`,
      [userId],
    ),
    q.query<ExportWork['concepts'][number]>(`select label, kind, updated_at from search_concept where updated_by = $1 order by updated_at, id`, [userId]),
    q.one<ExportWork['roles']>(
      `select (count(*) filter (where granted_by = $1))::int as granted, (count(*) filter (where revoked_by = $1))::int as revoked
         from user_role where (granted_by = $1 or revoked_by = $1) and user_id <> $1`,
      [userId],
    ),
    q.query<ExportWork['invitations'][number]>(
      `select purpose, count(*)::int as count, max(created_at) as last_at from one_time_token
        where created_by = $1 and user_id <> $1 group by purpose order by purpose`,
      [userId],
    ),
  ]);
  return { assigned, moves, messages, revisions, status_changes, ente_card_revisions, applications, application_moves, complaints, moderations, concepts, roles, invitations };
}

/** Which of these ids are accounts (to keep other people's ids out of the activity log). */
export async function accountIds(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await q.query<{ id: string }>('select id::text as id from app_user where id = any($1::uuid[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

// ------------------------------------------------------------------------------------ deletion (art. 17)

export const DELETED_LABEL = 'utente eliminato';

/**
 * Anonymises an account: every personal field is cleared, the row stays (status 'deleted') so that the
 * audit trail and the records of others keep pointing at something. Returns false when the account was
 * already deleted (a second, concurrent request).
 */
export async function anonymiseUser(q: Queryable, userId: string): Promise<boolean> {
  const rows = await q.query(
    `update app_user set
        email = null, email_verified_at = null, given_name = '', family_name = '', phone = null, birth_date = null,
        fiscal_code = null, password_hash = null, totp_secret = null, totp_enabled_at = null, totp_last_step = null,
        notify_email = false, notify_requests = false, notify_news = false,
        status = 'deleted', deleted_at = now(), updated_at = now()
      where id = $1 and status <> 'deleted' returning id`,
    [userId],
  );
  return rows.length > 0;
}

/** Revokes every role still open; the rows stay for the audit trail. */
export async function revokeAllRoles(q: Queryable, userId: string): Promise<number> {
  const rows = await q.query(`update user_role set revoked_at = now(), revoked_by = $1 where user_id = $1 and revoked_at is null returning id`, [userId]);
  return rows.length;
}

export async function deleteTokens(q: Queryable, userId: string): Promise<void> {
  await q.query('delete from one_time_token where user_id = $1', [userId]);
}

/**
 * Removes the person's identifiers from the audit trail, keeping the actions: the actor label of their
 * rows (and of rows that named them only by e-mail or codice fiscale, e.g. failed logins) becomes
 * 'utente eliminato', and those identifiers are replaced inside targets and details too.
 */
export async function scrubAudit(q: Queryable, userId: string, identifiers: string[]): Promise<void> {
  const ids = identifiers.filter((s) => s.length >= 3);
  await q.query(
    `update audit_log set
        actor_label = case when actor_id = $1::uuid or actor_label = any($2::text[]) then $3 else actor_label end,
        target_id = case when target_id = any($2::text[]) then $3 else target_id end
      where actor_id = $1::uuid or actor_label = any($2::text[]) or target_id = any($2::text[])`,
    [userId, ids, DELETED_LABEL],
  );
  for (const id of ids) {
    // Inside JSON an e-mail or codice fiscale appears verbatim (no character of theirs needs escaping).
    await q.query(`update audit_log set details = replace(details::text, $1, $2)::jsonb where strpos(details::text, $1) > 0`, [
      JSON.stringify(id).slice(1, -1),
      DELETED_LABEL,
    ]);
  }
}

/** Drops the messages addressed to the person, except one (the deletion confirmation, still to send). */
export async function deleteMailsTo(q: Queryable, address: string, exceptId: string): Promise<void> {
  await q.query('delete from email_outbox where to_address = $1 and id <> $2', [address, exceptId]);
}

/**
 * Deletes the person's drafts (never sent: nobody else has them; their attachments, no longer referenced,
 * go with the daily clean-up of stored files). Returns how many.
 */
export async function deleteDrafts(q: Queryable, userId: string): Promise<number> {
  const rows = await q.query(`delete from service_request where citizen_id = $1 and status = 'draft' returning id`, [userId]);
  return rows.length;
}

/** Deletes the notices of the personal area: they were for the person only. Returns how many. */
export async function deleteNotifications(q: Queryable, userId: string): Promise<number> {
  const rows = await q.query('delete from notification where user_id = $1 returning id', [userId]);
  return rows.length;
}

export async function deleteThrottle(q: Queryable, email: string | null, userId: string): Promise<void> {
  await q.query(`delete from auth_throttle where ${PERSON_KEYS}`, [email ?? '', userId]);
}
