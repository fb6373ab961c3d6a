import type { Child, Html } from '../lib/jsx/jsx-runtime';
import type { MessageKey } from '../i18n/catalogue';
import type { CityPermission, Role } from '../lib/http/access';
import type { PageContext } from './context';
import { Icon } from './components';
import { cityPaths, entePaths, paths } from './paths';

// The page shell of the back offices (the City's /gestione-wemi and the enti's /gestione-ente): instead of the
// public header and mega-menu, skip links to the content and to the back-office menu, a slim header (WeMi logo,
// "Gestione WeMi" or "Gestione ente") and the menu of the sections of that area, then the person's account and the
// way out. On a wide screen the header is a side column; on a phone a bar whose menu opens with <details> (no
// JavaScript needed). Layout() renders it for every page under those addresses seen by someone with a role there.

export type BackOfficeArea = 'city' | 'ente';

const has = (roles: readonly Role[], ...permissions: CityPermission[]) => permissions.some((p) => roles.includes(`city:${p}`));

/** The sections of the City's back office: the landing page's cards and the menu, each open to some permissions. */
export const CITY_SECTIONS: readonly {
  href: () => string;
  title: MessageKey;
  body: MessageKey;
  /** Its label in the menu; null for a page reached from another section (the invitation, from the users). */
  nav: MessageKey | null;
  allowed: (roles: readonly Role[]) => boolean;
}[] = [
  { href: cityPaths.users, title: 'cityUsers.section.users.title', body: 'cityUsers.section.users.body', nav: 'cityUsers.nav.users', allowed: (r) => has(r, 'users') },
  { href: cityPaths.invite, title: 'cityUsers.section.invite.title', body: 'cityUsers.section.invite.body', nav: null, allowed: (r) => has(r, 'users') },
  { href: cityPaths.audit, title: 'cityUsers.section.audit.title', body: 'cityUsers.section.audit.body', nav: 'cityUsers.nav.audit', allowed: (r) => has(r, 'users') },
  { href: cityPaths.applications, title: 'cityUsers.section.applications.title', body: 'cityUsers.section.applications.body', nav: 'cityUsers.nav.applications', allowed: (r) => has(r, 'enti') },
  { href: cityPaths.revisions, title: 'cityUsers.section.revisions.title', body: 'cityUsers.section.revisions.body', nav: 'cityUsers.nav.revisions', allowed: (r) => has(r, 'enti') },
  { href: cityPaths.enteRevisions, title: 'enteReview.queue.title', body: 'enteReview.section.body', nav: 'enteReview.nav', allowed: (r) => has(r, 'enti') },
  { href: cityPaths.enti, title: 'cityUsers.section.enti.title', body: 'cityUsers.section.enti.body', nav: 'cityUsers.nav.enti', allowed: (r) => has(r, 'enti') },
  { href: cityPaths.cards, title: 'cityUsers.section.catalogue.title', body: 'cityUsers.section.catalogue.body', nav: 'cityUsers.nav.catalogue', allowed: (r) => has(r, 'enti') },
  // The taxonomy (and its search concepts) is open to the enti and the content staff alike (catalogue-admin routes).
  { href: cityPaths.taxonomies, title: 'cityUsers.section.taxonomy.title', body: 'cityUsers.section.taxonomy.body', nav: 'cityUsers.nav.taxonomy', allowed: (r) => has(r, 'enti', 'content') },
  { href: cityPaths.spazi, title: 'spaziCity.section.title', body: 'spaziCity.section.body', nav: 'cityUsers.nav.spazi', allowed: (r) => has(r, 'content') },
  { href: cityPaths.quality, title: 'cityUsers.section.quality.title', body: 'cityUsers.section.quality.body', nav: 'cityUsers.nav.quality', allowed: (r) => has(r, 'requests') },
  { href: cityPaths.complaints, title: 'cityUsers.section.complaints.title', body: 'cityUsers.section.complaints.body', nav: 'cityUsers.nav.complaints', allowed: (r) => has(r, 'requests') },
  { href: cityPaths.reviews, title: 'cityUsers.section.reviews.title', body: 'cityUsers.section.reviews.body', nav: 'cityUsers.nav.reviews', allowed: (r) => has(r, 'requests') },
];

const under = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

/** The back office a page belongs to, when the person looking at it has a role there; null for every other page. */
export function backOfficeArea(ctx: PageContext): BackOfficeArea | null {
  const roles = ctx.user?.roles ?? [];
  // A card preview shows the public page as citizens will see it (with the preview banner), not the back office.
  if (/\/anteprima$/.test(ctx.path)) return null;
  if (under(ctx.path, paths.cityBackOffice()) && roles.some((r) => r === 'city' || r.startsWith('city:'))) return 'city';
  if (under(ctx.path, paths.enteBackOffice()) && (roles.includes('ente_admin') || roles.includes('ente_operator'))) return 'ente';
  return null;
}

interface NavItem {
  href: string;
  label: string;
  /** Only the section's own page is the current page; the pages inside it mark the section as current. */
  exact?: boolean;
}

