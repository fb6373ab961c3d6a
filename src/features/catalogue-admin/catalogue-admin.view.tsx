import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import { formatDate, formatNumber } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/catalogue';
import type { Role } from '../../lib/http/access';
import type { FieldIssue } from '../../lib/http/errors';
import type { PageContext } from '../../web/context';
import { BackOfficeLayout, ButtonLink, cityCrumb, countText, DataTable, DlRow, FilterForm, FilterText, FormActions, Notice, PostForm, ResultsTable, StateChip } from '../../web/backoffice';
import { DemoBadge, ErrorSummary, Icon } from '../../web/components';
import { CheckboxField, SelectField, TextAreaField, TextField, type FormState } from '../../web/forms';
import { cityPaths, paths } from '../../web/paths';
import type { CitySection } from '../accounts/city/users.view';
import {
  CARD_STATUSES,
  type AdminTermRow,
  type CardListItem,
  type CardStatus,
  type EnteDetail,
  type EnteListItem,
  type TaxonomyRow,
  type TermOption,
} from './catalogue-admin.repository';
import { adminActionsFrom, ORG_STATUSES, type AdminOrgAction, type OrgStatus } from './org-status';
import { CATEGORY_ICONS, DESCRIPTION_MAX, NAME_MAX, TAXONOMY_KINDS, type TaxonomyKind } from './taxonomy-admin.service';
import { REASON_MAX } from './enti-admin.service';

// Pages of the catalogue administration: vocabularies and their terms (list, add, edit, deactivate, reactivate),
// enti by state (list, page, suspend / revoke / reactivate behind a confirmation with a reason), cards by state.
// Everything works without JavaScript: GET filter forms, links to confirmation pages, forms that post and redirect.

/** Outcomes announced after a redirect (`?esito=`). */
export const NOTICES = {
  'termine-creato': 'catalogueAdmin.notice.termCreated',
  'termine-modificato': 'catalogueAdmin.notice.termUpdated',
  'termine-disattivato': 'catalogueAdmin.notice.termDeactivated',
  'termine-riattivato': 'catalogueAdmin.notice.termReactivated',
  'ente-sospeso': 'catalogueAdmin.notice.enteSuspended',
  'ente-revocato': 'catalogueAdmin.notice.enteRevoked',
  'ente-riattivato': 'catalogueAdmin.notice.enteReactivated',
} as const satisfies Record<string, MessageKey>;
export type NoticeCode = keyof typeof NOTICES;

export const ENTE_NOTICE: Record<AdminOrgAction, NoticeCode> = { suspend: 'ente-sospeso', revoke: 'ente-revocato', reactivate: 'ente-riattivato' };

// Labels

const byLocale = (ctx: PageContext, it: string, en: string | null | undefined) => (ctx.locale === 'en' && en ? en : it);
export const taxonomyName = (ctx: PageContext, x: Pick<TaxonomyRow, 'name_it' | 'name_en'>) => byLocale(ctx, x.name_it, x.name_en);
export const termName = (ctx: PageContext, x: { name_it: string; name_en: string }) => byLocale(ctx, x.name_it, x.name_en);
const enteStatusLabel = (ctx: PageContext, s: OrgStatus) => ctx.t(`catalogueAdmin.enteStatus.${s}`);
const cardStatusLabel = (ctx: PageContext, s: CardStatus) => ctx.t(`catalogueAdmin.cardStatus.${s}`);
const iconLabel = (ctx: PageContext, icon: string) => ctx.t(`catalogueAdmin.icon.${icon}` as MessageKey);

/**
 * The sections of the City landing page (/gestione-wemi) this feature opens, by permission: to be listed by
 * citySections() of the accounts feature.
 */
export function catalogueSections(ctx: PageContext, roles: readonly Role[]): CitySection[] {
  const { t } = ctx;
  const out: CitySection[] = [];
  if (roles.includes('city:enti') || roles.includes('city:content')) {
    out.push({ href: cityPaths.taxonomies(), title: t('catalogueAdmin.section.taxonomies.title'), body: t('catalogueAdmin.section.taxonomies.body') });
  }
  if (roles.includes('city:enti')) {
    out.push({ href: cityPaths.enti(), title: t('catalogueAdmin.section.enti.title'), body: t('catalogueAdmin.section.enti.body') });
    out.push({ href: cityPaths.cards(), title: t('catalogueAdmin.section.cards.title'), body: t('catalogueAdmin.section.cards.body') });
  }
  return out;
}

// Shared pieces

const taxonomiesCrumb = (ctx: PageContext) => ({ href: cityPaths.taxonomies(), label: ctx.t('catalogueAdmin.taxonomies.title') });
const entiCrumb = (ctx: PageContext) => ({ href: cityPaths.enti(), label: ctx.t('catalogueAdmin.enti.title') });

