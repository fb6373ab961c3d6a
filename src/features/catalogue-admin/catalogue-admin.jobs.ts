import type { Db } from '../../db/database';
import { audit } from '../../lib/audit';
import type { JobDefinition } from '../../lib/jobs';
import { COVERAGE_CTE, TODAY } from './catalogue-admin.repository';
import { mailCardExpired, mailCardExpiring } from './catalogue-admin.mail';

// Scheduled jobs of the catalogue. 'catalogue.price-list-expiry', every hour (two cheap statements):
// (a) a published PAID card that has no price list valid today (Milan calendar day) leaves the catalogue: its
//     status becomes 'expired' (public_service shows only 'published' cards), with an audit row by 'system' and
//     an e-mail to the ente's administrators saying how to restore it (a revision with a new price list; applying
//     an approved revision publishes the card again);
// (b) a published paid card of an active ente whose price lists stop covering it within WARNING_DAYS days (the
//     current list ends and no later list continues it) gets one warning per card and end date
//     (service_expiry_warning), e-mailed to the ente's administrators.
// Free cards are never touched. The visibility rule lives here, in a state change, not in a read-time check:
// until the job runs, a card whose list ended stays public.

export const PRICE_LIST_EXPIRY_JOB = 'catalogue.price-list-expiry';
export const WARNING_DAYS = 14;

interface ExpiredRow {
  id: string;
  name: string;
  slug: string;
  organization_id: string;
  organization_name: string;
  organization_status: string;
  ended_on: string | null;
}

interface ExpiringRow {
  id: string;
  name: string;
  organization_id: string;
  organization_name: string;
  valid_to: string;
}

export async function expirePriceLists(db: Db, opts: { baseUrl?: string | undefined } = {}): Promise<{ expired: number; warned: number }> {
  return db.transaction(async (tx) => {
    // (a) Not covered today → expired.
    const expired = await tx.query<ExpiredRow>(
      `update service s set status = 'expired', updated_at = now()
         from organization o
        where o.id = s.organization_id and s.status = 'published' and s.offer_type = 'paid'
          and not exists (select 1 from price_list pl where pl.service_id = s.id
                           and pl.valid_from <= ${TODAY} and (pl.valid_to is null or pl.valid_to >= ${TODAY}))
        returning s.id, s.name, s.slug, s.organization_id, o.name as organization_name, o.status as organization_status,
                  (select to_char(max(pl.valid_to), 'YYYY-MM-DD') from price_list pl
                    where pl.service_id = s.id and pl.valid_to < ${TODAY}) as ended_on`,
    );
    for (const card of expired) {
      // A revoked ente is out of WeMi: its administrators hear nothing more about its cards.
      const notified = card.organization_status === 'revoked' ? 0 : await mailCardExpired(tx, card, opts);
      await audit(tx, {
        actorLabel: 'system',
        action: 'catalogue.card.expire',
        targetType: 'service',
        targetId: card.id,
        details: { job: PRICE_LIST_EXPIRY_JOB, organizationId: card.organization_id, slug: card.slug, lastValidTo: card.ended_on, notified },
      });
    }

    // (b) Coverage ending within WARNING_DAYS days → one warning per card and end date.
    const warned = await tx.query<ExpiringRow>(
      `with ${COVERAGE_CTE},
       due as (
         select s.id, s.name, s.organization_id, o.name as organization_name, cov.until as valid_to
           from service s
           join organization o on o.id = s.organization_id
           join coverage cov on cov.service_id = s.id
          where s.status = 'published' and s.offer_type = 'paid' and o.status = 'active'
            and cov.until <> 'infinity'::date and cov.until <= ${TODAY} + ${WARNING_DAYS}
       ),
       inserted as (
         insert into service_expiry_warning (service_id, valid_to)
         select id, valid_to from due
         on conflict (service_id, valid_to) do nothing
         returning service_id, valid_to
       )
       select d.id, d.name, d.organization_id, d.organization_name, to_char(d.valid_to, 'YYYY-MM-DD') as valid_to
         from due d join inserted i on i.service_id = d.id and i.valid_to = d.valid_to
        order by d.organization_name, d.name`,
    );
    for (const card of warned) await mailCardExpiring(tx, card, opts);

    return { expired: expired.length, warned: warned.length };
  });
}

/** The catalogue's jobs; `baseUrl` (the public address) puts a link to the ente back office in the e-mails. */
export function createCatalogueJobs(opts: { baseUrl?: string | undefined } = {}): JobDefinition[] {
  return [
    {
      name: PRICE_LIST_EXPIRY_JOB,
      everyMs: 60 * 60_000,
      leaseMs: 10 * 60_000,
      run: (db) => expirePriceLists(db, opts),
    },
  ];
}

/** Scheduled jobs of the catalogue (price-list expiry and its warnings). */
export const catalogueJobs: JobDefinition[] = createCatalogueJobs();
