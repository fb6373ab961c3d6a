import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSite, WIDTHS, type Site } from './support';

describe('A visitor using only the keyboard', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => site?.close());

  for (const [widthName, viewport] of Object.entries(WIDTHS)) {
    it(`skips to the content, searches and opens a service (${widthName})`, async () => {
      const { page, context } = await openPage(site, { viewport });
      await page.goto(site.baseUrl + '/');
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
      expect(first).toBe('Vai ai contenuti');
      await page.keyboard.press('Enter');
      expect(new URL(page.url()).hash).toBe('#main-container');

      // Tab forward until the search box of the page has focus.
      let onSearch = false;
      for (let i = 0; i < 30 && !onSearch; i++) {
        await page.keyboard.press('Tab');
        onSearch = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'q');
      }
      expect(onSearch).toBe(true);
      await page.keyboard.type('pasti');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/servizi\?/);

      // Reach the first result link by keyboard and open it.
      let onResult = false;
      for (let i = 0; i < 120 && !onResult; i++) {
        await page.keyboard.press('Tab');
        onResult = await page.evaluate(() => document.activeElement?.getAttribute('data-element') === 'service-link');
      }
      expect(onResult).toBe(true);
      const focusVisible = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return s.outlineStyle !== 'none' || s.boxShadow !== 'none';
      });
      expect(focusVisible).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/servizi\/[a-z0-9-]+$/);
      expect(await page.locator('h1').count()).toBe(1);
      await context.close();
    });
  }
});
