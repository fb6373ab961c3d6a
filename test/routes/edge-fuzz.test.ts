import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prng } from '../../src/db/seed/prng';
import { startDemoIdentityGateway, type DemoIdentityGateway } from '../../src/features/identity-gateway/demo-gateway';
import { declaredRoutes } from '../../src/lib/http/access';
import { paths } from '../../src/web/paths';
import { createTestApp, csrfFor, type TestApp } from '../support/app';
import { authWith, createTestUser, sessionCookieFor } from '../support/accounts';
import { cookieSet, multipart, type Upload } from '../support/http';
import { pdf } from '../support/fixtures';

// A fuzz test of the HTTP edge (issue 10): every registered route (the list Fastify's onRoute hook gave to the access
// control, src/lib/http/access.ts) gets requests with random bytes in its path parameters, query string, headers
// (Origin, Cookie, Content-Type, Accept-Language, Referer, Accept) and urlencoded, multipart, JSON and raw bodies —
// anonymous, and signed in as a citizen, an ente operator and a City administrator (with their right CSRF token most
// of the time, so the handlers are reached). A fixed seed makes every run the same; the count is bounded. No answer
// may be a 5xx, and the process must still answer /healthz at the end.
// FUZZ_SEED and FUZZ_PER_ROUTE change the seed and the count (e.g. a longer run on a quiet machine).

const SEED = Number(process.env.FUZZ_SEED ?? 20260510);
const PER_ROUTE = Number(process.env.FUZZ_PER_ROUTE ?? 4);
const BASE_URL = 'http://localhost:3000';
const CLIENT_ID = 'wemi-fuzz';
const CLIENT_SECRET = 'fuzz-secret-for-the-demo-gateway-only';

type Principal = 'anonymous' | 'citizen' | 'ente' | 'city';
interface Browser {
  cookie: string;
  token: string;
}

/** Strings a person would never type, and the ones a program would try. */
const NASTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\r\n',
  '%',
  '%00',
  '%zz',
  '%C0%AE',
  '%E0%A4%A',
  '%FF%FE',
  '..',
  '../../etc/passwd',
  '/\t/evil.example',
  '//evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '1; drop table app_user',
  '__proto__',
  'constructor',
  'toString',
  '0',
  '-1',
  '1.5',
  '1e309',
  'NaN',
  'Infinity',
  '99999999999999999999999',
  '-0',
  'true',
  'on',
  'null',
  'undefined',
  '[]',
  '{}',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '25:61',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'città 日本 😀',
  '\ud800',
  '\uffff',
  'RSSMRA80A01F205X',
  'a@b',
  'nessuno@prova.example.org',
  'A'.repeat(300),
  'x'.repeat(70_000),
];
const QUERY_KEYS = ['q', 'pagina', 'ritorno', 'lang', 'esito', 'stato', 'categoria', 'municipio', 'servizio', 'ordina', 'tipo', 'sezione', 'modalita', 'prezzo_max', 'limit', 'page', 'search', 'per_page', 'inviata', '_csrf', 'code', 'state', 'error', 'token', 'azione', '__proto__'];
const CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=iso-8859-1',
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary="unterminated',
  'multipart/mixed; boundary=x',
  'application/octet-stream',
  'image/png',
  '*/*',
  ';;;',
  'application/x-www-form-urlencoded, application/json',
];

