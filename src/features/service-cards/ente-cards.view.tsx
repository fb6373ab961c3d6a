import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import { formatDate, formatNumber } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/catalogue';
import type { FieldIssue } from '../../lib/http/errors';
import type { PageContext } from '../../web/context';
import { BackOfficeLayout, ButtonLink, DataTable, DlRow, FormActions, PostForm } from '../../web/backoffice';
import { ErrorSummary } from '../../web/components';
import { CheckboxField, CheckboxGroup, CsrfField, errorOf, FieldError, RadioGroup, SelectField, TextAreaField, TextField, type FormState } from '../../web/forms';
import { entePaths, paths } from '../../web/paths';
import {
  CARD_SECTIONS,
  DELIVERY_PLACES,
  FORM_NAMES,
  listName,
  MODES,
  OFFER_TYPES,
  packageName,
  PRICE_UNITS,
  staffName,
  tierName,
  type CardData,
  type CardSection,
  type DiffSection,
  type PackageData,
  type PriceListData,
  type StaffData,
  type TierData,
} from './card-data';
import type { CardOptions, TermOption } from './card-form';
import { MAX_ROWS } from './card-form';
import { isEditable, isOpen } from './card.state';
import { CardNotice, CityNote, DiffView, HistoryTable, RevisionChip, ServiceStatusChip, type Names } from './cards.components';
import type { CardListItem, CardRow, EnteRow, RevisionRow, ServiceTypeOption } from './service-cards.repository';
import type { ChangeRow } from './card-control.repository';
import { ControlHistory, EnteControlPanel, EnteListReason, type EnteControlView } from './card-control.view';

// Pages of the ente back office on service cards: the list, a new card, the card with its revisions, the edit
// form (one page, a fieldset per section, the City's notes beside each section, rows added without JavaScript),
// and the confirmation steps (submit to the City, withdraw).

const has = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';
const termName = (ctx: PageContext, o: TermOption) => (ctx.locale === 'en' && o.name_en ? o.name_en : o.name_it);
const loc = (ctx: PageContext, it: string | null, en: string | null) => (ctx.locale === 'en' && en ? en : (it ?? ''));

export const enteCrumbs = (ctx: PageContext, ente: EnteRow) => [
  { href: paths.enteBackOffice(), label: ctx.t('cards.crumb.ente') },
  { href: entePaths.serviceCards(ente.id), label: ctx.t('cards.list.title') },
];

