import type { FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../lib/http/errors';

// Ownership in the ente back office: a route under /gestione-ente/:enteId/… serves only the people who act
// for that ente, with the right role. Route access declarations say "an ente role"; this says "this ente".
// Another ente's address answers 404, exactly as an id that names nothing: a refusal (403) would tell an ente
// user that the id exists. Only for their own ente does a role they lack there give 403.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export type EnteRole = 'ente_admin' | 'ente_operator';

/** Checks that the logged-in user acts for the ente with one of the roles; returns the ente id (404 for any other ente). */
export function requireEnte(request: FastifyRequest, enteId: string, roles: readonly EnteRole[] = ['ente_admin', 'ente_operator']): string {
  if (!UUID.test(enteId)) throw notFound('Ente');
  const user = request.user;
  if (!user) throw new AppError('unauthorized', 'Login required');
  const id = enteId.toLowerCase();
  const links = user.organizations.filter((o) => o.id === id);
  if (!links.length) throw notFound('Ente');
  // A person may hold both roles for the same ente: any of them may open the door.
  if (!links.some((l) => roles.includes(l.role))) throw new AppError('forbidden', 'Role not allowed for this ente');
  return id;
}

/** The strongest role the user holds in the ente (administrator first), or undefined. */
export function enteRoleOf(request: FastifyRequest, enteId: string): EnteRole | undefined {
  const roles = request.user?.organizations.filter((o) => o.id === enteId).map((o) => o.role) ?? [];
  return roles.includes('ente_admin') ? 'ente_admin' : roles[0];
}
