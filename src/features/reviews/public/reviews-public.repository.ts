import type { Queryable } from '../../../db/database';

// The public side of the reviews: the one definition of a rating, and the published comments the service and
// ente pages list.
//
// A rating is the average of the overall scores of the reviews, and their number. Every review counts at once,
// whatever becomes of its comment (the City moderates the text, not the score: the citizen is told so when writing
// and when a comment is not published). A card's rating is over its own reviews; an ente's over the reviews of its
// public cards, so the ente page agrees with the cards it lists. `service.rating_avg / rating_count`, which the
// search index reads, are a copy made with the same SQL in the same transaction as every review written
// (refreshServiceRatings), and by the demo seed.

export interface Rating {
  average: number | null;
  count: number;
}

/** Columns `rating_avg, rating_count` of the card aliased `alias` (for a select list). */
export function serviceRatingColumns(alias: string): string {
  return `(select round(avg(r.overall), 2) from review r where r.service_id = ${alias}.id) as rating_avg,
          (select count(*) from review r where r.service_id = ${alias}.id)::int as rating_count`;
}

/** Columns `rating_avg, rating_count` of the ente aliased `alias`: over the reviews of its public cards. */
export function enteRatingColumns(alias: string): string {
  const from = `from review r join public_service ps on ps.id = r.service_id where ps.organization_id = ${alias}.id`;
  return `(select round(avg(r.overall), 2) ${from}) as rating_avg, (select count(*) ${from})::int as rating_count`;
}

export const presentRating = (row: { rating_avg: number | null; rating_count: number }): Rating => ({
  average: row.rating_count > 0 && row.rating_avg !== null ? Number(row.rating_avg) : null,
  count: row.rating_count,
});

/**
 * Refreshes the copy of the ratings kept on the cards (`null` = every card; `onlyStale`: only the cards whose
 * copy differs, e.g. a database seeded when the demo ratings had no reviews behind them). Returns the new values
 * of the cards refreshed.
 */
export function refreshServiceRatings(
  tx: Queryable,
  serviceIds: string[] | null,
  opts: { onlyStale?: boolean } = {},
): Promise<{ id: string; rating_avg: number | null; rating_count: number }[]> {
  const current = `(select x.rating_avg, x.rating_count from (select ${serviceRatingColumns('s')}) x)`;
  return tx.query(
    `update service s set (rating_avg, rating_count) = ${current}
      where ($1::uuid[] is null or s.id = any($1::uuid[]))
        ${opts.onlyStale ? `and not exists (select 1 from (select ${serviceRatingColumns('s')}) x where x.rating_avg is not distinct from s.rating_avg and x.rating_count = s.rating_count)` : ''}
      returning s.id, s.rating_avg, s.rating_count`,
    [serviceIds],
  );
}

/** A review whose comment the City published, as the public pages show it. */
export interface PublishedReviewRow {
  id: string;
  overall: number;
  punctuality: number;
  speed: number;
  professionalism: number;
  comment: string;
  created_at: Date;
  given_name: string | null;
  family_name: string | null;
  ente_reply: string | null;
  ente_reply_at: Date | null;
  service_slug: string;
  service_name: string;
}

export type ReviewsOf = { serviceId: string } | { organizationId: string };

/** Only comments the City published (never pending or rejected ones), of public cards. */
const PUBLISHED = `r.comment_status = 'published' and r.comment is not null and btrim(r.comment) <> ''`;

function whereOf(of: ReviewsOf): { sql: string; param: string } {
  return 'serviceId' in of
    ? { sql: `r.service_id = $1 and ${PUBLISHED}`, param: of.serviceId }
    : { sql: `ps.organization_id = $1 and ${PUBLISHED}`, param: of.organizationId };
}

/**
 * One page of published comments, newest first; a page past the last gives the last one. `page` in the result
 * is the page returned.
 */
export async function publishedReviews(
  db: Queryable,
  of: ReviewsOf,
  page: number,
  perPage: number,
): Promise<{ total: number; page: number; rows: PublishedReviewRow[] }> {
  const where = whereOf(of);
  const from = `from review r join public_service ps on ps.id = r.service_id`;
  const total = (await db.one<{ n: number }>(`select count(*)::int as n ${from} where ${where.sql}`, [where.param])).n;
  const last = Math.max(1, Math.ceil(total / perPage));
  const shown = Math.min(Math.max(1, page), last);
  const rows =
    total === 0
      ? []
      : await db.query<PublishedReviewRow>(
          `select r.id, r.overall, r.punctuality, r.speed, r.professionalism, r.comment, r.created_at,
                  u.given_name, u.family_name, r.ente_reply, r.ente_reply_at, ps.slug as service_slug, ps.name as service_name
             ${from} left join app_user u on u.id = r.citizen_id
            where ${where.sql}
            order by r.created_at desc, r.id desc
            limit $2 offset $3`,
          [where.param, perPage, (shown - 1) * perPage],
        );
  return { total, page: shown, rows };
}
