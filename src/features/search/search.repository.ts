import type { Queryable } from '../../db/database';

// SQL of the search. Every value is a parameter; the only SQL put together here is made of fixed
// fragments chosen by which filters are active.

export interface TermRow {
  id: string;
  taxonomy: string;
  code: string;
  slug: string;
  name_it: string;
  name_en: string;
  parent_id: string | null;
  position: number;
  synonyms: string[];
  active: boolean;
}

export function loadTerms(db: Queryable): Promise<TermRow[]> {
  return db.query<TermRow>(
    `select t.id, x.code as taxonomy, t.code, t.slug, t.name_it, t.name_en, t.parent_id, t.position, t.synonyms, t.active
       from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id
      where x.code in ('section', 'category', 'service_type', 'target_group', 'time_band', 'municipio')
      order by x.code, t.position, t.name_it`,
  );
}

/**
 * Synonym groups expanded at query time: the curated search_synonym table only. The synonyms of taxonomy
 * terms are not equivalences between words: refresh_service_search() already puts them in the search document
 * of each card of the term (a card of type "Assistenza familiare (badante)" matches "badante"), whereas
 * expanding a term's name and synonyms into one group would make every broad synonym of a category
 * ("assistenza", "cura della persona") stand for all the others.
 */
export async function loadSynonymGroups(db: Queryable): Promise<string[][]> {
  const rows = await db.query<{ terms: string[] }>('select terms from search_synonym order by id');
  return rows.map((r) => r.terms);
}

/** to_tsquery('italian', …) of each text, as tsquery text (stemmed): a search can then pass it as a constant. */
export async function parseTsqueries(db: Queryable, texts: string[]): Promise<string[]> {
  const rows = await db.query<{ q: string }>(
    `select to_tsquery('italian', t)::text as q from unnest($1::text[]) with ordinality as u(t, i) order by i`,
    [texts],
  );
  return rows.map((r) => r.q);
}

/** Which of these (normalised) words are Italian stop words. */
export async function stopWordsAmong(db: Queryable, words: string[]): Promise<string[]> {
  if (words.length === 0) return [];
  const rows = await db.query<{ w: string }>(
    `select w from unnest($1::text[]) as w where length(to_tsvector('italian', w)) = 0`,
    [words],
  );
  return rows.map((r) => r.w);
}

export interface TokenCheck {
  i: number;
  /** An Italian stop word ("di", "della", "per"…): takes no part in matching. */
  stop: boolean;
  /** Some published card contains the word (in any inflection). */
  matches: boolean;
  /** The word is the start of longer words of the vocabulary (only asked for the last word). */
  prefix_of: boolean;
  /** Closest vocabulary word by trigram similarity, when the word matches nothing. */
  correction: string | null;
}

/**
 * One query for all the words of a search: does each word match any card; is the last one the start of a
 * longer word; and, for words that match nothing, the closest word of the vocabulary (pg_trgm).
 */
export function checkTokens(db: Queryable, tokens: string[], tsqueries: string[], lastCanBePrefix: boolean): Promise<TokenCheck[]> {
  return db.query<TokenCheck>(
    `with t as (
       select tok, q, i::int as i from unnest($1::text[], $2::text[]) with ordinality as u(tok, q, i)
     ), st as (
       select t.*, length(to_tsvector('italian', t.tok)) = 0 as stop from t
     ), c as (
       select st.*,
              (case when st.stop then false
                    else exists (select 1 from service s where s.status = 'published' and s.search_tsv @@ to_tsquery('italian', st.q)) end) as matches,
              (not st.stop and $3 and st.i = cardinality($1::text[]) and length(st.tok) >= 3
                and exists (select 1 from search_word w where w.word like st.tok || '%' and w.word <> st.tok)) as prefix_of
         from st
     )
     select c.i, c.stop, c.matches, c.prefix_of, fix.word as correction
       from c
       left join lateral (
         select w.word from search_word w
          where not c.stop and not c.matches and not c.prefix_of and length(c.tok) >= 4 and c.tok !~ '[0-9]' and w.word % c.tok
          order by similarity(w.word, c.tok) desc, w.word
          limit 1
       ) fix on true
      order by c.i`,
    [tokens, tsqueries, lastCanBePrefix],
  );
}

