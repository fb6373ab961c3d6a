import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { apiGet } from '../../lib/http/api';
import { notFound } from '../../lib/http/errors';
import { parseInput, q } from '../../lib/http/validation';
import { SLUG_PATTERN } from '../services/services.routes';
import { presentPublicReviews, PUBLIC_REVIEWS_PER_PAGE, REVIEWS_PAGE_PARAM, reviewsQuery } from '../reviews/public/reviews-public.presenter';
import { publishedReviews } from '../reviews/public/reviews-public.repository';
import { sendStoredFile } from '../../lib/uploads';
import { findActiveEnteBySlug, listActiveEnti, listMunicipi, publicFileOfEnte } from './enti.repository';
import { DOCUMENT_COLUMNS, isDocumentKind, presentEnteDetail, presentEnteSummary } from './enti.presenter';
import { enteDetailSchema, enteListSchema } from './enti.schemas';
import { EntePage, EntiListPage } from './enti.view';

export const ENTI_PAGE_SIZE = 20;
const MAX_PAGE = 10_000;

const listPageQuery = z.object({
  q: q.text(100),
  municipio: q.int(1, 9),
  pagina: q.int(1, MAX_PAGE),
});

const apiListQuery = z.object({
  q: q.text(100).describe('Text contained in the name (case and accents ignored)'),
  municipio: q.int(1, 9).describe('Municipio number 1–9: enti with a site there or a public service covering it'),
  pagina: q.int(1, MAX_PAGE).describe('Page number, from 1'),
  per_pagina: q.int(1, 100).describe('Items per page (default 20, at most 100)'),
});

const slugParams = z.object({
  slug: z.string().max(200).regex(SLUG_PATTERN).describe('Slug of the ente, as in its page URL'),
});

export function registerEntiRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get('/enti', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = request.ctx;
    const input = parseInput(listPageQuery, request.query, ctx.t);
    const page = input.pagina ?? 1;
    const [result, municipi] = await Promise.all([
      listActiveEnti(db, { q: input.q || undefined, municipio: input.municipio, page, perPage: ENTI_PAGE_SIZE }),
      listMunicipi(db),
    ]);
    return reply.page(
      EntiListPage({
        ctx,
        view: {
          items: result.rows.map((r) => presentEnteSummary(r, ctx.locale)),
          total: result.total,
          page,
          pages: Math.max(1, Math.ceil(result.total / ENTI_PAGE_SIZE)),
          q: input.q ?? '',
          municipio: input.municipio,
          municipi: municipi.map((m) => ({ number: m.position, name: ctx.locale === 'en' && m.name_en ? m.name_en : m.name_it })),
        },
      }),
    );
  });

  app.get<{ Params: { slug: string } }>('/enti/:slug', { config: { access: 'public' } }, async (request, reply) => {
    const { slug } = request.params;
    if (!SLUG_PATTERN.test(slug) || slug.length > 200) throw notFound('Ente');
    const bundle = await findActiveEnteBySlug(db, slug);
    if (!bundle) throw notFound('Ente');
    const ctx = request.ctx;
    const input = parseInput(reviewsQuery, request.query, ctx.t);
    const ente = presentEnteDetail(bundle, ctx.locale, ctx.t);
    const page = await publishedReviews(db, { organizationId: bundle.ente.id }, input[REVIEWS_PAGE_PARAM] ?? 1, PUBLIC_REVIEWS_PER_PAGE);
    return reply.page(EntePage({ ctx, ente, reviews: presentPublicReviews(ente.rating, page, ctx.t) }));
  });

  // Public files of an active ente: its logo (shown inline on its page) and its documents (PDF downloads).
  // Unknown, not active, or no file: 404.
  app.get<{ Params: { slug: string } }>('/enti/:slug/logo', { config: { access: 'public' } }, async (request, reply) => {
    const { slug } = request.params;
    if (!SLUG_PATTERN.test(slug) || slug.length > 200) throw notFound('Logo');
    const fileId = await publicFileOfEnte(db, slug, 'logo_file_id');
    if (!fileId) throw notFound('Logo');
    return sendStoredFile(db, reply, fileId, { inline: true });
  });

  app.get<{ Params: { slug: string; kind: string } }>('/enti/:slug/documenti/:kind', { config: { access: 'public' } }, async (request, reply) => {
    const { slug, kind } = request.params;
    if (!SLUG_PATTERN.test(slug) || slug.length > 200 || !isDocumentKind(kind)) throw notFound('Document');
    const fileId = await publicFileOfEnte(db, slug, DOCUMENT_COLUMNS[kind]);
    if (!fileId) throw notFound('Document');
    return sendStoredFile(db, reply, fileId);
  });

  apiGet(
    app,
    {
      url: '/api/v1/organizations',
      operationId: 'listOrganizations',
      summary: 'Active organisations (enti), paginated',
      description: 'Enti of the WeMi network whose card is active, in name order, with the number of their public services.',
      tags: ['organizations'],
      access: 'public',
      query: apiListQuery,
      response: enteListSchema,
    },
    async ({ query, request }) => {
      const page = query.pagina ?? 1;
      const perPage = query.per_pagina ?? ENTI_PAGE_SIZE;
      const result = await listActiveEnti(db, { q: query.q || undefined, municipio: query.municipio, page, perPage });
      return enteListSchema.parse({
        total: result.total,
        page,
        perPage,
        pages: Math.max(1, Math.ceil(result.total / perPage)),
        items: result.rows.map((r) => presentEnteSummary(r, request.ctx.locale)),
      });
    },
  );

  apiGet(
    app,
    {
      url: '/api/v1/organizations/:slug',
      operationId: 'getOrganization',
      summary: 'An active organisation (ente)',
      description: 'The ente with its sites, contacts, linked Spazi WeMi and all its public services.',
      tags: ['organizations'],
      access: 'public',
      params: slugParams,
      response: enteDetailSchema,
      errors: { 404: 'Organisation not found (or not active)' },
    },
    async ({ params, request }) => {
      const bundle = await findActiveEnteBySlug(db, params.slug);
      if (!bundle) throw notFound('Organisation');
      return enteDetailSchema.parse(presentEnteDetail(bundle, request.ctx.locale, request.ctx.t));
    },
  );
}
