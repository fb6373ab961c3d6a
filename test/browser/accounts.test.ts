import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, openPage, startSite, unexpected, WIDTHS, type Site } from './support';
import { createTestUser } from '../support/accounts';
import { currentStep, totpAt } from '../../src/features/accounts/totp';

// Staff log in with e-mail and password and a second factor, in Chromium, with and without JavaScript;
// the bad paths (wrong password, wrong code) show GOV.UK-style errors; every account page passes axe-core.

describe('A City staff member logs in with a password and a second factor', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => site?.close());

  async function secretOf(userId: string): Promise<string> {
    return (await site.t.db.one<{ totp_secret: string }>('select totp_secret from app_user where id = $1', [userId])).totp_secret;
  }

  for (const javaScriptEnabled of [true, false]) {
    it(`enrols the authenticator app and gets in, after a wrong password and a wrong code (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const staff = await createTestUser(site.t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'users' }], givenName: 'Elena', familyName: 'Galli' });
      const { page, context, problems } = await openPage(site, { javaScriptEnabled });
      await page.goto(`${site.baseUrl}/servizi`);
      await page.getByRole('link', { name: /Accedi all'area personale/ }).first().click();
      await page.waitForURL(/\/accedi\?ritorno=%2Fservizi/);
      await page.getByRole('link', { name: 'Accedi con e-mail e password' }).click();

      // Wrong password: the error summary takes focus and links to the field; the e-mail is kept.
      await page.getByLabel('E-mail').fill(staff.email);
      await page.getByLabel('Password').fill('password-sbagliata-1');
      await page.getByRole('button', { name: 'Accedi', exact: true }).click();
      await expect.poll(() => page.locator('#error-summary').textContent()).toContain('E-mail o password non corretti');
      expect(await page.getByLabel('E-mail').inputValue()).toBe(staff.email);
      expect(await page.getByLabel('Password').inputValue()).toBe('');
      // axe runs inside the page, so only with JavaScript on.
      if (javaScriptEnabled) expect(describeViolations(await axe(page))).toBe('');

      await page.getByLabel('Password').fill(staff.password);
      await page.getByRole('button', { name: 'Accedi', exact: true }).click();
      await page.waitForURL(/\/accedi\/verifica/);
      expect(await page.locator('h1').textContent()).toContain('Attiva la verifica in due passaggi');
      expect(await page.locator('img[alt*="QR"]').count()).toBe(1);
      if (javaScriptEnabled) expect(describeViolations(await axe(page))).toBe('');

      const secret = await secretOf(staff.id);
      await page.getByLabel('Codice di verifica').fill(totpAt(secret, currentStep() + 7));
      await page.getByRole('button', { name: 'Attiva e accedi' }).click();
      await expect.poll(() => page.locator('#error-summary').textContent()).toContain('Il codice non è corretto');

      await page.getByLabel('Codice di verifica').fill(totpAt(secret, currentStep()));
      await page.getByRole('button', { name: 'Attiva e accedi' }).click();
      await page.waitForURL((url) => url.pathname === '/servizi');
      expect(await page.locator('[data-element="personal-area"]').first().textContent()).toContain('Elena Galli');
      // The two refused submissions answer 400 (GOV.UK pattern), which Chromium logs; nothing else may fail.
      expect(unexpected(problems, [400])).toEqual([]);
      await context.close();
    }, 180_000);
  }

  it('shows the login pages accessibly at phone width, and by keyboard alone', async () => {
    const { page, context } = await openPage(site, { viewport: WIDTHS.mobile });
    for (const path of ['/accedi', '/accedi/credenziali']) {
      await page.goto(site.baseUrl + path);
      expect(describeViolations(await axe(page)), path).toBe('');
    }
    // Keyboard: tab from the top of the form page reaches the e-mail field, then password, then the button.
    await page.goto(`${site.baseUrl}/accedi/credenziali`);
    await page.getByLabel('E-mail').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Accedi');
    await context.close();
  });
});
