import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import { formatDate, formatNumber } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/catalogue';
import type { FieldIssue } from '../../lib/http/errors';
import { formatSize } from '../../lib/uploads';
import type { PageContext } from '../../web/context';
import { BackOfficeLayout, ButtonLink, DataTable, DlRow, FormActions, Notice, PostForm, SectionCards, StateChip } from '../../web/backoffice';
import { ErrorSummary } from '../../web/components';
import { CheckboxGroup, FileField, SelectField, TextAreaField, TextField, type FormState } from '../../web/forms';
import { entePaths, paths } from '../../web/paths';
import { ENTE_DOCUMENT_KINDS, presentSocials, SOCIAL_NETWORKS, type DocumentKind, type SocialNetwork } from '../enti/enti.presenter';
import type { EnteCardRow, EnteCounts, EnteStatus, MunicipioOption, SiteRow, SpazioOption, StoredFileMeta, TeamMember } from './ente-card.repository';
import { LIMITS } from './ente-card.service';
import { readFacts } from './ente-facts';
import type { EnteRevisionRow } from './ente-revision.repository';
import { PendingFacts } from './ente-revision.view';

// Pages of the ente back office ("Gestione ente"): the ente's home, its card and logo, sites, Spazi WeMi,
// documents and operators. Administrators of the ente see forms; operators see the same data read-only.
// Everything works without JavaScript: plain forms that post and redirect (303) to a page announcing the outcome.

export type EnteRole = 'ente_admin' | 'ente_operator';

/** Outcomes announced after a redirect (`?esito=`). */
export const NOTICES = {
  'scheda-salvata': 'enteCard.notice.cardSaved',
  'in-validazione': 'enteCard.notice.factsSubmitted',
  'richiesta-aggiornata': 'enteCard.notice.factsUpdated',
  'richiesta-ritirata': 'enteCard.notice.factsWithdrawn',
  'nessuna-modifica': 'enteCard.notice.noChange',
  'logo-caricato': 'enteCard.notice.logoUploaded',
  'logo-rimosso': 'enteCard.notice.logoRemoved',
  'documento-caricato': 'enteCard.notice.documentUploaded',
  'sede-aggiunta': 'enteCard.notice.siteAdded',
  'sede-salvata': 'enteCard.notice.siteSaved',
  'sede-rimossa': 'enteCard.notice.siteRemoved',
  'spazi-salvati': 'enteCard.notice.spaziSaved',
  'operatore-invitato': 'enteCard.notice.operatorInvited',
  'operatore-rimosso': 'enteCard.notice.operatorRemoved',
} as const satisfies Record<string, MessageKey>;
export type NoticeCode = keyof typeof NOTICES;

export const DOCUMENT_LABELS = {
  'condizioni-uso': 'enteCard.document.terms',
  privacy: 'enteCard.document.privacy',
  recesso: 'enteCard.document.withdrawal',
} as const satisfies Record<DocumentKind, MessageKey>;

const SOCIAL_LABELS = {
  facebook: 'enteCard.field.facebook',
  instagram: 'enteCard.field.instagram',
  linkedin: 'enteCard.field.linkedin',
  youtube: 'enteCard.field.youtube',
} as const satisfies Record<SocialNetwork, MessageKey>;

const STATUS_LABELS = {
  draft: 'enteCard.status.draft',
  active: 'enteCard.status.active',
  suspended: 'enteCard.status.suspended',
  revoked: 'enteCard.status.revoked',
} as const satisfies Record<EnteStatus, MessageKey>;

// Shared pieces

type Part = 'home' | 'card' | 'sites' | 'spazi' | 'documents' | 'operators';

/** The page shell: breadcrumb "Gestione ente › <ente> › <page>" (the menu of the ente's parts is the back office's, src/web/backoffice-nav.tsx). */
function EnteLayout(props: { ctx: PageContext; ente: Pick<EnteCardRow, 'id' | 'name'>; part: Part; title: string; lead?: string; crumbs?: { href?: string; label: string }[]; children?: Child }): Html {
  const { ctx, ente, part } = props;
  const { t } = ctx;
  const crumbs = [
    { href: paths.enteBackOffice(), label: t('enteCard.backOffice') },
    ...(part === 'home' ? [{ label: ente.name }] : [{ href: entePaths.home(ente.id), label: ente.name }, ...(props.crumbs ?? [{ label: props.title }])]),
  ];
  return (
    <BackOfficeLayout ctx={ctx} title={props.title} lead={props.lead} crumbs={crumbs}>
      {props.children}
    </BackOfficeLayout>
  );
}

const noticeText = (ctx: PageContext, notice: NoticeCode | undefined) => (notice ? ctx.t(NOTICES[notice]) : undefined);

function ReadOnlyNote(props: { ctx: PageContext }): Html {
  return (
    <div class="alert alert-info wemi-ente-readonly" role="note">
      {props.ctx.t('enteCard.readOnly')}
    </div>
  );
}

