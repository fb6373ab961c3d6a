import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { createTestUser, type TestUser } from '../support/accounts';
import { auditRows } from '../support/audit';
import { decode, text } from '../support/html';
import { form, pathOf } from '../support/http';
import { linkInQueuedMail, queuedMail } from '../support/outbox';

// Lockout that an attacker cannot turn against the owner (issue 10, finding 9; decision 0004). Every test uses
// browsers of its own — a cookie jar (the CSRF cookie and the long-lived device cookie the login page sets) and an
// IP address — as people on different networks and devices would.

const LOGIN = '/accedi/credenziali';
const UNLOCK = '/accedi/sblocco';

/** A browser: its cookies, the CSRF token of the last form it was shown, its IP address. */
class Browser {
  readonly jar = new Map<string, string>();
  token = '';
  constructor(
    private readonly t: () => TestApp,
    public ip: string,
  ) {}

  private absorb(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const line of [res.headers['set-cookie']].flat().filter(Boolean).map(String)) {
      const [pair] = line.split(';');
      const name = pair!.slice(0, pair!.indexOf('='));
      const value = pair!.slice(pair!.indexOf('=') + 1);
      if (!value || /max-age=0/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    const token = res.body.match(/name="_csrf" value="([^"]+)"/);
    if (token) this.token = token[1]!;
    return res;
  }

  get cookie() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string) {
    return this.absorb(await this.t().app.inject({ method: 'GET', url, headers: { cookie: this.cookie }, remoteAddress: this.ip }));
  }

  async post(url: string, fields: Record<string, string>) {
    if (!this.token) await this.get(LOGIN);
    return this.absorb(
      await this.t().app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ _csrf: this.token, ...fields }),
        remoteAddress: this.ip,
      }),
    );
  }

  /** Opens the login form (the device cookie is set) and sends the e-mail and password. */
  async logIn(email: string, password: string) {
    await this.get(LOGIN);
    return this.post(LOGIN, { email, password });
  }

  get signedIn() {
    return this.jar.has('wemi_session');
  }

  /** As after closing the browser's session: the device cookie stays. */
  forgetSession() {
    this.jar.delete('wemi_session');
  }
}

/** The visible text of the error summary of a page. */
const errorsOf = (res: LightMyRequestResponse) => text(res.body.match(/<div[^>]*id="error-summary"[\s\S]*?<\/ul>/)?.[0] ?? '');

