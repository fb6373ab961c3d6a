import type { Child, Html } from '../lib/jsx/jsx-runtime';
import { raw } from '../lib/jsx/jsx-runtime';
import type { MessageKey } from '../i18n/catalogue';
import type { PageContext } from './context';
import { BackOfficeShell, backOfficeArea } from './backoffice-nav';
import { Icon } from './components';
import { paths } from './paths';

// The page shell of the Designers Italia "Modello Comuni": skip links, slim header, center header with
// search, navbar, main content, footer. Every page of the site renders inside it.

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  /** Extra stylesheet or script needs of the page. */
  needs?: { map?: boolean };
  /** Markup placed in <head> (e.g. JSON-LD built with jsonForScript). */
  head?: Child;
  /** Path of the current main section, to mark the navbar link as current. */
  section?: string;
  children?: Child;
}

function langHref(ctx: PageContext, lang: string): string {
  const params = new URLSearchParams(ctx.search);
  params.set('lang', lang);
  return `${ctx.path}?${params.toString()}`;
}

/** The login link brings the visitor back to the page they were on (not to the home or a login step). */
function loginHref(ctx: PageContext): string {
  // Not the home, a login step, nor a page whose address carries a secret token.
  if (ctx.path === '/' || /^\/(accedi|reimposta-password|invito|verifica-email)(\/|$)/.test(ctx.path)) return paths.login();
  return paths.login(ctx.search ? `${ctx.path}?${ctx.search}` : ctx.path);
}

/**
 * The first-level menu, in one place. The Designers Italia "Modello Comuni" fixes four first-level items, in this
 * order, each marked with its `data-element` (read by the AGID validator): Amministrazione (`management`), Novità
 * (`news`), Servizi (`all-services`), Vivere … (`live`); a site may add its own items after them
 * (`custom-submenu`). An item is shown only when its page exists (`href`):
 * - `management`: the City's administration is published on its institutional site, not in WeMi — not shown;
 * - `news` and `live`: WeMi's news and events (Spazi WeMi places and events) arrive with the content pages; give the
 *   item its `href` (a builder in paths.ts) when they exist and it appears in its model position;
 * - WeMi's own items (enti, Spazi WeMi, City services) follow as custom items.
 */
export const MAIN_MENU: readonly { element: 'management' | 'news' | 'all-services' | 'live' | 'custom-submenu'; label: MessageKey; href?: () => string }[] = [
  { element: 'management', label: 'nav.management' },
  { element: 'news', label: 'nav.news' },
  { element: 'all-services', label: 'nav.services', href: () => paths.services() },
  { element: 'live', label: 'nav.live' },
  { element: 'custom-submenu', label: 'nav.enti', href: () => paths.enti() },
  { element: 'custom-submenu', label: 'nav.spazi', href: () => paths.spazi() },
  { element: 'custom-submenu', label: 'nav.cityServices', href: () => paths.cityServices() },
];

