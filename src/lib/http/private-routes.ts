import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Access } from './access';

// What every private page (back offices, personal area, requests) shares: who may use it, the audit action of
// a state change, no caching, and reading its query string.

/** Private pages hold personal or unpublished data: never stored by a browser or proxy cache. */
export async function noStore(_request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  reply.header('cache-control', 'private, no-store');
  return payload;
}

/** Route options of a private page: its access, the audit action of a state change, and no caching. */
export const privateRoute = (access: Access, auditAction?: string): RouteShorthandOptions => ({
  config: { access, ...(auditAction ? { audit: auditAction } : {}) },
  onSend: noStore,
});

/** A single value of a query parameter that may repeat (the last one), trimmed; '' when absent. */
export function queryValue(query: unknown, name: string): string {
  const v = (query as Record<string, unknown> | undefined)?.[name];
  const s = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof s === 'string' ? s.trim() : '';
}

/** The page number of `?pagina=`, 1 when absent or not a positive integer. */
export function pageParam(query: unknown): number {
  const n = Number(queryValue(query, 'pagina'));
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
