import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { declaredRoutes } from '../../src/lib/http/access';
import { createTestApp, type TestApp } from '../support/app';
import { actingAs, createTestUser } from '../support/accounts';
import { pdf } from '../support/fixtures';
import { form, multipart, type Auth } from '../support/http';

// Another ente's addresses reveal nothing: for an ente administrator of A, every route of the ente back office
// (/gestione-ente/:enteId/…, enumerated from the application's own route table) answers another ente's id, and
// another ente's card, revision, request, file, message, site, operator or review inside A's own addresses,
// exactly as an id that names nothing: the same status (404) and the same page.

/** Routes whose POST carries files (sent as multipart, as their forms are; every other POST is URL-encoded). */
const UPLOAD_ROUTES = [/\/scheda-ente\/logo$/, /\/documenti\/:kind$/, /\/offerta$/, /\/messaggi$/];

/** The ids an ente's back office names in its addresses, by route parameter. */
type Ids = Record<'serviceId' | 'revisionId' | 'enteRequestId' | 'fileId' | 'messageId' | 'siteId' | 'userId' | 'reviewId', string>;
const ID_PARAMS = ['serviceId', 'revisionId', 'enteRequestId', 'fileId', 'messageId', 'siteId', 'userId', 'reviewId'] as const;

describe('ente back office: another ente’s ids answer as ids that do not exist (404)', () => {
  let t: TestApp;
  let adminA: Auth;
  let enteA: string;
  let enteB: string;
  let idsA: Ids;
  let idsB: Ids;
  let routes: { method: 'GET' | 'POST'; url: string }[];
  let counter = 0;

  /** Everything of one ente an address can name: a card and its revision, a request with an attachment, a message with a file, a site, an operator, a published review. */
  async function idsOf(card: { id: string; organization_id: string; service_type_id: string }, citizenId: string): Promise<Ids> {
    counter++;
    const org = card.organization_id;
    const revision = await t.db.one<{ id: string }>(
      `insert into service_revision (service_id, number, status, data)
       values ($1, (select coalesce(max(number), 0) + 1 from service_revision where service_id = $1), 'draft', '{}'::jsonb) returning id`,
      [card.id],
    );
    const req = await t.db.one<{ id: string }>(
      `insert into service_request (reference, citizen_id, service_type_id, status, step, sent_at, period_from, period_to)
       values ($1, $2, $3, 'sent', 5, now(), current_date, current_date + 30) returning id`,
      [`RIC-2026-S${String(counter).padStart(5, '0')}-${randomUUID().slice(0, 4)}`, citizenId, card.service_type_id],
    );
    const file = async (label: string) => {
      const data = pdf(label);
      return (
        await t.db.one<{ id: string }>(
          `insert into stored_file (sha256, content_type, size_bytes, original_name, data, uploaded_by) values ($1, 'application/pdf', $2, 'allegato.pdf', $3, $4) returning id`,
          [createHash('sha256').update(data).digest('hex'), data.length, data, citizenId],
        )
      ).id;
    };
    const attachment = await file(`allegato ${org}`);
    await t.db.query('insert into service_request_attachment (request_id, file_id) values ($1, $2)', [req.id, attachment]);
    const er = await t.db.one<{ id: string }>(`insert into ente_request (request_id, service_id, organization_id) values ($1, $2, $3) returning id`, [req.id, card.id, org]);
    const message = await t.db.one<{ id: string }>(
      `insert into request_message (ente_request_id, author_id, author_side, body, file_id) values ($1, $2, 'citizen', 'Ecco il documento', $3) returning id`,
      [er.id, citizenId, await file(`messaggio ${org}`)],
    );
    const site =
      (await t.db.maybeOne<{ id: string }>(`select id from location where organization_id = $1 and kind = 'ente_site' order by name limit 1`, [org])) ??
      (await t.db.one<{ id: string }>(`insert into location (organization_id, kind, name, address) values ($1, 'ente_site', 'Sede di prova', 'Via Prova 1') returning id`, [org]));
    const operator = await createTestUser(t.db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: org }] });
    const review = await t.db.one<{ id: string }>(
      `insert into review (ente_request_id, service_id, organization_id, citizen_id, overall, punctuality, speed, professionalism, comment, comment_status)
       values ($1, $2, $3, $4, 5, 5, 5, 5, 'Molto bene', 'published') returning id`,
      [er.id, card.id, org, citizenId],
    );
    return { serviceId: card.id, revisionId: revision.id, enteRequestId: er.id, fileId: attachment, messageId: message.id, siteId: site.id, userId: operator.id, reviewId: review.id };
  }

  beforeAll(async () => {
    t = await createTestApp();
    const cards = await t.db.query<{ id: string; organization_id: string; service_type_id: string }>(
      `select distinct on (s.organization_id) s.id, s.organization_id, s.service_type_id
         from service s join organization o on o.id = s.organization_id
        where s.status = 'published' and o.status = 'active'
        order by s.organization_id, s.id limit 2`,
    );
    expect(cards).toHaveLength(2);
    const [cardA, cardB] = cards as [(typeof cards)[0], (typeof cards)[0]];
    enteA = cardA.organization_id;
    enteB = cardB.organization_id;
    const citizen = await createTestUser(t.db, { kind: 'citizen' });
    idsA = await idsOf(cardA, citizen.id);
    idsB = await idsOf(cardB, citizen.id);
    const admin = await createTestUser(t.db, { kind: 'ente', roles: [{ role: 'ente_admin', organizationId: enteA }] });
    adminA = await actingAs(t.app, t.db, admin.id);
    routes = declaredRoutes
      .get(t.app)!
      .filter((r) => r.url.startsWith('/gestione-ente/:enteId') && (r.method === 'GET' || r.method === 'POST'))
      .map((r) => ({ method: r.method as 'GET' | 'POST', url: r.url }));
  });
  afterAll(async () => t?.close());

  /** The route's address with the ente and ids given (the document kind is always a real kind). */
  const fill = (url: string, enteId: string, ids: Ids) =>
    url.replace(/:enteId/g, enteId).replace(/:kind/g, 'privacy').replace(/:([a-zA-Z]+)/g, (_, name: string) => {
      const v = ids[name as keyof Ids];
      if (!v) throw new Error(`no value for :${name} in ${url}`);
      return v;
    });
  const paramsOf = (url: string) => ID_PARAMS.filter((p) => url.includes(`:${p}`));

  async function call(method: 'GET' | 'POST', url: string, pattern: string, accept: 'text/html' | 'application/json'): Promise<LightMyRequestResponse> {
    const headers = { cookie: adminA.cookie, accept };
    if (method === 'GET') return t.app.inject({ method, url, headers });
    if (UPLOAD_ROUTES.some((r) => r.test(pattern))) {
      const body = await multipart({ _csrf: adminA.token, testo: 'x', prezzo: '10' });
      // Uploads carry the token in the header too: it is checked before any part of the body is read.
      return t.app.inject({ method, url, headers: { ...headers, 'content-type': body.contentType, 'x-csrf-token': adminA.token }, payload: body.payload });
    }
    return t.app.inject({ method, url, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: adminA.token, nome: 'x' }) });
  }

  /** A body with every id of the test and the per-request tokens taken out: what is left is its shape. */
  const shape = (body: string) => {
    let s = body;
    for (const id of [enteA, enteB, ...Object.values(idsA), ...Object.values(idsB)]) s = s.split(id).join('<id>');
    return s
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
      .replace(/(name="_csrf" value=")[^"]*/g, '$1')
      .replace(/(name="csrf-token" content=")[^"]*/g, '$1');
  };

  /** The same status and the same body (HTML page and JSON error), the status being 404. */
  async function expectAlike(method: 'GET' | 'POST', pattern: string, foreign: string, nowhere: string, wrong: string[]) {
    for (const accept of ['text/html', 'application/json'] as const) {
      const a = await call(method, foreign, pattern, accept);
      const b = await call(method, nowhere, pattern, accept);
      const label = `${method} ${pattern} (${accept}) ${foreign}`;
      if (a.statusCode !== 404 || b.statusCode !== 404) wrong.push(`${label}: ${a.statusCode} for another ente's id, ${b.statusCode} for an id that names nothing`);
      else if (shape(a.body) !== shape(b.body)) wrong.push(`${label}: the bodies differ`);
    }
  }

  it('covers every kind of ente address', () => {
    const kinds = new Set(routes.flatMap((r) => paramsOf(r.url)));
    expect([...kinds].sort()).toEqual([...ID_PARAMS].sort());
    expect(routes.length).toBeGreaterThan(40);
  });

  it('another ente’s id in /gestione-ente/<ente>/… answers as an ente that does not exist', async () => {
    const wrong: string[] = [];
    const nowhereIds = Object.fromEntries(ID_PARAMS.map((p) => [p, randomUUID()])) as Ids;
    for (const r of routes) await expectAlike(r.method, r.url, fill(r.url, enteB, idsB), fill(r.url, randomUUID(), nowhereIds), wrong);
    expect(wrong).toEqual([]);
  });

  it('another ente’s card, revision, request, file, message, site, operator or review inside the ente’s own addresses answers as one that does not exist', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const r of routes) {
      for (const p of paramsOf(r.url)) {
        checked++;
        await expectAlike(r.method, r.url, fill(r.url, enteA, { ...idsA, [p]: idsB[p] }), fill(r.url, enteA, { ...idsA, [p]: randomUUID() }), wrong);
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(wrong).toEqual([]);
  });

  it('still serves the ente’s own pages (the ids above are real)', async () => {
    const own = [
      `/gestione-ente/${enteA}`,
      `/gestione-ente/${enteA}/schede/${idsA.serviceId}`,
      `/gestione-ente/${enteA}/schede/${idsA.serviceId}/revisioni/${idsA.revisionId}/modifica`,
      `/gestione-ente/${enteA}/richieste/${idsA.enteRequestId}`,
      `/gestione-ente/${enteA}/richieste/${idsA.enteRequestId}/file/${idsA.fileId}`,
      `/gestione-ente/${enteA}/richieste/${idsA.enteRequestId}/messaggi/${idsA.messageId}/allegato`,
      `/gestione-ente/${enteA}/sedi/${idsA.siteId}`,
      `/gestione-ente/${enteA}/operatori/${idsA.userId}/rimuovi`,
      `/gestione-ente/${enteA}/recensioni/${idsA.reviewId}/risposta`,
    ];
    for (const url of own) expect((await t.app.inject({ method: 'GET', url, headers: { cookie: adminA.cookie } })).statusCode, url).toBe(200);
  });
});
