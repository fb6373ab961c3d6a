import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_VERSION } from '../../src/features/accounts/login.service';
import { sessionHandle } from '../../src/features/accounts/personal/personal.service';
import { hashId } from '../../src/features/accounts/session';
import { createTestApp, csrfFor, type TestApp } from '../support/app';
import { authWith, createTestUser, sessionCookieFor, type TestUser } from '../support/accounts';
import { auditRows } from '../support/audit';
import { getPage, postForm } from '../support/http';

// The personal area: every page for logged-in people only, the privacy notice first, profile validation
// (GOV.UK errors), sessions (own only), the GDPR export and the deletion of an account.

describe('personal area', () => {
  let t: TestApp;
  let csrf: { cookie: string; token: string };

  beforeAll(async () => {
    t = await createTestApp();
    csrf = await csrfFor(t.app);
  });
  afterAll(async () => t?.close());

  /** A logged-in browser: session cookie plus CSRF cookie. */
  async function login(userId: string, opts: { method?: string } = {}) {
    const session = await sessionCookieFor(t.db, userId, opts);
    return { session, cookie: `${session}; ${csrf.cookie}` };
  }

  const get = (url: string, cookie: string, headers: Record<string, string> = {}) => getPage(t.app, url, cookie, { headers });
  // The token of a page this browser sees (bound to its session).
  const post = async (url: string, cookie: string, fields: Record<string, string>, withToken = true) => postForm(t.app, url, fields, await authWith(t.app, cookie), { withToken });
  /** The audit rows of an action by a person. */
  const auditOf = (userId: string, action: string) => auditRows(t.db, { actorId: userId, action });

  const sessionWorks = async (session: string) => (await get('/area-personale', session)).statusCode === 200;

  describe('access', () => {
    it('sends anonymous visitors to the login page and back', async () => {
      const res = await get('/area-personale', csrf.cookie);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/accedi?ritorno=%2Farea-personale');
    });

    it('answers 401 to an API-style request without a session', async () => {
      const res = await get('/area-personale', csrf.cookie, { accept: 'application/json' });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    });

    it('refuses a POST without the CSRF token (403) and changes nothing', async () => {
      const user = await createTestUser(t.db, { givenName: 'Carla' });
      const { cookie } = await login(user.id);
      const res = await post('/area-personale/profilo', cookie, { given_name: 'Cambiato', family_name: 'Rossi', email: user.email, phone: '' }, false);
      expect(res.statusCode).toBe(403);
      const row = await t.db.one<{ given_name: string }>('select given_name from app_user where id = $1', [user.id]);
      expect(row.given_name).toBe('Carla');
      expect(await auditOf(user.id, 'profile.update')).toHaveLength(0);
    });
  });

  describe('pages', () => {
    let user: TestUser;
    let cookie: string;
    beforeAll(async () => {
      user = await createTestUser(t.db, { givenName: 'Giulia', familyName: 'Bianchi' });
      ({ cookie } = await login(user.id));
    });

    it('renders every page for a logged-in user, never cached', async () => {
      for (const [url, heading] of [
        ['/area-personale', 'Ciao, Giulia'],
        ['/area-personale/profilo', 'Profilo'],
        ['/area-personale/privacy', 'Privacy'],
        ['/area-personale/notifiche', 'Notifiche'],
        ['/area-personale/sessioni', 'Dispositivi e sessioni'],
        ['/area-personale/i-miei-dati', 'I miei dati'],
        ['/area-personale/elimina-account', 'Elimina l’account'],
      ] as const) {
        const res = await get(url, cookie);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['cache-control'], url).toBe('no-store');
        expect(res.body, url).toMatch(new RegExp(`<h1[^>]*>${heading}</h1>`));
        expect(res.body, url).toContain('data-element="breadcrumb"');
      }
    });

    it('dashboard: greeting, roles in plain words, cards to every section and a logout form', async () => {
      const res = await get('/area-personale', cookie);
      const html = res.body;
      expect(html).toContain('Cittadino o cittadina');
      for (const href of ['/area-personale/profilo', '/area-personale/privacy', '/area-personale/notifiche', '/area-personale/sessioni', '/area-personale/i-miei-dati', '/area-personale/elimina-account']) {
        expect(html).toContain(`href="${href}"`);
      }
      expect(html).toMatch(/<form method="post" action="\/esci"[^>]*>\s*<input type="hidden" name="_csrf" value="[^"]+">/);
      expect(html).not.toContain('href="/gestione-ente"');
      expect(html).not.toContain('href="/gestione-wemi"');
    });

    it('dashboard: an ente operator and a City staff member see their roles, validity and back offices', async () => {
      const org = await t.db.one<{ id: string; name: string }>(`select id, name from organization where status = 'active' order by name limit 1`);
      const until = new Date(Date.now() + 30 * 86400_000);
      const staff = await createTestUser(t.db, {
        kind: 'staff',
        roles: [
          { role: 'ente_operator', organizationId: org.id },
          { role: 'city', permission: 'statistics', validTo: until },
        ],
      });
      const { cookie: staffCookie } = await login(staff.id);
      const html = (await get('/area-personale', staffCookie)).body;
      const escaped = org.name.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
      expect(html).toContain(`Operatore dell’ente ${escaped}`);
      expect(html).toContain('Personale del Comune di Milano: statistiche');
      expect(html).toContain('scadenza: ');
      expect(html).toContain('href="/gestione-ente"');
      expect(html).toContain('href="/gestione-wemi"');
    });

    it('notifications: saves the preferences (unticked means no) with an audit row', async () => {
      const res = await post('/area-personale/notifiche', cookie, { notify_news: '1' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/area-personale/notifiche?esito=notifiche');
      const row = await t.db.one('select notify_email, notify_requests, notify_news from app_user where id = $1', [user.id]);
      expect(row).toEqual({ notify_email: false, notify_requests: false, notify_news: true });
      const audit = await auditOf(user.id, 'notifications.update');
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toEqual({ notify_email: false, notify_requests: false, notify_news: true });
      const page = await get(String(res.headers.location), cookie);
      expect(page.body).toContain('Le preferenze di notifica sono state salvate.');
      expect(page.body).toMatch(/id="notify_news" name="notify_news" value="1" checked/);
    });
  });

  describe('privacy notice', () => {
    it('sends a user who accepted an older version to the notice first, then back', async () => {
      const user = await createTestUser(t.db);
      await t.db.query(`update app_user set privacy_version = '2020-01', privacy_accepted_at = '2020-01-15T10:00:00Z' where id = $1`, [user.id]);
      const { cookie } = await login(user.id);

      for (const url of ['/area-personale', '/area-personale/profilo', '/area-personale/notifiche']) {
        const res = await get(url, cookie);
        expect(res.statusCode, url).toBe(303);
        expect(String(res.headers.location), url).toMatch(/^\/area-personale\/privacy\?ritorno=/);
      }
      // GDPR rights do not wait for the new notice: the data and the deletion pages answer at once.
      for (const url of ['/area-personale/i-miei-dati', '/area-personale/i-miei-dati.json', '/area-personale/elimina-account']) {
        expect((await get(url, cookie)).statusCode, url).toBe(200);
      }
      const redirect = await get('/area-personale/profilo', cookie);
      expect(redirect.headers.location).toBe('/area-personale/privacy?ritorno=%2Farea-personale%2Fprofilo');

      const page = await get(String(redirect.headers.location), cookie);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`versione ${PRIVACY_VERSION}`);
      expect(page.body).toContain('Hai confermato la lettura della versione 2020-01 in data 15 gennaio 2020');
      expect(page.body).toContain('href="/privacy"');
      expect(page.body).toContain('name="ritorno" value="/area-personale/profilo"');

      const missing = await post('/area-personale/privacy', cookie, { ritorno: '/area-personale/profilo' });
      expect(missing.statusCode).toBe(400);
      expect(missing.body).toContain('href="#accept"');
      expect(missing.body).toContain('Per continuare conferma di aver letto l’informativa privacy');

      const ok = await post('/area-personale/privacy', cookie, { ritorno: '/area-personale/profilo', accept: '1' });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/area-personale/profilo?esito=privacy');
      const row = await t.db.one<{ privacy_version: string; recent: boolean }>(
        `select privacy_version, privacy_accepted_at > now() - interval '1 minute' as recent from app_user where id = $1`,
        [user.id],
      );
      expect(row).toEqual({ privacy_version: PRIVACY_VERSION, recent: true });
      const audit = await auditOf(user.id, 'privacy.accept');
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toMatchObject({ version: PRIVACY_VERSION, previous: '2020-01' });
      expect((await get('/area-personale/profilo', cookie)).statusCode).toBe(200);
    });

    it('never redirects outside the site after accepting', async () => {
      const user = await createTestUser(t.db, { privacyAccepted: false });
      const { cookie } = await login(user.id);
      const res = await post('/area-personale/privacy', cookie, { ritorno: '//evil.example.org/x', accept: '1' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/area-personale?esito=privacy');
    });
  });

  describe('profile', () => {
    it('shows GOV.UK errors: 400, summary linking to each field, values kept, nothing saved', async () => {
      const user = await createTestUser(t.db, { givenName: 'Anna', familyName: 'Verdi' });
      const { cookie } = await login(user.id);
      const res = await post('/area-personale/profilo', cookie, { given_name: '  ', family_name: 'Verdi', email: 'non-una-email', phone: '12345' });
      expect(res.statusCode).toBe(400);
      const html = res.body;
      expect(html).toMatch(/<title>Errore: Profilo/);
      expect(html).toContain('id="error-summary"');
      expect(html).toContain('<a href="#given_name">Inserisci il nome</a>');
      expect(html).toContain('<a href="#email">Inserisci un indirizzo e-mail nel formato corretto, per esempio nome@esempio.it</a>');
      expect(html).toContain('<a href="#phone">Inserisci un numero di telefono italiano, per esempio 02 1234567 o 333 1234567</a>');
      expect(html).toContain('value="non-una-email"');
      expect(html).toContain('value="12345"');
      expect(html).toMatch(/id="email" name="email" value="non-una-email"[^>]*aria-invalid="true"/);
      const row = await t.db.one('select given_name, email, phone from app_user where id = $1', [user.id]);
      expect(row).toEqual({ given_name: 'Anna', email: user.email, phone: null });
      expect(await auditOf(user.id, 'profile.update')).toHaveLength(0);
    });

    it('refuses an address another account uses, and an empty one for a password account', async () => {
      const other = await createTestUser(t.db);
      const user = await createTestUser(t.db);
      const { cookie } = await login(user.id);
      const taken = await post('/area-personale/profilo', cookie, { given_name: 'Maria', family_name: 'Rossi', email: other.email.toUpperCase(), phone: '' });
      expect(taken.statusCode).toBe(400);
      expect(taken.body).toContain('Questo indirizzo e-mail è già usato da un altro account');
      const empty = await post('/area-personale/profilo', cookie, { given_name: 'Maria', family_name: 'Rossi', email: '', phone: '' });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('Inserisci l’indirizzo e-mail: ti serve per accedere');
    });

    it('saves changes: a new e-mail is unverified and gets a link, the audit names the fields only', async () => {
      const user = await createTestUser(t.db, { givenName: 'Luca', familyName: 'Neri' });
      const { cookie } = await login(user.id);
      const newEmail = `nuovo-${user.id.slice(0, 8)}@prova.example.org`;
      const res = await post('/area-personale/profilo', cookie, { given_name: 'Luca', family_name: 'Neri', email: `  ${newEmail.toUpperCase()} `, phone: '+39 333 123 4567' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/area-personale/profilo?esito=email');
      const row = await t.db.one('select email, email_verified_at, phone from app_user where id = $1', [user.id]);
      expect(row).toEqual({ email: newEmail, email_verified_at: null, phone: '+393331234567' });

      const audit = await auditOf(user.id, 'profile.update');
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toEqual({ fields: ['email', 'phone'] });
      expect(JSON.stringify(audit[0])).not.toContain(newEmail);
      expect(JSON.stringify(audit[0])).not.toContain('3331234567');

      const mails = await t.db.query<{ to_address: string }>('select to_address from email_outbox where to_address in ($1, $2) order by created_at', [newEmail, user.email]);
      expect(mails.map((m) => m.to_address).sort()).toEqual([newEmail, user.email].sort());
      const token = await t.db.maybeOne(`select 1 from one_time_token where user_id = $1 and purpose = 'verify_email' and used_at is null`, [user.id]);
      expect(token).toBeDefined();

      const page = await get(String(res.headers.location), cookie);
      expect(page.body).toContain('Ti abbiamo inviato un messaggio al nuovo indirizzo e-mail');
      expect(page.body).toContain('non è ancora confermato');
    });

    it('keeps the names of a SPID user read-only', async () => {
      const user = await createTestUser(t.db, { givenName: 'Paola', familyName: 'Gialli', fiscalCode: 'GLLPLA80A41F205X' });
      const { cookie } = await login(user.id, { method: 'spid' });
      const page = await get('/area-personale/profilo', cookie);
      expect(page.body).not.toContain('name="given_name"');
      expect(page.body).toContain('GLLPLA80A41F205X');
      const res = await post('/area-personale/profilo', cookie, { given_name: 'Altro', family_name: 'Nome', email: user.email, phone: '02 1234567' });
      expect(res.statusCode).toBe(303);
      const row = await t.db.one('select given_name, family_name, phone from app_user where id = $1', [user.id]);
      expect(row).toEqual({ given_name: 'Paola', family_name: 'Gialli', phone: '021234567' });
      expect((await auditOf(user.id, 'profile.update'))[0]!.details).toEqual({ fields: ['phone'] });
    });
  });

  describe('sessions', () => {
    const handleOf = (session: string) => sessionHandle(hashId(session.split('=')[1]!));

    it('lists my sessions and ends another one of mine', async () => {
      const user = await createTestUser(t.db);
      const current = await login(user.id);
      const other = await sessionCookieFor(t.db, user.id, { method: 'spid' });
      const page = await get('/area-personale/sessioni', current.cookie);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Questo dispositivo');
      expect(page.body).toContain(`name="sessione" value="${handleOf(other)}"`);
      expect(page.body).not.toContain(`value="${handleOf(current.session)}"`);
      // No identifier the database looks sessions up by is ever shown.
      expect(page.body).not.toContain(hashId(other.split('=')[1]!));

      const res = await post('/area-personale/sessioni/termina', current.cookie, { sessione: handleOf(other) });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/area-personale/sessioni?esito=sessione');
      expect(await sessionWorks(other)).toBe(false);
      expect(await sessionWorks(current.session)).toBe(true);
      expect(await auditOf(user.id, 'auth.session.end')).toHaveLength(1);
    });

    it('cannot end someone else’s session (404), which keeps working', async () => {
      const me = await createTestUser(t.db);
      const someone = await createTestUser(t.db);
      const mine = await login(me.id);
      const theirs = await sessionCookieFor(t.db, someone.id);
      const res = await post('/area-personale/sessioni/termina', mine.cookie, { sessione: handleOf(theirs) });
      expect(res.statusCode).toBe(404);
      expect(await sessionWorks(theirs)).toBe(true);
      const malformed = await post('/area-personale/sessioni/termina', mine.cookie, { sessione: "x' or 1=1 --" });
      expect(malformed.statusCode).toBe(404);
    });

    it('logs out of all other devices, keeping this one', async () => {
      const user = await createTestUser(t.db);
      const bystander = await createTestUser(t.db);
      const current = await login(user.id);
      const others = [await sessionCookieFor(t.db, user.id), await sessionCookieFor(t.db, user.id)];
      const unrelated = await sessionCookieFor(t.db, bystander.id);
      const res = await post('/area-personale/sessioni/termina-altre', current.cookie, {});
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/area-personale/sessioni?esito=altre');
      for (const s of others) expect(await sessionWorks(s)).toBe(false);
      expect(await sessionWorks(current.session)).toBe(true);
      expect(await sessionWorks(unrelated)).toBe(true);
      const audit = await auditOf(user.id, 'auth.logout.all');
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toMatchObject({ ended: 2 });
    });
  });

  describe('my data (GDPR art. 15/20)', () => {
    it('downloads my data as a JSON attachment, and nobody else’s', async () => {
      const user = await createTestUser(t.db, { givenName: 'Sara', familyName: 'Blu' });
      const someone = await createTestUser(t.db, { givenName: 'Ugo', familyName: 'Estraneo' });
      await t.db.query('update app_user set phone = $2 where id = $1', [user.id, '3471234567']);
      const { cookie, session } = await login(user.id);
      await sessionCookieFor(t.db, someone.id);
      // Something about someone else in the audit log, and something they did to me.
      await t.db.query(`insert into audit_log (actor_id, actor_label, action, target_type, target_id) values ($1, $2, 'profile.update', 'user', $3)`, [someone.id, someone.email, someone.id]);
      await t.db.query(`insert into audit_log (actor_id, actor_label, action, target_type, target_id) values ($1, $2, 'users.role.grant', 'user', $3)`, [someone.id, someone.email, user.id]);

      const res = await get('/area-personale/i-miei-dati.json', cookie);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="wemi-i-miei-dati-\d{4}-\d{2}-\d{2}\.json"$/);
      expect(res.headers['cache-control']).toBe('no-store');
      const data = res.json();
      expect(data.profile).toMatchObject({ givenName: 'Sara', familyName: 'Blu', email: user.email, phone: '3471234567' });
      expect(data.account.id).toBe(user.id);
      expect(data.roles).toEqual([expect.objectContaining({ role: 'citizen', revokedAt: null })]);
      expect(data.sessions).toEqual([expect.objectContaining({ method: 'password', current: true })]);
      expect(data.consents[0]).toMatchObject({ version: PRIVACY_VERSION });
      expect(data.security).toEqual({
        passwordSet: true,
        secondFactorEnabled: false,
        secondFactorEnabledAt: null,
        secondFactorSetupPendingSince: null,
        recoveryCodes: { total: 0, remaining: 0, generatedAt: null, lastUsedAt: null },
      });
      expect(data.activityLog.some((a: { action: string; byMe: boolean }) => a.action === 'users.role.grant' && !a.byMe)).toBe(true);
      expect(data.notIncluded.pageFeedback).toMatch(/anonime/);

      expect(res.body).not.toContain(someone.email);
      expect(res.body).not.toContain(someone.id);
      expect(res.body).not.toContain('Estraneo');
      expect(res.body).not.toContain(hashId(session.split('=')[1]!));
      expect(res.body).not.toContain('$argon2');

      expect(await auditOf(user.id, 'gdpr.export')).toHaveLength(1);
    });

    it('says how the account is protected: second factor, an app being set up, recovery codes — never a secret, code or hash', async () => {
      const user = await createTestUser(t.db, { kind: 'ente' });
      const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
      await t.db.query(`update app_user set totp_secret = $2, totp_enabled_at = '2026-01-10T09:00:00Z' where id = $1`, [user.id, secret]);
      const { cookie } = await login(user.id);
      // Recovery codes from the Sicurezza page; one of them used at a login.
      const security = '/area-personale/sicurezza';
      const batch = /name="batch" value="([^"]+)"/.exec((await get(`${security}/codici-di-recupero`, cookie)).body)![1]!;
      const shown = await post(`${security}/codici-di-recupero`, cookie, { batch, currentPassword: user.password });
      const codes = [...shown.body.matchAll(/<code class="wemi-mfa-secret">([^<]+)<\/code>/g)].map((m) => m[1]!);
      expect(codes).toHaveLength(10);
      const pending = (await post('/accedi/credenziali', csrf.cookie, { email: user.email, password: user.password })).headers['set-cookie'];
      const pendingSession = [pending].flat().map(String).find((c) => c.startsWith('wemi_session='))!.split(';')[0]!;
      expect((await post('/accedi/verifica/recupero', `${pendingSession}; ${csrf.cookie}`, { recoveryCode: codes[0]! })).statusCode).toBe(303);
      // A new app being set up.
      expect((await post(`${security}/verifica-in-due-passaggi`, cookie, { currentPassword: user.password })).statusCode).toBe(303);
      const enrolment = await t.db.one<{ secret: string }>('select secret from totp_enrolment where user_id = $1', [user.id]);

      const res = await get('/area-personale/i-miei-dati.json', cookie);
      expect(res.statusCode).toBe(200);
      const { security: exported } = res.json();
      expect(exported).toEqual({
        passwordSet: true,
        secondFactorEnabled: true,
        secondFactorEnabledAt: '2026-01-10T09:00:00.000Z',
        secondFactorSetupPendingSince: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        recoveryCodes: { total: 10, remaining: 9, generatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), lastUsedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
      });
      expect(Date.parse(exported.recoveryCodes.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(exported.recoveryCodes.generatedAt));

      // No secret, code or hash anywhere in the file.
      const hashes = (await t.db.query<{ code_hash: string }>('select code_hash from recovery_code where user_id = $1', [user.id])).map((r) => r.code_hash);
      expect(hashes).toHaveLength(10);
      for (const s of [secret, enrolment.secret, ...codes, ...codes.map((c) => c.replace('-', '')), ...hashes]) expect(res.body).not.toContain(s);
      expect(res.json().notIncluded.credentials).toMatch(/codici di recupero/);
    });
  });

  describe('account deletion (GDPR art. 17)', () => {
    it('asks for the confirmation word (400 with the error) and deletes nothing without it', async () => {
      const user = await createTestUser(t.db);
      const { cookie } = await login(user.id);
      const res = await post('/area-personale/elimina-account', cookie, { confirm_word: 'forse' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('<a href="#confirm_word">Hai scritto una parola diversa: scrivi ELIMINA per confermare</a>');
      expect(res.body).toContain('value="forse"');
      const row = await t.db.one<{ status: string }>('select status from app_user where id = $1', [user.id]);
      expect(row.status).toBe('active');
    });

    it('anonymises the account, ends every session, revokes roles, keeps an anonymous audit trail', async () => {
      const org = await t.db.one<{ id: string }>(`select id from organization where status = 'active' order by name limit 1`);
      const user = await createTestUser(t.db, { givenName: 'Elena', familyName: 'Viola', roles: [{ role: 'citizen' }, { role: 'ente_operator', organizationId: org.id }] });
      await t.db.query(`update app_user set phone = '3330000000', birth_date = '1980-05-01' where id = $1`, [user.id]);
      const { cookie, session } = await login(user.id);
      const elsewhere = await sessionCookieFor(t.db, user.id);
      // An earlier action of theirs, and a failed login naming them only by e-mail.
      await post('/area-personale/notifiche', cookie, { notify_email: '1' });
      await t.db.query(`insert into audit_log (actor_label, action, details) values ($1, 'auth.login.failure', $2)`, [user.email, JSON.stringify({ email: user.email })]);
      // Throttling counters about them (by address and by account id), and one about someone else that must stay.
      const lookalike = user.email.replace(/^./, '_');
      for (const key of [`login:email:${user.email}`, `reset:email:${user.email}`, `mfa:user:${user.id}`, `login:email:${lookalike}`]) {
        await t.db.query(`insert into auth_throttle (key, failures) values ($1, 1)`, [key]);
      }

      const res = await post('/area-personale/elimina-account', cookie, { confirm_word: ' elimina ' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/account-eliminato');
      expect([res.headers['set-cookie']].flat().some((c) => String(c).startsWith('wemi_session=;') && String(c).includes('Max-Age=0'))).toBe(true);

      const row = await t.db.one(
        `select email, email_verified_at, given_name, family_name, phone, birth_date, fiscal_code, password_hash, totp_secret, status,
                deleted_at is not null as deleted
           from app_user where id = $1`,
        [user.id],
      );
      expect(row).toEqual({
        email: null,
        email_verified_at: null,
        given_name: '',
        family_name: '',
        phone: null,
        birth_date: null,
        fiscal_code: null,
        password_hash: null,
        totp_secret: null,
        status: 'deleted',
        deleted: true,
      });
      expect(await t.db.query('select 1 from user_session where user_id = $1', [user.id])).toHaveLength(0);
      expect((await t.db.query<{ key: string }>(`select key from auth_throttle where key like '%' || $1 or key like '%' || $2`, [user.id, user.email.slice(1)])).map((r) => r.key)).toEqual([`login:email:${lookalike}`]);
      expect(await t.db.query('select 1 from user_role where user_id = $1 and revoked_at is null', [user.id])).toHaveLength(0);
      expect(await t.db.query('select 1 from user_role where user_id = $1', [user.id])).toHaveLength(2);

      // The audit trail stays, without the person's identifiers.
      const trail = await t.db.query<{ action: string; actor_label: string; details: unknown }>(
        `select action, actor_label, details from audit_log where actor_id = $1 order by id`,
        [user.id],
      );
      expect(trail.map((a) => a.action)).toEqual(['notifications.update', 'gdpr.delete']);
      expect(trail.every((a) => a.actor_label === 'utente eliminato')).toBe(true);
      const mentions = await t.db.query(`select 1 from audit_log where actor_label = $1 or strpos(details::text, $1) > 0`, [user.email]);
      expect(mentions).toHaveLength(0);

      // The confirmation e-mail went to the old address, queued before it was cleared.
      const mails = await t.db.query<{ subject: string }>(`select subject from email_outbox where to_address = $1`, [user.email]);
      expect(mails.map((m) => m.subject)).toEqual(['WeMi: il tuo account è stato eliminato']);

      // No way back in: both sessions are gone, and the password no longer logs in.
      expect(await sessionWorks(session)).toBe(false);
      expect(await sessionWorks(elsewhere)).toBe(false);
      const attempt = await post('/accedi/credenziali', csrf.cookie, { email: user.email, password: user.password });
      expect(attempt.statusCode).not.toBe(303);
      expect([attempt.headers['set-cookie']].flat().some((c) => /^wemi_session=[^;]/.test(String(c)))).toBe(false);
    });
  });
});
