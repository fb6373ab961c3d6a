import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import { jsonForScript } from '../../lib/jsx/jsx-runtime';
import { formatDate, formatEuro, formatNumber } from '../../i18n/i18n';
import type { PageContext } from '../../web/context';
import { Layout, PageHeader } from '../../web/layout';
import { DemoBadge, Icon, PageIndex } from '../../web/components';
import { paths } from '../../web/paths';
import { FeedbackWidget } from '../feedback/feedback.view';
import { displayUrl, italianLang, mailHref, Paragraphs, rangeLabel, safeUrl, telHref } from './services.format';
import type { CardLocation, ServiceCard } from './services.schemas';
import { PublicReviews } from '../reviews/public/reviews-public.view';
import type { PublicReviewsView } from '../reviews/public/reviews-public.presenter';

// The public service page, shaped like the Designers Italia "Modello Comuni" service page.

/** Section ids are the same in every language, so links to a section keep working. */
export const SERVICE_SECTIONS = [
  { id: 'a-chi-e-rivolto', label: 'services.section.addressed', element: 'service-addressed' },
  { id: 'descrizione', label: 'services.section.description', element: undefined },
  { id: 'come-fare', label: 'services.section.howTo', element: 'service-how-to' },
  { id: 'cosa-serve', label: 'services.section.needed', element: 'service-needed' },
  { id: 'cosa-si-ottiene', label: 'services.section.achieved', element: 'service-achieved' },
  { id: 'tempi-e-scadenze', label: 'services.section.calendar', element: 'service-calendar-text' },
  { id: 'quanto-costa', label: 'services.section.cost', element: undefined },
  { id: 'accedi-al-servizio', label: 'services.section.access', element: 'service-generic-access' },
  { id: 'ulteriori-informazioni', label: 'services.section.more', element: undefined },
  { id: 'condizioni-di-servizio', label: 'services.section.conditions', element: 'service-file' },
  { id: 'contatti', label: 'services.section.contacts', element: undefined },
] as const;

type SectionId = (typeof SERVICE_SECTIONS)[number]['id'];

function Section(props: { ctx: PageContext; id: SectionId; children?: Child }): Html {
  const def = SERVICE_SECTIONS.find((s) => s.id === props.id)!;
  return (
    <section class="it-page-section mb-5" id={def.id} aria-labelledby={`${def.id}-title`}>
      <h2 class="title-xxlarge mb-3" id={`${def.id}-title`}>
        {props.ctx.t(def.label)}
      </h2>
      <div class="richtext-wrapper wemi-service-text" data-element={def.element}>
        {props.children}
      </div>
    </section>
  );
}

/** A definition list item, rendered only when it has a value. */
function Item(props: { label: string; children?: Child; lang?: string | undefined }): Html {
  return (
    <div class="wemi-dl-row">
      <dt>{props.label}</dt>
      <dd lang={props.lang}>{props.children}</dd>
    </div>
  );
}

const has = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';

function days(ctx: PageContext, n: number | null): string {
  if (n === null) return ctx.t('common.notAvailable');
  if (n === 0) return ctx.t('services.calendar.sameDay');
  return n === 1 ? ctx.t('services.calendar.day') : ctx.t('services.calendar.days', { n: formatNumber(ctx.locale, n) });
}

function people(ctx: PageContext, min: number, max: number): string {
  if (min === max) return min === 1 ? ctx.t('services.addressed.peopleOne') : ctx.t('services.addressed.peopleExact', { n: min });
  return ctx.t('services.addressed.peopleRange', { min, max });
}

function period(ctx: PageContext, from: string | null, to: string | null): string {
  const f = from ? formatDate(ctx.locale, from) : null;
  const tt = to ? formatDate(ctx.locale, to) : null;
  if (f && tt) return ctx.t('services.calendar.periodRange', { from: f, to: tt });
  if (f) return ctx.t('services.calendar.periodFrom', { from: f });
  if (tt) return ctx.t('services.calendar.periodTo', { to: tt });
  return ctx.t('services.calendar.periodAlways');
}

