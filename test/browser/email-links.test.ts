import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, linkInMail, loggedIn, noViolations, openPage, startSite, submit, text, unexpected, type Site } from './support';
import { createTestUser } from '../support/accounts';
import { sendVerificationEmail } from '../../src/features/accounts/public/links.service';

// The e-mail link flows in Chromium, as people live them: a forgotten password (with JavaScript on and
// off), an expired link, an account locked after wrong passwords, an invitation sent from the City back
// office and accepted, an e-mail verification. Mail waits in the outbox table: the tests read the link
// from the queued message, as the person would from their inbox (SMTP delivery has route tests).

const GOOD_PASSWORD = 'Girasole-Navigli-2026!';

describe('People follow the links WeMi sends them by e-mail', () => {
  let site: Site;
  let ente: { id: string; name: string };

  beforeAll(async () => {
    site = await startSite();
    ente = await site.t.db.one<{ id: string; name: string }>(`select id, name from organization where status = 'active' order by lower(name), id limit 1`);
  });
  afterAll(async () => site?.close());

  for (const javaScriptEnabled of [true, false]) {
    it(`an ente operator who forgot the password sets a new one from the e-mail link (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const operator = await createTestUser(site.t.db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: ente.id }], givenName: 'Paolo', familyName: 'Ferri' });
      const { page, context, problems } = await openPage(site, { javaScriptEnabled });
      const checkAxe = async (where: string) => {
        // axe runs inside the page, so only with JavaScript on.
        if (javaScriptEnabled) await noViolations(page, where);
      };

      await page.goto(`${site.baseUrl}/accedi/credenziali`);
      await page.getByRole('link', { name: 'Hai dimenticato la password?' }).click();
      await page.waitForURL((url) => url.pathname === '/password-dimenticata');
      expect(await text(page.locator('h1'))).toBe('Password dimenticata');
      await page.getByLabel('Indirizzo e-mail').fill(operator.email);
      expect(await submit(page, page.getByRole('button', { name: 'Invia il link' }))).toBe(303);
      await page.waitForURL((url) => url.pathname === '/password-dimenticata' && url.searchParams.get('inviata') === '1');
      expect(await text(page.locator('h1'))).toBe('Controlla la tua e-mail');
      expect(await text(page.locator('#links-sent'))).toContain('riceverai un\'e-mail con il link per reimpostare la password');
      await checkAxe('reset link sent');

      // The link from the e-mail opens the new-password form for that account.
      const link = await linkInMail(site, operator.email, '/reimposta-password/');
      const opened = await page.goto(site.baseUrl + link);
      expect(opened?.status()).toBe(200);
      expect(await text(page.locator('h1'))).toBe('Scegli una nuova password');
      expect(await text(page.locator('#page-header .subtitle-small'))).toContain(operator.email);

      // Too short: the error summary (400), the message by the field, nothing written back.
      await page.getByLabel('Nuova password', { exact: true }).fill('Corta-1!');
      await page.getByLabel('Ripeti la nuova password', { exact: true }).fill('Corta-1!');
      expect(await submit(page, page.getByRole('button', { name: 'Salva la nuova password' }))).toBe(400);
      expect(await text(page.locator('#error-summary'))).toContain('La password deve avere almeno 12 caratteri');
      expect(await text(page.locator('#password-error'))).toContain('La password deve avere almeno 12 caratteri');
      expect(await page.getByLabel('Nuova password', { exact: true }).inputValue()).toBe('');
      expect(await page.title()).toMatch(/Scegli una nuova password/);
      await checkAxe('new password refused');

      await page.getByLabel('Nuova password', { exact: true }).fill(GOOD_PASSWORD);
      await page.getByLabel('Ripeti la nuova password', { exact: true }).fill(GOOD_PASSWORD);
      expect(await submit(page, page.getByRole('button', { name: 'Salva la nuova password' }))).toBe(303);
      await page.waitForURL((url) => url.pathname === '/accedi/credenziali' && url.searchParams.get('reimpostata') === '1');
      expect(await text(page.locator('[role="status"]').first())).toBe('Password reimpostata. Ora puoi accedere con la nuova password.');
      await checkAxe('login page after the reset');
      // The person is told the password changed (with the way out if it was not them).
      expect(await linkInMail(site, operator.email, '/password-dimenticata')).toBe('/password-dimenticata');

      // The new password works.
      await page.getByLabel('E-mail').fill(operator.email);
      await page.getByLabel('Password', { exact: true }).fill(GOOD_PASSWORD);
      expect(await submit(page, page.getByRole('button', { name: 'Accedi', exact: true }))).toBe(303);
      await page.waitForURL((url) => url.pathname === '/area-personale');
      expect(await text(page.locator('[data-element="personal-area"]').first())).toContain('Paolo Ferri');

      // The same link a second time: already used, with the way to ask for a new one.
      const again = await page.goto(site.baseUrl + link);
      expect(again?.status()).toBe(410);
      expect(await text(page.locator('h1'))).toBe('Link già usato');
      expect(await page.locator('[data-link-problem="used"]').count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Chiedi un nuovo link per reimpostare la password' }).getAttribute('href')).toBe('/password-dimenticata');
      await checkAxe('used link');

      expect(unexpected(problems, [400, 410])).toEqual([]);
      await context.close();
    }, 180_000);
  }

  it('an expired reset link says so and leads to asking for a new one, which works', async () => {
    const operator = await createTestUser(site.t.db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: ente.id }] });
    const { page, context, problems } = await openPage(site);
    await page.goto(`${site.baseUrl}/password-dimenticata`);
    await page.getByLabel('Indirizzo e-mail').fill(operator.email);
    expect(await submit(page, page.getByRole('button', { name: 'Invia il link' }))).toBe(303);
    await page.waitForURL((url) => url.searchParams.get('inviata') === '1');
    const link = await linkInMail(site, operator.email, '/reimposta-password/');

    // More than 60 minutes later.
    await site.t.db.query(`update one_time_token set expires_at = now() - interval '1 minute' where user_id = $1 and purpose = 'reset_password'`, [operator.id]);
    const expired = await page.goto(site.baseUrl + link);
    expect(expired?.status()).toBe(410);
    expect(await text(page.locator('h1'))).toBe('Link scaduto');
    expect(await text(page.locator('#main-container'))).toContain('Il link è scaduto');
    expect(await page.locator('form[action^="/reimposta-password/"]').count()).toBe(0);
    expect(describeViolations(await axe(page))).toBe('');

    await page.getByRole('link', { name: 'Chiedi un nuovo link per reimpostare la password' }).click();
    await page.waitForURL((url) => url.pathname === '/password-dimenticata' && !url.search);
    await page.getByLabel('Indirizzo e-mail').fill(operator.email);
    expect(await submit(page, page.getByRole('button', { name: 'Invia il link' }))).toBe(303);
    await page.waitForURL((url) => url.searchParams.get('inviata') === '1');
    const fresh = await linkInMail(site, operator.email, '/reimposta-password/');
    expect(fresh).not.toBe(link);
    expect((await page.goto(site.baseUrl + fresh))?.status()).toBe(200);
    expect(await text(page.locator('h1'))).toBe('Scegli una nuova password');

    expect(unexpected(problems, [410])).toEqual([]);
    await context.close();
  }, 120_000);

  it('an account is locked after 5 wrong passwords, and the right one is refused while the lock lasts', async () => {
    const operator = await createTestUser(site.t.db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: ente.id }] });
    const { page, context, problems } = await openPage(site);
    await page.goto(`${site.baseUrl}/accedi/credenziali`);
    const attempt = async (password: string) => {
      await page.getByLabel('E-mail').fill(operator.email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      return submit(page, page.getByRole('button', { name: 'Accedi', exact: true }));
    };

    for (let i = 1; i <= 4; i++) {
      expect(await attempt(`sbagliata-numero-${i}`)).toBe(400);
      expect(await text(page.locator('#error-summary')), `attempt ${i}`).toContain('E-mail o password non corretti');
    }
    expect(await attempt('sbagliata-numero-5')).toBe(400);
    const locked = await text(page.locator('#error-summary'));
    expect(locked).toContain('Troppi tentativi non riusciti');
    expect(locked).not.toContain('E-mail o password non corretti');
    expect(describeViolations(await axe(page))).toBe('');

    // The right password now: still the lock, no session.
    expect(await attempt(operator.password)).toBe(400);
    expect(new URL(page.url()).pathname).toBe('/accedi/credenziali');
    expect(await text(page.locator('#error-summary'))).toContain('Troppi tentativi non riusciti');
    expect(await page.locator('[data-element="personal-area"]').count()).toBe(0);
    expect((await site.t.db.one<{ n: number }>('select count(*)::int as n from user_session where user_id = $1', [operator.id])).n).toBe(0);

    expect(unexpected(problems, [400])).toEqual([]);
    // The lock lasts 1 minute the first time: the message must read as Italian ("1 minuto", not "1 minuti").
    expect(locked, 'singular of the lock duration').toMatch(/riprova tra 1 minuto\b/);
    await context.close();
  }, 120_000);

  it('a City user invites an ente administrator, who activates the account from the e-mail and gets in', async () => {
    const staff = await createTestUser(site.t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'users' }], givenName: 'Giulia', familyName: 'Conti' });
    const inviteeEmail = `amministrazione-${Date.now().toString(36)}@ente.example.org`;

    // The City user, already logged in (the login itself has its own story).
    const city = await loggedIn(site, staff.id);
    const p = city.page;
    await p.goto(`${site.baseUrl}/gestione-wemi`);
    expect(await text(p.locator('h1'))).toBe('Gestione WeMi');
    await p.getByRole('link', { name: 'Invita una persona' }).click();
    await p.waitForURL((url) => url.pathname === '/gestione-wemi/utenti/invita');

    await p.locator('#email').fill(inviteeEmail);
    await p.locator('#nome').fill('Anna');
    await p.locator('#cognome').fill('Bianchi');
    // Bootstrap Italia draws the radio on its label, which is what a person clicks.
    await p.locator('label[for="tipo-ente"]').click();
    expect(await p.getByLabel('Amministratore di un ente').isChecked()).toBe(true);
    // Bad path: no ente chosen.
    expect(await submit(p, p.getByRole('button', { name: 'Invia l’invito' }))).toBe(400);
    expect(await text(p.locator('#error-summary'))).toContain('Scegli un ente attivo');
    expect(await p.locator('#email').inputValue()).toBe(inviteeEmail);
    expect(await p.getByLabel('Amministratore di un ente').isChecked()).toBe(true);

    await p.locator('#ente').selectOption(ente.id);
    expect(await submit(p, p.getByRole('button', { name: 'Invia l’invito' }))).toBe(303);
    await p.waitForURL((url) => /^\/gestione-wemi\/utenti\/[0-9a-f-]{36}$/.test(url.pathname) && url.searchParams.get('esito') === 'invitato');
    expect(await text(p.locator('.wemi-notice'))).toContain('Invito inviato');
    expect(await text(p.locator('h1'))).toBe('Anna Bianchi');
    expect(unexpected(city.problems, [400])).toEqual([]);
    await city.context.close();

    // The invitee, in their own browser.
    const link = await linkInMail(site, inviteeEmail, '/invito/');
    const { page, context, problems } = await openPage(site);
    expect((await page.goto(site.baseUrl + link))?.status()).toBe(200);
    expect(await text(page.locator('h1'))).toBe('Attiva il tuo account WeMi');
    expect(await text(page.locator('#main-container'))).toContain('Giulia Conti ti ha invitato');
    expect(await text(page.locator('[data-invitation-roles]'))).toContain(`Amministratore dell'ente ${ente.name}`);
    expect(await page.getByLabel('Nome', { exact: true }).inputValue()).toBe('Anna');
    expect(await page.getByLabel('Cognome', { exact: true }).inputValue()).toBe('Bianchi');
    expect(describeViolations(await axe(page))).toBe('');

    // Bad path: the privacy notice not accepted.
    await page.getByLabel('Nuova password', { exact: true }).fill(GOOD_PASSWORD);
    await page.getByLabel('Ripeti la nuova password', { exact: true }).fill(GOOD_PASSWORD);
    expect(await submit(page, page.getByRole('button', { name: "Attiva l'account" }))).toBe(400);
    expect(await text(page.locator('#error-summary'))).toContain("Per attivare l'account devi dichiarare di aver letto l'informativa privacy");
    expect(await page.getByLabel('Nuova password', { exact: true }).inputValue()).toBe('');
    expect(describeViolations(await axe(page))).toBe('');

    await page.getByLabel('Nuova password', { exact: true }).fill(GOOD_PASSWORD);
    await page.getByLabel('Ripeti la nuova password', { exact: true }).fill(GOOD_PASSWORD);
    await page.locator('label[for="privacy"]').click();
    expect(await page.getByLabel("Dichiaro di aver letto l'informativa sul trattamento dei dati personali").isChecked()).toBe(true);
    expect(await submit(page, page.getByRole('button', { name: "Attiva l'account" }))).toBe(303);
    // Logged in at once: an ente administrator has no second factor.
    await page.waitForURL((url) => url.pathname === '/area-personale');
    expect(await text(page.locator('[data-element="personal-area"]').first())).toContain('Anna Bianchi');

    expect((await page.goto(`${site.baseUrl}/gestione-ente`))?.status()).toBe(200);
    expect(await text(page.locator('h1'))).toBe('Gestione ente');
    const card = page.locator('.card', { hasText: ente.name });
    expect(await card.count()).toBe(1);
    expect(await text(card)).toContain('amministratore');

    // The invitation works once.
    expect((await page.goto(site.baseUrl + link))?.status()).toBe(410);
    expect(await text(page.locator('h1'))).toBe('Link già usato');

    expect(unexpected(problems, [400, 410])).toEqual([]);
    await context.close();
  }, 180_000);

  it('an e-mail verification link verifies the address once, then says it is already verified', async () => {
    const person = await createTestUser(site.t.db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: ente.id }], givenName: 'Luca', familyName: 'Sala' });
    await site.t.db.query('update app_user set email_verified_at = null where id = $1', [person.id]);
    // What the personal area does when the address is changed: queue the verification e-mail.
    await site.t.db.transaction((tx) => sendVerificationEmail(tx, { id: person.id, email: person.email, given_name: 'Luca', family_name: 'Sala' }, site.baseUrl, 'it'));
    const link = await linkInMail(site, person.email, '/verifica-email/');

    const { page, context, problems } = await openPage(site);
    expect((await page.goto(site.baseUrl + link))?.status()).toBe(200);
    expect(await text(page.locator('h1'))).toBe('Indirizzo e-mail verificato');
    expect(await text(page.locator('#links-verified'))).toBe(`Grazie: l'indirizzo ${person.email} è verificato. Da ora riceverai qui le comunicazioni di WeMi.`);
    expect(describeViolations(await axe(page))).toBe('');
    const verified = await site.t.db.one<{ at: Date | null }>('select email_verified_at as at from app_user where id = $1', [person.id]);
    expect(verified.at).not.toBeNull();

    // Again (or a mail scanner opened it first): nothing more to do, said plainly.
    expect((await page.goto(site.baseUrl + link))?.status()).toBe(200);
    expect(await text(page.locator('h1'))).toBe('Indirizzo e-mail verificato');
    expect(await text(page.locator('#links-verified'))).toBe(`L'indirizzo ${person.email} è già verificato: non devi fare altro.`);

    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
