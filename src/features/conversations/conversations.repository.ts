import type { Queryable } from '../../db/database';

// SQL of conversations, notifications, quality figures and complaints.

const ACTIVE_ROLE = `r.revoked_at is null and r.valid_from <= now() and (r.valid_to is null or r.valid_to > now())`;
export const TODAY = `(now() at time zone 'Europe/Rome')::date`;

export interface ThreadContext {
  id: string;
  request_id: string;
  reference: string;
  citizen_id: string;
  organization_id: string;
  ente_name: string;
  service_id: string;
  service_name: string;
  status: string;
  assigned_to: string | null;
}

export async function threadContext(q: Queryable, enteRequestId: string): Promise<ThreadContext | undefined> {
  return q.maybeOne<ThreadContext>(
    `select er.id, er.request_id, sr.reference, sr.citizen_id, er.organization_id, o.name as ente_name,
            er.service_id, s.name as service_name, er.status, er.assigned_to
       from ente_request er
       join service_request sr on sr.id = er.request_id
       join organization o on o.id = er.organization_id
       join service s on s.id = er.service_id
      where er.id = $1`,
    [enteRequestId],
  );
}

export type Side = 'citizen' | 'ente';

export interface MessageRow {
  id: string;
  author_side: Side;
  author_name: string;
  body: string;
  file_id: string | null;
  file_name: string | null;
  file_size: number | null;
  created_at: Date;
}

export async function listMessages(q: Queryable, enteRequestId: string): Promise<MessageRow[]> {
  return q.query<MessageRow>(
    `select m.id, m.author_side, trim(coalesce(u.given_name, '') || ' ' || coalesce(u.family_name, '')) as author_name,
            m.body, m.file_id, f.original_name as file_name, f.size_bytes as file_size, m.created_at
       from request_message m
       left join app_user u on u.id = m.author_id
       left join stored_file f on f.id = m.file_id
      where m.ente_request_id = $1
      order by m.created_at, m.id`,
    [enteRequestId],
  );
}

/** The side's last reading (null: never opened). */
export async function lastRead(q: Queryable, enteRequestId: string, side: Side): Promise<Date | null> {
  const row = await q.maybeOne<{ last_read_at: Date }>('select last_read_at from request_thread_read where ente_request_id = $1 and side = $2', [enteRequestId, side]);
  return row?.last_read_at ?? null;
}

export async function markRead(q: Queryable, enteRequestId: string, side: Side): Promise<void> {
  await q.query(
    `insert into request_thread_read (ente_request_id, side, last_read_at) values ($1, $2, now())
     on conflict (ente_request_id, side) do update set last_read_at = greatest(request_thread_read.last_read_at, excluded.last_read_at)`,
    [enteRequestId, side],
  );
}

/** Messages of the other side after the side's last reading. */
export async function unreadCount(q: Queryable, enteRequestId: string, side: Side): Promise<number> {
  const row = await q.one<{ n: number }>(
    `select count(*)::int as n from request_message m
      where m.ente_request_id = $1 and m.author_side <> $2
        and m.created_at > coalesce((select last_read_at from request_thread_read where ente_request_id = $1 and side = $2), '-infinity'::timestamptz)`,
    [enteRequestId, side],
  );
  return row.n;
}

export async function messageFile(q: Queryable, enteRequestId: string, messageId: string): Promise<string | undefined> {
  const row = await q.maybeOne<{ file_id: string | null }>('select file_id from request_message where id = $1 and ente_request_id = $2', [messageId, enteRequestId]);
  return row?.file_id ?? undefined;
}

// Recipients

export interface Recipient {
  id: string;
  email: string;
  given_name: string;
  family_name: string;
}

export async function citizenRecipient(q: Queryable, userId: string): Promise<Recipient | undefined> {
  return q.maybeOne<Recipient>(
    `select id, email, given_name, family_name from app_user where id = $1 and status = 'active' and email is not null and notify_requests`,
    [userId],
  );
}

/** The ente's people for a request: the assigned operator only when there is one (and still acts for the ente). */
export async function enteRecipients(q: Queryable, organizationId: string, assignedTo: string | null = null): Promise<Recipient[]> {
  const all = await q.query<Recipient>(
    `select distinct on (u.email) u.id, u.email, u.given_name, u.family_name
       from user_role r join app_user u on u.id = r.user_id
      where r.organization_id = $1 and r.role in ('ente_admin', 'ente_operator') and ${ACTIVE_ROLE}
        and u.status = 'active' and u.email is not null
      order by u.email`,
    [organizationId],
  );
  if (assignedTo) {
    const assigned = all.filter((r) => r.id === assignedTo);
    if (assigned.length) return assigned;
  }
  return all;
}

// Notifications

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  link: string;
  read_at: Date | null;
  created_at: Date;
}

