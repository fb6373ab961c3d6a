import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from '../../deps';
import { badRequest, notFound } from '../../lib/http/errors';
import { parseInput } from '../../lib/http/validation';
import {
  getOrganization,
  getService,
  getServiceAtLocation,
  getTaxonomy,
  getTerm,
  listOrganizations,
  listServiceAtLocations,
  listServices,
  listTaxonomies,
  listTerms,
} from './hsds.documents';
import {
  DEFAULT_PER_PAGE,
  idParams,
  organizationQuery,
  organizationsQuery,
  serviceAtLocationsQuery,
  servicesQuery,
  taxonomiesQuery,
  taxonomyTermsQuery,
} from './hsds.query';

// Open Referral HSDS 3.0 API: the public catalogue as open data, read-only, JSON, open to every origin.
// Required endpoints: /, /services, /services/{id}; optional ones: organizations, taxonomies, taxonomy_terms,
// service_at_locations. Query parameters follow the HSDS OpenAPI reference; different filters combine with AND,
// a repeated (or comma-separated) filter means OR.

export const HSDS_PREFIX = '/api/hsds';
const OPENAPI_URL = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';
/** No profile: plain HSDS 3.0, so the profile is the standard's own documentation. */
const PROFILE_URL = 'https://openreferral.readthedocs.io/en/3.0/';

type Handler = (request: FastifyRequest) => Promise<unknown>;

export function registerHsdsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const ctx = { baseUrl: deps.config.publicBaseUrl };

  const get = (url: string, handler: Handler) => {
    app.get(
      `${HSDS_PREFIX}${url}`,
      {
        config: { access: 'public' },
        // Set before the handler runs, so error responses (400, 404) carry it too.
        onRequest: async (_request: FastifyRequest, reply: FastifyReply) => {
          reply.header('access-control-allow-origin', '*');
        },
      },
      async (request, reply) => {
        const body = await handler(request);
        return reply.header('cache-control', 'public, max-age=60').type('application/json; charset=utf-8').send(body);
      },
    );
  };

  const query = <S extends z.ZodType>(schema: S, request: FastifyRequest): z.infer<S> => parseInput(schema, request.query, request.ctx.t);
  const idOf = (request: FastifyRequest) => parseInput(idParams, request.params, request.ctx.t).id;
  const pageReq = (p: { page?: number | undefined; per_page?: number | undefined }) => ({
    page: p.page ?? 1,
    perPage: p.per_page ?? DEFAULT_PER_PAGE,
  });
  const found = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw notFound(what);
    return value;
  };

  get('/', async () => ({ version: '3.0', profile: PROFILE_URL, openapi_url: OPENAPI_URL }));

  get('/services', async (request) => {
    const p = query(servicesQuery, request);
    return listServices(
      db,
      {
        search: p.search || undefined,
        taxonomyTermIds: p.taxonomy_term_id,
        taxonomyIds: p.taxonomy_id,
        organizationIds: p.organization_id,
        modifiedAfter: p.modified_after,
      },
      pageReq(p),
      { minimal: p.minimal === true, full: p.full === true || p.full_service === true },
      ctx,
    );
  });

  get('/services/:id', async (request) => found(await getService(db, idOf(request), ctx), 'Service'));

  get('/organizations', async (request) => {
    const p = query(organizationsQuery, request);
    return listOrganizations(
      db,
      { search: p.search || undefined },
      pageReq(p),
      { full: p.full === true, fullService: p.full_service === true },
      ctx,
    );
  });

  get('/organizations/:id', async (request) => {
    const id = idOf(request);
    const p = query(organizationQuery, request);
    return found(await getOrganization(db, id, { fullService: p.full_service === true }, ctx), 'Organization');
  });

  get('/taxonomies', async (request) => {
    const p = query(taxonomiesQuery, request);
    return listTaxonomies(db, { search: p.search || undefined }, pageReq(p));
  });

  get('/taxonomies/:id', async (request) => found(await getTaxonomy(db, idOf(request)), 'Taxonomy'));

  get('/taxonomy_terms', async (request) => {
    const p = query(taxonomyTermsQuery, request);
    return listTerms(
      db,
      { search: p.search || undefined, taxonomyIds: p.taxonomy_id, parentIds: p.parent_id, topOnly: p.top_only === true },
      pageReq(p),
      ctx,
    );
  });

  get('/taxonomy_terms/:id', async (request) => found(await getTerm(db, idOf(request), ctx), 'Taxonomy term'));

  get('/service_at_locations', async (request) => {
    if ((request.query as Record<string, unknown> | undefined)?.proximity !== undefined) {
      throw badRequest('The proximity parameter is not supported: filter by postcode instead', [
        { field: 'proximity', message: request.ctx.t('validation.invalid') },
      ]);
    }
    const p = query(serviceAtLocationsQuery, request);
    return listServiceAtLocations(
      db,
      {
        search: p.search || undefined,
        taxonomyTermIds: p.taxonomy_term_id,
        taxonomyIds: p.taxonomy_id,
        organizationIds: p.organization_id,
        modifiedAfter: p.modified_after,
        postcode: p.postcode,
      },
      pageReq(p),
      { full: p.full === true },
      ctx,
    );
  });

  get('/service_at_locations/:id', async (request) => found(await getServiceAtLocation(db, idOf(request), ctx), 'Service at location'));
}
