import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { apiGet } from '../../lib/http/api';
import { notFound } from '../../lib/http/errors';
import { parseInput } from '../../lib/http/validation';
import { presentPublicReviews, PUBLIC_REVIEWS_PER_PAGE, REVIEWS_PAGE_PARAM, reviewsQuery } from '../reviews/public/reviews-public.presenter';
import { publishedReviews } from '../reviews/public/reviews-public.repository';
import { findGoneServiceBySlug, findPublicServiceBySlug } from './services.repository';
import { ServiceGonePage } from './service-gone.view';
import { presentLocation, presentServiceCard, serviceJsonLd } from './services.presenter';
import { serviceCardSchema } from './services.schemas';
import { ServicePage } from './services.view';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const slugParams = z.object({
  slug: z.string().max(200).regex(SLUG_PATTERN).describe('Slug of the service card, as in its page URL'),
});

export function registerServiceRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  // The public service card page. A card of an active ente that the City suspended or withdrew, or that its ente
  // took offline, answers 410 Gone with a page saying so (and that requests already sent continue); the JSON API
  // answers 404 for it, as for any card that is not public (decision 0006, "Card-level control").
  app.get<{ Params: { slug: string } }>('/servizi/:slug', { config: { access: 'public' } }, async (request, reply) => {
    const { slug } = request.params;
    if (!SLUG_PATTERN.test(slug) || slug.length > 200) throw notFound('Service');
    const bundle = await findPublicServiceBySlug(db, slug);
    if (!bundle) {
      const gone = await findGoneServiceBySlug(db, slug);
      if (gone) return reply.page(ServiceGonePage({ ctx: request.ctx, service: gone }), 410);
      throw notFound('Service');
    }
    const ctx = request.ctx;
    const input = parseInput(reviewsQuery, request.query, ctx.t);
    const card = presentServiceCard(bundle, ctx.locale, ctx.t);
    const page = await publishedReviews(db, { serviceId: card.id }, input[REVIEWS_PAGE_PARAM] ?? 1, PUBLIC_REVIEWS_PER_PAGE);
    const reviews = presentPublicReviews(card.rating, page, ctx.t);
    const enteSite = bundle.orgSites[0] ? presentLocation(bundle.orgSites[0], ctx.locale) : undefined;
    return reply.page(ServicePage({ ctx, card, reviews, jsonLd: serviceJsonLd(card, ctx.baseUrl, reviews.items, enteSite) }));
  });

  apiGet(
    app,
    {
      url: '/api/v1/services/:slug',
      operationId: 'getService',
      summary: 'A public service card',
      description:
        'Everything published about one service card: ente, service type, category, recipients, times, price and ' +
        'current price lists, places and areas covered. Only published cards of active enti are public. ' +
        'Term names follow ?lang=it|en; the free text written by the ente is in Italian.',
      tags: ['services'],
      access: 'public',
      params: slugParams,
      response: serviceCardSchema,
      errors: { 404: 'Service not found (or not public)' },
    },
    async ({ params, request }) => {
      const bundle = await findPublicServiceBySlug(db, params.slug);
      if (!bundle) throw notFound('Service');
      return serviceCardSchema.parse(presentServiceCard(bundle, request.ctx.locale, request.ctx.t));
    },
  );
}
