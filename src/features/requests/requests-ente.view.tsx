import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import { formatDate, formatEuro, formatNumber } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/catalogue';
import { formatSize } from '../../lib/uploads';
import type { PageContext } from '../../web/context';
import { BackOfficeLayout, DataTable, DlRow, FilterForm, FormActions, Notice, PostForm, StateChip } from '../../web/backoffice';
import { ErrorSummary, Icon, Pagination } from '../../web/components';
import { FileField, SelectField, TextAreaField, TextField, type FormState } from '../../web/forms';
import { entePaths, paths } from '../../web/paths';
import { ENTE_TEXTAREA } from '../ente-backoffice/ente-card.view';
import { can, ENTE_REQUEST_STATES, isOpen, type EnteRequestState } from './request.state';
import type { AttachmentMeta, EnteRequestDetail, HistoryRow, InboxFilters, InboxRow, TeamOption, TimeBandOption } from './requests-ente.repository';
import { LIMITS } from './requests-ente.service';
import { coverageOf, outsideText, zoneText } from './request-coverage';
import { periodText } from './request-period';

// Pages of the ente's side of requests: the inbox (filters, waiting time against the 48-hour mark, unread
// messages) and the detail of one request with its history and the moves the ente can make now. Plain forms,
// no JavaScript: each action posts and redirects (303) to the detail announcing the outcome; declining and
// completing ask for confirmation on a page of their own.

export const NOTICES = {
  'presa-in-carico': 'enteRequests.notice.taken',
  'offerta-inviata': 'enteRequests.notice.offered',
  rifiutata: 'enteRequests.notice.declined',
  avviata: 'enteRequests.notice.started',
  conclusa: 'enteRequests.notice.completed',
  assegnata: 'enteRequests.notice.assigned',
} as const satisfies Record<string, MessageKey>;
export type NoticeCode = keyof typeof NOTICES;

const statusLabel = (ctx: PageContext, s: EnteRequestState) => ctx.t(`enteRequests.status.${s}` as MessageKey);

function StatusChip(props: { ctx: PageContext; status: EnteRequestState }): Html {
  return <StateChip class={`wemi-chip-request-${props.status}`} label={statusLabel(props.ctx, props.status)} />;
}

const noticeText = (ctx: PageContext, notice: NoticeCode | undefined) => (notice ? ctx.t(NOTICES[notice]) : undefined);

const orNone = (ctx: PageContext, v: string | null | undefined): Child => (v && v.trim() ? <span class="wemi-req-multiline">{v}</span> : <span class="wemi-muted">{ctx.t('common.notAvailable')}</span>);

type Ente = { id: string; name: string };

/** "Fuori dalla zona servita (Municipio 8; la scheda copre i Municipi 3, 4)", when the citizen's Municipio is outside the card's. */
function OutsideMark(props: { ctx: PageContext; municipioCode: string | null; areaCodes: string[]; class?: string }): Html {
  const c = coverageOf(props.areaCodes, props.municipioCode);
  if (!c?.outside) return <></>;
  return (
    <>
      {' '}
      <span class={`wemi-req-outside${props.class ? ` ${props.class}` : ''}`} data-outside="true">
        <Icon ctx={props.ctx} name="warning-circle" class="icon-xs icon-warning me-1" />
        {outsideText(props.ctx.t, c)}
      </span>
    </>
  );
}

function Layout(props: { ctx: PageContext; ente: Ente; title: string; lead?: string; detail?: { id: string; reference: string }; children?: Child }): Html {
  const { ctx, ente } = props;
  const t = ctx.t;
  const crumbs = [
    { href: paths.enteBackOffice(), label: t('enteCard.backOffice') },
    { href: entePaths.home(ente.id), label: ente.name },
    ...(props.detail
      ? [{ href: entePaths.requests(ente.id), label: t('enteRequests.title') }, { label: props.detail.reference }]
      : [{ label: t('enteRequests.title') }]),
  ];
  return (
    <BackOfficeLayout ctx={ctx} title={props.title} lead={props.lead} crumbs={crumbs}>
      {props.children}
    </BackOfficeLayout>
  );
}

