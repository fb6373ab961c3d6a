import type { FacetKey, OrderKey, SearchFilterIds } from './search.repository';

// The part of the search that needs no text index: filters, facet counts, sorting and the page, computed in
// memory over a compact index of the public cards. The index is loaded once per catalogue generation
// (src/lib/catalogue-cache.ts), so it is never older than the catalogue; PostgreSQL keeps the full-text
// matching and ranking, and the details of the cards of the page.

/** What filtering, counting and sorting need of one public card. */
export interface IndexedCard {
  id: string;
  /** Position in the order by lower-cased name, then id, as PostgreSQL sorts them (its collation). */
  nameOrd: number;
  priceFrom: number | null;
  offerType: 'free_public' | 'free_volunteer' | 'paid';
  ratingAvg: number | null;
  ratingCount: number;
  mode: 'individual' | 'shared' | 'both';
  typeId: string;
  catId: string | null;
  secId: string | null;
  orgId: string;
  /** Municipi the card covers (term ids). */
  municipi: readonly string[];
  /** Terms of the card's target groups and time bands (and any other classification). */
  terms: readonly string[];
}

export interface CatalogueIndex {
  cards: IndexedCard[];
  byId: Map<string, IndexedCard>;
}

export function buildIndex(cards: IndexedCard[]): CatalogueIndex {
  return { cards, byId: new Map(cards.map((c) => [c.id, c])) };
}

export interface Evaluation {
  total: number;
  /** The page: card ids with their position in the whole ordered result (1-based). */
  page: { id: string; ord: number }[];
  f_sec: [string, number][];
  f_cat: [string, number][];
  f_type: [string, number][];
  f_mun: [string, number][];
  f_tgt: [string, number][];
  f_band: [string, number][];
  f_offer: { free: number; paid: number };
  f_mode: { individual: number; shared: number };
}

type Compare = (a: IndexedCard, b: IndexedCard) => number;

/** Ascending, nulls last (PostgreSQL's default for ASC). */
const ascNullsLast = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x - y);
/** Descending, nulls first (PostgreSQL's default for DESC). */
const descNullsFirst = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? -1 : y === null ? 1 : y - x);
/** Descending, nulls last. */
const descNullsLast = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : y - x);

function comparator(order: OrderKey, rank: (c: IndexedCard) => number): Compare {
  const byName: Compare = (a, b) => a.nameOrd - b.nameOrd;
  const byRank: Compare = (a, b) => rank(b) - rank(a);
  switch (order) {
    case 'relevance':
      return (a, b) => byRank(a, b) || byName(a, b);
    case 'name':
      return byName;
    case 'price_asc': {
      // Cheapest first: free cards, then paid ones by their lowest price, then those priced on request.
      const group = (c: IndexedCard) => (c.offerType !== 'paid' ? 0 : c.priceFrom !== null ? 1 : 2);
      return (a, b) => group(a) - group(b) || ascNullsLast(a.priceFrom, b.priceFrom) || byName(a, b);
    }
    case 'price_desc': {
      // Dearest first; then free cards; cards priced on request last.
      const group = (c: IndexedCard) => (c.priceFrom !== null ? 0 : c.offerType !== 'paid' ? 1 : 2);
      return (a, b) => group(a) - group(b) || descNullsFirst(a.priceFrom, b.priceFrom) || byName(a, b);
    }
    case 'rating':
      // Best rated first (cards without ratings last), then the most reviewed, then relevance and name.
      return (a, b) => descNullsLast(a.ratingAvg, b.ratingAvg) || b.ratingCount - a.ratingCount || byRank(a, b) || byName(a, b);
  }
}

