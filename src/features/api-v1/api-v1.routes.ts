import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps';

// The JSON API's own document. Each feature registers its /api/v1 endpoints with apiGet(); this route
// publishes the OpenAPI 3.1 description generated from their Zod schemas.
export function registerApiV1Routes(app: FastifyInstance, deps: AppDeps): void {
  let cached: Record<string, unknown> | undefined;
  app.get('/api/v1/openapi.json', { config: { access: 'public' } }, async (_request, reply) => {
    cached ??= app.openapi.document({
      title: 'WeMi API',
      version: '1.0.0',
      description:
        'Open data of WeMi, the welfare platform of the City of Milan: services, organisations (enti), Spazi WeMi, ' +
        'taxonomies and the City access services. Every list is paginated; errors are JSON objects with a stable code. ' +
        'The same catalogue is also published as Open Referral HSDS 3.0 at /api/hsds/.',
      serverUrl: deps.config.publicBaseUrl,
    });
    return reply.header('cache-control', 'public, max-age=300').header('access-control-allow-origin', '*').send(cached);
  });
}
