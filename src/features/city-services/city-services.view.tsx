import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import { jsonForScript } from '../../lib/jsx/jsx-runtime';
import { formatDate } from '../../i18n/i18n';
import type { PageContext } from '../../web/context';
import { Icon, PageIndex } from '../../web/components';
import { Layout, PageHeader } from '../../web/layout';
import { paths } from '../../web/paths';
import { FeedbackWidget } from '../feedback/feedback.view';
import { cityServiceJsonLd, firstParagraph, telHref, textBlocks, type CityServiceView } from './city-services.presenter';
import { RichText } from './rich-text';

// The City's access services: list of cards and the Modello Comuni service page of each one.

export function CityServicesListPage(props: { ctx: PageContext; services: CityServiceView[] }): Html {
  const { ctx, services } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cityServices.title')} description={t('cityServices.lead')} section={paths.cityServices()}>
      <PageHeader ctx={ctx} crumbs={[{ label: t('cityServices.title') }]} title={t('cityServices.title')} lead={t('cityServices.lead')} />
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-10 px-lg-4">
            {services.length === 0 ? (
              <p class="wemi-empty">{t('cityServices.empty')}</p>
            ) : (
              <ul class="wemi-card-grid wemi-city-services" aria-label={t('cityServices.title')}>
                {services.map((s) => (
                  <li>
                    <article class="card card-teaser shadow rounded wemi-city-card">
                      <div class="card-body">
                        <h2 class="card-title h4">
                          <a href={paths.cityService(s.slug)} data-element="service-link">
                            {s.name}
                          </a>
                        </h2>
                        <p class="card-text">{firstParagraph(s.summary)}</p>
                        {s.hours ? (
                          <p class="card-text wemi-city-card-meta">
                            <Icon ctx={ctx} name="clock" class="icon-sm icon-secondary me-1" />
                            <span class="fw-semibold">{t('cityServices.cardHours')}:</span> {firstParagraph(s.hours)}
                          </p>
                        ) : null}
                        {s.phones[0] ? (
                          <p class="card-text wemi-city-card-meta">
                            <Icon ctx={ctx} name="telephone" class="icon-sm icon-secondary me-1" />
                            <a href={telHref(s.phones[0])}>{s.phones[0]}</a>
                          </p>
                        ) : null}
                      </div>
                    </article>
                  </li>
                ))}
              </ul>
            )}
            <div class="callout callout-highlight wemi-callout mt-5">
              <h2 class="h5 callout-title">{t('cityServices.charter.title')}</h2>
              <p>{t('cityServices.charter.body')}</p>
              <p class="mb-0">
                <a href={t('site.ownerUrl')}>{t('cityServices.charter.link')}</a>
              </p>
            </div>
          </div>
        </div>
      </div>
      <FeedbackWidget ctx={ctx} />
    </Layout>
  );
}

function Section(props: { id: string; title: string; element?: string | undefined; children?: Child }): Html {
  return (
    <section class="it-page-section wemi-page-section" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 class="wemi-section-title" id={`${props.id}-title`}>
        {props.title}
      </h2>
      <div data-element={props.element}>{props.children}</div>
    </section>
  );
}

