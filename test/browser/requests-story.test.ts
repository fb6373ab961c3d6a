import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDTHS, follow, loggedIn, noViolations, openPage, startSite, submit, text, tick, unexpected, type Site } from './support';
import { createTestUser, type TestUser } from '../support/accounts';
import { dayInMilan } from '../support/fixtures';
import { formatNumber } from '../../src/i18n/i18n';

// "Citizens ask several enti at once", in Chromium with JavaScript on, as the people involved live it:
// a citizen opens a service card, asks three enti of the same service type through the stepper and sends; two
// enti make an offer from their inbox, the third declines with a reason; the citizen compares the two offers and
// accepts the first (the other becomes "not chosen"); the chosen ente starts and completes the service; the
// citizen reviews it with a comment, the City publishes the comment, and the service page shows it with the rating.

interface Card {
  id: string;
  slug: string;
  name: string;
  organization_id: string;
  organization_name: string;
}

describe('A citizen asks three enti, compares the offers, chooses one and reviews the service', () => {
  let site: Site;
  let cards: Card[];
  let admins: TestUser[];
  let citizen: TestUser;
  let cityUser: TestUser;

  beforeAll(async () => {
    site = await startSite();
    const db = site.t.db;
    // A service type with published paid cards of at least three different active demo enti, each with a
    // price list valid today.
    const eligible = `select s.id, s.slug, s.name, s.service_type_id, s.organization_id, o.name as organization_name
        from service s join organization o on o.id = s.organization_id
       where s.status = 'published' and o.status = 'active' and o.is_demo and s.offer_type = 'paid'
         and exists (select 1 from price_list pl join price_tier pt on pt.price_list_id = pl.id
                      where pl.service_id = s.id and pl.valid_from <= current_date and (pl.valid_to is null or pl.valid_to >= current_date))`;
    const type = await db.one<{ service_type_id: string }>(
      `select service_type_id from (${eligible}) e group by service_type_id having count(distinct organization_id) >= 3
        order by count(distinct organization_id) desc, service_type_id limit 1`,
    );
    cards = (
      await db.query<Card>(
        `select distinct on (organization_id) id, slug, name, organization_id, organization_name from (${eligible}) e
          where service_type_id = $1 order by organization_id, slug`,
        [type.service_type_id],
      )
    )
      .sort((a, b) => a.slug.localeCompare(b.slug))
      .slice(0, 3);
    expect(cards).toHaveLength(3);
    admins = [];
    for (const [i, c] of cards.entries()) {
      admins.push(await createTestUser(db, { kind: 'ente', givenName: `Admin${i + 1}`, familyName: 'Ente', roles: [{ role: 'ente_admin', organizationId: c.organization_id }] }));
    }
    citizen = await createTestUser(db, { givenName: 'Giovanna', familyName: 'Verdi' });
    cityUser = await createTestUser(db, { kind: 'staff', givenName: 'Carlo', familyName: 'Comune', roles: [{ role: 'city', permission: 'requests' }] });
  });
  afterAll(async () => site?.close());

  /**
   * Where the citizen lives: a Municipio of the first card's zone, the one the fewest other chosen cards leave out,
   * with how many leave it out (each such card is warned about at step 4: test/browser/requests-coverage).
   */
  const homeMunicipio = async (requestId: string, cardId: string) =>
    site.t.db.one<{ slug: string; outside: number }>(
      `select t.slug,
              (select count(*)::int from service_request_target rt
                where rt.request_id = $1 and exists (select 1 from service_area a where a.service_id = rt.service_id)
                  and not exists (select 1 from service_area a where a.service_id = rt.service_id and a.municipio_id = t.id)) as outside
         from service_area z join taxonomy_term t on t.id = z.municipio_id
        where z.service_id = $2 order by outside, t.position limit 1`,
      [requestId, cardId],
    );
  const enteStatus = async (id: string) => (await site.t.db.one<{ status: string }>('select status from ente_request where id = $1', [id])).status;

  it('from the service card to a published review', async () => {
    const db = site.t.db;
    const [card1, card2, card3] = cards as [Card, Card, Card];
    const needs = 'Assistenza al mattino per mia madre: alzata, igiene personale e colazione.';
    const declineReason = 'Non abbiamo operatori disponibili nel periodo richiesto.';
    const comment = `Operatrici puntuali e gentili, servizio curato ${Date.now().toString(36)}.`;

    const person = await loggedIn(site, citizen.id, { timeout: 60_000 });
    const p = person.page;

    // ------------------------------------------------------------------------------------------------
    // 1. The citizen opens a service card and asks several enti.
    expect((await p.goto(`${site.baseUrl}/servizi/${card1.slug}`))?.status()).toBe(200);
    // The link opens a confirmation (a GET changes nothing); "Inizia la richiesta" creates the draft.
    await follow(p, p.getByRole('link', { name: 'Richiedi a più enti' }), '/richieste/nuova');
    expect(await text(p.locator('main'))).toContain(card1.organization_name);
    await noViolations(p, 'confirmation before the request');
    expect(await submit(p, p.getByRole('button', { name: 'Inizia la richiesta' }))).toBe(303);
    await p.waitForURL((url) => /^\/richieste\/[0-9a-f-]{36}\/passo\/1$/.test(url.pathname));
    const requestId = /\/richieste\/([0-9a-f-]{36})\//.exec(p.url())![1]!;
    const { reference } = await db.one<{ reference: string }>('select reference from service_request where id = $1', [requestId]);
    expect(await text(p.locator('.wemi-req-ref'))).toContain(reference);
    const choice = (c: Card) => p.locator(`input[name="enti"][value="${c.id}"]`);
    expect(await choice(card1).isChecked(), 'the card the citizen came from is already chosen').toBe(true);
    await noViolations(p, 'stepper, step 1');
    await tick(p, choice(card2));
    await tick(p, choice(card3));
    expect(await submit(p, p.getByRole('button', { name: 'Avanti' }))).toBe(303);
    await p.waitForURL((url) => url.pathname === `/richieste/${requestId}/passo/2`);

    // 2. For whom
    await tick(p, p.locator('input[name="per_chi"][value="other"]'));
    await p.locator('#nome_beneficiario').fill('Anna Verdi');
    await p.locator('#relazione').fill('Madre');
    expect(await submit(p, p.getByRole('button', { name: 'Avanti' }))).toBe(303);
    await p.waitForURL((url) => url.pathname === `/richieste/${requestId}/passo/3`);

    // 3. What and when
    await p.locator('#bisogno').fill(needs);
    await p.locator('#dal').fill(dayInMilan(10));
    await p.locator('#al').fill(dayInMilan(40));
    await tick(p, p.locator('input[name="giorni"][value="lun"]'));
    await tick(p, p.locator('input[name="giorni"][value="mer"]'));
    await p.locator('#persone').fill('1');
    await p.locator('#unita').fill('10');
    expect(await submit(p, p.getByRole('button', { name: 'Avanti' }))).toBe(303);
    await p.waitForURL((url) => url.pathname === `/richieste/${requestId}/passo/4`);

    // 4. Where. A Municipio outside a chosen card's zone is warned about first, and the citizen goes on.
    const home = await homeMunicipio(requestId, card1.id);
    await p.locator('#municipio').selectOption(home.slug);
    await p.locator('#indirizzo').fill('Via Padova 10, 20127 Milano');
    expect(await submit(p, p.getByRole('button', { name: 'Avanti' }))).toBe(303);
    if (home.outside > 0) {
      expect(new URL(p.url()).pathname).toBe(`/richieste/${requestId}/passo/4`);
      expect(await p.locator('.wemi-req-zone-cards > li').count(), 'one line per card outside its zone').toBe(home.outside);
      await noViolations(p, 'stepper, step 4 with the zone warning');
      expect(await submit(p, p.getByRole('button', { name: 'Prosegui comunque' }))).toBe(303);
    }
    await p.waitForURL((url) => url.pathname === `/richieste/${requestId}/passo/5`);

    // 5. Summary, then send.
    const summary = await text(p.locator('main'));
    for (const c of cards) expect(summary).toContain(c.organization_name);
    expect(summary).toContain('Anna Verdi');
    expect(summary).toContain(needs);
    expect(await p.locator('#error-summary').count()).toBe(0);
    await noViolations(p, 'stepper, summary');
    expect(await submit(p, p.getByRole('button', { name: 'Invia la richiesta' }))).toBe(303);
    await p.waitForURL((url) => url.pathname === `/richieste/${requestId}/inviata`);
    expect(await text(p.locator('.wemi-req-ack'))).toContain('Abbiamo inviato la tua richiesta a 3 enti.');
    expect(await text(p.locator('.wemi-req-reference'))).toBe(reference);

    const copies = await db.query<{ id: string; organization_id: string; status: string }>('select id, organization_id, status from ente_request where request_id = $1', [requestId]);
    expect(copies).toHaveLength(3);
    const copyOf = (c: Card) => copies.find((x) => x.organization_id === c.organization_id)!.id;
    const [er1, er2, er3] = [copyOf(card1), copyOf(card2), copyOf(card3)];

    // ------------------------------------------------------------------------------------------------
    // 2. Ente 1 and ente 2 offer from their inbox; ente 3 declines with a reason.
    const enti = [];
    for (const a of admins) enti.push(await loggedIn(site, a.id, { timeout: 60_000 }));
    const [e1, e2, e3] = enti.map((x) => x.page) as [Page, Page, Page];
    const detailPath = (c: Card, er: string) => `/gestione-ente/${c.organization_id}/richieste/${er}`;

    async function openFromInbox(page: Page, c: Card, er: string): Promise<void> {
      expect((await page.goto(`${site.baseUrl}/gestione-ente/${c.organization_id}/richieste`))?.status()).toBe(200);
      await follow(page, page.getByRole('link', { name: reference, exact: true }), detailPath(c, er));
      expect(await text(page.locator('main'))).toContain(needs);
    }

    async function offer(page: Page, c: Card, er: string, price: string, notes: string): Promise<void> {
      await openFromInbox(page, c, er);
      await page.locator('#prezzo').fill(price);
      expect(await page.locator('#dal').inputValue(), 'the period proposed starts from the one asked').toBe(dayInMilan(10));
      await page.locator('#scadenza').fill(dayInMilan(7));
      await page.locator('#note').fill(notes);
      expect(await submit(page, page.getByRole('button', { name: 'Invia l’offerta' }))).toBe(303);
      await page.waitForURL((url) => url.pathname === detailPath(c, er) && url.searchParams.get('esito') === 'offerta-inviata');
      expect(await text(page.locator('.wemi-notice'))).toContain('Offerta inviata al cittadino.');
    }

    await openFromInbox(e1, card1, er1);
    await noViolations(e1, 'ente request detail');
    await offer(e1, card1, er1, '180,00', 'Operatrice dedicata, prima visita gratuita.');
    await offer(e2, card2, er2, '210,50', 'Disponibili anche il sabato.');
    expect(await enteStatus(er1)).toBe('offered');
    expect(await enteStatus(er2)).toBe('offered');

    await openFromInbox(e3, card3, er3);
    await follow(e3, e3.getByRole('link', { name: 'Rifiuta la richiesta' }), `${detailPath(card3, er3)}/rifiuta`);
    await e3.locator('#motivo').fill(declineReason);
    expect(await submit(e3, e3.getByRole('button', { name: 'Conferma il rifiuto' }))).toBe(303);
    await e3.waitForURL((url) => url.pathname === detailPath(card3, er3) && url.searchParams.get('esito') === 'rifiutata');
    expect(await text(e3.locator('main'))).toContain(declineReason);
    expect(await enteStatus(er3)).toBe('declined');

    // ------------------------------------------------------------------------------------------------
    // 3. The citizen compares the two offers and accepts ente 1's.
    expect((await p.goto(`${site.baseUrl}/richieste/${requestId}`))?.status()).toBe(200);
    const offers = p.locator('table.wemi-req-offers tbody tr');
    expect(await offers.count(), 'two offers to compare').toBe(2);
    const comparison = await text(p.locator('table.wemi-req-offers'));
    expect(comparison).toContain(card1.organization_name);
    expect(comparison).toContain(card2.organization_name);
    expect(comparison).not.toContain(card3.organization_name);
    expect(comparison).toContain('180,00');
    expect(comparison).toContain('210,50');
    expect(comparison).toContain('Operatrice dedicata, prima visita gratuita.');
    expect(await text(p.locator('table.wemi-req-table'))).toContain('Rifiutata dall');
    await noViolations(p, 'comparison of offers');

    await follow(p, p.getByRole('link', { name: `Accetta l'offerta di ${card1.organization_name}` }), `/richieste/${requestId}/enti/${er1}/accetta`);
    expect(await text(p.locator('main'))).toContain(card1.organization_name);
    expect(await submit(p, p.getByRole('button', { name: 'Conferma e accetta' }))).toBe(303);
    await p.waitForURL((url) => url.pathname === `/richieste/${requestId}` && url.searchParams.get('esito') === 'accettata');
    expect(await text(p.locator('.wemi-notice'))).toContain('Hai accettato l\'offerta.');
    expect(await enteStatus(er1)).toBe('accepted');
    expect(await enteStatus(er2)).toBe('not_chosen');
    expect(await enteStatus(er3)).toBe('declined');
    const row2 = p.locator('table.wemi-req-offers tbody tr', { hasText: card2.organization_name });
    expect(await text(row2)).toContain('Non scelta');

    // Ente 2 sees its copy closed as not chosen.
    expect((await e2.goto(`${site.baseUrl}${detailPath(card2, er2)}`))?.status()).toBe(200);
    expect(await text(e2.locator('main'))).toContain('Non scelta');

    // ------------------------------------------------------------------------------------------------
    // 4. Ente 1 starts and completes the service.
    await openFromInbox(e1, card1, er1);
    expect(await submit(e1, e1.getByRole('button', { name: 'Avvia il servizio' }))).toBe(303);
    await e1.waitForURL((url) => url.pathname === detailPath(card1, er1) && url.searchParams.get('esito') === 'avviata');
    expect(await text(e1.locator('.wemi-notice'))).toContain('Servizio avviato.');
    await follow(e1, e1.getByRole('link', { name: 'Segna come concluso' }), `${detailPath(card1, er1)}/completa`);
    expect(await submit(e1, e1.getByRole('button', { name: 'Conferma: servizio concluso' }))).toBe(303);
    await e1.waitForURL((url) => url.pathname === detailPath(card1, er1) && url.searchParams.get('esito') === 'conclusa');
    expect(await text(e1.locator('.wemi-notice'))).toContain('Servizio segnato come concluso.');
    expect(await enteStatus(er1)).toBe('completed');

    // ------------------------------------------------------------------------------------------------
    // 5. The citizen reviews the service with a comment.
    const before = await db.one<{ rating_count: number }>('select rating_count from service where id = $1', [card1.id]);
    const reviewPath = `/richieste/${requestId}/enti/${er1}/recensione`;
    expect((await p.goto(`${site.baseUrl}${reviewPath}`))?.status()).toBe(200);
    expect(await text(p.locator('h1'))).toBe('Valuta il servizio');
    await noViolations(p, 'review form');
    for (const [name, score] of [['overall', 5], ['punctuality', 4], ['speed', 4], ['professionalism', 5]] as const) {
      await tick(p, p.locator(`input[name="${name}"][value="${score}"]`));
    }
    await p.locator('#comment').fill(comment);
    expect(await submit(p, p.getByRole('button', { name: 'Invia la recensione' }))).toBe(303);
    await p.waitForURL((url) => url.pathname === reviewPath && url.searchParams.get('esito') === 'inviata');
    expect(await text(p.locator('main'))).toContain('Grazie, abbiamo ricevuto la tua recensione.');
    const review = await db.one<{ id: string; comment_status: string }>('select id, comment_status from review where ente_request_id = $1', [er1]);
    expect(review.comment_status).toBe('pending');

    // The comment waits for the City: not on the public page yet.
    const visitor = await openPage(site);
    const v = visitor.page;
    v.setDefaultTimeout(60_000);
    expect((await v.goto(`${site.baseUrl}/servizi/${card1.slug}`))?.status()).toBe(200);
    expect(await text(v.locator('main'))).not.toContain(comment);

    // ------------------------------------------------------------------------------------------------
    // 6. The City publishes the comment.
    const city = await loggedIn(site, cityUser.id, { timeout: 60_000 });
    const c = city.page;
    expect((await c.goto(`${site.baseUrl}/gestione-wemi/recensioni`))?.status()).toBe(200);
    const item = c.locator('li.wemi-review', { hasText: comment });
    expect(await item.count()).toBe(1);
    await follow(c, item.getByRole('link', { name: `Pubblica – ${card1.name}` }), `/gestione-wemi/recensioni/${review.id}/pubblica`);
    expect(await submit(c, c.getByRole('button', { name: 'Conferma la pubblicazione' }))).toBe(303);
    await c.waitForURL((url) => url.pathname === '/gestione-wemi/recensioni' && url.searchParams.get('esito') === 'published');
    expect(await text(c.locator('.wemi-notice'))).toContain('Il commento è stato pubblicato.');

    // The service page shows the rating and the comment.
    const after = await db.one<{ rating_avg: number; rating_count: number }>('select rating_avg, rating_count from service where id = $1', [card1.id]);
    expect(after.rating_count).toBe(before.rating_count + 1);
    expect((await v.goto(`${site.baseUrl}/servizi/${card1.slug}`))?.status()).toBe(200);
    const rating = `${formatNumber('it', Math.round(Number(after.rating_avg) * 10) / 10)} su 5 (${formatNumber('it', after.rating_count)} ${after.rating_count === 1 ? 'recensione' : 'recensioni'})`;
    expect(await text(v.locator('main'))).toContain(rating);
    expect(await text(v.locator('[data-element="service-reviews"]'))).toContain(comment);

    // ------------------------------------------------------------------------------------------------
    // 7. Every other page of requests, conversations, complaints, quality and reviews passes axe-core, at
    //    desktop and phone widths, for the person who uses it.
    const org1 = card1.organization_id;
    const sweep: [Page, string][] = [
      [p, '/area-personale/richieste'],
      [p, `/richieste/${requestId}`],
      [p, `/richieste/${requestId}/enti/${er1}/messaggi`],
      [p, `/richieste/${requestId}/enti/${er1}/reclamo`],
      [p, '/area-personale/notifiche-ricevute'],
      [e1, `/gestione-ente/${org1}/richieste`],
      [e1, detailPath(card1, er1)],
      [e1, `${detailPath(card1, er1)}/messaggi`],
      [e1, `/gestione-ente/${org1}/recensioni`],
      [c, '/gestione-wemi/qualita'],
      [c, '/gestione-wemi/reclami'],
      [c, `/gestione-wemi/richieste/${er1}/messaggi`],
      [c, '/gestione-wemi/recensioni?stato=tutti'],
    ];
    for (const viewport of [WIDTHS.desktop, WIDTHS.mobile]) {
      for (const [page, path] of sweep) {
        await page.setViewportSize(viewport);
        expect((await page.goto(site.baseUrl + path))?.status(), path).toBe(200);
        await noViolations(page, `${path} at ${viewport.width}px`);
      }
    }

    expect(unexpected(person.problems, [400]), 'citizen console').toEqual([]);
    for (const [i, e] of enti.entries()) expect(unexpected(e.problems, [400]), `ente ${i + 1} console`).toEqual([]);
    expect(city.problems, 'City console').toEqual([]);
    expect(visitor.problems, 'visitor console').toEqual([]);
    await Promise.all([person.context.close(), city.context.close(), visitor.context.close(), ...enti.map((e) => e.context.close())]);
  }, 600_000);
});
