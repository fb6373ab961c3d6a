import type { Queryable } from '../../db/database';

// SQL of the topics: the active catalogue categories named by a topic, each with its number of public services
// (a service's category is the parent of its service type; public services are those of the view public_service).

export interface TopicCategoryRow {
  code: string;
  slug: string;
  name_it: string;
  name_en: string;
  description_it: string;
  description_en: string;
  icon: string | null;
  services: number;
}

export async function listTopicCategories(db: Queryable, codes: readonly string[]): Promise<TopicCategoryRow[]> {
  return db.query<TopicCategoryRow>(
    `select t.code, t.slug, t.name_it, t.name_en, t.description_it, t.description_en, t.icon,
            (select count(*) from public_service s join taxonomy_term st on st.id = s.service_type_id
              where st.parent_id = t.id)::int as services
       from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id
      where x.code = 'category' and t.active and t.code = any($1::text[])`,
    [codes],
  );
}
