import type { Queryable } from '../../db/database';
import type { EnteRequestState } from './request.state';
import type { PriceTierInput } from './request-price';

// SQL of the citizen's side of requests. Every read of a request is scoped by its owner (citizen_id) in the
// use cases: a request of someone else is "not found".

export interface RequestRow {
  id: string;
  reference: string;
  citizen_id: string;
  service_type_id: string;
  status: 'draft' | 'sent';
  step: number;
  for_whom: 'self' | 'other' | null;
  beneficiary_name: string;
  beneficiary_relation: string;
  needs: string;
  period_from: string | null;
  period_to: string | null;
  days: string[];
  time_bands: string[];
  municipio_id: string | null;
  address: string;
  people: number | null;
  units: number | null;
  notes: string;
  payment_method: 'outside';
  sent_at: Date | null;
  created_at: Date;
  updated_at: Date;
  service_type_name_it: string;
  service_type_name_en: string;
  service_type_slug: string;
  /** The code of the citizen's Municipio term ('m8'), for the coverage of the chosen cards. */
  municipio_code: string | null;
}

const REQUEST_COLUMNS = `r.id, r.reference, r.citizen_id, r.service_type_id, r.status, r.step, r.for_whom, r.beneficiary_name,
  r.beneficiary_relation, r.needs, r.period_from::text as period_from, r.period_to::text as period_to, r.days, r.time_bands,
  r.municipio_id, r.address, r.people, r.units, r.notes, r.payment_method, r.sent_at, r.created_at, r.updated_at,
  st.name_it as service_type_name_it, st.name_en as service_type_name_en, st.slug as service_type_slug,
  (select m.code from taxonomy_term m where m.id = r.municipio_id) as municipio_code`;

export async function findRequest(q: Queryable, id: string): Promise<RequestRow | undefined> {
  return q.maybeOne<RequestRow>(`select ${REQUEST_COLUMNS} from service_request r join taxonomy_term st on st.id = r.service_type_id where r.id = $1`, [id]);
}

/** The citizen's open draft for a service type, if any. */
export async function findDraft(q: Queryable, citizenId: string, serviceTypeId: string): Promise<{ id: string } | undefined> {
  return q.maybeOne<{ id: string }>(
    `select id from service_request where citizen_id = $1 and service_type_id = $2 and status = 'draft' order by created_at desc limit 1`,
    [citizenId, serviceTypeId],
  );
}

export async function createDraft(q: Queryable, citizenId: string, serviceTypeId: string): Promise<{ id: string; reference: string }> {
  return q.one<{ id: string; reference: string }>(
    `insert into service_request (reference, citizen_id, service_type_id)
     values ('RIC-' || extract(year from now())::int || '-' || lpad(nextval('service_request_number')::text, 6, '0'), $1, $2)
     returning id, reference`,
    [citizenId, serviceTypeId],
  );
}

/** A card a citizen may ask: published, of an active ente. */
export interface CardOption {
  id: string;
  slug: string;
  name: string;
  organization_id: string;
  organization_name: string;
  service_type_id: string;
  price_unit: string;
  offer_type: 'free_public' | 'free_volunteer' | 'paid';
  price_from: number | null;
  rating_avg: number | null;
  rating_count: number;
  municipi: string[];
  /** The codes of the Municipi the card covers ('m3', 'm4'), in the taxonomy's order. */
  area_codes: string[];
}

/** The Municipi a card covers: names, and codes (for the coverage). */
const AREAS = (service: string) => `coalesce((select array_agg(m.name_it order by m.position, m.name_it) from service_area a join taxonomy_term m on m.id = a.municipio_id
               where a.service_id = ${service}), '{}') as municipi,
    coalesce((select array_agg(m.code order by m.position, m.name_it) from service_area a join taxonomy_term m on m.id = a.municipio_id
               where a.service_id = ${service}), '{}') as area_codes`;

