import type { Queryable } from '../../db/database';
import { refreshServiceRatings } from './public/reviews-public.repository';

// SQL of the reviews: one per completed ente request, written by the citizen who owns the request. The
// ratings count at once (service.rating_avg / rating_count are recomputed in the same transaction); the
// comment waits for the City's moderation; the ente can only reply once, publicly, to a published comment.

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export type CommentStatus = 'none' | 'pending' | 'published' | 'rejected';

export interface ReviewTarget {
  ente_request_id: string;
  request_id: string;
  reference: string;
  status: string;
  service_id: string;
  service_name: string;
  service_slug: string;
  organization_id: string;
  organization_name: string;
  review_id: string | null;
}

/** The citizen's own ente request (undefined when unknown or not theirs), with its review if any. */
export function findReviewTarget(db: Queryable, requestId: string, enteRequestId: string, citizenId: string, lock = false): Promise<ReviewTarget | undefined> {
  if (!UUID.test(requestId) || !UUID.test(enteRequestId)) return Promise.resolve(undefined);
  return db.maybeOne<ReviewTarget>(
    `select er.id as ente_request_id, er.request_id, sr.reference, er.status, er.service_id, s.name as service_name,
            s.slug as service_slug, er.organization_id, o.name as organization_name,
            (select rv.id from review rv where rv.ente_request_id = er.id) as review_id
       from ente_request er
       join service_request sr on sr.id = er.request_id
       join service s on s.id = er.service_id
       join organization o on o.id = er.organization_id
      where er.id = $1 and er.request_id = $2 and sr.citizen_id = $3 and sr.status = 'sent'
      ${lock ? 'for update of er' : ''}`,
    [enteRequestId.toLowerCase(), requestId.toLowerCase(), citizenId],
  );
}

export interface NewReview {
  enteRequestId: string;
  serviceId: string;
  organizationId: string;
  citizenId: string;
  overall: number;
  punctuality: number;
  speed: number;
  professionalism: number;
  comment: string | null;
}

/** Inserts the review; undefined when the ente request already has one. */
export async function insertReview(tx: Queryable, r: NewReview): Promise<string | undefined> {
  const row = await tx.maybeOne<{ id: string }>(
    `insert into review (ente_request_id, service_id, organization_id, citizen_id, overall, punctuality, speed, professionalism,
                         comment, comment_status)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (ente_request_id) do nothing
     returning id`,
    [r.enteRequestId, r.serviceId, r.organizationId, r.citizenId, r.overall, r.punctuality, r.speed, r.professionalism, r.comment, r.comment ? 'pending' : 'none'],
  );
  return row?.id;
}

/** The card's rating from all its reviews, copied onto the card (the search index reads the copy): public/reviews-public.repository.ts. */
export async function recomputeServiceRating(tx: Queryable, serviceId: string): Promise<{ rating_avg: number | null; rating_count: number }> {
  const [row] = await refreshServiceRatings(tx, [serviceId]);
  return { rating_avg: row?.rating_avg ?? null, rating_count: row?.rating_count ?? 0 };
}

export interface ReviewRow {
  id: string;
  ente_request_id: string;
  reference: string;
  service_id: string;
  service_name: string;
  service_slug: string;
  organization_id: string;
  organization_name: string;
  citizen_id: string | null;
  given_name: string | null;
  family_name: string | null;
  email: string | null;
  overall: number;
  punctuality: number;
  speed: number;
  professionalism: number;
  comment: string | null;
  comment_status: CommentStatus;
  moderation_note: string | null;
  moderated_at: Date | null;
  ente_reply: string | null;
  ente_reply_at: Date | null;
  created_at: Date;
}

