import type { Html } from '../../lib/jsx/jsx-runtime';
import { formatDate, formatNumber } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/catalogue';
import type { FieldIssue } from '../../lib/http/errors';
import type { PageContext } from '../../web/context';
import { ErrorSummary, Pagination } from '../../web/components';
import { CsrfField } from '../../web/forms';
import { paths } from '../../web/paths';
import { BackOfficeLayout, cityCrumb } from '../accounts/city/users.view';
import { CARD_SECTIONS, type CardSection, type DiffSection } from './card-data';
import { CardNotice, CityNote, DiffView, HistoryTable, RevisionChip, Row, ScrollTable, ServiceStatusChip, type Names } from './cards.components';
import { cardPaths } from './service-cards.paths';
import type { CardRow, QueueItem, RevisionRow } from './service-cards.repository';

// Pages of the City back office on service cards: the queue of revisions waiting for validation (filters,
// waiting time against the standard, overdue highlighted, pagination), a revision (diff against the published
// version, preview, history, decisions) and the two decisions (approve, send back with notes per section).

const has = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';
const loc = (ctx: PageContext, it: string | null, en: string | null) => (ctx.locale === 'en' && en ? en : (it ?? ''));
const errorOf = (issues: FieldIssue[], name: string) => issues.find((i) => i.field === name)?.message;

export const queueCrumb = (ctx: PageContext) => ({ href: cardPaths.queue(), label: ctx.t('cards.queue.title') });

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
  return s ? `${cardPaths.queue()}?${s}` : cardPaths.queue();
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

