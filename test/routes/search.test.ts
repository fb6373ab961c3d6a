import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/db/database';
import { MAX_QUERY_LENGTH, type SearchResponse, type ServiceSummary } from '../../src/features/search/search.schema';
import { tokenize, variants } from '../../src/features/search/search.text';
import { ensureTerm, insertOrg } from '../../src/features/services/services.test-fixtures';
import { translator } from '../../src/i18n/i18n';
import { createTestApp, type TestApp } from '../support/app';
import { decode } from '../support/html';

// The search quality bar, end to end: the /servizi page, the JSON API (/api/v1/services), the autocomplete and
// the HSDS `search` parameter, on the demo catalogue plus a small controlled fixture (a service type of its own,
// "Tipo Zorblax", whose cards each carry exactly the words a test needs and nothing else it could match).

// ---------------------------------------------------------------------------------------------------------------
// Fixture

const CARDS = {
  /** Says "anziani" (plural) only. */
  plural: { slug: 'zorblax-compagnia', name: 'Compagnia a casa Zorblax', summary: 'Visite settimanali per anziani soli del quartiere.' },
  /** Says "giardinieri" (plural) only: a word with no synonyms. */
  gardeners: { slug: 'zorblax-giardini', name: 'Giardinieri volontari Zorblax', summary: 'Potatura e verde condominiale.' },
  /** "Attività" with its accent. */
  accented: { slug: 'zorblax-attivita-motorie', name: 'Attività motorie Zorblax', summary: 'Ginnastica dolce in palestra.' },
  /** "Attivita" written without the accent. */
  unaccented: { slug: 'zorblax-attivita-ricreative', name: 'Attivita ricreative Zorblax', summary: 'Giochi da tavolo e letture.' },
  /** Says "assistente familiare", never "badante". */
  familyAssistant: { slug: 'zorblax-assistente-familiare', name: 'Assistente familiare Zorblax', summary: 'Aiuto quotidiano in casa, a ore.' },
  /** Says "baby-sitter", never "tata". */
  babySitter: { slug: 'zorblax-baby-sitter', name: 'Baby-sitter Zorblax', summary: 'Per i più piccoli, anche la sera.' },
  /** Says "tata", never "baby-sitter". */
  nanny: { slug: 'zorblax-tata', name: 'Tata del pomeriggio Zorblax', summary: 'Merenda e giochi dopo la scuola.' },
  /** "terracotta" in the name; sorts last by name. */
  inName: { slug: 'zorblax-terracotta', name: 'Zampa: laboratorio di terracotta', summary: 'Corso per principianti.' },
  /** "terracotta" in the summary only; sorts first by name. */
  inSummary: { slug: 'zorblax-abaco', name: 'Abaco: incontri creativi', summary: 'Si impara a lavorare la terracotta insieme.' },
  /** Matches none of the words searched here. */
  control: { slug: 'zorblax-sportello', name: 'Sportello informativo Zorblax', summary: 'Informazioni e orientamento.' },
} as const;
const TYPE_SLUG = 'tipo-zorblax';
/** Texts that are valid input but awkward for a full-text engine: query syntax, stop words only, no words at all. */
const ODD_TEXTS = ["'", ':*', '!', '(a', 'a & b | c', '\\', 'di', 'di della per', '...', '%', 'x'.repeat(200), "l'assistenza", 'badante:*A'];

async function insertSearchFixture(db: Queryable): Promise<void> {
  const section = await ensureTerm(db, 'section', { code: 'area_zorblax', it: 'Area Zorblax', en: 'Zorblax area' });
  const category = await ensureTerm(db, 'category', { code: 'categoria_zorblax', it: 'Categoria Zorblax', en: 'Zorblax category', parentId: section });
  const type = await ensureTerm(db, 'service_type', { code: 'tipo_zorblax', it: 'Tipo Zorblax', en: 'Zorblax type', parentId: category });
  const org = await insertOrg(db, { slug: 'ente-zorblax', name: 'Ente Zorblax' });
  for (const c of Object.values(CARDS)) {
    await db.query(
      `insert into service (organization_id, service_type_id, slug, name, summary_it, offer_type, status, published_at)
       values ($1, $2, $3, $4, $5, 'free_public', 'published', now())`,
      [org.id, type, c.slug, c.name, c.summary],
    );
  }
  // Search documents and typo vocabulary, as the seed does after loading cards.
  await db.query('select refresh_service_search(null)');
  await db.query('select refresh_search_words()');
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

type Params = Record<string, string | number | readonly string[] | undefined>;

function qs(params: Params): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) p.append(k, String(x));
    else p.set(k, String(v));
  }
  return p.toString();
}

/** The number in the results heading of /servizi ("Nessun servizio trovato", "1 servizio trovato", "1.234 servizi trovati"). */
function htmlTotal(html: string): number {
  const heading = /<h2 class="h4 wemi-results-count"[^>]*>([^<]*)/.exec(html);
  expect(heading, 'results heading').not.toBeNull();
  const text = decode(heading![1]!).trim();
  if (text.startsWith('Nessun servizio')) return 0;
  const n = /^([\d.]+) servizi? trovat/.exec(text);
  expect(n, text).not.toBeNull();
  return Number(n![1]!.replace(/\./g, ''));
}

