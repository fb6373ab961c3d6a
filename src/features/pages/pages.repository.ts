import type { Queryable } from '../../db/database';

// What the site map lists from the database: sections with their categories, Spazi WeMi, City services.

export interface SitemapTermRow {
  id: string;
  parent_id: string | null;
  slug: string;
  name_it: string;
  name_en: string;
}

export async function loadSitemapTerms(db: Queryable, taxonomyCode: 'section' | 'category'): Promise<SitemapTermRow[]> {
  return db.query<SitemapTermRow>(
    `select t.id, t.parent_id, t.slug, t.name_it, t.name_en
       from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id
      where x.code = $1 and t.active
      order by t.position, t.name_it`,
    [taxonomyCode],
  );
}

export interface SitemapSpazioRow {
  slug: string;
  name: string;
  municipio: number | null;
}

export async function loadSitemapSpazi(db: Queryable): Promise<SitemapSpazioRow[]> {
  return db.query<SitemapSpazioRow>(
    `select l.slug, l.name, m.position as municipio
       from location l left join taxonomy_term m on m.id = l.municipio_id
      where l.kind = 'spazio_wemi' and l.active and l.slug is not null
      order by coalesce(m.position, 99), l.name`,
  );
}

export interface SitemapCityServiceRow {
  slug: string;
  name_it: string;
  name_en: string;
}

export async function loadSitemapCityServices(db: Queryable): Promise<SitemapCityServiceRow[]> {
  return db.query<SitemapCityServiceRow>(`select slug, name_it, name_en from city_service order by position, name_it`);
}
