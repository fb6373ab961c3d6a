import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, loggedIn, logIn, noViolations, startSite, submit, text, unexpected, WIDTHS, type Site } from './support';
import { createTestUser } from '../support/accounts';
import { newTotpSecret } from '../../src/features/accounts/totp';

// The "Sicurezza" page of the personal area in Chromium: an ente operator whose second factor is on changes
// the password (after a wrong current password), generates recovery codes, logs out, and logs in again with
// the new password and a recovery code instead of the app's code — with JavaScript on and off. Every page
// of the section and the recovery step of the login pass axe-core at desktop and phone widths.

const NEW_PASSWORD = 'Darsena-Navigli-2027!';

describe('A person looks after the security of their account', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => site?.close());

  /** An ente operator with the second factor on (as after the first login). */
  async function operatorWithSecondFactor(givenName: string) {
    const user = await createTestUser(site.t.db, { kind: 'ente', givenName, familyName: 'Sala' });
    await site.t.db.query('update app_user set totp_secret = $2, totp_enabled_at = now() where id = $1', [user.id, newTotpSecret()]);
    return user;
  }

  for (const javaScriptEnabled of [true, false]) {
    it(`changes the password, keeps recovery codes and logs in with one of them (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const user = await operatorWithSecondFactor(javaScriptEnabled ? 'Bianca' : 'Bruno');
      const { page, context, problems } = await loggedIn(site, user.id, { javaScriptEnabled });
      const checkAxe = async (where: string) => {
        // axe runs inside the page, so only with JavaScript on.
        if (javaScriptEnabled) await noViolations(page, where);
      };

      await page.goto(`${site.baseUrl}/area-personale`);
      await page.getByRole('link', { name: 'Sicurezza', exact: true }).first().click();
      await page.waitForURL((url) => url.pathname === '/area-personale/sicurezza');
      expect(await text(page.locator('h1'))).toBe('Sicurezza');
      await checkAxe('overview');

      // A wrong current password first: the error summary links to the field; nothing typed is shown again.
      await page.getByRole('link', { name: 'Cambia la password' }).click();
      await page.getByLabel('Password attuale').fill('non-ricordo-bene-1');
      await page.getByLabel('Nuova password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Ripeti la nuova password').fill(NEW_PASSWORD);
      expect(await submit(page, page.getByRole('button', { name: 'Cambia la password' }))).toBe(400);
      expect(await text(page.locator('#error-summary'))).toContain('La password attuale non è corretta');
      expect(await page.locator('#error-summary a').first().getAttribute('href')).toBe('#currentPassword');
      expect(await page.getByLabel('Nuova password', { exact: true }).inputValue()).toBe('');
      await checkAxe('password form with an error');

      await page.getByLabel('Password attuale').fill(user.password);
      await page.getByLabel('Nuova password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Ripeti la nuova password').fill(NEW_PASSWORD);
      expect(await submit(page, page.getByRole('button', { name: 'Cambia la password' }))).toBe(303);
      await page.waitForURL((url) => url.searchParams.get('esito') === 'password');
      expect(await text(page.locator('[role="status"]'))).toContain('La password è stata cambiata');

      // Recovery codes: a confirmation with the password, then the codes, shown once.
      await page.getByRole('link', { name: 'Genera i codici di recupero' }).click();
      await page.getByLabel('Password attuale').fill(NEW_PASSWORD);
      expect(await submit(page, page.getByRole('button', { name: 'Genera i codici' }))).toBe(200);
      expect(await text(page.locator('h1'))).toBe('I tuoi codici di recupero');
      const codes = (await page.locator('[data-element="recovery-codes"] code').allTextContents()).map((c) => c.trim());
      expect(codes).toHaveLength(10);
      expect(await text(page.locator('main'))).toContain('Se ricarichi questa pagina o torni indietro, i codici non compariranno più');
      await checkAxe('codes shown');
      // A page of the section: the breadcrumb leads back to Sicurezza, the side menu marks it as the section.
      expect(await page.locator('[data-element="breadcrumb"] a').allTextContents()).toEqual(['Home', 'Area personale', 'Sicurezza']);
      expect(await text(page.locator('.wemi-personal-menu [aria-current="true"]'))).toBe('Sicurezza');
      expect(await page.locator('.wemi-personal-menu [aria-current="page"]').count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Ho conservato i codici' }).getAttribute('href')).toBe('/area-personale/sicurezza');

      // Reloading sends the form again: no new codes (the ones shown stay the valid ones), none shown again.
      const reloaded = await page.reload();
      expect(reloaded?.status()).toBe(409);
      expect(await text(page.locator('h1'))).toBe('Nessun nuovo codice di recupero');
      expect(await page.locator('[data-element="recovery-codes"] code').count()).toBe(0);
      expect(await text(page.locator('[data-element="recovery-codes-left"]'))).toBe('Ti restano 10 codici di recupero su 10.');
      await checkAxe('codes: page reloaded');
      await page.getByRole('link', { name: 'Torna a Sicurezza' }).click();
      expect(await text(page.locator('[data-element="recovery-codes-left"]'))).toBe('Ti restano 10 codici di recupero su 10.');

      // Log out, then in with the new password and a recovery code (the phone is not at hand).
      await page.goto(`${site.baseUrl}/area-personale`);
      await submit(page, page.locator('main form[action="/esci"] button'));
      await page.goto(`${site.baseUrl}/accedi/credenziali`);
      await page.getByLabel('E-mail').fill(user.email);
      await page.getByLabel('Password').fill(NEW_PASSWORD);
      await submit(page, page.getByRole('button', { name: 'Accedi', exact: true }));
      await page.waitForURL(/\/accedi\/verifica\?/);
      await page.getByRole('link', { name: /Usa un codice di recupero/ }).click();
      await page.waitForURL(/\/accedi\/verifica\/recupero/);
      await checkAxe('recovery code step');
      await page.getByLabel('Codice di recupero').fill('abcde-fghjk');
      expect(await submit(page, page.getByRole('button', { name: 'Verifica e accedi' }))).toBe(400);
      expect(await text(page.locator('#error-summary'))).toContain('Il codice di recupero non è corretto');
      await checkAxe('recovery code step with an error');
      await page.getByLabel('Codice di recupero').fill(codes[2]!);
      expect(await submit(page, page.getByRole('button', { name: 'Verifica e accedi' }))).toBe(303);
      await page.waitForURL((url) => url.pathname === '/area-personale');
      expect(await text(page.locator('[data-element="personal-area"]').first())).toContain(`${javaScriptEnabled ? 'Bianca' : 'Bruno'} Sala`);

      const used = await site.t.db.one<{ n: number }>('select count(*)::int as n from recovery_code where user_id = $1 and used_at is not null', [user.id]);
      expect(used.n).toBe(1);
      // The two refused submissions answer 400 (GOV.UK pattern) and the reload 409, which Chromium logs; nothing else may fail.
      expect(unexpected(problems, [400, 409])).toEqual([]);
      await context.close();
    }, 180_000);
  }

  for (const [widthName, viewport] of Object.entries(WIDTHS)) {
    it(`has no WCAG 2.1 A/AA violation on any page of the section at ${widthName} width`, async () => {
      const user = await operatorWithSecondFactor('Carla');
      const { page, context, problems } = await loggedIn(site, user.id, { viewport });
      const failures: string[] = [];
      const check = async (where: string) => {
        const v = await axe(page);
        if (v.length) failures.push(`${where}:\n${describeViolations(v)}`);
      };
      const base = `${site.baseUrl}/area-personale/sicurezza`;
      for (const path of ['', '/password', '/verifica-in-due-passaggi', '/verifica-in-due-passaggi/disattiva', '/codici-di-recupero']) {
        const res = await page.goto(base + path);
        expect(res?.status(), path).toBe(200);
        await check(path || 'overview');
      }
      // Forms with errors, the QR code of a new app, the codes shown once.
      await page.goto(`${base}/password`);
      await submit(page, page.getByRole('button', { name: 'Cambia la password' }));
      await check('password form, empty');
      await page.goto(`${base}/verifica-in-due-passaggi`);
      await page.getByLabel('Password attuale').fill(user.password);
      await submit(page, page.getByRole('button', { name: 'Continua' }));
      expect(await page.locator('img[alt*="QR"]').count()).toBe(1);
      await check('new app: QR code');
      await page.getByLabel('Codice di verifica').fill('000000');
      await submit(page, page.getByRole('button', { name: 'Conferma' }));
      await check('new app: wrong code');
      await page.goto(`${base}/codici-di-recupero`);
      await page.getByLabel('Password attuale').fill(user.password);
      await submit(page, page.getByRole('button', { name: 'Genera i codici' }));
      await check('codes shown');
      await page.reload();
      await check('codes: page reloaded');
      await page.goto(`${base}/codici-di-recupero`);
      await check('codes: confirmation to replace them');

      // City staff: turning the second factor off is not offered.
      const staff = await createTestUser(site.t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'content' }] });
      await site.t.db.query('update app_user set totp_secret = $2, totp_enabled_at = now() where id = $1', [staff.id, newTotpSecret()]);
      await logIn(site, context, staff.id);
      await page.goto(`${base}/verifica-in-due-passaggi/disattiva`);
      expect(await text(page.locator('main'))).toContain('non disattivarla');
      await check('City staff: mandatory');

      // Someone without the second factor.
      const plain = await createTestUser(site.t.db, { kind: 'ente' });
      await logIn(site, context, plain.id);
      for (const path of ['', '/verifica-in-due-passaggi']) {
        await page.goto(base + path);
        await check(`without the second factor: ${path || 'overview'}`);
      }
      expect(failures.join('\n\n')).toBe('');
      expect(unexpected(problems, [400, 409])).toEqual([]);
      await context.close();
    }, 180_000);
  }
});
