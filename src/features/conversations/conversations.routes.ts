import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app';

export function registerConversationRoutes(app: FastifyInstance, deps: AppDeps): void {
  void app;
  void deps;
}
