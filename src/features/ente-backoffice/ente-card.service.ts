import type { Db } from '../../db/database';
import type { MessageKey } from '../../i18n/catalogue';
import type { Translate } from '../../i18n/i18n';
import { audit } from '../../lib/audit';
import type { FieldIssue } from '../../lib/http/errors';
import { checkUpload, formFields, formList, LOGO_IMAGE, PDF_DOCUMENT, storeFile, type UploadedFile } from '../../lib/uploads';
import { endAllSessions } from '../accounts/session';
import { inviteUser } from '../accounts/public/links.service';
import { normalizeEmail, revokeRole } from '../accounts/users.repository';
import { DOCUMENT_COLUMNS, isSocialUrl, SOCIAL_NETWORKS, type DocumentKind } from '../enti/enti.presenter';
import { readFacts, type FactField } from './ente-facts';
import { proposeFacts, type ProposalOutcome } from './ente-revision.service';
import {
  deleteSite,
  insertSite,
  lockEnteCard,
  lockSite,
  operatorRoleIds,
  setEnteFile,
  setSpaziLinks,
  siteUsage,
  teamMember,
  teamMemberByEmail,
  updateContactPerson,
  updateSite,
  findSite,
  type EnteCardFields,
  type EnteCardRow,
  type MunicipioOption,
  type SiteFields,
} from './ente-card.repository';

// Use cases of the ente back office ("Gestione ente"): the ente card, its logo and documents, its sites, its
// links to Spazi WeMi and its operators. Each change runs in one transaction with its audit row. The public facts
// of the card (name, description, public contacts, socials) wait for the City's validation (ente-revision.service.ts);
// the rest (the contact person for the City, logo, documents, sites, Spazi, operators) applies at once (decision 0006).

/** Who acts, for the audit row and the checks on oneself. */
export interface Actor {
  id: string;
  label: string;
  ip: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };
const fail = <T>(field: string, message: string): Outcome<T> => ({ ok: false, issues: [{ field, message }] });

// Limits of the fields
export const LIMITS = {
  name: 200,
  description: 4000,
  contactPerson: 200,
  firstContactHours: 500,
  url: 300,
  email: 254,
  phone: 30,
  siteName: 200,
  address: 200,
  hours: 500,
  personName: 100,
} as const;

// Field checks. Each reads a trimmed string field and reports one problem per field.

const EMAIL = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]{2,}$/;
const PHONE = /^\+?[0-9 ()./-]+$/;

/** Free text: trimmed, Windows line ends made plain. */
const clean = (v: string | undefined) => (v ?? '').replace(/\r\n?/g, '\n').trim();

class Fields {
  readonly issues: FieldIssue[] = [];
  private readonly values: Record<string, string>;
  constructor(
    body: unknown,
    private readonly t: Translate,
  ) {
    this.values = formFields(body);
  }

  private problem(field: string, key: MessageKey, params?: Record<string, string | number>): void {
    if (!this.issues.some((i) => i.field === field)) this.issues.push({ field, message: this.t(key, params) });
  }

  text(name: string, max: number, opts: { required?: MessageKey } = {}): string {
    const v = clean(this.values[name]);
    if (!v && opts.required) this.problem(name, opts.required);
    else if (v.length > max) this.problem(name, 'validation.tooLong', { max });
    return v;
  }

  email(name: string, required?: MessageKey): string | null {
    const v = this.text(name, LIMITS.email, required ? { required } : {}).toLowerCase();
    if (v && !EMAIL.test(v)) this.problem(name, 'enteCard.error.email');
    return v || null;
  }

  phone(name: string): string | null {
    const v = this.text(name, LIMITS.phone);
    if (v && (!PHONE.test(v) || v.replace(/\D/g, '').length < 6)) this.problem(name, 'enteCard.error.phone');
    return v || null;
  }

