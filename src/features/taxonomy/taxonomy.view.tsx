import type { Html } from '../../lib/jsx/jsx-runtime';
import { formatNumber } from '../../i18n/i18n';
import type { PageContext } from '../../web/context';
import { Layout, PageHeader } from '../../web/layout';
import { DemoBadge, Icon } from '../../web/components';
import { paths } from '../../web/paths';
import { FeedbackWidget } from '../feedback/feedback.view';
import type { CategoryPageData, SectionPageData } from './taxonomy.presenter';

// Pages of the sections (aree tematiche) and categories of the catalogue.

export function countLabel(ctx: PageContext, n: number): string {
  if (n === 0) return ctx.t('taxonomy.count.zero');
  if (n === 1) return ctx.t('taxonomy.count.one');
  return ctx.t('taxonomy.count.other', { n: formatNumber(ctx.locale, n) });
}

export function SectionPage(props: { ctx: PageContext; data: SectionPageData }): Html {
  const { ctx, data } = props;
  const { t } = ctx;
  const { section, categories } = data;
  const lead = section.description || t('taxonomy.section.leadFallback', { name: section.name });
  return (
    <Layout ctx={ctx} title={section.name} description={lead} section={paths.services()}>
      <PageHeader ctx={ctx} crumbs={[{ label: section.name }]} title={section.name} lead={lead}>
        <div class="wemi-tax-summary">
          <span class="chip chip-simple">
            <span class="chip-label">{t('taxonomy.section.kicker')}</span>
          </span>
          <p class="mb-0 wemi-tax-total" data-count={String(data.publicServices)}>
            {t('taxonomy.section.total', { count: countLabel(ctx, data.publicServices) })}
          </p>
          <a class="btn btn-primary" href={paths.services({ area: section.slug })} data-element="section-search">
            <Icon ctx={ctx} name="search" class="icon-white icon-sm me-2" />
            {t('taxonomy.section.search')}
          </a>
        </div>
      </PageHeader>
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-10 px-lg-4">
            <section aria-labelledby="categorie-title">
              <h2 class="h3" id="categorie-title">
                {t('taxonomy.section.categories')}
              </h2>
              {categories.length === 0 ? (
                <p>{t('taxonomy.section.categoriesNone')}</p>
              ) : (
                <>
                  <p>{t('taxonomy.section.categoriesLead')}</p>
                  <ul class="row g-4 list-unstyled wemi-tax-grid">
                    {categories.map((c) => (
                      <li class="col-12 col-md-6 col-xl-4 d-flex">
                        <article class="card no-after shadow-sm rounded wemi-tax-card" data-category={c.slug}>
                          <div class="card-body">
                            <div class="wemi-tax-card-head">
                              <span class="wemi-tax-icon" aria-hidden="true">
                                <Icon ctx={ctx} name={c.icon ?? 'folder'} class="icon-primary" />
                              </span>
                              <h3 class="card-title h5 mb-0">
                                <a href={paths.category(c.slug)}>{c.name}</a>
                              </h3>
                            </div>
                            {c.description ? <p class="card-text">{c.description}</p> : null}
                            <p class="wemi-tax-count mb-0" data-count={String(c.publicServices)}>
                              {countLabel(ctx, c.publicServices)}
                            </p>
                          </div>
                        </article>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          </div>
        </div>
      </div>
      <FeedbackWidget ctx={ctx} />
    </Layout>
  );
}

export function CategoryPage(props: { ctx: PageContext; data: CategoryPageData }): Html {
  const { ctx, data } = props;
  const { t } = ctx;
  const { category, section, serviceTypes, organizations } = data;
  const lead = category.description || t('taxonomy.category.leadFallback', { name: category.name });
  const crumbs = section
    ? [{ href: paths.section(section.slug), label: section.name }, { label: category.name }]
    : [{ label: category.name }];
  return (
    <Layout ctx={ctx} title={category.name} description={lead} section={paths.services()}>
      <PageHeader ctx={ctx} crumbs={crumbs} title={category.name} lead={lead}>
        <div class="wemi-tax-summary">
          <span class="chip chip-simple">
            <span class="chip-label">{t('taxonomy.category.kicker')}</span>
          </span>
          {section ? (
            <a class="chip chip-simple" href={paths.section(section.slug)}>
              <span class="chip-label">{section.name}</span>
            </a>
          ) : null}
          <p class="mb-0 wemi-tax-total" data-count={String(data.publicServices)}>
            {t('taxonomy.category.total', { count: countLabel(ctx, data.publicServices) })}
          </p>
          <a class="btn btn-primary" href={paths.services({ categoria: category.slug })} data-element="category-search">
            <Icon ctx={ctx} name="search" class="icon-white icon-sm me-2" />
            {t('taxonomy.category.search')}
          </a>
        </div>
      </PageHeader>
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-10 px-lg-4">
            <section class="mb-5" aria-labelledby="tipologie-title">
              <h2 class="h3" id="tipologie-title">
                {t('taxonomy.category.types')}
              </h2>
              {serviceTypes.length === 0 ? (
                <p>{t('taxonomy.category.typesNone')}</p>
              ) : (
                <>
                  <p>{t('taxonomy.category.typesLead')}</p>
                  <ul class="row g-3 list-unstyled wemi-tax-types">
                    {serviceTypes.map((st) => (
                      <li class="col-12 col-md-6 d-flex" data-service-type={st.slug}>
                        <div class="card no-after shadow-sm rounded wemi-tax-type">
                          <div class="card-body">
                            <h3 class="card-title h6 mb-1">
                              {st.publicServices > 0 ? (
                                <a
                                  href={paths.services({ categoria: category.slug, tipo: st.slug })}
                                  aria-label={t('taxonomy.category.typeSearch', { name: st.name })}
                                >
                                  {st.name}
                                </a>
                              ) : (
                                st.name
                              )}
                            </h3>
                            {st.description ? <p class="card-text mb-1">{st.description}</p> : null}
                            <p class="wemi-tax-count mb-0" data-count={String(st.publicServices)}>
                              {countLabel(ctx, st.publicServices)}
                            </p>
                          </div>
                        </div>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
            <section class="mb-5" aria-labelledby="enti-title">
              <h2 class="h3" id="enti-title">
                {t('taxonomy.category.enti')}
              </h2>
              {organizations.length === 0 ? (
                <p>{t('taxonomy.category.entiNone')}</p>
              ) : (
                <ul class="link-list wemi-tax-enti">
                  {organizations.map((o) => (
                    <li data-ente={o.slug}>
                      <a class="list-item" href={paths.ente(o.slug)}>
                        <span>{o.name}</span>
                      </a>
                      <span class="wemi-tax-ente-count">{countLabel(ctx, o.publicServices)}</span>
                      {o.isDemo ? <DemoBadge ctx={ctx} /> : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </div>
      </div>
      <FeedbackWidget ctx={ctx} />
    </Layout>
  );
}
