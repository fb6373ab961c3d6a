import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInMilan } from '../../src/features/service-cards/card-validation';
import { insertOrg, type OrgFixture } from '../../src/features/services/services.test-fixtures';
import { createTestApp, type TestApp } from '../support/app';
import { actingAs, createTestUser, type TestUser } from '../support/accounts';
import { auditRows } from '../support/audit';
import { pdf } from '../support/fixtures';
import { decode, text } from '../support/html';
import { expectRedirect, requestsTo, type Auth, type Fields, type FileData } from '../support/http';
import { queuedMail } from '../support/outbox';

// What City staff review (issue 10): an application sent again and a new service card sent again show the
// differences from the previous submission, field by field (unchanged sections collapsed, documents added,
// removed or replaced; price lists compared cell by cell, each changed cell with its old value in words); the
// public facts of an ente card wait for the City's validation before the public sees them.

// ---------------------------------------------------------------------------------------------------------------
// Reading pages

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g)) out[m[1]!] = decode(m[2] ?? '');
  return out;
}

/** What a browser without JavaScript would send for the form that posts to `action`, as rendered. */
function formFields(html: string, action: string): Fields {
  const start = html.indexOf(`<form method="post" action="${action}"`);
  expect(start, `form ${action}`).toBeGreaterThan(-1);
  const f = html.slice(start, html.indexOf('</form>', start));
  const out: Record<string, string[]> = {};
  const add = (k: string, v: string) => (out[k] ??= []).push(v);
  for (const m of f.matchAll(/<input\b([^>]*)>/g)) {
    const a = attrs(m[1]!);
    if (!a.name || a.type === 'file') continue;
    if ((a.type === 'checkbox' || a.type === 'radio') && !('checked' in a)) continue;
    add(a.name, a.value ?? '');
  }
  for (const m of f.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) add(attrs(m[1]!).name!, decode(m[2]!));
  for (const m of f.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const options = [...m[2]!.matchAll(/<option\b([^>]*)>/g)].map((o) => attrs(o[1]!));
    add(attrs(m[1]!).name!, (options.find((o) => 'selected' in o) ?? options[0])?.value ?? '');
  }
  const fields: Fields = Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
  delete fields._csrf;
  return fields;
}

/** The HTML of the element with this id (a <section> or <div>, up to its matching closing tag). */
function byId(html: string, id: string): string {
  const start = html.search(new RegExp(`<(section|div)\\b[^>]*\\bid="${id}"`));
  expect(start, `#${id}`).toBeGreaterThan(-1);
  const tag = /^<(section|div)/.exec(html.slice(start))![1]!;
  let depth = 0;
  const re = new RegExp(`<${tag}\\b|</${tag}>`, 'g');
  re.lastIndex = start;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  throw new Error(`#${id} not closed`);
}

/** The fields of the rows of a diff (data-diff-field), in order. */
const diffRows = (html: string) => [...html.matchAll(/<tr data-diff-field="([^"]+)">/g)].map((m) => m[1]!);
/** One row of a diff, as text. */
function rowText(html: string, field: string): string {
  const start = html.indexOf(`<tr data-diff-field="${field}">`);
  expect(start, `row ${field}`).toBeGreaterThan(-1);
  return text(html.slice(start, html.indexOf('</tr>', start)));
}
/** The sections of a diff shown collapsed (nothing changed in them). */
const collapsed = (html: string) => [...html.matchAll(/<details class="wemi-diff-unchanged" data-diff-section="([^"]+)">/g)].map((m) => m[1]!);

// ---------------------------------------------------------------------------------------------------------------
// An application

