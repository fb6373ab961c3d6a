import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import type { MessageKey } from '../../i18n/catalogue';
import { formatDate } from '../../i18n/i18n';
import type { FieldIssue } from '../../lib/http/errors';
import { formatSize } from '../../lib/uploads';
import { DlRow, StateChip } from '../../web/backoffice';
import type { PageContext } from '../../web/context';
import { Icon } from '../../web/components';
import { describedBy, FieldError, FieldHead } from '../../web/forms';
import { formatMoment } from '../accounts/public/links.service';
import {
  APPLICANT_ROLES,
  DECLARATIONS,
  DOCUMENT_KINDS,
  fullName,
  isLegalForm,
  normalizeWebsite,
  REQUIRED_DOCUMENTS,
  SECTIONS,
  TEXT_FIELDS,
  type ApplicationData,
  type DocumentKind,
  type Section,
  type TextField,
} from './application.data';
import type { ApplicationStatus } from './application.state';
import type { ApplicationRow, DocumentRow, EventRow, TermOption } from './applications.repository';
import { parseEventNote, RESPONSE_DAYS, type FormOptions } from './applications.service';

// Pieces shared by the applicant's and the City's pages: status chips, the look of the form controls, the document
// field (with the file already uploaded), the read-only view of an application by section, its documents and its
// history.

export const statusLabel = (ctx: PageContext, s: ApplicationStatus) => ctx.t(`applications.status.${s}` as MessageKey);
export const fieldLabel = (ctx: PageContext, f: string) => ctx.t(`applications.field.${f}` as MessageKey);
export const documentLabel = (ctx: PageContext, k: DocumentKind) => ctx.t(`applications.document.${k}` as MessageKey);
export const sectionTitle = (ctx: PageContext, s: Section) => ctx.t(`applications.section.${s}` as MessageKey);
export const sectionId = (s: Section) => `sezione-${s}`;
export const termName = (ctx: PageContext, o: Pick<TermOption, 'name_it' | 'name_en'>) => (ctx.locale === 'en' ? o.name_en : o.name_it);

export const moment = (ctx: PageContext, d: Date) => formatMoment(ctx.locale, d);

export function StatusChip(props: { ctx: PageContext; status: ApplicationStatus }): Html {
  return <StateChip class={`wemi-app-chip wemi-app-chip-${props.status}`} label={statusLabel(props.ctx, props.status)} />;
}

/** This feature's text areas (styled by applications.css, without Bootstrap's form-control). */
export const APP_TEXTAREA = { class: 'wemi-app-textarea', inputClass: '' } as const;
/** This feature's radio and checkbox groups. */
export const APP_FIELDSET = 'wemi-app-fieldset';

/** Days between two instants, rounded down. */
export const daysBetween = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / 86_400_000));
export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
/** The date the City's answer is due (RESPONSE_DAYS after the last submission). */
export const dueDate = (submittedAt: Date) => addDays(submittedAt, RESPONSE_DAYS);
/** The City has held the application longer than the standard. */
export const isOverdue = (submittedAt: Date, now: Date) => now.getTime() - submittedAt.getTime() > RESPONSE_DAYS * 86_400_000;

const errorOf = (issues: readonly FieldIssue[], name: string) => issues.find((i) => i.field === name)?.message;

/** One document of the form: what it is, the file already uploaded (if any) and the file input to (re)place it. */
export function FileField(props: { ctx: PageContext; kind: DocumentKind; current: DocumentRow | undefined; href: (doc: DocumentRow) => string; removeHref: (doc: DocumentRow) => string; issues: readonly FieldIssue[] }): Html {
  const { ctx, kind } = props;
  const { t } = ctx;
  const name = `doc_${kind}`;
  const error = errorOf(props.issues, name);
  const required = REQUIRED_DOCUMENTS.includes(kind);
  const hint = `${t(`applications.documentHint.${kind}` as MessageKey)} ${t('applications.documentRule')}`;
  return (
    <div class={`form-group wemi-field wemi-app-file${error ? ' wemi-field-error' : ''}`}>
      <FieldHead ctx={ctx} name={name} label={documentLabel(ctx, kind)} hint={hint} optional={!required} />
      {props.current ? (
        <p class="wemi-app-file-current" id={`${name}-current`}>
          <Icon ctx={ctx} name="file" class="icon-sm" />{' '}
          <span class="visually-hidden">{t('applications.form.fileCurrent')} </span>
          <a href={props.href(props.current)}>{props.current.original_name}</a> ({formatSize(props.current.size_bytes, ctx.locale)}) ·{' '}
          <a href={props.removeHref(props.current)}>
            {t('applications.form.fileRemove')}
            <span class="visually-hidden"> {documentLabel(ctx, kind)}</span>
          </a>
        </p>
      ) : null}
      <FieldError ctx={ctx} name={name} error={error} />
      <input
        type="file"
        class={`form-control${error ? ' is-invalid' : ''}`}
        id={name}
        name={name}
        accept="application/pdf,.pdf"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={[describedBy(name, hint, error), props.current ? `${name}-current` : ''].filter(Boolean).join(' ') || undefined}
      />
      {props.current ? <small class="form-text">{t('applications.form.fileReplace')}</small> : null}
    </div>
  );
}

