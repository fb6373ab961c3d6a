import type { Child, Html } from '../lib/jsx/jsx-runtime';
import type { MessageKey } from '../i18n/catalogue';
import { formatNumber } from '../i18n/i18n';
import type { PageContext } from './context';
import { Pagination } from './components';
import { CsrfField, TextField, uploadAction, type FormState } from './forms';
import { Layout, PageHeader } from './layout';
import { paths } from './paths';

// The back-office toolkit: the page shell of the private areas (the City's and the enti's back offices, the
// applicant's and the citizen's own pages) and the widgets their pages share: outcome notices, state chips,
// tables that scroll sideways, description lists, filter bars, forms that post with their buttons, landing cards.
// Everything renders plain markup that works without JavaScript.

export type Crumb = { href?: string; label: string };

/** Private pages stay out of search engines. */
export const NOINDEX = <meta name="robots" content="noindex, nofollow" />;

/** A page of a private area: not indexed, breadcrumb and title, one centred column. */
export function PrivatePage(props: {
  ctx: PageContext;
  title: string;
  lead?: string | undefined;
  crumbs: Crumb[];
  /** Classes added to the container (e.g. "wemi-backoffice"). */
  containerClass?: string;
  /** Classes of the column, wide by default. */
  columnClass?: string;
  children?: Child;
}): Html {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title} head={NOINDEX}>
      <PageHeader ctx={ctx} crumbs={props.crumbs} title={props.title} {...(props.lead ? { lead: props.lead } : {})} />
      <div class={`container mb-5${props.containerClass ? ` ${props.containerClass}` : ''}`}>
        <div class="row justify-content-center">
          <div class={props.columnClass ?? 'col-12 col-lg-10 px-lg-4'}>{props.children}</div>
        </div>
      </div>
    </Layout>
  );
}

/** The page shell of the back offices: a private page styled as back office. */
export function BackOfficeLayout(props: { ctx: PageContext; title: string; lead?: string | undefined; crumbs: Crumb[]; children?: Child }): Html {
  return (
    <PrivatePage ctx={props.ctx} title={props.title} lead={props.lead} crumbs={props.crumbs} containerClass="wemi-backoffice">
      {props.children}
    </PrivatePage>
  );
}

/** "Gestione WeMi", the first crumb of the City's back office. */
export const cityCrumb = (ctx: PageContext): Crumb => ({ href: paths.cityBackOffice(), label: ctx.t('cityUsers.backOffice.title') });

/** The outcome of the previous action, announced politely; nothing without a text. */
export function Notice(props: { text: string | undefined }): Html {
  if (!props.text) return <></>;
  return (
    <div class="alert alert-success wemi-notice" role="status">
      {props.text}
    </div>
  );
}

/** A state as a chip: the text says the state, the feature's class (`class`) colours it. */
export function StateChip(props: { class: string; label: string }): Html {
  return <span class={`wemi-chip ${props.class}`}>{props.label}</span>;
}

/** "Nessun risultato", "1 risultato", "12 risultati": the message of a count. */
export function countText(ctx: PageContext, n: number, keys: { zero: MessageKey; one: MessageKey; other: MessageKey }): string {
  if (n === 0) return ctx.t(keys.zero);
  if (n === 1) return ctx.t(keys.one);
  return ctx.t(keys.other, { n: formatNumber(ctx.locale, n) });
}

/** A region that scrolls sideways on small screens, reachable by keyboard, named by a heading (or a label). */
export function ScrollTable(props: { labelledBy?: string | undefined; label?: string | undefined; children?: Child }): Html {
  return (
    <div class="table-responsive wemi-table-scroll" tabindex="0" role="region" aria-labelledby={props.labelledBy} aria-label={props.label}>
      {props.children}
    </div>
  );
}

/**
 * A data table in a ScrollTable: a caption (read by screen readers only, unless `captionVisible`), one header row
 * (falsy columns are left out) and the rows given as children.
 */