  website(name: string): string | null {
    const v = this.text(name, LIMITS.url);
    if (!v) return null;
    let ok = false;
    try {
      const u = new URL(v);
      ok = (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.') && !u.username && !u.password;
    } catch {
      ok = false;
    }
    if (!ok) this.problem(name, 'enteCard.error.website');
    return v;
  }

  social(name: (typeof SOCIAL_NETWORKS)[number]): string | null {
    const v = this.text(name, LIMITS.url);
    if (!v) return null;
    if (!isSocialUrl(name, v)) this.problem(name, `enteCard.error.social.${name}` as MessageKey);
    return v;
  }

  oneOf(name: string, allowed: readonly string[], required: MessageKey): string {
    const v = clean(this.values[name]);
    if (!allowed.includes(v)) this.problem(name, required);
    return v;
  }

  postalCode(name: string): string {
    const v = clean(this.values[name]).replace(/\s+/g, '');
    if (!v) this.problem(name, 'enteCard.error.postalCodeRequired');
    else if (!/^\d{5}$/.test(v)) this.problem(name, 'enteCard.error.postalCode');
    return v;
  }
}

/** Every string field of a form except the CSRF token, to render the form again as typed. */
export function formValues(body: unknown): Record<string, string> {
  const { _csrf: _token, ...rest } = formFields(body);
  void _token;
  return rest;
}

// The ente card

/**
 * The card form. `currentName`: the name kept when the form has no name field (a form of an older page); a name
 * field left empty is an error.
 */
export function parseCardForm(body: unknown, t: Translate, currentName: string): Outcome<EnteCardFields> {
  const f = new Fields(body, t);
  const value: EnteCardFields = {
    name: formFields(body).denominazione === undefined ? currentName : f.text('denominazione', LIMITS.name, { required: 'enteCard.error.nameRequired' }),
    description_it: f.text('descrizione_it', LIMITS.description, { required: 'enteCard.error.descriptionRequired' }),
    description_en: f.text('descrizione_en', LIMITS.description),
    email: f.email('email'),
    phone: f.phone('telefono'),
    pec: f.email('pec'),
    website: f.website('sito'),
    first_contact_hours: f.text('primo_contatto', LIMITS.firstContactHours),
    socials: {},
    contact_person: f.text('referente', LIMITS.contactPerson),
  };
  for (const n of SOCIAL_NETWORKS) {
    const url = f.social(n);
    if (url) value.socials[n] = url;
  }
  return f.issues.length ? { ok: false, issues: f.issues } : { ok: true, value };
}

/** What a save of the card did: the fields saved at once, and what became of the public facts. */
export interface SaveCardOutcome {
  direct: string[];
  review: ProposalOutcome;
  /** The public facts that differ from the published card. */
  facts: FactField[];
}

/**
 * Saves the card: the contact person at once (it is not public); the public facts, when they differ from the
 * published ones, as a request to the City (the public page keeps the published facts until approval).
 */
export async function saveCard(db: Db, actor: Actor, enteId: string, fields: EnteCardFields, mail: { baseUrl: string }): Promise<SaveCardOutcome> {
  return db.transaction(async (tx) => {
    const before = await lockEnteCard(tx, enteId);
    if (!before) throw new Error(`saveCard: no ente ${enteId}`);
    const direct = before.contact_person !== fields.contact_person ? ['contact_person'] : [];
    if (direct.length) {
      await updateContactPerson(tx, enteId, fields.contact_person);
      await audit(tx, {
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'ente.card.update',
        targetType: 'organization',
        targetId: enteId,
        ip: actor.ip,
        details: { fields: direct },
      });
    }
    const proposal = await proposeFacts(tx, actor, before, readFacts(fields), mail);
    return { direct, review: proposal.outcome, facts: proposal.fields };
  });
}

// Logo and documents

/** Checks and stores the logo (PNG or JPEG, 1 MB at most), replacing the previous one. */
export async function uploadLogo(db: Db, actor: Actor, enteId: string, file: UploadedFile | undefined, t: Translate): Promise<Outcome<string>> {
  if (!file) return fail('logo', t('enteCard.error.logoMissing'));
  const checked = checkUpload(file, LOGO_IMAGE, t);
  if (!checked.ok) return fail('logo', checked.message);
  return db.transaction(async (tx) => {
    const before = await lockEnteCard(tx, enteId);
    if (!before) throw new Error(`uploadLogo: no ente ${enteId}`);
    const fileId = await storeFile(tx, file, checked, actor.id);
    await setEnteFile(tx, enteId, 'logo_file_id', fileId);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'ente.card.update',
      targetType: 'organization',
      targetId: enteId,
      ip: actor.ip,
      details: { fields: ['logo'], fileId, previousFileId: before.logo_file_id, name: checked.filename, sizeBytes: file.data.length },
    });
    return { ok: true, value: fileId } as const;
  });
}

/** Removes the logo (the stored file stays, named in the audit row). False when there was none. */
export async function removeLogo(db: Db, actor: Actor, enteId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const before = await lockEnteCard(tx, enteId);
    if (!before?.logo_file_id) return false;
    await setEnteFile(tx, enteId, 'logo_file_id', null);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'ente.card.update',
      targetType: 'organization',
      targetId: enteId,
      ip: actor.ip,
      details: { fields: ['logo'], fileId: null, previousFileId: before.logo_file_id },
    });
    return true;
  });
}