describe('fuzzing the HTTP edge: every route, random bytes everywhere, no 5xx', () => {
  let gateway: DemoIdentityGateway;
  let t: TestApp;
  const browsers = new Map<Principal, Browser>();
  const userOf = new Map<Principal, string>();
  let enteId = '';
  const realValues: string[] = [];
  /** Path segments of the links and redirects answered so far (ids, slugs, step numbers: later paths use them). */
  const segments = new Set<string>();
  /** Form field names seen on the pages answered so far (the bodies of later POSTs use them). */
  const fieldNames = new Set<string>(['_csrf', 'ritorno', 'azione', 'conferma', 'testo', 'motivo', 'email', 'password', 'code']);

  beforeAll(async () => {
    gateway = await startDemoIdentityGateway({ port: 0, host: '127.0.0.1', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: `${BASE_URL}${paths.oidcCallback()}`, onError: () => {} });
    t = await createTestApp({
      env: { OIDC_ISSUER_URL: gateway.issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET, PUBLIC_BASE_URL: BASE_URL, CITIZEN_PASSWORD_LOGIN: 'true' },
    });
    const org = await t.db.one<{ id: string; slug: string }>(`select id, slug from organization where status = 'active' order by name limit 1`);
    enteId = org.id;
    userOf.set('citizen', (await createTestUser(t.db, { kind: 'citizen' })).id);
    userOf.set('ente', (await createTestUser(t.db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: org.id }] })).id);
    const permissions = ['content', 'enti', 'requests', 'users', 'statistics'] as const;
    userOf.set('city', (await createTestUser(t.db, { kind: 'staff', roles: permissions.map((permission) => ({ role: 'city' as const, permission })) })).id);
    for (const p of ['citizen', 'ente', 'city'] as const) await signIn(p);
    browsers.set('anonymous', await csrfFor(t.app));
    // Real values for path parameters, so that some requests reach past "not found".
    const rows = await t.db.query<{ v: string }>(
      `(select slug as v from organization where status = 'active' limit 2)
       union all (select id::text from organization where status = 'active' limit 1)
       union all (select slug from location where slug is not null limit 2)
       union all (select slug from service where slug is not null limit 2)
       union all (select id::text from service limit 1)`,
    ).catch(() => [] as { v: string }[]);
    realValues.push(...rows.map((r) => r.v), org.id, org.slug);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
  });

  function harvest(path: string): void {
    for (const segment of path.split('/')) if (segment && segments.size < 400) segments.add(segment);
  }

  async function signIn(p: Exclude<Principal, 'anonymous'>): Promise<void> {
    browsers.set(p, await authWith(t.app, await sessionCookieFor(t.db, userOf.get(p)!)));
  }

  /** Random bytes as a string: every code point class, percent-encoded or raw. */
  function junk(rng: Prng, max = 40): string {
    if (rng.chance(0.35)) return rng.pick(NASTY);
    const n = rng.int(0, max);
    let s = '';
    for (let i = 0; i < n; i++) {
      const r = rng.next();
      s += r < 0.5 ? String.fromCharCode(rng.int(0x20, 0x7e)) : r < 0.7 ? String.fromCharCode(rng.int(0, 0x1f)) : r < 0.9 ? String.fromCharCode(rng.int(0x80, 0xffff)) : String.fromCodePoint(rng.int(0x10000, 0x10ffff));
    }
    return s;
  }
  /** Percent-encoded random bytes (not always valid UTF-8), with now and then a raw reserved character. */
  function urlJunk(rng: Prng, max = 30): string {
    if (rng.chance(0.3)) return encodeComponent(rng.pick(NASTY));
    const n = rng.int(0, max);
    let s = '';
    for (let i = 0; i < n; i++) {
      const r = rng.next();
      if (r < 0.45) s += String.fromCharCode(rng.pick([rng.int(0x30, 0x39), rng.int(0x41, 0x5a), rng.int(0x61, 0x7a)]));
      else if (r < 0.9) s += `%${rng.int(0, 255).toString(16).padStart(2, '0').toUpperCase()}`;
      else s += rng.pick(['%', '.', '-', '_', '~', '!', '*', "'", '(', ')', ';', ':', '@', '+', '$', ',', '[', ']']);
    }
    return s;
  }
  const encodeComponent = (s: string) => Buffer.from(s, 'utf8').toString('hex').replace(/../g, (h) => `%${h.toUpperCase()}`);
  /** A header value: latin-1 bytes only (anything else cannot be sent). */
  const headerJunk = (rng: Prng) => [...junk(rng, 60)].map((c) => (c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) <= 0xff && c.charCodeAt(0) !== 0x7f ? c : '?')).join('');

  function pathOf(rng: Prng, url: string): string {
    let path = url.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
      const r = rng.next();
      if (name === 'enteId' && r < 0.6) return enteId;
      if (r < 0.4 && segments.size) return rng.pick([...segments]);
      if (r < 0.5 && realValues.length) return encodeURIComponent(rng.pick(realValues));
      if (r < 0.6) return 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => rng.int(0, 15).toString(16));
      if (r < 0.65) return String(rng.int(-5, 1_000_000));
      return urlJunk(rng) || 'x';
    });
    path = path.replace(/\*$/, () => urlJunk(rng));
    // Now and then a fixed segment is random bytes too.
    if (rng.chance(0.05)) {
      const fixed = path.split('/');
      const i = rng.int(1, Math.max(1, fixed.length - 1));
      fixed[i] = urlJunk(rng) || 'x';
      path = fixed.join('/');
    }
    if (rng.chance(0.08)) path += `/${urlJunk(rng)}`;
    if (rng.chance(0.05)) path += '/';
    return path;
  }

  function queryOf(rng: Prng, token: string, upload: boolean): string {
    const parts: string[] = [];
    if (upload && rng.chance(0.8)) parts.push(`_csrf=${token}`);
    const n = rng.chance(0.5) ? rng.int(1, 6) : 0;
    for (let i = 0; i < n; i++) {
      const key = rng.chance(0.75) ? rng.pick(QUERY_KEYS) : urlJunk(rng, 8);
      parts.push(rng.chance(0.05) ? key : `${key}=${urlJunk(rng)}`);
    }
    return parts.length ? `?${parts.join('&')}` : '';
  }

  function fields(rng: Prng, token: string | undefined): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    if (token !== undefined) out._csrf = token;
    const names = [...fieldNames];
    const n = rng.int(0, 12);
    for (let i = 0; i < n; i++) {
      const name = rng.chance(0.85) ? rng.pick(names) : junk(rng, 10);
      const value = () => (rng.chance(0.3) && realValues.length ? rng.pick(realValues) : junk(rng, 80));
      out[name] = rng.chance(0.15) ? [value(), value()] : value();
    }
    return out;
  }
  const urlencoded = (f: Record<string, string | string[]>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) for (const x of [v].flat()) p.append(k, x);
    return p.toString();
  };

  async function bodyOf(rng: Prng, token: string | undefined): Promise<{ contentType?: string; payload?: string | Buffer }> {
    const kind = rng.weighted([
      ['form', 45],
      ['multipart', 25],
      ['json', 8],
      ['raw', 12],
      ['none', 10],
    ] as const);
    if (kind === 'none') return {};
    if (kind === 'form') return { contentType: 'application/x-www-form-urlencoded', payload: rng.chance(0.9) ? urlencoded(fields(rng, token)) : urlJunk(rng, 200) };
    if (kind === 'json') {
      // Values of every JSON type where a form has strings: numbers, null, objects, nested lists.
      const typed = Object.fromEntries(
        Object.entries(fields(rng, token)).map(([k, v]) => [k, k === '_csrf' || rng.chance(0.4) ? v : rng.pick<unknown>([0, -1, 1e308, true, false, null, {}, { $ne: null }, [], [1, [2]], [{ a: 'b' }], { toString: 'x' }])]),
      );
      return { contentType: 'application/json', payload: rng.chance(0.8) ? JSON.stringify(typed) : junk(rng, 100) };
    }
    if (kind === 'raw') return { contentType: rng.pick(CONTENT_TYPES), payload: Buffer.from(junk(rng, 300), 'utf8') };
    const files: Upload[] = [];
    for (let i = rng.int(0, 3); i > 0; i--) {
      const data = rng.weighted([
        [pdf(junk(rng, 10)), 3],
        [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 2],
        [Buffer.from(junk(rng, 200)), 2],
        [Buffer.alloc(0), 1],
      ] as const);
      files.push({ field: rng.pick([...fieldNames]), name: rng.chance(0.8) ? rng.pick(['a.pdf', 'logo.png', 'x.jpg', 'virus.exe', '', '../../x.pdf']) : junk(rng, 20), type: rng.pick(['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream', '', 'text/html']), data });
    }
    const body = await multipart(
      Object.fromEntries(Object.entries(fields(rng, token)).map(([k, v]) => [k.replace(/[\r\n"]/g, '_'), v])),
      files,
    );
    let payload = body.payload;
    let contentType = body.contentType;
    const damage = rng.next();
    if (damage < 0.15) payload = payload.subarray(0, rng.int(0, payload.length)); // cut short
    else if (damage < 0.22) contentType = 'multipart/form-data'; // no boundary
    else if (damage < 0.28) contentType = `multipart/form-data; boundary=${urlJunk(rng, 10)}`; // the wrong one
    return { contentType, payload };
  }

  async function requestFor(rng: Prng, route: { method: string; url: string; access: unknown }): Promise<{ options: InjectOptions; who: Principal }> {
    const who: Principal = rng.weighted([
      ['anonymous', 3],
      ['citizen', 2],
      ['ente', route.url.startsWith('/gestione-ente') ? 4 : 2],
      ['city', route.url.startsWith('/gestione-wemi') ? 4 : 1],
    ] as const);
    const browser = browsers.get(who)!;
    const goodToken = rng.chance(0.8);
    const token = goodToken ? browser.token : rng.chance(0.5) ? urlJunk(rng, 50) : browsers.get('anonymous')!.token;
    const headers: Record<string, string> = {};
    const c = rng.next();
    headers.cookie = c < 0.8 ? browser.cookie : c < 0.9 ? `${browser.cookie}; ${headerJunk(rng)}` : headerJunk(rng);
    if (rng.chance(0.2)) headers.origin = rng.pick([BASE_URL, 'http://evil.example', 'null', headerJunk(rng), 'http://[', 'http://localhost:3000/']);
    if (rng.chance(0.2)) headers.referer = rng.chance(0.5) ? `${BASE_URL}/${urlJunk(rng)}` : headerJunk(rng);
    if (rng.chance(0.3)) headers['accept-language'] = rng.chance(0.5) ? rng.pick(['en', 'it-IT,it;q=0.9', '*', 'xx-YY;q=abc']) : headerJunk(rng);
    if (rng.chance(0.4)) headers.accept = rng.pick(['application/json', 'text/html', '*/*', 'application/json, text/html', headerJunk(rng)]);
    if (rng.chance(0.1)) headers['x-csrf-token'] = rng.chance(0.7) ? browser.token : headerJunk(rng);
    if (rng.chance(0.08)) headers.host = rng.pick(['evil.example', '', 'localhost:99999', '[::1', headerJunk(rng)]);
    if (rng.chance(0.05)) headers['x-forwarded-for'] = headerJunk(rng);
    const upload = route.method === 'POST' && rng.chance(0.35);
    const url = `${pathOf(rng, route.url)}${queryOf(rng, token, upload)}`;
    // Now and then the same header twice, or another method than the route's.
    const doubled = rng.chance(0.05) ? rng.pick(['origin', 'x-csrf-token', 'cookie', 'accept', 'content-type', 'referer']) : undefined;
    const method = rng.chance(0.04) ? rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'POST', 'GET']) : route.method;
    const options: InjectOptions = { method: method as InjectOptions['method'], url, headers };
    if (method !== 'GET' && method !== 'HEAD') {
      const body = await bodyOf(rng, rng.chance(0.9) ? token : undefined);
      if (body.contentType !== undefined) headers['content-type'] = rng.chance(0.05) ? rng.pick(CONTENT_TYPES) : body.contentType;
      if (body.payload !== undefined) options.payload = body.payload;
    } else if (rng.chance(0.05)) {
      headers['content-type'] = rng.pick(CONTENT_TYPES);
      options.payload = junk(rng, 100);
    }
    if (doubled && headers[doubled] !== undefined) (headers as Record<string, string | string[]>)[doubled] = [headers[doubled]!, headerJunk(rng)];
    return { options, who };
  }

  it(
    'answers every fuzzed request of every route without a 5xx, and is still alive',
    async () => {
      const rng = new Prng(SEED);
      const routes = [...declaredRoutes.get(t.app)!]
        // GET pages first: the field names of their forms feed the bodies of the POSTs.
        .sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET') || a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
      expect(routes.length).toBeGreaterThan(100);
      const failures: string[] = [];
      let sent = 0;
      let unsendable = 0;
      const statuses = new Map<number, number>();
      for (const route of routes) {
        for (let i = 0; i < PER_ROUTE; i++) {
          const { options, who } = await requestFor(rng, route);
          let res;
          try {
            res = await t.app.inject(options);
          } catch (err) {
            // A request no HTTP client could send (light-my-request refuses to build it): not the application's.
            if (err instanceof TypeError || (err as { code?: string }).code?.startsWith('ERR_')) {
              unsendable++;
              continue;
            }
            failures.push(`${route.method} ${route.url} as ${who}: threw ${String(err)} — ${JSON.stringify(options).slice(0, 400)}`);
            continue;
          }
          sent++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode >= 500) failures.push(`${route.method} ${route.url} as ${who}: ${res.statusCode} — ${JSON.stringify({ ...options, payload: String(options.payload ?? '').slice(0, 300) }).slice(0, 600)}`);
          // A new session (a login, a rotation) or an ended one: sign the person in again.
          const session = cookieSet(res, 'wemi_session');
          if (who !== 'anonymous' && session !== undefined) await signIn(who);
          if (res.headers['content-type']?.toString().startsWith('text/html')) {
            for (const m of res.body.matchAll(/\sname="([^"]{1,40})"/g)) fieldNames.add(m[1]!);
            for (const m of res.body.matchAll(/\s(?:href|action)="\/([^"?#]{1,200})/g)) harvest(m[1]!);
          }
          if (typeof res.headers.location === 'string' && res.headers.location.startsWith('/')) harvest(res.headers.location.slice(1).split(/[?#]/)[0]!);
        }
      }
      const summary = JSON.stringify([...statuses].sort((a, b) => a[0] - b[0]));
      // Nearly every request was sent, and a good share went past the edge to a handler that did its work.
      expect(sent, summary).toBeGreaterThan(routes.length * PER_ROUTE * 0.8);
      expect(unsendable, summary).toBeLessThan(sent / 10);
      const handled = [...statuses].filter(([status]) => status < 400).reduce((n, [, count]) => n + count, 0);
      expect(handled, summary).toBeGreaterThan(sent * 0.2);
      expect(failures, summary).toEqual([]);
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
    },
    240_000,
  );
});
