import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfFor, type TestApp } from '../support/app';
import { authWith, createTestUser, sessionFrom } from '../support/accounts';
import { auditCount } from '../support/audit';
import { decode } from '../support/html';
import { getPage, postForm } from '../support/http';
import { currentStep, totpAt } from '../../src/features/accounts/totp';

// Password login, throttling and lockout, the TOTP second factor (enrolment and use), logout, session
// timeouts and the return address.

describe('login with e-mail and password, second factor, logout', () => {
  let t: TestApp;
  let csrf: { cookie: string; token: string };

  /** A form POST with the CSRF cookie and token, and the cookie given (e.g. a pending session). */
  const post = async (url: string, form: Record<string, string>, cookie = '') =>
    // The token of a page this browser sees (bound to its session once there is one).
    postForm(t.app, url, form, await authWith(t.app, [csrf.cookie, cookie].filter(Boolean).join('; ')));
  const get = (url: string, session?: string) => getPage(t.app, url, session ? `wemi_session=${session}` : undefined);

  beforeAll(async () => {
    t = await createTestApp();
    csrf = await csrfFor(t.app);
  });
  afterAll(async () => t?.close());

  it('shows the Accedi page with SPID, CIE and other credentials, keeping the return address', async () => {
    const res = await get('/accedi?ritorno=%2Fservizi%3Fq%3Dbadante');
    expect(res.statusCode).toBe(200);
    const html = decode(res.body);
    expect(html).toContain('Entra con SPID');
    expect(html).toContain('Entra con CIE');
    expect(html).toContain('href="/accedi/spid?ritorno=%2Fservizi%3Fq%3Dbadante"');
    expect(html).toContain('href="/accedi/credenziali?ritorno=%2Fservizi%3Fq%3Dbadante"');
  });

  it('logs an ente operator in, back to where they were going, and shows their name in the header', async () => {
    const u = await createTestUser(t.db, { kind: 'ente', givenName: 'Anna', familyName: 'Bianchi' });
    const res = await post('/accedi/credenziali', { email: u.email.toUpperCase(), password: u.password, ritorno: '/servizi?q=pasti' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/servizi?q=pasti');
    const session = sessionFrom(res);
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const home = await get('/', session);
    expect(home.body).toContain('Anna Bianchi');
    expect(home.body).toContain('data-element="personal-area"');
    expect(await auditCount(t.db, { action: 'auth.login', actorLabel: u.email })).toBe(1);
  });

  it('refuses a wrong password and an unknown e-mail with the same message, keeping the e-mail and never the password', async () => {
    const u = await createTestUser(t.db, { kind: 'ente' });
    const wrong = await post('/accedi/credenziali', { email: u.email, password: 'sbagliata-123456' });
    const unknown = await post('/accedi/credenziali', { email: 'nessuno@prova.example.org', password: 'sbagliata-123456' });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(400);
      expect(decode(res.body)).toContain('E-mail o password non corretti');
      expect(res.body).toContain('id="error-summary"');
      expect(res.body).toContain('href="#email"');
      expect(res.body).not.toContain('sbagliata-123456');
      expect(sessionFrom(res)).toBeUndefined();
    }
    expect(wrong.body).toContain(`value="${u.email}"`);
    expect(await auditCount(t.db, { action: 'auth.login.failure', actorLabel: u.email })).toBe(1);
    expect(await auditCount(t.db, { action: 'auth.login.failure', actorLabel: 'nessuno@prova.example.org' })).toBe(1);
  });

  it('validates the form (required fields, e-mail format) with a 400 and an error summary', async () => {
    const res = await post('/accedi/credenziali', { email: 'non-una-mail', password: '' });
    expect(res.statusCode).toBe(400);
    const html = decode(res.body);
    expect(html).toContain('Inserisci un indirizzo e-mail valido');
    expect(html).toContain('Inserisci la password');
    expect(html).toContain('aria-invalid="true"');
  });

  it('locks an e-mail after 5 failures, even for the right password, and says for how long', async () => {
    const u = await createTestUser(t.db, { kind: 'ente' });
    for (let i = 0; i < 4; i++) expect(decode((await post('/accedi/credenziali', { email: u.email, password: `errata-${i}-xxxxxx` })).body)).toContain('non corretti');
    const fifth = await post('/accedi/credenziali', { email: u.email, password: 'errata-5-xxxxxx' });
    expect(decode(fifth.body)).toMatch(/Troppi tentativi non riusciti\. Per sicurezza riprova tra 1 minuto/);
    const right = await post('/accedi/credenziali', { email: u.email, password: u.password });
    expect(right.statusCode).toBe(400);
    expect(decode(right.body)).toContain('Troppi tentativi');
    expect(sessionFrom(right)).toBeUndefined();
    // An unknown address locks the same way: the lock reveals nothing.
    for (let i = 0; i < 5; i++) await post('/accedi/credenziali', { email: 'fantasma@prova.example.org', password: `errata-${i}-xxxxxx` });
    expect(decode((await post('/accedi/credenziali', { email: 'fantasma@prova.example.org', password: 'x-123456789012' })).body)).toContain('Troppi tentativi');
    // When the lock has passed, the right password works and clears the counter of this account and client.
    const pairKey = `login:pair:ip:127.0.0.1:email:${u.email}`;
    await t.db.query(`update auth_throttle set locked_until = now() - interval '1 second' where key = $1`, [pairKey]);
    const after = await post('/accedi/credenziali', { email: u.email, password: u.password });
    expect(after.statusCode).toBe(303);
    expect(await t.db.maybeOne(`select 1 from auth_throttle where key = $1`, [pairKey])).toBeUndefined();
  });

  it('refuses suspended accounts and, by default, citizens with a password (they use SPID/CIE)', async () => {
    const suspended = await createTestUser(t.db, { kind: 'ente' });
    await t.db.query(`update app_user set status = 'suspended' where id = $1`, [suspended.id]);
    const s = await post('/accedi/credenziali', { email: suspended.email, password: suspended.password });
    expect(s.statusCode).toBe(400);
    expect(decode(s.body)).toContain('account è sospeso');
    const citizen = await createTestUser(t.db, { kind: 'citizen' });
    const c = await post('/accedi/credenziali', { email: citizen.email, password: citizen.password });
    expect(c.statusCode).toBe(400);
    expect(decode(c.body)).toContain('I cittadini accedono con SPID o CIE');
  });

  it('sends City staff to enrol a second factor, then asks for it at every login; a code works once', async () => {
    const staff = await createTestUser(t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'users' }] });
    const first = await post('/accedi/credenziali', { email: staff.email, password: staff.password, ritorno: '/gestione-wemi' });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/accedi/verifica?ritorno=%2Fgestione-wemi');
    const pending = sessionFrom(first)!;
    // Not logged in yet: no identity on pages, and protected actions are refused.
    expect((await get('/', pending)).body).not.toContain('data-element="personal-area"');
    const blocked = await post('/sessione/rinnova', {}, `wemi_session=${pending}`);
    expect(blocked.statusCode).toBe(303);
    expect(blocked.headers.location).toMatch(/^\/accedi\/verifica\?ritorno=/);
    const page = await get('/accedi/verifica?ritorno=%2Fgestione-wemi', pending);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data:image/svg+xml;base64,');
    const { totp_secret: secret } = await t.db.one<{ totp_secret: string }>('select totp_secret from app_user where id = $1', [staff.id]);
    expect(page.body.replace(/\s/g, '')).toContain(secret);

    const wrongCode = totpAt(secret, currentStep() + 5);
    const bad = await post('/accedi/verifica', { code: wrongCode, ritorno: '/gestione-wemi' }, `wemi_session=${pending}`);
    expect(bad.statusCode).toBe(400);
    expect(decode(bad.body)).toContain('Il codice non è corretto');

    const code = totpAt(secret, currentStep());
    const ok = await post('/accedi/verifica', { code, ritorno: '/gestione-wemi' }, `wemi_session=${pending}`);
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/gestione-wemi');
    const session = sessionFrom(ok)!;
    expect(session).not.toBe(pending); // rotated at the privilege change
    expect(await t.db.maybeOne('select 1 from user_session where user_id = $1 and mfa_pending', [staff.id])).toBeUndefined();
    expect((await get('/', session)).body).toContain('data-element="personal-area"');
    expect(await auditCount(t.db, { action: 'auth.mfa.enrol', actorLabel: staff.email })).toBe(1);

    // Next login: the same code again is refused (already used), a fresh one works.
    const again = await post('/accedi/credenziali', { email: staff.email, password: staff.password });
    const pending2 = sessionFrom(again)!;
    expect(again.headers.location).toMatch(/^\/accedi\/verifica/);
    const reuse = await post('/accedi/verifica', { code }, `wemi_session=${pending2}`);
    expect(reuse.statusCode).toBe(400);
    const next = await post('/accedi/verifica', { code: totpAt(secret, currentStep() + 1) }, `wemi_session=${pending2}`);
    expect(next.statusCode).toBe(303);
  });

  it('logs out: the session is gone from the database, the cookie cleared, the logout audited', async () => {
    const u = await createTestUser(t.db, { kind: 'ente' });
    const login = await post('/accedi/credenziali', { email: u.email, password: u.password });
    const session = sessionFrom(login)!;
    const out = await post('/esci', {}, `wemi_session=${session}`);
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/accedi?uscito=1');
    expect(sessionFrom(out)).toBe('');
    expect((await get('/', session)).body).not.toContain('data-element="personal-area"');
    expect(await auditCount(t.db, { action: 'auth.logout', actorLabel: u.email })).toBe(1);
  });

  it('ends idle and expired sessions', async () => {
    const u = await createTestUser(t.db, { kind: 'ente' });
    const s1 = sessionFrom(await post('/accedi/credenziali', { email: u.email, password: u.password }))!;
    await t.db.query(`update user_session set last_seen_at = now() - interval '31 minutes' where user_id = $1`, [u.id]);
    const idle = await get('/', s1);
    expect(idle.body).not.toContain('data-element="personal-area"');
    expect(sessionFrom(idle)).toBe('');
    const s2 = sessionFrom(await post('/accedi/credenziali', { email: u.email, password: u.password }))!;
    await t.db.query(`update user_session set expires_at = now() - interval '1 second' where user_id = $1`, [u.id]);
    expect((await get('/', s2)).body).not.toContain('data-element="personal-area"');
  });

  it('never redirects to another site after login', async () => {
    const u = await createTestUser(t.db, { kind: 'ente' });
    for (const ritorno of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await post('/accedi/credenziali', { email: u.email, password: u.password, ritorno });
      expect(res.headers.location, ritorno).toBe('/area-personale');
    }
  });

  it('refuses a login post without the CSRF token', async () => {
    const u = await createTestUser(t.db, { kind: 'ente' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/accedi/credenziali',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: u.email, password: u.password }).toString(),
    });
    expect(res.statusCode).toBe(403);
    expect(sessionFrom(res)).toBeUndefined();
  });
});

