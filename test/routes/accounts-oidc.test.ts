import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextAfterLogin, PRIVACY_VERSION } from '../../src/features/accounts/login.service';
import {
  fiscalCodeCheckChar,
  identityFromClaims,
  isValidFiscalCode,
  methodOfState,
  newPendingLogin,
  normalizeFiscalCode,
} from '../../src/features/accounts/public/oidc.client';
import { hashId } from '../../src/features/accounts/session';
import { declaredRoutes } from '../../src/lib/http/access';
import { DEMO_CITIZENS, startDemoIdentityGateway, type DemoCitizen, type DemoIdentityGateway } from '../../src/features/identity-gateway/demo-gateway';
import { paths } from '../../src/web/paths';
import { createTestApp, type TestApp } from '../support/app';
import { lastAudit } from '../support/audit';
import { cookieSet } from '../support/http';

// The whole SPID/CIE login against a real OpenID Connect provider (the demo identity gateway, started here
// on a free port): the application under test through app.inject(), the gateway through real HTTP with a
// small cookie jar standing in for the browser, the gateway's login form submitted as a person would.

const BASE_URL = 'http://wemi.test';
const CLIENT_ID = 'wemi-test';
const CLIENT_SECRET = randomBytes(32).toString('base64url');

// One more person, only at this test's gateway: nobody else logs in with it (the concurrent first login).
const FERRARI: DemoCitizen = {
  fiscalCode: `FRRLCU75D20F205${fiscalCodeCheckChar('FRRLCU75D20F205')}`,
  givenName: 'Luca',
  familyName: 'Ferrari',
  birthDate: '1975-04-20',
  email: 'luca.ferrari@esempio.it',
};
const CITIZENS = [...DEMO_CITIZENS, FERRARI];

const citizen = (familyName: string): DemoCitizen => {
  const c = CITIZENS.find((x) => x.familyName === familyName);
  if (!c) throw new Error(`No demo citizen ${familyName}`);
  return c;
};

