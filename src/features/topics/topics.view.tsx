import type { Html } from '../../lib/jsx/jsx-runtime';
import { formatNumber } from '../../i18n/i18n';
import type { PageContext } from '../../web/context';
import { Icon } from '../../web/components';
import { Layout, PageHeader } from '../../web/layout';
import { paths } from '../../web/paths';
import type { TopicPageData, TopicView } from './topics.presenter';

// The topics ("Argomenti") of the Designers Italia model: the list of every topic (reached from the menu's
// `data-element="all-topics"` link; each topic is a `data-element="topic-element"` link whose text is the topic's
// name) and one page per topic listing the catalogue categories about it.

function countLabel(ctx: PageContext, n: number): string {
  if (n === 0) return ctx.t('topics.count.zero');
  if (n === 1) return ctx.t('topics.count.one');
  return ctx.t('topics.count.other', { n: formatNumber(ctx.locale, n) });
}

function TopicCards(props: { ctx: PageContext; topics: TopicView[]; headingLevel: 'h2' | 'h3' }): Html {
  const { ctx } = props;
  const H = props.headingLevel;
  return (
    <ul class="row g-4 list-unstyled wemi-tax-grid">
      {props.topics.map((topic) => (
        <li class="col-12 col-md-6 col-xl-4 d-flex">
          <article class="card no-after shadow-sm rounded wemi-tax-card" data-topic={topic.slug}>
            <div class="card-body">
              <div class="wemi-tax-card-head">
                <span class="wemi-tax-icon" aria-hidden="true">
                  <Icon ctx={ctx} name={topic.icon} class="icon-primary" />
                </span>
                <H class="card-title h5 mb-0">
                  <a href={paths.topic(topic.slug)} data-element="topic-element">
                    {topic.name}
                  </a>
                </H>
              </div>
              <p class="card-text mb-0">{topic.description}</p>
            </div>
          </article>
        </li>
      ))}
    </ul>
  );
}

export function TopicsPage(props: { ctx: PageContext; topics: TopicView[] }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('topics.title')} description={t('topics.lead')}>
      <PageHeader ctx={ctx} crumbs={[{ href: paths.topics(), label: t('topics.title') }]} title={t('topics.title')} lead={t('topics.lead')} />
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-10 px-lg-4">
            <section aria-labelledby="argomenti-title">
              <h2 class="visually-hidden" id="argomenti-title">
                {t('topics.list')}
              </h2>
              <TopicCards ctx={ctx} topics={props.topics} headingLevel="h3" />
            </section>
          </div>
        </div>
      </div>
    </Layout>
  );
}

export function TopicPage(props: { ctx: PageContext; data: TopicPageData; others: TopicView[] }): Html {
  const { ctx, data } = props;
  const { t } = ctx;
  const { topic, categories } = data;
  return (
    <Layout ctx={ctx} title={topic.name} description={topic.description}>
      <PageHeader
        ctx={ctx}
        crumbs={[
          { href: paths.topics(), label: t('topics.title') },
          { href: paths.topic(topic.slug), label: topic.name },
        ]}
        title={topic.name}
        lead={topic.description}
      >
        <p class="mb-0 wemi-tax-total" data-count={String(data.services)}>
          {t('topics.topic.total', { count: countLabel(ctx, data.services) })}
        </p>
      </PageHeader>
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-10 px-lg-4">
            <section aria-labelledby="categorie-title" class="mb-5">
              <h2 class="h3" id="categorie-title">
                {t('topics.topic.categories')}
              </h2>
              {categories.length === 0 ? (
                <p>{t('topics.topic.none')}</p>
              ) : (
                <>
                  <p>{t('topics.topic.categoriesLead')}</p>
                  <ul class="row g-4 list-unstyled wemi-tax-grid">
                    {categories.map((c) => (
                      <li class="col-12 col-md-6 col-xl-4 d-flex">
                        <article class="card no-after shadow-sm rounded wemi-tax-card" data-category={c.slug}>
                          <div class="card-body">
                            <div class="wemi-tax-card-head">
                              <span class="wemi-tax-icon" aria-hidden="true">
                                <Icon ctx={ctx} name={c.icon} class="icon-primary" />
                              </span>
                              <h3 class="card-title h5 mb-0">
                                <a href={paths.category(c.slug)}>{c.name}</a>
                              </h3>
                            </div>
                            {c.description ? <p class="card-text">{c.description}</p> : null}
                            <p class="wemi-tax-count mb-0" data-count={String(c.services)}>
                              {countLabel(ctx, c.services)}
                            </p>
                          </div>
                        </article>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
            <section aria-labelledby="altri-argomenti-title">
              <h2 class="h3" id="altri-argomenti-title">
                {t('topics.topic.others')}
              </h2>
              <ul class="wemi-topic-others">
                {props.others.map((o) => (
                  <li>
                    <a class="chip chip-simple wemi-chip-link" href={paths.topic(o.slug)}>
                      <span class="chip-label">{o.name}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </div>
      </div>
    </Layout>
  );
}