/** Links between the pages of the catalogue administration, as far as the user's permissions open them. */
function CatalogueNav(props: { ctx: PageContext; roles: readonly Role[]; current: 'taxonomies' | 'enti' | 'cards' }): Html {
  const { t } = props.ctx;
  const items: { key: typeof props.current; href: string; label: string }[] = [
    { key: 'taxonomies', href: cityPaths.taxonomies(), label: t('catalogueAdmin.taxonomies.title') },
  ];
  if (props.roles.includes('city:enti')) {
    items.push({ key: 'enti', href: cityPaths.enti(), label: t('catalogueAdmin.enti.title') });
    items.push({ key: 'cards', href: cityPaths.cards(), label: t('catalogueAdmin.cards.title') });
  }
  if (items.length < 2) return <></>;
  return (
    <nav class="wemi-ca-nav mb-4" aria-label={t('catalogueAdmin.nav.label')}>
      <ul class="wemi-inline-list">
        {items.map((i) => (
          <li>{i.key === props.current ? <span aria-current="page">{i.label}</span> : <a href={i.href}>{i.label}</a>}</li>
        ))}
      </ul>
    </nav>
  );
}

const noticeText = (ctx: PageContext, notice: NoticeCode | undefined) => (notice ? ctx.t(NOTICES[notice]) : undefined);

function Chip(props: { kind: string; state: string; label: string }): Html {
  return <StateChip class={`wemi-ca-chip-${props.kind}-${props.state}`} label={props.label} />;
}

/** A multi-line field of this feature's forms (its own minimum height). */
const TEXTAREA = { inputClass: 'form-control wemi-ca-textarea', rows: 3 } as const;

