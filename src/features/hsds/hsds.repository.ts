import type { Db, Queryable } from '../../db/database';
import { serviceTextMatch } from '../search/search.service';

// SQL of the HSDS API. Every loader takes a batch of ids, so a page of 100 services costs a fixed handful of
// queries whatever its size. Only public data leaves here: published cards of active enti (view public_service),
// active enti, active Spazi WeMi and active sites of active enti, active taxonomy terms.

// ---------------------------------------------------------------------------------------------------------------
// Rows

export interface ServiceRow {
  id: string;
  organization_id: string;
  service_type_id: string;
  slug: string;
  name: string;
  summary_it: string;
  need_analysis: string;
  proposed_solution: string;
  staff_activities: string;
  recipients: string;
  contact_phone: string | null;
  contact_email: string | null;
  contact_hours: string;
  metro_municipalities: string[];
  responsible_name: string;
  responsible_role: string;
  wait_analysis_days: number | null;
  wait_activation_days: number | null;
  delivery_places: string[];
  delivery_other: string;
  offer_type: 'free_public' | 'free_volunteer' | 'paid';
  price_unit: string;
  vat_rate: number;
  custom_quote: boolean;
  packages: unknown;
  mode: 'individual' | 'shared' | 'both';
  min_people: number;
  max_people: number;
  delivery_from: string | null;
  delivery_to: string | null;
  price_from: number | null;
  is_demo: boolean;
  last_modified: Date;
  area_ids: string[] | null;
  target_names: string[] | null;
  time_band_names: string[] | null;
}

export interface OrganizationRow {
  id: string;
  slug: string;
  name: string;
  legal_form: string;
  description_it: string;
  tax_code: string | null;
  vat_number: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  is_demo: boolean;
}

export interface LocationRow {
  id: string;
  organization_id: string | null;
  organization_public: boolean;
  kind: 'ente_site' | 'spazio_wemi';
  slug: string | null;
  name: string;
  description_it: string;
  address: string;
  postal_code: string;
  city: string;
  municipio_id: string | null;
  latitude: number | null;
  longitude: number | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  hours_it: string;
  managed_by: string;
}

export interface ServiceAtLocationRow {
  id: string;
  service_id: string;
  location_id: string;
}

export interface TermRow {
  id: string;
  taxonomy_id: string;
  parent_id: string | null;
  code: string;
  slug: string;
  name_it: string;
  description_it: string;
  position: number;
  taxonomy_code: string;
  taxonomy_name: string;
  taxonomy_description: string;
  taxonomy_uri: string | null;
  taxonomy_version: string;
}

export interface TaxonomyRow {
  id: string;
  code: string;
  name_it: string;
  description_it: string;
  uri: string | null;
  version: string;
}

export interface PriceTierRow {
  id: string;
  service_id: string;
  price_list_id: string;
  valid_from: string;
  valid_to: string | null;
  min_units: number;
  notes: string;
  people_min: number;
  people_max: number | null;
  units_min: number;
  units_max: number | null;
  unit_price: number;
}

export interface Page<T> {
  total: number;
  items: T[];
}

// ---------------------------------------------------------------------------------------------------------------
// Shared SQL fragments

/** A location is public when active and either a Spazio WeMi or a site of an active ente. */
const PUBLIC_LOCATION = `(l.active and (l.kind = 'spazio_wemi' or (l.kind = 'ente_site' and exists (
  select 1 from organization lo where lo.id = l.organization_id and lo.status = 'active'))))`;

const LOCATION_COLUMNS = `l.id, l.organization_id,
  coalesce((select lo.status = 'active' from organization lo where lo.id = l.organization_id), false) as organization_public,
  l.kind, l.slug, l.name, l.description_it, l.address, l.postal_code, l.city, l.municipio_id, l.latitude, l.longitude,
  l.email, l.phone, l.website, l.hours_it, l.managed_by`;

/**
 * When a service or anything shown with it last changed: the card, its ente, its places, its price lists.
 * Used both for `last_modified` and for the `modified_after` filter, so they always agree.
 */
const LAST_MODIFIED = `greatest(s.updated_at, o.updated_at,
  (select max(l.updated_at) from service_at_location x join location l on l.id = x.location_id where x.service_id = s.id),
  (select max(pl.created_at) from price_list pl where pl.service_id = s.id))`;

/** Today in Milan (price lists are valid by calendar day). */
const TODAY = `(now() at time zone 'Europe/Rome')::date`;

