import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrg } from '../../src/features/services/services.test-fixtures';
import { follow, loggedIn, noViolations, startSite, submit, text, unexpected, WIDTHS, type Site } from './support';
import { actingAs, createTestUser, type TestUser } from '../support/accounts';
import { pdf } from '../support/fixtures';
import { postForm, postMultipart, type Fields } from '../support/http';
import { queuedMail } from '../support/outbox';

// What City staff review, through the real forms, at 1280 and 375 px, with JavaScript on and off; axe on every page
// of the story:
// 1. An organisation sent back for changes corrects its application (a field, a document) and sends it again; the
//    City's enti team sees only what changed, old and new values, the unchanged sections collapsed.
// 2. An ente's administrator changes the name and the description of its card: the public page keeps the published
//    ones ("In attesa di validazione" in the back office); the City finds the request in its back office, sees the
//    diff, approves it, and the public page shows the new facts.

const SHOTS = '/tmp/shots-diffs';

const APPLICATION: Fields = {
  denominazione: 'Cooperativa sociale La Quercia',
  forma_giuridica: 'cooperativa_sociale',
  codice_fiscale: '97051230155',
  partita_iva: '01199250158',
  runts: '',
  descrizione: 'Assistenza domiciliare ad anziani e persone con disabilità nei Municipi 1 e 2, con operatori qualificati.',
  sede_indirizzo: 'Via Larga 12',
  sede_cap: '20122',
  sede_comune: 'Milano',
  sede_municipio: 'm1',
  pec: 'quercia@pec.esempio.it',
  email: 'info@quercia.esempio.it',
  telefono: '02 1234567',
  sito: 'www.quercia.esempio.it',
  compilatore: 'rappresentante',
  rappresentante_nome: 'Mario',
  rappresentante_cognome: 'Rossi',
  rappresentante_cf: 'RSSMRA85T10A562S',
  referente_nome: 'Anna',
  referente_cognome: 'Bianchi',
  referente_email: 'anna@quercia.esempio.it',
  referente_telefono: '+39 333 1234567',
  categorie: ['servizi_socio_assistenziali', 'pasti_domicilio'],
  municipi: ['m1', 'm2'],
  dich_terzo_settore: '1',
  dich_requisiti_generali: '1',
  dich_contratti: '1',
  dich_veridicita: '1',
  dich_privacy: '1',
};
const DOCS = ['statuto', 'bilancio_sociale', 'condizioni_uso', 'privacy', 'recesso'];

