import { z } from 'zod';
import { q } from '../../lib/http/validation';
import type { SearchQuery, Sort } from './search.service';

// The query string of the search, shared by the /servizi page and /api/v1/services. Parameter names are
// fixed (other pages link with them). Slugs are checked against the taxonomy after parsing
// (findUnknownFilters), so an unknown one is a 400 naming the field, like any other invalid value.

const slug = z.string().trim().min(1).max(100);
const MUNICIPI = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
/** Price units a card can be priced in (src/db/seed/taxonomy.ts PriceUnit). */
export const PRICE_UNITS = ['ora', 'intervento', 'pasto', 'seduta', 'giorno', 'settimana', 'mese', 'lezione', 'corso', 'pacchetto', 'km', 'pratica'] as const;
export const SORT_PARAMS = ['rilevanza', 'prezzo_asc', 'prezzo_desc', 'nome', 'valutazione'] as const;
export type SortParam = (typeof SORT_PARAMS)[number];

const SORT_OF: Record<SortParam, Sort> = { rilevanza: 'relevance', prezzo_asc: 'price_asc', prezzo_desc: 'price_desc', nome: 'name', valutazione: 'rating' };
export const SORT_PARAM_OF: Record<Sort, SortParam> = { relevance: 'rilevanza', price_asc: 'prezzo_asc', price_desc: 'prezzo_desc', name: 'nome', rating: 'valutazione' };

/** Longest search text, in characters: the site's search box and the HSDS `search` parameter. */
export const MAX_QUERY_LENGTH = 200;

export const searchQuerySchema = z.object({
  q: q.text(MAX_QUERY_LENGTH).describe('Words to search for (Italian full-text search, typo-tolerant, with synonyms)'),
  area: z.preprocess((v) => (Array.isArray(v) ? v[v.length - 1] : v === '' ? undefined : v), slug.optional()).describe('Section slug'),
  categoria: q.list(slug).describe('Category slug (repeatable; any of them)'),
  tipo: z.preprocess((v) => (Array.isArray(v) ? v[v.length - 1] : v === '' ? undefined : v), slug.optional()).describe('Service type slug'),
  municipio: q.list(z.enum(MUNICIPI), 9).describe('Municipio number 1–9 (repeatable; any of them)'),
  gratuito: q.bool().describe('1 = only free services'),
  modalita: q.enumOf(['individuale', 'condiviso']).describe('Individual or shared services (cards offered both ways match either)'),
  destinatari: q.list(slug).describe('Target-group slug (repeatable; any of them)'),
  fascia: q.list(slug).describe('Time-band slug (repeatable; any of them)'),
  prezzo_max: q.money(10000).describe('Highest starting price in euro (free services included)'),
  unita: q.enumOf(PRICE_UNITS).describe('Price unit (per hour, meal, month…): only services priced in it. Sorted by price, services are compared within their unit'),
  ordina: q.enumOf(SORT_PARAMS).describe('Sort order; default rilevanza with q, else nome. valutazione = best average rating first (unrated last), then most reviews'),
  pagina: q.int(1, 1000).describe('Page number, from 1'),
});

export const apiSearchQuerySchema = searchQuerySchema.extend({
  per_pagina: q.int(1, 100).describe('Results per page (1–100, default 10)'),
});

export type SearchParams = z.infer<typeof searchQuerySchema>;
export type ApiSearchParams = z.infer<typeof apiSearchQuerySchema>;
/** The URL field names, as they appear in 400 messages. */
export type SearchField = keyof ApiSearchParams;

export const PAGE_SIZE = 10;

/** From URL parameters to the search service's query. */
export function toSearchQuery(p: SearchParams & { per_pagina?: number | undefined }): SearchQuery {
  const text = p.q?.trim() || undefined;
  return {
    q: text,
    section: p.area,
    categories: p.categoria,
    serviceType: p.tipo,
    municipi: p.municipio.map(Number),
    free: p.gratuito === true ? true : undefined,
    mode: p.modalita === 'individuale' ? 'individual' : p.modalita === 'condiviso' ? 'shared' : undefined,
    targets: p.destinatari,
    timeBands: p.fascia,
    maxPrice: p.prezzo_max,
    unit: p.unita,
    // Relevance by default, with or without words: the search sorts by name when there are none (search.service.ts),
    // so a form first sent without words does not carry "name" into the next search with words.
    sort: p.ordina ? SORT_OF[p.ordina] : 'relevance',
    page: p.pagina ?? 1,
    perPage: p.per_pagina ?? PAGE_SIZE,
  };
}

