import type { Html } from '../../lib/jsx/jsx-runtime';
import type { MessageKey } from '../../i18n/catalogue';
import { formatNumber } from '../../i18n/i18n';
import type { FieldIssue } from '../../lib/http/errors';
import type { PageContext } from '../../web/context';
import { BackOfficeLayout, cityCrumb, countText, DlRow, FilterForm, FilterText, FormActions, Notice, PostForm, ResultsTable } from '../../web/backoffice';
import { ErrorSummary } from '../../web/components';
import { SelectField, TextAreaField, type FormState } from '../../web/forms';
import { cityPaths, paths } from '../../web/paths';
import { fullName, SECTIONS, type ApplicationData, type Section } from './application.data';
import { actionsFrom, APPLICATION_STATUSES, isWithCity } from './application.state';
import {
  APP_TEXTAREA,
  ApplicationRecord,
  daysBetween,
  type ApplicationView,
  dueDate,
  isOverdue,
  formatDay,
  moment,
  sectionTitle,
  StatusChip,
  statusLabel,
  termName,
} from './applications.components';
import { ApplicationDiff } from './applications.diff';
import type { ApplicationRow, QueueItem, SubmissionRow, TermOption } from './applications.repository';
import { NOTE_MAX, officeLine, RESPONSE_DAYS, type FormOptions } from './applications.service';

// The City's side (permission 'city:enti'): the queue of applications with filters, waiting times and the 30-day
// standard; the page of one application with its data, documents, history and the decisions (take under review,
// request changes with notes per section, qualify and reject behind a confirmation step).

export const CITY_NOTICES = {
  'in-esame': 'applications.city.notice.review',
  'modifiche-richieste': 'applications.city.notice.changes',
  qualificata: 'applications.city.notice.qualified',
  respinta: 'applications.city.notice.rejected',
} as const satisfies Record<string, MessageKey>;
export type CityNoticeCode = keyof typeof CITY_NOTICES;

/** Status filter values: one status, or the ones the City has in hand. */
export const QUEUE_STATUS_FILTERS = ['open', ...APPLICATION_STATUSES.filter((s) => s !== 'draft')] as const;

const queueCrumb = (ctx: PageContext) => ({ href: cityPaths.applications(), label: ctx.t('applications.city.queue.title') });
/** Back to the application, from a decision's confirmation. */
const cancel = (ctx: PageContext, row: Pick<ApplicationRow, 'id'>) => ({ href: cityPaths.application(row.id), label: ctx.t('applications.cancel') });

export interface QueueFilterValues {
  q: string;
  stato: string;
  categoria: string;
}

export function queueHref(f: Partial<QueueFilterValues> & { page?: number }): string {
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  if (f.stato) params.set('stato', f.stato);
  if (f.categoria) params.set('categoria', f.categoria);
  if (f.page && f.page > 1) params.set('pagina', String(f.page));
  const s = params.toString();
  return s ? `${cityPaths.applications()}?${s}` : cityPaths.applications();
}

function Waiting(props: { ctx: PageContext; item: Pick<QueueItem, 'status' | 'submitted_at'>; now: Date }): Html {
  const { ctx, item } = props;
  const { t } = ctx;
  if (!item.submitted_at || !isWithCity(item.status)) {
    return <span class="wemi-muted">{item.status === 'changes_requested' ? t('applications.city.waiting.applicant') : '—'}</span>;
  }
  const days = daysBetween(item.submitted_at, props.now);
  const overdue = isOverdue(item.submitted_at, props.now);
  return (
    <span class={overdue ? 'wemi-app-overdue' : days > RESPONSE_DAYS - 5 ? 'wemi-app-due-soon' : undefined}>
      {t(days === 1 ? 'applications.city.waiting.day' : 'applications.city.waiting.days', { n: formatNumber(ctx.locale, days) })}
      <span class="d-block small">
        {overdue
          ? t('applications.city.waiting.overdue', { n: formatNumber(ctx.locale, Math.max(1, days - RESPONSE_DAYS)) })
          : t('applications.city.waiting.due', { date: formatDay(ctx, dueDate(item.submitted_at)) })}
      </span>
    </span>
  );
}

