import type { Html } from '../../../lib/jsx/jsx-runtime';
import type { MessageKey } from '../../../i18n/catalogue';
import { formatNumber } from '../../../i18n/i18n';
import type { FieldIssue } from '../../../lib/http/errors';
import type { PageContext } from '../../../web/context';
import { BackOfficeLayout, cityCrumb, DataTable, FormActions, Notice, PostForm, StateChip } from '../../../web/backoffice';
import { ErrorSummary } from '../../../web/components';
import { errorOf, FieldError, RadioGroup, TextAreaField, type FormState } from '../../../web/forms';
import { cityPaths, paths } from '../../../web/paths';
import { WEEKDAYS } from '../spazi.presenter';
import type { SpazioStatus } from '../spazi.repository';
import { dayName } from '../spazi.view';
import type { CitySpazioRow } from './spazi-city.repository';
import { closeField, NOTE_MAX, openField, slotsOf } from './spazi-city.service';

// Pages of the City's back office for the Spazi WeMi: the list with statuses and hours, the page of one Spazio
// (opening hours form, status form) and the confirmation of an archiving. Plain forms that work without JavaScript.

export const NOTICES = {
  'orari-salvati': 'spaziCity.notice.hours',
  archiviato: 'spaziCity.notice.archived',
  ripristinato: 'spaziCity.notice.restored',
  'stato-aggiornato': 'spaziCity.notice.status',
} as const satisfies Record<string, MessageKey>;
export type NoticeCode = keyof typeof NOTICES;

const STATUS_KEYS = {
  confirmed: 'spaziCity.status.confirmed',
  unconfirmed: 'spaziCity.status.unconfirmed',
  archived: 'spaziCity.status.archived',
} as const satisfies Record<SpazioStatus, MessageKey>;
const STATUS_HINTS = {
  confirmed: 'spaziCity.status.confirmedHint',
  unconfirmed: 'spaziCity.status.unconfirmedHint',
  archived: 'spaziCity.status.archivedHint',
} as const satisfies Record<SpazioStatus, MessageKey>;

export const statusLabel = (ctx: PageContext, s: SpazioStatus) => ctx.t(STATUS_KEYS[s]);

const spaziCrumb = (ctx: PageContext) => ({ href: cityPaths.spazi(), label: ctx.t('spaziCity.list.title') });

function StatusChip(props: { ctx: PageContext; status: SpazioStatus }): Html {
  return <StateChip class={`wemi-chip-spazio-${props.status}`} label={statusLabel(props.ctx, props.status)} />;
}

function hoursSummary(ctx: PageContext, row: CitySpazioRow): string {
  const n = row.opening_hours.length;
  if (n === 0) return ctx.t('spaziCity.hoursSummary.none');
  const days = new Set(row.opening_hours.map((r) => r.weekday)).size;
  if (n === 1) return ctx.t('spaziCity.hoursSummary.one');
  return ctx.t('spaziCity.hoursSummary.some', { ranges: n, days });
}

// 1. The list