export function Layout(props: LayoutProps): Html {
  const { ctx } = props;
  const { t, assets } = ctx;
  const otherLang = ctx.locale === 'it' ? 'en' : 'it';
  const nav = MAIN_MENU.flatMap((item) => (item.href ? [{ href: item.href(), label: t(item.label), element: item.element }] : []));
  const fullTitle = `${props.title} | WeMi — ${t('site.owner')}`;
  const area = backOfficeArea(ctx);
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {ctx.user ? <meta name="wemi-session-idle-expires" content={ctx.user.idleExpiresAt} /> : null}
        {ctx.user ? <meta name="wemi-csrf" content={ctx.csrfToken} /> : null}
        <title>{fullTitle}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href={assets.url('css/bootstrap-italia.css')} />
        <link rel="stylesheet" href={assets.url('css/wemi.css')} />
        {props.needs?.map ? <link rel="stylesheet" href={assets.url('css/leaflet.css')} /> : null}
        <link rel="icon" href={assets.url('img/logo.svg')} type="image/svg+xml" />
        <link rel="alternate" hreflang={otherLang} href={langHref(ctx, otherLang)} />
        <script type="module" src={assets.url('js/main.js')}></script>
        {props.needs?.map ? <script type="module" src={assets.url('js/map.js')}></script> : null}
        {props.head}
      </head>
      <body class={area ? 'wemi-bo-page' : undefined}>
        {area ? (
          // The back offices have their own shell: skip links, a slim header and the menu of their sections.
          <BackOfficeShell ctx={ctx} area={area}>
            {props.children}
          </BackOfficeShell>
        ) : (
        <>
        <div class="skiplink">
          <a class="visually-hidden-focusable" href="#main-container">{t('skip.content')}</a>
          <a class="visually-hidden-focusable" href="#footer">{t('skip.footer')}</a>
        </div>
        <header class="it-header-wrapper">
          <div class="it-header-slim-wrapper">
            <div class="container">
              <div class="row">
                <div class="col-12">
                  <div class="it-header-slim-wrapper-content">
                    <a class="d-lg-block navbar-brand" href={t('site.ownerUrl')}>
                      {t('site.owner')}
                    </a>
                    <div class="it-header-slim-right-zone">
                      <div class="nav-item">
                        <a class="nav-link wemi-lang" href={langHref(ctx, otherLang)} hreflang={otherLang} lang={otherLang}>
                          <span class="visually-hidden">{t('header.languageCurrent', { lang: ctx.locale.toUpperCase() })}. </span>
                          {otherLang === 'en' ? 'English' : 'Italiano'}
                        </a>
                      </div>
                      {ctx.user ? (
                        <a class="btn btn-primary btn-icon btn-full" href={paths.personalArea()} data-element="personal-area">
                          <span class="rounded-icon" aria-hidden="true">
                            <Icon ctx={ctx} name="user" class="icon-primary" />
                          </span>
                          <span class="d-none d-lg-block">{ctx.user.name}</span>
                          <span class="visually-hidden d-lg-none">{t('header.personalArea', { name: ctx.user.name })}</span>
                        </a>
                      ) : (
                        <a class="btn btn-primary btn-icon btn-full" href={loginHref(ctx)} data-element="personal-area-login">
                          <span class="rounded-icon" aria-hidden="true">
                            <Icon ctx={ctx} name="user" class="icon-primary" />
                          </span>
                          <span class="d-none d-lg-block">{t('header.login')}</span>
                          <span class="visually-hidden d-lg-none">{t('header.login')}</span>
                        </a>
                      )}
                    </div>
                  </div>
                </div>
              </div>
            </div>
          </div>
          <div class="it-nav-wrapper">
            <div class="it-header-center-wrapper">
              <div class="container">
                <div class="row">
                  <div class="col-12">
                    <div class="it-header-center-content-wrapper">
                      <div class="it-brand-wrapper">
                        <a href={paths.home()} title={t('header.home')}>
                          <img class="icon wemi-logo" src={assets.url('img/logo.svg')} alt="" width="48" height="48" />
                          <div class="it-brand-text">
                            <div class="it-brand-title">WeMi</div>
                            <div class="it-brand-tagline d-none d-md-block">{t('site.tagline')}</div>
                          </div>
                        </a>
                      </div>
                      <div class="it-right-zone">
                        <div class="it-search-wrapper">
                          <span class="d-none d-md-block">{t('header.search')}</span>
                          <a class="search-link rounded-icon" href={paths.services()} aria-label={t('header.searchLabel')}>
                            <Icon ctx={ctx} name="search" />
                          </a>
                        </div>
                      </div>
                    </div>
                  </div>
                </div>
              </div>
            </div>
            <div class="it-header-navbar-wrapper" id="header-nav-wrapper">
              <div class="container">
                <div class="row">
                  <div class="col-12">
                    <nav class="navbar navbar-expand-lg" aria-label={t('nav.label')}>
                      <button
                        class="custom-navbar-toggler"
                        type="button"
                        aria-controls="nav-items"
                        aria-expanded="false"
                        aria-label={t('header.menuOpen')}
                        data-wemi-nav-toggle=""
                        hidden
                      >
                        <Icon ctx={ctx} name="burger" />
                      </button>
                      <div class="navbar-collapsable" id="nav-items">
                        <div class="overlay" hidden></div>
                        <div class="close-div">
                          <button class="btn close-menu" type="button" data-wemi-nav-close="">
                            <span class="visually-hidden">{t('header.menuClose')}</span>
                            <Icon ctx={ctx} name="close-big" />
                          </button>
                        </div>
                        <div class="menu-wrapper">
                          <ul class="navbar-nav" data-element="main-navigation">
                            {nav.map((item) => {
                              const current = props.section === item.href || ctx.path === item.href || ctx.path.startsWith(`${item.href}/`);
                              return (
                                <li class="nav-item">
                                  <a
                                    class={current ? 'nav-link active' : 'nav-link'}
                                    href={item.href}
                                    aria-current={current ? 'page' : undefined}
                                    data-element={item.element}
                                  >
                                    <span>{item.label}</span>
                                  </a>
                                </li>
                              );
                            })}
                          </ul>
                          <ul class="navbar-nav navbar-secondary" aria-label={t('nav.secondary')}>
                            <li class="nav-item">
                              <a
                                class={ctx.path === paths.topics() || ctx.path.startsWith(`${paths.topics()}/`) ? 'nav-link active' : 'nav-link'}
                                href={paths.topics()}
                                aria-current={ctx.path === paths.topics() ? 'page' : undefined}
                                data-element="all-topics"
                              >
                                <span class="fw-bold">{t('nav.allTopics')}</span>
                              </a>
                            </li>
                          </ul>
                        </div>
                      </div>
                    </nav>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </header>
        <main id="main-container">{props.children}</main>
        </>
        )}
        <footer class="it-footer" id="footer">
          <div class="it-footer-main">
            <div class="container">
              <div class="row">
                <div class="col-12 footer-items-wrapper logo-wrapper">
                  <a href={paths.home()} class="wemi-footer-brand">
                    <img class="ms-0 icon" src={assets.url('img/logo.svg')} alt="" width="48" height="48" />
                    <span class="it-brand-text">
                      <span class="it-brand-title">WeMi</span>
                      <span class="d-block">{t('site.tagline')}</span>
                    </span>
                  </a>
                </div>
              </div>
              <div class="row">
                <div class="col-md-4 footer-items-wrapper">
                  <h2 class="footer-heading-title">{t('footer.contacts')}</h2>
                  <p class="footer-info">
                    {t('footer.address')}
                    <br />
                    {t('footer.vat')}
                    <br />
                    {t('footer.pec')}
                    <br />
                    {t('footer.phone')}
                  </p>
                </div>
                <div class="col-md-4 footer-items-wrapper">
                  <h2 class="footer-heading-title">{t('footer.usefulLinks')}</h2>
                  <ul class="footer-list">
                    <li><a href={paths.page('faq')} data-element="faq">{t('footer.faq')}</a></li>
                    <li><a href={paths.page('contatti')}>{t('footer.contacts')}</a></li>
                    <li><a href={paths.spazi()} data-element="appointment-booking">{t('footer.booking')}</a></li>
                    <li><a href={paths.page('contatti')}>{t('footer.assistance')}</a></li>
                    <li><a href={paths.page('contatti')} data-element="report-inefficiency">{t('footer.report')}</a></li>
                    <li><a href="/diventa-ente">{t('footer.becomeEnte')}</a></li>
                  </ul>
                </div>
                <div class="col-md-4 footer-items-wrapper">
                  <h2 class="footer-heading-title">{t('footer.label')}</h2>
                  <ul class="footer-list">
                    <li><a href={paths.page('privacy')} data-element="privacy-policy-link">{t('footer.privacy')}</a></li>
                    <li><a href={paths.page('note-legali')} data-element="legal-notes">{t('footer.legal')}</a></li>
                    <li><a href={ctx.accessibilityDeclarationUrl} data-element="accessibility-link">{t('footer.accessibility')}</a></li>
                    <li><a href={paths.page('piano-di-miglioramento')}>{t('footer.improvementPlan')}</a></li>
                    <li><a href={paths.topics()}>{t('nav.topics')}</a></li>
                    <li><a href={paths.page('mappa-del-sito')}>{t('footer.sitemap')}</a></li>
                    <li><a href="/api/v1/openapi.json">{t('footer.openData')}</a></li>
                  </ul>
                </div>
              </div>
              <div class="row">
                <div class="col-12 footer-items-wrapper">
                  <p class="footer-info">
                    {t('footer.license')}. {t('site.demoNotice')}
                  </p>
                </div>
              </div>
            </div>
          </div>
        </footer>
        {ctx.user ? (
          // Shown by src/client/session.ts two minutes before the idle timeout; never shown without JavaScript.
          <dialog class="wemi-session-dialog" id="session-dialog" aria-labelledby="session-dialog-title">
            <h2 class="h4" id="session-dialog-title">
              {t('auth.session.warningTitle')}
            </h2>
            <p>{t('auth.session.warningBody')}</p>
            <form method="post" action={paths.sessionRenew()}>
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <input type="hidden" name="ritorno" value={ctx.search ? `${ctx.path}?${ctx.search}` : ctx.path} />
              <button type="submit" class="btn btn-primary">
                {t('auth.session.stay')}
              </button>
            </form>
          </dialog>
        ) : null}
      </body>
    </html>
  );
}

