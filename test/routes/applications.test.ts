import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTI_TEAM_EMAIL } from '../../src/features/enti-applications/applications.service';
import { createTestApp, csrfFor, type TestApp } from '../support/app';
import { actingAs, createTestUser, sessionCookieFor, type TestUser } from '../support/accounts';
import { pdf } from '../support/fixtures';
import { expectRedirect, requestsTo, type Auth, type FileData, type Fields } from '../support/http';
import { startTestSmtp, type TestSmtp } from '../support/smtp';

// "Enti join WeMi", part 1: the open call, the application (drafts kept even when invalid, checked uploads,
// summary, sending with a reference by e-mail), the City's queue and decisions (review, changes with notes per
// section, qualification in one transaction, rejection), refused transitions, ownership and CSRF.

/** The form of a complete application (as a browser would send it). */
const VALID: Fields = {
  denominazione: 'Cooperativa sociale Il Gelso Àrgenteo',
  forma_giuridica: 'cooperativa_sociale',
  codice_fiscale: '97051230155',
  partita_iva: '01199250158',
  runts: '',
  descrizione: 'Assistenza domiciliare ad anziani e persone con disabilità nei Municipi 1 e 2, con operatori qualificati.',
  sede_indirizzo: 'Via Larga 12',
  sede_cap: '20122',
  sede_comune: 'Milano',
  sede_municipio: 'm1',
  pec: 'gelso@pec.esempio.it',
  email: 'info@gelso.esempio.it',
  telefono: '02 1234567',
  sito: 'www.gelso.esempio.it',
  compilatore: 'rappresentante',
  rappresentante_nome: 'Mario',
  rappresentante_cognome: 'Rossi',
  rappresentante_cf: 'RSSMRA85T10A562S',
  referente_nome: 'Anna',
  referente_cognome: 'Bianchi',
  referente_email: 'anna@gelso.esempio.it',
  referente_telefono: '+39 333 1234567',
  categorie: ['servizi_socio_assistenziali', 'pasti_domicilio'],
  municipi: ['m1', 'm2'],
  dich_terzo_settore: '1',
  dich_requisiti_generali: '1',
  dich_contratti: '1',
  dich_veridicita: '1',
  dich_privacy: '1',
};

const ALL_DOCS = ['statuto', 'bilancio_sociale', 'condizioni_uso', 'privacy', 'recesso'] as const;
const pdfFiles = (kinds: readonly string[]) => Object.fromEntries(kinds.map((k) => [`doc_${k}`, { name: `${k}.pdf`, type: 'application/pdf', data: pdf(k) }]));

const idFrom = (location: string) => /\/diventa-ente\/domanda\/([0-9a-f-]{36})/.exec(location)![1]!;

