import type { Queryable } from '../../db/database';

// Everything the home page reads: public counters, sections and categories with their number of public
// services, a few Spazi WeMi and how many there are in each Municipio.

export interface StatsRow {
  services: number;
  organizations: number;
  operators: number;
  citizens: number;
}

/** The four public counters: public services, active enti, their declared operators, registered citizens. */
export async function loadStats(db: Queryable): Promise<StatsRow> {
  return db.one<StatsRow>(
    `select (select count(*) from public_service)::int as services,
            (select count(*) from organization where status = 'active')::int as organizations,
            (select coalesce(sum(operators_count), 0) from organization where status = 'active')::int as operators,
            (select count(*) from app_user where kind = 'citizen')::int as citizens`,
  );
}

/** Registered citizens: the one counter that does not depend on the catalogue (read live, it is cheap). */
export async function countCitizens(db: Queryable): Promise<number> {
  return (await db.one<{ n: number }>(`select count(*)::int as n from app_user where kind = 'citizen'`)).n;
}

export interface TermRow {
  id: string;
  parent_id: string | null;
  code: string;
  slug: string;
  name_it: string;
  name_en: string;
  description_it: string;
  description_en: string;
  icon: string | null;
  position: number;
}

const TERMS = `
  select t.id, t.parent_id, t.code, t.slug, t.name_it, t.name_en, t.description_it, t.description_en, t.icon, t.position
    from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id
   where x.code = $1 and t.active`;

/** Active terms of one taxonomy ('section', 'category'), in their order. */
export async function loadTerms(db: Queryable, taxonomyCode: 'section' | 'category'): Promise<TermRow[]> {
  return db.query<TermRow>(`${TERMS} order by t.position, t.name_it`, [taxonomyCode]);
}

/** Number of public services per category (a service's category is its service type's parent). */
export async function countServicesByCategory(db: Queryable): Promise<Map<string, number>> {
  const rows = await db.query<{ category_id: string; n: number }>(
    `select st.parent_id as category_id, count(*)::int as n
       from public_service s join taxonomy_term st on st.id = s.service_type_id
      where st.parent_id is not null
      group by st.parent_id`,
  );
  return new Map(rows.map((r) => [r.category_id, r.n]));
}

export interface SpazioRow {
  slug: string;
  name: string;
  address: string;
  postal_code: string;
  city: string;
  municipio: number | null;
}

/** One Spazio WeMi for each of the first Municipi (a spread sample for the home page). */
export async function loadSpaziSample(db: Queryable, limit: number): Promise<SpazioRow[]> {
  return db.query<SpazioRow>(
    `select slug, name, address, postal_code, city, municipio from (
       select distinct on (coalesce(m.position, 99)) l.slug, l.name, l.address, l.postal_code, l.city, m.position as municipio
         from location l left join taxonomy_term m on m.id = l.municipio_id
        where l.kind = 'spazio_wemi' and l.active
        order by coalesce(m.position, 99), l.name
     ) x order by coalesce(municipio, 99), name limit $1`,
    [limit],
  );
}

/** Active Spazi WeMi per Municipio number (1–9). */
export async function countSpaziByMunicipio(db: Queryable): Promise<Map<number, number>> {
  const rows = await db.query<{ municipio: number; n: number }>(
    `select m.position as municipio, count(*)::int as n
       from location l join taxonomy_term m on m.id = l.municipio_id
      where l.kind = 'spazio_wemi' and l.active
      group by m.position`,
  );
  return new Map(rows.map((r) => [r.municipio, r.n]));
}
