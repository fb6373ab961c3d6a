import type { Queryable } from '../../db/database';
import { serviceRatingColumns } from '../reviews/public/reviews-public.repository';

// SQL of the public service card. Visibility is decided in one place: the `public_service` view
// (published card of an active ente). Everything else about a card is loaded by its id.

export interface TermRow {
  id: string;
  taxonomy: string;
  code: string;
  slug: string;
  name_it: string;
  name_en: string;
  description_it: string;
  description_en: string;
  position: number;
}

export interface ServiceRow {
  id: string;
  slug: string;
  name: string;
  summary_it: string;
  summary_en: string;
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
  staff: unknown;
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
  published_at: Date | null;
  price_from: number | null;
  /** From the card's reviews (reviews/public: the one definition of a rating). */
  rating_avg: number | null;
  rating_count: number;
  is_demo: boolean;
  updated_at: Date;
  // Ente
  org_id: string;
  org_slug: string;
  org_name: string;
  org_legal_form: string;
  org_email: string | null;
  org_pec: string | null;
  org_phone: string | null;
  org_website: string | null;
  org_is_demo: boolean;
  // Service type, category, section
  type_code: string;
  type_slug: string;
  type_name_it: string;
  type_name_en: string;
  type_description_it: string;
  type_description_en: string;
  cat_code: string | null;
  cat_slug: string | null;
  cat_name_it: string | null;
  cat_name_en: string | null;
  sec_code: string | null;
  sec_slug: string | null;
  sec_name_it: string | null;
  sec_name_en: string | null;
}

export interface LocationRow {
  id: string;
  kind: 'ente_site' | 'spazio_wemi' | 'city_office';
  slug: string | null;
  name: string;
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
  municipio_slug: string | null;
  municipio_name_it: string | null;
  municipio_name_en: string | null;
  municipio_position: number | null;
  is_demo: boolean;
}

export interface PriceListRow {
  id: string;
  valid_from: string;
  valid_to: string | null;
  min_units: number;
  notes: string;
}

export interface PriceTierRow {
  price_list_id: string;
  people_min: number;
  people_max: number | null;
  units_min: number;
  units_max: number | null;
  unit_price: number;
}

export interface ServiceBundle {
  service: ServiceRow;
  terms: TermRow[];
  municipi: TermRow[];
  locations: LocationRow[];
  /** The ente's own sites, shown when the card names none but is delivered at the ente. */
  orgSites: LocationRow[];
  priceLists: PriceListRow[];
  tiers: PriceTierRow[];
}

const SERVICE_SELECT = `
  select s.id, s.slug, s.name, s.summary_it, s.summary_en, s.need_analysis, s.proposed_solution, s.staff_activities,
         s.recipients, s.contact_phone, s.contact_email, s.contact_hours, s.metro_municipalities,
         s.responsible_name, s.responsible_role, s.wait_analysis_days, s.wait_activation_days,
         s.delivery_places, s.delivery_other, s.staff, s.offer_type, s.price_unit, s.vat_rate, s.custom_quote,
         s.packages, s.mode, s.min_people, s.max_people, s.delivery_from, s.delivery_to, s.published_at,
         s.price_from, ${serviceRatingColumns('s')}, s.is_demo, s.updated_at,
         o.id as org_id, o.slug as org_slug, o.name as org_name, o.legal_form as org_legal_form,
         o.email as org_email, o.pec as org_pec, o.phone as org_phone, o.website as org_website,
         o.is_demo as org_is_demo,
         st.code as type_code, st.slug as type_slug, st.name_it as type_name_it, st.name_en as type_name_en,
         st.description_it as type_description_it, st.description_en as type_description_en,
         cat.code as cat_code, cat.slug as cat_slug, cat.name_it as cat_name_it, cat.name_en as cat_name_en,
         sec.code as sec_code, sec.slug as sec_slug, sec.name_it as sec_name_it, sec.name_en as sec_name_en
  from {source} s
  join organization o on o.id = s.organization_id
  join taxonomy_term st on st.id = s.service_type_id
  left join taxonomy_term cat on cat.id = st.parent_id
  left join taxonomy_term sec on sec.id = cat.parent_id`;

