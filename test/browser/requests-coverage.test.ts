import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDTHS, follow, loggedIn, noViolations, startSite, submit, text, tick, unexpected, type PageOptions, type Site } from './support';
import { createTestUser, type TestUser } from '../support/accounts';
import { dayInMilan } from '../support/fixtures';
import { formatDate } from '../../src/i18n/i18n';

// Coverage (issue 10): a citizen whose address is in Municipio 8 asks for a service whose card covers only
// Municipi 3 and 4. Through the real forms of the stepper — with JavaScript on at 1280 px and off at 375 px — the
// citizen is warned at step 4, where the Municipio is given, and again on the summary, with the way to go on or
// to choose other enti; the comparison of offers shows the zone each card serves, with a mark on the card
// outside the citizen's Municipio; the ente of that card sees "Fuori dalla zona servita" in its inbox and on the
// request. Every page passes axe-core; screenshots go to /tmp/shots-requests/.

const SHOTS = '/tmp/shots-requests';

interface Card {
  id: string;
  slug: string;
  name: string;
  organization_id: string;
  organization_name: string;
}

const CONFIGS: { label: string; tag: string; opts: PageOptions }[] = [
  { label: 'JavaScript on, 1280 px', tag: 'js-1280', opts: { viewport: WIDTHS.desktop } },
  { label: 'JavaScript off, 375 px', tag: 'nojs-375', opts: { viewport: WIDTHS.mobile, javaScriptEnabled: false } },
];

