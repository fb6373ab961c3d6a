import type { Html } from '../../lib/jsx/jsx-runtime';
import { formatNumber } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/catalogue';
import type { PageContext } from '../../web/context';
import { Icon } from '../../web/components';
import { Layout } from '../../web/layout';
import { paths } from '../../web/paths';
import { FeedbackWidget } from '../feedback/feedback.view';
import type { GroupView, HomeData, SectionView } from './home.presenter';

// The home page (Modello Comuni home: hero with search, topics, categories, places, contacts).

const POPULAR: MessageKey[] = ['home.search.q1', 'home.search.q2', 'home.search.q3', 'home.search.q4', 'home.search.q5'];

function countLabel(ctx: PageContext, n: number): string {
  if (n === 0) return ctx.t('home.sections.countNone');
  if (n === 1) return ctx.t('home.sections.countOne');
  return ctx.t('home.sections.count', { n: formatNumber(ctx.locale, n) });
}

function Hero(props: { ctx: PageContext }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="wemi-hero" aria-labelledby="home-title">
      <div class="container">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-10">
            <h1 class="wemi-hero-title" id="home-title">
              {t('home.hero.title')}
            </h1>
            <p class="wemi-hero-lead">{t('home.hero.lead')}</p>
            <form class="wemi-hero-search" action={paths.services()} method="get" role="search">
              <label for="home-q" class="wemi-hero-label">
                {t('home.search.label')}
              </label>
              <div class="wemi-hero-field">
                <input
                  type="search"
                  class="form-control"
                  id="home-q"
                  name="q"
                  maxlength="200"
                  autocomplete="off"
                  placeholder={t('home.search.placeholder')}
                  data-wemi-autocomplete=""
                />
                <button class="btn btn-primary wemi-hero-submit" type="submit">
                  <Icon ctx={ctx} name="search" class="icon-white icon-sm me-1" />
                  <span>{t('home.search.button')}</span>
                </button>
              </div>
            </form>
            <div class="wemi-popular">
              <h2 class="wemi-popular-title" id="home-popular-title">
                {t('home.search.popular')}
              </h2>
              <ul class="wemi-popular-list" aria-labelledby="home-popular-title">
                {POPULAR.map((key) => (
                  <li>
                    <a class="chip chip-simple wemi-chip-link" href={paths.services({ q: t(key) })} lang={ctx.locale === 'it' ? undefined : 'it'}>
                      <span class="chip-label">{t(key)}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}

function StatsBand(props: { ctx: PageContext; data: HomeData }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const s = props.data.stats;
  const items: { key: keyof typeof s; label: MessageKey; icon: string }[] = [
    { key: 'services', label: 'home.stats.services', icon: 'files' },
    { key: 'organizations', label: 'home.stats.organizations', icon: 'pa' },
    { key: 'operators', label: 'home.stats.operators', icon: 'user' },
    { key: 'citizens', label: 'home.stats.citizens', icon: 'star-outline' },
  ];
  return (
    <section class="wemi-stats-band" aria-labelledby="home-stats-title">
      <div class="container">
        <h2 class="visually-hidden" id="home-stats-title">
          {t('home.stats.title')}
        </h2>
        <ul class="wemi-stats">
          {items.map((i) => (
            <li class="wemi-stat">
              <Icon ctx={ctx} name={i.icon} class="icon-white wemi-stat-icon" />
              <span class="wemi-stat-value" data-wemi-stat={i.key}>
                {formatNumber(ctx.locale, s[i.key])}
              </span>{' '}
              <span class="wemi-stat-label">{t(i.label)}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

// The illustrations beside a heading are decorative (alt=""): the heading next to them already says what they show
// (W3C WAI images tutorial, "decorative images"), so a screen reader does not hear the same thing twice.

function SectionCards(props: { ctx: PageContext; sections: SectionView[] }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="wemi-home-block" aria-labelledby="home-sections-title">
      <div class="container">
        <h2 class="wemi-block-title" id="home-sections-title">
          {t('home.sections.title')}
        </h2>
        <p class="wemi-block-lead">{t('home.sections.lead')}</p>
        <ul class="wemi-card-grid wemi-section-grid">
          {props.sections.map((s) => (
            <li>
              <article class="card card-teaser shadow rounded wemi-section-card">
                <img class="wemi-section-img" src={ctx.assets.url(s.illustration)} alt="" width="64" height="64" />
                <div class="card-body">
                  <h3 class="card-title h5">
                    <a href={paths.section(s.slug)} class="stretched-link">
                      {s.name}
                    </a>
                  </h3>
                  {s.description ? <p class="card-text">{s.description}</p> : null}
                  <p class="card-text wemi-card-count">{countLabel(ctx, s.services)}</p>
                </div>
              </article>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** "12 servizi", "1 servizio", "0 servizi": the short count beside a category link. */
function shortCount(ctx: PageContext, n: number): string {
  return n === 1 ? ctx.t('home.sections.countOne') : ctx.t('home.groups.services', { n: formatNumber(ctx.locale, n) });
}

/** The categories, grouped the way families know them: heading, a sentence, the categories, a link to all of it. */
function NeedGroups(props: { ctx: PageContext; groups: GroupView[] }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="wemi-home-block wemi-home-block-alt" aria-labelledby="home-groups-title">
      <div class="container">
        <h2 class="wemi-block-title" id="home-groups-title">
          {t('home.groups.title')}
        </h2>
        <p class="wemi-block-lead">{t('home.groups.lead')}</p>
        {props.groups.length === 0 ? (
          <p>{t('home.groups.empty')}</p>
        ) : (
          <ul class="wemi-needs">
            {props.groups.map((g) => (
              <li class="wemi-need" data-wemi-group={g.code}>
                <div class="wemi-need-head">
                  <img class="wemi-need-img" src={ctx.assets.url(g.illustration)} alt="" width="72" height="72" />
                  <div>
                    <h3 class="wemi-need-title" id={`home-group-${g.code}`}>
                      {t(g.title)}
                    </h3>
                    <p class="wemi-need-lead">{t(g.lead)}</p>
                  </div>
                </div>
                {g.categories.length ? (
                  // Open in the markup (every list shows without JavaScript); folded on a phone by src/client/home-groups.ts.
                  <details class="wemi-need-details" open data-wemi-need-details="">
                    <summary class="wemi-need-toggle">
                      <span>{t('home.groups.toggle', { n: g.categories.length })}</span>
                      <Icon ctx={ctx} name="expand" class="icon-sm icon-primary wemi-need-toggle-icon" />
                    </summary>
                    <ul class="wemi-need-list" aria-labelledby={`home-group-${g.code}`}>
                      {g.categories.map((c) => (
                        <li>
                          <a class="wemi-need-link" href={paths.category(c.slug)} data-wemi-category={c.slug}>
                            <span class="wemi-need-name">{c.name}</span> <span class="wemi-need-count">{shortCount(ctx, c.services)}</span>
                          </a>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                <p class="wemi-need-more">
                  <a class="wemi-need-all" href={g.allHref} data-wemi-group-all={g.code}>
                    <span>{t(g.all)}</span>
                    <Icon ctx={ctx} name="arrow-right" class="icon-sm icon-primary" />
                  </a>
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function Spazi(props: { ctx: PageContext; data: HomeData }): Html {
  const { ctx, data } = props;
  const { t } = ctx;
  return (
    <section class="wemi-home-block" aria-labelledby="home-spazi-title">
      <div class="container">
        <h2 class="wemi-block-title" id="home-spazi-title">
          {t('home.spazi.title')}
        </h2>
        <p class="wemi-block-lead">{t('home.spazi.lead')}</p>
        {data.spaziTotal > 0 ? <p class="fw-semibold">{t('home.spazi.total', { n: formatNumber(ctx.locale, data.spaziTotal) })}</p> : null}
        <ul class="wemi-card-grid wemi-spazi-grid">
          {data.spazi.map((s) => (
            <li>
              <article class="card card-teaser shadow rounded wemi-spazio-card">
                <div class="card-body">
                  <h3 class="card-title h5">
                    <a href={paths.spazio(s.slug)}>{s.name}</a>
                  </h3>
                  <p class="card-text">
                    <Icon ctx={ctx} name="map-marker" class="icon-sm icon-secondary me-1" />
                    {s.addressLine}
                  </p>
                  {s.municipio ? <p class="card-text wemi-card-count">{t('home.spazi.municipio', { n: s.municipio })}</p> : null}
                </div>
              </article>
            </li>
          ))}
        </ul>
        {data.spaziByMunicipio.length ? (
          <>
            <h3 class="h5 mt-4" id="home-municipi-title">
              {t('home.spazi.byMunicipio')}
            </h3>
            <ul class="wemi-municipi" aria-labelledby="home-municipi-title">
              {data.spaziByMunicipio.map((m) => (
                <li>
                  <a class="chip chip-simple wemi-chip-link" href={paths.spazi(m.municipio)} aria-label={t('home.spazi.municipioLabel', { m: m.municipio, n: m.count })}>
                    <span class="chip-label">{t('home.spazi.municipioCount', { m: m.municipio, n: m.count })}</span>
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p class="mt-4 mb-0">
          <a class="btn btn-outline-primary" href={paths.spazi()}>
            {t('home.spazi.all')}
          </a>
        </p>
      </div>
    </section>
  );
}

function Help(props: { ctx: PageContext }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const cards: { title: MessageKey; body: MessageKey; link: MessageKey; href: string; icon: string }[] = [
    { title: 'home.help.phone.title', body: 'home.help.phone.body', link: 'home.help.phone.link', href: 'tel:020202', icon: 'telephone' },
    { title: 'home.help.spazi.title', body: 'home.help.spazi.body', link: 'home.help.spazi.link', href: paths.spazi(), icon: 'map-marker-circle' },
    { title: 'home.help.city.title', body: 'home.help.city.body', link: 'home.help.city.link', href: paths.cityServices(), icon: 'pa' },
  ];
  return (
    <section class="wemi-home-block wemi-home-block-alt" aria-labelledby="home-help-title">
      <div class="container">
        <h2 class="wemi-block-title" id="home-help-title">
          {t('home.help.title')}
        </h2>
        <p class="wemi-block-lead">{t('home.help.lead')}</p>
        <ul class="wemi-card-grid wemi-help-grid">
          {cards.map((c) => (
            <li>
              <article class="card card-teaser shadow rounded wemi-help-card">
                <Icon ctx={ctx} name={c.icon} class="icon-primary wemi-card-icon" />
                <div class="card-body">
                  <h3 class="card-title h5">{t(c.title)}</h3>
                  <p class="card-text">{t(c.body)}</p>
                  <p class="card-text mb-0">
                    <a href={c.href} class="fw-semibold">
                      {t(c.link)}
                    </a>
                  </p>
                </div>
              </article>
            </li>
          ))}
        </ul>
        <p class="mt-4 mb-0">
          <a href={paths.page('faq')}>
            <Icon ctx={ctx} name="help-circle" class="icon-sm icon-primary me-1" />
            {t('home.help.faq')}
          </a>
        </p>
      </div>
    </section>
  );
}

export function HomePage(props: { ctx: PageContext; data: HomeData }): Html {
  const { ctx, data } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')} description={t('home.description')}>
      <Hero ctx={ctx} />
      <StatsBand ctx={ctx} data={data} />
      <NeedGroups ctx={ctx} groups={data.groups} />
      <SectionCards ctx={ctx} sections={data.sections} />
      <Spazi ctx={ctx} data={data} />
      <Help ctx={ctx} />
      <FeedbackWidget ctx={ctx} />
    </Layout>
  );
}