/** Slugs of the result cards of a /servizi page, in order. */
const htmlSlugs = (html: string) => [...html.matchAll(/<a href="\/servizi\/([^"?]+)" data-element="service-link"/g)].map((m) => m[1]!);

/** The error summary entries of a page: anchor and text. */
const summaryEntries = (html: string) =>
  [...(/<div class="alert alert-danger wemi-error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '').matchAll(/<a href="#([^"]*)">([^<]*)<\/a>/g)].map((m) => ({
    anchor: m[1]!,
    text: decode(m[2]!),
  }));

interface ApiError {
  error: { code: string; message: string; issues?: { field: string; message: string }[] };
}

interface HsdsPage {
  total_items: number;
  total_pages: number;
  contents: { id: string }[];
}

describe('search quality', () => {
  let t: TestApp;

  const api = async (params: Params): Promise<SearchResponse> => {
    const url = `/api/v1/services?${qs(params)}`;
    const res = await t.app.inject(url);
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json() as SearchResponse;
  };
  /** Every result of a search, through all the pages of 100. */
  const apiAll = async (params: Params): Promise<{ total: number; items: ServiceSummary[] }> => {
    const first = await api({ ...params, per_pagina: 100 });
    const items = [...first.items];
    for (let page = 2; page <= first.pages; page++) items.push(...(await api({ ...params, per_pagina: 100, pagina: page })).items);
    return { total: first.total, items };
  };
  const page = async (params: Params) => {
    const url = `/servizi?${qs(params)}`;
    const res = await t.app.inject(url);
    return { status: res.statusCode, html: res.body, type: String(res.headers['content-type']) };
  };
  const hsdsAll = async (search: string): Promise<{ total: number; ids: string[] }> => {
    const ids: string[] = [];
    let total = 0;
    for (let p = 1; ; p++) {
      const res = await t.app.inject(`/api/hsds/services?${qs({ search, per_page: 100, page: p, minimal: 'true' })}`);
      expect(res.statusCode, search).toBe(200);
      const body = res.json() as HsdsPage;
      total = body.total_items;
      ids.push(...body.contents.map((c) => c.id));
      if (p >= body.total_pages) break;
    }
    return { total, ids };
  };
  /** Slugs found by a search restricted to the fixture's service type. */
  const fixtureHits = async (q: string, sort?: string) => (await api({ q, tipo: TYPE_SLUG, ordina: sort, per_pagina: 100 })).items.map((i) => i.slug);
  const fixtureText = async (slug: string) =>
    (await t.db.one<{ text: string }>(`select lower(name || ' ' || summary_it) as text from service where slug = $1`, [slug])).text;

  beforeAll(async () => {
    t = await createTestApp();
    await insertSearchFixture(t.db);
  });
  afterAll(async () => t?.close());

  // -------------------------------------------------------------------------------------------------------------

  it('1. stemming: a singular finds cards that only use the plural', async () => {
    // The cards really are as described.
    const plural = await fixtureText(CARDS.plural.slug);
    expect(plural).toMatch(/\banziani\b/);
    expect(plural).not.toMatch(/\banzian[oae]\b/);
    expect(await fixtureText(CARDS.gardeners.slug)).not.toMatch(/\bgiardiniere\b/);

    expect(await fixtureHits('anziano')).toEqual([CARDS.plural.slug]);
    expect(await fixtureHits('anziana')).toEqual([CARDS.plural.slug]);
    // A word without synonyms, so the match can only come from the Italian inflection.
    expect(await fixtureHits('giardiniere')).toEqual([CARDS.gardeners.slug]);
    // Not only inside the type filter: the unfiltered search finds it too, and the plural finds it as well.
    expect((await apiAll({ q: 'anziano' })).items.map((i) => i.slug)).toContain(CARDS.plural.slug);
    expect((await apiAll({ q: 'anziani' })).items.map((i) => i.slug)).toContain(CARDS.plural.slug);
  });

  it('2. accents: "attivita" finds "attività" and "attività" finds "attivita"', async () => {
    expect(await fixtureText(CARDS.accented.slug)).toContain('attività');
    expect(await fixtureText(CARDS.unaccented.slug)).not.toContain('attività');
    const both = [CARDS.accented.slug, CARDS.unaccented.slug].sort();
    expect((await fixtureHits('attivita')).sort()).toEqual(both);
    expect((await fixtureHits('attività')).sort()).toEqual(both);
    expect((await fixtureHits('ATTIVITÀ')).sort()).toEqual(both);
    // Same result set on the whole catalogue, whichever way it is written.
    const plain = await apiAll({ q: 'attivita' });
    const accented = await apiAll({ q: 'attività' });
    expect(plain.total).toBeGreaterThan(2);
    expect(new Set(accented.items.map((i) => i.id))).toEqual(new Set(plain.items.map((i) => i.id)));
  });

  it('3. typos: "badnte" finds the "badante" cards and reports the corrected query', async () => {
    const typo = await api({ q: 'badnte', per_pagina: 100 });
    expect(typo.correctedQuery).toBe('badante');
    expect((await api({ q: 'badante' })).correctedQuery).toBeNull();
    // Every public card with "badante" in its name is found.
    const named = (
      await t.db.query<{ slug: string }>(
        `select s.slug from public_service s where s.name ilike '%badante%' order by s.slug`,
      )
    ).map((r) => r.slug);
    expect(named.length).toBeGreaterThan(0);
    const found = (await apiAll({ q: 'badnte' })).items.map((i) => i.slug);
    for (const slug of named) expect(found, slug).toContain(slug);
    // The corrected search is exactly the search for the right word.
    const right = await apiAll({ q: 'badante' });
    expect(found.length).toBe(right.total);
    expect(new Set(found)).toEqual(new Set(right.items.map((i) => i.slug)));
    // Typo + synonym together, on the controlled card.
    expect(await fixtureHits('badnte')).toEqual([CARDS.familyAssistant.slug]);
    // The page says what it searched instead.
    const { status, html } = await page({ q: 'badnte' });
    expect(status).toBe(200);
    const corrected = /<p class="alert alert-info wemi-corrected"[^>]*>([^<]*)<\/p>/.exec(html);
    expect(corrected).not.toBeNull();
    expect(decode(corrected![1]!)).toContain('“badnte”');
    expect(decode(corrected![1]!)).toContain('“badante”');
    expect(htmlTotal(html)).toBe(right.total);
  });

  it('4. synonyms: "badante" finds "assistente familiare", "tata" finds "baby-sitter" (and back)', async () => {
    expect(await fixtureText(CARDS.familyAssistant.slug)).not.toMatch(/badant/);
    expect(await fixtureText(CARDS.babySitter.slug)).not.toMatch(/\btata\b/);
    expect(await fixtureText(CARDS.nanny.slug)).not.toMatch(/baby/);
    expect(await fixtureHits('badante')).toEqual([CARDS.familyAssistant.slug]);
    expect(await fixtureHits('badanti')).toEqual([CARDS.familyAssistant.slug]);
    const nannies = [CARDS.babySitter.slug, CARDS.nanny.slug].sort();
    expect((await fixtureHits('tata')).sort()).toEqual(nannies);
    expect((await fixtureHits('baby-sitter')).sort()).toEqual(nannies);
    expect((await fixtureHits('babysitter')).sort()).toEqual(nannies);
    // The other fixture cards are not dragged in by the expansion.
    expect(await fixtureHits('assistente familiare')).toEqual([CARDS.familyAssistant.slug]);
  });

  it('4b. synonyms: only the curated groups expand a query, not the broad synonyms of taxonomy terms', { timeout: 60_000 }, async () => {
    // Each word below is in a curated group (search_synonym) and is also a synonym of some taxonomy terms, whose
    // other names and synonyms are broader ("assistenza", "cura della persona", "educatore"…). Those are indexed in
    // the search document of the terms' own cards, but must not stand for the word on other cards.
    /** to_tsquery text matching any of the expressions, each word in all its forms (as the search does). */
    const anyOf = (expressions: string[]) =>
      expressions.map((e) => `(${tokenize(e).map((w) => `(${variants(w).join(' | ')})`).join(' & ')})`).join(' | ');
    let broadOnlyTotal = 0;
    for (const word of ['badante', 'tata']) {
      const group = (await t.db.one<{ terms: string[] }>(`select terms from search_synonym where $1 = any(terms)`, [word])).terms;
      const broad = (
        await t.db.query<{ w: string }>(
          `select distinct unnest(array[t.name_it] || t.synonyms) as w from taxonomy_term t where t.active and $1 = any(t.synonyms)`,
          [word],
        )
      )
        .map((r) => r.w)
        .filter((w) => !group.includes(w));
      expect(broad.length, word).toBeGreaterThan(0);
      // The public cards with a real link to the word: their search document holds one of the group's expressions.
      const linked = new Set(
        (
          await t.db.query<{ id: string }>(`select s.id from public_service s where s.search_tsv @@ to_tsquery('italian', $1)`, [anyOf(group)])
        ).map((r) => r.id),
      );
      const found = await apiAll({ q: word });
      expect(found.total, word).toBeGreaterThan(0);
      // Changed with the concept dictionary (issue 9, migration 0010): cards that only mention the word in their long
      // texts or classifications are weak matches and are cut, and the concept's own cards (its service types and
      // categories in search_concept) are found even when they do not say the word. So: every card found is linked
      // to the word or is one of the concept's own; every card linked by its name, type or category is found.
      const own = new Set(
        (
          await t.db.query<{ id: string }>(
            `select s.id from public_service s join taxonomy_term st on st.id = s.service_type_id left join taxonomy_term c on c.id = st.parent_id
              where exists (select 1 from search_concept k where k.kind = 'concept' and $1 = any(k.terms)
                              and (st.code = any(k.service_types) or c.code = any(k.categories)))`,
            [word],
          )
        ).map((r) => r.id),
      );
      const strongQuery = group.map((e) => `(${tokenize(e).map((w) => `(${variants(w).map((v) => `${v}:AB`).join(' | ')})`).join(' & ')})`).join(' | ');
      const strong = (await t.db.query<{ id: string }>(`select s.id from public_service s where s.search_tsv @@ to_tsquery('italian', $1)`, [strongQuery])).map((r) => r.id);
      const foundIds = new Set(found.items.map((i) => i.id));
      expect(strong.length, word).toBeGreaterThan(0);
      for (const id of strong) expect(foundIds.has(id), `${word}: strongly linked card ${id}`).toBe(true);
      for (const i of found.items) expect(linked.has(i.id) || own.has(i.id), `${word}: ${i.slug}`).toBe(true);
      // Cards found by a broad synonym alone, with no link to the word: never found by the word.
      const broadOnly = new Map<string, string>();
      for (const b of broad) for (const i of (await apiAll({ q: b })).items) if (!linked.has(i.id)) broadOnly.set(i.id, `${i.slug} (${b})`);
      const ids = new Set(found.items.map((i) => i.id));
      expect([...broadOnly].filter(([id]) => ids.has(id) && !own.has(id)).map(([, why]) => why), word).toEqual([]);
      broadOnlyTotal += broadOnly.size;
    }
    // Not vacuous: the broad synonyms do find other cards.
    expect(broadOnlyTotal).toBeGreaterThan(0);
  });

  it('5. relevance: a match in the name ranks before a match in the description, whatever the alphabet says', async () => {
    expect(CARDS.inSummary.name.localeCompare(CARDS.inName.name)).toBeLessThan(0);
    // Default sort with words is relevance.
    const relevance = await api({ q: 'terracotta', per_pagina: 100 });
    expect(relevance.sort).toBe('rilevanza');
    const rel = relevance.items.map((i) => i.slug);
    expect(rel).toContain(CARDS.inName.slug);
    expect(rel).toContain(CARDS.inSummary.slug);
    expect(rel.indexOf(CARDS.inName.slug)).toBeLessThan(rel.indexOf(CARDS.inSummary.slug));
    expect(await fixtureHits('terracotta', 'rilevanza')).toEqual([CARDS.inName.slug, CARDS.inSummary.slug]);
    // By name the order flips, so the order above really comes from the ranking.
    expect(await fixtureHits('terracotta', 'nome')).toEqual([CARDS.inSummary.slug, CARDS.inName.slug]);
    // The page shows the same order.
    const html = (await page({ q: 'terracotta', tipo: TYPE_SLUG })).html;
    expect(htmlSlugs(html)).toEqual([CARDS.inName.slug, CARDS.inSummary.slug]);
  });

  it('6. filters: AND across filters, OR within one, totals and facet counts that add up', { timeout: 120_000 }, async () => {
    const sqlSlugs = async (f: { cats?: string[]; muns?: string[]; free?: boolean }) =>
      (
        await t.db.query<{ slug: string }>(
          `select s.slug from service s
             join organization o on o.id = s.organization_id
             join taxonomy_term st on st.id = s.service_type_id
             join taxonomy_term cat on cat.id = st.parent_id
            where s.status = 'published' and o.status = 'active'
              and ($1::text[] is null or cat.slug = any($1::text[]))
              and ($2::text[] is null or exists (
                    select 1 from service_area a join taxonomy_term m on m.id = a.municipio_id
                     where a.service_id = s.id and m.code = any($2::text[])))
              and (not $3::boolean or s.offer_type <> 'paid')
            order by s.slug`,
          [f.cats ?? null, f.muns ? f.muns.map((m) => `m${m}`) : null, f.free ?? false],
        )
      ).map((r) => r.slug);
    // The category × Municipio pair with most free cards, and the runners-up for the OR checks.
    const pairs = await t.db.query<{ cat: string; mun: string; n: number }>(
      `select cat.slug as cat, substr(m.code, 2) as mun, count(*)::int as n
         from service s
         join organization o on o.id = s.organization_id
         join taxonomy_term st on st.id = s.service_type_id
         join taxonomy_term cat on cat.id = st.parent_id
         join service_area a on a.service_id = s.id
         join taxonomy_term m on m.id = a.municipio_id
        where s.status = 'published' and o.status = 'active' and s.offer_type <> 'paid' and m.code ~ '^m[1-9]$'
        group by 1, 2 order by 3 desc, 1, 2`,
    );
    expect(pairs.length).toBeGreaterThan(2);
    const { cat, mun } = pairs[0]!;
    const mun2 = pairs.find((p) => p.cat === cat && p.mun !== mun)!.mun;
    const cat2 = pairs.find((p) => p.cat !== cat && p.mun === mun)!.cat;

    // AND: every item satisfies every filter; the set is exactly the SQL one.
    const and = await api({ categoria: cat, municipio: mun, gratuito: 1, per_pagina: 100 });
    const expected = await sqlSlugs({ cats: [cat], muns: [mun], free: true });
    expect(and.total).toBe(expected.length);
    expect(and.total).toBeGreaterThan(1);
    for (const i of and.items) {
      expect(i.category.slug, i.slug).toBe(cat);
      expect(i.municipi, i.slug).toContain(Number(mun));
      expect(i.free, i.slug).toBe(true);
    }
    expect(and.items.map((i) => i.slug).sort()).toEqual(expected);
    // Each filter narrows the search.
    const catOnly = await api({ categoria: cat });
    const catMun = await api({ categoria: cat, municipio: mun });
    expect(catOnly.total).toBe((await sqlSlugs({ cats: [cat] })).length);
    expect(catMun.total).toBe((await sqlSlugs({ cats: [cat], muns: [mun] })).length);
    expect(catOnly.total).toBeGreaterThanOrEqual(catMun.total);
    expect(catMun.total).toBeGreaterThanOrEqual(and.total);

    // OR within one filter (repeated or comma-separated), still AND with the others.
    const twoMun = await api({ categoria: cat, municipio: [mun, mun2], gratuito: 1, per_pagina: 100 });
    const twoMunSql = await sqlSlugs({ cats: [cat], muns: [mun, mun2], free: true });
    expect(twoMun.total).toBe(twoMunSql.length);
    expect(twoMun.items.map((i) => i.slug).sort()).toEqual(twoMunSql);
    expect(twoMun.total).toBeGreaterThan(and.total);
    expect((await api({ categoria: cat, municipio: `${mun},${mun2}`, gratuito: 1 })).total).toBe(twoMun.total);
    for (const i of twoMun.items) expect(i.municipi.includes(Number(mun)) || i.municipi.includes(Number(mun2)), i.slug).toBe(true);
    const twoCat = await api({ categoria: [cat, cat2], municipio: mun, gratuito: 1 });
    expect(twoCat.total).toBe((await sqlSlugs({ cats: [cat, cat2], muns: [mun], free: true })).length);
    expect(twoCat.total).toBeGreaterThan(and.total);

    // The page counts the same.
    const html = await page({ categoria: cat, municipio: mun, gratuito: 1 });
    expect(html.status).toBe(200);
    expect(htmlTotal(html.html)).toBe(and.total);

    // Facet counts: each count equals the total obtained by then choosing that value (in place of the current
    // value of the same filter, the other filters kept).
    const checkFacets = async (base: Params) => {
      const r = await api({ ...base, per_pagina: 1 });
      const kinds: [keyof SearchResponse['facets'], string][] = [
        ['sections', 'area'],
        ['categories', 'categoria'],
        ['serviceTypes', 'tipo'],
        ['municipi', 'municipio'],
        ['targets', 'destinatari'],
        ['timeBands', 'fascia'],
        ['mode', 'modalita'],
      ];
      let checked = 0;
      for (const [kind, param] of kinds) {
        for (const f of r.facets[kind]) {
          const value = kind === 'mode' ? (f.value === 'individual' ? 'individuale' : 'condiviso') : f.value;
          const applied = await api({ ...base, [param]: value, per_pagina: 1 });
          expect(applied.total, `${JSON.stringify(base)} ${param}=${value}`).toBe(f.count);
          checked++;
        }
      }
      const free = r.facets.offer.find((o) => o.value === 'free')!;
      const paid = r.facets.offer.find((o) => o.value === 'paid')!;
      expect((await api({ ...base, gratuito: 1 })).total, `${JSON.stringify(base)} gratuito`).toBe(free.count);
      expect(free.count + paid.count).toBe((await api({ ...base, gratuito: undefined })).total);
      expect(checked).toBeGreaterThan(5);
    };
    await checkFacets({ categoria: cat, municipio: mun, gratuito: 1 });
    await checkFacets({ q: 'anziani', municipio: mun });
  });

  it('7. pagination: pages are disjoint, cover the total, and a page past the last is an empty page', { timeout: 120_000 }, async () => {
    const q = 'assistenza';
    const perPage = 7;
    const first = await api({ q, per_pagina: perPage });
    expect(first.total).toBeGreaterThan(3 * perPage);
    expect(first.pages).toBe(Math.ceil(first.total / perPage));
    const seen: string[] = [];
    for (let p = 1; p <= first.pages; p++) {
      const r = await api({ q, per_pagina: perPage, pagina: p });
      expect(r.page).toBe(p);
      expect(r.total).toBe(first.total);
      expect(r.items.length, `page ${p}`).toBe(Math.min(perPage, first.total - (p - 1) * perPage));
      seen.push(...r.items.map((i) => i.id));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(first.total);
    // The same cards as one big page, in the same order.
    expect(seen).toEqual((await apiAll({ q })).items.map((i) => i.id));

    // Past the last page: an empty page that still reports the total (the API documents page/pages).
    const beyond = await api({ q, per_pagina: perPage, pagina: first.pages + 1 });
    expect(beyond).toMatchObject({ total: first.total, pages: first.pages, page: first.pages + 1, items: [] });

    // The HTML page: 10 per page, "pagina x di y", all pages together list every card once.
    const html1 = await page({ q });
    const total = htmlTotal(html1.html);
    expect(total).toBe(first.total);
    const pages = Math.ceil(total / 10);
    expect(decode(html1.html)).toContain(`pagina 1 di ${pages}`);
    const slugs: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const r = await page({ q, pagina: p });
      expect(r.status).toBe(200);
      const onPage = htmlSlugs(r.html);
      expect(onPage.length, `page ${p}`).toBe(Math.min(10, total - (p - 1) * 10));
      slugs.push(...onPage);
    }
    expect(new Set(slugs).size).toBe(total);
    // Past the last page: 200, the real total, no cards, a link back to the last page.
    const past = await page({ q, pagina: pages + 1 });
    expect(past.status).toBe(200);
    expect(htmlTotal(past.html)).toBe(total);
    expect(htmlSlugs(past.html)).toEqual([]);
    expect(past.html).toContain(`pagina=${pages}"`);
    // It says that the page does not exist (not "pagina x di y" with x > y, nor "no service matches").
    const it_ = translator('it');
    expect(decode(past.html)).not.toContain(`pagina ${pages + 1} di ${pages}`);
    expect(decode(past.html)).toContain(it_('search.pageMissing', { page: pages + 1, pages }));
    expect(decode(past.html)).toMatch(new RegExp(`pagina=${pages}">${it_('search.pageMissing.last')}</a>`));
    expect(decode(past.html)).not.toContain(it_('search.empty.title'));
    // Beyond the documented bound: 400.
    expect((await page({ q, pagina: 1001 })).status).toBe(400);
    expect((await t.app.inject(`/api/v1/services?${qs({ q, pagina: 1001 })}`)).statusCode).toBe(400);
  });

  it('8. sorting by price is monotonic within each price unit, ascending and descending', { timeout: 60_000 }, async () => {
    // Changed in issue 9: an hour, a month and a meal are not compared. Priced cards are grouped by unit, the unit
    // with most results first (the order of facets.units), and sorted by price within it.
    let unitOrder = new Map<string, number>();
    const unitRank = (i: ServiceSummary) => unitOrder.get(i.price.unit) ?? 99;
    // Ascending: free cards, then paid ones by unit and lowest price, then those priced on request.
    const ascKey = (i: ServiceSummary): [number, number, number] => (i.free ? [0, 0, 0] : i.price.from !== null ? [1, unitRank(i), i.price.from] : [2, 0, 0]);
    // Descending: priced cards by unit, dearest first, then free ones, then those on request.
    const descKey = (i: ServiceSummary): [number, number, number] => (!i.free && i.price.from !== null ? [0, unitRank(i), -i.price.from] : i.free ? [1, 0, 0] : [2, 0, 0]);
    const nonDecreasing = (items: ServiceSummary[], key: (i: ServiceSummary) => [number, number, number], label: string) => {
      for (let k = 1; k < items.length; k++) {
        const [a, b] = [key(items[k - 1]!), key(items[k]!)];
        const ok = a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2])));
        expect(ok, `${label}: ${items[k - 1]!.slug} (${a}) before ${items[k]!.slug} (${b})`).toBe(true);
      }
    };
    const apiAllUnits = async (params: Params) => {
      const first = await api({ ...params, per_pagina: 1 });
      unitOrder = new Map(first.facets.units.map((u, i) => [u.value, i]));
      expect(first.facets.units.length).toBeGreaterThan(0);
      return apiAll(params);
    };
    const counts = await t.db.one<{ total: number; free: number; priced: number }>(
      `select count(*)::int as total, count(*) filter (where offer_type <> 'paid')::int as free,
              count(*) filter (where offer_type = 'paid' and price_from is not null)::int as priced
         from public_service`,
    );
    expect(counts.priced).toBeGreaterThan(10);
    const asc = await apiAllUnits({ ordina: 'prezzo_asc' });
    expect(asc.items.length).toBe(counts.total);
    nonDecreasing(asc.items, ascKey, 'prezzo_asc');
    expect(asc.items.slice(0, counts.free).every((i) => i.free)).toBe(true);
    const desc = await apiAllUnits({ ordina: 'prezzo_desc' });
    expect(desc.items.length).toBe(counts.total);
    nonDecreasing(desc.items, descKey, 'prezzo_desc');
    expect(desc.items.slice(0, counts.priced).every((i) => !i.free && i.price.from !== null)).toBe(true);
    // The dearest of the first unit comes first; the first unit is the one with most cards.
    const firstUnit = desc.items[0]!.price.unit;
    expect(desc.items[0]!.price.from).toBe(Math.max(...asc.items.filter((i) => !i.free && i.price.unit === firstUnit).map((i) => i.price.from ?? -1)));
    // A unit filter keeps one unit only, sorted by price across all its cards.
    const perHour = await apiAll({ ordina: 'prezzo_asc', unita: 'ora' });
    const hourSql = await t.db.one<{ n: number }>(`select count(*)::int as n from public_service where price_unit = 'ora'`);
    expect(perHour.total).toBe(hourSql.n);
    expect(perHour.items.every((i) => i.price.unit === 'ora')).toBe(true);
    unitOrder = new Map([['ora', 0]]);
    nonDecreasing(perHour.items, ascKey, 'prezzo_asc unita=ora');
    // With words and a filter too, and across pages.
    for (const ordina of ['prezzo_asc', 'prezzo_desc'] as const) {
      const r = await apiAllUnits({ q: 'assistenza', municipio: ['1', '4'], ordina });
      expect(r.items.length).toBeGreaterThan(5);
      nonDecreasing(r.items, ordina === 'prezzo_asc' ? ascKey : descKey, `assistenza ${ordina}`);
      expect((await api({ q: 'assistenza', municipio: ['1', '4'], ordina })).sort).toBe(ordina);
    }
    // A maximum price keeps free cards and paid ones up to that price.
    const max = 12;
    const capped = await apiAll({ prezzo_max: max, ordina: 'prezzo_desc' });
    const cappedSql = await t.db.one<{ n: number }>(
      `select count(*)::int as n from public_service where offer_type <> 'paid' or price_from <= $1`,
      [max],
    );
    expect(capped.total).toBe(cappedSql.n);
    for (const i of capped.items) expect(i.free || (i.price.from !== null && i.price.from <= max), i.slug).toBe(true);
  });

  it('9. the same search everywhere: page, JSON API, HSDS and autocomplete', { timeout: 120_000 }, async () => {
    for (const q of ['badante', 'badnte', 'anziano', 'attività', 'pasti a domicilio', 'tata', 'zorblax']) {
      const json = await api({ q });
      const all = await apiAll({ q });
      const html = await page({ q });
      const hsds = await hsdsAll(q);
      expect(json.total, q).toBeGreaterThan(0);
      expect(htmlTotal(html.html), q).toBe(json.total);
      expect(hsds.total, q).toBe(json.total);
      expect(new Set(hsds.ids), q).toEqual(new Set(all.items.map((i) => i.id)));
      // The page shows the API's first page, in the same order.
      expect(htmlSlugs(html.html), q).toEqual(json.items.map((i) => i.slug));
    }

    // Autocomplete: typing "bada" suggests the service types named "Badante…" first, and links to searches that
    // find cards.
    const res = await t.app.inject('/api/v1/autocomplete?q=bada');
    expect(res.statusCode).toBe(200);
    const ac = res.json() as { q: string; suggestions: { type: string; label: string; url: string }[]; groups: { type: string }[] };
    const types = ac.suggestions.filter((s) => s.type === 'service_type');
    expect(ac.suggestions[0]?.type).toBe('service_type');
    expect(ac.groups[0]?.type).toBe('service_type');
    const named = (
      await t.db.query<{ slug: string }>(
        `select distinct t.slug from public_service s join taxonomy_term t on t.id = s.service_type_id
          where t.active and wemi_norm(t.name_it) like 'bada%' order by t.slug`,
      )
    ).map((r) => r.slug);
    expect(named.length).toBeGreaterThan(0);
    const tipo = (url: string) => new URLSearchParams(url.split('?')[1] ?? '').get('tipo');
    expect(types.slice(0, Math.min(4, named.length)).map((s) => tipo(s.url)).sort()).toEqual(named.slice(0, 4));
    // The type whose synonyms say "badante" is suggested too.
    const bySynonym = (
      await t.db.query<{ slug: string }>(
        `select distinct t.slug from public_service s join taxonomy_term t on t.id = s.service_type_id
          where t.active and 'badante' = any(t.synonyms)`,
      )
    ).map((r) => r.slug);
    expect(types.some((s) => bySynonym.includes(tipo(s.url) ?? ''))).toBe(true);
    for (const s of types) {
      expect(s.url).toMatch(/^\/servizi\?tipo=/);
      expect((await api({ tipo: tipo(s.url)! })).total, s.url).toBeGreaterThan(0);
    }
  });

  it('10a. bad input is a 400 (HTML and JSON), never a 500', { timeout: 60_000 }, async () => {
    const bad: Params[] = [
      { categoria: 'non-esiste' },
      { area: 'non-esiste' },
      { tipo: 'non-esiste' },
      { destinatari: 'non-esiste' },
      { fascia: 'non-esiste' },
      { municipio: '12' },
      { municipio: '0' },
      { modalita: 'a-distanza' },
      { ordina: 'casuale' },
      { gratuito: 'forse' },
      { prezzo_max: '-5' },
      { prezzo_max: 'tanto' },
      { pagina: '-1' },
      { pagina: '0' },
      { pagina: '99999999999999999999' },
      { pagina: '1e400' },
      { pagina: '2.5' },
      { pagina: 'abc' },
      { q: 'x'.repeat(201) },
      { q: 'badante '.repeat(40) },
      { categoria: Array.from({ length: 31 }, (_, i) => `c${i}`) },
    ];
    for (const params of bad) {
      const label = JSON.stringify(params).slice(0, 80);
      const html = await page(params);
      expect(html.status, `HTML ${label}`).toBe(400);
      expect(html.type).toContain('text/html');
      const entries = summaryEntries(html.html);
      expect(entries.length, `HTML ${label}`).toBeGreaterThan(0);
      for (const e of entries) expect(e.text.length).toBeGreaterThan(3);
      expect(html.html).toContain('Correggi i dati della ricerca');

      const res = await t.app.inject(`/api/v1/services?${qs(params)}`);
      expect(res.statusCode, `JSON ${label}`).toBe(400);
      const body = res.json() as ApiError;
      expect(body.error.code).toBe('bad_request');
      expect(body.error.issues?.length, `JSON ${label}`).toBeGreaterThan(0);
      // The issue names the parameter that is wrong.
      const param = Object.keys(params)[0]!;
      expect(body.error.issues!.some((i) => i.field.split('.')[0] === param), `JSON ${label}: ${JSON.stringify(body.error.issues)}`).toBe(true);
    }
    // API-only parameter.
    for (const per of ['0', '101', '-3']) expect((await t.app.inject(`/api/v1/services?per_pagina=${per}`)).statusCode).toBe(400);
    // The autocomplete and HSDS reject what they cannot take, as 400s.
    for (const url of ['/api/v1/autocomplete?q=a', `/api/v1/autocomplete?q=${'x'.repeat(101)}`, '/api/v1/autocomplete', `/api/hsds/services?search=${'x'.repeat(MAX_QUERY_LENGTH + 1)}`]) {
      const r = await t.app.inject(url);
      expect(r.statusCode, url).toBe(400);
      expect((r.json() as ApiError).error.code).toBe('bad_request');
    }
    // Odd but valid text (full-text query syntax, stop words only, punctuation only, very long words) is searched,
    // not an error.
    const failures: string[] = [];
    for (const q of ODD_TEXTS) {
      const json = await t.app.inject(`/api/v1/services?${qs({ q })}`);
      if (json.statusCode !== 200) failures.push(`JSON ${JSON.stringify(q)}: ${json.statusCode}`);
      const html = await page({ q });
      if (html.status !== 200) failures.push(`HTML ${JSON.stringify(q)}: ${html.status}`);
      if (q.trim().length >= 2) {
        const ac = await t.app.inject(`/api/v1/autocomplete?${qs({ q: q.slice(0, 100) })}`);
        if (ac.statusCode !== 200) failures.push(`autocomplete ${JSON.stringify(q)}: ${ac.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('10b. HSDS: the same odd but valid texts in `search` are searched, never a 500', async () => {
    const failures: string[] = [];
    for (const q of ODD_TEXTS) {
      for (const path of ['/api/hsds/services', '/api/hsds/service_at_locations']) {
        const res = await t.app.inject(`${path}?${qs({ search: q.slice(0, MAX_QUERY_LENGTH) })}`);
        if (res.statusCode !== 200) failures.push(`${path} search=${JSON.stringify(q.slice(0, 20))}: ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('10c. bad input messages are clear: they name the field and the wrong value or the allowed range', async () => {
    const t_ = translator('it');
    const unknown: Params[] = [{ categoria: 'non-esiste' }, { destinatari: 'non-esiste' }, { modalita: 'a-distanza' }, { ordina: 'casuale' }, { municipio: '12' }];
    const problems: string[] = [];
    for (const params of unknown) {
      const [param, value] = Object.entries(params)[0]! as [string, string];
      const expectedMessage = t_('validation.unknownValue', { value });
      const html = summaryEntries((await page(params)).html);
      const fieldLabel = t_(`search.field.${param}` as Parameters<typeof t_>[0]);
      if (!html.some((e) => e.anchor === param && e.text === `${fieldLabel}: ${expectedMessage}`))
        problems.push(`HTML ${param}=${value}: ${JSON.stringify(html)}`);
      const issues = ((await t.app.inject(`/api/v1/services?${qs(params)}`)).json() as ApiError).error.issues ?? [];
      if (!issues.some((i) => i.field === param && i.message === expectedMessage)) problems.push(`JSON ${param}=${value}: ${JSON.stringify(issues)}`);
    }
    const ranges: [Params, number, number][] = [
      [{ pagina: '-1' }, 1, 1000],
      [{ pagina: '99999' }, 1, 1000],
      [{ per_pagina: '101' }, 1, 100],
    ];
    for (const [params, min, max] of ranges) {
      const [param, value] = Object.entries(params)[0]! as [string, string];
      const expectedMessage = t_('validation.outOfRange', { min, max });
      if (param === 'pagina') {
        const html = summaryEntries((await page(params)).html);
        if (!html.some((e) => e.text === `${t_('search.field.pagina')}: ${expectedMessage}`)) problems.push(`HTML ${param}=${value}: ${JSON.stringify(html)}`);
      }
      const issues = ((await t.app.inject(`/api/v1/services?${qs(params)}`)).json() as ApiError).error.issues ?? [];
      if (!issues.some((i) => i.field === param && i.message === expectedMessage)) problems.push(`JSON ${param}=${value}: ${JSON.stringify(issues)}`);
    }
    // The autocomplete says how many characters it needs; HSDS gives the true bounds too.
    const checks: [string, string, string][] = [
      ['/api/v1/autocomplete?q=a', 'q', t_('validation.tooShort', { min: 2 })],
      ['/api/hsds/services?page=0', 'page', t_('validation.outOfRange', { min: 1, max: 1_000_000 })],
      ['/api/hsds/services?per_page=101', 'per_page', t_('validation.outOfRange', { min: 1, max: 100 })],
      ['/api/hsds/services?format=xml', 'format', t_('validation.unknownValue', { value: 'xml' })],
    ];
    for (const [url, field, expectedMessage] of checks) {
      const issues = ((await t.app.inject(url)).json() as ApiError).error.issues ?? [];
      if (!issues.some((i) => i.field === field && i.message === expectedMessage)) problems.push(`${url}: ${JSON.stringify(issues)}`);
    }
    expect(problems).toEqual([]);
  });

  it('11. the text searched is escaped wherever the page echoes it', async () => {
    const hostile = '<script>alert("x")</script>';
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';
    const ok = await page({ q: hostile });
    expect(ok.status).toBe(200);
    expect(ok.html).not.toContain('<script>alert');
    expect(ok.html).toMatch(new RegExp(`<title>[^<]*${escaped.replace(/[()]/g, '\\$&')}`));
    expect(ok.html).toContain(`name="q" value="${escaped}"`);
    expect(ok.html).toMatch(/<h1[^>]*>[^<]*&lt;script&gt;alert/);

    // Breaking out of the attribute does not work either.
    const attr = '"><img src=x onerror=alert(1)>';
    const a = await page({ q: attr });
    expect(a.html).not.toContain('<img src=x');
    expect(a.html).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');

    // Echoed in the "did you mean" line.
    const typo = await page({ q: `${hostile} badnte` });
    expect(typo.html).not.toContain('<script>alert');
    expect(typo.html).toMatch(/data-element="search-corrected">[^<]*&lt;script&gt;alert\(&quot;x&quot;\)/);

    // And in the 400 page that keeps an overlong text in its box.
    const long = await page({ q: `${hostile}${'x'.repeat(250)}` });
    expect(long.status).toBe(400);
    expect(long.html).not.toContain('<script>alert');
    expect(long.html).toContain(`value="${escaped}xxx`);
  });
});
