import type { MessageKey } from '../../i18n/catalogue';
import { formatEuro, type Locale, type Translate } from '../../i18n/i18n';
import { paths } from '../../web/paths';
import { SORT_PARAM_OF, toUrlParams, type SearchResponse, type ServiceSummary } from './search.schema';
import type { SearchHit, SearchQuery, SearchResult } from './search.service';

/** The URL parameters of the same search without a place named in its text (the text without the place's words). */
export function withoutPlace(query: SearchQuery, textWithout: string): Record<string, string | string[] | undefined> {
  return toUrlParams({ ...query, q: textWithout || undefined }, { page: 1 });
}

// What leaves the server about search results: the same objects for the page and the JSON API.

/** "da 12,00 € / ora", "Gratuito" or "Preventivo su richiesta". */
export function priceLabel(hit: Pick<SearchHit, 'offerType' | 'priceFrom' | 'priceUnit'>, locale: Locale, t: Translate): string {
  if (hit.offerType !== 'paid') return t('common.free');
  if (hit.priceFrom === null) return t('search.priceOnRequest');
  const unit = t(`unit.${hit.priceUnit}` as MessageKey);
  return `${t('common.from')} ${formatEuro(locale, hit.priceFrom)} ${t('common.perUnit', { unit })}`;
}

export function presentHit(hit: SearchHit, locale: Locale, t: Translate): ServiceSummary {
  return {
    id: hit.id,
    slug: hit.slug,
    name: hit.name,
    summary: hit.summary,
    url: paths.service(hit.slug),
    serviceType: hit.serviceType,
    category: hit.category,
    organization: { slug: hit.organization.slug, name: hit.organization.name, url: paths.ente(hit.organization.slug), isDemo: hit.organization.isDemo },
    offerType: hit.offerType,
    free: hit.offerType !== 'paid',
    price: {
      from: hit.offerType === 'paid' ? hit.priceFrom : null,
      unit: hit.priceUnit,
      customQuote: hit.customQuote,
      label: priceLabel(hit, locale, t),
    },
    mode: hit.mode,
    municipi: hit.municipi,
    spazi: hit.spazi.map((s) => ({ ...s, url: paths.spazio(s.slug) })),
    rating: { average: hit.ratingAvg, count: hit.ratingCount },
    isDemo: hit.isDemo,
    updatedAt: hit.updatedAt,
  };
}

export function presentResult(result: SearchResult, locale: Locale, t: Translate): SearchResponse {
  return {
    total: result.total,
    page: result.page,
    pages: result.pages,
    perPage: result.perPage,
    sort: SORT_PARAM_OF[result.sort],
    correctedQuery: result.correctedQuery ?? null,
    understood: {
      municipi: result.understood.municipi.map((m) => ({
        value: m.value,
        label: m.label,
        phrase: m.phrase,
        removeUrl: paths.apiServices(withoutPlace(result.query, m.textWithout)),
      })),
      concepts: result.understood.concepts,
      ignored: result.understood.ignored,
    },
    items: result.items.map((h) => presentHit(h, locale, t)),
    facets: { ...result.facets, units: result.units },
  };
}
