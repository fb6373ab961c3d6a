import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../../src/db/database';
import { seedSynthetic } from '../../src/db/seed/synthetic';
import type { FacetKey, OrderKey, SearchFilterIds } from '../../src/features/search/search.repository';
import { searchServices, serviceTextMatch, type SearchQuery } from '../../src/features/search/search.service';
import { createTestDb } from '../support/app';

// The search computes filters, facet counts, sorting and pages in memory over an index of the public cards
// (src/features/search/search.index.ts). This test holds it to the reference: the same search written as one
// SQL statement (the implementation it replaced), on the demo data plus synthetic cards, for a few hundred
// random combinations of text, filters, sorts and pages. Totals, the order of the page and every facet count
// must agree.

interface ReferenceRow {
  total: number;
  items: { id: string }[];
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
  // Cheapest first: free cards, then paid ones by their lowest price within their price unit (the unit with most
  // results first, then by name: issue 9), then those priced on request.
  price_asc: `(case when offer_type <> 'paid' then 0 when price_from is not null then 1 else 2 end),
              (case when offer_type = 'paid' and price_from is not null then -unit_n end), (case when offer_type = 'paid' and price_from is not null then price_unit end) collate "C",
              price_from, name_key, id`,
  // Dearest first, within their price unit; then free cards; cards priced on request last.
  price_desc: `(case when price_from is not null then 0 when offer_type <> 'paid' then 1 else 2 end),
               (case when price_from is not null then -unit_n end), (case when price_from is not null then price_unit end) collate "C",
               price_from desc, name_key, id`,
  // Best rated first (cards without ratings last), then the most reviewed, then relevance (with text) and name.
  rating: 'rating_avg desc nulls last, rating_count desc, rank desc, name_key, id',
};

/**
 * The whole search in one statement: the matching public cards (text + filters), the page of results with
 * what a result card shows, the total, and for each facet the counts under all the OTHER active filters.
 * `text` comes from serviceTextMatch (its parameters are already in `params`).
 */
function referenceSearch(
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
): Promise<ReferenceRow> {
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
      select s.id, lower(s.name) as name_key, s.price_from, s.price_unit, s.offer_type, s.rating_avg, s.rating_count, s.mode, s.service_type_id as type_id,
             st.parent_id as cat_id, cat.parent_id as sec_id, ${opts.text.rank} as rank${flagCols}
        from service s
        join organization o on o.id = s.organization_id
        join taxonomy_term st on st.id = s.service_type_id
        left join taxonomy_term cat on cat.id = st.parent_id
       where ${base.join(' and ')}
    ),
    hits as (select *, count(*) over (partition by price_unit) as unit_n from base where ${allExcept()}),
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
  return db.one<ReferenceRow>(sql, params);
}


