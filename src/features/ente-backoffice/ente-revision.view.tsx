import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import { formatDate, formatNumber } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/catalogue';
import type { FieldIssue } from '../../lib/http/errors';
import type { PageContext } from '../../web/context';
import { BackOfficeLayout, cityCrumb, DataTable, DlRow, FilterForm, FormActions, Notice, PostForm, ResultsTable, StateChip } from '../../web/backoffice';
import { ErrorSummary } from '../../web/components';
import { FieldDiff, type DiffGroup } from '../../web/diff';
import { SelectField, TextAreaField, type FormState } from '../../web/forms';
import { cityPaths, entePaths, paths } from '../../web/paths';
import { changedFacts, FACT_LABELS, FACT_SECTIONS, factValue, readFacts, type FactField, type PublicFacts } from './ente-facts';
import type { EnteQueueItem, EnteRevisionRow, EnteRevisionStatus } from './ente-revision.repository';
import { NOTE_MAX } from './ente-revision.service';

// Pages of the City on the requests of enti to change the public facts of their card: the queue (waiting time
// against the standard, the oldest first), one request (what it changes against the published card, and against
// the previous submission when it was sent again), approve and send back. And the block the ente sees on its
// card page while a request waits ("In attesa di validazione", the values asked, the City's note).

export const ENTE_REVIEW_NOTICES = {
  approvata: 'enteReview.notice.approved',
  rinviata: 'enteReview.notice.sentBack',
} as const satisfies Record<string, MessageKey>;
export type EnteReviewNotice = keyof typeof ENTE_REVIEW_NOTICES;

/** Status filters of the queue: '' is the requests waiting for the City. */
export const QUEUE_FILTERS = ['changes_requested', 'approved', 'withdrawn'] as const satisfies readonly EnteRevisionStatus[];

const queueCrumb = (ctx: PageContext) => ({ href: cityPaths.enteRevisions(), label: ctx.t('enteReview.queue.title') });

export function EnteRevisionChip(props: { ctx: PageContext; status: EnteRevisionStatus }): Html {
  return <StateChip class={`wemi-ente-review-chip wemi-ente-review-${props.status}`} label={props.ctx.t(`enteReview.status.${props.status}`)} />;
}

const multiline = (v: string): Child => (v ? <span class="wemi-ente-multiline">{v}</span> : '');

/** One fact, readable (long texts keep their paragraphs; addresses can break anywhere). */
function factView(f: PublicFacts, field: FactField): Child {
  const v = factValue(f, field);
  if (field === 'description_it' || field === 'description_en' || field === 'first_contact_hours') return multiline(v);
  if (field === 'name') return v;
  return v ? <span class="wemi-break">{v}</span> : '';
}

/** The facts compared, by the card form's sections: the changed ones with their old values, the others collapsed. */
export function factsDiffGroups(ctx: PageContext, before: PublicFacts, after: PublicFacts): DiffGroup[] {
  const changed = new Set(changedFacts(before, after));
  return FACT_SECTIONS.map((s) => ({
    key: s.key,
    title: ctx.t(s.title),
    changes: s.fields.filter((f) => changed.has(f)).map((f) => ({ key: f, label: ctx.t(FACT_LABELS[f]), before: factView(before, f), after: factView(after, f) })),
    unchanged: s.fields.map((f) => ({ label: ctx.t(FACT_LABELS[f]), value: factView(after, f) })),
  }));
}

function waitingLabel(ctx: PageContext, days: number): string {
  if (days === 0) return ctx.t('cards.queue.today');
  return days === 1 ? ctx.t('cards.queue.dayOne') : ctx.t('cards.queue.days', { n: formatNumber(ctx.locale, days) });
}

const fieldNames = (ctx: PageContext, fields: readonly FactField[]) => fields.map((f) => ctx.t(FACT_LABELS[f])).join(', ');

// The queue

export interface EnteQueueView {
  filter: { stato: string };
  issues: FieldIssue[];
  items: (EnteQueueItem & { fields: FactField[] })[];
  total: number;
  overdue: number;
  page: number;
  pages: number;
  standardDays: number;
}

export function enteQueueHref(f: { stato?: string; page?: number }): string {
  const params = new URLSearchParams();
  if (f.stato) params.set('stato', f.stato);
  if (f.page && f.page > 1) params.set('pagina', String(f.page));
  const s = params.toString();
  return s ? `${cityPaths.enteRevisions()}?${s}` : cityPaths.enteRevisions();
}

