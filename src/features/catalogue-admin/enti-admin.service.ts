import type { Db } from '../../db/database';
import type { Translate } from '../../i18n/i18n';
import { audit } from '../../lib/audit';
import { bodyString } from '../../web/forms';
import { lockEnte, setEnteStatus } from './catalogue-admin.repository';
import { mailEnteStatus } from './catalogue-admin.mail';
import { allowedFrom, nextOrgStatus, type AdminOrgAction, type OrgStatus } from './org-status';
import type { Actor, Outcome } from './taxonomy-admin.service';

// Suspend, revoke and reactivate an ente. The status is the one switch of public visibility: a suspended or
// revoked ente leaves the search, /enti and HSDS at once (every public query reads organization.status, and the
// search cache follows the change counter), and its cards stay as they are but out of the public catalogue
// (the public_service view). Its people keep their accounts and their back office. The administrators of the
// ente get an e-mail with the reason; the audit log keeps who, when, from what and why.

export const REASON_MAX = 1000;

export function parseStatusReason(body: unknown, t: Translate): Outcome<string> {
  const reason = (bodyString(body, 'motivo') ?? '').trim();
  if (!reason) return { ok: false, issues: [{ field: 'motivo', message: t('catalogueAdmin.enti.error.reason') }] };
  if (reason.length > REASON_MAX) return { ok: false, issues: [{ field: 'motivo', message: t('validation.tooLong', { max: REASON_MAX }) }] };
  return { ok: true, value: reason };
}

export async function changeEnteStatus(
  db: Db,
  actor: Actor,
  organizationId: string,
  action: AdminOrgAction,
  reason: string,
  opts: { baseUrl?: string | undefined },
  t: Translate,
): Promise<Outcome<{ from: OrgStatus; to: OrgStatus; notified: number }>> {
  return db.transaction(async (tx) => {
    const ente = await lockEnte(tx, organizationId);
    if (!ente) return { ok: false, issues: [{ field: 'motivo', message: t('catalogueAdmin.enti.error.gone') }] };
    const to = nextOrgStatus(ente.status, action);
    if (!to || !(await setEnteStatus(tx, ente.id, allowedFrom(action), to, to === 'active' ? null : reason))) {
      return { ok: false, issues: [{ field: 'motivo', message: t(`catalogueAdmin.enti.error.${action}`, { status: t(`catalogueAdmin.enteStatus.${ente.status}`) }) }] };
    }
    const notified = await mailEnteStatus(tx, ente, action, reason, opts);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: `catalogue.ente.${action}`,
      targetType: 'organization',
      targetId: ente.id,
      ip: actor.ip,
      details: { from: ente.status, to, reason, notified },
    });
    return { ok: true, value: { from: ente.status, to, notified } };
  });
}
