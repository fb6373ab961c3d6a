import type { Db, Queryable } from '../../db/database';
import type { MessageKey } from '../../i18n/catalogue';
import { translator, type Locale } from '../../i18n/i18n';
import { paths } from '../../web/paths';
import { catalogueGeneration, forgetCatalogueCaches } from '../../lib/catalogue-cache';
import {
  checkTokens,
  loadConcepts,
  loadSuggestRows,
  loadSynonymGroups,
  loadTerms,
  loadIndexRows,
  loadCardRows,
  matchUnits,
  parseTsqueries,
  stopWordsAmong,
  type PageRow,
  type SearchFilterIds,
  type TermRow,
} from './search.repository';
import { buildIndex, evaluate, type CatalogueIndex, type IndexedCard } from './search.index';
import { buildUnits, normalize, similarity, tokenize, tsqueryText, variants, type QueryUnit, type SynonymGroup } from './search.text';
import { buildDictionary, conceptForTypo, understand, type Concept, type Dictionary, type PlaceFilter } from './search.understand';

// THE search of WeMi: the /servizi page, the autocomplete, the JSON API and the HSDS `search` parameter
// all go through this module.
//
// Understanding (search.understand.ts, docs/decisions/0008-search-understanding.md): a Municipio or neighbourhood
// named in the text becomes a Municipio filter; words of the concept dictionary (search_concept) that carry no
// meaning are left out, and concepts search their related Italian expressions and bring their own cards (service
// types, categories); every other word is optional: cards are ranked by how much of the query they cover, rare
// words weighing more, and cards covering much less than the best are cut.
//
// Matching (of the words left): PostgreSQL full-text search (configuration `italian`) on service.search_tsv, built by
// refresh_service_search() from wemi_norm()ed text (lower case, no accents). Each word of the query is
// searched in all its gender/number forms (the Italian stemmer does not always agree with itself), words
// that match no card are corrected with pg_trgm against the vocabulary (search_word), expressions with
// curated synonyms (search_synonym) are searched with their synonyms (the synonyms of taxonomy terms are
// indexed in the cards' search documents instead), and the last word,
// when it is the beginning of longer words, also matches them as a prefix (search-as-you-type).
// Ranking (scoreMatches): how much of the query a card covers, each unit weighted by its rarity and by where
// the card matches it (name/type, category/synonyms/ente, summary, the rest), plus the concepts whose own cards
// it is; then alphabetical order.
//
// Caching: results, vocabulary and taxonomy are kept in memory per database, keyed by a counter that
// triggers move on every change of the data a search depends on (migration 0002); one tiny query per
// search checks it, so a published, edited or hidden card shows at once.

