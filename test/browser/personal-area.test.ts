import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, loggedIn, startSite, WIDTHS, type Site } from './support';
import { createTestUser, sessionCookieFor } from '../support/accounts';

// Every page of the personal area passes axe-core at desktop and phone widths, and works without
// JavaScript: a citizen updates the profile, with a mistake first, and logs out of other devices.

describe('A citizen uses the personal area', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => site?.close());

  for (const [widthName, viewport] of Object.entries(WIDTHS)) {
    it(`has no WCAG 2.1 A/AA violation on any personal-area page at ${widthName} width`, async () => {
      const user = await createTestUser(site.t.db, { kind: 'citizen' });
      const { page, context, problems } = await loggedIn(site, user.id, { viewport });
      const failures: string[] = [];
      for (const path of ['/area-personale', '/area-personale/profilo', '/area-personale/privacy', '/area-personale/notifiche', '/area-personale/sessioni', '/area-personale/i-miei-dati', '/area-personale/elimina-account']) {
        const res = await page.goto(site.baseUrl + path);
        expect(res?.status(), path).toBe(200);
        const v = await axe(page);
        if (v.length) failures.push(`${path}:\n${describeViolations(v)}`);
      }
      expect(failures.join('\n\n')).toBe('');
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('updates the profile without JavaScript, after a mistake, and logs out of the other devices', async () => {
    const user = await createTestUser(site.t.db, { kind: 'citizen', givenName: 'Lucia', familyName: 'Verdi' });
    await sessionCookieFor(site.t.db, user.id); // another device
    const { page, context } = await loggedIn(site, user.id, { javaScriptEnabled: false });
    await page.goto(`${site.baseUrl}/area-personale/profilo`);
    await page.locator('#phone').fill('abc');
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForURL((url) => url.pathname === '/area-personale/profilo');
    expect(await page.locator('#error-summary').count()).toBe(1);
    expect(await page.locator('#phone').inputValue()).toBe('abc');
    await page.locator('#phone').fill('02 8845 1234');
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForURL((url) => url.searchParams.has('esito'));
    expect((await site.t.db.one<{ phone: string }>('select phone from app_user where id = $1', [user.id])).phone).toMatch(/02\s?8845\s?1234|0288451234/);

    await page.goto(`${site.baseUrl}/area-personale/sessioni`);
    const before = (await site.t.db.one<{ n: number }>('select count(*)::int as n from user_session where user_id = $1', [user.id])).n;
    expect(before).toBe(2);
    await page.locator('form[action$="termina-altre"] button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/area-personale/sessioni');
    expect((await site.t.db.one<{ n: number }>('select count(*)::int as n from user_session where user_id = $1', [user.id])).n).toBe(1);
    await context.close();
  });
});