describe('Enti join WeMi: application and qualification', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let applicant: TestUser;
  let applicantAuth: Auth;
  let other: TestUser;
  let otherAuth: Auth;
  let cityEnti: TestUser;
  let cityAuth: Auth;
  let cityUsersAuth: Auth;
  let appId: string;

  beforeAll(async () => {
    t = await createTestApp();
    smtp = await startTestSmtp();
    applicant = await createTestUser(t.db, { givenName: 'Mario', familyName: 'Rossi', fiscalCode: 'RSSMRA85T10A562S' });
    applicantAuth = await actingAs(t.app, t.db, applicant.id);
    other = await createTestUser(t.db, { givenName: 'Olga', familyName: 'Altri' });
    otherAuth = await actingAs(t.app, t.db, other.id);
    cityEnti = await createTestUser(t.db, { kind: 'staff', givenName: 'Elena', familyName: 'Enti', roles: [{ role: 'city', permission: 'enti' }] });
    cityAuth = await actingAs(t.app, t.db, cityEnti.id);
    const cityUsers = await createTestUser(t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'users' }] });
    cityUsersAuth = await actingAs(t.app, t.db, cityUsers.id);
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  const http = requestsTo(() => t.app);
  const { get, post } = http;
  /** A multipart POST with files by form field (doc_statuto, …). */
  const postMultipart = (url: string, fields: Fields, files: Record<string, FileData>, auth: Auth, withToken = true) =>
    http.postMultipart(url, fields, Object.entries(files).map(([field, f]) => ({ field, ...f })), auth, withToken);

  const save = (id: string, fields: Fields, files: Record<string, FileData> = {}, auth = applicantAuth, action = 'salva') =>
    postMultipart(`/diventa-ente/domanda/${id}/modifica`, { ...fields, azione: action }, files, auth);

  const appRow = (id: string) =>
    t.db.one<{ status: string; data: Record<string, unknown>; reference: string; section_notes: Record<string, string>; decision_reason: string | null; organization_id: string | null; submitted_at: Date | null; first_submitted_at: Date | null }>(
      'select status, data, reference, section_notes, decision_reason, organization_id, submitted_at, first_submitted_at from ente_application where id = $1',
      [id],
    );
  const fileCount = async () => (await t.db.one<{ n: number }>('select count(*)::int as n from stored_file')).n;
  const eventsOf = (id: string) => t.db.query<{ from_status: string | null; to_status: string; actor_id: string | null; note: string | null }>('select from_status, to_status, actor_id, note from ente_application_event where application_id = $1 order by id', [id]);
  const auditCount = async (action: string, id: string) => (await t.db.one<{ n: number }>('select count(*)::int as n from audit_log where action = $1 and target_id = $2', [action, id])).n;

  /** Delivers what is queued and forgets it: the next checks see only the messages sent after this. */
  async function flushMail(): Promise<void> {
    await smtp.deliver(t.db);
    smtp.clear();
  }

  async function newApplication(auth: Auth): Promise<string> {
    const res = await post('/diventa-ente/domanda', {}, auth);
    expect(res.statusCode).toBe(303);
    return idFrom(String(res.headers.location));
  }

  /** A complete application, sent, for the given person. */
  async function submitted(auth: Auth, overrides: Fields = {}): Promise<string> {
    const id = await newApplication(auth);
    expectRedirect(await save(id, { ...VALID, ...overrides }, pdfFiles(ALL_DOCS), auth, 'riepilogo'), `/diventa-ente/domanda/${id}/riepilogo`);
    expectRedirect(await post(`/diventa-ente/domanda/${id}/invia`, {}, auth), `/diventa-ente/domanda/${id}?esito=inviata`);
    return id;
  }

  describe('the open call and the start', () => {
    it('the open call is public, says who may apply, what is needed, the 30 days, and links to the application', async () => {
      const res = await get('/diventa-ente');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Diventa ente WeMi');
      expect(res.body).toContain('data-element="service-addressed"');
      expect(res.body).toContain('Organizzazione di volontariato (ODV)');
      expect(res.body).toContain('Statuto e atto costitutivo');
      expect(res.body).toContain('30 giorni');
      expect(res.body).toContain('Servizi socio-assistenziali');
      expect(res.body).toMatch(/<a class="btn btn-primary" href="\/diventa-ente\/domanda">Presenta la domanda<\/a>/);
      const en = await t.app.inject({ method: 'GET', url: '/diventa-ente?lang=en' });
      expect(en.body).toContain('Join WeMi as an organisation');
    });

    it('the application needs a login: anonymous visitors go to /accedi and come back', async () => {
      const res = await get('/diventa-ente/domanda');
      expectRedirect(res, `/accedi?ritorno=${encodeURIComponent('/diventa-ente/domanda')}`);
    });

    it('starts a draft with a reference, and leads back to the same draft while it is open', async () => {
      const list = await get('/diventa-ente/domanda', applicantAuth);
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('Inizia una nuova domanda');
      appId = await newApplication(applicantAuth);
      const row = await appRow(appId);
      expect(row.status).toBe('draft');
      expect(row.reference).toMatch(/^ENTE-\d{4}-\d{5}$/);
      expect(await eventsOf(appId)).toEqual([{ from_status: null, to_status: 'draft', actor_id: applicant.id, note: null }]);
      expect(await auditCount('applications.create', appId)).toBe(1);
      const again = await post('/diventa-ente/domanda', {}, applicantAuth);
      expectRedirect(again, `/diventa-ente/domanda/${appId}/modifica?esito=bozza`);
      const form = await get(`/diventa-ente/domanda/${appId}/modifica`, applicantAuth);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('enctype="multipart/form-data"');
      expect(form.body).toContain('Salva bozza');
      for (const s of ['ente', 'sede', 'persone', 'ambiti', 'dichiarazioni', 'documenti']) expect(form.body).toContain(`id="sezione-${s}"`);
    });
  });

  describe('drafts and validation', () => {
    it('"Salva bozza" keeps every value, even invalid ones, and shows what is wrong (400, error summary)', async () => {
      const res = await save(appId, { denominazione: 'Il Gelso', codice_fiscale: '123', pec: 'non-una-pec', sede_cap: '20122', categorie: ['pasti_domicilio'] });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="error-summary"');
      expect(res.body).toContain('href="#codice_fiscale"');
      expect(res.body).toContain('Il codice fiscale dell’ente deve avere 11 cifre');
      expect(res.body).toContain('Inserisci la PEC nel formato nome@dominio.it');
      // Required fields are not nagged about in a draft.
      expect(res.body).not.toContain('Inserisci il nome del referente');
      expect(res.body).toContain('value="123"');
      expect(res.body).toContain('value="non-una-pec"');
      expect(res.body).toMatch(/<title>Errore: /);
      const row = await appRow(appId);
      expect(row.status).toBe('draft');
      expect(row.data).toMatchObject({ denominazione: 'Il Gelso', codice_fiscale: '123', pec: 'non-una-pec', sede_cap: '20122', categorie: ['pasti_domicilio'] });
    });

    it('a valid partial draft saves quietly and comes back filled in', async () => {
      const res = await save(appId, { denominazione: 'Il Gelso', codice_fiscale: '970 512 301 55', categorie: ['pasti_domicilio'] });
      expectRedirect(res, `/diventa-ente/domanda/${appId}/modifica?esito=salvata`);
      const form = await get(String(res.headers.location), applicantAuth);
      expect(form.body).toContain('Bozza salvata.');
      expect(form.body).toContain('value="97051230155"');
      expect(form.body).toMatch(/value="pasti_domicilio" checked/);
    });

    it('going to the summary checks everything required (400) and names each field', async () => {
      const res = await save(appId, { denominazione: 'Il Gelso', forma_giuridica: 'odv', runts: '', partita_iva: '01199250157', rappresentante_cf: 'RSSMRA85T10A562T' }, {}, applicantAuth, 'riepilogo');
      expect(res.statusCode).toBe(400);
      for (const msg of [
        'Per la forma giuridica scelta inserisci il numero di iscrizione al RUNTS',
        'La partita IVA non è valida',
        'Il codice fiscale del legale rappresentante non è valido',
        'Inserisci il codice fiscale dell’ente',
        'Scegli almeno una categoria di servizi',
        'Scegli almeno un Municipio',
        'Per inviare la domanda conferma questa dichiarazione',
        'Carica lo statuto e l’atto costitutivo (PDF)',
      ]) {
        expect(res.body).toContain(msg);
      }
      expect(res.body).toContain('href="#doc_statuto"');
      expect(res.body).toContain('href="#dich_privacy"');
    });

    it('a draft cannot be sent while incomplete: the summary lists what is missing and sending answers 400', async () => {
      const summary = await get(`/diventa-ente/domanda/${appId}/riepilogo`, applicantAuth);
      expect(summary.statusCode).toBe(200);
      expect(summary.body).toContain('La domanda non è ancora completa');
      expect(summary.body).not.toContain('action="/diventa-ente/domanda/' + appId + '/invia"');
      const res = await post(`/diventa-ente/domanda/${appId}/invia`, {}, applicantAuth);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="error-summary"');
      expect((await appRow(appId)).status).toBe('draft');
    });
  });

  describe('uploads', () => {
    it.each([
      ['a file that is not a PDF', { name: 'statuto.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: Buffer.from('PK\u0003\u0004 word') }, 'Formato non ammesso: carica un file PDF'],
      ['a PDF larger than 5 MB', { name: 'statuto.pdf', type: 'application/pdf', data: Buffer.concat([pdf('big'), Buffer.alloc(5 * 1024 * 1024)]) }, 'Il file supera la dimensione massima di 5 MB'],
      ['a ".pdf" whose bytes are not a PDF', { name: 'statuto.pdf', type: 'application/pdf', data: Buffer.from('<html>non sono un pdf</html>') }, 'Il contenuto del file non è un PDF valido'],
    ])('refuses %s with a clear message and stores nothing', async (_label, file, message) => {
      const before = await fileCount();
      const res = await save(appId, { denominazione: 'Il Gelso' }, { doc_statuto: file });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain('href="#doc_statuto"');
      expect(await fileCount()).toBe(before);
      expect((await t.db.query('select 1 from ente_application_document where application_id = $1', [appId])).length).toBe(0);
      // The rest of the form was saved all the same.
      expect((await appRow(appId)).data.denominazione).toBe('Il Gelso');
    });

    it('stores a good PDF; a new upload of the same kind replaces it', async () => {
      const before = await fileCount();
      expectRedirect(await save(appId, { denominazione: 'Il Gelso' }, { doc_statuto: { name: 'statuto-vecchio.pdf', type: 'application/pdf', data: pdf('v1') } }), /esito=salvata/);
      expect(await fileCount()).toBe(before + 1);
      expectRedirect(await save(appId, { denominazione: 'Il Gelso' }, { doc_statuto: { name: 'statuto.pdf', type: 'application/pdf', data: pdf('v2') } }), /esito=salvata/);
      expect(await fileCount()).toBe(before + 1);
      const docs = await t.db.query<{ kind: string; original_name: string }>('select d.kind, f.original_name from ente_application_document d join stored_file f on f.id = d.file_id where application_id = $1', [appId]);
      expect(docs).toEqual([{ kind: 'statuto', original_name: 'statuto.pdf' }]);
    });

    it('a document is downloadable by the applicant and the City’s enti team only', async () => {
      const doc = await t.db.one<{ id: string }>('select id from ente_application_document where application_id = $1', [appId]);
      const url = `/diventa-ente/domanda/${appId}/documenti/${doc.id}`;
      const mine = await get(url, applicantAuth);
      expect(mine.statusCode).toBe(200);
      expect(mine.headers['content-type']).toBe('application/pdf');
      expect(String(mine.headers['content-disposition'])).toContain('attachment; filename="statuto.pdf"');
      expect(mine.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await get(url, cityAuth)).statusCode).toBe(200);
      expect((await get(url, otherAuth)).statusCode).toBe(403);
      expect((await get(url, cityUsersAuth)).statusCode).toBe(403);
      expectRedirect(await get(url), /^\/accedi\?ritorno=/);
      expect((await get(`/diventa-ente/domanda/${appId}/documenti/00000000-0000-4000-8000-000000000000`, applicantAuth)).statusCode).toBe(404);
      // The City's own address for it; other roles are refused.
      expect((await get(`/gestione-wemi/domande/${appId}/documenti/${doc.id}`, cityAuth)).statusCode).toBe(404); // still a draft: not the City's yet
    });

    it('removes a document after a confirmation step', async () => {
      const doc = await t.db.one<{ id: string }>('select id from ente_application_document where application_id = $1', [appId]);
      const confirm = await get(`/diventa-ente/domanda/${appId}/documenti/${doc.id}/elimina`, applicantAuth);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('statuto.pdf');
      const before = await fileCount();
      expectRedirect(await post(`/diventa-ente/domanda/${appId}/documenti/${doc.id}/elimina`, {}, applicantAuth), /esito=documento-rimosso/);
      expect(await fileCount()).toBe(before - 1);
      expect(await auditCount('applications.document.remove', appId)).toBe(1);
    });
  });

  describe('sending', () => {
    it('a complete application goes to the summary, then is sent: reference on screen and by e-mail', async () => {
      expectRedirect(await save(appId, VALID, pdfFiles(ALL_DOCS), applicantAuth, 'riepilogo'), `/diventa-ente/domanda/${appId}/riepilogo`);
      const summary = await get(`/diventa-ente/domanda/${appId}/riepilogo`, applicantAuth);
      expect(summary.statusCode).toBe(200);
      expect(summary.body).toContain('Cooperativa sociale Il Gelso Àrgenteo');
      expect(summary.body).toContain('Pasti a domicilio');
      expect(summary.body).toContain(`action="/diventa-ente/domanda/${appId}/invia"`);
      expect(summary.body).toContain('Invia la domanda');

      await flushMail();
      const res = await post(`/diventa-ente/domanda/${appId}/invia`, {}, applicantAuth);
      expectRedirect(res, `/diventa-ente/domanda/${appId}?esito=inviata`);
      const row = await appRow(appId);
      expect(row.status).toBe('submitted');
      expect(row.submitted_at).not.toBeNull();
      expect(row.first_submitted_at).not.toBeNull();
      const page = await get(String(res.headers.location), applicantAuth);
      expect(page.body).toContain('Domanda inviata.');
      expect(page.body).toContain(row.reference);
      expect(page.body).toContain('Ti abbiamo inviato una e-mail di conferma');
      expect((await eventsOf(appId)).map((e) => e.to_status)).toEqual(['draft', 'submitted']);
      expect(await auditCount('applications.submit', appId)).toBe(1);

      await smtp.deliver(t.db);
      const [mail] = smtp.to(applicant.email);
      expect(mail?.subject).toBe(`WeMi: domanda ${row.reference} ricevuta`);
      expect(mail?.text).toContain(row.reference);
      expect(mail?.text).toContain(`/diventa-ente/domanda/${appId}`);
      const [team] = smtp.to(ENTI_TEAM_EMAIL);
      expect(team?.subject).toContain(row.reference);
      expect(team?.text).toContain(`/gestione-wemi/domande/${appId}`);
    });

    it('after sending, the applicant can no longer change it (409, nothing changed)', async () => {
      const before = await appRow(appId);
      const res = await save(appId, { ...VALID, denominazione: 'Altro nome' });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('non si può modificare');
      expect((await appRow(appId)).data.denominazione).toBe(before.data.denominazione);
      expectRedirect(await get(`/diventa-ente/domanda/${appId}/modifica`, applicantAuth), `/diventa-ente/domanda/${appId}`);
      const again = await post(`/diventa-ente/domanda/${appId}/invia`, {}, applicantAuth);
      expect(again.statusCode).toBe(409);
      expect((await appRow(appId)).status).toBe('submitted');
    });

    it('another person can neither read nor change my application', async () => {
      for (const url of [`/diventa-ente/domanda/${appId}`, `/diventa-ente/domanda/${appId}/modifica`, `/diventa-ente/domanda/${appId}/riepilogo`]) {
        expect((await get(url, otherAuth)).statusCode, url).toBe(403);
      }
      expect((await save(appId, VALID, {}, otherAuth)).statusCode).toBe(403);
      expect((await post(`/diventa-ente/domanda/${appId}/invia`, {}, otherAuth)).statusCode).toBe(403);
      expect((await get('/diventa-ente/domanda/00000000-0000-4000-8000-000000000000', otherAuth)).statusCode).toBe(404);
      expect((await get('/diventa-ente/domanda/non-un-id', otherAuth)).statusCode).toBe(404);
      const list = await get('/diventa-ente/domanda', otherAuth);
      expect(list.body).not.toContain(appId);
    });

    it('refuses a form without the CSRF token (403), multipart or not', async () => {
      const other = await newApplication(otherAuth);
      const res = await postMultipart(`/diventa-ente/domanda/${other}/modifica`, { denominazione: 'Senza token', azione: 'salva' }, {}, otherAuth, false);
      expect(res.statusCode).toBe(403);
      expect((await appRow(other)).data.denominazione).toBe('');
      expect((await post(`/gestione-wemi/domande/${appId}/prendi-in-carico`, {}, cityAuth, false)).statusCode).toBe(403);
      expect((await appRow(appId)).status).toBe('submitted');
    });
  });

  describe('the City', () => {
    it('only the enti team reaches the back office of applications', async () => {
      expect((await get('/gestione-wemi/domande', cityUsersAuth)).statusCode).toBe(403);
      expect((await get('/gestione-wemi/domande', applicantAuth)).statusCode).toBe(403);
      expect((await get(`/gestione-wemi/domande/${appId}`, applicantAuth)).statusCode).toBe(403);
      expectRedirect(await get('/gestione-wemi/domande'), /^\/accedi\?ritorno=/);
    });

    it('the queue lists sent applications with filters and the waiting time; drafts stay private', async () => {
      const res = await get('/gestione-wemi/domande', cityAuth);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Cooperativa sociale Il Gelso Àrgenteo');
      expect(res.body).toContain(`href="/gestione-wemi/domande/${appId}"`);
      expect(res.body).toContain('risposta entro il');
      const draft = await t.db.one<{ id: string }>(`select id from ente_application where status = 'draft' and applicant_id = $1`, [other.id]);
      expect(res.body).not.toContain(draft.id);
      expect((await get(`/gestione-wemi/domande/${draft.id}`, cityAuth)).statusCode).toBe(404);

      expect((await get('/gestione-wemi/domande?q=gelso', cityAuth)).body).toContain(appId);
      expect((await get('/gestione-wemi/domande?q=97051230155', cityAuth)).body).toContain(appId);
      expect((await get('/gestione-wemi/domande?q=nessuno-si-chiama-cosi', cityAuth)).body).not.toContain(appId);
      expect((await get('/gestione-wemi/domande?stato=submitted', cityAuth)).body).toContain(appId);
      expect((await get('/gestione-wemi/domande?stato=open', cityAuth)).body).toContain(appId);
      expect((await get('/gestione-wemi/domande?stato=qualified', cityAuth)).body).not.toContain(appId);
      expect((await get('/gestione-wemi/domande?categoria=pasti_domicilio', cityAuth)).body).toContain(appId);
      expect((await get('/gestione-wemi/domande?categoria=sport', cityAuth)).body).not.toContain(appId);
      const bad = await get('/gestione-wemi/domande?stato=inventato', cityAuth);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('id="error-summary"');
    });

    it('highlights applications waiting longer than the 30-day standard', async () => {
      await t.db.query(`update ente_application set submitted_at = now() - interval '40 days' where id = $1`, [appId]);
      const res = await get('/gestione-wemi/domande', cityAuth);
      expect(res.body).toMatch(new RegExp(`<tr class="wemi-app-row-overdue" data-application-id="${appId}">`));
      expect(res.body).toContain('in ritardo di 10 gg');
      expect(res.body).toMatch(/Attenzione: \d+ domand/);
      await t.db.query(`update ente_application set submitted_at = now() where id = $1`, [appId]);
    });

    it('refuses decisions out of order (409) and changes nothing', async () => {
      for (const url of [`/gestione-wemi/domande/${appId}/qualifica`, `/gestione-wemi/domande/${appId}/respingi`]) {
        const res = await post(url, { motivo: 'x' }, cityAuth);
        expect(res.statusCode, url).toBe(409);
        expect(res.body).toContain('Non è possibile');
      }
      expect((await get(`/gestione-wemi/domande/${appId}/qualifica`, cityAuth)).statusCode).toBe(409);
      expect((await appRow(appId)).status).toBe('submitted');
      // Qualifying a draft is refused as well.
      const draft = await t.db.one<{ id: string }>(`select id from ente_application where status = 'draft' and applicant_id = $1`, [other.id]);
      const res = await post(`/gestione-wemi/domande/${draft.id}/qualifica`, {}, cityAuth);
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('«Bozza»');
      expect((await appRow(draft.id)).status).toBe('draft');
      expect((await t.db.one<{ n: number }>('select count(*)::int as n from organization where name = $1', [VALID.denominazione])).n).toBe(0);
    });

    it('takes the application under review', async () => {
      const page = await get(`/gestione-wemi/domande/${appId}`, cityAuth);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Prendi in esame');
      expect(page.body).toContain(`href="/gestione-wemi/domande/${appId}/documenti/`);
      await flushMail();
      expectRedirect(await post(`/gestione-wemi/domande/${appId}/prendi-in-carico`, {}, cityAuth), `/gestione-wemi/domande/${appId}?esito=in-esame`);
      expect((await appRow(appId)).status).toBe('under_review');
      expect(await auditCount('applications.take_review', appId)).toBe(1);
      await smtp.deliver(t.db);
      expect(smtp.to(applicant.email)[0]?.subject).toContain('è in esame');
      const again = await post(`/gestione-wemi/domande/${appId}/prendi-in-carico`, {}, cityAuth);
      expect(again.statusCode).toBe(409);
    });

    it('a request for changes needs at least one note (400)', async () => {
      const form = await get(`/gestione-wemi/domande/${appId}/richiedi-modifiche`, cityAuth);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('name="nota_documenti"');
      const res = await post(`/gestione-wemi/domande/${appId}/richiedi-modifiche`, { nota_ente: '  ', nota_sede: '' }, cityAuth);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Scrivi una nota per almeno una sezione');
      expect((await appRow(appId)).status).toBe('under_review');
    });

    it('requests changes with notes per section; the applicant sees them beside each section, edits and sends again', async () => {
      await flushMail();
      const res = await post(`/gestione-wemi/domande/${appId}/richiedi-modifiche`, { nota_ente: 'Indicate la partita IVA corretta.', nota_documenti: 'Lo statuto non è firmato.' }, cityAuth);
      expectRedirect(res, `/gestione-wemi/domande/${appId}?esito=modifiche-richieste`);
      const row = await appRow(appId);
      expect(row.status).toBe('changes_requested');
      expect(row.section_notes).toEqual({ ente: 'Indicate la partita IVA corretta.', documenti: 'Lo statuto non è firmato.' });
      await smtp.deliver(t.db);
      const mail = smtp.to(applicant.email)[0]!;
      expect(mail.subject).toContain('richiede modifiche');
      expect(mail.text).toContain('Ente: Indicate la partita IVA corretta.');
      expect(mail.text).toContain(`/diventa-ente/domanda/${appId}/modifica`);

      const status = await get(`/diventa-ente/domanda/${appId}`, applicantAuth);
      expect(status.body).toContain('Modifiche richieste');
      expect(status.body).toContain('Indicate la partita IVA corretta.');
      expect(status.body).toContain('Il Comune ha richiesto modifiche');
      const form = await get(`/diventa-ente/domanda/${appId}/modifica`, applicantAuth);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('Nota del Comune');
      expect(form.body).toContain('Lo statuto non è firmato.');

      expectRedirect(await save(appId, { ...VALID, partita_iva: '00743110157' }, pdfFiles(['statuto']), applicantAuth, 'riepilogo'), `/diventa-ente/domanda/${appId}/riepilogo`);
      const summary = await get(`/diventa-ente/domanda/${appId}/riepilogo`, applicantAuth);
      expect(summary.body).toContain('Invia di nuovo la domanda');
      await flushMail();
      expectRedirect(await post(`/diventa-ente/domanda/${appId}/invia`, {}, applicantAuth), `/diventa-ente/domanda/${appId}?esito=reinviata`);
      expect((await appRow(appId)).status).toBe('resubmitted');
      expect(await auditCount('applications.resubmit', appId)).toBe(1);
      await smtp.deliver(t.db);
      expect(smtp.to(applicant.email)[0]?.subject).toContain('inviata di nuovo');
      expect(smtp.to(ENTI_TEAM_EMAIL)[0]?.subject).toContain('inviata di nuovo');
      const events = await eventsOf(appId);
      expect(events.map((e) => e.to_status)).toEqual(['draft', 'submitted', 'under_review', 'changes_requested', 'resubmitted']);
      expect(JSON.parse(events[3]!.note!)).toEqual({ ente: 'Indicate la partita IVA corretta.', documenti: 'Lo statuto non è firmato.' });
    });

    it('qualifies in one transaction: active organisation with categories, Municipi, site, documents; the applicant becomes ente_admin', async () => {
      expectRedirect(await post(`/gestione-wemi/domande/${appId}/prendi-in-carico`, {}, cityAuth), /esito=in-esame/);
      const confirm = await get(`/gestione-wemi/domande/${appId}/qualifica`, cityAuth);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('Conferma la qualifica');
      expect(confirm.body).toContain('Pasti a domicilio');

      // The applicant's session opened before the qualification keeps working and gains the role at once.
      const applicantSession = `${await sessionCookieFor(t.db, applicant.id)}`;
      expect((await t.app.inject({ method: 'GET', url: '/gestione-ente', headers: { cookie: applicantSession } })).statusCode).toBe(403);

      await flushMail();
      expectRedirect(await post(`/gestione-wemi/domande/${appId}/qualifica`, {}, cityAuth), `/gestione-wemi/domande/${appId}?esito=qualificata`);
      const row = await appRow(appId);
      expect(row.status).toBe('qualified');
      expect(row.organization_id).not.toBeNull();
      const org = await t.db.one<Record<string, unknown>>('select * from organization where id = $1', [row.organization_id]);
      expect(org).toMatchObject({
        status: 'active',
        slug: 'cooperativa-sociale-il-gelso-argenteo',
        name: 'Cooperativa sociale Il Gelso Àrgenteo',
        legal_form: 'Cooperativa sociale',
        tax_code: '97051230155',
        vat_number: '00743110157',
        pec: 'gelso@pec.esempio.it',
        email: 'info@gelso.esempio.it',
        phone: '02 1234567',
        website: 'https://www.gelso.esempio.it',
        runts_number: null,
        registered_office: 'Via Larga 12, 20122 Milano',
        legal_representative: 'Mario Rossi',
        contact_person: 'Anna Bianchi (anna@gelso.esempio.it, +39 333 1234567)',
        description_it: VALID.descrizione,
      });
      expect(org.qualified_at).not.toBeNull();
      const cats = await t.db.query<{ code: string }>('select t.code from organization_category oc join taxonomy_term t on t.id = oc.term_id where oc.organization_id = $1 order by t.code', [row.organization_id]);
      expect(cats.map((c) => c.code)).toEqual(['pasti_domicilio', 'servizi_socio_assistenziali']);
      const muns = await t.db.query<{ code: string }>('select t.code from organization_municipio om join taxonomy_term t on t.id = om.municipio_id where om.organization_id = $1 order by t.code', [row.organization_id]);
      expect(muns.map((m) => m.code)).toEqual(['m1', 'm2']);
      const site = await t.db.one<Record<string, unknown>>(
        `select l.kind, l.address, l.postal_code, l.city, t.code as municipio from location l left join taxonomy_term t on t.id = l.municipio_id where l.organization_id = $1`,
        [row.organization_id],
      );
      expect(site).toEqual({ kind: 'ente_site', address: 'Via Larga 12', postal_code: '20122', city: 'Milano', municipio: 'm1' });
      // The public documents are copies of the application's files.
      const files = await t.db.one<{ terms: string; privacy: string; withdrawal: string }>('select terms_file_id as terms, privacy_file_id as privacy, withdrawal_file_id as withdrawal from organization where id = $1', [row.organization_id]);
      const appFiles = await t.db.query<{ kind: string; file_id: string }>('select kind, file_id from ente_application_document where application_id = $1', [appId]);
      for (const [col, kind] of [['terms', 'condizioni_uso'], ['privacy', 'privacy'], ['withdrawal', 'recesso']] as const) {
        expect(files[col]).toBeTruthy();
        expect(files[col]).not.toBe(appFiles.find((f) => f.kind === kind)!.file_id);
        const copy = await t.db.one<{ original_name: string }>('select original_name from stored_file where id = $1', [files[col]]);
        expect(copy.original_name).toBe(`${kind}.pdf`);
      }
      const role = await t.db.one<{ n: number }>(`select count(*)::int as n from user_role where user_id = $1 and role = 'ente_admin' and organization_id = $2 and revoked_at is null`, [applicant.id, row.organization_id]);
      expect(role.n).toBe(1);
      expect(await auditCount('applications.qualify', appId)).toBe(1);

      const backOffice = await t.app.inject({ method: 'GET', url: '/gestione-ente', headers: { cookie: applicantSession } });
      expect(backOffice.statusCode).toBe(200);
      expect(backOffice.body).toContain('Cooperativa sociale Il Gelso Àrgenteo');
      expect((await get('/enti/cooperativa-sociale-il-gelso-argenteo')).statusCode).toBe(200);

      const status = await get(`/diventa-ente/domanda/${appId}`, applicantAuth);
      expect(status.body).toContain('Ente qualificato');
      expect(status.body).toContain('href="/gestione-ente"');
      await smtp.deliver(t.db);
      const mail = smtp.to(applicant.email)[0]!;
      expect(mail.subject).toContain('è qualificato');
      expect(mail.text).toContain('/gestione-ente');
    });

    it('a qualified application cannot be sent again nor decided again (409, nothing changed)', async () => {
      const res = await post(`/diventa-ente/domanda/${appId}/invia`, {}, applicantAuth);
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('«Ente qualificato»');
      expect((await post(`/gestione-wemi/domande/${appId}/qualifica`, {}, cityAuth)).statusCode).toBe(409);
      expect((await post(`/gestione-wemi/domande/${appId}/richiedi-modifiche`, { nota_ente: 'x' }, cityAuth)).statusCode).toBe(409);
      expect((await appRow(appId)).status).toBe('qualified');
      expect((await t.db.one<{ n: number }>('select count(*)::int as n from organization where name = $1', [VALID.denominazione])).n).toBe(1);
      expect((await eventsOf(appId)).map((e) => e.to_status).at(-1)).toBe('qualified');
    });

    it('a second ente with the same name gets a unique slug', async () => {
      const third = await createTestUser(t.db, { givenName: 'Terza', familyName: 'Persona' });
      const auth = await actingAs(t.app, t.db, third.id);
      const id = await submitted(auth);
      expectRedirect(await post(`/gestione-wemi/domande/${id}/prendi-in-carico`, {}, cityAuth), /esito=in-esame/);
      expectRedirect(await post(`/gestione-wemi/domande/${id}/qualifica`, {}, cityAuth), /esito=qualificata/);
      const org = await t.db.one<{ slug: string }>('select o.slug from organization o join ente_application a on a.organization_id = o.id where a.id = $1', [id]);
      expect(org.slug).toBe('cooperativa-sociale-il-gelso-argenteo-2');
    });

    it('rejects with a reason (required), shown to the applicant and e-mailed', async () => {
      const id = await submitted(otherAuth, { denominazione: 'Associazione Da Respingere', forma_giuridica: 'aps', runts: 'RUNTS-12345' });
      expectRedirect(await post(`/gestione-wemi/domande/${id}/prendi-in-carico`, {}, cityAuth), /esito=in-esame/);
      expect((await get(`/gestione-wemi/domande/${id}/respingi`, cityAuth)).statusCode).toBe(200);
      const empty = await post(`/gestione-wemi/domande/${id}/respingi`, { motivo: '   ' }, cityAuth);
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('Scrivi il motivo');
      expect((await appRow(id)).status).toBe('under_review');
      await flushMail();
      expectRedirect(await post(`/gestione-wemi/domande/${id}/respingi`, { motivo: 'L’ente non offre servizi di welfare a Milano.' }, cityAuth), `/gestione-wemi/domande/${id}?esito=respinta`);
      const row = await appRow(id);
      expect(row.status).toBe('rejected');
      expect(row.decision_reason).toBe('L’ente non offre servizi di welfare a Milano.');
      expect(row.organization_id).toBeNull();
      expect(await auditCount('applications.reject', id)).toBe(1);
      const page = await get(`/diventa-ente/domanda/${id}`, otherAuth);
      expect(page.body).toContain('Respinta');
      expect(page.body).toContain('L’ente non offre servizi di welfare a Milano.');
      await smtp.deliver(t.db);
      const mail = smtp.to(other.email)[0]!;
      expect(mail.subject).toContain('esito della domanda');
      expect(mail.text).toContain('L’ente non offre servizi di welfare a Milano.');
      // The person may start a new application afterwards.
      const list = await get('/diventa-ente/domanda', otherAuth);
      expect(list.body).toContain('Respinta');
      expect((await post(`/diventa-ente/domanda/${id}/invia`, {}, otherAuth)).statusCode).toBe(409);
    });

    it('the City page shows the whole history with who acted', async () => {
      const page = await get(`/gestione-wemi/domande/${appId}`, cityAuth);
      expect(page.body).toContain('Storia della domanda');
      expect(page.body).toContain('Elena Enti');
      expect(page.body).toContain('Lo statuto non è firmato.');
      expect(page.body).toContain('href="/enti/cooperativa-sociale-il-gelso-argenteo"');
    });
  });

  it('every page reads in Italian and English, with no message key left untranslated', async () => {
    const fourth = await createTestUser(t.db, { givenName: 'Quarta', familyName: 'Persona' });
    const auth = await actingAs(t.app, t.db, fourth.id);
    const draft = await newApplication(auth);
    await save(draft, { denominazione: 'Bozza', codice_fiscale: 'x' }, pdfFiles(['statuto']), auth);
    const doc = await t.db.one<{ id: string }>('select id from ente_application_document where application_id = $1', [draft]);
    const pages: [string, Auth | undefined][] = [
      ['/diventa-ente', undefined],
      ['/diventa-ente/domanda', auth],
      [`/diventa-ente/domanda/${draft}`, auth],
      [`/diventa-ente/domanda/${draft}/modifica`, auth],
      [`/diventa-ente/domanda/${draft}/riepilogo`, auth],
      [`/diventa-ente/domanda/${draft}/documenti/${doc.id}/elimina`, auth],
      [`/diventa-ente/domanda/${appId}`, applicantAuth],
      ['/gestione-wemi/domande', cityAuth],
      [`/gestione-wemi/domande/${appId}`, cityAuth],
    ];
    for (const lang of ['it', 'en']) {
      for (const [url, who] of pages) {
        const res = await t.app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`, headers: who ? { cookie: who.cookie } : {} });
        expect(res.statusCode, `${lang} ${url}`).toBe(200);
        expect(res.body, `${lang} ${url}`).not.toMatch(/applications\.[a-zA-Z]/);
        expect(res.body, `${lang} ${url}`).not.toContain('[object Object]');
        expect(res.body).toContain(`<html lang="${lang}">`);
      }
    }
  });

  it('pages of the flow are never cached', async () => {
    const res = await get(`/diventa-ente/domanda/${appId}`, applicantAuth);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const csrf = await csrfFor(t.app);
    expect(csrf.token).toBeTruthy();
  });
});