/** What administrators can do on a page (a link to its form), or the note that the page is read-only. */
function AdminAction(props: { ctx: PageContext; admin: boolean; href: string; label: string }): Html {
  return props.admin ? <ButtonLink href={props.href}>{props.label}</ButtonLink> : <ReadOnlyNote ctx={props.ctx} />;
}

/** A value, or "Non indicato". */
const orNone = (ctx: PageContext, v: string | null | undefined): Child => (v && v.trim() ? v : <span class="wemi-muted">{ctx.t('common.notAvailable')}</span>);

/** Multi-line text as typed (line breaks kept by CSS). */
const multiline = (ctx: PageContext, v: string | null | undefined): Child => (v && v.trim() ? <span class="wemi-ente-multiline">{v}</span> : orNone(ctx, v));

/** The multi-line fields of the ente's forms (their own height and border). */
export const ENTE_TEXTAREA = { inputClass: 'form-control wemi-ente-textarea' } as const;

/** The cancel link of the ente's forms. */
const cancel = (ctx: PageContext, href: string) => ({ href, label: ctx.t('enteCard.cancel') });

function StatusChip(props: { ctx: PageContext; status: EnteStatus }): Html {
  return <StateChip class={`wemi-chip-ente-${props.status}`} label={props.ctx.t(STATUS_LABELS[props.status])} />;
}

const municipioName = (ctx: PageContext, m: { municipio_name_it: string | null; municipio_name_en: string | null }) =>
  (ctx.locale === 'en' && m.municipio_name_en ? m.municipio_name_en : m.municipio_name_it) ?? '';

const fileDescription = (ctx: PageContext, f: StoredFileMeta) =>
  ctx.t('enteCard.file.meta', { name: f.original_name, size: formatSize(f.size_bytes, ctx.locale), date: formatDate(ctx.locale, f.created_at) });

// 1. The ente's home

export interface EnteHomeView {
  ente: EnteCardRow;
  role: EnteRole;
  counts: EnteCounts;
  documents: number;
}

