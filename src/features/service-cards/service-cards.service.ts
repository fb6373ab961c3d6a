import type { Db, Queryable } from '../../db/database';
import { translator, type Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/catalogue';
import { audit } from '../../lib/audit';
import { enqueueMail } from '../../lib/mail/outbox';
import { cityPaths, entePaths, paths } from '../../web/paths';
import { findPublicServiceBySlug, type ServiceBundle } from '../services/services.repository';
import { applyCard, CARD_SECTIONS, emptyCard, readCardData, snapshotCard, type CardData, type CardSection } from './card-data';
import { todayInMilan, validateCard, type CardIssue } from './card-validation';
import { serviceStatusAfter, transition, type RevisionEvent, type RevisionState, type ServiceStatus } from './card.state';
import {
  cityTeamEmails,
  enteAdminEmails,
  findCard,
  insertRevisionSubmission,
  latestRevisionOf,
  lockRevision,
  nextRevisionNumber,
  openRevisionOf,
  qualifiedServiceTypes,
  type CardRow,
  type RevisionRow,
} from './service-cards.repository';

// Use cases of the service cards: create a card, start a revision, save it, submit it, withdraw it (the ente);
// approve it or send it back with notes (the City); preview it. Each change runs in one transaction with its
// audit row and its e-mails (outbox), after checking the transition against the state machine.

export interface Actor {
  id: string;
  label: string;
  ip: string;
}

export type Refusal =
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'state'; state: RevisionState; event: RevisionEvent }
  | { ok: false; reason: 'invalid'; issues: CardIssue[] };
export type Result<T> = { ok: true; value: T } | Refusal;

export interface MailSettings {
  baseUrl: string;
}

const absolute = (base: string, path: string) => `${base.replace(/\/$/, '')}${path}`;
/** The notices of the e-mails are in Italian (accounts keep no language preference yet). */
const mailT: Translate = translator('it');

function mailText(t: Translate, parts: string[]): string {
  return [t('cards.mail.greeting'), ...parts, t('cards.mail.signature')].join('\n\n');
}

async function mailAll(tx: Queryable, to: string[], subject: string, text: string): Promise<number> {
  for (const address of to) await enqueueMail(tx, { to: address, subject, text });
  return to.length;
}

const neverPublished = (status: ServiceStatus) => status === 'draft' || status === 'submitted' || status === 'changes_requested';

// ---------------------------------------------------------------------------------------------------
// Slugs

export function slugify(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}

async function uniqueSlug(q: Queryable, base: string): Promise<string> {
  const root = base || 'scheda';
  const taken = new Set(
    (await q.query<{ slug: string }>(`select slug from service where slug = $1 or slug like $2`, [root, `${root}-%`])).map((r) => r.slug),
  );
  if (!taken.has(root)) return root;
  for (let k = 2; ; k++) if (!taken.has(`${root}-${k}`)) return `${root}-${k}`;
}

// ---------------------------------------------------------------------------------------------------
// Ente: create a card, start a revision

export async function createCard(db: Db, actor: Actor, enteId: string, serviceTypeId: string): Promise<Result<{ serviceId: string; revisionId: string }>> {
  return db.transaction(async (tx) => {
    const type = (await qualifiedServiceTypes(tx, enteId)).find((x) => x.id === serviceTypeId);
    if (!type) return { ok: false, reason: 'not_found' };
    const ente = await tx.one<{ slug: string }>(`select slug from organization where id = $1`, [enteId]);
    const slug = await uniqueSlug(tx, slugify(`${type.name_it} ${ente.slug}`));
    const service = await tx.one<{ id: string }>(
      `insert into service (organization_id, service_type_id, slug, name, offer_type, status) values ($1, $2, $3, $4, 'free_public', 'draft') returning id`,
      [enteId, serviceTypeId, slug, type.name_it],
    );
    const data = emptyCard(serviceTypeId, type.name_it);
    const revision = await tx.one<{ id: string }>(
      `insert into service_revision (service_id, number, status, data, created_by) values ($1, 1, 'draft', $2::jsonb, $3) returning id`,
      [service.id, JSON.stringify(data), actor.id],
    );
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'cards.create',
      targetType: 'service',
      targetId: service.id,
      ip: actor.ip,
      details: { organizationId: enteId, serviceTypeId, slug, revisionId: revision.id },
    });
    return { ok: true, value: { serviceId: service.id, revisionId: revision.id } };
  });
}

/**
 * Opens a revision of the card, or returns the one already open. A card that was published starts from the
 * published version (which stays online unchanged); a card never published starts from its latest revision.
 */
