import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInMilan } from '../../src/features/service-cards/card-validation';
import { createTestApp, type TestApp } from '../support/app';
import { actingAs, createTestUser, type TestUser } from '../support/accounts';
import { auditRows } from '../support/audit';
import { decode, esc, text } from '../support/html';
import { requestsTo, type Auth, type Fields } from '../support/http';
import { queuedMail } from '../support/outbox';

// Service cards with versioning and the City's validation: the ente creates and edits cards by revisions, the
// City approves or sends back; the published card stays online unchanged while a revision waits.

const dayFromToday = (days: number) => todayInMilan(new Date(Date.now() + days * 86_400_000));

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
    if (!a.name) continue;
    if ((a.type === 'checkbox' || a.type === 'radio') && !('checked' in a)) continue;
    add(a.name, a.value ?? '');
  }
  for (const m of f.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) add(attrs(m[1]!).name!, decode(m[2]!));
  for (const m of f.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const options = [...m[2]!.matchAll(/<option\b([^>]*)>/g)].map((o) => attrs(o[1]!));
    add(attrs(m[1]!).name!, (options.find((o) => 'selected' in o) ?? options[0])?.value ?? '');
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
}

/** data-field attributes of the diff table rows. */
const diffFields = (html: string) => [...html.matchAll(/<tr data-field="([^"]+)">/g)].map((m) => m[1]!);

