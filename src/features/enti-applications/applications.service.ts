import type { Db, Queryable } from '../../db/database';
import type { MessageKey } from '../../i18n/catalogue';
import { translator, type Locale, type Translate } from '../../i18n/i18n';
import { audit } from '../../lib/audit';
import { AppError, notFound, type FieldIssue } from '../../lib/http/errors';
import { enqueueMail } from '../../lib/mail/outbox';
import { checkUpload, formFile, PDF_DOCUMENT, storeFile } from '../../lib/uploads';
import { cityPaths, paths } from '../../web/paths';
import { grantRole } from '../accounts/users.repository';
import {
  dataFromBody,
  DOCUMENT_KINDS,
  documentField,
  emptyData,
  fullName,
  isLegalForm,
  normalizeWebsite,
  readData,
  SECTIONS,
  slugify,
  type ApplicationData,
  type DocumentKind,
  type Section,
} from './application.data';
import { assertEditable, transition, type ApplicationAction, type ApplicationStatus } from './application.state';
import { validateApplication, type ValidationContext, type ValidationMode } from './application.validation';
import {
  addEvent,
  categoryOptions,
  copyStoredFile,
  deleteDocument,
  documentOf,
  documentsOf,
  draftOf,
  insertDraft,
  insertOrganization,
  insertSubmission,
  insertSite,
  linkCategories,
  linkMunicipi,
  lockApplication,
  municipioOptions,
  putDocument,
  setOrganizationFiles,
  setStatus,
  updateData,
  type ApplicationRow,
  type DocumentRow,
  type TermOption,
} from './applications.repository';

// Use cases of the applications to join WeMi. Each change runs in one transaction with its history row
// (ente_application_event), its audit row and the e-mails it sends (outbox), so they all happen or none does.
// The row is locked first and the state machine (application.state.ts) decides whether the change is allowed;
// ownership is checked here: an application is the applicant's, and the City's enti team ('city:enti') reads all.

/** The standard time for the City's answer, from (re)submission (Carta dei Servizi, open call). */
export const RESPONSE_DAYS = 30;
/** The mailbox of the City's enti team: told of every submission. */
export const ENTI_TEAM_EMAIL = 'enti.wemi@comune.milano.it';
/** Longest note per section and longest reason of a rejection. */
export const NOTE_MAX = 2000;

export interface Actor {
  id: string;
  label: string;
  ip: string;
}

export interface FormOptions {
  categories: TermOption[];
  municipi: TermOption[];
}

export async function formOptions(q: Queryable): Promise<FormOptions> {
  const [categories, municipi] = await Promise.all([categoryOptions(q), municipioOptions(q)]);
  return { categories, municipi };
}

export function validationContext(options: FormOptions, documents: readonly Pick<DocumentRow, 'kind'>[]): ValidationContext {
  return {
    categories: new Set(options.categories.map((c) => c.code)),
    municipi: new Set(options.municipi.map((m) => m.code)),
    documents: new Set(documents.map((d) => d.kind)),
  };
}

/** The applicant's own application, or 404 (no such id) / 403 (someone else's). */
export function ownedBy(row: ApplicationRow | undefined, userId: string): ApplicationRow {
  if (!row) throw notFound('Application');
  if (row.applicant_id !== userId) throw new AppError('forbidden', 'Not the applicant');
  return row;
}

const absolute = (baseUrl: string, path: string) => `${baseUrl.replace(/\/+$/, '')}${path}`;

function mailText(t: Translate, name: string, paragraphs: string[]): string {
  const greeting = name ? t('applications.mail.greeting', { name }) : t('applications.mail.greetingAnonymous');
  return [greeting, ...paragraphs, `-- \n${t('applications.mail.signature')}\n${t('applications.mail.automatic', { team: ENTI_TEAM_EMAIL })}`].join('\n\n') + '\n';
}

/** Where the applicant hears from WeMi: their account's e-mail, else the contact person's, else the ente's. */
function applicantAddress(row: ApplicationRow, data: ApplicationData): string | undefined {
  return row.applicant_email ?? (data.referente_email || data.email || undefined);
}

