import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database';
import { qualityRows } from '../../src/features/conversations/conversations.repository';
import { qualityFigures } from '../../src/features/conversations/conversations.service';
import { createTestApp, type TestApp } from '../support/app';
import { actingAs, createTestUser, type TestUser } from '../support/accounts';
import { pdf } from '../support/fixtures';
import { text } from '../support/html';
import { requestsTo, type Auth } from '../support/http';
import { queuedMail } from '../support/outbox';

// Conversations on ente requests (both sides, read state, e-mails, attachments, who may see what), City reading
// audited, notifications received, complaints from filing to closing, quality figures from controlled data.

const PDF = pdf('preventivo');
const PNG_START = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

let refCounter = 0;

/** Published cards of distinct active demo enti. */
async function demoCards(db: Db, n: number) {
  return db.query<{ id: string; organization_id: string; service_type_id: string }>(
    `select distinct on (s.organization_id) s.id, s.organization_id, s.service_type_id
       from service s join organization o on o.id = s.organization_id
      where s.status = 'published' and o.status = 'active' and o.is_demo
      order by s.organization_id, s.id limit $1`,
    [n],
  );
}

/** A sent request of the citizen to the cards, one ente request each; optional SQL for created_at. */
async function sentRequest(db: Db, citizenId: string, cards: { id: string; organization_id: string; service_type_id: string }[], createdAt = 'now()') {
  refCounter++;
  const req = await db.one<{ id: string }>(
    `insert into service_request (reference, citizen_id, service_type_id, status, step, sent_at, period_from, period_to)
     values ($1, $2, $3, 'sent', 5, now(), current_date, current_date + 30) returning id`,
    [`RIC-2026-T${String(refCounter).padStart(5, '0')}-${Math.random().toString(36).slice(2, 6)}`, citizenId, cards[0]!.service_type_id],
  );
  const ids: string[] = [];
  for (const c of cards) {
    const er = await db.one<{ id: string }>(
      `insert into ente_request (request_id, service_id, organization_id, created_at) values ($1, $2, $3, ${createdAt}) returning id`,
      [req.id, c.id, c.organization_id],
    );
    ids.push(er.id);
  }
  return { requestId: req.id, enteRequestIds: ids };
}