/**
 * Ids of the services whose terms include one of the terms selected by `baseSql` (active terms) or one of
 * their descendants: a service "has" its direct terms (service type, service_taxonomy, Municipi of service_area)
 * and all their ancestors, exactly the terms listed in its `attributes`.
 */
function servicesWithTerms(baseSql: string): string {
  return `s.id in (
    with recursive d(id) as (
      ${baseSql}
      union select t.id from taxonomy_term t join d on t.parent_id = d.id
    )
    select x.service_id from service_taxonomy x where x.term_id in (select id from d)
    union all select a.service_id from service_area a where a.municipio_id in (select id from d)
    union all select s2.id from service s2 where s2.service_type_id in (select id from d))`;
}

export interface ServiceFilter {
  search?: string | undefined;
  taxonomyTermIds: string[];
  taxonomyIds: string[];
  organizationIds: string[];
  modifiedAfter?: Date | undefined;
}

/** WHERE clause (over `s` = public_service and `o` = its organization) and ORDER BY for a service filter. */
async function serviceConditions(
  db: Db,
  filter: ServiceFilter,
  params: unknown[],
): Promise<{ where: string[]; order: string; rank: string }> {
  const where: string[] = [];
  let order = 's.name, s.id';
  let rank = '0';
  // The very same text search as the site's /servizi page. A text with no searchable words (stop words or
  // punctuation only) filters nothing and keeps the default order, as on the site.
  const match = filter.search ? await serviceTextMatch(db, filter.search, params) : undefined;
  if (match) {
    where.push(`(${match.condition})`);
    rank = match.rank;
    order = `${rank} desc, s.name, s.id`;
  }
  if (filter.taxonomyTermIds.length) {
    params.push(filter.taxonomyTermIds);
    where.push(servicesWithTerms(`select t.id from taxonomy_term t where t.id = any($${params.length}::uuid[]) and t.active`));
  }
  if (filter.taxonomyIds.length) {
    params.push(filter.taxonomyIds);
    where.push(servicesWithTerms(`select t.id from taxonomy_term t where t.taxonomy_id = any($${params.length}::uuid[]) and t.active`));
  }
  if (filter.organizationIds.length) {
    params.push(filter.organizationIds);
    where.push(`s.organization_id = any($${params.length}::uuid[])`);
  }
  if (filter.modifiedAfter) {
    params.push(filter.modifiedAfter.toISOString());
    where.push(`${LAST_MODIFIED} >= $${params.length}::timestamptz`);
  }
  return { where, order, rank };
}

const whereSql = (where: string[]) => (where.length ? `where ${where.join(' and ')}` : '');

async function pageOf(
  db: Queryable,
  idColumn: string,
  from: string,
  where: string[],
  order: string,
  rank: string,
  params: unknown[],
  limit: number,
  offset: number,
): Promise<Page<string>> {
  // The rank goes into the count too: it may hold parameters that the condition does not use.
  const count = await db.one<{ n: number }>(`select count(*)::int as n from (select ${rank} as r ${from} ${whereSql(where)}) q`, params);
  if (count.n === 0 || offset >= count.n) return { total: count.n, items: [] };
  const p = [...params, limit, offset];
  const rows = await db.query<{ id: string }>(
    `select ${idColumn} as id ${from} ${whereSql(where)} order by ${order} limit $${p.length - 1} offset $${p.length}`,
    p,
  );
  return { total: count.n, items: rows.map((r) => r.id) };
}

// ---------------------------------------------------------------------------------------------------------------
// Services

const SERVICE_FROM = 'from public_service s join organization o on o.id = s.organization_id';

export async function findServiceIds(
  db: Db,
  filter: ServiceFilter,
  limit: number,
  offset: number,
): Promise<Page<string>> {
  const params: unknown[] = [];
  const { where, order, rank } = await serviceConditions(db, filter, params);
  return pageOf(db, 's.id', SERVICE_FROM, where, order, rank, params, limit, offset);
}

/** Ids of the public services of some organisations, by name. */
export async function serviceIdsOfOrganizations(db: Queryable, organizationIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!organizationIds.length) return out;
  const rows = await db.query<{ id: string; organization_id: string }>(
    `select s.id, s.organization_id from public_service s where s.organization_id = any($1::uuid[]) order by s.name, s.id`,
    [organizationIds],
  );
  for (const r of rows) {
    const list = out.get(r.organization_id) ?? [];
    list.push(r.id);
    out.set(r.organization_id, list);
  }
  return out;
}

