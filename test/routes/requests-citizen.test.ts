import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveEnteRequest } from '../../src/features/requests/request.transitions';
import { createTestApp, type TestApp } from '../support/app';
import { actingAs, createTestUser, type TestUser } from '../support/accounts';
import { pdf } from '../support/fixtures';
import { expectRedirect, requestsTo, type Auth, type FileData, type Fields } from '../support/http';

// "Citizens ask several enti at once", part 1: the citizen's stepper (draft saved at every step, values kept
// with errors), attachments, sending to several enti (one copy each, e-mails, acknowledgement), the comparison
// of offers (accept one, the others not chosen; illegal accept 409), withdraw, ownership and CSRF.

const PDF = pdf('prova');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('citizen requests to several enti', () => {
  let t: TestApp;
  let citizen: TestUser;
  let other: TestUser;
  let auth: Auth;
  let otherAuth: Auth;
  let typeId: string;
  let cards: { id: string; slug: string; organization_id: string }[];
  let enteUser: TestUser;
  let enteAuth: Auth;
  let requestId: string;

  beforeAll(async () => {
    t = await createTestApp();
    citizen = await createTestUser(t.db, { givenName: 'Lucia' });
    other = await createTestUser(t.db);
    auth = await actingAs(t.app, t.db, citizen.id);
    otherAuth = await actingAs(t.app, t.db, other.id);
    // A service type offered by at least 6 different active enti.
    const type = await t.db.one<{ service_type_id: string }>(
      `select s.service_type_id from service s join organization o on o.id = s.organization_id
        where s.status = 'published' and o.status = 'active'
        group by s.service_type_id having count(distinct s.organization_id) >= 6
        order by count(distinct s.organization_id) desc limit 1`,
    );
    typeId = type.service_type_id;
    cards = await t.db.query(
      `select distinct on (s.organization_id) s.id, s.slug, s.organization_id from service s join organization o on o.id = s.organization_id
        where s.status = 'published' and o.status = 'active' and s.service_type_id = $1 order by s.organization_id, s.slug limit 6`,
      [typeId],
    );
    enteUser = await createTestUser(t.db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: cards[0]!.organization_id }] });
    enteAuth = await actingAs(t.app, t.db, enteUser.id);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const http = requestsTo(() => t.app);
  const { get, post } = http;
  /** A multipart POST, its files in the field `allegati` (the attachments of step 3). */
  const postMultipart = (url: string, fields: Fields, files: FileData[], a: Auth) =>
    http.postMultipart(url, fields, files.map((f) => ({ field: 'allegati', ...f })), a);
  const row = (id: string) =>
    t.db.one<{ status: string; step: number; for_whom: string | null; needs: string; people: number | null; reference: string }>(
      'select status, step, for_whom, needs, people, reference from service_request where id = $1',
      [id],
    );
  const STEP3: Fields = { bisogno: 'Assistenza al mattino per la mamma', dal: isoIn(10), al: isoIn(40), giorni: ['lun', 'mer'], persone: '1', unita: '20', note: '' };

  it('sends anonymous visitors to the login page and back', async () => {
    const url = `/richieste/nuova?servizio=${cards[0]!.slug}`;
    const res = await get(url);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/accedi?ritorno=${encodeURIComponent(url)}`);
  });

  it('starts a draft with the card pre-selected (confirmation, then POST), and reopens it', async () => {
    // The GET is a confirmation page; "Inizia la richiesta" posts the card (test/routes/requests-hardening.test.ts).
    const confirm = await get(`/richieste/nuova?servizio=${cards[0]!.slug}`, auth);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`name="servizio" value="${cards[0]!.slug}"`);
    const res = await post('/richieste/nuova', { servizio: cards[0]!.slug }, auth);
    expectRedirect(res, /^\/richieste\/[0-9a-f-]{36}\/passo\/1$/);
    requestId = String(res.headers.location).split('/')[2]!;
    const r = await row(requestId);
    expect(r.status).toBe('draft');
    expect(r.reference).toMatch(new RegExp(`^RIC-${new Date().getFullYear()}-\\d{6}$`));
    const page = await get(`/richieste/${requestId}/passo/1`, auth);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`value="${cards[0]!.id}" checked`);
    const again = await post('/richieste/nuova', { servizio: cards[1]!.slug }, auth);
    expectRedirect(again, `/richieste/${requestId}/passo/1?esito=bozza`);
    expect((await t.db.query('select 1 from service_request_target where request_id = $1', [requestId])).length).toBe(2);
    expect((await get('/richieste/nuova?servizio=non-esiste', auth)).statusCode).toBe(404);
    expect((await post('/richieste/nuova', { servizio: 'non-esiste' }, auth)).statusCode).toBe(404);
  });

  it('refuses more than 5 enti and no enti, keeping the choice', async () => {
    const six = await post(`/richieste/${requestId}/passo/1`, { enti: cards.map((c) => c.id) }, auth);
    expect(six.statusCode).toBe(400);
    expect(six.body).toContain('al massimo 5 enti');
    expect(six.body).toContain('wemi-error-summary');
    expect(six.body).toContain(`value="${cards[5]!.id}" checked`);
    expect((await post(`/richieste/${requestId}/passo/1`, {}, auth)).statusCode).toBe(400);
    // Steps not reached yet send back to the current one.
    expectRedirect(await get(`/richieste/${requestId}/passo/3`, auth), `/richieste/${requestId}/passo/1`);
  });

  it('saves each step and keeps the values typed when something is wrong', async () => {
    expectRedirect(await post(`/richieste/${requestId}/passo/1`, { enti: cards.slice(0, 3).map((c) => c.id) }, auth), `/richieste/${requestId}/passo/2`);
    expect((await row(requestId)).step).toBe(2);

    const bad2 = await post(`/richieste/${requestId}/passo/2`, { per_chi: 'other', nome_beneficiario: 'Anna Bianchi', relazione: '' }, auth);
    expect(bad2.statusCode).toBe(400);
    expect(bad2.body).toContain('value="Anna Bianchi"');
    expect(bad2.body).toContain('#relazione');
    expectRedirect(await post(`/richieste/${requestId}/passo/2`, { per_chi: 'other', nome_beneficiario: 'Anna Bianchi', relazione: 'Madre' }, auth), `/richieste/${requestId}/passo/3`);
    expect((await row(requestId)).for_whom).toBe('other');

    const bad3 = await postMultipart(`/richieste/${requestId}/passo/3`, { ...STEP3, persone: '0', al: isoIn(1) }, [], auth);
    expect(bad3.statusCode).toBe(400);
    expect(bad3.body).toContain('Assistenza al mattino per la mamma');
    expect(bad3.body).toContain('#persone');
    expect(bad3.body).toContain('#al');
    expect((await row(requestId)).needs).toBe('');

    // Back navigation keeps the saved values.
    const back = await get(`/richieste/${requestId}/passo/2`, auth);
    expect(back.body).toContain('value="Anna Bianchi"');
  });

  it('checks attachments: type, content, size and number', async () => {
    const wrongType = await postMultipart(`/richieste/${requestId}/passo/3`, STEP3, [{ name: 'virus.exe', type: 'application/octet-stream', data: Buffer.from('MZ') }], auth);
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.body).toContain('virus.exe');
    const fake = await postMultipart(`/richieste/${requestId}/passo/3`, STEP3, [{ name: 'finto.pdf', type: 'application/pdf', data: Buffer.from('not a pdf') }], auth);
    expect(fake.statusCode).toBe(400);
    const big = await postMultipart(`/richieste/${requestId}/passo/3`, STEP3, [{ name: 'grande.pdf', type: 'application/pdf', data: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]) }], auth);
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('grande.pdf');
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `doc${i}.pdf`, type: 'application/pdf', data: PDF }));
    expect((await postMultipart(`/richieste/${requestId}/passo/3`, STEP3, six, auth)).statusCode).toBe(400);
    expect((await t.db.query('select 1 from service_request_attachment where request_id = $1', [requestId])).length).toBe(0);

    // Another field wrong, or another file: the good file is kept (a browser cannot send it again), the rest not saved.
    const refused = await postMultipart(
      `/richieste/${requestId}/passo/3`,
      { ...STEP3, bisogno: '' },
      [
        { name: 'tenuto.pdf', type: 'application/pdf', data: PDF },
        { name: 'virus.exe', type: 'application/octet-stream', data: Buffer.from('MZ') },
      ],
      auth,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('virus.exe');
    expect(refused.body).toContain('tenuto.pdf');
    const kept = await t.db.query<{ filename: string }>(
      'select f.original_name as filename from service_request_attachment a join stored_file f on f.id = a.file_id where a.request_id = $1',
      [requestId],
    );
    expect(kept.map((k) => k.filename)).toEqual(['tenuto.pdf']);
    await t.db.query('delete from service_request_attachment where request_id = $1', [requestId]);

    const ok = await postMultipart(
      `/richieste/${requestId}/passo/3`,
      STEP3,
      [
        { name: 'certificato.pdf', type: 'application/pdf', data: PDF },
        { name: 'foto.png', type: 'image/png', data: PNG },
      ],
      auth,
    );
    expectRedirect(ok, `/richieste/${requestId}/passo/4`);
    expect((await t.db.query('select 1 from service_request_attachment where request_id = $1', [requestId])).length).toBe(2);
    expect((await row(requestId)).people).toBe(1);
  });

  it('shows the summary with edit links, then sends to every ente with e-mails and an acknowledgement', async () => {
    const bad4 = await post(`/richieste/${requestId}/passo/4`, { municipio: '', indirizzo: 'Via Padova 10' }, auth);
    expect(bad4.statusCode).toBe(400);
    expect(bad4.body).toContain('value="Via Padova 10"');
    // A Municipio every chosen card covers (one outside a card's zone stops at step 4 with a warning: requests-hardening).
    const municipio = await t.db.one<{ slug: string }>(
      `select t.slug from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id
        where x.code = 'municipio' and not exists (
          select 1 from service_request_target rt where rt.request_id = $1
             and not exists (select 1 from service_area a where a.service_id = rt.service_id and a.municipio_id = t.id))
        order by t.position limit 1`,
      [requestId],
    );
    expectRedirect(await post(`/richieste/${requestId}/passo/4`, { municipio: municipio.slug, indirizzo: 'Via Padova 10, 20127 Milano' }, auth), `/richieste/${requestId}/passo/5`);

    const summary = await get(`/richieste/${requestId}/passo/5`, auth);
    expect(summary.statusCode).toBe(200);
    for (const n of [1, 2, 3, 4]) expect(summary.body).toContain(`href="/richieste/${requestId}/passo/${n}"`);
    expect(summary.body).toContain('Invia la richiesta');
    expect(summary.body).toContain('Anna Bianchi');
    expect(summary.body).toContain('Il pagamento si concorda direttamente con l&#39;ente');

    const before = (await t.db.one<{ n: number }>('select count(*)::int as n from email_outbox')).n;
    expectRedirect(await post(`/richieste/${requestId}/invia`, {}, auth), `/richieste/${requestId}/inviata`);
    const r = await row(requestId);
    expect(r.status).toBe('sent');
    const copies = await t.db.query<{ id: string; status: string; organization_id: string }>('select id, status, organization_id from ente_request where request_id = $1', [requestId]);
    expect(copies).toHaveLength(3);
    expect(copies.every((c) => c.status === 'sent')).toBe(true);
    expect((await t.db.one<{ n: number }>('select count(*)::int as n from ente_request_event e join ente_request r on r.id = e.ente_request_id where r.request_id = $1', [requestId])).n).toBe(3);
    const mails = await t.db.query<{ to_address: string; subject: string; text_body: string }>('select to_address, subject, text_body from email_outbox order by created_at offset $1', [before]);
    const mine = mails.find((m) => m.to_address === citizen.email);
    expect(mine?.subject).toContain(r.reference);
    expect(mails.some((m) => m.to_address === enteUser.email && m.subject.includes(r.reference))).toBe(true);
    expect((await t.db.one<{ n: number }>(`select count(*)::int as n from notification where user_id = $1 and kind = 'request.sent'`, [citizen.id])).n).toBe(1);
    expect((await t.db.one<{ n: number }>(`select count(*)::int as n from audit_log where action = 'request.send' and target_id = $1`, [requestId])).n).toBe(1);

    const ack = await get(`/richieste/${requestId}/inviata`, auth);
    expect(ack.statusCode).toBe(200);
    expect(ack.body).toContain(r.reference);
    // A sent request cannot be sent or edited again.
    expect((await post(`/richieste/${requestId}/invia`, {}, auth)).statusCode).toBe(409);
    expectRedirect(await get(`/richieste/${requestId}/passo/2`, auth), `/richieste/${requestId}`);

    const list = await get('/area-personale/richieste', auth);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(r.reference);
    expect(list.body).toContain(`/richieste/${requestId}/enti/${copies[0]!.id}/messaggi`);
  });

  it('lets another citizen see neither the request nor its attachments; the receiving ente may read attachments', async () => {
    const att = await t.db.one<{ id: string }>('select id from service_request_attachment where request_id = $1 limit 1', [requestId]);
    expect((await get(`/richieste/${requestId}`, otherAuth)).statusCode).toBe(404);
    expect((await get(`/richieste/${requestId}/passo/1`, otherAuth)).statusCode).toBe(404);
    expect((await get(`/richieste/${requestId}/allegati/${att.id}`, otherAuth)).statusCode).toBe(404);
    expect((await post(`/richieste/${requestId}/ritira`, {}, otherAuth)).statusCode).toBe(404);
    const mine = await get(`/richieste/${requestId}/allegati/${att.id}`, auth);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['cache-control']).toBe('private, no-store');
    expect((await get(`/richieste/${requestId}/allegati/${att.id}`, enteAuth)).statusCode).toBe(200);
    expect((await get('/area-personale/richieste', otherAuth)).body).not.toContain(requestId);
  });

  it('refuses a form without the CSRF token (403)', async () => {
    const res = await post(`/richieste/${requestId}/ritira`, {}, auth, false);
    expect(res.statusCode).toBe(403);
  });

  it('compares offers, refuses to accept one not offered (409), accepts one and closes the others as not chosen', async () => {
    const copies = await t.db.query<{ id: string; organization_id: string }>('select id, organization_id from ente_request where request_id = $1 order by id', [requestId]);
    const [a, b, c] = [copies[0]!, copies[1]!, copies[2]!];
    await t.db.transaction(async (tx) => {
      const ente = { side: 'ente' as const, userId: null, label: 'ente di prova' };
      await moveEnteRequest(tx, a.id, 'offer', ente, { patch: { offer_price: 380, offer_price_computed: 400, offer_period_from: isoIn(10), offer_period_to: isoIn(40), offer_expires_on: isoIn(7), offer_notes: 'Operatrice con esperienza' } });
      await moveEnteRequest(tx, b.id, 'offer', ente, { patch: { offer_price: 420, offer_expires_on: isoIn(7) } });
    });
    const detail = await get(`/richieste/${requestId}`, auth);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Confronto delle offerte');
    expect(detail.body).toContain('Operatrice con esperienza');
    expect(detail.body).toContain(`/richieste/${requestId}/enti/${a.id}/accetta`);
    expect(detail.body).not.toContain(`/richieste/${requestId}/enti/${c.id}/accetta`);

    expect((await post(`/richieste/${requestId}/enti/${c.id}/accetta`, {}, auth)).statusCode).toBe(409);
    expect((await get(`/richieste/${requestId}/enti/${c.id}/accetta`, auth)).statusCode).toBe(409);
    expect((await post(`/richieste/${requestId}/enti/${a.id}/accetta`, {}, otherAuth)).statusCode).toBe(404);

    const confirm = await get(`/richieste/${requestId}/enti/${a.id}/accetta`, auth);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Conferma e accetta');
    expectRedirect(await post(`/richieste/${requestId}/enti/${a.id}/accetta`, {}, auth), `/richieste/${requestId}?esito=accettata`);
    const states = Object.fromEntries((await t.db.query<{ id: string; status: string }>('select id, status from ente_request where request_id = $1', [requestId])).map((x) => [x.id, x.status]));
    expect(states).toEqual({ [a.id]: 'accepted', [b.id]: 'not_chosen', [c.id]: 'not_chosen' });
    expect((await t.db.one<{ n: number }>(`select count(*)::int as n from audit_log where action = 'request.not_chosen' and target_id = any($1::text[])`, [[b.id, c.id]])).n).toBe(2);
    // Accepting again is refused.
    expect((await post(`/richieste/${requestId}/enti/${b.id}/accetta`, {}, auth)).statusCode).toBe(409);
  });

  it('withdraws the request for every ente still open', async () => {
    const closed = await t.db.one<{ id: string }>(`select id from ente_request where request_id = $1 and status = 'not_chosen' limit 1`, [requestId]);
    expect((await post(`/richieste/${requestId}/enti/${closed.id}/ritira`, {}, auth)).statusCode).toBe(409);
    expect((await get(`/richieste/${requestId}/enti/${closed.id}/ritira`, auth)).statusCode).toBe(409);
    const confirm = await get(`/richieste/${requestId}/ritira`, auth);
    expect(confirm.statusCode).toBe(200);
    expectRedirect(await post(`/richieste/${requestId}/ritira`, {}, auth), `/richieste/${requestId}?esito=ritirata`);
    const statuses = (await t.db.query<{ status: string }>('select status from ente_request where request_id = $1', [requestId])).map((x) => x.status).sort();
    expect(statuses).toEqual(['not_chosen', 'not_chosen', 'withdrawn']);
    expect((await post(`/richieste/${requestId}/ritira`, {}, auth)).statusCode).toBe(409);
  });

  it('renders the pages in English', async () => {
    const res = await get(`/richieste/${requestId}?lang=en`, auth);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Comparison of offers');
  });
});
