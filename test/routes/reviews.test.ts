import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDb, type TestApp } from '../support/app';
import { seedDemoData } from '../../src/db/seed/demo';
import { actingAs, createTestUser, type TestUser } from '../support/accounts';
import { esc, text } from '../support/html';
import { insertMinimalService, insertOrg } from '../../src/features/services/services.test-fixtures';
import { insertReviews } from '../../src/features/reviews/public/reviews-public.test-fixtures';
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
        where o.status = 'active' and o.is_demo and not exists (select 1 from review r where r.service_id = s.id)
        order by s.slug limit 1`,
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
    expect(await t.db.one<{ n: number }>('select count(*)::int as n from review where citizen_id = $1', [citizen.id])).toEqual({ n: 0 });
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
    expect(text(pub.body)).toContain('4 su 5 (1 recensione)');
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
    // Initials only, as the form tells the citizen.
    expect(shown).toContain('M. R.');
    expect(shown).not.toContain('Rossi');
    expect(shown).not.toContain('Maria');
    const told = await t.db.query(`select 1 from email_outbox where to_address = $1 and subject like '%pubblicato%'`, [citizen.email]);
    expect(told).toHaveLength(1);
    expect(await t.db.one<{ n: number }>(`select count(*)::int as n from audit_log where action = 'review.publish'`)).toEqual({ n: 1 });

    // The ente replies once, publicly, only to its own reviews (administrators only).
    const replyUrl = `/gestione-ente/${service.organization_id}/recensioni/${review.id}/risposta`;
    const operator = await as(enteOperator);
    expect((await post(replyUrl, operator, { reply: 'Grazie!' })).statusCode).toBe(403);
    const other = await as(otherAdmin);
    expect((await post(`/gestione-ente/${otherOrgId}/recensioni/${review.id}/risposta`, other, { reply: 'Grazie!' })).statusCode).toBe(404);
    expect((await post(replyUrl, other, { reply: 'Grazie!' })).statusCode).toBe(404);
    expect((await post(replyUrl, ente, { reply: '' })).statusCode).toBe(400);
    expect((await get(replyUrl, ente)).statusCode).toBe(200);
    const replied = await post(replyUrl, ente, { reply: 'Grazie Maria, a presto!' });
    expect(replied.statusCode).toBe(303);
    expect((await post(replyUrl, ente, { reply: 'Di nuovo' })).statusCode).toBe(409);
    const withReply = text((await get(`/servizi/${service.slug}`)).body);
    expect(withReply).toContain('Grazie Maria, a presto!');
    expect(withReply).toContain('Risposta dell’ente');
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

  describe('on the public pages: published comments only, newest first, paged, one rating everywhere', () => {
    const HOSTILE = '<script>alert("x")</script> Ottimo & <b>consigliato</b>';
    let ente: { id: string; slug: string };
    let cardA: { id: string; slug: string };
    let cardB: { id: string; slug: string };
    let draftId: string;
    const comment = (n: number) => `Commento pubblicato numero ${n} della prova.`;

    /** Comments listed on a page, in order (their text). */
    const listed = (html: string) => [...html.matchAll(/<blockquote class="wemi-review-comment"[^>]*>([\s\S]*?)<\/blockquote>/g)].map((m) => text(m[1]!));
    const jsonLd = (html: string) => JSON.parse(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1]!) as Record<string, any>;
    const avgOf = async (where: string, param: string) =>
      t.db.one<{ avg: number; n: number }>(`select round(avg(r.overall), 2) as avg, count(*)::int as n from review r join service s on s.id = r.service_id where ${where}`, [param]);

    beforeAll(async () => {
      const org = await insertOrg(t.db, { slug: 'ente-recensioni-prova', name: 'Ente Recensioni Prova' });
      ente = { id: org.id, slug: 'ente-recensioni-prova' };
      cardA = { id: await insertMinimalService(t.db, { orgId: org.id, typeId: service.service_type_id, slug: 'recensioni-prova-alfa', name: 'Recensioni Prova Alfa' }), slug: 'recensioni-prova-alfa' };
      cardB = { id: await insertMinimalService(t.db, { orgId: org.id, typeId: service.service_type_id, slug: 'recensioni-prova-beta', name: 'Recensioni Prova Beta' }), slug: 'recensioni-prova-beta' };
      draftId = await insertMinimalService(t.db, { orgId: org.id, typeId: service.service_type_id, slug: 'recensioni-prova-bozza', name: 'Recensioni Prova Bozza', status: 'draft' });
      // Card A: 7 published comments written 2…8 days ago (comment n is n+1 days old), one pending, one rejected, two without comment.
      await insertReviews(t.db, cardA.id, [
        ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ overall: 1 + (n % 5), comment: comment(n), daysAgo: n + 1, reply: n === 1 ? 'Grazie della fiducia, a presto.' : null })),
        { overall: 1, comment: 'Commento in attesa di moderazione.', status: 'pending' as const, daysAgo: 0 },
        { overall: 2, comment: 'Commento rifiutato dal Comune.', status: 'rejected' as const, daysAgo: 1 },
        { overall: 5, daysAgo: 3 },
        { overall: 4, daysAgo: 4, citizenId: null },
      ]);
      // Card B: the newest comment of the ente, with markup in it and a reply; an older one by a deleted account.
      await insertReviews(t.db, cardB.id, [
        { overall: 5, comment: HOSTILE, daysAgo: 0, reply: 'Risposta <i>dell’ente</i>' },
        { overall: 3, comment: 'Commento di un account cancellato.', daysAgo: 20, citizenId: null },
      ]);
      // A card not public: its comment and rating count nowhere on the public side.
      await insertReviews(t.db, draftId, [{ overall: 1, comment: 'Commento di una scheda in bozza.', daysAgo: 0 }]);
    });

    it('lists only the published comments of the card, newest first, five per page, with working page links', async () => {
      const first = await get(`/servizi/${cardA.slug}`);
      expect(first.statusCode).toBe(200);
      expect(listed(first.body)).toEqual([1, 2, 3, 4, 5].map(comment));
      expect(first.body).toContain(`href="/servizi/${cardA.slug}?recensioni_pagina=2#recensioni"`);
      expect(first.body).toMatch(/<h3 class="h5" id="recensioni">Recensioni<\/h3>/);
      expect(text(first.body)).toContain('Commenti da 1 a 5 di 7, dal più recente.');
      expect(text(first.body)).toContain('Grazie della fiducia, a presto.');
      const second = await get(`/servizi/${cardA.slug}?recensioni_pagina=2`);
      expect(second.statusCode).toBe(200);
      expect(listed(second.body)).toEqual([6, 7].map(comment));
      expect(second.body).toContain(`href="/servizi/${cardA.slug}#recensioni"`);
      for (const html of [first.body, second.body]) {
        expect(html).not.toContain('Commento in attesa di moderazione.');
        expect(html).not.toContain('Commento rifiutato dal Comune.');
        expect(html).not.toContain('Commento di una scheda in bozza.');
        expect(text(html)).toContain('T. C.');
        expect(html).not.toContain('Citizen');
      }
      // A page past the last shows the last; a page that is not a number is refused.
      expect(listed((await get(`/servizi/${cardA.slug}?recensioni_pagina=99`)).body)).toEqual([6, 7].map(comment));
      for (const bad of ['0', 'abc', '-1', '1.5']) expect((await get(`/servizi/${cardA.slug}?recensioni_pagina=${bad}`)).statusCode, bad).toBe(400);
      expect((await get(`/servizi/${cardA.slug}?recensioni_pagina=`)).statusCode).toBe(200);
    });

    it('shows the same rating on the card page, its API, the search, the ente page and the ente API', async () => {
      const a = await avgOf('r.service_id = $1', cardA.id);
      const b = await avgOf('r.service_id = $1', cardB.id);
      const e = await avgOf(`s.organization_id = $1 and s.status = 'published'`, ente.id);
      expect(a.n).toBe(11);
      expect(e.n).toBe(a.n + b.n);
      const it1 = (v: number) => new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 }).format(Math.round(v * 10) / 10);
      expect(text((await get(`/servizi/${cardA.slug}`)).body)).toContain(`Valutazione media: ${it1(a.avg)} su 5 (11 recensioni)`);
      expect((await get(`/api/v1/services/${cardA.slug}`)).json().rating).toEqual({ average: a.avg, count: 11 });
      // The search (its index reads the cards' copy of their ratings): every public card, by name.
      const found: { items: { slug: string; rating: unknown }[] } = { items: [] };
      for (let p = 1, pages = 1; p <= pages; p++) {
        const body = (await get(`/api/v1/services?ordina=nome&per_pagina=100&pagina=${p}`)).json() as { pages: number; items: { slug: string; rating: unknown }[] };
        pages = body.pages;
        found.items.push(...body.items);
      }
      expect(found.items.find((i) => i.slug === cardA.slug)?.rating).toEqual({ average: a.avg, count: 11 });
      expect(found.items.find((i) => i.slug === cardB.slug)?.rating).toEqual({ average: b.avg, count: 2 });
      const page = await get(`/enti/${ente.slug}`);
      expect(page.statusCode).toBe(200);
      expect(text(page.body)).toContain(`${it1(e.avg)} su 5 (${e.n} recensioni)`);
      expect(text(page.body)).not.toContain('Ancora nessuna recensione');
      expect((await get(`/api/v1/organizations/${ente.slug}`)).json().rating).toEqual({ average: e.avg, count: e.n });
    });

    it('lists the ente’s published comments of all its public cards, newest first, naming the card', async () => {
      const first = await get(`/enti/${ente.slug}`);
      expect(listed(first.body)).toEqual([HOSTILE, ...[1, 2, 3, 4].map(comment)]);
      expect(first.body).toContain(`<a href="/servizi/${cardB.slug}">Recensioni Prova Beta</a>`);
      expect(first.body).toContain('<a href="#recensioni-ente"');
      expect(first.body).toContain(`href="/enti/${ente.slug}?recensioni_pagina=2#recensioni"`);
      const second = await get(`/enti/${ente.slug}?recensioni_pagina=2`);
      expect(listed(second.body)).toEqual([5, 6, 7].map(comment).concat('Commento di un account cancellato.'));
      expect(text(second.body)).toContain('Cittadino/a');
      for (const html of [first.body, second.body]) {
        expect(html).not.toContain('Commento in attesa di moderazione.');
        expect(html).not.toContain('Commento rifiutato dal Comune.');
        expect(html).not.toContain('Commento di una scheda in bozza.');
      }
      expect((await get(`/enti/${ente.slug}?recensioni_pagina=x`)).statusCode).toBe(400);
    });

    it('escapes the markup of a comment and of a reply, on the page and in the JSON-LD', async () => {
      const res = await get(`/servizi/${cardB.slug}`);
      expect(res.body).not.toContain('<script>alert');
      expect(res.body).not.toContain('<b>consigliato');
      expect(res.body).toContain(esc(HOSTILE).replace(/&quot;/g, '"').replace(/"/g, '&quot;'));
      expect(res.body).toContain(esc('Risposta <i>dell’ente</i>'));
      const data = jsonLd(res.body);
      expect(data.review[0].reviewBody).toBe(HOSTILE);
      expect(res.body).toContain('\\u003cscript\\u003e');
    });

    it('describes the rating and the newest comments in the JSON-LD (aggregateRating, review)', async () => {
      const a = await avgOf('r.service_id = $1', cardA.id);
      const data = jsonLd((await get(`/servizi/${cardA.slug}`)).body);
      expect(data.aggregateRating).toEqual({ '@type': 'AggregateRating', ratingValue: Math.round(a.avg * 10) / 10, ratingCount: 11, bestRating: 5, worstRating: 1 });
      expect(data.review).toHaveLength(3);
      expect(data.review[0]).toMatchObject({ '@type': 'Review', author: { '@type': 'Person', name: 'T. C.' }, reviewBody: comment(1), reviewRating: { ratingValue: 2 } });
      // A card without reviews has no rating in its JSON-LD, and says so on its page.
      await insertMinimalService(t.db, { orgId: ente.id, typeId: service.service_type_id, slug: 'recensioni-prova-gamma', name: 'Recensioni Prova Gamma' });
      const none = await get('/servizi/recensioni-prova-gamma');
      expect(jsonLd(none.body)).not.toHaveProperty('aggregateRating');
      expect(jsonLd(none.body)).not.toHaveProperty('review');
      expect(text(none.body)).toContain('Valutazione media: ancora nessuna recensione');
      expect(text(none.body)).toContain('Non ci sono ancora commenti pubblicati su questo servizio.');
    });

    it('has English texts', async () => {
      const res = await get(`/servizi/${cardA.slug}?lang=en`);
      expect(text(res.body)).toContain('Comments 1 to 5 of 7, newest first.');
      expect(text((await get(`/enti/${ente.slug}?lang=en`)).body)).toContain('Reviews');
    });
  });
});

describe('demo reviews: every rating has reviews behind it', () => {
  it('seeds reviews for the rated demo cards, and reconciles a database seeded with drawn ratings', async () => {
    const { db, close } = await createTestDb();
    try {
      const stale = `select count(*)::int as n from service s
        where s.rating_avg is distinct from (select round(avg(r.overall), 2) from review r where r.service_id = s.id)
           or s.rating_count <> (select count(*) from review r where r.service_id = s.id)`;
      const published = `select count(*)::int as n from review where comment_status = 'published'`;
      expect((await db.one<{ n: number }>(stale)).n).toBe(0);
      expect((await db.one<{ n: number }>(published)).n).toBeGreaterThan(100);
      expect((await db.one<{ n: number }>(`select count(*)::int as n from review where comment_status in ('pending', 'rejected')`)).n).toBe(0);
      // As a database seeded before: drawn ratings on the cards, no review behind them.
      await db.query(`delete from service_request where reference like 'RIC-DEMO-%'`);
      expect((await db.one<{ n: number }>('select count(*)::int as n from review')).n).toBe(0);
      await db.query(`update service set rating_avg = 4.2, rating_count = 30 where id in (select id from public_service order by slug limit 40)`);
      await seedDemoData(db);
      expect((await db.one<{ n: number }>(stale)).n).toBe(0);
      expect((await db.one<{ n: number }>(published)).n).toBeGreaterThan(0);
      // A copy that drifted is corrected at the next start, and nothing else changes.
      const before = (await db.one<{ n: number }>('select count(*)::int as n from review')).n;
      await db.query(`update service set rating_avg = 5, rating_count = 999 where id = (select id from public_service order by slug limit 1)`);
      await seedDemoData(db);
      expect((await db.one<{ n: number }>(stale)).n).toBe(0);
      expect((await db.one<{ n: number }>('select count(*)::int as n from review')).n).toBe(before);
    } finally {
      await close();
    }
  }, 180_000);
});