const waitingText = (ctx: PageContext, r: Pick<InboxRow, 'waiting_hours' | 'first_response_at'>) => {
  if (r.first_response_at) return ctx.t('enteRequests.waiting.answered');
  return r.waiting_hours < 48
    ? ctx.t('enteRequests.waiting.hours', { n: formatNumber(ctx.locale, r.waiting_hours) })
    : ctx.t('enteRequests.waiting.days', { n: formatNumber(ctx.locale, Math.floor(r.waiting_hours / 24)) });
};

// 1. Inbox

export interface InboxView {
  ente: Ente;
  rows: InboxRow[];
  total: number;
  pages: number;
  filters: InboxFilters;
  values: Record<string, string>;
  services: { id: string; name: string }[];
  team: TeamOption[];
  notice?: NoticeCode | undefined;
}

export function InboxPage(props: { ctx: PageContext; view: InboxView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const form: FormState = { values: view.values, issues: [] };
  const base = entePaths.requests(view.ente.id);
  const query = (page: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(view.values)) if (v) p.set(k, v);
    if (page > 1) p.set('pagina', String(page));
    const s = p.toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <Layout ctx={ctx} ente={view.ente} title={t('enteRequests.title')} lead={t('enteRequests.lead')}>
      <Notice text={noticeText(ctx, view.notice)} />
      <FilterForm
        action={base}
        title={t('enteRequests.filters.title')}
        titleId="filters-title"
        class="wemi-req-filters mb-4"
        column="col-12 col-md-6 col-xl-4"
        submit={t('enteRequests.filters.apply')}
        reset={{ href: base, label: t('enteRequests.filters.reset') }}
      >
        <SelectField
          ctx={ctx}
          form={form}
          name="stato"
          label={t('enteRequests.filters.status')}
          empty={t('enteRequests.filters.any')}
          options={ENTE_REQUEST_STATES.map((s) => ({ value: s, label: statusLabel(ctx, s) }))}
        />
        <SelectField ctx={ctx} form={form} name="servizio" label={t('enteRequests.filters.service')} empty={t('enteRequests.filters.any')} options={view.services.map((s) => ({ value: s.id, label: s.name }))} />
        <SelectField
          ctx={ctx}
          form={form}
          name="operatore"
          label={t('enteRequests.filters.operator')}
          empty={t('enteRequests.filters.any')}
          options={[{ value: 'none', label: t('enteRequests.filters.unassigned') }, ...view.team.map((m) => ({ value: m.id, label: m.name }))]}
        />
        <TextField ctx={ctx} form={form} name="dal" type="date" label={t('enteRequests.filters.from')} />
        <TextField ctx={ctx} form={form} name="al" type="date" label={t('enteRequests.filters.to')} />
      </FilterForm>

      <h2 class="h5" id="list-title" aria-live="polite">
        {t('enteRequests.list.count', { n: formatNumber(ctx.locale, view.total) })}
      </h2>
      {view.rows.length === 0 ? (
        <p>{t('enteRequests.list.none')}</p>
      ) : (
        <DataTable
          labelledBy="list-title"
          class="wemi-req-table"
          caption={t('enteRequests.list.caption')}
          columns={[
            t('enteRequests.col.reference'),
            t('enteRequests.col.service'),
            t('enteRequests.col.citizen'),
            t('enteRequests.col.received'),
            t('enteRequests.col.waiting'),
            t('enteRequests.col.status'),
            t('enteRequests.col.operator'),
            t('enteRequests.col.messages'),
          ]}
        >
          {view.rows.map((r) => (
            <tr class={r.late ? 'wemi-req-late' : undefined}>
              <th scope="row">
                <a href={entePaths.request(view.ente.id, r.id)}>{r.reference}</a>
              </th>
              <td>
                {r.service_name}
                <span class="d-block wemi-muted">{periodText(t, ctx.locale, r.period_from, r.period_to) ?? ''}</span>
                <OutsideMark ctx={ctx} municipioCode={r.municipio_code} areaCodes={r.area_codes} class="d-block" />
              </td>
              <td>{r.citizen_name}</td>
              <td>{formatDate(ctx.locale, r.received_at)}</td>
              <td>
                {waitingText(ctx, r)}
                {r.late ? (
                  <span class="d-block wemi-req-late-label" data-late="true">
                    {t('enteRequests.late')}
                  </span>
                ) : null}
              </td>
              <td>
                <StatusChip ctx={ctx} status={r.status} />
              </td>
              <td>{r.assignee_name ?? <span class="wemi-muted">{t('enteRequests.noOperator')}</span>}</td>
              <td>{r.unread > 0 ? <span class="wemi-req-unread">{t('enteRequests.unread', { n: r.unread })}</span> : null}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination ctx={ctx} page={view.filters.page} pages={view.pages} href={query} />
    </Layout>
  );
}

// 2. Detail

export interface DetailView {
  ente: Ente;
  isAdmin: boolean;
  request: EnteRequestDetail;
  attachments: AttachmentMeta[];
  history: HistoryRow[];
  team: TeamOption[];
  timeBands: TimeBandOption[];
  computed: number | null;
  offerForm: FormState;
  assignForm: FormState;
  notice?: NoticeCode | undefined;
}

/** The offer form's values: the current offer, or the request's period and the computed price. */
export function offerFormValues(r: EnteRequestDetail, computed: number | null): Record<string, string> {
  const price = r.offer_price ?? computed;
  return {
    prezzo: price === null ? '' : price.toFixed(2),
    dal: r.offer_period_from ?? r.period_from ?? '',
    al: r.offer_period_to ?? r.period_to ?? '',
    fascia: r.offer_time_band ?? (r.time_bands.length === 1 ? r.time_bands[0]! : ''),
    scadenza: r.offer_expires_on ?? '',
    note: r.offer_notes ?? '',
  };
}

const bandName = (ctx: PageContext, bands: TimeBandOption[], slug: string) => {
  const b = bands.find((x) => x.slug === slug);
  return b ? (ctx.locale === 'en' ? b.name_en : b.name_it) : slug;
};

export function DetailPage(props: { ctx: PageContext; view: DetailView }): Html {
  const { ctx, view } = props;
  const { t, locale } = ctx;
  const r = view.request;
  const e = view.ente.id;
  const d = (s: string | null) => (s ? formatDate(locale, s) : '');
  const issues = [...view.offerForm.issues, ...view.assignForm.issues];
  const hasOffer = r.offer_price !== null;
  return (
    <Layout ctx={ctx} ente={view.ente} title={t('enteRequests.detail.title', { reference: r.reference })} detail={{ id: r.id, reference: r.reference }}>
      <ErrorSummary ctx={ctx} issues={issues} />
      <Notice text={noticeText(ctx, view.notice)} />
      <p class="d-flex flex-wrap gap-3 align-items-center">
        <StatusChip ctx={ctx} status={r.status} />
        <a href={entePaths.requestMessages(e, r.id)}>
          {t('enteRequests.detail.conversation')}
          {r.unread > 0 ? ` ${t('enteRequests.detail.unread', { n: r.unread })}` : ''}
        </a>
        <a href={entePaths.requests(e)}>{t('enteRequests.detail.back')}</a>
      </p>

      <h2 class="h4">{t('enteRequests.detail.request')}</h2>
      <dl class="wemi-dl">
        <DlRow label={t('enteRequests.detail.service')}>{r.service_name}</DlRow>
        <DlRow label={t('enteRequests.detail.citizen')}>{r.citizen_name}</DlRow>
        <DlRow label={t('enteRequests.detail.sentAt')}>{r.sent_at ? formatDate(locale, r.sent_at) : ''}</DlRow>
        <DlRow label={t('enteRequests.detail.forWhom')}>
          {r.for_whom === 'other' ? t('enteRequests.detail.forOther', { name: r.beneficiary_name, relation: r.beneficiary_relation }) : t('enteRequests.detail.forSelf')}
        </DlRow>
        <DlRow label={t('enteRequests.detail.needs')}>{orNone(ctx, r.needs)}</DlRow>
        <DlRow label={t('enteRequests.detail.period')}>{orNone(ctx, periodText(t, locale, r.period_from, r.period_to))}</DlRow>
        <DlRow label={t('enteRequests.detail.days')}>{orNone(ctx, r.days.map((x) => t(`enteRequests.day.${x}` as MessageKey)).join(', '))}</DlRow>
        <DlRow label={t('enteRequests.detail.timeBands')}>{orNone(ctx, r.time_bands.map((x) => bandName(ctx, view.timeBands, x)).join(', '))}</DlRow>
        <DlRow label={t('enteRequests.detail.municipio')}>
          {orNone(ctx, locale === 'en' ? (r.municipio_name_en ?? r.municipio_name_it) : r.municipio_name_it)}
          <OutsideMark ctx={ctx} municipioCode={r.municipio_code} areaCodes={r.area_codes} class="d-block" />
        </DlRow>
        <DlRow label={t('requests.zone.label')}>{zoneText(t, r.area_codes)}</DlRow>
        <DlRow label={t('enteRequests.detail.address')}>{orNone(ctx, r.address)}</DlRow>
        <DlRow label={t('enteRequests.detail.people')}>{r.people === null ? orNone(ctx, null) : formatNumber(locale, r.people)}</DlRow>
        <DlRow label={t('enteRequests.detail.units')}>{r.units === null ? orNone(ctx, null) : formatNumber(locale, r.units)}</DlRow>
        <DlRow label={t('enteRequests.detail.notes')}>{orNone(ctx, r.notes)}</DlRow>
        <DlRow label={t('enteRequests.detail.attachments')}>
          {view.attachments.length === 0 ? (
            <span class="wemi-muted">{t('enteRequests.detail.noAttachments')}</span>
          ) : (
            <ul class="list-unstyled mb-0">
              {view.attachments.map((a) => (
                <li>
                  <a href={entePaths.requestFile(e, r.id, a.file_id)}>{a.original_name}</a> ({formatSize(a.size_bytes, locale)})
                </li>
              ))}
            </ul>
          )}
        </DlRow>
        {r.decline_reason ? <DlRow label={t('enteRequests.detail.declineReason')}>{orNone(ctx, r.decline_reason)}</DlRow> : null}
      </dl>

      {hasOffer ? (
        <>
          <h2 class="h4">{t('enteRequests.detail.currentOffer')}</h2>
          <dl class="wemi-dl">
            <DlRow label={t('enteRequests.offer.priceValue')}>{formatEuro(locale, r.offer_price!)}</DlRow>
            {r.offer_price_computed !== null ? <DlRow label={t('enteRequests.offer.computedValue')}>{formatEuro(locale, r.offer_price_computed)}</DlRow> : null}
            <DlRow label={t('enteRequests.detail.period')}>{orNone(ctx, periodText(t, locale, r.offer_period_from, r.offer_period_to))}</DlRow>
            <DlRow label={t('enteRequests.offer.timeBand')}>{r.offer_time_band ? bandName(ctx, view.timeBands, r.offer_time_band) : orNone(ctx, null)}</DlRow>
            <DlRow label={t('enteRequests.offer.expiresValue')}>{d(r.offer_expires_on)}</DlRow>
            <DlRow label={t('enteRequests.offer.notes')}>{orNone(ctx, r.offer_notes)}</DlRow>
            {r.offer_file_id ? (
              <DlRow label={t('enteRequests.offer.file')}>
                <a href={entePaths.requestFile(e, r.id, r.offer_file_id)}>{r.offer_file_name ?? ''}</a>
              </DlRow>
            ) : null}
          </dl>
        </>
      ) : null}

      <h2 class="h4">{t('enteRequests.actions.title')}</h2>
      {!isOpen(r.status) ? <p>{t('enteRequests.actions.none')}</p> : null}

      <section class="wemi-req-action" aria-labelledby="assign-title">
        <h3 class="h5" id="assign-title">
          {t('enteRequests.assign.title')}
        </h3>
        {view.isAdmin ? (
          <PostForm ctx={ctx} action={entePaths.requestAssign(e, r.id)} class="">
            <SelectField
              ctx={ctx}
              form={view.assignForm}
              name="operatore"
              label={t('enteRequests.assign.label')}
              empty={t('enteRequests.noOperator')}
              options={view.team.map((m) => ({ value: m.id, label: m.name }))}
            />
            <button type="submit" class="btn btn-outline-primary mt-2">
              {t('enteRequests.assign.submit')}
            </button>
          </PostForm>
        ) : (
          <p>
            {view.team.find((m) => m.id === r.assigned_to)?.name ?? t('enteRequests.noOperator')}. {t('enteRequests.assign.adminOnly')}
          </p>
        )}
      </section>

      {can(r.status, 'take', 'ente') ? (
        <section class="wemi-req-action">
          <PostForm ctx={ctx} action={entePaths.requestTake(e, r.id)} class="">
            <p class="mb-2">{t('enteRequests.take.hint')}</p>
            <button type="submit" class="btn btn-primary">
              {t('enteRequests.take.submit')}
            </button>
          </PostForm>
        </section>
      ) : null}

      {can(r.status, 'offer', 'ente') ? (
        <section class="wemi-req-action" aria-labelledby="offer-title">
          <h3 class="h5" id="offer-title">
            {hasOffer ? t('enteRequests.offer.titleUpdate') : t('enteRequests.offer.title')}
          </h3>
          <p>
            {view.computed !== null
              ? t('enteRequests.offer.computed', { price: formatEuro(locale, view.computed), people: r.people ?? 1, units: r.units ?? 1 })
              : t('enteRequests.offer.noPriceList')}
          </p>
          <PostForm ctx={ctx} action={entePaths.requestOffer(e, r.id)} multipart class="">
            <TextField ctx={ctx} form={view.offerForm} name="prezzo" label={t('enteRequests.offer.price')} hint={t('enteRequests.offer.priceHint')} inputmode="decimal" required />
            <div class="row g-3">
              <div class="col-12 col-md-6">
                <TextField ctx={ctx} form={view.offerForm} name="dal" type="date" label={t('enteRequests.offer.from')} required />
              </div>
              <div class="col-12 col-md-6">
                <TextField ctx={ctx} form={view.offerForm} name="al" type="date" label={t('enteRequests.offer.to')} required />
              </div>
            </div>
            <SelectField
              ctx={ctx}
              form={view.offerForm}
              name="fascia"
              label={t('enteRequests.offer.timeBand')}
              empty={t('enteRequests.offer.timeBandNone')}
              options={view.timeBands.map((b) => ({ value: b.slug, label: locale === 'en' ? b.name_en : b.name_it }))}
            />
            <TextField ctx={ctx} form={view.offerForm} name="scadenza" type="date" label={t('enteRequests.offer.expires')} hint={t('enteRequests.offer.expiresHint')} required />
            <TextAreaField ctx={ctx} form={view.offerForm} name="note" label={t('enteRequests.offer.notes')} maxlength={LIMITS.notes} rows={4} {...ENTE_TEXTAREA} />
            <FileField
              ctx={ctx}
              form={view.offerForm}
              name="preventivo"
              label={t('enteRequests.offer.file')}
              hint={`${t('enteRequests.offer.fileHint')}${r.offer_file_name ? ` ${t('enteRequests.offer.fileCurrent', { name: r.offer_file_name })}` : ''}`}
              accept="application/pdf,.pdf"
            />
            <button type="submit" class="btn btn-primary mt-2">
              {hasOffer ? t('enteRequests.offer.submitUpdate') : t('enteRequests.offer.submit')}
            </button>
          </PostForm>
        </section>
      ) : null}

      {can(r.status, 'start', 'ente') ? (
        <section class="wemi-req-action">
          <PostForm ctx={ctx} action={entePaths.requestStart(e, r.id)} class="">
            <button type="submit" class="btn btn-primary">
              {t('enteRequests.start.submit')}
            </button>
          </PostForm>
        </section>
      ) : null}

      <div class="d-flex flex-wrap gap-3 mt-3">
        {can(r.status, 'complete', 'ente') ? (
          <a class="btn btn-outline-primary" href={entePaths.requestComplete(e, r.id)}>
            {t('enteRequests.complete.open')}
          </a>
        ) : null}
        {can(r.status, 'decline', 'ente') ? (
          <a class="btn btn-outline-danger" href={entePaths.requestDecline(e, r.id)}>
            {t('enteRequests.decline.open')}
          </a>
        ) : null}
      </div>

      <h2 class="h4 mt-4">{t('enteRequests.history.title')}</h2>
      <ol class="wemi-req-history">
        <li>
          <span class="fw-semibold">{formatDate(locale, r.created_at)}</span> — {t('enteRequests.history.created')}
        </li>
        {view.history.map((h) => (
          <li>
            <span class="fw-semibold">{formatDate(locale, h.at)}</span> —{' '}
            {t('enteRequests.history.entry', { from: h.from_status ? statusLabel(ctx, h.from_status) : '', to: statusLabel(ctx, h.to_status) })}{' '}
            <span class="wemi-muted">({h.actor_name ? t('enteRequests.history.by', { name: h.actor_name }) : t('enteRequests.history.system')})</span>
            {h.note ? <span class="d-block wemi-req-multiline">{h.note}</span> : null}
          </li>
        ))}
      </ol>
    </Layout>
  );
}

// 3. Confirmations: decline (with a reason) and complete

const backToRequest = (ctx: PageContext, ente: Ente, r: Pick<EnteRequestDetail, 'id'>) => ({ href: entePaths.request(ente.id, r.id), label: ctx.t('enteRequests.cancel') });

export function DeclinePage(props: { ctx: PageContext; ente: Ente; request: EnteRequestDetail; form: FormState }): Html {
  const { ctx, ente, request: r } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} ente={ente} title={t('enteRequests.decline.title')} lead={t('enteRequests.decline.lead')} detail={{ id: r.id, reference: r.reference }}>
      <ErrorSummary ctx={ctx} issues={props.form.issues} />
      <PostForm ctx={ctx} action={entePaths.requestDecline(ente.id, r.id)} class="">
        <TextAreaField ctx={ctx} form={props.form} name="motivo" label={t('enteRequests.decline.reason')} maxlength={LIMITS.reason} rows={4} required {...ENTE_TEXTAREA} />
        <FormActions class="mt-3" submit={t('enteRequests.decline.submit')} danger cancel={backToRequest(ctx, ente, r)} />
      </PostForm>
    </Layout>
  );
}

export function CompletePage(props: { ctx: PageContext; ente: Ente; request: EnteRequestDetail }): Html {
  const { ctx, ente, request: r } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} ente={ente} title={t('enteRequests.complete.title')} lead={t('enteRequests.complete.lead')} detail={{ id: r.id, reference: r.reference }}>
      <PostForm ctx={ctx} action={entePaths.requestComplete(ente.id, r.id)} class="">
        <FormActions class="mt-3" submit={t('enteRequests.complete.submit')} cancel={backToRequest(ctx, ente, r)} />
      </PostForm>
    </Layout>
  );
}
