import type { Html } from '../../lib/jsx/jsx-runtime';
import { formatDate, formatNumber } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/catalogue';
import type { FieldIssue } from '../../lib/http/errors';
import type { PageContext } from '../../web/context';
import { BackOfficeLayout, cityCrumb, DlRow, FilterForm, FormActions, PostForm, ResultsTable } from '../../web/backoffice';
import { ErrorSummary } from '../../web/components';
import { SelectField, TextAreaField, type FormState } from '../../web/forms';
import { cityPaths, paths } from '../../web/paths';
import { CARD_SECTIONS, type CardSection, type DiffSection } from './card-data';
import { CardNotice, CityNote, DiffView, HistoryTable, RevisionChip, ServiceStatusChip, type Names } from './cards.components';
import type { CardRow, QueueItem, RevisionRow } from './service-cards.repository';

// Pages of the City back office on service cards: the queue of revisions waiting for validation (filters,
// waiting time against the standard, overdue highlighted, pagination), a revision (diff against the published
// version, preview, history, decisions) and the two decisions (approve, send back with notes per section).

const has = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';
const loc = (ctx: PageContext, it: string | null, en: string | null) => (ctx.locale === 'en' && en ? en : (it ?? ''));

export const queueCrumb = (ctx: PageContext) => ({ href: cityPaths.revisions(), label: ctx.t('cards.queue.title') });

export interface QueueFilterValues {
  ente: string;
  categoria: string;
  tipo: string;
}

export function queueHref(f: Partial<QueueFilterValues> & { page?: number }): string {
  const params = new URLSearchParams();
  if (f.ente) params.set('ente', f.ente);
  if (f.categoria) params.set('categoria', f.categoria);
  if (f.tipo) params.set('tipo', f.tipo);
  if (f.page && f.page > 1) params.set('pagina', String(f.page));
  const s = params.toString();
  return s ? `${cityPaths.revisions()}?${s}` : cityPaths.revisions();
}

export interface QueueView {
  filter: QueueFilterValues;
  issues: FieldIssue[];
  items: QueueItem[];
  total: number;
  overdue: number;
  page: number;
  pages: number;
  standardDays: number;
  enti: { id: string; name: string }[];
  categories: { id: string; name_it: string; name_en: string }[];
}

function waitingLabel(ctx: PageContext, days: number): string {
  if (days === 0) return ctx.t('cards.queue.today');
  return days === 1 ? ctx.t('cards.queue.dayOne') : ctx.t('cards.queue.days', { n: formatNumber(ctx.locale, days) });
}

