import type { Db } from '../../db/database';
import type { JobDefinition } from '../../lib/jobs';
import { entePaths, paths } from '../../web/paths';
import { moveEnteRequest } from '../requests/request.transitions';
import { addNotification, citizenRecipient, enteRecipients, threadContext, TODAY } from './conversations.repository';
import { mailTo } from './conversations.service';

// Scheduled jobs of requests, run once across nodes by the job runner:
// - 'requests.expiry' (every 15 minutes): an ente request 'offered' whose offer_expires_on is before today (Milan
//   calendar day), or any open request not yet accepted ('sent', 'taken', 'offered') whose requested period ended
//   before today, moves to 'expired' (moveEnteRequest 'expire' as system: history and audit rows); the citizen
//   (e-mail and notification) and the ente's people are told. One transaction per request.
// - 'requests.reminders' (every 15 minutes): an ente request still 'sent', without a first answer, 48 hours after
//   it was created and never reminded, gets one e-mail to the ente's administrators and operators; reminded_at
//   is stamped in the same statement, so it happens once.

export const EXPIRY_JOB = 'requests.expiry';
export const REMINDER_JOB = 'requests.reminders';

const link = (baseUrl: string | undefined, path: string) => `${(baseUrl ?? '').replace(/\/+$/, '')}${path}`;
const SYSTEM = { side: 'system' as const, userId: null, label: 'system' };

export async function expireRequests(db: Db, opts: { baseUrl?: string | undefined } = {}): Promise<{ expired: number; offers: number; periods: number }> {
  const due = await db.query<{ id: string; reason: 'offer' | 'period' }>(
    `select er.id, case when er.status = 'offered' and er.offer_expires_on < ${TODAY} then 'offer' else 'period' end as reason
       from ente_request er join service_request sr on sr.id = er.request_id
      where (er.status = 'offered' and er.offer_expires_on < ${TODAY})
         or (er.status in ('sent', 'taken', 'offered') and sr.period_to < ${TODAY})
      order by er.created_at`,
  );
  let offers = 0;
  let periods = 0;
  for (const d of due) {
    const done = await db.transaction(async (tx) => {
      // Re-checked under the row lock: a request answered meanwhile is left alone.
      const still = await tx.maybeOne<{ id: string }>(
        `select er.id from ente_request er join service_request sr on sr.id = er.request_id
          where er.id = $1 and ((er.status = 'offered' and er.offer_expires_on < ${TODAY})
                 or (er.status in ('sent', 'taken', 'offered') and sr.period_to < ${TODAY}))
          for update of er`,
        [d.id],
      );
      if (!still) return false;
      await moveEnteRequest(tx, d.id, 'expire', SYSTEM, { note: d.reason === 'offer' ? 'offer_expired' : 'period_over' });
      const ctx = (await threadContext(tx, d.id))!;
      const params = { ente: ctx.ente_name, reference: ctx.reference, service: ctx.service_name };
      const citizen = await citizenRecipient(tx, ctx.citizen_id);
      const citizenPath = paths.request(ctx.request_id);
      if (citizen) {
        await mailTo(tx, [citizen], 'threads.mail.expired.citizen.subject', (t) => [t(`threads.mail.expired.citizen.${d.reason}`, params), link(opts.baseUrl, citizenPath)], params);
      }
      await addNotification(tx, { userId: ctx.citizen_id, kind: 'request.expired', title: `${ctx.reference} · ${ctx.ente_name}`, link: citizenPath });
      const people = await enteRecipients(tx, ctx.organization_id, ctx.assigned_to);
      await mailTo(tx, people, 'threads.mail.expired.ente.subject', (t) => [t(`threads.mail.expired.ente.${d.reason}`, params)], params);
      return true;
    });
    if (done) {
      if (d.reason === 'offer') offers++;
      else periods++;
    }
  }
  return { expired: offers + periods, offers, periods };
}

export async function remindEnti(db: Db, opts: { baseUrl?: string | undefined } = {}): Promise<{ reminded: number; emails: number }> {
  return db.transaction(async (tx) => {
    const due = await tx.query<{ id: string }>(
      `update ente_request set reminded_at = now()
        where status = 'sent' and first_response_at is null and reminded_at is null
          and created_at <= now() - interval '48 hours'
        returning id`,
    );
    let emails = 0;
    for (const d of due) {
      const ctx = (await threadContext(tx, d.id))!;
      const params = { reference: ctx.reference, service: ctx.service_name, link: link(opts.baseUrl, entePaths.requestMessages(ctx.organization_id, ctx.id)) };
      // Every administrator and operator: nobody has taken the request yet.
      emails += await mailTo(tx, await enteRecipients(tx, ctx.organization_id), 'threads.mail.reminder.subject', (t) => [t('threads.mail.reminder.body', params)], params);
    }
    return { reminded: due.length, emails };
  });
}

/** The jobs; `baseUrl` (the public address) makes the links in the e-mails absolute. */
export function createRequestJobs(opts: { baseUrl?: string | undefined } = {}): JobDefinition[] {
  return [
    { name: EXPIRY_JOB, everyMs: 15 * 60_000, leaseMs: 10 * 60_000, run: (db) => expireRequests(db, opts) },
    { name: REMINDER_JOB, everyMs: 15 * 60_000, leaseMs: 10 * 60_000, run: (db) => remindEnti(db, opts) },
  ];
}

/** Scheduled jobs of requests: expiry of offers and requests, reminders to enti at 48 hours. */
