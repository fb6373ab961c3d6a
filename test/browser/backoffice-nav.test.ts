import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../support/accounts';
import { follow, loggedIn, noViolations, startSite, submit, text, WIDTHS, type Site } from './support';

// Staff find their way in the back offices by keyboard: the first Tab stops are the skip links, then the back
// office's own menu (not the public site's header and mega-menu), and the main content's first link is a few Tab
// stops away. At 1280 and 375 px, JavaScript on and off, for the City and for an ente; on a phone the menu opens
// and closes without JavaScript. Screenshots in /tmp/shots-backoffice/.

const SHOTS = '/tmp/shots-backoffice';

/** What has the keyboard focus: inside which landmark, and what. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { where: 'body', tag: 'body', text: '', href: null as string | null };
    const where = el.closest('#backoffice-nav') ? 'nav' : el.closest('main') ? 'main' : el.closest('.skiplink') ? 'skip' : el.closest('header') ? 'header' : 'other';
    return { where, tag: el.tagName.toLowerCase(), text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(), href: el.getAttribute('href') };
  });

/** The first link of the main content a keyboard reaches (visible). */
const firstMainLink = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('main a[href]')].find((a) => a.getClientRects().length > 0)?.getAttribute('href') ?? null);

describe('Staff move through the back offices by keyboard, with their own menu', () => {
  let site: Site;
  let cityId: string;
  let enteId: string;
  let enteAdminId: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    site = await startSite();
    const db = site.t.db;
    const ente = await db.one<{ id: string }>(`select id from organization where status = 'active' order by lower(name), id limit 1`);
    enteId = ente.id;
    cityId = (
      await createTestUser(db, {
        kind: 'staff',
        givenName: 'Giovanna',
        familyName: 'Navigatori',
        roles: (['users', 'enti', 'content', 'requests'] as const).map((permission) => ({ role: 'city' as const, permission })),
      })
    ).id;
    enteAdminId = (await createTestUser(db, { kind: 'ente', givenName: 'Ettore', familyName: 'Tastiera', roles: [{ role: 'ente_admin', organizationId: ente.id }] })).id;
  });
  afterAll(async () => site?.close());

  const pages = () => [
    { who: 'city', userId: cityId, path: '/gestione-wemi', area: 'Gestione WeMi', navFirst: 'Panoramica' },
    { who: 'city', userId: cityId, path: '/gestione-wemi/utenti', area: 'Gestione WeMi', navFirst: 'Panoramica' },
    { who: 'city', userId: cityId, path: '/gestione-wemi/registro-attivita', area: 'Gestione WeMi', navFirst: 'Panoramica' },
    { who: 'ente', userId: enteAdminId, path: '/gestione-ente', area: 'Gestione ente', navFirst: 'Riepilogo' },
    { who: 'ente', userId: enteAdminId, path: `/gestione-ente/${enteId}`, area: 'Gestione ente', navFirst: 'Riepilogo' },
    { who: 'ente', userId: enteAdminId, path: `/gestione-ente/${enteId}/schede`, area: 'Gestione ente', navFirst: 'Riepilogo' },
  ];

  for (const [widthName, viewport] of Object.entries(WIDTHS)) {
    for (const javaScriptEnabled of [true, false]) {
      const mode = `${widthName}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;

      it(`skip links first, then the back-office menu; the content's first link within 4 Tab stops; axe clean (${mode})`, async () => {
        for (const p of pages()) {
          const where = `${p.who} ${p.path} (${mode})`;
          const { page, context, problems } = await loggedIn(site, p.userId, { viewport, javaScriptEnabled });
          expect((await page.goto(site.baseUrl + p.path))?.status(), where).toBe(200);
          // The back office's header, not the public one.
          expect(await page.locator('[data-element="main-navigation"]').count(), where).toBe(0);
          expect(await text(page.locator('.wemi-bo-brand')), where).toBe(`WeMi${p.area}`);
          await noViolations(page, where, { javaScriptEnabled });
          await page.screenshot({ path: `${SHOTS}/${p.who}-${p.path.split('/').slice(2).join('-').replace(/[0-9a-f-]{36}/, 'ente') || 'home'}-${widthName}-js-${javaScriptEnabled ? 'on' : 'off'}.png`, fullPage: false });

          // 1-2: the skip links; 3: the back office's menu (its first link on a wide screen, its button on a phone).
          await page.keyboard.press('Tab');
          expect(await focused(page), where).toMatchObject({ where: 'skip', href: '#main-container' });
          await page.keyboard.press('Tab');
          expect(await focused(page), where).toMatchObject({ where: 'skip', href: '#backoffice-nav', text: `Vai al menu di ${p.area}` });
          await page.keyboard.press('Tab');
          const third = await focused(page);
          expect(third.where, where).toBe('nav');
          if (widthName === 'desktop') expect(third, where).toMatchObject({ tag: 'a', text: p.navFirst });
          else expect(third, where).toMatchObject({ tag: 'summary', text: 'Menu' });

          // From the top again: the first skip link takes the keyboard to the content, whose first link is next.
          await page.goto(site.baseUrl + p.path);
          let stops = 0;
          await page.keyboard.press('Tab');
          stops++;
          await page.keyboard.press('Enter');
          await page.keyboard.press('Tab');
          stops++;
          expect(await focused(page), where).toMatchObject({ where: 'main', href: await firstMainLink(page) });
          expect(stops).toBeLessThanOrEqual(4);

          // The second skip link takes it to the menu.
          await page.goto(site.baseUrl + p.path);
          await page.keyboard.press('Tab');
          await page.keyboard.press('Tab');
          await page.keyboard.press('Enter');
          await page.keyboard.press('Tab');
          expect((await focused(page)).where, where).toBe('nav');
          expect(problems, where).toEqual([]);
          await context.close();
        }
      }, 300_000);

      it(`the menu marks the current section and leads to the others; on a phone it opens without JavaScript (${mode})`, async () => {
        const { page, context, problems } = await loggedIn(site, cityId, { viewport, javaScriptEnabled });
        await page.goto(`${site.baseUrl}/gestione-wemi/utenti`);
        const nav = page.locator('#backoffice-nav');
        expect(await nav.getAttribute('aria-label')).toBe('Sezioni di Gestione WeMi');
        const current = nav.locator('a[aria-current="page"]:visible');
        if (widthName === 'mobile') {
          // Closed at first: only its button shows; the keyboard opens it.
          expect(await nav.locator('a:visible').count()).toBe(0);
          await nav.locator('summary').focus();
          await page.keyboard.press('Enter');
          expect(await nav.locator('details').getAttribute('open')).not.toBeNull();
          await page.screenshot({ path: `${SHOTS}/city-menu-open-${widthName}-js-${javaScriptEnabled ? 'on' : 'off'}.png` });
          await noViolations(page, `menu open (${mode})`, { javaScriptEnabled });
        }
        expect(await text(current)).toBe('Utenti');
        const labels = await nav.locator('.wemi-bo-nav-list a:visible').allTextContents();
        expect(labels).toEqual([
          'Panoramica', 'Utenti', 'Registro attività', 'Adesioni degli enti', 'Validazione schede servizio', 'Validazione schede enti', 'Enti', 'Catalogo schede', 'Tassonomie',
          'Spazi WeMi', 'Qualità delle risposte', 'Reclami', 'Recensioni',
        ]);
        await follow(page, nav.locator('a:visible', { hasText: 'Registro attività' }), '/gestione-wemi/registro-attivita', { by: 'keyboard' });
        expect(await text(page.locator('h1'))).toBe('Registro attività');
        // The log reads in Italian: each action by its label, its code in small type under it.
        expect(await text(page.locator('.wemi-audit-table tbody tr').first().locator('td').nth(2))).toBe('Registro attività consultato audit.view');
        await page.screenshot({ path: `${SHOTS}/city-audit-table-${widthName}-js-${javaScriptEnabled ? 'on' : 'off'}.png`, fullPage: true });
        expect(await text(page.locator('#backoffice-nav a[aria-current="page"]').first())).toBe('Registro attività');
        expect(problems).toEqual([]);
        await context.close();
      }, 120_000);
    }
  }

  it('the ente menu leads to the ente’s sections, and the account menu logs out (JavaScript off)', async () => {
    const { page, context } = await loggedIn(site, enteAdminId, { viewport: WIDTHS.desktop, javaScriptEnabled: false });
    await page.goto(`${site.baseUrl}/gestione-ente/${enteId}`);
    const nav = page.locator('#backoffice-nav');
    expect(await nav.locator('.wemi-bo-nav-list a:visible').allTextContents()).toEqual([
      'Riepilogo', 'Scheda ente', 'Sedi', 'Spazi WeMi', 'Documenti', 'Operatori', 'Schede servizio', 'Richieste', 'Recensioni ricevute',
    ]);
    await follow(page, nav.locator('a:visible', { hasText: 'Sedi' }), `/gestione-ente/${enteId}/sedi`);
    expect(await text(nav.locator('a[aria-current="page"]:visible'))).toBe('Sedi');
    // The account: the name leads to the personal area; "Esci" ends the session.
    expect(await text(nav.locator('.wemi-bo-account-name a:visible'))).toContain('Ettore Tastiera');
    expect(await submit(page, nav.locator('.wemi-bo-logout button:visible'))).toBe(303);
    expect(new URL(page.url()).pathname).toBe('/accedi');
    expect(await page.locator('[data-element="personal-area-login"]').count()).toBe(1);
    await context.close();
  }, 120_000);

  it('public pages keep the public header for staff too', async () => {
    const { page, context } = await loggedIn(site, cityId, { viewport: WIDTHS.desktop });
    await page.goto(`${site.baseUrl}/servizi`);
    expect(await page.locator('[data-element="main-navigation"]').count()).toBe(1);
    expect(await page.locator('#backoffice-nav').count()).toBe(0);
    await context.close();
  });
});