const applicantName = (row: ApplicationRow) => fullName(row.applicant_given_name, row.applicant_family_name);
const enteName = (t: Translate, data: ApplicationData) => data.denominazione || t('applications.noName');

export const sectionLabel = (t: Translate, s: Section) => t(`applications.section.${s}` as MessageKey);

/** The City's notes of a request for changes, as stored (section → note), without blank ones. */
export function notesOf(raw: unknown): Partial<Record<Section, string>> {
  const out: Partial<Record<Section, string>> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const s of SECTIONS) {
    const v = (raw as Record<string, unknown>)[s];
    if (typeof v === 'string' && v.trim()) out[s] = v.trim();
  }
  return out;
}

/** A history note: the JSON of section notes (request for changes) or plain text (rejection reason). */
export function parseEventNote(note: string | null): { notes: Partial<Record<Section, string>> } | { text: string } | undefined {
  if (!note) return undefined;
  if (note.startsWith('{')) {
    try {
      return { notes: notesOf(JSON.parse(note)) };
    } catch {
      // not JSON: plain text
    }
  }
  return { text: note };
}

// ---------------------------------------------------------------------------------------------------------------
// The applicant

/** Starts an application, or returns the draft the person already has (one draft at a time). */
export async function startApplication(db: Db, actor: Actor, locale: Locale): Promise<{ id: string; created: boolean }> {
  return db.transaction(async (tx) => {
    // One draft per person: serialise the check-then-insert on the person's account row.
    await tx.query('select id from app_user where id = $1 for update', [actor.id]);
    const existing = await draftOf(tx, actor.id);
    if (existing) return { id: existing.id, created: false };
    const { id, reference } = await insertDraft(tx, actor.id, { ...emptyData(), _locale: locale });
    await addEvent(tx, { applicationId: id, from: null, to: 'draft', actorId: actor.id });
    await audit(tx, { actorId: actor.id, actorLabel: actor.label, action: 'applications.create', targetType: 'ente_application', targetId: id, ip: actor.ip, details: { reference } });
    return { id, created: true };
  });
}

export interface SaveOutcome {
  data: ApplicationData;
  documents: DocumentRow[];
  issues: FieldIssue[];
}

/**
 * Saves the form as it was sent (valid or not) and the files that pass the checks; a file that fails them is
 * not stored and is reported on its field. `mode` 'draft' reports wrong values only; 'submit' (going to the
 * summary) also what is missing.
 */
export async function saveApplication(db: Db, actor: Actor, id: string, body: unknown, t: Translate, locale: Locale, mode: ValidationMode): Promise<SaveOutcome> {
  const options = await formOptions(db);
  return db.transaction(async (tx) => {
    const row = ownedBy(await lockApplication(tx, id), actor.id);
    assertEditable(row.status);
    const data = dataFromBody(body, locale);
    const uploadIssues: FieldIssue[] = [];
    const uploaded: DocumentKind[] = [];
    const refused: DocumentKind[] = [];
    for (const kind of DOCUMENT_KINDS) {
      const file = formFile(body, documentField(kind));
      if (!file) continue;
      const checked = checkUpload(file, PDF_DOCUMENT, t);
      if (!checked.ok) {
        uploadIssues.push({ field: documentField(kind), message: checked.message });
        refused.push(kind);
        continue;
      }
      const fileId = await storeFile(tx, file, checked, actor.id);
      await putDocument(tx, id, kind, fileId);
      uploaded.push(kind);
    }
    await updateData(tx, id, data);
    const documents = await documentsOf(tx, id);
    const formIssues = validateApplication(data, mode, validationContext(options, documents), t);
    // A refused file is reported once, on its field (not also as "missing").
    const issues = [...formIssues.filter((i) => !uploadIssues.some((u) => u.field === i.field)), ...uploadIssues];
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'applications.save',
      targetType: 'ente_application',
      targetId: id,
      ip: actor.ip,
      details: { reference: row.reference, mode, uploaded, refused, problems: issues.length },
    });
    return { data, documents, issues: orderIssues(issues) };
  });
}