/** The URL parameters of a query (defaults left out), for links that keep the whole search state. */
export function toUrlParams(query: SearchQuery, opts: { page?: number; perPage?: boolean } = {}): Record<string, string | string[] | undefined> {
  const defaultSort: Sort = 'relevance';
  const page = opts.page ?? query.page;
  return {
    q: query.q,
    area: query.section,
    categoria: query.categories,
    tipo: query.serviceType,
    municipio: query.municipi.map(String),
    gratuito: query.free ? '1' : undefined,
    modalita: query.mode === 'individual' ? 'individuale' : query.mode === 'shared' ? 'condiviso' : undefined,
    destinatari: query.targets,
    fascia: query.timeBands,
    prezzo_max: query.maxPrice !== undefined ? String(query.maxPrice) : undefined,
    unita: query.unit,
    ordina: query.sort !== defaultSort ? SORT_PARAM_OF[query.sort] : undefined,
    pagina: page > 1 ? String(page) : undefined,
    per_pagina: opts.perPage && query.perPage !== PAGE_SIZE ? String(query.perPage) : undefined,
  };
}

/** Which URL field each query field comes from (for 400 messages about unknown values). */
export const FIELD_OF = {
  section: 'area',
  categories: 'categoria',
  serviceType: 'tipo',
  municipi: 'municipio',
  targets: 'destinatari',
  timeBands: 'fascia',
} as const satisfies Record<string, SearchField>;

// ---------------------------------------------------------------------------------------------------
// Responses of the JSON API (documented in OpenAPI).

const facet = z.object({ value: z.string(), label: z.string(), count: z.number().int(), selected: z.boolean() });

export const serviceSummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  summary: z.string(),
  url: z.string().describe('Path of the service page'),
  serviceType: z.object({ slug: z.string(), name: z.string() }),
  category: z.object({ slug: z.string(), name: z.string() }),
  organization: z.object({ slug: z.string(), name: z.string(), url: z.string(), isDemo: z.boolean() }),
  offerType: z.enum(['free_public', 'free_volunteer', 'paid']),
  free: z.boolean(),
  price: z.object({
    from: z.number().nullable().describe('Lowest unit price in euro, VAT included; null when free or on request'),
    unit: z.string(),
    customQuote: z.boolean(),
    label: z.string().describe('E.g. "da 12,00 € / ora", "Gratuito", "Preventivo su richiesta"'),
  }),
  mode: z.enum(['individual', 'shared', 'both']),
  municipi: z.array(z.number().int().min(1).max(9)),
  spazi: z.array(z.object({ slug: z.string(), name: z.string(), url: z.string() })),
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
  isDemo: z.boolean(),
  updatedAt: z.string(),
});

export const searchResponseSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  perPage: z.number().int(),
  sort: z.enum(SORT_PARAMS),
  correctedQuery: z.string().nullable().describe('The words searched instead, when the query was corrected for typos'),
  understood: z
    .object({
      municipi: z
        .array(z.object({ value: z.string(), label: z.string(), phrase: z.string().describe('The words of q that named it'), removeUrl: z.string().describe('The same search without this Municipio (API URL)') }))
        .describe('Municipi or neighbourhoods named in q, applied as a Municipio filter (not searched as words)'),
      concepts: z.array(z.string()).describe('Concepts of the City’s dictionary recognised in q (their related services are searched too)'),
      ignored: z.array(z.string()).describe('Expressions of q left out as carrying no meaning ("cerco", "mia madre")'),
    })
    .describe('What the text was understood to mean'),
  items: z.array(serviceSummarySchema),
  facets: z.object({
    sections: z.array(facet),
    categories: z.array(facet),
    serviceTypes: z.array(facet),
    municipi: z.array(facet),
    targets: z.array(facet),
    timeBands: z.array(facet),
    offer: z.array(facet),
    mode: z.array(facet),
    units: z.array(facet).describe('Price units among the results (filter unita)'),
  }),
});

export const autocompleteQuerySchema = z.object({
  q: z.preprocess((v) => (Array.isArray(v) ? v[v.length - 1] : v), z.string().trim().min(2).max(100)).describe('What has been typed (at least 2 characters)'),
});

export const autocompleteResponseSchema = z.object({
  q: z.string(),
  suggestions: z
    .array(
      z.object({
        type: z.enum(['service_type', 'category', 'organization']),
        label: z.string(),
        url: z.string(),
      }),
    )
    .max(8),
  groups: z
    .array(z.object({ type: z.enum(['service_type', 'category', 'organization']), label: z.string() }))
    .describe('Headings of the groups present, in display order'),
  status: z.string().describe('Sentence for screen readers announcing how many suggestions there are'),
});

export type ServiceSummary = z.infer<typeof serviceSummarySchema>;
export type SearchResponse = z.infer<typeof searchResponseSchema>;
