import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { currentStep, totpAt } from '../../src/features/accounts/totp';
import { buildAssets } from '../../src/web/assets';
import { createTestApp, csrfFor, TEST_CSRF_SECRET, type TestApp } from '../support/app';
import { authWith, createTestUser, sessionCookieFor, sessionFrom } from '../support/accounts';
import { text } from '../support/html';
import { postForm } from '../support/http';

// Finding 7 of the security probe (issue 10): the CSRF token was not bound to the session — a token and cookie pair
// taken from another browser was accepted with the victim's session. With a session the token is now derived from
// it (HMAC of the session id with the server secret): the same on every node, worthless with another session, new
// at every login. Anonymous forms (login, registration) keep their double-submit token.

describe('CSRF tokens bound to the session (finding 7)', () => {
  let t: TestApp;
  let node2: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp();
    // A second app node on the same database: nothing about tokens is kept in a process.
    node2 = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CSRF_SECRET: TEST_CSRF_SECRET }), db: t.db, assets: await buildAssets() });
    await node2.ready();
  });
  afterAll(async () => {
    await node2?.close();
    await t?.close();
  });

  /** A state-changing POST of a signed-in person (keeping the session alive), answered 303 when accepted. */
  const renew = (app: FastifyInstance, cookie: string, token: string) => postForm(app, '/sessione/rinnova', { ritorno: '/area-personale' }, { cookie, token });

  it("refuses a token and cookie pair taken from another browser with the victim's session", async () => {
    const victim = await createTestUser(t.db);
    const attacker = await createTestUser(t.db);
    const victimSession = await sessionCookieFor(t.db, victim.id);
    // The attacker's pair, anonymous and signed in.
    const anonymous = await csrfFor(t.app);
    const theirs = await authWith(t.app, await sessionCookieFor(t.db, attacker.id));
    for (const [label, csrfCookie, token] of [
      ['anonymous pair', anonymous.cookie, anonymous.token],
      ["the attacker's signed-in pair", `wemi_csrf=${theirs.token}`, theirs.token],
    ] as const) {
      const res = await renew(t.app, `${victimSession}; ${csrfCookie}`, token);
      expect(res.statusCode, label).toBe(403);
      expect(text(res.body), label).toContain('Sessione del modulo scaduta');
    }
    // The victim's own page gives the token that works.
    const own = await authWith(t.app, victimSession);
    expect((await renew(t.app, own.cookie, own.token)).statusCode).toBe(303);
  });

  it('derives the token from the session: the same on every node, another for another session, no cookie needed', async () => {
    const user = await createTestUser(t.db);
    const session = await sessionCookieFor(t.db, user.id);
    const one = await authWith(t.app, session);
    const two = await authWith(node2, session);
    expect(two.token).toBe(one.token);
    // No CSRF cookie is set for a live session: the token stands on the session alone.
    expect(one.cookie).toBe(session);
    expect((await renew(node2, session, one.token)).statusCode).toBe(303);
    const other = await authWith(t.app, await sessionCookieFor(t.db, user.id));
    expect(other.token).not.toBe(one.token);
    expect((await renew(t.app, other.cookie, one.token)).statusCode).toBe(403);
  });

  it('keeps the login form working anonymously, changes the token at login, and refuses a form rendered before it with the reload page', async () => {
    const user = await createTestUser(t.db, { kind: 'ente' });
    const anonymous = await csrfFor(t.app);
    const login = await postForm(t.app, '/accedi/credenziali', { email: user.email, password: user.password, ritorno: '/area-personale' }, anonymous);
    expect(login.statusCode).toBe(303);
    const session = `wemi_session=${sessionFrom(login)}`;
    const after = await authWith(t.app, `${session}; ${anonymous.cookie}`);
    expect(after.token).not.toBe(anonymous.token);
    // A page opened before the login, posted after it: the clear 403 that says to reload the page.
    const stale = await renew(t.app, `${session}; ${anonymous.cookie}`, anonymous.token);
    expect(stale.statusCode).toBe(403);
    expect(text(stale.body)).toContain('Torna indietro, ricarica la pagina e riprova.');
    expect((await renew(t.app, `${session}; ${anonymous.cookie}`, after.token)).statusCode).toBe(303);
  });

  it('binds the second-factor form to the pending session, and gives a new token once the second factor is given', async () => {
    const user = await createTestUser(t.db, { kind: 'ente' });
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await t.db.query('update app_user set totp_secret = $2, totp_enabled_at = now() where id = $1', [user.id, secret]);
    const anonymous = await csrfFor(t.app);
    const login = await postForm(t.app, '/accedi/credenziali', { email: user.email, password: user.password }, anonymous);
    expect(login.headers.location).toMatch(/^\/accedi\/verifica/);
    const pending = `wemi_session=${sessionFrom(login)}; ${anonymous.cookie}`;
    const page = await authWith(t.app, pending, '/accedi/verifica');
    expect(page.token).not.toBe(anonymous.token);
    // The anonymous token of the login page is no longer enough once the password was given.
    expect((await postForm(t.app, '/accedi/verifica', { code: totpAt(secret, currentStep()) }, { cookie: pending, token: anonymous.token })).statusCode).toBe(403);
    const ok = await postForm(t.app, '/accedi/verifica', { code: totpAt(secret, currentStep()) }, { cookie: pending, token: page.token });
    expect(ok.statusCode).toBe(303);
    const signedIn = await authWith(t.app, `wemi_session=${sessionFrom(ok)}`);
    expect(signedIn.token).not.toBe(page.token);
  });

  it('still accepts the logout of a page whose session ended meanwhile', async () => {
    const user = await createTestUser(t.db);
    const session = await sessionCookieFor(t.db, user.id);
    const page = await authWith(t.app, session);
    await t.db.query('delete from user_session where user_id = $1', [user.id]);
    const res = await postForm(t.app, '/esci', {}, page);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/accedi?uscito=1');
  });
});