/** Issues in the order of the form's fields (documents last, in their order). */
function orderIssues(issues: FieldIssue[]): FieldIssue[] {
  const docOrder = (f: string) => DOCUMENT_KINDS.findIndex((k) => documentField(k) === f);
  return [...issues].sort((a, b) => {
    const da = docOrder(a.field);
    const db = docOrder(b.field);
    if (da < 0 && db < 0) return 0;
    if (da < 0) return -1;
    if (db < 0) return 1;
    return da - db;
  });
}

export async function removeDocument(db: Db, actor: Actor, id: string, documentId: string): Promise<DocumentKind> {
  return db.transaction(async (tx) => {
    const row = ownedBy(await lockApplication(tx, id), actor.id);
    assertEditable(row.status);
    const doc = await documentOf(tx, id, documentId);
    if (!doc) throw notFound('Document');
    await deleteDocument(tx, doc.id);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'applications.document.remove',
      targetType: 'ente_application',
      targetId: id,
      ip: actor.ip,
      details: { reference: row.reference, kind: doc.kind, name: doc.original_name },
    });
    return doc.kind;
  });
}

export type SubmitOutcome = { ok: true; reference: string; resubmitted: boolean } | { ok: false; issues: FieldIssue[]; data: ApplicationData; documents: DocumentRow[] };

/** Sends the application (first time or after changes): complete and valid, or the list of what to fix. */
export async function submitApplication(db: Db, actor: Actor, id: string, t: Translate, opts: { baseUrl: string }): Promise<SubmitOutcome> {
  const options = await formOptions(db);
  return db.transaction(async (tx) => {
    const row = ownedBy(await lockApplication(tx, id), actor.id);
    const action: ApplicationAction = row.status === 'draft' ? 'submit' : 'resubmit';
    const to = transition(row.status, action, 'applicant');
    const data = readData(row.data);
    const documents = await documentsOf(tx, id);
    const issues = validateApplication(data, 'submit', validationContext(options, documents), t);
    if (issues.length) return { ok: false, issues: orderIssues(issues), data, documents };
    await setStatus(tx, id, row.status, to, { submitted: true });
    // What was sent, kept as it is: the City compares a resubmission with the submission before it.
    const submission = await insertSubmission(tx, id, data);
    await addEvent(tx, { applicationId: id, from: row.status, to, actorId: actor.id });
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: action === 'submit' ? 'applications.submit' : 'applications.resubmit',
      targetType: 'ente_application',
      targetId: id,
      ip: actor.ip,
      details: { reference: row.reference, from: row.status, to, submission },
    });
    const resubmitted = action === 'resubmit';
    const tm = translator(data._locale);
    const name = enteName(tm, data);
    const to_ = applicantAddress(row, data);
    if (to_) {
      await enqueueMail(tx, {
        to: to_,
        subject: tm(resubmitted ? 'applications.mail.resubmitted.subject' : 'applications.mail.submitted.subject', { reference: row.reference }),
        text: mailText(tm, applicantName(row), [
          tm(resubmitted ? 'applications.mail.resubmitted.body' : 'applications.mail.submitted.body', { name, reference: row.reference }),
          tm('applications.mail.submitted.time', { days: RESPONSE_DAYS }),
          `${tm('applications.mail.follow')}\n${absolute(opts.baseUrl, paths.application(id))}`,
        ]),
      });
    }
    const it = translator('it');
    await enqueueMail(tx, {
      to: ENTI_TEAM_EMAIL,
      subject: it(resubmitted ? 'applications.mail.team.resubmitted.subject' : 'applications.mail.team.submitted.subject', { reference: row.reference, name }),
      text: [
        it(resubmitted ? 'applications.mail.team.resubmitted.body' : 'applications.mail.team.submitted.body', { reference: row.reference, name, days: RESPONSE_DAYS }),
        `${it('applications.mail.team.open')}\n${absolute(opts.baseUrl, cityPaths.application(id))}`,
      ].join('\n\n') + '\n',
    });
    return { ok: true, reference: row.reference, resubmitted };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The City

/**
 * Locks an application for a decision of the City. A draft is not shown to the City, but a decision on one is
 * refused by the state machine like any other illegal transition (409, nothing changed).
 */
async function lockForCity(tx: Queryable, id: string): Promise<ApplicationRow> {
  const row = await lockApplication(tx, id);
  if (!row) throw notFound('Application');
  return row;
}

async function record(tx: Queryable, actor: Actor, row: ApplicationRow, action: ApplicationAction, to: ApplicationStatus, note: string | null, details: Record<string, unknown> = {}): Promise<void> {
  await addEvent(tx, { applicationId: row.id, from: row.status, to, actorId: actor.id, note });
  await audit(tx, {
    actorId: actor.id,
    actorLabel: actor.label,
    action: `applications.${action}`,
    targetType: 'ente_application',
    targetId: row.id,
    ip: actor.ip,
    details: { reference: row.reference, from: row.status, to, ...details },
  });
}

async function mailApplicant(tx: Queryable, row: ApplicationRow, data: ApplicationData, build: (t: Translate) => { subject: string; paragraphs: string[] }): Promise<void> {
  const to = applicantAddress(row, data);
  if (!to) return;
  const t = translator(data._locale);
  const m = build(t);
  await enqueueMail(tx, { to, subject: m.subject, text: mailText(t, applicantName(row), m.paragraphs) });
}

export async function takeReview(db: Db, actor: Actor, id: string, opts: { baseUrl: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockForCity(tx, id);
    const to = transition(row.status, 'take_review', 'city');
    await setStatus(tx, id, row.status, to, { reviewerId: actor.id });
    await record(tx, actor, row, 'take_review', to, null);
    const data = readData(row.data);
    await mailApplicant(tx, row, data, (t) => ({
      subject: t('applications.mail.review.subject', { reference: row.reference }),
      paragraphs: [
        t('applications.mail.review.body', { reference: row.reference, name: enteName(t, data) }),
        `${t('applications.mail.follow')}\n${absolute(opts.baseUrl, paths.application(id))}`,
      ],
    }));
  });
}

