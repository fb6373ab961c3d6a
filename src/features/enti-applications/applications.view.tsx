import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import type { MessageKey } from '../../i18n/catalogue';
import type { FieldIssue } from '../../lib/http/errors';
import type { PageContext } from '../../web/context';
import { ButtonLink, DlRow, NOINDEX, Notice, PrivatePage } from '../../web/backoffice';
import { ErrorSummary, Icon, PageIndex } from '../../web/components';
import { CheckboxField, CheckboxGroup, CsrfField, RadioGroup, SelectField, TextAreaField, TextField, type FormState } from '../../web/forms';
import { Layout, PageHeader } from '../../web/layout';
import { paths } from '../../web/paths';
import { FeedbackWidget } from '../feedback/feedback.view';
import {
  APPLICANT_ROLES,
  DECLARATIONS,
  DOCUMENT_KINDS,
  LEGAL_FORMS,
  REQUIRED_DOCUMENTS,
  SECTIONS,
  type ApplicationData,
  type Section,
} from './application.data';
import { isEditable, isWithCity, type ApplicationStatus } from './application.state';
import { LIMITS } from './application.validation';
import {
  APP_FIELDSET,
  APP_TEXTAREA,
  ApplicationDetails,
  ApplicationRecord,
  dueDate,
  type ApplicationView,
  FileField,
  formatDay,
  SectionNote,
  sectionId,
  sectionTitle,
  StatusChip,
  termName,
  documentLabel,
} from './applications.components';
import type { ApplicationRow, DocumentRow, MyApplication, TermOption } from './applications.repository';
import { ENTI_TEAM_EMAIL, RESPONSE_DAYS, type FormOptions } from './applications.service';

// The public side of "Diventa ente WeMi": the open call, the applicant's list of applications, the form (one page,
// in sections, saved as a draft at every "Salva bozza"), the summary before sending, and the status page with the
// history and the City's notes. Every page works without JavaScript.

export const NOTICES = {
  salvata: 'applications.notice.saved',
  inviata: 'applications.notice.submitted',
  reinviata: 'applications.notice.resubmitted',
  'documento-rimosso': 'applications.notice.documentRemoved',
  bozza: 'applications.notice.existingDraft',
} as const satisfies Record<string, MessageKey>;
export type NoticeCode = keyof typeof NOTICES;

const callCrumb = (ctx: PageContext) => ({ href: paths.openCall(), label: ctx.t('applications.call.title') });
const mineCrumb = (ctx: PageContext) => ({ href: paths.myApplications(), label: ctx.t('applications.mine.title') });

const noticeText = (ctx: PageContext, notice: NoticeCode | undefined) => (notice ? ctx.t(NOTICES[notice]) : undefined);