describe('the session cookie is Secure whenever the request came over TLS, and always in production', () => {
  /** The Set-Cookie lines of the session after a password login to a fresh app with `env`, one per set of headers. */
  async function sessionCookieLines(env: Record<string, string>, ...headerSets: Record<string, string>[]): Promise<string[]> {
    const t = await createTestApp({ seed: false, env });
    try {
      const csrf = await csrfFor(t.app);
      const u = await createTestUser(t.db, { kind: 'ente' });
      const lines: string[] = [];
      for (const headers of headerSets) {
        const res = await postForm(t.app, '/accedi/credenziali', { email: u.email, password: u.password }, csrf, { headers });
        expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
        const line = [res.headers['set-cookie']].flat().map(String).find((c) => c.startsWith('wemi_session='));
        expect(line).toBeDefined();
        lines.push(line!);
      }
      return lines;
    } finally {
      await t.close();
    }
  }
  const secure = (line: string) => line.split(';').map((p) => p.trim().toLowerCase()).includes('secure');

  it('behind a trusted proxy: Secure when X-Forwarded-Proto is https, not over plain http', async () => {
    const [https, http] = await sessionCookieLines({ TRUST_PROXY: 'true' }, { 'x-forwarded-proto': 'https' }, { 'x-forwarded-proto': 'http' });
    expect(secure(https!)).toBe(true);
    expect(secure(http!)).toBe(false);
  }, 120_000);

  it('without a trusted proxy the header is not believed', async () => {
    const [line] = await sessionCookieLines({}, { 'x-forwarded-proto': 'https' });
    expect(secure(line!)).toBe(false);
  }, 120_000);

  it('NODE_ENV=production: Secure even with an http address', async () => {
    const [line] = await sessionCookieLines({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'http://localhost:3000', CSRF_SECRET: 'x'.repeat(40) }, {});
    expect(secure(line!)).toBe(true);
  }, 120_000);
});
