import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkInMail, noViolations, openPage, startSite, submit, text, unexpected, WIDTHS, type Site } from './support';

// A citizen without SPID or CIE creates a WeMi account with e-mail and password (CITIZEN_PASSWORD_LOGIN on),
// confirms the address from the e-mail and logs in: on a desktop and on a phone with JavaScript on (axe at
// every step), and on a desktop with JavaScript off. Mail waits in the outbox table: the test reads the link
// from the queued message, as the person would from their inbox (SMTP delivery has route tests).

const PASSWORD = 'Girasole-Navigli-2026!';

const RUNS = [
  { name: 'on a desktop', viewport: WIDTHS.desktop, javaScriptEnabled: true },
  { name: 'on a phone (375 px)', viewport: WIDTHS.mobile, javaScriptEnabled: true },
  { name: 'with JavaScript off', viewport: WIDTHS.desktop, javaScriptEnabled: false },
] as const;

describe('A citizen registers with e-mail and password, confirms the address and logs in', () => {
  let site: Site;

  beforeAll(async () => {
    site = await startSite({ env: { CITIZEN_PASSWORD_LOGIN: 'true' } });
  });
  afterAll(async () => site?.close());

  for (const run of RUNS) {
    it(`${run.name}`, async () => {
      const email = `giulia.${run.viewport.width}.${run.javaScriptEnabled ? 'js' : 'nojs'}.${Date.now().toString(36)}@posta.example.org`;
      const { page, context, problems } = await openPage(site, { viewport: run.viewport, javaScriptEnabled: run.javaScriptEnabled });
      const checkAxe = async (where: string) => {
        // axe runs inside the page, so only with JavaScript on.
        if (run.javaScriptEnabled) await noViolations(page, where);
      };

      expect((await page.goto(`${site.baseUrl}/registrati`))?.status()).toBe(200);
      expect(await text(page.locator('h1'))).toBe('Registrati');
      expect(await page.getByRole('link', { name: 'Accedi con SPID o CIE' }).getAttribute('href')).toBe('/accedi');
      await checkAxe('registration form');

      // Bad path: the passwords differ and the privacy notice is not accepted.
      await page.getByLabel('Nome', { exact: true }).fill('Giulia');
      await page.getByLabel('Cognome', { exact: true }).fill('Ferraris');
      await page.getByLabel('Indirizzo e-mail').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByLabel('Ripeti la password', { exact: true }).fill('Un-altra-chiave-2026!');
      expect(await submit(page, page.getByRole('button', { name: "Crea l'account" }))).toBe(400);
      expect(await page.title()).toMatch(/^Richiesta non valida: Registrati/);
      const summary = await text(page.locator('#error-summary'));
      expect(summary).toContain('Le due password non coincidono');
      expect(summary).toContain("Per creare l'account devi dichiarare di aver letto l'informativa privacy");
      expect(await text(page.locator('#passwordConfirm-error'))).toContain('Le due password non coincidono');
      // What was typed stays, except the passwords.
      expect(await page.getByLabel('Nome', { exact: true }).inputValue()).toBe('Giulia');
      expect(await page.getByLabel('Cognome', { exact: true }).inputValue()).toBe('Ferraris');
      expect(await page.getByLabel('Indirizzo e-mail').inputValue()).toBe(email);
      expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
      expect(await page.getByLabel('Ripeti la password', { exact: true }).inputValue()).toBe('');
      await checkAxe('registration refused');
      // The summary links to the field to fix; with JavaScript it has the focus, and the keyboard takes the
      // person from it to the field.
      expect(await page.locator('#error-summary a', { hasText: 'Le due password non coincidono' }).getAttribute('href')).toBe('#passwordConfirm');
      if (run.javaScriptEnabled) {
        const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
        expect(await focused()).toBe('error-summary');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'passwordConfirm');
        await page.keyboard.type(PASSWORD);
        expect(await page.getByLabel('Ripeti la password', { exact: true }).inputValue()).toBe(PASSWORD);
      }

      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByLabel('Ripeti la password', { exact: true }).fill(PASSWORD);
      // Bootstrap Italia draws the check box on its label, which is what a person clicks.
      await page.locator('label[for="privacy"]').click();
      expect(await page.getByLabel(/Dichiaro di aver letto l'informativa/).isChecked()).toBe(true);
      expect(await submit(page, page.getByRole('button', { name: "Crea l'account" }))).toBe(303);
      await page.waitForURL((url) => url.pathname === '/registrati' && url.searchParams.get('inviata') === '1');
      expect(await text(page.locator('h1'))).toBe('Controlla la tua casella di posta');
      expect(await text(page.locator('#register-sent'))).toContain("apri il link nell'e-mail entro 24 ore per confermare l'indirizzo");
      await checkAxe('check your mailbox');

      // The link from the e-mail confirms the address.
      const link = await linkInMail(site, email, '/verifica-email/');
      expect((await page.goto(site.baseUrl + link))?.status()).toBe(200);
      expect(await text(page.locator('h1'))).toBe('Indirizzo e-mail verificato');
      expect(await text(page.locator('#links-verified'))).toContain(`l'indirizzo ${email} è verificato`);
      await checkAxe('address verified');

      // On to the personal area: the login first, with e-mail and password.
      await page.getByRole('link', { name: "Vai all'area personale" }).click();
      await page.waitForURL((url) => url.pathname === '/accedi' && url.searchParams.get('ritorno') === '/area-personale');
      await page.getByRole('link', { name: 'Accedi con e-mail e password' }).click();
      await page.waitForURL((url) => url.pathname === '/accedi/credenziali');
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      expect(await submit(page, page.getByRole('button', { name: 'Accedi', exact: true }))).toBe(303);
      await page.waitForURL((url) => url.pathname === '/area-personale');
      expect(await text(page.locator('h1'))).toBe('Ciao, Giulia');
      expect(await text(page.locator('[data-element="personal-area"]').first())).toContain('Giulia Ferraris');
      await checkAxe('personal area');

      // Logged in, the registration page sends the person to the personal area.
      await page.goto(`${site.baseUrl}/registrati`);
      expect(new URL(page.url()).pathname).toBe('/area-personale');

      expect(unexpected(problems, [400])).toEqual([]);
      await context.close();
    }, 180_000);
  }
});
