import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import type { MessageKey } from '../../i18n/catalogue';
import type { PageContext } from '../../web/context';
import { Icon, PageIndex } from '../../web/components';
import { Layout, PageHeader } from '../../web/layout';
import { paths } from '../../web/paths';
import { RichText } from '../city-services/rich-text';
import { FeedbackWidget } from '../feedback/feedback.view';

// The footer content pages: FAQ, privacy notice, legal notes, accessibility statement, contacts, site map.

/** Date the accessibility statement was prepared (reviewed yearly). */
export const A11Y_STATEMENT_DATE = '2026-11-23';

type Slug = 'faq' | 'privacy' | 'note-legali' | 'accessibilita' | 'contatti' | 'mappa-del-sito' | 'piano-di-miglioramento';

interface ProseSection {
  id: string;
  title: string;
  body: Child;
  /** `data-element` of the section's heading (Designers Italia model). */
  titleElement?: string;
}

function PageShell(props: {
  ctx: PageContext;
  slug: Slug;
  title: string;
  lead: string;
  index?: { id: string; label: string }[];
  children?: Child;
}): Html {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title} description={props.lead}>
      <PageHeader ctx={ctx} crumbs={[{ href: paths.page(props.slug), label: props.title }]} title={props.title} lead={props.lead} />
      <div class="container mb-5">
        <div class="row justify-content-center">
          {props.index ? (
            <>
              <div class="col-12 col-lg-3 mb-4 wemi-page-index-col">
                <PageIndex ctx={ctx} items={props.index} />
              </div>
              <div class="col-12 col-lg-7 ps-lg-5 wemi-prose">{props.children}</div>
            </>
          ) : (
            <div class="col-12 col-lg-10 px-lg-4 wemi-prose">{props.children}</div>
          )}
        </div>
      </div>
      <FeedbackWidget ctx={ctx} />
    </Layout>
  );
}

function ProsePage(props: { ctx: PageContext; slug: Slug; title: string; lead: string; note?: Child; sections: ProseSection[] }): Html {
  return (
    <PageShell
      ctx={props.ctx}
      slug={props.slug}
      title={props.title}
      lead={props.lead}
      index={props.sections.map((s) => ({ id: s.id, label: s.title }))}
    >
      {props.note ? (
        <div class="alert alert-info" role="note">
          {props.note}
        </div>
      ) : null}
      {props.sections.map((s) => (
        <section id={s.id} class="wemi-page-section" aria-labelledby={`${s.id}-title`}>
          <h2 id={`${s.id}-title`} data-element={s.titleElement}>
            {s.title}
          </h2>
          {s.body}
        </section>
      ))}
    </PageShell>
  );
}

/** A section whose body is one message (paragraphs and lists), optionally followed by a link. */
function textSection(ctx: PageContext, id: string, key: string, link?: { href: string; label: MessageKey }, params?: Record<string, string>): ProseSection {
  const { t } = ctx;
  return {
    id,
    title: t(`${key}.title` as MessageKey),
    body: (
      <>
        <RichText text={t(`${key}.body` as MessageKey, params)} />
        {link ? (
          <p>
            <a href={link.href}>{t(link.label)}</a>
          </p>
        ) : null}
      </>
    ),
  };
}

// ---------------------------------------------------------------------------------------------- FAQ

const FAQ: { group: MessageKey; id: string; items: { id: string; link?: { href: string; label: MessageKey } }[] }[] = [
  { group: 'pages.faq.group.wemi', id: 'wemi', items: [{ id: 'what' }, { id: 'who' }, { id: 'demo' }] },
  {
    group: 'pages.faq.group.search',
    id: 'trovare-un-servizio',
    items: [{ id: 'find', link: { href: paths.services(), label: 'pages.faq.link.search' } }, { id: 'near' }, { id: 'contact' }],
  },
  { group: 'pages.faq.group.costs', id: 'costi', items: [{ id: 'cost' }, { id: 'support' }] },
  {
    group: 'pages.faq.group.spazi',
    id: 'spazi-wemi',
    items: [
      { id: 'spazi', link: { href: paths.spazi(), label: 'pages.faq.link.spazi' } },
      { id: 'appointment' },
      { id: 'phone', link: { href: 'tel:020202', label: 'pages.faq.link.phone' } },
    ],
  },
  {
    group: 'pages.faq.group.data',
    id: 'dati-e-privacy',
    items: [
      { id: 'account' },
      { id: 'privacy', link: { href: paths.page('privacy'), label: 'pages.faq.link.privacy' } },
      { id: 'rating' },
      { id: 'opendata', link: { href: '/api/v1/openapi.json', label: 'pages.faq.link.api' } },
    ],
  },
];

