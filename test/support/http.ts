import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

// Requests for route tests through app.inject(), built as a browser builds them: URL-encoded and multipart
// forms (the CSRF token added as the hidden `_csrf` field), the session cookie, a client address of choice.

/** A logged-in person (see actingAs): the Cookie header (session and CSRF cookies) and the CSRF token. */
export type Auth = { cookie: string; token: string };
/** Form fields: a list repeats the name (checkboxes, multiple selects), undefined leaves the field out. */
export type Fields = Record<string, string | readonly string[] | undefined>;
/** A file as a person picks it. */
export interface FileData {
  name: string;
  type: string;
  data: Uint8Array;
}
/** A file sent in the form field `field`. */
export interface Upload extends FileData {
  field: string;
}

/** The URL-encoded body of a form. */
export function form(fields: Fields): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    for (const x of [v].flat()) p.append(k, x);
  }
  return p.toString();
}

/** A multipart body as a browser sends it: FormData through a Request gives the bytes and the boundary header. */
export async function multipart(fields: Fields, files: readonly Upload[] = []): Promise<{ payload: Buffer; contentType: string }> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    for (const x of [v].flat()) fd.append(k, x);
  }
  for (const f of files) fd.append(f.field, new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
  const req = new Request('http://localhost/', { method: 'POST', body: fd });
  return { payload: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! };
}

export interface SendOptions {
  /** Sends the CSRF token (auth.token) as `_csrf`; false to send the form without it. Default true. */
  withToken?: boolean;
  /** The client's address (remoteAddress); 127.0.0.1 when not given. */
  ip?: string;
  headers?: Record<string, string>;
}

/** A GET, anonymous or with a Cookie header (given as is, or as the cookie of an Auth). */
export function getPage(app: FastifyInstance, url: string, who?: { cookie: string; token?: string } | string, opts: Omit<SendOptions, 'withToken'> = {}) {
  const cookie = typeof who === 'string' ? who : who?.cookie;
  return app.inject({
    method: 'GET',
    url,
    headers: { ...(cookie !== undefined ? { cookie } : {}), ...opts.headers },
    ...(opts.ip ? { remoteAddress: opts.ip } : {}),
  });
}

/** A URL-encoded form POST with the cookies and the CSRF token of `auth`. */
export function postForm(app: FastifyInstance, url: string, fields: Fields, auth: Auth, opts: SendOptions = {}) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: auth.cookie, ...opts.headers },
    payload: form(opts.withToken === false ? fields : { _csrf: auth.token, ...fields }),
    ...(opts.ip ? { remoteAddress: opts.ip } : {}),
  });
}

/**
 * A multipart form POST (fields and files) with the cookies and the CSRF token of `auth`: as the upload forms send
 * it, the token rides in the action's query string (checked before the body is read) and in the `_csrf` field.
 */
export async function postMultipart(app: FastifyInstance, url: string, fields: Fields, files: readonly Upload[], auth: Auth, opts: SendOptions = {}) {
  const body = await multipart(opts.withToken === false ? fields : { _csrf: auth.token, ...fields }, files);
  return app.inject({
    method: 'POST',
    url: opts.withToken === false ? url : `${url}${url.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(auth.token)}`,
    headers: { 'content-type': body.contentType, cookie: auth.cookie, ...opts.headers },
    payload: body.payload,
    ...(opts.ip ? { remoteAddress: opts.ip } : {}),
  });
}

/**
 * get, post and postMultipart bound to the app of a test file (read at each call: the app is made in beforeAll):
 * get(url, who?, headers?), post(url, fields, auth, withToken = true), postMultipart(url, fields, files, auth, withToken = true).
 */
export function requestsTo(app: () => FastifyInstance) {
  return {
    get: (url: string, who?: { cookie: string; token?: string } | string, headers: Record<string, string> = {}) => getPage(app(), url, who, { headers }),
    post: (url: string, fields: Fields, auth: Auth, withToken = true) => postForm(app(), url, fields, auth, { withToken }),
    postMultipart: (url: string, fields: Fields, files: readonly Upload[], auth: Auth, withToken = true) => postMultipart(app(), url, fields, files, auth, { withToken }),
  };
}

/**
 * get and post of a visitor (the CSRF cookie and token of `csrf`, no session unless a cookie is given) from the
 * address `ip()` — one per test where per-IP limits must not add up — unless a post names another (`from`).
 */
export function visitorRequests(app: () => FastifyInstance, csrf: () => Auth, ip: () => string) {
  return {
    get: (url: string, cookie = csrf().cookie) => getPage(app(), url, cookie, { ip: ip() }),
    post: (url: string, fields: Fields, opts: { withToken?: boolean; cookie?: string; from?: string } = {}) =>
      postForm(app(), url, fields, { cookie: opts.cookie ?? csrf().cookie, token: csrf().token }, { withToken: opts.withToken !== false, ip: opts.from ?? ip() }),
  };
}

/** A 303 to `location` (exactly, or matching the pattern); the start of the page otherwise, to see why. */
export function expectRedirect(res: LightMyRequestResponse, location: string | RegExp): void {
  expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
  if (typeof location === 'string') expect(res.headers.location).toBe(location);
  else expect(String(res.headers.location)).toMatch(location);
}

/** The value of a cookie a response sets ('' when it clears it), or undefined when it sets none. */
export function cookieSet(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const line = [res.headers['set-cookie']].flat().filter(Boolean).map(String).find((c) => c.startsWith(`${name}=`));
  return line === undefined ? undefined : line.split(';')[0]!.slice(name.length + 1);
}

/** Path and query of an absolute URL (a link in an e-mail), to request it from the app. */
export function pathOf(absolute: string): string {
  const u = new URL(absolute);
  return `${u.pathname}${u.search}`;
}
