import type { Html } from '../../lib/jsx/jsx-runtime';
import type { MessageKey } from '../../i18n/catalogue';
import { formatEuro, formatNumber } from '../../i18n/i18n';
import type { FieldIssue } from '../../lib/http/errors';
import type { PageContext } from '../../web/context';
import { Layout, PageHeader } from '../../web/layout';
import { DemoBadge, ErrorSummary, Icon, Pagination } from '../../web/components';
import { paths } from '../../web/paths';
import { FeedbackWidget } from '../feedback/feedback.view';
import { MAX_QUERY_LENGTH, SORT_PARAM_OF, toUrlParams } from './search.schema';
import { presentHit } from './search.presenter';
import type { Facet, SearchQuery, SearchResult } from './search.service';

// The /servizi page (Modello Comuni search results): one GET form holding the search box and the filters
// (works without JavaScript), active filters as removable links, the results as cards, pagination.

export interface SearchPageView {
  query: SearchQuery;
  result: SearchResult;
  /** Problems with the request (400): shown in an error summary instead of the results. */
  issues: FieldIssue[];
  /** Raw values of invalid text fields, kept in their controls. */
  raw: { q?: string | undefined; prezzo_max?: string | undefined };
  popular: { slug: string; name: string; count: number }[];
}

const href = (query: SearchQuery, change: Partial<SearchQuery> = {}) => paths.services(toUrlParams({ ...query, page: 1, ...change }));

interface ActiveFilter {
  label: string;
  href: string;
}

function activeFilters(ctx: PageContext, query: SearchQuery, result: SearchResult): ActiveFilter[] {
  const { t } = ctx;
  const f = result.facets;
  const labelOf = (list: Facet[], value: string) => list.find((x) => x.value === value)?.label ?? value;
  const out: ActiveFilter[] = [];
  if (query.section) out.push({ label: labelOf(f.sections, query.section), href: href(query, { section: undefined }) });
  for (const c of query.categories) out.push({ label: labelOf(f.categories, c), href: href(query, { categories: query.categories.filter((x) => x !== c) }) });
  if (query.serviceType) out.push({ label: labelOf(f.serviceTypes, query.serviceType), href: href(query, { serviceType: undefined }) });
  for (const m of query.municipi) out.push({ label: t('common.municipio', { n: m }), href: href(query, { municipi: query.municipi.filter((x) => x !== m) }) });
  for (const v of query.targets) out.push({ label: labelOf(f.targets, v), href: href(query, { targets: query.targets.filter((x) => x !== v) }) });
  for (const v of query.timeBands) out.push({ label: labelOf(f.timeBands, v), href: href(query, { timeBands: query.timeBands.filter((x) => x !== v) }) });
  if (query.free) out.push({ label: t('search.facet.free'), href: href(query, { free: undefined }) });
  if (query.mode) out.push({ label: t(query.mode === 'individual' ? 'search.facet.individual' : 'search.facet.shared'), href: href(query, { mode: undefined }) });
  if (query.maxPrice !== undefined)
    out.push({ label: t('search.facet.maxPriceChip', { price: formatEuro(ctx.locale, query.maxPrice) }), href: href(query, { maxPrice: undefined }) });
  if (query.unit) out.push({ label: t('search.facet.unitChip', { unit: labelOf(result.units, query.unit) }), href: href(query, { unit: undefined }) });
  // A Municipio named in the words ("pasti municipio 8"): applied as a filter; removing it searches the other words.
  for (const m of result.understood.municipi) {
    const q = m.textWithout || undefined;
    out.push({ label: t('search.understood.municipio', { label: m.label, phrase: m.phrase }), href: href(query, { q }) });
  }
  return out;
}

/** The query without any filter (the text and the sort stay). */
const withoutFilters = (query: SearchQuery): SearchQuery => ({
  ...query,
  section: undefined,
  categories: [],
  serviceType: undefined,
  municipi: [],
  free: undefined,
  mode: undefined,
  targets: [],
  timeBands: [],
  maxPrice: undefined,
  unit: undefined,
  page: 1,
});

