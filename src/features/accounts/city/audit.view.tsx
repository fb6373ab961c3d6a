import type { Html } from '../../../lib/jsx/jsx-runtime';
import type { Locale } from '../../../i18n/i18n';
import type { FieldIssue } from '../../../lib/http/errors';
import type { PageContext } from '../../../web/context';
import { BackOfficeLayout, cityCrumb, countText, FilterForm, FilterText, ResultsTable } from '../../../web/backoffice';
import { ErrorSummary } from '../../../web/components';
import { SelectField, type FormState } from '../../../web/forms';
import { auditActionGroups, auditActionLabel, isAuditAction } from '../../../lib/audit-actions';
import { cityPaths } from '../../../web/paths';
import type { AuditRow } from './users-admin.repository';
import { isUuid } from './users-admin.service';

// The audit log page: filters (a GET form), the rows newest first, pagination, and the CSV export link
// carrying the same filters.

/** The filter as typed (query-string names), kept to fill the form again. */
export interface AuditFilterValues {
  attore: string;
  azione: string;
  oggetto: string;
  dal: string;
  al: string;
}

export interface AuditView {
  filter: AuditFilterValues;
  issues: FieldIssue[];
  items: AuditRow[];
  total: number;
  page: number;
  pages: number;
}

function filterParams(f: Partial<AuditFilterValues>, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ['attore', 'azione', 'oggetto', 'dal', 'al'] as const) if (f[key]) params.set(key, f[key]);
  if (page && page > 1) params.set('pagina', String(page));
  return params.toString();
}

export const auditHref = (f: Partial<AuditFilterValues>, page?: number) => {
  const s = filterParams(f, page);
  return s ? `${cityPaths.audit()}?${s}` : cityPaths.audit();
};

export const auditCsvHref = (f: Partial<AuditFilterValues>) => {
  const s = filterParams(f);
  return s ? `${cityPaths.auditCsv()}?${s}` : cityPaths.auditCsv();
};

const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  it: new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Rome' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Rome' }),
};

function Target(props: { row: AuditRow }): Html {
  const { target_type: type, target_id: id } = props.row;
  if (!type && !id) return <></>;
  if (type === 'user' && isUuid(id ?? undefined)) {
    return (
      <>
        {type} <a href={cityPaths.user(id!)} class="wemi-break">{id}</a>
      </>
    );
  }
  return <span class="wemi-break">{[type, id].filter(Boolean).join(' ')}</span>;
}

export function AuditPage(props: { ctx: PageContext; view: AuditView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const form: FormState = { values: { ...view.filter }, issues: view.issues };
  const filtered = Object.values(view.filter).some(Boolean);
  return (
    <BackOfficeLayout ctx={ctx} title={t('cityUsers.audit.title')} lead={t('cityUsers.audit.lead')} crumbs={[cityCrumb(ctx), { label: t('cityUsers.audit.title') }]}>
      <ErrorSummary ctx={ctx} issues={view.issues} />
      <FilterForm
        action={cityPaths.audit()}
        title={t('cityUsers.audit.filter.title')}
        column="col-12 col-md-4"
        submit={t('cityUsers.audit.filter.submit')}
        reset={filtered ? { href: cityPaths.audit(), label: t('cityUsers.audit.filter.reset') } : undefined}
      >
        <FilterText ctx={ctx} form={form} name="attore" label={t('cityUsers.audit.filter.actor')} hint={t('cityUsers.audit.filter.actorHint')} maxlength={200} />
        <SelectField
          ctx={ctx}
          form={form}
          name="azione"
          label={t('cityUsers.audit.filter.action')}
          hint={t('cityUsers.audit.filter.actionHint')}
          empty={t('cityUsers.audit.filter.anyAction')}
          options={view.filter.azione && !isAuditAction(view.filter.azione) ? [{ value: view.filter.azione, label: t('cityUsers.audit.filter.prefix', { prefix: view.filter.azione }) }] : []}
          groups={auditActionGroups(ctx.locale).map((g) => ({ label: g.label, options: g.actions.map((a) => ({ value: a.code, label: a.label })) }))}
        />
        <FilterText ctx={ctx} form={form} name="oggetto" label={t('cityUsers.audit.filter.target')} hint={t('cityUsers.audit.filter.targetHint')} maxlength={100} />
        <FilterText ctx={ctx} form={form} name="dal" type="date" label={t('cityUsers.audit.filter.from')} hint={t('cityUsers.audit.filter.dateHint')} />
        <FilterText ctx={ctx} form={form} name="al" type="date" label={t('cityUsers.audit.filter.to')} hint={t('cityUsers.audit.filter.dateHint')} />
      </FilterForm>
      <div class="d-flex flex-wrap align-items-baseline justify-content-between gap-2 mb-3">
        <h2 class="h4 mb-0" id="results-title">
          {countText(ctx, view.total, { zero: 'cityUsers.audit.results.zero', one: 'cityUsers.audit.results.one', other: 'cityUsers.audit.results.other' })}
        </h2>
        {view.issues.length === 0 ? (
          <p class="mb-0">
            <a class="btn btn-outline-primary btn-sm" href={auditCsvHref(view.filter)} download="" aria-describedby="export-hint">
              {t('cityUsers.audit.export')}
            </a>
            <small class="d-block wemi-field-hint mt-1" id="export-hint">
              {t('cityUsers.audit.exportHint')}
            </small>
          </p>
        ) : null}
      </div>
      <ResultsTable
        ctx={ctx}
        results={view}
        empty={t('cityUsers.audit.results.empty')}
        href={(n) => auditHref(view.filter, n)}
        labelledBy="results-title"
        class="wemi-bo-table wemi-audit-table"
        caption={t('cityUsers.audit.caption', { page: view.page, pages: view.pages })}
        columns={[t('cityUsers.audit.col.at'), t('cityUsers.audit.col.actor'), t('cityUsers.audit.col.action'), t('cityUsers.audit.col.target'), t('cityUsers.audit.col.ip'), t('cityUsers.audit.col.details')]}
      >
        {view.items.map((r) => (
          <tr>
            <td class="text-nowrap">
              <time datetime={r.at.toISOString()}>{dateTimeFormats[ctx.locale].format(r.at)}</time>
            </td>
            <td class="wemi-break">
              {r.actor_id && isUuid(r.actor_id) ? <a href={cityPaths.user(r.actor_id)}>{r.actor_label || r.actor_id}</a> : r.actor_label}
            </td>
            <td class="wemi-audit-action">
              {isAuditAction(r.action) ? (
                <>
                  {auditActionLabel(ctx.locale, r.action)}{' '}
                  <small class="d-block wemi-audit-code">
                    <code>{r.action}</code>
                  </small>
                </>
              ) : (
                <code>{r.action}</code>
              )}
            </td>
            <td>
              <Target row={r} />
            </td>
            <td>{r.ip ?? ''}</td>
            <td>{Object.keys(r.details ?? {}).length ? <code class="wemi-details">{JSON.stringify(r.details)}</code> : null}</td>
          </tr>
        ))}
      </ResultsTable>
    </BackOfficeLayout>
  );
}