describe('login lockout: throttled per account and client, then per account; the owner still gets in', () => {
  let t: TestApp;
  let admin: TestUser;
  const browser = (ip: string) => new Browser(() => t, ip);

  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    // Who hears of bursts (no SECURITY_ALERT_EMAIL in this app): the City's user managers.
    admin = await createTestUser(t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'users' }] });
  });
  afterAll(async () => t?.close());

  /** `count` wrong passwords for the address, five per network (192.0.2-style prefix + n), each from a fresh browser. */
  async function guessFromManyNetworks(email: string, count: number, prefix: string) {
    const answers: LightMyRequestResponse[] = [];
    for (let i = 0; i < count; i++) answers.push(await browser(`${prefix}.${Math.floor(i / 5) + 1}`).logIn(email, `indovina-${i}-xxxxxx`));
    return answers;
  }

  const alertsAbout = async (email: string) =>
    (await queuedMail(t.db, admin.email, { subjectContains: 'serie di accessi non riusciti' })).filter((m) => m.text_body.includes(email));

  it('an attacker on other networks and devices cannot lock the owner out of the browser they signed in with', async () => {
    const owner = await createTestUser(t.db, { kind: 'ente' });
    const home = browser('203.0.113.10');
    expect((await home.logIn(owner.email, owner.password)).statusCode).toBe(303);
    expect(home.jar.get('wemi_device')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    home.forgetSession();

    // 25 guesses from 5 networks, a fresh browser each time: the account-wide lock starts at the 20th.
    const guesses = await guessFromManyNetworks(owner.email, 25, '198.51.100');
    expect(errorsOf(guesses[18]!)).toContain('E-mail o password non corretti');
    expect(errorsOf(guesses[19]!)).toContain('Troppi tentativi non riusciti. Per sicurezza riprova tra 5 minuti.');
    expect(errorsOf(guesses[24]!)).toContain('Troppi tentativi non riusciti');

    // The owner's browser gets in, from home and from the attacker's own network.
    const again = await home.logIn(owner.email, owner.password);
    expect(again.statusCode, errorsOf(again)).toBe(303);
    expect(home.signedIn).toBe(true);
    home.forgetSession();
    home.ip = '198.51.100.1';
    expect((await home.logIn(owner.email, owner.password)).statusCode).toBe(303);

    // A browser that never signed in meets the lock, with the offer of the unlock link, and no session.
    const newPhone = browser('203.0.113.11');
    const refused = await newPhone.logIn(owner.email, owner.password);
    expect(refused.statusCode).toBe(400);
    expect(errorsOf(refused)).toContain('Troppi tentativi non riusciti');
    expect(refused.body).toContain('id="login-unlock"');
    expect(refused.body).toContain(`href="${UNLOCK}"`);
    expect(newPhone.signedIn).toBe(false);

    // The same words, the same offer, for an address that has no account: nothing tells them apart.
    const ghost = 'nessuno-qui@prova.example.org';
    await guessFromManyNetworks(ghost, 20, '198.51.101');
    const ghostRefused = await browser('203.0.113.12').logIn(ghost, owner.password);
    expect(ghostRefused.statusCode).toBe(400);
    expect(errorsOf(ghostRefused)).toBe(errorsOf(refused));
    const unlockBox = (html: string) => text(html.match(/<section[^>]*id="login-unlock"[\s\S]*?<\/section>/)![0]);
    expect(unlockBox(ghostRefused.body)).toBe(unlockBox(refused.body));
    expect(unlockBox(refused.body)).toContain("Ricevi il link per sbloccare l'accesso");
  });

  it('the per-pair throttle still stops an attacker: five wrong passwords lock that account from that network, even with new cookies', async () => {
    const owner = await createTestUser(t.db, { kind: 'ente' });
    const attacker = browser('198.51.102.7');
    for (let i = 0; i < 4; i++) expect(errorsOf(await attacker.logIn(owner.email, `errata-${i}-xxxxxx`))).toContain('non corretti');
    expect(errorsOf(await attacker.logIn(owner.email, 'errata-5-xxxxxx'))).toContain('Troppi tentativi non riusciti. Per sicurezza riprova tra 1 minuto.');
    // Even the right password is refused now, from the same browser or a fresh one on that network.
    const right = await attacker.logIn(owner.email, owner.password);
    expect(right.statusCode).toBe(400);
    expect(errorsOf(right)).toContain('Troppi tentativi');
    expect(attacker.signedIn).toBe(false);
    const fresh = browser('198.51.102.7');
    expect(errorsOf(await fresh.logIn(owner.email, owner.password))).toContain('Troppi tentativi');
    expect(fresh.signedIn).toBe(false);
    // Five are far from the account-wide limit: the owner signs in from elsewhere.
    const office = browser('203.0.113.20');
    expect((await office.logIn(owner.email, owner.password)).statusCode).toBe(303);
    // The lock is temporary: once it has passed, the right password works from that network too.
    await t.db.query(`update auth_throttle set locked_until = now() - interval '1 second' where key like 'login:pair:ip:198.51.102.7:%'`);
    expect((await attacker.logIn(owner.email, owner.password)).statusCode).toBe(303);
  });

  it('the e-mailed unlock link lets the owner in from a new browser despite the account-wide lock, once', async () => {
    const owner = await createTestUser(t.db, { kind: 'ente' });
    await guessFromManyNetworks(owner.email, 20, '198.51.103');
    const laptop = browser('203.0.113.30');
    expect(errorsOf(await laptop.logIn(owner.email, owner.password))).toContain('Troppi tentativi');
    const burstLink = await linkInQueuedMail(t.db, owner.email, '/accedi/sblocco/');

    // Ask for the link: the same answer for an address without an account (and no e-mail for it).
    expect((await laptop.get(UNLOCK)).statusCode).toBe(200);
    const asked = await laptop.post(UNLOCK, { email: owner.email.toUpperCase() });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe(`${UNLOCK}?inviato=1`);
    const nobody = await browser('203.0.113.31').post(UNLOCK, { email: 'nessuno-sblocco@prova.example.org' });
    expect(nobody.headers.location).toBe(asked.headers.location);
    expect(await queuedMail(t.db, 'nessuno-sblocco@prova.example.org')).toEqual([]);
    expect(text((await laptop.get(`${UNLOCK}?inviato=1`)).body)).toContain("Se l'indirizzo corrisponde a un account, riceverai un'e-mail con il link per sbloccare l'accesso");
    const mail = (await queuedMail(t.db, owner.email, { subjectContains: "sblocca l'accesso" })).at(-1)!;
    expect(mail.text_body).toContain("Apri questo link nel browser da cui vuoi entrare");
    const link = await linkInQueuedMail(t.db, owner.email, '/accedi/sblocco/');
    expect(link).not.toBe(burstLink);

    // Opening the link changes nothing (a mail scanner may open it); the button does.
    const page = await laptop.get(link);
    expect(page.statusCode).toBe(200);
    expect(decode(page.body)).toContain(owner.email);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const used = await laptop.post(link, {});
    expect(used.statusCode).toBe(303);
    expect(used.headers.location).toBe(`${LOGIN}?sbloccato=1`);
    expect(text((await laptop.get(`${LOGIN}?sbloccato=1`)).body)).toContain('Accesso sbloccato su questo browser');
    const inside = await laptop.logIn(owner.email, owner.password);
    expect(inside.statusCode, errorsOf(inside)).toBe(303);
    expect(laptop.signedIn).toBe(true);

    // Once only; the link of the burst e-mail died when the newer one was sent; a made-up one is unknown.
    expect((await browser('203.0.113.32').post(link, {})).statusCode).toBe(410);
    expect((await browser('203.0.113.32').get(pathOf(`http://x${burstLink}`))).statusCode).toBe(410);
    expect((await browser('203.0.113.32').get(`${UNLOCK}/${'A'.repeat(43)}`)).statusCode).toBe(404);
    // Other browsers stay locked.
    expect(errorsOf(await browser('203.0.113.33').logIn(owner.email, owner.password))).toContain('Troppi tentativi');
    expect((await auditRows(t.db, { action: 'auth.unlock.use', targetId: owner.id })).length).toBe(1);
  });

  it('records a burst in the audit log and alerts the City once per burst; the owner is told with an unlock link', async () => {
    const owner = await createTestUser(t.db, { kind: 'ente' });
    await guessFromManyNetworks(owner.email, 20, '198.51.104');
    expect(await alertsAbout(owner.email)).toHaveLength(1);
    const [alert] = await alertsAbout(owner.email);
    expect(alert!.text_body).toContain(`per l'indirizzo ${owner.email} (account WeMi attivo)`);
    expect(alert!.text_body).toContain('/gestione-wemi/registro-attivita');
    const bursts = await auditRows(t.db, { action: 'auth.login.burst', actorLabel: owner.email });
    expect(bursts).toHaveLength(1);
    expect(bursts[0]!.details).toMatchObject({ scope: 'account', failures: 20, lockMinutes: 5, accountExists: true });
    expect(await queuedMail(t.db, owner.email, { subjectContains: 'tentativi di accesso al tuo account' })).toHaveLength(1);

    // The same burst goes on after the lock: a second lock (longer), no second alert.
    await t.db.query(`update auth_throttle set locked_until = now() - interval '1 second' where key = $1`, [`login:email:${owner.email}`]);
    const more = await guessFromManyNetworks(owner.email, 20, '198.51.105');
    expect(errorsOf(more[19]!)).toContain('riprova tra 10 minuti');
    expect(await alertsAbout(owner.email)).toHaveLength(1);
    expect(await auditRows(t.db, { action: 'auth.login.burst', actorLabel: owner.email })).toHaveLength(1);

    // Hours later a new burst starts: a new alert.
    await t.db.query(
      `update auth_throttle set locked_until = now() - interval '3 hours', window_started_at = now() - interval '4 hours' where key = $1`,
      [`login:email:${owner.email}`],
    );
    await guessFromManyNetworks(owner.email, 20, '198.51.106');
    expect(await alertsAbout(owner.email)).toHaveLength(2);
    expect(await auditRows(t.db, { action: 'auth.login.burst', actorLabel: owner.email })).toHaveLength(2);
  });

  it('NAT: 30 failures on different accounts from one address do not stop a browser that signed in before; others there get the unlock link', async () => {
    const office = '192.0.2.200';
    const colleague = await createTestUser(t.db, { kind: 'ente' });
    const desk = browser(office);
    expect((await desk.logIn(colleague.email, colleague.password)).statusCode).toBe(303);
    desk.forgetSession();

    // Someone behind the same address tries 30 accounts (credential stuffing).
    const answers: LightMyRequestResponse[] = [];
    for (let i = 0; i < 30; i++) answers.push(await browser(office).logIn(`provato-${i}@prova.example.org`, 'Password-comune-1'));
    expect(errorsOf(answers[28]!)).toContain('non corretti');
    expect(errorsOf(answers[29]!)).toContain('Troppi tentativi');
    const bursts = (await auditRows(t.db, { action: 'auth.login.burst', actorLabel: office })).map((r) => r.details);
    expect(bursts).toEqual([expect.objectContaining({ scope: 'ip', failures: 30 })]);
    expect((await queuedMail(t.db, admin.email, { subjectContains: 'da un indirizzo IP' })).filter((m) => m.text_body.includes(office))).toHaveLength(1);

    // The colleague's browser signs in as usual.
    const back = await desk.logIn(colleague.email, colleague.password);
    expect(back.statusCode, errorsOf(back)).toBe(303);
    // A browser that never signed in to its account, on that address, waits or uses the unlock link.
    const newcomer = await createTestUser(t.db, { kind: 'ente' });
    const other = await browser(office).logIn(newcomer.email, newcomer.password);
    expect(other.statusCode).toBe(400);
    expect(errorsOf(other)).toContain('Troppi tentativi');
    expect(other.body).toContain('id="login-unlock"');
  });

  it('a reset password link, like the unlock link, makes the browser it is used in known to the account', async () => {
    const owner = await createTestUser(t.db, { kind: 'ente' });
    await guessFromManyNetworks(owner.email, 20, '198.51.107');
    const tablet = browser('203.0.113.40');
    expect((await tablet.post('/password-dimenticata', { email: owner.email })).statusCode).toBe(303);
    const reset = await linkInQueuedMail(t.db, owner.email, '/reimposta-password/');
    await tablet.get(reset);
    const NEW = 'Navigli-Darsena-2031!';
    expect((await tablet.post(reset, { password: NEW, passwordConfirm: NEW })).statusCode).toBe(303);
    // The reset cleared the counters; a new attack locks the account again, except for this browser.
    await guessFromManyNetworks(owner.email, 20, '198.51.108');
    expect(errorsOf(await browser('203.0.113.41').logIn(owner.email, NEW))).toContain('Troppi tentativi');
    const inside = await tablet.logIn(owner.email, NEW);
    expect(inside.statusCode, errorsOf(inside)).toBe(303);
  });
});
