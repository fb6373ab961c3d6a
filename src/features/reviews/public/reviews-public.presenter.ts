import { z } from 'zod';
import type { Translate } from '../../../i18n/i18n';
import { q } from '../../../lib/http/validation';
import { paths } from '../../../web/paths';
import type { PublishedReviewRow, Rating } from './reviews-public.repository';

// Published reviews as the service and ente pages show them, and as their JSON-LD describes them.

/** Published comments per page on the service and ente pages. */
export const PUBLIC_REVIEWS_PER_PAGE = 5;
/** The query parameter of the page of comments (GET: works without JavaScript). */
export const REVIEWS_PAGE_PARAM = 'recensioni_pagina';
/** The id of the reviews' heading, which the page links keep as their anchor. */
export const REVIEWS_ANCHOR = 'recensioni';

/** The query of a page showing published comments: which page of them (absent = the first). */
export const reviewsQuery = z.object({ [REVIEWS_PAGE_PARAM]: q.int(1, 100_000) });

export interface PublicReview {
  id: string;
  /** Initials only ("M. R."), or the generic label when the person has no name on record (or deleted the account). */
  author: string;
  overall: number;
  punctuality: number;
  speed: number;
  professionalism: number;
  comment: string;
  /** When the citizen wrote it (ISO). */
  date: string;
  reply: { text: string; date: string | null } | null;
  /** The card reviewed (shown on the ente page, which lists the comments of all its cards). */
  service: { name: string; url: string };
}

export interface PublicReviewsView {
  rating: Rating;
  /** Published comments in all pages. */
  total: number;
  page: number;
  pages: number;
  items: PublicReview[];
}

/**
 * "M. R." from "Maria" and "Rossi": the comment is published with initials only (what the review form tells the
 * citizen); null when the person has no name on record.
 */
export function reviewerInitials(given: string | null, family: string | null): string | null {
  const initial = (s: string | null) => {
    const first = [...(s ?? '').trim()][0];
    return first ? `${first.toLocaleUpperCase('it')}.` : '';
  };
  const out = [initial(given), initial(family)].filter(Boolean).join(' ');
  return out || null;
}

const iso = (d: Date | string | null) => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function presentPublicReview(r: PublishedReviewRow, t: Translate): PublicReview {
  return {
    id: r.id,
    author: reviewerInitials(r.given_name, r.family_name) ?? t('reviews.public.anonymous'),
    overall: r.overall,
    punctuality: r.punctuality,
    speed: r.speed,
    professionalism: r.professionalism,
    comment: r.comment,
    date: iso(r.created_at)!,
    reply: r.ente_reply ? { text: r.ente_reply, date: iso(r.ente_reply_at) } : null,
    service: { name: r.service_name, url: paths.service(r.service_slug) },
  };
}

export function presentPublicReviews(
  rating: Rating,
  result: { total: number; page: number; rows: PublishedReviewRow[] },
  t: Translate,
): PublicReviewsView {
  return {
    rating,
    total: result.total,
    page: result.page,
    pages: Math.max(1, Math.ceil(result.total / PUBLIC_REVIEWS_PER_PAGE)),
    items: result.rows.map((r) => presentPublicReview(r, t)),
  };
}

/** The link to a page of comments of the page at `path`, landing on the comments. */
export function reviewsPageHref(path: string, page: number): string {
  return page > 1 ? `${path}?${REVIEWS_PAGE_PARAM}=${page}#${REVIEWS_ANCHOR}` : `${path}#${REVIEWS_ANCHOR}`;
}

const RATING_SCALE = { bestRating: 5, worstRating: 1 } as const;

/**
 * schema.org `aggregateRating` (only when there are ratings) and a few `review` items (the newest published
 * comments), to spread into the JSON-LD of a service or an organisation.
 */
export function ratingJsonLd(rating: Rating, reviews: PublicReview[], max = 3): Record<string, unknown> {
  if (rating.average === null || rating.count === 0) return {};
  return {
    aggregateRating: {
      '@type': 'AggregateRating',
      ratingValue: Math.round(rating.average * 10) / 10,
      ratingCount: rating.count,
      ...RATING_SCALE,
    },
    ...(reviews.length > 0
      ? {
          review: reviews.slice(0, max).map((r) => ({
            '@type': 'Review',
            author: { '@type': 'Person', name: r.author },
            datePublished: r.date.slice(0, 10),
            reviewBody: r.comment,
            inLanguage: 'it',
            reviewRating: { '@type': 'Rating', ratingValue: r.overall, ...RATING_SCALE },
          })),
        }
      : {}),
  };
}