export const SORTS = ['relevance', 'price_asc', 'price_desc', 'name', 'rating'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchQuery {
  q?: string | undefined;
  /** Section slug. */
  section?: string | undefined;
  /** Category slugs (OR). */
  categories: string[];
  /** Service type slug. */
  serviceType?: string | undefined;
  /** Municipio numbers 1–9 (OR). */
  municipi: number[];
  free?: boolean | undefined;
  mode?: 'individual' | 'shared' | undefined;
  /** Target-group slugs (OR). */
  targets: string[];
  /** Time-band slugs (OR). */
  timeBands: string[];
  maxPrice?: number | undefined;
  organizationId?: string | undefined;
  /** Price unit (ora, mese, pasto…): only cards priced in it. */
  unit?: string | undefined;
  /** 'relevance' falls back to 'name' when there is no text to rank by. */
  sort: Sort;
  page: number;
  perPage: number;
}

export interface SearchHit {
  id: string;
  slug: string;
  name: string;
  summary: string;
  serviceType: { slug: string; name: string };
  category: { slug: string; name: string };
  organization: { id: string; slug: string; name: string; isDemo: boolean };
  offerType: 'free_public' | 'free_volunteer' | 'paid';
  priceFrom: number | null;
  priceUnit: string;
  customQuote: boolean;
  mode: 'individual' | 'shared' | 'both';
  municipi: number[];
  spazi: { slug: string; name: string }[];
  ratingAvg: number | null;
  ratingCount: number;
  isDemo: boolean;
  updatedAt: string;
}

export interface Facet {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface SearchResult {
  query: SearchQuery;
  total: number;
  page: number;
  perPage: number;
  pages: number;
  items: SearchHit[];
  facets: {
    /** Sections (value = slug). */
    sections: Facet[];
    /** Categories (value = slug); only those with results or selected. */
    categories: Facet[];
    /** Service types (value = slug); only those with results or selected. */
    serviceTypes: Facet[];
    /** The nine Municipi (value = '1'…'9'), always all of them. */
    municipi: Facet[];
    targets: Facet[];
    timeBands: Facet[];
    /** value 'free' | 'paid' (only 'free' is a filter: gratuito=1). */
    offer: Facet[];
    /** value 'individual' | 'shared' (cards offered both ways count in each). */
    mode: Facet[];
  };
  /** The words actually searched, when typo correction changed the query. */
  correctedQuery?: string | undefined;
  /** What the text was understood to mean. */
  understood: {
    /** Municipi named in the text and applied as a filter, with the text that searches without them. */
    municipi: { value: string; label: string; phrase: string; textWithout: string }[];
    /** Concepts of the dictionary recognised in the text (their labels). */
    concepts: string[];
    /** Expressions left out as meaningless. */
    ignored: string[];
  };
  /** Price units among the results (value: ora, mese…), with counts under the other filters. */
  units: Facet[];
  /** The sort actually applied (relevance becomes name without text). */
  sort: Sort;
}

// ---------------------------------------------------------------------------------------------------
// Per-database cache, valid for one value of the catalogue counter.

const RESULT_TTL_MS = 60_000;
const STATE_TTL_MS = 5 * 60_000;
const MAX_RESULTS = 500;
const MAX_PLANS = 1000;
/** About 20 MB of text matches per process at most. */
const MAX_MATCHED_CARDS = 200_000;
const MAX_CARD_ROWS = 20_000;

interface Taxonomy {
  byId: Map<string, TermRow>;
  /** taxonomy code → slug → term */
  bySlug: Map<string, Map<string, TermRow>>;
  /** taxonomy code → code → term */
  byCode: Map<string, Map<string, TermRow>>;
  /** taxonomy code → terms in display order */
  lists: Map<string, TermRow[]>;
  municipioByNumber: Map<number, TermRow>;
}

interface Synonyms {
  groups: SynonymGroup[];
  /** Stop words appearing in the synonym expressions. */
  stopWords: Set<string>;
}

export interface Suggestion {
  type: 'service_type' | 'category' | 'organization';
  label: string;
  url: string;
}

interface SuggestEntry {
  id: string;
  type: Suggestion['type'];
  slug: string;
  label: Record<Locale, string>;
  /** Normalised names (both languages) and synonyms; the first ones are the names. */
  names: { text: string; words: string[]; synonym: boolean }[];
  count: number;
}

interface TextPlan {
  /** Identifies what is matched (two texts meaning the same share their matches). */
  key: string;
  /** Parsed tsquery (as text) matching any unit. */
  any: string;
  /** Each unit (a word with its synonyms, or a concept's related expressions): every weight, A, AB, ABC. */
  units: { q: string; a: string; ab: string; abc: string }[];
  /** Concepts recognised, with their own cards' service types and categories (term ids). */
  concepts: { label: string; types: Set<string>; cats: Set<string> }[];
  municipi: PlaceFilter[];
  /** The text without the place phrases. */
  withoutPlaces: string;
  conceptLabels: string[];
  ignored: string[];
  correctedQuery?: string | undefined;
}

interface CacheState {
  generation: number | null;
  createdAt: number;
  index?: Promise<CatalogueIndex>;
  /** Cards matching a text plan, with their relevance (filters, sorts and pages of the same text reuse them). */
  matches: Map<string, Promise<Map<string, number>>>;
  /** How many cards each loaded entry of `matches` holds; their sum is bounded by MAX_MATCHED_CARDS. */
  matchSizes: Map<string, number>;
  matchedCards: number;
  /** What result cards show, by card id. */
  cardRows: Map<string, PageRow>;
  taxonomy?: Promise<Taxonomy>;
  synonyms?: Promise<Synonyms>;
  dictionary?: Promise<Dictionary>;
  suggest?: Promise<SuggestEntry[]>;
  plans: Map<string, TextPlan | null>;
  results: Map<string, { at: number; value: SearchResult }>;
  suggestions: Map<string, Suggestion[]>;
}

const states = new WeakMap<object, CacheState>();

/** What this process knows of the catalogue for this generation (src/lib/catalogue-cache.ts); a throwaway state when caches are off. */
function stateFor(db: Queryable): CacheState {
  const generation = catalogueGeneration(db);
  const now = Date.now();
  const fresh = (): CacheState => ({ generation, createdAt: now, matches: new Map(), matchSizes: new Map(), matchedCards: 0, cardRows: new Map(), plans: new Map(), results: new Map(), suggestions: new Map() });
  if (generation === null) return fresh();
  let state = states.get(db);
  if (!state || state.generation !== generation || now - state.createdAt > STATE_TTL_MS) {
    state = fresh();
    states.set(db, state);
  }
  return state;
}

/** Forgets everything cached for a database (tests that change data without the triggers, e.g. in a rolled-back transaction). */
export function clearSearchCache(db: Queryable): void {
  states.delete(db);
  forgetCatalogueCaches(db);
}

function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  if (map.size >= max) {
    const first = map.keys().next();
    if (!first.done) map.delete(first.value);
  }
  map.set(key, value);
}

function taxonomyOf(db: Queryable, state: CacheState): Promise<Taxonomy> {
  state.taxonomy ??= loadTerms(db).then((rows) => {
    const byId = new Map<string, TermRow>();
    const bySlug = new Map<string, Map<string, TermRow>>();
    const byCode = new Map<string, Map<string, TermRow>>();
    const lists = new Map<string, TermRow[]>();
    const municipioByNumber = new Map<number, TermRow>();
    for (const r of rows) {
      byId.set(r.id, r);
      if (!bySlug.has(r.taxonomy)) bySlug.set(r.taxonomy, new Map());
      bySlug.get(r.taxonomy)!.set(r.slug, r);
      if (!byCode.has(r.taxonomy)) byCode.set(r.taxonomy, new Map());
      byCode.get(r.taxonomy)!.set(r.code, r);
      if (!lists.has(r.taxonomy)) lists.set(r.taxonomy, []);
      lists.get(r.taxonomy)!.push(r);
      if (r.taxonomy === 'municipio') {
        const n = /^m([1-9])$/.exec(r.code)?.[1] ?? (r.position >= 1 && r.position <= 9 ? String(r.position) : undefined);
        if (n) municipioByNumber.set(Number(n), r);
      }
    }
    return { byId, bySlug, byCode, lists, municipioByNumber };
  });
  state.taxonomy.catch(() => (state.taxonomy = undefined));
  return state.taxonomy;
}

function indexOf(db: Queryable, state: CacheState): Promise<CatalogueIndex> {
  state.index ??= loadIndexRows(db).then((rows) =>
    buildIndex(
      rows.map((r) => ({
        id: r.id,
        nameOrd: Number(r.name_ord),
        priceFrom: r.price_from === null ? null : Number(r.price_from),
        priceUnit: r.price_unit,
        offerType: r.offer_type,
        ratingAvg: r.rating_avg === null ? null : Number(r.rating_avg),
        ratingCount: r.rating_count,
        mode: r.mode,
        typeId: r.type_id,
        catId: r.cat_id,
        secId: r.sec_id,
        orgId: r.organization_id,
        municipi: r.municipi,
        terms: r.terms,
      })),
    ),
  );
  state.index.catch(() => (state.index = undefined));
  return state.index;
}

/** What the result cards of these ids show, in their order: from memory, else from the database. */
async function cardRowsOf(db: Queryable, state: CacheState, ids: string[]): Promise<PageRow[]> {
  const missing = ids.filter((id) => !state.cardRows.has(id));
  for (const row of await loadCardRows(db, missing)) remember(state.cardRows, row.id, row, MAX_CARD_ROWS);
  return ids.map((id) => state.cardRows.get(id)).filter((r): r is PageRow => r !== undefined);
}

/** How much a unit counts, by the best part of the card it matches (search.repository.ts matchUnits: 0 none … 4 name). */
const LEVEL_WEIGHT = [0, 0.15, 0.5, 0.75, 1] as const;
/** A card matching no concept is kept when its coverage of the query is at least this share of the best card's. */
const RELATIVE_CUT = 0.45;
/** A card of a concept's own service type outranks any card that only shares words (coverage is at most 1). */
const CONCEPT_WEIGHT = 1.5;
/** A card of the concept's category, but not of one of its service types. */
const CATEGORY_SHARE = 0.8;

/**
 * The public cards a text plan finds, with their relevance, once per plan and generation: how much of the query
 * each card covers (every unit weighted by how rare it is in the catalogue, and by where the card matches it),
 * plus the concepts whose own cards it is. Cards that cover the query much less than the best one are cut.
 */
function matchesOf(db: Queryable, state: CacheState, plan: TextPlan, index: CatalogueIndex): Promise<Map<string, number>> {
  const key = plan.key;
  const known = state.matches.get(key);
  if (known) return known;
  const value = (plan.units.length ? matchUnits(db, plan.any, plan.units) : Promise.resolve([])).then((rows) => {
    const ranks = scoreMatches(plan, index, rows);
    if (state.matches.get(key) === value) {
      state.matchSizes.set(key, ranks.size);
      state.matchedCards += ranks.size;
      // Oldest texts go first when the bound is reached.
      for (const k of state.matchSizes.keys()) {
        if (state.matchedCards <= MAX_MATCHED_CARDS || k === key) break;
        state.matchedCards -= state.matchSizes.get(k)!;
        state.matchSizes.delete(k);
        state.matches.delete(k);
      }
    }
    return ranks;
  });
  state.matches.set(key, value);
  value.catch(() => state.matches.delete(key));
  return value;
}

function scoreMatches(plan: TextPlan, index: CatalogueIndex, rows: { id: string; levels: number[] }[]): Map<string, number> {
  const n = Math.max(1, index.cards.length);
  const df = plan.units.map(() => 0);
  for (const r of rows) r.levels.forEach((l, i) => l > 0 && df[i]!++);
  // Rare words weigh more than common ones ("domicilio", "aiuto"); a word no card has still counts (nobody covers it).
  const idf = df.map((d) => Math.log(1 + n / (1 + d)));
  const idfSum = idf.reduce((a, b) => a + b, 0) || 1;
  const coverage = new Map<string, number>();
  let best = 0;
  for (const r of rows) {
    let s = 0;
    r.levels.forEach((l, i) => (s += idf[i]! * LEVEL_WEIGHT[Math.max(0, Math.min(4, Number(l)))]!));
    const c = s / idfSum;
    coverage.set(r.id, c);
    if (c > best) best = c;
  }
  // The concepts' own cards, from the index in memory (no query): by service type, else by category.
  const conceptsWithCards = plan.concepts.filter((c) => c.types.size || c.cats.size);
  const conceptScore = (card: IndexedCard | undefined): number => {
    if (!card || conceptsWithCards.length === 0) return 0;
    let s = 0;
    for (const c of conceptsWithCards) {
      const type = index.termIds[card.type];
      const cat = card.cat >= 0 ? index.termIds[card.cat] : undefined;
      if (type && c.types.has(type)) s += 1;
      else if (cat && c.cats.has(cat)) s += CATEGORY_SHARE;
    }
    return s / conceptsWithCards.length;
  };
  const ranks = new Map<string, number>();
  if (conceptsWithCards.length) {
    for (const card of index.cards) {
      const k = conceptScore(card);
      if (k > 0) ranks.set(card.id, CONCEPT_WEIGHT * k + (coverage.get(card.id) ?? 0));
    }
  }
  const cut = best * RELATIVE_CUT;
  for (const [id, c] of coverage) {
    if (ranks.has(id) || c <= 0 || c < cut) continue;
    ranks.set(id, c);
  }
  return ranks;
}

function synonymsOf(db: Queryable, state: CacheState): Promise<Synonyms> {
  state.synonyms ??= loadSynonymGroups(db).then(async (rows) => {
    const groups = rows.map((terms) => terms.map((t) => tokenize(t)).filter((t) => t.length > 0)).filter((g) => g.length > 1);
    const words = [...new Set(groups.flat(2))];
    return { groups, stopWords: new Set(await stopWordsAmong(db, words)) };
  });
  state.synonyms.catch(() => (state.synonyms = undefined));
  return state.synonyms;
}

/** The concept dictionary and the place names, once per generation (search_concept, the Municipio terms). */
function dictionaryOf(db: Queryable, state: CacheState): Promise<Dictionary> {
  state.dictionary ??= Promise.all([loadConcepts(db), taxonomyOf(db, state)]).then(([rows, tax]) => {
    const idsOf = (taxonomy: string, codes: string[]) => codes.map((c) => tax.byCode.get(taxonomy)?.get(c)?.id).filter((id): id is string => !!id);
    const concepts: Concept[] = rows.map((r) => ({
      id: r.id,
      label: r.label,
      kind: r.kind,
      terms: r.terms.map(tokenize).filter((t) => t.length > 0),
      related: r.related.map(tokenize).filter((t) => t.length > 0),
      typeIds: idsOf('service_type', r.service_types),
      catIds: idsOf('category', r.categories),
    }));
    // The City's own place names: the synonyms of the Municipio terms ("zona 8", neighbourhoods).
    const names = new Map<string, number>();
    for (const [n, term] of tax.municipioByNumber) {
      for (const s of term.synonyms) {
        const name = normalize(s);
        if (name && !/^zona [1-9]$/.test(name)) names.set(name, n);
      }
    }
    return buildDictionary(concepts, names);
  });
  state.dictionary.catch(() => (state.dictionary = undefined));
  return state.dictionary;
}

// ---------------------------------------------------------------------------------------------------
// Text matching.

/** Works out what a text means and what to ask PostgreSQL for it: places, concepts, corrections, synonyms, prefix. */
async function planText(db: Queryable, state: CacheState, text: string): Promise<TextPlan | null> {
  const key = normalize(text);
  if (state.plans.has(key)) return state.plans.get(key)!;
  const tokens = tokenize(text);
  let plan: TextPlan | null = null;
  if (tokens.length > 0) {
    const [synonyms, dict] = await Promise.all([synonymsOf(db, state), dictionaryOf(db, state)]);
    const understood = understand(tokens, dict);
    const words = understood.words;
    const concepts = [...understood.concepts];
    const checks = words.length ? await checkTokens(db, words, words.map((t) => variants(t).join(' | ')), tokens[tokens.length - 1] === words[words.length - 1]) : [];
    const stop = new Set<number>();
    const corrected = [...words];
    const typoConcept = new Set<number>();
    let changed = false;
    let prefix: string | undefined;
    for (const c of checks) {
      const i = c.i - 1;
      const tok = words[i]!;
      if (c.stop) stop.add(i);
      else if (c.prefix_of && !c.matches && i === words.length - 1) prefix = tok;
      else if (!c.matches) {
        // A misspelt concept ("alzaimer") before a misspelt catalogue word.
        const concept = conceptForTypo(tok, dict);
        if (concept) {
          typoConcept.add(i);
          if (!concepts.some((x) => x.concept === concept)) concepts.push({ concept, phrase: tok });
          const term = concept.terms.filter((t) => t.length === 1).sort((a, b) => similarity(b[0]!, tok) - similarity(a[0]!, tok))[0]!;
          corrected[i] = term[0]!;
          changed = true;
        } else if (c.correction && c.correction !== tok) {
          corrected[i] = c.correction;
          changed = true;
        }
      }
    }
    // Stop words take no part in matching (they are kept for synonym expressions like "assistenza alla persona").
    const searched = corrected.filter((_, i) => !typoConcept.has(i));
    const units: QueryUnit[] = buildUnits(searched, synonyms.groups);
    const stopWords = new Set([...synonyms.stopWords, ...[...stop].map((i) => corrected[i]!)]);
    if (prefix) {
      const last = units[units.length - 1];
      if (last && last.tokens.length === 1 && last.tokens[0] === prefix) last.prefix = prefix;
    }
    // Each concept is one more unit: its related expressions, any of them.
    for (const { concept, phrase } of concepts) {
      if (concept.related.length) units.push({ tokens: tokenize(phrase), alternatives: concept.related.map((r) => [...r]) });
    }
    const kept = units
      .map((u) => ({ ...u, alternatives: u.alternatives.map((alt) => alt.filter((w) => !stopWords.has(w))) }))
      // A unit whose own words are all stop words is dropped; so are empty synonym expressions.
      .filter((u) => u.alternatives.some((alt) => alt.length > 0))
      .map((u) => ({ ...u, alternatives: u.alternatives.filter((alt) => alt.length > 0) }));
    const conceptTargets = concepts.map(({ concept }) => ({ label: concept.label, types: new Set(concept.typeIds), cats: new Set(concept.catIds) }));
    if (kept.length > 0 || conceptTargets.length > 0 || understood.municipi.length > 0) {
      // Parsed (stemmed) once here: to_tsquery() in the search itself would run again for every card it looks at.
      const texts = [kept.map((u) => tsqueryText([u])).map((q) => `(${q})`).join(' | ')];
      for (const u of kept) texts.push(tsqueryText([u]), tsqueryText([u], 'A'), tsqueryText([u], 'AB'), tsqueryText([u], 'ABC'));
      const parsed = kept.length ? await parseTsqueries(db, texts) : [''];
      const unitQueries = kept.map((_, i) => ({ q: parsed[1 + i * 4]!, a: parsed[2 + i * 4]!, ab: parsed[3 + i * 4]!, abc: parsed[4 + i * 4]! }));
      // Units whose words the stemmer drops entirely match nothing and say nothing: left out.
      const live = unitQueries.filter((u) => u.q !== '');
      plan = {
        key: JSON.stringify([parsed[0] ?? '', live.map((u) => u.q), concepts.map((c) => c.concept.id).sort()]),
        any: live.length ? live.map((u) => `(${u.q})`).join(' | ') : '',
        units: live,
        concepts: conceptTargets,
        municipi: understood.municipi,
        withoutPlaces: understood.withoutPlaces.join(' '),
        conceptLabels: concepts.map((c) => c.concept.label),
        ignored: understood.ignored,
        // The whole text as typed, with the corrected words in their places.
        correctedQuery: changed ? tokens.map((tok, i) => { const w = understood.wordPositions.indexOf(i); return w >= 0 ? corrected[w]! : tok; }).join(' ') : undefined,
      };
      if (plan.units.length === 0 && plan.concepts.length === 0 && plan.municipi.length === 0) plan = null;
    }
  }
  remember(state.plans, key, plan, MAX_PLANS);
  return plan;
}

/** Whether a plan restricts the cards by text at all (a plan of places only does not). */
const matchesText = (plan: TextPlan | null): plan is TextPlan => !!plan && (plan.units.length > 0 || plan.concepts.length > 0);

/**
 * SQL for matching services `s` against free text, the same cards and relevance as the search: appends its
 * parameters to `params` and returns a boolean condition and a rank expression (higher is better) that reference
 * the alias `s` (table service). Undefined when the text has no searchable words (it then filters nothing).
 * A Municipio named in the text ("pasti municipio 8") restricts the cards too.
 */
export async function serviceTextMatch(
  db: Db,
  text: string,
  params: unknown[],
): Promise<{ condition: string; rank: string; correctedQuery?: string | undefined } | undefined> {
  const state = stateFor(db);
  const [plan, index, tax] = await Promise.all([planText(db, state, text), indexOf(db, state), taxonomyOf(db, state)]);
  if (!plan) return undefined;
  let ids: string[];
  let scores: number[];
  const municipi = new Set(plan.municipi.map((m) => tax.municipioByNumber.get(m.municipio)?.id).filter((id): id is string => !!id).map((id) => index.termNumber.get(id) ?? -2));
  const inPlace = (id: string) => municipi.size === 0 || (index.byId.get(id)?.municipi.some((m) => municipi.has(m)) ?? false);
  if (matchesText(plan)) {
    const ranks = await matchesOf(db, state, plan, index);
    ids = [...ranks.keys()].filter(inPlace);
    scores = ids.map((id) => ranks.get(id)!);
  } else {
    ids = index.cards.map((c) => c.id).filter(inPlace);
    scores = ids.map(() => 0);
  }
  params.push(ids, scores);
  const n = params.length;
  return {
    condition: `s.id = any($${n - 1}::uuid[])`,
    rank: `coalesce(($${n}::float8[])[array_position($${n - 1}::uuid[], s.id)], 0)`,
    correctedQuery: plan.correctedQuery,
  };
}

// ---------------------------------------------------------------------------------------------------
// Search.

/** An id that matches nothing: unknown slugs select no card rather than being ignored. */
const NO_MATCH = '00000000-0000-0000-0000-000000000000';

export interface UnknownFilter {
  field: 'section' | 'categories' | 'serviceType' | 'municipi' | 'targets' | 'timeBands';
  value: string;
}

/** Filter values that name no term (unknown slugs, Municipio numbers without a term). */
export async function findUnknownFilters(db: Db, query: Pick<SearchQuery, 'section' | 'categories' | 'serviceType' | 'municipi' | 'targets' | 'timeBands'>): Promise<UnknownFilter[]> {
  const state = stateFor(db);
  const tax = await taxonomyOf(db, state);
  const out: UnknownFilter[] = [];
  const check = (field: UnknownFilter['field'], taxonomy: string, slugs: (string | undefined)[]) => {
    for (const s of slugs) if (s !== undefined && !tax.bySlug.get(taxonomy)?.has(s)) out.push({ field, value: s });
  };
  check('section', 'section', [query.section]);
  check('categories', 'category', query.categories);
  check('serviceType', 'service_type', [query.serviceType]);
  check('targets', 'target_group', query.targets);
  check('timeBands', 'time_band', query.timeBands);
  for (const m of query.municipi) if (!tax.municipioByNumber.has(m)) out.push({ field: 'municipi', value: String(m) });
  return out;
}

function resolveFilters(tax: Taxonomy, q: SearchQuery, places: PlaceFilter[] = []): SearchFilterIds {
  const id = (taxonomy: string, slug: string) => tax.bySlug.get(taxonomy)?.get(slug)?.id ?? NO_MATCH;
  // A Municipio named in the text is one more value of the Municipio filter (OR with those ticked).
  const municipi = [...new Set([...q.municipi, ...places.map((p) => p.municipio)])];
  return {
    sectionId: q.section ? id('section', q.section) : undefined,
    categoryIds: q.categories.map((s) => id('category', s)),
    serviceTypeId: q.serviceType ? id('service_type', q.serviceType) : undefined,
    municipioIds: municipi.map((m) => tax.municipioByNumber.get(m)?.id ?? NO_MATCH),
    free: q.free || undefined,
    mode: q.mode,
    targetIds: q.targets.map((s) => id('target_group', s)),
    timeBandIds: q.timeBands.map((s) => id('time_band', s)),
    maxPrice: q.maxPrice,
    organizationId: q.organizationId,
    priceUnit: q.unit,
  };
}

/** The query in a canonical form (sorted lists, no duplicates): the cache key, and what the result reports. */
export function canonicalQuery(q: SearchQuery): SearchQuery {
  const uniq = <T>(xs: T[]) => [...new Set(xs)].sort();
  const text = q.q?.trim();
  return {
    q: text ? text : undefined,
    section: q.section || undefined,
    categories: uniq(q.categories),
    serviceType: q.serviceType || undefined,
    municipi: [...new Set(q.municipi)].sort((a, b) => a - b),
    free: q.free || undefined,
    mode: q.mode,
    targets: uniq(q.targets),
    timeBands: uniq(q.timeBands),
    maxPrice: q.maxPrice,
    organizationId: q.organizationId,
    unit: q.unit || undefined,
    sort: q.sort,
    page: Math.max(1, Math.floor(q.page)),
    perPage: Math.min(100, Math.max(1, Math.floor(q.perPage))),
  };
}

const label = (t: TermRow, locale: Locale) => (locale === 'en' && t.name_en ? t.name_en : t.name_it);

function facetList(
  terms: TermRow[],
  counts: [string, number][],
  selected: Set<string>,
  locale: Locale,
  keep: (count: number, isSelected: boolean) => boolean = (c, s) => c > 0 || s,
): Facet[] {
  const byId = new Map(counts);
  return terms
    .filter((t) => t.active || selected.has(t.slug))
    .map((t) => ({ value: t.slug, label: label(t, locale), count: Number(byId.get(t.id) ?? 0), selected: selected.has(t.slug) }))
    .filter((f) => keep(f.count, f.selected));
}

function toHit(r: PageRow, tax: Taxonomy, locale: Locale): SearchHit {
  const type = tax.byId.get(r.type_id);
  const cat = type?.parent_id ? tax.byId.get(type.parent_id) : undefined;
  const municipi = (r.municipio_ids ?? [])
    .map((id) => {
      const t = tax.byId.get(id);
      const n = t ? /^m([1-9])$/.exec(t.code)?.[1] ?? String(t.position) : undefined;
      return n ? Number(n) : NaN;
    })
    .filter((n) => Number.isInteger(n))
    .sort((a, b) => a - b);
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    summary: locale === 'en' && r.summary_en ? r.summary_en : r.summary_it,
    serviceType: { slug: type?.slug ?? '', name: type ? label(type, locale) : '' },
    category: { slug: cat?.slug ?? '', name: cat ? label(cat, locale) : '' },
    organization: { id: r.organization_id, slug: r.organization_slug, name: r.organization_name, isDemo: r.organization_demo },
    offerType: r.offer_type,
    priceFrom: r.price_from === null ? null : Number(r.price_from),
    priceUnit: r.price_unit,
    customQuote: r.custom_quote,
    mode: r.mode,
    municipi,
    spazi: r.spazi ?? [],
    ratingAvg: r.rating_avg === null ? null : Number(r.rating_avg),
    ratingCount: r.rating_count,
    isDemo: r.is_demo,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/**
 * Searches the public cards (published card of an active ente): text, filters combined with AND (OR
 * within one filter's values), facet counts under the other filters, sorting and pagination.
 * Unknown slugs match nothing (use findUnknownFilters to reject them first).
 */
export async function searchServices(db: Db, query: SearchQuery, locale: Locale): Promise<SearchResult> {
  const q = canonicalQuery(query);
  const state = stateFor(db);
  const key = JSON.stringify([locale, q]);
  const cached = state.results.get(key);
  if (cached && Date.now() - cached.at < RESULT_TTL_MS) return cached.value;

  const [tax, index, plan] = await Promise.all([taxonomyOf(db, state), indexOf(db, state), q.q ? planText(db, state, q.q) : null]);
  const sort: Sort = q.sort === 'relevance' && !matchesText(plan) ? 'name' : q.sort;
  const ranks = matchesText(plan) ? await matchesOf(db, state, plan, index) : null;
  const evaluation = evaluate(index, {
    ranks,
    filters: resolveFilters(tax, q, plan?.municipi),
    order: sort,
    limit: q.perPage,
    offset: (q.page - 1) * q.perPage,
    allTargetIds: (tax.lists.get('target_group') ?? []).map((t) => t.id),
    allTimeBandIds: (tax.lists.get('time_band') ?? []).map((t) => t.id),
  });
  const row = { ...evaluation, items: await cardRowsOf(db, state, evaluation.pageIds) };

  const t = translator(locale);
  const list = (code: string) => tax.lists.get(code) ?? [];
  const municipiSelected = new Set(q.municipi.map(String));
  const munCounts = new Map(row.f_mun);
  const municipi: Facet[] = [...tax.municipioByNumber.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([n, t]) => ({ value: String(n), label: label(t, locale), count: Number(munCounts.get(t.id) ?? 0), selected: municipiSelected.has(String(n)) }));
  const result: SearchResult = {
    query: q,
    total: row.total,
    page: q.page,
    perPage: q.perPage,
    pages: Math.max(1, Math.ceil(row.total / q.perPage)),
    items: row.items.map((r) => toHit(r, tax, locale)),
    facets: {
      sections: facetList(list('section'), row.f_sec, new Set(q.section ? [q.section] : []), locale),
      categories: facetList(list('category'), row.f_cat, new Set(q.categories), locale),
      serviceTypes: facetList(list('service_type'), row.f_type, new Set(q.serviceType ? [q.serviceType] : []), locale),
      municipi,
      targets: facetList(list('target_group'), row.f_tgt, new Set(q.targets), locale),
      timeBands: facetList(list('time_band'), row.f_band, new Set(q.timeBands), locale),
      offer: [
        { value: 'free', label: t('search.facet.freeValue'), count: Number(row.f_offer.free), selected: !!q.free },
        { value: 'paid', label: t('search.facet.paid'), count: Number(row.f_offer.paid), selected: false },
      ],
      mode: [
        { value: 'individual', label: t('search.facet.individual'), count: Number(row.f_mode.individual), selected: q.mode === 'individual' },
        { value: 'shared', label: t('search.facet.shared'), count: Number(row.f_mode.shared), selected: q.mode === 'shared' },
      ],
    },
    correctedQuery: plan?.correctedQuery,
    understood: {
      municipi: (plan?.municipi ?? []).map((m) => {
        const term = tax.municipioByNumber.get(m.municipio);
        return { value: String(m.municipio), label: term ? label(term, locale) : `Municipio ${m.municipio}`, phrase: m.phrase, textWithout: plan!.withoutPlaces };
      }),
      concepts: plan?.conceptLabels ?? [],
      ignored: plan?.ignored ?? [],
    },
    // The unit chosen stays listed (with 0) when nothing under the other filters is priced in it.
    units: [...row.f_unit, ...(q.unit && !row.f_unit.some(([u]) => u === q.unit) ? [[q.unit, 0] as [string, number]] : [])].map(([value, count]) => ({
      value,
      label: t(`unit.${value}` as MessageKey),
      count,
      selected: q.unit === value,
    })),
    sort,
  };
  remember(state.results, key, { at: Date.now(), value: result }, MAX_RESULTS);
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Autocomplete: service types, categories and enti with public cards, matched in memory with the same
// normalisation as the search, by word prefix, synonyms and trigram similarity (typos).

function suggestIndexOf(db: Queryable, state: CacheState): Promise<SuggestEntry[]> {
  state.suggest ??= loadSuggestRows(db).then((rows) =>
    rows.map((r) => {
      const names = [...new Set([normalize(r.name_it), normalize(r.name_en)])].map((text) => ({ text, words: text.split(' '), synonym: false }));
      for (const s of r.synonyms) {
        const text = normalize(s);
        if (text) names.push({ text, words: text.split(' '), synonym: true });
      }
      return { id: r.id, type: r.kind, slug: r.slug, label: { it: r.name_it, en: r.name_en || r.name_it }, names, count: r.n };
    }),
  );
  state.suggest.catch(() => (state.suggest = undefined));
  return state.suggest;
}

const sameRoot = (word: string, token: string) => word === token || (token.length >= 4 && word.length >= 4 && word.slice(0, -1) === token.slice(0, -1));

function scoreName(name: SuggestEntry['names'][number], tokens: string[], phrase: string): number {
  const penalty = name.synonym ? 5 : 0;
  if (name.text.startsWith(phrase)) return 100 - penalty;
  const last = tokens.length - 1;
  const exactAll = tokens.every((tok, i) =>
    name.words.some((w) => (i === last ? w.startsWith(tok) : sameRoot(w, tok) || (tok.length >= 3 && w.startsWith(tok)))),
  );
  if (exactAll) return 80 - penalty;
  const fuzzyAll = tokens.every((tok) =>
    name.words.some((w) => w.startsWith(tok) || (tok.length >= 4 && similarity(w, tok) >= 0.4) || (tok.length >= 4 && w.length > tok.length && similarity(w.slice(0, tok.length + 1), tok) >= 0.4)),
  );
  return fuzzyAll ? 40 - penalty : 0;
}

const GROUP_ORDER: Suggestion['type'][] = ['service_type', 'category', 'organization'];
const QUOTA: Record<Suggestion['type'], number> = { service_type: 4, category: 2, organization: 2 };
export const MAX_SUGGESTIONS = 8;

/** Up to 8 suggestions for what is being typed, grouped: service types, categories, enti. */
export async function autocomplete(db: Db, text: string, locale: Locale): Promise<Suggestion[]> {
  const tokens = tokenize(text);
  if (tokens.length === 0 || tokens.join('').length < 2) return [];
  const state = stateFor(db);
  const key = `${locale}|${tokens.join(' ')}`;
  const hit = state.suggestions.get(key);
  if (hit) return hit;
  const [index, dict] = await Promise.all([suggestIndexOf(db, state), dictionaryOf(db, state)]);
  const phrase = tokens.join(' ');
  // What the concept dictionary says the text means ("nann" → nanny → the baby-sitting types): only when no name
  // matches what is typed, so that the suggestions for a name stay those of the name.
  const meant = new Set<string>();
  const byName = index.some((e) => e.names.some((n) => scoreName(n, tokens, phrase) > 0));
  for (const c of byName ? [] : dict.concepts) {
    if (c.kind !== 'concept') continue;
    if (c.terms.some((term) => term.join(' ').startsWith(phrase) && (phrase.length >= 3 || term.join(' ') === phrase))) {
      for (const id of [...c.typeIds, ...c.catIds]) meant.add(id);
    }
  }
  const scored = index
    .map((e) => ({ e, score: Math.max(0, ...e.names.map((n) => scoreName(n, tokens, phrase)), meant.has(e.id) ? 30 : 0) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || b.e.count - a.e.count || a.e.label[locale].localeCompare(b.e.label[locale], locale));
  const byGroup = new Map<Suggestion['type'], typeof scored>(GROUP_ORDER.map((g) => [g, []]));
  for (const x of scored) byGroup.get(x.e.type)!.push(x);
  const taken = new Map<Suggestion['type'], number>(GROUP_ORDER.map((g) => [g, Math.min(QUOTA[g], byGroup.get(g)!.length)]));
  let free = MAX_SUGGESTIONS - [...taken.values()].reduce((a, b) => a + b, 0);
  for (const g of GROUP_ORDER) {
    const extra = Math.min(free, byGroup.get(g)!.length - taken.get(g)!);
    taken.set(g, taken.get(g)! + extra);
    free -= extra;
  }
  const out: Suggestion[] = [];
  for (const g of GROUP_ORDER) {
    for (const { e } of byGroup.get(g)!.slice(0, taken.get(g)!)) {
      out.push({
        type: e.type,
        label: e.label[locale],
        url: e.type === 'organization' ? paths.ente(e.slug) : e.type === 'category' ? paths.services({ categoria: e.slug }) : paths.services({ tipo: e.slug }),
      });
    }
  }
  remember(state.suggestions, key, out, MAX_PLANS);
  return out;
}

/** The categories with most public cards (for the empty-results page). */
export async function popularCategories(db: Db, locale: Locale, limit = 6): Promise<{ slug: string; name: string; count: number }[]> {
  const state = stateFor(db);
  const index = await suggestIndexOf(db, state);
  return index
    .filter((e) => e.type === 'category')
    .sort((a, b) => b.count - a.count || a.label[locale].localeCompare(b.label[locale], locale))
    .slice(0, limit)
    .map((e) => ({ slug: e.slug, name: e.label[locale], count: e.count }));
}