export interface SearchFilterIds {
  sectionId?: string | undefined;
  categoryIds: string[];
  serviceTypeId?: string | undefined;
  municipioIds: string[];
  free?: boolean | undefined;
  mode?: 'individual' | 'shared' | undefined;
  targetIds: string[];
  timeBandIds: string[];
  maxPrice?: number | undefined;
  organizationId?: string | undefined;
  /** Price unit (ora, mese, pasto…): cards priced in another unit are left out. */
  priceUnit?: string | undefined;
}

export type FacetKey = 'sec' | 'cat' | 'type' | 'mun' | 'tgt' | 'band' | 'offer' | 'mode' | 'unit';
export type OrderKey = 'relevance' | 'price_asc' | 'price_desc' | 'name' | 'rating';

export interface PageRow {
  id: string;
  slug: string;
  name: string;
  summary_it: string;
  summary_en: string;
  type_id: string;
  organization_id: string;
  organization_slug: string;
  organization_name: string;
  organization_demo: boolean;
  offer_type: 'free_public' | 'free_volunteer' | 'paid';
  price_from: number | null;
  price_unit: string;
  custom_quote: boolean;
  mode: 'individual' | 'shared' | 'both';
  rating_avg: number | null;
  rating_count: number;
  is_demo: boolean;
  updated_at: string;
  municipio_ids: string[] | null;
  spazi: { slug: string; name: string }[] | null;
}

const PUBLIC_CARDS = `service s join organization o on o.id = s.organization_id where s.status = 'published' and o.status = 'active'`;

export interface IndexRow {
  id: string;
  name_ord: number;
  price_from: number | null;
  price_unit: string;
  offer_type: 'free_public' | 'free_volunteer' | 'paid';
  rating_avg: number | null;
  rating_count: number;
  mode: 'individual' | 'shared' | 'both';
  type_id: string;
  cat_id: string | null;
  sec_id: string | null;
  organization_id: string;
  municipi: string[];
  terms: string[];
}

/** What filtering, counting and sorting need of every public card (search.index.ts), in one query. */
export function loadIndexRows(db: Queryable): Promise<IndexRow[]> {
  return db.query<IndexRow>(
    `with pub as (
       select s.id, s.name, s.price_from, s.price_unit, s.offer_type, s.rating_avg, s.rating_count, s.mode, s.service_type_id, s.organization_id
         from ${PUBLIC_CARDS}
     ),
     areas as (
       select a.service_id, array_agg(a.municipio_id::text) as ids from service_area a join pub on pub.id = a.service_id group by a.service_id
     ),
     terms as (
       select x.service_id, array_agg(x.term_id::text) as ids from service_taxonomy x join pub on pub.id = x.service_id group by x.service_id
     )
     select pub.id, row_number() over (order by lower(pub.name), pub.id) as name_ord, pub.price_from, pub.price_unit, pub.offer_type,
            pub.rating_avg, pub.rating_count, pub.mode, pub.service_type_id as type_id, st.parent_id as cat_id, cat.parent_id as sec_id,
            pub.organization_id, coalesce(areas.ids, '{}') as municipi, coalesce(terms.ids, '{}') as terms
       from pub
       join taxonomy_term st on st.id = pub.service_type_id
       left join taxonomy_term cat on cat.id = st.parent_id
       left join areas on areas.service_id = pub.id
       left join terms on terms.service_id = pub.id`,
  );
}

/** The public cards matching a text, with their relevance. `text` comes from serviceTextMatch (its parameters in `params`). */
export function matchText(db: Queryable, text: { condition: string; rank: string }, params: unknown[]): Promise<{ id: string; rank: number }[]> {
  return db.query<{ id: string; rank: number }>(`select s.id, ${text.rank} as rank from ${PUBLIC_CARDS} and ${text.condition}`, params);
}

