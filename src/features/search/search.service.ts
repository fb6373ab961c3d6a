import type { Db } from '../../db/database';
import type { Locale } from '../../i18n/i18n';

// THE search of WeMi: the /servizi page, the autocomplete, the JSON API and the HSDS `search` parameter
// all go through this module. (Implementation in progress.)

export const SORTS = ['relevance', 'price_asc', 'price_desc', 'name'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchQuery {
  q?: string | undefined;
  section?: string | undefined;
  categories: string[];
  serviceType?: string | undefined;
  municipi: number[];
  free?: boolean | undefined;
  mode?: 'individual' | 'shared' | undefined;
  targets: string[];
  timeBands: string[];
  maxPrice?: number | undefined;
  organizationId?: string | undefined;
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
    categories: Facet[];
    municipi: Facet[];
    targets: Facet[];
    timeBands: Facet[];
    offer: Facet[];
    mode: Facet[];
  };
  /** The words actually searched, when typo correction changed the query. */
  correctedQuery?: string | undefined;
}

/**
 * SQL for matching services `s` against free text: appends its parameters to `params` and returns a
 * boolean condition and a rank expression (higher is better) that reference the alias `s` (table service).
 */
export async function serviceTextMatch(
  _db: Db,
  _text: string,
  _params: unknown[],
): Promise<{ condition: string; rank: string; correctedQuery?: string | undefined }> {
  throw new Error('not implemented yet');
}

export async function searchServices(_db: Db, _query: SearchQuery, _locale: Locale): Promise<SearchResult> {
  throw new Error('not implemented yet');
}
