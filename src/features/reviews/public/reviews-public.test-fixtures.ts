import type { Queryable } from '../../../db/database';
import { refreshServiceRatings } from './reviews-public.repository';

// Reviews for tests: each a real row behind a completed request of a citizen (as the review flow makes them),
// then the card's copy of its rating refreshed as the flow does.

export interface ReviewFixture {
  overall: number;
  comment?: string | null;
  status?: 'none' | 'pending' | 'published' | 'rejected';
  reply?: string | null;
  /** How long ago it was written, in days (default 1). */
  daysAgo?: number;
  /** The author (a new citizen "Test Citizen" when absent). */
  citizenId?: string | null;
  scores?: { punctuality?: number; speed?: number; professionalism?: number };
}

let counter = 0;

/** Inserts reviews of the card `serviceId`; returns their ids in the order given. */
export async function insertReviews(db: Queryable, serviceId: string, reviews: ReviewFixture[]): Promise<string[]> {
  const card = await db.one<{ organization_id: string; service_type_id: string }>('select organization_id, service_type_id from service where id = $1', [serviceId]);
  const ids: string[] = [];
  for (const r of reviews) {
    counter++;
    const citizenId =
      r.citizenId ??
      (await db.one<{ id: string }>(`insert into app_user (kind, given_name, family_name) values ('citizen', 'Test', 'Citizen') returning id`)).id;
    const days = r.daysAgo ?? 1;
    const req = await db.one<{ id: string }>(
      `insert into service_request (reference, citizen_id, service_type_id, status, step, sent_at, created_at)
       values ($1, $2, $3, 'sent', 5, now() - make_interval(days => $4::int + 10), now() - make_interval(days => $4::int + 10)) returning id`,
      [`RIC-FIX-${Date.now()}-${counter}`, citizenId, card.service_type_id, days],
    );
    const er = await db.one<{ id: string }>(
      `insert into ente_request (request_id, service_id, organization_id, status, completed_at)
       values ($1, $2, $3, 'completed', now() - make_interval(days => $4::int)) returning id`,
      [req.id, serviceId, card.organization_id, days],
    );
    const status = r.status ?? (r.comment ? 'published' : 'none');
    const row = await db.one<{ id: string }>(
      `insert into review (ente_request_id, service_id, organization_id, citizen_id, overall, punctuality, speed, professionalism,
                           comment, comment_status, ente_reply, ente_reply_at, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, case when $11::text is null then null else now() end,
               now() - make_interval(days => $12::int))
       returning id`,
      [
        er.id, serviceId, card.organization_id, r.citizenId === null ? null : citizenId, r.overall,
        r.scores?.punctuality ?? r.overall, r.scores?.speed ?? r.overall, r.scores?.professionalism ?? r.overall,
        r.comment ?? null, status, r.reply ?? null, days,
      ],
    );
    ids.push(row.id);
  }
  await refreshServiceRatings(db, [serviceId]);
  return ids;
}
