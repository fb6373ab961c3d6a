import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePrice } from '../../src/features/requests/request-price';
import { createTestApp, type TestApp } from '../support/app';
import { actingAs, createTestUser, type TestUser } from '../support/accounts';
import { dayInMilan, pdf } from '../support/fixtures';
import { decode } from '../support/html';
import { requestsTo, type Auth, type Fields } from '../support/http';
import { queuedMail } from '../support/outbox';

// The ente's side of "citizens ask several enti at once": the inbox (filters, 48-hour highlight, unread
// messages), the request detail, the moves (take, offer, decline, start, complete) with the citizen's e-mail and
// notification, assignment, ownership between enti and CSRF. A sent request with two ente copies is written
// straight into the database (the citizen's side is another feature).

const PDF = pdf('certificato');

interface Card {
  id: string;
  organization_id: string;
  service_type_id: string;
}

describe('ente requests: inbox, detail, offers and moves', () => {
  let t: TestApp;
  let cardA: Card;
  let cardB: Card;
  let citizen: TestUser;
  let adminA: TestUser;
  let operatorA: TestUser;
  let adminB: TestUser;
  let authAdminA: Auth;
  let authOperatorA: Auth;
  let authAdminB: Auth;
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp();
    const cards = await t.db.query<Card>(
      `select s.id, s.organization_id, s.service_type_id from service s join organization o on o.id = s.organization_id
        where s.status = 'published' and o.status = 'active'
          and exists (select 1 from price_list pl join price_tier pt on pt.price_list_id = pl.id
                       where pl.service_id = s.id and pl.valid_from <= current_date and (pl.valid_to is null or pl.valid_to >= current_date)
                         and pt.people_min = 1 and pt.units_min = 1 and pl.min_units = 1)
        order by s.slug`,
    );
    // Two cards of two different enti, of the same service type when the demo data has one.
    const pair =
      cards.flatMap((a) => cards.filter((b) => b.organization_id !== a.organization_id && b.service_type_id === a.service_type_id).map((b) => [a, b] as const))[0] ??
      cards.flatMap((a) => cards.filter((b) => b.organization_id !== a.organization_id).map((b) => [a, b] as const))[0];
    expect(pair).toBeDefined();
    [cardA, cardB] = pair!;
    citizen = await createTestUser(t.db, { kind: 'citizen', givenName: 'Carla', familyName: 'Cittadina' });
    adminA = await createTestUser(t.db, { kind: 'ente', givenName: 'Anna', familyName: 'Amministratrice', roles: [{ role: 'ente_admin', organizationId: cardA.organization_id }] });
    operatorA = await createTestUser(t.db, { kind: 'ente', givenName: 'Oscar', familyName: 'Operatore', roles: [{ role: 'ente_operator', organizationId: cardA.organization_id }] });
    adminB = await createTestUser(t.db, { kind: 'ente', givenName: 'Bruno', familyName: 'Beta', roles: [{ role: 'ente_admin', organizationId: cardB.organization_id }] });
    authAdminA = await actingAs(t.app, t.db, adminA.id);
    authOperatorA = await actingAs(t.app, t.db, operatorA.id);
    authAdminB = await actingAs(t.app, t.db, adminB.id);
  });
  afterAll(async () => t?.close());

  /** A sent request of the citizen to both enti, with one PDF attachment; returns the ids. */
  async function sentRequest(opts: { people?: number; units?: number; ageHours?: number } = {}) {
    counter++;
    const municipio = await t.db.one<{ id: string }>(`select t.id from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = 'municipio' order by t.position limit 1`);
    const req = await t.db.one<{ id: string; reference: string }>(
      `insert into service_request (reference, citizen_id, service_type_id, status, step, for_whom, needs, period_from, period_to, days, time_bands,
                                    municipio_id, address, people, units, notes, sent_at)
       values ($1, $2, $3, 'sent', 5, 'self', 'Assistenza per la spesa', $4, $5, '{lun,mer}', '{mattina}', $6, 'Via Roma 1', $7, $8, 'Citofono Rossi', now())
       returning id, reference`,
      [`RIC-TEST-${String(counter).padStart(6, '0')}`, citizen.id, cardA.service_type_id, dayInMilan(10), dayInMilan(60), municipio.id, opts.people ?? 1, opts.units ?? 3],
    );
    const file = await t.db.one<{ id: string }>(
      `insert into stored_file (sha256, content_type, size_bytes, original_name, data, uploaded_by) values ($4, 'application/pdf', $1, 'certificato.pdf', $2, $3) returning id`,
      [PDF.length, PDF, citizen.id, createHash('sha256').update(PDF).digest('hex')],
    );
    await t.db.query('insert into service_request_attachment (request_id, file_id) values ($1, $2)', [req.id, file.id]);
    const age = `${opts.ageHours ?? 1} hours`;
    const a = await t.db.one<{ id: string }>(
      `insert into ente_request (request_id, service_id, organization_id, created_at) values ($1, $2, $3, now() - $4::interval) returning id`,
      [req.id, cardA.id, cardA.organization_id, age],
    );
    const b = await t.db.one<{ id: string }>(
      `insert into ente_request (request_id, service_id, organization_id, created_at) values ($1, $2, $3, now() - $4::interval) returning id`,
      [req.id, cardB.id, cardB.organization_id, age],
    );
    return { requestId: req.id, reference: req.reference, a: a.id, b: b.id, fileId: file.id };
  }

  const { get, post, postMultipart } = requestsTo(() => t.app);
  const inbox = (enteId: string) => `/gestione-ente/${enteId}/richieste`;
  const detail = (enteId: string, id: string) => `${inbox(enteId)}/${id}`;
  const row = (id: string) =>
    t.db.one<{ status: string; offer_price: number | null; offer_price_computed: number | null; offer_expires_on: string | null; offer_file_id: string | null; decline_reason: string | null; assigned_to: string | null; first_response_at: Date | null }>(
      `select status, offer_price, offer_price_computed, offer_expires_on, offer_file_id, decline_reason, assigned_to, first_response_at from ente_request where id = $1`,
      [id],
    );
  const notifications = (requestId: string) =>
    t.db.query<{ kind: string; title: string; link: string }>(`select kind, title, link from notification where user_id = $1 and link = $2 order by created_at, id`, [citizen.id, `/richieste/${requestId}`]);
  const offerFields = (over: Fields = {}): Fields => ({ prezzo: '120,50', dal: dayInMilan(10), al: dayInMilan(60), fascia: 'mattina', scadenza: dayInMilan(5), note: 'Prima visita gratuita', ...over });

  it('the inbox lists only the ente’s copies, with filters, the 48-hour highlight and unread messages', async () => {
    const fresh = await sentRequest();
    const old = await sentRequest({ ageHours: 72 });
    await t.db.query(`insert into request_message (ente_request_id, author_id, author_side, body) values ($1, $2, 'citizen', 'Buongiorno')`, [fresh.a, citizen.id]);

    const res = await get(inbox(cardA.organization_id), authOperatorA);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.body).toContain(fresh.reference);
    expect(res.body).toContain(old.reference);
    expect(res.body).toContain(`/richieste/${fresh.a}`);
    expect(res.body).not.toContain(fresh.b);
    expect(res.body).toContain('data-late="true"');
    expect(decode(res.body)).toContain('Oltre 48 ore senza risposta');
    expect(res.body).toContain('1 non letti');

    // English
    const en = await get(`${inbox(cardA.organization_id)}?lang=en`, authOperatorA);
    expect(en.statusCode).toBe(200);
    expect(decode(en.body)).toContain('Requests received');
    expect(decode(en.body)).toContain('More than 48 hours without an answer');

    // Status filter
    await post(`${detail(cardA.organization_id, fresh.a)}/prendi-in-carico`, {}, authOperatorA);
    const taken = await get(`${inbox(cardA.organization_id)}?stato=taken`, authOperatorA);
    expect(taken.body).toContain(fresh.reference);
    expect(taken.body).not.toContain(old.reference);
    // Service filter (the card of the ente) and an unknown one
    expect((await get(`${inbox(cardA.organization_id)}?servizio=${cardA.id}`, authOperatorA)).body).toContain(old.reference);
    expect((await get(`${inbox(cardA.organization_id)}?servizio=${cardB.id}`, authOperatorA)).body).not.toContain(old.reference);
    // Date range: received from tomorrow finds nothing; from a week ago to today finds both
    expect((await get(`${inbox(cardA.organization_id)}?dal=${dayInMilan(1)}`, authOperatorA)).body).not.toContain(old.reference);
    const range = await get(`${inbox(cardA.organization_id)}?dal=${dayInMilan(-7)}&al=${dayInMilan(0)}`, authOperatorA);
    expect(range.body).toContain(old.reference);
    expect(range.body).toContain(fresh.reference);
    // Nonsense filters are ignored
    expect((await get(`${inbox(cardA.organization_id)}?stato=boh&dal=2026-02-31&pagina=-3`, authOperatorA)).statusCode).toBe(200);
  });

  it('the detail shows the citizen’s request, the attachment, the computed price and the conversation link', async () => {
    const r = await sentRequest({ people: 1, units: 3 });
    const res = await get(detail(cardA.organization_id, r.a), authOperatorA);
    expect(res.statusCode).toBe(200);
    const html = decode(res.body);
    expect(html).toContain('Assistenza per la spesa');
    expect(html).toContain('Via Roma 1');
    expect(html).toContain('Citofono Rossi');
    expect(html).toContain('certificato.pdf');
    expect(html).toContain(`${detail(cardA.organization_id, r.a)}/messaggi`);
    const list = await t.db.one<{ id: string; min_units: number }>(
      `select id, min_units from price_list where service_id = $1 and valid_from <= current_date and (valid_to is null or valid_to >= current_date) order by valid_from desc, created_at desc limit 1`,
      [cardA.id],
    );
    const tiers = await t.db.query<{ people_min: number; people_max: number | null; units_min: number; units_max: number | null; unit_price: number }>(
      'select people_min, people_max, units_min, units_max, unit_price from price_tier where price_list_id = $1',
      [list.id],
    );
    const expected = computePrice(tiers, 1, 3, list.min_units);
    expect(expected).not.toBeNull();
    expect(res.body).toContain(`value="${expected!.toFixed(2)}"`);

    // The attachment is served to this ente
    const file = await get(`${detail(cardA.organization_id, r.a)}/file/${r.fileId}`, authOperatorA);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
  });

  it('take in charge: state, first answer, history, audit, e-mail and notification to the citizen', async () => {
    const r = await sentRequest();
    const res = await post(`${detail(cardA.organization_id, r.a)}/prendi-in-carico`, {}, authOperatorA);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${detail(cardA.organization_id, r.a)}?esito=presa-in-carico`);
    const after = await row(r.a);
    expect(after.status).toBe('taken');
    expect(after.first_response_at).not.toBeNull();
    expect((await row(r.b)).status).toBe('sent');
    const events = await t.db.query<{ from_status: string; to_status: string; actor_id: string }>('select from_status, to_status, actor_id from ente_request_event where ente_request_id = $1', [r.a]);
    expect(events).toEqual([{ from_status: 'sent', to_status: 'taken', actor_id: operatorA.id }]);
    expect(await t.db.query(`select 1 from audit_log where action = 'request.take' and target_id = $1`, [r.a])).toHaveLength(1);
    const mails = await queuedMail(t.db, citizen.email, { subjectContains: r.reference });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).toContain(`/richieste/${r.requestId}`);
    const notes = await notifications(r.requestId);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.kind).toBe('request.take');
    // The page announces it
    expect(decode((await get(res.headers.location as string, authOperatorA)).body)).toContain('Richiesta presa in carico.');
    // Taking twice is refused
    expect((await post(`${detail(cardA.organization_id, r.a)}/prendi-in-carico`, {}, authOperatorA)).statusCode).toBe(409);
  });

  it('offer: validation errors keep the values (400), a valid offer stores the computed and offered price, re-offer with a PDF', async () => {
    const r = await sentRequest({ people: 1, units: 3 });
    const url = `${detail(cardA.organization_id, r.a)}/offerta`;

    const negative = await post(url, offerFields({ prezzo: '-5' }), authOperatorA);
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toContain('value="-5"');
    expect(decode(negative.body)).toContain('Indica il prezzo in euro');
    expect(negative.body).toContain('Prima visita gratuita');

    const past = await post(url, offerFields({ scadenza: dayInMilan(-1) }), authOperatorA);
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain(`value="${dayInMilan(-1)}"`);
    expect(decode(past.body)).toContain('deve essere una data futura');

    const afterEnd = await post(url, offerFields({ scadenza: dayInMilan(70) }), authOperatorA);
    expect(afterEnd.statusCode).toBe(400);
    expect(decode(afterEnd.body)).toContain('deve precedere la fine del periodo');

    const badBand = await post(url, offerFields({ fascia: 'mezzanotte', dal: 'ieri' }), authOperatorA);
    expect(badBand.statusCode).toBe(400);
    expect(badBand.body).toContain('value="ieri"');
    expect((await row(r.a)).status).toBe('sent');

    const ok = await post(url, offerFields(), authOperatorA);
    expect(ok.statusCode).toBe(303);
    const after = await row(r.a);
    expect(after.status).toBe('offered');
    expect(after.offer_price).toBe(120.5);
    expect(after.offer_expires_on).toBe(dayInMilan(5));
    const tiers = await t.db.query<{ people_min: number; people_max: number | null; units_min: number; units_max: number | null; unit_price: number }>(
      `select pt.people_min, pt.people_max, pt.units_min, pt.units_max, pt.unit_price from price_tier pt
        where pt.price_list_id = (select id from price_list where service_id = $1 and valid_from <= current_date and (valid_to is null or valid_to >= current_date) order by valid_from desc, created_at desc limit 1)`,
      [cardA.id],
    );
    expect(after.offer_price_computed).toBe(computePrice(tiers, 1, 3));
    const mails = await queuedMail(t.db, citizen.email, { subjectContains: r.reference });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).toContain('120,50');
    expect((await notifications(r.requestId)).map((n) => n.kind)).toEqual(['request.offer']);

    // Re-offer with a quote PDF (multipart); a file that is not a PDF is refused
    const badRes = await postMultipart(url, offerFields(), [{ field: 'preventivo', name: 'preventivo.pdf', type: 'application/pdf', data: Buffer.from('not a pdf') }], authOperatorA);
    expect(badRes.statusCode).toBe(400);
    const again = await postMultipart(url, offerFields({ prezzo: '99' }), [{ field: 'preventivo', name: 'preventivo.pdf', type: 'application/pdf', data: PDF }], authOperatorA);
    expect(again.statusCode).toBe(303);
    const reoffered = await row(r.a);
    expect(reoffered.status).toBe('offered');
    expect(reoffered.offer_price).toBe(99);
    expect(reoffered.offer_file_id).not.toBeNull();
    const quote = await get(`${detail(cardA.organization_id, r.a)}/file/${reoffered.offer_file_id}`, authAdminA);
    expect(quote.statusCode).toBe(200);
    // Ente B never gets ente A's quote
    expect((await get(`${detail(cardB.organization_id, r.b)}/file/${reoffered.offer_file_id}`, authAdminB)).statusCode).toBe(404);
  });

  it('decline asks for confirmation and a reason, closes the copy and tells the citizen why', async () => {
    const r = await sentRequest();
    const url = `${detail(cardA.organization_id, r.a)}/rifiuta`;
    expect((await get(url, authOperatorA)).statusCode).toBe(200);
    const empty = await post(url, { motivo: ' ' }, authOperatorA);
    expect(empty.statusCode).toBe(400);
    expect((await row(r.a)).status).toBe('sent');
    const res = await post(url, { motivo: 'Non copriamo il Municipio indicato.' }, authOperatorA);
    expect(res.statusCode).toBe(303);
    const after = await row(r.a);
    expect(after.status).toBe('declined');
    expect(after.decline_reason).toBe('Non copriamo il Municipio indicato.');
    const mails = await queuedMail(t.db, citizen.email, { subjectContains: r.reference });
    expect(mails[0]!.text_body).toContain('Non copriamo il Municipio indicato.');
    expect((await notifications(r.requestId)).map((n) => n.kind)).toEqual(['request.decline']);
    // Nothing more is possible
    expect((await post(`${detail(cardA.organization_id, r.a)}/offerta`, offerFields(), authOperatorA)).statusCode).toBe(409);
  });

  it('illegal moves answer 409: start before acceptance, complete twice', async () => {
    const r = await sentRequest();
    const base = detail(cardA.organization_id, r.a);
    expect((await post(`${base}/avvia`, {}, authOperatorA)).statusCode).toBe(409);
    expect((await post(`${base}/completa`, {}, authOperatorA)).statusCode).toBe(409);
    expect((await row(r.a)).status).toBe('sent');
    // The citizen accepts (their feature): simulated here
    await post(`${base}/offerta`, offerFields(), authOperatorA);
    await t.db.query(`update ente_request set status = 'accepted', accepted_at = now() where id = $1`, [r.a]);
    expect((await post(`${base}/avvia`, {}, authOperatorA)).statusCode).toBe(303);
    expect((await row(r.a)).status).toBe('in_progress');
    expect((await get(`${base}/completa`, authOperatorA)).statusCode).toBe(200);
    expect((await post(`${base}/completa`, {}, authOperatorA)).statusCode).toBe(303);
    expect((await row(r.a)).status).toBe('completed');
    expect((await post(`${base}/completa`, {}, authOperatorA)).statusCode).toBe(409);
    expect((await notifications(r.requestId)).map((n) => n.kind)).toEqual(['request.offer', 'request.start', 'request.complete']);
    expect(await queuedMail(t.db, citizen.email, { subjectContains: r.reference })).toHaveLength(3);
  });

  it('assignment: administrators assign to a person of the ente; operators cannot; strangers are refused', async () => {
    const r = await sentRequest();
    const url = `${detail(cardA.organization_id, r.a)}/assegna`;
    expect((await post(url, { operatore: operatorA.id }, authOperatorA)).statusCode).toBe(403);
    const stranger = await post(url, { operatore: adminB.id }, authAdminA);
    expect(stranger.statusCode).toBe(400);
    expect(decode(stranger.body)).toContain('Scegli un operatore dell’ente.');
    const res = await post(url, { operatore: operatorA.id }, authAdminA);
    expect(res.statusCode).toBe(303);
    expect((await row(r.a)).assigned_to).toBe(operatorA.id);
    expect(await t.db.query(`select 1 from audit_log where action = 'request.assign' and target_id = $1`, [r.a])).toHaveLength(1);
    const mine = await get(`${inbox(cardA.organization_id)}?operatore=${operatorA.id}`, authOperatorA);
    expect(mine.body).toContain(r.reference);
    expect(decode(mine.body)).toContain('Oscar Operatore');
    expect((await get(`${inbox(cardA.organization_id)}?operatore=none`, authOperatorA)).body).not.toContain(r.reference);
    // Unassign
    expect((await post(url, { operatore: '' }, authAdminA)).statusCode).toBe(303);
    expect((await row(r.a)).assigned_to).toBeNull();
  });

  it('an operator of ente B never reads or changes ente A’s requests or files (404 on A’s pages, as for an ente that does not exist, and through B’s)', async () => {
    const r = await sentRequest();
    const actions = ['prendi-in-carico', 'offerta', 'rifiuta', 'avvia', 'completa', 'assegna'];
    for (const enteId of [cardA.organization_id]) {
      expect((await get(inbox(enteId), authAdminB)).statusCode).toBe(404);
      for (const page of ['', '/rifiuta', '/completa', `/file/${r.fileId}`]) expect((await get(`${detail(enteId, r.a)}${page}`, authAdminB)).statusCode, page).toBe(404);
      for (const a of actions) expect((await post(`${detail(enteId, r.a)}/${a}`, { ...offerFields(), motivo: 'Motivo qualsiasi', operatore: adminB.id }, authAdminB)).statusCode, a).toBe(404);
    }
    // Through B's own back office, A's copy does not exist
    for (const page of ['', '/rifiuta', '/completa', `/file/${r.fileId}`]) expect((await get(`${detail(cardB.organization_id, r.a)}${page}`, authAdminB)).statusCode, page).toBe(404);
    for (const a of actions) expect((await post(`${detail(cardB.organization_id, r.a)}/${a}`, { ...offerFields(), motivo: 'Motivo qualsiasi', operatore: adminB.id }, authAdminB)).statusCode, a).toBe(404);
    expect(await row(r.a)).toMatchObject({ status: 'sent', assigned_to: null });
    // B sees its own copy, and its own attachment link
    expect((await get(detail(cardB.organization_id, r.b), authAdminB)).statusCode).toBe(200);
    expect((await get(`${detail(cardB.organization_id, r.b)}/file/${r.fileId}`, authAdminB)).statusCode).toBe(200);
    // A file that is not this request's is not served
    const other = await sentRequest();
    expect((await get(`${detail(cardA.organization_id, r.a)}/file/${other.fileId}`, authAdminA)).statusCode).toBe(404);
    // Malformed ids
    expect((await get(detail(cardA.organization_id, 'abc'), authAdminA)).statusCode).toBe(404);
    // Citizens and anonymous visitors are refused
    const citizenAuth = await actingAs(t.app, t.db, citizen.id);
    expect((await get(inbox(cardA.organization_id), citizenAuth)).statusCode).toBe(403);
    expect([302, 303, 401]).toContain((await get(inbox(cardA.organization_id))).statusCode);
  });

  it('a change without the CSRF token is refused (403) and changes nothing', async () => {
    const r = await sentRequest();
    const res = await post(`${detail(cardA.organization_id, r.a)}/prendi-in-carico`, {}, authAdminA, false);
    expect(res.statusCode).toBe(403);
    expect((await row(r.a)).status).toBe('sent');
    expect(await queuedMail(t.db, citizen.email, { subjectContains: r.reference })).toHaveLength(0);
  });
});