/** The browser's cookies for the gateway: name, value and path, as a browser would keep them. */
class CookieJar {
  private cookies = new Map<string, { name: string; value: string; path: string }>();
  store(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = (n: string) => attrs.find((a) => a.toLowerCase().startsWith(`${n}=`))?.slice(n.length + 1);
      const path = attr('path') ?? '/';
      const expires = attr('expires');
      const gone = attr('max-age') === '0' || (expires !== undefined && new Date(expires).getTime() < Date.now());
      const key = `${name} ${path}`;
      if (gone) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }
  header(url: URL): string {
    return [...this.cookies.values()]
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/')
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

describe('login with SPID and CIE through the identity gateway (OpenID Connect)', () => {
  let gateway: DemoIdentityGateway;
  let t: TestApp;
  const gatewayErrors: unknown[] = [];

  beforeAll(async () => {
    gateway = await startDemoIdentityGateway({
      port: 0,
      host: '127.0.0.1',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: `${BASE_URL}${paths.oidcCallback()}`,
      citizens: CITIZENS,
      onError: (err) => gatewayErrors.push(err),
    });
    t = await createTestApp({
      seed: false,
      env: { OIDC_ISSUER_URL: gateway.issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET, PUBLIC_BASE_URL: BASE_URL },
    });
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
    expect(gatewayErrors).toEqual([]);
  });

  interface Started {
    start: LightMyRequestResponse;
    authorizeUrl: URL;
    /** The state the application bound to this browser (its wemi_oidc cookie). */
    state: string;
    jar: CookieJar;
  }

  /** The person clicks "Entra con SPID/CIE" on WeMi. */
  async function startLogin(method: 'spid' | 'cie', ritorno?: string, cookie?: string): Promise<Started> {
    const url = ritorno === undefined ? `/accedi/${method}` : `/accedi/${method}?ritorno=${encodeURIComponent(ritorno)}`;
    const start = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
    expect(start.statusCode).toBe(303);
    const authorizeUrl = new URL(String(start.headers.location));
    expect(authorizeUrl.origin).toBe(new URL(gateway.issuer).origin);
    const state = cookieSet(start, 'wemi_oidc');
    expect(state).toBeTruthy();
    return { start, authorizeUrl, state: state!, jar: new CookieJar() };
  }

  /**
   * The person at the gateway: follows its redirects and, on its login page, picks the test citizen (or
   * cancels). Returns the address the gateway sends the browser back to, on WeMi.
   */
  async function atGateway(started: Started, choice: { citizen: DemoCitizen } | 'cancel'): Promise<URL> {
    const { jar } = started;
    let url = started.authorizeUrl;
    let init: RequestInit = {};
    for (let hop = 0; hop < 12; hop++) {
      const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) } });
      jar.store(res.headers.getSetCookie());
      init = {};
      if (res.status >= 300 && res.status < 400) {
        const next = new URL(res.headers.get('location')!, url);
        if (next.origin === BASE_URL) return next;
        url = next;
        continue;
      }
      const html = await res.text();
      expect(res.status, html).toBe(200);
      const action = /<form method="post" action="([^"]+\/(?:accedi|annulla))">[\s\S]*?/g;
      const forms = [...html.matchAll(action)].map((m) => m[1]!);
      if (choice === 'cancel') {
        url = new URL(forms.find((f) => f.endsWith('/annulla'))!, url);
        init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' };
      } else {
        expect(html).toContain(`value="${choice.citizen.fiscalCode}"`);
        url = new URL(forms.find((f) => f.endsWith('/accedi'))!, url);
        init = {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ codice_fiscale: choice.citizen.fiscalCode }).toString(),
        };
      }
    }
    throw new Error('Too many redirects at the gateway');
  }

  /** The browser comes back to WeMi's callback with its cookies. */
  const callback = (back: URL, cookie: string | undefined) =>
    t.app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, headers: cookie ? { cookie } : {} });

  async function login(method: 'spid' | 'cie', person: DemoCitizen, opts: { ritorno?: string; cookie?: string } = {}) {
    const started = await startLogin(method, opts.ritorno, opts.cookie);
    const back = await atGateway(started, { citizen: person });
    const cookies = [`wemi_oidc=${started.state}`, opts.cookie].filter(Boolean).join('; ');
    const res = await callback(back, cookies);
    return { started, back, res };
  }

  const userOf = (fiscalCode: string) =>
    t.db.maybeOne<{
      id: string;
      kind: string;
      email: string | null;
      email_verified: boolean;
      fiscal_code: string;
      given_name: string;
      family_name: string;
      birth_date: string | null;
      status: string;
      last_login: boolean;
    }>(
      `select id, kind, email, email_verified_at is not null as email_verified, fiscal_code, given_name, family_name,
              to_char(birth_date, 'YYYY-MM-DD') as birth_date, status, last_login_at is not null as last_login
         from app_user where fiscal_code = $1`,
      [fiscalCode],
    );
  const sessionOf = (cookieValue: string) =>
    t.db.maybeOne<{ user_id: string; method: string; mfa_pending: boolean }>('select user_id, method, mfa_pending from user_session where id_hash = $1', [hashId(cookieValue)]);
  const count = async (sql: string, params: unknown[] = []) => (await t.db.one<{ n: number }>(sql, params)).n;

  function expectLoginFailedPage(res: LightMyRequestResponse, status: number, title: string) {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(title);
    expect(res.body).toMatch(/href="\/accedi(\?ritorno=[^"]*)?"/);
    expect(cookieSet(res, 'wemi_session')).toBeUndefined();
    expect(cookieSet(res, 'wemi_oidc')).toBe('');
  }

  it('sends the person to the gateway with PKCE (S256), state, nonce, the scopes and the SPID/CIE hint', async () => {
    for (const method of ['spid', 'cie'] as const) {
      const { authorizeUrl, state, start } = await startLogin(method, '/servizi');
      const p = authorizeUrl.searchParams;
      expect(p.get('response_type')).toBe('code');
      expect(p.get('client_id')).toBe(CLIENT_ID);
      expect(p.get('redirect_uri')).toBe(`${BASE_URL}${paths.oidcCallback()}`);
      expect(p.get('scope')!.split(' ').sort()).toEqual(['email', 'openid', 'profile']);
      expect(p.get('code_challenge_method')).toBe('S256');
      expect(p.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(p.get('nonce')).toBeTruthy();
      expect(p.get('idp_hint')).toBe(method);
      expect(p.get('state')).toBe(state);
      expect(methodOfState(state)).toBe(method);
      expect(start.headers['cache-control']).toBe('no-store');
      const row = await t.db.maybeOne<{ nonce: string; code_verifier: string; return_to: string; minutes: number }>(
        `select nonce, code_verifier, return_to, round(extract(epoch from expires_at - now()) / 60)::int as minutes from oidc_login where state = $1`,
        [state],
      );
      expect(row).toMatchObject({ nonce: p.get('nonce'), return_to: '/servizi', minutes: 10 });
      // Only the hash of the verifier travels: the verifier itself stays in the database.
      expect(authorizeUrl.href).not.toContain(row!.code_verifier);
    }
  });

  it('creates the citizen at the first login: codice fiscale without TINIT-, names, e-mail, birth date, role citizen', async () => {
    const person = citizen('Rossi');
    expect(await userOf(person.fiscalCode)).toBeUndefined();
    const { started, res } = await login('spid', person, { ritorno: '/servizi' });

    // New accounts accept the privacy notice first, then go where they were going.
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(nextAfterLogin({ privacy_version: null }, '/servizi'));
    const user = await userOf(person.fiscalCode);
    expect(user).toMatchObject({
      kind: 'citizen',
      fiscal_code: person.fiscalCode,
      given_name: person.givenName,
      family_name: person.familyName,
      email: person.email,
      email_verified: true,
      birth_date: person.birthDate,
      status: 'active',
      last_login: true,
    });
    const roles = await t.db.query<{ role: string }>('select role from user_role where user_id = $1 and revoked_at is null', [user!.id]);
    expect(roles.map((r) => r.role)).toEqual(['citizen']);

    // A server-side session for that user, started with SPID; the pending login is used up.
    const sessionCookie = cookieSet(res, 'wemi_session');
    expect(sessionCookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await sessionOf(sessionCookie!)).toEqual({ user_id: user!.id, method: 'spid', mfa_pending: false });
    expect(await count('select count(*)::int as n from oidc_login where state = $1', [started.state])).toBe(0);
    expect(await lastAudit(t.db, { action: 'auth.login' })).toMatchObject({ actor_id: user!.id, target_id: user!.id, details: { method: 'spid' } });
    expect(await lastAudit(t.db, { action: 'users.create' })).toMatchObject({ actor_id: user!.id, actor_label: person.fiscalCode, details: { kind: 'citizen', method: 'spid' } });

    // The session hook accepts the cookie on the next request (an unknown or ended session is cleared)…
    const next = await t.app.inject({ method: 'GET', url: '/healthz', headers: { cookie: `wemi_session=${sessionCookie}` } });
    expect(cookieSet(next, 'wemi_session')).toBeUndefined();
    // …and a page for logged-in people opens with it (the personal area, or any 'authenticated' page).
    const authenticated = declaredRoutes.get(t.app)!.filter((r) => r.access === 'authenticated' && r.method === 'GET' && !r.url.includes(':'));
    const page = authenticated.find((r) => r.url === paths.personalArea()) ?? authenticated[0];
    if (page) {
      const anonymous = await t.app.inject({ method: 'GET', url: page.url, headers: { accept: 'text/html' } });
      expect(String(anonymous.headers.location)).toMatch(/^\/accedi\?ritorno=/);
      const mine = await t.app.inject({ method: 'GET', url: page.url, headers: { accept: 'text/html', cookie: `wemi_session=${sessionCookie}` } });
      expect(mine.statusCode, page.url).not.toBe(401);
      expect(String(mine.headers.location ?? ''), page.url).not.toMatch(/^\/accedi/);
    }
  });

  it('finds the same person at the next login (with CIE), rotates the session and keeps the return address', async () => {
    const person = citizen('Rossi');
    const user = (await userOf(person.fiscalCode))!;
    await t.db.query('update app_user set privacy_version = $2, privacy_accepted_at = now() where id = $1', [user.id, PRIVACY_VERSION]);
    const first = await login('cie', person, { ritorno: '/servizi?q=badante' });
    const oldSession = cookieSet(first.res, 'wemi_session')!;
    expect(first.res.headers.location).toBe('/servizi?q=badante');
    expect(await sessionOf(oldSession)).toMatchObject({ user_id: user.id, method: 'cie' });

    // Logging in again from the same browser replaces its session (the id always changes at login).
    const again = await login('spid', person, { ritorno: '/enti', cookie: `wemi_session=${oldSession}` });
    expect(again.res.headers.location).toBe('/enti');
    const newSession = cookieSet(again.res, 'wemi_session')!;
    expect(newSession).not.toBe(oldSession);
    expect(await sessionOf(oldSession)).toBeUndefined();
    expect(await sessionOf(newSession)).toMatchObject({ user_id: user.id, method: 'spid' });
    expect(await count('select count(*)::int as n from app_user where fiscal_code = $1', [person.fiscalCode])).toBe(1);
    expect(await count('select count(*)::int as n from user_role where user_id = $1', [user.id])).toBe(1);
  });

  it('fills in only the empty fields at later logins', async () => {
    const person = citizen('Rossi');
    const user = (await userOf(person.fiscalCode))!;
    await t.db.query(`update app_user set given_name = '', family_name = 'Rossi Brambilla', email = null, email_verified_at = null, birth_date = null where id = $1`, [user.id]);
    const { res } = await login('spid', person);
    expect(res.statusCode).toBe(303);
    expect(await userOf(person.fiscalCode)).toMatchObject({
      id: user.id,
      given_name: person.givenName,
      family_name: 'Rossi Brambilla',
      email: person.email,
      birth_date: person.birthDate,
    });
  });

  it('creates a citizen without e-mail when the identity has none', async () => {
    const person = citizen('Esposito');
    expect(person.email).toBeNull();
    const { res } = await login('cie', person);
    expect(res.statusCode).toBe(303);
    expect(await userOf(person.fiscalCode)).toMatchObject({ email: null, email_verified: false, given_name: person.givenName, family_name: person.familyName });
  });

  it('leaves out an e-mail address another account already uses', async () => {
    const person = citizen('Colombo');
    await t.db.query(`insert into app_user (kind, email, given_name, family_name) values ('ente', $1, 'Operatrice', 'Ente')`, [person.email]);
    const { res } = await login('spid', person);
    expect(res.statusCode).toBe(303);
    expect(await userOf(person.fiscalCode)).toMatchObject({ email: null, given_name: person.givenName });
  });

  it('creates one account when the same person finishes two first logins at once', async () => {
    const person = citizen('Ferrari');
    const a = await startLogin('spid');
    const b = await startLogin('cie');
    const [backA, backB] = [await atGateway(a, { citizen: person }), await atGateway(b, { citizen: person })];
    const [resA, resB] = await Promise.all([callback(backA, `wemi_oidc=${a.state}`), callback(backB, `wemi_oidc=${b.state}`)]);
    expect([resA.statusCode, resB.statusCode]).toEqual([303, 303]);
    expect(await count('select count(*)::int as n from app_user where fiscal_code = $1', [person.fiscalCode])).toBe(1);
    const user = (await userOf(person.fiscalCode))!;
    expect(await sessionOf(cookieSet(resA, 'wemi_session')!)).toMatchObject({ user_id: user.id, method: 'spid' });
    expect(await sessionOf(cookieSet(resB, 'wemi_session')!)).toMatchObject({ user_id: user.id, method: 'cie' });
    expect(await count('select count(*)::int as n from user_role where user_id = $1', [user.id])).toBe(1);
  });

  it('refuses a state it did not issue, and a callback replayed after a login', async () => {
    const person = citizen('Chen');
    const started = await startLogin('spid');
    const back = await atGateway(started, { citizen: person });

    const forged = new URL(back);
    const otherState = newPendingLogin('spid').state;
    forged.searchParams.set('state', otherState);
    const wrong = await callback(forged, `wemi_oidc=${otherState}`);
    expectLoginFailedPage(wrong, 400, 'Accesso non riuscito');
    expect(await lastAudit(t.db, { action: 'auth.login.failure' })).toMatchObject({ actor_id: null, actor_label: 'anonymous', details: { method: 'spid', reason: 'unknown_state' } });

    // The genuine callback still works once…
    const ok = await callback(back, `wemi_oidc=${started.state}`);
    expect(ok.statusCode).toBe(303);
    expect(cookieSet(ok, 'wemi_session')).toBeTruthy();
    // …and never twice.
    const replay = await callback(back, `wemi_oidc=${started.state}`);
    expectLoginFailedPage(replay, 400, 'Accesso non riuscito');
    expect(await lastAudit(t.db, { action: 'auth.login.failure' })).toMatchObject({ details: { reason: 'unknown_state' } });
  });

  it('refuses a callback opened in another browser (no binding cookie) and uses the login up', async () => {
    const started = await startLogin('spid');
    const back = await atGateway(started, { citizen: citizen('Chen') });
    const sessionsBefore = await count('select count(*)::int as n from user_session');
    const res = await callback(back, undefined);
    expectLoginFailedPage(res, 400, 'Accesso non riuscito');
    expect(await lastAudit(t.db, { action: 'auth.login.failure' })).toMatchObject({ details: { reason: 'other_browser' } });
    expect(await count('select count(*)::int as n from user_session')).toBe(sessionsBefore);
    const retry = await callback(back, `wemi_oidc=${started.state}`);
    expectLoginFailedPage(retry, 400, 'Accesso non riuscito');
  });

  it("refuses a code obtained for another login (PKCE and nonce bind the code to the browser's login)", async () => {
    const person = citizen('Chen');
    const victim = await startLogin('spid');
    const victimBack = await atGateway(victim, { citizen: person });
    const attacker = await startLogin('spid');
    const attackerBack = await atGateway(attacker, { citizen: person });
    const injected = new URL(victimBack);
    injected.searchParams.set('code', attackerBack.searchParams.get('code')!);
    const res = await callback(injected, `wemi_oidc=${victim.state}`);
    expectLoginFailedPage(res, 400, 'Accesso non riuscito');
    expect(await lastAudit(t.db, { action: 'auth.login.failure' })).toMatchObject({ details: { method: 'spid', reason: 'exchange_failed' } });
  });

  it('refuses an expired pending login', async () => {
    const started = await startLogin('cie');
    const back = await atGateway(started, { citizen: citizen('Chen') });
    await t.db.query(`update oidc_login set expires_at = now() - interval '1 minute' where state = $1`, [started.state]);
    const res = await callback(back, `wemi_oidc=${started.state}`);
    expectLoginFailedPage(res, 400, 'Accesso non riuscito');
    expect(await lastAudit(t.db, { action: 'auth.login.failure' })).toMatchObject({ details: { method: 'cie', reason: 'expired_state' } });
  });

  it('handles the person cancelling at the gateway (error=access_denied)', async () => {
    const usersBefore = await count('select count(*)::int as n from app_user');
    const started = await startLogin('cie', '/servizi');
    const back = await atGateway(started, 'cancel');
    expect(back.pathname).toBe(paths.oidcCallback());
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe(started.state);
    const res = await callback(back, `wemi_oidc=${started.state}`);
    expectLoginFailedPage(res, 400, 'Accesso non riuscito');
    expect(res.body).toContain('Hai annullato l&#39;accesso con CIE');
    // The way back keeps where the person was going.
    expect(res.body).toContain(`href="${paths.login('/servizi')}"`);
    expect(await lastAudit(t.db, { action: 'auth.login.failure' })).toMatchObject({ details: { method: 'cie', reason: 'cancelled', error: 'access_denied' } });
    expect(await count('select count(*)::int as n from app_user')).toBe(usersBefore);
    expect(await count('select count(*)::int as n from oidc_login where state = $1', [started.state])).toBe(0);
  });

  it('refuses a suspended account with a clear message', async () => {
    const person = citizen('Bianchi');
    const first = await login('spid', person);
    expect(first.res.statusCode).toBe(303);
    const user = (await userOf(person.fiscalCode))!;
    await t.db.query(`update app_user set status = 'suspended', given_name = '' where id = $1`, [user.id]);
    const sessionsBefore = await count('select count(*)::int as n from user_session where user_id = $1', [user.id]);

    const { res } = await login('spid', person);
    expectLoginFailedPage(res, 403, 'Accesso non consentito');
    expect(res.body).toContain('sospeso');
    expect(await count('select count(*)::int as n from user_session where user_id = $1', [user.id])).toBe(sessionsBefore);
    expect(await lastAudit(t.db, { action: 'auth.login.failure' })).toMatchObject({
      actor_id: user.id,
      actor_label: person.fiscalCode,
      details: { method: 'spid', reason: 'account_suspended' },
    });
    // A refused account is not touched.
    expect(await userOf(person.fiscalCode)).toMatchObject({ given_name: '', status: 'suspended' });
  });

  it('keeps a local return address and refuses open redirects', async () => {
    const person = citizen('Rossi');
    await t.db.query('update app_user set privacy_version = $2 where fiscal_code = $1', [person.fiscalCode, PRIVACY_VERSION]);
    for (const ritorno of ['https://evil.example', '//evil.example/x', '/\\evil.example', '/accedi/spid']) {
      const { started, res } = await login('spid', person, { ritorno });
      expect(await count('select count(*)::int as n from oidc_login where state = $1', [started.state])).toBe(0);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(paths.personalArea());
    }
    const kept = await login('spid', person, { ritorno: '/spazi-wemi?municipio=3' });
    expect(kept.res.headers.location).toBe('/spazi-wemi?municipio=3');
  });

  it('the gateway itself requires PKCE', async () => {
    const url = new URL('/auth', gateway.issuer);
    url.search = new URLSearchParams({
      client_id: CLIENT_ID,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: `${BASE_URL}${paths.oidcCallback()}`,
      state: 'x',
    }).toString();
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBeGreaterThanOrEqual(300);
    const back = new URL(res.headers.get('location')!);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('error_description')).toMatch(/PKCE/);
  });
});

