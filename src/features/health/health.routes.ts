import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps';

export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps): void {
  // Liveness: the process answers.
  app.get('/healthz', { config: { access: 'public' } }, async (_req, reply) => {
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });
  // Readiness: the database answers.
  app.get('/readyz', { config: { access: 'public' } }, async (_req, reply) => {
    const ok = await deps.db.ping();
    return reply
      .code(ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: ok ? 'ready' : 'unavailable', database: ok ? 'ok' : 'unreachable' });
  });
}
