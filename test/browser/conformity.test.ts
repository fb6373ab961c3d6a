import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDTHS, noViolations, openPage, startSite, text, type Site } from './support';

// The conformity criteria that only a browser can check, evaluated with the very expressions the AGID validator runs
// in its headless Chromium (audits/municipality_bootstrap): Bootstrap Italia's version from its start-up script and from
// its CSS custom property. And the header, menu and footer at desktop and phone widths, with and without JavaScript.

const BI_VERSION = JSON.parse(readFileSync('node_modules/bootstrap-italia/package.json', 'utf8')).version as string;
const SHOTS = '/tmp/shots';

describe('A visitor (or the AGID validator) on the Designers Italia conformity points', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => site?.close());

  it('reads the Bootstrap Italia version from window.BOOTSTRAP_ITALIA_VERSION and from --bootstrap-italia-version', async () => {
    const { page, context, problems } = await openPage(site);
    await page.goto(site.baseUrl + '/');
    await page.waitForFunction(() => (window as unknown as { BOOTSTRAP_ITALIA_VERSION?: string }).BOOTSTRAP_ITALIA_VERSION);
    const fromScript = await page.evaluate(() => (window as unknown as { BOOTSTRAP_ITALIA_VERSION?: string }).BOOTSTRAP_ITALIA_VERSION || null);
    expect(fromScript?.trim().replaceAll('"', '')).toBe(BI_VERSION);
    const fromCss = await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--bootstrap-italia-version') || null);
    expect(fromCss?.trim().replaceAll('"', '')).toBe(BI_VERSION);
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const [name, viewport] of Object.entries(WIDTHS)) {
    for (const js of [true, false]) {
      it(`shows the menu (Servizi, WeMi's own items, all topics) and the footer links at ${name} width, JavaScript ${js ? 'on' : 'off'}`, async () => {
        const { page, context, problems } = await openPage(site, { viewport, javaScriptEnabled: js });
        await page.goto(site.baseUrl + '/');
        const tag = `conformity-home-${name}-${js ? 'js' : 'nojs'}`;
        await page.screenshot({ path: `${SHOTS}/${tag}-top.png` });
        if (js && name === 'mobile') {
          // The menu opens as a panel with every item, the topics link included.
          await page.locator('[data-wemi-nav-toggle]').click();
          await page.locator('#nav-items.expanded').waitFor();
          await page.screenshot({ path: `${SHOTS}/${tag}-menu-open.png` });
        }
        const services = page.locator('[data-element="all-services"]');
        await expect(services.isVisible()).resolves.toBe(true);
        expect(await text(services)).toBe('Servizi');
        await expect(page.locator('[data-element="all-topics"]').isVisible()).resolves.toBe(true);
        if (js && name === 'mobile') await page.keyboard.press('Escape');
        await page.locator('footer').scrollIntoViewIfNeeded();
        await page.locator('footer').screenshot({ path: `${SHOTS}/${tag}-footer.png` });
        await expect(page.locator('footer a', { hasText: 'Piano di miglioramento del sito' }).isVisible()).resolves.toBe(true);
        // Follow the all-topics link, as a person and as the validator would.
        if (js && name === 'mobile') {
          await page.locator('[data-wemi-nav-toggle]').click();
          await page.locator('#nav-items.expanded').waitFor();
        }
        await page.locator('[data-element="all-topics"]').click();
        await page.waitForURL(/\/argomenti$/);
        expect(await page.locator('[data-element="topic-element"]').count()).toBeGreaterThan(0);
        await noViolations(page, `/argomenti ${name} js=${js}`, { javaScriptEnabled: js });
        await page.screenshot({ path: `${SHOTS}/conformity-topics-${name}-${js ? 'js' : 'nojs'}.png`, fullPage: true });
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }

  it('topic, legal notes and improvement plan pages have no accessibility violations', async () => {
    const { page, context, problems } = await openPage(site);
    for (const path of ['/argomenti/assistenza-sociale', '/note-legali', '/piano-di-miglioramento']) {
      await page.goto(site.baseUrl + path);
      await noViolations(page, path);
      await page.screenshot({ path: `${SHOTS}/conformity-${path.replaceAll('/', '_')}.png`, fullPage: true });
    }
    await page.setViewportSize(WIDTHS.mobile);
    await page.goto(site.baseUrl + '/argomenti/assistenza-sociale');
    await page.screenshot({ path: `${SHOTS}/conformity-topic-mobile.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
