import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors';

// Double-submit CSRF protection for every state-changing request: a random token in an httpOnly
// SameSite=Lax cookie must match the `_csrf` form field or the `x-csrf-token` header; a cross-site
// Origin is refused outright. Stateless, so any app node can check any request.

export const CSRF_COOKIE = 'wemi_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    csrfToken: string;
  }
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    try {
      out[k] = decodeURIComponent(v);
    } catch {
      out[k] = v;
    }
  }
  return out;
}

export function cookiesOf(request: FastifyRequest): Record<string, string> {
  return parseCookies(request.headers.cookie);
}

function equal(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;
const issued = Symbol('csrf issued');
const existing = Symbol('csrf existing');

interface CsrfState {
  [existing]?: string | undefined;
  [issued]?: string | undefined;
}

export function registerCsrf(app: FastifyInstance, opts: { secureCookies: boolean; publicBaseUrl: string }): void {
  // The token is made when a page first needs it (a form, the meta tag of a signed-in page), and only then
  // sent as a cookie: the JSON API and pages without forms set no cookie, so shared caches may keep them.
  app.decorateRequest('csrfToken', {
    getter(this: FastifyRequest & CsrfState) {
      return (this[existing] ??= this[issued] ??= randomBytes(24).toString('base64url'));
    },
  });
  app.addHook('onRequest', async (request: FastifyRequest & CsrfState) => {
    const cookie = cookiesOf(request)[CSRF_COOKIE];
    if (cookie && TOKEN.test(cookie)) request[existing] = cookie;
  });
  app.addHook('onSend', async (request: FastifyRequest & CsrfState, reply: FastifyReply) => {
    const token = request[issued];
    if (token && request[existing] === token) {
      // Fastify appends set-cookie headers rather than replacing them.
      reply.header('set-cookie', `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${opts.secureCookies ? '; Secure' : ''}`);
    }
  });
  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin && origin !== 'null') {
      const host = request.headers.host;
      const sameOrigin = origin === opts.publicBaseUrl || (host !== undefined && hostOf(origin) === host);
      if (!sameOrigin) throw new AppError('csrf', 'Cross-site request refused');
    }
    const cookie = cookiesOf(request)[CSRF_COOKIE];
    const body = request.body as Record<string, unknown> | undefined;
    // Urlencoded forms carry a string; multipart forms a field part ({ value }).
    const field = body?._csrf;
    const fromBody = typeof field === 'string' ? field : typeof (field as { value?: unknown } | undefined)?.value === 'string' ? (field as { value: string }).value : undefined;
    const sent = (request.headers['x-csrf-token'] as string | undefined) ?? fromBody;
    if (!cookie || !sent || !equal(cookie, sent)) throw new AppError('csrf', 'Missing or invalid CSRF token');
  });
}

/** The host of an Origin header, or undefined when it does not parse (then it is not our origin: 403, never 500). */
function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