describe('service cards: revisions and the City’s validation', () => {
  let t: TestApp;
  let enteA: { id: string; name: string; slug: string };
  let enteB: { id: string; name: string };
  let published: { id: string; slug: string; name: string };
  let cardB: { id: string; slug: string; name: string };
  let adminA: TestUser;
  let operatorA: TestUser;
  let adminB: TestUser;
  let cityUser: TestUser;
  let contentEditor: TestUser;
  let terms: { target: string; municipio: string; site: string | null };

  beforeAll(async () => {
    t = await createTestApp();
    // Ente A: an active ente with a published paid card (the demo catalogue gives every paid card a valid list).
    published = await t.db.one(
      `select s.id, s.slug, s.name from service s join organization o on o.id = s.organization_id
        where s.status = 'published' and o.status = 'active' and s.offer_type = 'paid'
          and exists (select 1 from price_list pl where pl.service_id = s.id)
          and jsonb_array_length(s.packages) = 0
        order by s.slug limit 1`,
    );
    enteA = await t.db.one(`select o.id, o.name, o.slug from organization o join service s on s.organization_id = o.id where s.id = $1`, [published.id]);
    enteB = await t.db.one(
      `select o.id, o.name from organization o where o.status = 'active' and o.id <> $1
          and exists (select 1 from service s where s.organization_id = o.id and s.status = 'published') order by o.name limit 1`,
      [enteA.id],
    );
    cardB = await t.db.one(`select id, slug, name from service where organization_id = $1 and status = 'published' order by slug limit 1`, [enteB.id]);
    // Ente B has its qualified categories recorded: one category only.
    await t.db.query(
      `insert into organization_category (organization_id, term_id)
       select $1, t.id from taxonomy_term t join taxonomy tx on tx.id = t.taxonomy_id where tx.code = 'category' and t.code = 'pasti_a_domicilio'`,
      [enteB.id],
    );
    adminA = await createTestUser(t.db, { kind: 'ente', givenName: 'Amalia', familyName: 'Admin', roles: [{ role: 'ente_admin', organizationId: enteA.id }] });
    operatorA = await createTestUser(t.db, { kind: 'ente', givenName: 'Osvaldo', familyName: 'Operatore', roles: [{ role: 'ente_operator', organizationId: enteA.id }] });
    adminB = await createTestUser(t.db, { kind: 'ente', givenName: 'Bice', familyName: 'Admin', roles: [{ role: 'ente_admin', organizationId: enteB.id }] });
    cityUser = await createTestUser(t.db, { kind: 'staff', givenName: 'Clelia', familyName: 'Comune', roles: [{ role: 'city', permission: 'enti' }] });
    contentEditor = await createTestUser(t.db, { kind: 'staff', givenName: 'Corrado', familyName: 'Contenuti', roles: [{ role: 'city', permission: 'content' }] });
    const target = await t.db.one<{ id: string }>(`select t.id from taxonomy_term t join taxonomy tx on tx.id = t.taxonomy_id where tx.code = 'target_group' order by t.position limit 1`);
    const municipio = await t.db.one<{ id: string }>(`select t.id from taxonomy_term t join taxonomy tx on tx.id = t.taxonomy_id where tx.code = 'municipio' order by t.position limit 1`);
    const site = await t.db.maybeOne<{ id: string }>(`select id from location where organization_id = $1 and kind = 'ente_site' order by name limit 1`, [enteA.id]);
    terms = { target: target.id, municipio: municipio.id, site: site?.id ?? null };
  });
  afterAll(async () => t?.close());

  const as = (user: TestUser) => actingAs(t.app, t.db, user.id);
  const { get, post } = requestsTo(() => t.app);
  const revisionOf = (id: string) => t.db.one<{ status: string; data: Record<string, unknown>; section_notes: Record<string, string>; number: number; service_id: string }>(`select status, data, section_notes, number, service_id from service_revision where id = $1`, [id]);
  const serviceOf = (id: string) => t.db.one<{ status: string; name: string; published_at: Date | null; slug: string }>(`select status, name, published_at, slug from service where id = $1`, [id]);

  const enteBase = (enteId: string) => `/gestione-ente/${enteId}/schede`;
  const editUrl = (enteId: string, serviceId: string, revisionId: string) => `${enteBase(enteId)}/${serviceId}/revisioni/${revisionId}/modifica`;
  const revUrl = (enteId: string, serviceId: string, revisionId: string, what: string) => `${enteBase(enteId)}/${serviceId}/revisioni/${revisionId}/${what}`;

  /** Starts (or finds) the open revision of a card as an ente user; returns its id. */
  async function startRevision(enteId: string, serviceId: string, auth: Auth): Promise<string> {
    const res = await post(`${enteBase(enteId)}/${serviceId}/revisioni`, {}, auth);
    expect(res.statusCode).toBe(303);
    const m = /revisioni\/([0-9a-f-]{36})\/modifica/.exec(String(res.headers.location));
    expect(m, String(res.headers.location)).not.toBeNull();
    return m![1]!;
  }

  /** The edit form as rendered, with changes, posted back. */
  async function saveForm(enteId: string, serviceId: string, revisionId: string, auth: Auth, changes: Fields = {}, action = 'salva') {
    const page = await get(editUrl(enteId, serviceId, revisionId), auth);
    expect(page.statusCode).toBe(200);
    const fields: Fields = { ...formFields(page.body, editUrl(enteId, serviceId, revisionId)), ...changes, azione: action };
    delete fields._csrf;
    return post(editUrl(enteId, serviceId, revisionId), fields, auth);
  }

  describe('a new card: created, submitted, approved, public', () => {
    let serviceId: string;
    let revisionId: string;

    it('offers the service types of the categories of the ente’s cards (none recorded) and creates a draft card', async () => {
      const op = await as(operatorA);
      const list = await get(enteBase(enteA.id), op);
      expect(list.statusCode).toBe(200);
      expect(list.headers['cache-control']).toContain('no-store');
      expect(list.body).toContain(esc(published.name));
      const choose = await get(`${enteBase(enteA.id)}/nuova`, op);
      expect(choose.statusCode).toBe(200);
      const typeIds = [...choose.body.matchAll(/name="tipo" id="[^"]+" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
      const allowed = await t.db.query<{ id: string }>(
        `select distinct st.id from taxonomy_term st where st.parent_id in (
           select t.parent_id from service s join taxonomy_term t on t.id = s.service_type_id where s.organization_id = $1)`,
        [enteA.id],
      );
      expect(new Set(typeIds)).toEqual(new Set(allowed.map((r) => r.id)));
      // A type outside those categories is refused.
      const foreign = await t.db.one<{ id: string }>(
        `select st.id from taxonomy_term st join taxonomy tx on tx.id = st.taxonomy_id where tx.code = 'service_type' and st.id <> all($1::uuid[]) limit 1`,
        [typeIds],
      );
      const bad = await post(`${enteBase(enteA.id)}/nuova`, { tipo: foreign.id }, op);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('wemi-error-summary');

      const created = await post(`${enteBase(enteA.id)}/nuova`, { tipo: typeIds[0] }, op);
      expect(created.statusCode).toBe(303);
      const m = /schede\/([0-9a-f-]{36})\/revisioni\/([0-9a-f-]{36})\/modifica\?esito=creata$/.exec(String(created.headers.location));
      expect(m, String(created.headers.location)).not.toBeNull();
      [serviceId, revisionId] = [m![1]!, m![2]!];
      const service = await serviceOf(serviceId);
      expect(service.status).toBe('draft');
      expect(service.slug).toMatch(new RegExp(`-${enteA.slug}(-\\d+)?$`));
      expect((await revisionOf(revisionId)).status).toBe('draft');
      expect((await get(`/servizi/${service.slug}`)).statusCode).toBe(404);
      expect(await auditRows(t.db, { action: 'cards.create', targetId: serviceId })).toHaveLength(1);
    });

    it('saves the draft (operator), which stays private', async () => {
      const op = await as(operatorA);
      const res = await saveForm(enteA.id, serviceId, revisionId, op, {
        nome: 'Stiratura Girasolandia',
        'sintesi-it': 'Stiriamo a casa vostra, con cura.',
        'analisi-bisogno': 'Una telefonata per capire quanto c’è da stirare.',
        soluzione: 'Un’operatrice viene a casa una volta alla settimana.',
        gruppi: terms.target,
        modalita: 'individual',
        'persone-min': '1',
        'persone-max': '1',
        municipi: terms.municipio,
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
        'listino-1-fascia-1-prezzo': '21,50',
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
      expect(res.headers.location).toBe(`${editUrl(enteA.id, serviceId, revisionId)}?esito=salvata`);
      const data = (await revisionOf(revisionId)).data as { name: string; priceLists: { tiers: { unitPrice: string }[] }[] };
      expect(data.name).toBe('Stiratura Girasolandia');
      expect(data.priceLists[0]!.tiers[0]!.unitPrice).toBe('21.50');
      expect((await serviceOf(serviceId)).name).not.toBe('Stiratura Girasolandia');
      expect(await auditRows(t.db, { action: 'cards.revision.edit', targetId: revisionId })).toHaveLength(1);
    });

    it('previews the card as the public will see it, without publishing anything', async () => {
      const res = await get(revUrl(enteA.id, serviceId, revisionId, 'anteprima'), await as(operatorA));
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Stiratura Girasolandia');
      expect(res.body).toContain('data-element="service-title"');
      expect(res.body).toContain('wemi-preview-banner');
      expect(res.body).toContain('name="robots" content="noindex, nofollow"');
      expect(text(res.body)).toContain('21,50');
      const service = await serviceOf(serviceId);
      expect(service.name).not.toBe('Stiratura Girasolandia');
      expect(service.status).toBe('draft');
      expect(await t.db.query(`select 1 from price_list where service_id = $1`, [serviceId])).toHaveLength(0);
      expect((await get(`/servizi/${service.slug}`)).statusCode).toBe(404);
    });

    it('lets only the ente’s administrators submit; the City team gets an e-mail', async () => {
      const op = await as(operatorA);
      expect((await get(revUrl(enteA.id, serviceId, revisionId, 'invia'), op)).statusCode).toBe(403);
      expect((await post(revUrl(enteA.id, serviceId, revisionId, 'invia'), {}, op)).statusCode).toBe(403);
      const card = await get(`${enteBase(enteA.id)}/${serviceId}`, op);
      expect(card.body).not.toContain(revUrl(enteA.id, serviceId, revisionId, 'invia'));

      const admin = await as(adminA);
      const confirm = await get(revUrl(enteA.id, serviceId, revisionId, 'invia'), admin);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('Il contenuto della nuova scheda');
      expect(diffFields(confirm.body)).toContain('name');
      const res = await post(revUrl(enteA.id, serviceId, revisionId, 'invia'), {}, admin);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${enteBase(enteA.id)}/${serviceId}?esito=inviata`);
      expect((await revisionOf(revisionId)).status).toBe('submitted');
      expect((await serviceOf(serviceId)).status).toBe('submitted');
      const mails = await queuedMail(t.db, cityUser.email);
      expect(mails.at(-1)!.subject).toBe(`Nuova scheda da validare: Stiratura Girasolandia (${enteA.name})`);
      expect(mails.at(-1)!.text_body).toContain(`/gestione-wemi/schede/${revisionId}`);
      const rows = await auditRows(t.db, { action: 'cards.revision.submit', targetId: revisionId });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.actor_id).toBe(adminA.id);
      expect(rows[0]!.details).toMatchObject({ from: 'draft', to: 'submitted', serviceId });
    });

    it('refuses to submit twice, to edit a submitted revision and to approve from the ente side', async () => {
      const admin = await as(adminA);
      const again = await post(revUrl(enteA.id, serviceId, revisionId, 'invia'), {}, admin);
      expect(again.statusCode).toBe(409);
      expect(text(again.body)).toContain('Non è possibile inviare la revisione al Comune');
      const edit = await post(editUrl(enteA.id, serviceId, revisionId), { nome: 'Cambiato', azione: 'salva' }, admin);
      expect(edit.statusCode).toBe(409);
      expect(((await revisionOf(revisionId)).data as { name: string }).name).toBe('Stiratura Girasolandia');
      // GET of the edit page of a submitted revision goes back to the card.
      expect((await get(editUrl(enteA.id, serviceId, revisionId), admin)).statusCode).toBe(303);
      expect((await post(`/gestione-wemi/schede/${revisionId}/approva`, {}, admin)).statusCode).toBe(403);
      expect(await auditRows(t.db, { action: 'cards.revision.submit', targetId: revisionId })).toHaveLength(1);
    });

    it('shows the revision in the City’s queue, as a new card', async () => {
      const city = await as(cityUser);
      const queue = await get('/gestione-wemi/schede', city);
      expect(queue.statusCode).toBe(200);
      expect(queue.body).toContain(`data-revision-id="${revisionId}"`);
      expect((await get('/gestione-wemi/schede?tipo=nuova', city)).body).toContain(`data-revision-id="${revisionId}"`);
      expect((await get('/gestione-wemi/schede?tipo=modifica', city)).body).not.toContain(`data-revision-id="${revisionId}"`);
      expect((await get(`/gestione-wemi/schede?ente=${enteA.id}`, city)).body).toContain(`data-revision-id="${revisionId}"`);
      expect((await get(`/gestione-wemi/schede?ente=${enteB.id}`, city)).body).not.toContain(`data-revision-id="${revisionId}"`);
      expect((await get('/gestione-wemi/schede?tipo=altro', city)).statusCode).toBe(400);
      const page = await get(`/gestione-wemi/schede/${revisionId}`, city);
      expect(page.statusCode).toBe(200);
      expect(text(page.body)).toContain('Nuova scheda di');
      expect(diffFields(page.body)).toEqual(expect.arrayContaining(['serviceTypeId', 'name', 'summaryIt', 'priceLists.1']));
      const preview = await get(`/gestione-wemi/schede/${revisionId}/anteprima`, city);
      expect(preview.statusCode).toBe(200);
      expect(preview.body).toContain('Stiratura Girasolandia');
      expect((await get(`/servizi/${(await serviceOf(serviceId)).slug}`)).statusCode).toBe(404);
    });

    it('approves: the card goes online and appears in search; the ente’s administrators get an e-mail', async () => {
      const city = await as(cityUser);
      expect((await get(`/gestione-wemi/schede/${revisionId}/approva`, city)).statusCode).toBe(200);
      const res = await post(`/gestione-wemi/schede/${revisionId}/approva`, { nota: 'Tutto in ordine.' }, city);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/gestione-wemi/schede/${revisionId}?esito=approvata`);
      const service = await serviceOf(serviceId);
      expect(service.status).toBe('published');
      expect(service.published_at).not.toBeNull();
      expect(service.name).toBe('Stiratura Girasolandia');
      expect((await revisionOf(revisionId)).status).toBe('approved');

      const page = await get(`/servizi/${service.slug}`);
      expect(page.statusCode).toBe(200);
      expect(text(page.body)).toContain('Stiratura Girasolandia');
      expect(text(page.body)).toContain('21,50');
      const api = await get(`/api/v1/services?q=girasolandia`);
      expect(api.statusCode).toBe(200);
      expect((api.json() as { items: { slug: string }[] }).items.map((i) => i.slug)).toContain(service.slug);
      const one = await get(`/api/v1/services/${service.slug}`);
      expect(one.statusCode).toBe(200);
      expect(one.json()).toMatchObject({ name: 'Stiratura Girasolandia', price: { priceFrom: 21.5 } });

      const mails = await queuedMail(t.db, adminA.email);
      expect(mails.at(-1)!.subject).toBe('Scheda approvata: Stiratura Girasolandia');
      expect(mails.at(-1)!.text_body).toContain('Tutto in ordine.');
      expect(mails.at(-1)!.text_body).toContain(`/servizi/${service.slug}`);
      expect(await queuedMail(t.db, operatorA.email)).toHaveLength(0);
      const rows = await auditRows(t.db, { action: 'cards.revision.approve', targetId: revisionId });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.details).toMatchObject({ from: 'submitted', to: 'approved', note: 'Tutto in ordine.' });
      // A decided revision takes no further decision.
      expect((await post(`/gestione-wemi/schede/${revisionId}/approva`, {}, city)).statusCode).toBe(409);
      expect((await post(`/gestione-wemi/schede/${revisionId}/modifiche`, { generale: 'No' }, city)).statusCode).toBe(409);
      expect((await post(revUrl(enteA.id, serviceId, revisionId, 'ritira'), {}, await as(adminA))).statusCode).toBe(409);
    });
  });

  describe('a change to a published card', () => {
    let revisionId: string;
    let oldPrice: string;
    let priceField: string;

    it('starts from the published version: saved unchanged, it changes nothing', async () => {
      const op = await as(operatorA);
      revisionId = await startRevision(enteA.id, published.id, op);
      const saved = await saveForm(enteA.id, published.id, revisionId, op);
      expect(saved.statusCode, text(saved.body).slice(0, 600)).toBe(303);
      // Starting again finds the same open revision.
      expect(await startRevision(enteA.id, published.id, op)).toBe(revisionId);
      const city = await as(cityUser);
      // Not submitted yet: the City can read it (history) but has nothing to decide.
      const page = await get(`/gestione-wemi/schede/${revisionId}`, city);
      expect(page.statusCode).toBe(200);
      expect(diffFields(page.body)).toEqual([]);
      expect(text(page.body)).toContain('Nessun campo è cambiato');
      expect(await auditRows(t.db, { action: 'cards.revision.start', targetId: revisionId })).toHaveLength(1);
    });

    it('refuses to approve a draft', async () => {
      const city = await as(cityUser);
      expect((await get(`/gestione-wemi/schede/${revisionId}/approva`, city)).statusCode).toBe(409);
      const res = await post(`/gestione-wemi/schede/${revisionId}/approva`, {}, city);
      expect(res.statusCode).toBe(409);
      expect(text(res.body)).toContain('Non è possibile approvare la revisione');
      expect((await revisionOf(revisionId)).status).toBe('draft');
      expect(await auditRows(t.db, { action: 'cards.revision.approve', targetId: revisionId })).toHaveLength(0);
    });

    it('keeps the published version online while the revision waits; the diff lists exactly the changed fields', async () => {
      const op = await as(operatorA);
      const page = await get(editUrl(enteA.id, published.id, revisionId), op);
      const fields = formFields(page.body, editUrl(enteA.id, published.id, revisionId));
      // The first tier of the last price list (the one valid today).
      const lists = Object.keys(fields).filter((k) => /^listino-\d+-dal$/.test(k) && fields[k]);
      const l = lists.length;
      priceField = `listino-${l}-fascia-1-prezzo`;
      oldPrice = String(fields[priceField]);
      const res = await saveForm(enteA.id, published.id, revisionId, op, { nome: 'Nome nuovo della scheda', [priceField]: '99' });
      expect(res.statusCode, text(res.body).slice(0, 600)).toBe(303);
      const admin = await as(adminA);
      expect((await post(revUrl(enteA.id, published.id, revisionId, 'invia'), {}, admin)).statusCode).toBe(303);

      const pub = await get(`/servizi/${published.slug}`);
      expect(pub.statusCode).toBe(200);
      expect(pub.body).toContain(esc(published.name));
      expect(pub.body).not.toContain('Nome nuovo della scheda');
      expect((await serviceOf(published.id)).status).toBe('published');

      const city = await as(cityUser);
      const detail = await get(`/gestione-wemi/schede/${revisionId}`, city);
      expect(text(detail.body)).toContain('Modifica di una scheda pubblicata');
      expect(diffFields(detail.body)).toEqual(['name', `priceLists.${l}`]);
      expect((await get('/gestione-wemi/schede?tipo=modifica', city)).body).toContain(`data-revision-id="${revisionId}"`);
    });

    it('sends it back with notes per section, shown beside the sections', async () => {
      const city = await as(cityUser);
      const empty = await post(`/gestione-wemi/schede/${revisionId}/modifiche`, {}, city);
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('Scrivi almeno una nota');
      const res = await post(`/gestione-wemi/schede/${revisionId}/modifiche`, { generale: 'Quasi pronta.', general: 'Il nome è troppo generico.', priceLists: 'Il prezzo sembra alto.' }, city);
      expect(res.statusCode).toBe(303);
      const rev = await revisionOf(revisionId);
      expect(rev.status).toBe('changes_requested');
      expect(rev.section_notes).toEqual({ general: 'Il nome è troppo generico.', priceLists: 'Il prezzo sembra alto.' });
      const mails = await queuedMail(t.db, adminA.email);
      expect(mails.at(-1)!.subject).toContain('Il Comune chiede modifiche');
      expect(mails.at(-1)!.text_body).toContain('Il prezzo sembra alto.');
      expect(await auditRows(t.db, { action: 'cards.revision.request_changes', targetId: revisionId })).toHaveLength(1);

      const op = await as(operatorA);
      const card = await get(`${enteBase(enteA.id)}/${published.id}`, op);
      expect(text(card.body)).toContain('Quasi pronta.');
      const edit = await get(editUrl(enteA.id, published.id, revisionId), op);
      expect(edit.statusCode).toBe(200);
      const general = edit.body.slice(edit.body.indexOf('id="sezione-general"'), edit.body.indexOf('id="sezione-recipients"'));
      expect(general).toContain('id="nota-general"');
      expect(text(general)).toContain('Il nome è troppo generico.');
      const prices = edit.body.slice(edit.body.indexOf('id="sezione-priceLists"'));
      expect(text(prices)).toContain('Il prezzo sembra alto.');
      const recipients = edit.body.slice(edit.body.indexOf('id="sezione-recipients"'), edit.body.indexOf('id="sezione-activities"'));
      expect(recipients).not.toContain('wemi-card-note');
    });

    it('after the corrections and a new submission, approval publishes the new values', async () => {
      const op = await as(operatorA);
      const res = await saveForm(enteA.id, published.id, revisionId, op, { nome: 'Nome nuovo e preciso', [priceField]: '25,00' });
      expect(res.statusCode).toBe(303);
      expect((await revisionOf(revisionId)).status).toBe('draft');
      const admin = await as(adminA);
      expect((await post(revUrl(enteA.id, published.id, revisionId, 'invia'), {}, admin)).statusCode).toBe(303);
      expect((await get(`/servizi/${published.slug}`)).body).toContain(esc(published.name));
      const city = await as(cityUser);
      expect(diffFields((await get(`/gestione-wemi/schede/${revisionId}`, city)).body)).toEqual(['name', expect.stringMatching(/^priceLists\.\d+$/)]);
      expect((await post(`/gestione-wemi/schede/${revisionId}/approva`, {}, city)).statusCode).toBe(303);
      const pub = await get(`/servizi/${published.slug}`);
      expect(pub.statusCode).toBe(200);
      expect(pub.body).toContain('Nome nuovo e preciso');
      expect(pub.body).not.toContain(esc(published.name));
      expect(text(pub.body)).toContain('25,00');
      expect(oldPrice).not.toBe('25');
      const actions = (await t.db.query<{ action: string }>(`select action from audit_log where target_id = $1 order by id`, [revisionId])).map((r) => r.action);
      expect(actions).toEqual([
        'cards.revision.start',
        'cards.revision.edit',
        'cards.revision.edit',
        'cards.revision.submit',
        'cards.revision.request_changes',
        'cards.revision.edit',
        'cards.revision.submit',
        'cards.revision.approve',
      ]);
    });
  });

  describe('price-list validation', () => {
    let revisionId: string;

    it('answers 400 with a summary, keeps the values typed and saves the draft', async () => {
      const op = await as(operatorA);
      revisionId = await startRevision(enteA.id, published.id, op);
      const page = await get(editUrl(enteA.id, published.id, revisionId), op);
      const fields = formFields(page.body, editUrl(enteA.id, published.id, revisionId));
      const l = Object.keys(fields).filter((k) => /^listino-\d+-dal$/.test(k) && fields[k]).length + 1; // the empty list at the end
      const res = await saveForm(enteA.id, published.id, revisionId, op, {
        [`listino-${l}-dal`]: '2030-05-01',
        [`listino-${l}-al`]: '2030-04-01',
        [`listino-${l}-fascia-1-pmin`]: '1',
        [`listino-${l}-fascia-1-pmax`]: '3',
        [`listino-${l}-fascia-1-umin`]: '1',
        [`listino-${l}-fascia-1-prezzo`]: '12',
        [`listino-${l}-fascia-2-pmin`]: '2',
        [`listino-${l}-fascia-2-umin`]: '1',
        [`listino-${l}-fascia-2-prezzo`]: '10',
        [`listino-${l}-fascia-3-pmin`]: '4',
        [`listino-${l}-fascia-3-umin`]: '1',
        [`listino-${l}-fascia-3-prezzo`]: '-5',
        'persone-min': '5',
        'persone-max': '2',
      });
      expect(res.statusCode).toBe(400);
      const summary = text(res.body.slice(res.body.indexOf('wemi-error-summary'), res.body.indexOf('</div>', res.body.indexOf('wemi-error-summary'))));
      expect(summary).toContain(`Listino ${l}: la fine della validità deve essere uguale o successiva all’inizio`);
      expect(summary).toContain(`Listino ${l}, fascia 3: il valore non può essere negativo`);
      expect(summary).toContain(`Listino ${l}, fascia 2: si sovrappone alla fascia 1`);
      expect(summary).toContain('Numero massimo di persone: il numero massimo non può essere inferiore al minimo');
      expect(res.body).toContain(`href="#listino-${l}-fascia-3-prezzo"`);
      expect(res.body).toMatch(new RegExp(`id="listino-${l}-fascia-3-prezzo" name="listino-${l}-fascia-3-prezzo" value="-5"`));
      expect(res.body).toContain('Bozza salvata, ma alcuni valori vanno corretti');
      const data = (await revisionOf(revisionId)).data as { priceLists: { tiers: { unitPrice: string }[] }[]; minPeople: string };
      expect(data.priceLists.at(-1)!.tiers.map((x) => x.unitPrice)).toEqual(['12', '10', '-5']);
      expect(data.minPeople).toBe('5');
      // Coming back to the draft shows the problems again.
      const again = await get(editUrl(enteA.id, published.id, revisionId), op);
      expect(again.body).toContain('wemi-error-summary');
      // The preview and the submission need the problems fixed first.
      expect(text((await get(revUrl(enteA.id, published.id, revisionId, 'anteprima'), op)).body)).toContain('Anteprima non disponibile');
      const admin = await as(adminA);
      const confirm = await get(revUrl(enteA.id, published.id, revisionId, 'invia'), admin);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).not.toContain(`action="${revUrl(enteA.id, published.id, revisionId, 'invia')}"`);
      const submit = await post(revUrl(enteA.id, published.id, revisionId, 'invia'), {}, admin);
      expect(submit.statusCode).toBe(400);
      expect((await revisionOf(revisionId)).status).toBe('draft');
    });

    it('adds empty rows without JavaScript', async () => {
      const op = await as(operatorA);
      const before = await get(editUrl(enteA.id, published.id, revisionId), op);
      const count = (html: string) => (html.match(/name="listino-\d+-fascia-\d+-pmin"/g) ?? []).length;
      const res = await saveForm(enteA.id, published.id, revisionId, op, { 'persone-min': '1', 'persone-max': '3' }, 'righe-priceLists');
      // Still invalid (the price list above), so the page comes back with more rows.
      expect(res.statusCode).toBe(400);
      expect(count(res.body)).toBeGreaterThan(count(before.body));
      expect(res.body).toContain('name="righe" value="6"');
    });

    it('withdraws the revision (administrators only); the published card does not change', async () => {
      const op = await as(operatorA);
      expect((await post(revUrl(enteA.id, published.id, revisionId, 'ritira'), {}, op)).statusCode).toBe(403);
      const admin = await as(adminA);
      expect((await get(revUrl(enteA.id, published.id, revisionId, 'ritira'), admin)).statusCode).toBe(200);
      const res = await post(revUrl(enteA.id, published.id, revisionId, 'ritira'), {}, admin);
      expect(res.statusCode).toBe(303);
      expect((await revisionOf(revisionId)).status).toBe('withdrawn');
      expect((await serviceOf(published.id)).status).toBe('published');
      expect((await get(`/servizi/${published.slug}`)).body).toContain('Nome nuovo e preciso');
      expect((await post(revUrl(enteA.id, published.id, revisionId, 'ritira'), {}, admin)).statusCode).toBe(409);
      expect(await auditRows(t.db, { action: 'cards.revision.withdraw', targetId: revisionId })).toHaveLength(1);
    });
  });

  describe('access', () => {
    let revisionB: string;
    let revisionA: string;

    beforeAll(async () => {
      revisionB = await startRevision(enteB.id, cardB.id, await as(adminB));
      revisionA = await startRevision(enteA.id, published.id, await as(adminA));
    });

    const enteRoutes = (enteId: string, serviceId: string, revisionId: string): [string, string][] => [
      ['GET', enteBase(enteId)],
      ['GET', `${enteBase(enteId)}/nuova`],
      ['POST', `${enteBase(enteId)}/nuova`],
      ['GET', `${enteBase(enteId)}/${serviceId}`],
      ['POST', `${enteBase(enteId)}/${serviceId}/revisioni`],
      ['GET', editUrl(enteId, serviceId, revisionId)],
      ['POST', editUrl(enteId, serviceId, revisionId)],
      ['GET', revUrl(enteId, serviceId, revisionId, 'anteprima')],
      ['GET', revUrl(enteId, serviceId, revisionId, 'invia')],
      ['POST', revUrl(enteId, serviceId, revisionId, 'invia')],
      ['GET', revUrl(enteId, serviceId, revisionId, 'ritira')],
      ['POST', revUrl(enteId, serviceId, revisionId, 'ritira')],
    ];
    const cityRoutes = (revisionId: string): [string, string][] => [
      ['GET', '/gestione-wemi/schede'],
      ['GET', `/gestione-wemi/schede/${revisionId}`],
      ['GET', `/gestione-wemi/schede/${revisionId}/anteprima`],
      ['GET', `/gestione-wemi/schede/${revisionId}/approva`],
      ['POST', `/gestione-wemi/schede/${revisionId}/approva`],
      ['GET', `/gestione-wemi/schede/${revisionId}/modifiche`],
      ['POST', `/gestione-wemi/schede/${revisionId}/modifiche`],
    ];
    const call = (method: string, url: string, auth: Auth) =>
      method === 'GET' ? get(url, auth) : post(url, { nome: 'Intruso', tipo: '', azione: 'salva', generale: 'x' }, auth);

    it('an operator or administrator of ente A can neither read nor change ente B’s cards and revisions', async () => {
      const before = JSON.stringify(await revisionOf(revisionB));
      for (const user of [operatorA, adminA]) {
        const auth = await as(user);
        const wrong: string[] = [];
        // B's ente in the address: not an ente of the user, so "not found", as an ente that does not exist (an operator
        // is refused the administrators' pages first, whatever the ente).
        for (const [m, url] of enteRoutes(enteB.id, cardB.id, revisionB)) {
          const res = await call(m, url, auth);
          const expected = user === operatorA && /\/(invia|ritira)$/.test(url) ? 403 : 404;
          if (res.statusCode !== expected) wrong.push(`${m} ${url}: ${res.statusCode}`);
        }
        // A's ente in the address, B's card or revision: not found (an operator is refused the administrators' pages first).
        for (const [m, url] of [...enteRoutes(enteA.id, cardB.id, revisionB), ...enteRoutes(enteA.id, published.id, revisionB)].filter(([, u]) => u.includes(cardB.id) || u.includes(revisionB))) {
          const res = await call(m, url, auth);
          const expected = user === operatorA && /\/(invia|ritira)$/.test(url) ? 403 : 404;
          if (res.statusCode !== expected) wrong.push(`${m} ${url}: ${res.statusCode}`);
        }
        // The City's pages are not for enti.
        for (const [m, url] of cityRoutes(revisionB)) {
          const res = await call(m, url, auth);
          if (res.statusCode !== 403) wrong.push(`${m} ${url}: ${res.statusCode}`);
        }
        expect(wrong, user.email).toEqual([]);
      }
      expect(JSON.stringify(await revisionOf(revisionB))).toBe(before);
      expect((await serviceOf(cardB.id)).name).toBe(cardB.name);
      expect(await t.db.query(`select 1 from service where organization_id = $1 and name = 'Intruso'`, [enteB.id])).toHaveLength(0);
    });

    it('City staff without the enti permission, and City staff on ente pages, are refused (403)', async () => {
      const editor = await as(contentEditor);
      for (const [m, url] of cityRoutes(revisionA)) expect((await call(m, url, editor)).statusCode, `${m} ${url}`).toBe(403);
      const city = await as(cityUser);
      for (const [m, url] of enteRoutes(enteA.id, published.id, revisionA)) expect((await call(m, url, city)).statusCode, `${m} ${url}`).toBe(403);
    });

    it('answers 404 for unknown or malformed ids', async () => {
      const admin = await as(adminA);
      const city = await as(cityUser);
      const nobody = '00000000-0000-4000-8000-000000000000';
      expect((await get(`${enteBase(enteA.id)}/${nobody}`, admin)).statusCode).toBe(404);
      expect((await get(`${enteBase(enteA.id)}/non-un-id`, admin)).statusCode).toBe(404);
      expect((await get(editUrl(enteA.id, published.id, nobody), admin)).statusCode).toBe(404);
      expect((await get(`/gestione-wemi/schede/${nobody}`, city)).statusCode).toBe(404);
      expect((await get('/gestione-wemi/schede/non-un-id', city)).statusCode).toBe(404);
      expect((await get('/gestione-ente/non-un-id/schede', admin)).statusCode).toBe(404);
    });

    it('refuses a POST without the CSRF token (403) and changes nothing', async () => {
      const admin = await as(adminA);
      const city = await as(cityUser);
      const before = JSON.stringify(await revisionOf(revisionA));
      expect((await post(editUrl(enteA.id, published.id, revisionA), { nome: 'Senza token', azione: 'salva' }, admin, false)).statusCode).toBe(403);
      expect((await post(revUrl(enteA.id, published.id, revisionA, 'invia'), {}, admin, false)).statusCode).toBe(403);
      expect((await post(`${enteBase(enteA.id)}/nuova`, { tipo: published.id }, admin, false)).statusCode).toBe(403);
      expect((await post(`/gestione-wemi/schede/${revisionA}/approva`, {}, city, false)).statusCode).toBe(403);
      expect((await post(`/gestione-wemi/schede/${revisionA}/modifiche`, { generale: 'x' }, city, false)).statusCode).toBe(403);
      expect(JSON.stringify(await revisionOf(revisionA))).toBe(before);
    });

    it('sends anonymous visitors to log in', async () => {
      for (const [m, url] of [...enteRoutes(enteA.id, published.id, revisionA), ...cityRoutes(revisionA)].filter(([m]) => m === 'GET')) {
        const res = await get(url);
        expect(res.statusCode, `${m} ${url}`).toBe(303);
        expect(String(res.headers.location)).toMatch(/^\/accedi\?ritorno=/);
      }
    });
  });

  describe('the City’s queue', () => {
    it('shows the waiting time against the standard, highlights overdue revisions and pages the list', async () => {
      // Twenty-two submitted revisions of ente B's cards, one sent 20 days ago.
      const cards = await t.db.query<{ id: string }>(`select id from service where organization_id <> $1 and status = 'published' order by slug limit 22`, [enteA.id]);
      for (const c of cards) {
        await t.db.query(
          `insert into service_revision (service_id, number, status, data, submitted_at)
           select $1, coalesce(max(number), 0) + 1, 'submitted', '{}'::jsonb, now() - interval '2 days' from service_revision where service_id = $1
           on conflict do nothing`,
          [c.id],
        );
      }
      const late = await t.db.one<{ id: string }>(`select id from service_revision where status = 'submitted' order by submitted_at desc, id limit 1`);
      await t.db.query(`update service_revision set submitted_at = now() - interval '20 days' where id = $1`, [late.id]);
      const city = await as(cityUser);
      const first = await get('/gestione-wemi/schede', city);
      expect(first.statusCode).toBe(200);
      const total = (await t.db.one<{ n: number }>(`select count(*)::int as n from service_revision where status = 'submitted'`)).n;
      expect(total).toBeGreaterThan(20);
      expect(text(first.body)).toContain(`${total} revisioni in attesa`);
      expect(text(first.body)).toContain('1 oltre lo standard di 14 giorni');
      // Oldest first: the overdue one leads, highlighted.
      const rows = [...first.body.matchAll(/<tr class="wemi-card-overdue" data-revision-id="([^"]+)">/g)].map((m) => m[1]);
      expect(rows).toEqual([late.id]);
      expect(/data-revision-id="([^"]+)"/.exec(first.body)![1]).toBe(late.id);
      expect(text(first.body)).toContain('20 giorni');
      expect(text(first.body)).toContain('In ritardo');
      expect((first.body.match(/data-revision-id=/g) ?? []).length).toBe(20);
      expect(first.body).toContain('href="/gestione-wemi/schede?pagina=2"');
      const second = await get('/gestione-wemi/schede?pagina=2', city);
      expect((second.body.match(/data-revision-id=/g) ?? []).length).toBe(total - 20);
      const detail = await get(`/gestione-wemi/schede/${late.id}`, city);
      expect(text(detail.body)).toContain('20 giorni (In ritardo)');
    });
  });
});