describe('A citizen in Municipio 8 is warned that a card covers Municipi 3 and 4, and its ente sees it', () => {
  let site: Site;
  let narrow: Card;
  let wide: Card;
  let enteAdmin: TestUser;
  let m8: string;
  const sent: { tag: string; requestId: string; reference: string; citizen: TestUser }[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    site = await startSite();
    const db = site.t.db;
    // Two published cards of one service type, of two different active enti.
    const rows = await db.query<Card & { service_type_id: string }>(
      `with open_card as (
         select s.id, s.slug, s.name, s.service_type_id, s.organization_id, o.name as organization_name,
                row_number() over (partition by s.service_type_id, s.organization_id order by s.slug) as nth
           from public_service s join organization o on o.id = s.organization_id where o.status = 'active')
       select id, slug, name, service_type_id, organization_id, organization_name from open_card
        where nth = 1 and service_type_id = (select service_type_id from open_card where nth = 1 group by service_type_id
                                              order by count(*) desc, service_type_id limit 1)
        order by slug limit 2`,
    );
    expect(rows).toHaveLength(2);
    [narrow, wide] = [rows[0]!, rows[1]!];
    const municipi = await db.query<{ id: string; slug: string; code: string }>(
      `select t.id, t.slug, t.code from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = 'municipio' order by t.position`,
    );
    const byCode = (code: string) => municipi.find((m) => m.code === code)!;
    m8 = byCode('m8').slug;
    // The zones as an ente sets them on its card: the first card Municipi 3 and 4, the second the whole city.
    const cover = async (card: Card, codes: string[]) => {
      await db.query('delete from service_area where service_id = $1', [card.id]);
      for (const c of codes) await db.query('insert into service_area (service_id, municipio_id) values ($1, $2)', [card.id, byCode(c).id]);
    };
    await cover(narrow, ['m3', 'm4']);
    await cover(wide, municipi.map((m) => m.code));
    enteAdmin = await createTestUser(db, { kind: 'ente', givenName: 'Elena', familyName: 'Ente', roles: [{ role: 'ente_admin', organizationId: narrow.organization_id }] });
  });
  afterAll(async () => site?.close());

  const path = (page: Page) => new URL(page.url()).pathname;
  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

  for (const { label, tag, opts } of CONFIGS) {
    it(`${label}: the stepper warns at step 4 and on the summary; the citizen goes on and sends`, async () => {
      const db = site.t.db;
      const citizen = await createTestUser(db, { givenName: 'Paola', familyName: `Verdi ${tag}` });
      const browser = await loggedIn(site, citizen.id, opts);
      const p = browser.page;

      // From the service card to the confirmation, which names the zone, then step 1.
      expect((await p.goto(`${site.baseUrl}/servizi/${narrow.slug}`))?.status()).toBe(200);
      await follow(p, p.getByRole('link', { name: 'Richiedi a più enti' }), '/richieste/nuova');
      const confirmation = await text(p.locator('main'));
      expect(confirmation).toContain(narrow.organization_name);
      expect(confirmation).toContain('Municipi 3, 4');
      await noViolations(p, `${tag}: confirmation`, opts);
      await shot(p, `${tag}-1-confirmation`);
      expect(await submit(p, p.getByRole('button', { name: 'Inizia la richiesta' }))).toBe(303);
      const requestId = /^\/richieste\/([0-9a-f-]{36})\/passo\/1$/.exec(path(p))?.[1];
      expect(requestId, 'step 1 of a new draft').toBeTruthy();
      const step = (n: number) => `/richieste/${requestId}/passo/${n}`;
      const next = async (n: number) => {
        expect(await submit(p, p.getByRole('button', { name: 'Avanti' }))).toBe(303);
        expect(path(p)).toBe(step(n));
      };

      // 1. Both enti; each card shows its zone.
      const choice = (c: Card) => p.locator(`input[name="enti"][value="${c.id}"]`);
      expect(await choice(narrow).isChecked()).toBe(true);
      const zoneOf = (c: Card) => p.locator('li.wemi-req-card', { has: choice(c) }).locator('div', { has: p.locator('dt', { hasText: 'Zona servita' }) }).locator('dd');
      expect(await text(zoneOf(narrow))).toBe('Municipi 3, 4');
      expect(await text(zoneOf(wide))).toBe('Tutti i Municipi');
      await tick(p, choice(wide));
      await next(2);
      // 2. For whom
      await tick(p, p.locator('input[name="per_chi"][value="self"]'));
      await next(3);
      // 3. What and when
      await p.locator('#bisogno').fill('Aiuto a casa tre mattine la settimana.');
      await p.locator('#dal').fill(dayInMilan(10));
      await p.locator('#persone').fill('1');
      await p.locator('#unita').fill('12');
      await next(4);

      // 4. Where: Municipio 8. "Avanti" saves and shows step 4 again with the warning.
      expect(await p.locator('.wemi-req-zone').count(), 'no warning before a Municipio is given').toBe(0);
      await p.locator('#municipio').selectOption(m8);
      await p.locator('#indirizzo').fill('Via Padova 120, 20132 Milano');
      expect(await submit(p, p.getByRole('button', { name: 'Avanti' }))).toBe(303);
      expect(path(p)).toBe(step(4));
      const alert = p.locator('.alert.alert-warning.wemi-req-zone');
      expect(await alert.isVisible()).toBe(true);
      const warning = await text(alert);
      expect(warning).toContain('Il Municipio 8 è fuori dalla zona servita');
      expect(warning).toContain(`«${narrow.name}» di ${narrow.organization_name} copre i Municipi 3, 4; l'indirizzo che hai indicato è nel Municipio 8.`);
      expect(warning, 'the card that covers the whole city is not named').not.toContain(wide.organization_name);
      expect(await alert.getByRole('link', { name: 'Scegli altri enti' }).getAttribute('href')).toBe(step(1));
      expect(await alert.getByRole('link', { name: 'Cerca un altro servizio nel Municipio 8' }).getAttribute('href')).toMatch(/^\/servizi\?tipo=[a-z0-9-]+&municipio=8$/);
      // What was given is kept.
      expect(await p.locator('#municipio').inputValue()).toBe(m8);
      expect(await p.locator('#indirizzo').inputValue()).toBe('Via Padova 120, 20132 Milano');
      await noViolations(p, `${tag}: step 4 with the warning`, opts);
      await shot(p, `${tag}-2-step4-warning`);

      // The citizen goes on anyway: the summary warns again before sending.
      expect(await submit(p, p.getByRole('button', { name: 'Prosegui comunque' }))).toBe(303);
      expect(path(p)).toBe(step(5));
      expect(await text(p.locator('.wemi-req-zone'))).toContain(`copre i Municipi 3, 4; l'indirizzo che hai indicato è nel Municipio 8.`);
      expect(await text(p.locator('main')), 'a start date and no end date').toContain(`Dal ${formatDate('it', dayInMilan(10))}`);
      await noViolations(p, `${tag}: summary with the warning`, opts);
      await shot(p, `${tag}-3-summary-warning`);
      expect(await submit(p, p.getByRole('button', { name: 'Invia la richiesta' }))).toBe(303);
      expect(path(p)).toBe(`/richieste/${requestId}/inviata`);

      const { reference } = await db.one<{ reference: string }>('select reference from service_request where id = $1', [requestId]);
      sent.push({ tag, requestId: requestId!, reference, citizen });
      expect(unexpected(browser.problems, []), 'console').toEqual([]);
      await browser.context.close();
    }, 180_000);
  }

  it('the ente sees "Fuori dalla zona servita" in its inbox and on the request (1280 and 375 px); the comparison marks the card', async () => {
    expect(sent).toHaveLength(2);
    const mark = 'Fuori dalla zona servita (Municipio 8; la scheda copre i Municipi 3, 4)';
    const inbox = `/gestione-ente/${narrow.organization_id}/richieste`;
    for (const [i, viewport] of [WIDTHS.desktop, WIDTHS.mobile].entries()) {
      const size = viewport.width;
      const ente = await loggedIn(site, enteAdmin.id, { viewport });
      const e = ente.page;
      expect((await e.goto(site.baseUrl + inbox))?.status()).toBe(200);
      for (const r of sent) expect(await text(e.locator('tr', { hasText: r.reference }))).toContain(mark);
      await noViolations(e, `ente inbox at ${size} px`);
      await shot(e, `ente-${size}-1-inbox`);
      const r = sent[i]!;
      await follow(e, e.getByRole('link', { name: r.reference, exact: true }), (x) => x.startsWith(`${inbox}/`));
      const municipioRow = e.locator('.wemi-dl-row', { has: e.locator('dt', { hasText: /^Municipio$/ }) });
      expect(await text(municipioRow.locator('dd'))).toBe(`Municipio 8 ${mark}`);
      expect(await municipioRow.locator('[data-outside="true"]').isVisible()).toBe(true);
      const zoneRow = e.locator('.wemi-dl-row', { has: e.locator('dt', { hasText: /^Zona servita$/ }) });
      expect(await text(zoneRow.locator('dd'))).toBe('Municipi 3, 4');
      await noViolations(e, `ente request detail at ${size} px`);
      await shot(e, `ente-${size}-2-detail`);

      // The ente makes an offer through its form; the citizen compares and sees the zone, marked.
      await e.locator('#prezzo').fill('150,00');
      await e.locator('#al').fill(dayInMilan(60));
      await e.locator('#scadenza').fill(dayInMilan(7));
      expect(await submit(e, e.getByRole('button', { name: 'Invia l’offerta' }))).toBe(303);
      expect(new URL(e.url()).searchParams.get('esito')).toBe('offerta-inviata');
      expect(ente.problems, 'ente console').toEqual([]);
      await ente.context.close();

      const person = await loggedIn(site, r.citizen.id, { viewport, javaScriptEnabled: i === 0 });
      const p = person.page;
      expect((await p.goto(`${site.baseUrl}/richieste/${r.requestId}`))?.status()).toBe(200);
      const table = p.locator('table.wemi-req-offers');
      expect(await text(table.locator('thead'))).toContain('Zona servita');
      const row = table.locator('tbody tr', { hasText: narrow.organization_name });
      expect(await text(row)).toContain('Municipi 3, 4 Fuori dalla tua zona (Municipio 8)');
      expect(await row.locator('[data-outside="true"]').count()).toBe(1);
      await noViolations(p, `comparison at ${size} px`, { javaScriptEnabled: i === 0 });
      await shot(p, `citizen-${size}-comparison`);
      await person.context.close();
    }
  }, 240_000);
});
