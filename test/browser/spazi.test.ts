import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { follow, loggedIn, noViolations, openPage, startSite, submit, text, tick, unexpected, WIDTHS, type Site } from './support';
import { createTestUser } from '../support/accounts';
import { cityPaths } from '../../src/web/paths';

// Stories of the Spazi WeMi: a citizen finds a Spazio on the list beside the overview map (list first, address
// always written; the map only with JavaScript, its markers leading to each Spazio's page), at 1280 and 375 px,
// with JavaScript on and off; and City staff edit a Spazio's opening hours and archive one through the real forms.
//
// Map tiles: the sandbox has no internet. Where a story needs a drawn map, the browser context answers the tile
// requests of the configured tile server with a plain grey PNG (a stand-in for the external tile service only:
// Leaflet, our map script and the pages are the real ones). Where no tile answers, the page must give way to the
// "map not available" notice without any error of its own.

const SHOTS = '/tmp/shots';
const GREY_TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN49uwZAAVoArMCxcTLAAAAAElFTkSuQmCC',
  'base64',
);

async function serveTiles(context: BrowserContext): Promise<void> {
  await context.route(/tile\.openstreetmap\.org/, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: GREY_TILE }));
}

const cards = (page: Page) => page.locator('article[data-spazio]');

describe('A citizen finds a Spazio WeMi on the list and on the map', () => {
  let site: Site;
  let publicCount: number;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    site = await startSite();
    publicCount = (
      await site.t.db.one<{ n: number }>(`select count(*)::int as n from location where kind = 'spazio_wemi' and spazio_status in ('confirmed', 'unconfirmed')`)
    ).n;
  });
  afterAll(async () => site?.close());

  for (const [widthName, viewport] of Object.entries(WIDTHS)) {
    it(`with JavaScript, at ${widthName} width: the list and a map whose markers open each Spazio`, async () => {
      const { page, context, problems } = await openPage(site, { viewport });
      await serveTiles(context);
      await page.goto(`${site.baseUrl}/spazi-wemi`);
      // The list: every public Spazio, each with its address written out; the older ones say they are not confirmed.
      expect(await cards(page).count()).toBe(publicCount);
      expect(publicCount).toBe(40);
      for (const address of await page.locator('article[data-spazio] address').allTextContents()) expect(address.trim()).not.toBe('');
      expect(await page.locator('article[data-spazio] .wemi-spazio-status').count()).toBe(16);
      // The map, beside the list on a desktop, above it on a phone.
      const map = page.locator('.wemi-map--overview.wemi-map--active');
      await map.waitFor();
      await page.locator('.leaflet-tile-loaded').first().waitFor();
      expect(await page.locator('.wemi-map-pin').count()).toBe(publicCount);
      const mapBox = (await map.boundingBox())!;
      const listBox = (await page.locator('#spazi-elenco').boundingBox())!;
      if (widthName === 'desktop') {
        expect(mapBox.x).toBeGreaterThan(listBox.x + listBox.width - 1);
        expect(mapBox.y).toBeLessThan(listBox.y + 200);
      } else {
        expect(mapBox.width).toBeLessThanOrEqual(375);
        expect(mapBox.y).toBeLessThan(listBox.y);
      }
      await noViolations(page, `Spazi WeMi list with map, ${widthName}`);
      await page.screenshot({ path: `${SHOTS}/spazi-list-js-${widthName}.png`, fullPage: false });
      if (widthName === 'mobile') await page.screenshot({ path: `${SHOTS}/spazi-list-js-${widthName}-full.png`, fullPage: true });

      // Keyboard: the skip link leads past the map to the list.
      await page.locator('.wemi-skip-map').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#spazi-elenco');

      // A marker is a button named by the Spazio; Enter on it opens the Spazio's page, which has its own map.
      const pin = page.locator('.wemi-map-pin[aria-label^="WeMi Niguarda"]');
      expect(await pin.getAttribute('role')).toBe('button');
      expect(await pin.getAttribute('aria-label')).toContain('Piazza Ospedale Maggiore, 3');
      expect(await pin.getAttribute('aria-label')).toContain('Non confermato nella Carta dei Servizi');
      await follow(page, pin, '/spazi-wemi/wemi-niguarda', { by: 'keyboard' });
      await page.locator('.wemi-map.wemi-map--active .leaflet-tile-loaded').first().waitFor();
      expect(await text(page.locator('h1'))).toBe('WeMi Niguarda');
      expect(await text(page.locator('.wemi-spazio-kicker'))).toContain('Non confermato nella Carta dei Servizi');
      expect(await text(page.locator('[data-element="spazio-hours"]'))).toContain('Orari da confermare');
      await noViolations(page, `Spazio WeMi page with map, ${widthName}`);
      await page.screenshot({ path: `${SHOTS}/spazi-detail-js-${widthName}.png`, fullPage: true });
      expect(problems).toEqual([]);
      await context.close();
    });

    it(`without JavaScript, at ${widthName} width: the list alone, and the Municipio filter`, async () => {
      const { page, context, problems } = await openPage(site, { viewport, javaScriptEnabled: false });
      await page.goto(`${site.baseUrl}/spazi-wemi`);
      expect(await cards(page).count()).toBe(publicCount);
      expect(await page.locator('.wemi-spazi-map-col').isVisible()).toBe(false);
      await noViolations(page, `Spazi WeMi list without JavaScript, ${widthName}`, { javaScriptEnabled: false });
      await page.screenshot({ path: `${SHOTS}/spazi-list-nojs-${widthName}.png`, fullPage: false });
      await page.selectOption('#municipio', '9');
      const loaded = page.waitForURL(/municipio=9/);
      await page.locator('form.wemi-spazi-filter button[type="submit"]').click();
      await loaded;
      const n9 = (
        await site.t.db.one<{ n: number }>(
          `select count(*)::int as n from location l join taxonomy_term m on m.id = l.municipio_id
            where l.kind = 'spazio_wemi' and l.spazio_status in ('confirmed', 'unconfirmed') and m.position = 9`,
        )
      ).n;
      expect(await cards(page).count()).toBe(n9);
      expect(await text(page.locator('.wemi-spazi-count'))).toBe(`${n9} Spazi WeMi nel Municipio 9`);
      await follow(page, page.locator('article[data-spazio="wemi-ornato"] h3 a'), '/spazi-wemi/wemi-ornato');
      expect(await text(page.locator('address[data-element="spazio-address"]'))).toContain('Via Ornato, 7');
      expect(await page.locator('.wemi-map').count()).toBe(1);
      expect(await page.locator('.wemi-map').isVisible()).toBe(false);
      await noViolations(page, `Spazio WeMi page without JavaScript, ${widthName}`, { javaScriptEnabled: false });
      await page.screenshot({ path: `${SHOTS}/spazi-detail-nojs-${widthName}.png`, fullPage: true });
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('with no tile server reachable, the map gives way to a notice and the list stays, with no error of the page', async () => {
    const { page, context, problems } = await openPage(site, { viewport: WIDTHS.desktop });
    await context.route(/tile\.openstreetmap\.org/, (route) => route.abort('internetdisconnected'));
    await page.goto(`${site.baseUrl}/spazi-wemi`);
    const notice = page.locator('[data-wemi-map-unavailable]');
    await notice.waitFor({ state: 'visible' });
    expect(await text(notice)).toBe("Mappa non disponibile: trovi tutti gli indirizzi nell'elenco.");
    expect(await page.locator('.wemi-map--overview').isVisible()).toBe(false);
    expect(await cards(page).count()).toBe(publicCount);
    await noViolations(page, 'Spazi WeMi list, map unavailable');
    await page.screenshot({ path: `${SHOTS}/spazi-list-offline.png`, fullPage: false });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('City staff keep the opening hours and the status of the Spazi WeMi', () => {
  let site: Site;
  let editorId: string;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    site = await startSite();
    editorId = (await createTestUser(site.t.db, { kind: 'staff', givenName: 'Elena', familyName: 'Contenuti', roles: [{ role: 'city', permission: 'content' }] })).id;
  });
  afterAll(async () => site?.close());

  const combos = [
    { js: true, widthName: 'desktop', slug: 'wemi-calvi', name: 'WeMi Calvi' },
    { js: false, widthName: 'desktop', slug: 'wemi-zante', name: 'WeMi Zante' },
    { js: true, widthName: 'mobile', slug: 'wemi-grivola', name: 'WeMi Grivola' },
    { js: false, widthName: 'mobile', slug: 'wemi-satta', name: 'WeMi Satta' },
  ] as const;

  for (const c of combos) {
    it(`edits the hours of ${c.name} through the form, JavaScript ${c.js ? 'on' : 'off'}, ${c.widthName}`, async () => {
      const viewport = WIDTHS[c.widthName];
      const { page, context, problems } = await loggedIn(site, editorId, { viewport, javaScriptEnabled: c.js });
      await page.goto(`${site.baseUrl}/gestione-wemi`);
      await follow(page, page.locator(`main a[href="${cityPaths.spazi()}"]`).first(), cityPaths.spazi());
      await noViolations(page, `City Spazi list, ${c.widthName}`, { javaScriptEnabled: c.js });
      if (c.widthName === 'desktop' && c.js) await page.screenshot({ path: `${SHOTS}/spazi-city-list.png`, fullPage: false });
      await follow(page, page.locator(`tr[data-spazio="${c.slug}"] th a`), cityPaths.spazio(c.slug));

      // A range without its end: the page answers with the error summary and keeps what was typed.
      await page.locator('#d2_1_apre').fill('09:00');
      await page.locator('#d6_1_apre').fill('25.00');
      await page.locator('#d6_1_chiude').fill('12:00');
      expect(await submit(page, page.getByRole('button', { name: 'Salva gli orari' }))).toBe(400);
      const summary = await text(page.locator('#error-summary'));
      expect(summary).toContain('Martedì, fascia 1: indica sia l’orario di apertura sia quello di chiusura.');
      expect(summary).toContain('Sabato, fascia 1: «25.00» non è un orario. Scrivilo come ore:minuti, per esempio 9:00.');
      expect(await page.locator('#d2_1_apre').inputValue()).toBe('09:00');
      expect(await page.locator('#d2_1_chiude').getAttribute('aria-invalid')).toBe('true');
      await noViolations(page, `City Spazio hours with errors, ${c.widthName}`, { javaScriptEnabled: c.js });
      await page.screenshot({ path: `${SHOTS}/spazi-city-errors-${c.widthName}-${c.js ? 'js' : 'nojs'}.png`, fullPage: false });

      // Monday and Tuesday, two ranges each; Friday morning; a note.
      await page.locator('#d6_1_apre').fill('');
      await page.locator('#d6_1_chiude').fill('');
      await page.locator('#d1_1_apre').fill('9.00');
      await page.locator('#d1_1_chiude').fill('13:00');
      await page.locator('#d1_2_apre').fill('14:00');
      await page.locator('#d1_2_chiude').fill('18:00');
      await page.locator('#d2_1_chiude').fill('12:30');
      await page.locator('#d5_1_apre').fill('08:30');
      await page.locator('#d5_1_chiude').fill('12:00');
      await page.locator('#nota_it').fill('Chiuso in agosto.');
      expect(await submit(page, page.getByRole('button', { name: 'Salva gli orari' }))).toBe(303);
      expect(new URL(page.url()).search).toBe('?esito=orari-salvati');
      expect(await text(page.locator('.wemi-notice'))).toBe('Orari salvati: la pagina pubblica li mostra già.');
      await noViolations(page, `City Spazio page, ${c.widthName}`, { javaScriptEnabled: c.js });
      await page.screenshot({ path: `${SHOTS}/spazi-city-edit-${c.widthName}-${c.js ? 'js' : 'nojs'}.png`, fullPage: !c.js });

      // The public page shows them day by day.
      await follow(page, page.getByRole('link', { name: 'Vedi la pagina pubblica' }), `/spazi-wemi/${c.slug}`);
      const hours = page.locator('[data-element="spazio-hours"]');
      expect(await text(hours.locator('tr[data-weekday="1"] td'))).toBe('9:00–13:00, 14:00–18:00');
      expect(await text(hours.locator('tr[data-weekday="2"] td'))).toBe('9:00–12:30');
      expect(await text(hours.locator('tr[data-weekday="5"] td'))).toBe('8:30–12:00');
      expect(await text(hours.locator('tr[data-weekday="7"] td'))).toBe('Chiuso');
      expect(await hours.locator('tr[aria-current="date"]').count()).toBe(1);
      expect(await text(hours)).toContain('Chiuso in agosto.');
      if (c.js) await page.locator('[data-element="spazio-hours"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/spazi-hours-public-${c.widthName}-${c.js ? 'js' : 'nojs'}.png`, fullPage: false });
      const audit = await site.t.db.one<{ n: number }>(
        `select count(*)::int as n from audit_log a join location l on l.id::text = a.target_id::text where a.action = 'spazi.hours.update' and l.slug = $1 and a.actor_id = $2`,
        [c.slug, editorId],
      );
      expect(audit.n).toBe(1);
      expect(unexpected(problems, [400])).toEqual([]);
      await context.close();
    });
  }

  for (const js of [true, false]) {
    it(`archives a Spazio after confirming, and restores it (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const slug = js ? 'wemi-rimini' : 'wemi-rizzoli';
      const { page, context, problems } = await loggedIn(site, editorId, { viewport: js ? WIDTHS.desktop : WIDTHS.mobile, javaScriptEnabled: js });
      await page.goto(`${site.baseUrl}${cityPaths.spazio(slug)}`);
      await tick(page, page.locator('input[name="stato"][value="archived"]'));
      expect(await submit(page, page.getByRole('button', { name: 'Cambia lo stato' }))).toBe(200);
      expect(await text(page.locator('h1'))).toMatch(/^Archiviare WeMi R\w+\?$/);
      await noViolations(page, 'archive confirmation', { javaScriptEnabled: js });
      await page.screenshot({ path: `${SHOTS}/spazi-city-archive-confirm-${js ? 'js' : 'nojs'}.png`, fullPage: false });
      expect(await submit(page, page.getByRole('button', { name: 'Sì, archivia lo Spazio' }))).toBe(303);
      expect(await text(page.locator('.wemi-notice'))).toBe('Spazio archiviato: non compare più nell’elenco pubblico.');
      await page.goto(`${site.baseUrl}/spazi-wemi`);
      expect(await page.locator(`article[data-spazio="${slug}"]`).count()).toBe(0);
      const gone = await page.goto(`${site.baseUrl}/spazi-wemi/${slug}`);
      expect(gone!.status()).toBe(410);
      expect(await text(page.locator('[data-element="spazio-archived"]'))).toContain('Questo Spazio WeMi non è più nell’elenco');
      await page.goto(`${site.baseUrl}${cityPaths.spazio(slug)}`);
      await tick(page, page.locator('input[name="stato"][value="unconfirmed"]'));
      expect(await submit(page, page.getByRole('button', { name: 'Cambia lo stato' }))).toBe(303);
      expect(await text(page.locator('.wemi-notice'))).toBe('Spazio ripristinato: è di nuovo nell’elenco pubblico.');
      await page.goto(`${site.baseUrl}/spazi-wemi`);
      expect(await page.locator(`article[data-spazio="${slug}"]`).count()).toBe(1);
      expect(unexpected(problems, [410])).toEqual([]);
      await context.close();
    });
  }
});
