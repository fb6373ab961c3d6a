import type { Db, Queryable } from '../../db/database';
import { translator, type Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/catalogue';
import { audit } from '../../lib/audit';
import { enqueueMail } from '../../lib/mail/outbox';
import { entePaths } from '../../web/paths';
import { bodyString } from '../../web/forms';
import type { FieldIssue } from '../../lib/http/errors';
import type { ServiceStatus } from './card.state';
import { controlTransition, REASON_MAX, reasonRequired, type ControlAction, type ControlSide } from './card-control.state';
import { enteStaffEmails, lockControlCard, openRequestsOf, recordChange, setCardStatus, statusBeforeHold } from './card-control.repository';
import type { Actor, MailSettings } from './service-cards.service';

// Use cases of card-level control: the City suspends, withdraws or reactivates a card; the ente takes its own
// published card offline and back. One function, one transaction per move: the card locked, the move checked
// against card-control.state.ts, the status changed (the catalogue hears it through NOTIFY: search index,
// response and page caches of every node), the move and its reason recorded, the typo vocabulary rebuilt, the
// audit row written and, for the City's moves, the e-mail to the ente's administrators and operators queued.
// Open requests already sent to the card are not touched: they continue.

export type ControlOutcome =
  | { ok: true; from: ServiceStatus; to: ServiceStatus; mailed: number; openRequests: number }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'state'; status: ServiceStatus; coveredToday: boolean };

/** The notices of the e-mails are in Italian (accounts keep no language preference yet). */
const mailT: Translate = translator('it');
const absolute = (base: string, path: string) => `${base.replace(/\/$/, '')}${path}`;

/** The reason typed in the form: required for the City, optional for the ente, at most REASON_MAX characters. */
export function parseReason(body: unknown, action: ControlAction, t: Translate): { ok: true; value: string | null } | { ok: false; issues: FieldIssue[] } {
  const reason = (bodyString(body, 'motivo') ?? '').replace(/\r\n?/g, '\n').trim();
  if (!reason && reasonRequired(action)) return { ok: false, issues: [{ field: 'motivo', message: t('cardControl.error.reason') }] };
  if (reason.length > REASON_MAX) return { ok: false, issues: [{ field: 'motivo', message: t('validation.tooLong', { max: REASON_MAX }) }] };
  return { ok: true, value: reason || null };
}

async function mailCityDecision(
  tx: Queryable,
  card: { id: string; name: string; organization_id: string },
  action: ControlAction,
  to: ServiceStatus,
  reason: string | null,
  mail: MailSettings,
): Promise<number> {
  const t = mailT;
  const recipients = await enteStaffEmails(tx, card.organization_id);
  const subject = t(`cardControl.mail.${action}.subject` as MessageKey, { name: card.name });
  const text = [
    t('cards.mail.greeting'),
    t(`cardControl.mail.${action}.body` as MessageKey, { name: card.name }),
    ...(reason ? [`${t('cardControl.mail.reason')}\n${reason}`] : []),
    action === 'reactivate' ? t(`cardControl.mail.reactivate.to.${to}` as MessageKey) : t(`cardControl.mail.${action}.next` as MessageKey),
    t('cardControl.mail.requests'),
    `${t('cards.mail.manage')}\n${absolute(mail.baseUrl, entePaths.serviceCard(card.organization_id, card.id))}`,
    t('cards.mail.signature'),
  ].join('\n\n');
  for (const address of recipients) await enqueueMail(tx, { to: address, subject, text });
  return recipients.length;
}

/**
 * Moves the card by `action` on behalf of `side` (the route has checked who the actor is and, for the ente,
 * that the card is theirs). `enteId`, when given, must own the card.
 */
export async function controlCard(
  db: Db,
  actor: Actor,
  serviceId: string,
  action: ControlAction,
  side: ControlSide,
  reason: string | null,
  mail: MailSettings,
  opts: { enteId?: string } = {},
): Promise<ControlOutcome> {
  return db.transaction(async (tx) => {
    const card = await lockControlCard(tx, serviceId);
    if (!card || (opts.enteId !== undefined && card.organization_id !== opts.enteId)) return { ok: false, reason: 'not_found' } as const;
    const before = action === 'reactivate' ? await statusBeforeHold(tx, serviceId) : null;
    const move = controlTransition(card.status, action, side, { before, coveredToday: card.covered_today });
    if (!move.ok) return { ok: false, reason: 'state', status: card.status, coveredToday: card.covered_today } as const;
    if (!(await setCardStatus(tx, serviceId, card.status, move.to))) {
      return { ok: false, reason: 'state', status: card.status, coveredToday: card.covered_today } as const;
    }
    await recordChange(tx, { serviceId, action, side, from: card.status, to: move.to, reason, actorId: actor.id });
    // The typo-correction vocabulary is built from published cards only.
    await tx.query('select refresh_search_words()');
    const openRequests = await openRequestsOf(tx, serviceId);
    const mailed = side === 'city' ? await mailCityDecision(tx, card, action, move.to, reason, mail) : 0;
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: `cards.control.${action}`,
      targetType: 'service',
      targetId: serviceId,
      ip: actor.ip,
      details: { organizationId: card.organization_id, slug: card.slug, from: card.status, to: move.to, reason, mailed, openRequests },
    });
    return { ok: true, from: card.status, to: move.to, mailed, openRequests };
  });
}