export function CitySpaziPage(props: { ctx: PageContext; rows: readonly CitySpazioRow[]; notice?: NoticeCode | undefined }): Html {
  const { ctx, rows } = props;
  const { t } = ctx;
  const count = (s: SpazioStatus) => rows.filter((r) => r.status === s).length;
  return (
    <BackOfficeLayout ctx={ctx} title={t('spaziCity.list.title')} lead={t('spaziCity.list.lead')} crumbs={[cityCrumb(ctx), { label: t('spaziCity.list.title') }]}>
      <Notice text={props.notice ? t(NOTICES[props.notice]) : undefined} />
      <p class="fw-semibold" data-counts="">
        {t('spaziCity.list.count', {
          n: formatNumber(ctx.locale, rows.length),
          confirmed: formatNumber(ctx.locale, count('confirmed')),
          unconfirmed: formatNumber(ctx.locale, count('unconfirmed')),
          archived: formatNumber(ctx.locale, count('archived')),
        })}
      </p>
      <DataTable
        caption={t('spaziCity.list.caption')}
        captionVisible
        columns={[t('spaziCity.col.name'), t('spaziCity.col.municipio'), t('spaziCity.col.status'), t('spaziCity.col.hours'), t('spaziCity.col.public')]}
      >
        {rows.map((r) => (
          <tr data-spazio={r.slug} data-status={r.status}>
            <th scope="row">
              <a href={cityPaths.spazio(r.slug)}>{r.name}</a>
            </th>
            <td>{r.municipio ?? '—'}</td>
            <td>
              <StatusChip ctx={ctx} status={r.status} />
            </td>
            <td>{hoursSummary(ctx, r)}</td>
            <td>
              {r.status === 'archived' ? (
                t('spaziCity.public.archived')
              ) : (
                <a href={paths.spazio(r.slug)}>
                  {t('spaziCity.public.open')}
                  <span class="visually-hidden"> {r.name}</span>
                </a>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </BackOfficeLayout>
  );
}

// 2. One Spazio: opening hours and status

/** A time of day typed as text ("9:00", "9.00"): the same on every browser and keyboard, always 24-hour. */
function TimeInput(props: { ctx: PageContext; form: FormState; name: string; label: string }): Html {
  const { ctx, form, name } = props;
  const error = errorOf(form, name);
  return (
    <div class={`wemi-hours-input${error ? ' wemi-field-error' : ''}`}>
      <label for={name} class="wemi-field-label">
        {props.label}
      </label>
      <FieldError ctx={ctx} name={name} error={error} />
      <input
        type="text"
        inputmode="decimal"
        autocomplete="off"
        maxlength="5"
        class={error ? 'form-control is-invalid' : 'form-control'}
        id={name}
        name={name}
        value={form.values[name] ?? ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={['orari-time-hint', error ? `${name}-error` : ''].filter(Boolean).join(' ')}
      />
    </div>
  );
}

function HoursForm(props: { ctx: PageContext; row: CitySpazioRow; form: FormState }): Html {
  const { ctx, row, form } = props;
  const { t } = ctx;
  return (
    <PostForm ctx={ctx} action={cityPaths.spazioHours(row.slug)} class="wemi-bo-form wemi-hours-form" labelledBy="orari-title">
      <p id="orari-time-hint" class="form-text">
        {t('spaziCity.hours.timeHint')}
      </p>
      {WEEKDAYS.map((d) => {
        const slots = slotsOf(form.values, d);
        return (
          <fieldset class="wemi-hours-day" data-weekday={String(d)}>
            <legend class="h6">{dayName(ctx, d)}</legend>
            <div class="wemi-hours-slots">
              {Array.from({ length: slots }, (_, i) => i + 1).map((slot) => (
                <div class="wemi-hours-slot">
                  <TimeInput ctx={ctx} form={form} name={openField(d, slot)} label={t('spaziCity.hours.open', { slot })} />
                  <TimeInput ctx={ctx} form={form} name={closeField(d, slot)} label={t('spaziCity.hours.close', { slot })} />
                </div>
              ))}
            </div>
          </fieldset>
        );
      })}
      <TextAreaField ctx={ctx} form={form} name="nota_it" label={t('spaziCity.hours.noteIt')} hint={t('spaziCity.hours.noteHint')} rows={3} maxlength={NOTE_MAX} lang="it" />
      <TextAreaField ctx={ctx} form={form} name="nota_en" label={t('spaziCity.hours.noteEn')} rows={3} maxlength={NOTE_MAX} lang="en" />
      <FormActions submit={t('spaziCity.hours.submit')} cancel={{ href: cityPaths.spazi(), label: t('spaziCity.back') }} />
    </PostForm>
  );
}

function StatusForm(props: { ctx: PageContext; row: CitySpazioRow; form: FormState }): Html {
  const { ctx, row, form } = props;
  const { t } = ctx;
  // Only the statuses it can move to, none chosen: a form sent as rendered asks for a choice instead of refusing
  // "already in this status".
  const options = (['confirmed', 'unconfirmed', 'archived'] as const)
    .filter((s) => s !== row.status)
    .map((s) => ({ value: s, label: statusLabel(ctx, s), hint: t(STATUS_HINTS[s]) }));
  return (
    <PostForm ctx={ctx} action={cityPaths.spazioStatus(row.slug)} labelledBy="stato-title">
      <RadioGroup ctx={ctx} form={form} name="stato" legend={t('spaziCity.status.legend')} options={options} value={form.values.stato} required />
      <FormActions submit={t('spaziCity.status.submit')} />
    </PostForm>
  );
}

export interface CitySpazioView {
  row: CitySpazioRow;
  hoursForm: FormState;
  statusForm: FormState;
  notice?: NoticeCode | undefined;
}

export function CitySpazioPage(props: { ctx: PageContext; view: CitySpazioView }): Html {
  const { ctx } = props;
  const { row, hoursForm, statusForm } = props.view;
  const { t } = ctx;
  const issues: FieldIssue[] = [...hoursForm.issues, ...statusForm.issues];
  const updated = row.hours_updated_at ? new Date(row.hours_updated_at) : null;
  return (
    <BackOfficeLayout
      ctx={ctx}
      title={t('spaziCity.edit.title', { name: row.name })}
      lead={row.municipio !== null ? t('spaziCity.edit.lead', { m: row.municipio, address: row.address }) : row.address}
      crumbs={[cityCrumb(ctx), spaziCrumb(ctx), { label: row.name }]}
    >
      <Notice text={props.view.notice ? t(NOTICES[props.view.notice]) : undefined} />
      <ErrorSummary ctx={ctx} issues={issues} />
      <p class="d-flex flex-wrap gap-3 align-items-center">
        <span>
          {t('spaziCity.edit.current')} <StatusChip ctx={ctx} status={row.status} />
        </span>
        {row.status === 'archived' ? null : <a href={paths.spazio(row.slug)}>{t('spaziCity.edit.public')}</a>}
      </p>
      <section class="mb-5" aria-labelledby="orari-title">
        <h2 class="h4" id="orari-title">
          {t('spaziCity.hours.title')}
        </h2>
        <p>{t('spaziCity.hours.lead')}</p>
        <p class="wemi-muted">
          {updated
            ? t('spaziCity.edit.lastHours', { date: updated.toLocaleString(ctx.locale === 'en' ? 'en-GB' : 'it-IT', { timeZone: 'Europe/Rome', dateStyle: 'long', timeStyle: 'short' }) })
            : t('spaziCity.edit.seededHours')}
        </p>
        <HoursForm ctx={ctx} row={row} form={hoursForm} />
      </section>
      <section class="mb-5" aria-labelledby="stato-title">
        <h2 class="h4" id="stato-title">
          {t('spaziCity.status.title')}
        </h2>
        <StatusForm ctx={ctx} row={row} form={statusForm} />
      </section>
    </BackOfficeLayout>
  );
}

// 3. Confirmation of an archiving

export function CitySpazioArchivePage(props: { ctx: PageContext; row: CitySpazioRow }): Html {
  const { ctx, row } = props;
  const { t } = ctx;
  const title = t('spaziCity.archive.title', { name: row.name });
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[cityCrumb(ctx), spaziCrumb(ctx), { href: cityPaths.spazio(row.slug), label: row.name }, { label: title }]}>
      <p class="lead">{t('spaziCity.archive.lead')}</p>
      <PostForm ctx={ctx} action={cityPaths.spazioStatus(row.slug)}>
        <input type="hidden" name="stato" value="archived" />
        <input type="hidden" name="conferma" value="si" />
        <FormActions submit={t('spaziCity.archive.submit')} danger cancel={{ href: cityPaths.spazio(row.slug), label: t('spaziCity.cancel') }} />
      </PostForm>
    </BackOfficeLayout>
  );
}