export async function addNotification(q: Queryable, n: { userId: string; kind: string; title: string; link: string }): Promise<void> {
  await q.query('insert into notification (user_id, kind, title, link) values ($1, $2, $3, $4)', [n.userId, n.kind, n.title, n.link]);
}

export async function listNotifications(q: Queryable, userId: string, limit = 200): Promise<NotificationRow[]> {
  return q.query<NotificationRow>(
    'select id, kind, title, link, read_at, created_at from notification where user_id = $1 order by created_at desc, id limit $2',
    [userId, limit],
  );
}

export async function markAllNotificationsRead(q: Queryable, userId: string): Promise<number> {
  const rows = await q.query<{ id: string }>('update notification set read_at = now() where user_id = $1 and read_at is null returning id', [userId]);
  return rows.length;
}

// Quality

export interface QualityRow {
  id: string;
  request_id: string;
  reference: string;
  organization_id: string;
  ente_name: string;
  service_id: string;
  service_name: string;
  status: string;
  created_at: Date;
  first_response_at: Date | null;
  offered_at: Date | null;
  /** Hours from creation to first answer / offer (null when none). */
  first_hours: number | null;
  offer_hours: number | null;
  /** Hours since creation (for requests still unanswered). */
  age_hours: number;
}

/** Ente requests created in [from, to] (Milan calendar days, both optional). */
export async function qualityRows(q: Queryable, period: { from?: string | undefined; to?: string | undefined }): Promise<QualityRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (period.from) {
    params.push(period.from);
    where.push(`(er.created_at at time zone 'Europe/Rome')::date >= $${params.length}::date`);
  }
  if (period.to) {
    params.push(period.to);
    where.push(`(er.created_at at time zone 'Europe/Rome')::date <= $${params.length}::date`);
  }
  return q.query<QualityRow>(
    `select er.id, er.request_id, sr.reference, er.organization_id, o.name as ente_name, er.service_id, s.name as service_name,
            er.status, er.created_at, er.first_response_at, er.offered_at,
            (extract(epoch from (er.first_response_at - er.created_at)) / 3600)::float8 as first_hours,
            (extract(epoch from (er.offered_at - er.created_at)) / 3600)::float8 as offer_hours,
            (extract(epoch from (now() - er.created_at)) / 3600)::float8 as age_hours
       from ente_request er
       join service_request sr on sr.id = er.request_id
       join organization o on o.id = er.organization_id
       join service s on s.id = er.service_id
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by er.created_at`,
    params,
  );
}

// Complaints

export const COMPLAINT_STATES = ['open', 'in_progress', 'answered', 'closed'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export interface ComplaintRow {
  id: string;
  reference: string;
  ente_request_id: string;
  citizen_id: string | null;
  subject: string;
  body: string;
  status: ComplaintState;
  answer: string | null;
  answered_at: Date | null;
  created_at: Date;
  request_id: string;
  request_reference: string;
  request_status: string;
  ente_name: string;
  service_name: string;
  citizen_name: string;
  citizen_email: string | null;
}

const COMPLAINT_SELECT = `select c.id, c.reference, c.ente_request_id, c.citizen_id, c.subject, c.body, c.status, c.answer, c.answered_at,
            c.created_at, er.request_id, sr.reference as request_reference, er.status as request_status, o.name as ente_name,
            s.name as service_name, trim(coalesce(u.given_name, '') || ' ' || coalesce(u.family_name, '')) as citizen_name,
            u.email as citizen_email
       from complaint c
       join ente_request er on er.id = c.ente_request_id
       join service_request sr on sr.id = er.request_id
       join organization o on o.id = er.organization_id
       join service s on s.id = er.service_id
       left join app_user u on u.id = c.citizen_id`;

export async function listComplaints(q: Queryable, status: ComplaintState | undefined): Promise<ComplaintRow[]> {
  return q.query<ComplaintRow>(
    `${COMPLAINT_SELECT} ${status ? 'where c.status = $1' : ''} order by c.created_at desc limit 500`,
    status ? [status] : [],
  );
}

export async function findComplaint(q: Queryable, id: string, lock = false): Promise<ComplaintRow | undefined> {
  return q.maybeOne<ComplaintRow>(`${COMPLAINT_SELECT} where c.id = $1 ${lock ? 'for update of c' : ''}`, [id]);
}

export async function insertComplaint(q: Queryable, c: { enteRequestId: string; citizenId: string; subject: string; body: string }): Promise<{ id: string; reference: string }> {
  return q.one<{ id: string; reference: string }>(
    `insert into complaint (reference, ente_request_id, citizen_id, subject, body)
     values ('REC-' || extract(year from now() at time zone 'Europe/Rome')::int || '-' || lpad(nextval('complaint_number')::text, 6, '0'), $1, $2, $3, $4)
     returning id, reference`,
    [c.enteRequestId, c.citizenId, c.subject, c.body],
  );
}
