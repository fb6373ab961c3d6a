import type { FacetKey, OrderKey, SearchFilterIds } from './search.repository';

// The part of the search that needs no text index: filters, facet counts, sorting and the page, computed in
// memory over a compact index of the public cards. The index is loaded once per catalogue generation
// (src/lib/catalogue-cache.ts), so it is never older than the catalogue; PostgreSQL keeps the full-text
// matching and ranking, and the details of the cards of the page.

/** What filtering, counting and sorting need of one public card, as the database gives it. */
export interface CardFacts {
  id: string;
  /** Position in the order by lower-cased name, then id, as PostgreSQL sorts them (its collation). */
  nameOrd: number;
  priceFrom: number | null;
  /** What the price is for: ora, mese, pasto, seduta… */
  priceUnit: string;
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

/** A card of the index: the same facts, with taxonomy terms as small numbers (-1: none) for fast counting. */
export interface IndexedCard {
  id: string;
  nameOrd: number;
  priceFrom: number | null;
  priceUnit: string;
  offerType: CardFacts['offerType'];
  ratingAvg: number | null;
  ratingCount: number;
  mode: CardFacts['mode'];
  type: number;
  cat: number;
  sec: number;
  orgId: string;
  municipi: number[];
  terms: number[];
}

export interface CatalogueIndex {
  cards: IndexedCard[];
  byId: Map<string, IndexedCard>;
  /** Term id of each term number. */
  termIds: string[];
  termNumber: Map<string, number>;
}

export function buildIndex(facts: CardFacts[]): CatalogueIndex {
  const termIds: string[] = [];
  const termNumber = new Map<string, number>();
  const num = (id: string | null) => {
    if (id === null) return -1;
    let n = termNumber.get(id);
    if (n === undefined) {
      n = termIds.push(id) - 1;
      termNumber.set(id, n);
    }
    return n;
  };
  const cards = facts.map((c) => ({
    id: c.id,
    nameOrd: c.nameOrd,
    priceFrom: c.priceFrom,
    priceUnit: c.priceUnit,
    offerType: c.offerType,
    ratingAvg: c.ratingAvg,
    ratingCount: c.ratingCount,
    mode: c.mode,
    type: num(c.typeId),
    cat: num(c.catId),
    sec: num(c.secId),
    orgId: c.orgId,
    municipi: c.municipi.map(num),
    terms: c.terms.map(num),
  }));
  return { cards, byId: new Map(cards.map((c) => [c.id, c])), termIds, termNumber };
}

export interface Evaluation {
  total: number;
  /** The cards of the page, in order. */
  pageIds: string[];
  f_sec: [string, number][];
  f_cat: [string, number][];
  f_type: [string, number][];
  f_mun: [string, number][];
  f_tgt: [string, number][];
  f_band: [string, number][];
  f_offer: { free: number; paid: number };
  f_mode: { individual: number; shared: number };
  /** Price units (ora, mese…) with their counts under the other filters. */
  f_unit: [string, number][];
}

type Compare = (a: IndexedCard, b: IndexedCard) => number;

/** Ascending, nulls last (PostgreSQL's default for ASC). */
const ascNullsLast = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x - y);
/** Descending, nulls first (PostgreSQL's default for DESC). */
const descNullsFirst = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? -1 : y === null ? 1 : y - x);
/** Descending, nulls last. */
const descNullsLast = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : y - x);

/**
 * Prices are compared like with like: an hour, a month and a meal are different things. Sorted by price, paid cards
 * are grouped by their unit, the unit with most results first (then alphabetically), and sorted by price within
 * it; the unit filter (`unita`) keeps one unit only. Free cards cost nothing in any unit.
 */
function comparator(order: OrderKey, rank: (c: IndexedCard) => number, unitOrder: Map<string, number>): Compare {
  const unitOf = (c: IndexedCard) => unitOrder.get(c.priceUnit) ?? 0;
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
      return (a, b) => group(a) - group(b) || (group(a) === 1 ? unitOf(a) - unitOf(b) : 0) || ascNullsLast(a.priceFrom, b.priceFrom) || byName(a, b);
    }
    case 'price_desc': {
      // Dearest first; then free cards; cards priced on request last.
      const group = (c: IndexedCard) => (c.priceFrom !== null ? 0 : c.offerType !== 'paid' ? 1 : 2);
      return (a, b) => group(a) - group(b) || (group(a) === 0 ? unitOf(a) - unitOf(b) : 0) || descNullsFirst(a.priceFrom, b.priceFrom) || byName(a, b);
    }
    case 'rating':
      // Best rated first (cards without ratings last), then the most reviewed, then relevance and name.
      return (a, b) => descNullsLast(a.ratingAvg, b.ratingAvg) || b.ratingCount - a.ratingCount || byRank(a, b) || byName(a, b);
  }
}

