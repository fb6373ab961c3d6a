import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app';

export function registerCatalogueAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  void app;
  void deps;
}