const CARD_SELECT = `select s.id, s.slug, s.name, s.organization_id, o.name as organization_name, s.service_type_id, s.price_unit,
    s.offer_type, s.price_from, s.rating_avg, s.rating_count,
    ${AREAS('s.id')}
  from service s join organization o on o.id = s.organization_id
 where s.status = 'published' and o.status = 'active'`;

export async function publishedCardBySlug(q: Queryable, slug: string): Promise<CardOption | undefined> {
  return q.maybeOne<CardOption>(`${CARD_SELECT} and s.slug = $1`, [slug]);
}

/** The cards of one service type a citizen may choose (best rated first, at most `limit`). */
export async function cardsOfType(q: Queryable, serviceTypeId: string, limit = 200): Promise<CardOption[]> {
  return q.query<CardOption>(`${CARD_SELECT} and s.service_type_id = $1 order by s.rating_avg desc nulls last, o.name, s.name limit $2`, [serviceTypeId, limit]);
}

export async function cardsByIds(q: Queryable, ids: readonly string[]): Promise<CardOption[]> {
  if (!ids.length) return [];
  return q.query<CardOption>(`${CARD_SELECT} and s.id = any($1::uuid[])`, [ids]);
}

export interface TargetRow extends CardOption {
  position: number;
  /** Card state now (a chosen card may have left the catalogue since). */
  available: boolean;
}

export async function targetsOf(q: Queryable, requestId: string): Promise<TargetRow[]> {
  return q.query<TargetRow>(
    `select s.id, s.slug, s.name, s.organization_id, o.name as organization_name, s.service_type_id, s.price_unit, s.offer_type,
            s.price_from, s.rating_avg, s.rating_count, t.position,
            (s.status = 'published' and o.status = 'active') as available,
            ${AREAS('s.id')}
       from service_request_target t join service s on s.id = t.service_id join organization o on o.id = s.organization_id
      where t.request_id = $1 order by t.position, o.name`,
    [requestId],
  );
}

export async function replaceTargets(q: Queryable, requestId: string, serviceIds: readonly string[]): Promise<void> {
  await q.query('delete from service_request_target where request_id = $1', [requestId]);
  for (const [i, id] of serviceIds.entries()) {
    await q.query('insert into service_request_target (request_id, service_id, position) values ($1, $2, $3)', [requestId, id, i]);
  }
}

export async function addTarget(q: Queryable, requestId: string, serviceId: string): Promise<void> {
  await q.query(
    `insert into service_request_target (request_id, service_id, position)
     select $1, $2, coalesce(max(position) + 1, 0) from service_request_target where request_id = $1
     on conflict do nothing`,
    [requestId, serviceId],
  );
}

export interface TermOption {
  id: string;
  slug: string;
  code: string;
  name_it: string;
  name_en: string;
}

export async function termsOf(q: Queryable, taxonomyCode: 'time_band' | 'municipio'): Promise<TermOption[]> {
  return q.query<TermOption>(
    `select t.id, t.slug, t.code, t.name_it, t.name_en from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id
      where x.code = $1 and t.active order by t.position, t.name_it`,
    [taxonomyCode],
  );
}

export interface AttachmentRow {
  id: string;
  file_id: string;
  original_name: string;
  size_bytes: number;
  content_type: string;
  created_at: Date;
}

export async function attachmentsOf(q: Queryable, requestId: string): Promise<AttachmentRow[]> {
  return q.query<AttachmentRow>(
    `select a.id, a.file_id, f.original_name, f.size_bytes, f.content_type, a.created_at
       from service_request_attachment a join stored_file f on f.id = a.file_id where a.request_id = $1 order by a.created_at, a.id`,
    [requestId],
  );
}