export function DataTable(props: {
  labelledBy?: string | undefined;
  label?: string | undefined;
  /** Classes of the table after "table" ("wemi-bo-table" unless given). */
  class?: string;
  caption?: string | undefined;
  captionId?: string;
  captionVisible?: boolean;
  columns: (string | null | undefined | false)[];
  children?: Child;
}): Html {
  const cls = props.class ?? 'wemi-bo-table';
  return (
    <ScrollTable labelledBy={props.labelledBy} label={props.label}>
      <table class={cls ? `table ${cls}` : 'table'}>
        {props.caption ? (
          <caption class={props.captionVisible ? undefined : 'visually-hidden'} id={props.captionId}>
            {props.caption}
          </caption>
        ) : null}
        <thead>
          <tr>
            {props.columns.map((c) => (c ? <th scope="col">{c}</th> : null))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </ScrollTable>
  );
}

/**
 * A page of results: the DataTable of its rows (or, when there is none, the message saying so) and the links to the
 * other pages under it.
 */
export function ResultsTable(
  props: Parameters<typeof DataTable>[0] & {
    ctx: PageContext;
    /** The page of results: its items (one row each, given as children) and where it stands. */
    results: { items: readonly unknown[]; page: number; pages: number };
    /** Said when there is no result. */
    empty: string;
    /** The address of another page of the same results. */
    href: (page: number) => string;
  },
): Html {
  const { ctx, results, empty, href, ...table } = props;
  return (
    <>
      {results.items.length === 0 ? <p>{empty}</p> : <DataTable {...table} />}
      <div class="mt-4">
        <Pagination ctx={ctx} page={results.page} pages={results.pages} href={href} />
      </div>
    </>
  );
}

/** A link that leads to an action (a form or a confirmation page), looking like a button, in a paragraph of its own. */
export function ButtonLink(props: { href: string; variant?: 'primary' | 'outline-primary' | 'outline-danger'; children?: Child }): Html {
  return (
    <p>
      <a class={`btn btn-${props.variant ?? 'primary'}`} href={props.href}>
        {props.children}
      </a>
    </p>
  );
}

/** One term of a description list: label and value. */
export function DlRow(props: { label: string; class?: string; children?: Child }): Html {
  return (
    <div class={props.class ?? 'wemi-dl-row'}>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** A text or date filter of a back-office list: the shared TextField, a search box by default, never marked optional. */
export function FilterText(props: { ctx: PageContext; form: FormState; name: string; label: string; hint?: string; type?: 'text' | 'search' | 'date'; maxlength?: number }): Html {
  return <TextField {...props} type={props.type ?? 'search'} autocomplete="off" hideOptional />;
}

const flatten = (c: Child): Child[] => (Array.isArray(c) ? (c as readonly Child[]).flatMap(flatten) : c === null || c === undefined || c === false || c === true ? [] : [c]);

/**
 * The filter bar of a list: a GET form named by its heading, each field (child) in a column, then the submit
 * button and, when given, the link that clears the filters.
 */
export function FilterForm(props: {
  action: string;
  title: string;
  titleId?: string;
  /** Classes of the form ("wemi-bo-filter mb-4", a light panel, unless given). */
  class?: string;
  /** Classes of each field's column. */
  column?: string;
  submit: string;
  reset?: { href: string; label: string } | undefined;
  children?: Child;
}): Html {
  const id = props.titleId ?? 'filter-title';
  return (
    <form method="get" action={props.action} class={props.class ?? 'wemi-bo-filter mb-4'} role="search" aria-labelledby={id}>
      <h2 class="h5 mb-3" id={id}>
        {props.title}
      </h2>
      <div class="row g-3">
        {flatten(props.children).map((field) => (
          <div class={props.column ?? 'col-12 col-md-6 col-xl-3'}>{field}</div>
        ))}
      </div>
      <FormActions submit={props.submit} cancel={props.reset} />
    </form>
  );
}

/** A form that posts (with its CSRF token), validated on the server. */
export function PostForm(props: {
  ctx: PageContext;
  action: string;
  /** Classes of the form ("wemi-bo-form", one readable column, unless given; "" for none). */
  class?: string;
  multipart?: boolean;
  labelledBy?: string;
  children?: Child;
}): Html {
  return (
    <form
      method="post"
      action={props.multipart ? uploadAction(props.ctx, props.action) : props.action}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      novalidate
      class={(props.class ?? 'wemi-bo-form') || undefined}
      aria-labelledby={props.labelledBy}
    >
      <CsrfField ctx={props.ctx} />
      {props.children}
    </form>
  );
}

/** The foot of a form: the submit button (red when it destroys or takes something away), then the link back. */
export function FormActions(props: { submit: string; danger?: boolean; cancel?: { href: string; label: string } | undefined; class?: string }): Html {
  return (
    <div class={`d-flex flex-wrap gap-3 align-items-center${props.class ? ` ${props.class}` : ''}`}>
      <button type="submit" class={props.danger ? 'btn btn-danger' : 'btn btn-primary'}>
        {props.submit}
      </button>
      {props.cancel ? <a href={props.cancel.href}>{props.cancel.label}</a> : null}
    </div>
  );
}

/** The sections of a back office's landing page, as cards linking to each (with a line on their state if given). */
export function SectionCards(props: { labelledBy: string; class?: string; sections: { href: string; title: string; body: string; state?: string }[] }): Html {
  return (
    <ul class={`row g-3 list-unstyled wemi-bo-sections${props.class ? ` ${props.class}` : ''}`} aria-labelledby={props.labelledBy}>
      {props.sections.map((s) => (
        <li class="col-12 col-md-6 col-xl-4">
          <div class="card card-teaser shadow-sm rounded h-100">
            <div class="card-body">
              <h3 class="card-title h5">
                <a href={s.href}>{s.title}</a>
              </h3>
              <p class={s.state === undefined ? 'card-text mb-0' : 'card-text mb-1'}>{s.body}</p>
              {s.state === undefined ? null : <p class="card-text mb-0 fw-semibold">{s.state}</p>}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
