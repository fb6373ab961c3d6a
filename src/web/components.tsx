import type { Child, Html } from '../lib/jsx/jsx-runtime';
import type { PageContext } from './context';
import type { FieldIssue } from '../lib/http/errors';

// Shared presentational components (Bootstrap Italia markup).

/**
 * Sprite symbols that are logos of the Italian digital-transformation teams, not pictograms: never shown as an icon
 * (a term may still name them, e.g. "team-digitale" stored as "a group of people"), a person is shown instead.
 */
const LOGO_SYMBOLS: Readonly<Record<string, string>> = { 'team-digitale': 'user', 'designers-italia': 'user' };

export function Icon(props: { ctx: PageContext; name: string; class?: string; title?: string }): Html {
  return (
    <svg class={`icon${props.class ? ` ${props.class}` : ''}`} aria-hidden={props.title ? undefined : 'true'} role={props.title ? 'img' : undefined} focusable="false">
      {props.title ? <title>{props.title}</title> : null}
      <use href={props.ctx.assets.icon(LOGO_SYMBOLS[props.name] ?? props.name)}></use>
    </svg>
  );
}

/** "Demo" chip on fictional data. */
export function DemoBadge(props: { ctx: PageContext }): Html {
  return (
    <span class="badge bg-warning text-dark wemi-demo" title={props.ctx.t('common.demoLong')}>
      {props.ctx.t('common.demo')}
    </span>
  );
}

/**
 * Pagination links that keep the rest of the query string. `page` is 1-based.
 * Renders nothing when there is a single page.
 */
export function Pagination(props: { ctx: PageContext; page: number; pages: number; href: (page: number) => string }): Html {
  const { t } = props.ctx;
  const { page, pages } = props;
  if (pages <= 1) return <></>;
  const window = new Set<number>([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  const numbers = [...window].sort((a, b) => a - b);
  const items: Child[] = [];
  let last = 0;
  for (const n of numbers) {
    if (n - last > 1) items.push(<li class="page-item"><span class="page-link" aria-hidden="true">…</span></li>);
    items.push(
      n === page ? (
        <li class="page-item active">
          <a class="page-link" href={props.href(n)} aria-current="page">
            <span class="d-inline-block d-sm-none">{t('pagination.page', { n })}</span>
            <span class="d-none d-sm-inline-block">{n}</span>
          </a>
        </li>
      ) : (
        <li class="page-item">
          <a class="page-link" href={props.href(n)} aria-label={t('pagination.page', { n })}>
            {n}
          </a>
        </li>
      ),
    );
    last = n;
  }
  return (
    <nav class="pagination-wrapper justify-content-center" aria-label={t('pagination.label')}>
      <ul class="pagination">
        <li class={page <= 1 ? 'page-item disabled' : 'page-item'}>
          {page <= 1 ? (
            <span class="page-link">
              <Icon ctx={props.ctx} name="chevron-left" class="icon-primary" />
              <span class="visually-hidden">{t('pagination.previous')}</span>
            </span>
          ) : (
            <a class="page-link" href={props.href(page - 1)} rel="prev">
              <Icon ctx={props.ctx} name="chevron-left" class="icon-primary" />
              <span class="visually-hidden">{t('pagination.previous')}</span>
            </a>
          )}
        </li>
        {items}
        <li class={page >= pages ? 'page-item disabled' : 'page-item'}>
          {page >= pages ? (
            <span class="page-link">
              <span class="visually-hidden">{t('pagination.next')}</span>
              <Icon ctx={props.ctx} name="chevron-right" class="icon-primary" />
            </span>
          ) : (
            <a class="page-link" href={props.href(page + 1)} rel="next">
              <span class="visually-hidden">{t('pagination.next')}</span>
              <Icon ctx={props.ctx} name="chevron-right" class="icon-primary" />
            </a>
          )}
        </li>
      </ul>
    </nav>
  );
}

/**
 * GOV.UK-style error summary: a focusable alert listing each problem with a link to its field, on this page unless
 * `href` says where the field is (e.g. the form, from a summary page).
 */
export function ErrorSummary(props: { ctx: PageContext; issues: FieldIssue[]; title?: string; href?: (field: string) => string }): Html {
  if (props.issues.length === 0) return <></>;
  return (
    <div class="alert alert-danger wemi-error-summary" role="alert" tabindex="-1" id="error-summary" aria-labelledby="error-summary-title">
      <h2 class="h5" id="error-summary-title">
        {props.title ?? props.ctx.t('error.summary')}
      </h2>
      <ul class="mb-0">
        {props.issues.map((i) => (
          <li>
            <a href={props.href ? props.href(i.field) : `#${i.field}`}>{i.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "Indice della pagina" of content pages, linking to each section's id. `data-element="page-index"` marks the list
 * whose `li > a` are the index links, as the Designers Italia model and the AGID validator read it (the validator looks
 * for `[data-element="page-index"] > li > a` and compares each link's text with the model's section titles).
 */
export function PageIndex(props: { ctx: PageContext; items: { id: string; label: string }[] }): Html {
  return (
    <nav class="cmp-navscroll sticky-top" aria-labelledby="page-index-title">
      <div class="navbar-wrapper">
        <h2 class="title-medium-semi-bold mb-2" id="page-index-title">
          {props.ctx.t('pageIndex.title')}
        </h2>
        <ul class="link-list" data-element="page-index">
          {props.items.map((i) => (
            <li class="nav-item">
              <a class="nav-link" href={`#${i.id}`}>
                <span class="title-medium">{i.label}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