/** The questions of the FAQ page (exported for tests). */
export const FAQ_QUESTION_IDS = FAQ.flatMap((g) => g.items.map((i) => i.id));

export function FaqPage(props: { ctx: PageContext }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <PageShell
      ctx={ctx}
      slug="faq"
      title={t('pages.faq.title')}
      lead={t('pages.faq.lead')}
      index={FAQ.map((g) => ({ id: g.id, label: t(g.group) }))}
    >
      {FAQ.map((g) => (
        <section id={g.id} class="wemi-faq-group" aria-labelledby={`${g.id}-title`}>
          <h2 id={`${g.id}-title`}>{t(g.group)}</h2>
          {g.items.map((item) => (
            <details class="wemi-faq" id={`faq-${item.id}`}>
              <summary>
                <span>{t(`pages.faq.q.${item.id}` as MessageKey)}</span>
                <Icon ctx={ctx} name="expand" class="icon-sm" />
              </summary>
              <div class="wemi-faq-answer">
                <RichText text={t(`pages.faq.a.${item.id}` as MessageKey)} />
                {item.link ? (
                  <p class="mt-2 mb-0">
                    <a href={item.link.href}>{t(item.link.label)}</a>
                  </p>
                ) : null}
              </div>
            </details>
          ))}
        </section>
      ))}
      <p class="mt-4">{t('pages.faq.more')}</p>
    </PageShell>
  );
}

// ------------------------------------------------------------------------------------------ Privacy

export function PrivacyPage(props: { ctx: PageContext }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const keys = ['controller', 'dpo', 'data', 'purposes', 'recipients', 'retention', 'rights', 'cookies'];
  const ids: Record<string, string> = {
    controller: 'titolare',
    dpo: 'responsabile-protezione-dati',
    data: 'dati-trattati',
    purposes: 'finalita',
    recipients: 'destinatari',
    retention: 'conservazione',
    rights: 'diritti',
    cookies: 'cookie',
  };
  return (
    <ProsePage
      ctx={ctx}
      slug="privacy"
      title={t('pages.privacy.title')}
      lead={t('pages.privacy.lead')}
      note={t('pages.privacy.demo')}
      sections={keys.map((k) => textSection(ctx, ids[k]!, `pages.privacy.${k}`))}
    />
  );
}

// -------------------------------------------------------------------------------------- Legal notes

export function LegalPage(props: { ctx: PageContext }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const licenceUrl = ctx.locale === 'it' ? 'https://creativecommons.org/licenses/by/4.0/deed.it' : 'https://creativecommons.org/licenses/by/4.0/deed.en';
  return (
    <ProsePage
      ctx={ctx}
      slug="note-legali"
      title={t('pages.legal.title')}
      lead={t('pages.legal.lead')}
      sections={[
        textSection(ctx, 'titolarita', 'pages.legal.owner'),
        {
          // The model's section: its title and its two paragraphs are what the AGID validator compares, word for word.
          id: 'licenza-dei-contenuti',
          title: t('pages.legal.license.title'),
          titleElement: 'legal-notes-section',
          body: (
            <>
              <div class="wemi-richtext">
                {t('pages.legal.license.body')
                  .split('\n')
                  .map((paragraph) => (
                    <p data-element="legal-notes-body">{paragraph}</p>
                  ))}
                <p>{t('pages.legal.license.attribution')}</p>
              </div>
              <p>
                <a href={licenceUrl} rel="license">
                  {t('pages.legal.license.link')}
                </a>
              </p>
            </>
          ),
        },
        textSection(ctx, 'dati-aperti', 'pages.legal.data', { href: '/api/v1/openapi.json', label: 'pages.legal.data.link' }),
        textSection(ctx, 'contenuti-enti', 'pages.legal.enti'),
        textSection(ctx, 'marchi', 'pages.legal.brands'),
        textSection(ctx, 'collegamenti-esterni', 'pages.legal.links'),
        textSection(ctx, 'software', 'pages.legal.software'),
        textSection(ctx, 'dati-dimostrativi', 'pages.legal.demo'),
      ]}
    />
  );
}

