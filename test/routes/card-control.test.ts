import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openDatabase, type Db } from '../../src/db/database';
import { cardsOfType, publishedCardBySlug } from '../../src/features/requests/requests-citizen.repository';
import { buildAssets } from '../../src/web/assets';
import { cityPaths, entePaths } from '../../src/web/paths';
import { createTestDb } from '../support/app';
import { actingAs, createTestUser, type TestUser } from '../support/accounts';
import { auditRows } from '../support/audit';
import { esc, text } from '../support/html';
import { getPage, postForm, type Auth } from '../support/http';
import { queuedMail } from '../support/outbox';

// Card-level control: the City suspends, withdraws and reactivates a single card (reason required, e-mail to the
// ente's people, audit); the ente takes its own published card offline and back (reason optional). A card out of
// the catalogue leaves the search, the API, HSDS, the ente page and the comparison at once — on this node and on
// a second node of the same database — and its public URL answers 410; requests already sent continue.

interface Card {
  id: string;
  slug: string;
  name: string;
  service_type_id: string;
  type_slug: string;
  offer_type: string;
}

describe('card-level control', () => {
  let db: Db;
  let second: Db;
  let app: FastifyInstance;
  let app2: FastifyInstance;
  let close: () => Promise<void>;
  let enteA: { id: string; slug: string; name: string };
  let enteB: { id: string };
  let cardX: Card; // the City's card: suspended, reactivated, withdrawn
  let cardY: Card; // the ente's card: offline and back
  let cardZ: Card; // a paid card: offline, then its price lists stop covering today
  let cardB: Card; // another ente's card
  let adminA: TestUser;
  let operatorA: TestUser;
  let adminB: TestUser;
  let city: TestUser;
  let contentEditor: TestUser;
  let citizen: TestUser;
  const auth = new Map<TestUser, Auth>();

  const CARD_SELECT = `select s.id, s.slug, s.name, s.service_type_id, st.slug as type_slug, s.offer_type
      from service s join taxonomy_term st on st.id = s.service_type_id`;

  beforeAll(async () => {
    const created = await createTestDb();
    ({ db, close } = created);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const assets = await buildAssets();
    app = await buildApp({ config, db, assets });
    await app.ready();
    // A second app node on the same database: on PostgreSQL its own connection pool (it hears changes only
    // through NOTIFY); on PGlite the same engine.
    second = created.url ? await openDatabase({ databaseUrl: created.url, dataDir: null, poolSize: 2 }) : db;
    app2 = await buildApp({ config, db: second, assets });
    await app2.ready();

    // Ente A: an active ente with three published cards (one of them paid, with a price list valid today).
    const covered = `(s.offer_type <> 'paid' or exists (select 1 from price_list pl where pl.service_id = s.id and pl.valid_from <= current_date and (pl.valid_to is null or pl.valid_to >= current_date)))`;
    enteA = await db.one(
      `select o.id, o.slug, o.name from organization o where o.status = 'active'
          and (select count(*) from service s where s.organization_id = o.id and s.status = 'published' and ${covered}) >= 3
          and exists (select 1 from service s where s.organization_id = o.id and s.status = 'published' and s.offer_type = 'paid' and ${covered})
        order by o.slug limit 1`,
    );
    const cards = await db.query<Card>(`${CARD_SELECT} where s.organization_id = $1 and s.status = 'published' and ${covered} order by (s.offer_type = 'paid'), s.slug`, [enteA.id]);
    cardZ = cards.find((c) => c.offer_type === 'paid')!;
    const others = cards.filter((c) => c.id !== cardZ.id);
    expect(others.length).toBeGreaterThanOrEqual(2);
    [cardX, cardY] = [others[0]!, others[1]!];
    enteB = await db.one(`select o.id from organization o where o.status = 'active' and o.id <> $1 and exists (select 1 from service s where s.organization_id = o.id and s.status = 'published') order by o.slug limit 1`, [enteA.id]);
    cardB = await db.one<Card>(`${CARD_SELECT} where s.organization_id = $1 and s.status = 'published' order by s.slug limit 1`, [enteB.id]);

    adminA = await createTestUser(db, { kind: 'ente', givenName: 'Adele', familyName: 'Amministra', roles: [{ role: 'ente_admin', organizationId: enteA.id }] });
    operatorA = await createTestUser(db, { kind: 'ente', givenName: 'Ottavio', familyName: 'Opera', roles: [{ role: 'ente_operator', organizationId: enteA.id }] });
    adminB = await createTestUser(db, { kind: 'ente', givenName: 'Bianca', familyName: 'Altroente', roles: [{ role: 'ente_admin', organizationId: enteB.id }] });
    city = await createTestUser(db, { kind: 'staff', givenName: 'Cesare', familyName: 'Comune', roles: [{ role: 'city', permission: 'enti' }] });
    contentEditor = await createTestUser(db, { kind: 'staff', givenName: 'Carla', familyName: 'Contenuti', roles: [{ role: 'city', permission: 'content' }] });
    citizen = await createTestUser(db, { kind: 'citizen', givenName: 'Cinzia', familyName: 'Cittadina' });
    for (const u of [adminA, operatorA, adminB, city, contentEditor, citizen]) auth.set(u, await actingAs(app, db, u.id));
  }, 120_000);
  afterAll(async () => {
    await app2?.close();
    await app?.close();
    if (second && second !== db) await second.close();
    await close?.();
  });

  const as = (u: TestUser) => auth.get(u)!;
  const get = (url: string, who?: TestUser, node = app) => getPage(node, url, who ? as(who) : undefined);
  const post = (url: string, fields: Record<string, string>, who: TestUser) => postForm(app, url, fields, as(who));
  const statusOf = async (c: Card) => (await db.one<{ status: string }>('select status from service where id = $1', [c.id])).status;
  const cityAction = (c: Card, a: 'suspend' | 'withdraw' | 'reactivate') => cityPaths.cardAction(c.id, a);

  /** Where the card shows up for the public, asked of one app node. */
  async function visibility(c: Card, node = app) {
    const search = (await get(`/api/v1/services?tipo=${c.type_slug}&per_pagina=100`, undefined, node)).json() as { items: { slug: string }[] };
    const html = await get(`/servizi?tipo=${c.type_slug}`, undefined, node);
    return {
      page: (await get(`/servizi/${c.slug}`, undefined, node)).statusCode,
      api: (await get(`/api/v1/services/${c.slug}`, undefined, node)).statusCode,
      hsds: (await get(`/api/hsds/services/${c.id}`, undefined, node)).statusCode,
      searchApi: search.items.some((i) => i.slug === c.slug),
      searchPage: html.body.includes(`href="/servizi/${c.slug}"`),
      entePage: (await get(`/enti/${enteA.slug}`, undefined, node)).body.includes(`href="/servizi/${c.slug}"`),
      comparison: (await cardsOfType(node === app ? db : second, c.service_type_id)).some((x) => x.id === c.id) && (await publishedCardBySlug(node === app ? db : second, c.slug)) !== undefined,
    };
  }
  const PUBLIC = { page: 200, api: 200, hsds: 200, searchApi: true, searchPage: true, entePage: true, comparison: true };
  const HIDDEN = { page: 410, api: 404, hsds: 404, searchApi: false, searchPage: false, entePage: false, comparison: false };

  async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
    let last: T | undefined;
    for (let i = 0; i < 100; i++) {
      last = await read();
      if (JSON.stringify(last) === JSON.stringify(expected)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(last).toEqual(expected);
  }

  describe('the City suspends a card', () => {
    let requestId: string;
    let enteRequestId: string;

    beforeAll(async () => {
      // A request a citizen already sent to the card.
      const municipio = await db.one<{ id: string }>(`select t.id from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = 'municipio' order by t.position limit 1`);
      const req = await db.one<{ id: string }>(
        `insert into service_request (reference, citizen_id, service_type_id, status, step, for_whom, needs, municipio_id, address, people, units, sent_at)
         values ('RIC-CTRL-000001', $1, $2, 'sent', 5, 'self', 'Aiuto in casa', $3, 'Via Roma 1', 1, 3, now()) returning id`,
        [citizen.id, cardX.service_type_id, municipio.id],
      );
      requestId = req.id;
      enteRequestId = (await db.one<{ id: string }>(`insert into ente_request (request_id, service_id, organization_id) values ($1, $2, $3) returning id`, [req.id, cardX.id, enteA.id])).id;
    });

    it('shows the card to the City with its state and the actions it allows', async () => {
      const res = await get(cityPaths.card(cardX.id), city);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('data-card-status="published"');
      expect(res.body).toContain(`href="${cityPaths.cardAction(cardX.id, 'suspend')}"`);
      expect(res.body).toContain(`href="${cityPaths.cardAction(cardX.id, 'withdraw')}"`);
      expect(res.body).not.toContain(`href="${cityPaths.cardAction(cardX.id, 'reactivate')}"`);
      expect(text(res.body)).toContain('1 (continuano qualunque sia lo stato della scheda)');
      // The cards list links to it.
      expect((await get(`${cityPaths.cards()}?ente=${enteA.id}`, city)).body).toContain(`href="${cityPaths.card(cardX.id)}"`);
    });

    it('is public before, on both nodes (their caches warm)', async () => {
      expect(await visibility(cardX)).toEqual(PUBLIC);
      expect(await visibility(cardX, app2)).toEqual(PUBLIC);
    });

    it('asks for the reason on a confirmation page, and refuses the form without one (400, nothing changes)', async () => {
      const page = await get(cityAction(cardX, 'suspend'), city);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<form method="post" action="${cityAction(cardX, 'suspend')}"`);
      expect(page.body).toMatch(/<textarea[^>]*name="motivo"[^>]*required/);
      const res = await post(cityAction(cardX, 'suspend'), { motivo: '   ' }, city);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="error-summary"');
      expect(text(res.body)).toContain('Scrivi il motivo');
      const long = await post(cityAction(cardX, 'suspend'), { motivo: 'x'.repeat(1001) }, city);
      expect(long.statusCode).toBe(400);
      expect(await statusOf(cardX)).toBe('published');
    });

    it('suspends it: out of the catalogue everywhere at once, e-mail to the ente’s people, audit and history', async () => {
      const reason = 'Prezzi non corrispondenti al listino depositato <verifica>';
      const res = await post(cityAction(cardX, 'suspend'), { motivo: reason }, city);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${cityPaths.card(cardX.id)}?esito=sospesa`);
      expect(await statusOf(cardX)).toBe('suspended');

      expect(await visibility(cardX)).toEqual(HIDDEN);
      // The other node drops its caches too (NOTIFY).
      await eventually(() => visibility(cardX, app2), HIDDEN);

      const gone = await get(`/servizi/${cardX.slug}`);
      expect(gone.statusCode).toBe(410);
      expect(text(gone.body)).toContain('Questo servizio non è al momento nel catalogo WeMi.');
      expect(text(gone.body)).toContain('La tua richiesta continua');
      expect(gone.body).toContain('href="/area-personale/richieste"');
      expect(gone.body).not.toContain('Prezzi non corrispondenti');

      for (const u of [adminA, operatorA]) {
        const mails = await queuedMail(db, u.email, { subjectContains: 'Scheda sospesa dal Comune' });
        expect(mails, u.email).toHaveLength(1);
        expect(mails[0]!.subject).toContain(cardX.name);
        expect(mails[0]!.text_body).toContain(reason);
        expect(mails[0]!.text_body).toContain(entePaths.serviceCard(enteA.id, cardX.id));
      }
      expect(await queuedMail(db, adminB.email)).toHaveLength(0);

      const audit = await auditRows(db, { action: 'cards.control.suspend', targetId: cardX.id });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_id: city.id, target_type: 'service', details: { from: 'published', to: 'suspended', reason, mailed: 2, openRequests: 1 } });

      const page = await get(`${cityPaths.card(cardX.id)}?esito=sospesa`, city);
      expect(text(page.body)).toContain('Scheda sospesa');
      expect(page.body).toContain(esc(reason));
      expect(page.body).toContain('data-control="suspend"');
      // The list filters by the state.
      const list = await get(`${cityPaths.cards()}?ente=${enteA.id}&stato=suspended`, city);
      expect(list.body).toContain(`data-card="${cardX.slug}" data-status="suspended"`);
      expect(list.body).not.toContain(`data-card="${cardY.slug}"`);
    });

    it('shows the ente the state and the City’s reason, and the ente cannot put it back online', async () => {
      for (const u of [adminA, operatorA]) {
        const card = await get(entePaths.serviceCard(enteA.id, cardX.id), u);
        expect(card.statusCode).toBe(200);
        expect(card.body).toContain('data-element="city-hold"');
        expect(text(card.body)).toContain('Prezzi non corrispondenti al listino depositato <verifica>');
        expect(text(card.body)).toContain('Solo il Comune può riattivarla');
        expect(card.body).not.toContain(`href="${entePaths.serviceCardOnline(enteA.id, cardX.id)}"`);
        const list = await get(entePaths.serviceCards(enteA.id), u);
        expect(text(list.body)).toContain('Sospesa dal Comune');
        expect(text(list.body)).toContain('Motivo del Comune: Prezzi non corrispondenti');
      }
      for (const url of [entePaths.serviceCardOnline(enteA.id, cardX.id), entePaths.serviceCardOffline(enteA.id, cardX.id)]) {
        const res = await post(url, {}, adminA);
        expect(res.statusCode, url).toBe(409);
        expect(text(res.body)).toContain('solo il Comune può riattivarla');
      }
      expect(await statusOf(cardX)).toBe('suspended');
    });

    it('lets requests already sent continue: the ente takes the request in charge, the citizen sees it', async () => {
      const take = await post(`/gestione-ente/${enteA.id}/richieste/${enteRequestId}/prendi-in-carico`, {}, adminA);
      expect(take.statusCode, take.body.slice(0, 500)).toBe(303);
      expect((await db.one<{ status: string }>('select status from ente_request where id = $1', [enteRequestId])).status).toBe('taken');
      expect((await get(`/richieste/${requestId}`, citizen)).statusCode).toBe(200);
    });

    it('refuses moves the state does not allow (409) and other people (403)', async () => {
      const again = await post(cityAction(cardX, 'suspend'), { motivo: 'Ancora' }, city);
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('data-element="control-refused"');
      for (const u of [contentEditor, citizen, adminA]) {
        expect((await post(cityAction(cardX, 'reactivate'), { motivo: 'Prova' }, u)).statusCode, u.email).toBe(403);
        expect((await get(cityPaths.card(cardX.id), u)).statusCode, u.email).toBe(403);
      }
      expect((await get(cityPaths.card('00000000-0000-4000-8000-000000000000'), city)).statusCode).toBe(404);
      expect((await get(cityPaths.cardAction('non-un-id', 'suspend'), city)).statusCode).toBe(404);
      expect(await statusOf(cardX)).toBe('suspended');
    });

    it('reactivates it (reason required): public again, the ente told', async () => {
      const page = await get(cityAction(cardX, 'reactivate'), city);
      expect(text(page.body)).toContain('La scheda torna pubblica subito');
      const res = await post(cityAction(cardX, 'reactivate'), { motivo: 'Listino corretto' }, city);
      expect(res.statusCode).toBe(303);
      expect(await statusOf(cardX)).toBe('published');
      expect(await visibility(cardX)).toEqual(PUBLIC);
      await eventually(() => visibility(cardX, app2), PUBLIC);
      const mails = await queuedMail(db, operatorA.email, { subjectContains: 'Scheda riattivata dal Comune' });
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text_body).toContain('Listino corretto');
      expect(mails[0]!.text_body).toContain('La scheda è di nuovo online');
      expect((await auditRows(db, { action: 'cards.control.reactivate', targetId: cardX.id }))[0]?.details).toMatchObject({ from: 'suspended', to: 'published' });
    });

    it('withdraws it: gone for the ente for good, reactivatable by the City only', async () => {
      const res = await post(cityAction(cardX, 'withdraw'), { motivo: 'Servizio non più erogato' }, city);
      expect(res.statusCode).toBe(303);
      expect(await statusOf(cardX)).toBe('archived');
      expect(await visibility(cardX)).toEqual(HIDDEN);
      expect(await queuedMail(db, adminA.email, { subjectContains: 'Scheda ritirata dal Comune' })).toHaveLength(1);
      const card = await get(entePaths.serviceCard(enteA.id, cardX.id), adminA);
      expect(text(card.body)).toContain('Il Comune ha ritirato la scheda');
      expect(text(card.body)).toContain('Servizio non più erogato');
      expect((await post(entePaths.serviceCardOnline(enteA.id, cardX.id), {}, adminA)).statusCode).toBe(409);
      expect((await post(cityAction(cardX, 'suspend'), { motivo: 'x' }, city)).statusCode).toBe(409);
      expect((await post(cityAction(cardX, 'reactivate'), { motivo: 'Ricorso accolto' }, city)).statusCode).toBe(303);
      expect(await statusOf(cardX)).toBe('published');
    });
  });

  describe('the ente takes its own card offline and back', () => {
    it('operators see the state but cannot switch (403); another ente’s people and cards are refused', async () => {
      const card = await get(entePaths.serviceCard(enteA.id, cardY.id), operatorA);
      expect(card.body).toContain('data-element="card-control"');
      expect(card.body).not.toContain(`href="${entePaths.serviceCardOffline(enteA.id, cardY.id)}"`);
      expect((await post(entePaths.serviceCardOffline(enteA.id, cardY.id), {}, operatorA)).statusCode).toBe(403);
      expect((await get(entePaths.serviceCardOffline(enteA.id, cardY.id), operatorA)).statusCode).toBe(403);
      // Another ente's administrator on ente A's card: refused (not an ente of theirs), in either URL.
      expect([403, 404]).toContain((await post(entePaths.serviceCardOffline(enteA.id, cardY.id), {}, adminB)).statusCode);
      expect((await post(entePaths.serviceCardOffline(enteB.id, cardY.id), {}, adminB)).statusCode).toBe(404);
      // Ente A's administrator on ente B's card: not found.
      expect((await post(entePaths.serviceCardOffline(enteA.id, cardB.id), {}, adminA)).statusCode).toBe(404);
      expect([403, 404]).toContain((await post(entePaths.serviceCardOffline(enteB.id, cardB.id), {}, adminA)).statusCode);
      expect(await statusOf(cardY)).toBe('published');
      expect(await statusOf(cardB)).toBe('published');
    });

    it('takes it offline after a confirmation page (reason optional), with no e-mail', async () => {
      const card = await get(entePaths.serviceCard(enteA.id, cardY.id), adminA);
      expect(card.body).toContain(`href="${entePaths.serviceCardOffline(enteA.id, cardY.id)}"`);
      expect(await visibility(cardY, app2)).toEqual(PUBLIC);
      const page = await get(entePaths.serviceCardOffline(enteA.id, cardY.id), adminA);
      expect(page.statusCode).toBe(200);
      expect(text(page.body)).toContain('Le richieste già ricevute (0) continuano');
      expect(page.body).not.toMatch(/<textarea[^>]*name="motivo"[^>]*required/);
      const before = await db.one<{ n: number }>('select count(*)::int as n from email_outbox');
      const res = await post(entePaths.serviceCardOffline(enteA.id, cardY.id), { motivo: '' }, adminA);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${entePaths.serviceCard(enteA.id, cardY.id)}?esito=offline`);
      expect(await statusOf(cardY)).toBe('offline');
      expect((await db.one<{ n: number }>('select count(*)::int as n from email_outbox')).n).toBe(before.n);
      expect(await visibility(cardY)).toEqual(HIDDEN);
      await eventually(() => visibility(cardY, app2), HIDDEN);
      expect((await auditRows(db, { action: 'cards.control.offline', targetId: cardY.id }))[0]).toMatchObject({ actor_id: adminA.id, details: { from: 'published', to: 'offline', reason: null, mailed: 0 } });
      const after = await get(`${entePaths.serviceCard(enteA.id, cardY.id)}?esito=offline`, adminA);
      expect(text(after.body)).toContain('Scheda messa offline');
      expect(after.body).toContain(`href="${entePaths.serviceCardOnline(enteA.id, cardY.id)}"`);
      // The City sees it offline in its list and may still suspend it.
      expect((await get(`${cityPaths.cards()}?ente=${enteA.id}&stato=offline`, city)).body).toContain(`data-card="${cardY.slug}" data-status="offline"`);
      // Offline twice: refused.
      expect((await post(entePaths.serviceCardOffline(enteA.id, cardY.id), {}, adminA)).statusCode).toBe(409);
    });

    it('a City hold wins over the ente’s choice; reactivation leaves the card offline', async () => {
      expect((await post(cityAction(cardY, 'suspend'), { motivo: 'Verifica in corso' }, city)).statusCode).toBe(303);
      expect((await post(entePaths.serviceCardOnline(enteA.id, cardY.id), {}, adminA)).statusCode).toBe(409);
      const page = await get(cityAction(cardY, 'reactivate'), city);
      expect(text(page.body)).toContain('resterà offline finché l’ente non la rimetterà online');
      expect((await post(cityAction(cardY, 'reactivate'), { motivo: 'Verifica conclusa' }, city)).statusCode).toBe(303);
      expect(await statusOf(cardY)).toBe('offline');
      expect((await queuedMail(db, adminA.email, { subjectContains: `Scheda riattivata dal Comune: ${cardY.name}` }))[0]?.text_body).toContain('resta offline');
    });

    it('puts it back online: public again on both nodes', async () => {
      const page = await get(entePaths.serviceCardOnline(enteA.id, cardY.id), adminA);
      expect(page.statusCode).toBe(200);
      const res = await post(entePaths.serviceCardOnline(enteA.id, cardY.id), {}, adminA);
      expect(res.statusCode).toBe(303);
      expect(await statusOf(cardY)).toBe('published');
      expect(await visibility(cardY)).toEqual(PUBLIC);
      await eventually(() => visibility(cardY, app2), PUBLIC);
      const history = (await get(entePaths.serviceCard(enteA.id, cardY.id), adminA)).body;
      for (const action of ['offline', 'suspend', 'reactivate', 'online']) expect(history, action).toContain(`data-control="${action}"`);
      expect((await post(entePaths.serviceCardOnline(enteA.id, cardY.id), {}, adminA)).statusCode).toBe(409);
    });

    it('keeps a paid card offline while its price lists do not cover today', async () => {
      expect((await post(entePaths.serviceCardOffline(enteA.id, cardZ.id), { motivo: 'Ferie estive' }, adminA)).statusCode).toBe(303);
      await db.query(`update price_list set valid_from = current_date + 30, valid_to = null where service_id = $1`, [cardZ.id]);
      const card = await get(entePaths.serviceCard(enteA.id, cardZ.id), adminA);
      expect(text(card.body)).toContain('Ferie estive');
      expect(text(card.body)).toContain('Il listino prezzi non copre la data di oggi');
      const res = await post(entePaths.serviceCardOnline(enteA.id, cardZ.id), {}, adminA);
      expect(res.statusCode).toBe(409);
      expect(text(res.body)).toContain('Il listino prezzi non copre la data di oggi');
      expect(await statusOf(cardZ)).toBe('offline');
    });
  });
});
