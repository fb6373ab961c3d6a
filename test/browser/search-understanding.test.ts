import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, noViolations, openPage, startSite, submit, text, tick, unexpected, WIDTHS, type Site } from './support';
import { createTestUser } from '../support/accounts';

// Issue 9, "Search that understands a person", as people use it in the browser, with JavaScript on and off, at
// desktop and phone widths: a sentence naming a place finds relevant services in that Municipio, the page shows the
// Municipio as an active filter that can be removed; the price unit filter and price sorting through the form; and
// a City editor adds a concept to the search dictionary through the back-office form, which the search then knows.

const SHOTS = '/tmp/shots';

describe('search that understands a person', () => {
  let site: Site;
  let editorId: string;

  beforeAll(async () => {
    site = await startSite();
    editorId = (await createTestUser(site.t.db, { kind: 'staff', givenName: 'Carla', familyName: 'Contenuti', roles: [{ role: 'city', permission: 'content' }] })).id;
  }, 120_000);
  afterAll(async () => site?.close());

  for (const js of [true, false]) {
    for (const [widthName, viewport] of Object.entries(WIDTHS)) {
      const label = `${js ? 'js' : 'nojs'}-${widthName}`;

      it(`a sentence with a place: relevant results, the Municipio shown as a removable filter, unit and price sort (${label})`, async () => {
        const { page, context, problems } = await openPage(site, { viewport, javaScriptEnabled: js });
        try {
          await page.goto(`${site.baseUrl}/servizi`);
          await page.fill('#q', 'cerco pasti a domicilio municipio 8');
          await Promise.all([page.waitForURL(/\/servizi\?/), page.locator('#search-form button[type="submit"]').first().click()]);
          expect(new URL(page.url()).searchParams.get('q')).toBe('cerco pasti a domicilio municipio 8');
          const chip = page.locator('.wemi-chips a', { hasText: 'Municipio 8' });
          await expect.poll(() => chip.count()).toBe(1);
          expect(await text(chip)).toContain('da “municipio 8”');
          const first = page.locator('[data-element="service-link"]').first();
          expect(await text(first)).toMatch(/pasti|pranzo|menù/i);
          await page.screenshot({ path: `${SHOTS}/search-place-${label}.png`, fullPage: false });
          await noViolations(page, `search with a place (${label})`, { javaScriptEnabled: js });
          // Removing the Municipio: the same words without the place.
          await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === 'cerco pasti a domicilio'), chip.click()]);
          expect(await page.locator('.wemi-chips a', { hasText: 'Municipio 8' }).count()).toBe(0);

          // Sorted by price, the page says prices are compared within a unit; "Prezzo per: ora", dearest first.
          await page.goto(`${site.baseUrl}/servizi?q=assistenza`);
          await page.selectOption('#ordina', 'prezzo_desc');
          await Promise.all([page.waitForURL((u) => u.searchParams.get('ordina') === 'prezzo_desc'), page.getByRole('button', { name: 'Applica filtri' }).click()]);
          expect(await text(page.locator('[data-element="search-unit-note"]'))).toContain('stessa unità');
          await page.selectOption('#unita', 'ora');
          await Promise.all([page.waitForURL((u) => u.searchParams.get('unita') === 'ora'), page.getByRole('button', { name: 'Applica filtri' }).click()]);
          const prices = (await page.locator('.wemi-result-price').allTextContents()).filter((p) => p.includes('€'));
          expect(prices.length).toBeGreaterThan(1);
          for (const p of prices) expect(p).toMatch(/\/ ora/);
          const amounts = prices.map((p) => Number(/([\d.]+,\d{2})/.exec(p)![1]!.replace('.', '').replace(',', '.')));
          expect(amounts).toEqual([...amounts].sort((x, y) => y - x));
          expect(await page.locator('.wemi-chips a', { hasText: 'Prezzo per' }).count()).toBe(1);
          await page.screenshot({ path: `${SHOTS}/search-unit-${label}.png`, fullPage: false });
          expect(unexpected(problems, [])).toEqual([]);
        } finally {
          await context.close();
        }
      }, 120_000);

      it(`a City editor adds a concept through the back-office form, and the search knows it (${label})`, async () => {
        const word = `zorblax${js ? 'j' : 'n'}${widthName}`;
        const { page, context, problems } = await loggedIn(site, editorId, { viewport, javaScriptEnabled: js });
        try {
          await page.goto(`${site.baseUrl}/gestione-wemi/tassonomie`);
          await Promise.all([page.waitForURL(/concetti-di-ricerca$/), page.locator('[data-element="search-concepts"]').click()]);
          await page.getByRole('link', { name: 'Aggiungi un concetto' }).click();
          await page.waitForURL(/concetti-di-ricerca\/nuovo$/);
          // Sent empty first: the errors, in Italian.
          expect(await submit(page, page.getByRole('button', { name: 'Aggiungi il concetto' }))).toBe(400);
          expect(await text(page.locator('.wemi-error-summary'))).toContain('Scrivi il nome del concetto.');
          await page.screenshot({ path: `${SHOTS}/search-concept-errors-${label}.png`, fullPage: false });
          await page.fill('#etichetta', `Prova ${word}`);
          await page.fill('#termini', word);
          await page.fill('#correlati', 'pasti a domicilio');
          await tick(page, page.locator('#categorie-pasti_domicilio'));
          await page.locator('#categorie').screenshot({ path: `${SHOTS}/search-concept-choices-${label}.png` });
          await noViolations(page, `concept form (${label})`, { javaScriptEnabled: js });
          expect(await submit(page, page.getByRole('button', { name: 'Aggiungi il concetto' }))).toBe(303);
          expect(page.url()).toMatch(/esito=concetto-creato/);
          expect(await text(page.locator('.wemi-notice'))).toContain('Concetto aggiunto');
          await page.screenshot({ path: `${SHOTS}/search-concepts-list-${label}.png`, fullPage: widthName === 'desktop' });
          await noViolations(page, `concept list (${label})`, { javaScriptEnabled: js });
          await page.goto(`${site.baseUrl}/servizi?${new URLSearchParams({ q: `ho bisogno di ${word}` })}`);
          expect(await text(page.locator('[data-element="service-link"]').first())).toMatch(/pasti|pranzo|menù/i);
          expect(unexpected(problems, [400])).toEqual([]);
        } finally {
          await context.close();
        }
      }, 120_000);
    }
  }
});
