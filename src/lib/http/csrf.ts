import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors';
import { isMultipart } from './multipart';

// CSRF protection for every state-changing request. A cross-site Origin is refused outright; the token must come
// back in the `_csrf` form field or the `x-csrf-token` header — for multipart forms (uploads) in the header or the
// `_csrf` query parameter of the form's action, checked before a byte of the body is read (src/lib/http/multipart.ts).
// With a session the token is derived from it (HMAC of the session id with CSRF_SECRET): a token taken from another
// browser is worth nothing with this one's session, and it changes at every login. Anonymous visitors (login and
// registration forms) get a double-submit token: a random token in an httpOnly SameSite=Lax cookie that the form
// sends back. A form rendered before a login and posted after it is refused with the "reload the page" 403.
// Stateless, so any app node can check any request.

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

/** The session a request presents (its cookie value) and whether it is live (found and valid by the session hook). */
export type PresentedSession = { id: string; live: boolean } | undefined;

export interface CsrfOptions {
  secureCookies: boolean;
  publicBaseUrl: string;
  /** The server secret of the session-bound tokens (CSRF_SECRET, the same on every node). */
  secret: string;
  sessionOf: (request: FastifyRequest) => PresentedSession;
}

/** The token of a session: HMAC-SHA256 of its id with the server secret. */
export const sessionCsrfToken = (secret: string, sessionId: string): string =>
  createHmac('sha256', secret).update(`wemi-csrf:${sessionId}`).digest('base64url');

const verified = Symbol('csrf verified');

export function registerCsrf(app: FastifyInstance, opts: CsrfOptions): void {
  // The token is made when a page first needs it (a form, the meta tag of a signed-in page); an anonymous one is
  // only then sent as a cookie: the JSON API and pages without forms set no cookie, so shared caches may keep them.
  app.decorateRequest('csrfToken', {
    getter(this: FastifyRequest & CsrfState) {
      const session = opts.sessionOf(this);
      if (session?.live) return sessionCsrfToken(opts.secret, session.id);
      return (this[existing] ??= this[issued] ??= randomBytes(24).toString('base64url'));
    },
  });

  /** The token sent matches: the live session's own token, or (no live session) the anonymous cookie's. */
  function accepted(request: FastifyRequest & CsrfState, sent: string | undefined): boolean {
    if (!sent) return false;
    const session = opts.sessionOf(request);
    // A session that ended meanwhile (a logout after the idle timeout) still accepts the token of its page.
    if (session && equal(sent, sessionCsrfToken(opts.secret, session.id))) return true;
    if (session?.live) return false;
    const cookie = request[existing];
    return cookie !== undefined && equal(cookie, sent);
  }

  function checkOrigin(request: FastifyRequest): void {
    const origin = request.headers.origin;
    if (origin && origin !== 'null') {
      const host = request.headers.host;
      const sameOrigin = origin === opts.publicBaseUrl || (host !== undefined && hostOf(origin) === host);
      if (!sameOrigin) throw new AppError('csrf', 'Cross-site request refused');
    }
  }

  const single = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
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
  // Multipart forms: checked before their body is read, with the token of the header or of the action's query.
  app.addHook('preParsing', async (request: FastifyRequest & CsrfState & { [verified]?: boolean }, _reply, payload) => {
    if (SAFE_METHODS.has(request.method) || !isMultipart(request) || request.is404) return payload;
    checkOrigin(request);
    const sent = single(request.headers['x-csrf-token']) ?? single((request.query as Record<string, unknown> | undefined)?._csrf);
    if (!accepted(request, sent)) throw new AppError('csrf', 'Missing or invalid CSRF token');
    request[verified] = true;
    return payload;
  });
  app.addHook('preHandler', async (request: FastifyRequest & CsrfState & { [verified]?: boolean }) => {
    if (SAFE_METHODS.has(request.method) || request[verified]) return;
    checkOrigin(request);
    const body = request.body as Record<string, unknown> | undefined;
    const sent = single(request.headers['x-csrf-token']) ?? single(body?._csrf);
    if (!accepted(request, sent)) throw new AppError('csrf', 'Missing or invalid CSRF token');
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
