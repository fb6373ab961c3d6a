import type { FastifyInstance, RouteOptions } from 'fastify';
import { AppError } from './errors';

/**
 * Every route declares who may use it in `config.access`; a route without a declaration makes the
 * application refuse to start (default deny). Roles come with the accounts feature; until a request
 * carries an identity, only 'public' routes answer.
 */
export type Access = 'public' | { roles: readonly string[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Audit event written for state-changing routes (e.g. 'feedback.submit'). */
    audit?: string;
  }
  interface FastifyRequest {
    /** Roles of the acting user; empty for anonymous visitors. */
    roles: readonly string[];
  }
}

export class MissingAccessDeclarationError extends Error {}

export function registerAccessControl(app: FastifyInstance): void {
  app.decorateRequest('roles', { getter: () => [] as readonly string[] });
  app.addHook('onRoute', (route: RouteOptions) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    // HEAD routes are derived by Fastify from GET routes and share their config.
    if (!access) {
      throw new MissingAccessDeclarationError(`Route ${String(route.method)} ${route.url} declares no access`);
    }
  });
  app.addHook('onRequest', async (request) => {
    if (request.is404) return; // the not-found handler answers everyone
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    if (!access) throw new AppError('forbidden', 'No access declared');
    if (request.roles.length === 0) throw new AppError('unauthorized', 'Login required');
    if (!access.roles.some((r) => request.roles.includes(r))) throw new AppError('forbidden', 'Not allowed');
  });
}
