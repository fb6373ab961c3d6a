import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import type { MessageKey } from '../../i18n/catalogue';
import { formatDate, formatEuro, formatNumber } from '../../i18n/i18n';
import type { FieldIssue } from '../../lib/http/errors';
import { formatSize } from '../../lib/uploads';
import type { PageContext } from '../../web/context';
import { DataTable, DlRow, Notice, PrivatePage, type Crumb } from '../../web/backoffice';
import { ErrorSummary, Icon } from '../../web/components';
import { CheckboxGroup, CsrfField, describedBy, FieldHead, RadioGroup, SelectField, TextAreaField, TextField, type FormState } from '../../web/forms';
import { paths } from '../../web/paths';
import type { EnteRequestState } from './request.state';
import type { AttachmentRow, CardOption, EnteRequestView, MyRequestRow, RequestRow, TargetRow, TermOption } from './requests-citizen.repository';
import { DAYS, LIMITS, type FormValues, type Step } from './requests-citizen.service';
import { coverageOf, zoneText, type Coverage } from './request-coverage';
import { periodText } from './request-period';

// Pages of the citizen's request (Designers Italia "Modello Comuni": stepper, summary step, acknowledgement
// with the reference), "My requests" and the comparison of offers. Every page works without JavaScript.

export const NOTICES = {
  accettata: 'requests.notice.accepted',
  ritirata: 'requests.notice.withdrawn',
  bozza: 'requests.notice.reopened',
} as const satisfies Record<string, MessageKey>;
export type NoticeCode = keyof typeof NOTICES;

const termName = (ctx: PageContext, o: Pick<TermOption, 'name_it' | 'name_en'>) => (ctx.locale === 'en' ? o.name_en : o.name_it);
const typeName = (ctx: PageContext, r: { service_type_name_it: string; service_type_name_en: string }) => (ctx.locale === 'en' ? r.service_type_name_en : r.service_type_name_it);
export const statusLabel = (ctx: PageContext, s: EnteRequestState | 'draft') => ctx.t(`requests.status.${s}` as MessageKey);
const unitLabel = (ctx: PageContext, unit: string) => ctx.t(`unit.${unit}` as MessageKey);
const stepLabel = (ctx: PageContext, n: number) => ctx.t(`requests.step.${n}` as MessageKey);
const euro = (ctx: PageContext, n: number | null) => (n === null ? '—' : formatEuro(ctx.locale, n));
const day = (ctx: PageContext, d: string | Date | null) => (d ? formatDate(ctx.locale, d) : '—');
const mineCrumb = (ctx: PageContext) => ({ href: paths.myRequests(), label: ctx.t('requests.mine.title') });

const noticeText = (ctx: PageContext, notice: NoticeCode | undefined) => (notice ? ctx.t(NOTICES[notice]) : undefined);

/** This feature's pages: private, one wide column. */
function Page(props: { ctx: PageContext; title: string; crumbs: Crumb[]; lead?: string; children?: Child }): Html {
  return (
    <PrivatePage ctx={props.ctx} title={props.title} crumbs={props.crumbs} lead={props.lead} columnClass="col-12 col-lg-10 px-lg-4 wemi-requests">
      {props.children}
    </PrivatePage>
  );
}

/** The look of the form's text areas and groups (those of the enti's application form). */
const TEXTAREA = { class: 'wemi-app-textarea', inputClass: '' } as const;
const FIELDSET = 'wemi-app-fieldset';

/** Bootstrap Italia stepper: steps done, current, to do; steps reached are links (back navigation). */
function Stepper(props: { ctx: PageContext; id: string; current: Step; reached: number }): Html {
  const { t } = props.ctx;
  return (
    <nav class="steppers wemi-req-steppers" aria-label={t('requests.steps.label')}>
      <div class="steppers-header">
        <ol>
          {([1, 2, 3, 4, 5] as const).map((n) => {
            const cls = n === props.current ? 'active' : n < props.current ? 'confirmed' : undefined;
            const label = stepLabel(props.ctx, n);
            return (
              <li class={cls} aria-current={n === props.current ? 'step' : undefined}>
                {n !== props.current && n <= props.reached ? <a href={paths.requestStep(props.id, n)}>{label}</a> : label}
              </li>
            );
          })}
        </ol>
        <span class="steppers-index">{t('requests.steps.progress', { n: props.current, total: 5 })}</span>
      </div>
    </nav>
  );
}

