import type { FastifyInstance, RouteOptions } from 'fastify';
import { AppError } from './errors';

/**
 * Every route declares who may use it in `config.access`; a route without a declaration makes the
 * application refuse to start (default deny), and a test enumerates the routes to prove it.
 * - 'public': anyone;
 * - 'authenticated': anyone logged in (second factor given);
 * - { roles }: a logged-in user holding at least one of the roles, valid now.
 * Object ownership (my request, my ente's card) is checked in the use cases on top of this.
 */
export const CITY_PERMISSIONS = ['content', 'enti', 'requests', 'tcb_candidatures', 'tcb_matching', 'vouchers', 'users', 'statistics'] as const;
export type CityPermission = (typeof CITY_PERMISSIONS)[number];
export type Role =
  | 'citizen'
  | 'worker'
  | 'ente_admin'
  | 'ente_operator'
  | 'spazio_operator'
  /** Any City permission (the City back office itself). */
  | 'city'
  | `city:${CityPermission}`;

export type Access = 'public' | 'authenticated' | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Audit event written for state-changing routes (e.g. 'feedback.submit'). */
    audit?: string;
  }
  interface FastifyRequest {
    /** Roles of the acting user; empty for anonymous visitors. */
    roles: readonly Role[];
  }
}

export class MissingAccessDeclarationError extends Error {}

/** Every route registered, with its access declaration (read by the route-declaration test). */
export const declaredRoutes = new WeakMap<FastifyInstance, { method: string; url: string; access: Access | undefined }[]>();

export function registerAccessControl(app: FastifyInstance): void {
  app.decorateRequest('roles', { getter(this: { user?: { roles: Role[] } | null }) { return this.user?.roles ?? []; } });
  const list: { method: string; url: string; access: Access | undefined }[] = [];
  declaredRoutes.set(app, list);
  app.addHook('onRoute', (route: RouteOptions) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    for (const method of [route.method].flat()) list.push({ method: String(method), url: route.url, access });
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
    if (!request.user) throw new AppError('unauthorized', 'Login required');
    if (access === 'authenticated') return;
    if (!access.roles.some((r) => request.roles.includes(r))) throw new AppError('forbidden', 'Not allowed');
  });
}
