import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMinimalService, insertOrg, type OrgFixture } from '../../src/features/services/services.test-fixtures';
import { createTestApp, type TestApp } from '../support/app';
import { actingAs, createTestUser, type TestUser } from '../support/accounts';
import { lastAudit } from '../support/audit';
import { requestsTo, type Auth } from '../support/http';
import { queuedMail } from '../support/outbox';

// The City's catalogue administration: vocabularies (add, edit, deactivate, reactivate terms; fixed ones read
// only), enti by state (suspend, revoke, reactivate, with the public side following at once), cards by state.
// A new service type needs no code: added here, it shows on the category page and, once a card uses it, in the
// search facets.

const TODAY = `(now() at time zone 'Europe/Rome')::date`;

interface Facet {
  value: string;
  count: number;
}
interface SearchJson {
  total: number;
  items: { slug: string }[];
  facets: { serviceTypes: Facet[] };
}

describe('City back office: catalogue administration', () => {
  let t: TestApp;
  let officer: TestUser;
  let editor: TestUser;
  let usersAdmin: TestUser;
  let citizen: TestUser;
  let enteAdmin: TestUser;
  let officerAuth: Auth;
  let editorAuth: Auth;
  let org: OrgFixture;
  let draftOrg: OrgFixture;
  let cardId: string;
  let category: { id: string; slug: string; code: string };
  const CARD_SLUG = 'servizio-zibibbo-catalogo';

  beforeAll(async () => {
    t = await createTestApp();
    officer = await createTestUser(t.db, { kind: 'staff', givenName: 'Ettore', familyName: 'Enti', roles: [{ role: 'city', permission: 'enti' }] });
    editor = await createTestUser(t.db, { kind: 'staff', givenName: 'Carla', familyName: 'Contenuti', roles: [{ role: 'city', permission: 'content' }] });
    usersAdmin = await createTestUser(t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'users' }] });
    citizen = await createTestUser(t.db);
    officerAuth = await actingAs(t.app, t.db, officer.id);
    editorAuth = await actingAs(t.app, t.db, editor.id);

    category = await t.db.one(
      `select t.id, t.slug, t.code from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id
        where x.code = 'category' and t.code = 'servizi_socio_assistenziali'`,
    );
    const type = await t.db.one<{ id: string }>(`select id from taxonomy_term where parent_id = $1 order by position limit 1`, [category.id]);
    const m3 = await t.db.one<{ id: string }>(`select t.id from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = 'municipio' and t.code = 'm3'`);
    org = await insertOrg(t.db, { slug: 'ente-zibibbo', name: 'Cooperativa Zibibbo', email: 'info@zibibbo.example.org', taxCode: '09876543210' });
    draftOrg = await insertOrg(t.db, { slug: 'ente-zibibbo-bozza', name: 'Associazione Zibibbo in bozza', status: 'draft' });
    cardId = await insertMinimalService(t.db, { orgId: org.id, typeId: type.id, slug: CARD_SLUG, name: 'Servizio Zibibbo di quartiere' });
    await t.db.query('insert into service_area (service_id, municipio_id) values ($1, $2)', [cardId, m3.id]);
    await t.db.query(`insert into location (organization_id, kind, name, address, municipio_id) values ($1, 'ente_site', 'Sede Zibibbo', 'Via Zibibbo 1', $2)`, [org.id, m3.id]);
    await t.db.query('select refresh_service_search($1)', [cardId]);
    enteAdmin = await createTestUser(t.db, { kind: 'ente', givenName: 'Anna', familyName: 'Zibibbo', roles: [{ role: 'ente_admin', organizationId: org.id }] });
  });
  afterAll(async () => t?.close());

  const { get, post } = requestsTo(() => t.app);
  const search = async (query: string): Promise<SearchJson> => {
    const res = await get(`/api/v1/services?${query}`);
    expect(res.statusCode, query).toBe(200);
    return res.json() as SearchJson;
  };
  const termRow = (taxonomy: string, code: string) =>
    t.db.maybeOne<{ id: string; code: string; slug: string; name_it: string; synonyms: string[]; active: boolean; position: number; parent_id: string | null; icon: string | null }>(
      `select t.id, t.code, t.slug, t.name_it, t.synonyms, t.active, t.position, t.parent_id, t.icon
         from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = $1 and t.code = $2`,
      [taxonomy, code],
    );

  describe('access', () => {
    const taxonomyPages = () => ['/gestione-wemi/tassonomie', '/gestione-wemi/tassonomie/categorie', '/gestione-wemi/tassonomie/tipi-di-servizio/nuovo'];
    const entiPages = () => ['/gestione-wemi/enti', `/gestione-wemi/enti/${org.id}`, `/gestione-wemi/enti/${org.id}/sospendi`, '/gestione-wemi/schede-catalogo'];

    it('sends anonymous visitors to the login page (pages) or answers 401 (JSON)', async () => {
      for (const url of [...taxonomyPages(), ...entiPages()]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(303);
        expect(String(res.headers.location), url).toMatch(/^\/accedi\?ritorno=/);
        expect((await get(url, undefined, { accept: 'application/json' })).statusCode, url).toBe(401);
      }
    });

    it('refuses citizens, ente administrators and City staff without the permission', async () => {
      for (const user of [citizen, enteAdmin, usersAdmin]) {
        const auth = await actingAs(t.app, t.db, user.id);
        for (const url of [...taxonomyPages(), ...entiPages()]) expect((await get(url, auth)).statusCode, `${user.email} ${url}`).toBe(403);
        expect((await post(`/gestione-wemi/enti/${org.id}/sospendi`, { motivo: 'x' }, auth)).statusCode).toBe(403);
        expect((await post('/gestione-wemi/tassonomie/destinatari/nuovo', { nome_it: 'X', nome_en: 'X' }, auth)).statusCode).toBe(403);
      }
      expect((await t.db.one<{ status: string }>('select status from organization where id = $1', [org.id])).status).toBe('active');
    });

    it('opens the vocabularies to the "content" and "enti" permissions, enti and cards to "enti" only', async () => {
      for (const url of taxonomyPages()) {
        expect((await get(url, editorAuth)).statusCode, url).toBe(200);
        expect((await get(url, officerAuth)).statusCode, url).toBe(200);
      }
      for (const url of entiPages()) {
        expect((await get(url, editorAuth)).statusCode, url).toBe(403);
        expect((await get(url, officerAuth)).statusCode, url).toBe(200);
      }
      expect((await post(`/gestione-wemi/enti/${org.id}/sospendi`, { motivo: 'x' }, editorAuth)).statusCode).toBe(403);
      // The pages are never cached.
      expect((await get('/gestione-wemi/tassonomie', officerAuth)).headers['cache-control']).toBe('private, no-store');
    });
  });

  describe('vocabularies', () => {
    const NEW_TYPE = { it: 'Accompagnamento al mercato rionale', en: 'Escort to the local market' };
    const NEW_CODE = 'accompagnamento_al_mercato_rionale';
    const NEW_SLUG = 'accompagnamento-al-mercato-rionale';
    const DESCRIPTIONS = {
      descrizione_it: 'Un operatore accompagna la persona al mercato del quartiere.',
      descrizione_en: 'A care worker takes the person to the neighbourhood market.',
    };
    let typeCardSlug: string;

    it('lists the vocabularies, managed ones and fixed ones', async () => {
      const res = await get('/gestione-wemi/tassonomie', officerAuth);
      expect(res.statusCode).toBe(200);
      for (const slug of ['categorie', 'tipi-di-servizio', 'destinatari', 'mansioni', 'sostegni-economici', 'sezioni', 'municipi', 'fasce-orarie']) {
        expect(res.body).toContain(`href="/gestione-wemi/tassonomie/${slug}"`);
      }
      expect(res.body).toMatch(/data-taxonomy="section"[\s\S]*?Fissa \(sola lettura\)/);
      expect(res.body).toMatch(/data-taxonomy="category"[\s\S]*?Modificabile/);
    });

    it('shows sections, Municipi and time bands read only: no add, edit or deactivate', async () => {
      const res = await get('/gestione-wemi/tassonomie/sezioni', officerAuth);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Questa tassonomia è fissa');
      expect(res.body).toContain('data-term="domiciliarita"');
      expect(res.body).not.toContain('/gestione-wemi/tassonomie/sezioni/nuovo');
      expect(res.body).not.toContain('/disattiva');
      const section = (await termRow('section', 'domiciliarita'))!;
      expect((await get('/gestione-wemi/tassonomie/sezioni/nuovo', officerAuth)).statusCode).toBe(404);
      expect((await post('/gestione-wemi/tassonomie/municipi/nuovo', { nome_it: 'Municipio 10', nome_en: 'Municipio 10' }, officerAuth)).statusCode).toBe(404);
      expect((await get(`/gestione-wemi/tassonomie/sezioni/termini/${section.id}`, officerAuth)).statusCode).toBe(404);
      expect((await post(`/gestione-wemi/tassonomie/sezioni/termini/${section.id}/disattiva`, { conferma: 'si' }, officerAuth)).statusCode).toBe(404);
      expect((await post(`/gestione-wemi/tassonomie/fasce-orarie/nuovo`, { nome_it: 'Alba', nome_en: 'Dawn' }, officerAuth)).statusCode).toBe(404);
      expect((await termRow('section', 'domiciliarita'))!.active).toBe(true);
      expect((await get('/gestione-wemi/tassonomie/sconosciuta', officerAuth)).statusCode).toBe(404);
      // A term of another vocabulary is not found under this one.
      expect((await get(`/gestione-wemi/tassonomie/categorie/termini/${section.id}`, officerAuth)).statusCode).toBe(404);
      expect((await get('/gestione-wemi/tassonomie/categorie/termini/non-un-id', officerAuth)).statusCode).toBe(404);
    });

    it('refuses an incomplete term with 400, the problems listed and the values kept', async () => {
      const res = await post(
        '/gestione-wemi/tassonomie/destinatari/nuovo',
        { nome_it: '  ', nome_en: '', descrizione_it: 'Testo da <conservare>', sinonimi: 'uno, due', posizione: 'abc' },
        editorAuth,
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="error-summary"');
      expect(res.body).toContain('href="#nome_it"');
      expect(res.body).toContain('Scrivi il nome in italiano');
      expect(res.body).toContain('Scrivi il nome in inglese');
      expect(res.body).toContain('Scrivi un numero intero da 0 a 9999');
      expect(res.body).toContain('Testo da &lt;conservare&gt;');
      expect(res.body).toContain('value="uno, due"');

      // A category needs a section and an icon from the list.
      const cat = await post('/gestione-wemi/tassonomie/categorie/nuovo', { nome_it: 'Categoria senza sezione', nome_en: 'Category without section', icona: 'unicorno' }, officerAuth);
      expect(cat.statusCode).toBe(400);
      expect(cat.body).toContain('Scegli dall’elenco a cosa appartiene il termine');
      expect(cat.body).toContain('Scegli un’icona dall’elenco');
      expect(cat.body).toContain('value="Categoria senza sezione"');
      // A service type whose "category" is a section is refused too.
      const wrongParent = await post('/gestione-wemi/tassonomie/tipi-di-servizio/nuovo', { nome_it: 'Tipo sbagliato', nome_en: 'Wrong type', padre: 'domiciliarita' }, officerAuth);
      expect(wrongParent.statusCode).toBe(400);
      // Too many or too long synonyms, a name with no letters.
      const bad = await post(
        '/gestione-wemi/tassonomie/mansioni/nuovo',
        { nome_it: '!!!', nome_en: 'Marks', sinonimi: Array.from({ length: 31 }, (_, i) => `parola${i}`).join(',') },
        officerAuth,
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Al massimo 30 sinonimi');
      const noLetters = await post('/gestione-wemi/tassonomie/mansioni/nuovo', { nome_it: '!!!', nome_en: 'Marks' }, officerAuth);
      expect(noLetters.statusCode).toBe(400);
      expect(noLetters.body).toContain('Il nome deve contenere lettere o cifre');
      expect(await t.db.maybeOne(`select 1 from taxonomy_term where name_it in ('Categoria senza sezione', 'Tipo sbagliato', '!!!')`)).toBeUndefined();
    });

    it('adds a service type under a category: code and slug from the Italian name, synonyms as a list, audited', async () => {
      const before = await t.db.one<{ n: number }>(`select coalesce(max(position), 0)::int as n from taxonomy_term where parent_id = $1`, [category.id]);
      const res = await post(
        '/gestione-wemi/tassonomie/tipi-di-servizio/nuovo',
        {
          nome_it: NEW_TYPE.it,
          nome_en: NEW_TYPE.en,
          ...DESCRIPTIONS,
          padre: category.slug,
          sinonimi: 'Bancarelle, spesa al mercato,bancarelle ',
          posizione: '',
        },
        officerAuth,
      );
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/gestione-wemi/tassonomie/tipi-di-servizio?esito=termine-creato');
      const row = (await termRow('service_type', NEW_CODE))!;
      expect(row).toMatchObject({ slug: NEW_SLUG, name_it: NEW_TYPE.it, synonyms: ['bancarelle', 'spesa al mercato'], active: true, parent_id: category.id, icon: null, position: before.n + 1 });
      const audit = (await lastAudit(t.db, { action: 'catalogue.term.create', targetId: row.id }))!;
      expect(audit).toMatchObject({ actor_id: officer.id, target_type: 'taxonomy_term' });
      expect(audit.details).toMatchObject({ taxonomy: 'service_type', code: NEW_CODE, slug: NEW_SLUG, parentId: category.id });
      // The typo vocabulary knows its words at once.
      expect(await t.db.maybeOne(`select 1 from search_word where word = 'bancarelle'`)).toBeDefined();

      const list = await get(res.headers.location as string, officerAuth);
      expect(list.body).toContain('Termine aggiunto.');
      expect(list.body).toContain(`data-term="${NEW_CODE}"`);
      // Filter by parent category.
      const filtered = await get(`/gestione-wemi/tassonomie/tipi-di-servizio?padre=${category.slug}&q=mercato`, officerAuth);
      expect(filtered.body).toContain(`data-term="${NEW_CODE}"`);
      expect((await get('/gestione-wemi/tassonomie/tipi-di-servizio?stato=forse', officerAuth)).statusCode).toBe(400);

      // Same name again: refused. A name that makes the same slug: a free slug with a suffix.
      const again = await post('/gestione-wemi/tassonomie/tipi-di-servizio/nuovo', { nome_it: NEW_TYPE.it.toUpperCase(), nome_en: 'Another', padre: category.slug }, officerAuth);
      expect(again.statusCode).toBe(400);
      expect(again.body).toContain('Esiste già un termine con questo nome');
      const twin = await post('/gestione-wemi/tassonomie/tipi-di-servizio/nuovo', { nome_it: `${NEW_TYPE.it}!`, nome_en: 'Escort to the market, again', padre: category.slug }, officerAuth);
      expect(twin.statusCode).toBe(303);
      expect((await termRow('service_type', `${NEW_CODE}_2`))!.slug).toBe(`${NEW_SLUG}-2`);
    });

    it('needs no code change: the new type shows on the category page, and in the search facets once a card uses it', async () => {
      const page = await get(`/categorie/${category.slug}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`data-service-type="${NEW_SLUG}"`);
      expect(page.body).toContain(NEW_TYPE.it);
      expect((await search(`categoria=${category.slug}`)).facets.serviceTypes.map((f) => f.value)).not.toContain(NEW_SLUG);

      // An ente publishes a card of the new type (as the service-cards feature would on approval).
      const type = (await termRow('service_type', NEW_CODE))!;
      typeCardSlug = 'mercato-con-zibibbo';
      const id = await insertMinimalService(t.db, { orgId: org.id, typeId: type.id, slug: typeCardSlug, name: 'Al mercato con Zibibbo' });
      await t.db.query('select refresh_service_search($1)', [id]);

      const facets = (await search(`categoria=${category.slug}`)).facets.serviceTypes;
      expect(facets.find((f) => f.value === NEW_SLUG)).toMatchObject({ count: 1 });
      const byType = await search(`categoria=${category.slug}&tipo=${NEW_SLUG}`);
      expect(byType.items.map((i) => i.slug)).toEqual([typeCardSlug]);
      const html = await get(`/servizi?categoria=${category.slug}&tipo=${NEW_SLUG}`);
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('Al mercato con Zibibbo');
      // The type's synonyms are in the card's search document.
      expect((await search('q=bancarelle')).items.map((i) => i.slug)).toContain(typeCardSlug);
      expect(((await get('/api/v1/taxonomies')).json() as { taxonomies: { code: string; terms: { slug: string }[] }[] }).taxonomies
        .find((x) => x.code === 'service_type')!.terms.map((x) => x.slug)).toContain(NEW_SLUG);
    });

    it('edits a term: 400 with the values kept; names and synonyms rebuild the search at once; code and slug stay', async () => {
      const type = (await termRow('service_type', NEW_CODE))!;
      const url = `/gestione-wemi/tassonomie/tipi-di-servizio/termini/${type.id}`;
      const page = await get(url, editorAuth);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('value="bancarelle, spesa al mercato"');
      expect(page.body).toContain(`<option value="${category.slug}" selected`);

      const bad = await post(url, { ...DESCRIPTIONS, nome_it: '', nome_en: NEW_TYPE.en, padre: category.slug, sinonimi: 'zucchinata, ortolano', posizione: '12' }, editorAuth);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Scrivi il nome in italiano');
      expect(bad.body).toContain('value="zucchinata, ortolano"');
      expect(bad.body).toContain('value="12"');
      expect((await termRow('service_type', NEW_CODE))!.synonyms).toEqual(['bancarelle', 'spesa al mercato']);

      const ok = await post(url, { ...DESCRIPTIONS, nome_it: `${NEW_TYPE.it} e in bottega`, nome_en: NEW_TYPE.en, padre: category.slug, sinonimi: 'zucchinata, ortolano', posizione: '12' }, editorAuth);
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/gestione-wemi/tassonomie/tipi-di-servizio?esito=termine-modificato');
      const row = (await termRow('service_type', NEW_CODE))!;
      expect(row).toMatchObject({ code: NEW_CODE, slug: NEW_SLUG, name_it: `${NEW_TYPE.it} e in bottega`, synonyms: ['zucchinata', 'ortolano'], position: 12 });
      const audit = (await lastAudit(t.db, { action: 'catalogue.term.update', targetId: type.id }))!;
      expect(audit.actor_id).toBe(editor.id);
      expect(audit.details).toMatchObject({ changed: ['nameIt', 'synonyms', 'position'], searchRefreshed: true });
      // The card's search document follows the new words at once.
      expect((await search('q=zucchinata')).items.map((i) => i.slug)).toContain(typeCardSlug);
      expect((await search('q=bottega')).items.map((i) => i.slug)).toContain(typeCardSlug);

      // A position alone does not touch the search.
      const moved = await post(url, { ...DESCRIPTIONS, nome_it: `${NEW_TYPE.it} e in bottega`, nome_en: NEW_TYPE.en, padre: category.slug, sinonimi: 'zucchinata, ortolano', posizione: '13' }, editorAuth);
      expect(moved.statusCode).toBe(303);
      expect((await lastAudit(t.db, { action: 'catalogue.term.update', targetId: type.id }))!.details).toMatchObject({ changed: ['position'], searchRefreshed: false });
    });

    it('deactivates a term used by a published card only after a confirmation that says how many; it stays on the card', async () => {
      const type = (await termRow('service_type', NEW_CODE))!;
      const url = `/gestione-wemi/tassonomie/tipi-di-servizio/termini/${type.id}/disattiva`;
      const confirm = await get(url, officerAuth);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('Attenzione: 1 scheda pubblicata usa questo termine');
      expect(confirm.body).toContain('name="conferma"');

      const unconfirmed = await post(url, {}, officerAuth);
      expect(unconfirmed.statusCode).toBe(400);
      expect(unconfirmed.body).toContain('Conferma che vuoi disattivare il termine anche se 1 schede pubblicate lo usano');
      expect((await termRow('service_type', NEW_CODE))!.active).toBe(true);

      const done = await post(url, { conferma: 'si' }, officerAuth);
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe('/gestione-wemi/tassonomie/tipi-di-servizio?esito=termine-disattivato');
      expect((await termRow('service_type', NEW_CODE))!.active).toBe(false);
      expect((await lastAudit(t.db, { action: 'catalogue.term.deactivate', targetId: type.id }))!.details).toMatchObject({ published: 1, cards: 1 });

      // Gone from the public lists; the card keeps it and stays public.
      expect((await get(`/categorie/${category.slug}`)).body).not.toContain(`data-service-type="${NEW_SLUG}"`);
      expect((await search(`categoria=${category.slug}`)).facets.serviceTypes.map((f) => f.value)).not.toContain(NEW_SLUG);
      expect((await get(`/api/hsds/taxonomy_terms/${type.id}`)).statusCode).toBe(404);
      expect(((await get('/api/v1/taxonomies')).json() as { taxonomies: { code: string; terms: { slug: string }[] }[] }).taxonomies
        .find((x) => x.code === 'service_type')!.terms.map((x) => x.slug)).not.toContain(NEW_SLUG);
      expect((await get(`/servizi/${typeCardSlug}`)).statusCode).toBe(200);
      expect((await t.db.one<{ service_type_id: string; status: string }>('select service_type_id, status from service where slug = $1', [typeCardSlug]))).toEqual({ service_type_id: type.id, status: 'published' });
      // Listed as deactivated, with a link to reactivate.
      const list = await get('/gestione-wemi/tassonomie/tipi-di-servizio?stato=disattivati', officerAuth);
      expect(list.body).toContain(`data-term="${NEW_CODE}" data-term-active="false"`);
      expect(list.body).toContain(`/termini/${type.id}/riattiva`);
      // Twice: refused.
      expect((await post(url, { conferma: 'si' }, officerAuth)).statusCode).toBe(400);
    });

    it('reactivates a term: back in the public lists', async () => {
      const type = (await termRow('service_type', NEW_CODE))!;
      const url = `/gestione-wemi/tassonomie/tipi-di-servizio/termini/${type.id}/riattiva`;
      expect((await get(url, editorAuth)).statusCode).toBe(200);
      const res = await post(url, {}, editorAuth);
      expect(res.statusCode).toBe(303);
      expect((await termRow('service_type', NEW_CODE))!.active).toBe(true);
      expect((await lastAudit(t.db, { action: 'catalogue.term.reactivate', targetId: type.id }))!.actor_id).toBe(editor.id);
      expect((await get(`/categorie/${category.slug}`)).body).toContain(`data-service-type="${NEW_SLUG}"`);
      expect((await search(`categoria=${category.slug}`)).facets.serviceTypes.find((f) => f.value === NEW_SLUG)).toMatchObject({ count: 1 });
      expect((await post(url, {}, editorAuth)).statusCode).toBe(400);
    });

    it('deactivates an unused term without the extra confirmation; escapes names', async () => {
      const twin = (await termRow('service_type', `${NEW_CODE}_2`))!;
      const url = `/gestione-wemi/tassonomie/tipi-di-servizio/termini/${twin.id}/disattiva`;
      const page = await get(url, officerAuth);
      expect(page.body).toContain('Nessuna scheda pubblicata usa questo termine.');
      expect(page.body).not.toContain('name="conferma"');
      expect((await post(url, {}, officerAuth)).statusCode).toBe(303);
      expect((await termRow('service_type', `${NEW_CODE}_2`))!.active).toBe(false);

      const res = await post('/gestione-wemi/tassonomie/sostegni-economici/nuovo', { nome_it: '<script>alert(1)</script> Bonus', nome_en: 'Bonus <b>', sinonimi: '' }, officerAuth);
      expect(res.statusCode).toBe(303);
      const list = await get('/gestione-wemi/tassonomie/sostegni-economici', officerAuth);
      expect(list.body).not.toContain('<script>alert(1)</script>');
      expect(list.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Bonus');
      expect((await termRow('support_scheme', 'script_alert_1_script_bonus'))!.slug).toBe('script-alert-1-script-bonus');
    });

    it('adds a category with its section and icon', async () => {
      const res = await post(
        '/gestione-wemi/tassonomie/categorie/nuovo',
        { nome_it: 'Cura degli animali domestici Zibibbo', nome_en: 'Pet care Zibibbo', padre: 'domiciliarita', icona: 'pin', posizione: '40' },
        officerAuth,
      );
      expect(res.statusCode).toBe(303);
      const row = (await termRow('category', 'cura_degli_animali_domestici_zibibbo'))!;
      expect(row).toMatchObject({ icon: 'pin', position: 40, parent_id: (await termRow('section', 'domiciliarita'))!.id });
      expect((await get('/aree/domiciliarita')).body).toContain('Cura degli animali domestici Zibibbo');
    });
  });

  describe('enti by state', () => {
    const publicSide = async () => ({
      card: (await get(`/servizi/${CARD_SLUG}`)).statusCode,
      cardApi: (await get(`/api/v1/services/${CARD_SLUG}`)).statusCode,
      search: (await search('q=zibibbo&per_pagina=50')).items.some((i) => i.slug === CARD_SLUG),
      ente: (await get(`/enti/${org.slug}`)).statusCode,
      entiList: (await get('/enti?q=zibibbo')).body.includes(`/enti/${org.slug}"`),
      entiApi: ((await get('/api/v1/organizations?q=zibibbo')).json() as { items: { slug: string }[] }).items.some((i) => i.slug === org.slug),
      hsdsService: (await get(`/api/hsds/services/${cardId}`)).statusCode,
      hsdsOrganization: (await get(`/api/hsds/organizations/${org.id}`)).statusCode,
    });
    const visible = { card: 200, cardApi: 200, search: true, ente: 200, entiList: true, entiApi: true, hsdsService: 200, hsdsOrganization: 200 };
    const hidden = { card: 404, cardApi: 404, search: false, ente: 404, entiList: false, entiApi: false, hsdsService: 404, hsdsOrganization: 404 };
    const statusOf = async (id: string) => t.db.one<{ status: string; status_reason: string | null }>('select status, status_reason from organization where id = $1', [id]);

    it('lists enti by status with counts and filters', async () => {
      const res = await get('/gestione-wemi/enti?q=zibibbo', officerAuth);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`data-ente="${org.slug}" data-status="active"`);
      expect(res.body).toContain(`data-ente="${draftOrg.slug}" data-status="draft"`);
      expect(res.body).toContain('2 enti');
      expect(res.body).toMatch(/data-status="active"><a [^>]*>Attivo: 1<\/a>/);
      expect(res.body).toMatch(/data-status="draft"><a [^>]*>In qualificazione: 1<\/a>/);
      // Status, category and Municipio filters.
      const active = await get('/gestione-wemi/enti?q=zibibbo&stato=active', officerAuth);
      expect(active.body).toContain(`data-ente="${org.slug}"`);
      expect(active.body).not.toContain(`data-ente="${draftOrg.slug}"`);
      const byCategory = await get(`/gestione-wemi/enti?q=zibibbo&categoria=${category.slug}`, officerAuth);
      expect(byCategory.body).toContain(`data-ente="${org.slug}"`);
      expect(byCategory.body).not.toContain(`data-ente="${draftOrg.slug}"`);
      expect((await get('/gestione-wemi/enti?q=zibibbo&municipio=municipio-3', officerAuth)).body).toContain(`data-ente="${org.slug}"`);
      expect((await get('/gestione-wemi/enti?q=zibibbo&municipio=municipio-9', officerAuth)).body).not.toContain(`data-ente="${org.slug}"`);
      // By tax code; the whole list paginates.
      expect((await get('/gestione-wemi/enti?q=09876543210', officerAuth)).body).toContain(`data-ente="${org.slug}"`);
      const all = await get('/gestione-wemi/enti?pagina=2', officerAuth);
      expect(all.statusCode).toBe(200);
      expect(all.body).toContain('aria-current="page"');
      // Bad filters: 400 with the problem.
      for (const q of ['stato=chiuso', 'categoria=nessuna', 'municipio=m99', `q=${'x'.repeat(101)}`]) {
        const bad = await get(`/gestione-wemi/enti?${q}`, officerAuth);
        expect(bad.statusCode, q).toBe(400);
        expect(bad.body).toContain('id="error-summary"');
      }
    });

    it('shows an ente with its cards and the actions its status allows', async () => {
      const res = await get(`/gestione-wemi/enti/${org.id}`, officerAuth);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Cooperativa Zibibbo');
      expect(res.body).toContain(`/gestione-wemi/enti/${org.id}/sospendi`);
      expect(res.body).toContain(`/gestione-wemi/enti/${org.id}/revoca`);
      expect(res.body).not.toContain(`/gestione-wemi/enti/${org.id}/riattiva`);
      expect(res.body).toMatch(/data-status="published"><a [^>]*>Pubblicata: 2<\/a>/);
      expect((await get('/gestione-wemi/enti/00000000-0000-4000-8000-000000000000', officerAuth)).statusCode).toBe(404);
      expect((await get('/gestione-wemi/enti/zibibbo', officerAuth)).statusCode).toBe(404);
    });

    it('suspends an ente after a confirmation with a reason: it and its cards vanish at once, its people keep their back office', async () => {
      expect(await publicSide()).toEqual(visible);
      const url = `/gestione-wemi/enti/${org.id}/sospendi`;
      const page = await get(url, officerAuth);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('name="motivo"');

      const noReason = await post(url, { motivo: '   ' }, officerAuth);
      expect(noReason.statusCode).toBe(400);
      expect(noReason.body).toContain('Scrivi il motivo');
      expect((await post(url, { motivo: 'Senza token' }, officerAuth, false)).statusCode).toBe(403);
      expect((await statusOf(org.id)).status).toBe('active');

      const reason = 'Verifica dei requisiti in corso <urgente>';
      const res = await post(url, { motivo: reason }, officerAuth);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/gestione-wemi/enti/${org.id}?esito=ente-sospeso`);
      expect(await statusOf(org.id)).toEqual({ status: 'suspended', status_reason: reason });
      // The cards stay as they are, out of the public catalogue through the ente's status.
      expect((await t.db.one<{ status: string }>('select status from service where id = $1', [cardId])).status).toBe('published');
      expect(await publicSide()).toEqual(hidden);

      const audit = (await lastAudit(t.db, { action: 'catalogue.ente.suspend', targetId: org.id }))!;
      expect(audit).toMatchObject({ actor_id: officer.id, target_type: 'organization' });
      expect(audit.details).toEqual({ from: 'active', to: 'suspended', reason, notified: 1 });
      const mails = await queuedMail(t.db, enteAdmin.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe('WeMi: Cooperativa Zibibbo è sospeso');
      expect(mails[0]!.text_body).toContain(`Motivo: ${reason}`);
      expect(mails[0]!.text_body).toContain('Gentile Anna Zibibbo');

      const pageAfter = await get(`${res.headers.location}`, officerAuth);
      expect(pageAfter.body).toContain('Ente sospeso');
      expect(pageAfter.body).toContain('Verifica dei requisiti in corso &lt;urgente&gt;');
      expect(pageAfter.body).toContain(`/gestione-wemi/enti/${org.id}/riattiva`);
      // Its administrator keeps the ente back office.
      expect((await get('/gestione-ente', await actingAs(t.app, t.db, enteAdmin.id))).statusCode).toBe(200);
      // Listed as suspended.
      expect((await get('/gestione-wemi/enti?stato=suspended&q=zibibbo', officerAuth)).body).toContain(`data-ente="${org.slug}" data-status="suspended"`);
    });

    it('refuses transitions the status machine does not allow', async () => {
      // Suspended → suspend again: refused (page and post).
      const page = await get(`/gestione-wemi/enti/${org.id}/sospendi`, officerAuth);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Non si può sospendere un ente in stato «Sospeso»');
      expect(page.body).not.toContain('name="motivo"');
      const again = await post(`/gestione-wemi/enti/${org.id}/sospendi`, { motivo: 'Di nuovo' }, officerAuth);
      expect(again.statusCode).toBe(400);
      expect(again.body).toContain('Non si può sospendere');
      // A draft ente (still being qualified) can be neither suspended, revoked nor reactivated from here.
      for (const action of ['sospendi', 'revoca', 'riattiva']) {
        expect((await post(`/gestione-wemi/enti/${draftOrg.id}/${action}`, { motivo: 'Prova' }, officerAuth)).statusCode, action).toBe(400);
      }
      expect((await statusOf(draftOrg.id)).status).toBe('draft');
      expect(await lastAudit(t.db, { action: 'catalogue.ente.suspend', targetId: draftOrg.id })).toBeUndefined();
    });

    it('reactivates a suspended ente: back in the public catalogue', async () => {
      const url = `/gestione-wemi/enti/${org.id}/riattiva`;
      expect((await post(url, { motivo: '' }, officerAuth)).statusCode).toBe(400);
      const res = await post(url, { motivo: 'Requisiti verificati' }, officerAuth);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/gestione-wemi/enti/${org.id}?esito=ente-riattivato`);
      expect(await statusOf(org.id)).toEqual({ status: 'active', status_reason: null });
      expect(await publicSide()).toEqual(visible);
      expect((await lastAudit(t.db, { action: 'catalogue.ente.reactivate', targetId: org.id }))!.details).toEqual({ from: 'suspended', to: 'active', reason: 'Requisiti verificati', notified: 1 });
      expect((await queuedMail(t.db, enteAdmin.email)).map((m) => m.subject)).toEqual(['WeMi: Cooperativa Zibibbo è sospeso', 'WeMi: Cooperativa Zibibbo è di nuovo attivo']);
      // Active → reactivate: refused.
      expect((await post(url, { motivo: 'Ancora' }, officerAuth)).statusCode).toBe(400);
    });
  });

  describe('cards by state', () => {
    let paidId: string;

    beforeAll(async () => {
      const type = await t.db.one<{ id: string }>(`select id from taxonomy_term where parent_id = $1 order by position limit 1`, [category.id]);
      paidId = await insertMinimalService(t.db, { orgId: org.id, typeId: type.id, slug: 'zibibbo-a-pagamento', name: 'Zibibbo a pagamento', offerType: 'paid' });
      const list = await t.db.one<{ id: string }>(`insert into price_list (service_id, valid_from, valid_to) values ($1, ${TODAY} - 30, ${TODAY} + 5) returning id`, [paidId]);
      await t.db.query('insert into price_tier (price_list_id, unit_price) values ($1, 18)', [list.id]);
      await insertMinimalService(t.db, { orgId: org.id, typeId: type.id, slug: 'zibibbo-scaduta', name: 'Zibibbo scaduta', offerType: 'paid', status: 'expired' });
      await insertMinimalService(t.db, { orgId: org.id, typeId: type.id, slug: 'zibibbo-bozza', name: 'Zibibbo bozza', status: 'draft' });
    });

    it('lists the cards of an ente by status, with counts', async () => {
      const res = await get(`/gestione-wemi/schede-catalogo?ente=${org.id}`, officerAuth);
      expect(res.statusCode).toBe(200);
      for (const slug of [CARD_SLUG, 'zibibbo-a-pagamento', 'zibibbo-scaduta', 'zibibbo-bozza']) expect(res.body, slug).toContain(`data-card="${slug}"`);
      expect(res.body).toMatch(/data-status="published"><a [^>]*>Pubblicata: 3<\/a>/);
      expect(res.body).toMatch(/data-status="expired"><a [^>]*>Scaduta: 1<\/a>/);
      expect(res.body).toMatch(/data-status="draft"><a [^>]*>Bozza: 1<\/a>/);
      expect(res.body).toContain('Nessun listino valido oggi');
      const expired = await get(`/gestione-wemi/schede-catalogo?ente=${org.id}&stato=expired`, officerAuth);
      expect(expired.body).toContain('data-card="zibibbo-scaduta"');
      expect(expired.body).not.toContain('data-card="zibibbo-bozza"');
      expect((await get(`/gestione-wemi/schede-catalogo?categoria=${category.slug}&ente=${org.id}`, officerAuth)).body).toContain(`data-card="${CARD_SLUG}"`);
      // The ente page links its expired cards.
      expect((await get(`/gestione-wemi/enti?q=zibibbo`, officerAuth)).body).toContain(`/gestione-wemi/schede-catalogo?ente=${org.id}&amp;stato=expired`);
    });

    it('finds paid cards whose price list ends within N days', async () => {
      const within7 = await get(`/gestione-wemi/schede-catalogo?ente=${org.id}&scadenza=7`, officerAuth);
      expect(within7.statusCode).toBe(200);
      expect(within7.body).toContain('data-card="zibibbo-a-pagamento"');
      expect(within7.body).not.toContain(`data-card="${CARD_SLUG}"`);
      expect(within7.body).toContain('1 scheda');
      expect((await get(`/gestione-wemi/schede-catalogo?ente=${org.id}&scadenza=3`, officerAuth)).body).not.toContain('data-card="zibibbo-a-pagamento"');
      // A later list continues the coverage: no longer expiring.
      const next = await t.db.one<{ id: string }>(`insert into price_list (service_id, valid_from, valid_to) values ($1, ${TODAY} + 6, null) returning id`, [paidId]);
      await t.db.query('insert into price_tier (price_list_id, unit_price) values ($1, 19)', [next.id]);
      expect((await get(`/gestione-wemi/schede-catalogo?ente=${org.id}&scadenza=7`, officerAuth)).body).not.toContain('data-card="zibibbo-a-pagamento"');
    });

    it('refuses bad filters with 400', async () => {
      for (const q of ['scadenza=0', 'scadenza=abc', 'scadenza=366', 'stato=perduta', 'ente=non-un-id', 'ente=00000000-0000-4000-8000-000000000000', 'categoria=nessuna']) {
        const res = await get(`/gestione-wemi/schede-catalogo?${q}`, officerAuth);
        expect(res.statusCode, q).toBe(400);
        expect(res.body).toContain('id="error-summary"');
      }
    });

    it('revokes an ente for good', async () => {
      const res = await post(`/gestione-wemi/enti/${org.id}/revoca`, { motivo: 'Requisiti persi' }, officerAuth);
      expect(res.statusCode).toBe(303);
      expect(await statusOf(org.id)).toEqual({ status: 'revoked', status_reason: 'Requisiti persi' });
      expect((await get(`/servizi/${CARD_SLUG}`)).statusCode).toBe(404);
      expect((await get(`/api/hsds/organizations/${org.id}`)).statusCode).toBe(404);
      for (const action of ['riattiva', 'sospendi', 'revoca']) {
        expect((await post(`/gestione-wemi/enti/${org.id}/${action}`, { motivo: 'Prova' }, officerAuth)).statusCode, action).toBe(400);
      }
      expect((await get(`/gestione-wemi/enti/${org.id}`, officerAuth)).body).toContain('la revoca è definitiva');
      expect((await lastAudit(t.db, { action: 'catalogue.ente.revoke', targetId: org.id }))!.details).toMatchObject({ from: 'active', to: 'revoked' });
    });

    const statusOf = async (id: string) => t.db.one<{ status: string; status_reason: string | null }>('select status, status_reason from organization where id = $1', [id]);
  });
});