/** The standard top of a content page: breadcrumb, title, optional lead text. */
export function PageHeader(props: {
  ctx: PageContext;
  crumbs: { href?: string; label: string }[];
  title: string;
  lead?: string;
  titleElement?: string;
  leadElement?: string;
  children?: Child;
}): Html {
  const { t } = props.ctx;
  return (
    <div class="container" id="page-header">
      <div class="row justify-content-center">
        <div class="col-12 col-lg-10 px-lg-4">
          <nav class="breadcrumb-container" aria-label={t('breadcrumb.label')} data-element="breadcrumb">
            <ol class="breadcrumb p-0">
              <li class="breadcrumb-item">
                <a href={paths.home()}>{t('breadcrumb.home')}</a>
                <span class="separator">/</span>
              </li>
              {props.crumbs.map((c, i) =>
                c.href && i < props.crumbs.length - 1 ? (
                  <li class="breadcrumb-item">
                    <a href={c.href}>{c.label}</a>
                    <span class="separator">/</span>
                  </li>
                ) : (
                  <li class="breadcrumb-item active" aria-current="page">
                    {c.label}
                  </li>
                ),
              )}
            </ol>
          </nav>
          <div class="cmp-heading pb-3 pb-lg-4">
            <h1 class="title-xxxlarge" data-element={props.titleElement}>
              {props.title}
            </h1>
            {props.lead ? (
              <p class="subtitle-small" data-element={props.leadElement}>
                {props.lead}
              </p>
            ) : null}
            {props.children}
          </div>
        </div>
      </div>
    </div>
  );
}

export { raw };