export function EnteQueuePage(props: { ctx: PageContext; view: EnteQueueView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const form: FormState = { values: { ...view.filter }, issues: view.issues };
  const title = t('enteReview.queue.title');
  return (
    <BackOfficeLayout ctx={ctx} title={title} lead={t('enteReview.queue.lead', { days: view.standardDays })} crumbs={[cityCrumb(ctx), { label: title }]}>
      <ErrorSummary ctx={ctx} issues={view.issues} />
      <FilterForm
        action={cityPaths.enteRevisions()}
        title={t('enteReview.queue.filter.title')}
        column="col-12 col-md-6"
        submit={t('enteReview.queue.filter.apply')}
        reset={view.filter.stato ? { href: cityPaths.enteRevisions(), label: t('enteReview.queue.filter.reset') } : undefined}
      >
        <SelectField
          ctx={ctx}
          form={form}
          name="stato"
          label={t('enteReview.queue.filter.status')}
          empty={t('enteReview.queue.filter.waiting')}
          options={QUEUE_FILTERS.map((s) => ({ value: s, label: t(`enteReview.status.${s}`) }))}
        />
      </FilterForm>
      <h2 class="h4" id="coda-enti-title">
        {view.total === 1 ? t('enteReview.queue.countOne') : t('enteReview.queue.count', { n: formatNumber(ctx.locale, view.total) })}
      </h2>
      {view.overdue > 0 ? (
        <p class="wemi-card-overdue-summary">
          <strong>{view.overdue === 1 ? t('cards.queue.overdueOne', { days: view.standardDays }) : t('cards.queue.overdue', { n: view.overdue, days: view.standardDays })}</strong>
        </p>
      ) : null}
      <ResultsTable
        ctx={ctx}
        results={view}
        empty={t(view.filter.stato ? 'enteReview.queue.emptyFiltered' : 'enteReview.queue.empty')}
        href={(n) => enteQueueHref({ ...view.filter, page: n })}
        labelledBy="coda-enti-title"
        class="wemi-bo-table wemi-card-queue"
        caption={t('enteReview.queue.caption', { page: view.page, pages: view.pages })}
        columns={[t('enteReview.queue.col.ente'), t('enteReview.queue.col.fields'), t('enteReview.queue.col.status'), t('enteReview.queue.col.submitted'), t('enteReview.queue.col.waiting')]}
      >
        {view.items.map((r) => {
          const overdue = r.status === 'submitted' && r.waiting_days > view.standardDays;
          return (
            <tr class={overdue ? 'wemi-card-overdue' : undefined} data-ente-revision-id={r.id}>
              <th scope="row">
                <a href={cityPaths.enteRevision(r.id)}>{r.org_name}</a>
                <span class="d-block small">{t('enteReview.number', { n: r.number })}</span>
              </th>
              <td>{fieldNames(ctx, r.fields) || '—'}</td>
              <td>
                <EnteRevisionChip ctx={ctx} status={r.status} />
              </td>
              <td>{formatDate(ctx.locale, r.submitted_at)}</td>
              <td>
                {r.status === 'submitted' ? waitingLabel(ctx, r.waiting_days) : '—'}
                {overdue ? <span class="d-block wemi-chip wemi-card-chip-overdue">{t('cards.queue.late')}</span> : null}
              </td>
            </tr>
          );
        })}
      </ResultsTable>
    </BackOfficeLayout>
  );
}

// One request

export interface EnteRevisionView {
  revision: EnteRevisionRow;
  /** The facts the public reads now. */
  published: PublicFacts;
  history: EnteRevisionRow[];
  waitingDays: number;
  standardDays: number;
  notice: EnteReviewNotice | undefined;
}

export function EnteRevisionPage(props: { ctx: PageContext; view: EnteRevisionView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const r = view.revision;
  const asked = readFacts(r.data);
  const waiting = r.status === 'submitted';
  const open = waiting || r.status === 'changes_requested';
  const overdue = waiting && view.waitingDays > view.standardDays;
  return (
    <BackOfficeLayout ctx={ctx} title={r.org_name} lead={t('enteReview.detail.lead', { n: r.number })} crumbs={[cityCrumb(ctx), queueCrumb(ctx), { label: r.org_name }]}>
      <Notice text={view.notice ? t(ENTE_REVIEW_NOTICES[view.notice]) : undefined} />
      <dl class="wemi-dl">
        <DlRow label={t('enteReview.detail.status')}>
          <EnteRevisionChip ctx={ctx} status={r.status} />
        </DlRow>
        <DlRow label={t('enteReview.detail.ente')}>
          {r.org_status === 'active' ? <a href={paths.ente(r.org_slug)}>{t('enteReview.detail.publicPage', { name: r.org_name })}</a> : r.org_name}
        </DlRow>
        <DlRow label={t('enteReview.detail.submitted')}>
          {formatDate(ctx.locale, r.submitted_at)}
          {r.creator_name ? ` · ${r.creator_name}` : ''}
        </DlRow>
        {waiting ? (
          <DlRow label={t('cards.city.waiting')}>
            <span class={overdue ? 'wemi-card-late' : undefined}>
              {waitingLabel(ctx, view.waitingDays)} {overdue ? `(${t('cards.queue.late')})` : ''}
            </span>
            <span class="d-block small">{t('cards.city.standard', { days: view.standardDays })}</span>
          </DlRow>
        ) : null}
        {r.decision_note ? (
          <DlRow label={t(waiting ? 'enteReview.detail.previousNote' : 'enteReview.detail.note')}>
            <span class="wemi-ente-multiline">{r.decision_note}</span>
          </DlRow>
        ) : null}
      </dl>
      {waiting ? (
        <ul class="list-unstyled d-flex flex-wrap gap-3 align-items-center wemi-card-actions">
          <li>
            <a class="btn btn-primary" href={cityPaths.enteRevisionApprove(r.id)}>
              {t('enteReview.detail.approve')}
            </a>
          </li>
          <li>
            <a class="btn btn-outline-danger" href={cityPaths.enteRevisionChanges(r.id)}>
              {t('enteReview.detail.sendBack')}
            </a>
          </li>
        </ul>
      ) : (
        <p>{t('enteReview.detail.noDecision', { status: t(`enteReview.status.${r.status}`) })}</p>
      )}

      {r.previous_data && open ? (
        <section class="mt-4" aria-labelledby="reinvio-title">
          <h2 class="h4" id="reinvio-title">
            {t('enteReview.detail.sincePrevious')}
          </h2>
          <FieldDiff
            ctx={ctx}
            idPrefix="reinvio"
            groups={factsDiffGroups(ctx, readFacts(r.previous_data), asked).map((g) => ({ ...g, unchanged: [] }))}
            columns={{ field: t('diff.field'), before: t('enteReview.col.previous'), after: t('enteReview.col.asked') }}
            nothing={t('enteReview.detail.nothingPrevious')}
          />
        </section>
      ) : null}

      <section class="mt-4" aria-labelledby="modifiche-title">
        <h2 class="h4" id="modifiche-title">
          {t(open ? 'enteReview.detail.changes' : 'enteReview.detail.asked')}
        </h2>
        {open ? (
          <FieldDiff
            ctx={ctx}
            idPrefix="modifiche"
            groups={factsDiffGroups(ctx, view.published, asked)}
            columns={{ field: t('diff.field'), before: t('enteReview.col.published'), after: t('enteReview.col.asked') }}
            nothing={t('enteReview.detail.nothing')}
          />
        ) : (
          <FieldDiff ctx={ctx} idPrefix="modifiche" mode="values" groups={factsDiffGroups(ctx, readFacts({}), asked).map((g) => ({ ...g, unchanged: [] }))} />
        )}
      </section>

      <h2 class="h4 mt-5" id="storia-title">
        {t('enteReview.history.title')}
      </h2>
      <DataTable
        labelledBy="storia-title"
        caption={t('enteReview.history.caption', { name: r.org_name })}
        columns={[t('enteReview.history.number'), t('enteReview.detail.status'), t('enteReview.detail.submitted'), t('cards.history.decided'), t('enteReview.detail.note')]}
      >
        {view.history.map((h) => (
          <tr class={h.id === r.id ? 'wemi-current-row' : undefined}>
            <th scope="row">
              {h.id === r.id ? t('enteReview.number', { n: h.number }) : <a href={cityPaths.enteRevision(h.id)}>{t('enteReview.number', { n: h.number })}</a>}
            </th>
            <td>
              <EnteRevisionChip ctx={ctx} status={h.status} />
            </td>
            <td>{formatDate(ctx.locale, h.submitted_at)}</td>
            <td>
              {h.decided_at ? formatDate(ctx.locale, h.decided_at) : '—'}
              {h.decider_name ? <span class="d-block small">{h.decider_name}</span> : null}
            </td>
            <td class="wemi-break">{h.decision_note ?? ''}</td>
          </tr>
        ))}
      </DataTable>
      <p class="mt-4">
        <a href={cityPaths.enteRevisions()}>{t('enteReview.backToQueue')}</a>
      </p>
    </BackOfficeLayout>
  );
}

// Decisions

const decisionCrumbs = (ctx: PageContext, r: EnteRevisionRow, title: string) => [cityCrumb(ctx), queueCrumb(ctx), { href: cityPaths.enteRevision(r.id), label: r.org_name }, { label: title }];
const cancel = (ctx: PageContext, r: EnteRevisionRow) => ({ href: cityPaths.enteRevision(r.id), label: ctx.t('enteCard.cancel') });

export function EnteApprovePage(props: { ctx: PageContext; revision: EnteRevisionRow; fields: FactField[]; note: string; issues: FieldIssue[] }): Html {
  const { ctx, revision: r } = props;
  const { t } = ctx;
  const title = t('enteReview.approve.title');
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={decisionCrumbs(ctx, r, title)}>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <p class="lead">{t('enteReview.approve.lead', { ente: r.org_name, fields: fieldNames(ctx, props.fields) })}</p>
      <PostForm ctx={ctx} action={cityPaths.enteRevisionApprove(r.id)}>
        <input type="hidden" name="versione" value={String(r.version)} />
        <TextAreaField ctx={ctx} form={{ values: {}, issues: props.issues }} name="nota" label={t('enteReview.approve.note')} hint={t('enteReview.approve.noteHint', { max: NOTE_MAX })} value={props.note} maxlength={NOTE_MAX} rows={3} />
        <FormActions submit={t('enteReview.approve.confirm')} cancel={cancel(ctx, r)} />
      </PostForm>
    </BackOfficeLayout>
  );
}

export function EnteSendBackPage(props: { ctx: PageContext; revision: EnteRevisionRow; note: string; issues: FieldIssue[] }): Html {
  const { ctx, revision: r } = props;
  const { t } = ctx;
  const title = t('enteReview.changes.title');
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={decisionCrumbs(ctx, r, title)}>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <p class="lead">{t('enteReview.changes.lead', { ente: r.org_name })}</p>
      <PostForm ctx={ctx} action={cityPaths.enteRevisionChanges(r.id)}>
        <input type="hidden" name="versione" value={String(r.version)} />
        <TextAreaField
          ctx={ctx}
          form={{ values: {}, issues: props.issues }}
          name="nota"
          label={t('enteReview.changes.note')}
          hint={t('enteReview.changes.noteHint', { max: NOTE_MAX })}
          value={props.note}
          maxlength={NOTE_MAX}
          required
          rows={5}
        />
        <FormActions submit={t('enteReview.changes.confirm')} danger cancel={cancel(ctx, r)} />
      </PostForm>
    </BackOfficeLayout>
  );
}

