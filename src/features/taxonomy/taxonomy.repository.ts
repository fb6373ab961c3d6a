import type { Queryable } from '../../db/database';

// SQL of the taxonomy feature: sections, categories, service types and every vocabulary.
// A service's category is the parent of its service type; public services are those of the view public_service.

export interface TermRow {
  id: string;
  code: string;
  slug: string;
  name_it: string;
  name_en: string;
  description_it: string;
  description_en: string;
  icon: string | null;
  position: number;
  parent_id: string | null;
}

export interface CountedTermRow extends TermRow {
  services: number;
}

export interface OfferingOrganizationRow {
  id: string;
  slug: string;
  name: string;
  is_demo: boolean;
  services: number;
}

export interface VocabularyRow {
  id: string;
  code: string;
  name_it: string;
  name_en: string;
  description_it: string;
  description_en: string;
  uri: string | null;
  version: string;
}

export interface VocabularyTermRow extends TermRow {
  taxonomy_id: string;
  parent_code: string | null;
  parent_slug: string | null;
}

const TERM_COLUMNS = `t.id, t.code, t.slug, t.name_it, t.name_en, t.description_it, t.description_en, t.icon, t.position, t.parent_id`;

/** An active term of a vocabulary (e.g. 'section', 'category') by slug. */
export async function findTerm(db: Queryable, taxonomyCode: string, slug: string): Promise<TermRow | undefined> {
  return db.maybeOne<TermRow>(
    `select ${TERM_COLUMNS}
     from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id
     where x.code = $1 and t.slug = $2 and t.active`,
    [taxonomyCode, slug],
  );
}

export async function findTermById(db: Queryable, id: string): Promise<TermRow | undefined> {
  return db.maybeOne<TermRow>(`select ${TERM_COLUMNS} from taxonomy_term t where t.id = $1`, [id]);
}

/** Active categories of a section, each with the number of public services whose service type it parents. */
export async function listCategoriesWithCounts(db: Queryable, sectionId: string): Promise<CountedTermRow[]> {
  return db.query<CountedTermRow>(
    `select ${TERM_COLUMNS},
            (select count(*) from public_service s join taxonomy_term st on st.id = s.service_type_id
             where st.parent_id = t.id)::int as services
     from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id
     where x.code = 'category' and t.parent_id = $1 and t.active
     order by t.position, t.name_it`,
    [sectionId],
  );
}

/** Active service types of a category, each with its number of public services. */
export async function listServiceTypesWithCounts(db: Queryable, categoryId: string): Promise<CountedTermRow[]> {
  return db.query<CountedTermRow>(
    `select ${TERM_COLUMNS},
            (select count(*) from public_service s where s.service_type_id = t.id)::int as services
     from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id
     where x.code = 'service_type' and t.parent_id = $1 and t.active
     order by t.position, t.name_it`,
    [categoryId],
  );
}

/** Number of public services in a category (every service type under it, active or not). */
export async function countCategoryServices(db: Queryable, categoryId: string): Promise<number> {
  const row = await db.one<{ n: number }>(
    `select count(*)::int as n from public_service s join taxonomy_term st on st.id = s.service_type_id
     where st.parent_id = $1`,
    [categoryId],
  );
  return row.n;
}

/** Active enti with public services in a category, with how many. */
export async function listCategoryOrganizations(db: Queryable, categoryId: string): Promise<OfferingOrganizationRow[]> {
  return db.query<OfferingOrganizationRow>(
    `select o.id, o.slug, o.name, o.is_demo, count(*)::int as services
     from public_service s
     join taxonomy_term st on st.id = s.service_type_id
     join organization o on o.id = s.organization_id
     where st.parent_id = $1
     group by o.id, o.slug, o.name, o.is_demo
     order by o.name, o.slug`,
    [categoryId],
  );
}

export async function listVocabularies(db: Queryable): Promise<VocabularyRow[]> {
  return db.query<VocabularyRow>(
    `select id, code, name_it, name_en, description_it, description_en, uri, version from taxonomy order by code`,
  );
}

/** Every active term of every vocabulary, with its parent's code and slug. */
export async function listVocabularyTerms(db: Queryable): Promise<VocabularyTermRow[]> {
  return db.query<VocabularyTermRow>(
    `select ${TERM_COLUMNS}, t.taxonomy_id, p.code as parent_code, p.slug as parent_slug
     from taxonomy_term t left join taxonomy_term p on p.id = t.parent_id
     where t.active
     order by t.taxonomy_id, t.position, t.name_it, t.code`,
  );
}