describe('What City staff review', () => {
  let site: Site;
  let city: TestUser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    site = await startSite();
    city = await createTestUser(site.t.db, { kind: 'staff', givenName: 'Vera', familyName: 'Verifiche', roles: [{ role: 'city', permission: 'enti' }] });
  });
  afterAll(async () => site?.close());

  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

  /** An application sent, taken under review and sent back with a note on the "Ente" section (through the routes). */
  async function applicationSentBack(applicant: TestUser, name: string): Promise<string> {
    const app = site.t.app;
    const auth = await actingAs(app, site.t.db, applicant.id);
    const cityAuth = await actingAs(app, site.t.db, city.id);
    const created = await postForm(app, '/diventa-ente/domanda', {}, auth);
    const id = /\/domanda\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1]!;
    const files = DOCS.map((k) => ({ field: `doc_${k}`, name: `${k}.pdf`, type: 'application/pdf', data: pdf(k) }));
    const saved = await postMultipart(app, `/diventa-ente/domanda/${id}/modifica`, { ...APPLICATION, denominazione: name, azione: 'riepilogo' }, files, auth);
    expect(saved.statusCode, saved.body.slice(0, 500)).toBe(303);
    for (const [url, fields, who] of [
      [`/diventa-ente/domanda/${id}/invia`, {}, auth],
      [`/gestione-wemi/domande/${id}/prendi-in-carico`, {}, cityAuth],
      [`/gestione-wemi/domande/${id}/richiedi-modifiche`, { nota_ente: 'La partita IVA non corrisponde alla visura.' }, cityAuth],
    ] as const) {
      expect((await postForm(app, url, fields, who)).statusCode, url).toBe(303);
    }
    return id;
  }

  for (const javaScriptEnabled of [true, false]) {
    for (const [widthName, viewport] of Object.entries(WIDTHS)) {
      const tag = `${widthName}-${javaScriptEnabled ? 'js' : 'nojs'}`;
      const opts = { viewport, javaScriptEnabled };
      const axe = (page: Page, where: string) => noViolations(page, `${where} (${tag})`, { javaScriptEnabled });

      it(`an application sent again: the City sees what changed (${viewport.width}px, JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
        const name = `Cooperativa sociale La Quercia ${tag}`;
        const applicant = await createTestUser(site.t.db, { givenName: 'Mario', familyName: 'Rossi' });
        const appId = await applicationSentBack(applicant, name);
        const person = await loggedIn(site, applicant.id, opts);
        const p = person.page;

        // The applicant corrects the VAT number and replaces the statute, and sends the application again.
        await p.goto(`${site.baseUrl}/diventa-ente/domanda/${appId}`);
        await follow(p, p.getByRole('link', { name: 'Modifica la domanda' }), `/diventa-ente/domanda/${appId}/modifica`);
        await p.getByLabel('Partita IVA').fill('00743110157');
        await p.locator('#doc_statuto').setInputFiles({ name: 'statuto-firmato.pdf', mimeType: 'application/pdf', buffer: pdf('statuto firmato') });
        expect(await submit(p, p.getByRole('button', { name: 'Vai al riepilogo' }))).toBe(303);
        await p.waitForURL((url) => url.pathname === `/diventa-ente/domanda/${appId}/riepilogo`);
        expect(await submit(p, p.getByRole('button', { name: 'Invia di nuovo la domanda' }))).toBe(303);
        await p.waitForURL((url) => url.searchParams.get('esito') === 'reinviata');
        expect(unexpected(person.problems, [])).toEqual([]);

        // The City's enti team opens it from the queue and sees the diff.
        const staff = await loggedIn(site, city.id, opts);
        const c = staff.page;
        await c.goto(`${site.baseUrl}/gestione-wemi/domande?stato=resubmitted`);
        await follow(c, c.locator(`tr[data-application-id="${appId}"]`).getByRole('link', { name }), `/gestione-wemi/domande/${appId}`);
        const diff = c.locator('#modifiche');
        expect(await text(diff.locator('h2'))).toBe('Modifiche rispetto all’invio precedente');
        expect(await diff.locator('tr[data-diff-field]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-diff-field')))).toEqual(['partita_iva', 'doc_statuto']);
        const vat = diff.locator('tr[data-diff-field="partita_iva"]');
        expect(await text(vat.locator('td').nth(0))).toBe('01199250158');
        expect(await text(vat.locator('td').nth(1))).toBe('00743110157');
        expect(await text(diff.locator('tr[data-diff-field="doc_statuto"]'))).toMatch(/statuto\.pdf.*Sostituito: statuto-firmato\.pdf/);
        // Unchanged sections are collapsed; a click (or Enter) opens one.
        const sede = diff.locator('details[data-diff-section="sede"]');
        expect(await sede.getAttribute('open')).toBeNull();
        expect(await sede.locator('dl').isVisible()).toBe(false);
        await sede.locator('summary').click();
        expect(await sede.locator('dl').isVisible()).toBe(true);
        expect(await text(sede.locator('dl'))).toContain('Via Larga 12');
        await axe(c, 'City application page with the diff');
        await shot(c, `application-diff-${tag}`);
        await diff.screenshot({ path: `${SHOTS}/application-diff-${tag}-detail.png` });
        expect(unexpected(staff.problems, [])).toEqual([]);
        await person.context.close();
        await staff.context.close();
      });

      it(`an ente changes its card, and the City approves it (${viewport.width}px, JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
        const slug = `ente-prova-quercia-${tag}`;
        const oldName = `Associazione La Quercia ${tag}`;
        const newName = `Associazione La Quercia ODV ${tag}`;
        const newDescription = 'Aiutiamo le famiglie del quartiere dal 1990, ora anche con un centro diurno per anziani.';
        const ente = await insertOrg(site.t.db, { slug, name: oldName, description: 'Aiutiamo le famiglie del quartiere dal 1990.' });
        const admin = await createTestUser(site.t.db, { kind: 'ente', givenName: 'Tina', familyName: 'Quercia', roles: [{ role: 'ente_admin', organizationId: ente.id }] });
        const person = await loggedIn(site, admin.id, opts);
        const p = person.page;

        // The ente's administrator changes the name and the description.
        await p.goto(`${site.baseUrl}/gestione-ente/${ente.id}`);
        await follow(p, p.locator('main').getByRole('link', { name: 'Scheda ente' }), `/gestione-ente/${ente.id}/scheda-ente`);
        await p.getByLabel('Denominazione').fill(newName);
        await p.getByLabel('Descrizione in italiano').fill(newDescription);
        expect(await submit(p, p.getByRole('button', { name: 'Salva la scheda' }))).toBe(303);
        await p.waitForURL((url) => url.searchParams.get('esito') === 'in-validazione');
        expect(await text(p.locator('.wemi-notice'))).toContain('inviate al Comune per la validazione');
        const pending = p.locator('#richiesta-in-corso');
        expect(await text(pending.locator('.callout-title'))).toBe('In attesa di validazione');
        expect(await text(pending.locator('tr[data-diff-field="name"]'))).toContain(newName);
        expect(await p.getByLabel('Denominazione').inputValue()).toBe(newName);
        await axe(p, 'ente card waiting for validation');
        await shot(p, `ente-card-pending-${tag}`);
        await pending.screenshot({ path: `${SHOTS}/ente-card-pending-${tag}-detail.png` });
        // The public page keeps the published facts.
        await p.goto(`${site.baseUrl}/enti/${slug}`);
        expect(await text(p.locator('h1'))).toBe(oldName);
        expect(await text(p.locator('main'))).not.toContain('centro diurno');

        // The City finds the request from its back office, reads the diff and approves.
        const staff = await loggedIn(site, city.id, opts);
        const c = staff.page;
        await c.goto(`${site.baseUrl}/gestione-wemi`);
        await follow(c, c.locator('main').getByRole('link', { name: 'Schede enti da validare' }), '/gestione-wemi/schede-enti');
        const row = c.locator('tr[data-ente-revision-id]', { hasText: oldName });
        expect(await text(row)).toContain('Denominazione, Descrizione in italiano');
        await axe(c, 'City queue of ente cards');
        await follow(c, row.getByRole('link', { name: oldName }), /^\/gestione-wemi\/schede-enti\/[0-9a-f-]{36}$/);
        expect(await c.locator('#modifiche-title ~ .wemi-diff tr[data-diff-field]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-diff-field')))).toEqual(['name', 'description_it']);
        const nameRow = c.locator('tr[data-diff-field="name"]');
        expect(await text(nameRow.locator('td').nth(0))).toBe(oldName);
        expect(await text(nameRow.locator('td').nth(1))).toBe(newName);
        expect(await c.locator('details[data-diff-section="contacts"]').count()).toBe(1);
        await axe(c, 'City page of an ente card request');
        await shot(c, `ente-card-diff-${tag}`);
        await c.locator('main').screenshot({ path: `${SHOTS}/ente-card-diff-${tag}-detail.png` });
        await follow(c, c.getByRole('link', { name: 'Approva' }), /\/approva$/);
        await c.getByLabel('Nota per l’ente').fill('Grazie, tutto in ordine.');
        await axe(c, 'approval confirmation');
        expect(await submit(c, c.getByRole('button', { name: 'Approva e pubblica' }))).toBe(303);
        await c.waitForURL((url) => url.searchParams.get('esito') === 'approvata');
        expect(await text(c.locator('.wemi-notice'))).toContain('Modifiche approvate');

        // Public now; the ente was told.
        await p.goto(`${site.baseUrl}/enti/${slug}`);
        expect(await text(p.locator('h1'))).toBe(newName);
        expect(await text(p.locator('main'))).toContain('centro diurno');
        expect((await queuedMail(site.t.db, admin.email, { subjectContains: 'Scheda ente approvata' }))[0]?.text_body).toContain('Grazie, tutto in ordine.');
        await p.goto(`${site.baseUrl}/gestione-ente/${ente.id}/scheda-ente`);
        expect(await p.locator('#richiesta-in-corso').count()).toBe(0);
        expect(unexpected(person.problems, [])).toEqual([]);
        expect(unexpected(staff.problems, [])).toEqual([]);
        await person.context.close();
        await staff.context.close();
      });
    }
  }
});
