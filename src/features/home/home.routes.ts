import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app';

export function registerHomeRoutes(_app: FastifyInstance, _deps: AppDeps): void {
  // Routes of this feature are registered here.
}