/** The k first elements of `items` in the order of `compare`, sorted (a full sort only when k is large). */
function firstSorted<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (k * 8 >= items.length) return items.sort(compare).slice(0, k);
  // Keep the best k in a sorted buffer: n·log k comparisons for the usual small pages.
  const best: T[] = [];
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(item, best[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Filters combined with AND (OR within one filter's values), the total, the page in the requested order and,
 * for each facet, the counts under all the OTHER active filters. `ranks` holds the cards matching the text
 * with their relevance (null: no text, every public card).
 */
export function evaluate(
  index: CatalogueIndex,
  opts: {
    ranks: Map<string, number> | null;
    filters: SearchFilterIds;
    order: OrderKey;
    limit: number;
    offset: number;
    allTargetIds: string[];
    allTimeBandIds: string[];
  },
): Evaluation {
  const { filters: f, ranks } = opts;
  const maxPrice = f.maxPrice;

  // Cards in scope before the facet filters: the text, the price ceiling and the ente.
  const candidates: IndexedCard[] = [];
  const consider = (c: IndexedCard) => {
    if (maxPrice !== undefined && c.offerType === 'paid' && !(c.priceFrom !== null && c.priceFrom <= maxPrice)) return;
    if (f.organizationId && c.orgId !== f.organizationId) return;
    candidates.push(c);
  };
  if (ranks) {
    for (const id of ranks.keys()) {
      const c = index.byId.get(id);
      if (c) consider(c);
    }
  } else {
    for (const c of index.cards) consider(c);
  }

  // The active facet filters, each with its bit.
  const cats = new Set(f.categoryIds);
  const muns = new Set(f.municipioIds);
  const targets = new Set(f.targetIds);
  const bands = new Set(f.timeBandIds);
  const tests: [FacetKey, (c: IndexedCard) => boolean][] = [];
  if (f.sectionId) tests.push(['sec', (c) => c.secId === f.sectionId]);
  if (cats.size) tests.push(['cat', (c) => c.catId !== null && cats.has(c.catId)]);
  if (f.serviceTypeId) tests.push(['type', (c) => c.typeId === f.serviceTypeId]);
  if (muns.size) tests.push(['mun', (c) => c.municipi.some((m) => muns.has(m))]);
  if (targets.size) tests.push(['tgt', (c) => c.terms.some((t) => targets.has(t))]);
  if (bands.size) tests.push(['band', (c) => c.terms.some((t) => bands.has(t))]);
  if (f.free) tests.push(['offer', (c) => c.offerType !== 'paid']);
  if (f.mode) tests.push(['mode', (c) => c.mode === f.mode || c.mode === 'both']);
  const bitOf = new Map<FacetKey, number>(tests.map(([k], i) => [k, 1 << i]));
  /** Whether a card failing the filters of `failed` counts in facet `key` (it may fail that facet's own filter only). */
  const countsIn = (failed: number, key: FacetKey) => failed === 0 || failed === bitOf.get(key);

  const allTargets = new Set(opts.allTargetIds);
  const allBands = new Set(opts.allTimeBandIds);
  const sec = new Map<string, number>();
  const cat = new Map<string, number>();
  const type = new Map<string, number>();
  const mun = new Map<string, number>();
  const tgt = new Map<string, number>();
  const band = new Map<string, number>();
  const offer = { free: 0, paid: 0 };
  const mode = { individual: 0, shared: 0 };
  const hits: IndexedCard[] = [];

  for (const c of candidates) {
    let failed = 0;
    for (let i = 0; i < tests.length; i++) if (!tests[i]![1](c)) failed |= 1 << i;
    // A card failing two filters or more counts nowhere.
    if (failed !== 0 && (failed & (failed - 1)) !== 0) continue;
    if (failed === 0) hits.push(c);
    if (c.secId !== null && countsIn(failed, 'sec')) bump(sec, c.secId);
    if (c.catId !== null && countsIn(failed, 'cat')) bump(cat, c.catId);
    if (countsIn(failed, 'type')) bump(type, c.typeId);
    if (countsIn(failed, 'mun')) for (const m of c.municipi) bump(mun, m);
    if (countsIn(failed, 'tgt')) for (const t of c.terms) if (allTargets.has(t)) bump(tgt, t);
    if (countsIn(failed, 'band')) for (const t of c.terms) if (allBands.has(t)) bump(band, t);
    if (countsIn(failed, 'offer')) {
      if (c.offerType === 'paid') offer.paid++;
      else offer.free++;
    }
    if (countsIn(failed, 'mode')) {
      if (c.mode !== 'shared') mode.individual++;
      if (c.mode !== 'individual') mode.shared++;
    }
  }

  const rank = ranks ? (c: IndexedCard) => ranks.get(c.id) ?? 0 : () => 0;
  const ordered = firstSorted(hits, opts.offset + opts.limit, comparator(opts.order, rank));
  return {
    total: hits.length,
    page: ordered.slice(opts.offset).map((c, i) => ({ id: c.id, ord: opts.offset + i + 1 })),
    f_sec: [...sec],
    f_cat: [...cat],
    f_type: [...type],
    f_mun: [...mun],
    f_tgt: [...tgt],
    f_band: [...band],
    f_offer: offer,
    f_mode: mode,
  };
}