interface Term {
  id: string;
  slug: string;
  taxonomy: string;
  code: string;
  position: number;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('search in memory agrees with the reference SQL', () => {
  let db: Db;
  let close: () => Promise<void>;
  let terms: Term[];
  const ofTaxonomy = (code: string) => terms.filter((t) => t.taxonomy === code);

  beforeAll(async () => {
    const created = await createTestDb();
    ({ db, close } = created);
    await seedSynthetic(db, { services: 600, enti: 40, log: () => undefined });
    // Some ratings, so that sorting by rating has something to sort.
    await db.query(`update service set rating_avg = round((1 + random() * 4)::numeric, 2), rating_count = 1 + (random() * 20)::int where random() < 0.3`);
    terms = await db.query<Term>(
      `select t.id, t.slug, x.code as taxonomy, t.code, t.position from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id`,
    );
  }, 120_000);
  afterAll(async () => {
    await close?.();
  });

  it('for random searches: the same total, page order and facet counts', async () => {
    const next = random(7);
    const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)]!;
    const some = <T>(xs: T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(xs)))];
    const texts = [undefined, undefined, 'badante', 'anziani', 'pasti a domicilio', 'psicolgo', 'assistenza', 'baby sitter', 'corsi', 'trasporto disabili'];
    const sorts: SearchQuery['sort'][] = ['relevance', 'price_asc', 'price_desc', 'rating'];
    const municipi = ofTaxonomy('municipio');
    const municipioNumber = (t: Term) => Number(/^m([1-9])$/.exec(t.code)?.[1] ?? t.position);
    let compared = 0;
    let nonEmpty = 0;
    for (let round = 0; round < 150; round++) {
      const section = next() < 0.2 ? pick(ofTaxonomy('section')) : undefined;
      const serviceType = next() < 0.1 ? pick(ofTaxonomy('service_type')) : undefined;
      const query: SearchQuery = {
        q: pick(texts),
        section: section?.slug,
        categories: next() < 0.3 ? some(ofTaxonomy('category'), 2).map((t) => t.slug) : [],
        serviceType: serviceType?.slug,
        municipi: next() < 0.4 ? some(municipi, 3).map(municipioNumber) : [],
        free: next() < 0.2 || undefined,
        mode: next() < 0.2 ? pick(['individual', 'shared'] as const) : undefined,
        targets: next() < 0.3 ? some(ofTaxonomy('target_group'), 2).map((t) => t.slug) : [],
        timeBands: next() < 0.2 ? some(ofTaxonomy('time_band'), 2).map((t) => t.slug) : [],
        maxPrice: next() < 0.2 ? Math.round(5 + next() * 40) : undefined,
        sort: pick(sorts),
        page: next() < 0.7 ? 1 : 1 + Math.floor(next() * 4),
        perPage: pick([10, 20, 50]),
      };
      const result = await searchServices(db, query, 'it');

      const params: unknown[] = [];
      const text = query.q ? await serviceTextMatch(db, query.q, params) : undefined;
      const idOf = (code: string, slug: string) => terms.find((t) => t.taxonomy === code && t.slug === slug)!.id;
      const filters: SearchFilterIds = {
        sectionId: query.section ? idOf('section', query.section) : undefined,
        categoryIds: query.categories.map((s) => idOf('category', s)),
        serviceTypeId: query.serviceType ? idOf('service_type', query.serviceType) : undefined,
        municipioIds: query.municipi.map((n) => municipi.find((t) => municipioNumber(t) === n)!.id),
        free: query.free,
        mode: query.mode,
        targetIds: query.targets.map((s) => idOf('target_group', s)),
        timeBandIds: query.timeBands.map((s) => idOf('time_band', s)),
        maxPrice: query.maxPrice,
      };
      const ref = await referenceSearch(db, {
        text: text ?? { condition: 'true', rank: '0' },
        params,
        filters,
        order: result.sort as OrderKey,
        limit: query.perPage,
        offset: (query.page - 1) * query.perPage,
        allTargetIds: ofTaxonomy('target_group').map((t) => t.id),
        allTimeBandIds: ofTaxonomy('time_band').map((t) => t.id),
      });
      const label = JSON.stringify(query);
      expect(result.total, label).toBe(ref.total);
      expect(result.items.map((i) => i.id), label).toEqual(ref.items.map((i) => i.id));
      const slugOf = new Map(terms.map((t) => [t.id, t.slug]));
      const counts = (pairs: [string, number][]) => Object.fromEntries(pairs.filter(([, n]) => Number(n) > 0).map(([k, n]) => [slugOf.get(k), Number(n)]));
      const facet = (list: { value: string; count: number }[]) => Object.fromEntries(list.filter((f) => f.count > 0).map((f) => [f.value, f.count]));
      expect(facet(result.facets.sections), label).toEqual(counts(ref.f_sec));
      expect(facet(result.facets.categories), label).toEqual(counts(ref.f_cat));
      expect(facet(result.facets.serviceTypes), label).toEqual(counts(ref.f_type));
      expect(facet(result.facets.targets), label).toEqual(counts(ref.f_tgt));
      expect(facet(result.facets.timeBands), label).toEqual(counts(ref.f_band));
      const munCounts = counts(ref.f_mun);
      expect(
        facet(result.facets.municipi),
        label,
      ).toEqual(Object.fromEntries(Object.entries(munCounts).map(([slug, n]) => [String(municipioNumber(terms.find((t) => t.slug === slug && t.taxonomy === 'municipio')!)), n])));
      expect(result.facets.offer.map((f) => f.count), label).toEqual([Number(ref.f_offer.free), Number(ref.f_offer.paid)]);
      expect(result.facets.mode.map((f) => f.count), label).toEqual([Number(ref.f_mode.individual), Number(ref.f_mode.shared)]);
      compared++;
      if (ref.total > 0) nonEmpty++;
    }
    expect(compared).toBe(150);
    // The random searches must not all be empty, or the comparison proves little.
    expect(nonEmpty).toBeGreaterThan(60);
  }, 300_000);
});