// --------------------------------------------------------------------------- Accessibility statement

export function AccessibilityPage(props: { ctx: PageContext; statementDate: string }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <ProsePage
      ctx={ctx}
      slug="accessibilita"
      title={t('pages.a11y.title')}
      lead={t('pages.a11y.lead')}
      note={
        <>
          {t('pages.a11y.agid')} <a href={ctx.accessibilityDeclarationUrl}>{t('pages.a11y.agid.link')}</a>
        </>
      }
      sections={[
        textSection(ctx, 'ambito', 'pages.a11y.scope'),
        textSection(ctx, 'stato-di-conformita', 'pages.a11y.status'),
        textSection(ctx, 'contenuti-non-accessibili', 'pages.a11y.issues'),
        textSection(ctx, 'redazione', 'pages.a11y.method', undefined, { date: props.statementDate }),
        textSection(ctx, 'feedback-e-recapiti', 'pages.a11y.feedback', { href: '#feedback-title', label: 'pages.contacts.feedback.link' }),
        textSection(ctx, 'procedura-di-attuazione', 'pages.a11y.enforcement'),
        textSection(ctx, 'informazioni-sul-sito', 'pages.a11y.tech'),
      ]}
    />
  );
}

// ---------------------------------------------------------------------------------- Improvement plan

/** "Piano di miglioramento del sito", linked from every footer (Designers Italia model). */
export function ImprovementPlanPage(props: { ctx: PageContext }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <ProsePage
      ctx={ctx}
      slug="piano-di-miglioramento"
      title={t('pages.plan.title')}
      lead={t('pages.plan.lead')}
      sections={[
        textSection(ctx, 'obiettivo', 'pages.plan.goal'),
        textSection(ctx, 'interventi-previsti', 'pages.plan.todo'),
        textSection(ctx, 'voci-non-applicabili', 'pages.plan.na'),
        textSection(ctx, 'suggerimenti', 'pages.plan.contact', { href: '#feedback-title', label: 'pages.contacts.feedback.link' }),
      ]}
    />
  );
}

// ----------------------------------------------------------------------------------------- Contacts

export function ContactsPage(props: { ctx: PageContext }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const cards: { key: string; icon: string; link?: { href: string; label: MessageKey } }[] = [
    { key: 'pages.contacts.phone', icon: 'telephone', link: { href: 'tel:020202', label: 'pages.contacts.phone.link' } },
    { key: 'pages.contacts.spazi', icon: 'map-marker-circle', link: { href: paths.spazi(), label: 'pages.contacts.spazi.link' } },
    { key: 'pages.contacts.city', icon: 'pa', link: { href: paths.cityServices(), label: 'pages.contacts.city.link' } },
    { key: 'pages.contacts.pec', icon: 'mail' },
    { key: 'pages.contacts.report', icon: 'warning-circle' },
    { key: 'pages.contacts.feedback', icon: 'star-outline', link: { href: '#feedback-title', label: 'pages.contacts.feedback.link' } },
  ];
  return (
    <PageShell ctx={ctx} slug="contatti" title={t('pages.contacts.title')} lead={t('pages.contacts.lead')}>
      <ul class="wemi-card-grid wemi-contacts">
        {cards.map((c) => (
          <li>
            <section class="card card-teaser shadow rounded wemi-contact-card" aria-labelledby={`${c.key.replaceAll('.', '-')}-title`}>
              <div class="card-body">
                <h2 class="card-title h5" id={`${c.key.replaceAll('.', '-')}-title`}>
                  <Icon ctx={ctx} name={c.icon} class="icon-primary icon-sm me-2" />
                  {t(`${c.key}.title` as MessageKey)}
                </h2>
                <RichText text={t(`${c.key}.body` as MessageKey)} class="card-text" />
                {c.link ? (
                  <p class="mt-3 mb-0">
                    <a class="fw-semibold" href={c.link.href}>
                      {t(c.link.label)}
                    </a>
                  </p>
                ) : null}
              </div>
            </section>
          </li>
        ))}
      </ul>
    </PageShell>
  );
}