/** The City's note on a section, shown beside it when changes are requested. */
export function SectionNote(props: { ctx: PageContext; note: string | undefined }): Html {
  if (!props.note) return <></>;
  return (
    <div class="callout warning wemi-app-note" role="note">
      <div class="callout-title">
        <Icon ctx={props.ctx} name="info-circle" />
        <span>{props.ctx.t('applications.note.title')}</span>
      </div>
      <p class="wemi-app-note-text">{props.note}</p>
    </div>
  );
}

export function valueOf(ctx: PageContext, data: ApplicationData, f: TextField, options: FormOptions): Child {
  const v = data[f];
  const none = <span class="wemi-muted">{ctx.t('applications.details.none')}</span>;
  if (!v) return none;
  switch (f) {
    case 'forma_giuridica':
      return isLegalForm(v) ? ctx.t(`applications.legalForm.${v}` as MessageKey) : v;
    case 'sede_municipio': {
      const m = options.municipi.find((o) => o.code === v);
      return m ? termName(ctx, m) : v;
    }
    case 'compilatore':
      return (APPLICANT_ROLES as readonly string[]).includes(v) ? ctx.t(`applications.compilatore.${v}` as MessageKey) : v;
    case 'sito':
      return <span class="wemi-break">{normalizeWebsite(v)}</span>;
    case 'descrizione':
      return <span class="wemi-app-prewrap">{v}</span>;
    case 'pec':
    case 'email':
    case 'referente_email':
      return <span class="wemi-break">{v}</span>;
    default:
      return v;
  }
}

/**
 * An application read-only, section by section: the summary before sending, the applicant's status page and the
 * City's page. Optional per section: a link to change it, the City's note.
 */
export function ApplicationDetails(props: {
  ctx: PageContext;
  data: ApplicationData;
  documents: DocumentRow[];
  options: FormOptions;
  documentHref: (doc: DocumentRow) => string;
  editHref?: (s: Section) => string;
  notes?: Partial<Record<Section, string>>;
  headingLevel?: 2 | 3;
}): Html {
  const { ctx, data, options } = props;
  const { t } = ctx;
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  const none = <span class="wemi-muted">{t('applications.details.none')}</span>;
  const sectionBody = (s: Section): Child => {
    switch (s) {
      case 'ente':
      case 'sede':
      case 'persone':
        return (
          <dl class="wemi-dl">
            {TEXT_FIELDS[s].map((f) => (
              <DlRow label={fieldLabel(ctx, f)}>{valueOf(ctx, data, f, options)}</DlRow>
            ))}
          </dl>
        );
      case 'ambiti': {
        const cats = data.categorie.map((c) => options.categories.find((o) => o.code === c)).map((o, i) => (o ? termName(ctx, o) : data.categorie[i]!));
        const muns = data.municipi.map((m) => options.municipi.find((o) => o.code === m)).map((o, i) => (o ? termName(ctx, o) : data.municipi[i]!));
        return (
          <dl class="wemi-dl">
            <DlRow label={t('applications.field.categorie')}>{cats.length ? <ul class="wemi-app-list">{cats.map((c) => <li>{c}</li>)}</ul> : none}</DlRow>
            <DlRow label={t('applications.field.municipi')}>{muns.length ? muns.join(', ') : none}</DlRow>
          </dl>
        );
      }
      case 'dichiarazioni':
        return (
          <ul class="wemi-app-declarations">
            {DECLARATIONS.map((d) => (
              <li class={data[d] ? 'wemi-app-yes' : 'wemi-app-no'}>
                <span class="fw-semibold">{data[d] ? t('applications.details.declared') : t('applications.details.notDeclared')}</span>
                {': '}
                {t(`applications.declaration.${d}` as MessageKey)}
              </li>
            ))}
          </ul>
        );
      case 'documenti':
        return (
          <dl class="wemi-dl">
            {DOCUMENT_KINDS.map((k) => {
              const doc = props.documents.find((d) => d.kind === k);
              return (
                <DlRow label={documentLabel(ctx, k)}>
                  {doc ? (
                    <>
                      <a href={props.documentHref(doc)}>
                        {doc.original_name}
                        <span class="visually-hidden"> ({documentLabel(ctx, k)})</span>
                      </a>{' '}
                      <span class="wemi-muted">
                        ({t('applications.details.pdf')}, {formatSize(doc.size_bytes, ctx.locale)})
                      </span>
                    </>
                  ) : (
                    none
                  )}
                </DlRow>
              );
            })}
          </dl>
        );
    }
  };
  return (
    <div class="wemi-app-details">
      {SECTIONS.map((s) => (
        <section class="wemi-app-details-section" aria-labelledby={`dettagli-${s}`}>
          <div class="d-flex flex-wrap justify-content-between align-items-baseline gap-2">
            <H class={H === 'h2' ? 'h4' : 'h5'} id={`dettagli-${s}`}>
              {sectionTitle(ctx, s)}
            </H>
            {props.editHref ? (
              <a href={props.editHref(s)}>
                {t('applications.summary.change')}
                <span class="visually-hidden"> {sectionTitle(ctx, s)}</span>
              </a>
            ) : null}
          </div>
          {props.notes ? <SectionNote ctx={ctx} note={props.notes[s]} /> : null}
          {sectionBody(s)}
        </section>
      ))}
    </div>
  );
}