/**
 * The public cards matching any of the units of a query (`any`: their OR), and for each unit the best part of the
 * card it matches: 4 name or service type (weight A), 3 category, its synonyms, ente (B), 2 summary and
 * classifications (C), 1 the long texts (D), 0 not at all. Each unit comes as four tsqueries: every weight, A, AB, ABC.
 */
export function matchUnits(db: Queryable, any: string, units: { q: string; a: string; ab: string; abc: string }[]): Promise<{ id: string; levels: number[] }[]> {
  return db.query<{ id: string; levels: number[] }>(
    `select s.id,
            array(select case when s.search_tsv @@ u.a then 4 when s.search_tsv @@ u.ab then 3 when s.search_tsv @@ u.abc then 2
                              when s.search_tsv @@ u.q then 1 else 0 end
                    from unnest($2::tsquery[], $3::tsquery[], $4::tsquery[], $5::tsquery[]) with ordinality as u(q, a, ab, abc, i)
                   order by u.i) as levels
       from ${PUBLIC_CARDS} and s.search_tsv @@ $1::tsquery`,
    [any, units.map((u) => u.q), units.map((u) => u.a), units.map((u) => u.ab), units.map((u) => u.abc)],
  );
}

export interface ConceptRow {
  id: string;
  label: string;
  kind: 'concept' | 'ignore';
  terms: string[];
  related: string[];
  service_types: string[];
  categories: string[];
}

/** The concept dictionary of the search (migration 0010), read once per catalogue generation. */
export function loadConcepts(db: Queryable): Promise<ConceptRow[]> {
  return db.query<ConceptRow>('select id, label, kind, terms, related, service_types, categories from search_concept order by lower(label), id');
}

/** What a result card shows, for these cards (in no particular order). */
export function loadCardRows(db: Queryable, ids: string[]): Promise<PageRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.query<PageRow>(
    `select s.id, s.slug, s.name, s.summary_it, s.summary_en, s.service_type_id as type_id,
            o.id as organization_id, o.slug as organization_slug, o.name as organization_name, o.is_demo as organization_demo,
            s.offer_type, s.price_from, s.price_unit, s.custom_quote, s.mode, s.rating_avg, s.rating_count, s.is_demo, s.updated_at,
            (select json_agg(a.municipio_id) from service_area a where a.service_id = s.id) as municipio_ids,
            (select json_agg(json_build_object('slug', l.slug, 'name', l.name) order by l.name)
               from location l
              where l.kind = 'spazio_wemi' and l.active
                and (l.id in (select sal.location_id from service_at_location sal where sal.service_id = s.id)
                  or l.id in (select os.location_id from organization_spazio os where os.organization_id = s.organization_id))
            ) as spazi
       from service s
       join organization o on o.id = s.organization_id
      where s.id = any($1::uuid[])`,
    [ids],
  );
}

export interface SuggestRow {
  kind: 'service_type' | 'category' | 'organization';
  id: string;
  slug: string;
  name_it: string;
  name_en: string;
  synonyms: string[];
  n: number;
}

/** What the autocomplete can suggest: service types, categories and enti that have public cards. */
export function loadSuggestRows(db: Queryable): Promise<SuggestRow[]> {
  return db.query<SuggestRow>(
    `with pub as (
       select s.id, s.service_type_id, s.organization_id from service s join organization o on o.id = s.organization_id
        where s.status = 'published' and o.status = 'active'
     )
     select 'service_type' as kind, t.id, t.slug, t.name_it, t.name_en, t.synonyms, count(*)::int as n
       from pub join taxonomy_term t on t.id = pub.service_type_id
      where t.active group by t.id
     union all
     select 'category', c.id, c.slug, c.name_it, c.name_en, c.synonyms, count(*)::int
       from pub join taxonomy_term t on t.id = pub.service_type_id join taxonomy_term c on c.id = t.parent_id
      where c.active group by c.id
     union all
     select 'organization', o.id, o.slug, o.name, o.name, '{}'::text[], count(*)::int
       from pub join organization o on o.id = pub.organization_id group by o.id`,
  );
}
