import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashId } from '../../src/features/accounts/session';
import { currentStep, newTotpSecret, totpAt } from '../../src/features/accounts/totp';
import { createTestApp, csrfFor, type TestApp } from '../support/app';
import { authWith, createTestUser, sessionCookieFor, sessionFrom, type TestUser } from '../support/accounts';
import { auditRows } from '../support/audit';
import { decode } from '../support/html';
import { getPage, postForm } from '../support/http';
import { queuedMail } from '../support/outbox';

// The "Sicurezza" page of the personal area: changing the password (current password throttled like logins,
// the policy, other sessions ended, the id of this one rotated, an e-mail, an audit row); the second factor
// (turn on, set up again with a code from the new secret while the old one keeps working, turn off — never
// for City staff); recovery codes (shown once, stored as hashes, single use, replaced when generated again)
// and their use at the second-factor step of a login, throttled like app codes.

const SECURITY = '/area-personale/sicurezza';
const PASSWORD = `${SECURITY}/password`;
const TOTP = `${SECURITY}/verifica-in-due-passaggi`;
const TOTP_CONFIRM = `${TOTP}/conferma`;
const TOTP_OFF = `${TOTP}/disattiva`;
const CODES = `${SECURITY}/codici-di-recupero`;
const RECOVERY_LOGIN = '/accedi/verifica/recupero';
const NEW_PASSWORD = 'Un-altra-frase-segreta-77';

/** The recovery codes a page shows, in order. */
const codesIn = (html: string) => [...html.matchAll(/<code class="wemi-mfa-secret">([^<]+)<\/code>/g)].map((m) => m[1]!);