/** An application as its pages show it: the row, the data by section, the documents and the history. */
export interface ApplicationView {
  row: ApplicationRow;
  data: ApplicationData;
  documents: DocumentRow[];
  events: EventRow[];
  options: FormOptions;
}

/** The application's data by section, then its history: the applicant's status page and the City's page. */
export function ApplicationRecord(props: {
  ctx: PageContext;
  record: Omit<ApplicationView, 'row'>;
  documentHref: (doc: DocumentRow) => string;
  notes: Partial<Record<Section, string>>;
  showActors: boolean;
}): Html {
  const { ctx, record } = props;
  const { t } = ctx;
  return (
    <>
      <h2 class="h4 mt-5">{t('applications.page.data')}</h2>
      <ApplicationDetails ctx={ctx} data={record.data} documents={record.documents} options={record.options} documentHref={props.documentHref} notes={props.notes} headingLevel={3} />
      <h2 class="h4 mt-5" id="storia">
        {t('applications.history.title')}
      </h2>
      <History ctx={ctx} events={record.events} showActors={props.showActors} id="storia" />
    </>
  );
}

/** Who did what and when: every transition, with the City's notes and reasons. */
export function History(props: { ctx: PageContext; events: EventRow[]; showActors: boolean; id?: string }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <ol class="wemi-app-history" aria-labelledby={props.id}>
      {props.events.map((e) => {
        const note = parseEventNote(e.note);
        const actor = e.actor_given_name !== null ? fullName(e.actor_given_name, e.actor_family_name ?? '') : '';
        return (
          <li class="wemi-app-history-item">
            <p class="mb-1">
              <time datetime={e.at.toISOString()} class="wemi-app-history-when">
                {moment(ctx, e.at)}
              </time>
              {' · '}
              <span class="fw-semibold">{t(`applications.event.${e.to_status}` as MessageKey)}</span>
              {props.showActors && actor ? <span class="wemi-muted"> — {actor}</span> : null}
            </p>
            {note && 'notes' in note ? (
              <ul class="wemi-app-history-notes">
                {SECTIONS.filter((s) => note.notes[s]).map((s) => (
                  <li>
                    <span class="fw-semibold">{sectionTitle(ctx, s)}:</span> <span class="wemi-app-prewrap">{note.notes[s]}</span>
                  </li>
                ))}
              </ul>
            ) : note && 'text' in note ? (
              <p class="wemi-app-history-text wemi-app-prewrap">{note.text}</p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** A day as people read it: "3 marzo 2026". */
export function formatDay(ctx: PageContext, d: Date): string {
  return formatDate(ctx.locale, d);
}
