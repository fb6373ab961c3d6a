import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PRIVACY_VERSION } from '../../src/features/accounts/login.service';
import { verifyPassword } from '../../src/features/accounts/password';
import { createTestApp, csrfFor, type TestApp } from '../support/app';
import { authWith, createTestUser, sessionCookieFor } from '../support/accounts';
import { auditRows } from '../support/audit';
import { decode } from '../support/html';
import { pathOf, postForm, visitorRequests } from '../support/http';
import { queuedCount } from '../support/outbox';
import { linkIn, startTestSmtp, type TestSmtp } from '../support/smtp';

// Citizens' self-registration (/registrati, with CITIZEN_PASSWORD_LOGIN on): the form's checks, the new
// unverified account and its verification e-mail, the same answer for an address that already has an
// account (which gets an "account exists" e-mail instead), the limits per e-mail and per IP address, the
// audit rows, and the login once the address is verified. Mail is delivered by the outbox worker to a real
// SMTP server started here.

const BASE = 'http://wemi.test:8080';
const PASSWORD = 'Girasole-Navigli-2026!';

let counter = 0;
/** A fresh address for each registration. */
const newEmail = () => `cittadina${++counter}-${Date.now().toString(36)}@prova.example.org`;

const fields = (over: Record<string, string> = {}) => ({
  givenName: 'Lucia',
  familyName: 'Brambilla',
  email: newEmail(),
  password: PASSWORD,
  passwordConfirm: PASSWORD,
  privacy: '1',
  ...over,
});