function list(values: FormValues, k: string): string[] {
  const v = values[k];
  return Array.isArray(v) ? v : [];
}
const formState = (values: FormValues, issues: FieldIssue[]): FormState => ({
  values: Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string')) as Record<string, string>,
  issues,
});

function CardFacts(props: { ctx: PageContext; card: Pick<CardOption, 'offer_type' | 'price_from' | 'price_unit' | 'area_codes' | 'rating_avg' | 'rating_count'>; citizenCode?: string | null }): Html {
  const { ctx, card } = props;
  const { t } = ctx;
  const price =
    card.offer_type !== 'paid' ? t('requests.enti.free') : card.price_from !== null ? t('requests.enti.priceFrom', { price: formatEuro(ctx.locale, card.price_from), unit: unitLabel(ctx, card.price_unit) }) : t('requests.enti.quote');
  return (
    <dl class="wemi-req-facts">
      <div>
        <dt class="visually-hidden">{t('search.result.price')}</dt>
        <dd>{price}</dd>
      </div>
      <div>
        <dt>{t('requests.zone.label')}</dt>
        <dd>
          <Zone ctx={ctx} codes={card.area_codes} citizenCode={props.citizenCode} />
        </dd>
      </div>
      <div>
        <dt>{t('requests.enti.rating')}</dt>
        <dd>{card.rating_avg !== null ? t('requests.enti.ratingValue', { avg: formatNumber(ctx.locale, Math.round(card.rating_avg * 10) / 10), count: card.rating_count }) : t('requests.enti.noRating')}</dd>
      </div>
    </dl>
  );
}

/** A card's zone ("Municipi 3, 4"), with a warning mark when the citizen's Municipio is outside it. */
function Zone(props: { ctx: PageContext; codes: string[]; citizenCode?: string | null | undefined }): Html {
  const { ctx } = props;
  const c = coverageOf(props.codes, props.citizenCode);
  return (
    <>
      {zoneText(ctx.t, props.codes)}
      {c?.outside ? ' ' : null}
      {c?.outside ? (
        <span class="wemi-req-outside d-block" data-outside="true">
          <Icon ctx={ctx} name="warning-circle" class="icon-xs icon-warning me-1" />
          {ctx.t('requests.zone.outsideYours', { citizen: c.citizen })}
        </span>
      ) : null}
    </>
  );
}

/** The chosen cards whose zone leaves out the citizen's Municipio. */
export function outsideTargets(targets: readonly TargetRow[], citizenCode: string | null | undefined): { target: TargetRow; coverage: Coverage }[] {
  return targets.flatMap((target) => {
    const coverage = coverageOf(target.area_codes, citizenCode);
    return coverage?.outside ? [{ target, coverage }] : [];
  });
}

/**
 * The warning of step 4 and of the summary (Bootstrap Italia alert): which chosen cards do not serve the
 * citizen's Municipio, and the ways on — go on anyway, choose other enti (step 1), or search the service type
 * in the citizen's Municipio.
 */
function CoverageAlert(props: { ctx: PageContext; row: RequestRow; outside: { target: TargetRow; coverage: Coverage }[] }): Html {
  const { ctx, row, outside } = props;
  const { t } = ctx;
  if (!outside.length) return <></>;
  const citizen = outside[0]!.coverage.citizen;
  return (
    <div class="alert alert-warning wemi-req-zone" role="status" id="fuori-zona" aria-labelledby="fuori-zona-titolo">
      <h3 class="h5 alert-heading" id="fuori-zona-titolo">
        {t('requests.zone.alertTitle', { citizen })}
      </h3>
      <ul class="mb-2 wemi-req-zone-cards">
        {outside.map(({ target, coverage }) => (
          <li>
            {t(coverage.card.length === 1 ? 'requests.zone.alertCardOne' : 'requests.zone.alertCardMany', {
              service: target.name,
              ente: target.organization_name,
              card: coverage.card.join(', '),
              citizen: coverage.citizen,
            })}
          </li>
        ))}
      </ul>
      <p class="mb-2">{t('requests.zone.alertWhat')}</p>
      <ul class="list-inline mb-0">
        <li class="list-inline-item">
          <a href={paths.requestStep(row.id, 1)}>{t('requests.zone.chooseEnti')}</a>
        </li>
        <li class="list-inline-item">
          <a href={paths.services({ tipo: row.service_type_slug, municipio: citizen })}>{t('requests.zone.search', { citizen })}</a>
        </li>
      </ul>
    </div>
  );
}

