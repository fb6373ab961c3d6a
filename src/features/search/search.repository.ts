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
}

export type FacetKey = 'sec' | 'cat' | 'type' | 'mun' | 'tgt' | 'band' | 'offer' | 'mode';
export type OrderKey = 'relevance' | 'price_asc' | 'price_desc' | 'name' | 'rating';

export interface PageRow {
  ord: number;
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

export interface SearchRow {
  total: number;
  items: PageRow[];
  f_sec: [string, number][];
  f_cat: [string, number][];
  f_type: [string, number][];
  f_mun: [string, number][];
  f_tgt: [string, number][];
  f_band: [string, number][];
  f_offer: { free: number; paid: number };
  f_mode: { individual: number; shared: number };
}

const ORDERS: Record<OrderKey, string> = {
  relevance: 'rank desc, name_key, id',
  name: 'name_key, id',
  // Cheapest first: free cards, then paid ones by their lowest price, then those priced on request.
  price_asc: `(case when offer_type <> 'paid' then 0 when price_from is not null then 1 else 2 end), price_from, name_key, id`,
  // Dearest first; then free cards; cards priced on request last.
  price_desc: `(case when price_from is not null then 0 when offer_type <> 'paid' then 1 else 2 end), price_from desc, name_key, id`,
  // Best rated first (cards without ratings last), then the most reviewed, then relevance (with text) and name.
  rating: 'rating_avg desc nulls last, rating_count desc, rank desc, name_key, id',
};

/**
 * The whole search in one statement: the matching public cards (text + filters), the page of results with
 * what a result card shows, the total, and for each facet the counts under all the OTHER active filters.
 * `text` comes from serviceTextMatch (its parameters are already in `params`).
 */
export function runSearch(
  db: Queryable,
  opts: {
    text: { condition: string; rank: string };
    params: unknown[];
    filters: SearchFilterIds;
    order: OrderKey;
    limit: number;
    offset: number;
    allTargetIds: string[];
    allTimeBandIds: string[];
  },
): Promise<SearchRow> {
  const { filters: f, params } = opts;
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const flags: Partial<Record<FacetKey, string>> = {};
  if (f.sectionId) flags.sec = `cat.parent_id = ${p(f.sectionId)}::uuid`;
  if (f.categoryIds.length) flags.cat = `st.parent_id = any(${p(f.categoryIds)}::uuid[])`;
  if (f.serviceTypeId) flags.type = `s.service_type_id = ${p(f.serviceTypeId)}::uuid`;
  if (f.municipioIds.length)
    flags.mun = `s.id in (select a.service_id from service_area a where a.municipio_id = any(${p(f.municipioIds)}::uuid[]))`;
  if (f.targetIds.length)
    flags.tgt = `s.id in (select x.service_id from service_taxonomy x where x.term_id = any(${p(f.targetIds)}::uuid[]))`;
  if (f.timeBandIds.length)
    flags.band = `s.id in (select x.service_id from service_taxonomy x where x.term_id = any(${p(f.timeBandIds)}::uuid[]))`;
  if (f.free) flags.offer = `s.offer_type <> 'paid'`;
  if (f.mode) flags.mode = `s.mode in (${p(f.mode)}, 'both')`;

  const base: string[] = [`s.status = 'published'`, `o.status = 'active'`];
  if (opts.text.condition !== 'true') base.push(opts.text.condition);
  if (f.maxPrice !== undefined) base.push(`(s.offer_type <> 'paid' or s.price_from <= ${p(f.maxPrice)}::numeric)`);
  if (f.organizationId) base.push(`s.organization_id = ${p(f.organizationId)}::uuid`);

  const keys = Object.keys(flags) as FacetKey[];
  const flagCols = keys.map((k) => `, (${flags[k]}) as f_${k}`).join('');
  const allExcept = (skip?: FacetKey) => {
    const conds = keys.filter((k) => k !== skip).map((k) => `f_${k}`);
    return conds.length ? conds.join(' and ') : 'true';
  };
  const order = ORDERS[opts.order];
  const targets = p(opts.allTargetIds);
  const bands = p(opts.allTimeBandIds);
  const limit = p(opts.limit);
  const offset = p(opts.offset);
  const pairs = (sql: string) => `(select coalesce(json_agg(json_build_array(k, n)), '[]'::json) from (${sql}) x)`;

  const sql = `
    with base as materialized (
      select s.id, lower(s.name) as name_key, s.price_from, s.offer_type, s.rating_avg, s.rating_count, s.mode, s.service_type_id as type_id,
             st.parent_id as cat_id, cat.parent_id as sec_id, ${opts.text.rank} as rank${flagCols}
        from service s
        join organization o on o.id = s.organization_id
        join taxonomy_term st on st.id = s.service_type_id
        left join taxonomy_term cat on cat.id = st.parent_id
       where ${base.join(' and ')}
    ),
    hits as (select * from base where ${allExcept()}),
    page as (
      select id, row_number() over (order by ${order}) as ord from hits order by ${order} limit ${limit} offset ${offset}
    )
    select
      (select count(*) from hits)::int as total,
      (select coalesce(json_agg(d order by d.ord), '[]'::json) from (
         select p.ord, s.id, s.slug, s.name, s.summary_it, s.summary_en, s.service_type_id as type_id,
                o.id as organization_id, o.slug as organization_slug, o.name as organization_name, o.is_demo as organization_demo,
                s.offer_type, s.price_from, s.price_unit, s.custom_quote, s.mode, s.rating_avg, s.rating_count, s.is_demo, s.updated_at,
                (select json_agg(a.municipio_id) from service_area a where a.service_id = s.id) as municipio_ids,
                (select json_agg(json_build_object('slug', l.slug, 'name', l.name) order by l.name)
                   from location l
                  where l.kind = 'spazio_wemi' and l.active
                    and (l.id in (select sal.location_id from service_at_location sal where sal.service_id = s.id)
                      or l.id in (select os.location_id from organization_spazio os where os.organization_id = s.organization_id))
                ) as spazi
           from page p join service s on s.id = p.id join organization o on o.id = s.organization_id
      ) d) as items,
      ${pairs(`select sec_id as k, count(*) as n from base where ${allExcept('sec')} and sec_id is not null group by sec_id`)} as f_sec,
      ${pairs(`select cat_id as k, count(*) as n from base where ${allExcept('cat')} and cat_id is not null group by cat_id`)} as f_cat,
      ${pairs(`select type_id as k, count(*) as n from base where ${allExcept('type')} group by type_id`)} as f_type,
      ${pairs(`select a.municipio_id as k, count(*) as n from base b join service_area a on a.service_id = b.id where ${allExcept('mun')} group by a.municipio_id`)} as f_mun,
      ${pairs(`select x.term_id as k, count(*) as n from base b join service_taxonomy x on x.service_id = b.id where x.term_id = any(${targets}::uuid[]) and ${allExcept('tgt')} group by x.term_id`)} as f_tgt,
      ${pairs(`select x.term_id as k, count(*) as n from base b join service_taxonomy x on x.service_id = b.id where x.term_id = any(${bands}::uuid[]) and ${allExcept('band')} group by x.term_id`)} as f_band,
      (select json_build_object('free', count(*) filter (where offer_type <> 'paid'), 'paid', count(*) filter (where offer_type = 'paid'))
         from base where ${allExcept('offer')}) as f_offer,
      (select json_build_object('individual', count(*) filter (where mode in ('individual', 'both')), 'shared', count(*) filter (where mode in ('shared', 'both')))
         from base where ${allExcept('mode')}) as f_mode`;
  return db.one<SearchRow>(sql, params);
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