export function QueuePage(props: { ctx: PageContext; view: QueueView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const filtered = Boolean(view.filter.ente || view.filter.categoria || view.filter.tipo);
  const form: FormState = { values: { ...view.filter }, issues: view.issues };
  const all = t('cards.queue.filter.all');
  return (
    <BackOfficeLayout ctx={ctx} title={t('cards.queue.title')} lead={t('cards.queue.lead', { days: view.standardDays })} crumbs={[cityCrumb(ctx), { label: t('cards.queue.title') }]}>
      <ErrorSummary ctx={ctx} issues={view.issues} />
      <FilterForm
        action={cityPaths.revisions()}
        title={t('cards.queue.filter.title')}
        column="col-12 col-md-4"
        submit={t('cards.queue.filter.apply')}
        reset={filtered ? { href: cityPaths.revisions(), label: t('cards.queue.filter.reset') } : undefined}
      >
        <SelectField ctx={ctx} form={form} name="ente" label={t('cards.queue.filter.ente')} empty={all} options={view.enti.map((e) => ({ value: e.id, label: e.name }))} />
        <SelectField ctx={ctx} form={form} name="categoria" label={t('cards.queue.filter.category')} empty={all} options={view.categories.map((c) => ({ value: c.id, label: loc(ctx, c.name_it, c.name_en) }))} />
        <SelectField
          ctx={ctx}
          form={form}
          name="tipo"
          label={t('cards.queue.filter.kind')}
          empty={all}
          options={[
            { value: 'nuova', label: t('cards.queue.kind.new') },
            { value: 'modifica', label: t('cards.queue.kind.change') },
          ]}
        />
      </FilterForm>
      <h2 class="h4" id="coda-title">
        {view.total === 1 ? t('cards.queue.countOne') : t('cards.queue.count', { n: formatNumber(ctx.locale, view.total) })}
      </h2>
      {view.overdue > 0 ? (
        <p class="wemi-card-overdue-summary">
          <strong>{view.overdue === 1 ? t('cards.queue.overdueOne', { days: view.standardDays }) : t('cards.queue.overdue', { n: view.overdue, days: view.standardDays })}</strong>
        </p>
      ) : null}
      <ResultsTable
        ctx={ctx}
        results={view}
        empty={t('cards.queue.empty')}
        href={(n) => queueHref({ ...view.filter, page: n })}
        labelledBy="coda-title"
        class="wemi-bo-table wemi-card-queue"
        caption={t('cards.queue.caption', { page: view.page, pages: view.pages })}
        columns={[t('cards.queue.col.card'), t('cards.queue.col.ente'), t('cards.queue.col.category'), t('cards.queue.col.kind'), t('cards.queue.col.submitted'), t('cards.queue.col.waiting')]}
      >
        {view.items.map((r) => {
          const overdue = r.waiting_days > view.standardDays;
          return (
            <tr class={overdue ? 'wemi-card-overdue' : undefined} data-revision-id={r.id}>
              <th scope="row">
                <a href={cityPaths.revision(r.id)}>{has(r.revision_name) ? r.revision_name : r.service_name}</a>
                <span class="d-block small">
                  {loc(ctx, r.type_name_it, r.type_name_en)} · {t('cards.history.revision', { n: r.number })}
                </span>
              </th>
              <td>{r.org_name}</td>
              <td>{loc(ctx, r.cat_name_it, r.cat_name_en)}</td>
              <td>{t(r.is_new ? 'cards.queue.kind.new' : 'cards.queue.kind.change')}</td>
              <td>{formatDate(ctx.locale, r.submitted_at)}</td>
              <td>
                {waitingLabel(ctx, r.waiting_days)}
                {overdue ? <span class="d-block wemi-chip wemi-card-chip-overdue">{t('cards.queue.late')}</span> : null}
              </td>
            </tr>
          );
        })}
      </ResultsTable>
    </BackOfficeLayout>
  );
}

// A revision

export interface CityRevisionView {
  card: CardRow;
  revision: RevisionRow;
  revisions: RevisionRow[];
  isNew: boolean;
  diff: DiffSection[];
  names: Names;
  waitingDays: number | null;
  standardDays: number;
  notice: string | undefined;
  name: string;
  /** What the revision, sent again after a request for changes, changed since its previous submission. */
  resubmission?: { sections: DiffSection[]; names: Names; current: Date; previous: Date } | undefined;
}

export function CityRevisionPage(props: { ctx: PageContext; view: CityRevisionView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const { card, revision } = view;
  const isPublic = card.status === 'published' && card.org_status === 'active';
  const overdue = view.waitingDays !== null && view.waitingDays > view.standardDays;
  const notes = CARD_SECTIONS.filter((s) => has(revision.section_notes[s]));
  return (
    <BackOfficeLayout
      ctx={ctx}
      title={view.name}
      lead={t(view.isNew ? 'cards.city.leadNew' : 'cards.city.leadChange', { ente: card.org_name, n: revision.number })}
      crumbs={[cityCrumb(ctx), queueCrumb(ctx), { label: view.name }]}
    >
      <CardNotice ctx={ctx} notice={view.notice} />
      <dl class="wemi-dl">
        <DlRow label={t('cards.city.ente')}>{card.org_name}</DlRow>
        <DlRow label={t('cards.card.category')}>
          {loc(ctx, card.cat_name_it, card.cat_name_en)} · {loc(ctx, card.type_name_it, card.type_name_en)}
        </DlRow>
        <DlRow label={t('cards.city.status')}>
          <RevisionChip ctx={ctx} status={revision.status} />
        </DlRow>
        <DlRow label={t('cards.card.public')}>
          <ServiceStatusChip ctx={ctx} status={card.status} />
          {isPublic ? (
            <span class="d-block mt-1">
              <a href={paths.service(card.slug)}>{t('cards.city.publicLink')}</a>
            </span>
          ) : null}
        </DlRow>
        {revision.submitted_at ? <DlRow label={t('cards.city.submitted')}>{formatDate(ctx.locale, revision.submitted_at)}</DlRow> : null}
        {revision.status === 'submitted' && view.waitingDays !== null ? (
          <DlRow label={t('cards.city.waiting')}>
            <span class={overdue ? 'wemi-card-late' : undefined}>
              {waitingLabel(ctx, view.waitingDays)} {overdue ? `(${t('cards.queue.late')})` : ''}
            </span>
            <span class="d-block small">{t('cards.city.standard', { days: view.standardDays })}</span>
          </DlRow>
        ) : null}
      </dl>
      <ul class="list-unstyled d-flex flex-wrap gap-3 align-items-center wemi-card-actions">
        <li>
          <a class="btn btn-outline-primary" href={cityPaths.revisionPreview(revision.id)}>
            {t('cards.city.preview')}
          </a>
        </li>
        {revision.status === 'submitted' ? (
          <>
            <li>
              <a class="btn btn-primary" href={cityPaths.revisionApprove(revision.id)}>
                {t('cards.city.approve')}
              </a>
            </li>
            <li>
              <a class="btn btn-outline-danger" href={cityPaths.revisionChanges(revision.id)}>
                {t('cards.city.requestChanges')}
              </a>
            </li>
          </>
        ) : null}
      </ul>
      {revision.status !== 'submitted' ? <p>{t('cards.city.noDecision', { status: t(`cards.revisionStatus.${revision.status}` as MessageKey) })}</p> : null}

      {view.resubmission ? (
        <section class="mt-4" aria-labelledby="reinvio-title" id="reinvio">
          <h2 class="h4" id="reinvio-title">
            {t('cards.city.resubmission')}
          </h2>
          <p>{t('cards.city.resubmissionLead', { current: formatDate(ctx.locale, view.resubmission.current), previous: formatDate(ctx.locale, view.resubmission.previous) })}</p>
          <DiffView
            ctx={ctx}
            sections={view.resubmission.sections}
            names={view.resubmission.names}
            isNew={false}
            idPrefix="reinvio"
            rowAttribute="data-diff-field"
            labels={{ before: t('cards.diff.previousBefore'), after: t('cards.diff.previousAfter'), nothing: t('cards.diff.previousNothing') }}
          />
        </section>
      ) : null}

      <h2 class="h4 mt-4">{t(view.isNew ? 'cards.city.contentNew' : 'cards.city.changes')}</h2>
      <DiffView ctx={ctx} sections={view.diff} names={view.names} isNew={view.isNew} />

      {has(revision.decision_note) || notes.length ? (
        <>
          <h2 class="h4 mt-4">{t(revision.status === 'submitted' ? 'cards.city.previousNotes' : 'cards.city.notes')}</h2>
          {has(revision.decision_note) ? <CityNote ctx={ctx} title={t('cards.notes.general')} note={revision.decision_note} /> : null}
          {notes.map((s) => (
            <CityNote ctx={ctx} title={t(`cards.section.${s}` as MessageKey)} note={revision.section_notes[s]!} />
          ))}
        </>
      ) : null}
      <HistoryTable ctx={ctx} revisions={view.revisions} currentId={revision.id} link={(r) => cityPaths.revision(r.id)} />
    </BackOfficeLayout>
  );
}

// Decisions

export function ApprovePage(props: { ctx: PageContext; name: string; card: CardRow; revision: RevisionRow; issues: FieldIssue[]; note: string; isNew: boolean }): Html {
  const { ctx, revision } = props;
  const { t } = ctx;
  const title = t('cards.approve.title');
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[cityCrumb(ctx), queueCrumb(ctx), { href: cityPaths.revision(revision.id), label: props.name }, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <p class="lead">{t(props.isNew ? 'cards.approve.leadNew' : 'cards.approve.leadChange', { name: props.name, ente: props.card.org_name, n: revision.number })}</p>
      <PostForm ctx={ctx} action={cityPaths.revisionApprove(revision.id)}>
        <TextAreaField ctx={ctx} form={{ values: {}, issues: props.issues }} name="nota" label={t('cards.approve.note')} hint={t('cards.approve.noteHint')} value={props.note} rows={3} />
        <FormActions submit={t('cards.approve.confirm')} cancel={{ href: cityPaths.revision(revision.id), label: t('cards.cancel') }} />
      </PostForm>
    </BackOfficeLayout>
  );
}

export function RequestChangesPage(props: {
  ctx: PageContext;
  name: string;
  revision: RevisionRow;
  issues: FieldIssue[];
  values: Partial<Record<CardSection | 'generale', string>>;
  changedFields: Partial<Record<CardSection, string[]>>;
}): Html {
  const { ctx, revision, issues } = props;
  const { t } = ctx;
  const title = t('cards.changes.title');
  const form: FormState = { values: props.values, issues };
  const field = (name: CardSection | 'generale', label: string, hint: string | undefined) => <TextAreaField ctx={ctx} form={form} name={name} label={label} hint={hint} rows={3} />;
  return (
    <BackOfficeLayout ctx={ctx} title={title} lead={t('cards.changes.lead', { name: props.name, n: revision.number })} crumbs={[cityCrumb(ctx), queueCrumb(ctx), { href: cityPaths.revision(revision.id), label: props.name }, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={issues} />
      <PostForm ctx={ctx} action={cityPaths.revisionChanges(revision.id)}>
        {field('generale', t('cards.changes.general'), t('cards.changes.generalHint'))}
        <fieldset class="wemi-fieldset">
          <legend class="wemi-field-label">{t('cards.changes.sections')}</legend>
          {CARD_SECTIONS.map((s) => {
            const changed = props.changedFields[s];
            return field(s, t(`cards.section.${s}` as MessageKey), changed?.length ? t('cards.changes.changedFields', { fields: changed.join(', ') }) : undefined);
          })}
        </fieldset>
        <FormActions submit={t('cards.changes.confirm')} danger cancel={{ href: cityPaths.revision(revision.id), label: t('cards.cancel') }} />
      </PostForm>
    </BackOfficeLayout>
  );
}