/** The steps of the online flow: fill in, check and send, done. */
function Steps(props: { ctx: PageContext; current: 1 | 2 | 3 }): Html {
  const { t } = props.ctx;
  const steps = [t('applications.steps.fill'), t('applications.steps.check'), t('applications.steps.sent')];
  return (
    <nav class="wemi-app-steps" aria-label={t('applications.steps.label')}>
      <ol>
        {steps.map((s, i) => (
          <li class={i + 1 === props.current ? 'wemi-app-step-current' : i + 1 < props.current ? 'wemi-app-step-done' : undefined} aria-current={i + 1 === props.current ? 'step' : undefined}>
            <span class="wemi-app-step-n" aria-hidden="true">
              {i + 1}
            </span>{' '}
            {s}
            {i + 1 < props.current ? <span class="visually-hidden"> ({t('applications.steps.done')})</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function PageSection(props: { id: string; title: string; element?: string; children?: Child }): Html {
  return (
    <section class="it-page-section wemi-page-section" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 class="wemi-section-title" id={`${props.id}-title`}>
        {props.title}
      </h2>
      <div data-element={props.element}>{props.children}</div>
    </section>
  );
}

// 1. The open call --------------------------------------------------------------------------------------------

/** Categories grouped by section (the taxonomy's parents), in the catalogue's order. */
export function groupTerms(options: TermOption[]): { code: string | null; it: string | null; en: string | null; items: TermOption[] }[] {
  const groups: { code: string | null; it: string | null; en: string | null; items: TermOption[] }[] = [];
  for (const o of options) {
    let g = groups.find((x) => x.code === o.group_code);
    if (!g) groups.push((g = { code: o.group_code, it: o.group_it, en: o.group_en, items: [] }));
    g.items.push(o);
  }
  return groups;
}

export function OpenCallPage(props: { ctx: PageContext; categories: TermOption[] }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const title = t('applications.call.title');
  const sections = [
    { id: 'a-chi-e-rivolto', label: t('applications.call.audience.title') },
    { id: 'requisiti', label: t('applications.call.requirements.title') },
    { id: 'categorie', label: t('applications.call.categories.title') },
    { id: 'come-fare', label: t('applications.call.howTo.title') },
    { id: 'cosa-serve', label: t('applications.call.needed.title') },
    { id: 'cosa-si-ottiene', label: t('applications.call.achieved.title') },
    { id: 'tempi-e-scadenze', label: t('applications.call.calendar.title') },
    { id: 'accedi-al-servizio', label: t('applications.call.access.title') },
    { id: 'contatti', label: t('applications.call.contacts.title') },
  ];
  return (
    <Layout ctx={ctx} title={title} description={t('applications.call.lead')}>
      <PageHeader ctx={ctx} crumbs={[{ label: title }]} title={title} titleElement="service-title" lead={t('applications.call.lead')} leadElement="service-description">
        <ul class="wemi-chips" aria-label={t('applications.call.topics')}>
          <li>
            <span class="chip chip-simple chip-primary wemi-chip-status" data-element="service-status">
              <span class="chip-label">{t('applications.call.open')}</span>
            </span>
          </li>
          <li>
            <a class="chip chip-simple wemi-chip-topic" href={paths.enti()} data-element="service-topic">
              <span class="chip-label">{t('applications.call.topic')}</span>
            </a>
          </li>
        </ul>
      </PageHeader>
      <div class="container">
        <div class="row justify-content-center wemi-service-layout">
          <div class="col-12 col-lg-3 mb-4 wemi-page-index-col">
            <PageIndex ctx={ctx} items={sections} />
          </div>
          <div class="col-12 col-lg-7 ps-lg-5 it-page-sections-container wemi-app-call">
            <PageSection id="a-chi-e-rivolto" title={t('applications.call.audience.title')} element="service-addressed">
              <p>{t('applications.call.audience.body')}</p>
              <ul>
                {LEGAL_FORMS.map((f) => (
                  <li>{t(`applications.legalForm.${f.code}` as MessageKey)}</li>
                ))}
              </ul>
              <p>{t('applications.call.audience.others')}</p>
            </PageSection>
            <PageSection id="requisiti" title={t('applications.call.requirements.title')}>
              <p>{t('applications.call.requirements.intro')}</p>
              <ul>
                <li>{t('applications.call.requirements.general')}</li>
                <li>{t('applications.call.requirements.subjective')}</li>
                <li>{t('applications.call.requirements.contracts')}</li>
                <li>{t('applications.call.requirements.runts')}</li>
              </ul>
              <p>{t('applications.call.requirements.others')}</p>
            </PageSection>
            <PageSection id="categorie" title={t('applications.call.categories.title')}>
              <p>{t('applications.call.categories.intro')}</p>
              {groupTerms(props.categories).map((g) => (
                <>
                  {g.code ? <h3 class="h6 mt-3">{ctx.locale === 'en' ? g.en : g.it}</h3> : null}
                  <ul class="wemi-app-call-list">
                    {g.items.map((c) => (
                      <li>{termName(ctx, c)}</li>
                    ))}
                  </ul>
                </>
              ))}
            </PageSection>
            <PageSection id="come-fare" title={t('applications.call.howTo.title')} element="service-how-to">
              <ol>
                <li>{t('applications.call.howTo.login')}</li>
                <li>{t('applications.call.howTo.fill')}</li>
                <li>{t('applications.call.howTo.send')}</li>
                <li>{t('applications.call.howTo.review')}</li>
                <li>{t('applications.call.howTo.outcome')}</li>
              </ol>
            </PageSection>
            <PageSection id="cosa-serve" title={t('applications.call.needed.title')} element="service-needed">
              <p>{t('applications.call.needed.intro')}</p>
              <ul>
                {DOCUMENT_KINDS.map((k) => (
                  <li>
                    <span class="fw-semibold">{documentLabel(ctx, k)}</span>
                    {REQUIRED_DOCUMENTS.includes(k) ? '' : ` (${t('form.optional')})`}: {t(`applications.documentHint.${k}` as MessageKey)}
                  </li>
                ))}
              </ul>
              <p>{t('applications.call.needed.rule')}</p>
            </PageSection>
            <PageSection id="cosa-si-ottiene" title={t('applications.call.achieved.title')} element="service-achieved">
              <p>{t('applications.call.achieved.body')}</p>
            </PageSection>
            <PageSection id="tempi-e-scadenze" title={t('applications.call.calendar.title')} element="service-calendar-text">
              <p>{t('applications.call.calendar.body', { days: RESPONSE_DAYS })}</p>
              <p>{t('applications.call.calendar.open')}</p>
            </PageSection>
            <PageSection id="accedi-al-servizio" title={t('applications.call.access.title')} element="service-online-access">
              <p>{t('applications.call.access.body')}</p>
              <ButtonLink href={paths.myApplications()}>{t('applications.call.access.button')}</ButtonLink>
              <p class="wemi-muted">{t('applications.call.access.login')}</p>
            </PageSection>
            <PageSection id="contatti" title={t('applications.call.contacts.title')}>
              <p>
                {t('applications.call.contacts.body')} <a href={`mailto:${ENTI_TEAM_EMAIL}`}>{ENTI_TEAM_EMAIL}</a>
              </p>
            </PageSection>
          </div>
        </div>
      </div>
      <FeedbackWidget ctx={ctx} />
    </Layout>
  );
}

// 2. My applications ------------------------------------------------------------------------------------------

export function MyApplicationsPage(props: { ctx: PageContext; items: MyApplication[]; notice?: NoticeCode | undefined }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const title = t('applications.mine.title');
  const hasDraft = props.items.some((a) => a.status === 'draft');
  return (
    <PrivatePage ctx={ctx} title={title} crumbs={[callCrumb(ctx), { label: title }]} lead={t('applications.mine.lead')}>
      <Notice text={noticeText(ctx, props.notice)} />
      {props.items.length === 0 ? (
        <p>{t('applications.mine.none')}</p>
      ) : (
        <ul class="wemi-app-mine" aria-label={title}>
          {props.items.map((a) => (
            <li class="card card-teaser shadow-sm rounded">
              <div class="card-body">
                <h2 class="card-title h5 mb-1">
                  <a href={paths.application(a.id)}>{a.name || t('applications.noName')}</a>
                </h2>
                <p class="card-text mb-1">
                  {t('applications.reference')}: <span class="fw-semibold">{a.reference}</span> · <StatusChip ctx={ctx} status={a.status} />
                </p>
                <p class="card-text wemi-muted mb-0">
                  {a.submitted_at ? t('applications.mine.submittedOn', { date: formatDay(ctx, a.submitted_at) }) : t('applications.mine.updatedOn', { date: formatDay(ctx, a.updated_at) })}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={paths.myApplications()} class="mt-4">
        <CsrfField ctx={ctx} />
        <button type="submit" class="btn btn-primary">
          {hasDraft ? t('applications.mine.continue') : t('applications.mine.start')}
        </button>
      </form>
      <p class="mt-3">
        <a href={paths.openCall()}>{t('applications.mine.readCall')}</a>
      </p>
    </PrivatePage>
  );
}

// 3. The form --------------------------------------------------------------------------------------------------

export interface FormView {
  row: ApplicationRow;
  data: ApplicationData;
  documents: DocumentRow[];
  options: FormOptions;
  issues: FieldIssue[];
  notes: Partial<Record<Section, string>>;
  notice?: NoticeCode | undefined;
}

function SectionBlock(props: { ctx: PageContext; section: Section; note: string | undefined; lead?: string; children?: Child }): Html {
  return (
    <section class="wemi-app-section" id={sectionId(props.section)} aria-labelledby={`${sectionId(props.section)}-title`}>
      <h2 class="h3 wemi-app-section-title" id={`${sectionId(props.section)}-title`}>
        {sectionTitle(props.ctx, props.section)}
      </h2>
      <SectionNote ctx={props.ctx} note={props.note} />
      {props.lead ? <p>{props.lead}</p> : null}
      {props.children}
    </section>
  );
}

export function ApplicationFormPage(props: { ctx: PageContext; view: FormView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const { data, row } = view;
  const form: FormState = { values: Object.fromEntries(Object.entries(data).filter(([, v]) => typeof v === 'string')) as Record<string, string>, issues: view.issues };
  const title = row.status === 'changes_requested' ? t('applications.form.titleChanges') : t('applications.form.title');
  const municipi = view.options.municipi.map((m) => ({ value: m.code, label: termName(ctx, m) }));
  const id = row.id;
  return (
    <Layout ctx={ctx} title={view.issues.length ? `${t('applications.titleErrorPrefix')} ${title}` : title} head={NOINDEX}>
      <PageHeader ctx={ctx} crumbs={[callCrumb(ctx), mineCrumb(ctx), { label: title }]} title={title} lead={t('applications.form.lead', { reference: row.reference })} />
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-3 mb-4 wemi-page-index-col">
            <PageIndex ctx={ctx} items={SECTIONS.map((s) => ({ id: sectionId(s), label: sectionTitle(ctx, s) }))} />
          </div>
          <div class="col-12 col-lg-7 ps-lg-5">
            <Steps ctx={ctx} current={1} />
            <Notice text={noticeText(ctx, view.notice)} />
            <ErrorSummary ctx={ctx} issues={view.issues} />
            {row.status === 'changes_requested' ? (
              <div class="alert alert-warning" role="note">
                {t('applications.form.changesIntro')}
              </div>
            ) : null}
            <p class="wemi-muted">{t('applications.form.draftHint')}</p>
            <form method="post" action={`${paths.applicationEdit(id)}?_csrf=${ctx.csrfToken}`} enctype="multipart/form-data" novalidate class="wemi-app-form">
              <CsrfField ctx={ctx} />
              <SectionBlock ctx={ctx} section="ente" note={view.notes.ente}>
                <TextField ctx={ctx} form={form} name="denominazione" label={t('applications.field.denominazione')} hint={t('applications.hint.denominazione')} maxlength={LIMITS.denominazione} autocomplete="organization" required />
                <SelectField
                  ctx={ctx}
                  form={form}
                  name="forma_giuridica"
                  label={t('applications.field.forma_giuridica')}
                  hint={t('applications.hint.forma_giuridica')}
                  empty={t('applications.form.pick')}
                  options={LEGAL_FORMS.map((f) => ({ value: f.code, label: t(`applications.legalForm.${f.code}` as MessageKey) }))}
                />
                <TextField ctx={ctx} form={form} name="codice_fiscale" label={t('applications.field.codice_fiscale')} hint={t('applications.hint.codice_fiscale')} maxlength={20} autocomplete="off" required />
                <TextField ctx={ctx} form={form} name="partita_iva" label={t('applications.field.partita_iva')} hint={t('applications.hint.partita_iva')} maxlength={20} inputmode="numeric" autocomplete="off" />
                <TextField ctx={ctx} form={form} name="runts" label={t('applications.field.runts')} hint={t('applications.hint.runts')} maxlength={LIMITS.runts} autocomplete="off" />
                <TextAreaField ctx={ctx} form={form} name="descrizione" label={t('applications.field.descrizione')} hint={t('applications.hint.descrizione', { min: LIMITS.descrizioneMin, max: LIMITS.descrizione })} maxlength={LIMITS.descrizione} required rows={6} {...APP_TEXTAREA} />
              </SectionBlock>

              <SectionBlock ctx={ctx} section="sede" note={view.notes.sede}>
                <TextField ctx={ctx} form={form} name="sede_indirizzo" label={t('applications.field.sede_indirizzo')} hint={t('applications.hint.sede_indirizzo')} maxlength={LIMITS.sede_indirizzo} autocomplete="street-address" required />
                <div class="row">
                  <div class="col-12 col-md-4">
                    <TextField ctx={ctx} form={form} name="sede_cap" label={t('applications.field.sede_cap')} maxlength={5} inputmode="numeric" autocomplete="postal-code" required />
                  </div>
                  <div class="col-12 col-md-8">
                    <TextField ctx={ctx} form={form} name="sede_comune" label={t('applications.field.sede_comune')} maxlength={LIMITS.sede_comune} autocomplete="address-level2" required />
                  </div>
                </div>
                <SelectField ctx={ctx} form={form} name="sede_municipio" label={`${t('applications.field.sede_municipio')} (${t('form.optional')})`} hint={t('applications.hint.sede_municipio')} empty={t('applications.form.pickNone')} options={municipi} />
                <TextField ctx={ctx} form={form} name="pec" type="email" label={t('applications.field.pec')} hint={t('applications.hint.pec')} maxlength={254} autocomplete="off" required />
                <TextField ctx={ctx} form={form} name="email" type="email" label={t('applications.field.email')} hint={t('applications.hint.email')} maxlength={254} autocomplete="email" required />
                <TextField ctx={ctx} form={form} name="telefono" type="tel" label={t('applications.field.telefono')} hint={t('applications.hint.telefono')} maxlength={30} autocomplete="tel" required />
                <TextField ctx={ctx} form={form} name="sito" type="url" label={t('applications.field.sito')} hint={t('applications.hint.sito')} maxlength={300} autocomplete="url" />
              </SectionBlock>

              <SectionBlock ctx={ctx} section="persone" note={view.notes.persone}>
                <RadioGroup
                  ctx={ctx}
                  form={form}
                  name="compilatore"
                  legend={t('applications.field.compilatore')}
                  options={APPLICANT_ROLES.map((r) => ({ value: r, label: t(`applications.compilatore.${r}` as MessageKey) }))}
                  class={APP_FIELDSET}
                />
                <h3 class="h5 mt-4">{t('applications.form.representative')}</h3>
                <div class="row">
                  <div class="col-12 col-md-6">
                    <TextField ctx={ctx} form={form} name="rappresentante_nome" label={t('applications.field.rappresentante_nome')} maxlength={LIMITS.name} autocomplete="off" required />
                  </div>
                  <div class="col-12 col-md-6">
                    <TextField ctx={ctx} form={form} name="rappresentante_cognome" label={t('applications.field.rappresentante_cognome')} maxlength={LIMITS.name} autocomplete="off" required />
                  </div>
                </div>
                <TextField ctx={ctx} form={form} name="rappresentante_cf" label={t('applications.field.rappresentante_cf')} hint={t('applications.hint.rappresentante_cf')} maxlength={20} autocomplete="off" required />
                <h3 class="h5 mt-4">{t('applications.form.contact')}</h3>
                <p class="wemi-muted">{t('applications.form.contactHint')}</p>
                <div class="row">
                  <div class="col-12 col-md-6">
                    <TextField ctx={ctx} form={form} name="referente_nome" label={t('applications.field.referente_nome')} maxlength={LIMITS.name} autocomplete="off" required />
                  </div>
                  <div class="col-12 col-md-6">
                    <TextField ctx={ctx} form={form} name="referente_cognome" label={t('applications.field.referente_cognome')} maxlength={LIMITS.name} autocomplete="off" required />
                  </div>
                </div>
                <TextField ctx={ctx} form={form} name="referente_email" type="email" label={t('applications.field.referente_email')} maxlength={254} autocomplete="off" required />
                <TextField ctx={ctx} form={form} name="referente_telefono" type="tel" label={t('applications.field.referente_telefono')} maxlength={30} autocomplete="off" required />
              </SectionBlock>

              <SectionBlock ctx={ctx} section="ambiti" note={view.notes.ambiti}>
                <CheckboxGroup
                  ctx={ctx}
                  form={form}
                  name="categorie"
                  legend={t('applications.field.categorie')}
                  hint={t('applications.hint.categorie')}
                  groups={groupTerms(view.options.categories).map((g) => ({
                    label: g.code ? (ctx.locale === 'en' ? (g.en ?? '') : (g.it ?? '')) : undefined,
                    options: g.items.map((c) => ({ value: c.code, label: termName(ctx, c) })),
                  }))}
                  checked={data.categorie}
                  class={APP_FIELDSET}
                  optionsClass="wemi-checkbox-columns"
                />
                <CheckboxGroup
                  ctx={ctx}
                  form={form}
                  name="municipi"
                  legend={t('applications.field.municipi')}
                  hint={t('applications.hint.municipi')}
                  options={municipi}
                  checked={data.municipi}
                  class={APP_FIELDSET}
                  optionsClass="wemi-checkbox-columns"
                />
              </SectionBlock>

              <SectionBlock ctx={ctx} section="dichiarazioni" note={view.notes.dichiarazioni} lead={t('applications.form.declarationsLead')}>
                {DECLARATIONS.map((d) => (
                  <CheckboxField ctx={ctx} form={{ values: { [d]: data[d] ? '1' : undefined }, issues: view.issues }} name={d} label={t(`applications.declaration.${d}` as MessageKey)} />
                ))}
              </SectionBlock>

              <SectionBlock ctx={ctx} section="documenti" note={view.notes.documenti} lead={t('applications.form.documentsLead')}>
                {DOCUMENT_KINDS.map((k) => (
                  <FileField
                    ctx={ctx}
                    kind={k}
                    current={view.documents.find((d) => d.kind === k)}
                    href={(doc) => paths.applicationDocument(id, doc.id)}
                    removeHref={(doc) => paths.applicationDocumentRemove(id, doc.id)}
                    issues={view.issues}
                  />
                ))}
              </SectionBlock>

              <div class="wemi-app-actions">
                <button type="submit" name="azione" value="salva" class="btn btn-outline-primary">
                  {t('applications.form.saveDraft')}
                </button>
                <button type="submit" name="azione" value="riepilogo" class="btn btn-primary">
                  {t('applications.form.toSummary')}
                </button>
              </div>
              <p class="wemi-muted mt-2">{t('applications.form.actionsHint')}</p>
            </form>
            <p class="mt-4">
              <a href={paths.application(id)}>{t('applications.form.backToStatus')}</a>
            </p>
          </div>
        </div>
      </div>
    </Layout>
  );
}

// 4. Summary before sending -----------------------------------------------------------------------------------

export function SummaryPage(props: { ctx: PageContext; row: ApplicationRow; data: ApplicationData; documents: DocumentRow[]; options: FormOptions; issues: FieldIssue[] }): Html {
  const { ctx, row } = props;
  const { t } = ctx;
  const title = t('applications.summary.title');
  const id = row.id;
  const resubmit = row.status === 'changes_requested';
  return (
    <PrivatePage
      ctx={ctx}
      title={title}
      crumbs={[callCrumb(ctx), mineCrumb(ctx), { href: paths.applicationEdit(id), label: t('applications.form.title') }, { label: title }]}
      lead={t('applications.summary.lead', { reference: row.reference })}
    >
      <Steps ctx={ctx} current={2} />
      <ErrorSummary ctx={ctx} issues={props.issues} title={t('applications.summary.incomplete')} href={(field) => `${paths.applicationEdit(id)}#${field}`} />
      <ApplicationDetails ctx={ctx} data={props.data} documents={props.documents} options={props.options} documentHref={(d) => paths.applicationDocument(id, d.id)} editHref={(s) => `${paths.applicationEdit(id)}#${sectionId(s)}`} />
      {props.issues.length ? (
        <ButtonLink href={paths.applicationEdit(id)}>{t('applications.summary.complete')}</ButtonLink>
      ) : (
        <form method="post" action={paths.applicationSend(id)} class="wemi-app-send">
          <CsrfField ctx={ctx} />
          <h2 class="h4">{resubmit ? t('applications.summary.sendAgainTitle') : t('applications.summary.sendTitle')}</h2>
          <p>{t('applications.summary.sendBody', { days: RESPONSE_DAYS })}</p>
          <div class="d-flex flex-wrap gap-3 align-items-center">
            <button type="submit" class="btn btn-primary">
              {resubmit ? t('applications.summary.sendAgain') : t('applications.summary.send')}
            </button>
            <a href={paths.applicationEdit(id)}>{t('applications.summary.back')}</a>
          </div>
        </form>
      )}
    </PrivatePage>
  );
}

// 5. Status, history, notes ------------------------------------------------------------------------------------

export function ApplicationStatusPage(props: ApplicationView & { ctx: PageContext; notes: Partial<Record<Section, string>>; notice?: NoticeCode | undefined }): Html {
  const { ctx, row, data } = props;
  const { t } = ctx;
  const title = data.denominazione || t('applications.noName');
  const id = row.id;
  const status: ApplicationStatus = row.status;
  const sent = props.notice === 'inviata' || props.notice === 'reinviata';
  return (
    <PrivatePage ctx={ctx} title={title} crumbs={[callCrumb(ctx), mineCrumb(ctx), { label: row.reference }]} lead={t('applications.page.lead', { reference: row.reference })}>
      {sent ? <Steps ctx={ctx} current={3} /> : null}
      {sent ? (
        <div class="alert alert-success wemi-notice wemi-app-receipt" role="status">
          <p class="h5">{t(props.notice === 'reinviata' ? 'applications.notice.resubmitted' : 'applications.notice.submitted')}</p>
          <p class="mb-1">
            {t('applications.reference')}: <strong class="wemi-app-reference">{row.reference}</strong>
          </p>
          <p class="mb-0">{t('applications.notice.mailSent')}</p>
        </div>
      ) : (
        <Notice text={noticeText(ctx, props.notice)} />
      )}
      <h2 class="h4">{t('applications.page.title')}</h2>
      <dl class="wemi-dl">
        <DlRow label={t('applications.page.current')}>
          <StatusChip ctx={ctx} status={status} />
          <span class="d-block mt-1">{t(`applications.statusHelp.${status}` as MessageKey)}</span>
        </DlRow>
        <DlRow label={t('applications.reference')}>{row.reference}</DlRow>
        {row.first_submitted_at ? <DlRow label={t('applications.page.firstSubmitted')}>{formatDay(ctx, row.first_submitted_at)}</DlRow> : null}
        {row.submitted_at && isWithCity(status) ? (
          <DlRow label={t('applications.page.expected')}>{t('applications.page.expectedBy', { date: formatDay(ctx, dueDate(row.submitted_at)), days: RESPONSE_DAYS })}</DlRow>
        ) : null}
        {row.decided_at && (status === 'qualified' || status === 'rejected') ? <DlRow label={t('applications.page.decided')}>{formatDay(ctx, row.decided_at)}</DlRow> : null}
      </dl>
      {status === 'rejected' && row.decision_reason ? (
        <div class="callout danger wemi-app-note">
          <div class="callout-title">
            <Icon ctx={ctx} name="info-circle" />
            <span>{t('applications.page.reason')}</span>
          </div>
          <p class="wemi-app-prewrap">{row.decision_reason}</p>
        </div>
      ) : null}
      {status === 'qualified' ? (
        <div class="callout success wemi-app-note">
          <div class="callout-title">
            <Icon ctx={ctx} name="check-circle" />
            <span>{t('applications.page.qualifiedTitle')}</span>
          </div>
          <p>{t('applications.page.qualifiedBody')}</p>
          <p class="mb-0">
            <a class="btn btn-primary btn-sm me-2" href={paths.enteBackOffice()}>
              {t('applications.page.toBackOffice')}
            </a>
            {row.organization_slug ? <a href={paths.ente(row.organization_slug)}>{t('applications.page.publicPage')}</a> : null}
          </p>
        </div>
      ) : null}
      {isEditable(status) ? (
        <ButtonLink href={paths.applicationEdit(id)}>{status === 'draft' ? t('applications.page.continue') : t('applications.page.edit')}</ButtonLink>
      ) : null}
      {status === 'changes_requested' && Object.keys(props.notes).length ? (
        <p>{t('applications.page.notesIntro')}</p>
      ) : null}

      <ApplicationRecord ctx={ctx} record={props} documentHref={(d) => paths.applicationDocument(id, d.id)} notes={status === 'changes_requested' ? props.notes : {}} showActors={false} />
      <p class="mt-4">
        <a href={paths.myApplications()}>{t('applications.page.backToList')}</a>
      </p>
    </PrivatePage>
  );
}

// 6. Removing a document (confirmation) --------------------------------------------------------------------------

export function RemoveDocumentPage(props: { ctx: PageContext; row: ApplicationRow; doc: DocumentRow }): Html {
  const { ctx, row, doc } = props;
  const { t } = ctx;
  const title = t('applications.remove.title');
  return (
    <PrivatePage ctx={ctx} title={title} crumbs={[callCrumb(ctx), mineCrumb(ctx), { href: paths.applicationEdit(row.id), label: t('applications.form.title') }, { label: title }]}>
      <p class="lead">{t('applications.remove.lead', { name: doc.original_name, kind: documentLabel(ctx, doc.kind) })}</p>
      <p>{t('applications.remove.unsaved')}</p>
      <form method="post" action={paths.applicationDocumentRemove(row.id, doc.id)} class="d-flex flex-wrap gap-3 align-items-center">
        <CsrfField ctx={ctx} />
        <button type="submit" class="btn btn-danger">
          {t('applications.remove.submit')}
        </button>
        <a href={`${paths.applicationEdit(row.id)}#${sectionId('documenti')}`}>{t('applications.cancel')}</a>
      </form>
    </PrivatePage>
  );
}

// 7. A refused change (wrong state, wrong actor) -------------------------------------------------------------------

export function RefusedPage(props: { ctx: PageContext; message: string; back: { href: string; label: string } }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const title = t('applications.refused.title');
  return (
    <PrivatePage ctx={ctx} title={title} crumbs={[{ label: title }]}>
      <div class="alert alert-danger" role="alert">
        <p class="mb-0 wemi-app-refused">{props.message}</p>
      </div>
      <p>{t('applications.refused.nothingChanged')}</p>
      <ButtonLink href={props.back.href}>{props.back.label}</ButtonLink>
    </PrivatePage>
  );
}