export async function startRevision(db: Db, actor: Actor, serviceId: string): Promise<{ revisionId: string; created: boolean }> {
  return db.transaction(async (tx) => {
    const card = await tx.one<{ status: ServiceStatus }>(`select status from service where id = $1 for update`, [serviceId]);
    const open = await openRevisionOf(tx, serviceId);
    if (open) return { revisionId: open.id, created: false };
    const latest = await latestRevisionOf(tx, serviceId);
    const data: CardData = !neverPublished(card.status) || !latest ? await snapshotCard(tx, serviceId) : readCardData(latest.data);
    const number = await nextRevisionNumber(tx, serviceId);
    const row = await tx.one<{ id: string }>(
      `insert into service_revision (service_id, number, status, data, created_by) values ($1, $2, 'draft', $3::jsonb, $4) returning id`,
      [serviceId, number, JSON.stringify(data), actor.id],
    );
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'cards.revision.start',
      targetType: 'service_revision',
      targetId: row.id,
      ip: actor.ip,
      details: { serviceId, number, from: null, to: 'draft', basedOn: neverPublished(card.status) && latest ? `revision ${latest.number}` : 'published' },
    });
    return { revisionId: row.id, created: true };
  });
}

// ---------------------------------------------------------------------------------------------------
// Transitions

interface Step {
  tx: Queryable;
  revision: RevisionRow;
  card: CardRow;
  to: RevisionState;
}

/** Locks the revision, checks the transition, runs `apply`, records the audit row. */
async function step<T>(
  db: Db,
  actor: Actor,
  serviceId: string,
  revisionId: string,
  event: RevisionEvent,
  who: 'ente' | 'city',
  apply: (s: Step) => Promise<Result<T>>,
  details: (s: Step) => Record<string, unknown> = () => ({}),
): Promise<Result<T>> {
  return db.transaction(async (tx) => {
    const revision = await lockRevision(tx, serviceId, revisionId);
    if (!revision) return { ok: false, reason: 'not_found' } as const;
    const check = transition(revision.status, event, who);
    if (!check.ok) return { ok: false, reason: 'state', state: revision.status, event } as const;
    const card = (await findCard(tx, serviceId))!;
    const s: Step = { tx, revision, card, to: check.to };
    const result = await apply(s);
    if (!result.ok) return result;
    // A card never published mirrors its revision's state in service.status.
    const serviceStatus = serviceStatusAfter(card.status, check.to);
    if (serviceStatus !== card.status) await tx.query(`update service set status = $2 where id = $1`, [serviceId, serviceStatus]);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: `cards.revision.${event}`,
      targetType: 'service_revision',
      targetId: revisionId,
      ip: actor.ip,
      details: { serviceId, number: revision.number, from: revision.status, to: check.to, ...details(s) },
    });
    return result;
  });
}

/** Saves the ente's edits (a revision sent back returns to draft). Invalid values are kept. */
export async function saveRevision(db: Db, actor: Actor, serviceId: string, revisionId: string, data: CardData): Promise<Result<{ status: RevisionState }>> {
  return step(db, actor, serviceId, revisionId, 'edit', 'ente', async ({ tx, to }) => {
    await tx.query(`update service_revision set data = $2::jsonb, status = $3, updated_at = now() where id = $1`, [revisionId, JSON.stringify(data), to]);
    return { ok: true, value: { status: to } };
  });
}

/** Sends the revision to the City, when it is complete; the City team is told by e-mail. */
export async function submitRevision(db: Db, actor: Actor, serviceId: string, revisionId: string, mail: MailSettings): Promise<Result<{ mailed: number }>> {
  let mailed = 0;
  return step(
    db,
    actor,
    serviceId,
    revisionId,
    'submit',
    'ente',
    async ({ tx, revision, card, to }) => {
      const data = readCardData(revision.data);
      const issues = validateCard(data, { today: todayInMilan(), complete: true });
      if (issues.length) return { ok: false, reason: 'invalid', issues };
      await tx.query(`update service_revision set status = $2, submitted_at = now(), updated_at = now() where id = $1`, [revisionId, to]);
      // What was sent, kept as it is: a revision sent again is compared with its previous submission.
      await insertRevisionSubmission(tx, revisionId, data);
      const t = mailT;
      const isNew = neverPublished(card.status);
      mailed = await mailAll(
        tx,
        await cityTeamEmails(tx),
        t(isNew ? 'cards.mail.submitted.subjectNew' : 'cards.mail.submitted.subjectChange', { name: data.name, ente: card.org_name }),
        mailText(t, [
          t(isNew ? 'cards.mail.submitted.bodyNew' : 'cards.mail.submitted.bodyChange', { name: data.name, ente: card.org_name, number: revision.number }),
          `${t('cards.mail.submitted.action')}\n${absolute(mail.baseUrl, cityPaths.revision(revisionId))}`,
          t('cards.mail.submitted.standard', { days: STANDARD_DAYS }),
        ]),
      );
      return { ok: true, value: { mailed } };
    },
    () => ({ mailed }),
  );
}

/** The ente takes the revision back (the published card, if any, stays as it is). */
export async function withdrawRevision(db: Db, actor: Actor, serviceId: string, revisionId: string): Promise<Result<null>> {
  return step(db, actor, serviceId, revisionId, 'withdraw', 'ente', async ({ tx, to }) => {
    await tx.query(`update service_revision set status = $2, updated_at = now() where id = $1`, [revisionId, to]);
    return { ok: true, value: null };
  });
}

