import { jsonForScript, type Html } from '../../lib/jsx/jsx-runtime';
import type { MessageKey } from '../../i18n/catalogue';
import { formatEuro } from '../../i18n/i18n';
import type { FieldIssue } from '../../lib/http/errors';
import type { PageContext } from '../../web/context';
import { Layout, PageHeader } from '../../web/layout';
import { DemoBadge, ErrorSummary, Icon, PageIndex } from '../../web/components';
import { paths } from '../../web/paths';
import { FeedbackWidget } from '../feedback/feedback.view';
import {
  groupByMunicipio,
  hoursWeek,
  osmSearchUrl,
  osmUrl,
  type SpazioOrganizationView,
  type SpazioServiceView,
  type SpazioView,
} from './spazi.presenter';

export const MUNICIPI = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

function municipioLabel(ctx: PageContext, n: number | null): string {
  return n === null ? ctx.t('spazi.noMunicipio') : ctx.t('common.municipio', { n });
}

function countLabel(ctx: PageContext, n: number, municipio?: number): string {
  if (municipio !== undefined) return ctx.t(n === 1 ? 'spazi.countIn.one' : 'spazi.countIn.other', { n, m: municipio });
  return ctx.t(n === 1 ? 'spazi.count.one' : 'spazi.count.other', { n });
}

