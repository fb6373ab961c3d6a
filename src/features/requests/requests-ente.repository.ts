import type { Queryable } from '../../db/database';
import type { EnteRequestState } from './request.state';

// SQL of the ente's side of requests. Every query takes the ente id and checks that the ente request belongs
// to it: an id of another ente's request finds nothing (the routes answer 404).

export const PAGE_SIZE = 20;

export interface InboxFilters {
  status?: EnteRequestState | undefined;
  serviceId?: string | undefined;
  /** 'YYYY-MM-DD', on the day the request was received (Europe/Rome). */
  from?: string | undefined;
  to?: string | undefined;
  /** An operator's user id, or 'none' for requests assigned to nobody. */
  operator?: string | undefined;
  page: number;
}

export interface InboxRow {
  id: string;
  request_id: string;
  reference: string;
  service_id: string;
  service_name: string;
  citizen_name: string;
  status: EnteRequestState;
  received_at: Date;
  first_response_at: Date | null;
  assigned_to: string | null;
  assignee_name: string | null;
  /** Hours since the request was received. */
  waiting_hours: number;
  /** No first answer after 48 hours. */
  late: boolean;
  unread: number;
  /** The period the citizen asked for ('YYYY-MM-DD'). */
  period_from: string | null;
  period_to: string | null;
  /** The citizen's Municipio code ('m8') and the Municipi the card covers, for the coverage mark. */
  municipio_code: string | null;
  area_codes: string[];
}

/** The codes of the Municipi a card covers ('m3', 'm4'), in the taxonomy's order. */
const AREA_CODES = (service: string) =>
  `coalesce((select array_agg(t.code order by t.position, t.name_it) from service_area a join taxonomy_term t on t.id = a.municipio_id where a.service_id = ${service}), '{}') as area_codes`;