describe('login with SPID and CIE when the gateway is not configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, env: { PUBLIC_BASE_URL: BASE_URL } });
  });
  afterAll(async () => t?.close());

  it('answers 503 with an Italian explanation and writes no pending login', async () => {
    for (const path of [paths.loginSpid(), paths.loginCie()]) {
      const res = await t.app.inject({ method: 'GET', url: `${path}?ritorno=/servizi` });
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain(`Accesso con ${path.endsWith('cie') ? 'CIE' : 'SPID'} non disponibile`);
      expect(res.body).toContain('02.02.02');
    }
    expect((await t.db.one<{ n: number }>('select count(*)::int as n from oidc_login')).n).toBe(0);
  });

  it('refuses an unknown callback without touching the gateway', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${paths.oidcCallback()}?code=abc&state=spid.nothing` });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Accesso non riuscito');
    const row = await t.db.one<{ details: Record<string, unknown> }>(`select details from audit_log where action = 'auth.login.failure' order by id desc limit 1`);
    expect(row.details).toMatchObject({ method: 'spid', reason: 'unknown_state' });
  });
});

describe('codice fiscale and claims mapping', () => {
  it('checks the format and the check character, strips TINIT- and upper-cases', () => {
    for (const c of DEMO_CITIZENS) {
      expect(isValidFiscalCode(c.fiscalCode)).toBe(true);
      expect(normalizeFiscalCode(`TINIT-${c.fiscalCode.toLowerCase()}`)).toBe(c.fiscalCode);
      const wrongCheck = c.fiscalCode.slice(0, 15) + (c.fiscalCode[15] === 'A' ? 'B' : 'A');
      expect(normalizeFiscalCode(wrongCheck)).toBeNull();
    }
    // Omocodia: digits replaced by letters keep a valid code once the check character is recomputed.
    const omocode = 'RSSMRA80A01F20R';
    expect(isValidFiscalCode(omocode + fiscalCodeCheckChar(omocode))).toBe(true);
    for (const bad of ['', 'TINIT-', 'RSSMRA80A01F205', 'RSSMRA80Z01F205X', '12345678901', 42, null]) expect(normalizeFiscalCode(bad)).toBeNull();
  });

  it('maps OpenID Connect and SPID attribute names', () => {
    const cf = DEMO_CITIZENS[0]!.fiscalCode;
    expect(identityFromClaims({ fiscal_number: `TINIT-${cf}`, given_name: ' Mario ', family_name: 'Rossi', email: 'Mario.Rossi@Esempio.IT', email_verified: true, birthdate: '1980-01-01' })).toEqual({
      ok: true,
      identity: { fiscalCode: cf, givenName: 'Mario', familyName: 'Rossi', email: 'mario.rossi@esempio.it', emailVerified: true, birthDate: '1980-01-01' },
    });
    expect(identityFromClaims({ fiscalNumber: `TINIT-${cf}`, name: 'Mario', familyName: 'Rossi', email: 'not an address', dateOfBirth: '1980-02-30' })).toEqual({
      ok: true,
      identity: { fiscalCode: cf, givenName: 'Mario', familyName: 'Rossi', email: null, emailVerified: false, birthDate: null },
    });
    expect(identityFromClaims({ given_name: 'Mario' })).toEqual({ ok: false, reason: 'missing_fiscal_code' });
    expect(identityFromClaims({ fiscal_number: 'TINIT-RSSMRA80A01F205Y' })).toEqual({ ok: false, reason: 'invalid_fiscal_code' });
  });
});
