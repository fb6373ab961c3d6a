import type { Html } from '../../lib/jsx/jsx-runtime';
import { formatEuro, formatNumber } from '../../i18n/i18n';
import type { PageContext } from '../../web/context';
import { Layout, PageHeader } from '../../web/layout';
import { DemoBadge, PageIndex, Pagination } from '../../web/components';
import { paths } from '../../web/paths';
import { FeedbackWidget } from '../feedback/feedback.view';
import { displayUrl, mailHref, Paragraphs, safeUrl, telHref } from '../services/services.format';
import { PlaceCard } from '../services/services.view';
import { formatSize } from '../../lib/uploads';
import { SOCIAL_NETWORKS, type DocumentKind, type SocialNetwork } from './enti.presenter';
import type { EnteDetail, EnteService, EnteSummary } from './enti.schemas';
import { PublicReviews, ratingText } from '../reviews/public/reviews-public.view';
import { REVIEWS_ANCHOR, type PublicReviewsView } from '../reviews/public/reviews-public.presenter';

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** The id of the reviews section (its heading is the reviews' own anchor, `#recensioni`). */
const SECTION_REVIEWS = 'recensioni-ente';

// Public pages of the enti: the paginated list with its GET filter form, and one ente's page.

function countLabel(ctx: PageContext, n: number, keys: { zero: 'enti.results.zero' | 'enti.services.zero'; one: 'enti.results.one' | 'enti.services.one'; other: 'enti.results.other' | 'enti.services.other' }): string {
  if (n === 0) return ctx.t(keys.zero);
  if (n === 1) return ctx.t(keys.one);
  return ctx.t(keys.other, { n: formatNumber(ctx.locale, n) });
}
const servicesCount = (ctx: PageContext, n: number) =>
  countLabel(ctx, n, { zero: 'enti.services.zero', one: 'enti.services.one', other: 'enti.services.other' });

export interface EntiListView {
  items: EnteSummary[];
  total: number;
  page: number;
  pages: number;
  q: string;
  municipio: number | undefined;
  municipi: { number: number; name: string }[];
}

export function entiListHref(filter: { q?: string | undefined; municipio?: number | undefined; page?: number }): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.municipio) params.set('municipio', String(filter.municipio));
  if (filter.page && filter.page > 1) params.set('pagina', String(filter.page));
  const s = params.toString();
  return s ? `${paths.enti()}?${s}` : paths.enti();
}