// ----------------------------------------------------------------------------------------- Site map

export interface SitemapData {
  sections: { slug: string; name: string; categories: { slug: string; name: string }[] }[];
  spazi: { slug: string; name: string; municipio: number | null }[];
  cityServices: { slug: string; name: string }[];
}

export function SitemapPage(props: { ctx: PageContext; data: SitemapData }): Html {
  const { ctx, data } = props;
  const { t } = ctx;
  const info: { href: string; label: string }[] = [
    { href: paths.page('faq'), label: t('pages.faq.title') },
    { href: paths.page('contatti'), label: t('pages.contacts.title') },
    { href: paths.page('privacy'), label: t('pages.privacy.title') },
    { href: paths.page('note-legali'), label: t('pages.legal.title') },
    { href: paths.page('accessibilita'), label: t('pages.a11y.title') },
    { href: paths.page('piano-di-miglioramento'), label: t('pages.plan.title') },
    { href: paths.page('mappa-del-sito'), label: t('pages.sitemap.title') },
  ];
  return (
    <PageShell ctx={ctx} slug="mappa-del-sito" title={t('pages.sitemap.title')} lead={t('pages.sitemap.lead')}>
      <div class="wemi-sitemap">
        <h2 id="sitemap-main">{t('pages.sitemap.main')}</h2>
        <ul aria-labelledby="sitemap-main">
          <li>
            <a href={paths.home()}>{t('pages.sitemap.home')}</a>
          </li>
          <li>
            <a href={paths.services()}>{t('nav.services')}</a>
          </li>
          <li>
            <a href={paths.enti()}>{t('nav.enti')}</a>
          </li>
          <li>
            <a href={paths.spazi()}>{t('nav.spazi')}</a>
          </li>
          <li>
            <a href={paths.cityServices()}>{t('nav.cityServices')}</a>
          </li>
          <li>
            <a href={paths.topics()}>{t('nav.topics')}</a>
          </li>
          <li>
            <a href={paths.login()}>{t('header.login')}</a>
          </li>
        </ul>

        <h2 id="sitemap-sections">{t('pages.sitemap.sections')}</h2>
        <ul aria-labelledby="sitemap-sections">
          {data.sections.map((s) => (
            <li>
              <a href={paths.section(s.slug)}>{s.name}</a>
              {s.categories.length ? (
                <ul>
                  {s.categories.map((c) => (
                    <li>
                      <a href={paths.category(c.slug)}>{c.name}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>

        <h2 id="sitemap-spazi">{t('pages.sitemap.spazi')}</h2>
        <ul aria-labelledby="sitemap-spazi">
          <li>
            <a href={paths.spazi()}>{t('pages.sitemap.spaziAll')}</a>
            {data.spazi.length ? (
              <ul>
                {data.spazi.map((s) => (
                  <li>
                    <a href={paths.spazio(s.slug)}>{s.name}</a>
                    {s.municipio ? ` — ${t('common.municipio', { n: s.municipio })}` : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        </ul>

        <h2 id="sitemap-city">{t('pages.sitemap.cityServices')}</h2>
        <ul aria-labelledby="sitemap-city">
          <li>
            <a href={paths.cityServices()}>{t('nav.cityServices')}</a>
            {data.cityServices.length ? (
              <ul>
                {data.cityServices.map((c) => (
                  <li>
                    <a href={paths.cityService(c.slug)}>{c.name}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        </ul>

        <h2 id="sitemap-info">{t('pages.sitemap.info')}</h2>
        <ul aria-labelledby="sitemap-info">
          {info.map((i) => (
            <li>
              <a href={i.href}>{i.label}</a>
            </li>
          ))}
        </ul>

        <h2 id="sitemap-data">{t('pages.sitemap.openData')}</h2>
        <ul aria-labelledby="sitemap-data">
          <li>
            <a href="/api/v1/openapi.json">{t('pages.sitemap.api')}</a>
          </li>
          <li>
            <a href="/api/hsds/">{t('pages.sitemap.hsds')}</a>
          </li>
        </ul>
      </div>
    </PageShell>
  );
}
