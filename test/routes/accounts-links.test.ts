import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PRIVACY_VERSION } from '../../src/features/accounts/login.service';
import { verifyPassword } from '../../src/features/accounts/password';
import { hashId } from '../../src/features/accounts/session';
import { inviteUser, sendVerificationEmail, type InviteInput } from '../../src/features/accounts/public/links.service';
import { findUserById } from '../../src/features/accounts/users.repository';
import { createTestApp, csrfFor, type TestApp } from '../support/app';
import { createTestUser, sessionCookieFor } from '../support/accounts';
import { auditRows } from '../support/audit';
import { pathOf, visitorRequests } from '../support/http';
import { queuedCount } from '../support/outbox';
import { linkIn, startTestSmtp, type TestSmtp } from '../support/smtp';

// The e-mail link flows end to end: the app queues mail in the outbox, the outbox worker delivers it to a
// real SMTP server started here, and the tests follow the links found in the received messages.

const BASE = 'http://wemi.test:8080';
const NEW_PASSWORD = 'Nuova-chiave-sicura-2026';

describe('e-mail link flows', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let csrf: { cookie: string; token: string };
  let ipCounter = 0;
  /** Each test asks from its own address, so the per-IP limit of one test does not reach another. */
  let ip = '10.0.0.1';

  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_BASE_URL: BASE } });
    smtp = await startTestSmtp();
    csrf = await csrfFor(t.app);
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });
  beforeEach(() => {
    ipCounter++;
    ip = `10.0.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
  });

  const { get, post } = visitorRequests(() => t.app, () => csrf, () => ip);
  const passwordHashOf = async (userId: string) =>
    (await t.db.one<{ password_hash: string | null }>('select password_hash from app_user where id = $1', [userId])).password_hash;
  /** The audit rows of an action on a person. */
  const auditOf = (userId: string, action: string) => auditRows(t.db, { targetId: userId, action });

  /** Asks for a reset link and returns it, from the e-mail actually received. */
  async function resetLinkFor(email: string): Promise<string> {
    const res = await post('/password-dimenticata', { email });
    expect(res.statusCode).toBe(303);
    await smtp.deliver(t.db);
    const mails = smtp.to(email);
    expect(mails.length).toBeGreaterThan(0);
    return linkIn(mails[mails.length - 1]!, `${BASE}/reimposta-password/`);
  }

  async function activeOrganization(): Promise<{ id: string; name: string }> {
    return t.db.one<{ id: string; name: string }>(`select id, name from organization where status = 'active' order by slug limit 1`);
  }

  async function invite(input: Omit<InviteInput, 'baseUrl'>) {
    return t.db.transaction((tx) => inviteUser(tx, { ...input, baseUrl: BASE }));
  }

  describe('password reset', () => {
    it('works end to end: request, e-mail with the link, new password, old sessions ended, throttle cleared', async () => {
      const user = await createTestUser(t.db, { kind: 'staff', givenName: 'Chiara', familyName: 'Colombo', roles: [{ role: 'ente_operator', organizationId: (await activeOrganization()).id }] });
      const oldSessions = [await sessionCookieFor(t.db, user.id), await sessionCookieFor(t.db, user.id)];
      await t.db.query(`insert into auth_throttle (key, failures, locked_until) values ($1, 5, now() + interval '10 minutes')`, [`login:email:${user.email}`]);

      const page = await get('/password-dimenticata');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1 class="title-xxxlarge"');
      expect(page.body).toContain('Password dimenticata');
      expect(page.body).toMatch(/<input type="email"[^>]*name="email"/);
      expect(page.body).toContain('name="_csrf"');

      // The address as typed, with capitals and spaces: the account is found all the same.
      const res = await post('/password-dimenticata', { email: `  ${user.email.toUpperCase()} ` });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/password-dimenticata?inviata=1');
      const sent = await get(res.headers.location as string);
      expect(sent.statusCode).toBe(200);
      expect(sent.body).toContain('Se l&#39;indirizzo corrisponde a un account, riceverai un&#39;e-mail');

      expect(await smtp.deliver(t.db)).toEqual({ sent: 1, failed: 0 });
      const [mail] = smtp.to(user.email);
      expect(mail).toBeDefined();
      expect(mail!.subject).toBe('WeMi: reimposta la password');
      expect(mail!.from).toBe('noreply@wemi.test');
      expect(mail!.text).toContain('Gentile Chiara Colombo,');
      expect(mail!.text).toContain('Il link vale 60 minuti');
      expect(mail!.text).toContain('WeMi — Comune di Milano');
      const link = linkIn(mail!, `${BASE}/reimposta-password/`);
      expect(link).toMatch(/^http:\/\/wemi\.test:8080\/reimposta-password\/[A-Za-z0-9_-]{43}$/);

      const formPage = await get(pathOf(link));
      expect(formPage.statusCode).toBe(200);
      expect(formPage.body).toContain('Scegli una nuova password');
      expect(formPage.body).toMatch(/<input type="password"[^>]*name="password"/);
      expect(formPage.body).toMatch(/<input type="password"[^>]*name="passwordConfirm"/);
      expect(formPage.body).toContain('Almeno 12 caratteri');
      expect(formPage.body).toContain(`action="${pathOf(link)}"`);
      expect(formPage.headers['referrer-policy']).toBe('no-referrer');

      const done = await post(pathOf(link), { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe('/accedi/credenziali?reimpostata=1');

      const hash = await passwordHashOf(user.id);
      expect(hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(NEW_PASSWORD, hash!)).toBe(true);
      expect(await verifyPassword(user.password, hash!)).toBe(false);
      expect((await t.db.one<{ n: number }>('select count(*)::int as n from user_session where user_id = $1', [user.id])).n).toBe(0);
      expect(oldSessions).toHaveLength(2);
      expect(await t.db.maybeOne('select 1 from auth_throttle where key = $1', [`login:email:${user.email}`])).toBeUndefined();
      expect(await auditOf(user.id, 'auth.reset.request')).toMatchObject([{ ip, details: { outcome: 'sent' } }]);
      expect(await auditOf(user.id, 'auth.reset.complete')).toMatchObject([{ ip, details: { sessionsEnded: 2 } }]);

      // The "password changed" notice.
      await smtp.deliver(t.db);
      const notices = smtp.to(user.email).filter((m) => m.subject === 'WeMi: la tua password è stata cambiata');
      expect(notices).toHaveLength(1);
      expect(notices[0]!.text).toContain(`${BASE}/password-dimenticata`);
      expect(notices[0]!.text).toContain('WeMi — Comune di Milano');

      // The link works once.
      const again = await get(pathOf(link));
      expect(again.statusCode).toBe(410);
      expect(again.body).toContain('Link già usato');
      const reuse = await post(pathOf(link), { password: 'Un-altra-chiave-2026!', passwordConfirm: 'Un-altra-chiave-2026!' });
      expect(reuse.statusCode).toBe(410);
      expect(await verifyPassword(NEW_PASSWORD, (await passwordHashOf(user.id))!)).toBe(true);
    });

    it('gives an unknown address the same answer and sends nothing', async () => {
      const known = await createTestUser(t.db);
      smtp.clear();
      const unknown = 'nessuno-qui@prova.example.org';
      const a = await post('/password-dimenticata', { email: unknown });
      const b = await post('/password-dimenticata', { email: known.email });
      expect(a.statusCode).toBe(b.statusCode);
      expect(a.headers.location).toBe(b.headers.location);
      expect(a.body).toBe(b.body);
      await smtp.deliver(t.db);
      expect(smtp.to(unknown)).toHaveLength(0);
      expect(await queuedCount(t.db, unknown)).toBe(0);
      expect(smtp.to(known.email)).toHaveLength(1);
      const rows = await t.db.query<{ details: { outcome: string } }>(
        `select details from audit_log where action = 'auth.reset.request' and actor_label = $1`,
        [unknown],
      );
      expect(rows).toEqual([{ details: { outcome: 'no_account' } }]);
    });

    it('sends nothing to a suspended or invited account', async () => {
      const suspended = await createTestUser(t.db);
      await t.db.query(`update app_user set status = 'suspended' where id = $1`, [suspended.id]);
      const res = await post('/password-dimenticata', { email: suspended.email });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/password-dimenticata?inviata=1');
      expect(await queuedCount(t.db, suspended.email)).toBe(0);
    });

    it('refuses an expired link with a clear page and a way to ask again', async () => {
      const user = await createTestUser(t.db);
      const link = await resetLinkFor(user.email);
      await t.db.query(`update one_time_token set expires_at = now() - interval '1 minute' where user_id = $1 and purpose = 'reset_password'`, [user.id]);
      const page = await get(pathOf(link));
      expect(page.statusCode).toBe(410);
      expect(page.body).toContain('Link scaduto');
      expect(page.body).toContain('href="/password-dimenticata"');
      expect(page.body).not.toContain('name="password"');
      const res = await post(pathOf(link), { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
      expect(res.statusCode).toBe(410);
      expect(await verifyPassword(user.password, (await passwordHashOf(user.id))!)).toBe(true);
    });

    it('refuses a used link, a link replaced by a newer one, and a made-up link', async () => {
      const user = await createTestUser(t.db);
      const first = await resetLinkFor(user.email);
      const second = await resetLinkFor(user.email);
      expect(second).not.toBe(first);
      const old = await get(pathOf(first));
      expect(old.statusCode).toBe(410);
      expect(old.body).toContain('Link già usato');

      expect((await post(pathOf(second), { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).statusCode).toBe(303);
      const reused = await post(pathOf(second), { password: 'Ancora-un-altra-2026', passwordConfirm: 'Ancora-un-altra-2026' });
      expect(reused.statusCode).toBe(410);
      expect(reused.body).toContain('Link già usato');
      expect(await verifyPassword(NEW_PASSWORD, (await passwordHashOf(user.id))!)).toBe(true);

      for (const bad of ['/reimposta-password/abc', `/reimposta-password/${'A'.repeat(43)}`]) {
        const res = await get(bad);
        expect(res.statusCode, bad).toBe(404);
        expect(res.body).toContain('Link non valido');
      }
    });

    it('applies the password policy: 400, error summary, nothing typed written back, the link still usable', async () => {
      const user = await createTestUser(t.db, { givenName: 'Ottavio', familyName: 'Brambilla' });
      const link = pathOf(await resetLinkFor(user.email));

      const cases: { fields: Record<string, string>; field: string; message: string }[] = [
        { fields: { password: '', passwordConfirm: '' }, field: 'password', message: 'Inserisci la nuova password' },
        { fields: { password: 'Xk9-corta', passwordConfirm: 'Xk9-corta' }, field: 'password', message: 'La password deve avere almeno 12 caratteri' },
        { fields: { password: 'solamenteLettereQui', passwordConfirm: 'solamenteLettereQui' }, field: 'password', message: 'La password è troppo semplice' },
        { fields: { password: 'brambilla-2026-xyz', passwordConfirm: 'brambilla-2026-xyz' }, field: 'password', message: 'non deve contenere il tuo nome' },
        { fields: { password: `${user.email.split('@')[0]}-X9`, passwordConfirm: `${user.email.split('@')[0]}-X9` }, field: 'password', message: 'non deve contenere il tuo nome' },
        { fields: { password: 'Valida-davvero-2026', passwordConfirm: 'Diversa-davvero-2026' }, field: 'passwordConfirm', message: 'Le due password non coincidono' },
      ];
      for (const c of cases) {
        const res = await post(link, c.fields);
        expect(res.statusCode, c.message).toBe(400);
        expect(res.headers['content-type']).toContain('text/html');
        expect(res.body).toContain('id="error-summary"');
        expect(res.body).toContain(`<a href="#${c.field}">`);
        expect(res.body).toContain(c.message);
        expect(res.body).toContain(`id="${c.field}-error"`);
        expect(res.body).toContain('<title>Richiesta non valida: Scegli una nuova password');
        for (const v of Object.values(c.fields)) if (v) expect(res.body).not.toContain(v);
      }
      expect(await verifyPassword(user.password, (await passwordHashOf(user.id))!)).toBe(true);
      expect((await post(link, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).statusCode).toBe(303);
    });

    it('checks the e-mail field: 400 with the summary and the value kept', async () => {
      const empty = await post('/password-dimenticata', { email: '' });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('<a href="#email">Inserisci l&#39;indirizzo e-mail</a>');
      const wrong = await post('/password-dimenticata', { email: 'non-una-email' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('Inserisci un indirizzo e-mail nel formato corretto');
      expect(wrong.body).toContain('value="non-una-email"');
      expect(wrong.body).toContain('aria-invalid="true"');
    });

    it('locks after repeated requests, with the same wording whether or not the account exists', async () => {
      const user = await createTestUser(t.db);
      smtp.clear();
      for (let i = 0; i < 5; i++) expect((await post('/password-dimenticata', { email: user.email })).statusCode).toBe(303);
      const locked = await post('/password-dimenticata', { email: user.email });
      expect(locked.statusCode).toBe(429);
      expect(locked.body).toContain('Hai chiesto troppi link in poco tempo. Per sicurezza attendi 1 minuto e riprova.');
      expect(locked.body).toContain(`value="${user.email}"`);
      await smtp.deliver(t.db);
      expect(smtp.to(user.email)).toHaveLength(5);

      // Same from another address: the lock is on the e-mail.
      const elsewhere = await post('/password-dimenticata', { email: user.email }, { from: '192.0.2.77' });
      expect(elsewhere.statusCode).toBe(429);

      const unknown = 'sconosciuto-lock@prova.example.org';
      for (let i = 0; i < 5; i++) expect((await post('/password-dimenticata', { email: unknown }, { from: '192.0.2.78' })).statusCode).toBe(303);
      const lockedUnknown = await post('/password-dimenticata', { email: unknown }, { from: '192.0.2.78' });
      expect(lockedUnknown.statusCode).toBe(429);
      const alertOf = (html: string) => /<div class="alert alert-warning"[^>]*>([^<]*)<\/div>/.exec(html)?.[1];
      expect(alertOf(lockedUnknown.body)).toBe(alertOf(locked.body));
      expect(await queuedCount(t.db, unknown)).toBe(0);
    });

    it('locks an address that asks for many different accounts', async () => {
      for (let i = 0; i < 20; i++) {
        expect((await post('/password-dimenticata', { email: `giro-${i}@prova.example.org` })).statusCode).toBe(303);
      }
      const locked = await post('/password-dimenticata', { email: 'giro-ultimo@prova.example.org' });
      expect(locked.statusCode).toBe(429);
      expect(locked.body).toContain('Hai chiesto troppi link');
    });
  });

  describe('e-mail verification', () => {
    it('verifies the address from the link in the e-mail, once', async () => {
      const created = await createTestUser(t.db, { givenName: 'Pietro', familyName: 'Galli' });
      await t.db.query('update app_user set email_verified_at = null where id = $1', [created.id]);
      const user = (await findUserById(t.db, created.id))!;
      await t.db.transaction((tx) => sendVerificationEmail(tx, user, BASE, 'it'));
      await smtp.deliver(t.db);
      const mails = smtp.to(created.email).filter((m) => m.subject === 'WeMi: conferma il tuo indirizzo e-mail');
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain('Gentile Pietro Galli,');
      expect(mails[0]!.text).toContain('Il link vale 24 ore');
      expect(mails[0]!.text).toContain('WeMi — Comune di Milano');
      const link = pathOf(linkIn(mails[0]!, `${BASE}/verifica-email/`));

      const res = await get(link);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Indirizzo e-mail verificato');
      expect(res.body).toContain(`l&#39;indirizzo ${created.email} è verificato`);
      const row = await t.db.one<{ verified: boolean }>('select email_verified_at is not null as verified from app_user where id = $1', [created.id]);
      expect(row.verified).toBe(true);
      expect(await auditOf(created.id, 'auth.email.verified')).toHaveLength(1);

      // Opened again (or first by a mail scanner): already verified, no second audit row.
      const again = await get(link);
      expect(again.statusCode).toBe(200);
      expect(again.body).toContain('è già verificato');
      expect(await auditOf(created.id, 'auth.email.verified')).toHaveLength(1);
    });

    it('refuses an expired or made-up verification link', async () => {
      const created = await createTestUser(t.db);
      await t.db.query('update app_user set email_verified_at = null where id = $1', [created.id]);
      await t.db.transaction(async (tx) => sendVerificationEmail(tx, (await findUserById(tx, created.id))!, BASE, 'en'));
      await smtp.deliver(t.db);
      const mail = smtp.to(created.email).find((m) => m.subject === 'WeMi: confirm your e-mail address');
      expect(mail?.text).toContain('The link is valid for 24 hours');
      await t.db.query(`update one_time_token set expires_at = now() - interval '1 second' where user_id = $1 and purpose = 'verify_email'`, [created.id]);
      const expired = await get(pathOf(linkIn(mail!, `${BASE}/verifica-email/`)));
      expect(expired.statusCode).toBe(410);
      expect(expired.body).toContain('Link scaduto');
      expect((await t.db.one<{ v: boolean }>('select email_verified_at is not null as v from app_user where id = $1', [created.id])).v).toBe(false);

      const madeUp = await get('/verifica-email/nonesiste');
      expect(madeUp.statusCode).toBe(404);
      expect(madeUp.body).toContain('Link non valido');
    });
  });

  describe('invitations', () => {
    it('lets an invited person activate the account: roles, verified e-mail, privacy, session started', async () => {
      const admin = await createTestUser(t.db, { kind: 'staff', givenName: 'Giulia', familyName: 'Bianchi', roles: [{ role: 'city', permission: 'users' }] });
      const org = await activeOrganization();
      const email = 'luca.verdi.invito@prova.example.org';
      const result = await invite({ email, kind: 'ente', givenName: 'Luca', familyName: 'Verdi', roles: [{ role: 'ente_operator', organizationId: org.id }], invitedBy: admin.id });
      expect(result).toMatchObject({ outcome: 'invited', created: true });
      const userId = result.userId;
      expect((await findUserById(t.db, userId))).toMatchObject({ status: 'invited', kind: 'ente', password_hash: null, email });

      await smtp.deliver(t.db);
      const [mail] = smtp.to(email);
      expect(mail!.subject).toBe('Invito a WeMi — Comune di Milano');
      expect(mail!.text).toContain('Gentile Luca Verdi,');
      expect(mail!.text).toContain('Giulia Bianchi ti ha invitato');
      expect(mail!.text).toContain(`Operatore dell'ente ${org.name}`);
      expect(mail!.text).toContain('Il link vale 7 giorni');
      expect(mail!.text).toContain('WeMi — Comune di Milano');
      const link = pathOf(linkIn(mail!, `${BASE}/invito/`));

      const page = await get(link);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Attiva il tuo account WeMi');
      expect(page.body).toContain(`Giulia Bianchi ti ha invitato a usare WeMi con l&#39;indirizzo ${email}`);
      expect(page.body).toContain('Operatore dell&#39;ente');
      expect(page.body).toMatch(/name="givenName" value="Luca"/);
      expect(page.body).toMatch(/name="familyName" value="Verdi"/);
      expect(page.body).toMatch(/<input class="form-check-input" type="checkbox" id="privacy" name="privacy"/);
      expect(page.body).toContain('href="/privacy"');

      const bad = await post(link, { givenName: 'Luca', familyName: '', password: 'breve', passwordConfirm: 'breve' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('<a href="#familyName">Inserisci il tuo cognome</a>');
      expect(bad.body).toContain('<a href="#password">La password deve avere almeno 12 caratteri</a>');
      expect(bad.body).toContain('<a href="#privacy">');
      expect(bad.body).toMatch(/name="givenName" value="Luca"/);
      expect(bad.body).not.toContain('breve');
      expect((await findUserById(t.db, userId))!.status).toBe('invited');

      const ok = await post(link, { givenName: 'Luca', familyName: 'Verdi Rossi', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD, privacy: '1' });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/area-personale');
      const cookie = [ok.headers['set-cookie']].flat().find((c) => String(c).startsWith('wemi_session='));
      expect(cookie).toBeDefined();

      const user = (await findUserById(t.db, userId))!;
      expect(user).toMatchObject({ status: 'active', given_name: 'Luca', family_name: 'Verdi Rossi', privacy_version: PRIVACY_VERSION });
      expect(user.email_verified_at).not.toBeNull();
      expect(user.privacy_accepted_at).not.toBeNull();
      expect(await verifyPassword(NEW_PASSWORD, user.password_hash!)).toBe(true);
      const roles = await t.db.query<{ role: string; organization_id: string; granted_by: string }>(
        'select role, organization_id, granted_by from user_role where user_id = $1 and revoked_at is null',
        [userId],
      );
      expect(roles).toEqual([{ role: 'ente_operator', organization_id: org.id, granted_by: admin.id }]);
      // The cookie set is the session stored for the person.
      const sessionId = String(cookie).split(';')[0]!.slice('wemi_session='.length);
      const sessions = await t.db.query<{ id_hash: string; method: string; mfa_pending: boolean }>(
        'select id_hash, method, mfa_pending from user_session where user_id = $1',
        [userId],
      );
      expect(sessions).toEqual([{ id_hash: hashId(sessionId), method: 'invitation', mfa_pending: false }]);
      expect(await auditOf(userId, 'auth.invitation.accept')).toHaveLength(1);

      const reused = await get(link);
      expect(reused.statusCode).toBe(410);
      expect(reused.body).toContain('Link già usato');
    });

    it('sends invited City staff on to the second factor', async () => {
      const email = 'anna.ferri.comune@prova.example.org';
      const result = await invite({ email, kind: 'staff', givenName: 'Anna', familyName: 'Ferri', roles: [{ role: 'city', permission: 'content' }], invitedBy: null });
      expect(result.outcome).toBe('invited');
      await smtp.deliver(t.db);
      const mail = smtp.to(email)[0]!;
      expect(mail.text).toContain('Il Comune di Milano ti ha invitato');
      expect(mail.text).toContain('Personale del Comune di Milano: gestione dei contenuti');
      const link = pathOf(linkIn(mail, `${BASE}/invito/`));
      const ok = await post(link, { givenName: 'Anna', familyName: 'Ferri', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD, privacy: '1' });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toMatch(/^\/accedi\/verifica\?ritorno=%2Farea-personale$/);
      const sessions = await t.db.query<{ mfa_pending: boolean }>('select mfa_pending from user_session where user_id = $1', [result.userId]);
      expect(sessions).toEqual([{ mfa_pending: true }]);
    });

    it('adds the roles to an existing account, once, and tells the person without a link to activate', async () => {
      const existing = await createTestUser(t.db, { givenName: 'Marco', familyName: 'Sala' });
      const org = await activeOrganization();
      const admin = await createTestUser(t.db, { kind: 'staff', givenName: 'Elena', familyName: 'Neri', roles: [{ role: 'city', permission: 'users' }] });
      smtp.clear();
      const result = await invite({
        email: existing.email.toUpperCase(),
        kind: 'ente',
        givenName: 'Altro',
        familyName: 'Nome',
        roles: [{ role: 'ente_admin', organizationId: org.id }],
        invitedBy: admin.id,
      });
      expect(result).toMatchObject({ outcome: 'roles_added', userId: existing.id });
      const user = (await findUserById(t.db, existing.id))!;
      expect(user).toMatchObject({ status: 'active', kind: 'citizen', given_name: 'Marco', family_name: 'Sala' });
      expect(await verifyPassword(existing.password, user.password_hash!)).toBe(true);
      const roles = await t.db.query<{ role: string }>('select role from user_role where user_id = $1 and revoked_at is null order by role', [existing.id]);
      expect(roles.map((r) => r.role)).toEqual(['citizen', 'ente_admin']);
      expect(await t.db.maybeOne(`select 1 from one_time_token where user_id = $1 and purpose = 'invitation'`, [existing.id])).toBeUndefined();

      await smtp.deliver(t.db);
      const mails = smtp.to(existing.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe('WeMi: nuovi ruoli sul tuo account');
      expect(mails[0]!.text).toContain('Gentile Marco Sala,');
      expect(mails[0]!.text).toContain(`Amministratore dell'ente ${org.name}`);
      expect(mails[0]!.text).not.toContain('Cittadino');
      expect(mails[0]!.text).toContain(`${BASE}/accedi`);
      expect(mails[0]!.text).not.toContain('/invito/');

      // The same invitation again grants nothing twice and sends nothing.
      const again = await invite({ email: existing.email, kind: 'ente', givenName: '', familyName: '', roles: [{ role: 'ente_admin', organizationId: org.id }], invitedBy: admin.id });
      expect(again).toMatchObject({ outcome: 'roles_added', roleIds: [] });
      expect(await queuedCount(t.db, existing.email)).toBe(1);
    });

    it('re-invites a person who has not accepted yet (the older link dies) and refuses suspended accounts', async () => {
      const email = 'reinvito@prova.example.org';
      const first = await invite({ email, kind: 'ente', givenName: 'Sara', familyName: 'Riva', roles: [], invitedBy: null });
      await smtp.deliver(t.db);
      const oldLink = pathOf(linkIn(smtp.to(email)[0]!, `${BASE}/invito/`));
      const second = await invite({ email, kind: 'ente', givenName: 'Sara', familyName: 'Riva Longo', roles: [], invitedBy: null });
      expect(second).toMatchObject({ outcome: 'invited', created: false, userId: first.userId });
      await smtp.deliver(t.db);
      const newLink = pathOf(linkIn(smtp.to(email)[1]!, `${BASE}/invito/`));
      expect((await get(oldLink)).statusCode).toBe(410);
      const page = await get(newLink);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Al momento non ti è stato assegnato alcun ruolo.');
      expect(page.body).toMatch(/name="familyName" value="Riva Longo"/);

      const suspended = await createTestUser(t.db);
      await t.db.query(`update app_user set status = 'suspended' where id = $1`, [suspended.id]);
      const refused = await invite({ email: suspended.email, kind: 'ente', givenName: '', familyName: '', roles: [{ role: 'worker' }], invitedBy: null });
      expect(refused).toMatchObject({ outcome: 'unavailable', status: 'suspended' });
      expect(await t.db.maybeOne(`select 1 from user_role where user_id = $1 and role = 'worker'`, [suspended.id])).toBeUndefined();
    });

    it('refuses an expired invitation', async () => {
      const email = 'scaduto.invito@prova.example.org';
      const result = await invite({ email, kind: 'ente', givenName: 'Ivo', familyName: 'Monti', roles: [], invitedBy: null });
      await smtp.deliver(t.db);
      const link = pathOf(linkIn(smtp.to(email)[0]!, `${BASE}/invito/`));
      await t.db.query(`update one_time_token set expires_at = now() - interval '1 minute' where user_id = $1`, [result.userId]);
      const page = await get(link);
      expect(page.statusCode).toBe(410);
      expect(page.body).toContain('Link scaduto');
      expect(page.body).toContain('href="/accedi"');
      const res = await post(link, { givenName: 'Ivo', familyName: 'Monti', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD, privacy: '1' });
      expect(res.statusCode).toBe(410);
      expect((await findUserById(t.db, result.userId))!.status).toBe('invited');
    });
  });

  it('refuses every POST without the CSRF token (403) and changes nothing', async () => {
    const user = await createTestUser(t.db);
    const link = pathOf(await resetLinkFor(user.email));
    const queued = await queuedCount(t.db, user.email);
    const forgot = await post('/password-dimenticata', { email: user.email }, { withToken: false });
    expect(forgot.statusCode).toBe(403);
    expect(await queuedCount(t.db, user.email)).toBe(queued);
    const reset = await post(link, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, { withToken: false });
    expect(reset.statusCode).toBe(403);
    expect(await verifyPassword(user.password, (await passwordHashOf(user.id))!)).toBe(true);
    const invitation = await post('/invito/abc', { givenName: 'X' }, { withToken: false });
    expect(invitation.statusCode).toBe(403);
    // The link is still good after the refused attempt.
    expect((await get(link)).statusCode).toBe(200);
  });

  it('speaks English when the visitor chose it', async () => {
    const res = await get('/password-dimenticata?lang=en');
    expect(res.body).toContain('Forgotten password');
    expect(res.body).toContain('Send the link');
  });
});