export interface EnteRequestView {
  id: string;
  service_id: string;
  service_name: string;
  service_slug: string;
  price_unit: string;
  organization_id: string;
  organization_name: string;
  organization_slug: string;
  status: EnteRequestState;
  decline_reason: string | null;
  offer_price_computed: number | null;
  offer_price: number | null;
  offer_period_from: string | null;
  offer_period_to: string | null;
  offer_time_band: string | null;
  offer_expires_on: string | null;
  offer_notes: string | null;
  offer_file_id: string | null;
  offered_at: Date | null;
  rating_avg: number | null;
  rating_count: number;
  municipi: string[];
  area_codes: string[];
  unread: number;
}

export async function enteRequestsOf(q: Queryable, requestIds: readonly string[]): Promise<(EnteRequestView & { request_id: string })[]> {
  if (!requestIds.length) return [];
  return q.query<EnteRequestView & { request_id: string }>(
    `select e.id, e.request_id, e.service_id, s.name as service_name, s.slug as service_slug, s.price_unit,
            e.organization_id, o.name as organization_name, o.slug as organization_slug, e.status, e.decline_reason,
            e.offer_price_computed, e.offer_price, e.offer_period_from::text as offer_period_from, e.offer_period_to::text as offer_period_to,
            e.offer_time_band, e.offer_expires_on::text as offer_expires_on, e.offer_notes, e.offer_file_id, e.offered_at,
            s.rating_avg, s.rating_count,
            ${AREAS('s.id')},
            (select count(*)::int from request_message m
               where m.ente_request_id = e.id and m.author_side = 'ente'
                 and m.created_at > coalesce((select r.last_read_at from request_thread_read r where r.ente_request_id = e.id and r.side = 'citizen'), '-infinity'::timestamptz)) as unread
       from ente_request e join service s on s.id = e.service_id join organization o on o.id = e.organization_id
      where e.request_id = any($1::uuid[]) order by o.name`,
    [requestIds],
  );
}

export interface MyRequestRow {
  id: string;
  reference: string;
  status: 'draft' | 'sent';
  step: number;
  service_type_name_it: string;
  service_type_name_en: string;
  created_at: Date;
  sent_at: Date | null;
}

export async function requestsOfCitizen(q: Queryable, citizenId: string): Promise<MyRequestRow[]> {
  return q.query<MyRequestRow>(
    `select r.id, r.reference, r.status, r.step, st.name_it as service_type_name_it, st.name_en as service_type_name_en, r.created_at, r.sent_at
       from service_request r join taxonomy_term st on st.id = r.service_type_id
      where r.citizen_id = $1 order by coalesce(r.sent_at, r.created_at) desc limit 200`,
    [citizenId],
  );
}

/** The current price list (tiers and minimum units) of a card, for the computed price. */
export async function currentPriceList(q: Queryable, serviceId: string): Promise<{ minUnits: number; tiers: PriceTierInput[] } | undefined> {
  const list = await q.maybeOne<{ id: string; min_units: number }>(
    `select id, min_units from price_list where service_id = $1 and valid_from <= current_date and (valid_to is null or valid_to >= current_date)
      order by valid_from desc limit 1`,
    [serviceId],
  );
  if (!list) return undefined;
  const tiers = await q.query<PriceTierInput>('select people_min, people_max, units_min, units_max, unit_price from price_tier where price_list_id = $1', [list.id]);
  return { minUnits: list.min_units, tiers };
}

/** E-mail addresses of the ente's administrators and operators (roles valid now, active accounts). */
export async function enteRecipients(q: Queryable, organizationId: string): Promise<{ email: string; notify_email: boolean }[]> {
  return q.query<{ email: string; notify_email: boolean }>(
    `select distinct u.email, u.notify_email from user_role r join app_user u on u.id = r.user_id
      where r.organization_id = $1 and r.role in ('ente_admin', 'ente_operator') and r.revoked_at is null
        and r.valid_from <= now() and (r.valid_to is null or r.valid_to > now())
        and u.email is not null and u.status = 'active'
      order by u.email`,
    [organizationId],
  );
}