export function CityServicePage(props: { ctx: PageContext; service: CityServiceView }): Html {
  const { ctx, service: s } = props;
  const { t } = ctx;
  const hasDescription = textBlocks(s.summary).length > 1;
  const isWemi = s.slug.includes('wemi');
  const sections: { id: string; label: string }[] = [
    { id: 'a-chi-e-rivolto', label: t('cityServices.section.audience') },
    ...(hasDescription ? [{ id: 'descrizione', label: t('cityServices.section.description') }] : []),
    { id: 'come-fare', label: t('cityServices.section.howTo') },
    { id: 'cosa-serve', label: t('cityServices.section.needed') },
    { id: 'cosa-si-ottiene', label: t('cityServices.section.achieved') },
    { id: 'tempi-e-scadenze', label: t('cityServices.section.calendar') },
    { id: 'quanto-costa', label: t('cityServices.section.cost') },
    { id: 'accedi-al-servizio', label: t('cityServices.section.access') },
    { id: 'condizioni-di-servizio', label: t('cityServices.section.conditions') },
    { id: 'contatti', label: t('cityServices.section.contacts') },
  ];
  const jsonLd = cityServiceJsonLd(s, ctx.baseUrl, t('site.owner'));
  return (
    <Layout
      ctx={ctx}
      title={s.name}
      description={firstParagraph(s.summary)}
      section={paths.cityServices()}
      head={<script type="application/ld+json" data-element="metatag">{jsonForScript(jsonLd)}</script>}
    >
      <PageHeader
        ctx={ctx}
        crumbs={[{ href: paths.cityServices(), label: t('cityServices.title') }, { label: s.name }]}
        title={s.name}
        titleElement="service-title"
        lead={firstParagraph(s.summary)}
        leadElement="service-description"
      >
        <ul class="wemi-chips" aria-label={t('cityServices.topics')}>
          <li>
            <span class="chip chip-simple chip-primary wemi-chip-status" data-element="service-status">
              <span class="chip-label">{t('cityServices.status.active')}</span>
            </span>
          </li>
          <li>
            <a class="chip chip-simple wemi-chip-topic" href={paths.cityServices()} data-element="service-topic">
              <span class="chip-label">{t('cityServices.topic.access')}</span>
            </a>
          </li>
        </ul>
      </PageHeader>
      <div class="container">
        <div class="row justify-content-center wemi-service-layout">
          <div class="col-12 col-lg-3 mb-4 wemi-page-index-col">
            <PageIndex ctx={ctx} items={sections} />
          </div>
          <div class="col-12 col-lg-7 ps-lg-5 it-page-sections-container">
            <Section id="a-chi-e-rivolto" title={t('cityServices.section.audience')} element="service-addressed">
              <RichText text={s.audience} />
            </Section>
            {hasDescription ? (
              <Section id="descrizione" title={t('cityServices.section.description')}>
                <RichText text={s.summary} />
              </Section>
            ) : null}
            <Section id="come-fare" title={t('cityServices.section.howTo')} element="service-how-to">
              <RichText text={s.howToAccess} />
            </Section>
            <Section id="cosa-serve" title={t('cityServices.section.needed')} element="service-needed">
              <RichText text={s.documents} />
            </Section>
            <Section id="cosa-si-ottiene" title={t('cityServices.section.achieved')} element="service-achieved">
              <RichText text={s.offers} />
            </Section>
            <Section id="tempi-e-scadenze" title={t('cityServices.section.calendar')} element="service-calendar-text">
              <h3 class="h5">{t('cityServices.hours')}</h3>
              {s.hours ? <RichText text={s.hours} /> : <p>{t('cityServices.noHours')}</p>}
            </Section>
            <Section id="quanto-costa" title={t('cityServices.section.cost')}>
              <RichText text={s.cost} />
            </Section>
            <Section id="accedi-al-servizio" title={t('cityServices.section.access')} element="service-generic-access">
              <p>{t('cityServices.access.intro')}</p>
              <ul class="wemi-access-list">
                {s.phones.map((p) => (
                  <li>
                    <a class="btn btn-primary" href={telHref(p)}>
                      <Icon ctx={ctx} name="telephone" class="icon-white icon-sm me-2" />
                      {t('cityServices.access.call', { phone: p })}
                    </a>
                  </li>
                ))}
                {s.emails.map((e) => (
                  <li>
                    <a class="btn btn-outline-primary" href={`mailto:${e}`}>
                      <Icon ctx={ctx} name="mail" class="icon-primary icon-sm me-2" />
                      {t('cityServices.access.write', { email: e })}
                    </a>
                  </li>
                ))}
                {isWemi ? (
                  <>
                    <li>
                      <a class="btn btn-outline-primary" href={paths.spazi()}>
                        <Icon ctx={ctx} name="map-marker" class="icon-primary icon-sm me-2" />
                        {t('cityServices.access.spazi')}
                      </a>
                    </li>
                    <li>
                      <a class="btn btn-outline-primary" href={paths.services()}>
                        <Icon ctx={ctx} name="search" class="icon-primary icon-sm me-2" />
                        {t('cityServices.access.search')}
                      </a>
                    </li>
                  </>
                ) : null}
              </ul>
              {s.location ? (
                <div class="card card-teaser shadow rounded mt-3 wemi-place-card">
                  <div class="card-body">
                    <h3 class="h5 card-title">
                      <Icon ctx={ctx} name="map-marker" class="icon-primary icon-sm me-1" />
                      {t('cityServices.access.place')}
                    </h3>
                    <p class="card-text mb-0">
                      <span class="fw-semibold">{s.location.name}</span>
                      <br />
                      {s.location.addressLine}
                    </p>
                    {s.location.kind === 'spazio_wemi' && s.location.slug ? (
                      <p class="card-text mt-2 mb-0">
                        <a href={paths.spazio(s.location.slug)}>{s.location.name}</a>
                      </p>
                    ) : null}
                  </div>
                </div>
              ) : null}
            </Section>
            <Section id="condizioni-di-servizio" title={t('cityServices.section.conditions')}>
              <p>{t('cityServices.conditions.body')}</p>
              <h3 class="h5">{t('cityServices.standards.title')}</h3>
              {s.qualityStandards.length ? (
                <>
                  <p>{t('cityServices.standards.intro')}</p>
                  <ul class="wemi-standards">
                    {s.qualityStandards.map((q) => (
                      <li>{q}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>{t('cityServices.standards.none')}</p>
              )}
              <p>
                <a href={paths.page('contatti')}>
                  {t('cityServices.conditions.report')}
                </a>
              </p>
            </Section>
            <Section id="contatti" title={t('cityServices.section.contacts')}>
              <RichText text={s.contacts} />
              {s.location ? (
                <p>
                  <span class="fw-semibold">{t('cityServices.place')}:</span> {s.location.name} — {s.location.addressLine}
                </p>
              ) : null}
              <p data-element="service-area">
                <span class="fw-semibold">{t('cityServices.area')}:</span> {t('cityServices.areaName')}
              </p>
            </Section>
            <p class="wemi-updated">{t('cityServices.updated', { date: formatDate(ctx.locale, s.updatedAt) })}</p>
          </div>
        </div>
      </div>
      <FeedbackWidget ctx={ctx} />
    </Layout>
  );
}