/** The ente whose pages these are (from the address), or the only ente of the person. */
function enteOf(ctx: PageContext): string | undefined {
  const orgs = ctx.user?.organizations ?? [];
  const match = /^\/gestione-ente\/([^/]+)/.exec(ctx.path);
  const fromPath = match ? decodeURIComponent(match[1]!) : undefined;
  if (fromPath && orgs.includes(fromPath)) return fromPath;
  return orgs.length === 1 ? orgs[0] : undefined;
}

function navItems(ctx: PageContext, area: BackOfficeArea): NavItem[] {
  const { t } = ctx;
  if (area === 'city') {
    const roles = ctx.user?.roles ?? [];
    return [
      { href: paths.cityBackOffice(), label: t('cityUsers.nav.home'), exact: true },
      ...CITY_SECTIONS.flatMap((s) => (s.nav && s.allowed(roles) ? [{ href: s.href(), label: t(s.nav) }] : [])),
    ];
  }
  const ente = enteOf(ctx);
  const all: NavItem[] = (ctx.user?.organizations ?? []).length === 1 && ente ? [] : [{ href: paths.enteBackOffice(), label: t('cityUsers.nav.enteAll'), exact: true }];
  if (!ente) return all;
  return [
    ...all,
    { href: entePaths.home(ente), label: t('enteCard.nav.home'), exact: true },
    { href: entePaths.card(ente), label: t('enteCard.nav.card') },
    { href: entePaths.sites(ente), label: t('enteCard.nav.sites') },
    { href: entePaths.spazi(ente), label: t('enteCard.nav.spazi') },
    { href: entePaths.documents(ente), label: t('enteCard.nav.documents') },
    { href: entePaths.operators(ente), label: t('enteCard.nav.operators') },
    { href: entePaths.serviceCards(ente), label: t('enteCard.nav.serviceCards') },
    { href: entePaths.requests(ente), label: t('enteRequests.nav') },
    { href: entePaths.reviews(ente), label: t('reviews.ente.title') },
  ];
}

/** The menu's list and the person's account, as the side column (wide screens) and the phone's panel show them. */
function MenuPanel(props: { ctx: PageContext; items: NavItem[] }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <ul class="wemi-bo-nav-list">
        {props.items.map((item) => {
          const current = ctx.path === item.href ? 'page' : !item.exact && ctx.path.startsWith(`${item.href}/`) ? 'true' : undefined;
          return (
            <li>
              <a href={item.href} class={current ? 'wemi-bo-nav-current' : undefined} aria-current={current}>
                {item.label}
              </a>
            </li>
          );
        })}
      </ul>
      {ctx.user ? (
        <div class="wemi-bo-account">
          <p class="wemi-bo-account-name">
            <a href={paths.personalArea()}>
              <Icon ctx={ctx} name="user" class="icon-sm" />
              <span>{ctx.user.name}</span>
              <span class="visually-hidden">: {t('cityUsers.shell.personalArea')}</span>
            </a>
          </p>
          <p class="wemi-bo-account-site">
            <a href={paths.home()}>{t('cityUsers.shell.publicSite')}</a>
          </p>
          <form method="post" action={paths.logout()} class="wemi-bo-logout">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <button type="submit" class="btn btn-outline-primary btn-sm">
              {t('auth.logout')}
            </button>
          </form>
        </div>
      ) : null}
    </>
  );
}

/** Skip links, the slim header with the back office's menu, and the page's main content beside it. */
export function BackOfficeShell(props: { ctx: PageContext; area: BackOfficeArea; children?: Child }): Html {
  const { ctx, area } = props;
  const { t, assets } = ctx;
  const title = area === 'city' ? t('cityUsers.backOffice.title') : t('enteCard.backOffice');
  const items = navItems(ctx, area);
  const navLabel = t('cityUsers.shell.navLabel', { area: title });
  return (
    <>
      <div class="skiplink">
        <a class="visually-hidden-focusable" href="#main-container">
          {t('skip.content')}
        </a>
        <a class="visually-hidden-focusable" href="#backoffice-nav">
          {t('cityUsers.shell.skipNav', { area: title })}
        </a>
      </div>
      <div class="wemi-bo-shell" data-backoffice={area}>
        <header class="wemi-bo-header">
          <p class="wemi-bo-brand">
            <img src={assets.url('img/logo.svg')} alt="" width="40" height="40" />
            <span class="wemi-bo-brand-text">
              <span class="wemi-bo-brand-name">WeMi</span>
              <span class="wemi-bo-brand-area">{title}</span>
            </span>
          </p>
          <nav class="wemi-bo-nav" id="backoffice-nav" aria-label={navLabel} tabindex="-1">
            {/* Phone: a menu that opens and closes without JavaScript. Wide screens: the same links, always shown. */}
            <details class="wemi-bo-menu">
              <summary>
                <Icon ctx={ctx} name="burger" class="icon-sm" />
                <span>{t('cityUsers.shell.menu')}</span>
              </summary>
              <div class="wemi-bo-menu-panel">
                <MenuPanel ctx={ctx} items={items} />
              </div>
            </details>
            <div class="wemi-bo-side">
              <MenuPanel ctx={ctx} items={items} />
            </div>
          </nav>
        </header>
        <main id="main-container" class="wemi-bo-content">
          {props.children}
        </main>
      </div>
    </>
  );
}