function ContactLinks(props: { ctx: PageContext; phone: string | null; email: string | null; pec?: string | null; website?: string | null }): Html {
  const { ctx } = props;
  const tel = telHref(props.phone);
  const mail = mailHref(props.email);
  const pec = mailHref(props.pec);
  const web = safeUrl(props.website);
  return (
    <>
      {has(props.phone) ? (
        <Item label={ctx.t('common.phone')}>{tel ? <a href={tel}>{props.phone}</a> : props.phone}</Item>
      ) : null}
      {has(props.email) ? (
        <Item label={ctx.t('common.email')}>{mail ? <a href={mail}>{props.email}</a> : props.email}</Item>
      ) : null}
      {has(props.pec) ? (
        <Item label={ctx.t('services.contacts.pec')}>{pec ? <a href={pec}>{props.pec}</a> : props.pec}</Item>
      ) : null}
      {web ? (
        <Item label={ctx.t('common.website')}>
          <a href={web} rel="noopener">
            {displayUrl(web)}
          </a>
        </Item>
      ) : null}
    </>
  );
}

/** An address card of an ente site or Spazio WeMi. */
export function PlaceCard(props: { ctx: PageContext; place: CardLocation; headingLevel?: 3 | 4 }): Html {
  const { ctx, place } = props;
  const tel = telHref(place.phone);
  const mail = mailHref(place.email);
  const title = place.url ? <a href={place.url}>{place.name}</a> : place.name;
  return (
    <div class="card card-teaser shadow-sm rounded h-100 wemi-place">
      <div class="card-body">
        {props.headingLevel === 3 ? <h3 class="card-title h5">{title}</h3> : <h4 class="card-title h5">{title}</h4>}
        <div class="card-text">
          <p class="mb-1">
            {[place.address, [place.postalCode, place.city].filter(has).join(' ')].filter(has).join(', ')}
            {place.municipio ? ` — ${place.municipio.name}` : ''}
          </p>
          {has(place.hours) ? (
            <p class="mb-1">
              <span class="fw-semibold">{ctx.t('common.hours')}:</span> {place.hours}
            </p>
          ) : null}
          {tel ? (
            <p class="mb-1">
              <span class="fw-semibold">{ctx.t('common.phone')}:</span> <a href={tel}>{place.phone}</a>
            </p>
          ) : null}
          {mail ? (
            <p class="mb-0">
              <span class="fw-semibold">{ctx.t('common.email')}:</span> <a href={mail}>{place.email}</a>
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function PriceTable(props: { ctx: PageContext; card: ServiceCard; list: ServiceCard['price']['priceLists'][number] }): Html {
  const { ctx, card, list } = props;
  const from = formatDate(ctx.locale, list.validFrom);
  const caption = list.validTo
    ? ctx.t('services.cost.caption', { from, to: formatDate(ctx.locale, list.validTo) })
    : ctx.t('services.cost.captionOpen', { from });
  return (
    // Focusable and named, so keyboard users can scroll the table when it is wider than the screen.
    <div class="table-responsive mb-3" tabindex="0" role="region" aria-label={caption}>
      <table class="table table-sm wemi-price-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('services.cost.people')}</th>
            <th scope="col">{ctx.t('services.cost.units', { unit: card.price.unitLabel })}</th>
            <th scope="col" class="text-end">
              {ctx.t('services.cost.unitPrice')}
            </th>
          </tr>
        </thead>
        <tbody>
          {list.tiers.map((tier) => (
            <tr>
              <th scope="row">{rangeLabel(ctx, tier.peopleMin, tier.peopleMax)}</th>
              <td>{rangeLabel(ctx, tier.unitsMin, tier.unitsMax)}</td>
              <td class="text-end">{ctx.t('services.cost.priceUnit', { price: formatEuro(ctx.locale, tier.unitPrice), unit: card.price.unitLabel })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.minUnits > 1 ? <p class="mb-1">{ctx.t('services.cost.minUnits', { n: list.minUnits })}</p> : null}
      {has(list.notes) ? <Paragraphs text={list.notes} lang={italianLang(ctx)} class="mb-1" /> : null}
    </div>
  );
}

/** `reviews`: the page of published comments (absent in the back office's preview). */
export function ServicePage(props: { ctx: PageContext; card: ServiceCard; jsonLd: Record<string, unknown>; reviews?: PublicReviewsView }): Html {
  const { ctx, card } = props;
  const { t } = ctx;
  const it = italianLang(ctx);
  const summaryLang = card.summaryLanguage === ctx.locale ? undefined : card.summaryLanguage;
  const crumbs: { href?: string; label: string }[] = [{ href: paths.services(), label: t('nav.services') }];
  if (card.category) crumbs.push({ href: paths.category(card.category.slug), label: card.category.name });
  crumbs.push({ label: card.name });
  const free = card.price.offerType !== 'paid';
  const price = card.price;
  const access = card.access;
  const org = card.organization;
  const contactsHref = `${paths.ente(org.slug)}#contatti`;

  return (
    <Layout
      ctx={ctx}
      title={card.name}
      description={card.summary}
      section={paths.services()}
      head={<script type="application/ld+json" data-element="metatag">{jsonForScript(props.jsonLd)}</script>}
    >
      <PageHeader ctx={ctx} crumbs={crumbs} title={card.name} titleElement="service-title">
        <ul class="d-flex flex-wrap gap-1 my-3 list-unstyled wemi-status">
          <li>
            <div class="chip chip-simple text-bg-primary" data-element="service-status">
              <span class="chip-label">{t('services.status.active')}</span>
            </div>
          </li>
          {card.isDemo ? (
            <li>
              <DemoBadge ctx={ctx} />
            </li>
          ) : null}
        </ul>
        {has(card.summary) ? (
          <p class="subtitle-small mb-3" data-element="service-description" lang={summaryLang}>
            {card.summary}
          </p>
        ) : (
          <p class="subtitle-small mb-3" data-element="service-description">
            {card.serviceType.name}
          </p>
        )}
        <p class="mb-3">
          {t('services.offeredBy')} <a href={org.url}>{org.name}</a>
        </p>
        <p class="wemi-req-cta">
          <a class="btn btn-primary" href={paths.requestStart(card.slug)} aria-describedby="richiedi-hint">
            {t('requests.start.cta')}
          </a>{' '}
          <small id="richiedi-hint" class="d-block mt-1">
            {t('requests.start.ctaHint')}
          </small>
        </p>
        <div class="wemi-topics">
          <span class="subtitle-small">{t('services.topics')}:</span>
          <ul class="d-flex flex-wrap gap-1 mt-2 list-unstyled">
            {card.category ? (
              <li>
                <a class="chip chip-simple" href={paths.category(card.category.slug)} data-element="service-topic">
                  <span class="chip-label">{card.category.name}</span>
                </a>
              </li>
            ) : null}
            {card.section ? (
              <li>
                <a class="chip chip-simple" href={paths.section(card.section.slug)} data-element="service-topic">
                  <span class="chip-label">{card.section.name}</span>
                </a>
              </li>
            ) : null}
          </ul>
        </div>
      </PageHeader>
      <div class="container">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-10 px-lg-4">
            <hr class="d-none d-lg-block mt-0 mb-4" />
            <div class="row mt-4 pb-5">
              <div class="col-12 col-lg-3 mb-4 wemi-index-col">
                <PageIndex ctx={ctx} items={SERVICE_SECTIONS.map((s) => ({ id: s.id, label: t(s.label) }))} />
              </div>
              <div class="col-12 col-lg-8 offset-lg-1">
                <div class="it-page-sections-container">
                  <Section ctx={ctx} id="a-chi-e-rivolto">
                    {has(card.audience.recipients) ? <Paragraphs text={card.audience.recipients} lang={it} /> : null}
                    <dl class="wemi-dl">
                      {card.audience.targetGroups.length > 0 ? (
                        <Item label={t('services.addressed.targetGroups')}>
                          <ul class="wemi-inline-list">
                            {card.audience.targetGroups.map((g) => (
                              <li>{g.name}</li>
                            ))}
                          </ul>
                        </Item>
                      ) : null}
                      <Item label={t('services.addressed.people')}>{people(ctx, card.audience.minPeople, card.audience.maxPeople)}</Item>
                      <Item label={t('services.addressed.mode')}>{t(`services.mode.${card.audience.mode}`)}</Item>
                    </dl>
                  </Section>

                  <Section ctx={ctx} id="descrizione">
                    {has(card.description.needAnalysis) ? (
                      <>
                        <h3 class="h5">{t('services.description.needAnalysis')}</h3>
                        <Paragraphs text={card.description.needAnalysis} lang={it} />
                      </>
                    ) : null}
                    {has(card.description.proposedSolution) ? (
                      <>
                        <h3 class="h5">{t('services.description.proposedSolution')}</h3>
                        <Paragraphs text={card.description.proposedSolution} lang={it} />
                      </>
                    ) : null}
                    {has(card.description.staffActivities) ? (
                      <>
                        <h3 class="h5">{t('services.description.staffActivities')}</h3>
                        <Paragraphs text={card.description.staffActivities} lang={it} />
                      </>
                    ) : null}
                    {card.description.tasks.length > 0 ? (
                      <>
                        <h3 class="h5">{t('services.description.tasks')}</h3>
                        <ul>
                          {card.description.tasks.map((x) => (
                            <li>{x.name}</li>
                          ))}
                        </ul>
                      </>
                    ) : null}
                    {card.description.staff.length > 0 ? (
                      <>
                        <h3 class="h5">{t('services.description.staff')}</h3>
                        <div class="row g-3 mb-3">
                          {card.description.staff.map((st) => (
                            <div class="col-12 col-md-6">
                              <div class="card card-teaser shadow-sm rounded wemi-staff">
                                <div class="card-body">
                                  <h4 class="card-title h6">{t(st.kind === 'internal' ? 'services.staff.internal' : 'services.staff.external')}</h4>
                                  <dl class="wemi-dl wemi-dl-compact mb-0">
                                    {st.count !== null ? <Item label={t('services.staff.count')}>{formatNumber(ctx.locale, st.count)}</Item> : null}
                                    {has(st.qualifications) ? (
                                      <Item label={t('services.staff.qualifications')} lang={it}>
                                        {st.qualifications}
                                      </Item>
                                    ) : null}
                                    {st.yearsExperience !== null ? (
                                      <Item label={t('services.staff.years')}>{formatNumber(ctx.locale, st.yearsExperience)}</Item>
                                    ) : null}
                                    {st.referencesAvailable !== null ? (
                                      <Item label={t('services.staff.references')}>{t(st.referencesAvailable ? 'common.yes' : 'common.no')}</Item>
                                    ) : null}
                                    {has(st.supplier) ? <Item label={t('services.staff.supplier')}>{st.supplier}</Item> : null}
                                  </dl>
                                </div>
                              </div>
                            </div>
                          ))}
                        </div>
                      </>
                    ) : null}
                  </Section>

                  <Section ctx={ctx} id="come-fare">
                    <p>{t('services.howTo.intro', { ente: org.name })}</p>
                    <ol>
                      <li>{t('services.howTo.step1')}</li>
                      <li>
                        {t('services.howTo.step2')}
                        {card.times.waitAnalysisDays !== null ? ` (${t('services.calendar.analysis').toLowerCase()}: ${days(ctx, card.times.waitAnalysisDays)})` : ''}
                      </li>
                      <li>{t(free ? 'services.howTo.step3Free' : 'services.howTo.step3Paid')}</li>
                      <li>
                        {t('services.howTo.step4')}
                        {card.times.waitActivationDays !== null ? ` (${t('services.calendar.activation').toLowerCase()}: ${days(ctx, card.times.waitActivationDays)})` : ''}
                      </li>
                    </ol>
                    <h3 class="h5">{t('services.howTo.firstContact')}</h3>
                    <dl class="wemi-dl">
                      <ContactLinks ctx={ctx} phone={card.firstContact.phone} email={card.firstContact.email} />
                      {has(card.firstContact.hours) ? (
                        <Item label={t('common.hours')} lang={it}>
                          {card.firstContact.hours}
                        </Item>
                      ) : null}
                    </dl>
                    <p>
                      <a class="btn btn-primary" href={contactsHref}>
                        {t('services.howTo.contactEnte')}
                      </a>
                    </p>
                    <p class="mb-0">
                      {t('services.howTo.help')} <a href={paths.spazi()}>{t('services.howTo.spazi')}</a>
                    </p>
                  </Section>

                  <Section ctx={ctx} id="cosa-serve">
                    <ul>
                      <li>{t('services.needed.contact')}</li>
                      <li>{t('services.needed.person')}</li>
                      {access.deliveryPlaces.some((p) => p.code === 'domicilio') ? <li>{t('services.needed.address')}</li> : null}
                      {price.supportSchemes.length > 0 ? (
                        <li>{t('services.needed.scheme', { schemes: price.supportSchemes.map((s) => s.name).join(', ') })}</li>
                      ) : null}
                    </ul>
                  </Section>

                  <Section ctx={ctx} id="cosa-si-ottiene">
                    <ul>
                      <li>{t('services.achieved.offer')}</li>
                      <li>{t('services.achieved.service', { name: card.name, ente: org.name })}</li>
                      {free ? <li>{t('services.achieved.free')}</li> : null}
                    </ul>
                  </Section>

                  <Section ctx={ctx} id="tempi-e-scadenze">
                    <h3 class="h5">{t('services.calendar.waiting')}</h3>
                    <dl class="wemi-dl">
                      <Item label={t('services.calendar.analysis')}>{days(ctx, card.times.waitAnalysisDays)}</Item>
                      <Item label={t('services.calendar.activation')}>{days(ctx, card.times.waitActivationDays)}</Item>
                      <Item label={t('services.calendar.period')}>{period(ctx, card.times.deliveryFrom, card.times.deliveryTo)}</Item>
                      {card.times.timeBands.length > 0 ? (
                        <Item label={t('services.calendar.timeBands')}>
                          <ul class="wemi-inline-list">
                            {card.times.timeBands.map((b) => (
                              <li>{b.name}</li>
                            ))}
                          </ul>
                        </Item>
                      ) : null}
                    </dl>
                  </Section>

                  <Section ctx={ctx} id="quanto-costa">
                    <dl class="wemi-dl">
                      <Item label={t('services.offer.label')}>{t(`services.offer.${price.offerType}`)}</Item>
                      {!free ? (
                        <>
                          <Item label={t('services.cost.priceFrom')}>
                            {price.priceFrom !== null ? (
                              <strong class="wemi-price-from">
                                {t('services.cost.priceUnit', { price: formatEuro(ctx.locale, price.priceFrom), unit: price.unitLabel })}
                              </strong>
                            ) : (
                              t('common.notAvailable')
                            )}
                          </Item>
                          <Item label={t('services.cost.unit')}>{price.unitLabel}</Item>
                          <Item label={t('services.cost.vat')}>{t('services.cost.vatValue', { rate: formatNumber(ctx.locale, price.vatRate) })}</Item>
                          <Item label={t('services.cost.customQuote')}>
                            {t(price.customQuote ? 'services.cost.customQuoteYes' : 'services.cost.customQuoteNo')}
                          </Item>
                        </>
                      ) : null}
                      <Item label={t('services.cost.supportSchemes')}>
                        {price.supportSchemes.length > 0 ? (
                          <ul class="wemi-inline-list">
                            {price.supportSchemes.map((s) => (
                              <li>{s.name}</li>
                            ))}
                          </ul>
                        ) : (
                          t('services.cost.noSchemes')
                        )}
                      </Item>
                    </dl>
                    {!free ? (
                      <>
                        <h3 class="h5">{t('services.cost.priceList')}</h3>
                        {price.priceLists.length > 0 ? (
                          price.priceLists.map((list) => <PriceTable ctx={ctx} card={card} list={list} />)
                        ) : (
                          <p>{t('services.cost.noList')}</p>
                        )}
                      </>
                    ) : null}
                    {price.packages.length > 0 ? (
                      <>
                        <h3 class="h5">{t('services.cost.packages')}</h3>
                        <ul class="wemi-packages">
                          {price.packages.map((p) => (
                            <li>
                              <span class="fw-semibold" lang={it}>
                                {p.name}
                              </span>
                              {p.units !== null ? ` — ${t('services.cost.packageUnits', { units: formatNumber(ctx.locale, p.units), unit: price.unitLabel })}` : ''}
                              {p.price !== null ? (
                                <>
                                  {' — '}
                                  <strong>{formatEuro(ctx.locale, p.price)}</strong>
                                </>
                              ) : null}
                              {has(p.description) ? (
                                <>
                                  <br />
                                  <span lang={it}>{p.description}</span>
                                </>
                              ) : null}
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : null}
                  </Section>

                  <Section ctx={ctx} id="accedi-al-servizio">
                    <h3 class="h5">{t('services.access.places')}</h3>
                    <ul>
                      {access.deliveryPlaces.map((p) => (
                        <li>
                          {p.name}
                          {p.code === 'altro' && has(access.deliveryOther) ? (
                            <>
                              {': '}
                              <span lang={it}>{access.deliveryOther}</span>
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                    {has(access.deliveryOther) && !access.deliveryPlaces.some((p) => p.code === 'altro') ? (
                      <Paragraphs text={access.deliveryOther} lang={it} />
                    ) : null}
                    {access.sites.length > 0 ? (
                      <>
                        <h3 class="h5">{t('services.access.sites')}</h3>
                        <div class="row g-3 mb-4">
                          {access.sites.map((p) => (
                            <div class="col-12 col-md-6">
                              <PlaceCard ctx={ctx} place={p} />
                            </div>
                          ))}
                        </div>
                      </>
                    ) : null}
                    {access.spazi.length > 0 ? (
                      <>
                        <h3 class="h5">{t('services.access.spazi')}</h3>
                        <div class="row g-3 mb-4">
                          {access.spazi.map((p) => (
                            <div class="col-12 col-md-6">
                              <PlaceCard ctx={ctx} place={p} />
                            </div>
                          ))}
                        </div>
                      </>
                    ) : null}
                    <div data-element="service-area">
                      <h3 class="h5">{t('services.access.area')}</h3>
                      {access.municipi.length === 0 && access.metroMunicipalities.length === 0 ? <p>{t('services.access.noArea')}</p> : null}
                      <dl class="wemi-dl">
                        {access.municipi.length > 0 ? (
                          <Item label={t('services.access.municipi')}>
                            <ul class="wemi-inline-list">
                              {access.municipi.map((m) => (
                                <li>{m.name}</li>
                              ))}
                            </ul>
                          </Item>
                        ) : null}
                        {access.metroMunicipalities.length > 0 ? (
                          <Item label={t('services.access.metro')}>
                            <ul class="wemi-inline-list">
                              {access.metroMunicipalities.map((m) => (
                                <li>{m}</li>
                              ))}
                            </ul>
                          </Item>
                        ) : null}
                      </dl>
                    </div>
                  </Section>

                  <Section ctx={ctx} id="ulteriori-informazioni">
                    <dl class="wemi-dl">
                      <Item label={t('services.more.type')}>{card.serviceType.name}</Item>
                      <Item label={t('services.more.ente')}>
                        <a href={org.url}>{org.name}</a>
                        {has(org.legalForm) ? ` (${org.legalForm})` : ''}
                      </Item>
                      {props.reviews ? null : (
                      <Item label={t('services.more.rating')}>
                        {card.rating.average !== null
                          ? t('services.more.ratingValue', {
                              avg: formatNumber(ctx.locale, Math.round(card.rating.average * 10) / 10),
                              count: formatNumber(ctx.locale, card.rating.count),
                            })
                          : t('services.more.noRating')}
                      </Item>
                      )}
                      {card.publishedAt ? <Item label={t('services.more.published')}>{formatDate(ctx.locale, card.publishedAt)}</Item> : null}
                      <Item label={t('services.more.updated')}>{formatDate(ctx.locale, card.updatedAt)}</Item>
                    </dl>
                    {has(card.serviceType.description) ? <Paragraphs text={card.serviceType.description} /> : null}
                    {props.reviews ? <PublicReviews ctx={ctx} view={props.reviews} path={card.url} level={3} subject="service" /> : null}
                  </Section>

                  <Section ctx={ctx} id="condizioni-di-servizio">
                    <p>{t('services.conditions.ente', { ente: org.name })}</p>
                    <p>{t(free ? 'services.conditions.free' : 'services.conditions.prices')}</p>
                    <p class="mb-0">
                      {t('services.conditions.report')} <a href={paths.page('contatti')}>{t('services.conditions.reportLink')}</a>
                    </p>
                  </Section>

                  <Section ctx={ctx} id="contatti">
                    <div class="card card-teaser shadow-sm rounded wemi-contacts-card">
                      <Icon ctx={ctx} name="telephone" class="icon-primary" />
                      <div class="card-body">
                        <h3 class="card-title h5">{org.name}</h3>
                        <dl class="wemi-dl wemi-dl-compact mb-0">
                          {has(card.responsible.name) ? (
                            <Item label={t('services.contacts.responsible')}>
                              {card.responsible.name}
                              {has(card.responsible.role) ? (
                                <>
                                  {', '}
                                  <span lang={it}>{card.responsible.role}</span>
                                </>
                              ) : null}
                            </Item>
                          ) : null}
                          <ContactLinks ctx={ctx} phone={card.firstContact.phone} email={card.firstContact.email} />
                          {has(card.firstContact.hours) ? (
                            <Item label={t('common.hours')} lang={it}>
                              {card.firstContact.hours}
                            </Item>
                          ) : null}
                          <ContactLinks
                            ctx={ctx}
                            phone={card.firstContact.phone ? null : org.phone}
                            email={card.firstContact.email ? null : org.email}
                            pec={org.pec}
                            website={org.website}
                          />
                        </dl>
                        <p class="mt-3 mb-0">
                          <a href={org.url}>{t('services.contacts.entePage', { ente: org.name })}</a>
                        </p>
                      </div>
                    </div>
                  </Section>
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
