import type { Html } from '../../lib/jsx/jsx-runtime';
import type { FieldIssue } from '../../lib/http/errors';
import type { PageContext } from '../../web/context';
import { BackOfficeLayout, ButtonLink, cityCrumb, countText, DataTable, FilterForm, FilterText, FormActions, Notice, PostForm, StateChip } from '../../web/backoffice';
import { ErrorSummary } from '../../web/components';
import { SelectField, TextAreaField, TextField, type FormState } from '../../web/forms';
import { cityPaths } from '../../web/paths';
import type { ConceptAdminRow } from './catalogue-admin.repository';
import { CONCEPT_LABEL_MAX, FORM_OF_KIND } from './concepts-admin.service';

// Pages of the concept dictionary of the search, in the taxonomy section: the list (with a filter), the form to
// add or edit a concept, the confirmation before deleting one. Without JavaScript: GET filter, forms that post.

export const CONCEPT_NOTICES = {
  'concetto-creato': 'catalogueAdmin.notice.conceptCreated',
  'concetto-modificato': 'catalogueAdmin.notice.conceptUpdated',
  'concetto-eliminato': 'catalogueAdmin.notice.conceptDeleted',
} as const;
export type ConceptNotice = keyof typeof CONCEPT_NOTICES;

export interface ConceptTarget {
  taxonomy: 'category' | 'service_type';
  code: string;
  name_it: string;
  name_en: string;
  parent: string | null;
  active: boolean;
}

const taxonomiesCrumb = (ctx: PageContext) => ({ href: cityPaths.taxonomies(), label: ctx.t('catalogueAdmin.taxonomies.title') });
const conceptsCrumb = (ctx: PageContext) => ({ href: cityPaths.concepts(), label: ctx.t('catalogueAdmin.concepts.title') });
const nameOf = (ctx: PageContext, x: { name_it: string; name_en: string }) => (ctx.locale === 'en' && x.name_en ? x.name_en : x.name_it);

export interface ConceptsView {
  concepts: ConceptAdminRow[];
  filter: { q: string; tipo: string };
  issues: FieldIssue[];
  notice: ConceptNotice | undefined;
  targets: ConceptTarget[];
}

export function conceptsHref(f: { q?: string; tipo?: string }): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.tipo) p.set('tipo', f.tipo);
  const s = p.toString();
  return s ? `${cityPaths.concepts()}?${s}` : cityPaths.concepts();
}