export function QueuePage(props: {
  ctx: PageContext;
  filter: QueueFilterValues;
  issues: FieldIssue[];
  categories: TermOption[];
  items: QueueItem[];
  total: number;
  page: number;
  pages: number;
  overdue: number;
  now: Date;
}): Html {
  const { ctx } = props;
  const { t } = ctx;
  const form: FormState = { values: { ...props.filter }, issues: props.issues };
  const filtered = Boolean(props.filter.q || props.filter.stato || props.filter.categoria);
  const title = t('applications.city.queue.title');
  return (
    <BackOfficeLayout ctx={ctx} title={title} lead={t('applications.city.queue.lead', { days: RESPONSE_DAYS })} crumbs={[cityCrumb(ctx), { label: title }]}>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <FilterForm
        action={cityPaths.applications()}
        title={t('applications.city.filter.title')}
        column="col-12 col-md-4"
        submit={t('applications.city.filter.apply')}
        reset={filtered ? { href: cityPaths.applications(), label: t('applications.city.filter.reset') } : undefined}
      >
        <FilterText ctx={ctx} form={form} name="q" label={t('applications.city.filter.text')} hint={t('applications.city.filter.textHint')} maxlength={100} />
        <SelectField
          ctx={ctx}
          form={form}
          name="stato"
          label={t('applications.city.filter.status')}
          empty={t('applications.city.filter.all')}
          options={QUEUE_STATUS_FILTERS.map((s) => ({ value: s, label: s === 'open' ? t('applications.city.filter.open') : statusLabel(ctx, s) }))}
        />
        <SelectField
          ctx={ctx}
          form={form}
          name="categoria"
          label={t('applications.city.filter.category')}
          empty={t('applications.city.filter.allCategories')}
          options={props.categories.map((c) => ({ value: c.code, label: termName(ctx, c) }))}
        />
      </FilterForm>
      <h2 class="h4" id="results-title">
        {countText(ctx, props.total, { zero: 'applications.city.results.zero', one: 'applications.city.results.one', other: 'applications.city.results.other' })}
      </h2>
      {props.overdue > 0 ? (
        <p class="wemi-app-overdue-summary">
          {t(props.overdue === 1 ? 'applications.city.overdue.one' : 'applications.city.overdue.other', { n: formatNumber(ctx.locale, props.overdue), days: RESPONSE_DAYS })}
        </p>
      ) : null}
      <ResultsTable
        ctx={ctx}
        results={props}
        empty={t('applications.city.results.empty')}
        href={(n) => queueHref({ ...props.filter, page: n })}
        labelledBy="results-title"
        class="wemi-bo-table wemi-app-queue"
        caption={t('applications.city.queue.caption', { page: props.page, pages: props.pages })}
        columns={[t('applications.city.col.ente'), t('applications.city.col.reference'), t('applications.city.col.status'), t('applications.city.col.submitted'), t('applications.city.col.waiting')]}
      >
        {props.items.map((a) => {
          const overdue = a.submitted_at !== null && isWithCity(a.status) && isOverdue(a.submitted_at, props.now);
          return (
            <tr class={overdue ? 'wemi-app-row-overdue' : undefined} data-application-id={a.id}>
              <th scope="row">
                <a href={cityPaths.application(a.id)}>{a.name || t('applications.noName')}</a>
                <span class="d-block small wemi-muted">{a.codice_fiscale}</span>
              </th>
              <td>{a.reference}</td>
              <td>
                <StatusChip ctx={ctx} status={a.status} />
              </td>
              <td>{a.first_submitted_at ? formatDay(ctx, a.first_submitted_at) : '—'}</td>
              <td>
                <Waiting ctx={ctx} item={a} now={props.now} />
              </td>
            </tr>
          );
        })}
      </ResultsTable>
    </BackOfficeLayout>
  );
}

// One application