const VALID: Fields = {
  denominazione: 'Cooperativa sociale Il Tiglio',
  forma_giuridica: 'cooperativa_sociale',
  codice_fiscale: '97051230155',
  partita_iva: '01199250158',
  runts: '',
  descrizione: 'Assistenza domiciliare ad anziani nei Municipi 1 e 2, con operatori qualificati e una sede aperta tutti i giorni.',
  sede_indirizzo: 'Via Larga 12',
  sede_cap: '20122',
  sede_comune: 'Milano',
  sede_municipio: 'm1',
  pec: 'tiglio@pec.esempio.it',
  email: 'info@tiglio.esempio.it',
  telefono: '02 1234567',
  sito: 'www.tiglio.esempio.it',
  compilatore: 'rappresentante',
  rappresentante_nome: 'Mario',
  rappresentante_cognome: 'Rossi',
  rappresentante_cf: 'RSSMRA85T10A562S',
  referente_nome: 'Anna',
  referente_cognome: 'Bianchi',
  referente_email: 'anna@tiglio.esempio.it',
  referente_telefono: '+39 333 1234567',
  categorie: ['servizi_socio_assistenziali', 'pasti_domicilio'],
  municipi: ['m1', 'm2'],
  dich_terzo_settore: '1',
  dich_requisiti_generali: '1',
  dich_contratti: '1',
  dich_veridicita: '1',
  dich_privacy: '1',
};
const REQUIRED_DOCS = ['statuto', 'bilancio_sociale', 'condizioni_uso', 'privacy', 'recesso'] as const;
const pdfFile = (kind: string, label = kind): FileData => ({ name: `${label}.pdf`, type: 'application/pdf', data: pdf(label) });

const dayFromToday = (days: number) => todayInMilan(new Date(Date.now() + days * 86_400_000));