/** The City's standard: 10 working days, which we state as 14 calendar days. */
export const STANDARD_DAYS = 14;

/**
 * Approves the revision: its data is written into the card (one transaction), which goes online; the ente's
 * administrators are told by e-mail.
 */
export async function approveRevision(db: Db, actor: Actor, serviceId: string, revisionId: string, note: string | undefined, mail: MailSettings): Promise<Result<{ slug: string; mailed: number }>> {
  let mailed = 0;
  const result = await step(
    db,
    actor,
    serviceId,
    revisionId,
    'approve',
    'city',
    async ({ tx, revision, card, to }) => {
      const data = readCardData(revision.data);
      const issues = validateCard(data, { today: todayInMilan(), complete: true });
      if (issues.length) return { ok: false, reason: 'invalid', issues };
      await applyCard(tx, serviceId, data);
      await tx.query(`update service set published_at = coalesce(published_at, now()) where id = $1`, [serviceId]);
      await tx.query(
        `update service_revision set status = $2, decided_by = $3, decided_at = now(), decision_note = $4, updated_at = now() where id = $1`,
        [revisionId, to, actor.id, note ?? null],
      );
      await tx.query('select refresh_search_words()');
      const t = mailT;
      const online = serviceStatusAfter(card.status, 'approved') === 'published' && card.org_status === 'active';
      mailed = await mailAll(
        tx,
        await enteAdminEmails(tx, card.organization_id),
        t('cards.mail.approved.subject', { name: data.name }),
        mailText(t, [
          t('cards.mail.approved.body', { name: data.name, number: revision.number }),
          ...(note ? [`${t('cards.mail.note')}\n${note}`] : []),
          online ? `${t('cards.mail.approved.public')}\n${absolute(mail.baseUrl, paths.service(card.slug))}` : t('cards.mail.approved.notOnline'),
          `${t('cards.mail.manage')}\n${absolute(mail.baseUrl, entePaths.serviceCard(card.organization_id, serviceId))}`,
        ]),
      );
      return { ok: true, value: { slug: card.slug, mailed } };
    },
    () => ({ mailed, note: note ?? null }),
  );
  return result;
}

/** Sends the revision back with notes per section (at least one, checked by the route). */
export async function requestChanges(
  db: Db,
  actor: Actor,
  serviceId: string,
  revisionId: string,
  notes: Partial<Record<CardSection, string>>,
  general: string | undefined,
  mail: MailSettings,
): Promise<Result<{ mailed: number }>> {
  let mailed = 0;
  return step(
    db,
    actor,
    serviceId,
    revisionId,
    'request_changes',
    'city',
    async ({ tx, revision, card, to }) => {
      await tx.query(
        `update service_revision set status = $2, section_notes = $3::jsonb, decision_note = $4, decided_by = $5, decided_at = now(), updated_at = now() where id = $1`,
        [revisionId, to, JSON.stringify(notes), general ?? null, actor.id],
      );
      const t = mailT;
      const data = readCardData(revision.data);
      const lines = CARD_SECTIONS.filter((s) => notes[s]).map((s) => `- ${t(`cards.section.${s}` as MessageKey)}: ${notes[s]}`);
      mailed = await mailAll(
        tx,
        await enteAdminEmails(tx, card.organization_id),
        t('cards.mail.changes.subject', { name: data.name }),
        mailText(t, [
          t('cards.mail.changes.body', { name: data.name, number: revision.number }),
          ...(general ? [`${t('cards.mail.note')}\n${general}`] : []),
          ...(lines.length ? [`${t('cards.mail.changes.sections')}\n${lines.join('\n')}`] : []),
          `${t('cards.mail.changes.action')}\n${absolute(mail.baseUrl, entePaths.revisionEdit(card.organization_id, serviceId, revisionId))}`,
        ]),
      );
      return { ok: true, value: { mailed } };
    },
    () => ({ mailed, sections: Object.keys(notes), notes, general: general ?? null }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Preview

class PreviewRollback extends Error {
  constructor(readonly bundle: ServiceBundle | undefined) {
    super('preview rollback');
  }
}

/**
 * The card as the public would see it with this data: the data is applied inside a transaction, the card is
 * loaded with the public page's own query, and the transaction is rolled back (nobody else ever sees it).
 */
export async function previewBundle(db: Db, card: Pick<CardRow, 'id' | 'slug'>, data: CardData): Promise<ServiceBundle | undefined> {
  try {
    await db.transaction(async (tx) => {
      await applyCard(tx, card.id, data);
      throw new PreviewRollback(await findPublicServiceBySlug(tx, card.slug, { includeNotPublic: true }));
    });
  } catch (err) {
    if (err instanceof PreviewRollback) return err.bundle;
    throw err;
  }
  return undefined;
}
