import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { follow, loggedIn, noViolations, openPage, startSite, submit, text, unexpected, WIDTHS, type Site } from './support';
import { createTestUser, type TestUser } from '../support/accounts';
import { queuedMail } from '../support/outbox';
import { cityPaths, entePaths } from '../../src/web/paths';

// Card-level control, through the real forms: City staff suspend a card from the catalogue list with a reason;
// the ente's administrator sees the state and the reason and finds no way to put it back online; the public
// address says the service is not available; the ente takes another card offline and back; the City reactivates
// the suspended card. At 1280 and 375 px, with JavaScript on and off; axe on every page of the story.

const SHOTS = '/tmp/shots-cards';

interface Card {
  id: string;
  slug: string;
  name: string;
}

describe('City staff suspend a card; the ente sees why, and takes its own card offline and back', () => {
  let site: Site;
  let ente: { id: string; name: string };
  let suspended: Card;
  let offline: Card;
  let admin: TestUser;
  let city: TestUser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    site = await startSite();
    const db = site.t.db;
    const free = `(s.offer_type <> 'paid' or exists (select 1 from price_list pl where pl.service_id = s.id and pl.valid_from <= current_date and (pl.valid_to is null or pl.valid_to >= current_date)))`;
    ente = await db.one(
      `select o.id, o.name from organization o where o.status = 'active'
          and (select count(*) from service s where s.organization_id = o.id and s.status = 'published' and ${free}) >= 2
        order by o.slug limit 1`,
    );
    [suspended, offline] = (await db.query<Card>(`select s.id, s.slug, s.name from service s where s.organization_id = $1 and s.status = 'published' and ${free} order by s.name, s.slug limit 2`, [ente.id])) as [Card, Card];
    admin = await createTestUser(db, { kind: 'ente', givenName: 'Elena', familyName: 'Gestione', roles: [{ role: 'ente_admin', organizationId: ente.id }] });
    city = await createTestUser(db, { kind: 'staff', givenName: 'Cesare', familyName: 'Catalogo', roles: [{ role: 'city', permission: 'enti' }] });
  });
  afterAll(async () => site?.close());

  const statusOf = async (c: Card) => (await site.t.db.one<{ status: string }>('select status from service where id = $1', [c.id])).status;
  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

  for (const javaScriptEnabled of [true, false]) {
    for (const [widthName, viewport] of Object.entries(WIDTHS)) {
      const tag = `${widthName}-${javaScriptEnabled ? 'js' : 'nojs'}`;
      it(`at ${widthName} width (${viewport.width}px), JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
        const opts = { viewport, javaScriptEnabled };
        const reason = `Reclami ripetuti sugli orari (${tag}): verifica in corso.`;

        // 1. City staff find the card in the catalogue list and suspend it with a reason.
        const staff = await loggedIn(site, city.id, opts);
        const cp = staff.page;
        await cp.goto(`${site.baseUrl}${cityPaths.cards()}?ente=${ente.id}`);
        await follow(cp, cp.locator(`a[href="${cityPaths.card(suspended.id)}"]`), cityPaths.card(suspended.id));
        expect(await text(cp.locator('[data-card-status]'))).toBe('Pubblicata');
        await noViolations(cp, 'City card page', opts);
        await follow(cp, cp.getByRole('link', { name: 'Sospendi', exact: true }), cityPaths.cardAction(suspended.id, 'suspend'));
        await noViolations(cp, 'suspend page', opts);
        // Without a reason: the same page, with the error summary.
        expect(await submit(cp, cp.getByRole('button', { name: 'Sospendi la scheda' }))).toBe(400);
        expect(await text(cp.locator('#error-summary'))).toContain('Scrivi il motivo');
        await noViolations(cp, 'suspend page with an error', opts);
        await cp.getByLabel('Motivo').fill(reason);
        await shot(cp, `city-suspend-${tag}`);
        expect(await submit(cp, cp.getByRole('button', { name: 'Sospendi la scheda' }))).toBe(303);
        expect(new URL(cp.url()).pathname).toBe(cityPaths.card(suspended.id));
        expect(await text(cp.locator('.wemi-notice'))).toContain('Scheda sospesa');
        expect(await text(cp.locator('[data-card-status]'))).toBe('Sospesa dal Comune');
        expect(await text(cp.locator('[data-element="control-reason"]'))).toBe(reason);
        await shot(cp, `city-suspended-${tag}`);
        expect(await statusOf(suspended)).toBe('suspended');
        expect((await queuedMail(site.t.db, admin.email, { subjectContains: 'Scheda sospesa' })).some((m) => m.text_body.includes(reason))).toBe(true);

        // 2. The public address says the service is not available, and that requests already sent continue.
        const visitor = await openPage(site, opts);
        const gone = await visitor.page.goto(`${site.baseUrl}/servizi/${suspended.slug}`);
        expect(gone?.status()).toBe(410);
        expect(await text(visitor.page.locator('h1'))).toBe('Servizio non disponibile');
        expect(await text(visitor.page.locator('main'))).toContain('La tua richiesta continua');
        await noViolations(visitor.page, '410 page', opts);
        await shot(visitor.page, `public-gone-${tag}`);
        expect(unexpected(visitor.problems, [410])).toEqual([]);
        await visitor.context.close();

        // 3. The ente's administrator sees the state and the City's reason, and no way to put it back online.
        const enteUser = await loggedIn(site, admin.id, opts);
        const ep = enteUser.page;
        await ep.goto(`${site.baseUrl}${entePaths.serviceCards(ente.id)}`);
        const row = ep.locator('tr', { has: ep.locator(`a[href="${entePaths.serviceCard(ente.id, suspended.id)}"]`) });
        expect(await text(row)).toContain('Sospesa dal Comune');
        expect(await text(row)).toContain(`Motivo del Comune: ${reason}`);
        await noViolations(ep, 'ente card list', opts);
        await follow(ep, row.locator(`a[href="${entePaths.serviceCard(ente.id, suspended.id)}"]`), entePaths.serviceCard(ente.id, suspended.id));
        expect(await text(ep.locator('[data-element="city-reason"]'))).toBe(reason);
        expect(await text(ep.locator('[data-element="city-hold"]'))).toContain('Solo il Comune può riattivarla');
        expect(await ep.getByRole('link', { name: 'Rimetti online' }).count()).toBe(0);
        expect(await ep.getByRole('link', { name: 'Metti offline' }).count()).toBe(0);
        await noViolations(ep, 'ente card page, suspended', opts);
        await shot(ep, `ente-suspended-${tag}`);
        // Typing the address of the switch: a page that says why not, and no form.
        await ep.goto(`${site.baseUrl}${entePaths.serviceCardOnline(ente.id, suspended.id)}`);
        expect(await text(ep.locator('[data-element="control-refused"]'))).toContain('solo il Comune può riattivarla');
        expect(await ep.locator(`form[action="${entePaths.serviceCardOnline(ente.id, suspended.id)}"]`).count()).toBe(0);
        expect(await statusOf(suspended)).toBe('suspended');

        // 4. The ente takes another card offline (optional reason) and puts it back online.
        await ep.goto(`${site.baseUrl}${entePaths.serviceCard(ente.id, offline.id)}`);
        await follow(ep, ep.getByRole('link', { name: 'Metti offline' }), entePaths.serviceCardOffline(ente.id, offline.id));
        await noViolations(ep, 'offline page', opts);
        await ep.getByLabel('Motivo').fill('Personale in ferie');
        await shot(ep, `ente-offline-form-${tag}`);
        expect(await submit(ep, ep.getByRole('button', { name: 'Metti offline' }))).toBe(303);
        expect(await text(ep.locator('.wemi-notice'))).toContain('Scheda messa offline');
        expect(await text(ep.locator('[data-element="card-control"]'))).toContain('Personale in ferie');
        expect(await statusOf(offline)).toBe('offline');
        await noViolations(ep, 'ente card page, offline', opts);
        await shot(ep, `ente-offline-${tag}`);
        const check = await openPage(site, opts);
        expect((await check.page.goto(`${site.baseUrl}/servizi/${offline.slug}`))?.status()).toBe(410);
        await follow(ep, ep.getByRole('link', { name: 'Rimetti online' }), entePaths.serviceCardOnline(ente.id, offline.id));
        await noViolations(ep, 'online page', opts);
        expect(await submit(ep, ep.getByRole('button', { name: 'Rimetti online' }))).toBe(303);
        expect(await text(ep.locator('.wemi-notice'))).toContain('Scheda di nuovo online');
        expect(await statusOf(offline)).toBe('published');
        expect((await check.page.goto(`${site.baseUrl}/servizi/${offline.slug}`))?.status()).toBe(200);
        await check.context.close();
        expect(unexpected(enteUser.problems, [400, 410])).toEqual([]);
        await enteUser.context.close();

        // 5. The City reactivates the suspended card through its form.
        await follow(cp, cp.getByRole('link', { name: 'Riattiva', exact: true }), cityPaths.cardAction(suspended.id, 'reactivate'));
        await noViolations(cp, 'reactivate page', opts);
        await cp.getByLabel('Motivo').fill('Verifica conclusa: orari corretti.');
        expect(await submit(cp, cp.getByRole('button', { name: 'Riattiva la scheda' }))).toBe(303);
        expect(await text(cp.locator('[data-card-status]'))).toBe('Pubblicata');
        expect(await statusOf(suspended)).toBe('published');
        expect(unexpected(staff.problems, [400])).toEqual([]);
        await staff.context.close();
      }, 180_000);
    }
  }
});