export async function requestChanges(db: Db, actor: Actor, id: string, notes: Partial<Record<Section, string>>, opts: { baseUrl: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockForCity(tx, id);
    const clean = notesOf(notes) as Record<string, string>;
    const to = transition(row.status, 'request_changes', 'city', { notes: clean });
    await setStatus(tx, id, row.status, to, { reviewerId: actor.id, sectionNotes: clean });
    await record(tx, actor, row, 'request_changes', to, JSON.stringify(clean), { sections: Object.keys(clean) });
    const data = readData(row.data);
    await mailApplicant(tx, row, data, (t) => ({
      subject: t('applications.mail.changes.subject', { reference: row.reference }),
      paragraphs: [
        t('applications.mail.changes.body', { reference: row.reference, name: enteName(t, data) }),
        SECTIONS.filter((s) => clean[s])
          .map((s) => `${sectionLabel(t, s)}: ${clean[s]}`)
          .join('\n\n'),
        `${t('applications.mail.changes.action')}\n${absolute(opts.baseUrl, paths.applicationEdit(id))}`,
      ],
    }));
  });
}

export async function rejectApplication(db: Db, actor: Actor, id: string, reason: string, opts: { baseUrl: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockForCity(tx, id);
    const clean = reason.trim();
    const to = transition(row.status, 'reject', 'city', { reason: clean });
    await setStatus(tx, id, row.status, to, { reviewerId: actor.id, decided: true, reason: clean });
    await record(tx, actor, row, 'reject', to, clean);
    const data = readData(row.data);
    await mailApplicant(tx, row, data, (t) => ({
      subject: t('applications.mail.rejected.subject', { reference: row.reference }),
      paragraphs: [
        t('applications.mail.rejected.body', { reference: row.reference, name: enteName(t, data) }),
        `${t('applications.mail.rejected.reason')}\n${clean}`,
        t('applications.mail.rejected.again'),
        `${t('applications.mail.follow')}\n${absolute(opts.baseUrl, paths.application(id))}`,
      ],
    }));
  });
}