const LOCATION_SELECT = `
  select l.id, l.kind, l.slug, l.name, l.address, l.postal_code, l.city, l.latitude, l.longitude, l.email, l.phone,
         l.website, l.hours_it, l.hours_en, l.is_demo,
         m.slug as municipio_slug, m.name_it as municipio_name_it, m.name_en as municipio_name_en,
         m.position as municipio_position
  from location l
  left join taxonomy_term m on m.id = l.municipio_id`;

/**
 * A public service card with everything its page shows, or undefined when it is not public.
 * `includeNotPublic` also loads a card that is not public (draft, ente not active): the back office's preview
 * applies a revision inside a transaction and renders the result with the public page.
 */
export async function findPublicServiceBySlug(
  db: Queryable,
  slug: string,
  opts: { includeNotPublic?: boolean } = {},
): Promise<ServiceBundle | undefined> {
  const select = SERVICE_SELECT.replace('{source}', opts.includeNotPublic ? 'service' : 'public_service');
  const service = await db.maybeOne<ServiceRow>(`${select} where s.slug = $1`, [slug]);
  if (!service) return undefined;
  const [terms, municipi, locations, orgSites, priceLists] = await Promise.all([
    db.query<TermRow>(
      `select t.id, tx.code as taxonomy, t.code, t.slug, t.name_it, t.name_en, t.description_it, t.description_en, t.position
       from service_taxonomy x
       join taxonomy_term t on t.id = x.term_id
       join taxonomy tx on tx.id = t.taxonomy_id
       where x.service_id = $1 and t.active
       order by tx.code, t.position, t.name_it`,
      [service.id],
    ),
    db.query<TermRow>(
      `select t.id, 'municipio' as taxonomy, t.code, t.slug, t.name_it, t.name_en, t.description_it, t.description_en, t.position
       from service_area a join taxonomy_term t on t.id = a.municipio_id
       where a.service_id = $1
       order by t.position, t.name_it`,
      [service.id],
    ),
    db.query<LocationRow>(
      `${LOCATION_SELECT}
       join service_at_location sal on sal.location_id = l.id
       where sal.service_id = $1 and l.active
       order by case l.kind when 'ente_site' then 0 when 'city_office' then 1 else 2 end, l.name`,
      [service.id],
    ),
    db.query<LocationRow>(
      `${LOCATION_SELECT}
       where l.organization_id = $1 and l.kind = 'ente_site' and l.active
       order by l.name`,
      [service.org_id],
    ),
    // Price lists valid today (Europe/Rome calendar day).
    db.query<PriceListRow>(
      `select pl.id, pl.valid_from, pl.valid_to, pl.min_units, pl.notes
       from price_list pl
       where pl.service_id = $1
         and pl.valid_from <= (now() at time zone 'Europe/Rome')::date
         and (pl.valid_to is null or pl.valid_to >= (now() at time zone 'Europe/Rome')::date)
       order by pl.valid_from desc, pl.created_at desc`,
      [service.id],
    ),
  ]);
  const tiers =
    priceLists.length === 0
      ? []
      : await db.query<PriceTierRow>(
          `select pt.price_list_id, pt.people_min, pt.people_max, pt.units_min, pt.units_max, pt.unit_price
           from price_tier pt
           where pt.price_list_id = any($1::uuid[])
           order by pt.people_min, pt.units_min, pt.unit_price`,
          [priceLists.map((p) => p.id)],
        );
  return { service, terms, municipi, locations, orgSites, priceLists, tiers };
}

/** A card of an active ente out of the catalogue by control (suspended or withdrawn by the City, offline by its ente). */
export interface GoneServiceRow {
  name: string;
  org_name: string;
  org_slug: string;
  type_slug: string | null;
}

/** The card of `slug` when it left the catalogue by control (its public page answers 410), else undefined. */
export async function findGoneServiceBySlug(db: Queryable, slug: string): Promise<GoneServiceRow | undefined> {
  return db.maybeOne<GoneServiceRow>(
    `select s.name, o.name as org_name, o.slug as org_slug, case when st.active then st.slug end as type_slug
       from service s
       join organization o on o.id = s.organization_id
       join taxonomy_term st on st.id = s.service_type_id
      where s.slug = $1 and s.status in ('suspended', 'archived', 'offline') and o.status = 'active'`,
    [slug],
  );
}
