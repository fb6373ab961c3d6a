import type { Queryable } from '../../db/database';

// SQL of the Spazi WeMi feature. A Spazio WeMi is a `location` of kind 'spazio_wemi' with a status (migration 0011):
// confirmed and unconfirmed ones are public, archived ones are not listed (their page says they are archived).

export const SPAZIO_STATUSES = ['confirmed', 'unconfirmed', 'archived'] as const;
export type SpazioStatus = (typeof SPAZIO_STATUSES)[number];

/** One time range of the opening hours: ISO weekday (1 Monday … 7 Sunday), "HH:MM". */
export interface OpeningRange {
  weekday: number;
  opens: string;
  closes: string;
}

export interface SpazioRow {
  id: string;
  slug: string;
  name: string;
  description_it: string;
  description_en: string;
  address: string;
  postal_code: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  hours_it: string;
  hours_en: string;
  managed_by: string;
  is_demo: boolean;
  status: SpazioStatus;
  /** Opening hours, ordered by weekday and time. */
  opening_hours: OpeningRange[];
  hours_updated_at: Date | string | null;
  /** Municipio number (1–9), from the term's position; null when the Spazio has no Municipio. */
  municipio: number | null;
  org_slug: string | null;
  org_name: string | null;
}

export interface SpazioOrganizationRow {
  id: string;
  slug: string;
  name: string;
  description_it: string;
  description_en: string;
  is_demo: boolean;
}

export interface SpazioServiceRow {
  id: string;
  slug: string;
  name: string;
  summary_it: string;
  summary_en: string;
  offer_type: 'free_public' | 'free_volunteer' | 'paid';
  price_from: number | null;
  price_unit: string;
  custom_quote: boolean;
  is_demo: boolean;
  org_slug: string;
  org_name: string;
  type_name_it: string;
  type_name_en: string;
}

const SPAZIO_COLUMNS = `
  l.id, l.slug, l.name, l.description_it, l.description_en, l.address, l.postal_code, l.city,
  l.latitude, l.longitude, l.email, l.phone, l.website, l.hours_it, l.hours_en, l.managed_by, l.is_demo,
  l.spazio_status as status, l.hours_updated_at,
  coalesce((select json_agg(json_build_object('weekday', h.weekday, 'opens', to_char(h.opens, 'HH24:MI'),
                                              'closes', to_char(h.closes, 'HH24:MI')) order by h.weekday, h.opens)
              from spazio_opening_hours h where h.location_id = l.id), '[]'::json) as opening_hours,
  mt.position as municipio,
  case when o.status = 'active' then o.slug end as org_slug,
  case when o.status = 'active' then o.name end as org_name`;

const SPAZIO_FROM = `
  from location l
  left join taxonomy_term mt on mt.id = l.municipio_id
  left join organization o on o.id = l.organization_id
  where l.kind = 'spazio_wemi'`;

const PUBLIC = ` and l.spazio_status in ('confirmed', 'unconfirmed')`;

/** Public Spazi WeMi (confirmed and unconfirmed), optionally of some Municipi, ordered by Municipio then name. */
export async function listSpazi(db: Queryable, municipi?: readonly number[]): Promise<SpazioRow[]> {
  const filter = municipi ? ' and mt.position = any($1::int[])' : '';
  return db.query<SpazioRow>(
    `select ${SPAZIO_COLUMNS} ${SPAZIO_FROM}${PUBLIC}${filter}
     order by mt.position nulls last, l.name, l.slug`,
    municipi ? [municipi] : [],
  );
}

/** A Spazio WeMi by slug, whatever its status (an archived one answers 410 on its page). */
export async function findSpazio(db: Queryable, slug: string): Promise<SpazioRow | undefined> {
  return db.maybeOne<SpazioRow>(`select ${SPAZIO_COLUMNS} ${SPAZIO_FROM} and l.slug = $1`, [slug]);
}

/** Active enti linked to a Spazio WeMi. */
export async function listSpazioOrganizations(db: Queryable, locationId: string): Promise<SpazioOrganizationRow[]> {
  return db.query<SpazioOrganizationRow>(
    `select o.id, o.slug, o.name, o.description_it, o.description_en, o.is_demo
     from organization_spazio os
     join organization o on o.id = os.organization_id
     where os.location_id = $1 and o.status = 'active'
     order by o.name, o.slug`,
    [locationId],
  );
}

/** Public services delivered at a Spazio WeMi. */
export async function listSpazioServices(db: Queryable, locationId: string): Promise<SpazioServiceRow[]> {
  return db.query<SpazioServiceRow>(
    `select s.id, s.slug, s.name, s.summary_it, s.summary_en, s.offer_type, s.price_from, s.price_unit,
            s.custom_quote, s.is_demo, o.slug as org_slug, o.name as org_name,
            st.name_it as type_name_it, st.name_en as type_name_en
     from service_at_location sal
     join public_service s on s.id = sal.service_id
     join organization o on o.id = s.organization_id
     join taxonomy_term st on st.id = s.service_type_id
     where sal.location_id = $1
     order by s.name, s.slug`,
    [locationId],
  );
}