export function CityApplicationPage(
  props: ApplicationView & {
    ctx: PageContext;
    notice?: CityNoticeCode | undefined;
    now: Date;
    /** The last two submissions (newest first), when the application was sent more than once. */
    submissions?: SubmissionRow[];
  },
): Html {
  const { ctx, row, data } = props;
  const { t } = ctx;
  const title = data.denominazione || t('applications.noName');
  const actions = actionsFrom(row.status, 'city');
  const id = row.id;
  const notes = row.section_notes ?? {};
  return (
    <BackOfficeLayout ctx={ctx} title={title} lead={t('applications.city.detail.lead', { reference: row.reference })} crumbs={[cityCrumb(ctx), queueCrumb(ctx), { label: row.reference }]}>
      <Notice text={props.notice ? t(CITY_NOTICES[props.notice]) : undefined} />
      <h2 class="h4">{t('applications.city.detail.status')}</h2>
      <dl class="wemi-dl">
        <DlRow label={t('applications.page.current')}>
          <StatusChip ctx={ctx} status={row.status} />
        </DlRow>
        <DlRow label={t('applications.city.detail.applicant')}>
          {fullName(row.applicant_given_name, row.applicant_family_name) || t('applications.details.none')}
          {row.applicant_email ? <span class="d-block wemi-break">{row.applicant_email}</span> : null}
          {row.applicant_fiscal_code ? <span class="d-block">{row.applicant_fiscal_code}</span> : null}
        </DlRow>
        <DlRow label={t('applications.page.firstSubmitted')}>{row.first_submitted_at ? moment(ctx, row.first_submitted_at) : '—'}</DlRow>
        {row.submitted_at && isWithCity(row.status) ? (
          <DlRow label={t('applications.city.col.waiting')}>
            <Waiting ctx={ctx} item={row} now={props.now} />
          </DlRow>
        ) : null}
        <DlRow label={t('applications.city.detail.office')}>{officeLine(data) || '—'}</DlRow>
        {row.status === 'qualified' && row.organization_slug ? (
          <DlRow label={t('applications.city.detail.organization')}>
            <a href={paths.ente(row.organization_slug)}>{row.organization_name ?? row.organization_slug}</a>
          </DlRow>
        ) : null}
        {row.status === 'rejected' && row.decision_reason ? (
          <DlRow label={t('applications.page.reason')}>
            <span class="wemi-app-prewrap">{row.decision_reason}</span>
          </DlRow>
        ) : null}
      </dl>

      {actions.length ? (
        <section class="wemi-app-decisions" aria-labelledby="decisions-title">
          <h2 class="h4" id="decisions-title">
            {t('applications.city.decisions.title')}
          </h2>
          {actions.includes('take_review') ? (
            <PostForm ctx={ctx} action={cityPaths.applicationReview(id)} class="mb-3">
              <p>{t('applications.city.decisions.reviewHint')}</p>
              <button type="submit" class="btn btn-primary">
                {t('applications.city.decisions.review')}
              </button>
            </PostForm>
          ) : null}
          {actions.includes('qualify') ? (
            <ul class="wemi-app-decision-list">
              <li>
                <a class="btn btn-primary" href={cityPaths.applicationQualify(id)}>
                  {t('applications.city.decisions.qualify')}
                </a>
              </li>
              <li>
                <a class="btn btn-outline-primary" href={cityPaths.applicationChanges(id)}>
                  {t('applications.city.decisions.changes')}
                </a>
              </li>
              <li>
                <a class="btn btn-outline-danger" href={cityPaths.applicationReject(id)}>
                  {t('applications.city.decisions.reject')}
                </a>
              </li>
            </ul>
          ) : null}
        </section>
      ) : row.status === 'changes_requested' ? (
        <p class="alert alert-info">{t('applications.city.decisions.waitingApplicant')}</p>
      ) : null}

      {props.submissions && props.submissions.length >= 2 ? (
        <ApplicationDiff
          ctx={ctx}
          current={props.submissions[0]!}
          previous={props.submissions[1]!}
          options={props.options}
          documentHref={(docId) => (props.documents.some((d) => d.id === docId) ? cityPaths.applicationDocument(id, docId) : undefined)}
        />
      ) : null}

      <ApplicationRecord ctx={ctx} record={props} documentHref={(d) => cityPaths.applicationDocument(id, d.id)} notes={row.status === 'changes_requested' ? (notes as Partial<Record<Section, string>>) : {}} showActors={true} />
      <p class="mt-4">
        <a href={cityPaths.applications()}>{t('applications.city.backToQueue')}</a>
      </p>
    </BackOfficeLayout>
  );
}

// Request changes