/** Checks and stores a public document (PDF, 5 MB at most), replacing the previous one. */
export async function uploadDocument(db: Db, actor: Actor, enteId: string, kind: DocumentKind, file: UploadedFile | undefined, t: Translate): Promise<Outcome<string>> {
  if (!file) return fail(`documento-${kind}`, t('enteCard.error.documentMissing'));
  const checked = checkUpload(file, PDF_DOCUMENT, t);
  if (!checked.ok) return fail(`documento-${kind}`, checked.message);
  const column = DOCUMENT_COLUMNS[kind];
  return db.transaction(async (tx) => {
    const before = await lockEnteCard(tx, enteId);
    if (!before) throw new Error(`uploadDocument: no ente ${enteId}`);
    const fileId = await storeFile(tx, file, checked, actor.id);
    await setEnteFile(tx, enteId, column, fileId);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'ente.document.upload',
      targetType: 'organization',
      targetId: enteId,
      ip: actor.ip,
      details: { kind, fileId, previousFileId: before[column], name: checked.filename, sizeBytes: file.data.length },
    });
    return { ok: true, value: fileId } as const;
  });
}

// Sites

export function parseSiteForm(body: unknown, t: Translate, municipi: readonly MunicipioOption[]): Outcome<SiteFields> {
  const f = new Fields(body, t);
  const value: SiteFields = {
    name: f.text('nome', LIMITS.siteName, { required: 'enteCard.error.siteNameRequired' }),
    address: f.text('indirizzo', LIMITS.address, { required: 'enteCard.error.addressRequired' }),
    postal_code: f.postalCode('cap'),
    municipio_id: f.oneOf('municipio', municipi.map((m) => m.id), 'enteCard.error.municipio'),
    email: f.email('email'),
    phone: f.phone('telefono'),
    hours_it: f.text('orari_it', LIMITS.hours),
    hours_en: f.text('orari_en', LIMITS.hours),
  };
  return f.issues.length ? { ok: false, issues: f.issues } : { ok: true, value };
}

export async function createSite(db: Db, actor: Actor, enteId: string, fields: SiteFields): Promise<string> {
  return db.transaction(async (tx) => {
    const siteId = await insertSite(tx, enteId, fields);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'ente.site.create',
      targetType: 'location',
      targetId: siteId,
      ip: actor.ip,
      details: { organizationId: enteId, name: fields.name },
    });
    return siteId;
  });
}

/** Saves a site; returns the names of the fields changed, or undefined when the site is not the ente's. */
export async function editSite(db: Db, actor: Actor, enteId: string, siteId: string, fields: SiteFields): Promise<string[] | undefined> {
  return db.transaction(async (tx) => {
    if (!(await lockSite(tx, enteId, siteId))) return undefined;
    const before = await findSite(tx, enteId, siteId);
    if (!before) return undefined;
    const changed = (Object.keys(fields) as (keyof SiteFields)[]).filter((k) => (before[k] ?? null) !== (fields[k] ?? null));
    if (!changed.length) return changed;
    await updateSite(tx, enteId, siteId, fields);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'ente.site.update',
      targetType: 'location',
      targetId: siteId,
      ip: actor.ip,
      details: { organizationId: enteId, fields: changed },
    });
    return changed;
  });
}

export type RemoveSiteResult = { outcome: 'removed'; name: string } | { outcome: 'not_found' } | { outcome: 'in_use'; services: string[]; revisions: number };

/** Removes a site no service card uses (delivered there, or named by a revision in progress). */
export async function removeSite(db: Db, actor: Actor, enteId: string, siteId: string): Promise<RemoveSiteResult> {
  return db.transaction<RemoveSiteResult>(async (tx) => {
    const site = await lockSite(tx, enteId, siteId);
    if (!site) return { outcome: 'not_found' };
    const usage = await siteUsage(tx, enteId, siteId);
    if (usage.services.length || usage.revisions) return { outcome: 'in_use', ...usage };
    await deleteSite(tx, enteId, siteId);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'ente.site.delete',
      targetType: 'location',
      targetId: siteId,
      ip: actor.ip,
      details: { organizationId: enteId, name: site.name },
    });
    return { outcome: 'removed', name: site.name };
  });
}

// Spazi WeMi