describe('security page of the personal area', () => {
  let t: TestApp;
  let csrf: { cookie: string; token: string };

  beforeAll(async () => {
    t = await createTestApp();
    csrf = await csrfFor(t.app);
  });
  afterAll(async () => t?.close());

  /** A logged-in browser: the session cookie (value) and the whole cookie header. */
  async function loggedIn(userId: string, opts: { method?: string } = {}) {
    const session = (await sessionCookieFor(t.db, userId, opts)).slice('wemi_session='.length);
    return { session, cookie: `wemi_session=${session}; ${csrf.cookie}` };
  }
  const get = (url: string, cookie: string) => getPage(t.app, url, cookie);
  // The token of a page this browser sees (bound to its session once there is one).
  const post = async (url: string, cookie: string, fields: Record<string, string> = {}) => postForm(t.app, url, fields, await authWith(t.app, cookie));
  /** The login form, as a browser without a session posts it. */
  const passwordLogin = (u: TestUser, password = u.password, ritorno = '/area-personale') =>
    post('/accedi/credenziali', csrf.cookie, { email: u.email, password, ritorno });

  /** The details of each audit row of an action by a person. */
  const auditOf = async (userId: string, action: string) => (await auditRows(t.db, { actorId: userId, action })).map(({ details }) => ({ details }));
  const sessionsOf = async (userId: string) => (await t.db.query<{ id_hash: string }>('select id_hash from user_session where user_id = $1', [userId])).map((r) => r.id_hash);
  const userRow = (id: string) =>
    t.db.one<{ password_hash: string | null; totp_secret: string | null; totp_enabled_at: Date | null }>(
      'select password_hash, totp_secret, totp_enabled_at from app_user where id = $1',
      [id],
    );

  /** An account whose second factor is already on (as after a first login); returns the secret. */
  async function withSecondFactor(userId: string): Promise<string> {
    const secret = newTotpSecret();
    await t.db.query('update app_user set totp_secret = $2, totp_enabled_at = now() where id = $1', [userId, secret]);
    return secret;
  }

  /** The batch of recovery codes the generation form names (its hidden field), as a browser would send it. */
  async function batchOf(cookie: string): Promise<string> {
    const batch = /name="batch" value="([^"]+)"/.exec((await get(CODES, cookie)).body)?.[1];
    expect(batch).toBeDefined();
    return batch!;
  }

  /** Generates recovery codes from the security page and returns them as shown. */
  async function generateCodes(u: TestUser, cookie: string): Promise<string[]> {
    const res = await post(CODES, cookie, { batch: await batchOf(cookie), currentPassword: u.password });
    expect(res.statusCode).toBe(200);
    return codesIn(res.body);
  }

  /** Password login up to the second-factor step: the pending session. */
  async function pendingLogin(u: TestUser): Promise<string> {
    const res = await passwordLogin(u);
    expect(res.headers.location).toMatch(/^\/accedi\/verifica\?ritorno=/);
    return sessionFrom(res)!;
  }
  const withPending = (pending: string) => `wemi_session=${pending}; ${csrf.cookie}`;

  // ----------------------------------------------------------------------------------------------------

  describe('the page', () => {
    it('is for logged-in people only', async () => {
      const res = await get(SECURITY, csrf.cookie);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/accedi?ritorno=%2Farea-personale%2Fsicurezza');
    });

    it('is listed in the personal area, and shows password, second factor and no recovery codes while the factor is off', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      const { cookie } = await loggedIn(u.id);
      const dashboard = await get('/area-personale', cookie);
      expect(dashboard.body).toContain(`href="${SECURITY}"`);
      const res = await get(SECURITY, cookie);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toMatch(/<h1[^>]*>Sicurezza<\/h1>/);
      expect(res.body).toContain(`href="${PASSWORD}"`);
      expect(res.body).toContain(`href="${TOTP}"`);
      expect(decode(res.body)).toContain('Non attiva');
      expect(res.body).not.toContain(`href="${TOTP_OFF}"`);
      expect(res.body).not.toContain('data-element="security-recovery"');
      // The side menu marks this section as the current page.
      expect(res.body).toMatch(new RegExp(`<a class="list-item active" href="${SECURITY}" aria-current="page">`));
    });

    it('sub-pages sit under Sicurezza: breadcrumb Area personale / Sicurezza / <page>, the menu marks the section, not the page', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      await withSecondFactor(u.id);
      const { cookie } = await loggedIn(u.id);
      await post(TOTP, cookie, { currentPassword: u.password }); // an app being set up: the confirmation page answers
      const pages: [string, string][] = [
        [PASSWORD, 'Cambia la password'],
        [TOTP, 'Configura la verifica su un nuovo telefono'],
        [TOTP_CONFIRM, 'Configura la verifica su un nuovo telefono'],
        [TOTP_OFF, 'Disattiva la verifica in due passaggi'],
        [CODES, 'Genera i codici di recupero'],
      ];
      for (const [url, title] of pages) {
        const res = await get(url, cookie);
        expect(res.statusCode, url).toBe(200);
        const crumbs = /<nav class="breadcrumb-container"[^>]*>([\s\S]*?)<\/nav>/.exec(res.body)![1]!;
        const steps = [...crumbs.matchAll(/<li class="breadcrumb-item[^"]*"[^>]*>\s*(?:<a href="([^"]+)">)?([^<]+)/g)].map((m) => [m[1] ?? null, decode(m[2]!.trim())]);
        expect(steps, url).toEqual([
          ['/', 'Home'],
          ['/area-personale', 'Area personale'],
          [SECURITY, 'Sicurezza'],
          [null, title],
        ]);
        expect(crumbs, url).toMatch(/<li class="breadcrumb-item active" aria-current="page">/);
        expect(res.body, url).toMatch(new RegExp(`<a class="list-item active" href="${SECURITY}" aria-current="true">`));
        expect(res.body, url).not.toMatch(/class="list-item[^"]*" href="[^"]+" aria-current="page"/);
      }
      // The answer of a POST too: the page of the new codes.
      const shown = await post(CODES, cookie, { batch: await batchOf(cookie), currentPassword: u.password });
      expect(shown.body).toMatch(new RegExp(`<a href="${SECURITY}">Sicurezza</a>`));
      expect(shown.body).toMatch(new RegExp(`<a class="list-item active" href="${SECURITY}" aria-current="true">`));
      // The other pages of the personal area keep their two-step breadcrumb and "page" in the menu.
      const profile = (await get('/area-personale/profilo', cookie)).body;
      expect(profile).not.toContain(`<a href="${SECURITY}">`);
      expect(profile).toMatch(/<a class="list-item active" href="\/area-personale\/profilo" aria-current="page">/);
      expect(profile).toMatch(new RegExp(`<a class="list-item" href="${SECURITY}">`));
    });

    it('tells people who log in with SPID or CIE that their credentials are managed there, and offers no action', async () => {
      const u = await createTestUser(t.db, { kind: 'citizen', fiscalCode: 'RSSMRA80A01F205X' });
      await t.db.query('update app_user set password_hash = null where id = $1', [u.id]);
      const { cookie } = await loggedIn(u.id, { method: 'spid' });
      const res = await get(SECURITY, cookie);
      expect(res.statusCode).toBe(200);
      expect(decode(res.body)).toContain('le tue credenziali sono gestite dal tuo gestore di identità digitale SPID o dalla Carta d’Identità Elettronica');
      expect(res.body).not.toContain(`href="${PASSWORD}"`);
      expect(res.body).not.toContain('data-element="security-second-factor"');
      for (const url of [PASSWORD, TOTP, CODES, TOTP_OFF]) {
        expect((await get(url, cookie)).headers.location, url).toBe(SECURITY);
        const p = await post(url, cookie, { currentPassword: 'qualsiasi', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
        expect(p.statusCode, url).toBe(303);
        expect(p.headers.location, url).toBe(SECURITY);
      }
      expect((await userRow(u.id)).password_hash).toBeNull();
    });

    it('speaks English too', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      await withSecondFactor(u.id);
      const { cookie } = await loggedIn(u.id);
      const res = await get(`${SECURITY}?lang=en`, cookie);
      expect(res.body).toMatch(/<h1[^>]*>Security<\/h1>/);
      for (const s of ['Change the password', 'Two-step verification', 'Set up on a new phone', 'Generate recovery codes']) expect(decode(res.body)).toContain(s);
    });

    it('asks for the current privacy notice first', async () => {
      const u = await createTestUser(t.db, { kind: 'ente', privacyAccepted: false });
      const { cookie } = await loggedIn(u.id);
      const res = await get(PASSWORD, cookie);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/area-personale/privacy?ritorno=${encodeURIComponent(PASSWORD)}`);
    });

    it('refuses a change without the CSRF token', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      const { session } = await loggedIn(u.id);
      const res = await t.app.inject({
        method: 'POST',
        url: PASSWORD,
        headers: { cookie: `wemi_session=${session}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ currentPassword: u.password, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }).toString(),
      });
      expect(res.statusCode).toBe(403);
      expect(await auditOf(u.id, 'auth.password.change')).toHaveLength(0);
    });
  });

  // ----------------------------------------------------------------------------------------------------

  describe('changing the password', () => {
    it('shows the form: current password, new password twice, the policy as a hint', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      const { cookie } = await loggedIn(u.id);
      const res = await get(PASSWORD, cookie);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('autocomplete="current-password"');
      expect(res.body.match(/autocomplete="new-password"/g)).toHaveLength(2);
      expect(decode(res.body)).toContain('Almeno 12 caratteri, non solo lettere');
    });

    it('refuses a wrong current password, with an audit row, changing nothing', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      const { cookie } = await loggedIn(u.id);
      const before = (await userRow(u.id)).password_hash;
      const res = await post(PASSWORD, cookie, { currentPassword: 'non-e-la-mia-42', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
      expect(res.statusCode).toBe(400);
      expect(decode(res.body)).toContain('La password attuale non è corretta');
      expect(res.body).toContain('href="#currentPassword"');
      expect(res.body).not.toContain('non-e-la-mia-42');
      expect(res.body).not.toContain(NEW_PASSWORD);
      expect((await userRow(u.id)).password_hash).toBe(before);
      expect(await auditOf(u.id, 'auth.reauth.failure')).toEqual([{ details: { purpose: 'password_change' } }]);
      expect(await auditOf(u.id, 'auth.password.change')).toHaveLength(0);
    });

    it('applies the password policy, the confirmation and "not the same as now", with an error summary', async () => {
      const u = await createTestUser(t.db, { kind: 'ente', givenName: 'Ottavia', familyName: 'Colombo' });
      const { cookie } = await loggedIn(u.id);
      const cases: [Record<string, string>, string, string][] = [
        [{ currentPassword: u.password, password: 'corta-1', passwordConfirm: 'corta-1' }, 'password', 'La password deve avere almeno 12 caratteri'],
        [{ currentPassword: u.password, password: 'solamentelettere', passwordConfirm: 'solamentelettere' }, 'password', 'La password è troppo semplice'],
        [{ currentPassword: u.password, password: 'Ottavia-2026-xyz', passwordConfirm: 'Ottavia-2026-xyz' }, 'password', 'non deve contenere il tuo nome'],
        [{ currentPassword: u.password, password: NEW_PASSWORD, passwordConfirm: `${NEW_PASSWORD}x` }, 'passwordConfirm', 'Le due password non coincidono'],
        [{ currentPassword: '', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, 'currentPassword', 'Inserisci la password attuale'],
        [{ currentPassword: u.password, password: u.password, passwordConfirm: u.password }, 'password', 'deve essere diversa da quella attuale'],
      ];
      for (const [fields, field, message] of cases) {
        const res = await post(PASSWORD, cookie, fields);
        expect(res.statusCode, message).toBe(400);
        expect(res.body, message).toContain('id="error-summary"');
        expect(res.body, message).toContain(`href="#${field}"`);
        expect(decode(res.body), message).toContain(message);
        expect(res.body, message).toMatch(/<title>Errore:/);
      }
      expect(await auditOf(u.id, 'auth.password.change')).toHaveLength(0);
      // A form with a weak new password does not even check (nor count) the current one.
      expect(await auditOf(u.id, 'auth.reauth.failure')).toHaveLength(0);
    });

    it('changes it: this session gets a new id, every other one ends, an e-mail and an audit row; the new password logs in', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      const { session, cookie } = await loggedIn(u.id);
      await sessionCookieFor(t.db, u.id); // another device
      await sessionCookieFor(t.db, u.id, { method: 'password', mfaPending: true }); // a login half done elsewhere
      expect(await sessionsOf(u.id)).toHaveLength(3);

      const res = await post(PASSWORD, cookie, { currentPassword: u.password, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${SECURITY}?esito=password`);
      const rotated = sessionFrom(res)!;
      expect(rotated).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(rotated).not.toBe(session);
      expect(await sessionsOf(u.id)).toEqual([hashId(rotated)]);
      // The old id no longer works; the new one does, and shows the notice.
      expect((await get(SECURITY, `wemi_session=${session}`)).statusCode).toBe(303);
      const page = await get(res.headers.location!, `wemi_session=${rotated}`);
      expect(decode(page.body)).toContain('La password è stata cambiata. Gli altri dispositivi sono stati disconnessi.');

      const mails = await queuedMail(t.db, u.email);
      expect(mails.map((m) => m.subject)).toEqual(['WeMi: la tua password è stata cambiata']);
      expect(mails[0]!.text_body).toContain(`la password del tuo account WeMi (${u.email}) è stata cambiata il `);
      expect(mails[0]!.text_body).toContain('Se non sei stato tu');
      expect(mails[0]!.text_body).toContain('/password-dimenticata');
      expect(await auditOf(u.id, 'auth.password.change')).toEqual([{ details: { sessionsEnded: 2 } }]);

      expect((await passwordLogin(u)).statusCode).toBe(400);
      const withNew = await passwordLogin(u, NEW_PASSWORD);
      expect(withNew.statusCode).toBe(303);
      expect(withNew.headers.location).toBe('/area-personale');
    });

    it('throttles wrong current passwords like logins: the fifth locks, on the same counter as the login form from this browser', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      const { cookie } = await loggedIn(u.id);
      for (let i = 0; i < 4; i++) {
        const res = await post(PASSWORD, cookie, { currentPassword: `sbagliata-${i}-xxxxxx`, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
        expect(decode(res.body)).toContain('La password attuale non è corretta');
      }
      const fifth = await post(PASSWORD, cookie, { currentPassword: 'sbagliata-5-xxxxxx', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
      expect(decode(fifth.body)).toContain('Troppi tentativi non riusciti. Per sicurezza riprova tra 1 minuto.');
      // Locked: the right password is refused too, here and at the login form.
      const right = await post(PASSWORD, cookie, { currentPassword: u.password, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
      expect(right.statusCode).toBe(400);
      expect(decode(right.body)).toContain('Troppi tentativi');
      expect(await auditOf(u.id, 'auth.reauth.locked')).toHaveLength(1);
      expect(decode((await passwordLogin(u)).body)).toContain('Troppi tentativi');
      // When the lock has passed, the right password works and clears the counter (of this account and client).
      const pairKey = `login:pair:ip:127.0.0.1:email:${u.email}`;
      await t.db.query(`update auth_throttle set locked_until = now() - interval '1 second' where key = $1`, [pairKey]);
      const after = await post(PASSWORD, cookie, { currentPassword: u.password, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
      expect(after.statusCode).toBe(303);
      expect(await t.db.maybeOne('select 1 from auth_throttle where key = $1', [pairKey])).toBeUndefined();
      await t.db.query(`delete from auth_throttle where key like 'login:ip:%'`);
    });
  });

  // ----------------------------------------------------------------------------------------------------

  describe('second factor', () => {
    it('turns it on with the password: the QR code and key as at the first login, confirmed by a code of the new secret', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      const { cookie } = await loggedIn(u.id);
      const other = await sessionCookieFor(t.db, u.id);
      const start = await get(TOTP, cookie);
      expect(start.statusCode).toBe(200);
      expect(start.body).toContain('name="currentPassword"');
      // No pending secret yet: the confirmation page sends back to the start.
      expect((await get(TOTP_CONFIRM, cookie)).headers.location).toBe(TOTP);
      // Without the right password, nothing starts: an open session alone cannot lock the owner out.
      expect((await post(TOTP, cookie)).statusCode).toBe(400);
      expect((await post(TOTP, cookie, { currentPassword: 'non-e-la-mia' })).statusCode).toBe(400);
      expect(await t.db.maybeOne('select 1 from totp_enrolment where user_id = $1', [u.id])).toBeUndefined();

      const begun = await post(TOTP, cookie, { currentPassword: u.password });
      expect(begun.statusCode).toBe(303);
      expect(begun.headers.location).toBe(TOTP_CONFIRM);
      const { secret } = await t.db.one<{ secret: string }>('select secret from totp_enrolment where user_id = $1', [u.id]);
      expect((await userRow(u.id)).totp_enabled_at).toBeNull();
      const page = await get(TOTP_CONFIRM, cookie);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('data:image/svg+xml;base64,');
      expect(page.body).toContain('data-element="totp-secret"');
      expect(page.body.replace(/\s/g, '')).toContain(secret);
      expect(page.body).toContain('autocomplete="one-time-code"');

      const wrong = await post(TOTP_CONFIRM, cookie, { code: totpAt(secret, currentStep() + 5) });
      expect(wrong.statusCode).toBe(400);
      expect(decode(wrong.body)).toContain('Il codice non è corretto');
      expect(wrong.body.replace(/\s/g, '')).toContain(secret); // the same secret, to try again
      expect(await auditOf(u.id, 'auth.mfa.failure')).toEqual([{ details: { context: 'enrolment' } }]);
      expect((await post(TOTP_CONFIRM, cookie, { code: '12ab' })).statusCode).toBe(400);

      const ok = await post(TOTP_CONFIRM, cookie, { code: totpAt(secret, currentStep()) });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe(`${SECURITY}?esito=attivata`);
      const row = await userRow(u.id);
      expect(row.totp_secret).toBe(secret);
      expect(row.totp_enabled_at).not.toBeNull();
      expect(await t.db.maybeOne('select 1 from totp_enrolment where user_id = $1', [u.id])).toBeUndefined();
      const rotated = sessionFrom(ok)!;
      expect(await sessionsOf(u.id)).toEqual([hashId(rotated)]);
      expect((await get(SECURITY, `${other}`)).statusCode).toBe(303);
      expect((await queuedMail(t.db, u.email)).map((m) => m.subject)).toEqual(['WeMi: verifica in due passaggi attivata']);
      expect(await auditOf(u.id, 'auth.mfa.enrol.start')).toEqual([{ details: { again: false } }]);
      expect(await auditOf(u.id, 'auth.mfa.enrol')).toEqual([{ details: { sessionsEnded: 1, from: 'personal_area' } }]);

      // The overview now shows it on, with the recovery codes; the next login asks for the code.
      const overview = await get(`${SECURITY}?esito=attivata`, `wemi_session=${rotated}`);
      expect(decode(overview.body)).toMatch(/Attiva dal \d+ \w+ \d{4}/);
      expect(overview.body).toContain('data-element="security-recovery"');
      expect(decode(overview.body)).toContain('Non hai ancora generato i codici di recupero.');
      const pending = await pendingLogin(u);
      const login = await post('/accedi/verifica', withPending(pending), { code: totpAt(secret, currentStep() + 1) });
      expect(login.statusCode).toBe(303);
    });

    it('sets it up again only with the password; the old secret keeps working until a code of the new one confirms it', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      const oldSecret = await withSecondFactor(u.id);
      const { cookie } = await loggedIn(u.id);
      await sessionCookieFor(t.db, u.id); // another device
      const start = await get(TOTP, cookie);
      expect(start.body).toContain('name="currentPassword"');
      expect(decode(start.body)).toContain('Configura la verifica su un nuovo telefono');

      const none = await post(TOTP, cookie);
      expect(none.statusCode).toBe(400);
      expect(decode(none.body)).toContain('Inserisci la password attuale');
      const wrong = await post(TOTP, cookie, { currentPassword: 'non-e-la-mia-42' });
      expect(wrong.statusCode).toBe(400);
      expect(decode(wrong.body)).toContain('La password attuale non è corretta');
      expect(await auditOf(u.id, 'auth.reauth.failure')).toEqual([{ details: { purpose: 'mfa_reenrol' } }]);
      expect(await t.db.maybeOne('select 1 from totp_enrolment where user_id = $1', [u.id])).toBeUndefined();

      expect((await post(TOTP, cookie, { currentPassword: u.password })).headers.location).toBe(TOTP_CONFIRM);
      const { secret: newSecret } = await t.db.one<{ secret: string }>('select secret from totp_enrolment where user_id = $1', [u.id]);
      expect(newSecret).not.toBe(oldSecret);
      expect(decode((await get(SECURITY, cookie)).body)).toContain('Hai iniziato a configurare una nuova app di autenticazione.');

      // Meanwhile the old app still logs in.
      const pending = await pendingLogin(u);
      expect((await post('/accedi/verifica', withPending(pending), { code: totpAt(oldSecret, currentStep()) })).statusCode).toBe(303);

      // A code of the old secret does not confirm the new one.
      const oldCode = await post(TOTP_CONFIRM, cookie, { code: totpAt(oldSecret, currentStep() + 1) });
      expect(oldCode.statusCode).toBe(400);
      expect((await userRow(u.id)).totp_secret).toBe(oldSecret);

      const ok = await post(TOTP_CONFIRM, cookie, { code: totpAt(newSecret, currentStep()) });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe(`${SECURITY}?esito=configurata`);
      expect((await userRow(u.id)).totp_secret).toBe(newSecret);
      // Every other session ended: the other device and the login made with the old app.
      expect(await sessionsOf(u.id)).toEqual([hashId(sessionFrom(ok)!)]);
      expect(await auditOf(u.id, 'auth.mfa.reenrol')).toEqual([{ details: { sessionsEnded: 2, from: 'personal_area' } }]);
      expect((await queuedMail(t.db, u.email)).map((m) => m.subject)).toEqual(['WeMi: verifica in due passaggi configurata su una nuova app']);

      // From now on only the new app works.
      const pending2 = await pendingLogin(u);
      expect((await post('/accedi/verifica', withPending(pending2), { code: totpAt(oldSecret, currentStep() + 1) })).statusCode).toBe(400);
      expect((await post('/accedi/verifica', withPending(pending2), { code: totpAt(newSecret, currentStep() + 1) })).statusCode).toBe(303);
    });

    it('turns it off with the password: recovery codes go too, other sessions end, e-mail and audit row; logins need no code', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      await withSecondFactor(u.id);
      const { cookie } = await loggedIn(u.id);
      await generateCodes(u, cookie);
      await sessionCookieFor(t.db, u.id);
      const overview = await get(SECURITY, cookie);
      expect(overview.body).toContain(`href="${TOTP_OFF}"`);
      const page = await get(TOTP_OFF, cookie);
      expect(page.statusCode).toBe(200);
      expect(decode(page.body)).toContain('Senza la verifica in due passaggi basta la password');

      const wrong = await post(TOTP_OFF, cookie, { currentPassword: 'non-e-la-mia-42' });
      expect(wrong.statusCode).toBe(400);
      expect((await userRow(u.id)).totp_enabled_at).not.toBeNull();

      const ok = await post(TOTP_OFF, cookie, { currentPassword: u.password });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe(`${SECURITY}?esito=disattivata`);
      const row = await userRow(u.id);
      expect(row.totp_enabled_at).toBeNull();
      expect(row.totp_secret).toBeNull();
      expect((await t.db.one<{ n: number }>('select count(*)::int as n from recovery_code where user_id = $1', [u.id])).n).toBe(0);
      expect(await sessionsOf(u.id)).toEqual([hashId(sessionFrom(ok)!)]);
      expect(await auditOf(u.id, 'auth.mfa.disable')).toEqual([{ details: { sessionsEnded: 1, recoveryCodesDeleted: 10 } }]);
      expect((await queuedMail(t.db, u.email)).map((m) => m.subject)).toContain('WeMi: verifica in due passaggi disattivata');
      const login = await passwordLogin(u);
      expect(login.headers.location).toBe('/area-personale');
    });

    it('City staff must keep it: no way to turn it off (409, nothing changes), but they may set it up again', async () => {
      const staff = await createTestUser(t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'content' }] });
      const secret = await withSecondFactor(staff.id);
      const { cookie } = await loggedIn(staff.id);
      const overview = await get(SECURITY, cookie);
      expect(decode(overview.body)).toContain('Per il personale del Comune di Milano la verifica in due passaggi è obbligatoria');
      expect(overview.body).not.toContain(`href="${TOTP_OFF}"`);
      expect(overview.body).toContain(`href="${TOTP}"`);

      const page = await get(TOTP_OFF, cookie);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('name="currentPassword"');
      const refused = await post(TOTP_OFF, cookie, { currentPassword: staff.password });
      expect(refused.statusCode).toBe(409);
      expect(decode(refused.body)).toContain('non disattivarla');
      const row = await userRow(staff.id);
      expect(row.totp_secret).toBe(secret);
      expect(row.totp_enabled_at).not.toBeNull();
      expect(await auditOf(staff.id, 'auth.mfa.disable')).toHaveLength(0);

      expect((await post(TOTP, cookie, { currentPassword: staff.password })).headers.location).toBe(TOTP_CONFIRM);
      const { secret: newSecret } = await t.db.one<{ secret: string }>('select secret from totp_enrolment where user_id = $1', [staff.id]);
      expect((await post(TOTP_CONFIRM, cookie, { code: totpAt(newSecret, currentStep()) })).statusCode).toBe(303);
      expect((await userRow(staff.id)).totp_secret).toBe(newSecret);
    });
  });

  // ----------------------------------------------------------------------------------------------------

  describe('recovery codes', () => {
    it('are generated after the password, shown once, stored only as hashes, and counted on the overview', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      await withSecondFactor(u.id);
      const { cookie } = await loggedIn(u.id);
      const form = await get(CODES, cookie);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('name="currentPassword"');
      expect(form.body).not.toContain('I codici che hai ora smetteranno di valere');

      const batch = await batchOf(cookie);
      const noPassword = await post(CODES, cookie, { batch });
      expect(noPassword.statusCode).toBe(400);
      expect(decode(noPassword.body)).toContain('Inserisci la password attuale');
      expect(noPassword.body).toContain(`name="batch" value="${batch}"`);
      const wrong = await post(CODES, cookie, { batch, currentPassword: 'non-e-la-mia-42' });
      expect(wrong.statusCode).toBe(400);
      expect(await auditOf(u.id, 'auth.reauth.failure')).toEqual([{ details: { purpose: 'recovery_codes' } }]);

      const res = await post(CODES, cookie, { batch, currentPassword: u.password });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(decode(res.body)).toContain('Conserva questi codici in un luogo sicuro');
      expect(decode(res.body)).toContain('Se ricarichi questa pagina o torni indietro, i codici non compariranno più e non ne genereremo di nuovi');
      // The first batch replaces nothing.
      expect(res.body).not.toContain('data-element="recovery-codes-replaced"');
      const codes = codesIn(res.body);
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      for (const c of codes) expect(c).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);

      // Only hashes are stored; no page shows the codes again.
      const stored = await t.db.query<Record<string, unknown>>('select * from recovery_code where user_id = $1', [u.id]);
      expect(stored).toHaveLength(10);
      const dump = JSON.stringify(stored);
      for (const c of codes) {
        expect(dump).not.toContain(c);
        expect(dump).not.toContain(c.replace('-', ''));
      }
      for (const url of [SECURITY, CODES]) {
        const html = (await get(url, cookie)).body;
        for (const c of codes) expect(html, url).not.toContain(c);
      }
      expect(decode((await get(SECURITY, cookie)).body)).toContain('Ti restano 10 codici di recupero su 10.');
      expect(await auditOf(u.id, 'auth.recovery.generate')).toEqual([{ details: { count: 10, unusedReplaced: 0 } }]);
      expect((await queuedMail(t.db, u.email)).map((m) => m.subject)).toEqual(['WeMi: nuovi codici di recupero']);
    });

    it('are only for accounts with the second factor on', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      const { cookie } = await loggedIn(u.id);
      expect((await get(CODES, cookie)).headers.location).toBe(SECURITY);
      expect((await post(CODES, cookie, { currentPassword: u.password })).headers.location).toBe(SECURITY);
      expect((await t.db.one<{ n: number }>('select count(*)::int as n from recovery_code where user_id = $1', [u.id])).n).toBe(0);
    });

    it('log in instead of the app code, once each; the login is audited and e-mailed; the count goes down', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      await withSecondFactor(u.id);
      const { cookie } = await loggedIn(u.id);
      const codes = await generateCodes(u, cookie);

      const pending = await pendingLogin(u);
      const step = await get('/accedi/verifica?ritorno=%2Farea-personale', `wemi_session=${pending}`);
      expect(step.body).toContain(`href="${RECOVERY_LOGIN}?ritorno=%2Farea-personale"`);
      const page = await get(`${RECOVERY_LOGIN}?ritorno=%2Farea-personale`, `wemi_session=${pending}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('name="recoveryCode"');

      // Typed in capitals and without the dash: still the code.
      const res = await post(RECOVERY_LOGIN, withPending(pending), { recoveryCode: codes[3]!.toUpperCase().replace('-', ' '), ritorno: '/area-personale/profilo' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/area-personale/profilo');
      const session = sessionFrom(res)!;
      expect(session).not.toBe(pending);
      expect(await t.db.maybeOne('select 1 from user_session where id_hash = $1', [hashId(pending)])).toBeUndefined();
      expect((await get('/area-personale', `wemi_session=${session}`)).statusCode).toBe(200);
      expect(await auditOf(u.id, 'auth.recovery.use')).toEqual([{ details: { remaining: 9 } }]);
      expect(await auditOf(u.id, 'auth.login')).toEqual([{ details: { method: 'password', mfa: true, recoveryCode: true } }]);
      const mail = (await queuedMail(t.db, u.email)).find((m) => m.subject === 'WeMi: accesso con un codice di recupero');
      expect(mail?.text_body).toContain('Ti restano 9 codici di recupero.');
      expect(mail?.text_body).toContain('Se non sei stato tu');
      expect(decode((await get(SECURITY, cookie)).body)).toContain('Ti restano 9 codici di recupero su 10.');

      // The same code never works again; another one does.
      const pending2 = await pendingLogin(u);
      const reuse = await post(RECOVERY_LOGIN, withPending(pending2), { recoveryCode: codes[3]! });
      expect(reuse.statusCode).toBe(400);
      expect(decode(reuse.body)).toContain('Il codice di recupero non è corretto o è già stato usato');
      expect(reuse.body).toContain('href="#recoveryCode"');
      expect(sessionFrom(reuse)).toBeUndefined();
      expect((await post(RECOVERY_LOGIN, withPending(pending2), { recoveryCode: codes[4]! })).statusCode).toBe(303);
    });

    it('are not made again when the form is sent again (a reload of the page of the codes): 409, nothing changes', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      await withSecondFactor(u.id);
      const { cookie } = await loggedIn(u.id);
      const fields = { batch: await batchOf(cookie), currentPassword: u.password };
      const first = await post(CODES, cookie, fields);
      expect(first.statusCode).toBe(200);
      const codes = codesIn(first.body);
      const stored = async () => (await t.db.query<{ code_hash: string }>('select code_hash from recovery_code where user_id = $1 order by code_hash', [u.id])).map((r) => r.code_hash);
      const before = await stored();
      expect(before).toHaveLength(10);

      // The browser reloads the page of the codes: the same form, sent again.
      const reload = await post(CODES, cookie, fields);
      expect(reload.statusCode).toBe(409);
      expect(reload.headers['cache-control']).toBe('no-store');
      expect(decode(reload.body)).toContain('Questo modulo non è più valido');
      expect(decode(reload.body)).toContain('Per sicurezza non abbiamo generato altri codici');
      expect(decode(reload.body)).toContain('Ti restano 10 codici di recupero su 10.');
      expect(reload.body).toContain(`href="${CODES}"`);
      expect(codesIn(reload.body)).toEqual([]);
      for (const c of codes) expect(reload.body).not.toContain(c);
      expect(await stored()).toEqual(before);
      expect(await auditOf(u.id, 'auth.recovery.generate')).toHaveLength(1);
      expect((await queuedMail(t.db, u.email)).map((m) => m.subject)).toEqual(['WeMi: nuovi codici di recupero']);
      // Neither checked nor counted: a stale form with a wrong password says nothing about it.
      const wrongAndStale = await post(CODES, cookie, { ...fields, currentPassword: 'non-e-la-mia-42' });
      expect(wrongAndStale.statusCode).toBe(409);
      expect(await auditOf(u.id, 'auth.reauth.failure')).toHaveLength(0);
      // A form without its batch (or with a made-up one) makes no codes either.
      expect((await post(CODES, cookie, { currentPassword: u.password })).statusCode).toBe(409);
      expect((await post(CODES, cookie, { batch: 'x'.repeat(22), currentPassword: u.password })).statusCode).toBe(409);
      expect(await stored()).toEqual(before);

      // The codes shown the first time still log in.
      const pending = await pendingLogin(u);
      expect((await post(RECOVERY_LOGIN, withPending(pending), { recoveryCode: codes[0]! })).statusCode).toBe(303);
      // A fresh form (after a used code too) makes new ones.
      expect(await generateCodes(u, cookie)).toHaveLength(10);
      expect(await stored()).not.toEqual(before);
    });

    it('generated again, replace every earlier code (after a confirmation step)', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      await withSecondFactor(u.id);
      const { cookie } = await loggedIn(u.id);
      const first = await generateCodes(u, cookie);
      const confirm = await get(CODES, cookie);
      expect(decode(confirm.body)).toContain('I codici che hai ora smetteranno di valere');
      expect(decode(confirm.body)).toContain('Hai ancora 10 codici non usati');
      const again = await post(CODES, cookie, { batch: await batchOf(cookie), currentPassword: u.password });
      expect(decode(again.body)).toContain('Questi codici sostituiscono quelli che avevi generato prima');
      const second = codesIn(again.body);
      expect(second).toHaveLength(10);
      expect(second.filter((c) => first.includes(c))).toEqual([]);
      expect((await t.db.one<{ n: number }>('select count(*)::int as n from recovery_code where user_id = $1', [u.id])).n).toBe(10);
      expect((await auditOf(u.id, 'auth.recovery.generate')).map((a) => a.details.unusedReplaced)).toEqual([0, 10]);

      const pending = await pendingLogin(u);
      expect((await post(RECOVERY_LOGIN, withPending(pending), { recoveryCode: first[0]! })).statusCode).toBe(400);
      expect((await post(RECOVERY_LOGIN, withPending(pending), { recoveryCode: second[0]! })).statusCode).toBe(303);
    });

    it('at login: validated, throttled with the app codes on one key, and only when the second factor is set up', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      const secret = await withSecondFactor(u.id);
      const { cookie } = await loggedIn(u.id);
      const codes = await generateCodes(u, cookie);
      const pending = await pendingLogin(u);
      const empty = await post(RECOVERY_LOGIN, withPending(pending), { recoveryCode: '  ' });
      expect(decode(empty.body)).toContain('Inserisci un codice di recupero');
      const format = await post(RECOVERY_LOGIN, withPending(pending), { recoveryCode: 'abc' });
      expect(decode(format.body)).toContain('è formato da 10 lettere e cifre');

      // Three wrong app codes and two wrong recovery codes: the fifth failure locks both ways in.
      for (let i = 0; i < 3; i++) expect((await post('/accedi/verifica', withPending(pending), { code: totpAt(secret, currentStep() + 5 + i) })).statusCode).toBe(400);
      expect((await post(RECOVERY_LOGIN, withPending(pending), { recoveryCode: 'zzzzz-zzzzz' })).statusCode).toBe(400);
      const fifth = await post(RECOVERY_LOGIN, withPending(pending), { recoveryCode: 'yyyyy-yyyyy' });
      expect(decode(fifth.body)).toContain('Troppi tentativi non riusciti');
      const locked = await post(RECOVERY_LOGIN, withPending(pending), { recoveryCode: codes[0]! });
      expect(locked.statusCode).toBe(400);
      expect(decode(locked.body)).toContain('Troppi tentativi');
      expect(decode((await post('/accedi/verifica', withPending(pending), { code: totpAt(secret, currentStep()) })).body)).toContain('Troppi tentativi');
      expect(await auditOf(u.id, 'auth.mfa.failure')).toHaveLength(5);
      expect((await auditOf(u.id, 'auth.mfa.failure')).filter((a) => a.details.recoveryCode === true)).toHaveLength(2);
      // The code tried while locked was not used up.
      expect((await t.db.one<{ n: number }>('select count(*)::int as n from recovery_code where user_id = $1 and used_at is null', [u.id])).n).toBe(10);
      await t.db.query(`update auth_throttle set locked_until = now() - interval '1 second' where key = $1`, [`mfa:user:${u.id}`]);
      expect((await post(RECOVERY_LOGIN, withPending(pending), { recoveryCode: codes[0]! })).statusCode).toBe(303);

      // Without a pending login, or while still enrolling at the first login, there is no recovery step.
      expect((await get(RECOVERY_LOGIN, csrf.cookie)).headers.location).toBe('/accedi?ritorno=%2Farea-personale');
      const staff = await createTestUser(t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'users' }] });
      const enrolling = await pendingLogin(staff);
      expect((await get(RECOVERY_LOGIN, `wemi_session=${enrolling}`)).headers.location).toBe('/accedi/verifica?ritorno=%2Farea-personale');
      expect((await post(RECOVERY_LOGIN, withPending(enrolling), { recoveryCode: codes[1]! })).headers.location).toBe('/accedi?ritorno=%2Farea-personale');
      expect((await get('/accedi/verifica', `wemi_session=${enrolling}`)).body).not.toContain(RECOVERY_LOGIN);
    });

    it('go with the account when it is deleted', async () => {
      const u = await createTestUser(t.db, { kind: 'ente' });
      await withSecondFactor(u.id);
      const { cookie } = await loggedIn(u.id);
      await generateCodes(u, cookie);
      await post(TOTP, cookie, { currentPassword: u.password });
      // Both exist before the deletion.
      expect((await t.db.one<{ n: number }>('select count(*)::int as n from recovery_code where user_id = $1', [u.id])).n).toBe(10);
      expect(await t.db.maybeOne('select 1 from totp_enrolment where user_id = $1', [u.id])).toBeDefined();
      const del = await post('/area-personale/elimina-account', cookie, { confirm_word: 'ELIMINA' });
      expect(del.statusCode).toBe(303);
      expect((await t.db.one<{ n: number }>('select count(*)::int as n from recovery_code where user_id = $1', [u.id])).n).toBe(0);
      expect(await t.db.maybeOne('select 1 from totp_enrolment where user_id = $1', [u.id])).toBeUndefined();
    });
  });
});