export function EnteHomePage(props: { ctx: PageContext; view: EnteHomeView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const e = view.ente;
  const n = (x: number) => formatNumber(ctx.locale, x);
  const sections: { href: string; title: string; body: string; state: string }[] = [
    { href: entePaths.card(e.id), title: t('enteCard.nav.card'), body: t('enteCard.home.card'), state: e.description_it ? t('enteCard.home.cardFilled') : t('enteCard.home.cardEmpty') },
    { href: entePaths.sites(e.id), title: t('enteCard.nav.sites'), body: t('enteCard.home.sites'), state: t('enteCard.home.count', { n: n(view.counts.sites) }) },
    { href: entePaths.spazi(e.id), title: t('enteCard.nav.spazi'), body: t('enteCard.home.spazi'), state: t('enteCard.home.count', { n: n(view.counts.spazi) }) },
    { href: entePaths.documents(e.id), title: t('enteCard.nav.documents'), body: t('enteCard.home.documents'), state: t('enteCard.home.documentsState', { n: n(view.documents), total: ENTE_DOCUMENT_KINDS.length }) },
    { href: entePaths.operators(e.id), title: t('enteCard.nav.operators'), body: t('enteCard.home.operators'), state: t('enteCard.home.people', { n: n(view.counts.team) }) },
    // Service cards: src/features/service-cards (another feature), linked here.
    {
      href: entePaths.serviceCards(e.id),
      title: t('enteCard.nav.serviceCards'),
      body: t('enteCard.home.serviceCards'),
      state: t('enteCard.home.servicesState', { published: n(view.counts.services_published), total: n(view.counts.services_total) }),
    },
    { href: entePaths.requests(e.id), title: t('enteRequests.nav'), body: t('enteCard.home.requests'), state: '' },
    { href: entePaths.reviews(e.id), title: t('reviews.ente.title'), body: t('enteCard.home.reviews'), state: '' },
  ];
  return (
    <EnteLayout ctx={ctx} ente={e} part="home" title={e.name} lead={view.role === 'ente_admin' ? t('enteCard.home.leadAdmin') : t('enteCard.home.leadOperator')}>
      <h2 class="h4" id="status-title">
        {t('enteCard.home.status')}
      </h2>
      <div class="wemi-ente-status mb-4" aria-labelledby="status-title" role="group">
        <p class="mb-1">
          <StatusChip ctx={ctx} status={e.status} />
        </p>
        <p class="mb-1">{t(`enteCard.status.${e.status}.explain` as MessageKey)}</p>
        {(e.status === 'suspended' || e.status === 'revoked') && e.status_reason ? (
          <p class="mb-1">
            <span class="fw-semibold">{t('enteCard.home.reason')}</span> {e.status_reason}
          </p>
        ) : null}
        {e.status === 'active' ? (
          <p class="mb-0">
            <a href={paths.ente(e.slug)}>{t('enteCard.preview', { name: e.name })}</a>
          </p>
        ) : null}
      </div>

      <h2 class="h4" id="sections-title">
        {t('enteCard.home.sections')}
      </h2>
      <SectionCards labelledBy="sections-title" class="mb-4" sections={sections} />

      <h2 class="h4">{t('enteCard.home.registered')}</h2>
      <p>{t('enteCard.home.registeredLead')}</p>
      <dl class="wemi-dl">
        <DlRow label={t('enteCard.field.name')}>{e.name}</DlRow>
        <DlRow label={t('enteCard.field.legalForm')}>{orNone(ctx, e.legal_form)}</DlRow>
        <DlRow label={t('enteCard.field.taxCode')}>{orNone(ctx, e.tax_code)}</DlRow>
        <DlRow label={t('enteCard.field.vatNumber')}>{orNone(ctx, e.vat_number)}</DlRow>
        <DlRow label={t('enteCard.field.runts')}>{orNone(ctx, e.runts_number)}</DlRow>
        <DlRow label={t('enteCard.field.registeredOffice')}>{orNone(ctx, e.registered_office)}</DlRow>
        <DlRow label={t('enteCard.field.legalRepresentative')}>{orNone(ctx, e.legal_representative)}</DlRow>
      </dl>
    </EnteLayout>
  );
}

// 2. The ente card and its logo

export interface CardView {
  ente: EnteCardRow;
  role: EnteRole;
  /** The card form (values typed, issues). */
  form: FormState;
  /** The logo form's issues. */
  logoIssues: FieldIssue[];
  logo: StoredFileMeta | undefined;
  notice: NoticeCode | undefined;
  /** The request to change the public facts waiting for the City, if any. */
  pending?: EnteRevisionRow | undefined;
}

/** The card's current values as form values. */
export function cardFormValues(e: EnteCardRow): Record<string, string> {
  const socials = presentSocials(e.socials);
  return {
    denominazione: e.name,
    descrizione_it: e.description_it,
    descrizione_en: e.description_en,
    email: e.email ?? '',
    telefono: e.phone ?? '',
    pec: e.pec ?? '',
    sito: e.website ?? '',
    primo_contatto: e.first_contact_hours,
    referente: e.contact_person,
    facebook: socials.facebook ?? '',
    instagram: socials.instagram ?? '',
    linkedin: socials.linkedin ?? '',
    youtube: socials.youtube ?? '',
  };
}

function PreviewLink(props: { ctx: PageContext; ente: EnteCardRow }): Html {
  const { ctx, ente } = props;
  return ente.status === 'active' ? (
    <p>
      <a href={paths.ente(ente.slug)} class="wemi-ente-preview">
        {ctx.t('enteCard.preview', { name: ente.name })}
      </a>
    </p>
  ) : (
    <p class="wemi-muted">{ctx.t('enteCard.previewNotPublic')}</p>
  );
}

export function CardPage(props: { ctx: PageContext; view: CardView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const e = view.ente;
  const form = view.form;
  const admin = view.role === 'ente_admin';
  const socials = presentSocials(e.socials);
  const issues = [...form.issues, ...view.logoIssues];
  return (
    <EnteLayout ctx={ctx} ente={e} part="card" title={t('enteCard.card.title')} lead={t('enteCard.card.lead')}>
      <Notice text={noticeText(ctx, view.notice)} />
      <ErrorSummary ctx={ctx} issues={issues} />
      {admin ? null : <ReadOnlyNote ctx={ctx} />}
      <PreviewLink ctx={ctx} ente={e} />
      {view.pending ? <PendingFacts ctx={ctx} enteId={e.id} revision={view.pending} published={readFacts(e)} admin={admin} /> : null}
      {admin ? <p>{t('enteCard.card.validation')}</p> : null}

      <h2 class="h4 mt-4" id="logo-title">
        {t('enteCard.logo.title')}
      </h2>
      {view.logo ? (
        <div class="wemi-ente-logo-current mb-3">
          <img class="wemi-ente-logo" src={entePaths.logo(e.id)} alt={t('enteCard.logo.alt', { name: e.name })} width="96" height="96" />
          <p class="mb-0">{fileDescription(ctx, view.logo)}</p>
        </div>
      ) : (
        <p>{t('enteCard.logo.none')}</p>
      )}
      {admin ? (
        <>
          <PostForm ctx={ctx} action={entePaths.logo(e.id)} multipart class="wemi-bo-form mb-3">
            <FileField
              ctx={ctx}
              form={{ values: {}, issues: view.logoIssues }}
              name="logo"
              label={view.logo ? t('enteCard.logo.replace') : t('enteCard.logo.upload')}
              hint={t('enteCard.logo.hint')}
              accept=".png,.jpg,.jpeg,image/png,image/jpeg"
              required
              class="wemi-ente-file"
            />
            <button type="submit" class="btn btn-outline-primary">
              {view.logo ? t('enteCard.logo.submitReplace') : t('enteCard.logo.submit')}
            </button>
          </PostForm>
          {view.logo ? (
            <PostForm ctx={ctx} action={entePaths.logoRemove(e.id)} class="mb-4">
              <button type="submit" class="btn btn-outline-danger">
                {t('enteCard.logo.remove')}
              </button>
            </PostForm>
          ) : null}
        </>
      ) : null}

      <h2 class="h4 mt-5" id="card-title">
        {t('enteCard.card.data')}
      </h2>
      {admin ? (
        <PostForm ctx={ctx} action={entePaths.card(e.id)} labelledBy="card-title">
          <fieldset class="wemi-fieldset mb-4">
            <legend class="h5">{t('enteCard.card.about')}</legend>
            <TextField ctx={ctx} form={form} name="denominazione" label={t('enteCard.field.name')} hint={t('enteCard.field.nameHint')} required autocomplete="organization" maxlength={LIMITS.name} />
            <TextAreaField ctx={ctx} form={form} name="descrizione_it" label={t('enteCard.field.descriptionIt')} hint={t('enteCard.field.descriptionItHint')} required maxlength={LIMITS.description} rows={8} lang="it" {...ENTE_TEXTAREA} />
            <TextAreaField ctx={ctx} form={form} name="descrizione_en" label={t('enteCard.field.descriptionEn')} hint={t('enteCard.field.descriptionEnHint')} maxlength={LIMITS.description} rows={8} lang="en" {...ENTE_TEXTAREA} />
          </fieldset>
          <fieldset class="wemi-fieldset mb-4">
            <legend class="h5">{t('enteCard.card.contacts')}</legend>
            <TextField ctx={ctx} form={form} name="email" type="email" label={t('enteCard.field.email')} autocomplete="email" maxlength={LIMITS.email} />
            <TextField ctx={ctx} form={form} name="telefono" type="tel" label={t('enteCard.field.phone')} hint={t('enteCard.field.phoneHint')} autocomplete="tel" maxlength={LIMITS.phone} />
            <TextField ctx={ctx} form={form} name="pec" type="email" label={t('enteCard.field.pec')} maxlength={LIMITS.email} />
            <TextField ctx={ctx} form={form} name="sito" type="url" label={t('enteCard.field.website')} hint={t('enteCard.field.websiteHint')} autocomplete="url" maxlength={LIMITS.url} />
            <TextAreaField ctx={ctx} form={form} name="primo_contatto" label={t('enteCard.field.firstContact')} hint={t('enteCard.field.firstContactHint')} maxlength={LIMITS.firstContactHours} rows={3} {...ENTE_TEXTAREA} />
          </fieldset>
          <fieldset class="wemi-fieldset mb-4">
            <legend class="h5">{t('enteCard.card.socials')}</legend>
            <p class="wemi-ente-hint">{t('enteCard.card.socialsHint')}</p>
            {SOCIAL_NETWORKS.map((n) => (
              <TextField ctx={ctx} form={form} name={n} type="url" label={t(SOCIAL_LABELS[n])} hint={t(`enteCard.field.${n}Hint` as MessageKey)} maxlength={LIMITS.url} />
            ))}
          </fieldset>
          <fieldset class="wemi-fieldset mb-4">
            <legend class="h5">{t('enteCard.card.contactPerson')}</legend>
            <TextField ctx={ctx} form={form} name="referente" label={t('enteCard.field.contactPerson')} hint={t('enteCard.field.contactPersonHint')} autocomplete="off" maxlength={LIMITS.contactPerson} />
          </fieldset>
          <FormActions class="mt-3" submit={t('enteCard.card.submit')} cancel={cancel(ctx, entePaths.home(e.id))} />
        </PostForm>
      ) : (
        <dl class="wemi-dl" aria-labelledby="card-title">
          <DlRow label={t('enteCard.field.name')}>{e.name}</DlRow>
          <DlRow label={t('enteCard.field.descriptionIt')}>{multiline(ctx, e.description_it)}</DlRow>
          <DlRow label={t('enteCard.field.descriptionEn')}>{multiline(ctx, e.description_en)}</DlRow>
          <DlRow label={t('enteCard.field.email')}>{orNone(ctx, e.email)}</DlRow>
          <DlRow label={t('enteCard.field.phone')}>{orNone(ctx, e.phone)}</DlRow>
          <DlRow label={t('enteCard.field.pec')}>{orNone(ctx, e.pec)}</DlRow>
          <DlRow label={t('enteCard.field.website')}>{orNone(ctx, e.website)}</DlRow>
          <DlRow label={t('enteCard.field.firstContact')}>{multiline(ctx, e.first_contact_hours)}</DlRow>
          {SOCIAL_NETWORKS.map((n) => (
            <DlRow label={t(SOCIAL_LABELS[n])}>{orNone(ctx, socials[n])}</DlRow>
          ))}
          <DlRow label={t('enteCard.field.contactPerson')}>{orNone(ctx, e.contact_person)}</DlRow>
        </dl>
      )}
    </EnteLayout>
  );
}

// 3. Sites

export function SitesPage(props: { ctx: PageContext; ente: EnteCardRow; role: EnteRole; sites: SiteRow[]; notice: NoticeCode | undefined }): Html {
  const { ctx, ente } = props;
  const { t } = ctx;
  const admin = props.role === 'ente_admin';
  return (
    <EnteLayout ctx={ctx} ente={ente} part="sites" title={t('enteCard.sites.title')} lead={t('enteCard.sites.lead')}>
      <Notice text={noticeText(ctx, props.notice)} />
      <AdminAction ctx={ctx} admin={admin} href={entePaths.siteNew(ente.id)} label={t('enteCard.sites.add')} />
      <h2 class="h4" id="sites-title">
        {t('enteCard.sites.count', { n: formatNumber(ctx.locale, props.sites.length) })}
      </h2>
      {props.sites.length === 0 ? (
        <p>{t('enteCard.sites.none')}</p>
      ) : (
        <DataTable
          labelledBy="sites-title"
          caption={t('enteCard.sites.caption', { name: ente.name })}
          columns={[t('enteCard.field.siteName'), t('enteCard.field.address'), t('enteCard.field.municipio'), t('enteCard.sites.services'), admin && t('enteCard.col.actions')]}
        >
          {props.sites.map((s) => (
            <tr data-site-id={s.id}>
              <th scope="row">
                <a href={entePaths.site(ente.id, s.id)}>{s.name}</a>
              </th>
              <td>{[s.address, [s.postal_code, s.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</td>
              <td>{municipioName(ctx, s)}</td>
              <td>{formatNumber(ctx.locale, s.services_count)}</td>
              {admin ? (
                <td>
                  <a href={entePaths.site(ente.id, s.id)}>
                    {t('enteCard.edit')}
                    <span class="visually-hidden"> {s.name}</span>
                  </a>
                  {' · '}
                  <a href={entePaths.siteRemove(ente.id, s.id)}>
                    {t('enteCard.remove')}
                    <span class="visually-hidden"> {s.name}</span>
                  </a>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      )}
    </EnteLayout>
  );
}

/** The site's current values as form values. */
export function siteFormValues(s: SiteRow): Record<string, string> {
  return {
    nome: s.name,
    indirizzo: s.address,
    cap: s.postal_code,
    municipio: s.municipio_id ?? '',
    email: s.email ?? '',
    telefono: s.phone ?? '',
    orari_it: s.hours_it,
    orari_en: s.hours_en,
  };
}

export function SiteFormPage(props: { ctx: PageContext; ente: EnteCardRow; role: EnteRole; site: SiteRow | undefined; municipi: MunicipioOption[]; form: FormState }): Html {
  const { ctx, ente, site, form } = props;
  const { t } = ctx;
  const admin = props.role === 'ente_admin';
  const title = site ? site.name : t('enteCard.sites.new');
  const crumbs = [{ href: entePaths.sites(ente.id), label: t('enteCard.sites.title') }, { label: title }];
  const action = site ? entePaths.site(ente.id, site.id) : entePaths.siteNew(ente.id);
  const municipioOptions = props.municipi.map((m) => ({ value: m.id, label: ctx.locale === 'en' && m.name_en ? m.name_en : m.name_it }));
  if (!admin && site) {
    return (
      <EnteLayout ctx={ctx} ente={ente} part="sites" title={title} crumbs={crumbs}>
        <ReadOnlyNote ctx={ctx} />
        <dl class="wemi-dl">
          <DlRow label={t('enteCard.field.siteName')}>{site.name}</DlRow>
          <DlRow label={t('enteCard.field.address')}>{site.address}</DlRow>
          <DlRow label={t('enteCard.field.postalCode')}>{site.postal_code}</DlRow>
          <DlRow label={t('enteCard.field.municipio')}>{orNone(ctx, municipioName(ctx, site))}</DlRow>
          <DlRow label={t('enteCard.field.email')}>{orNone(ctx, site.email)}</DlRow>
          <DlRow label={t('enteCard.field.phone')}>{orNone(ctx, site.phone)}</DlRow>
          <DlRow label={t('enteCard.field.hoursIt')}>{multiline(ctx, site.hours_it)}</DlRow>
          <DlRow label={t('enteCard.field.hoursEn')}>{multiline(ctx, site.hours_en)}</DlRow>
          <DlRow label={t('enteCard.sites.services')}>{formatNumber(ctx.locale, site.services_count)}</DlRow>
        </dl>
        <p>
          <a href={entePaths.sites(ente.id)}>{t('enteCard.sites.back')}</a>
        </p>
      </EnteLayout>
    );
  }
  return (
    <EnteLayout ctx={ctx} ente={ente} part="sites" title={title} lead={site ? t('enteCard.sites.editLead') : t('enteCard.sites.newLead')} crumbs={crumbs}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <PostForm ctx={ctx} action={action}>
        <TextField ctx={ctx} form={form} name="nome" label={t('enteCard.field.siteName')} hint={t('enteCard.field.siteNameHint')} maxlength={LIMITS.siteName} required autocomplete="off" />
        <TextField ctx={ctx} form={form} name="indirizzo" label={t('enteCard.field.address')} hint={t('enteCard.field.addressHint')} maxlength={LIMITS.address} required autocomplete="street-address" />
        <div class="row">
          <div class="col-12 col-md-4">
            <TextField ctx={ctx} form={form} name="cap" label={t('enteCard.field.postalCode')} hint={t('enteCard.field.postalCodeHint')} maxlength={5} inputmode="numeric" required autocomplete="postal-code" />
          </div>
          <div class="col-12 col-md-8">
            <SelectField ctx={ctx} form={form} name="municipio" label={t('enteCard.field.municipio')} hint={t('enteCard.field.municipioHint')} empty={t('enteCard.field.municipioPick')} options={municipioOptions} required />
          </div>
        </div>
        <TextField ctx={ctx} form={form} name="email" type="email" label={t('enteCard.field.email')} maxlength={LIMITS.email} autocomplete="off" />
        <TextField ctx={ctx} form={form} name="telefono" type="tel" label={t('enteCard.field.phone')} hint={t('enteCard.field.phoneHint')} maxlength={LIMITS.phone} autocomplete="off" />
        <TextAreaField ctx={ctx} form={form} name="orari_it" label={t('enteCard.field.hoursIt')} hint={t('enteCard.field.hoursHint')} maxlength={LIMITS.hours} rows={3} lang="it" {...ENTE_TEXTAREA} />
        <TextAreaField ctx={ctx} form={form} name="orari_en" label={t('enteCard.field.hoursEn')} hint={t('enteCard.field.hoursEnHint')} maxlength={LIMITS.hours} rows={3} lang="en" {...ENTE_TEXTAREA} />
        <FormActions class="mt-3" submit={site ? t('enteCard.sites.save') : t('enteCard.sites.create')} cancel={cancel(ctx, entePaths.sites(ente.id))} />
      </PostForm>
      {site ? (
        <p class="mt-4">
          <a href={entePaths.siteRemove(ente.id, site.id)} class="btn btn-outline-danger">
            {t('enteCard.sites.remove')}
          </a>
        </p>
      ) : null}
    </EnteLayout>
  );
}

/** Confirmation of a site's removal; a site in use is explained instead (as an error after a refused removal). */
export function SiteRemovePage(props: { ctx: PageContext; ente: EnteCardRow; site: SiteRow; usage: { services: string[]; revisions: number } | undefined; refused?: boolean }): Html {
  const { ctx, ente, site, usage } = props;
  const { t } = ctx;
  const title = t('enteCard.sites.removeTitle');
  const crumbs = [{ href: entePaths.sites(ente.id), label: t('enteCard.sites.title') }, { href: entePaths.site(ente.id, site.id), label: site.name }, { label: title }];
  const inUse = usage && (usage.services.length > 0 || usage.revisions > 0);
  const issues: FieldIssue[] = inUse && props.refused ? [{ field: 'rimuovi', message: t('enteCard.error.siteInUse') }] : [];
  return (
    <EnteLayout ctx={ctx} ente={ente} part="sites" title={title} crumbs={crumbs}>
      <ErrorSummary ctx={ctx} issues={issues} />
      {inUse ? (
        <div id="rimuovi">
          <p class="lead">{t('enteCard.sites.inUseLead', { name: site.name })}</p>
          {usage.services.length ? (
            <ul class="wemi-ente-usage">
              {usage.services.map((s) => (
                <li>{s}</li>
              ))}
            </ul>
          ) : null}
          {usage.revisions ? <p>{t('enteCard.sites.inUseRevisions', { n: usage.revisions })}</p> : null}
          <p>{t('enteCard.sites.inUseHelp')}</p>
          <p>
            <a href={entePaths.sites(ente.id)}>{t('enteCard.sites.back')}</a>
          </p>
        </div>
      ) : (
        <>
          <p class="lead" id="rimuovi">
            {t('enteCard.sites.removeLead', { name: site.name })}
          </p>
          <PostForm ctx={ctx} action={entePaths.siteRemove(ente.id, site.id)}>
            <FormActions class="mt-3" submit={t('enteCard.sites.removeSubmit')} danger cancel={cancel(ctx, entePaths.sites(ente.id))} />
          </PostForm>
        </>
      )}
    </EnteLayout>
  );
}

// 4. Spazi WeMi

export function SpaziPage(props: { ctx: PageContext; ente: EnteCardRow; role: EnteRole; spazi: SpazioOption[]; checked: readonly string[]; issues: FieldIssue[]; notice: NoticeCode | undefined }): Html {
  const { ctx, ente } = props;
  const { t } = ctx;
  const admin = props.role === 'ente_admin';
  const label = (s: SpazioOption) => {
    const m = municipioName(ctx, s);
    return m ? t('enteCard.spazi.option', { name: s.name, municipio: m }) : s.name;
  };
  const linked = props.spazi.filter((s) => s.linked);
  return (
    <EnteLayout ctx={ctx} ente={ente} part="spazi" title={t('enteCard.spazi.title')} lead={t('enteCard.spazi.lead')}>
      <Notice text={noticeText(ctx, props.notice)} />
      <ErrorSummary ctx={ctx} issues={props.issues} />
      {admin ? (
        props.spazi.length === 0 ? (
          <p>{t('enteCard.spazi.noneAvailable')}</p>
        ) : (
          <PostForm ctx={ctx} action={entePaths.spazi(ente.id)}>
            <CheckboxGroup
              ctx={ctx}
              form={{ values: {}, issues: props.issues }}
              name="spazi"
              legend={t('enteCard.spazi.legend')}
              hint={t('enteCard.spazi.hint')}
              options={props.spazi.map((s) => ({ value: s.id, label: label(s) }))}
              optionsClass="wemi-checkbox-columns"
              checked={props.checked}
            />
            <FormActions class="mt-3" submit={t('enteCard.spazi.submit')} cancel={cancel(ctx, entePaths.home(ente.id))} />
          </PostForm>
        )
      ) : (
        <>
          <ReadOnlyNote ctx={ctx} />
          {linked.length === 0 ? (
            <p>{t('enteCard.spazi.none')}</p>
          ) : (
            <ul class="wemi-ente-spazi">
              {linked.map((s) => (
                <li>{label(s)}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </EnteLayout>
  );
}

// 5. Documents

export interface DocumentsView {
  ente: EnteCardRow;
  role: EnteRole;
  files: Partial<Record<DocumentKind, StoredFileMeta>>;
  issues: FieldIssue[];
  notice: NoticeCode | undefined;
}

export function DocumentsPage(props: { ctx: PageContext; view: DocumentsView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const e = view.ente;
  const admin = view.role === 'ente_admin';
  return (
    <EnteLayout ctx={ctx} ente={e} part="documents" title={t('enteCard.documents.title')} lead={t('enteCard.documents.lead')}>
      <Notice text={noticeText(ctx, view.notice)} />
      <ErrorSummary ctx={ctx} issues={view.issues} />
      {admin ? <p>{t('enteCard.documents.public')}</p> : <ReadOnlyNote ctx={ctx} />}
      <PreviewLink ctx={ctx} ente={e} />
      {ENTE_DOCUMENT_KINDS.map((kind) => {
        const file = view.files[kind];
        const field = `documento-${kind}`;
        return (
          <section class="wemi-ente-document mb-5" aria-labelledby={`${field}-title`} data-document={kind}>
            <h2 class="h4" id={`${field}-title`}>
              {t(DOCUMENT_LABELS[kind])}
            </h2>
            {file ? (
              <p>
                <a href={entePaths.document(e.id, kind)}>{t('enteCard.documents.download', { document: t(DOCUMENT_LABELS[kind]) })}</a>{' '}
                <span class="wemi-muted">{fileDescription(ctx, file)}</span>
              </p>
            ) : (
              <p>{t('enteCard.documents.missing')}</p>
            )}
            {admin ? (
              <PostForm ctx={ctx} action={entePaths.document(e.id, kind)} multipart>
                <FileField
                  ctx={ctx}
                  form={{ values: {}, issues: view.issues }}
                  name={field}
                  label={file ? t('enteCard.documents.replace', { document: t(DOCUMENT_LABELS[kind]) }) : t('enteCard.documents.upload', { document: t(DOCUMENT_LABELS[kind]) })}
                  hint={t('enteCard.documents.hint')}
                  accept=".pdf,application/pdf"
                  required
                  class="wemi-ente-file"
                />
                <button type="submit" class="btn btn-outline-primary">
                  {file ? t('enteCard.documents.submitReplace') : t('enteCard.documents.submit')}
                  <span class="visually-hidden"> {t(DOCUMENT_LABELS[kind])}</span>
                </button>
              </PostForm>
            ) : null}
          </section>
        );
      })}
    </EnteLayout>
  );
}

// 6. Operators

export function OperatorsPage(props: { ctx: PageContext; ente: EnteCardRow; role: EnteRole; team: TeamMember[]; actorId: string; notice: NoticeCode | undefined }): Html {
  const { ctx, ente } = props;
  const { t } = ctx;
  const admin = props.role === 'ente_admin';
  return (
    <EnteLayout ctx={ctx} ente={ente} part="operators" title={t('enteCard.operators.title')} lead={t('enteCard.operators.lead')}>
      <Notice text={noticeText(ctx, props.notice)} />
      <AdminAction ctx={ctx} admin={admin} href={entePaths.operatorInvite(ente.id)} label={t('enteCard.operators.invite')} />
      <h2 class="h4" id="team-title">
        {t('enteCard.operators.count', { n: formatNumber(ctx.locale, props.team.length) })}
      </h2>
      <DataTable
        labelledBy="team-title"
        caption={t('enteCard.operators.caption', { name: ente.name })}
        columns={[t('enteCard.col.name'), t('enteCard.col.email'), t('enteCard.col.role'), t('enteCard.col.since'), admin && t('enteCard.col.actions')]}
      >
        {props.team.map((m) => {
          const name = `${m.given_name} ${m.family_name}`.trim() || t('enteCard.operators.noName');
          const self = m.user_id === props.actorId;
          return (
            <tr data-user-id={m.user_id}>
              <th scope="row">
                {name}
                {self ? <span class="wemi-muted"> {t('enteCard.operators.you')}</span> : null}
              </th>
              <td class="wemi-break">{m.email ?? ''}</td>
              <td>
                {m.is_admin ? t('enteCard.role.admin') : t('enteCard.role.operator')}
                {m.status === 'invited' ? <span class="d-block small wemi-muted">{t('enteCard.operators.invitedPending')}</span> : null}
                {m.status === 'suspended' ? <span class="d-block small wemi-muted">{t('enteCard.operators.suspended')}</span> : null}
              </td>
              <td>{formatDate(ctx.locale, m.since)}</td>
              {admin ? (
                <td>
                  {self || m.is_admin ? (
                    <span class="wemi-muted small">{self ? t('enteCard.operators.selfNote') : t('enteCard.operators.adminNote')}</span>
                  ) : (
                    <a href={entePaths.operatorRemove(ente.id, m.user_id)}>
                      {t('enteCard.remove')}
                      <span class="visually-hidden"> {name}</span>
                    </a>
                  )}
                </td>
              ) : null}
            </tr>
          );
        })}
      </DataTable>
    </EnteLayout>
  );
}

export function InviteOperatorPage(props: { ctx: PageContext; ente: EnteCardRow; form: FormState }): Html {
  const { ctx, ente, form } = props;
  const { t } = ctx;
  const title = t('enteCard.invite.title');
  return (
    <EnteLayout ctx={ctx} ente={ente} part="operators" title={title} lead={t('enteCard.invite.lead', { name: ente.name })} crumbs={[{ href: entePaths.operators(ente.id), label: t('enteCard.operators.title') }, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <PostForm ctx={ctx} action={entePaths.operatorInvite(ente.id)}>
        <TextField ctx={ctx} form={form} name="email" type="email" label={t('enteCard.field.inviteEmail')} hint={t('enteCard.field.inviteEmailHint')} autocomplete="off" maxlength={LIMITS.email} required />
        <div class="row">
          <div class="col-12 col-md-6">
            <TextField ctx={ctx} form={form} name="nome" label={t('enteCard.field.givenName')} autocomplete="off" maxlength={LIMITS.personName} required />
          </div>
          <div class="col-12 col-md-6">
            <TextField ctx={ctx} form={form} name="cognome" label={t('enteCard.field.familyName')} autocomplete="off" maxlength={LIMITS.personName} required />
          </div>
        </div>
        <FormActions class="mt-3" submit={t('enteCard.invite.submit')} cancel={cancel(ctx, entePaths.operators(ente.id))} />
      </PostForm>
    </EnteLayout>
  );
}

export function RemoveOperatorPage(props: { ctx: PageContext; ente: EnteCardRow; member: TeamMember; issues: FieldIssue[] }): Html {
  const { ctx, ente, member } = props;
  const { t } = ctx;
  const title = t('enteCard.removeOperator.title');
  const name = `${member.given_name} ${member.family_name}`.trim() || member.email || t('enteCard.operators.noName');
  return (
    <EnteLayout ctx={ctx} ente={ente} part="operators" title={title} crumbs={[{ href: entePaths.operators(ente.id), label: t('enteCard.operators.title') }, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <p class="lead" id="rimuovi">
        {t('enteCard.removeOperator.lead', { name, ente: ente.name })}
      </p>
      <p>{t('enteCard.removeOperator.effect')}</p>
      {props.issues.length ? (
        <p>
          <a href={entePaths.operators(ente.id)}>{t('enteCard.operators.back')}</a>
        </p>
      ) : (
        <PostForm ctx={ctx} action={entePaths.operatorRemove(ente.id, member.user_id)}>
          <FormActions class="mt-3" submit={t('enteCard.removeOperator.submit')} danger cancel={cancel(ctx, entePaths.operators(ente.id))} />
        </PostForm>
      )}
    </EnteLayout>
  );
}
