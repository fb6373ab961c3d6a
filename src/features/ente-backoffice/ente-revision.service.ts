import type { Db, Queryable } from '../../db/database';
import { translator, type Translate } from '../../i18n/i18n';
import { audit } from '../../lib/audit';
import { AppError, notFound } from '../../lib/http/errors';
import { enqueueMail } from '../../lib/mail/outbox';
import { cityPaths, entePaths, paths } from '../../web/paths';
import { cityTeamEmails, enteAdminEmails } from '../service-cards/service-cards.repository';
import { STANDARD_DAYS } from '../service-cards/service-cards.service';
import { changedFacts, FACT_LABELS, readFacts, sameFacts, type FactField, type PublicFacts } from './ente-facts';
import { lockEnteCard, type EnteCardRow } from './ente-card.repository';
import {
  applyFacts,
  insertEnteRevision,
  lockEnteRevision,
  openEnteRevision,
  refreshEnteSearch,
  resubmitEnteRevision,
  setEnteRevisionStatus,
  updateEnteRevisionData,
  type EnteRevisionRow,
} from './ente-revision.repository';

// Use cases of the requests to change the public facts of an ente card. The ente proposes (a save of its card
// whose public facts differ from the published ones), amends or withdraws; the City approves (the facts are
// written into the card, which the public then reads) or sends the request back with a note. Each runs in one
// transaction with its audit row and its e-mails (outbox).

export interface Actor {
  id: string;
  label: string;
  ip: string;
}

export interface MailSettings {
  baseUrl: string;
}

/** Longest note of the City. */
export const NOTE_MAX = 2000;
/** The City answers within the standard of the service cards. */
export const REVIEW_DAYS = STANDARD_DAYS;

const absolute = (base: string, path: string) => `${base.replace(/\/$/, '')}${path}`;
/** E-mails are in Italian (accounts keep no language preference yet), as for the service cards. */
const mailT: Translate = translator('it');
const mailText = (t: Translate, parts: string[]) => [t('cards.mail.greeting'), ...parts, t('cards.mail.signature')].join('\n\n');

async function mailAll(tx: Queryable, to: string[], subject: string, text: string): Promise<number> {
  for (const address of to) await enqueueMail(tx, { to: address, subject, text });
  return to.length;
}

const fieldList = (t: Translate, fields: readonly FactField[]) => fields.map((f) => t(FACT_LABELS[f])).join(', ');

/** What a save of the card did to the public facts. */
export type ProposalOutcome =
  /** The facts are the published ones and nothing was waiting. */
  | 'none'
  /** A new request, sent to the City. */
  | 'submitted'
  /** A request sent back by the City, sent again. */
  | 'resubmitted'
  /** A request still waiting, with new facts. */
  | 'updated'
  /** The same facts as the request waiting: nothing new. */
  | 'unchanged'
  /** The published facts again: the request waiting is withdrawn. */
  | 'withdrawn';

/**
 * The public facts of a save of the card (inside its transaction, the card row locked): they wait for the City
 * when they differ from the published ones; the published card does not change.
 */
export async function proposeFacts(tx: Queryable, actor: Actor, ente: EnteCardRow, facts: PublicFacts, mail: MailSettings): Promise<{ outcome: ProposalOutcome; fields: FactField[] }> {
  const published = readFacts(ente);
  const open = await openEnteRevision(tx, ente.id);
  const fields = changedFacts(published, facts);
  const record = async (action: 'submit' | 'resubmit' | 'update' | 'withdraw', revision: { id: string; number: number }, details: Record<string, unknown> = {}) =>
    audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: `ente.card.revision.${action}` as const,
      targetType: 'organization_revision',
      targetId: revision.id,
      ip: actor.ip,
      details: { organizationId: ente.id, number: revision.number, fields, ...details },
    });
  if (fields.length === 0) {
    if (!open) return { outcome: 'none', fields };
    await setEnteRevisionStatus(tx, open.id, 'withdrawn');
    await record('withdraw', open, { from: open.status, to: 'withdrawn', reason: 'published_values' });
    return { outcome: 'withdrawn', fields };
  }
  if (open && open.status === 'submitted') {
    if (sameFacts(readFacts(open.data), facts)) return { outcome: 'unchanged', fields };
    await updateEnteRevisionData(tx, open.id, facts);
    await record('update', open, { from: 'submitted', to: 'submitted' });
    return { outcome: 'updated', fields };
  }
  let revision: { id: string; number: number };
  let outcome: ProposalOutcome;
  if (open) {
    await resubmitEnteRevision(tx, open.id, facts);
    revision = open;
    outcome = 'resubmitted';
  } else {
    revision = await insertEnteRevision(tx, ente.id, facts, actor.id);
    outcome = 'submitted';
  }
  const t = mailT;
  const mailed = await mailAll(
    tx,
    await cityTeamEmails(tx),
    t(outcome === 'resubmitted' ? 'enteReview.mail.resubmitted.subject' : 'enteReview.mail.submitted.subject', { ente: ente.name }),
    mailText(t, [
      t(outcome === 'resubmitted' ? 'enteReview.mail.resubmitted.body' : 'enteReview.mail.submitted.body', { ente: ente.name, fields: fieldList(t, fields) }),
      `${t('enteReview.mail.submitted.action')}\n${absolute(mail.baseUrl, cityPaths.enteRevision(revision.id))}`,
      t('enteReview.mail.submitted.standard', { days: REVIEW_DAYS }),
    ]),
  );
  await record(outcome === 'resubmitted' ? 'resubmit' : 'submit', revision, { from: open?.status ?? null, to: 'submitted', mailed });
  return { outcome, fields };
}