describe('conversations, notifications, complaints and quality', () => {
  let t: TestApp;
  let citizen: TestUser;
  let other: TestUser;
  let adminA: TestUser;
  let operatorA: TestUser;
  let adminB: TestUser;
  let cityStaff: TestUser;
  let cityEnti: TestUser;
  let orgA: string;
  let orgB: string;
  let requestId: string;
  let erA: string;
  let erB: string;
  const as: Record<string, Auth> = {};

  const citizenThread = () => `/richieste/${requestId}/enti/${erA}/messaggi`;
  const enteThread = (org = orgA, er = erA) => `/gestione-ente/${org}/richieste/${er}/messaggi`;

  beforeAll(async () => {
    t = await createTestApp();
    const cards = await demoCards(t.db, 2);
    orgA = cards[0]!.organization_id;
    orgB = cards[1]!.organization_id;
    citizen = await createTestUser(t.db, { givenName: 'Carla', familyName: 'Cittadina' });
    other = await createTestUser(t.db);
    adminA = await createTestUser(t.db, { kind: 'ente', roles: [{ role: 'ente_admin', organizationId: orgA }] });
    operatorA = await createTestUser(t.db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: orgA }] });
    adminB = await createTestUser(t.db, { kind: 'ente', roles: [{ role: 'ente_admin', organizationId: orgB }] });
    cityStaff = await createTestUser(t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'requests' }] });
    cityEnti = await createTestUser(t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'enti' }] });
    for (const [k, u] of Object.entries({ citizen, other, adminA, operatorA, adminB, cityStaff, cityEnti })) as[k] = await actingAs(t.app, t.db, u.id);
    const r = await sentRequest(t.db, citizen.id, cards);
    requestId = r.requestId;
    erA = r.enteRequestIds[0]!;
    erB = r.enteRequestIds[1]!;
  });
  afterAll(async () => {
    await t?.close();
  });

  const http = requestsTo(() => t.app);
  const get = (url: string, who: string) => http.get(url, as[who]!);
  const postForm = (url: string, who: string, fields: Record<string, string>) => http.post(url, fields, as[who]!);

  it('lets the citizen open the thread of their request and refuses everyone else', async () => {
    const res = await get(citizenThread(), 'citizen');
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain('Nessun messaggio per ora');
    expect((await get(citizenThread(), 'other')).statusCode).toBe(404);
    // The ente request of another ente under the right request is still the citizen's; a made-up pairing is not.
    expect((await get(`/richieste/${requestId}/enti/${erB}/messaggi`, 'citizen')).statusCode).toBe(200);
    expect((await get(`/richieste/${erA}/enti/${erA}/messaggi`, 'citizen')).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: citizenThread() });
    expect(anonymous.statusCode).toBe(303);
    expect(String(anonymous.headers.location)).toMatch(/^\/accedi/);
  });

  it('a citizen message reaches the ente people by e-mail, and is unread for the ente until opened', async () => {
    const res = await postForm(citizenThread(), 'citizen', { testo: 'Buongiorno, è possibile iniziare lunedì?' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${citizenThread()}?esito=messaggio-inviato`);
    expect((await queuedMail(t.db, adminA.email)).map((m) => m.subject)).toEqual([expect.stringContaining('Nuovo messaggio del cittadino')]);
    expect((await queuedMail(t.db, operatorA.email)).length).toBe(1);
    expect((await queuedMail(t.db, adminB.email)).length).toBe(0);
    expect((await queuedMail(t.db, citizen.email)).length).toBe(0);

    const first = await get(enteThread(), 'operatorA');
    expect(first.statusCode).toBe(200);
    expect(text(first.body)).toContain('Buongiorno, è possibile iniziare lunedì?');
    expect(first.body).toContain('wemi-thread-unread');
    const again = await get(enteThread(), 'adminA');
    expect(again.body).not.toContain('wemi-thread-unread');
    expect((await t.db.one<{ n: number }>(`select count(*)::int as n from request_thread_read where ente_request_id = $1 and side = 'ente'`, [erA])).n).toBe(1);
  });

  it('refuses the thread to another ente and a request of another ente (404, as for ids that do not exist)', async () => {
    expect((await get(enteThread(), 'adminB')).statusCode).toBe(404);
    expect((await get(enteThread(orgB, erA), 'adminB')).statusCode).toBe(404);
    expect((await postForm(enteThread(), 'adminB', { testo: 'intruso' })).statusCode).toBe(404);
    expect((await get(enteThread(), 'citizen')).statusCode).toBe(403);
  });

  it('an ente message with a PDF reaches the citizen by e-mail and notification; the file only for the two sides', async () => {
    const res = await http.postMultipart(enteThread(), { testo: 'Sì, ecco il preventivo.' }, [{ field: 'allegato', name: 'preventivo.pdf', type: 'application/pdf', data: PDF }], as.adminA!);
    expect(res.statusCode).toBe(303);
    expect((await queuedMail(t.db, citizen.email)).map((m) => m.subject)).toEqual([expect.stringContaining('Nuovo messaggio da')]);
    const notes = await t.db.query<{ kind: string; link: string; read_at: Date | null }>('select kind, link, read_at from notification where user_id = $1', [citizen.id]);
    expect(notes).toEqual([{ kind: 'thread.message', link: citizenThread(), read_at: null }]);

    const msg = await t.db.one<{ id: string }>('select id from request_message where ente_request_id = $1 and file_id is not null', [erA]);
    const page = await get(citizenThread(), 'citizen');
    expect(page.body).toContain('wemi-thread-unread');
    expect(page.body).toContain(`${citizenThread()}/${msg.id}/allegato`);
    const file = await get(`${citizenThread()}/${msg.id}/allegato`, 'citizen');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await get(`${enteThread()}/${msg.id}/allegato`, 'operatorA')).statusCode).toBe(200);
    expect((await get(`${citizenThread()}/${msg.id}/allegato`, 'other')).statusCode).toBe(404);
    expect((await get(`${enteThread()}/${msg.id}/allegato`, 'adminB')).statusCode).toBe(404);
    // Opened: nothing unread for the citizen any more.
    expect((await get(citizenThread(), 'citizen')).body).not.toContain('wemi-thread-unread');
  });

  it('e-mails only the assigned operator once the request is assigned', async () => {
    await t.db.query('update ente_request set assigned_to = $2 where id = $1', [erA, operatorA.id]);
    const before = { admin: (await queuedMail(t.db, adminA.email)).length, operator: (await queuedMail(t.db, operatorA.email)).length };
    expect((await postForm(citizenThread(), 'citizen', { testo: 'Grazie!' })).statusCode).toBe(303);
    expect((await queuedMail(t.db, adminA.email)).length).toBe(before.admin);
    expect((await queuedMail(t.db, operatorA.email)).length).toBe(before.operator + 1);
  });

  it('checks the message and the attachment, and refuses a post without CSRF token', async () => {
    const empty = await postForm(citizenThread(), 'citizen', { testo: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(text(empty.body)).toContain('Scrivi il testo del messaggio');
    const long = await postForm(citizenThread(), 'citizen', { testo: 'x'.repeat(5001) });
    expect(long.statusCode).toBe(400);
    expect(text(long.body)).toContain('al massimo 5000 caratteri');
    const bad = await http.postMultipart(citizenThread(), { testo: 'Allego' }, [{ field: 'allegato', name: 'finto.pdf', type: 'application/pdf', data: PNG_START }], as.citizen!);
    expect(bad.statusCode).toBe(400);
    const count = (await t.db.one<{ n: number }>('select count(*)::int as n from request_message where ente_request_id = $1', [erA])).n;
    const noCsrf = await http.post(citizenThread(), { testo: 'ciao' }, as.citizen!, false);
    expect(noCsrf.statusCode).toBe(403);
    expect((await t.db.one<{ n: number }>('select count(*)::int as n from request_message where ente_request_id = $1', [erA])).n).toBe(count);
  });

  it('lets City staff with the requests permission read the thread, audited, without the files', async () => {
    const res = await get(`/gestione-wemi/richieste/${erA}/messaggi`, 'cityStaff');
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain('Sì, ecco il preventivo.');
    expect(res.body).not.toContain('/allegato');
    expect(res.body).not.toContain('name="testo"');
    const rows = await t.db.query<{ actor_id: string }>(`select actor_id from audit_log where action = 'thread.read_by_city' and target_id = $1`, [erA]);
    expect(rows).toEqual([{ actor_id: cityStaff.id }]);
    expect((await get(`/gestione-wemi/richieste/${erA}/messaggi`, 'cityEnti')).statusCode).toBe(403);
    expect((await get(`/gestione-wemi/richieste/${erA}/messaggi`, 'citizen')).statusCode).toBe(403);
  });

  it('lists my notifications newest first, unread highlighted, and marks them all read', async () => {
    const page = await get('/area-personale/notifiche-ricevute', 'citizen');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('wemi-notification-unread');
    expect(text(page.body)).toContain('Nuovo messaggio');
    const other = await get('/area-personale/notifiche-ricevute', 'other');
    expect(text(other.body)).toContain('Non hai notifiche');
    const res = await postForm('/area-personale/notifiche-ricevute/lette', 'citizen', {});
    expect(res.statusCode).toBe(303);
    expect((await t.db.one<{ n: number }>('select count(*)::int as n from notification where user_id = $1 and read_at is null', [citizen.id])).n).toBe(0);
    expect((await get('/area-personale/notifiche-ricevute', 'citizen')).body).not.toContain('wemi-notification-unread');
  });

  it('handles a complaint from filing to closing, with e-mails, notification and audit', async () => {
    const form = `/richieste/${requestId}/enti/${erA}/reclamo`;
    expect((await get(form, 'citizen')).statusCode).toBe(200);
    expect((await get(form, 'other')).statusCode).toBe(404);
    expect((await postForm(form, 'other', { oggetto: 'x', testo: 'y' })).statusCode).toBe(404);
    expect((await postForm(form, 'citizen', { oggetto: '', testo: '' })).statusCode).toBe(400);
    const filed = await postForm(form, 'citizen', { oggetto: 'Nessuna risposta chiara', testo: 'L’ente non ha chiarito gli orari.' });
    expect(filed.statusCode).toBe(303);
    const c = await t.db.one<{ id: string; reference: string; status: string }>('select id, reference, status from complaint where ente_request_id = $1', [erA]);
    expect(c.reference).toMatch(/^REC-\d{4}-\d+$/);
    expect(c.status).toBe('open');
    expect((await queuedMail(t.db, citizen.email)).some((m) => m.subject.includes(c.reference))).toBe(true);

    const list = await get('/gestione-wemi/reclami', 'cityStaff');
    expect(list.statusCode).toBe(200);
    expect(text(list.body)).toContain(c.reference);
    expect((await get('/gestione-wemi/reclami', 'cityEnti')).statusCode).toBe(403);
    const page = await get(`/gestione-wemi/reclami/${c.id}`, 'cityStaff');
    expect(text(page.body)).toContain('Nessuna risposta chiara');
    expect(page.body).toContain(`/gestione-wemi/richieste/${erA}/messaggi`);

    // An answer before taking it in charge is refused.
    expect((await postForm(`/gestione-wemi/reclami/${c.id}/risposta`, 'cityStaff', { risposta: 'Troppo presto' })).statusCode).toBe(409);
    expect((await postForm(`/gestione-wemi/reclami/${c.id}/stato`, 'cityStaff', { azione: 'take' })).statusCode).toBe(303);
    expect((await postForm(`/gestione-wemi/reclami/${c.id}/risposta`, 'cityStaff', { risposta: '' })).statusCode).toBe(400);
    expect((await postForm(`/gestione-wemi/reclami/${c.id}/risposta`, 'cityStaff', { risposta: 'Abbiamo sentito l’ente: gli orari sono 9-13.' })).statusCode).toBe(303);
    const answerMail = (await queuedMail(t.db, citizen.email)).find((m) => m.subject.includes('Risposta al reclamo'));
    expect(answerMail?.text_body).toContain('gli orari sono 9-13');
    expect((await t.db.query<{ kind: string }>(`select kind from notification where user_id = $1 and kind = 'complaint.answer'`, [citizen.id])).length).toBe(1);
    expect((await postForm(`/gestione-wemi/reclami/${c.id}/stato`, 'cityStaff', { azione: 'close' })).statusCode).toBe(303);
    expect((await t.db.one<{ status: string; answer: string }>('select status, answer from complaint where id = $1', [c.id])).status).toBe('closed');
    const actions = await t.db.query<{ action: string }>(`select action from audit_log where target_type = 'complaint' and target_id = $1 order by id`, [c.id]);
    expect(actions.map((a) => a.action)).toEqual(['complaint.file', 'complaint.take', 'complaint.answer', 'complaint.close']);
  });

  it('computes the quality figures per ente and per service, with the breaches', async () => {
    const cards = await demoCards(t.db, 2);
    // Controlled data in March 2020: A answers in 24 h (offer at 48 h) and in 96 h; B never answers.
    const day = `timestamptz '2020-03-10 10:00:00+01'`;
    const r1 = await sentRequest(t.db, citizen.id, [cards[0]!], day);
    const r2 = await sentRequest(t.db, citizen.id, [cards[0]!], day);
    const r3 = await sentRequest(t.db, citizen.id, [cards[1]!], day);
    await t.db.query(`update ente_request set status = 'offered', first_response_at = created_at + interval '24 hours', offered_at = created_at + interval '48 hours' where id = $1`, [r1.enteRequestIds[0]]);
    await t.db.query(`update ente_request set status = 'taken', first_response_at = created_at + interval '96 hours' where id = $1`, [r2.enteRequestIds[0]]);
    const figures = qualityFigures(await qualityRows(t.db, { from: '2020-03-01', to: '2020-03-31' }));
    const a = figures.byEnte.find((g) => g.key === orgA)!;
    expect(a).toMatchObject({ requests: 2, medianFirst: 60, avgFirst: 60, medianOffer: 48, avgOffer: 48, withinShare: 0.5 });
    const b = figures.byEnte.find((g) => g.key === orgB)!;
    expect(b).toMatchObject({ requests: 1, medianFirst: null, withinShare: 0 });
    expect(figures.byService.map((g) => g.requests).sort()).toEqual([1, 2]);
    expect(figures.breaches.map((x) => [x.row.id, x.kind]).sort()).toEqual(
      [
        [r2.enteRequestIds[0], 'late'],
        [r3.enteRequestIds[0], 'no_answer'],
      ].sort(),
    );

    const page = await get('/gestione-wemi/qualita?dal=2020-03-01&al=2020-03-31', 'cityStaff');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/gestione-wemi/richieste/${r3.enteRequestIds[0]}/messaggi`);
    expect(page.body).toContain(`/gestione-wemi/richieste/${r2.enteRequestIds[0]}/messaggi`);
    expect(page.body).not.toContain(`/gestione-wemi/richieste/${r1.enteRequestIds[0]}/messaggi`);
    expect(text(page.body)).toContain('50%');
    // Another period shows none of them.
    const empty = await get('/gestione-wemi/qualita?dal=2019-01-01&al=2019-01-31', 'cityStaff');
    expect(text(empty.body)).toContain('Nessuna richiesta nel periodo');
    expect((await get('/gestione-wemi/qualita?dal=nonsense', 'cityStaff')).statusCode).toBe(400);
    expect((await get('/gestione-wemi/qualita', 'adminA')).statusCode).toBe(403);
  });

  it('has English texts', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${citizenThread()}?lang=en`, headers: { cookie: as.citizen!.cookie } });
    expect(text(res.body)).toContain('Write a message');
  });
});
