import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/i18n/i18n';
import { createTestApp, type TestApp } from '../support/app';
import { actingAs, createTestUser, type TestUser } from '../support/accounts';
import { auditCount } from '../support/audit';
import { dayInMilan } from '../support/fixtures';
import { decode, text } from '../support/html';
import { expectRedirect, requestsTo, type Auth, type Fields } from '../support/http';
import { queuedMail } from '../support/outbox';

// Issue 10 on the citizens' requests:
// - finding 8: GET /richieste/nuova changed state (a draft made by a cross-site link); now a confirmation page
//   whose form POSTs, with the CSRF token, to create the draft;
// - the ente lost the requested start date when no end date was given ("Periodo: Non indicato");
// - coverage: a request to a card whose Municipi leave out the citizen's was sent with no warning; now the
//   stepper warns (step 4 and the summary), the comparison shows the zone served, and the ente sees the mark.

interface Card {
  id: string;
  slug: string;
  name: string;
  organization_id: string;
  organization_name: string;
}

describe('requests: no state change on GET, the requested period, the zone served', () => {
  let t: TestApp;
  let citizen: TestUser;
  let auth: Auth;
  let cards: Card[];
  let enteA: Auth;
  let enteB: Auth;
  let enteAUser: TestUser;
  const municipio: Record<number, { id: string; slug: string }> = {};

  beforeAll(async () => {
    t = await createTestApp();
    citizen = await createTestUser(t.db, { givenName: 'Lucia' });
    auth = await actingAs(t.app, t.db, citizen.id);
    // Three published cards of one service type, of three different active enti.
    const type = await t.db.one<{ service_type_id: string }>(
      `select s.service_type_id from service s join organization o on o.id = s.organization_id
        where s.status = 'published' and o.status = 'active'
        group by s.service_type_id having count(distinct s.organization_id) >= 3
        order by count(distinct s.organization_id) desc, s.service_type_id limit 1`,
    );
    cards = await t.db.query<Card>(
      `select distinct on (s.organization_id) s.id, s.slug, s.name, s.organization_id, o.name as organization_name
         from service s join organization o on o.id = s.organization_id
        where s.status = 'published' and o.status = 'active' and s.service_type_id = $1 order by s.organization_id, s.slug limit 3`,
      [type.service_type_id],
    );
    expect(cards).toHaveLength(3);
    for (const m of await t.db.query<{ id: string; slug: string; code: string }>(
      `select t.id, t.slug, t.code from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = 'municipio'`,
    )) {
      municipio[Number(m.code.replace(/\D/g, ''))] = { id: m.id, slug: m.slug };
    }
    // The zones: card A covers Municipi 3 and 4, card B Municipio 8 only, card C the whole city.
    const cover = async (card: Card, ns: number[]) => {
      await t.db.query('delete from service_area where service_id = $1', [card.id]);
      for (const n of ns) await t.db.query('insert into service_area (service_id, municipio_id) values ($1, $2)', [card.id, municipio[n]!.id]);
    };
    await cover(cards[0]!, [3, 4]);
    await cover(cards[1]!, [8]);
    await cover(cards[2]!, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    enteAUser = await createTestUser(t.db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: cards[0]!.organization_id }] });
    enteA = await actingAs(t.app, t.db, enteAUser.id);
    const enteBUser = await createTestUser(t.db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: cards[1]!.organization_id }] });
    enteB = await actingAs(t.app, t.db, enteBUser.id);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const { get, post, postMultipart } = requestsTo(() => t.app);
  const drafts = async (userId = citizen.id) =>
    (await t.db.one<{ n: number }>(`select count(*)::int as n from service_request where citizen_id = $1 and status = 'draft'`, [userId])).n;
  const targets = async (requestId: string) => (await t.db.query('select 1 from service_request_target where request_id = $1', [requestId])).length;

  describe('finding 8: starting a request', () => {
    it('GET shows a confirmation page and creates nothing; HEAD neither', async () => {
      const before = await drafts();
      const url = `/richieste/nuova?servizio=${cards[0]!.slug}`;
      const page = await get(url, auth);
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toContain('no-store');
      const body = decode(page.body);
      expect(text(page.body)).toContain(cards[0]!.name);
      expect(text(page.body)).toContain(cards[0]!.organization_name);
      expect(text(page.body)).toContain('Cosa succede ora');
      expect(text(page.body)).toContain('Municipi 3, 4');
      // The form: a POST to /richieste/nuova with the card and the CSRF token.
      const form = /<form method="post" action="\/richieste\/nuova"[^>]*>([\s\S]*?)<\/form>/.exec(body);
      expect(form, 'the confirmation form').not.toBeNull();
      expect(form![1]).toContain(`name="servizio" value="${cards[0]!.slug}"`);
      expect(form![1]).toMatch(/name="_csrf" value="[^"]+"/);
      expect(form![1]).toMatch(/<button type="submit"[^>]*>\s*Inizia la richiesta\s*<\/button>/);
      expect(await drafts()).toBe(before);

      const head = await t.app.inject({ method: 'HEAD', url, headers: { cookie: auth.cookie } });
      expect(head.statusCode).toBe(200);
      expect(await drafts()).toBe(before);
      expect(await auditCount(t.db, { action: 'request.draft', actorId: citizen.id })).toBe(0);
    });

    it('anonymous visitors log in first and come back to the confirmation', async () => {
      const url = `/richieste/nuova?servizio=${cards[0]!.slug}`;
      const res = await get(url);
      expectRedirect(res, `/accedi?ritorno=${encodeURIComponent(url)}`);
      // Back after the login: the confirmation, still nothing created.
      const other = await createTestUser(t.db);
      const otherAuth = await actingAs(t.app, t.db, other.id);
      const back = await get(url, otherAuth);
      expect(back.statusCode).toBe(200);
      expect(decode(back.body)).toContain('Inizia la richiesta');
      expect(await drafts(other.id)).toBe(0);
    });

    it('refuses a POST without the CSRF token, and an unknown or malformed card', async () => {
      const before = await drafts();
      const refused = await post('/richieste/nuova', { servizio: cards[0]!.slug }, auth, false);
      expect(refused.statusCode).toBe(403);
      expect(await drafts()).toBe(before);
      expect((await post('/richieste/nuova', { servizio: 'non-esiste' }, auth)).statusCode).toBe(404);
      const malformed = await post('/richieste/nuova', { servizio: '../<x>' }, auth);
      expect(malformed.statusCode).toBe(400);
      expect(malformed.body).toContain('error-summary');
      expect((await post('/richieste/nuova', {}, auth)).statusCode).toBe(400);
      expect((await get('/richieste/nuova?servizio=non-esiste', auth)).statusCode).toBe(404);
      expect(await drafts()).toBe(before);
    });

    it('POST creates one draft with the card chosen; a second card of the same type reopens it', async () => {
      const before = await drafts();
      const res = await post('/richieste/nuova', { servizio: cards[0]!.slug }, auth);
      expectRedirect(res, /^\/richieste\/[0-9a-f-]{36}\/passo\/1$/);
      const id = String(res.headers.location).split('/')[2]!;
      expect(await drafts()).toBe(before + 1);
      expect(await auditCount(t.db, { action: 'request.draft', actorId: citizen.id })).toBe(1);
      const step1 = await get(`/richieste/${id}/passo/1`, auth);
      expect(step1.body).toContain(`value="${cards[0]!.id}" checked`);
      // The confirmation now says a draft exists; confirming adds the card to it.
      expect(decode((await get(`/richieste/nuova?servizio=${cards[1]!.slug}`, auth)).body)).toContain('Hai già una bozza');
      expectRedirect(await post('/richieste/nuova', { servizio: cards[1]!.slug }, auth), `/richieste/${id}/passo/1?esito=bozza`);
      expect(await drafts()).toBe(before + 1);
      expect(await targets(id)).toBe(2);
      await t.db.query('delete from service_request where id = $1', [id]);
    });
  });

  /** A draft through the real forms: the chosen cards, steps 2 and 3 (start date `from`, end `to`), and step 4 in Municipio `m`. */
  async function draftUpTo4(chosen: Card[], from: string, to: string): Promise<string> {
    const res = await post('/richieste/nuova', { servizio: chosen[0]!.slug }, auth);
    const id = String(res.headers.location).split('/')[2]!;
    expectRedirect(await post(`/richieste/${id}/passo/1`, { enti: chosen.map((c) => c.id) }, auth), `/richieste/${id}/passo/2`);
    expectRedirect(await post(`/richieste/${id}/passo/2`, { per_chi: 'self' }, auth), `/richieste/${id}/passo/3`);
    const step3: Fields = { bisogno: 'Assistenza al mattino', dal: from, al: to, giorni: ['lun'], persone: '1', unita: '10', note: '' };
    expectRedirect(await postMultipart(`/richieste/${id}/passo/3`, step3, [], auth), `/richieste/${id}/passo/4`);
    return id;
  }

  describe('the requested period', () => {
    it('a start date with no end date reaches the ente (detail, inbox, e-mail) and the citizen', async () => {
      const from = dayInMilan(12);
      const since = `Dal ${formatDate('it', from)}`;
      const id = await draftUpTo4([cards[0]!], from, '');
      expectRedirect(await post(`/richieste/${id}/passo/4`, { municipio: municipio[3]!.slug, indirizzo: 'Via Padova 10' }, auth), `/richieste/${id}/passo/5`);
      expectRedirect(await post(`/richieste/${id}/invia`, {}, auth), `/richieste/${id}/inviata`);
      const er = await t.db.one<{ id: string }>('select id from ente_request where request_id = $1', [id]);

      const detail = text((await get(`/gestione-ente/${cards[0]!.organization_id}/richieste/${er.id}`, enteA)).body);
      expect(detail).toContain(`Periodo ${since}`);
      expect(detail).not.toContain('Periodo Non indicato');
      const inbox = text((await get(`/gestione-ente/${cards[0]!.organization_id}/richieste`, enteA)).body);
      expect(inbox).toContain(since);
      const mail = await queuedMail(t.db, enteAUser.email, { subjectContains: 'nuova richiesta' });
      expect(mail.at(-1)!.text_body).toContain(`Periodo richiesto: ${since}`);
      expect(text((await get(`/richieste/${id}`, auth)).body)).toContain(since);

      // The ente's offer keeps its period, in the detail and in the citizen's e-mail.
      const offer = { prezzo: '100', dal: from, al: dayInMilan(40), scadenza: dayInMilan(5), note: '' };
      expectRedirect(await post(`/gestione-ente/${cards[0]!.organization_id}/richieste/${er.id}/offerta`, offer, enteA), /esito=offerta-inviata/);
      const offered = `Dal ${formatDate('it', from)} al ${formatDate('it', dayInMilan(40))}`;
      expect(text((await get(`/richieste/${id}`, auth)).body)).toContain(offered);
      const told = await queuedMail(t.db, citizen.email, { subjectContains: 'offerta' });
      expect(told.at(-1)!.text_body).toContain(`Periodo: ${offered}`);
    });
  });

  describe('coverage', () => {
    it('step 4 warns when the Municipio is outside a chosen card, and lets the citizen go on', async () => {
      const id = await draftUpTo4([cards[0]!, cards[1]!, cards[2]!], dayInMilan(10), dayInMilan(40));
      // Municipio 8: card A (Municipi 3, 4) leaves it out. Saved, and step 4 again with the warning.
      const first = await post(`/richieste/${id}/passo/4`, { municipio: municipio[8]!.slug, indirizzo: 'Via Padova 10' }, auth);
      expectRedirect(first, `/richieste/${id}/passo/4#fuori-zona`);
      const warned = await get(`/richieste/${id}/passo/4`, auth);
      expect(warned.statusCode).toBe(200);
      const alert = /<div class="alert alert-warning wemi-req-zone"[\s\S]*?<\/div>/.exec(warned.body)?.[0] ?? '';
      expect(text(alert)).toContain(`«${cards[0]!.name}» di ${cards[0]!.organization_name} copre i Municipi 3, 4; l'indirizzo che hai indicato è nel Municipio 8.`);
      expect(text(alert)).not.toContain(cards[1]!.organization_name);
      expect(text(alert)).not.toContain(cards[2]!.organization_name);
      expect(alert).toContain(`href="/richieste/${id}/passo/1"`);
      expect(decode(alert)).toMatch(/href="\/servizi\?tipo=[a-z0-9-]+&municipio=8"/);
      expect(warned.body).toContain(`name="zona_vista" value="${municipio[8]!.slug}"`);
      expect(text(warned.body)).toContain('Prosegui comunque');
      // Another Municipio outside (5): warned again for it.
      expectRedirect(
        await post(`/richieste/${id}/passo/4`, { municipio: municipio[5]!.slug, indirizzo: 'Via Padova 10', zona_vista: municipio[8]!.slug }, auth),
        `/richieste/${id}/passo/4#fuori-zona`,
      );
      // "Prosegui comunque" on the warning for Municipio 8.
      expectRedirect(
        await post(`/richieste/${id}/passo/4`, { municipio: municipio[8]!.slug, indirizzo: 'Via Padova 10', zona_vista: municipio[8]!.slug }, auth),
        `/richieste/${id}/passo/5`,
      );
      const summary = await get(`/richieste/${id}/passo/5`, auth);
      expect(text(summary.body)).toContain('Il Municipio 8 è fuori dalla zona servita');
      expect(text(summary.body)).toContain(`«${cards[0]!.name}» di ${cards[0]!.organization_name} copre i Municipi 3, 4`);
      expect(text(summary.body)).toContain('Invia la richiesta');
      expectRedirect(await post(`/richieste/${id}/invia`, {}, auth), `/richieste/${id}/inviata`);

      // The ente of card A sees the mark (detail, inbox, e-mail); the ente of card B, which covers Municipio 8, does not.
      const copies = await t.db.query<{ id: string; organization_id: string }>('select id, organization_id from ente_request where request_id = $1', [id]);
      const erA = copies.find((c) => c.organization_id === cards[0]!.organization_id)!.id;
      const erB = copies.find((c) => c.organization_id === cards[1]!.organization_id)!.id;
      const mark = 'Fuori dalla zona servita (Municipio 8; la scheda copre i Municipi 3, 4)';
      const detailA = text((await get(`/gestione-ente/${cards[0]!.organization_id}/richieste/${erA}`, enteA)).body);
      expect(detailA).toContain(mark);
      const inboxA = (await get(`/gestione-ente/${cards[0]!.organization_id}/richieste`, enteA)).body;
      const rowA = /<tr[^>]*>(?:(?!<\/tr>)[\s\S])*?<\/tr>/g;
      const rowOfA = (inboxA.match(rowA) ?? []).find((r) => r.includes(erA)) ?? '';
      expect(text(rowOfA)).toContain(mark);
      expect((await queuedMail(t.db, enteAUser.email, { subjectContains: 'nuova richiesta' })).at(-1)!.text_body).toContain(mark);
      const detailB = text((await get(`/gestione-ente/${cards[1]!.organization_id}/richieste/${erB}`, enteB)).body);
      expect(detailB).not.toContain('Fuori dalla zona servita');
      expect(detailB).toContain('Zona servita Municipio 8');

      // The comparison of offers: a "Zona servita" column, with the mark on card A's offer only.
      for (const [card, er, who] of [[cards[0]!, erA, enteA], [cards[1]!, erB, enteB]] as const) {
        const offer = { prezzo: '100', dal: dayInMilan(10), al: dayInMilan(40), scadenza: dayInMilan(5), note: '' };
        expectRedirect(await post(`/gestione-ente/${card.organization_id}/richieste/${er}/offerta`, offer, who), /esito=offerta-inviata/);
      }
      const page = (await get(`/richieste/${id}`, auth)).body;
      const table = /<table[^>]*wemi-req-offers[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
      expect(text(table)).toContain('Zona servita');
      const rows = table.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
      const rowOf = (c: Card) => text(rows.find((r) => decode(r).includes(c.organization_name)) ?? '');
      expect(rowOf(cards[0]!)).toContain('Municipi 3, 4 Fuori dalla tua zona (Municipio 8)');
      expect(rowOf(cards[1]!)).toContain('Municipio 8');
      expect(rowOf(cards[1]!)).not.toContain('Fuori dalla tua zona');
    });

    it('no warning when every chosen card covers the Municipio', async () => {
      const id = await draftUpTo4([cards[0]!, cards[2]!], dayInMilan(10), dayInMilan(40));
      expectRedirect(await post(`/richieste/${id}/passo/4`, { municipio: municipio[4]!.slug, indirizzo: 'Via Padova 10' }, auth), `/richieste/${id}/passo/5`);
      const summary = await get(`/richieste/${id}/passo/5`, auth);
      expect(summary.body).not.toContain('wemi-req-zone');
      expect((await get(`/richieste/${id}/passo/4`, auth)).body).not.toContain('zona_vista');
    });
  });
});