// The ente's side: the request waiting, on the card page

export function PendingFacts(props: { ctx: PageContext; enteId: string; revision: EnteRevisionRow; published: PublicFacts; admin: boolean }): Html {
  const { ctx, revision: r } = props;
  const { t } = ctx;
  const sentBack = r.status === 'changes_requested';
  const asked = readFacts(r.data);
  return (
    <section class={`callout ${sentBack ? 'warning' : 'note'} wemi-ente-pending mb-4`} aria-labelledby="richiesta-title" id="richiesta-in-corso">
      <div class="callout-title" id="richiesta-title">
        {t(sentBack ? 'enteReview.pending.sentBackTitle' : 'enteReview.pending.title')}
      </div>
      <p>{t(sentBack ? 'enteReview.pending.sentBackLead' : 'enteReview.pending.lead', { date: formatDate(ctx.locale, r.submitted_at) })}</p>
      {sentBack && r.decision_note ? (
        <div class="wemi-ente-pending-note mb-3">
          <p class="fw-semibold mb-1">{t('enteReview.pending.note')}</p>
          <p class="wemi-ente-multiline mb-0">{r.decision_note}</p>
        </div>
      ) : null}
      <FieldDiff
        ctx={ctx}
        idPrefix="in-attesa"
        headingLevel={3}
        groups={factsDiffGroups(ctx, props.published, asked).map((g) => ({ ...g, unchanged: [] }))}
        columns={{ field: t('diff.field'), before: t('enteReview.col.published'), after: t('enteReview.col.asked') }}
      />
      {props.admin ? (
        <PostForm ctx={ctx} action={entePaths.cardWithdraw(props.enteId)} class="mt-2">
          <p class="mb-2">{t('enteReview.pending.withdrawHint')}</p>
          <button type="submit" class="btn btn-outline-danger btn-sm">
            {t('enteReview.pending.withdraw')}
          </button>
        </PostForm>
      ) : null}
    </section>
  );
}