export function EntiListPage(props: { ctx: PageContext; view: EntiListView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const filtered = Boolean(view.q) || view.municipio !== undefined;
  return (
    <Layout ctx={ctx} title={t('enti.title')} description={t('enti.lead')} section={paths.enti()}>
      <PageHeader ctx={ctx} crumbs={[{ label: t('enti.title') }]} title={t('enti.title')} lead={t('enti.lead')} />
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-10 px-lg-4">
            <form method="get" action={paths.enti()} class="wemi-enti-filter mb-4" role="search" aria-labelledby="enti-filter-title">
              <h2 class="h5 mb-3" id="enti-filter-title">
                {t('enti.filter.title')}
              </h2>
              <div class="row g-3 align-items-end">
                <div class="col-12 col-md-5">
                  <label for="enti-q" class="form-label wemi-label">
                    {t('enti.filter.q')}
                  </label>
                  <input type="search" class="form-control" id="enti-q" name="q" value={view.q} maxlength="100" autocomplete="off" />
                </div>
                <div class="col-12 col-md-4">
                  <label for="enti-municipio" class="form-label wemi-label">
                    {t('enti.filter.municipio')}
                  </label>
                  <select class="form-select" id="enti-municipio" name="municipio" aria-describedby="enti-municipio-hint">
                    <option value="" selected={view.municipio === undefined}>
                      {t('enti.filter.municipioAll')}
                    </option>
                    {view.municipi.map((m) => (
                      <option value={String(m.number)} selected={view.municipio === m.number}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="col-12 col-md-3">
                  <button type="submit" class="btn btn-primary w-100">
                    {t('enti.filter.submit')}
                  </button>
                </div>
              </div>
              <p class="form-text mt-2 mb-0" id="enti-municipio-hint">
                {t('enti.filter.municipioHint')}
              </p>
            </form>
            <div class="d-flex flex-wrap align-items-baseline justify-content-between gap-2 mb-3">
              <h2 class="h4 mb-0" id="enti-results">
                {countLabel(ctx, view.total, { zero: 'enti.results.zero', one: 'enti.results.one', other: 'enti.results.other' })}
              </h2>
              {filtered ? <a href={paths.enti()}>{t('enti.filter.reset')}</a> : null}
            </div>
            {view.items.length === 0 ? (
              <p>{t('enti.results.empty')}</p>
            ) : (
              <ul class="row g-3 list-unstyled wemi-enti-list" aria-labelledby="enti-results">
                {view.items.map((e) => (
                  <li class="col-12 col-md-6">
                    <div class="card card-teaser shadow-sm rounded h-100 wemi-ente-card">
                      <div class="card-body">
                        <h3 class="card-title h5 mb-1">
                          <a href={e.url}>{e.name}</a>
                          {e.isDemo ? <DemoBadge ctx={ctx} /> : null}
                        </h3>
                        {e.legalForm ? <p class="card-text mb-1">{e.legalForm}</p> : null}
                        <p class="card-text mb-0 fw-semibold">{servicesCount(ctx, e.servicesCount)}</p>
                      </div>
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <div class="mt-4">
              <Pagination ctx={ctx} page={view.page} pages={view.pages} href={(n) => entiListHref({ q: view.q, municipio: view.municipio, page: n })} />
            </div>
          </div>
        </div>
      </div>
      <FeedbackWidget ctx={ctx} />
    </Layout>
  );
}

/** One service of an ente as a card linking to its page. */
export function EnteServiceCard(props: { ctx: PageContext; service: EnteService }): Html {
  const { ctx, service: s } = props;
  const { t } = ctx;
  const price =
    s.offerType !== 'paid'
      ? t('common.free')
      : s.priceFrom !== null
        ? t('enti.priceFrom', { price: formatEuro(ctx.locale, s.priceFrom), unit: s.unitLabel })
        : t('enti.priceOnRequest');
  return (
    <div class="card card-teaser shadow-sm rounded h-100 wemi-service-card">
      <div class="card-body">
        {s.category ? <p class="wemi-card-kicker mb-1">{s.category.name}</p> : null}
        <h3 class="card-title h5 mb-2">
          <a href={s.url} data-element="service-link">
            {s.name}
          </a>
          {s.isDemo ? <DemoBadge ctx={ctx} /> : null}
        </h3>
        {s.summary ? <p class="card-text mb-2">{s.summary}</p> : null}
        <p class="card-text mb-0 fw-semibold wemi-card-price">{price}</p>
      </div>
    </div>
  );
}

const SECTIONS = [
  { id: 'chi-siamo', label: 'enti.section.about' },
  { id: 'servizi', label: 'enti.section.services' },
  { id: 'recensioni-ente', label: 'enti.section.reviews' },
  { id: 'sedi', label: 'enti.section.sites' },
  { id: 'spazi-wemi', label: 'enti.section.spazi' },
  { id: 'contatti', label: 'enti.section.contacts' },
  { id: 'documenti', label: 'enti.section.documents' },
] as const;

const DOCUMENT_LABELS = {
  'condizioni-uso': 'enti.document.terms',
  privacy: 'enti.document.privacy',
  recesso: 'enti.document.withdrawal',
} as const satisfies Record<DocumentKind, string>;

const SOCIAL_LABELS = {
  facebook: 'enti.social.facebook',
  instagram: 'enti.social.instagram',
  linkedin: 'enti.social.linkedin',
  youtube: 'enti.social.youtube',
} as const satisfies Record<SocialNetwork, string>;

/** `reviews`: the page of published comments on the ente's cards (their rating is `ente.rating`). */
export function EntePage(props: { ctx: PageContext; ente: EnteDetail; reviews: PublicReviewsView }): Html {
  const { ctx, ente } = props;
  const { t } = ctx;
  const web = safeUrl(ente.website);
  const tel = telHref(ente.phone);
  const mail = mailHref(ente.email);
  const pec = mailHref(ente.pec);
  const socials = SOCIAL_NETWORKS.flatMap((n) => {
    const url = ente.socials[n];
    return url ? [{ network: n, url }] : [];
  });
  const sections = SECTIONS.filter((s) => (s.id !== 'spazi-wemi' || ente.spazi.length > 0) && (s.id !== 'documenti' || ente.documents.length > 0));
  const hasContacts = Boolean(ente.email || ente.pec || ente.phone || web || ente.firstContactHours || socials.length);
  return (
    <Layout ctx={ctx} title={ente.name} description={ente.description.slice(0, 300) || t('enti.lead')} section={paths.enti()}>
      <PageHeader
        ctx={ctx}
        crumbs={[{ href: paths.enti(), label: t('enti.title') }, { label: ente.name }]}
        title={ente.name}
      >
        <div class="d-flex flex-wrap align-items-center gap-3 wemi-ente-head">
          {ente.logoUrl ? <img class="wemi-ente-logo" src={ente.logoUrl} alt={t('enti.logoAlt', { name: ente.name })} width="96" height="96" /> : null}
          <div>
            {ente.legalForm ? <p class="subtitle-small mb-1">{ente.legalForm}</p> : null}
            <p class="mb-0">
              {servicesCount(ctx, ente.servicesCount)}
              {ente.isDemo ? <DemoBadge ctx={ctx} /> : null}
            </p>
          </div>
        </div>
      </PageHeader>
      <div class="container">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-10 px-lg-4">
            <hr class="d-none d-lg-block mt-0 mb-4" />
            <div class="row mt-4 pb-5">
              <div class="col-12 col-lg-3 mb-4 wemi-index-col">
                <PageIndex ctx={ctx} items={sections.map((s) => ({ id: s.id, label: t(s.label) }))} />
              </div>
              <div class="col-12 col-lg-8 offset-lg-1">
                <div class="it-page-sections-container">
                  <section class="it-page-section mb-5" id="chi-siamo" aria-labelledby="chi-siamo-title">
                    <h2 class="title-xxlarge mb-3" id="chi-siamo-title">
                      {t('enti.section.about')}
                    </h2>
                    {ente.description ? (
                      <Paragraphs text={ente.description} lang={ente.descriptionLanguage === ctx.locale ? undefined : ente.descriptionLanguage} />
                    ) : (
                      <p>{t('enti.noDescription')}</p>
                    )}
                    <dl class="wemi-dl">
                      {ente.legalForm ? (
                        <div class="wemi-dl-row">
                          <dt>{t('enti.legalForm')}</dt>
                          <dd>{ente.legalForm}</dd>
                        </div>
                      ) : null}
                      {ente.taxCode ? (
                        <div class="wemi-dl-row">
                          <dt>{t('enti.taxCode')}</dt>
                          <dd>{ente.taxCode}</dd>
                        </div>
                      ) : null}
                      {ente.vatNumber ? (
                        <div class="wemi-dl-row">
                          <dt>{t('enti.vatNumber')}</dt>
                          <dd>{ente.vatNumber}</dd>
                        </div>
                      ) : null}
                      {ente.operatorsCount > 0 ? (
                        <div class="wemi-dl-row">
                          <dt>{t('enti.operators')}</dt>
                          <dd>{formatNumber(ctx.locale, ente.operatorsCount)}</dd>
                        </div>
                      ) : null}
                      <div class="wemi-dl-row" data-wemi-rating="">
                        <dt>{t('enti.rating')}</dt>
                        <dd>
                          {upperFirst(ratingText(ctx, ente.rating))}{' '}
                          {ente.rating.count > 0 ? <a href={`#${SECTION_REVIEWS}`}>{t('enti.ratingLink')}</a> : null}
                        </dd>
                      </div>
                    </dl>
                  </section>

                  <section class="it-page-section mb-5" id="servizi" aria-labelledby="servizi-title">
                    <h2 class="title-xxlarge mb-3" id="servizi-title">
                      {t('enti.section.services')}
                    </h2>
                    {ente.services.length === 0 ? (
                      <p>{t('enti.noServices')}</p>
                    ) : (
                      <>
                        <p>{t('enti.servicesLead')}</p>
                        <ul class="row g-3 list-unstyled wemi-ente-services">
                          {ente.services.map((s) => (
                            <li class="col-12 col-md-6">
                              <EnteServiceCard ctx={ctx} service={s} />
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </section>

                  <section class="it-page-section mb-5" id={SECTION_REVIEWS} aria-labelledby={REVIEWS_ANCHOR}>
                    <PublicReviews ctx={ctx} view={props.reviews} path={ente.url} level={2} subject="ente" showService headingClass="title-xxlarge mb-3" />
                  </section>

                  <section class="it-page-section mb-5" id="sedi" aria-labelledby="sedi-title">
                    <h2 class="title-xxlarge mb-3" id="sedi-title">
                      {t('enti.section.sites')}
                    </h2>
                    {ente.sites.length === 0 ? (
                      <p>{t('enti.noSites')}</p>
                    ) : (
                      <div class="row g-3">
                        {ente.sites.map((p) => (
                          <div class="col-12 col-md-6">
                            <PlaceCard ctx={ctx} place={p} headingLevel={3} />
                          </div>
                        ))}
                      </div>
                    )}
                  </section>

                  {ente.spazi.length > 0 ? (
                    <section class="it-page-section mb-5" id="spazi-wemi" aria-labelledby="spazi-wemi-title">
                      <h2 class="title-xxlarge mb-3" id="spazi-wemi-title">
                        {t('enti.section.spazi')}
                      </h2>
                      <p>{t('enti.spaziLead')}</p>
                      <div class="row g-3">
                        {ente.spazi.map((p) => (
                          <div class="col-12 col-md-6">
                            <PlaceCard ctx={ctx} place={p} headingLevel={3} />
                          </div>
                        ))}
                      </div>
                    </section>
                  ) : null}

                  <section class="it-page-section mb-5" id="contatti" aria-labelledby="contatti-title">
                    <h2 class="title-xxlarge mb-3" id="contatti-title">
                      {t('enti.section.contacts')}
                    </h2>
                    {hasContacts ? (
                      <dl class="wemi-dl">
                        {ente.email ? (
                          <div class="wemi-dl-row">
                            <dt>{t('common.email')}</dt>
                            <dd>{mail ? <a href={mail}>{ente.email}</a> : ente.email}</dd>
                          </div>
                        ) : null}
                        {ente.pec ? (
                          <div class="wemi-dl-row">
                            <dt>{t('enti.pec')}</dt>
                            <dd>{pec ? <a href={pec}>{ente.pec}</a> : ente.pec}</dd>
                          </div>
                        ) : null}
                        {ente.phone ? (
                          <div class="wemi-dl-row">
                            <dt>{t('common.phone')}</dt>
                            <dd>{tel ? <a href={tel}>{ente.phone}</a> : ente.phone}</dd>
                          </div>
                        ) : null}
                        {web ? (
                          <div class="wemi-dl-row">
                            <dt>{t('common.website')}</dt>
                            <dd>
                              <a href={web} rel="noopener">
                                {displayUrl(web)}
                              </a>
                            </dd>
                          </div>
                        ) : null}
                        {ente.firstContactHours ? (
                          <div class="wemi-dl-row">
                            <dt>{t('enti.firstContactHours')}</dt>
                            <dd lang={ctx.locale === 'it' ? undefined : 'it'}>
                              <Paragraphs text={ente.firstContactHours} class="mb-0" />
                            </dd>
                          </div>
                        ) : null}
                        {socials.length ? (
                          <div class="wemi-dl-row">
                            <dt>{t('enti.socials')}</dt>
                            <dd>
                              <ul class="list-unstyled mb-0 wemi-ente-socials">
                                {socials.map((s) => (
                                  <li>
                                    <a href={s.url} rel="noopener noreferrer">
                                      {t(SOCIAL_LABELS[s.network])}
                                      <span class="visually-hidden"> {t('enti.social.of', { name: ente.name })}</span>
                                    </a>
                                  </li>
                                ))}
                              </ul>
                            </dd>
                          </div>
                        ) : null}
                      </dl>
                    ) : (
                      <p>{t('enti.noContacts')}</p>
                    )}
                  </section>

                  {ente.documents.length > 0 ? (
                    <section class="it-page-section mb-5" id="documenti" aria-labelledby="documenti-title">
                      <h2 class="title-xxlarge mb-3" id="documenti-title">
                        {t('enti.section.documents')}
                      </h2>
                      <p>{t('enti.documentsLead')}</p>
                      <ul class="wemi-ente-documents">
                        {ente.documents.map((d) => (
                          <li>
                            <a href={d.url} data-document={d.kind}>
                              {t(DOCUMENT_LABELS[d.kind])}
                            </a>{' '}
                            <span class="wemi-muted">{t('enti.documentFormat', { size: formatSize(d.sizeBytes, ctx.locale) })}</span>
                          </li>
                        ))}
                      </ul>
                    </section>
                  ) : null}
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <FeedbackWidget ctx={ctx} />
    </Layout>
  );
}