export function parseSpaziForm(body: unknown, t: Translate, allowed: readonly string[]): Outcome<string[]> {
  const ids = [...new Set(formList(body, 'spazi').map((s) => s.trim().toLowerCase()))];
  if (ids.some((id) => !allowed.includes(id))) return fail('spazi', t('enteCard.error.spazi'));
  return { ok: true, value: ids };
}

export async function saveSpazi(db: Db, actor: Actor, enteId: string, ids: readonly string[]): Promise<{ added: string[]; removed: string[] }> {
  return db.transaction(async (tx) => {
    await lockEnteCard(tx, enteId);
    const change = await setSpaziLinks(tx, enteId, ids);
    if (change.added.length || change.removed.length) {
      await audit(tx, {
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'ente.spazi.update',
        targetType: 'organization',
        targetId: enteId,
        ip: actor.ip,
        details: change,
      });
    }
    return change;
  });
}

// Operators

export interface InviteForm {
  email: string;
  givenName: string;
  familyName: string;
}

export function parseInviteForm(body: unknown, t: Translate): Outcome<InviteForm> {
  const f = new Fields(body, t);
  const email = f.email('email', 'enteCard.error.emailRequired');
  const givenName = f.text('nome', LIMITS.personName, { required: 'enteCard.error.givenName' });
  const familyName = f.text('cognome', LIMITS.personName, { required: 'enteCard.error.familyName' });
  if (f.issues.length) return { ok: false, issues: f.issues };
  return { ok: true, value: { email: normalizeEmail(email!), givenName, familyName } };
}

/**
 * Invites a person as operator of the ente: a new account gets a 7-day invitation link, an existing active account
 * gets the role (and its sessions end, as for any change of privileges). Someone already in the team, or an
 * account that is suspended or deleted, is refused.
 */
export async function inviteOperator(
  db: Db,
  actor: Actor,
  enteId: string,
  form: InviteForm,
  opts: { baseUrl: string },
  t: Translate,
): Promise<Outcome<{ userId: string; outcome: 'invited' | 'roles_added' }>> {
  return db.transaction(async (tx) => {
    if (await teamMemberByEmail(tx, enteId, form.email)) return fail('email', t('enteCard.error.alreadyMember'));
    const result = await inviteUser(tx, {
      email: form.email,
      kind: 'ente',
      givenName: form.givenName,
      familyName: form.familyName,
      roles: [{ role: 'ente_operator', organizationId: enteId }],
      invitedBy: actor.id,
      baseUrl: opts.baseUrl,
    });
    if (result.outcome === 'unavailable') return fail('email', t('enteCard.error.unavailable'));
    const sessionsEnded = result.outcome === 'roles_added' && result.roleIds.length ? await endAllSessions(tx, result.userId) : 0;
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'ente.operator.invite',
      targetType: 'user',
      targetId: result.userId,
      ip: actor.ip,
      details: { organizationId: enteId, email: form.email, outcome: result.outcome, roleIds: result.roleIds, sessionsEnded },
    });
    return { ok: true, value: { userId: result.userId, outcome: result.outcome } };
  });
}

export type RemoveOperatorResult = { outcome: 'removed' } | { outcome: 'not_found' } | { outcome: 'refused'; issues: FieldIssue[] };

/**
 * Removes an operator from the ente: their operator roles for it are revoked and every session of theirs ends, so
 * the removal bites at once. Administrators of the ente (managed by the City) and oneself cannot be removed here.
 */
export async function removeOperator(db: Db, actor: Actor, enteId: string, userId: string, t: Translate): Promise<RemoveOperatorResult> {
  if (userId === actor.id) return { outcome: 'refused', issues: [{ field: 'rimuovi', message: t('enteCard.error.removeSelf') }] };
  return db.transaction<RemoveOperatorResult>(async (tx) => {
    const member = await teamMember(tx, enteId, userId);
    if (!member) return { outcome: 'not_found' };
    if (member.is_admin) return { outcome: 'refused', issues: [{ field: 'rimuovi', message: t('enteCard.error.removeAdmin') }] };
    const roleIds = await operatorRoleIds(tx, enteId, userId);
    for (const id of roleIds) await revokeRole(tx, id, actor.id);
    const sessionsEnded = await endAllSessions(tx, userId);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'ente.operator.remove',
      targetType: 'user',
      targetId: userId,
      ip: actor.ip,
      details: { organizationId: enteId, email: member.email, roleIds, sessionsEnded },
    });
    return { outcome: 'removed' };
  });
}
