import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { actingAs, createTestUser, type TestUser } from '../support/accounts';
import { text } from '../support/html';
import { requestsTo, type Auth } from '../support/http';

// Reviews that the reviewed ente does not moderate: the citizen reviews a completed ente request once, the ratings
// count at once (card, search, API), the comment waits for the City, the ente only replies publicly.

describe('reviews: written by the citizen, moderated by the City, answered by the ente', () => {
  let t: TestApp;
  let service: { id: string; slug: string; service_type_id: string; organization_id: string };
  let otherOrgId: string;
  let citizen: TestUser;
  let stranger: TestUser;
  let enteAdmin: TestUser;
  let enteOperator: TestUser;
  let otherAdmin: TestUser;
  let cityUser: TestUser;
  let n = 0;

  /** A sent request of the citizen with one ente request in the given state, for the chosen card. */
  async function enteRequest(citizenId: string, status: string): Promise<{ requestId: string; enteRequestId: string }> {
    n++;
    const req = await t.db.one<{ id: string }>(
      `insert into service_request (reference, citizen_id, service_type_id, status, step, sent_at)
       values ($1, $2, $3, 'sent', 5, now()) returning id`,
      [`RIC-TEST-${Date.now()}-${n}`, citizenId, service.service_type_id],
    );
    const er = await t.db.one<{ id: string }>(
      `insert into ente_request (request_id, service_id, organization_id, status, completed_at)
       values ($1, $2, $3, $4, case when $4 = 'completed' then now() end) returning id`,
      [req.id, service.id, service.organization_id, status],
    );
    return { requestId: req.id, enteRequestId: er.id };
  }

  const url = (r: { requestId: string; enteRequestId: string }) => `/richieste/${r.requestId}/enti/${r.enteRequestId}/recensione`;
  const as = (u: TestUser) => actingAs(t.app, t.db, u.id);
  const http = requestsTo(() => t.app);
  const { get } = http;
  const post = (path: string, auth: Auth, fields: Record<string, string>) => http.post(path, fields, auth);
  const ratings = (o: number, extra: Record<string, string> = {}) => ({ overall: String(o), punctuality: '4', speed: '3', professionalism: '5', ...extra });

  beforeAll(async () => {
    t = await createTestApp();
    service = await t.db.one(
      `select s.id, s.slug, s.service_type_id, s.organization_id
         from public_service s join organization o on o.id = s.organization_id
        where o.status = 'active' and o.is_demo order by s.slug limit 1`,
    );
    otherOrgId = (await t.db.one<{ id: string }>(`select id from organization where status = 'active' and id <> $1 order by slug limit 1`, [service.organization_id])).id;
    citizen = await createTestUser(t.db, { givenName: 'Maria', familyName: 'Rossi' });
    stranger = await createTestUser(t.db);
    enteAdmin = await createTestUser(t.db, { kind: 'ente', roles: [{ role: 'ente_admin', organizationId: service.organization_id }] });
    enteOperator = await createTestUser(t.db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: service.organization_id }] });
    otherAdmin = await createTestUser(t.db, { kind: 'ente', roles: [{ role: 'ente_admin', organizationId: otherOrgId }] });
    cityUser = await createTestUser(t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'requests' }] });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('refuses a review before completion (409), of another citizen (404), without CSRF (403), with invalid ratings (400)', async () => {
    const inProgress = await enteRequest(citizen.id, 'in_progress');
    const auth = await as(citizen);
    expect((await get(url(inProgress), auth)).statusCode).toBe(409);
    expect((await post(url(inProgress), auth, ratings(4))).statusCode).toBe(409);

    const done = await enteRequest(citizen.id, 'completed');
    const other = await as(stranger);
    expect((await get(url(done), other)).statusCode).toBe(404);
    expect((await post(url(done), other, ratings(4))).statusCode).toBe(404);
    expect((await get('/richieste/nope/enti/nope/recensione', auth)).statusCode).toBe(404);
    // Anonymous visitors are sent to log in.
    expect((await get(url(done))).statusCode).toBe(303);

    const noCsrf = await http.post(url(done), ratings(4), auth, false);
    expect(noCsrf.statusCode).toBe(403);

    const bad = await post(url(done), auth, ratings(7, { speed: '' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('error-summary');
    expect(bad.body).toContain('href="#overall"');
    const tooLong = await post(url(done), auth, ratings(4, { comment: 'x'.repeat(2001) }));
    expect(tooLong.statusCode).toBe(400);
    expect(await t.db.one<{ n: number }>('select count(*)::int as n from review')).toEqual({ n: 0 });
  });

  it('stores the review once, counts the ratings at once and keeps the comment hidden until the City publishes it', async () => {
    const done = await enteRequest(citizen.id, 'completed');
    const auth = await as(citizen);
    const page = await get(url(done), auth);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<fieldset[^>]*>\s*<legend[^>]*>Giudizio complessivo<\/legend>/);
    expect(page.body.match(/type="radio"/g)).toHaveLength(20);

    const comment = 'Operatrici puntuali e gentili, la consiglio.';
    const res = await post(url(done), auth, ratings(4, { comment }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${url(done)}?esito=inviata`);
    expect((await get(String(res.headers.location), auth)).body).toContain('Grazie, abbiamo ricevuto la tua recensione.');
    expect((await post(url(done), auth, ratings(5))).statusCode).toBe(409);

    const review = await t.db.one<{ id: string; comment_status: string; overall: number }>('select id, comment_status, overall from review where ente_request_id = $1', [done.enteRequestId]);
    expect(review).toMatchObject({ comment_status: 'pending', overall: 4 });
    expect(await t.db.one('select rating_avg, rating_count from service where id = $1', [service.id])).toEqual({ rating_avg: 4, rating_count: 1 });
    const api = await get(`/api/v1/services/${service.slug}`);
    expect(api.json().rating).toEqual({ average: 4, count: 1 });
    expect(api.json()).not.toHaveProperty('reviews');
    const pub = await get(`/servizi/${service.slug}`);
    expect(text(pub.body)).toContain('4 su 5 (1 recensioni)');
    expect(pub.body).not.toContain(comment);

    const audit = await t.db.one<{ n: number }>(`select count(*)::int as n from audit_log where action = 'review.create' and target_id = $1`, [review.id]);
    expect(audit.n).toBe(1);
    const mail = await t.db.query<{ to_address: string; text_body: string }>(`select to_address, text_body from email_outbox where subject like 'Nuova recensione%'`);
    expect(mail.map((m) => m.to_address)).toContain(enteAdmin.email);
    expect(mail.every((m) => !m.text_body.includes(comment))).toBe(true);

    // The ente sees the ratings but not the pending comment; it cannot moderate (403 on the City's routes).
    const ente = await as(enteAdmin);
    const list = await get(`/gestione-ente/${service.organization_id}/recensioni`, ente);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(comment);
    expect(list.body).toContain('in verifica da parte del Comune');
    expect((await get('/gestione-wemi/recensioni', ente)).statusCode).toBe(403);
    expect((await get(`/gestione-wemi/recensioni/${review.id}/pubblica`, ente)).statusCode).toBe(403);
    expect((await post(`/gestione-wemi/recensioni/${review.id}/pubblica`, ente, {})).statusCode).toBe(403);
    expect((await get(`/gestione-ente/${service.organization_id}/recensioni/${review.id}/risposta`, ente)).statusCode).toBe(404);

    // The City publishes it: it appears on the card page with the initial only, and the citizen is told.
    const city = await as(cityUser);
    const queue = await get('/gestione-wemi/recensioni', city);
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(comment);
    expect((await get('/gestione-wemi/recensioni?pagina=0', city)).statusCode).toBe(400);
    expect((await get(`/gestione-wemi/recensioni/${review.id}/pubblica`, city)).statusCode).toBe(200);
    const published = await post(`/gestione-wemi/recensioni/${review.id}/pubblica`, city, { note: '' });
    expect(published.statusCode).toBe(303);
    expect((await post(`/gestione-wemi/recensioni/${review.id}/rifiuta`, city, { note: 'tardi' })).statusCode).toBe(409);
    const shown = text((await get(`/servizi/${service.slug}`)).body);
    expect(shown).toContain(comment);
    expect(shown).toContain('Maria R.');
    expect(shown).not.toContain('Rossi');
    const told = await t.db.query(`select 1 from email_outbox where to_address = $1 and subject like '%pubblicato%'`, [citizen.email]);
    expect(told).toHaveLength(1);
    expect(await t.db.one<{ n: number }>(`select count(*)::int as n from audit_log where action = 'review.publish'`)).toEqual({ n: 1 });

    // The ente replies once, publicly, only to its own reviews (administrators only).
    const replyUrl = `/gestione-ente/${service.organization_id}/recensioni/${review.id}/risposta`;
    const operator = await as(enteOperator);
    expect((await post(replyUrl, operator, { reply: 'Grazie!' })).statusCode).toBe(403);
    const other = await as(otherAdmin);
    expect((await post(`/gestione-ente/${otherOrgId}/recensioni/${review.id}/risposta`, other, { reply: 'Grazie!' })).statusCode).toBe(404);
    expect((await post(replyUrl, other, { reply: 'Grazie!' })).statusCode).toBe(403);
    expect((await post(replyUrl, ente, { reply: '' })).statusCode).toBe(400);
    expect((await get(replyUrl, ente)).statusCode).toBe(200);
    const replied = await post(replyUrl, ente, { reply: 'Grazie Maria, a presto!' });
    expect(replied.statusCode).toBe(303);
    expect((await post(replyUrl, ente, { reply: 'Di nuovo' })).statusCode).toBe(409);
    const withReply = text((await get(`/servizi/${service.slug}`)).body);
    expect(withReply).toContain('Grazie Maria, a presto!');
    expect(withReply).toContain("Risposta dell'ente");
    const enteList = await get(`/gestione-ente/${service.organization_id}/recensioni`, ente);
    expect(enteList.body).toContain(comment);
  });

  it('keeps a rejected comment hidden while its ratings count', async () => {
    const done = await enteRequest(citizen.id, 'completed');
    const auth = await as(citizen);
    const comment = 'Commento con dati personali da non pubblicare.';
    expect((await post(url(done), auth, ratings(2, { comment }))).statusCode).toBe(303);
    expect(await t.db.one('select rating_avg, rating_count from service where id = $1', [service.id])).toEqual({ rating_avg: 3, rating_count: 2 });
    const review = await t.db.one<{ id: string }>('select id from review where ente_request_id = $1', [done.enteRequestId]);
    const city = await as(cityUser);
    expect((await post(`/gestione-wemi/recensioni/${review.id}/rifiuta`, city, { note: '' })).statusCode).toBe(400);
    expect((await post(`/gestione-wemi/recensioni/${review.id}/rifiuta`, city, { note: 'Contiene dati personali.' })).statusCode).toBe(303);
    expect(await t.db.one('select comment_status, moderation_note from review where id = $1', [review.id])).toEqual({
      comment_status: 'rejected',
      moderation_note: 'Contiene dati personali.',
    });
    expect((await get(`/servizi/${service.slug}`)).body).not.toContain(comment);
    expect((await get(`/gestione-ente/${service.organization_id}/recensioni`, await as(enteAdmin))).body).not.toContain(comment);
    expect((await get('/gestione-wemi/recensioni?stato=rifiutati', city)).body).toContain(comment);
    const api = await get(`/api/v1/services/${service.slug}`);
    expect(api.json().rating).toEqual({ average: 3, count: 2 });
  });

  it('sorts by rating on /servizi and /api/v1/services (best first, unrated last)', async () => {
    // Make the reviewed card the best rated of all.
    await t.db.query('update service set rating_avg = 5, rating_count = 999 where id = $1', [service.id]);
    const res = await get('/api/v1/services?ordina=valutazione&per_pagina=100');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { sort: string; items: { slug: string; rating: { average: number | null; count: number } }[] };
    expect(body.sort).toBe('valutazione');
    expect(body.items[0]!.slug).toBe(service.slug);
    const key = (r: { average: number | null; count: number }) => [r.average ?? -1, r.count] as const;
    for (let i = 1; i < body.items.length; i++) {
      const [a1, c1] = key(body.items[i - 1]!.rating);
      const [a2, c2] = key(body.items[i]!.rating);
      expect(a1 > a2 || (a1 === a2 && c1 >= c2)).toBe(true);
    }
    const page = await get('/servizi?ordina=valutazione');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<option value="valutazione" selected/);
    expect(text(page.body)).toContain('5 su 5 (999)');
    expect((await get('/api/v1/services?ordina=stelle')).statusCode).toBe(400);
    const openapi = await get('/api/v1/openapi.json');
    expect(openapi.body).toContain('valutazione');
  });
});