const countText = (ctx: PageContext, n: number) =>
  n === 0 ? ctx.t('search.count.zero') : n === 1 ? ctx.t('search.count.one') : ctx.t('search.count.many', { count: formatNumber(ctx.locale, n) });

function CheckboxGroup(props: { ctx: PageContext; name: string; legend: string; facets: Facet[]; value?: (f: Facet) => string }): Html {
  const { ctx } = props;
  return (
    <fieldset class="wemi-facet" id={props.name}>
      <legend class="wemi-facet-legend">{props.legend}</legend>
      {props.facets.length === 0 ? (
        <p class="wemi-facet-empty">—</p>
      ) : (
        props.facets.map((f) => {
          const id = `${props.name}-${f.value}`;
          return (
            <div class="form-check wemi-facet-option">
              <input class="form-check-input" type="checkbox" name={props.name} id={id} value={f.value} checked={f.selected} />
              <label class="form-check-label" for={id}>
                {f.label} <span class="wemi-facet-count">({formatNumber(ctx.locale, f.count)})</span>
              </label>
            </div>
          );
        })
      )}
    </fieldset>
  );
}

function Select(props: { id: string; label: string; options: { value: string; label: string; selected: boolean }[]; empty?: string; describedBy?: string }): Html {
  return (
    <div class="select-wrapper wemi-facet">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id} aria-describedby={props.describedBy}>
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.selected}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters(props: { ctx: PageContext; view: SearchPageView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const { query, result } = view;
  const f = result.facets;
  const withCount = (x: Facet) => `${x.label} (${formatNumber(ctx.locale, x.count)})`;
  // "Rilevanza" is offered without words too (it then sorts by name): the form must not carry "Nome" into the
  // next search with words.
  const sortOptions = (['rilevanza', 'nome', 'prezzo_asc', 'prezzo_desc', 'valutazione'] as const).map((s) => ({
    value: s,
    label: t(`search.sort.${s}`),
    selected: SORT_PARAM_OF[query.sort] === s,
  }));
  const free = f.offer.find((o) => o.value === 'free');
  return (
    <section class="wemi-filters" aria-labelledby="filters-title">
      {/* On phones the filters come first: a visible shortcut to the results; on desktop, for keyboard users only. */}
      <a class="wemi-skip-results" href="#search-results">
        {t('search.results')} ({formatNumber(ctx.locale, result.total)})
      </a>
      <h2 class="h4 wemi-filters-title" id="filters-title">
        {t('search.filters')}
      </h2>
      <Select
        id="ordina"
        label={t('search.sort')}
        options={sortOptions}
      />
      <Select id="area" label={t('search.facet.section')} empty={t('search.filters.all')} options={f.sections.map((x) => ({ value: x.value, label: withCount(x), selected: x.selected }))} />
      <CheckboxGroup ctx={ctx} name="categoria" legend={t('search.facet.categories')} facets={f.categories} />
      <Select id="tipo" label={t('search.facet.serviceType')} empty={t('search.filters.allTypes')} options={f.serviceTypes.map((x) => ({ value: x.value, label: withCount(x), selected: x.selected }))} />
      <CheckboxGroup ctx={ctx} name="municipio" legend={t('search.facet.municipi')} facets={f.municipi} />
      <fieldset class="wemi-facet" id="gratuito-group">
        <legend class="wemi-facet-legend">{t('search.facet.price')}</legend>
        <div class="form-check wemi-facet-option">
          <input class="form-check-input" type="checkbox" name="gratuito" id="gratuito" value="1" checked={!!query.free} />
          <label class="form-check-label" for="gratuito">
            {t('search.facet.free')} <span class="wemi-facet-count">({formatNumber(ctx.locale, free?.count ?? 0)})</span>
          </label>
        </div>
        <div class="form-group wemi-price-max">
          <label class="active" for="prezzo_max">
            {t('search.facet.maxPrice')}
          </label>
          <input
            type="text"
            inputmode="decimal"
            class="form-control"
            id="prezzo_max"
            name="prezzo_max"
            maxlength="10"
            value={view.raw.prezzo_max ?? (query.maxPrice !== undefined ? String(query.maxPrice) : '')}
            aria-describedby="prezzo_max-hint"
            aria-invalid={view.issues.some((i) => i.field === 'prezzo_max') ? 'true' : undefined}
          />
          <small class="form-text" id="prezzo_max-hint">
            {t('search.facet.maxPriceHint')}
          </small>
        </div>
        <Select
          id="unita"
          label={t('search.facet.unit')}
          empty={t('search.facet.unitAny')}
          describedBy="unita-hint"
          options={result.units.map((u) => ({ value: u.value, label: withCount(u), selected: u.selected }))}
        />
        <small class="form-text" id="unita-hint">
          {t('search.facet.unitHint')}
        </small>
      </fieldset>
      <Select
        id="modalita"
        label={t('search.facet.mode')}
        empty={t('search.filters.any')}
        options={f.mode.map((m) => ({ value: m.value === 'individual' ? 'individuale' : 'condiviso', label: withCount(m), selected: m.selected }))}
      />
      <CheckboxGroup ctx={ctx} name="destinatari" legend={t('search.facet.targets')} facets={f.targets} />
      <CheckboxGroup ctx={ctx} name="fascia" legend={t('search.facet.timeBands')} facets={f.timeBands} />
      <div class="wemi-filters-actions">
        <button type="submit" class="btn btn-primary">
          {t('search.filters.apply')}
        </button>
        <a class="btn btn-outline-primary" href={href(withoutFilters(query))}>
          {t('search.filters.reset')}
        </a>
      </div>
    </section>
  );
}

function ResultCard(props: { ctx: PageContext; hit: SearchResult['items'][number]; index: number }): Html {
  const { ctx, hit } = props;
  const { t } = ctx;
  const s = presentHit(hit, ctx.locale, t);
  const contentLang = ctx.locale === 'it' ? undefined : 'it';
  const titleId = `result-${props.index}`;
  return (
    <li class="wemi-result">
      <article class="card card-teaser shadow-sm rounded wemi-result-card" aria-labelledby={titleId}>
        <div class="card-body">
          <p class="wemi-result-category">
            <span>{s.category.name}</span>
            {s.serviceType.name ? <span class="wemi-result-type"> · {s.serviceType.name}</span> : null}
          </p>
          <h3 class="card-title h5 wemi-result-title" id={titleId}>
            <a href={s.url} data-element="service-link" lang={contentLang}>
              {s.name}
            </a>
            {s.isDemo || s.organization.isDemo ? <DemoBadge ctx={ctx} /> : null}
          </h3>
          <p class="wemi-result-ente">
            <span class="visually-hidden">{t('search.result.ente')}: </span>
            <Icon ctx={ctx} name="pa" class="icon-sm icon-secondary me-1" />
            {s.organization.name}
          </p>
          {s.summary ? <p class="card-text wemi-result-summary">{s.summary}</p> : null}
          <dl class="wemi-result-facts">
            <div>
              <dt>{t('search.result.price')}</dt>
              <dd class="wemi-result-price">{s.price.label}</dd>
            </div>
            <div>
              <dt>{t('search.result.municipi')}</dt>
              <dd>{s.municipi.length === 9 ? t('search.result.allMunicipi') : s.municipi.length ? s.municipi.join(', ') : t('common.notAvailable')}</dd>
            </div>
            {s.rating.average !== null && s.rating.count > 0 ? (
              <div>
                <dt>{t('search.result.rating')}</dt>
                <dd class="wemi-result-rating">
                  {t('search.result.ratingValue', {
                    avg: formatNumber(ctx.locale, Math.round(s.rating.average * 10) / 10),
                    count: formatNumber(ctx.locale, s.rating.count),
                  })}
                </dd>
              </div>
            ) : null}
            {s.spazi.length ? (
              <div>
                <dt>{t('search.result.spazi')}</dt>
                <dd>
                  {s.spazi.map((sp, i) => (
                    <>
                      {i > 0 ? ', ' : ''}
                      <a href={sp.url}>{sp.name}</a>
                    </>
                  ))}
                </dd>
              </div>
            ) : null}
          </dl>
          <p class="mb-0 wemi-req-cta">
            <a href={paths.requestStart(s.slug)} aria-label={`${t('requests.start.cta')}: ${s.name}`}>
              {t('requests.start.cta')}
            </a>
          </p>
        </div>
      </article>
    </li>
  );
}

function EmptyState(props: { ctx: PageContext; view: SearchPageView; filters: ActiveFilter[] }): Html {
  const { ctx, view, filters } = props;
  const { t } = ctx;
  return (
    <div class="wemi-empty">
      <h3 class="h5">{t('search.empty.title')}</h3>
      <p>{t('search.empty.tips')}</p>
      <ul class="wemi-empty-tips">
        <li>{t('search.empty.spelling')}</li>
        {filters.length ? (
          <li>
            {t('search.empty.removeFilters')}{' '}
            <ul class="wemi-chips">
              {filters.map((f) => (
                <li>
                  <a class="chip chip-simple chip-primary wemi-chip-link" href={f.href} aria-label={t('search.filters.remove', { label: f.label })}>
                    <span class="chip-label">{f.label}</span>
                    <Icon ctx={ctx} name="close" class="icon-sm" />
                  </a>
                </li>
              ))}
            </ul>
            <a href={href(withoutFilters(view.query))}>{t('search.empty.removeAll')}</a>
          </li>
        ) : null}
        {view.popular.length ? (
          <li>
            {t('search.empty.popular')}{' '}
            <ul class="wemi-empty-popular">
              {view.popular.map((c) => (
                <li>
                  <a href={paths.services({ categoria: c.slug })}>{c.name}</a>
                </li>
              ))}
            </ul>
          </li>
        ) : null}
      </ul>
      <div class="callout wemi-empty-help">
        <div class="callout-inner">
          <p class="mb-2">{t('search.empty.help')}</p>
          <p class="mb-0">
            <a href="tel:020202">02.02.02</a> · <a href={paths.spazi()}>{t('search.empty.spazi')}</a>
          </p>
        </div>
      </div>
    </div>
  );
}

function Results(props: { ctx: PageContext; view: SearchPageView; filters: ActiveFilter[] }): Html {
  const { ctx, view, filters } = props;
  const { t } = ctx;
  const { result, query } = view;
  if (view.issues.length) {
    return (
      <section class="wemi-results" id="search-results" aria-labelledby="search-count">
        <h2 class="h4" id="search-count">
          {t('search.results')}
        </h2>
        <p>{t('search.error.fix')}</p>
      </section>
    );
  }
  const original = query.q ?? '';
  // A page past the last one (an old link, a hand-edited URL): say so and link to the last page.
  const pastEnd = result.total > 0 && result.page > result.pages;
  return (
    <section class="wemi-results" id="search-results" aria-labelledby="search-count">
      <div class="wemi-results-head">
        <h2 class="h4 wemi-results-count" id="search-count" aria-live="polite">
          {countText(ctx, result.total)}
          {result.pages > 1 && !pastEnd ? <span class="wemi-results-page"> — {t('search.count.page', { page: result.page, pages: result.pages })}</span> : null}
        </h2>
      </div>
      {result.correctedQuery ? (
        <p class="alert alert-info wemi-corrected" data-element="search-corrected">
          {t('search.corrected', { original, corrected: result.correctedQuery })}
        </p>
      ) : null}
      {(result.sort === 'price_asc' || result.sort === 'price_desc') && !query.unit && result.units.length > 1 ? (
        <p class="alert alert-info wemi-unit-note" data-element="search-unit-note">
          {t('search.sort.unitNote', { unit: result.units[0]!.label })}
        </p>
      ) : null}
      {filters.length ? (
        <div class="wemi-active-filters">
          <h3 class="visually-hidden">{t('search.filters.active')}</h3>
          <ul class="wemi-chips" aria-label={t('search.filters.active')}>
            {filters.map((f) => (
              <li>
                <a class="chip chip-simple chip-primary wemi-chip-link" href={f.href} aria-label={t('search.filters.remove', { label: f.label })}>
                  <span class="chip-label">{f.label}</span>
                  <Icon ctx={ctx} name="close" class="icon-sm" />
                </a>
              </li>
            ))}
            <li>
              <a class="wemi-chips-reset" href={href(withoutFilters(query))}>
                {t('search.filters.reset')}
              </a>
            </li>
          </ul>
        </div>
      ) : null}
      {result.items.length ? (
        <ul class="wemi-results-list">
          {result.items.map((hit, i) => (
            <ResultCard ctx={ctx} hit={hit} index={(result.page - 1) * result.perPage + i + 1} />
          ))}
        </ul>
      ) : pastEnd ? (
        <p class="alert alert-warning wemi-page-missing" data-element="search-page-missing">
          {t('search.pageMissing', { page: result.page, pages: result.pages })}{' '}
          <a href={paths.services(toUrlParams(query, { page: result.pages }))}>{t('search.pageMissing.last')}</a>
        </p>
      ) : (
        <EmptyState ctx={ctx} view={view} filters={filters} />
      )}
      {pastEnd ? null : <Pagination ctx={ctx} page={result.page} pages={result.pages} href={(page) => paths.services(toUrlParams(query, { page }))} />}
    </section>
  );
}

export function pageTitle(ctx: PageContext, view: Pick<SearchPageView, 'query' | 'result' | 'issues'>): string {
  const { t } = ctx;
  if (view.issues.length) return t('search.titleError');
  const base = view.query.q ? t('search.titleQuery', { q: view.query.q }) : t('search.title');
  return view.result.pages > 1 && view.result.page > 1 && view.result.page <= view.result.pages ? `${base} — ${t('pagination.summary', { page: view.result.page, pages: view.result.pages })}` : base;
}

export function SearchPage(props: { ctx: PageContext; view: SearchPageView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const filters = view.issues.length ? [] : activeFilters(ctx, view.query, view.result);
  const title = pageTitle(ctx, view);
  const qValue = view.raw.q ?? view.query.q ?? '';
  return (
    <Layout ctx={ctx} title={title} description={t('search.lead')} section={paths.services()}>
      <PageHeader ctx={ctx} crumbs={[{ label: t('search.title') }]} title={view.query.q && !view.issues.length ? t('search.titleQuery', { q: view.query.q }) : t('search.title')} lead={t('search.lead')} />
      <div class="container mb-5 wemi-search">
        <form method="get" action={paths.services()} id="search-form" class="wemi-search-form" novalidate>
          <ErrorSummary ctx={ctx} issues={view.issues} />
          <div class="cmp-input-search wemi-search-box" role="search">
            <div class="form-group mb-2">
              <label for="q" class="wemi-search-label">
                {t('search.label')}
              </label>
              <div class="input-group wemi-search-field">
                <input
                  type="search"
                  class="form-control"
                  id="q"
                  name="q"
                  value={qValue}
                  maxlength={String(MAX_QUERY_LENGTH)}
                  autocomplete="off"
                  placeholder={t('search.placeholder')}
                  aria-describedby="q-hint"
                  aria-invalid={view.issues.some((i) => i.field === 'q') ? 'true' : undefined}
                  data-wemi-autocomplete=""
                />
                <div class="input-group-append">
                  <button class="btn btn-primary" type="submit">
                    <Icon ctx={ctx} name="search" class="icon-sm icon-white me-1" />
                    <span>{t('search.submit')}</span>
                  </button>
                </div>
              </div>
              <small class="form-text" id="q-hint">
                {t('search.hint')}
              </small>
            </div>
          </div>
          <div class="row">
            <div class="col-12 col-lg-4 col-xl-3">
              <Filters ctx={ctx} view={view} />
            </div>
            <div class="col-12 col-lg-8 col-xl-9">
              <Results ctx={ctx} view={view} filters={filters} />
            </div>
          </div>
        </form>
      </div>
      <FeedbackWidget ctx={ctx} />
    </Layout>
  );
}

/** Field label for error messages ("Pagina: …"). */
export const fieldLabelKey = (field: string) => `search.field.${field}` as MessageKey;