export interface StepView {
  row: RequestRow;
  step: Step;
  values: FormValues;
  issues: FieldIssue[];
  cards: CardOption[];
  /** The cards chosen (saved), for the coverage warning of step 4. */
  targets: TargetRow[];
  bands: TermOption[];
  municipi: TermOption[];
  attachments: AttachmentRow[];
  unit: string;
  notice?: NoticeCode | undefined;
}

export function StepPage(props: { ctx: PageContext; view: StepView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const { row, step, values, issues } = view;
  const title = t(`requests.step.${step}.title` as MessageKey);
  const form = formState(values, issues);
  const multipart = step === 3;
  const entiError = issues.find((i) => i.field === 'enti')?.message;
  // One message per refused file, read together with the file field.
  const fileErrors = issues.filter((i) => i.field === 'allegati').map((i) => i.message);
  // Step 4: the Municipio shown (saved, or as typed) against the chosen cards' zones.
  const shownMunicipio = step === 4 ? view.municipi.find((m) => m.slug === values.municipio) : undefined;
  const outside = shownMunicipio ? outsideTargets(view.targets, shownMunicipio.code) : [];
  return (
    <Page ctx={ctx} title={`${title} — ${t('requests.new.title')}`} crumbs={[mineCrumb(ctx), { label: row.reference }]}>
      <Stepper ctx={ctx} id={row.id} current={step} reached={row.step} />
      <Notice text={noticeText(ctx, view.notice)} />
      <ErrorSummary ctx={ctx} issues={issues} />
      <p class="wemi-req-ref">
        {t('requests.reference')}: <strong>{row.reference}</strong> · {typeName(ctx, row)}
      </p>
      <h2 class="h3">{title}</h2>
      <form method="post" action={multipart ? `${paths.requestStep(row.id, step)}?_csrf=${ctx.csrfToken}` : paths.requestStep(row.id, step)} enctype={multipart ? 'multipart/form-data' : undefined} novalidate class="wemi-req-form">
        <CsrfField ctx={ctx} />
        {step === 1 ? (
          <>
            <p>{t('requests.step.1.lead', { type: typeName(ctx, row) })}</p>
            {view.cards.length === 0 ? <p>{t('requests.enti.none')}</p> : null}
            <fieldset class={`wemi-field wemi-fieldset${entiError ? ' wemi-field-error' : ''}`} aria-describedby={describedBy('enti', t('requests.enti.hint'), entiError)}>
              <FieldHead ctx={ctx} name="enti" label={t('requests.enti.legend')} hint={t('requests.enti.hint')} error={entiError} legend />
              <ul class="wemi-req-cards">
                {view.cards.map((c, i) => (
                  <li class="wemi-req-card">
                    <div class="form-check">
                      <input class="form-check-input" type="checkbox" name="enti" id={i === 0 ? 'enti' : `enti-${c.id}`} value={c.id} checked={list(values, 'enti').includes(c.id)} />
                      <label class="form-check-label" for={i === 0 ? 'enti' : `enti-${c.id}`}>
                        <strong>{c.organization_name}</strong> — {c.name}
                      </label>
                    </div>
                    <CardFacts ctx={ctx} card={c} citizenCode={row.municipio_code} />
                    <a href={paths.service(c.slug)}>{t('requests.enti.card')}</a>
                  </li>
                ))}
              </ul>
            </fieldset>
          </>
        ) : null}
        {step === 2 ? (
          <>
            <RadioGroup
              ctx={ctx}
              form={form}
              name="per_chi"
              legend={t('requests.forWhom.legend')}
              options={[
                { value: 'self', label: t('requests.forWhom.self') },
                { value: 'other', label: t('requests.forWhom.other') },
              ]}
              class={FIELDSET}
            />
            <p class="wemi-field-hint">{t('requests.beneficiary.otherHint')}</p>
            <TextField ctx={ctx} form={form} name="nome_beneficiario" label={t('requests.beneficiary.name')} maxlength={LIMITS.name} autocomplete="name" />
            <TextField ctx={ctx} form={form} name="relazione" label={t('requests.beneficiary.relation')} hint={t('requests.beneficiary.relationHint')} maxlength={LIMITS.relation} />
          </>
        ) : null}
        {step === 3 ? (
          <>
            <TextAreaField ctx={ctx} form={form} name="bisogno" label={t('requests.needs.label')} hint={t('requests.needs.hint')} required maxlength={LIMITS.needs} {...TEXTAREA} />
            <div class="row">
              <div class="col-12 col-md-6">
                <TextField ctx={ctx} form={form} name="dal" type="date" label={t('requests.period.from')} required />
              </div>
              <div class="col-12 col-md-6">
                <TextField ctx={ctx} form={form} name="al" type="date" label={t('requests.period.to')} hint={t('requests.period.toHint')} />
              </div>
            </div>
            <CheckboxGroup
              ctx={ctx}
              form={form}
              name="giorni"
              legend={t('requests.days.legend')}
              options={DAYS.map((d) => ({ value: d, label: t(`requests.day.${d}` as MessageKey) }))}
              checked={list(values, 'giorni')}
              class={FIELDSET}
              optionsClass="wemi-checkbox-columns"
            />
            <CheckboxGroup
              ctx={ctx}
              form={form}
              name="fasce"
              legend={t('requests.bands.legend')}
              options={view.bands.map((b) => ({ value: b.slug, label: termName(ctx, b) }))}
              checked={list(values, 'fasce')}
              class={FIELDSET}
              optionsClass="wemi-checkbox-columns"
            />
            <div class="row">
              <div class="col-12 col-md-6">
                <TextField ctx={ctx} form={form} name="persone" label={t('requests.people.label')} inputmode="numeric" required maxlength={3} />
              </div>
              <div class="col-12 col-md-6">
                <TextField ctx={ctx} form={form} name="unita" label={t('requests.units.label', { unit: unitLabel(ctx, view.unit) })} hint={t('requests.units.hint')} inputmode="numeric" required maxlength={5} />
              </div>
            </div>
            <TextAreaField ctx={ctx} form={form} name="note" label={t('requests.notes.label')} maxlength={LIMITS.notes} rows={3} {...TEXTAREA} />
            {view.attachments.length ? (
              <fieldset class="wemi-fieldset wemi-field">
                <legend class="wemi-field-label">{t('requests.attachments.current')}</legend>
                <ul class="list-unstyled">
                  {view.attachments.map((a) => (
                    <li>
                      <a href={paths.requestAttachment(row.id, a.id)}>{a.original_name}</a> ({formatSize(a.size_bytes, ctx.locale)})
                      <div class="form-check">
                        <input class="form-check-input" type="checkbox" name="rimuovi" id={`rimuovi-${a.id}`} value={a.id} checked={list(values, 'rimuovi').includes(a.id)} />
                        <label class="form-check-label" for={`rimuovi-${a.id}`}>
                          {t('requests.attachments.remove', { name: a.original_name })}
                        </label>
                      </div>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ) : null}
            <div class={`form-group wemi-field${fileErrors.length ? ' wemi-field-error' : ''}`}>
              <FieldHead ctx={ctx} name="allegati" label={t('requests.attachments.label')} hint={t('requests.attachments.hint')} optional />
              {fileErrors.length ? (
                <div id="allegati-error">
                  {fileErrors.map((message) => (
                    <p class="wemi-field-message">
                      <span class="visually-hidden">{t('form.errorPrefix')} </span>
                      {message}
                    </p>
                  ))}
                </div>
              ) : null}
              <input
                type="file"
                id="allegati"
                name="allegati"
                multiple
                accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
                aria-invalid={fileErrors.length ? 'true' : undefined}
                aria-describedby={describedBy('allegati', t('requests.attachments.hint'), fileErrors[0])}
              />
            </div>
          </>
        ) : null}
        {step === 4 ? (
          <>
            <CoverageAlert ctx={ctx} row={row} outside={outside} />
            {/* The warning seen for this Municipio: "Prosegui comunque" goes on without showing it again. */}
            {outside.length ? <input type="hidden" name="zona_vista" value={shownMunicipio!.slug} /> : null}
            <SelectField ctx={ctx} form={form} name="municipio" label={t('requests.municipio.label')} empty={t('requests.municipio.empty')} options={view.municipi.map((m) => ({ value: m.slug, label: termName(ctx, m) }))} required />
            <TextField ctx={ctx} form={form} name="indirizzo" label={t('requests.address.label')} hint={t('requests.address.hint')} required maxlength={LIMITS.address} autocomplete="street-address" />
          </>
        ) : null}
        <p class="wemi-field-hint">{outside.length ? t('requests.zone.saveHint') : t('requests.nav.saveHint')}</p>
        <div class="wemi-req-nav">
          {step > 1 ? (
            <a class="btn btn-outline-primary" href={paths.requestStep(row.id, step - 1)}>
              {t('requests.nav.back')}
            </a>
          ) : (
            <span></span>
          )}
          <button type="submit" class="btn btn-primary">
            {outside.length ? t('requests.zone.goOn') : t('requests.nav.next')}
          </button>
        </div>
      </form>
    </Page>
  );
}

/** A term of the request's details (laid out by requests.css). */
function Item(props: { label: string; children?: Child }): Html {
  return (
    <DlRow class="wemi-req-item" label={props.label}>
      {props.children}
    </DlRow>
  );
}

export interface RequestDetails {
  row: RequestRow;
  targets: TargetRow[];
  attachments: AttachmentRow[];
  bands: TermOption[];
  municipi: TermOption[];
}

/** The data of the request, by step; with `edit`, each block has a "Modifica" link to its step. */
function Details(props: { ctx: PageContext; d: RequestDetails; edit: boolean; problems?: Set<number> }): Html {
  const { ctx, d } = props;
  const { t } = ctx;
  const { row } = d;
  const block = (n: number, body: Child) => (
    <section class={`wemi-req-block${props.problems?.has(n) ? ' wemi-req-block-error' : ''}`} aria-labelledby={`blocco-${n}`}>
      <div class="wemi-req-block-head">
        <h3 class="h5" id={`blocco-${n}`}>
          {stepLabel(ctx, n)}
        </h3>
        {props.edit ? (
          <a href={paths.requestStep(row.id, n)} aria-label={t('requests.summary.editStep', { step: stepLabel(ctx, n) })}>
            {t('requests.summary.edit')}
          </a>
        ) : null}
      </div>
      <dl class="wemi-req-dl">{body}</dl>
    </section>
  );
  const bandNames = row.time_bands.map((s) => d.bands.find((b) => b.slug === s)).filter((b): b is TermOption => !!b).map((b) => termName(ctx, b));
  const municipio = d.municipi.find((m) => m.id === row.municipio_id);
  const unit = d.targets[0]?.price_unit ?? 'ora';
  return (
    <>
      {block(
        1,
        <Item label={t('requests.detail.enti')}>
          <ul class="list-unstyled mb-0">
            {d.targets.map((x) => (
              <li>
                {x.organization_name} — <a href={paths.service(x.slug)}>{x.name}</a>
                {x.available ? '' : ` (${t('requests.enti.unavailable')})`}
              </li>
            ))}
          </ul>
        </Item>,
      )}
      {block(
        2,
        <>
          <Item label={t('requests.forWhom.legend')}>{row.for_whom ? t(row.for_whom === 'self' ? 'requests.forWhom.self' : 'requests.forWhom.other') : '—'}</Item>
          {row.for_whom === 'other' ? (
            <>
              <Item label={t('requests.beneficiary.name')}>{row.beneficiary_name}</Item>
              <Item label={t('requests.beneficiary.relation')}>{row.beneficiary_relation}</Item>
            </>
          ) : null}
        </>,
      )}
      {block(
        3,
        <>
          <Item label={t('requests.needs.label')}>{row.needs || '—'}</Item>
          <Item label={t('requests.offer.period')}>{periodText(t, ctx.locale, row.period_from, row.period_to) ?? '—'}</Item>
          <Item label={t('requests.days.legend')}>{row.days.length ? row.days.map((x) => t(`requests.day.${x}` as MessageKey)).join(', ') : '—'}</Item>
          <Item label={t('requests.bands.legend')}>{bandNames.length ? bandNames.join(', ') : '—'}</Item>
          <Item label={t('requests.people.label')}>{row.people !== null ? String(row.people) : '—'}</Item>
          <Item label={t('requests.units.label', { unit: unitLabel(ctx, unit) })}>{row.units !== null ? String(row.units) : '—'}</Item>
          {row.notes ? <Item label={t('requests.notes.label')}>{row.notes}</Item> : null}
          <Item label={t('requests.attachments.label')}>
            {d.attachments.length ? (
              <ul class="list-unstyled mb-0">
                {d.attachments.map((a) => (
                  <li>
                    <a href={paths.requestAttachment(row.id, a.id)}>{a.original_name}</a> ({formatSize(a.size_bytes, ctx.locale)})
                  </li>
                ))}
              </ul>
            ) : (
              t('requests.attachments.none')
            )}
          </Item>
        </>,
      )}
      {block(
        4,
        <>
          <Item label={t('requests.municipio.label')}>{municipio ? termName(ctx, municipio) : '—'}</Item>
          <Item label={t('requests.address.label')}>{row.address || '—'}</Item>
        </>,
      )}
      <section class="wemi-req-block">
        <h3 class="h5">{t('requests.payment.title')}</h3>
        <p class="mb-0">{t('requests.payment.outside')}</p>
      </section>
    </>
  );
}

export function SummaryPage(props: { ctx: PageContext; d: RequestDetails; problems: { step: Step; issues: FieldIssue[] }[]; status?: number }): Html {
  const { ctx, d } = props;
  const { t } = ctx;
  const issues = props.problems.flatMap((p) => p.issues.map((i) => ({ ...i, field: `blocco-${p.step}` })));
  return (
    <Page ctx={ctx} title={`${t('requests.step.5.title')} — ${t('requests.new.title')}`} crumbs={[mineCrumb(ctx), { label: d.row.reference }]}>
      <Stepper ctx={ctx} id={d.row.id} current={5} reached={d.row.step} />
      <ErrorSummary ctx={ctx} issues={issues} />
      <p class="wemi-req-ref">
        {t('requests.reference')}: <strong>{d.row.reference}</strong> · {typeName(ctx, d.row)}
      </p>
      <h2 class="h3">{t('requests.step.5.title')}</h2>
      <p>{t('requests.step.5.lead')}</p>
      <CoverageAlert ctx={ctx} row={d.row} outside={outsideTargets(d.targets, d.row.municipio_code)} />
      <Details ctx={ctx} d={d} edit problems={new Set(props.problems.map((p) => p.step))} />
      {props.problems.length ? <p class="wemi-req-incomplete">{t('requests.summary.incomplete')}</p> : null}
      <form method="post" action={paths.requestSend(d.row.id)} class="wemi-req-nav">
        <CsrfField ctx={ctx} />
        <a class="btn btn-outline-primary" href={paths.requestStep(d.row.id, 4)}>
          {t('requests.nav.back')}
        </a>
        <button type="submit" class="btn btn-primary">
          {t('requests.summary.send')}
        </button>
      </form>
      <p class="wemi-field-hint mt-2">{t('requests.summary.confirm')}</p>
    </Page>
  );
}

export function SentPage(props: { ctx: PageContext; row: RequestRow; count: number }): Html {
  const { ctx, row } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t('requests.sent.title')} crumbs={[mineCrumb(ctx), { label: row.reference }]}>
      <div class="wemi-req-ack" role="status">
        <p class="h4">{t('requests.sent.lead', { count: props.count })}</p>
        <p>
          {t('requests.sent.reference')} <strong class="wemi-req-reference">{row.reference}</strong>
        </p>
        <p>{t('requests.sent.next')}</p>
        <p>{t('requests.payment.outside')}</p>
        <a class="btn btn-primary" href={paths.request(row.id)}>
          {t('requests.sent.open')}
        </a>
      </div>
    </Page>
  );
}

export function MyRequestsPage(props: { ctx: PageContext; items: MyRequestRow[]; enti: (EnteRequestView & { request_id: string })[] }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const title = t('requests.mine.title');
  return (
    <Page ctx={ctx} title={title} crumbs={[{ href: paths.personalArea(), label: t('personal.title') }, { label: title }]} lead={t('requests.mine.lead')}>
      {props.items.length === 0 ? (
        <p>
          {t('requests.mine.empty')} <a href={paths.services()}>{t('requests.mine.search')}</a>
        </p>
      ) : null}
      <ul class="list-unstyled wemi-req-list">
        {props.items.map((r) => {
          const rows = props.enti.filter((e) => e.request_id === r.id);
          return (
            <li class="card card-teaser shadow-sm rounded wemi-req-item-card">
              <div class="card-body">
                <h2 class="h5 card-title" id={`richiesta-${r.id}`}>
                  <a href={r.status === 'draft' ? paths.requestStep(r.id, r.step) : paths.request(r.id)}>
                    {r.reference} — {typeName(ctx, r)}
                  </a>
                </h2>
                <p class="mb-2">{r.status === 'draft' ? `${t('requests.mine.draft')} · ${t('requests.mine.created', { date: day(ctx, r.created_at) })}` : t('requests.mine.sent', { date: day(ctx, r.sent_at) })}</p>
                {rows.length ? <EnteStatusTable ctx={ctx} requestId={r.id} rows={rows} labelledBy={`richiesta-${r.id}`} /> : null}
              </div>
            </li>
          );
        })}
      </ul>
    </Page>
  );
}

/** Where the request stands with each ente, in a region that scrolls sideways (named by `labelledBy`). */
function EnteStatusTable(props: { ctx: PageContext; requestId: string; rows: EnteRequestView[]; labelledBy: string }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <DataTable
      labelledBy={props.labelledBy}
      class="table-sm wemi-req-table"
      columns={[t('requests.col.ente'), t('requests.col.status'), t('requests.col.expiry'), t('requests.col.messages')]}
    >
      {props.rows.map((e) => (
        <tr>
          <th scope="row">{e.organization_name}</th>
          <td>{statusLabel(ctx, e.status)}</td>
          <td>{e.status === 'offered' ? day(ctx, e.offer_expires_on) : '—'}</td>
          <td>
            <a href={paths.requestMessages(props.requestId, e.id)} aria-label={t('requests.messages.openWith', { ente: e.organization_name })}>
              {t('requests.messages.open')}
            </a>
            {e.unread ? <span class="badge bg-primary ms-1">{t('requests.unread', { n: e.unread })}</span> : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export interface OfferRow extends EnteRequestView {
  computed: number | null;
  expired: boolean;
}

export function RequestPage(props: { ctx: PageContext; d: RequestDetails; enti: OfferRow[]; notice: NoticeCode | undefined }): Html {
  const { ctx, d } = props;
  const { t } = ctx;
  const id = d.row.id;
  const title = t('requests.detail.title', { reference: d.row.reference });
  const offers = props.enti.filter((e) => e.offer_price !== null && ['offered', 'accepted', 'in_progress', 'completed', 'not_chosen', 'expired'].includes(e.status));
  const bandName = (s: string | null) => {
    const b = s ? d.bands.find((x) => x.slug === s) : undefined;
    return b ? termName(ctx, b) : (s ?? '—');
  };
  const open = props.enti.some((e) => ['sent', 'taken', 'offered', 'accepted'].includes(e.status));
  return (
    <Page ctx={ctx} title={title} crumbs={[mineCrumb(ctx), { label: d.row.reference }]} lead={typeName(ctx, d.row)}>
      <Notice text={noticeText(ctx, props.notice)} />
      <h2 class="h3" id="enti-contattati">
        {t('requests.detail.enti')}
      </h2>
      <EnteStatusTable ctx={ctx} requestId={id} rows={props.enti} labelledBy="enti-contattati" />
      <h2 class="h3 mt-4" id="offerte">
        {t('requests.detail.offers')}
      </h2>
      {offers.length === 0 ? (
        <p>{t('requests.detail.noOffers')}</p>
      ) : (
        <DataTable
          labelledBy="offerte"
          class="wemi-req-offers"
          caption={t('requests.detail.offers')}
          columns={[
            t('requests.col.ente'),
            t('requests.offer.price'),
            t('requests.offer.computed'),
            t('requests.offer.period'),
            t('requests.offer.band'),
            t('requests.offer.expiry'),
            t('requests.offer.rating'),
            t('requests.zone.label'),
            t('requests.offer.notes'),
            t('requests.col.status'),
          ]}
        >
          {offers.map((o) => (
            <tr>
              <th scope="row">
                {o.organization_name}
                <br />
                <a href={paths.service(o.service_slug)}>{o.service_name}</a>
              </th>
              <td>
                <strong>{euro(ctx, o.offer_price)}</strong>
              </td>
              <td>{euro(ctx, o.computed)}</td>
              <td>{periodText(t, ctx.locale, o.offer_period_from, o.offer_period_to) ?? '—'}</td>
              <td>{bandName(o.offer_time_band)}</td>
              <td>
                {day(ctx, o.offer_expires_on)}
                {o.expired && o.status === 'offered' ? ` (${t('requests.offer.expired')})` : ''}
              </td>
              <td>{o.rating_avg !== null ? t('requests.enti.ratingValue', { avg: formatNumber(ctx.locale, Math.round(o.rating_avg * 10) / 10), count: o.rating_count }) : t('requests.enti.noRating')}</td>
              <td>
                <Zone ctx={ctx} codes={o.area_codes} citizenCode={d.row.municipio_code} />
              </td>
              <td>
                {o.offer_notes ?? ''}
                {o.offer_file_id ? (
                  <>
                    {o.offer_notes ? <br /> : null}
                    <a href={paths.requestQuote(id, o.id)}>{t('requests.offer.file')}</a>
                  </>
                ) : null}
              </td>
              <td>
                {statusLabel(ctx, o.status)}
                {o.status === 'offered' && !o.expired ? (
                  <a class="btn btn-primary btn-xs d-block mt-1" href={paths.requestAccept(id, o.id)} aria-label={t('requests.offer.acceptEnte', { ente: o.organization_name })}>
                    {t('requests.offer.accept')}
                  </a>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <p>{t('requests.payment.outside')}</p>
      {open ? (
        <div class="wemi-req-withdraw">
          <ul class="list-inline">
            {props.enti
              .filter((e) => ['sent', 'taken', 'offered', 'accepted'].includes(e.status))
              .map((e) => (
                <li class="list-inline-item">
                  <a href={paths.requestWithdrawEnte(id, e.id)}>{t('requests.withdraw.oneEnte', { ente: e.organization_name })}</a>
                </li>
              ))}
          </ul>
          <a class="btn btn-outline-danger" href={paths.requestWithdraw(id)}>
            {t('requests.withdraw.all')}
          </a>
        </div>
      ) : null}
      <h2 class="h3 mt-4">{t('requests.detail.details')}</h2>
      <Details ctx={ctx} d={d} edit={false} />
    </Page>
  );
}

/** A confirmation step before an action (accept an offer, withdraw). */
export function ConfirmPage(props: { ctx: PageContext; row: RequestRow; title: string; body: string; action: string; confirm: string; danger?: boolean }): Html {
  const { ctx, row } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={props.title} crumbs={[mineCrumb(ctx), { href: paths.request(row.id), label: row.reference }, { label: props.title }]}>
      <p>{props.body}</p>
      <form method="post" action={props.action} class="wemi-req-nav">
        <CsrfField ctx={ctx} />
        <a class="btn btn-outline-primary" href={paths.request(row.id)}>
          {t('requests.cancel')}
        </a>
        <button type="submit" class={`btn ${props.danger ? 'btn-danger' : 'btn-primary'}`}>
          {props.confirm}
        </button>
      </form>
    </Page>
  );
}


/**
 * The confirmation before a request is started from a service card: which service, from which ente, what happens
 * next; "Inizia la richiesta" POSTs (with the CSRF token) to create the draft. The GET changes nothing.
 */
export function StartPage(props: { ctx: PageContext; card: CardOption; draft: boolean }): Html {
  const { ctx, card } = props;
  const { t } = ctx;
  const title = t('requests.start.title');
  return (
    <Page ctx={ctx} title={title} crumbs={[{ href: paths.service(card.slug), label: card.name }, { label: title }]} lead={t('requests.start.lead')}>
      <dl class="wemi-dl wemi-req-start">
        <DlRow label={t('requests.start.service')}>
          <a href={paths.service(card.slug)}>{card.name}</a>
        </DlRow>
        <DlRow label={t('requests.start.ente')}>{card.organization_name}</DlRow>
        <DlRow label={t('requests.zone.label')}>{zoneText(t, card.area_codes)}</DlRow>
      </dl>
      <h2 class="h4" id="cosa-succede">
        {t('requests.start.next')}
      </h2>
      <ol class="wemi-req-start-steps" aria-labelledby="cosa-succede">
        <li>{t('requests.start.step1')}</li>
        <li>{t('requests.start.step2')}</li>
        <li>{t('requests.start.step3')}</li>
      </ol>
      {props.draft ? (
        <div class="alert alert-info" role="note">
          {t('requests.start.draft')}
        </div>
      ) : null}
      <form method="post" action={paths.requestNew()} class="wemi-req-nav">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="servizio" value={card.slug} />
        <a class="btn btn-outline-primary" href={paths.service(card.slug)}>
          {t('requests.start.cancel')}
        </a>
        <button type="submit" class="btn btn-primary">
          {t('requests.start.submit')}
        </button>
      </form>
    </Page>
  );
}
