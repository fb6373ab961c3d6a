import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app';

export function registerReviewRoutes(app: FastifyInstance, deps: AppDeps): void {
  void app;
  void deps;
}