export async function listInbox(q: Queryable, enteId: string, f: InboxFilters): Promise<{ rows: InboxRow[]; total: number }> {
  const where = ['er.organization_id = $1'];
  const params: unknown[] = [enteId];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.status) add('er.status = ?', f.status);
  if (f.serviceId) add('er.service_id = ?', f.serviceId);
  if (f.from) add(`(er.created_at at time zone 'Europe/Rome')::date >= ?::date`, f.from);
  if (f.to) add(`(er.created_at at time zone 'Europe/Rome')::date <= ?::date`, f.to);
  if (f.operator === 'none') where.push('er.assigned_to is null');
  else if (f.operator) add('er.assigned_to = ?', f.operator);
  params.push(PAGE_SIZE, (f.page - 1) * PAGE_SIZE);
  const rows = await q.query<InboxRow & { total: number }>(
    `select er.id, er.request_id, sr.reference, er.service_id, s.name as service_name,
            trim(c.given_name || ' ' || c.family_name) as citizen_name,
            er.status, er.created_at as received_at, er.first_response_at, er.assigned_to,
            nullif(trim(a.given_name || ' ' || a.family_name), '') as assignee_name,
            floor(extract(epoch from (coalesce(er.first_response_at, now()) - er.created_at)) / 3600)::int as waiting_hours,
            (er.first_response_at is null and er.status = 'sent' and er.created_at < now() - interval '48 hours') as late,
            (select count(*)::int from request_message m
              where m.ente_request_id = er.id and m.author_side = 'citizen'
                and m.created_at > coalesce((select r.last_read_at from request_thread_read r where r.ente_request_id = er.id and r.side = 'ente'), '-infinity'::timestamptz)) as unread,
            sr.period_from, sr.period_to,
            (select t.code from taxonomy_term t where t.id = sr.municipio_id) as municipio_code,
            ${AREA_CODES('er.service_id')},
            count(*) over ()::int as total
       from ente_request er
       join service_request sr on sr.id = er.request_id
       join service s on s.id = er.service_id
       join app_user c on c.id = sr.citizen_id
       left join app_user a on a.id = er.assigned_to
      where ${where.join(' and ')}
      order by (er.first_response_at is null and er.status = 'sent') desc, er.created_at desc, er.id
      limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  let total = rows[0]?.total ?? 0;
  if (!rows.length && f.page > 1) {
    const c = await q.one<{ n: number }>(`select count(*)::int as n from ente_request er where ${where.join(' and ')}`, params.slice(0, -2));
    total = c.n;
  }
  return { rows: rows.map(({ total: _t, ...r }) => r), total };
}

/** The ente's service cards that have requests, for the filter. */
export async function servicesWithRequests(q: Queryable, enteId: string): Promise<{ id: string; name: string }[]> {
  return q.query(
    `select distinct s.id, s.name from ente_request er join service s on s.id = er.service_id where er.organization_id = $1 order by s.name, s.id`,
    [enteId],
  );
}

export interface TeamOption {
  id: string;
  name: string;
}

/** People acting for the ente now (administrators and operators). */
export async function enteTeam(q: Queryable, enteId: string): Promise<TeamOption[]> {
  return q.query<TeamOption>(
    `select u.id, coalesce(nullif(trim(u.given_name || ' ' || u.family_name), ''), u.email, u.id::text) as name
       from app_user u
      where u.status = 'active' and exists (
              select 1 from user_role r where r.user_id = u.id and r.organization_id = $1 and r.role in ('ente_admin', 'ente_operator')
                 and r.revoked_at is null and r.valid_from <= now() and (r.valid_to is null or r.valid_to > now()))
      order by lower(u.family_name), lower(u.given_name), u.id`,
    [enteId],
  );
}

export interface EnteRequestDetail {
  id: string;
  request_id: string;
  organization_id: string;
  ente_name: string;
  service_id: string;
  service_name: string;
  status: EnteRequestState;
  assigned_to: string | null;
  decline_reason: string | null;
  offer_price_computed: number | null;
  offer_price: number | null;
  offer_period_from: string | null;
  offer_period_to: string | null;
  offer_time_band: string | null;
  offer_expires_on: string | null;
  offer_notes: string | null;
  offer_file_id: string | null;
  offer_file_name: string | null;
  first_response_at: Date | null;
  created_at: Date;
  reference: string;
  citizen_id: string;
  citizen_name: string;
  citizen_email: string | null;
  citizen_notify_email: boolean;
  for_whom: 'self' | 'other' | null;
  beneficiary_name: string;
  beneficiary_relation: string;
  needs: string;
  period_from: string | null;
  period_to: string | null;
  days: string[];
  time_bands: string[];
  municipio_name_it: string | null;
  municipio_name_en: string | null;
  /** The citizen's Municipio code ('m8') and the Municipi the card covers, for the coverage mark. */
  municipio_code: string | null;
  area_codes: string[];
  address: string;
  people: number | null;
  units: number | null;
  notes: string;
  sent_at: Date | null;
  unread: number;
}

/** One ente request of this ente, with the citizen's request; undefined when it is not this ente's. */
export async function findEnteRequest(q: Queryable, enteId: string, enteRequestId: string): Promise<EnteRequestDetail | undefined> {
  return q.maybeOne<EnteRequestDetail>(
    `select er.id, er.request_id, er.organization_id, o.name as ente_name, er.service_id, s.name as service_name, er.status,
            er.assigned_to, er.decline_reason, er.offer_price_computed, er.offer_price, er.offer_period_from, er.offer_period_to,
            er.offer_time_band, er.offer_expires_on, er.offer_notes, er.offer_file_id, f.original_name as offer_file_name,
            er.first_response_at, er.created_at,
            sr.reference, sr.citizen_id, trim(c.given_name || ' ' || c.family_name) as citizen_name, c.email as citizen_email,
            c.notify_email as citizen_notify_email,
            sr.for_whom, sr.beneficiary_name, sr.beneficiary_relation, sr.needs, sr.period_from, sr.period_to, sr.days, sr.time_bands,
            m.name_it as municipio_name_it, m.name_en as municipio_name_en, m.code as municipio_code, ${AREA_CODES('er.service_id')}, sr.address, sr.people, sr.units, sr.notes, sr.sent_at,
            (select count(*)::int from request_message rm
              where rm.ente_request_id = er.id and rm.author_side = 'citizen'
                and rm.created_at > coalesce((select r.last_read_at from request_thread_read r where r.ente_request_id = er.id and r.side = 'ente'), '-infinity'::timestamptz)) as unread
       from ente_request er
       join service_request sr on sr.id = er.request_id
       join organization o on o.id = er.organization_id
       join service s on s.id = er.service_id
       join app_user c on c.id = sr.citizen_id
       left join taxonomy_term m on m.id = sr.municipio_id
       left join stored_file f on f.id = er.offer_file_id
      where er.id = $1 and er.organization_id = $2 and sr.status = 'sent'`,
    [enteRequestId, enteId],
  );
}

export interface AttachmentMeta {
  file_id: string;
  original_name: string;
  size_bytes: number;
}

export async function listAttachments(q: Queryable, requestId: string): Promise<AttachmentMeta[]> {
  return q.query<AttachmentMeta>(
    `select a.file_id, f.original_name, f.size_bytes from service_request_attachment a join stored_file f on f.id = a.file_id
      where a.request_id = $1 order by a.created_at, a.id`,
    [requestId],
  );
}

/** Whether the file is one this ente request may serve: an attachment of the citizen's request, or the offer's quote. */
export async function fileBelongs(q: Queryable, enteId: string, enteRequestId: string, fileId: string): Promise<boolean> {
  const row = await q.maybeOne<{ ok: boolean }>(
    `select true as ok from ente_request er
      where er.id = $1 and er.organization_id = $2
        and (er.offer_file_id = $3 or exists (select 1 from service_request_attachment a where a.request_id = er.request_id and a.file_id = $3))`,
    [enteRequestId, enteId, fileId],
  );
  return row?.ok === true;
}

export interface HistoryRow {
  from_status: EnteRequestState | null;
  to_status: EnteRequestState;
  actor_name: string | null;
  note: string | null;
  at: Date;
}

export async function listHistory(q: Queryable, enteRequestId: string): Promise<HistoryRow[]> {
  return q.query<HistoryRow>(
    `select e.from_status, e.to_status, nullif(trim(u.given_name || ' ' || u.family_name), '') as actor_name, e.note, e.at
       from ente_request_event e left join app_user u on u.id = e.actor_id
      where e.ente_request_id = $1 order by e.at, e.id`,
    [enteRequestId],
  );
}

export interface TimeBandOption {
  slug: string;
  name_it: string;
  name_en: string;
}

export async function timeBandOptions(q: Queryable): Promise<TimeBandOption[]> {
  return q.query<TimeBandOption>(
    `select t.slug, t.name_it, t.name_en from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id
      where x.code = 'time_band' and t.active order by t.position, t.slug`,
  );
}

/** The card's price list valid today (the latest started) with its tiers, or undefined. */
export async function priceListToday(q: Queryable, serviceId: string) {
  const list = await q.maybeOne<{ id: string; min_units: number }>(
    `select id, min_units from price_list where service_id = $1 and valid_from <= current_date and (valid_to is null or valid_to >= current_date)
      order by valid_from desc, created_at desc limit 1`,
    [serviceId],
  );
  if (!list) return undefined;
  const tiers = await q.query<{ people_min: number; people_max: number | null; units_min: number; units_max: number | null; unit_price: number }>(
    'select people_min, people_max, units_min, units_max, unit_price from price_tier where price_list_id = $1',
    [list.id],
  );
  return { minUnits: list.min_units, tiers };
}

export async function setAssignee(q: Queryable, enteRequestId: string, userId: string | null): Promise<void> {
  await q.query('update ente_request set assigned_to = $2, updated_at = now() where id = $1', [enteRequestId, userId]);
}

export async function insertNotification(q: Queryable, n: { userId: string; kind: string; title: string; link: string }): Promise<void> {
  await q.query('insert into notification (user_id, kind, title, link) values ($1, $2, $3, $4)', [n.userId, n.kind, n.title, n.link]);
}