/** The registered office as one line: "Via Larga 12, 20122 Milano". */
export const officeLine = (d: ApplicationData) => [d.sede_indirizzo, [d.sede_cap, d.sede_comune].filter(Boolean).join(' ')].filter(Boolean).join(', ');

/**
 * Qualifies the ente, in one transaction: the organisation (active, unique slug, the application's data), its
 * categories and Municipi, its registered office as a site, copies of its terms, privacy and withdrawal PDFs,
 * the role 'ente_admin' for the applicant (read on their next request: their sessions keep working), and the
 * application's link to the organisation.
 */
export async function qualifyApplication(db: Db, actor: Actor, id: string, opts: { baseUrl: string }): Promise<{ organizationId: string; slug: string }> {
  return db.transaction(async (tx) => {
    const row = await lockForCity(tx, id);
    const to = transition(row.status, 'qualify', 'city');
    const data = readData(row.data);
    const it = translator('it');
    const legalForm = isLegalForm(data.forma_giuridica) ? it(`applications.legalForm.${data.forma_giuridica}` as MessageKey) : data.forma_giuridica;
    const representative = fullName(data.rappresentante_nome, data.rappresentante_cognome);
    const contact = `${fullName(data.referente_nome, data.referente_cognome)} (${[data.referente_email, data.referente_telefono].filter(Boolean).join(', ')})`;
    const website = normalizeWebsite(data.sito) || null;
    const org = await insertOrganization(tx, {
      baseSlug: slugify(data.denominazione),
      name: data.denominazione,
      legalForm,
      description: data.descrizione,
      taxCode: data.codice_fiscale,
      vatNumber: data.partita_iva || null,
      email: data.email,
      pec: data.pec,
      phone: data.telefono,
      website,
      runtsNumber: data.runts || null,
      registeredOffice: officeLine(data),
      legalRepresentative: representative,
      contactPerson: contact,
    });
    const categories = await linkCategories(tx, org.id, data.categorie);
    const municipi = await linkMunicipi(tx, org.id, data.municipi);
    const siteId = await insertSite(tx, {
      organizationId: org.id,
      slug: `${org.slug}-sede-legale`,
      name: `${data.denominazione} – sede legale`,
      address: data.sede_indirizzo,
      postalCode: data.sede_cap,
      city: data.sede_comune,
      municipioCode: data.sede_municipio || null,
      email: data.email,
      phone: data.telefono,
      website,
    });
    const documents = await documentsOf(tx, id);
    const copy = async (kind: DocumentKind) => {
      const doc = documents.find((d) => d.kind === kind);
      return doc ? copyStoredFile(tx, doc.file_id, actor.id) : null;
    };
    await setOrganizationFiles(tx, org.id, { terms: await copy('condizioni_uso'), privacy: await copy('privacy'), withdrawal: await copy('recesso') });
    const roleId = await grantRole(tx, { userId: row.applicant_id, role: 'ente_admin', organizationId: org.id, grantedBy: actor.id });
    await setStatus(tx, id, row.status, to, { reviewerId: actor.id, decided: true, organizationId: org.id });
    await record(tx, actor, row, 'qualify', to, null, { organizationId: org.id, slug: org.slug, categories, municipi, siteId, roleId });
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'users.role.grant',
      targetType: 'user',
      targetId: row.applicant_id,
      ip: actor.ip,
      details: { roleId, role: 'ente_admin', organizationId: org.id, via: 'applications.qualify', reference: row.reference },
    });
    await mailApplicant(tx, row, data, (t) => ({
      subject: t('applications.mail.qualified.subject', { name: data.denominazione }),
      paragraphs: [
        t('applications.mail.qualified.body', { reference: row.reference, name: data.denominazione }),
        `${t('applications.mail.qualified.backOffice')}\n${absolute(opts.baseUrl, paths.enteBackOffice())}`,
        `${t('applications.mail.qualified.public')}\n${absolute(opts.baseUrl, paths.ente(org.slug))}`,
      ],
    }));
    return { organizationId: org.id, slug: org.slug };
  });
}