/** Public services by id (missing or hidden ids are simply absent). */
export async function loadServices(db: Queryable, ids: string[]): Promise<Map<string, ServiceRow>> {
  if (!ids.length) return new Map();
  const rows = await db.query<ServiceRow>(
    `select s.id, s.organization_id, s.service_type_id, s.slug, s.name, s.summary_it, s.need_analysis, s.proposed_solution,
       s.staff_activities, s.recipients, s.contact_phone, s.contact_email, s.contact_hours, s.metro_municipalities,
       s.responsible_name, s.responsible_role, s.wait_analysis_days, s.wait_activation_days, s.delivery_places,
       s.delivery_other, s.offer_type, s.price_unit, s.vat_rate, s.custom_quote, s.packages, s.mode, s.min_people,
       s.max_people, s.delivery_from, s.delivery_to, s.is_demo,
       -- Lowest unit price of the current price list (the same list as loadCurrentPrices picks).
       (select min(pt.unit_price) from price_tier pt where pt.price_list_id = (
          select pl.id from price_list pl
          where pl.service_id = s.id and pl.valid_from <= ${TODAY} and (pl.valid_to is null or pl.valid_to >= ${TODAY})
          order by pl.valid_from desc, pl.created_at desc, pl.id limit 1)) as price_from,
       ${LAST_MODIFIED} as last_modified,
       (select array_agg(a.municipio_id::text order by t.position, t.name_it)
          from service_area a join taxonomy_term t on t.id = a.municipio_id
          where a.service_id = s.id and t.active) as area_ids,
       (select array_agg(t.name_it order by t.position, t.name_it)
          from service_taxonomy x join taxonomy_term t on t.id = x.term_id join taxonomy tx on tx.id = t.taxonomy_id
          where x.service_id = s.id and tx.code = 'target_group' and t.active) as target_names,
       (select array_agg(t.name_it order by t.position, t.name_it)
          from service_taxonomy x join taxonomy_term t on t.id = x.term_id join taxonomy tx on tx.id = t.taxonomy_id
          where x.service_id = s.id and tx.code = 'time_band' and t.active) as time_band_names
     ${SERVICE_FROM}
     where s.id = any($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** The terms of each service: direct ones (type, service_taxonomy, Municipi) and all their ancestors. */
export async function loadServiceTermIds(db: Queryable, serviceIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!serviceIds.length) return out;
  const rows = await db.query<{ service_id: string; term_id: string }>(
    `with recursive direct(service_id, term_id) as (
       select s.id, s.service_type_id from service s where s.id = any($1::uuid[])
       union select x.service_id, x.term_id from service_taxonomy x where x.service_id = any($1::uuid[])
       union select a.service_id, a.municipio_id from service_area a where a.service_id = any($1::uuid[])
     ), anc(service_id, term_id) as (
       select service_id, term_id from direct
       union select anc.service_id, t.parent_id from anc join taxonomy_term t on t.id = anc.term_id where t.parent_id is not null
     )
     select anc.service_id, anc.term_id from anc join taxonomy_term t on t.id = anc.term_id
     where t.active
     order by anc.service_id, t.position, t.name_it`,
    [serviceIds],
  );
  for (const r of rows) {
    const list = out.get(r.service_id) ?? [];
    list.push(r.term_id);
    out.set(r.service_id, list);
  }
  return out;
}

/** The tiers of the price list valid today (the most recent one if several overlap). */
export async function loadCurrentPrices(db: Queryable, serviceIds: string[]): Promise<Map<string, PriceTierRow[]>> {
  const out = new Map<string, PriceTierRow[]>();
  if (!serviceIds.length) return out;
  const rows = await db.query<PriceTierRow>(
    `with cur as (
       select distinct on (pl.service_id) pl.id, pl.service_id, pl.valid_from, pl.valid_to, pl.min_units, pl.notes
       from price_list pl
       where pl.service_id = any($1::uuid[]) and pl.valid_from <= ${TODAY} and (pl.valid_to is null or pl.valid_to >= ${TODAY})
       order by pl.service_id, pl.valid_from desc, pl.created_at desc, pl.id
     )
     select pt.id, cur.service_id, cur.id as price_list_id, cur.valid_from, cur.valid_to, cur.min_units, cur.notes,
       pt.people_min, pt.people_max, pt.units_min, pt.units_max, pt.unit_price
     from cur join price_tier pt on pt.price_list_id = cur.id
     order by cur.service_id, pt.people_min, pt.units_min, pt.unit_price, pt.id`,
    [serviceIds],
  );
  for (const r of rows) {
    const list = out.get(r.service_id) ?? [];
    list.push(r);
    out.set(r.service_id, list);
  }
  return out;
}

/** Public places of each service (service_at_location rows whose location is public). */
export async function loadServiceAtLocationsOfServices(
  db: Queryable,
  serviceIds: string[],
): Promise<Map<string, ServiceAtLocationRow[]>> {
  const out = new Map<string, ServiceAtLocationRow[]>();
  if (!serviceIds.length) return out;
  const rows = await db.query<ServiceAtLocationRow>(
    `select x.id, x.service_id, x.location_id
     from service_at_location x join location l on l.id = x.location_id
     where x.service_id = any($1::uuid[]) and ${PUBLIC_LOCATION}
     order by x.service_id, l.kind desc, l.name, x.id`,
    [serviceIds],
  );
  for (const r of rows) {
    const list = out.get(r.service_id) ?? [];
    list.push(r);
    out.set(r.service_id, list);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Service at location

export interface ServiceAtLocationFilter extends ServiceFilter {
  postcode?: string | undefined;
}

const SAL_FROM = `from service_at_location x
  join public_service s on s.id = x.service_id
  join organization o on o.id = s.organization_id
  join location l on l.id = x.location_id`;

export async function findServiceAtLocationIds(
  db: Db,
  filter: ServiceAtLocationFilter,
  limit: number,
  offset: number,
): Promise<Page<string>> {
  const params: unknown[] = [];
  const { where, order, rank } = await serviceConditions(db, filter, params);
  where.push(PUBLIC_LOCATION);
  if (filter.postcode) {
    params.push(filter.postcode);
    where.push(`l.postal_code = $${params.length}`);
  }
  return pageOf(db, 'x.id', SAL_FROM, where, `${order.replace(/, s\.id$/, '')}, l.name, x.id`, rank, params, limit, offset);
}

/** Public service_at_location rows by id (both the service and the place must be public). */
export async function loadServiceAtLocations(db: Queryable, ids: string[]): Promise<Map<string, ServiceAtLocationRow>> {
  if (!ids.length) return new Map();
  const rows = await db.query<ServiceAtLocationRow>(
    `select x.id, x.service_id, x.location_id ${SAL_FROM} where x.id = any($1::uuid[]) and ${PUBLIC_LOCATION}`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

// ---------------------------------------------------------------------------------------------------------------
// Locations

export async function loadLocations(db: Queryable, ids: string[]): Promise<Map<string, LocationRow>> {
  if (!ids.length) return new Map();
  const rows = await db.query<LocationRow>(
    `select ${LOCATION_COLUMNS} from location l where l.id = any($1::uuid[]) and ${PUBLIC_LOCATION}`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Places where each organisation operates: its own sites and the Spazi WeMi it is linked to. */
export async function locationIdsOfOrganizations(db: Queryable, organizationIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!organizationIds.length) return out;
  const rows = await db.query<{ organization_id: string; id: string }>(
    `select q.organization_id, l.id from (
       select l.organization_id, l.id from location l where l.organization_id = any($1::uuid[])
       union select os.organization_id, os.location_id from organization_spazio os where os.organization_id = any($1::uuid[])
     ) q join location l on l.id = q.id
     where ${PUBLIC_LOCATION}
     order by q.organization_id, l.kind, l.name, l.id`,
    [organizationIds],
  );
  for (const r of rows) {
    const list = out.get(r.organization_id) ?? [];
    list.push(r.id);
    out.set(r.organization_id, list);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Organizations

const ORGANIZATION_COLUMNS = `o.id, o.slug, o.name, o.legal_form, o.description_it, o.tax_code, o.vat_number, o.email,
  o.phone, o.website, o.is_demo`;

export async function loadOrganizations(db: Queryable, ids: string[]): Promise<Map<string, OrganizationRow>> {
  if (!ids.length) return new Map();
  const rows = await db.query<OrganizationRow>(
    `select ${ORGANIZATION_COLUMNS} from organization o where o.id = any($1::uuid[]) and o.status = 'active'`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findOrganizationIds(
  db: Queryable,
  filter: { search?: string | undefined },
  limit: number,
  offset: number,
): Promise<Page<string>> {
  const params: unknown[] = [];
  const where = [`o.status = 'active'`];
  if (filter.search) {
    params.push(filter.search);
    where.push(`strpos(wemi_norm(o.name || ' ' || o.description_it), wemi_norm($${params.length})) > 0`);
  }
  const p = [...params, limit, offset];
  const count = await db.one<{ n: number }>(`select count(*)::int as n from organization o where ${where.join(' and ')}`, params);
  const rows = await db.query<{ id: string }>(
    `select o.id from organization o where ${where.join(' and ')} order by o.name, o.id limit $${p.length - 1} offset $${p.length}`,
    p,
  );
  return { total: count.n, items: rows.map((r) => r.id) };
}

// ---------------------------------------------------------------------------------------------------------------
// Taxonomies and terms

const TERM_COLUMNS = `t.id, t.taxonomy_id, t.parent_id, t.code, t.slug, t.name_it, t.description_it, t.position,
  tx.code as taxonomy_code, tx.name_it as taxonomy_name, tx.description_it as taxonomy_description,
  tx.uri as taxonomy_uri, tx.version as taxonomy_version`;

/** Active terms by id. */
export async function loadTerms(db: Queryable, ids: string[]): Promise<Map<string, TermRow>> {
  if (!ids.length) return new Map();
  const rows = await db.query<TermRow>(
    `select ${TERM_COLUMNS} from taxonomy_term t join taxonomy tx on tx.id = t.taxonomy_id
     where t.id = any($1::uuid[]) and t.active`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export interface TermFilter {
  search?: string | undefined;
  taxonomyIds: string[];
  parentIds: string[];
  topOnly: boolean;
}

export async function findTerms(db: Queryable, filter: TermFilter, limit: number, offset: number): Promise<Page<TermRow>> {
  const params: unknown[] = [];
  const where = ['t.active'];
  if (filter.search) {
    params.push(filter.search);
    where.push(`strpos(wemi_norm(t.name_it || ' ' || t.code || ' ' || array_to_string(t.synonyms, ' ')), wemi_norm($${params.length})) > 0`);
  }
  if (filter.taxonomyIds.length) {
    params.push(filter.taxonomyIds);
    where.push(`t.taxonomy_id = any($${params.length}::uuid[])`);
  }
  if (filter.parentIds.length) {
    params.push(filter.parentIds);
    where.push(`t.parent_id = any($${params.length}::uuid[])`);
  }
  if (filter.topOnly) where.push('t.parent_id is null');
  const from = `from taxonomy_term t join taxonomy tx on tx.id = t.taxonomy_id where ${where.join(' and ')}`;
  const count = await db.one<{ n: number }>(`select count(*)::int as n ${from}`, params);
  const p = [...params, limit, offset];
  const rows = count.n
    ? await db.query<TermRow>(
        `select ${TERM_COLUMNS} ${from} order by tx.code, t.position, t.name_it, t.id limit $${p.length - 1} offset $${p.length}`,
        p,
      )
    : [];
  return { total: count.n, items: rows };
}

const TAXONOMY_COLUMNS = 'x.id, x.code, x.name_it, x.description_it, x.uri, x.version';

export async function findTaxonomies(
  db: Queryable,
  filter: { search?: string | undefined },
  limit: number,
  offset: number,
): Promise<Page<TaxonomyRow>> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.search) {
    params.push(filter.search);
    where.push(`strpos(wemi_norm(x.name_it || ' ' || x.code || ' ' || x.description_it), wemi_norm($${params.length})) > 0`);
  }
  const from = `from taxonomy x ${whereSql(where)}`;
  const count = await db.one<{ n: number }>(`select count(*)::int as n ${from}`, params);
  const p = [...params, limit, offset];
  const rows = count.n
    ? await db.query<TaxonomyRow>(
        `select ${TAXONOMY_COLUMNS} ${from} order by x.name_it, x.id limit $${p.length - 1} offset $${p.length}`,
        p,
      )
    : [];
  return { total: count.n, items: rows };
}

export async function loadTaxonomy(db: Queryable, id: string): Promise<TaxonomyRow | undefined> {
  return db.maybeOne<TaxonomyRow>(`select ${TAXONOMY_COLUMNS} from taxonomy x where x.id = $1`, [id]);
}
