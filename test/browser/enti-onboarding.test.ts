import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { follow, loggedIn, noViolations, openPage, startSite, submit, text, tick, unexpected, type Site } from './support';
import { createTestUser, type TestUser } from '../support/accounts';
import { pdf } from '../support/fixtures';
import { todayInMilan } from '../../src/features/service-cards/card-validation';

// The whole road of an organisation into WeMi, in Chromium with JavaScript on, as the people involved live it:
// the legal representative reads the open call, fills the application (one wrong file on the way), sends it;
// the City's enti team takes it under review and asks for a change on one section; the applicant corrects and
// sends again; the City qualifies the ente. The applicant, now its administrator, writes a service card with a
// price list, previews it and submits it; the City approves it and the card is public and found by the search.
// Then the ente changes the published card, the City sends the change back with a note on one section: the
// public page keeps the published version and the ente finds the note beside that section.
// Names carry a random word so the search finds exactly this card.

/** A PNG (signature and an IHDR chunk): what a person uploads by mistake, named like a PDF. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4830000000049454e44ae426082', 'hex');

const letters = (n: number) => Array.from(randomBytes(n), (b) => 'abcdefghijklmnopqrstuvwxyz'[b % 26]).join('');

describe('An organisation joins WeMi and publishes a service card', () => {
  let site: Site;
  let applicant: TestUser;
  let cityUser: TestUser;

  beforeAll(async () => {
    site = await startSite();
    applicant = await createTestUser(site.t.db, { givenName: 'Mario', familyName: 'Rossi', fiscalCode: 'RSSMRA85T10A562S' });
    cityUser = await createTestUser(site.t.db, { kind: 'staff', givenName: 'Elena', familyName: 'Enti', roles: [{ role: 'city', permission: 'enti' }] });
  });
  afterAll(async () => site?.close());

  it('from the open call to a published card, and a change sent back while the published version stays online', async () => {
    const word = letters(8);
    const enteName = `Cooperativa sociale Il Melograno ${word.toUpperCase().slice(0, 1)}${word.slice(1, 5)}`;
    const token = `Zefir${letters(7)}`;
    const cardName = `Pasti caldi ${token}`;
    const changedName = `Pranzo della domenica ${token}`;
    const note = 'Indicate la partita IVA dell’ente: quella scritta non corrisponde alla visura.';
    const priceNote = 'Il prezzo del pasto è cambiato senza spiegazione: indicatelo nelle note al listino.';

    const person = await loggedIn(site, applicant.id);
    const city = await loggedIn(site, cityUser.id);
    const p = person.page;
    const c = city.page;

    // ------------------------------------------------------------------------------------------------
    // 1. The legal representative reads the open call and applies.
    expect((await p.goto(`${site.baseUrl}/diventa-ente`))?.status()).toBe(200);
    expect(await text(p.locator('h1'))).toBe('Diventa ente WeMi');
    expect(await text(p.locator('[data-element="service-needed"]'))).toContain('Statuto e atto costitutivo');
    await follow(p, p.getByRole('link', { name: 'Presenta la domanda' }), '/diventa-ente/domanda');
    expect(await text(p.locator('h1'))).toBe('Le mie domande');
    expect(await submit(p, p.getByRole('button', { name: 'Inizia una nuova domanda' }))).toBe(303);
    await p.waitForURL((url) => /^\/diventa-ente\/domanda\/[0-9a-f-]{36}\/modifica$/.test(url.pathname));
    const appId = /\/domanda\/([0-9a-f-]{36})\//.exec(p.url())![1]!;
    const formPath = `/diventa-ente/domanda/${appId}/modifica`;
    expect(await text(p.locator('h1'))).toBe('Domanda di adesione a WeMi');
    await noViolations(p, 'empty application form');

    // Ente
    await p.getByLabel('Denominazione dell’ente').fill(enteName);
    await p.locator('#forma_giuridica').selectOption('cooperativa_sociale');
    await p.getByLabel('Codice fiscale dell’ente').fill('97051230155');
    await p.getByLabel('Partita IVA').fill('01199250158');
    await p.locator('#descrizione').fill('Pasti a domicilio e assistenza alle persone anziane nei Municipi 1 e 2, con operatori qualificati.');
    // Office and contacts
    await p.locator('#sede_indirizzo').fill('Via Larga 12');
    await p.locator('#sede_cap').fill('20122');
    await p.locator('#sede_comune').fill('Milano');
    await p.locator('#sede_municipio').selectOption('m1');
    await p.locator('#pec').fill('melograno@pec.esempio.it');
    await p.locator('#email').fill('info@melograno.esempio.it');
    await p.locator('#telefono').fill('02 1234567');
    await p.locator('#sito').fill('www.melograno.esempio.it');
    // People
    await tick(p, p.locator('input[name="compilatore"][value="rappresentante"]'));
    await p.locator('#rappresentante_nome').fill('Mario');
    await p.locator('#rappresentante_cognome').fill('Rossi');
    await p.locator('#rappresentante_cf').fill('RSSMRA85T10A562S');
    await p.locator('#referente_nome').fill('Anna');
    await p.locator('#referente_cognome').fill('Bianchi');
    await p.locator('#referente_email').fill('anna@melograno.esempio.it');
    await p.locator('#referente_telefono').fill('+39 333 1234567');
    // Categories and Municipi
    await tick(p, p.locator('input[name="categorie"][value="pasti_domicilio"]'));
    await tick(p, p.locator('input[name="categorie"][value="servizi_socio_assistenziali"]'));
    await tick(p, p.locator('input[name="municipi"][value="m1"]'));
    await tick(p, p.locator('input[name="municipi"][value="m2"]'));
    // Declarations
    for (const d of ['dich_terzo_settore', 'dich_requisiti_generali', 'dich_contratti', 'dich_veridicita', 'dich_privacy']) await tick(p, p.locator(`#${d}`));
    // Documents: the statute is by mistake an image renamed .pdf.
    await p.locator('#doc_statuto').setInputFiles({ name: 'statuto.pdf', mimeType: 'application/pdf', buffer: PNG });
    for (const k of ['bilancio_sociale', 'condizioni_uso', 'privacy', 'recesso']) {
      await p.locator(`#doc_${k}`).setInputFiles({ name: `${k}.pdf`, mimeType: 'application/pdf', buffer: pdf(k) });
    }
    expect(await submit(p, p.getByRole('button', { name: 'Salva bozza' }))).toBe(400);
    expect(await p.title()).toMatch(/^Errore: /);
    const wrongFile = 'Il contenuto del file non è un PDF valido: controlla di aver scelto il file giusto';
    expect(await text(p.locator('#error-summary'))).toContain(wrongFile);
    expect(await p.locator('#error-summary a[href="#doc_statuto"]').count()).toBe(1);
    expect(await text(p.locator('#doc_statuto-error'))).toContain(wrongFile);
    expect(await p.locator('#doc_statuto').getAttribute('aria-invalid')).toBe('true');
    // Nothing typed is lost; the good files are kept.
    expect(await p.getByLabel('Denominazione dell’ente').inputValue()).toBe(enteName);
    expect(await p.locator('input[name="categorie"][value="pasti_domicilio"]').isChecked()).toBe(true);
    expect(await p.locator('#dich_privacy').isChecked()).toBe(true);
    expect(await text(p.locator('#doc_recesso-current'))).toContain('recesso.pdf');
    expect(await p.locator('#doc_statuto-current').count()).toBe(0);
    await noViolations(p, 'application form with a refused file');

    await p.locator('#doc_statuto').setInputFiles({ name: 'statuto.pdf', mimeType: 'application/pdf', buffer: pdf('statuto') });
    expect(await submit(p, p.getByRole('button', { name: 'Salva bozza' }))).toBe(303);
    await p.waitForURL((url) => url.pathname === formPath && url.searchParams.get('esito') === 'salvata');
    expect(await text(p.locator('.wemi-notice'))).toBe('Bozza salvata.');
    expect(await p.locator('#error-summary').count()).toBe(0);
    expect(await text(p.locator('#doc_statuto-current'))).toContain('statuto.pdf');

    expect(await submit(p, p.getByRole('button', { name: 'Vai al riepilogo' }))).toBe(303);
    await p.waitForURL((url) => url.pathname === `/diventa-ente/domanda/${appId}/riepilogo`);
    expect(await text(p.locator('h1'))).toBe('Riepilogo della domanda');
    const summary = await text(p.locator('.wemi-app-details'));
    expect(summary).toContain(enteName);
    expect(summary).toContain('Pasti a domicilio');
    expect(summary).toContain('statuto.pdf');
    expect(await p.locator('#error-summary').count()).toBe(0);
    await noViolations(p, 'application summary');
    expect(await submit(p, p.getByRole('button', { name: 'Invia la domanda' }))).toBe(303);
    await p.waitForURL((url) => url.pathname === `/diventa-ente/domanda/${appId}` && url.searchParams.get('esito') === 'inviata');
    const { reference } = await site.t.db.one<{ reference: string }>('select reference from ente_application where id = $1', [appId]);
    expect(reference).toMatch(/^ENTE-\d{4}-\d{5}$/);
    expect(await text(p.locator('.wemi-app-receipt'))).toContain('Domanda inviata.');
    expect(await text(p.locator('.wemi-app-reference'))).toBe(reference);

    // ------------------------------------------------------------------------------------------------
    // 2. The City's enti team takes it under review and asks for a change on one section.
    expect((await c.goto(`${site.baseUrl}/gestione-wemi`))?.status()).toBe(200);
    expect(await text(c.locator('h1'))).toBe('Gestione WeMi');
    await follow(c, c.getByRole('link', { name: 'Domande di adesione' }), '/gestione-wemi/domande');
    const row = c.locator(`tr[data-application-id="${appId}"]`);
    expect(await text(row)).toContain(reference);
    await follow(c, row.getByRole('link', { name: enteName }), `/gestione-wemi/domande/${appId}`);
    expect(await text(c.locator('h1'))).toBe(enteName);
    await noViolations(c, 'City application page');
    expect(await submit(c, c.getByRole('button', { name: 'Prendi in esame' }))).toBe(303);
    await c.waitForURL((url) => url.searchParams.get('esito') === 'in-esame');
    expect(await text(c.locator('.wemi-notice'))).toContain('Domanda presa in esame');
    await follow(c, c.getByRole('link', { name: 'Richiedi modifiche' }), `/gestione-wemi/domande/${appId}/richiedi-modifiche`);
    await c.getByLabel('Nota sulla sezione «Ente»').fill(note);
    expect(await submit(c, c.getByRole('button', { name: 'Invia la richiesta di modifiche' }))).toBe(303);
    await c.waitForURL((url) => url.pathname === `/gestione-wemi/domande/${appId}` && url.searchParams.get('esito') === 'modifiche-richieste');
    expect(await text(c.locator('.wemi-notice'))).toBe('Richiesta di modifiche inviata all’ente.');

    // ------------------------------------------------------------------------------------------------
    // 3. The applicant finds the note beside that section, corrects and sends again.
    await p.goto(`${site.baseUrl}/diventa-ente/domanda/${appId}`);
    expect(await text(p.locator('.wemi-app-chip').first())).toBe('Modifiche richieste');
    expect(await text(p.locator('section[aria-labelledby="dettagli-ente"] .wemi-app-note'))).toContain(note);
    await follow(p, p.getByRole('link', { name: 'Modifica la domanda' }), formPath);
    expect(await text(p.locator('h1'))).toBe('Modifica la domanda');
    const enteNote = p.locator('#sezione-ente .wemi-app-note');
    expect(await text(enteNote)).toContain('Nota del Comune');
    expect(await text(enteNote)).toContain(note);
    expect(await p.locator('.wemi-app-note').count(), 'a note beside the Ente section only').toBe(1);
    await noViolations(p, 'application form with the City’s note');
    await p.getByLabel('Partita IVA').fill('00743110157');
    expect(await submit(p, p.getByRole('button', { name: 'Vai al riepilogo' }))).toBe(303);
    await p.waitForURL((url) => url.pathname === `/diventa-ente/domanda/${appId}/riepilogo`);
    expect(await text(p.locator('section[aria-labelledby="dettagli-ente"]'))).toContain('00743110157');
    expect(await submit(p, p.getByRole('button', { name: 'Invia di nuovo la domanda' }))).toBe(303);
    await p.waitForURL((url) => url.pathname === `/diventa-ente/domanda/${appId}` && url.searchParams.get('esito') === 'reinviata');
    expect(await text(p.locator('.wemi-app-receipt'))).toContain('Domanda inviata di nuovo.');
    expect(await text(p.locator('.wemi-app-reference'))).toBe(reference);

    // ------------------------------------------------------------------------------------------------
    // 4. The City qualifies the ente, after a confirmation step.
    await c.goto(`${site.baseUrl}/gestione-wemi/domande/${appId}`);
    expect(await text(c.locator('.wemi-app-chip').first())).toBe('Inviata di nuovo');
    expect(await text(c.locator('.wemi-app-history'))).toContain(note);
    expect(await submit(c, c.getByRole('button', { name: 'Prendi in esame' }))).toBe(303);
    await follow(c, c.getByRole('link', { name: 'Qualifica l’ente' }), `/gestione-wemi/domande/${appId}/qualifica`);
    const confirmation = await text(c.locator('#main-container'));
    expect(confirmation).toContain(`Confermi la qualifica di «${enteName}»?`);
    expect(confirmation).toContain('Pasti a domicilio');
    expect(confirmation).toContain('Mario Rossi diventa amministratore dell’ente');
    await noViolations(c, 'qualification confirmation');
    expect(await submit(c, c.getByRole('button', { name: 'Conferma la qualifica' }))).toBe(303);
    await c.waitForURL((url) => url.pathname === `/gestione-wemi/domande/${appId}` && url.searchParams.get('esito') === 'qualificata');
    expect(await text(c.locator('.wemi-notice'))).toContain('Ente qualificato');
    const ente = await site.t.db.one<{ id: string; slug: string; status: string }>(
      'select o.id, o.slug, o.status from organization o join ente_application a on a.organization_id = o.id where a.id = $1',
      [appId],
    );
    expect(ente.status).toBe('active');

    // The applicant, in the same session, now manages the new ente.
    await p.goto(`${site.baseUrl}/diventa-ente/domanda/${appId}`);
    expect(await text(p.locator('.wemi-app-chip').first())).toBe('Ente qualificato');
    await follow(p, p.getByRole('link', { name: 'Vai alla gestione ente' }), '/gestione-ente');
    expect(await text(p.locator('h1'))).toBe('Gestione ente');
    const enteCard = p.locator('.card', { hasText: enteName });
    expect(await text(enteCard)).toContain('amministratore');
    await follow(p, enteCard.getByRole('link', { name: enteName, exact: true }), `/gestione-ente/${ente.id}`);
    expect(await text(p.locator('h1'))).toBe(enteName);

    // ------------------------------------------------------------------------------------------------
    // 5. The new administrator writes a service card of a qualified category, with a price list.
    await follow(p, p.locator('.wemi-bo-sections').getByRole('link', { name: 'Schede servizio' }), `/gestione-ente/${ente.id}/schede`);
    expect(await text(p.locator('main'))).toContain('L’ente non ha ancora schede servizio.');
    await follow(p, p.getByRole('link', { name: 'Nuova scheda servizio' }), `/gestione-ente/${ente.id}/schede/nuova`);
    // Only the service types of the two qualified categories are offered.
    const legends = await p.locator('form.wemi-bo-form fieldset > legend').allTextContents();
    expect(legends.map((l) => l.trim()).sort()).toEqual(['Pasti a domicilio', 'Servizi socio-assistenziali']);
    await tick(p, p.getByLabel('Pasti caldi a domicilio', { exact: true }));
    expect(await submit(p, p.getByRole('button', { name: 'Crea la scheda' }))).toBe(303);
    await p.waitForURL((url) => /\/schede\/[0-9a-f-]{36}\/revisioni\/[0-9a-f-]{36}\/modifica$/.test(url.pathname) && url.searchParams.get('esito') === 'creata');
    const [, serviceId, revisionId] = /\/schede\/([0-9a-f-]{36})\/revisioni\/([0-9a-f-]{36})\//.exec(p.url())!;
    const cardPath = `/gestione-ente/${ente.id}/schede/${serviceId}`;
    const editPath = `${cardPath}/revisioni/${revisionId}/modifica`;
    expect(await text(p.locator('main dl').first())).toContain('Pasti caldi a domicilio (Pasti a domicilio)');

    await p.locator('#nome').fill(cardName);
    await p.locator('#sintesi-it').fill('Il pranzo caldo consegnato a casa ogni giorno, anche per diete speciali.');
    await p.locator('#analisi-bisogno').fill('Una telefonata per conoscere la persona, le sue abitudini e la dieta.');
    await p.locator('#soluzione').fill('Un pasto caldo consegnato tra le 11:30 e le 13:00, dal lunedì alla domenica.');
    await tick(p, p.locator('input[name="gruppi"]').first());
    await tick(p, p.locator('input[name="modalita"][value="individual"]'));
    await p.locator('#persone-min').fill('1');
    await p.locator('#persone-max').fill('1');
    await tick(p, p.locator('input[name="municipi"]').first());
    await tick(p, p.locator('input[name="luoghi"][value="domicilio"]'));
    await p.locator('#telefono').fill('02 5555 1234');
    await p.locator('#responsabile').fill('Lucia Ferraro');
    await p.locator('#personale-1-numero').fill('4');
    await tick(p, p.locator('input[name="offerta"][value="paid"]'));
    await p.locator('#unita').selectOption('pasto');
    await p.locator('#iva').fill('4');
    await p.locator('#listino-1-dal').fill(todayInMilan());
    await p.locator('#listino-1-fascia-1-pmin').fill('1');
    await p.locator('#listino-1-fascia-1-umin').fill('1');
    await p.locator('#listino-1-fascia-1-prezzo').fill('7,50');
    expect(await submit(p, p.getByRole('button', { name: 'Salva bozza' }).first())).toBe(303);
    await p.waitForURL((url) => url.pathname === editPath && url.searchParams.get('esito') === 'salvata');
    expect(await text(p.locator('.wemi-notice'))).toBe('Bozza salvata.');
    expect(await p.locator('#error-summary').count()).toBe(0);
    expect(await p.locator('#nome').inputValue()).toBe(cardName);
    await noViolations(p, 'card editor');

    // The preview shows the card as the public will see it, price included.
    expect(await submit(p, p.getByRole('button', { name: 'Salva e vedi l’anteprima' }).first())).toBe(303);
    await p.waitForURL((url) => url.pathname === `${cardPath}/revisioni/${revisionId}/anteprima`);
    expect(await text(p.locator('.wemi-preview-banner'))).toContain('Anteprima.');
    expect(await text(p.locator('h1'))).toBe(cardName);
    expect(await text(p.locator('main'))).toContain('7,50');
    const { slug } = await site.t.db.one<{ slug: string }>('select slug from service where id = $1', [serviceId]);
    expect((await fetch(`${site.baseUrl}/servizi/${slug}`)).status, 'not public before the City approves').toBe(404);

    await follow(p, p.locator('.wemi-preview-banner').getByRole('link', { name: 'Torna alla scheda' }), cardPath);
    await follow(p, p.getByRole('link', { name: 'Invia al Comune' }), `${cardPath}/revisioni/${revisionId}/invia`);
    expect(await text(p.locator('h1'))).toBe('Invia la scheda al Comune');
    expect(await text(p.locator('main'))).toContain('Il contenuto della nuova scheda');
    expect(await submit(p, p.getByRole('button', { name: 'Invia al Comune' }))).toBe(303);
    await p.waitForURL((url) => url.pathname === cardPath && url.searchParams.get('esito') === 'inviata');
    expect(await text(p.locator('.wemi-notice'))).toContain('Revisione inviata al Comune');

    // ------------------------------------------------------------------------------------------------
    // 6. The City validates the card; it is public and found by the search.
    await c.goto(`${site.baseUrl}/gestione-wemi`);
    await follow(c, c.getByRole('link', { name: 'Schede da validare' }), '/gestione-wemi/schede');
    const queued = c.locator(`tr[data-revision-id="${revisionId}"]`);
    expect(await text(queued)).toContain('Nuova scheda');
    expect(await text(queued)).toContain(enteName);
    await follow(c, queued.getByRole('link', { name: cardName }), `/gestione-wemi/schede/${revisionId}`);
    expect(await text(c.locator('h1'))).toBe(cardName);
    expect(await c.locator('tr[data-field="name"]').count()).toBe(1);
    await noViolations(c, 'City page of a new card');
    await follow(c, c.getByRole('link', { name: 'Approva', exact: true }), `/gestione-wemi/schede/${revisionId}/approva`);
    expect(await text(c.locator('main'))).toContain(`la nuova scheda «${cardName}» di ${enteName} viene pubblicata`);
    await c.getByLabel('Nota per l’ente').fill('Scheda chiara e completa.');
    expect(await submit(c, c.getByRole('button', { name: 'Approva e pubblica' }))).toBe(303);
    await c.waitForURL((url) => url.pathname === `/gestione-wemi/schede/${revisionId}` && url.searchParams.get('esito') === 'approvata');
    expect(await text(c.locator('.wemi-notice'))).toContain('Revisione approvata');

    // Anyone, without logging in.
    const visitor = await openPage(site);
    const v = visitor.page;
    expect((await v.goto(`${site.baseUrl}/servizi?q=${encodeURIComponent(token)}`))?.status()).toBe(200);
    const hits = v.locator('[data-element="service-link"]');
    expect(await hits.count(), 'the search finds exactly this card').toBe(1);
    expect(await text(hits)).toBe(cardName);
    expect(await hits.getAttribute('href')).toBe(`/servizi/${slug}`);
    await follow(v, hits, `/servizi/${slug}`);
    expect(await text(v.locator('h1'))).toBe(cardName);
    expect(await text(v.locator('main'))).toContain('7,50');
    expect(await text(v.locator('main'))).toContain(enteName);

    // ------------------------------------------------------------------------------------------------
    // 7. The ente changes the published card; the City sends the change back with a note on one section.
    await p.goto(`${site.baseUrl}${cardPath}`);
    expect(await text(p.locator('main'))).toContain('Pubblicata');
    expect(await submit(p, p.getByRole('button', { name: 'Modifica la scheda' }))).toBe(303);
    await p.waitForURL((url) => /\/revisioni\/[0-9a-f-]{36}\/modifica$/.test(url.pathname) && url.searchParams.get('esito') === 'avviata');
    const changeId = /\/revisioni\/([0-9a-f-]{36})\//.exec(p.url())![1]!;
    expect(changeId).not.toBe(revisionId);
    expect(await p.locator('#nome').inputValue()).toBe(cardName);
    await p.locator('#nome').fill(changedName);
    await p.locator('#listino-1-fascia-1-prezzo').fill('8,20');
    expect(await submit(p, p.getByRole('button', { name: 'Salva bozza' }).first())).toBe(303);
    await p.waitForURL((url) => url.searchParams.get('esito') === 'salvata');
    await p.goto(`${site.baseUrl}${cardPath}`);
    await follow(p, p.getByRole('link', { name: 'Invia al Comune' }), `${cardPath}/revisioni/${changeId}/invia`);
    expect(await text(p.locator('main'))).toContain('Le modifiche rispetto alla versione pubblicata');
    expect(await submit(p, p.getByRole('button', { name: 'Invia al Comune' }))).toBe(303);
    await p.waitForURL((url) => url.pathname === cardPath && url.searchParams.get('esito') === 'inviata');

    await c.goto(`${site.baseUrl}/gestione-wemi/schede`);
    const change = c.locator(`tr[data-revision-id="${changeId}"]`);
    expect(await text(change)).toContain('Modifica di una scheda pubblicata');
    await follow(c, change.getByRole('link', { name: changedName }), `/gestione-wemi/schede/${changeId}`);
    expect(await text(c.locator('main'))).toContain('Modifiche rispetto alla versione pubblicata');
    const changed = await c.locator('tr[data-field]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')));
    expect(changed).toEqual(['name', 'priceLists.1']);
    const nameRow = await text(c.locator('tr[data-field="name"]'));
    expect(nameRow).toContain(cardName);
    expect(nameRow).toContain(changedName);
    await noViolations(c, 'City diff page of a change');
    await follow(c, c.getByRole('link', { name: 'Chiedi modifiche' }), `/gestione-wemi/schede/${changeId}/modifiche`);
    await c.getByLabel('Listini prezzi').fill(priceNote);
    expect(await submit(c, c.getByRole('button', { name: 'Rinvia all’ente' }))).toBe(303);
    await c.waitForURL((url) => url.pathname === `/gestione-wemi/schede/${changeId}` && url.searchParams.get('esito') === 'rinviata');
    expect(await text(c.locator('.wemi-notice'))).toContain('Revisione rinviata all’ente');

    // The public page still shows the published version.
    expect((await v.goto(`${site.baseUrl}/servizi/${slug}`))?.status()).toBe(200);
    expect(await text(v.locator('h1'))).toBe(cardName);
    const publicText = await text(v.locator('main'));
    expect(publicText).toContain('7,50');
    expect(publicText).not.toContain('8,20');
    expect(publicText).not.toContain(changedName);
    expect((await v.goto(`${site.baseUrl}/servizi?q=${encodeURIComponent(token)}`))?.status()).toBe(200);
    expect(await text(v.locator('[data-element="service-link"]'))).toBe(cardName);

    // The ente finds the note beside the price lists section, and only there.
    await p.goto(`${site.baseUrl}${cardPath}`);
    expect(await text(p.locator('.wemi-card-notes'))).toContain(priceNote);
    await follow(p, p.getByRole('link', { name: 'Modifica la bozza' }), `${cardPath}/revisioni/${changeId}/modifica`);
    const aside = p.locator('#sezione-priceLists #nota-priceLists');
    expect(await aside.isVisible()).toBe(true);
    expect(await text(aside)).toContain('Nota del Comune su questa sezione');
    expect(await text(aside)).toContain(priceNote);
    expect(await p.locator('.wemi-card-section .wemi-card-note:visible').count(), 'one note, beside the price lists').toBe(1);
    expect(await p.locator('#nome').inputValue()).toBe(changedName);
    await noViolations(p, 'card editor with the City’s note');

    expect(unexpected(person.problems, [400]), 'applicant console').toEqual([]);
    expect(person.problems.length, 'the refused upload is the one refused submission').toBe(1);
    expect(city.problems, 'City console').toEqual([]);
    expect(visitor.problems, 'visitor console').toEqual([]);
    await Promise.all([person.context.close(), city.context.close(), visitor.context.close()]);
  }, 300_000);
});