function FilterSelect(props: { ctx: PageContext; name: string; label: string; value: string; options: { value: string; label: string }[]; issues: FieldIssue[] }): Html {
  const error = errorOf(props.issues, props.name);
  return (
    <div class={`select-wrapper wemi-field${error ? ' wemi-field-error' : ''}`}>
      <label for={props.name} class="wemi-field-label">
        {props.label}
      </label>
      {error ? (
        <p class="wemi-field-message" id={`${props.name}-error`}>
          <span class="visually-hidden">{props.ctx.t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <select id={props.name} name={props.name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${props.name}-error` : undefined}>
        <option value="">{props.ctx.t('cards.queue.filter.all')}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function waitingLabel(ctx: PageContext, days: number): string {
  if (days === 0) return ctx.t('cards.queue.today');
  return days === 1 ? ctx.t('cards.queue.dayOne') : ctx.t('cards.queue.days', { n: formatNumber(ctx.locale, days) });
}

export function QueuePage(props: { ctx: PageContext; view: QueueView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const filtered = Boolean(view.filter.ente || view.filter.categoria || view.filter.tipo);
  return (
    <BackOfficeLayout ctx={ctx} title={t('cards.queue.title')} lead={t('cards.queue.lead', { days: view.standardDays })} crumbs={[cityCrumb(ctx), { label: t('cards.queue.title') }]}>
      <ErrorSummary ctx={ctx} issues={view.issues} />
      <form method="get" action={cardPaths.queue()} class="wemi-bo-filter mb-4" novalidate>
        <h2 class="h5">{t('cards.queue.filter.title')}</h2>
        <div class="row">
          <div class="col-12 col-md-4">
            <FilterSelect ctx={ctx} name="ente" label={t('cards.queue.filter.ente')} value={view.filter.ente} issues={view.issues} options={view.enti.map((e) => ({ value: e.id, label: e.name }))} />
          </div>
          <div class="col-12 col-md-4">
            <FilterSelect ctx={ctx} name="categoria" label={t('cards.queue.filter.category')} value={view.filter.categoria} issues={view.issues} options={view.categories.map((c) => ({ value: c.id, label: loc(ctx, c.name_it, c.name_en) }))} />
          </div>
          <div class="col-12 col-md-4">
            <FilterSelect
              ctx={ctx}
              name="tipo"
              label={t('cards.queue.filter.kind')}
              value={view.filter.tipo}
              issues={view.issues}
              options={[
                { value: 'nuova', label: t('cards.queue.kind.new') },
                { value: 'modifica', label: t('cards.queue.kind.change') },
              ]}
            />
          </div>
        </div>
        <div class="d-flex flex-wrap gap-3 align-items-center">
          <button type="submit" class="btn btn-primary">
            {t('cards.queue.filter.apply')}
          </button>
          {filtered ? <a href={cardPaths.queue()}>{t('cards.queue.filter.reset')}</a> : null}
        </div>
      </form>
      <h2 class="h4" id="coda-title">
        {view.total === 1 ? t('cards.queue.countOne') : t('cards.queue.count', { n: formatNumber(ctx.locale, view.total) })}
      </h2>
      {view.overdue > 0 ? (
        <p class="wemi-card-overdue-summary">
          <strong>{view.overdue === 1 ? t('cards.queue.overdueOne', { days: view.standardDays }) : t('cards.queue.overdue', { n: view.overdue, days: view.standardDays })}</strong>
        </p>
      ) : null}
      {view.items.length === 0 ? (
        <p>{t('cards.queue.empty')}</p>
      ) : (
        <ScrollTable labelledBy="coda-title">
          <table class="table wemi-bo-table wemi-card-queue">
            <caption class="visually-hidden">{t('cards.queue.caption', { page: view.page, pages: view.pages })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cards.queue.col.card')}</th>
                <th scope="col">{t('cards.queue.col.ente')}</th>
                <th scope="col">{t('cards.queue.col.category')}</th>
                <th scope="col">{t('cards.queue.col.kind')}</th>
                <th scope="col">{t('cards.queue.col.submitted')}</th>
                <th scope="col">{t('cards.queue.col.waiting')}</th>
              </tr>
            </thead>
            <tbody>
              {view.items.map((r) => {
                const overdue = r.waiting_days > view.standardDays;
                return (
                  <tr class={overdue ? 'wemi-card-overdue' : undefined} data-revision-id={r.id}>
                    <th scope="row">
                      <a href={cardPaths.cityRevision(r.id)}>{has(r.revision_name) ? r.revision_name : r.service_name}</a>
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
            </tbody>
          </table>
        </ScrollTable>
      )}
      <div class="mt-4">
        <Pagination ctx={ctx} page={view.page} pages={view.pages} href={(n) => queueHref({ ...view.filter, page: n })} />
      </div>
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
        <Row label={t('cards.city.ente')}>{card.org_name}</Row>
        <Row label={t('cards.card.category')}>
          {loc(ctx, card.cat_name_it, card.cat_name_en)} · {loc(ctx, card.type_name_it, card.type_name_en)}
        </Row>
        <Row label={t('cards.city.status')}>
          <RevisionChip ctx={ctx} status={revision.status} />
        </Row>
        <Row label={t('cards.card.public')}>
          <ServiceStatusChip ctx={ctx} status={card.status} />
          {isPublic ? (
            <span class="d-block mt-1">
              <a href={paths.service(card.slug)}>{t('cards.city.publicLink')}</a>
            </span>
          ) : null}
        </Row>
        {revision.submitted_at ? <Row label={t('cards.city.submitted')}>{formatDate(ctx.locale, revision.submitted_at)}</Row> : null}
        {revision.status === 'submitted' && view.waitingDays !== null ? (
          <Row label={t('cards.city.waiting')}>
            <span class={overdue ? 'wemi-card-late' : undefined}>
              {waitingLabel(ctx, view.waitingDays)} {overdue ? `(${t('cards.queue.late')})` : ''}
            </span>
            <span class="d-block small">{t('cards.city.standard', { days: view.standardDays })}</span>
          </Row>
        ) : null}
      </dl>
      <ul class="list-unstyled d-flex flex-wrap gap-3 align-items-center wemi-card-actions">
        <li>
          <a class="btn btn-outline-primary" href={cardPaths.cityPreview(revision.id)}>
            {t('cards.city.preview')}
          </a>
        </li>
        {revision.status === 'submitted' ? (
          <>
            <li>
              <a class="btn btn-primary" href={cardPaths.approve(revision.id)}>
                {t('cards.city.approve')}
              </a>
            </li>
            <li>
              <a class="btn btn-outline-danger" href={cardPaths.requestChanges(revision.id)}>
                {t('cards.city.requestChanges')}
              </a>
            </li>
          </>
        ) : null}
      </ul>
      {revision.status !== 'submitted' ? <p>{t('cards.city.noDecision', { status: t(`cards.revisionStatus.${revision.status}` as MessageKey) })}</p> : null}

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
      <HistoryTable ctx={ctx} revisions={view.revisions} currentId={revision.id} link={(r) => cardPaths.cityRevision(r.id)} />
    </BackOfficeLayout>
  );
}

// Decisions

export function ApprovePage(props: { ctx: PageContext; name: string; card: CardRow; revision: RevisionRow; issues: FieldIssue[]; note: string; isNew: boolean }): Html {
  const { ctx, revision } = props;
  const { t } = ctx;
  const title = t('cards.approve.title');
  const error = errorOf(props.issues, 'nota');
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[cityCrumb(ctx), queueCrumb(ctx), { href: cardPaths.cityRevision(revision.id), label: props.name }, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <p class="lead">{t(props.isNew ? 'cards.approve.leadNew' : 'cards.approve.leadChange', { name: props.name, ente: props.card.org_name, n: revision.number })}</p>
      <form method="post" action={cardPaths.approve(revision.id)} novalidate class="wemi-bo-form">
        <CsrfField ctx={ctx} />
        <div class={`form-group wemi-field${error ? ' wemi-field-error' : ''}`}>
          <label for="nota" class="wemi-field-label">
            {t('cards.approve.note')}
            <span class="wemi-optional"> ({t('form.optional')})</span>
          </label>
          <small class="form-text wemi-field-hint" id="nota-hint">
            {t('cards.approve.noteHint')}
          </small>
          {error ? (
            <p class="wemi-field-message" id="nota-error">
              <span class="visually-hidden">{t('form.errorPrefix')} </span>
              {error}
            </p>
          ) : null}
          <textarea class="form-control" id="nota" name="nota" rows="3" aria-describedby={error ? 'nota-hint nota-error' : 'nota-hint'}>
            {props.note}
          </textarea>
        </div>
        <div class="d-flex flex-wrap gap-3 align-items-center">
          <button type="submit" class="btn btn-primary">
            {t('cards.approve.confirm')}
          </button>
          <a href={cardPaths.cityRevision(revision.id)}>{t('cards.cancel')}</a>
        </div>
      </form>
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
  const field = (name: string, label: string, hint: string | undefined) => {
    const error = errorOf(issues, name);
    const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div class={`form-group wemi-field${error ? ' wemi-field-error' : ''}`}>
        <label for={name} class="wemi-field-label">
          {label}
          <span class="wemi-optional"> ({t('form.optional')})</span>
        </label>
        {hint ? (
          <small class="form-text wemi-field-hint" id={`${name}-hint`}>
            {hint}
          </small>
        ) : null}
        {error ? (
          <p class="wemi-field-message" id={`${name}-error`}>
            <span class="visually-hidden">{t('form.errorPrefix')} </span>
            {error}
          </p>
        ) : null}
        <textarea class={`form-control${error ? ' is-invalid' : ''}`} id={name} name={name} rows="3" aria-invalid={error ? 'true' : undefined} aria-describedby={described}>
          {props.values[name as CardSection] ?? ''}
        </textarea>
      </div>
    );
  };
  return (
    <BackOfficeLayout ctx={ctx} title={title} lead={t('cards.changes.lead', { name: props.name, n: revision.number })} crumbs={[cityCrumb(ctx), queueCrumb(ctx), { href: cardPaths.cityRevision(revision.id), label: props.name }, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action={cardPaths.requestChanges(revision.id)} novalidate class="wemi-bo-form">
        <CsrfField ctx={ctx} />
        {field('generale', t('cards.changes.general'), t('cards.changes.generalHint'))}
        <fieldset class="wemi-fieldset">
          <legend class="wemi-field-label">{t('cards.changes.sections')}</legend>
          {CARD_SECTIONS.map((s) => {
            const changed = props.changedFields[s];
            return field(s, t(`cards.section.${s}` as MessageKey), changed?.length ? t('cards.changes.changedFields', { fields: changed.join(', ') }) : undefined);
          })}
        </fieldset>
        <div class="d-flex flex-wrap gap-3 align-items-center">
          <button type="submit" class="btn btn-danger">
            {t('cards.changes.confirm')}
          </button>
          <a href={cardPaths.cityRevision(revision.id)}>{t('cards.cancel')}</a>
        </div>
      </form>
    </BackOfficeLayout>
  );
}