/** The ente takes its request back: the published card stays as it is. False when nothing was waiting. */
export async function withdrawFacts(db: Db, actor: Actor, enteId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('select id from organization where id = $1 for update', [enteId]);
    const open = await openEnteRevision(tx, enteId);
    if (!open) return false;
    await setEnteRevisionStatus(tx, open.id, 'withdrawn');
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'ente.card.revision.withdraw',
      targetType: 'organization_revision',
      targetId: open.id,
      ip: actor.ip,
      details: { organizationId: enteId, number: open.number, from: open.status, to: 'withdrawn' },
    });
    return true;
  });
}

/**
 * Locks the ente card, then the request, for the City's decision (in the order a save of the card takes them): the
 * request must be waiting, and be the version the City looked at (the ente may have changed it meanwhile: 409).
 */
async function lockForDecision(tx: Queryable, revisionId: string, version: number): Promise<{ revision: EnteRevisionRow; ente: EnteCardRow }> {
  const owner = await tx.maybeOne<{ organization_id: string }>('select organization_id from organization_revision where id = $1', [revisionId]);
  if (!owner) throw notFound('Ente revision');
  const ente = await lockEnteCard(tx, owner.organization_id);
  const revision = await lockEnteRevision(tx, revisionId);
  if (!ente || !revision) throw notFound('Ente revision');
  if (revision.status !== 'submitted') throw new AppError('conflict', `Ente revision is ${revision.status}`);
  if (revision.version !== version) throw new AppError('conflict', 'Ente revision changed since it was read');
  return { revision, ente };
}

/** The City approves: the facts are written into the card (public at once); the ente's administrators are told. */
export async function approveFacts(db: Db, actor: Actor, revisionId: string, version: number, note: string | undefined, mail: MailSettings): Promise<EnteRevisionRow> {
  return db.transaction(async (tx) => {
    const { revision, ente } = await lockForDecision(tx, revisionId, version);
    const before = readFacts(ente);
    const facts = readFacts(revision.data);
    const fields = changedFacts(before, facts);
    await applyFacts(tx, revision.organization_id, facts);
    if (fields.includes('name')) await refreshEnteSearch(tx, revision.organization_id);
    await setEnteRevisionStatus(tx, revision.id, 'approved', { by: actor.id, note: note ?? null });
    const t = mailT;
    const mailed = await mailAll(
      tx,
      await enteAdminEmails(tx, revision.organization_id),
      t('enteReview.mail.approved.subject', { ente: facts.name }),
      mailText(t, [
        t('enteReview.mail.approved.body', { ente: facts.name, fields: fieldList(t, fields) }),
        ...(note ? [`${t('cards.mail.note')}\n${note}`] : []),
        ...(ente.status === 'active' ? [`${t('enteReview.mail.approved.public')}\n${absolute(mail.baseUrl, paths.ente(ente.slug))}`] : []),
      ]),
    );
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'ente.card.revision.approve',
      targetType: 'organization_revision',
      targetId: revision.id,
      ip: actor.ip,
      details: { organizationId: revision.organization_id, number: revision.number, from: 'submitted', to: 'approved', fields, note: note ?? null, mailed },
    });
    return revision;
  });
}

/** The City sends the request back with a note (e-mailed to the ente's administrators); the card stays as it is. */
export async function sendBackFacts(db: Db, actor: Actor, revisionId: string, version: number, note: string, mail: MailSettings): Promise<EnteRevisionRow> {
  return db.transaction(async (tx) => {
    const { revision } = await lockForDecision(tx, revisionId, version);
    await setEnteRevisionStatus(tx, revision.id, 'changes_requested', { by: actor.id, note });
    const t = mailT;
    const mailed = await mailAll(
      tx,
      await enteAdminEmails(tx, revision.organization_id),
      t('enteReview.mail.changes.subject', { ente: revision.org_name }),
      mailText(t, [
        t('enteReview.mail.changes.body', { ente: revision.org_name }),
        `${t('cards.mail.note')}\n${note}`,
        `${t('enteReview.mail.changes.action')}\n${absolute(mail.baseUrl, entePaths.card(revision.organization_id))}`,
      ]),
    );
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'ente.card.revision.request_changes',
      targetType: 'organization_revision',
      targetId: revision.id,
      ip: actor.ip,
      details: { organizationId: revision.organization_id, number: revision.number, from: 'submitted', to: 'changes_requested', note, mailed },
    });
    return revision;
  });
}