describe('registration when citizens cannot log in with a password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(async () => t?.close());

  it('has no registration page (404) and creates nothing', async () => {
    const csrf = await csrfFor(t.app);
    expect((await t.app.inject({ method: 'GET', url: '/registrati' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/registrati?inviata=1' })).statusCode).toBe(404);
    const email = newEmail();
    const res = await postForm(t.app, '/registrati', fields({ email }), csrf);
    expect(res.statusCode).toBe(404);
    expect(await t.db.maybeOne('select 1 from app_user where email = $1', [email])).toBeUndefined();
    expect((await t.db.one<{ n: number }>('select count(*)::int as n from email_outbox')).n).toBe(0);
    // The login page offers no registration either.
    expect((await t.app.inject({ method: 'GET', url: '/accedi' })).body).not.toContain('href="/registrati"');
  });
});

describe('citizens register with e-mail and password', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let csrf: { cookie: string; token: string };
  let ipCounter = 0;
  /** Each test registers from its own address, so the per-IP limit of one test does not reach another. */
  let ip = '10.1.0.1';

  beforeAll(async () => {
    t = await createTestApp({ seed: false, env: { CITIZEN_PASSWORD_LOGIN: 'true', PUBLIC_BASE_URL: BASE } });
    smtp = await startTestSmtp();
    csrf = await csrfFor(t.app);
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });
  it('is offered on the login page', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/accedi' });
    expect(page.body).toContain('href="/registrati"');
    expect(page.body).toContain('Registrati con e-mail e password');
  });

  beforeEach(() => {
    ipCounter++;
    ip = `10.1.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
  });

  const { get, post } = visitorRequests(() => t.app, () => csrf, () => ip);
  const register = (body: Record<string, string>, from?: string) => post('/registrati', body, from ? { from } : {});
  const accountsWith = async (email: string) =>
    (await t.db.one<{ n: number }>('select count(*)::int as n from app_user where email = $1', [email.toLowerCase()])).n;
  const auditFor = (actorLabel: string) => auditRows(t.db, { actorLabel });
  /** Delivers the whole queue (the worker takes a batch at a time; earlier tests leave mail queued). */
  const deliverAll = async () => {
    while ((await smtp.deliver(t.db)).sent > 0);
  };
  /** Every audit row written for an address, as text (to look for what must never be there). */
  const auditText = async (actorLabel: string) => JSON.stringify(await auditFor(actorLabel));
  /** The error summary's messages, in order. */
  const summary = (html: string) =>
    [...(/<div class="alert alert-danger wemi-error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '').matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map(
      (m) => `${m[1]}: ${decode(m[2]!)}`,
    );

  it('shows the form: names, e-mail, password twice, the privacy notice, the way to SPID/CIE', async () => {
    const res = await get('/registrati');
    expect(res.statusCode).toBe(200);
    const html = decode(res.body);
    expect(html).toContain('<h1 class="title-xxxlarge"');
    expect(html).toContain('Registrati');
    expect(html).toContain('action="/registrati"');
    expect(html).toContain('name="_csrf"');
    expect(html).toMatch(/<input type="text"[^>]*name="givenName"[^>]*autocomplete="given-name"/);
    expect(html).toMatch(/<input type="text"[^>]*name="familyName"[^>]*autocomplete="family-name"/);
    expect(html).toMatch(/<input type="email"[^>]*name="email"[^>]*autocomplete="email"/);
    expect(html).toMatch(/<input type="password"[^>]*name="password"[^>]*autocomplete="new-password"/);
    expect(html).toMatch(/<input type="password"[^>]*name="passwordConfirm"[^>]*autocomplete="new-password"/);
    expect(html).toContain('Almeno 12 caratteri');
    expect(html).toMatch(/<input class="form-check-input" type="checkbox" id="privacy" name="privacy"/);
    expect(html).toContain(`Dichiaro di aver letto l'informativa sul trattamento dei dati personali (versione ${PRIVACY_VERSION})`);
    expect(html).toContain('href="/privacy"');
    expect(html).toContain('Hai SPID o CIE?');
    expect(html).toContain('href="/accedi"');
  });

  it('sends a logged-in person to the personal area', async () => {
    const u = await createTestUser(t.db);
    // The token of a page this signed-in browser sees (bound to its session).
    const auth = await authWith(t.app, await sessionCookieFor(t.db, u.id));
    const page = await get('/registrati', auth.cookie);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/area-personale');
    const email = newEmail();
    const res = await postForm(t.app, '/registrati', fields({ email }), auth, { ip });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/area-personale');
    expect(await accountsWith(email)).toBe(0);
  });

  it('lists every missing field in the error summary, in the order of the form, and records the attempt', async () => {
    const res = await register({});
    expect(res.statusCode).toBe(400);
    const html = decode(res.body);
    expect(html).toContain('<title>Richiesta non valida: Registrati |');
    expect(summary(html)).toEqual([
      'givenName: Inserisci il tuo nome',
      'familyName: Inserisci il tuo cognome',
      "email: Inserisci l'indirizzo e-mail",
      'password: Inserisci la nuova password',
      'passwordConfirm: Ripeti la nuova password',
      "privacy: Per creare l'account devi dichiarare di aver letto l'informativa privacy",
    ]);
    expect(html).toContain('id="givenName-error"');
    expect(html).toMatch(/id="privacy"[^>]*aria-invalid="true"/);
    const rows = await t.db.query<{ details: { fields: string[] }; ip: string }>(
      `select details, ip from audit_log where action = 'auth.register.invalid' and ip = $1`,
      [ip],
    );
    expect(rows).toEqual([{ ip, details: { fields: ['givenName', 'familyName', 'email', 'password', 'passwordConfirm', 'privacy'] } }]);
  });

  it('keeps what was typed on error, but never the passwords', async () => {
    const email = newEmail();
    const res = await register(fields({ email: `  ${email} `, givenName: '  Lucia   Maria ', passwordConfirm: 'Un-altra-password-99', privacy: '1' }));
    expect(res.statusCode).toBe(400);
    const html = decode(res.body);
    expect(summary(html)).toEqual(['passwordConfirm: Le due password non coincidono']);
    expect(html).toMatch(/name="givenName" value="Lucia Maria"/);
    expect(html).toMatch(/name="familyName" value="Brambilla"/);
    expect(html).toContain(`name="email" value="${email}"`);
    expect(html).toMatch(/id="privacy" name="privacy" value="1" checked/);
    expect(html).not.toContain(PASSWORD);
    expect(html).not.toContain('Un-altra-password-99');
    expect(html).toMatch(/name="password" value=""/);
    expect(html).toMatch(/name="passwordConfirm" value=""/);
    expect(await accountsWith(email)).toBe(0);
    expect(await auditText(email)).not.toContain('Girasole');
    expect(await auditFor(email)).toMatchObject([{ action: 'auth.register.invalid', details: { fields: ['passwordConfirm'] } }]);
  });

  it('refuses a malformed e-mail address and a name that is too long', async () => {
    const res = await register(fields({ email: 'lucia.brambilla@', familyName: 'B'.repeat(101) }));
    expect(res.statusCode).toBe(400);
    expect(summary(decode(res.body))).toEqual([
      'familyName: Il testo è troppo lungo (massimo 100 caratteri)',
      'email: Inserisci un indirizzo e-mail nel formato corretto, come nome@esempio.it',
    ]);
    expect(decode(res.body)).toContain('name="email" value="lucia.brambilla@"');
  });

  it('refuses weak passwords with the password policy', async () => {
    const cases: [string, string][] = [
      ['Corta-1!', 'La password deve avere almeno 12 caratteri'],
      ['SoloLettereMaiuscoleEminuscole', 'La password è troppo semplice: aggiungi numeri o simboli e non usare sequenze comuni'],
      ['1234567890abc', 'La password è troppo semplice: aggiungi numeri o simboli e non usare sequenze comuni'],
      ['Brambilla-2026-casa', 'La password non deve contenere il tuo nome o il tuo indirizzo e-mail'],
      [`${'x1'.repeat(65)}`, 'La password può avere al massimo 128 caratteri'],
    ];
    for (const [password, message] of cases) {
      const email = newEmail();
      const res = await register(fields({ email, password, passwordConfirm: password }));
      expect(res.statusCode, password).toBe(400);
      expect(summary(decode(res.body)), password).toEqual([`password: ${message}`]);
      expect(await accountsWith(email)).toBe(0);
    }
    // The local part of the e-mail address counts as personal too.
    const res = await register(fields({ email: 'girasoli.blu@prova.example.org', password: 'girasoli-2026-blu', passwordConfirm: 'girasoli-2026-blu' }));
    expect(summary(decode(res.body))).toEqual(['password: La password non deve contenere il tuo nome o il tuo indirizzo e-mail']);
  });

  it('refuses a registration without the privacy notice accepted, keeping the rest', async () => {
    const email = newEmail();
    const { privacy: _privacy, ...rest } = fields({ email });
    const res = await register(rest);
    expect(res.statusCode).toBe(400);
    const html = decode(res.body);
    expect(summary(html)).toEqual(["privacy: Per creare l'account devi dichiarare di aver letto l'informativa privacy"]);
    expect(html).toContain(`name="email" value="${email}"`);
    expect(html).not.toMatch(/id="privacy" name="privacy" value="1" checked/);
    expect(await accountsWith(email)).toBe(0);
    expect(await queuedCount(t.db, email)).toBe(0);
  });

  it('refuses a form without the CSRF token', async () => {
    const email = newEmail();
    const res = await post('/registrati', fields({ email }), { withToken: false });
    expect(res.statusCode).toBe(403);
    expect(await accountsWith(email)).toBe(0);
  });

  it('creates an unverified citizen account and sends the verification link; once verified, the citizen logs in', async () => {
    const email = newEmail();
    smtp.clear();
    const res = await register(fields({ email: `  ${email.toUpperCase()} `, givenName: 'Lucia', familyName: 'Brambilla' }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/registrati?inviata=1');
    const sent = await get(res.headers.location as string);
    expect(sent.statusCode).toBe(200);
    expect(decode(sent.body)).toContain('Controlla la tua casella di posta');
    expect(decode(sent.body)).toContain("apri il link nell'e-mail entro 24 ore per confermare l'indirizzo");

    const user = await t.db.one<{
      id: string;
      kind: string;
      status: string;
      email_verified_at: Date | null;
      password_hash: string;
      given_name: string;
      family_name: string;
      privacy_version: string | null;
      privacy_accepted_at: Date | null;
    }>('select id, kind, status, email_verified_at, password_hash, given_name, family_name, privacy_version, privacy_accepted_at from app_user where email = $1', [email]);
    expect(user).toMatchObject({ kind: 'citizen', status: 'active', email_verified_at: null, given_name: 'Lucia', family_name: 'Brambilla', privacy_version: PRIVACY_VERSION });
    expect(user.privacy_accepted_at).not.toBeNull();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(PASSWORD, user.password_hash)).toBe(true);
    const roles = await t.db.query<{ role: string }>('select role from user_role where user_id = $1 and revoked_at is null', [user.id]);
    expect(roles).toEqual([{ role: 'citizen' }]);

    // Audit: the registration and the privacy acceptance, as the personal area records it; no password.
    expect(await auditFor(email)).toMatchObject([
      { action: 'auth.register', actor_id: user.id, target_id: user.id, ip, details: { outcome: 'created' } },
      { action: 'privacy.accept', actor_id: user.id, target_id: user.id, ip, details: { version: PRIVACY_VERSION, previous: null } },
    ]);
    expect(await auditText(email)).not.toContain('Girasole');

    // The verification e-mail, as the mailbox receives it.
    await deliverAll();
    expect(smtp.to(email)).toHaveLength(1);
    const [mail] = smtp.to(email);
    expect(mail!.subject).toBe('WeMi: conferma il tuo indirizzo e-mail');
    expect(mail!.text).toContain('Gentile Lucia Brambilla,');
    const link = linkIn(mail!, `${BASE}/verifica-email/`);
    expect(link).toMatch(/^http:\/\/wemi\.test:8080\/verifica-email\/[A-Za-z0-9_-]{43}$/);

    const verified = await get(pathOf(link));
    expect(verified.statusCode).toBe(200);
    expect(decode(verified.body)).toContain(`Grazie: l'indirizzo ${email} è verificato.`);
    expect((await t.db.one<{ at: Date | null }>('select email_verified_at as at from app_user where id = $1', [user.id])).at).not.toBeNull();

    // The password login now works, straight to the personal area (the privacy notice is accepted already).
    const login = await post('/accedi/credenziali', { email, password: PASSWORD });
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/area-personale');
    const session = [login.headers['set-cookie']].flat().map(String).find((c) => c.startsWith('wemi_session='));
    expect(session).toBeDefined();
    const area = await get('/area-personale', session!.split(';')[0]!);
    expect(area.statusCode).toBe(200);
    expect(area.body).toContain('Lucia Brambilla');
  });

  it('refuses the password login until the address is verified, and sends the link again at most every 10 minutes', async () => {
    const email = newEmail();
    expect((await register(fields({ email }))).statusCode).toBe(303);
    const links = async () => (await t.db.one<{ n: number }>(`select count(*)::int as n from one_time_token k join app_user u on u.id = k.user_id where u.email = $1 and k.purpose = 'verify_email'`, [email])).n;
    expect(await links()).toBe(1);
    // The link was sent just now: the refused login says why, and sends no second one yet.
    const login = await post('/accedi/credenziali', { email, password: PASSWORD });
    expect(login.statusCode).toBe(400);
    expect(decode(login.body)).toContain('conferma il tuo indirizzo e-mail');
    expect(await links()).toBe(1);
    expect((await t.db.one<{ n: number }>('select count(*)::int as n from user_session s join app_user u on u.id = s.user_id where u.email = $1', [email])).n).toBe(0);
    // Ten minutes later, a refused login sends a fresh link.
    await t.db.query(`update one_time_token set created_at = created_at - interval '11 minutes' where user_id = (select id from app_user where email = $1)`, [email]);
    expect((await post('/accedi/credenziali', { email, password: PASSWORD })).statusCode).toBe(400);
    expect(await links()).toBe(2);
    // A wrong password still gets the generic answer: nothing about the address is revealed.
    const wrong = await post('/accedi/credenziali', { email, password: `${PASSWORD}x` });
    expect(decode(wrong.body)).toContain('E-mail o password non corretti');
    expect(decode(wrong.body)).not.toContain('conferma il tuo indirizzo');
  });

  it('gives an address that already has an account the same answer, creates nothing and e-mails the owner', async () => {
    const owner = await createTestUser(t.db, { givenName: 'Carla', familyName: 'Sironi' });
    const before = await t.db.one<{ password_hash: string; given_name: string }>('select password_hash, given_name from app_user where id = $1', [owner.id]);
    const fresh = newEmail();
    smtp.clear();

    const a = await register(fields({ email: fresh }));
    const b = await register(fields({ email: owner.email.toUpperCase(), givenName: 'Intrusa', familyName: 'Qualunque' }));
    expect(b.statusCode).toBe(a.statusCode);
    expect(b.headers.location).toBe(a.headers.location);
    expect(b.body).toBe(a.body);
    expect(b.headers['set-cookie']).toEqual(a.headers['set-cookie']);

    // No second account, nothing changed on the existing one.
    expect(await accountsWith(owner.email)).toBe(1);
    const after = await t.db.one<{ password_hash: string; given_name: string }>('select password_hash, given_name from app_user where id = $1', [owner.id]);
    expect(after).toEqual(before);

    await deliverAll();
    const mails = smtp.to(owner.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('WeMi: hai già un account');
    expect(mails[0]!.text).toContain('Gentile Carla Sironi,');
    expect(mails[0]!.text).toContain(`Con questo indirizzo esiste già un account: non ne abbiamo creato un altro`);
    expect(mails[0]!.text).toContain(`Per accedere apri questa pagina:\n${BASE}/accedi\n`);
    expect(mails[0]!.text).toContain(`puoi sceglierne una nuova da qui:\n${BASE}/password-dimenticata\n`);
    expect(mails[0]!.text).not.toContain('/verifica-email/');
    expect(await t.db.maybeOne(`select 1 from one_time_token where user_id = $1`, [owner.id])).toBeUndefined();
    expect(smtp.to(fresh).map((m) => m.subject)).toEqual(['WeMi: conferma il tuo indirizzo e-mail']);

    expect(await auditFor(owner.email)).toMatchObject([{ action: 'auth.register', actor_id: null, target_id: owner.id, ip, details: { outcome: 'exists' } }]);
    expect(await auditText(owner.email)).not.toContain('Girasole');

    // Registering the same new address again: still one account, and now the "account exists" e-mail.
    const again = await register(fields({ email: fresh }));
    expect(again.headers.location).toBe('/registrati?inviata=1');
    expect(await accountsWith(fresh)).toBe(1);
    await deliverAll();
    expect(smtp.to(fresh).map((m) => m.subject)).toEqual(['WeMi: conferma il tuo indirizzo e-mail', 'WeMi: hai già un account']);
  });

  it('creates one account when the same new address is registered twice at once', async () => {
    const email = newEmail();
    const [a, b] = await Promise.all([register(fields({ email }), '198.51.100.40'), register(fields({ email }), '198.51.100.41')]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(a.headers.location).toBe(b.headers.location);
    expect(await accountsWith(email)).toBe(1);
    const outcomes = (await auditFor(email)).filter((r) => r.action === 'auth.register').map((r) => r.details.outcome);
    expect(outcomes.sort()).toEqual(['created', 'exists']);
  });

  it('sends nothing to an invited or suspended account, with the same answer', async () => {
    const suspended = await createTestUser(t.db);
    await t.db.query(`update app_user set status = 'suspended' where id = $1`, [suspended.id]);
    const invited = await createTestUser(t.db);
    await t.db.query(`update app_user set status = 'invited' where id = $1`, [invited.id]);
    for (const u of [suspended, invited]) {
      const res = await register(fields({ email: u.email }));
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/registrati?inviata=1');
      expect(await queuedCount(t.db, u.email)).toBe(0);
      expect(await accountsWith(u.email)).toBe(1);
    }
    expect(await auditFor(suspended.email)).toMatchObject([{ action: 'auth.register', details: { outcome: 'unavailable', status: 'suspended' } }]);
    expect(await auditFor(invited.email)).toMatchObject([{ action: 'auth.register', details: { outcome: 'unavailable', status: 'invited' } }]);
  });

  it('limits registrations per e-mail address, whoever asks, with a clear message', async () => {
    const email = newEmail();
    // Five attempts for one address, from five places: the account is created once, the rest are "exists".
    for (let i = 1; i <= 5; i++) {
      const res = await register(fields({ email }), `198.51.100.${i}`);
      expect(res.statusCode, `attempt ${i}`).toBe(303);
    }
    const locked = await register(fields({ email, givenName: 'Giovanna' }), '198.51.100.6');
    expect(locked.statusCode).toBe(429);
    const html = decode(locked.body);
    expect(html).toContain('Ci sono state troppe richieste di registrazione in poco tempo. Per sicurezza attendi 1 minuto e riprova.');
    expect(html).toContain(`name="email" value="${email}"`);
    expect(html).toContain('name="givenName" value="Giovanna"');
    expect(html).not.toContain(PASSWORD);
    expect(await accountsWith(email)).toBe(1);
    expect(await queuedCount(t.db, email)).toBe(5);
    const actions = (await auditFor(email)).map((r) => `${r.action}${r.details.outcome ? `:${r.details.outcome}` : ''}`);
    expect(actions).toEqual([
      'auth.register:created',
      'privacy.accept',
      'auth.register:exists',
      'auth.register:exists',
      'auth.register:exists',
      'auth.register:exists',
      'auth.register.locked',
    ]);
  });

  it('limits registrations per IP address, whatever the e-mail', async () => {
    const from = '203.0.113.9';
    for (let i = 1; i <= 20; i++) {
      const res = await register(fields(), from);
      expect(res.statusCode, `attempt ${i}`).toBe(303);
    }
    const email = newEmail();
    const locked = await register(fields({ email }), from);
    expect(locked.statusCode).toBe(429);
    expect(decode(locked.body)).toContain('Ci sono state troppe richieste di registrazione in poco tempo');
    expect(await accountsWith(email)).toBe(0);
    expect(await queuedCount(t.db, email)).toBe(0);
    expect(await auditFor(email)).toMatchObject([{ action: 'auth.register.locked', ip: from }]);
    // Another address is not affected.
    expect((await register(fields({ email }), '203.0.113.10')).statusCode).toBe(303);
    expect(await accountsWith(email)).toBe(1);
  });

  it('speaks English on the English site, e-mails included', async () => {
    const page = await get('/registrati?lang=en');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Create the account');
    const owner = await createTestUser(t.db, { givenName: 'Carla', familyName: 'Sironi' });
    smtp.clear();
    const res = await post('/registrati', fields({ email: owner.email }), { cookie: `${csrf.cookie}; wemi_lang=en` });
    expect(res.statusCode).toBe(303);
    expect(decode((await get(res.headers.location as string, `${csrf.cookie}; wemi_lang=en`)).body)).toContain('Check your mailbox');
    await deliverAll();
    const [mail] = smtp.to(owner.email);
    expect(mail!.subject).toBe('WeMi: you already have an account');
    expect(mail!.text).toContain('Dear Carla Sironi,');
  });
});