const REVIEW_SELECT = `
  select r.id, r.ente_request_id, sr.reference, r.service_id, s.name as service_name, s.slug as service_slug,
         r.organization_id, o.name as organization_name, r.citizen_id, u.given_name, u.family_name, u.email,
         r.overall, r.punctuality, r.speed, r.professionalism, r.comment, r.comment_status, r.moderation_note,
         r.moderated_at, r.ente_reply, r.ente_reply_at, r.created_at
    from review r
    join ente_request er on er.id = r.ente_request_id
    join service_request sr on sr.id = er.request_id
    join service s on s.id = r.service_id
    join organization o on o.id = r.organization_id
    left join app_user u on u.id = r.citizen_id`;

export function findReview(db: Queryable, id: string, lock = false): Promise<ReviewRow | undefined> {
  if (!UUID.test(id)) return Promise.resolve(undefined);
  return db.maybeOne<ReviewRow>(`${REVIEW_SELECT} where r.id = $1 ${lock ? 'for update of r' : ''}`, [id.toLowerCase()]);
}

export interface ReviewFilter {
  status?: CommentStatus | undefined;
  organizationId?: string | undefined;
  /** Words in the ente's or the card's name. */
  q?: string | undefined;
  page: number;
  perPage: number;
}

/** Reviews by filter, oldest first for the City's queue of pending comments, newest first otherwise. */
export async function listReviews(db: Queryable, f: ReviewFilter): Promise<{ total: number; rows: ReviewRow[] }> {
  const where: string[] = ['true'];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.status) where.push(`r.comment_status = ${p(f.status)}`);
  if (f.organizationId) where.push(`r.organization_id = ${p(f.organizationId)}::uuid`);
  if (f.q) {
    const like = p(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(o.name ilike ${like} or s.name ilike ${like})`);
  }
  const whereSql = where.join(' and ');
  const total = (
    await db.one<{ n: number }>(
      `select count(*)::int as n from review r join service s on s.id = r.service_id join organization o on o.id = r.organization_id where ${whereSql}`,
      params,
    )
  ).n;
  const order = f.status === 'pending' ? 'r.created_at, r.id' : 'r.created_at desc, r.id';
  const rows = await db.query<ReviewRow>(
    `${REVIEW_SELECT} where ${whereSql} order by ${order} limit ${p(f.perPage)} offset ${p((f.page - 1) * f.perPage)}`,
    params,
  );
  return { total, rows };
}

/** Publishes or rejects a pending comment; false when it is no longer pending. */
export async function moderateReview(tx: Queryable, id: string, decision: 'published' | 'rejected', note: string | null, userId: string): Promise<boolean> {
  const rows = await tx.query(
    `update review set comment_status = $2, moderation_note = $3, moderated_by = $4, moderated_at = now()
      where id = $1 and comment_status = 'pending' returning id`,
    [id, decision, note, userId],
  );
  return rows.length === 1;
}

/** The ente's one public reply to a published comment of its own; false otherwise. */
export async function replyToReview(tx: Queryable, id: string, organizationId: string, text: string): Promise<boolean> {
  const rows = await tx.query(
    `update review set ente_reply = $3, ente_reply_at = now()
      where id = $1 and organization_id = $2 and comment_status = 'published' and ente_reply is null returning id`,
    [id, organizationId, text],
  );
  return rows.length === 1;
}

export interface Recipient {
  email: string;
  given_name: string;
  family_name: string;
}

/** Active administrators of an ente with an e-mail address. */
export function enteAdministrators(q: Queryable, organizationId: string): Promise<Recipient[]> {
  return q.query<Recipient>(
    `select distinct on (u.email) u.email, u.given_name, u.family_name
       from user_role r join app_user u on u.id = r.user_id
      where r.organization_id = $1 and r.role = 'ente_admin' and r.revoked_at is null
        and r.valid_from <= now() and (r.valid_to is null or r.valid_to > now())
        and u.status = 'active' and u.email is not null
      order by u.email`,
    [organizationId],
  );
}

export function organizationName(db: Queryable, id: string): Promise<{ id: string; name: string } | undefined> {
  return db.maybeOne<{ id: string; name: string }>('select id, name from organization where id = $1', [id]);
}
