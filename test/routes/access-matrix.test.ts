import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfFor, type TestApp } from '../support/app';
import { authWith, createTestUser, sessionCookieFor } from '../support/accounts';
import Fastify from 'fastify';
import { declaredRoutes, MissingAccessDeclarationError, registerAccessControl, type Access, type Role } from '../../src/lib/http/access';
import type { RoleGrant } from '../../src/features/accounts/users.repository';

// Every route declares who may use it (default deny), and no protected page or API answers to the wrong
// role: each role is tried against each protected route, with GET and with state-changing methods.

/** One user per role (or per City permission), each holding only that role. */
const PROFILES: { name: string; grant: Omit<RoleGrant, 'userId'> | null; has: Role[] }[] = [
  { name: 'citizen', grant: { role: 'citizen' }, has: ['citizen'] },
  { name: 'worker', grant: { role: 'worker' }, has: ['worker'] },
  { name: 'ente_admin', grant: { role: 'ente_admin' }, has: ['ente_admin'] },
  { name: 'ente_operator', grant: { role: 'ente_operator' }, has: ['ente_operator'] },
  { name: 'spazio_operator', grant: { role: 'spazio_operator' }, has: ['spazio_operator'] },
  { name: 'city:content', grant: { role: 'city', permission: 'content' }, has: ['city', 'city:content'] },
  { name: 'city:users', grant: { role: 'city', permission: 'users' }, has: ['city', 'city:users'] },
  { name: 'city:requests', grant: { role: 'city', permission: 'requests' }, has: ['city', 'city:requests'] },
  { name: 'no role', grant: null, has: [] },
];

const allowed = (access: Access, has: Role[]) =>
  access === 'public' || (access === 'authenticated' ? true : access.roles.some((r) => has.includes(r)));

/**
 * A concrete URL for a route pattern: the ente of the ente profiles for :enteId (so an allowed role meets its
 * own ente, not an ownership refusal), a well-formed id that names nothing for every other parameter.
 */
let enteOfProfiles = '00000000-0000-4000-8000-000000000000';
const concrete = (url: string) =>
  url.replace(/:enteId/g, enteOfProfiles).replace(/:[a-zA-Z_]+/g, '00000000-0000-4000-8000-000000000000').replace(/\*$/, 'x');

describe('access declarations', () => {
  it('every registered route of the application has a declaration', async () => {
    const t = await createTestApp({ seed: false });
    try {
      const routes = declaredRoutes.get(t.app)!;
      expect(routes.length).toBeGreaterThan(30);
      expect(routes.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`)).toEqual([]);
      // Login, personal area and back offices are among them, and protected.
      const protectedUrls = routes.filter((r) => r.access !== 'public').map((r) => r.url);
      expect(protectedUrls).toContain('/sessione/rinnova');
    } finally {
      await t.close();
    }
  });

  it('refuses to register a route that declares no access (default deny)', async () => {
    const app = Fastify();
    registerAccessControl(app);
    expect(() => app.get('/senza-dichiarazione', async () => 'x')).toThrow(MissingAccessDeclarationError);
    expect(() => app.get('/con-dichiarazione', { config: { access: 'public' } }, async () => 'x')).not.toThrow();
    await app.close();
  });
});

describe('role × route matrix', () => {
  let t: TestApp;
  let csrf: { cookie: string; token: string };
  const cookies = new Map<string, string>();
  /** The CSRF token of each profile's session (tokens are bound to the session). */
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    csrf = await csrfFor(t.app);
    const org = await t.db.one<{ id: string }>(`select id from organization where status = 'active' order by name limit 1`);
    enteOfProfiles = org.id;
    const loc = await t.db.one<{ id: string }>(`select id from location order by name limit 1`);
    for (const p of PROFILES) {
      const grant = p.grant && (p.grant.role === 'ente_admin' || p.grant.role === 'ente_operator') ? { ...p.grant, organizationId: org.id } : p.grant?.role === 'spazio_operator' ? { ...p.grant, locationId: loc.id } : p.grant;
      const u = await createTestUser(t.db, { kind: p.name.startsWith('city') ? 'staff' : p.name.startsWith('ente') ? 'ente' : 'citizen', roles: grant ? [grant] : [] });
      const auth = await authWith(t.app, await sessionCookieFor(t.db, u.id));
      cookies.set(p.name, auth.cookie);
      tokens.set(p.name, auth.token);
    }
  });
  afterAll(async () => t?.close());

  it('no protected route answers anonymous visitors: pages redirect to /accedi, the API says 401', async () => {
    const routes = declaredRoutes.get(t.app)!.filter((r) => r.access !== 'public' && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(0);
    for (const r of routes) {
      const url = concrete(r.url);
      const html = await t.app.inject({ method: r.method as 'GET', url, headers: { cookie: csrf.cookie, 'x-csrf-token': csrf.token, accept: 'text/html' } });
      expect(html.statusCode, `${r.method} ${r.url}`).toBe(303);
      expect(String(html.headers.location), `${r.method} ${r.url}`).toMatch(/^\/accedi\?ritorno=/);
      const json = await t.app.inject({ method: r.method as 'GET', url, headers: { cookie: csrf.cookie, 'x-csrf-token': csrf.token, accept: 'application/json' } });
      expect(json.statusCode, `${r.method} ${r.url} (JSON)`).toBe(401);
    }
  });

  it('each role reaches exactly the routes declared for it', async () => {
    const routes = declaredRoutes.get(t.app)!.filter((r) => r.access !== 'public' && r.method !== 'HEAD');
    const wrong: string[] = [];
    for (const p of PROFILES) {
      for (const r of routes) {
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: concrete(r.url),
          headers: { cookie: cookies.get(p.name)!, 'x-csrf-token': tokens.get(p.name)!, accept: 'application/json' },
        });
        const mayUse = allowed(r.access!, p.has);
        const refused = res.statusCode === 401 || res.statusCode === 403;
        if (mayUse === refused) wrong.push(`${p.name} ${r.method} ${r.url}: ${res.statusCode} (${mayUse ? 'should be allowed' : 'should be refused'})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