const byCountThenName = (counts: Map<string, number>): [string, number][] =>
  [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

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
  const size = index.termIds.length;

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

  /** Membership of term numbers (ids no card uses are simply absent). */
  const setOf = (ids: readonly string[]) => {
    const set = new Uint8Array(size);
    for (const id of ids) {
      const n = index.termNumber.get(id);
      if (n !== undefined) set[n] = 1;
    }
    return set;
  };
  const anyIn = (set: Uint8Array, terms: number[]) => {
    for (const t of terms) if (set[t] === 1) return true;
    return false;
  };
  const section = f.sectionId ? (index.termNumber.get(f.sectionId) ?? -2) : -2;
  const type = f.serviceTypeId ? (index.termNumber.get(f.serviceTypeId) ?? -2) : -2;
  const cats = setOf(f.categoryIds);
  const muns = setOf(f.municipioIds);
  const targets = setOf(f.targetIds);
  const bands = setOf(f.timeBandIds);

  // The active facet filters, each with its bit.
  const tests: [FacetKey, (c: IndexedCard) => boolean][] = [];
  if (f.sectionId) tests.push(['sec', (c) => c.sec === section]);
  if (f.categoryIds.length) tests.push(['cat', (c) => c.cat >= 0 && cats[c.cat] === 1]);
  if (f.serviceTypeId) tests.push(['type', (c) => c.type === type]);
  if (f.municipioIds.length) tests.push(['mun', (c) => anyIn(muns, c.municipi)]);
  if (f.targetIds.length) tests.push(['tgt', (c) => anyIn(targets, c.terms)]);
  if (f.timeBandIds.length) tests.push(['band', (c) => anyIn(bands, c.terms)]);
  if (f.free) tests.push(['offer', (c) => c.offerType !== 'paid']);
  if (f.mode) tests.push(['mode', (c) => c.mode === f.mode || c.mode === 'both']);
  if (f.priceUnit) tests.push(['unit', (c) => c.priceUnit === f.priceUnit]);
  const bit = (key: FacetKey) => {
    const i = tests.findIndex(([k]) => k === key);
    return i < 0 ? 0 : 1 << i;
  };
  const [bSec, bCat, bType, bMun, bTgt, bBand, bOffer, bMode, bUnit] = (['sec', 'cat', 'type', 'mun', 'tgt', 'band', 'offer', 'mode', 'unit'] as const).map(bit) as [
    number, number, number, number, number, number, number, number, number,
  ];
  const units = new Map<string, number>();

  const allTargets = setOf(opts.allTargetIds);
  const allBands = setOf(opts.allTimeBandIds);
  const sec = new Int32Array(size);
  const cat = new Int32Array(size);
  const typ = new Int32Array(size);
  const mun = new Int32Array(size);
  const tgt = new Int32Array(size);
  const band = new Int32Array(size);
  const offer = { free: 0, paid: 0 };
  const mode = { individual: 0, shared: 0 };
  const hits: IndexedCard[] = [];

  for (const c of candidates) {
    let failed = 0;
    for (let i = 0; i < tests.length; i++) if (!tests[i]![1](c)) failed |= 1 << i;
    // A card failing two filters or more counts nowhere; failing one, it counts in that facet only.
    if (failed !== 0 && (failed & (failed - 1)) !== 0) continue;
    if (failed === 0) hits.push(c);
    if (c.sec >= 0 && (failed === 0 || failed === bSec)) sec[c.sec]!++;
    if (c.cat >= 0 && (failed === 0 || failed === bCat)) cat[c.cat]!++;
    if (failed === 0 || failed === bType) typ[c.type]!++;
    if (failed === 0 || failed === bMun) for (const m of c.municipi) mun[m]!++;
    if (failed === 0 || failed === bTgt) for (const t of c.terms) if (allTargets[t] === 1) tgt[t]!++;
    if (failed === 0 || failed === bBand) for (const t of c.terms) if (allBands[t] === 1) band[t]!++;
    if (failed === 0 || failed === bOffer) {
      if (c.offerType === 'paid') offer.paid++;
      else offer.free++;
    }
    if (failed === 0 || failed === bMode) {
      if (c.mode !== 'shared') mode.individual++;
      if (c.mode !== 'individual') mode.shared++;
    }
    if (failed === 0 || failed === bUnit) units.set(c.priceUnit, (units.get(c.priceUnit) ?? 0) + 1);
  }
  const pairs = (counts: Int32Array): [string, number][] => {
    const out: [string, number][] = [];
    for (let n = 0; n < size; n++) if (counts[n]! > 0) out.push([index.termIds[n]!, counts[n]!]);
    return out;
  };

  const rank = ranks ? (c: IndexedCard) => ranks.get(c.id) ?? 0 : () => 0;
  // Units in the order prices are grouped: the unit of most results first, then by name (as f_unit lists them).
  const perUnit = new Map<string, number>();
  for (const c of hits) perUnit.set(c.priceUnit, (perUnit.get(c.priceUnit) ?? 0) + 1);
  const unitOrder = new Map(byCountThenName(perUnit).map(([u], i) => [u, i]));
  const ordered = firstSorted(hits, opts.offset + opts.limit, comparator(opts.order, rank, unitOrder));
  return {
    total: hits.length,
    pageIds: ordered.slice(opts.offset).map((c) => c.id),
    f_sec: pairs(sec),
    f_cat: pairs(cat),
    f_type: pairs(typ),
    f_mun: pairs(mun),
    f_tgt: pairs(tgt),
    f_band: pairs(band),
    f_offer: offer,
    f_mode: mode,
    f_unit: byCountThenName(units),
  };
}