/** The filter bar of this feature's lists. */
function Filters(props: { ctx: PageContext; action: string; filtered: boolean; column: string; children?: Child }): Html {
  const { t } = props.ctx;
  return (
    <FilterForm
      action={props.action}
      title={t('catalogueAdmin.filter.title')}
      column={props.column}
      submit={t('catalogueAdmin.filter.submit')}
      reset={props.filtered ? { href: props.action, label: t('catalogueAdmin.filter.reset') } : undefined}
    >
      {props.children}
    </FilterForm>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Taxonomies

export interface TaxonomyListItem {
  row: TaxonomyRow;
  kind: TaxonomyKind;
}

export function TaxonomiesPage(props: { ctx: PageContext; roles: readonly Role[]; items: TaxonomyListItem[] }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const title = t('catalogueAdmin.taxonomies.title');
  return (
    <BackOfficeLayout ctx={ctx} title={title} lead={t('catalogueAdmin.taxonomies.lead')} crumbs={[cityCrumb(ctx), { label: title }]}>
      <CatalogueNav ctx={ctx} roles={props.roles} current="taxonomies" />
      <DataTable
        labelledBy="taxonomies-title"
        caption={t('catalogueAdmin.taxonomies.caption')}
        captionId="taxonomies-title"
        columns={[t('catalogueAdmin.taxonomies.col.name'), t('catalogueAdmin.taxonomies.col.description'), t('catalogueAdmin.taxonomies.col.terms'), t('catalogueAdmin.taxonomies.col.managed')]}
      >
        {props.items.map(({ row, kind }) => (
          <tr data-taxonomy={kind.code}>
            <th scope="row">
              <a href={cityPaths.taxonomy(kind.slug)}>{taxonomyName(ctx, row)}</a>
            </th>
            <td>{byLocale(ctx, row.description_it, row.description_en)}</td>
            <td>{t('catalogueAdmin.taxonomies.termCount', { active: formatNumber(ctx.locale, row.active_terms), total: formatNumber(ctx.locale, row.terms) })}</td>
            <td>
              {kind.managed ? (
                <Chip kind="tax" state="managed" label={t('catalogueAdmin.taxonomies.managed')} />
              ) : (
                <Chip kind="tax" state="fixed" label={t('catalogueAdmin.taxonomies.fixed')} />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <p class="wemi-muted">{t('catalogueAdmin.taxonomies.fixedNote')}</p>
      <h2 class="h4 mt-4">{t('catalogueAdmin.concepts.title')}</h2>
      <p>
        <a href={cityPaths.concepts()} data-element="search-concepts">
          {t('catalogueAdmin.concepts.link')}
        </a>
      </p>
    </BackOfficeLayout>
  );
}

export interface TermsFilter {
  q: string;
  padre: string;
  stato: string;
}

export interface TermsView {
  taxonomy: TaxonomyRow;
  kind: TaxonomyKind;
  terms: AdminTermRow[];
  parents: TermOption[];
  filter: TermsFilter;
  issues: FieldIssue[];
  notice: NoticeCode | undefined;
}

export function termsHref(kind: string, f: Partial<TermsFilter>): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.padre) p.set('padre', f.padre);
  if (f.stato) p.set('stato', f.stato);
  const s = p.toString();
  return s ? `${cityPaths.taxonomy(kind)}?${s}` : cityPaths.taxonomy(kind);
}

export function TermsPage(props: { ctx: PageContext; roles: readonly Role[]; view: TermsView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const { kind } = view;
  const title = taxonomyName(ctx, view.taxonomy);
  const form: FormState = { values: { ...view.filter }, issues: view.issues };
  const filtered = Boolean(view.filter.q || view.filter.padre || view.filter.stato);
  const parentKind = kind.parent ? TAXONOMY_KINDS.find((k) => k.code === kind.parent) : undefined;
  return (
    <BackOfficeLayout
      ctx={ctx}
      title={title}
      lead={byLocale(ctx, view.taxonomy.description_it, view.taxonomy.description_en)}
      crumbs={[cityCrumb(ctx), taxonomiesCrumb(ctx), { label: title }]}
    >
      <CatalogueNav ctx={ctx} roles={props.roles} current="taxonomies" />
      <Notice text={noticeText(ctx, view.notice)} />
      {kind.managed ? (
        <ButtonLink href={cityPaths.termNew(kind.slug)}>{t('catalogueAdmin.terms.add')}</ButtonLink>
      ) : (
        <div class="alert alert-info" role="note">
          {t('catalogueAdmin.terms.readOnly')}
        </div>
      )}
      <ErrorSummary ctx={ctx} issues={view.issues} />
      <Filters ctx={ctx} action={cityPaths.taxonomy(kind.slug)} filtered={filtered} column="col-12 col-md-6 col-xl-4">
        <FilterText ctx={ctx} form={form} name="q" label={t('catalogueAdmin.terms.filter.q')} maxlength={100} />
        {parentKind ? (
          <SelectField
            ctx={ctx}
            form={form}
            name="padre"
            label={t(`catalogueAdmin.terms.parent.${parentKind.code}` as MessageKey)}
            empty={t('catalogueAdmin.filter.any')}
            options={view.parents.map((p) => ({ value: p.slug, label: termName(ctx, p) + (p.active ? '' : ` (${t('catalogueAdmin.terms.inactive')})`) }))}
          />
        ) : null}
        <SelectField
          ctx={ctx}
          form={form}
          name="stato"
          label={t('catalogueAdmin.terms.filter.state')}
          empty={t('catalogueAdmin.filter.any')}
          options={[
            { value: 'attivi', label: t('catalogueAdmin.terms.filter.active') },
            { value: 'disattivati', label: t('catalogueAdmin.terms.filter.inactive') },
          ]}
        />
      </Filters>
      <h2 class="h4" id="terms-title">
        {countText(ctx, view.terms.length, { zero: 'catalogueAdmin.terms.count.zero', one: 'catalogueAdmin.terms.count.one', other: 'catalogueAdmin.terms.count.other' })}
      </h2>
      {view.terms.length === 0 ? null : (
        <DataTable
          labelledBy="terms-title"
          class="wemi-bo-table wemi-ca-terms"
          caption={t('catalogueAdmin.terms.caption', { name: title })}
          columns={[
            t('catalogueAdmin.terms.col.name'),
            parentKind && t(`catalogueAdmin.terms.parent.${parentKind.code}` as MessageKey),
            t('catalogueAdmin.terms.col.position'),
            t('catalogueAdmin.terms.col.state'),
            t('catalogueAdmin.terms.col.cards'),
            kind.managed && t('catalogueAdmin.terms.col.actions'),
          ]}
        >
          {view.terms.map((term) => {
            const name = termName(ctx, term);
            const other = ctx.locale === 'en' ? term.name_it : term.name_en;
            return (
              <tr data-term={term.code} data-term-active={term.active ? 'true' : 'false'}>
                <th scope="row">
                  {kind.icon && term.icon ? <Icon ctx={ctx} name={term.icon} class="icon-sm me-1" /> : null}
                  {name}
                  <span class="d-block small wemi-muted" lang={ctx.locale === 'en' ? 'it' : 'en'}>
                    {other}
                  </span>
                  <span class="d-block small wemi-muted">
                    <code>{term.code}</code>
                  </span>
                </th>
                {parentKind ? (
                  <td>
                    {term.parent_name_it ? termName(ctx, { name_it: term.parent_name_it, name_en: term.parent_name_en ?? '' }) : t('catalogueAdmin.none')}
                    {term.parent_active === false ? <span class="d-block small wemi-muted">{t('catalogueAdmin.terms.parentInactive')}</span> : null}
                  </td>
                ) : null}
                <td>{formatNumber(ctx.locale, term.position)}</td>
                <td>
                  {term.active ? (
                    <Chip kind="term" state="active" label={t('catalogueAdmin.terms.active')} />
                  ) : (
                    <Chip kind="term" state="inactive" label={t('catalogueAdmin.terms.inactive')} />
                  )}
                </td>
                <td>{t('catalogueAdmin.terms.usage', { cards: formatNumber(ctx.locale, term.cards), published: formatNumber(ctx.locale, term.published) })}</td>
                {kind.managed ? (
                  <td>
                    <ul class="list-unstyled mb-0">
                      <li>
                        <a href={cityPaths.term(kind.slug, term.id)}>
                          {t('catalogueAdmin.terms.edit')}
                          <span class="visually-hidden"> {name}</span>
                        </a>
                      </li>
                      <li>
                        {term.active ? (
                          <a href={cityPaths.termDeactivate(kind.slug, term.id)}>
                            {t('catalogueAdmin.terms.deactivate')}
                            <span class="visually-hidden"> {name}</span>
                          </a>
                        ) : (
                          <a href={cityPaths.termReactivate(kind.slug, term.id)}>
                            {t('catalogueAdmin.terms.reactivate')}
                            <span class="visually-hidden"> {name}</span>
                          </a>
                        )}
                      </li>
                    </ul>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </DataTable>
      )}
    </BackOfficeLayout>
  );
}

export interface TermFormView {
  taxonomy: TaxonomyRow;
  kind: TaxonomyKind;
  /** The term being edited; undefined when adding. */
  term: AdminTermRow | undefined;
  parents: TermOption[];
  form: FormState;
}

/** The values of a term as the form shows them. */
export function termFormValues(term: AdminTermRow, parents: TermOption[]): Record<string, string> {
  return {
    nome_it: term.name_it,
    nome_en: term.name_en,
    descrizione_it: term.description_it,
    descrizione_en: term.description_en,
    sinonimi: term.synonyms.join(', '),
    padre: parents.find((p) => p.id === term.parent_id)?.slug ?? '',
    icona: term.icon ?? '',
    posizione: String(term.position),
  };
}

export function TermFormPage(props: { ctx: PageContext; view: TermFormView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const { kind, term, form } = view;
  const taxName = taxonomyName(ctx, view.taxonomy);
  const title = term ? t('catalogueAdmin.term.editTitle', { name: termName(ctx, term) }) : t('catalogueAdmin.term.newTitle', { taxonomy: taxName });
  const action = term ? cityPaths.term(kind.slug, term.id) : cityPaths.termNew(kind.slug);
  const parentKind = kind.parent ? TAXONOMY_KINDS.find((k) => k.code === kind.parent) : undefined;
  // Active parents, and the current one even when inactive.
  const parents = view.parents.filter((p) => p.active || p.id === term?.parent_id);
  return (
    <BackOfficeLayout
      ctx={ctx}
      title={title}
      lead={term ? undefined : t('catalogueAdmin.term.newLead')}
      crumbs={[cityCrumb(ctx), taxonomiesCrumb(ctx), { href: cityPaths.taxonomy(kind.slug), label: taxName }, { label: title }]}
    >
      <ErrorSummary ctx={ctx} issues={form.issues} />
      {term ? (
        <dl class="wemi-dl">
          <DlRow label={t('catalogueAdmin.term.code')}>
            <code>{term.code}</code>
          </DlRow>
          <DlRow label={t('catalogueAdmin.term.slug')}>
            <code>{term.slug}</code>
          </DlRow>
          <DlRow label={t('catalogueAdmin.terms.col.state')}>{term.active ? t('catalogueAdmin.terms.active') : t('catalogueAdmin.terms.inactive')}</DlRow>
          <DlRow label={t('catalogueAdmin.terms.col.cards')}>
            {t('catalogueAdmin.terms.usage', { cards: formatNumber(ctx.locale, term.cards), published: formatNumber(ctx.locale, term.published) })}
          </DlRow>
        </dl>
      ) : null}
      <PostForm ctx={ctx} action={action}>
        <TextField ctx={ctx} form={form} name="nome_it" label={t('catalogueAdmin.term.field.nameIt')} hint={term ? t('catalogueAdmin.term.field.nameItEditHint') : t('catalogueAdmin.term.field.nameItHint')} maxlength={NAME_MAX} required />
        <TextField ctx={ctx} form={form} name="nome_en" label={t('catalogueAdmin.term.field.nameEn')} maxlength={NAME_MAX} required />
        <TextAreaField ctx={ctx} form={form} name="descrizione_it" label={t('catalogueAdmin.term.field.descriptionIt')} maxlength={DESCRIPTION_MAX} {...TEXTAREA} />
        <TextAreaField ctx={ctx} form={form} name="descrizione_en" label={t('catalogueAdmin.term.field.descriptionEn')} maxlength={DESCRIPTION_MAX} {...TEXTAREA} />
        {parentKind ? (
          <SelectField
            ctx={ctx}
            form={form}
            name="padre"
            label={t(`catalogueAdmin.terms.parent.${parentKind.code}` as MessageKey)}
            hint={t(`catalogueAdmin.term.field.parentHint.${parentKind.code}` as MessageKey)}
            empty={t('catalogueAdmin.term.field.pick')}
            options={parents.map((p) => ({ value: p.slug, label: termName(ctx, p) + (p.active ? '' : ` (${t('catalogueAdmin.terms.inactive')})`) }))}
          />
        ) : null}
        <TextField ctx={ctx} form={form} name="sinonimi" label={t('catalogueAdmin.term.field.synonyms')} hint={t('catalogueAdmin.term.field.synonymsHint')} maxlength={2000} />
        {kind.icon ? (
          <SelectField
            ctx={ctx}
            form={form}
            name="icona"
            label={t('catalogueAdmin.term.field.icon')}
            hint={t('catalogueAdmin.term.field.iconHint')}
            empty={t('catalogueAdmin.term.field.pick')}
            options={CATEGORY_ICONS.map((i) => ({ value: i, label: iconLabel(ctx, i) }))}
          />
        ) : null}
        {kind.icon && form.values.icona && (CATEGORY_ICONS as readonly string[]).includes(form.values.icona) ? (
          <p class="wemi-ca-icon-preview">
            <Icon ctx={ctx} name={form.values.icona} class="icon-primary me-2" />
            {t('catalogueAdmin.term.field.iconCurrent', { icon: iconLabel(ctx, form.values.icona) })}
          </p>
        ) : null}
        <TextField ctx={ctx} form={form} name="posizione" label={t('catalogueAdmin.term.field.position')} hint={t('catalogueAdmin.term.field.positionHint')} inputmode="numeric" maxlength={4} />
        <FormActions submit={term ? t('catalogueAdmin.term.save') : t('catalogueAdmin.term.create')} cancel={{ href: cityPaths.taxonomy(kind.slug), label: t('catalogueAdmin.cancel') }} />
      </PostForm>
    </BackOfficeLayout>
  );
}

export function TermStatePage(props: { ctx: PageContext; taxonomy: TaxonomyRow; kind: TaxonomyKind; term: AdminTermRow; active: boolean; form: FormState }): Html {
  const { ctx, kind, term, form, active } = props;
  const { t } = ctx;
  const name = termName(ctx, term);
  const taxName = taxonomyName(ctx, props.taxonomy);
  const title = active ? t('catalogueAdmin.termState.reactivateTitle', { name }) : t('catalogueAdmin.termState.deactivateTitle', { name });
  const already = term.active === active;
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[cityCrumb(ctx), taxonomiesCrumb(ctx), { href: cityPaths.taxonomy(kind.slug), label: taxName }, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      {already ? (
        <p class="lead">{active ? t('catalogueAdmin.term.error.alreadyActive') : t('catalogueAdmin.term.error.alreadyInactive')}</p>
      ) : (
        <>
          <p class="lead">{active ? t('catalogueAdmin.termState.reactivateLead') : t('catalogueAdmin.termState.deactivateLead')}</p>
          {!active && term.published > 0 ? (
            <div class="alert alert-warning" id="uso" data-published={String(term.published)}>
              {countText(ctx, term.published, {
                zero: 'catalogueAdmin.termState.usedBy.zero',
                one: 'catalogueAdmin.termState.usedBy.one',
                other: 'catalogueAdmin.termState.usedBy.other',
              })}
            </div>
          ) : !active ? (
            <p>{t('catalogueAdmin.termState.unused')}</p>
          ) : null}
          {!active && term.children > 0 ? <p>{t('catalogueAdmin.termState.children', { n: formatNumber(ctx.locale, term.children) })}</p> : null}
          {active && term.parent_active === false ? <p>{t('catalogueAdmin.termState.parentInactive')}</p> : null}
          <PostForm ctx={ctx} action={active ? cityPaths.termReactivate(kind.slug, term.id) : cityPaths.termDeactivate(kind.slug, term.id)}>
            {!active && term.published > 0 ? (
              <CheckboxField ctx={ctx} form={form} name="conferma" value="si" label={t('catalogueAdmin.termState.confirm', { n: formatNumber(ctx.locale, term.published) })} />
            ) : null}
            <FormActions
              class="mt-3"
              submit={active ? t('catalogueAdmin.termState.reactivateSubmit') : t('catalogueAdmin.termState.deactivateSubmit')}
              danger={!active}
              cancel={{ href: cityPaths.taxonomy(kind.slug), label: t('catalogueAdmin.cancel') }}
            />
          </PostForm>
        </>
      )}
    </BackOfficeLayout>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Enti

export interface EntiFilter {
  q: string;
  stato: string;
  categoria: string;
  municipio: string;
}

export interface EntiView {
  filter: EntiFilter;
  issues: FieldIssue[];
  items: EnteListItem[];
  total: number;
  counts: Record<OrgStatus, number>;
  page: number;
  pages: number;
  categories: TermOption[];
  municipi: TermOption[];
}

export function entiHref(f: Partial<EntiFilter> & { page?: number }): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.stato) p.set('stato', f.stato);
  if (f.categoria) p.set('categoria', f.categoria);
  if (f.municipio) p.set('municipio', f.municipio);
  if (f.page && f.page > 1) p.set('pagina', String(f.page));
  const s = p.toString();
  return s ? `${cityPaths.enti()}?${s}` : cityPaths.enti();
}

export function cardsHref(f: Partial<CardsFilter> & { page?: number }): string {
  const p = new URLSearchParams();
  if (f.ente) p.set('ente', f.ente);
  if (f.categoria) p.set('categoria', f.categoria);
  if (f.stato) p.set('stato', f.stato);
  if (f.scadenza) p.set('scadenza', f.scadenza);
  if (f.page && f.page > 1) p.set('pagina', String(f.page));
  const s = p.toString();
  return s ? `${cityPaths.cards()}?${s}` : cityPaths.cards();
}

/**
 * A list by state (enti, cards): how many match, the count of each state (a link filtering by it), then the page of
 * results. `href` is the list's address with the filter changed.
 */
function ByState<S extends string>(props: {
  ctx: PageContext;
  title: string;
  statuses: readonly S[];
  counts: Record<S, number>;
  label: (s: S) => string;
  current: string;
  href: (change: { stato?: S; page?: number }) => string;
  results: { items: readonly unknown[]; page: number; pages: number };
  columns: string[];
  children?: Child;
}): Html {
  const { ctx, results } = props;
  const { t } = ctx;
  return (
    <>
      <h2 class="h4 mb-2" id="results-title">
        {props.title}
      </h2>
      <ul class="wemi-ca-counts" aria-label={t('catalogueAdmin.results.byStatus')}>
        {props.statuses.map((s) => (
          <li data-status={s}>
            {props.current === s ? (
              <span aria-current="true" class="fw-semibold">
                {props.label(s)}: {formatNumber(ctx.locale, props.counts[s])}
              </span>
            ) : (
              <a href={props.href({ stato: s })}>
                {props.label(s)}: {formatNumber(ctx.locale, props.counts[s])}
              </a>
            )}
          </li>
        ))}
      </ul>
      <ResultsTable
        ctx={ctx}
        results={results}
        empty={t('catalogueAdmin.results.empty')}
        href={(page) => props.href({ page })}
        labelledBy="results-title"
        caption={t('catalogueAdmin.results.caption', { page: results.page, pages: results.pages })}
        columns={props.columns}
      >
        {props.children}
      </ResultsTable>
    </>
  );
}

export function EntiPage(props: { ctx: PageContext; roles: readonly Role[]; view: EntiView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const title = t('catalogueAdmin.enti.title');
  const form: FormState = { values: { ...view.filter }, issues: view.issues };
  const filtered = Boolean(view.filter.q || view.filter.stato || view.filter.categoria || view.filter.municipio);
  return (
    <BackOfficeLayout ctx={ctx} title={title} lead={t('catalogueAdmin.enti.lead')} crumbs={[cityCrumb(ctx), { label: title }]}>
      <CatalogueNav ctx={ctx} roles={props.roles} current="enti" />
      <ErrorSummary ctx={ctx} issues={view.issues} />
      <Filters ctx={ctx} action={cityPaths.enti()} filtered={filtered} column="col-12 col-md-6 col-xl-3">
        <FilterText ctx={ctx} form={form} name="q" label={t('catalogueAdmin.enti.filter.q')} hint={t('catalogueAdmin.enti.filter.qHint')} maxlength={100} />
        <SelectField ctx={ctx} form={form} name="stato" label={t('catalogueAdmin.enti.filter.status')} empty={t('catalogueAdmin.filter.any')} options={ORG_STATUSES.map((s) => ({ value: s, label: enteStatusLabel(ctx, s) }))} />
        <SelectField ctx={ctx} form={form} name="categoria" label={t('catalogueAdmin.filter.category')} empty={t('catalogueAdmin.filter.any')} options={view.categories.map((c) => ({ value: c.slug, label: termName(ctx, c) }))} />
        <SelectField ctx={ctx} form={form} name="municipio" label={t('catalogueAdmin.enti.filter.municipio')} empty={t('catalogueAdmin.filter.any')} options={view.municipi.map((m) => ({ value: m.slug, label: termName(ctx, m) }))} />
      </Filters>
      <ByState
        ctx={ctx}
        title={countText(ctx, view.total, { zero: 'catalogueAdmin.enti.count.zero', one: 'catalogueAdmin.enti.count.one', other: 'catalogueAdmin.enti.count.other' })}
        statuses={ORG_STATUSES}
        counts={view.counts}
        label={(s) => enteStatusLabel(ctx, s)}
        current={view.filter.stato}
        href={(change) => entiHref({ ...view.filter, ...change })}
        results={view}
        columns={[
          t('catalogueAdmin.enti.col.name'),
          t('catalogueAdmin.enti.col.status'),
          t('catalogueAdmin.enti.col.published'),
          t('catalogueAdmin.enti.col.pending'),
          t('catalogueAdmin.enti.col.expired'),
          t('catalogueAdmin.enti.col.qualifiedAt'),
        ]}
      >
        {view.items.map((e) => (
          <tr data-ente={e.slug} data-status={e.status}>
            <th scope="row">
              <a href={cityPaths.ente(e.id)}>{e.name}</a>
              {e.is_demo ? <DemoBadge ctx={ctx} /> : null}
              {e.tax_code ? <span class="d-block small wemi-muted">{e.tax_code}</span> : null}
            </th>
            <td>
              <Chip kind="ente" state={e.status} label={enteStatusLabel(ctx, e.status)} />
            </td>
            <td>{formatNumber(ctx.locale, e.published)}</td>
            <td>{formatNumber(ctx.locale, e.pending)}</td>
            <td>{e.expired > 0 ? <a href={cardsHref({ ente: e.id, stato: 'expired' })}>{formatNumber(ctx.locale, e.expired)}</a> : '0'}</td>
            <td>{e.qualified_at ? formatDate(ctx.locale, e.qualified_at) : t('catalogueAdmin.enti.notRecorded')}</td>
          </tr>
        ))}
      </ByState>
    </BackOfficeLayout>
  );
}

export function EntePage(props: { ctx: PageContext; roles: readonly Role[]; ente: EnteDetail; notice: NoticeCode | undefined }): Html {
  const { ctx, ente } = props;
  const { t } = ctx;
  const actions = adminActionsFrom(ente.status);
  return (
    <BackOfficeLayout ctx={ctx} title={ente.name} crumbs={[cityCrumb(ctx), entiCrumb(ctx), { label: ente.name }]}>
      <CatalogueNav ctx={ctx} roles={props.roles} current="enti" />
      <Notice text={noticeText(ctx, props.notice)} />
      <dl class="wemi-dl">
        <DlRow label={t('catalogueAdmin.enti.col.status')}>
          <Chip kind="ente" state={ente.status} label={enteStatusLabel(ctx, ente.status)} />
          {ente.is_demo ? <DemoBadge ctx={ctx} /> : null}
        </DlRow>
        {ente.status_reason ? <DlRow label={t('catalogueAdmin.ente.reason')}>{ente.status_reason}</DlRow> : null}
        <DlRow label={t('catalogueAdmin.ente.legalForm')}>{ente.legal_form || t('catalogueAdmin.none')}</DlRow>
        <DlRow label={t('catalogueAdmin.ente.taxCode')}>{ente.tax_code ?? t('catalogueAdmin.none')}</DlRow>
        <DlRow label={t('catalogueAdmin.ente.email')}>{ente.email ? <span class="wemi-break">{ente.email}</span> : t('catalogueAdmin.none')}</DlRow>
        <DlRow label={t('catalogueAdmin.ente.pec')}>{ente.pec ? <span class="wemi-break">{ente.pec}</span> : t('catalogueAdmin.none')}</DlRow>
        <DlRow label={t('catalogueAdmin.enti.col.qualifiedAt')}>{ente.qualified_at ? formatDate(ctx.locale, ente.qualified_at) : t('catalogueAdmin.enti.notRecorded')}</DlRow>
        <DlRow label={t('catalogueAdmin.ente.admins')}>{formatNumber(ctx.locale, ente.admins)}</DlRow>
        <DlRow label={t('catalogueAdmin.ente.publicPage')}>
          {ente.status === 'active' ? <a href={paths.ente(ente.slug)}>{paths.ente(ente.slug)}</a> : t('catalogueAdmin.ente.notPublic')}
        </DlRow>
      </dl>

      <h2 class="h4 mt-5" id="cards-title">
        {t('catalogueAdmin.ente.cards')}
      </h2>
      <ul class="wemi-ca-counts" aria-labelledby="cards-title">
        {CARD_STATUSES.map((s) => (
          <li data-status={s}>
            <a href={cardsHref({ ente: ente.id, stato: s })}>
              {cardStatusLabel(ctx, s)}: {formatNumber(ctx.locale, ente.cards[s] ?? 0)}
            </a>
          </li>
        ))}
      </ul>
      <p>
        {t('catalogueAdmin.ente.pending', { n: formatNumber(ctx.locale, ente.pending) })} · <a href={cardsHref({ ente: ente.id })}>{t('catalogueAdmin.ente.allCards')}</a>
      </p>

      <h2 class="h4 mt-5">{t('catalogueAdmin.ente.actions')}</h2>
      {actions.length === 0 ? (
        <p>{ente.status === 'revoked' ? t('catalogueAdmin.ente.revokedNote') : t('catalogueAdmin.ente.draftNote')}</p>
      ) : (
        <ul class="list-unstyled d-flex flex-wrap gap-3">
          {actions.map((a) => (
            <li>
              <a class={a === 'reactivate' ? 'btn btn-primary' : a === 'revoke' ? 'btn btn-outline-danger' : 'btn btn-outline-primary'} href={cityPaths.enteAction(ente.id, a)}>
                {t(`catalogueAdmin.enteAction.${a}.button`)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </BackOfficeLayout>
  );
}

export function EnteActionPage(props: { ctx: PageContext; ente: EnteDetail; action: AdminOrgAction; allowed: boolean; form: FormState }): Html {
  const { ctx, ente, action, form } = props;
  const { t } = ctx;
  const title = t(`catalogueAdmin.enteAction.${action}.title`, { name: ente.name });
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[cityCrumb(ctx), entiCrumb(ctx), { href: cityPaths.ente(ente.id), label: ente.name }, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      {!props.allowed ? (
        <>
          <p class="lead" id="motivo">
            {t(`catalogueAdmin.enti.error.${action}`, { status: enteStatusLabel(ctx, ente.status) })}
          </p>
          <p>
            <a href={cityPaths.ente(ente.id)}>{t('catalogueAdmin.ente.back')}</a>
          </p>
        </>
      ) : (
        <>
          <p class="lead">{t(`catalogueAdmin.enteAction.${action}.lead`, { name: ente.name })}</p>
          <ul>
            <li>{t(`catalogueAdmin.enteAction.${action}.effect1`)}</li>
            <li>{t(`catalogueAdmin.enteAction.${action}.effect2`, { n: formatNumber(ctx.locale, ente.published) })}</li>
            <li>{t(`catalogueAdmin.enteAction.${action}.effect3`, { n: formatNumber(ctx.locale, ente.admins) })}</li>
          </ul>
          <PostForm ctx={ctx} action={cityPaths.enteAction(ente.id, action)}>
            <TextAreaField ctx={ctx} form={form} name="motivo" label={t('catalogueAdmin.enteAction.reason')} hint={t('catalogueAdmin.enteAction.reasonHint')} maxlength={REASON_MAX} required {...TEXTAREA} rows={4} />
            <FormActions submit={t(`catalogueAdmin.enteAction.${action}.submit`)} danger={action !== 'reactivate'} cancel={{ href: cityPaths.ente(ente.id), label: t('catalogueAdmin.cancel') }} />
          </PostForm>
        </>
      )}
    </BackOfficeLayout>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Cards

export interface CardsFilter {
  ente: string;
  categoria: string;
  stato: string;
  scadenza: string;
}

export interface CardsView {
  filter: CardsFilter;
  issues: FieldIssue[];
  items: CardListItem[];
  total: number;
  counts: Record<CardStatus, number>;
  page: number;
  pages: number;
  enti: { id: string; name: string }[];
  categories: TermOption[];
}

function PriceCell(props: { ctx: PageContext; card: CardListItem }): Html {
  const { ctx, card } = props;
  const { t } = ctx;
  if (card.offer_type !== 'paid') return <>{t('catalogueAdmin.cards.free')}</>;
  if (!card.price_covered) return <span class="wemi-ca-warn">{t('catalogueAdmin.cards.noValidList')}</span>;
  if (!card.price_until) return <>{t('catalogueAdmin.cards.openEnded')}</>;
  return <>{t('catalogueAdmin.cards.until', { date: formatDate(ctx.locale, card.price_until) })}</>;
}

export function CardsPage(props: { ctx: PageContext; roles: readonly Role[]; view: CardsView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const title = t('catalogueAdmin.cards.title');
  const form: FormState = { values: { ...view.filter }, issues: view.issues };
  const filtered = Boolean(view.filter.ente || view.filter.categoria || view.filter.stato || view.filter.scadenza);
  return (
    <BackOfficeLayout ctx={ctx} title={title} lead={t('catalogueAdmin.cards.lead')} crumbs={[cityCrumb(ctx), { label: title }]}>
      <CatalogueNav ctx={ctx} roles={props.roles} current="cards" />
      <ErrorSummary ctx={ctx} issues={view.issues} />
      <Filters ctx={ctx} action={cityPaths.cards()} filtered={filtered} column="col-12 col-md-6 col-xl-3">
        <SelectField ctx={ctx} form={form} name="ente" label={t('catalogueAdmin.cards.filter.ente')} empty={t('catalogueAdmin.filter.any')} options={view.enti.map((e) => ({ value: e.id, label: e.name }))} />
        <SelectField ctx={ctx} form={form} name="categoria" label={t('catalogueAdmin.filter.category')} empty={t('catalogueAdmin.filter.any')} options={view.categories.map((c) => ({ value: c.slug, label: termName(ctx, c) }))} />
        <SelectField ctx={ctx} form={form} name="stato" label={t('catalogueAdmin.cards.filter.status')} empty={t('catalogueAdmin.filter.any')} options={CARD_STATUSES.map((s) => ({ value: s, label: cardStatusLabel(ctx, s) }))} />
        <FilterText ctx={ctx} form={form} name="scadenza" type="text" label={t('catalogueAdmin.cards.filter.expiring')} hint={t('catalogueAdmin.cards.filter.expiringHint')} maxlength={3} />
      </Filters>
      <ByState
        ctx={ctx}
        title={countText(ctx, view.total, { zero: 'catalogueAdmin.cards.count.zero', one: 'catalogueAdmin.cards.count.one', other: 'catalogueAdmin.cards.count.other' })}
        statuses={CARD_STATUSES}
        counts={view.counts}
        label={(s) => cardStatusLabel(ctx, s)}
        current={view.filter.stato}
        href={(change) => cardsHref({ ...view.filter, ...change })}
        results={view}
        columns={[
          t('catalogueAdmin.cards.col.name'),
          t('catalogueAdmin.cards.col.ente'),
          t('catalogueAdmin.cards.col.type'),
          t('catalogueAdmin.cards.col.status'),
          t('catalogueAdmin.cards.col.priceList'),
          t('catalogueAdmin.cards.col.updated'),
        ]}
      >
        {view.items.map((c) => (
          <tr data-card={c.slug} data-status={c.status}>
            <th scope="row">
              <a href={cityPaths.card(c.id)}>{c.name}</a>
              {c.is_demo ? <DemoBadge ctx={ctx} /> : null}
              {c.status === 'published' && c.organization_status === 'active' ? (
                <a class="d-block small" href={paths.service(c.slug)}>
                  {t('catalogueAdmin.cards.publicPage')}
                  <span class="visually-hidden">: {c.name}</span>
                </a>
              ) : null}
            </th>
            <td>
              <a href={cityPaths.ente(c.organization_id)}>{c.organization_name}</a>
              {c.organization_status !== 'active' ? <span class="d-block small wemi-muted">{enteStatusLabel(ctx, c.organization_status)}</span> : null}
            </td>
            <td>
              {c.category_it ? `${termName(ctx, { name_it: c.category_it, name_en: c.category_en ?? '' })} › ` : ''}
              {termName(ctx, { name_it: c.type_it, name_en: c.type_en })}
            </td>
            <td>
              <Chip kind="card" state={c.status} label={cardStatusLabel(ctx, c.status)} />
              {c.pending_revision ? <span class="d-block small">{t('catalogueAdmin.cards.pendingRevision')}</span> : null}
            </td>
            <td>
              <PriceCell ctx={ctx} card={c} />
            </td>
            <td>{formatDate(ctx.locale, c.updated_at)}</td>
          </tr>
        ))}
      </ByState>
    </BackOfficeLayout>
  );
}