/** Contact lines (e-mail, phone, website) of a Spazio. */
function ContactList(props: { ctx: PageContext; spazio: SpazioView; class?: string }): Html {
  const { ctx, spazio } = props;
  const { t } = ctx;
  return (
    <ul class={`list-unstyled wemi-spazio-contacts ${props.class ?? ''}`}>
      {spazio.email ? (
        <li>
          <Icon ctx={ctx} name="mail" class="icon-sm icon-primary me-1" />
          <span class="visually-hidden">{t('common.email')}: </span>
          <a href={`mailto:${spazio.email}`}>{spazio.email}</a>
        </li>
      ) : null}
      {spazio.phone ? (
        <li>
          <Icon ctx={ctx} name="telephone" class="icon-sm icon-primary me-1" />
          <span class="visually-hidden">{t('common.phone')}: </span>
          <a href={telHref(spazio.phone)}>{spazio.phone}</a>
        </li>
      ) : null}
      {spazio.website ? (
        <li>
          <Icon ctx={ctx} name="link" class="icon-sm icon-primary me-1" />
          <span class="visually-hidden">{t('common.website')}: </span>
          <a href={spazio.website}>{spazio.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a>
        </li>
      ) : null}
    </ul>
  );
}

/** One Spazio WeMi in a list: name, Municipio, address, contacts, managing organisation. */
export function SpazioCard(props: { ctx: PageContext; spazio: SpazioView }): Html {
  const { ctx, spazio } = props;
  const { t } = ctx;
  const hasContacts = Boolean(spazio.email || spazio.phone || spazio.website);
  return (
    <article class="card no-after shadow-sm rounded wemi-spazio-card" data-spazio={spazio.slug}>
      <div class="card-body">
        <p class="wemi-spazio-card-kicker">
          <Icon ctx={ctx} name="map-marker-circle" class="icon-sm icon-primary me-1" />
          {municipioLabel(ctx, spazio.municipio)}
          {spazio.isDemo ? <> <DemoBadge ctx={ctx} /></> : null}
        </p>
        <h3 class="card-title h5">
          <a href={paths.spazio(spazio.slug)}>{spazio.name}</a>
        </h3>
        {spazio.status === 'unconfirmed' ? <UnconfirmedChip ctx={ctx} /> : null}
        <dl class="wemi-spazio-facts">
          <dt>{t('common.address')}</dt>
          <dd>
            <address class="mb-0">{spazio.addressLine || t('common.notAvailable')}</address>
          </dd>
          {hasContacts ? (
            <>
              <dt>{t('spazi.card.contacts')}</dt>
              <dd>
                <ContactList ctx={ctx} spazio={spazio} class="mb-0" />
              </dd>
            </>
          ) : null}
          {spazio.managedBy || spazio.managingOrganization ? (
            <>
              <dt>{t('spazi.card.managedBy')}</dt>
              <dd>{spazio.managedBy || spazio.managingOrganization?.name}</dd>
            </>
          ) : null}
        </dl>
      </div>
    </article>
  );
}

function CardGrid(props: { ctx: PageContext; spazi: readonly SpazioView[] }): Html {
  return (
    <ul class="row g-4 list-unstyled wemi-spazi-grid">
      {props.spazi.map((s) => (
        <li class="col-12 col-md-6 d-flex">
          <SpazioCard ctx={props.ctx} spazio={s} />
        </li>
      ))}
    </ul>
  );
}

function MunicipioFilter(props: { ctx: PageContext; selected?: number | undefined; invalid?: string | undefined }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const invalid = props.invalid !== undefined;
  return (
    <form method="get" action={paths.spazi()} class="wemi-spazi-filter" aria-labelledby="spazi-filter-title">
      <h2 class="h5" id="spazi-filter-title">
        {t('spazi.filter.title')}
      </h2>
      <div class="wemi-spazi-filter-row">
        <div class="select-wrapper wemi-spazi-filter-field">
          <label for="municipio">{t('spazi.filter.label')}</label>
          <select
            id="municipio"
            name="municipio"
            class={invalid ? 'is-invalid' : undefined}
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={invalid ? 'municipio-error' : undefined}
          >
            <option value="" selected={props.selected === undefined}>
              {t('spazi.filter.all')}
            </option>
            {MUNICIPI.map((n) => (
              <option value={String(n)} selected={props.selected === n}>
                {t('common.municipio', { n })}
              </option>
            ))}
          </select>
          {invalid ? (
            <div class="invalid-feedback d-block" id="municipio-error">
              {props.invalid}
            </div>
          ) : null}
        </div>
        <button type="submit" class="btn btn-primary">
          {t('spazi.filter.submit')}
        </button>
        {props.selected !== undefined || invalid ? (
          <a class="btn btn-outline-primary" href={paths.spazi()}>
            {t('spazi.filter.reset')}
          </a>
        ) : null}
      </div>
    </form>
  );
}

function OffersCallout(props: { ctx: PageContext }): Html {
  const { t } = props.ctx;
  const items: MessageKey[] = [
    'spazi.offers.listening',
    'spazi.offers.information',
    'spazi.offers.orientation',
    'spazi.offers.matching',
    'spazi.offers.shared',
    'spazi.offers.online',
  ];
  return (
    <section class="callout note wemi-spazi-offers" aria-labelledby="spazi-offers-title">
      <div class="callout-title">
        <Icon ctx={props.ctx} name="info-circle" />
        <h2 class="h6 d-inline mb-0" id="spazi-offers-title">
          {t('spazi.offers.title')}
        </h2>
      </div>
      <ul class="mb-0">
        {items.map((k) => (
          <li>{t(k)}</li>
        ))}
      </ul>
    </section>
  );
}

export interface SpaziListProps {
  ctx: PageContext;
  spazi: readonly SpazioView[];
  /** The selected Municipio, when the list is filtered. */
  municipio?: number | undefined;
  /** Spazi of neighbouring Municipi, shown when the selected Municipio has none. */
  nearby?: readonly SpazioView[];
  /** Error of an invalid `municipio` value (page answered with 400). */
  error?: { value: string; message: string } | undefined;
}

export function SpaziListPage(props: SpaziListProps): Html {
  const { ctx, spazi, municipio, error } = props;
  const { t } = ctx;
  const title = municipio ? `${t('spazi.title')} — ${t('common.municipio', { n: municipio })}` : t('spazi.title');
  const issues: FieldIssue[] = error ? [{ field: 'municipio', message: error.message }] : [];
  const crumbs = municipio
    ? [{ href: paths.spazi(), label: t('spazi.title') }, { label: t('common.municipio', { n: municipio }) }]
    : [{ label: t('spazi.title') }];
  return (
    <Layout
      ctx={ctx}
      title={error ? `${t('error.badRequest.title')}: ${title}` : title}
      description={t('spazi.metaDescription')}
      needs={{ map: !error && spazi.length > 0 }}
      section={paths.spazi()}
    >
      <PageHeader ctx={ctx} crumbs={crumbs} title={title} lead={t('spazi.lead')} />
      <div class="container mb-5">
        <ErrorSummary ctx={ctx} issues={issues} />
        <div class="row wemi-spazi-layout">
          {!error && spazi.length > 0 ? <OverviewMap ctx={ctx} spazi={spazi} /> : null}
          <div class={!error && spazi.length > 0 ? 'col-12 col-lg-7 order-lg-1 wemi-spazi-list-col' : 'col-12 col-lg-10'}>
            <MunicipioFilter ctx={ctx} selected={municipio} invalid={error?.message} />
            {error ? null : (
              <section class="wemi-spazi-results" id="spazi-elenco" tabindex="-1" aria-labelledby="spazi-results-title">
                <h2 class="visually-hidden" id="spazi-results-title">
                  {t('spazi.results.title')}
                </h2>
                <p class="wemi-spazi-count" role="status">
                  {countLabel(ctx, spazi.length, municipio)}
                </p>
                {spazi.length === 0 ? (
                  <EmptyState ctx={ctx} municipio={municipio} nearby={props.nearby ?? []} />
                ) : (
                  groupByMunicipio(spazi).map((g) => {
                    const id = g.municipio === null ? 'municipio-nd' : `municipio-${g.municipio}`;
                    return (
                      <section class="wemi-spazi-group" aria-labelledby={`${id}-title`}>
                        <h2 class="h4 wemi-spazi-group-title" id={`${id}-title`}>
                          {municipioLabel(ctx, g.municipio)}
                        </h2>
                        <CardGrid ctx={ctx} spazi={g.spazi} />
                      </section>
                    );
                  })
                )}
              </section>
            )}
          </div>
        </div>
        <div class="row">
          <div class="col-12 col-lg-10">
            <OffersCallout ctx={ctx} />
          </div>
        </div>
      </div>
      <FeedbackWidget ctx={ctx} />
    </Layout>
  );
}

function EmptyState(props: { ctx: PageContext; municipio: number | undefined; nearby: readonly SpazioView[] }): Html {
  const { ctx, municipio } = props;
  const { t } = ctx;
  if (municipio === undefined) {
    return (
      <div class="alert alert-info wemi-spazi-empty">
        <p class="mb-0">{t('spazi.empty.none')}</p>
      </div>
    );
  }
  return (
    <div class="wemi-spazi-empty">
      <div class="alert alert-info">
        <h2 class="h5">{t('spazi.empty.title', { m: municipio })}</h2>
        <p class="mb-2">{t('spazi.empty.body')}</p>
        <a class="btn btn-outline-primary btn-sm" href={paths.spazi()}>
          {t('spazi.empty.all')}
        </a>
      </div>
      {props.nearby.length > 0 ? (
        <section aria-labelledby="spazi-nearby-title">
          <h2 class="h4" id="spazi-nearby-title">
            {t('spazi.empty.nearby')}
          </h2>
          <CardGrid ctx={ctx} spazi={props.nearby} />
        </section>
      ) : null}
    </div>
  );
}

// ---- Detail page ----

function ServicePrice(props: { ctx: PageContext; service: SpazioServiceView }): Html {
  const { ctx, service } = props;
  const { t } = ctx;
  if (service.offerType !== 'paid') return <span class="badge bg-success">{t('common.free')}</span>;
  if (service.priceFrom !== null) {
    return (
      <span class="wemi-spazio-service-price">
        {t('spazi.detail.priceFrom', {
          price: formatEuro(ctx.locale, service.priceFrom),
          unit: t(`unit.${service.priceUnit}` as MessageKey),
        })}
      </span>
    );
  }
  return <span class="wemi-spazio-service-price">{t('spazi.detail.quote')}</span>;
}

/** The address as text, always, plus an interactive map (enhanced by src/client/map.ts) when coordinates exist. */
export function SpazioMap(props: { ctx: PageContext; spazio: SpazioView }): Html {
  const { ctx, spazio } = props;
  const { t } = ctx;
  const c = spazio.coordinates;
  const address = spazio.addressLine || spazio.name;
  return (
    <figure class="wemi-map-figure" aria-label={t('spazi.map.figure', { name: spazio.name })}>
      {c ? (
        <>
          <p class="visually-hidden" id="wemi-map-help">
            {t('spazi.map.keyboard')}
          </p>
          <div
            class="wemi-map"
            role="region"
            aria-label={t('spazi.map.label', { name: spazio.name })}
            aria-describedby="wemi-map-help"
            data-wemi-map=""
            data-lat={String(c.lat)}
            data-lng={String(c.lng)}
            data-label={spazio.name}
            data-tile-url={ctx.mapTileUrl}
            data-attribution={ctx.mapAttribution}
            data-unavailable={t('spazi.map.unavailable', { address })}
            data-zoom-in={t('spazi.map.zoomIn')}
            data-zoom-out={t('spazi.map.zoomOut')}
          ></div>
          <p class="wemi-map-unavailable" data-wemi-map-unavailable="" role="status" hidden></p>
        </>
      ) : null}
      <figcaption class="wemi-map-caption">
        <Icon ctx={ctx} name="map-marker" class="icon-primary me-2" />
        <span>
          <address class="wemi-map-address mb-1" data-element="spazio-address">
            <strong>{spazio.name}</strong>
            <br />
            {spazio.street}
            {spazio.postalCode || spazio.city ? (
              <>
                <br />
                {[spazio.postalCode, spazio.city].filter(Boolean).join(' ')}
              </>
            ) : null}
            {spazio.municipio !== null ? (
              <>
                <br />
                {t('common.municipio', { n: spazio.municipio })}
              </>
            ) : null}
          </address>
          {c ? (
            <a class="wemi-map-osm" href={osmUrl(c)} rel="noopener">
              {t('spazi.map.osm')}
              <span class="visually-hidden"> ({t('spazi.map.coordinates', { lat: c.lat.toFixed(5), lng: c.lng.toFixed(5) })})</span>
            </a>
          ) : spazio.addressLine ? (
            <a class="wemi-map-osm" href={osmSearchUrl(spazio.addressLine)} rel="noopener">
              {t('spazi.map.osmSearch')}
            </a>
          ) : null}
        </span>
      </figcaption>
    </figure>
  );
}

export interface SpazioPageProps {
  ctx: PageContext;
  spazio: SpazioView;
  /** ISO weekday of today in Milan (1 Monday … 7 Sunday), highlighted in the opening hours. */
  today: number;
  /** schema.org JSON-LD of the Spazio. */
  jsonLd: Record<string, unknown>;
  organizations: readonly SpazioOrganizationView[];
  services: readonly SpazioServiceView[];
}

export function SpazioPage(props: SpazioPageProps): Html {
  const { ctx, spazio, organizations, services } = props;
  const { t } = ctx;
  const lead =
    spazio.municipio !== null ? t('spazi.detail.lead', { m: spazio.municipio }) : t('spazi.detail.leadNoMunicipio');
  const sections = [
    { id: 'dove', label: t('spazi.detail.where') },
    { id: 'orari', label: t('spazi.detail.hours') },
    { id: 'contatti', label: t('spazi.detail.contacts') },
    { id: 'descrizione', label: t('spazi.detail.description') },
    { id: 'gestione', label: t('spazi.detail.managedBy') },
    { id: 'enti', label: t('spazi.detail.enti') },
    { id: 'servizi', label: t('spazi.detail.services') },
  ];
  const hasContacts = Boolean(spazio.email || spazio.phone || spazio.website);
  return (
    <Layout
      ctx={ctx}
      title={spazio.name}
      description={`${lead} ${spazio.addressLine}`}
      needs={{ map: spazio.coordinates !== null }}
      section={paths.spazi()}
      head={<script type="application/ld+json">{jsonForScript(props.jsonLd)}</script>}
    >
      <PageHeader
        ctx={ctx}
        crumbs={[{ href: paths.spazi(), label: t('spazi.title') }, { label: spazio.name }]}
        title={spazio.name}
        lead={lead}
      >
        <p class="wemi-spazio-kicker">
          <span class="chip chip-simple">
            <span class="chip-label">{t('spazi.detail.kind')}</span>
          </span>
          {spazio.municipio !== null ? (
            <a class="chip chip-simple" href={paths.spazi(spazio.municipio)}>
              <span class="chip-label">{t('common.municipio', { n: spazio.municipio })}</span>
            </a>
          ) : null}
          {spazio.isDemo ? <DemoBadge ctx={ctx} /> : null}
          {spazio.status === 'unconfirmed' ? <UnconfirmedChip ctx={ctx} /> : null}
        </p>
      </PageHeader>
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-3 mb-4 d-none d-lg-block">
            <PageIndex ctx={ctx} items={sections} />
          </div>
          <div class="col-12 col-lg-7 offset-lg-1 wemi-spazio-body">
            {spazio.status === 'unconfirmed' ? (
              <div class="callout warning wemi-spazio-unconfirmed" data-element="spazio-status">
                <div class="callout-title">
                  <Icon ctx={ctx} name="help-circle" />
                  <span>{t('spazi.status.unconfirmed')}</span>
                </div>
                <p class="mb-0">{t('spazi.status.unconfirmedBody')}</p>
              </div>
            ) : null}
            <section class="it-page-section mb-5" id="dove" aria-labelledby="dove-title">
              <h2 class="h3 mb-3" id="dove-title">
                {t('spazi.detail.where')}
              </h2>
              <SpazioMap ctx={ctx} spazio={spazio} />
            </section>
            <section class="it-page-section mb-5" id="orari" aria-labelledby="orari-title">
              <h2 class="h3 mb-3" id="orari-title">
                {t('spazi.detail.hours')}
              </h2>
              <OpeningHours ctx={ctx} spazio={spazio} today={props.today} />
            </section>
            <section class="it-page-section mb-5" id="contatti" aria-labelledby="contatti-title">
              <h2 class="h3 mb-3" id="contatti-title">
                {t('spazi.detail.contacts')}
              </h2>
              {hasContacts ? <ContactList ctx={ctx} spazio={spazio} /> : <p>{t('spazi.detail.contactsNone')}</p>}
            </section>
            <section class="it-page-section mb-5" id="descrizione" aria-labelledby="descrizione-title">
              <h2 class="h3 mb-3" id="descrizione-title">
                {t('spazi.detail.description')}
              </h2>
              <p class="wemi-preline">{spazio.description || t('spazi.detail.descriptionNone')}</p>
            </section>
            <section class="it-page-section mb-5" id="gestione" aria-labelledby="gestione-title">
              <h2 class="h3 mb-3" id="gestione-title">
                {t('spazi.detail.managedBy')}
              </h2>
              {spazio.managedBy || spazio.managingOrganization ? (
                <p>
                  {spazio.managedBy || spazio.managingOrganization?.name}
                  {spazio.managingOrganization ? (
                    <>
                      <br />
                      <a href={paths.ente(spazio.managingOrganization.slug)}>{t('spazi.detail.managingOrg')}</a>
                    </>
                  ) : null}
                </p>
              ) : (
                <p>{t('spazi.detail.managedByNone')}</p>
              )}
            </section>
            <section class="it-page-section mb-5" id="enti" aria-labelledby="enti-title">
              <h2 class="h3 mb-3" id="enti-title">
                {t('spazi.detail.enti')}
              </h2>
              {organizations.length === 0 ? (
                <p>{t('spazi.detail.entiNone')}</p>
              ) : (
                <>
                  <p>{t('spazi.detail.entiLead')}</p>
                  <ul class="link-list wemi-spazio-enti" data-element="spazio-enti">
                    {organizations.map((o) => (
                      <li>
                        <a class="list-item" href={paths.ente(o.slug)}>
                          <span>{o.name}</span>
                        </a>
                        {o.isDemo ? <DemoBadge ctx={ctx} /> : null}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
            <section class="it-page-section mb-5" id="servizi" aria-labelledby="servizi-title">
              <h2 class="h3 mb-3" id="servizi-title">
                {t('spazi.detail.services')}
              </h2>
              {services.length === 0 ? (
                <p>{t('spazi.detail.servicesNone')}</p>
              ) : (
                <ul class="list-unstyled wemi-spazio-services" data-element="spazio-services">
                  {services.map((s) => (
                    <li class="card no-after shadow-sm rounded mb-3">
                      <div class="card-body">
                        <p class="wemi-spazio-card-kicker">
                          {s.serviceType}
                          {s.isDemo ? <> <DemoBadge ctx={ctx} /></> : null}
                        </p>
                        <h3 class="card-title h5">
                          <a href={paths.service(s.slug)} data-element="service-link">
                            {s.name}
                          </a>
                        </h3>
                        {s.summary ? <p class="card-text mb-2">{s.summary}</p> : null}
                        <p class="mb-0 wemi-spazio-service-meta">
                          <span>{t('spazi.detail.by', { name: s.organization.name })}</span>
                          <ServicePrice ctx={ctx} service={s} />
                        </p>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              <p>
                <a class="btn btn-outline-primary" href={paths.services()}>
                  {t('spazi.detail.servicesSearch')}
                </a>{' '}
                <a class="btn btn-outline-primary" href={paths.spazi()}>
                  {t('spazi.detail.back')}
                </a>
              </p>
            </section>
          </div>
        </div>
      </div>
      <FeedbackWidget ctx={ctx} />
    </Layout>
  );
}

// ---- Status, opening hours, overview map, archived page ----

/** "Non confermato nella Carta dei Servizi": text, never colour alone. */
export function UnconfirmedChip(props: { ctx: PageContext }): Html {
  return (
    <span class="wemi-spazio-status" data-status="unconfirmed">
      <Icon ctx={props.ctx} name="help-circle" class="icon-xs me-1" />
      {props.ctx.t('spazi.status.unconfirmed')}
    </span>
  );
}

const DAY_KEYS = ['', 'spazi.hours.day.1', 'spazi.hours.day.2', 'spazi.hours.day.3', 'spazi.hours.day.4', 'spazi.hours.day.5', 'spazi.hours.day.6', 'spazi.hours.day.7'] as const;
export const dayName = (ctx: PageContext, weekday: number) => ctx.t(DAY_KEYS[weekday] as MessageKey);

/** "9:00–13:00, 14:00–18:00" (leading zero of the hour dropped, as Italians write it). */
export function rangesText(ctx: PageContext, ranges: readonly { opens: string; closes: string }[]): string {
  const time = (hm: string) => hm.replace(/^0(\d)/, '$1');
  return ranges.map((r) => ctx.t('spazi.hours.range', { opens: time(r.opens), closes: time(r.closes) })).join(', ');
}

/** How to book an appointment: the City's switchboard, and the Spazio's own e-mail when it has one. */
function Appointment(props: { ctx: PageContext; spazio: SpazioView }): Html {
  const { ctx, spazio } = props;
  return (
    <p class="wemi-spazio-appointment">
      {ctx.t('spazi.hours.appointment')}
      {spazio.email ? (
        <>
          {' '}
          {ctx.t('spazi.hours.appointmentEmail')} <a href={`mailto:${spazio.email}`}>{spazio.email}</a>.
        </>
      ) : null}
    </p>
  );
}

/** The week's opening hours as a table (today marked in words), or "orari da confermare"; then the note. */
export function OpeningHours(props: { ctx: PageContext; spazio: SpazioView; today: number }): Html {
  const { ctx, spazio } = props;
  const { t } = ctx;
  const week = hoursWeek(spazio.openingHours, props.today);
  return (
    <div data-element="spazio-hours">
      {spazio.openingHours.length === 0 ? (
        <div class="wemi-hours-unknown">
          <p class="fw-semibold mb-1">{t('spazi.hours.toConfirm')}</p>
          <p>{t('spazi.hours.toConfirmBody')}</p>
        </div>
      ) : (
        <table class="table wemi-hours-table">
          <caption class="visually-hidden">{t('spazi.hours.caption', { name: spazio.name })}</caption>
          <thead class="visually-hidden">
            <tr>
              <th scope="col">{t('spazi.hours.colDay')}</th>
              <th scope="col">{t('spazi.hours.colHours')}</th>
            </tr>
          </thead>
          <tbody>
            {week.map((d) => (
              <tr class={d.today ? 'wemi-hours-today' : undefined} data-weekday={String(d.weekday)} aria-current={d.today ? 'date' : undefined}>
                <th scope="row">
                  {dayName(ctx, d.weekday)}
                  {d.today ? <span class="wemi-hours-today-label"> ({t('spazi.hours.today')})</span> : null}
                </th>
                <td>
                  {d.ranges.length
                    ? d.ranges.map((r, i) => (
                        <span class="text-nowrap">
                          {rangesText(ctx, [r])}
                          {i < d.ranges.length - 1 ? ', ' : ''}
                        </span>
                      ))
                    : t('spazi.hours.closed')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {spazio.hours ? <p class="wemi-preline wemi-hours-note">{spazio.hours}</p> : null}
      <Appointment ctx={ctx} spazio={spazio} />
    </div>
  );
}

/** The overview map of the list page (enhanced by src/client/map.ts; hidden without JavaScript: the list says it all). */
function OverviewMap(props: { ctx: PageContext; spazi: readonly SpazioView[] }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const markers = props.spazi
    .filter((s) => s.coordinates)
    .map((s) => ({
      name: s.name,
      lat: s.coordinates!.lat,
      lng: s.coordinates!.lng,
      url: paths.spazio(s.slug),
      address: s.addressLine,
      status: s.status === 'unconfirmed' ? t('spazi.status.unconfirmed') : '',
    }));
  return (
    <div class="col-12 col-lg-5 order-lg-2 wemi-spazi-map-col">
      <div class="wemi-spazi-map-sticky" data-wemi-map-box="">
        <a class="visually-hidden-focusable wemi-skip-map" href="#spazi-elenco">
          {t('spazi.overview.skip')}
        </a>
        <h2 class="h5" id="spazi-map-title">
          {t('spazi.overview.title')}
        </h2>
        <p class="wemi-spazi-map-help" id="spazi-map-help">
          {t('spazi.overview.help')}
        </p>
        <div
          class="wemi-map wemi-map--overview"
          role="region"
          aria-labelledby="spazi-map-title"
          aria-describedby="spazi-map-help"
          data-wemi-map=""
          data-markers={JSON.stringify(markers)}
          data-open={t('spazi.overview.open')}
          data-tile-url={ctx.mapTileUrl}
          data-attribution={ctx.mapAttribution}
          data-unavailable={t('spazi.overview.unavailable')}
          data-zoom-in={t('spazi.map.zoomIn')}
          data-zoom-out={t('spazi.map.zoomOut')}
        ></div>
        <p class="wemi-map-unavailable" data-wemi-map-unavailable="" role="status" hidden></p>
      </div>
    </div>
  );
}

/** The page of an archived Spazio (answered with 410 Gone): what happened, and where to go instead. */
export function SpazioArchivedPage(props: { ctx: PageContext; spazio: SpazioView }): Html {
  const { ctx, spazio } = props;
  const { t } = ctx;
  const title = t('spazi.archived.title', { name: spazio.name });
  return (
    <Layout ctx={ctx} title={title} section={paths.spazi()} head={<meta name="robots" content="noindex" />}>
      <PageHeader ctx={ctx} crumbs={[{ href: paths.spazi(), label: t('spazi.title') }, { label: spazio.name }]} title={title} />
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-8">
            <div class="callout warning" data-element="spazio-archived">
              <div class="callout-title">
                <Icon ctx={ctx} name="info-circle" />
                <span>{t('spazi.archived.notice')}</span>
              </div>
              <p>{t('spazi.archived.body')}</p>
            </div>
            <p>
              <a class="btn btn-primary" href={spazio.municipio !== null ? paths.spazi(spazio.municipio) : paths.spazi()}>
                {spazio.municipio !== null ? t('spazi.archived.municipio', { m: spazio.municipio }) : t('spazi.detail.back')}
              </a>{' '}
              <a class="btn btn-outline-primary" href={paths.spazi()}>
                {t('spazi.detail.back')}
              </a>
            </p>
          </div>
        </div>
      </div>
    </Layout>
  );
}