const cardTitle = (card: Pick<CardRow, 'name'>, revision?: RevisionRow) => {
  const name = revision ? (revision.data as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() ? name.trim() : card.name;
};

// ---------------------------------------------------------------------------------------------------
// Form controls: the shared ones of src/web/forms.tsx. Fields are not marked "(facoltativo)" unless they are: a
// draft is checked only when sent.

/** The card's multi-line fields (their own minimum height). */
const CARD_TEXTAREA = { inputClass: 'form-control wemi-card-textarea' } as const;

const noValues = (issues: FieldIssue[]): FormState => ({ values: {}, issues });

function AddRows(props: { ctx: PageContext; section: CardSection; what: string }): Html {
  return (
    <p class="mt-2">
      <button type="submit" class="btn btn-outline-primary btn-sm" name="azione" value={`righe-${props.section}`}>
        {props.ctx.t('cards.form.addRows')}
        <span class="visually-hidden"> {props.what}</span>
      </button>
    </p>
  );
}

// ---------------------------------------------------------------------------------------------------
// 1. The ente's cards

export function CardsListPage(props: { ctx: PageContext; ente: EnteRow; items: CardListItem[]; controls?: Map<string, ChangeRow>; notice?: string | undefined }): Html {
  const { ctx, ente } = props;
  const { t } = ctx;
  return (
    <BackOfficeLayout ctx={ctx} title={t('cards.list.title')} lead={t('cards.list.lead', { ente: ente.name })} crumbs={[enteCrumbs(ctx, ente)[0]!, { label: t('cards.list.title') }]}>
      <CardNotice ctx={ctx} notice={props.notice} />
      <ButtonLink href={entePaths.serviceCardNew(ente.id)}>{t('cards.list.new')}</ButtonLink>
      <h2 class="h4" id="schede-title">
        {props.items.length === 1 ? t('cards.list.countOne') : t('cards.list.count', { n: formatNumber(ctx.locale, props.items.length) })}
      </h2>
      {props.items.length === 0 ? (
        <p>{t('cards.list.empty')}</p>
      ) : (
        <DataTable
          labelledBy="schede-title"
          caption={t('cards.list.caption', { ente: ente.name })}
          columns={[t('cards.list.col.name'), t('cards.list.col.type'), t('cards.list.col.public'), t('cards.list.col.revision'), t('cards.list.col.updated')]}
        >
          {props.items.map((c) => (
            <tr>
              <th scope="row">
                <a href={entePaths.serviceCard(ente.id, c.id)}>{has(c.rev_name) ? c.rev_name : c.name}</a>
              </th>
              <td>{loc(ctx, c.type_name_it, c.type_name_en)}</td>
              <td>
                <ServiceStatusChip ctx={ctx} status={c.status} />
                <EnteListReason ctx={ctx} status={c.status} change={props.controls?.get(c.id)} />
              </td>
              <td>
                {c.rev_status ? (
                  <>
                    <RevisionChip ctx={ctx} status={c.rev_status} />
                    <span class="d-block small">{t('cards.history.revision', { n: c.rev_number ?? 0 })}</span>
                  </>
                ) : (
                  <span class="wemi-muted">{t('cards.list.noRevision')}</span>
                )}
              </td>
              <td>{formatDate(ctx.locale, c.rev_updated_at && c.rev_updated_at > c.updated_at ? c.rev_updated_at : c.updated_at)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </BackOfficeLayout>
  );
}

// ---------------------------------------------------------------------------------------------------
// 2. New card: choose the service type

export function NewCardPage(props: { ctx: PageContext; ente: EnteRow; types: ServiceTypeOption[]; issues: FieldIssue[]; chosen: string }): Html {
  const { ctx, ente, types } = props;
  const { t } = ctx;
  const categories: { id: string; name: string; types: ServiceTypeOption[] }[] = [];
  for (const ty of types) {
    let c = categories.find((x) => x.id === ty.cat_id);
    if (!c) categories.push((c = { id: ty.cat_id, name: loc(ctx, ty.cat_name_it, ty.cat_name_en), types: [] }));
    c.types.push(ty);
  }
  const error = errorOf(noValues(props.issues), 'tipo');
  let first = true;
  return (
    <BackOfficeLayout ctx={ctx} title={t('cards.new.title')} lead={t('cards.new.lead')} crumbs={[...enteCrumbs(ctx, ente), { label: t('cards.new.title') }]}>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      {types.length === 0 ? (
        <p>{t('cards.new.none')}</p>
      ) : (
        <PostForm ctx={ctx} action={entePaths.serviceCardNew(ente.id)}>
          <div class={`wemi-field${error ? ' wemi-field-error' : ''}`}>
            <FieldError ctx={ctx} name="tipo" error={error} />
            {categories.map((c, ci) => (
              <fieldset class="wemi-fieldset mb-3" aria-describedby={error ? 'tipo-error' : undefined}>
                <legend class="wemi-field-label">{c.name}</legend>
                {c.types.map((ty, i) => {
                  const id = first ? 'tipo' : `tipo-${ci + 1}-${i + 1}`;
                  first = false;
                  return (
                    <div class="form-check">
                      <input class="form-check-input" type="radio" name="tipo" id={id} value={ty.id} checked={props.chosen === ty.id} />
                      <label class="form-check-label" for={id}>
                        {loc(ctx, ty.name_it, ty.name_en)}
                      </label>
                    </div>
                  );
                })}
              </fieldset>
            ))}
          </div>
          <FormActions submit={t('cards.new.submit')} cancel={{ href: entePaths.serviceCards(ente.id), label: t('cards.cancel') }} />
        </PostForm>
      )}
    </BackOfficeLayout>
  );
}

// ---------------------------------------------------------------------------------------------------
// 3. A card: public status, the revision in progress, actions, history

export interface CardPageView {
  ente: EnteRow;
  card: CardRow;
  revisions: RevisionRow[];
  open: RevisionRow | undefined;
  isAdmin: boolean;
  notice: string | undefined;
  /** Visibility: the City's suspension or withdrawal and its reason, the ente's offline switch (card-control.view.tsx). */
  control?: EnteControlView;
}

function SectionNotes(props: { ctx: PageContext; revision: RevisionRow }): Html {
  const { ctx, revision } = props;
  const { t } = ctx;
  const notes = CARD_SECTIONS.filter((s) => has(revision.section_notes[s]));
  if (!has(revision.decision_note) && notes.length === 0) return <></>;
  return (
    <div class="wemi-card-notes">
      <h2 class="h4" id="note-comune">
        {t('cards.notes.title')}
      </h2>
      {has(revision.decision_note) ? <CityNote ctx={ctx} title={t('cards.notes.general')} note={revision.decision_note} /> : null}
      {notes.map((s) => (
        <CityNote ctx={ctx} title={t(`cards.section.${s}` as MessageKey)} note={revision.section_notes[s]!} />
      ))}
    </div>
  );
}

export function CardPage(props: { ctx: PageContext; view: CardPageView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const { ente, card, open } = view;
  const title = cardTitle(card, open);
  const isPublic = card.status === 'published' && ente.status === 'active';
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[...enteCrumbs(ctx, ente), { label: title }]}>
      <CardNotice ctx={ctx} notice={view.notice} />
      <dl class="wemi-dl">
        <DlRow label={t('cards.card.type')}>{loc(ctx, card.type_name_it, card.type_name_en)}</DlRow>
        <DlRow label={t('cards.card.category')}>{loc(ctx, card.cat_name_it, card.cat_name_en)}</DlRow>
        <DlRow label={t('cards.card.public')}>
          <ServiceStatusChip ctx={ctx} status={card.status} />
          {isPublic ? (
            <span class="d-block mt-1">
              <a href={paths.service(card.slug)}>{t('cards.card.publicLink')}</a>
            </span>
          ) : null}
          {card.status === 'published' && !isPublic ? <span class="d-block small">{t('cards.card.enteNotActive')}</span> : null}
        </DlRow>
        <DlRow label={t('cards.card.revision')}>
          {open ? (
            <>
              <RevisionChip ctx={ctx} status={open.status} /> {t('cards.history.revision', { n: open.number })}
              <span class="d-block small">
                {open.status === 'submitted' && open.submitted_at
                  ? t('cards.card.submittedOn', { date: formatDate(ctx.locale, open.submitted_at) })
                  : t('cards.card.savedOn', { date: formatDate(ctx.locale, open.updated_at) })}
              </span>
            </>
          ) : (
            t('cards.list.noRevision')
          )}
        </DlRow>
      </dl>

      {view.control ? <EnteControlPanel ctx={ctx} ente={ente} card={card} view={view.control} /> : null}

      {open && open.status !== 'submitted' ? <SectionNotes ctx={ctx} revision={open} /> : null}

      <h2 class="h4 mt-4">{t('cards.card.actions')}</h2>
      {open ? (
        <>
          {open.status === 'submitted' ? <p>{t('cards.card.waiting')}</p> : null}
          {isEditable(open.status) && card.status === 'published' ? <p>{t('cards.card.stillOnline')}</p> : null}
          <ul class="list-unstyled d-flex flex-wrap gap-3 align-items-center wemi-card-actions">
            {isEditable(open.status) ? (
              <li>
                <a class="btn btn-primary" href={entePaths.revisionEdit(ente.id, card.id, open.id)}>
                  {t('cards.card.edit')}
                </a>
              </li>
            ) : null}
            <li>
              <a class="btn btn-outline-primary" href={entePaths.revisionPreview(ente.id, card.id, open.id)}>
                {t('cards.card.preview')}
              </a>
            </li>
            {isEditable(open.status) && view.isAdmin ? (
              <li>
                <a class="btn btn-outline-primary" href={entePaths.revisionSubmit(ente.id, card.id, open.id)}>
                  {t('cards.card.submit')}
                </a>
              </li>
            ) : null}
            {isOpen(open.status) && view.isAdmin ? (
              <li>
                <a class="btn btn-outline-danger" href={entePaths.revisionWithdraw(ente.id, card.id, open.id)}>
                  {t('cards.card.withdraw')}
                </a>
              </li>
            ) : null}
          </ul>
          {!view.isAdmin && isOpen(open.status) ? <p class="wemi-muted">{t('cards.card.adminOnly')}</p> : null}
        </>
      ) : (
        <PostForm ctx={ctx} action={entePaths.revisionStart(ente.id, card.id)}>
          <p>{t(card.status === 'published' ? 'cards.card.startHintPublished' : 'cards.card.startHint')}</p>
          <button type="submit" class="btn btn-primary">
            {t('cards.card.start')}
          </button>
        </PostForm>
      )}
      <HistoryTable ctx={ctx} revisions={view.revisions} currentId={open?.id} />
      {view.control && view.control.changes.length ? <ControlHistory ctx={ctx} changes={view.control.changes} showActor={false} /> : null}
    </BackOfficeLayout>
  );
}

// ---------------------------------------------------------------------------------------------------
// 4. The edit form

export interface EditView {
  ente: EnteRow;
  card: CardRow;
  revision: RevisionRow;
  data: CardData;
  options: CardOptions;
  issues: FieldIssue[];
  /** Empty rows offered at the end of each list (staff, packages, tiers). */
  extraRows: number;
  notice: string | undefined;
  /** The draft was saved even though some values are wrong. */
  savedWithProblems: boolean;
  typeName: string;
  categoryName: string;
}

function SectionBlock(props: { ctx: PageContext; section: CardSection; note: string | undefined; hint?: string; children?: Child }): Html {
  const { ctx, section } = props;
  const { t } = ctx;
  const id = `sezione-${section}`;
  return (
    <section class="row wemi-card-section" id={id} aria-labelledby={`${id}-title`}>
      <div class="col-12 col-lg-8">
        <fieldset class="wemi-fieldset wemi-card-fieldset">
          <legend class="wemi-card-legend">
            <span id={`${id}-title`}>{t(`cards.section.${section}` as MessageKey)}</span>
          </legend>
          {/* On small screens the note comes first in the section; on wide ones it sits beside it. */}
          {props.note ? (
            <div class="d-lg-none">
              <CityNote ctx={ctx} title={t('cards.notes.section')} note={props.note} id={`nota-${section}-breve`} />
            </div>
          ) : null}
          {props.hint ? <p class="wemi-field-hint">{props.hint}</p> : null}
          {props.children}
        </fieldset>
      </div>
      <div class="col-12 col-lg-4 wemi-card-aside d-none d-lg-block">
        {props.note ? <CityNote ctx={ctx} title={t('cards.notes.section')} note={props.note} id={`nota-${section}`} /> : null}
      </div>
    </section>
  );
}

const emptyStaff = (): StaffData => ({ kind: 'internal', count: '', qualifications: '', yearsExperience: '', references: '', supplier: '' });
const emptyPackage = (): PackageData => ({ name: '', description: '', units: '', price: '' });
const emptyTier = (): TierData => ({ peopleMin: '', peopleMax: '', unitsMin: '', unitsMax: '', unitPrice: '' });
const emptyList = (): PriceListData => ({ validFrom: '', validTo: '', minUnits: '', notes: '', tiers: [] });
const padded = <T,>(rows: T[], extra: number, max: number, make: () => T): T[] => [...rows, ...Array.from({ length: Math.max(0, Math.min(extra, max - rows.length)) }, make)];

function StaffRows(props: { ctx: PageContext; rows: StaffData[]; extra: number; issues: FieldIssue[] }): Html {
  const { ctx } = props;
  const form = noValues(props.issues);
  const { t } = ctx;
  return (
    <>
      {padded(props.rows, props.extra, MAX_ROWS.staff, emptyStaff).map((s, i) => (
        <fieldset class="wemi-fieldset wemi-card-row">
          <legend class="wemi-field-label">{t('cards.where.staff', { n: i + 1 })}</legend>
          <div class="row g-2">
            <div class="col-12 col-md-4">
              <SelectField ctx={ctx} form={form} name={staffName(i, 'tipo')} label={t('cards.staff.kind')} value={s.kind} options={[
                { value: 'internal', label: t('cards.staff.internal') },
                { value: 'external', label: t('cards.staff.external') },
              ]} />
            </div>
            <div class="col-6 col-md-4">
              <TextField ctx={ctx} form={form} name={staffName(i, 'numero')} label={t('cards.staff.count')} value={s.count} inputmode="numeric" maxlength={6} hideOptional />
            </div>
            <div class="col-6 col-md-4">
              <TextField ctx={ctx} form={form} name={staffName(i, 'anni')} label={t('cards.staff.years')} value={s.yearsExperience} inputmode="numeric" maxlength={3} hideOptional />
            </div>
            <div class="col-12 col-md-8">
              <TextField ctx={ctx} form={form} name={staffName(i, 'qualifiche')} label={t('cards.staff.qualifications')} value={s.qualifications} maxlength={300} hideOptional />
            </div>
            <div class="col-12 col-md-4">
              <SelectField ctx={ctx} form={form} name={staffName(i, 'referenze')} label={t('cards.staff.references')} value={s.references} empty={t('cards.staff.referencesUnsaid')} options={[
                { value: 'yes', label: t('cards.yes') },
                { value: 'no', label: t('cards.no') },
              ]} />
            </div>
            <div class="col-12">
              <TextField ctx={ctx} form={form} name={staffName(i, 'fornitore')} label={t('cards.staff.supplier')} hint={t('cards.staff.supplierHint')} value={s.supplier} maxlength={150} hideOptional />
            </div>
          </div>
        </fieldset>
      ))}
    </>
  );
}

function PackageRows(props: { ctx: PageContext; rows: PackageData[]; extra: number; issues: FieldIssue[] }): Html {
  const { ctx } = props;
  const form = noValues(props.issues);
  const { t } = ctx;
  return (
    <>
      {padded(props.rows, props.extra, MAX_ROWS.packages, emptyPackage).map((p, i) => (
        <fieldset class="wemi-fieldset wemi-card-row">
          <legend class="wemi-field-label">{t('cards.where.package', { n: i + 1 })}</legend>
          <div class="row g-2">
            <div class="col-12 col-md-6">
              <TextField ctx={ctx} form={form} name={packageName(i, 'nome')} label={t('cards.package.name')} value={p.name} maxlength={150} hideOptional />
            </div>
            <div class="col-6 col-md-3">
              <TextField ctx={ctx} form={form} name={packageName(i, 'unita')} label={t('cards.package.units')} value={p.units} inputmode="numeric" maxlength={6} hideOptional />
            </div>
            <div class="col-6 col-md-3">
              <TextField ctx={ctx} form={form} name={packageName(i, 'prezzo')} label={t('cards.package.price')} value={p.price} inputmode="decimal" maxlength={12} hideOptional />
            </div>
            <div class="col-12">
              <TextField ctx={ctx} form={form} name={packageName(i, 'descrizione')} label={t('cards.package.description')} value={p.description} maxlength={500} hideOptional />
            </div>
          </div>
        </fieldset>
      ))}
    </>
  );
}

function PriceLists(props: { ctx: PageContext; lists: PriceListData[]; extra: number; issues: FieldIssue[] }): Html {
  const { ctx } = props;
  const form = noValues(props.issues);
  const { t } = ctx;
  const lists = padded(props.lists, 1, MAX_ROWS.lists, emptyList);
  return (
    <>
      {lists.map((list, l) => {
        const isNew = l >= props.lists.length;
        const tiers = padded(list.tiers, props.extra, MAX_ROWS.tiers, emptyTier);
        return (
          <fieldset class="wemi-fieldset wemi-card-list" id={`listino-${l + 1}`}>
            <legend class="wemi-card-sublegend">{isNew ? t('cards.priceList.new', { n: l + 1 }) : t('cards.where.list', { n: l + 1 })}</legend>
            {isNew ? <p class="wemi-field-hint">{t('cards.priceList.newHint')}</p> : null}
            <div class="row g-2 align-items-end">
              <div class="col-12 col-md-4">
                <TextField ctx={ctx} form={form} name={listName(l, 'dal')} label={t('cards.priceList.from')} value={list.validFrom} type="date" hideOptional />
              </div>
              <div class="col-12 col-md-4">
                <TextField ctx={ctx} form={form} name={listName(l, 'al')} label={t('cards.priceList.to')} hint={t('cards.priceList.toHint')} value={list.validTo} type="date" />
              </div>
              <div class="col-12 col-md-4">
                <TextField ctx={ctx} form={form} name={listName(l, 'min-unita')} label={t('cards.priceList.minUnits')} hint={t('cards.priceList.minUnitsHint')} value={list.minUnits} inputmode="numeric" maxlength={6} />
              </div>
              <div class="col-12">
                <TextField ctx={ctx} form={form} name={listName(l, 'note')} label={t('cards.priceList.notes')} value={list.notes} maxlength={500} />
              </div>
            </div>
            {tiers.map((tier, ti) => (
              <fieldset class="wemi-fieldset wemi-card-tier">
                <legend class="wemi-field-label">{t('cards.where.tier', { list: l + 1, n: ti + 1 })}</legend>
                <div class="row g-2 align-items-end">
                  <div class="col-6 col-md">
                    <TextField ctx={ctx} form={form} name={tierName(l, ti, 'pmin')} label={t('cards.tier.peopleMin')} value={tier.peopleMin} inputmode="numeric" maxlength={4} hideOptional />
                  </div>
                  <div class="col-6 col-md">
                    <TextField ctx={ctx} form={form} name={tierName(l, ti, 'pmax')} label={t('cards.tier.peopleMax')} value={tier.peopleMax} inputmode="numeric" maxlength={4} hideOptional />
                  </div>
                  <div class="col-6 col-md">
                    <TextField ctx={ctx} form={form} name={tierName(l, ti, 'umin')} label={t('cards.tier.unitsMin')} value={tier.unitsMin} inputmode="numeric" maxlength={6} hideOptional />
                  </div>
                  <div class="col-6 col-md">
                    <TextField ctx={ctx} form={form} name={tierName(l, ti, 'umax')} label={t('cards.tier.unitsMax')} value={tier.unitsMax} inputmode="numeric" maxlength={6} hideOptional />
                  </div>
                  <div class="col-12 col-md">
                    <TextField ctx={ctx} form={form} name={tierName(l, ti, 'prezzo')} label={t('cards.tier.price')} value={tier.unitPrice} inputmode="decimal" maxlength={12} hideOptional />
                  </div>
                </div>
              </fieldset>
            ))}
          </fieldset>
        );
      })}
    </>
  );
}

function EditActions(props: { ctx: PageContext; back: string; bottom?: boolean }): Html {
  const { t } = props.ctx;
  return (
    <div class={`d-flex flex-wrap gap-3 align-items-center wemi-card-form-actions${props.bottom ? ' mt-4' : ' mb-4'}`}>
      <button type="submit" class="btn btn-primary" name="azione" value="salva">
        {t('cards.form.save')}
      </button>
      <button type="submit" class="btn btn-outline-primary" name="azione" value="anteprima">
        {t('cards.form.savePreview')}
      </button>
      {props.bottom ? <a href={props.back}>{t('cards.form.back')}</a> : null}
    </div>
  );
}

export function EditPage(props: { ctx: PageContext; view: EditView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const { ente, card, revision, data: d, options, issues } = view;
  const n = FORM_NAMES;
  const title = t('cards.edit.title', { name: has(d.name) ? d.name : card.name });
  const note = (s: CardSection) => (has(revision.section_notes[s]) ? revision.section_notes[s] : undefined);
  const terms = (list: TermOption[]) => list.map((o) => ({ value: o.id, label: termName(ctx, o) }));
  const back = entePaths.serviceCard(ente.id, card.id);
  const form = noValues(issues);
  return (
    <BackOfficeLayout
      ctx={ctx}
      title={title}
      lead={t(card.status === 'published' ? 'cards.edit.leadPublished' : 'cards.edit.lead', { n: revision.number })}
      crumbs={[...enteCrumbs(ctx, ente), { href: back, label: has(d.name) ? d.name : card.name }, { label: t('cards.edit.crumb') }]}
    >
      <CardNotice ctx={ctx} notice={view.notice} />
      {view.savedWithProblems ? (
        <div class="alert alert-warning" role="status">
          {t('cards.edit.savedWithProblems')}
        </div>
      ) : null}
      <ErrorSummary ctx={ctx} issues={issues} />
      {has(revision.decision_note) ? <CityNote ctx={ctx} title={t('cards.notes.general')} note={revision.decision_note} /> : null}
      <form method="post" action={entePaths.revisionEdit(ente.id, card.id, revision.id)} novalidate class="wemi-card-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="righe" value={String(view.extraRows)} />
        <EditActions ctx={ctx} back={back} />

        <SectionBlock ctx={ctx} section="general" note={note('general')}>
          <dl class="wemi-dl">
            <DlRow label={t('cards.field.serviceTypeId')}>
              {view.typeName} ({view.categoryName})
            </DlRow>
          </dl>
          <TextField ctx={ctx} form={form} name={n.name} label={t('cards.field.name')} hint={t('cards.hint.name')} value={d.name} maxlength={150} hideOptional />
          <TextAreaField ctx={ctx} form={form} name={n.summaryIt} label={t('cards.field.summaryIt')} hint={t('cards.hint.summary')} value={d.summaryIt} rows={3} lang="it" hideOptional {...CARD_TEXTAREA} />
          <TextAreaField ctx={ctx} form={form} name={n.summaryEn} label={t('cards.field.summaryEn')} hint={t('cards.hint.summaryEn')} value={d.summaryEn} rows={3} lang="en" {...CARD_TEXTAREA} />
          <TextAreaField ctx={ctx} form={form} name={n.needAnalysis} label={t('cards.field.needAnalysis')} hint={t('cards.hint.needAnalysis')} value={d.needAnalysis} rows={5} hideOptional {...CARD_TEXTAREA} />
          <TextAreaField ctx={ctx} form={form} name={n.proposedSolution} label={t('cards.field.proposedSolution')} value={d.proposedSolution} rows={5} hideOptional {...CARD_TEXTAREA} />
          <TextAreaField ctx={ctx} form={form} name={n.staffActivities} label={t('cards.field.staffActivities')} value={d.staffActivities} rows={4} {...CARD_TEXTAREA} />
        </SectionBlock>

        <SectionBlock ctx={ctx} section="recipients" note={note('recipients')}>
          <TextAreaField ctx={ctx} form={form} name={n.recipients} label={t('cards.field.recipients')} hint={t('cards.hint.recipients')} value={d.recipients} rows={3} {...CARD_TEXTAREA} />
          <CheckboxGroup ctx={ctx} form={form} name={n.targetGroups} legend={t('cards.field.targetGroups')} options={terms(options.targetGroups)} checked={d.targetGroups} optionsClass="wemi-checkbox-columns" />
          <RadioGroup ctx={ctx} form={form} name={n.mode} legend={t('cards.field.mode')} options={MODES.map((m) => ({ value: m, label: t(`cards.mode.${m}` as MessageKey) }))} value={d.mode} />
          <div class="row g-2">
            <div class="col-6 col-md-4">
              <TextField ctx={ctx} form={form} name={n.minPeople} label={t('cards.field.minPeople')} value={d.minPeople} inputmode="numeric" maxlength={4} hideOptional />
            </div>
            <div class="col-6 col-md-4">
              <TextField ctx={ctx} form={form} name={n.maxPeople} label={t('cards.field.maxPeople')} value={d.maxPeople} inputmode="numeric" maxlength={4} hideOptional />
            </div>
          </div>
        </SectionBlock>

        <SectionBlock ctx={ctx} section="activities" note={note('activities')}>
          <CheckboxGroup ctx={ctx} form={form} name={n.tasks} legend={t('cards.field.tasks')} options={terms(options.tasks)} checked={d.tasks} optionsClass="wemi-checkbox-columns" />
          <CheckboxGroup ctx={ctx} form={form} name={n.timeBands} legend={t('cards.field.timeBands')} options={terms(options.timeBands)} checked={d.timeBands} optionsClass="wemi-checkbox-columns" />
          <div class="row g-2">
            <div class="col-12 col-md-6">
              <TextField ctx={ctx} form={form} name={n.deliveryFrom} label={t('cards.field.deliveryFrom')} hint={t('cards.hint.period')} value={d.deliveryFrom} type="date" />
            </div>
            <div class="col-12 col-md-6">
              <TextField ctx={ctx} form={form} name={n.deliveryTo} label={t('cards.field.deliveryTo')} hint={t('cards.hint.period')} value={d.deliveryTo} type="date" />
            </div>
          </div>
        </SectionBlock>

        <SectionBlock ctx={ctx} section="area" note={note('area')}>
          <CheckboxGroup ctx={ctx} form={form} name={n.municipi} legend={t('cards.field.municipi')} options={terms(options.municipi)} checked={d.municipi} optionsClass="wemi-checkbox-columns" />
          <TextAreaField ctx={ctx} form={form} name={n.metroMunicipalities} label={t('cards.field.metroMunicipalities')} hint={t('cards.hint.metro')} value={d.metroMunicipalities.join('\n')} rows={3} {...CARD_TEXTAREA} />
        </SectionBlock>

        <SectionBlock ctx={ctx} section="access" note={note('access')}>
          <CheckboxGroup ctx={ctx} form={form} name={n.deliveryPlaces} legend={t('cards.field.deliveryPlaces')} options={DELIVERY_PLACES.map((p) => ({ value: p, label: t(`cards.place.${p}` as MessageKey) }))} checked={d.deliveryPlaces} />
          <TextField ctx={ctx} form={form} name={n.deliveryOther} label={t('cards.field.deliveryOther')} hint={t('cards.hint.deliveryOther')} value={d.deliveryOther} maxlength={500} />
          <CheckboxGroup
            ctx={ctx}
            form={form}
            name={n.sites}
            legend={t('cards.field.sites')}
            hint={t('cards.hint.sites')}
            options={options.sites.map((s) => ({ value: s.id, label: s.name, hint: s.address }))}
            checked={d.sites}
            empty={t('cards.hint.noSites')}
          />
        </SectionBlock>

        <SectionBlock ctx={ctx} section="contacts" note={note('contacts')}>
          <div class="row g-2">
            <div class="col-12 col-md-6">
              <TextField ctx={ctx} form={form} name={n.contactPhone} label={t('cards.field.contactPhone')} hint={t('cards.hint.contact')} value={d.contactPhone} type="tel" maxlength={30} />
            </div>
            <div class="col-12 col-md-6">
              <TextField ctx={ctx} form={form} name={n.contactEmail} label={t('cards.field.contactEmail')} hint={t('cards.hint.contact')} value={d.contactEmail} type="email" maxlength={254} />
            </div>
          </div>
          <TextField ctx={ctx} form={form} name={n.contactHours} label={t('cards.field.contactHours')} hint={t('cards.hint.hours')} value={d.contactHours} maxlength={300} />
          <div class="row g-2">
            <div class="col-12 col-md-6">
              <TextField ctx={ctx} form={form} name={n.responsibleName} label={t('cards.field.responsibleName')} value={d.responsibleName} maxlength={150} hideOptional />
            </div>
            <div class="col-12 col-md-6">
              <TextField ctx={ctx} form={form} name={n.responsibleRole} label={t('cards.field.responsibleRole')} value={d.responsibleRole} maxlength={150} />
            </div>
          </div>
          <div class="row g-2">
            <div class="col-12 col-md-6">
              <TextField ctx={ctx} form={form} name={n.waitAnalysisDays} label={t('cards.field.waitAnalysisDays')} hint={t('cards.hint.days')} value={d.waitAnalysisDays} inputmode="numeric" maxlength={3} />
            </div>
            <div class="col-12 col-md-6">
              <TextField ctx={ctx} form={form} name={n.waitActivationDays} label={t('cards.field.waitActivationDays')} hint={t('cards.hint.days')} value={d.waitActivationDays} inputmode="numeric" maxlength={3} />
            </div>
          </div>
        </SectionBlock>

        <SectionBlock ctx={ctx} section="staff" note={note('staff')} hint={t('cards.hint.staff')}>
          <StaffRows ctx={ctx} rows={d.staff} extra={Math.max(2, view.extraRows - 1)} issues={issues} />
          <AddRows ctx={ctx} section="staff" what={t('cards.form.addStaff')} />
        </SectionBlock>

        <SectionBlock ctx={ctx} section="price" note={note('price')}>
          <RadioGroup ctx={ctx} form={form} name={n.offerType} legend={t('cards.field.offerType')} options={OFFER_TYPES.map((o) => ({ value: o, label: t(`cards.offer.${o}` as MessageKey) }))} value={d.offerType} />
          <div class="row g-2">
            <div class="col-12 col-md-6">
              <SelectField ctx={ctx} form={form} name={n.priceUnit} label={t('cards.field.priceUnit')} value={d.priceUnit} empty={t('cards.form.choose')} options={PRICE_UNITS.map((u) => ({ value: u, label: t(`unit.${u}` as MessageKey) }))} />
            </div>
            <div class="col-12 col-md-6">
              <TextField ctx={ctx} form={form} name={n.vatRate} label={t('cards.field.vatRate')} hint={t('cards.hint.vat')} value={d.vatRate} inputmode="decimal" maxlength={6} hideOptional />
            </div>
          </div>
          <CheckboxField ctx={ctx} name={n.customQuote} label={t('cards.field.customQuote')} checked={d.customQuote} />
          <CheckboxGroup ctx={ctx} form={form} name={n.supportSchemes} legend={t('cards.field.supportSchemes')} options={terms(options.supportSchemes)} checked={d.supportSchemes} />
          <h3 class="h6 mt-3">{t('cards.field.packages')}</h3>
          <p class="wemi-field-hint">{t('cards.hint.packages')}</p>
          <PackageRows ctx={ctx} rows={d.packages} extra={Math.max(1, view.extraRows - 2)} issues={issues} />
          <AddRows ctx={ctx} section="price" what={t('cards.form.addPackages')} />
        </SectionBlock>

        <SectionBlock ctx={ctx} section="priceLists" note={note('priceLists')} hint={t('cards.hint.priceLists')}>
          <PriceLists ctx={ctx} lists={d.priceLists} extra={view.extraRows} issues={issues} />
          <AddRows ctx={ctx} section="priceLists" what={t('cards.form.addTiers')} />
        </SectionBlock>

        <EditActions ctx={ctx} back={back} bottom />
      </form>
    </BackOfficeLayout>
  );
}

// ---------------------------------------------------------------------------------------------------
// 5. Confirmation steps: submit to the City, withdraw

export function EnteConfirmPage(props: {
  ctx: PageContext;
  kind: 'submit' | 'withdraw';
  ente: EnteRow;
  card: CardRow;
  revision: RevisionRow;
  issues: FieldIssue[];
  diff?: { sections: DiffSection[]; names: Names; isNew: boolean };
  editHref?: string;
}): Html {
  const { ctx, kind, ente, card, revision } = props;
  const { t } = ctx;
  const title = t(`cards.${kind}.title` as MessageKey);
  const name = cardTitle(card, revision);
  const action = kind === 'submit' ? entePaths.revisionSubmit(ente.id, card.id, revision.id) : entePaths.revisionWithdraw(ente.id, card.id, revision.id);
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[...enteCrumbs(ctx, ente), { href: entePaths.serviceCard(ente.id, card.id), label: name }, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      {props.issues.length && props.editHref ? (
        <ButtonLink href={props.editHref}>{t('cards.submit.fix')}</ButtonLink>
      ) : null}
      <p class="lead">{t(`cards.${kind}.lead` as MessageKey, { name, n: revision.number })}</p>
      {kind === 'submit' && props.diff ? (
        <>
          <h2 class="h4">{t(props.diff.isNew ? 'cards.submit.contentNew' : 'cards.submit.content')}</h2>
          <DiffView ctx={ctx} sections={props.diff.sections} names={props.diff.names} isNew={props.diff.isNew} />
        </>
      ) : null}
      {props.issues.length === 0 ? (
        <PostForm ctx={ctx} action={action}>
          <FormActions submit={t(`cards.${kind}.confirm` as MessageKey)} danger={kind !== 'submit'} cancel={{ href: entePaths.serviceCard(ente.id, card.id), label: t('cards.cancel') }} />
        </PostForm>
      ) : (
        <p>
          <a href={entePaths.serviceCard(ente.id, card.id)}>{t('cards.backToCard')}</a>
        </p>
      )}
    </BackOfficeLayout>
  );
}

// ---------------------------------------------------------------------------------------------------
// 6. Refusals and a preview that cannot be shown

/** An action the revision's state does not allow (409). */
export function RefusedPage(props: { ctx: PageContext; crumbs: { href?: string; label: string }[]; message: string; back: { href: string; label: string } }): Html {
  const { ctx } = props;
  const title = ctx.t('cards.refused.title');
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[...props.crumbs, { label: title }]}>
      <div class="alert alert-danger" role="alert">
        {props.message}
      </div>
      <ButtonLink href={props.back.href}>{props.back.label}</ButtonLink>
    </BackOfficeLayout>
  );
}

/** The preview needs a card whose values can be stored: the problems to fix first. */
export function PreviewProblemsPage(props: { ctx: PageContext; crumbs: { href?: string; label: string }[]; issues: FieldIssue[]; editHref?: string; back: { href: string; label: string } }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const title = t('cards.preview.problemsTitle');
  const issues = props.issues;
  return (
    <BackOfficeLayout ctx={ctx} title={title} lead={t('cards.preview.problemsLead')} crumbs={[...props.crumbs, { label: title }]}>
      <div class="alert alert-danger" role="alert" id="error-summary" tabindex="-1">
        <h2 class="h5">{t('error.summary')}</h2>
        <ul class="mb-0">
          {issues.map((i) => (
            <li>{props.editHref ? <a href={`${props.editHref}#${i.field}`}>{i.message}</a> : i.message}</li>
          ))}
        </ul>
      </div>
      <ButtonLink href={props.back.href}>{props.back.label}</ButtonLink>
    </BackOfficeLayout>
  );
}