export function RequestChangesPage(props: { ctx: PageContext; row: ApplicationRow; data: ApplicationData; values: Partial<Record<Section, string>>; issues: FieldIssue[] }): Html {
  const { ctx, row } = props;
  const { t } = ctx;
  const title = t('applications.city.changes.title');
  const name = props.data.denominazione || t('applications.noName');
  const form: FormState = { values: {}, issues: props.issues };
  return (
    <BackOfficeLayout
      ctx={ctx}
      title={title}
      lead={t('applications.city.changes.lead', { name, reference: row.reference })}
      crumbs={[cityCrumb(ctx), queueCrumb(ctx), { href: cityPaths.application(row.id), label: row.reference }, { label: title }]}
    >
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <PostForm ctx={ctx} action={cityPaths.applicationChanges(row.id)}>
        <fieldset class="wemi-fieldset" aria-describedby="note_ente-hint-all">
          <legend class="wemi-field-label h5">{t('applications.city.changes.legend')}</legend>
          <p class="wemi-field-hint" id="note_ente-hint-all">
            {t('applications.city.changes.hint', { max: NOTE_MAX })}
          </p>
          {SECTIONS.map((s) => (
            <TextAreaField
              ctx={ctx}
              form={form}
              name={`nota_${s}`}
              label={t('applications.city.changes.noteFor', { section: sectionTitle(ctx, s) })}
              value={props.values[s] ?? ''}
              maxlength={NOTE_MAX}
              rows={3}
              {...APP_TEXTAREA}
            />
          ))}
        </fieldset>
        <FormActions submit={t('applications.city.changes.submit')} cancel={cancel(ctx, row)} />
      </PostForm>
    </BackOfficeLayout>
  );
}

// Qualify (confirmation)

export function QualifyPage(props: { ctx: PageContext; row: ApplicationRow; data: ApplicationData; options: FormOptions }): Html {
  const { ctx, row, data } = props;
  const { t } = ctx;
  const title = t('applications.city.qualify.title');
  const name = data.denominazione || t('applications.noName');
  const cats = data.categorie.map((c) => props.options.categories.find((o) => o.code === c)).filter((o): o is TermOption => o !== undefined);
  const muns = data.municipi.map((m) => props.options.municipi.find((o) => o.code === m)).filter((o): o is TermOption => o !== undefined);
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[cityCrumb(ctx), queueCrumb(ctx), { href: cityPaths.application(row.id), label: row.reference }, { label: title }]}>
      <p class="lead">{t('applications.city.qualify.lead', { name })}</p>
      <ul>
        <li>{t('applications.city.qualify.organization', { name })}</li>
        <li>
          {t('applications.city.qualify.categories')}: {cats.map((c) => termName(ctx, c)).join(', ')}
        </li>
        <li>
          {t('applications.city.qualify.municipi')}: {muns.map((m) => termName(ctx, m)).join(', ')}
        </li>
        <li>{t('applications.city.qualify.site', { address: officeLine(data) })}</li>
        <li>{t('applications.city.qualify.documents')}</li>
        <li>{t('applications.city.qualify.role', { name: fullName(row.applicant_given_name, row.applicant_family_name) || (row.applicant_email ?? '') })}</li>
      </ul>
      <PostForm ctx={ctx} action={cityPaths.applicationQualify(row.id)}>
        <FormActions submit={t('applications.city.qualify.submit')} cancel={cancel(ctx, row)} />
      </PostForm>
    </BackOfficeLayout>
  );
}

// Reject (reason and confirmation)

export function RejectPage(props: { ctx: PageContext; row: ApplicationRow; data: ApplicationData; reason: string; issues: FieldIssue[] }): Html {
  const { ctx, row } = props;
  const { t } = ctx;
  const title = t('applications.city.reject.title');
  const name = props.data.denominazione || t('applications.noName');
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[cityCrumb(ctx), queueCrumb(ctx), { href: cityPaths.application(row.id), label: row.reference }, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <p class="lead">{t('applications.city.reject.lead', { name, reference: row.reference })}</p>
      <PostForm ctx={ctx} action={cityPaths.applicationReject(row.id)}>
        <TextAreaField
          ctx={ctx}
          form={{ values: {}, issues: props.issues }}
          name="motivo"
          label={t('applications.city.reject.reason')}
          hint={t('applications.city.reject.reasonHint', { max: NOTE_MAX })}
          value={props.reason}
          maxlength={NOTE_MAX}
          required
          rows={6}
          {...APP_TEXTAREA}
        />
        <FormActions submit={t('applications.city.reject.submit')} danger cancel={cancel(ctx, row)} />
      </PostForm>
    </BackOfficeLayout>
  );
}
