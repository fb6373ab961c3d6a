import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app';

export function registerEnteRequestRoutes(app: FastifyInstance, deps: AppDeps): void {
  void app;
  void deps;
}