export function ConceptsPage(props: { ctx: PageContext; view: ConceptsView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const title = t('catalogueAdmin.concepts.title');
  const form: FormState = { values: { ...view.filter }, issues: view.issues };
  const filtered = Boolean(view.filter.q || view.filter.tipo);
  const targetName = new Map(view.targets.map((x) => [`${x.taxonomy}:${x.code}`, nameOf(ctx, x)]));
  return (
    <BackOfficeLayout ctx={ctx} title={title} lead={t('catalogueAdmin.concepts.lead')} crumbs={[cityCrumb(ctx), taxonomiesCrumb(ctx), { label: title }]}>
      <Notice text={view.notice ? t(CONCEPT_NOTICES[view.notice]) : undefined} />
      <ButtonLink href={cityPaths.conceptNew()}>{t('catalogueAdmin.concepts.new')}</ButtonLink>
      <ErrorSummary ctx={ctx} issues={view.issues} />
      <FilterForm
        action={cityPaths.concepts()}
        title={t('catalogueAdmin.filter.title')}
        column="col-12 col-md-6"
        submit={t('catalogueAdmin.filter.submit')}
        reset={filtered ? { href: cityPaths.concepts(), label: t('catalogueAdmin.filter.reset') } : undefined}
      >
        <FilterText ctx={ctx} form={form} name="q" label={t('catalogueAdmin.concepts.search')} maxlength={100} />
        <SelectField
          ctx={ctx}
          form={form}
          name="tipo"
          label={t('catalogueAdmin.concepts.kindFilter')}
          empty={t('catalogueAdmin.concepts.kindAll')}
          options={[
            { value: 'concetto', label: t('catalogueAdmin.concepts.kind.concept') },
            { value: 'ignora', label: t('catalogueAdmin.concepts.kind.ignore') },
          ]}
        />
      </FilterForm>
      <h2 class="h4" id="concepts-title">
        {countText(ctx, view.concepts.length, { zero: 'catalogueAdmin.concepts.count.zero', one: 'catalogueAdmin.concepts.count.one', other: 'catalogueAdmin.concepts.count.other' })}
      </h2>
      {view.concepts.length === 0 ? (
        <p>{t('catalogueAdmin.concepts.empty')}</p>
      ) : (
        <DataTable
          labelledBy="concepts-title"
          class="wemi-bo-table wemi-ca-concepts"
          caption={t('catalogueAdmin.concepts.caption')}
          columns={[t('catalogueAdmin.concepts.col.label'), t('catalogueAdmin.concepts.col.kind'), t('catalogueAdmin.concepts.col.terms'), t('catalogueAdmin.concepts.col.finds'), t('catalogueAdmin.concepts.col.actions')]}
        >
          {view.concepts.map((c) => (
            <tr data-concept={c.id}>
              <th scope="row">{c.label}</th>
              <td>
                <StateChip class={`wemi-ca-chip-concept-${c.kind}`} label={t(c.kind === 'concept' ? 'catalogueAdmin.concepts.kind.concept' : 'catalogueAdmin.concepts.kind.ignore')} />
              </td>
              <td>{c.terms.join(', ')}</td>
              <td>
                {c.related.length ? <span class="d-block">{c.related.join(', ')}</span> : null}
                {[...c.service_types.map((code) => targetName.get(`service_type:${code}`) ?? code), ...c.categories.map((code) => targetName.get(`category:${code}`) ?? code)].length ? (
                  <span class="d-block small wemi-muted">
                    {[...c.service_types.map((code) => targetName.get(`service_type:${code}`) ?? code), ...c.categories.map((code) => targetName.get(`category:${code}`) ?? code)].join(', ')}
                  </span>
                ) : null}
              </td>
              <td>
                <ul class="list-unstyled mb-0">
                  <li>
                    <a href={cityPaths.concept(c.id)} aria-label={t('catalogueAdmin.concepts.editLabel', { label: c.label })}>
                      {t('catalogueAdmin.concepts.edit')}
                    </a>
                  </li>
                  <li>
                    <a href={cityPaths.conceptDelete(c.id)} aria-label={t('catalogueAdmin.concepts.deleteLabel', { label: c.label })}>
                      {t('catalogueAdmin.concepts.delete')}
                    </a>
                  </li>
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </BackOfficeLayout>
  );
}

export interface ConceptFormView {
  concept: ConceptAdminRow | undefined;
  form: FormState;
  /** The service types and categories ticked. */
  types: string[];
  categories: string[];
  targets: ConceptTarget[];
}

/** The values of a concept as the form shows them. */
export function conceptFormValues(c: ConceptAdminRow): Record<string, string> {
  return { etichetta: c.label, tipo: FORM_OF_KIND[c.kind], termini: c.terms.join('\n'), correlati: c.related.join('\n') };
}

function Choices(props: { ctx: PageContext; form: FormState; name: string; legend: string; hint: string; options: ConceptTarget[]; checked: string[] }): Html {
  const { ctx } = props;
  const error = props.form.issues.find((i) => i.field === props.name)?.message;
  // Grouped under their parent: the section of a category, the category of a service type.
  const groups = new Map<string, ConceptTarget[]>();
  for (const o of props.options) groups.set(o.parent ?? '', [...(groups.get(o.parent ?? '') ?? []), o]);
  return (
    <fieldset class={`wemi-field wemi-ca-choices${error ? ' wemi-field-error' : ''}`} id={props.name} aria-describedby={`${props.name}-hint`}>
      <legend>{props.legend}</legend>
      <p class="form-text wemi-field-hint" id={`${props.name}-hint`}>
        {props.hint}
      </p>
      {error ? (
        <p class="wemi-field-error-message text-danger" id={`${props.name}-error`}>
          {error}
        </p>
      ) : null}
      {[...groups].map(([group, options]) => (
        <div class="wemi-ca-choice-group">
          {group ? <p class="fw-semibold mb-1 mt-2">{group}</p> : null}
          {options.map((o) => (
            <div class="form-check">
              <input class="form-check-input" type="checkbox" id={`${props.name}-${o.code}`} name={props.name} value={o.code} checked={props.checked.includes(o.code)} />
              <label class="form-check-label" for={`${props.name}-${o.code}`}>
                {nameOf(ctx, o)}
                {o.active ? '' : ` (${ctx.t('catalogueAdmin.terms.inactive')})`}
              </label>
            </div>
          ))}
        </div>
      ))}
    </fieldset>
  );
}

export function ConceptFormPage(props: { ctx: PageContext; view: ConceptFormView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const { concept, form } = view;
  const title = concept ? t('catalogueAdmin.concept.editTitle', { label: concept.label }) : t('catalogueAdmin.concept.newTitle');
  const kind = form.values.tipo ?? 'concetto';
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[cityCrumb(ctx), taxonomiesCrumb(ctx), conceptsCrumb(ctx), { label: title }]}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <PostForm ctx={ctx} action={concept ? cityPaths.concept(concept.id) : cityPaths.conceptNew()}>
        <TextField ctx={ctx} form={form} name="etichetta" label={t('catalogueAdmin.concept.field.label')} hint={t('catalogueAdmin.concept.field.labelHint')} maxlength={CONCEPT_LABEL_MAX} required />
        <fieldset class="wemi-field" id="tipo">
          <legend>{t('catalogueAdmin.concept.field.kind')}</legend>
          {(['concetto', 'ignora'] as const).map((k) => (
            <div class="form-check">
              <input class="form-check-input" type="radio" name="tipo" id={`tipo-${k}`} value={k} checked={kind === k} />
              <label class="form-check-label" for={`tipo-${k}`}>
                {t(k === 'concetto' ? 'catalogueAdmin.concept.field.kindConcept' : 'catalogueAdmin.concept.field.kindIgnore')}
              </label>
            </div>
          ))}
        </fieldset>
        <TextAreaField ctx={ctx} form={form} name="termini" label={t('catalogueAdmin.concept.field.terms')} hint={t('catalogueAdmin.concept.field.termsHint')} rows={4} required />
        <TextAreaField ctx={ctx} form={form} name="correlati" label={t('catalogueAdmin.concept.field.related')} hint={t('catalogueAdmin.concept.field.relatedHint')} rows={3} />
        <Choices
          ctx={ctx}
          form={form}
          name="categorie"
          legend={t('catalogueAdmin.concept.field.categories')}
          hint={t('catalogueAdmin.concept.field.categoriesHint')}
          options={view.targets.filter((x) => x.taxonomy === 'category')}
          checked={view.categories}
        />
        <Choices
          ctx={ctx}
          form={form}
          name="tipi"
          legend={t('catalogueAdmin.concept.field.types')}
          hint={t('catalogueAdmin.concept.field.typesHint')}
          options={view.targets.filter((x) => x.taxonomy === 'service_type')}
          checked={view.types}
        />
        <FormActions submit={concept ? t('catalogueAdmin.concept.save') : t('catalogueAdmin.concept.create')} cancel={{ href: cityPaths.concepts(), label: t('catalogueAdmin.cancel') }} />
      </PostForm>
    </BackOfficeLayout>
  );
}

export function ConceptDeletePage(props: { ctx: PageContext; concept: ConceptAdminRow }): Html {
  const { ctx, concept } = props;
  const { t } = ctx;
  const title = t('catalogueAdmin.concept.deleteTitle', { label: concept.label });
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[cityCrumb(ctx), taxonomiesCrumb(ctx), conceptsCrumb(ctx), { label: title }]}>
      <p class="lead">{t('catalogueAdmin.concept.deleteLead')}</p>
      <p>
        <strong>{t('catalogueAdmin.concepts.col.terms')}:</strong> {concept.terms.join(', ')}
      </p>
      <PostForm ctx={ctx} action={cityPaths.conceptDelete(concept.id)}>
        <FormActions submit={t('catalogueAdmin.concept.deleteSubmit')} danger cancel={{ href: cityPaths.concepts(), label: t('catalogueAdmin.cancel') }} />
      </PostForm>
    </BackOfficeLayout>
  );
}