describe('what City staff review', () => {
  let t: TestApp;
  let cityUser: TestUser;
  let cityAuth: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    cityUser = await createTestUser(t.db, { kind: 'staff', givenName: 'Vera', familyName: 'Verifiche', roles: [{ role: 'city', permission: 'enti' }] });
    cityAuth = await actingAs(t.app, t.db, cityUser.id);
  });
  afterAll(async () => t?.close());

  const http = requestsTo(() => t.app);
  const { get, post } = http;

  describe('an application sent again after changes requested', () => {
    let applicantAuth: Auth;
    let appId: string;
    /** The form as the applicant sends it now. */
    let VALID_NOW: Fields = VALID;
    const save = (fields: Fields, files: Record<string, FileData> = {}, action = 'salva') =>
      http.postMultipart(`/diventa-ente/domanda/${appId}/modifica`, { ...fields, azione: action }, Object.entries(files).map(([k, f]) => ({ field: `doc_${k}`, ...f })), applicantAuth);
    const send = async (esito: string) => {
      expectRedirect(await save(VALID_NOW, {}, 'riepilogo'), `/diventa-ente/domanda/${appId}/riepilogo`);
      expectRedirect(await post(`/diventa-ente/domanda/${appId}/invia`, {}, applicantAuth), `/diventa-ente/domanda/${appId}?esito=${esito}`);
    };
    const askChanges = async (note: Fields) => {
      expectRedirect(await post(`/gestione-wemi/domande/${appId}/prendi-in-carico`, {}, cityAuth), /esito=in-esame/);
      expectRedirect(await post(`/gestione-wemi/domande/${appId}/richiedi-modifiche`, note, cityAuth), /esito=modifiche-richieste/);
    };
    beforeAll(async () => {
      const applicant = await createTestUser(t.db, { givenName: 'Mario', familyName: 'Rossi', fiscalCode: 'RSSMRA85T10A562S' });
      applicantAuth = await actingAs(t.app, t.db, applicant.id);
      const res = await post('/diventa-ente/domanda', {}, applicantAuth);
      appId = /\/diventa-ente\/domanda\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
      expectRedirect(await save(VALID, Object.fromEntries(REQUIRED_DOCS.map((k) => [k, pdfFile(k)]))), /esito=salvata/);
      await send('inviata');
    });

    it('a first submission has nothing to compare with', async () => {
      const page = await get(`/gestione-wemi/domande/${appId}`, cityAuth);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('id="modifiche"');
      expect(diffRows(page.body)).toEqual([]);
    });

    it('shows the changed fields only, old and new value, unchanged sections collapsed, a document replaced and one added', async () => {
      await askChanges({ nota_ente: 'La partita IVA non corrisponde.', nota_documenti: 'Lo statuto non è firmato.' });
      VALID_NOW = { ...VALID, partita_iva: '00743110157', descrizione: `${VALID.descrizione} Dal 2027 anche a Municipio 3.` };
      expectRedirect(await save(VALID_NOW, { statuto: pdfFile('statuto', 'statuto-firmato'), certificazione: pdfFile('certificazione', 'iso-9001') }), /esito=salvata/);
      await send('reinviata');

      const page = await get(`/gestione-wemi/domande/${appId}`, cityAuth);
      expect(page.statusCode).toBe(200);
      const diff = byId(page.body, 'modifiche');
      expect(text(diff)).toContain('Modifiche rispetto all’invio precedente');
      expect(diffRows(diff)).toEqual(['partita_iva', 'descrizione', 'doc_statuto', 'doc_certificazione']);
      const vat = rowText(diff, 'partita_iva');
      expect(vat).toContain('01199250158');
      expect(vat).toContain('00743110157');
      expect(vat.indexOf('01199250158')).toBeLessThan(vat.indexOf('00743110157'));
      expect(rowText(diff, 'descrizione')).toContain('Dal 2027 anche a Municipio 3.');
      const statuto = rowText(diff, 'doc_statuto');
      expect(statuto).toContain('statuto.pdf');
      expect(statuto).toContain('Sostituito');
      expect(statuto).toContain('statuto-firmato.pdf');
      expect(rowText(diff, 'doc_certificazione')).toMatch(/Nessun documento.*Aggiunto.*iso-9001\.pdf/);
      // The new file can be opened from the diff; the replaced one is gone.
      expect(diff).toMatch(/href="\/gestione-wemi\/domande\/[0-9a-f-]{36}\/documenti\/[0-9a-f-]{36}">iso-9001\.pdf/);
      // Sections without changes are collapsed, with their values inside.
      expect(collapsed(diff)).toEqual(['sede', 'persone', 'ambiti', 'dichiarazioni']);
      const sede = diff.slice(diff.indexOf('data-diff-section="sede"'));
      expect(text(sede.slice(0, sede.indexOf('</details>')))).toContain('Via Larga 12');
      // Unchanged values are never shown as changes.
      const changedTables = diff.replace(/<details[\s\S]*?<\/details>/g, '');
      expect(text(changedTables)).not.toContain('Via Larga 12');
      expect(text(changedTables)).not.toContain(VALID.denominazione as string);
    });

    it('a second round: a document removed', async () => {
      await askChanges({ nota_documenti: 'La certificazione non serve: toglietela.' });
      const form = await get(`/diventa-ente/domanda/${appId}/modifica`, applicantAuth);
      const remove = /href="(\/diventa-ente\/domanda\/[0-9a-f-]{36}\/documenti\/[0-9a-f-]{36}\/elimina)">Rimuovi<span class="visually-hidden"> Certificazioni/.exec(form.body);
      expect(remove, 'the link to remove the certification').not.toBeNull();
      expectRedirect(await post(remove![1]!, {}, applicantAuth), /esito=documento-rimosso/);
      await send('reinviata');
      const diff = byId((await get(`/gestione-wemi/domande/${appId}`, cityAuth)).body, 'modifiche');
      expect(diffRows(diff)).toEqual(['doc_certificazione']);
      expect(rowText(diff, 'doc_certificazione')).toMatch(/iso-9001\.pdf.*Eliminato/);
      expect(collapsed(diff)).toEqual(['ente', 'sede', 'persone', 'ambiti', 'dichiarazioni']);
    });
  });

  describe('a new service card sent back and sent again', () => {
    let ente: { id: string; name: string };
    let adminAuth: Auth;
    let serviceId: string;
    let revisionId: string;
    const base = () => `/gestione-ente/${ente.id}/schede`;
    const editUrl = () => `${base()}/${serviceId}/revisioni/${revisionId}/modifica`;
    const saveForm = async (changes: Fields) => {
      const page = await get(editUrl(), adminAuth);
      expect(page.statusCode).toBe(200);
      return post(editUrl(), { ...formFields(page.body, editUrl()), ...changes, azione: 'salva' }, adminAuth);
    };
    const submit = async () => expectRedirect(await post(`${base()}/${serviceId}/revisioni/${revisionId}/invia`, {}, adminAuth), /esito=inviata/);

    beforeAll(async () => {
      ente = await t.db.one(
        `select o.id, o.name from organization o where o.status = 'active'
            and exists (select 1 from service s where s.organization_id = o.id and s.status = 'published') order by o.name limit 1`,
      );
      const admin = await createTestUser(t.db, { kind: 'ente', givenName: 'Ada', familyName: 'Admin', roles: [{ role: 'ente_admin', organizationId: ente.id }] });
      adminAuth = await actingAs(t.app, t.db, admin.id);
      const choose = await get(`${base()}/nuova`, adminAuth);
      const type = /name="tipo" id="[^"]+" value="([0-9a-f-]{36})"/.exec(choose.body)![1]!;
      const created = await post(`${base()}/nuova`, { tipo: type }, adminAuth);
      [, serviceId, revisionId] = /schede\/([0-9a-f-]{36})\/revisioni\/([0-9a-f-]{36})\/modifica/.exec(String(created.headers.location))! as unknown as [string, string, string];
      const target = await t.db.one<{ id: string }>(`select t.id from taxonomy_term t join taxonomy tx on tx.id = t.taxonomy_id where tx.code = 'target_group' order by t.position limit 1`);
      const municipio = await t.db.one<{ id: string }>(`select t.id from taxonomy_term t join taxonomy tx on tx.id = t.taxonomy_id where tx.code = 'municipio' order by t.position limit 1`);
      const saved = await saveForm({
        nome: 'Lavanderia a domicilio Tiglio',
        'sintesi-it': 'Ritiriamo e riconsegniamo il bucato a casa.',
        'analisi-bisogno': 'Una telefonata per capire le necessità.',
        soluzione: 'Un’operatrice passa due volte alla settimana.',
        gruppi: target.id,
        modalita: 'individual',
        'persone-min': '1',
        'persone-max': '1',
        municipi: municipio.id,
        luoghi: 'domicilio',
        telefono: '02 9876 5432',
        responsabile: 'Gina Ferri',
        'personale-1-tipo': 'internal',
        'personale-1-numero': '3',
        offerta: 'paid',
        unita: 'ora',
        iva: '22',
        'listino-1-dal': dayFromToday(-1),
        'listino-1-fascia-1-pmin': '1',
        'listino-1-fascia-1-umin': '1',
        'listino-1-fascia-1-umax': '9',
        'listino-1-fascia-1-prezzo': '18,00',
        'listino-1-fascia-2-pmin': '1',
        'listino-1-fascia-2-umin': '10',
        'listino-1-fascia-2-umax': '19',
        'listino-1-fascia-2-prezzo': '15,00',
      });
      expect(saved.statusCode, text(saved.body).slice(0, 600)).toBe(303);
      await submit();
    });

    it('sent once: the City sees the content of the new card, and no comparison', async () => {
      const page = await get(`/gestione-wemi/schede/${revisionId}`, cityAuth);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('id="reinvio"');
      expect(page.body).toContain('<tr data-field="priceLists.1">');
    });

    it('sent again: the changes since the previous submission, price cells marked with the old value in words', async () => {
      expectRedirect(await post(`/gestione-wemi/schede/${revisionId}/modifiche`, { priceLists: 'La prima fascia costa troppo.' }, cityAuth), /esito=rinviata/);
      const saved = await saveForm({
        nome: 'Lavanderia a domicilio Il Tiglio',
        'listino-1-fascia-1-prezzo': '16,50',
        'listino-1-fascia-3-pmin': '1',
        'listino-1-fascia-3-umin': '20',
        'listino-1-fascia-3-prezzo': '14,00',
      });
      expect(saved.statusCode, saved.statusCode === 303 ? '' : text(saved.body).slice(-1500)).toBe(303);
      await submit();

      const page = await get(`/gestione-wemi/schede/${revisionId}`, cityAuth);
      expect(page.statusCode).toBe(200);
      const diff = byId(page.body, 'reinvio');
      expect(text(diff)).toContain('Modifiche rispetto all’invio precedente');
      expect(diffRows(diff)).toEqual(['name', 'priceLists.1']);
      const name = rowText(diff, 'name');
      expect(name).toContain('Lavanderia a domicilio Tiglio');
      expect(name).toContain('Lavanderia a domicilio Il Tiglio');

      // The price list, cell by cell: the changed price with its old value in words and a hidden "modificato".
      const changedCells = [...diff.matchAll(/<td class="wemi-diff-cell-changed"[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
      expect(changedCells).toHaveLength(1);
      expect(changedCells[0]).toContain('<span class="visually-hidden">modificato: </span>');
      expect(text(changedCells[0]!)).toBe('modificato: 16,50 € prima: 18,00 €');
      const rows = [...diff.matchAll(/<tr[^>]*data-diff-row="(\d+)"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => text(m[2]!));
      expect(rows).toHaveLength(3);
      expect(rows[0]).toMatch(/Modificata$/);
      expect(rows[1]).toBe('2 1 o più da 10 a 19 15,00 € Invariata');
      expect(rows[2]).toBe('3 1 o più 20 o più 14,00 € Aggiunta');
      // Fields not changed since the previous submission are not in it.
      expect(text(diff)).not.toContain('Gina Ferri');

      // The content of the new card is still there, below.
      expect(page.body).toContain('<tr data-field="priceLists.1">');
    });
  });

  describe('the public facts of an ente card wait for the City', () => {
    let ente: OrgFixture;
    let admin: TestUser;
    let adminAuth: Auth;
    let operatorAuth: Auth;
    let revisionId: string;
    const cardUrl = () => `/gestione-ente/${ente.id}/scheda-ente`;
    const card = () => t.db.one<{ name: string; description_it: string; email: string | null; contact_person: string }>('select name, description_it, email, contact_person from organization where id = $1', [ente.id]);
    /** The card form as rendered, with changes, posted back. */
    async function saveCard(changes: Fields) {
      const page = await get(cardUrl(), adminAuth);
      expect(page.statusCode).toBe(200);
      return post(cardUrl(), { ...formFields(page.body, cardUrl()), ...changes }, adminAuth);
    }
    const versionOf = async (url: string) => /name="versione" value="(\d+)"/.exec((await get(url, cityAuth)).body)![1]!;

    beforeAll(async () => {
      ente = await insertOrg(t.db, { slug: 'ente-prova-tiglio', name: 'Associazione Il Tiglio', description: 'Aiutiamo le famiglie del quartiere dal 1990.', email: 'info@tiglio.example.org' });
      admin = await createTestUser(t.db, { kind: 'ente', givenName: 'Tina', familyName: 'Tiglio', roles: [{ role: 'ente_admin', organizationId: ente.id }] });
      adminAuth = await actingAs(t.app, t.db, admin.id);
      const operator = await createTestUser(t.db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: ente.id }] });
      operatorAuth = await actingAs(t.app, t.db, operator.id);
    });

    it('an edit of name, description and e-mail is not public before approval; the contact person saves at once', async () => {
      const res = await saveCard({
        denominazione: 'Associazione Il Tiglio ODV',
        descrizione_it: 'Aiutiamo le famiglie del quartiere dal 1990, con un nuovo centro diurno.',
        email: 'segreteria@tiglio.example.org',
        referente: 'Teresa Tiglio, presidente',
      });
      expectRedirect(res, `${cardUrl()}?esito=in-validazione`);
      const row = await card();
      expect(row).toMatchObject({ name: 'Associazione Il Tiglio', description_it: 'Aiutiamo le famiglie del quartiere dal 1990.', email: 'info@tiglio.example.org', contact_person: 'Teresa Tiglio, presidente' });
      const pub = await get('/enti/ente-prova-tiglio');
      expect(pub.statusCode).toBe(200);
      expect(text(pub.body)).toContain('Associazione Il Tiglio');
      expect(text(pub.body)).not.toContain('Il Tiglio ODV');
      expect(text(pub.body)).not.toContain('nuovo centro diurno');
      expect(pub.body).not.toContain('segreteria@tiglio.example.org');
      const api = (await get('/api/v1/organizations/ente-prova-tiglio')).json();
      expect(api.name).toBe('Associazione Il Tiglio');
      expect(api.email).toBe('info@tiglio.example.org');

      const revision = await t.db.one<{ id: string; status: string }>(`select id, status from organization_revision where organization_id = $1`, [ente.id]);
      expect(revision.status).toBe('submitted');
      revisionId = revision.id;
      const mails = await queuedMail(t.db, cityUser.email, { subjectContains: 'Scheda ente da validare' });
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text_body).toContain(`/gestione-wemi/schede-enti/${revisionId}`);
      expect((await auditRows(t.db, { action: 'ente.card.revision.submit', targetId: revisionId }))[0]?.details).toMatchObject({ fields: ['name', 'description_it', 'email'] });
      expect(await auditRows(t.db, { action: 'ente.card.update', targetId: ente.id })).toHaveLength(1);
    });

    it('the ente sees “In attesa di validazione” with its pending values, and the form keeps them', async () => {
      for (const auth of [adminAuth, operatorAuth]) {
        const page = await get(cardUrl(), auth);
        const pending = byId(page.body, 'richiesta-in-corso');
        expect(text(pending)).toContain('In attesa di validazione');
        expect(diffRows(pending)).toEqual(['name', 'description_it', 'email']);
        expect(rowText(pending, 'email')).toContain('info@tiglio.example.org');
        expect(rowText(pending, 'email')).toContain('segreteria@tiglio.example.org');
      }
      const form = formFields((await get(cardUrl(), adminAuth)).body, cardUrl());
      expect(form.denominazione).toBe('Associazione Il Tiglio ODV');
      expect(form.email).toBe('segreteria@tiglio.example.org');
    });

    it('the City’s queue lists it (in the back-office navigation); the request shows the changed facts only', async () => {
      const landing = await get('/gestione-wemi', cityAuth);
      expect(landing.body).toContain('href="/gestione-wemi/schede-enti"');
      const queue = await get('/gestione-wemi/schede-enti', cityAuth);
      expect(queue.statusCode).toBe(200);
      expect(queue.body).toContain(`data-ente-revision-id="${revisionId}"`);
      expect(text(queue.body)).toContain('Denominazione, Descrizione in italiano, E-mail');
      expect((await get('/gestione-wemi/schede-enti?stato=nessuno', cityAuth)).statusCode).toBe(400);
      expect((await get('/gestione-wemi/schede-enti', adminAuth)).statusCode).toBe(403);
      expect((await get(`/gestione-wemi/schede-enti/${revisionId}`, adminAuth)).statusCode).toBe(403);

      const page = await get(`/gestione-wemi/schede-enti/${revisionId}`, cityAuth);
      expect(page.statusCode).toBe(200);
      expect(diffRows(page.body)).toEqual(['name', 'description_it', 'email']);
      const name = rowText(page.body, 'name');
      expect(name.indexOf('Associazione Il Tiglio')).toBeLessThan(name.indexOf('Associazione Il Tiglio ODV'));
      expect(collapsed(page.body)).toEqual(['socials']);
      expect(page.body).not.toContain('Teresa Tiglio');
    });

    it('sending back needs a note; the note is e-mailed to the ente, which sees it; the public page stays', async () => {
      const url = `/gestione-wemi/schede-enti/${revisionId}/modifiche`;
      const version = await versionOf(url);
      const empty = await post(url, { nota: ' ', versione: version }, cityAuth);
      expect(empty.statusCode).toBe(400);
      expect(text(empty.body)).toContain('Scrivi che cosa deve cambiare l’ente');
      const note = 'La denominazione deve essere quella dello statuto: senza «ODV».';
      expectRedirect(await post(url, { nota: note, versione: version }, cityAuth), `/gestione-wemi/schede-enti/${revisionId}?esito=rinviata`);
      const mails = await queuedMail(t.db, admin.email, { subjectContains: 'chiede modifiche' });
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text_body).toContain(note);
      expect(mails[0]!.text_body).toContain(`/gestione-ente/${ente.id}/scheda-ente`);
      expect((await auditRows(t.db, { action: 'ente.card.revision.request_changes', targetId: revisionId }))[0]?.details).toMatchObject({ note });
      const pending = text(byId((await get(cardUrl(), adminAuth)).body, 'richiesta-in-corso'));
      expect(pending).toContain('Il Comune chiede modifiche');
      expect(pending).toContain(note);
      expect((await card()).name).toBe('Associazione Il Tiglio');
      // A decision already taken cannot be taken again.
      expect((await post(`/gestione-wemi/schede-enti/${revisionId}/approva`, { versione: String(Number(version) + 1) }, cityAuth)).statusCode).toBe(409);
    });

    it('sent again: the City also sees what changed since the previous submission; a stale approval is refused', async () => {
      expectRedirect(await saveCard({ denominazione: 'Associazione Il Tiglio' }), `${cardUrl()}?esito=in-validazione`);
      const page = await get(`/gestione-wemi/schede-enti/${revisionId}`, cityAuth);
      expect(text(page.body)).toContain('Modifiche rispetto all’invio precedente');
      const previous = page.body.slice(page.body.indexOf('id="reinvio-title"'), page.body.indexOf('id="modifiche-title"'));
      expect(diffRows(previous)).toEqual(['name']);
      expect(rowText(previous, 'name')).toContain('Associazione Il Tiglio ODV');
      const current = page.body.slice(page.body.indexOf('id="modifiche-title"'));
      expect(diffRows(current)).toEqual(['description_it', 'email']);
      expect(await queuedMail(t.db, cityUser.email, { subjectContains: 'Scheda ente inviata di nuovo' })).toHaveLength(1);

      const url = `/gestione-wemi/schede-enti/${revisionId}/approva`;
      const version = await versionOf(url);
      // The ente changes the request while the City looks at it: the approval of the old version is refused.
      expectRedirect(await saveCard({ email: 'direzione@tiglio.example.org' }), `${cardUrl()}?esito=richiesta-aggiornata`);
      expect((await post(url, { versione: version }, cityAuth)).statusCode).toBe(409);
      expect((await card()).email).toBe('info@tiglio.example.org');
    });

    it('approved, the facts are public; the ente is told by e-mail', async () => {
      const url = `/gestione-wemi/schede-enti/${revisionId}/approva`;
      expectRedirect(await post(url, { nota: 'Grazie.', versione: await versionOf(url) }, cityAuth), `/gestione-wemi/schede-enti/${revisionId}?esito=approvata`);
      expect(await card()).toMatchObject({ name: 'Associazione Il Tiglio', description_it: 'Aiutiamo le famiglie del quartiere dal 1990, con un nuovo centro diurno.', email: 'direzione@tiglio.example.org' });
      const pub = await get('/enti/ente-prova-tiglio');
      expect(text(pub.body)).toContain('nuovo centro diurno');
      expect(pub.body).toContain('direzione@tiglio.example.org');
      expect((await get('/api/v1/organizations/ente-prova-tiglio')).json().email).toBe('direzione@tiglio.example.org');
      const mails = await queuedMail(t.db, admin.email, { subjectContains: 'Scheda ente approvata' });
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text_body).toContain('Grazie.');
      expect((await t.db.one<{ status: string }>('select status from organization_revision where id = $1', [revisionId])).status).toBe('approved');
      expect(await auditRows(t.db, { action: 'ente.card.revision.approve', targetId: revisionId })).toHaveLength(1);
      const page = await get(cardUrl(), adminAuth);
      expect(page.body).not.toContain('id="richiesta-in-corso"');
      expect(text(page.body)).not.toContain('In attesa di validazione');
    });

    it('a new request can be withdrawn by an administrator (not by an operator); the card stays published as it was', async () => {
      expectRedirect(await saveCard({ telefono: '02 5555 1234' }), `${cardUrl()}?esito=in-validazione`);
      const withdraw = `${cardUrl()}/ritira-richiesta`;
      expect((await post(withdraw, {}, operatorAuth)).statusCode).toBe(403);
      expectRedirect(await post(withdraw, {}, adminAuth), `${cardUrl()}?esito=richiesta-ritirata`);
      expect((await t.db.query(`select 1 from organization_revision where organization_id = $1 and status in ('submitted', 'changes_requested')`, [ente.id])).length).toBe(0);
      expect((await get('/enti/ente-prova-tiglio')).body).not.toContain('02 5555 1234');
      expect(text((await get(cardUrl(), adminAuth)).body)).not.toContain('In attesa di validazione');
    });
  });
});
