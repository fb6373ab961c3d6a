import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database';
import { createTestApp, csrfFor, type TestApp } from '../support/app';
import { actingAs, createTestUser } from '../support/accounts';
import { auditCount, lastAudit } from '../support/audit';
import { getPage, postForm, type Auth } from '../support/http';
import { text } from '../support/html';
import { upsertSpazi } from '../../src/db/seed/spazi';
import { cityPaths } from '../../src/web/paths';

// Spazi WeMi pages and API, on the demo data plus a few fixtures of our own that pin down the edge cases:
// a Spazio with coordinates, one without, an inactive one, an active and a suspended ente linked to it, and a
// published and a draft service delivered there.

const F = {
  withMap: 'zz-test-spazio-mappa',
  noMap: 'zz-test-spazio-senza-mappa',
  inactive: 'zz-test-spazio-chiuso',
  activeOrg: 'zz-test-ente-attivo',
  suspendedOrg: 'zz-test-ente-sospeso',
  publicService: 'zz-test-servizio-pubblicato',
  draftService: 'zz-test-servizio-bozza',
};

async function termId(db: Db, taxonomy: string, code: string, extra: { slug: string; name: string; position?: number; parentId?: string }) {
  await db.query(
    `insert into taxonomy (code, name_it, name_en) values ($1, $1, $1) on conflict (code) do nothing`,
    [taxonomy],
  );
  await db.query(
    `insert into taxonomy_term (taxonomy_id, parent_id, code, slug, name_it, name_en, position)
     select id, $3, $2, $4, $5, $5, $6 from taxonomy where code = $1
     on conflict (taxonomy_id, code) do nothing`,
    [taxonomy, code, extra.parentId ?? null, extra.slug, extra.name, extra.position ?? 0],
  );
  const row = await db.one<{ id: string }>(
    `select t.id from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = $1 and t.code = $2`,
    [taxonomy, code],
  );
  return row.id;
}

async function insertFixtures(db: Db): Promise<void> {
  for (let n = 1; n <= 9; n++) await termId(db, 'municipio', `m${n}`, { slug: `municipio-${n}`, name: `Municipio ${n}`, position: n });
  const m3 = await termId(db, 'municipio', 'm3', { slug: 'municipio-3', name: 'Municipio 3', position: 3 });
  const section = await termId(db, 'section', 'zz_test_sezione', { slug: 'zz-test-sezione', name: 'Sezione di prova' });
  const category = await termId(db, 'category', 'zz_test_categoria', { slug: 'zz-test-categoria', name: 'Categoria di prova', parentId: section });
  const type = await termId(db, 'service_type', 'zz_test_tipo', { slug: 'zz-test-tipo', name: 'Tipo di prova', parentId: category });
  const org = async (slug: string, name: string, status: string) =>
    (await db.one<{ id: string }>(`insert into organization (slug, name, status) values ($1, $2, $3) returning id`, [slug, name, status])).id;
  const active = await org(F.activeOrg, 'Ente di prova attivo', 'active');
  const suspended = await org(F.suspendedOrg, 'Ente di prova sospeso', 'suspended');
  const spazio = async (slug: string, name: string, opts: { lat?: number; lng?: number; active?: boolean }) =>
    (
      await db.one<{ id: string }>(
        `insert into location (kind, slug, name, address, postal_code, city, municipio_id, latitude, longitude, email, phone,
                               hours_it, hours_en, managed_by, description_it, description_en, active)
         values ('spazio_wemi', $1, $2, 'Via della Prova 7', '20133', 'Milano', $3, $4, $5, 'prova@example.org', '02 1234 5678',
                 'Lunedì 9-13', 'Monday 9am-1pm', 'Cooperativa Prova', 'Descrizione di prova', 'Test description', $6)
         returning id`,
        [slug, name, m3, opts.lat ?? null, opts.lng ?? null, opts.active ?? true],
      )
    ).id;
  const withMap = await spazio(F.withMap, 'Spazio WeMi Prova Mappa', { lat: 45.4781, lng: 9.2269 });
  await spazio(F.noMap, 'Spazio WeMi Prova Senza Mappa', {});
  await spazio(F.inactive, 'Spazio WeMi Prova Chiuso', { active: false });
  await db.query(`insert into organization_spazio (organization_id, location_id) values ($1, $3), ($2, $3)`, [active, suspended, withMap]);
  const service = async (slug: string, name: string, status: string) =>
    (
      await db.one<{ id: string }>(
        `insert into service (organization_id, service_type_id, slug, name, offer_type, status) values ($1, $2, $3, $4, 'free_public', $5) returning id`,
        [active, type, slug, name, status],
      )
    ).id;
  const pub = await service(F.publicService, 'Servizio di prova pubblicato', 'published');
  const draft = await service(F.draftService, 'Servizio di prova in bozza', 'draft');
  await db.query(`insert into service_at_location (service_id, location_id) values ($1, $3), ($2, $3)`, [pub, draft, withMap]);
}

/** Slugs of the Spazi listed on a page, in order. */
const listedSlugs = (html: string) => [...html.matchAll(/data-spazio="([^"]+)"/g)].map((m) => m[1]!);

describe('Spazi WeMi', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertFixtures(t.db);
  });
  afterAll(async () => t?.close());

  /** Slugs of the public Spazi (confirmed and unconfirmed), as the database says. */
  const activeSlugs = async (municipio?: number) =>
    (
      await t.db.query<{ slug: string }>(
        `select l.slug from location l left join taxonomy_term m on m.id = l.municipio_id
         where l.kind = 'spazio_wemi' and l.spazio_status in ('confirmed', 'unconfirmed') and ($1::int is null or m.position = $1)`,
        [municipio ?? null],
      )
    ).map((r) => r.slug);

  it('lists every public Spazio WeMi, grouped by Municipio, and no archived one', async () => {
    const res = await t.app.inject('/spazi-wemi');
    expect(res.statusCode).toBe(200);
    const listed = listedSlugs(res.body);
    const expected = await activeSlugs();
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect([...listed].sort()).toEqual([...expected].sort());
    expect(listed).not.toContain(F.inactive);
    expect(res.body).toContain('<h1');
    expect(res.body).toContain('data-element="breadcrumb"');
    expect(res.body).toContain('Cosa puoi fare in uno Spazio WeMi');
    expect(res.body).toMatch(/<h2[^>]*id="municipio-3-title"[^>]*>Municipio 3<\/h2>/);
    // The card shows address, contacts and who runs it, and links to the page of the Spazio.
    const card = res.body.slice(res.body.indexOf(`data-spazio="${F.withMap}"`)).split('</article>')[0]!;
    expect(card).toContain(`href="/spazi-wemi/${F.withMap}"`);
    expect(card).toContain('Via della Prova 7, 20133 Milano');
    expect(card).toContain('mailto:prova@example.org');
    expect(card).toContain('href="tel:0212345678"');
    expect(card).toContain('Cooperativa Prova');
  });

  it('filters by Municipio exactly as the database does, with a GET form that works without JavaScript', async () => {
    for (let n = 1; n <= 9; n++) {
      const res = await t.app.inject(`/spazi-wemi?municipio=${n}`);
      expect(res.statusCode, `municipio ${n}`).toBe(200);
      const expected = await activeSlugs(n);
      const listed = listedSlugs(res.body.split('id="spazi-nearby-title"')[0]!);
      expect([...listed].sort(), `municipio ${n}`).toEqual([...expected].sort());
      expect(res.body).toMatch(new RegExp(`<option value="${n}" selected>`));
    }
    const form = /<form[^>]*method="get"[^>]*action="\/spazi-wemi"[\s\S]*?<\/form>/.exec((await t.app.inject('/spazi-wemi')).body)?.[0];
    expect(form).toBeDefined();
    expect(form).toContain('<label for="municipio">');
    expect(form).toContain('name="municipio"');
    expect(form).toContain('type="submit"');
  });

  it('suggests nearby Municipi when one has no Spazio', async () => {
    // Archive every Spazio of Municipio 9 for this test, then give them back their status.
    const closed = await t.db.query<{ id: string; status: string }>(
      `with before as (select l.id, l.spazio_status from location l join taxonomy_term m on m.id = l.municipio_id
                        where m.position = 9 and l.kind = 'spazio_wemi' and l.spazio_status <> 'archived')
       update location l set spazio_status = 'archived' from before where before.id = l.id returning l.id, before.spazio_status as status`,
    );
    try {
      const res = await t.app.inject('/spazi-wemi?municipio=9');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Nel Municipio 9 non ci sono Spazi WeMi');
      expect(res.body).toContain('href="/spazi-wemi"');
      // Neighbours of Municipio 9 are 1, 2 and 8; the nearby list shows exactly their active Spazi.
      const expected = [...(await activeSlugs(1)), ...(await activeSlugs(2)), ...(await activeSlugs(8))];
      const nearby = res.body.split('id="spazi-nearby-title"')[1] ?? '';
      expect([...listedSlugs(nearby)].sort()).toEqual(expected.sort());
    } finally {
      for (const c of closed) await t.db.query(`update location set spazio_status = $2 where id = $1`, [c.id, c.status]);
    }
  });

  it('answers an invalid Municipio with a 400 page that explains the problem', async () => {
    for (const bad of ['0', '10', 'tre', '3.5']) {
      const res = await t.app.inject(`/spazi-wemi?municipio=${encodeURIComponent(bad)}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('Scegli un Municipio tra 1 e 9');
      expect(res.body).toContain(`«${bad}»`);
      expect(res.body).toContain('aria-invalid="true"');
      expect(listedSlugs(res.body)).toEqual([]);
    }
  });

  it('shows a Spazio with address, hours, contacts, managing body, only active enti and only public services', async () => {
    const res = await t.app.inject(`/spazi-wemi/${F.withMap}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('Spazio WeMi Prova Mappa</h1>');
    expect(body).toContain('Via della Prova 7');
    expect(body).toContain('20133 Milano');
    expect(body).toContain('Municipio 3');
    expect(body).toContain('Lunedì 9-13');
    expect(body).toContain('mailto:prova@example.org');
    expect(body).toContain('02 1234 5678');
    expect(body).toContain('Cooperativa Prova');
    expect(body).toContain('Descrizione di prova');
    expect(body).toContain(`href="/enti/${F.activeOrg}"`);
    expect(body).not.toContain(F.suspendedOrg);
    expect(body).toContain(`href="/servizi/${F.publicService}"`);
    expect(body).not.toContain(F.draftService);
  });

  it('lists on each demo Spazio exactly its active enti', async () => {
    const spazi = await t.db.query<{ id: string; slug: string }>(`select id, slug from location where kind = 'spazio_wemi' and spazio_status <> 'archived'`);
    for (const s of spazi) {
      const body = (await t.app.inject(`/spazi-wemi/${s.slug}`)).body;
      const section = body.split('id="enti-title"')[1]!.split('</section>')[0]!;
      const linked = [...section.matchAll(/href="\/enti\/([^"]+)"/g)].map((m) => m[1]!);
      const expected = (
        await t.db.query<{ slug: string }>(
          `select o.slug from organization_spazio os join organization o on o.id = os.organization_id
           where os.location_id = $1 and o.status = 'active'`,
          [s.id],
        )
      ).map((r) => r.slug);
      expect([...linked].sort(), s.slug).toEqual(expected.sort());
    }
  });

  it('renders the map only when there are coordinates, and the address text always', async () => {
    const withMap = (await t.app.inject(`/spazi-wemi/${F.withMap}`)).body;
    const mapDiv = /<div[^>]*data-wemi-map[^>]*>/.exec(withMap)?.[0];
    expect(mapDiv).toBeDefined();
    expect(mapDiv).toContain('data-lat="45.4781"');
    expect(mapDiv).toContain('data-lng="9.2269"');
    expect(mapDiv).toContain('data-label="Spazio WeMi Prova Mappa"');
    expect(mapDiv).toContain('data-tile-url="https://');
    expect(mapDiv).toContain('data-attribution=');
    expect(mapDiv).toMatch(/aria-label="[^"]+"/);
    expect(mapDiv).toContain('Mappa non disponibile: l&#39;indirizzo è Via della Prova 7, 20133 Milano.');
    expect(mapDiv).not.toContain('style=');
    expect(withMap).toMatch(/<figure[^>]*class="wemi-map-figure"/);
    expect(withMap).toContain('<figcaption');
    expect(withMap).toContain('https://www.openstreetmap.org/?mlat=45.478100&amp;mlon=9.226900');
    expect(withMap).toMatch(/<script type="module" src="\/static\/js\/map\.[^"]+\.js">/);
    expect(withMap).toMatch(/<link rel="stylesheet" href="\/static\/css\/leaflet\.[^"]+\.css">/);

    const noMap = (await t.app.inject(`/spazi-wemi/${F.noMap}`)).body;
    expect(noMap).not.toContain('data-wemi-map');
    expect(noMap).not.toMatch(/\/static\/js\/map\./);
    expect(noMap).toContain('<figcaption');
    expect(noMap).toContain('Via della Prova 7');
    expect(noMap).toContain('https://www.openstreetmap.org/search?query=');
  });

  it('renders the map markup for every demo Spazio with coordinates, and never for one without', async () => {
    const rows = await t.db.query<{ slug: string; has: boolean }>(
      `select slug, latitude is not null and longitude is not null as has from location where kind = 'spazio_wemi' and spazio_status <> 'archived'`,
    );
    for (const r of rows) {
      const body = (await t.app.inject(`/spazi-wemi/${r.slug}`)).body;
      expect(body.includes('data-wemi-map'), r.slug).toBe(r.has);
      expect(body, r.slug).toContain('<figcaption');
    }
  });

  it('answers 404 for an unknown Spazio, and the API 404 for an archived one', async () => {
    for (const slug of ['non-esiste', F.inactive]) {
      const res = await t.app.inject(`/spazi-wemi/${slug}`);
      if (slug === F.inactive) {
        // An old insert that only says `active = false` is archived (trigger of migration 0011): 410 with a notice.
        expect(res.statusCode, slug).toBe(410);
        expect(res.body).toContain('Questo Spazio WeMi non è più nell’elenco');
      } else {
        expect(res.statusCode, slug).toBe(404);
        expect(res.body).toContain('Pagina non trovata');
      }
      const api = await t.app.inject(`/api/v1/spazi/${slug}`);
      expect(api.statusCode, slug).toBe(404);
      expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('speaks English', async () => {
    const list = await t.app.inject('/spazi-wemi?lang=en');
    expect(list.body).toContain('<html lang="en">');
    expect(list.body).toContain('What you can do at a Spazio WeMi');
    expect(list.body).toContain('All Municipi');
    const detail = await t.app.inject(`/spazi-wemi/${F.withMap}?lang=en`);
    expect(detail.body).toContain('Monday 9am-1pm');
    expect(detail.body).toContain('Test description');
    expect(detail.body).toContain('Map not available: the address is Via della Prova 7, 20133 Milano.');
    expect(detail.body).toContain('Open in OpenStreetMap');
    const bad = await t.app.inject('/spazi-wemi?municipio=12&lang=en');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose a Municipio between 1 and 9');
  });

  describe('every Spazio named in the City documents', () => {
    // 000 (Carta dei Servizi, current): 24 Spazi, confirmed.
    const CARTA: [name: string, street: string][] = [
      ['WeMi 25 Aprile', 'Piazza XXV Aprile, 2'], ['WeMi Pimentel', 'Via Eleonora Fonseca Pimentel, 5'], ['WeMi Santuguzzone', 'Via Sant’Uguzzone, 24'],
      ['WeMi Boscovich', 'Via Ruggero Boscovich, 42'], ['WeMi Feltre', 'Via Crescenzago, 56'], ['WeMi Zante', 'Via Zante, 36'],
      ['WeMi Monteoliveto', 'Via Monteoliveto, 26'], ['WeMi Calvi', 'Via Pietro Calvi, 31'], ['WeMi Acquabella', 'Via Don Carlo San Martino, 10'],
      ['WeMi Mompiani', 'Via Giacinto Mompiani, 5'], ['WeMi De André', 'Via Fabrizio De André, 9'], ['WeMi Saponaro', 'Via Michele Saponaro, 36'],
      ['WeMi Narcisi', 'Via dei Narcisi, 3'], ['WeMi Voltri', 'Via Antonio di Rudinì, 18'], ['WeMi Caio Mario', 'Via Caio Mario, 18'],
      ['WeMi Stratico', 'Via Simone Stratico, 5'], ['WeMi Figino', 'Via Giovanni Battista Rasario, 8/A'], ['WeMi Capuana', 'Via Luigi Capuana, 3'],
      ['WeMi Satta', 'Via Sebastiano Satta, 23'], ['WeMi Cenisio', 'Via Cenisio, 4'], ['WeMi Appennini', 'Via Appennini, 147/A'],
      ['WeMi Grivola', 'Via Grivola, 10'], ['WeMi Santa Monica', 'Via Santa Monica, 4'], ['WeMi Valdibondo', 'Via Val di Bondo, 13'],
    ];
    // Named only in 001 (2022 list) and 002 (news item): 16 Spazi, unconfirmed.
    const OLDER: [name: string, street: string, municipio: number][] = [
      ['WeMi Cenni', 'Via Gabetti, 15/A', 7], ['WeMi Giovanola', 'Via Antonio Giovanola, 15/A', 5], ['WeMi Loreto', 'Via Sabaudia, 8', 3],
      ['WeMi Niguarda', 'Piazza Ospedale Maggiore, 3', 9], ['WeMi Ornato', 'Via Ornato, 7', 9], ['WeMi Pacinotti', 'Via Pacinotti, 8', 8],
      ['WeMi Piazzetta', 'Via Piazzetta, 2', 4], ['WeMi Rimini', 'Via Rimini, 29', 6], ['WeMi Rizzoli', 'Via Rizzoli, 47', 3],
      ['WeMi San Gottardo', 'Corso San Gottardo, 41', 5], ['WeMi Savona', 'Via Savona, 73', 6], ['WeMi Valla', 'Via Lorenzo Valla, 25', 5],
      ['WeMi Stelline', 'Corso Magenta, 63', 1], ['WeMi Venini', 'Via Venini, 83', 2], ['WeMi Trivulzio', 'Via Trivulzio, 15', 7],
      ['WeMi Tate Colf Badanti', 'Via Statuto, 15', 1],
    ];
    const cardOf = (html: string, name: string) => {
      const at = html.indexOf(`>${name}</a>`);
      expect(at, name).toBeGreaterThan(0);
      const start = html.lastIndexOf('<article', at);
      return html.slice(start, html.indexOf('</article>', at));
    };

    it('lists all 40 with their address; the 16 of the older documents say they are not confirmed', async () => {
      const body = (await t.app.inject('/spazi-wemi')).body;
      expect(CARTA).toHaveLength(24);
      expect(OLDER).toHaveLength(16);
      for (const [name, street] of CARTA) {
        const card = cardOf(body, name);
        expect(card, name).toContain(street);
        expect(card, name).not.toContain('Non confermato nella Carta dei Servizi');
      }
      for (const [name, street, m] of OLDER) {
        const card = cardOf(body, name);
        expect(card, name).toContain(street);
        expect(card, name).toContain('Non confermato nella Carta dei Servizi');
        // Listed under its Municipio (the group's heading precedes it).
        const group = body.slice(0, body.indexOf(`>${name}</a>`)).lastIndexOf('wemi-spazi-group-title');
        expect(body.slice(group, group + 120), name).toContain(`Municipio ${m}`);
      }
      const rows = await t.db.query<{ status: string; n: number }>(
        `select spazio_status as status, count(*)::int as n from location where kind = 'spazio_wemi' and slug like 'wemi-%' group by 1 order by 1`,
      );
      expect(rows).toEqual([{ status: 'confirmed', n: 24 }, { status: 'unconfirmed', n: 16 }]);
    });

    it('gives every Spazio a map, JSON-LD with its position, and hours of its own (none in the documents: "orari da confermare")', async () => {
      const spazi = await t.db.query<{ slug: string; status: string; email: string | null }>(
        `select slug, spazio_status as status, email from location where kind = 'spazio_wemi' and slug like 'wemi-%' order by slug`,
      );
      expect(spazi).toHaveLength(40);
      const hoursSections = new Set<string>();
      for (const s of spazi) {
        const res = await t.app.inject(`/spazi-wemi/${s.slug}`);
        expect(res.statusCode, s.slug).toBe(200);
        expect(res.body, s.slug).toMatch(/<div[^>]*data-wemi-map[^>]*data-lat="45\.\d+"[^>]*data-lng="9\.\d+"/);
        const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(res.body)![1]!) as { geo?: { latitude: number; longitude: number } };
        // Inside Milan's municipal boundary box.
        expect(ld.geo!.latitude, s.slug).toBeGreaterThan(45.38);
        expect(ld.geo!.latitude, s.slug).toBeLessThan(45.54);
        expect(ld.geo!.longitude, s.slug).toBeGreaterThan(9.04);
        expect(ld.geo!.longitude, s.slug).toBeLessThan(9.28);
        const hours = res.body.split('data-element="spazio-hours"')[1]!.split('</section>')[0]!;
        expect(hours, s.slug).toContain('Orari da confermare');
        expect(hours, s.slug).not.toContain('<table');
        if (s.email) expect(hours, s.slug).toContain(`mailto:${s.email}`);
        hoursSections.add(hours);
        expect(res.body.includes('Non confermato nella Carta dei Servizi'), s.slug).toBe(s.status === 'unconfirmed');
      }
      // Not the same generic line everywhere: the section names each Spazio's own contact.
      expect(hoursSections.size).toBeGreaterThan(20);
      const coords = await t.db.query<{ n: number }>(
        `select count(distinct (latitude, longitude))::int as n from location where kind = 'spazio_wemi' and slug like 'wemi-%'`,
      );
      expect(coords[0]!.n).toBe(40);
    });

    it('the seed is idempotent on an existing database and leaves what the City changed alone', async () => {
      const count = async () => (await t.db.one<{ n: number }>(`select count(*)::int as n from location where kind = 'spazio_wemi'`)).n;
      const before = await count();
      // Something the City did: archive one, give hours to another; and a fact gone stale (an address).
      await t.db.query(`update location set spazio_status = 'archived' where slug = 'wemi-rimini'`);
      await t.db.query(`update location set hours_it = 'Nota del Comune', hours_updated_at = now() where slug = 'wemi-calvi'`);
      await t.db.query(`update location set address = 'Via Sbagliata, 1', latitude = null where slug = 'wemi-zante'`);
      try {
        const first = await upsertSpazi(t.db);
        expect(first).toEqual({ inserted: 0, updated: 1 });
        expect(await upsertSpazi(t.db)).toEqual({ inserted: 0, updated: 0 });
        expect(await count()).toBe(before);
        const row = (slug: string) => t.db.one<{ status: string; hours_it: string; address: string; latitude: number | null }>(
          `select spazio_status as status, hours_it, address, latitude from location where slug = $1`, [slug]);
        expect((await row('wemi-rimini')).status).toBe('archived');
        expect((await row('wemi-calvi')).hours_it).toBe('Nota del Comune');
        expect(await row('wemi-zante')).toMatchObject({ address: 'Via Zante, 36', latitude: 45.4537 });
        // A Spazio missing from the database is inserted with its status.
        await t.db.query(`delete from location where slug = 'wemi-venini'`);
        expect(await upsertSpazi(t.db)).toEqual({ inserted: 1, updated: 0 });
        expect((await row('wemi-venini')).status).toBe('unconfirmed');
      } finally {
        await t.db.query(`update location set spazio_status = 'unconfirmed' where slug = 'wemi-rimini'`);
        await t.db.query(`update location set hours_it = '', hours_updated_at = null where slug = 'wemi-calvi'`);
      }
    });
  });

  describe('City back office', () => {
    let editor: Auth;
    let editorId: string;
    let entiStaff: Auth;
    let citizen: Auth;
    const SLUG = 'wemi-monteoliveto';
    const spazioId = async (slug = SLUG) => (await t.db.one<{ id: string }>(`select id from location where slug = $1`, [slug])).id;
    const hours = async (slug = SLUG) =>
      t.db.query<{ weekday: number; opens: string; closes: string }>(
        `select weekday, to_char(opens, 'HH24:MI') as opens, to_char(closes, 'HH24:MI') as closes from spazio_opening_hours h
          join location l on l.id = h.location_id where l.slug = $1 order by weekday, opens`,
        [slug],
      );

    beforeAll(async () => {
      const e = await createTestUser(t.db, { kind: 'staff', givenName: 'Elena', familyName: 'Contenuti', roles: [{ role: 'city', permission: 'content' }] });
      editorId = e.id;
      editor = await actingAs(t.app, t.db, e.id);
      const s = await createTestUser(t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'enti' }] });
      entiStaff = await actingAs(t.app, t.db, s.id);
      const c = await createTestUser(t.db, { kind: 'citizen' });
      citizen = await actingAs(t.app, t.db, c.id);
    });

    it('is open to the content permission only, and linked from the back-office home', async () => {
      for (const url of [cityPaths.spazi(), cityPaths.spazio(SLUG)]) {
        const anonymous = await getPage(t.app, url);
        expect(anonymous.statusCode, url).toBe(303);
        expect(anonymous.headers.location, url).toMatch(/^\/accedi/);
        expect((await getPage(t.app, url, citizen)).statusCode, url).toBe(403);
        expect((await getPage(t.app, url, entiStaff)).statusCode, url).toBe(403);
        expect((await getPage(t.app, url, editor)).statusCode, url).toBe(200);
      }
      expect((await postForm(t.app, cityPaths.spazioHours(SLUG), { d1_1_apre: '09:00', d1_1_chiude: '12:00' }, entiStaff)).statusCode).toBe(403);
      expect((await postForm(t.app, cityPaths.spazioStatus(SLUG), { stato: 'archived', conferma: 'si' }, citizen)).statusCode).toBe(403);
      expect((await getPage(t.app, cityPaths.spazio('non-esiste'), editor)).statusCode).toBe(404);
      const home = await getPage(t.app, '/gestione-wemi', editor);
      expect(home.body).toContain(`href="${cityPaths.spazi()}"`);
      const homeEnti = await getPage(t.app, '/gestione-wemi', entiStaff);
      expect(homeEnti.body).not.toContain(`href="${cityPaths.spazi()}"`);
      const list = await getPage(t.app, cityPaths.spazi(), editor);
      expect(list.headers['cache-control']).toContain('no-store');
      const n = async (status: string) => (await t.db.one<{ n: number }>(`select count(*)::int as n from location where spazio_status = $1`, [status])).n;
      expect(text(list.body)).toContain(`${await n('confirmed')} confermati, ${await n('unconfirmed')} non confermati, ${await n('archived')} archiviati`);
      expect(await n('unconfirmed')).toBe(16);
      expect(list.body).toContain(`href="${cityPaths.spazio('wemi-tate-colf-badanti')}"`);
    });

    it('refuses a write without the CSRF token', async () => {
      const before = await hours();
      const res = await postForm(t.app, cityPaths.spazioHours(SLUG), { d1_1_apre: '09:00', d1_1_chiude: '12:00' }, editor, { withToken: false });
      expect(res.statusCode).toBe(403);
      // A token of another browser (not the one of this cookie) is refused too.
      const other = await csrfFor(t.app);
      const res2 = await postForm(t.app, cityPaths.spazioHours(SLUG), { d1_1_apre: '09:00', d1_1_chiude: '12:00' }, { cookie: editor.cookie, token: other.token });
      expect(res2.statusCode).toBe(403);
      expect(await hours()).toEqual(before);
    });

    it('explains each wrong time in Italian and changes nothing', async () => {
      const id = await spazioId();
      const audits = await auditCount(t.db, { action: 'spazi.hours.update', targetId: id });
      const res = await postForm(
        t.app,
        cityPaths.spazioHours(SLUG),
        {
          d1_1_apre: '09:00', // no closing time
          d2_1_apre: '25:00', d2_1_chiude: '26:00',
          d3_1_apre: '14:00', d3_1_chiude: '13:00',
          d4_1_apre: '09:00', d4_1_chiude: '13:00', d4_2_apre: '12:00', d4_2_chiude: '18:00',
          nota_it: 'x'.repeat(501),
        },
        editor,
      );
      expect(res.statusCode).toBe(400);
      const body = text(res.body);
      expect(body).toContain('Lunedì, fascia 1: indica sia l’orario di apertura sia quello di chiusura.');
      expect(body).toContain('Martedì, fascia 1: «25:00» non è un orario. Scrivilo come ore:minuti, per esempio 9:00.');
      expect(body).toContain('Mercoledì, fascia 1: la chiusura (13:00) deve essere dopo l’apertura (14:00).');
      expect(body).toContain('Giovedì: le fasce 1 e 2 si sovrappongono.');
      expect(body).toContain('La nota può avere al massimo 500 caratteri.');
      // The error summary links to the fields, which keep what was typed.
      expect(res.body).toContain('href="#d1_1_chiude"');
      expect(res.body).toMatch(/id="d3_1_apre"[^>]*value="14:00"|value="14:00"[^>]*id="d3_1_apre"/);
      expect(res.body).toMatch(/<input[^>]*id="d1_1_chiude"[^>]*aria-invalid="true"/);
      expect(await hours()).toEqual([]);
      expect(await auditCount(t.db, { action: 'spazi.hours.update', targetId: id })).toBe(audits);
    });

    it('saves opening hours: audited, shown per day on the public page with today marked, in the JSON-LD and the API', async () => {
      const id = await spazioId();
      const res = await postForm(
        t.app,
        cityPaths.spazioHours(SLUG),
        {
          d1_1_apre: '9:00', d1_1_chiude: '13:00', d1_2_apre: '14:00', d1_2_chiude: '18:00',
          d3_2_apre: '14.30', d3_2_chiude: '17:30',
          d2_1_apre: '09:00', d2_1_chiude: '12:00', d4_1_apre: '09:00', d4_1_chiude: '12:00', d5_1_apre: '09:00', d5_1_chiude: '12:00',
          nota_it: 'Il sabato su appuntamento.',
          nota_en: 'Saturdays by appointment.',
        },
        editor,
      );
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${cityPaths.spazio(SLUG)}?esito=orari-salvati`);
      expect(await hours()).toEqual([
        { weekday: 1, opens: '09:00', closes: '13:00' }, { weekday: 1, opens: '14:00', closes: '18:00' },
        { weekday: 2, opens: '09:00', closes: '12:00' }, { weekday: 3, opens: '14:30', closes: '17:30' },
        { weekday: 4, opens: '09:00', closes: '12:00' }, { weekday: 5, opens: '09:00', closes: '12:00' },
      ]);
      const row = await lastAudit(t.db, { action: 'spazi.hours.update', targetId: id });
      expect(row).toMatchObject({ actor_id: editorId, target_type: 'location' });
      expect(row!.details).toMatchObject({ slug: SLUG, before: { ranges: [] }, after: { note_it: 'Il sabato su appuntamento.' } });
      const after = await getPage(t.app, res.headers.location as string, editor);
      expect(text(after.body)).toContain('Orari salvati');
      expect(after.body).toMatch(/id="d1_2_apre"[^>]*value="14:00"/);

      const page = await t.app.inject(`/spazi-wemi/${SLUG}`);
      const section = page.body.split('data-element="spazio-hours"')[1]!.split('</section>')[0]!;
      // "(oggi)" follows the name of today's day.
      expect(text(section)).toMatch(/Lunedì (\(oggi\) )?9:00–13:00, 14:00–18:00/);
      expect(text(section)).toMatch(/Mercoledì (\(oggi\) )?14:30–17:30/);
      expect(text(section)).toMatch(/Sabato (\(oggi\) )?Chiuso/);
      expect(text(section)).toContain('Il sabato su appuntamento.');
      expect(section).not.toContain('Orari da confermare');
      const today = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(
        new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', weekday: 'short' }).format(new Date()),
      ) + 1;
      const marked = [...section.matchAll(/<tr[^>]*aria-current="date"[^>]*>/g)];
      expect(marked).toHaveLength(1);
      expect(marked[0]![0]).toContain(`data-weekday="${today}"`);
      expect(section).toContain('(oggi)');
      const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.body)![1]!) as { openingHoursSpecification: unknown[] };
      expect(ld.openingHoursSpecification).toContainEqual({ '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Monday', opens: '14:00', closes: '18:00' });
      expect(ld.openingHoursSpecification).toHaveLength(6);
      const api = (await t.app.inject(`/api/v1/spazi/${SLUG}?lang=en`)).json() as { hours: string; openingHours: unknown[]; status: string };
      expect(api).toMatchObject({ hours: 'Saturdays by appointment.', status: 'confirmed' });
      expect(api.openingHours).toHaveLength(6);

      // Emptying every field brings back "orari da confermare".
      expect((await postForm(t.app, cityPaths.spazioHours(SLUG), {}, editor)).statusCode).toBe(303);
      expect(await hours()).toEqual([]);
      expect((await t.app.inject(`/spazi-wemi/${SLUG}`)).body).toContain('Orari da confermare');
    });

    it('archives only after confirmation, hides the Spazio, answers 410, and restores it', async () => {
      const slug = 'wemi-savona';
      const id = await spazioId(slug);
      const archives = await auditCount(t.db, { action: 'spazi.archive', targetId: id });
      // The status form offers only the statuses it can move to, none chosen (sent as rendered, it asks for a choice).
      const page = (await getPage(t.app, cityPaths.spazio(slug), editor)).body;
      const radios = [...page.matchAll(/<input[^>]*name="stato"[^>]*>/g)].map((m) => m[0]).filter((r) => !r.includes('type="hidden"'));
      expect(radios.map((r) => /value="([^"]+)"/.exec(r)![1]).sort()).toEqual(['archived', 'confirmed']);
      expect(radios.some((r) => /\bchecked\b/.test(r))).toBe(false);
      // Step 1: the choice alone leads to the confirmation page; nothing changes.
      const ask = await postForm(t.app, cityPaths.spazioStatus(slug), { stato: 'archived' }, editor);
      expect(ask.statusCode).toBe(200);
      expect(text(ask.body)).toContain('Archiviare WeMi Savona?');
      expect(ask.body).toMatch(/<input type="hidden" name="conferma" value="si"/);
      expect((await t.db.one<{ s: string }>(`select spazio_status as s from location where id = $1`, [id])).s).toBe('unconfirmed');
      expect(await auditCount(t.db, { action: 'spazi.archive', targetId: id })).toBe(archives);
      // Step 2: confirmed.
      const done = await postForm(t.app, cityPaths.spazioStatus(slug), { stato: 'archived', conferma: 'si' }, editor);
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe(`${cityPaths.spazio(slug)}?esito=archiviato`);
      expect((await lastAudit(t.db, { action: 'spazi.archive', targetId: id }))!.details).toMatchObject({ slug, from: 'unconfirmed', to: 'archived' });
      expect(listedSlugs((await t.app.inject('/spazi-wemi')).body)).not.toContain(slug);
      expect(listedSlugs((await t.app.inject('/spazi-wemi?municipio=6')).body)).not.toContain(slug);
      expect(((await t.app.inject('/api/v1/spazi')).json() as { items: { slug: string }[] }).items.map((i) => i.slug)).not.toContain(slug);
      const gone = await t.app.inject(`/spazi-wemi/${slug}`);
      expect(gone.statusCode).toBe(410);
      expect(text(gone.body)).toContain('WeMi Savona: Spazio WeMi archiviato');
      expect(gone.body).toContain('href="/spazi-wemi?municipio=6"');
      expect((await t.app.inject(`/api/v1/spazi/${slug}`)).statusCode).toBe(404);
      // The City still sees it, and can restore it.
      expect((await getPage(t.app, cityPaths.spazi(), editor)).body).toMatch(new RegExp(`data-spazio="${slug}" data-status="archived"`));
      const same = await postForm(t.app, cityPaths.spazioStatus(slug), { stato: 'archived', conferma: 'si' }, editor);
      expect(same.statusCode).toBe(400);
      expect(text(same.body)).toContain('Lo Spazio è già in questo stato');
      const restore = await postForm(t.app, cityPaths.spazioStatus(slug), { stato: 'unconfirmed' }, editor);
      expect(restore.statusCode).toBe(303);
      expect(restore.headers.location).toBe(`${cityPaths.spazio(slug)}?esito=ripristinato`);
      expect((await lastAudit(t.db, { action: 'spazi.restore', targetId: id }))!.details).toMatchObject({ from: 'archived', to: 'unconfirmed' });
      expect((await t.app.inject(`/spazi-wemi/${slug}`)).statusCode).toBe(200);
    });

    it('refuses an unknown status with a clear message', async () => {
      for (const stato of [undefined, 'chiuso']) {
        const res = await postForm(t.app, cityPaths.spazioStatus(SLUG), { stato }, editor);
        expect(res.statusCode, String(stato)).toBe(400);
        expect(text(res.body)).toContain('Scegli lo stato dello Spazio: confermato, non confermato o archiviato.');
      }
      // Confirming an unconfirmed Spazio links it to the catalogue (active = confirmed).
      const res = await postForm(t.app, cityPaths.spazioStatus('wemi-loreto'), { stato: 'confirmed' }, editor);
      expect(res.statusCode).toBe(303);
      expect(await t.db.one(`select active, spazio_status from location where slug = 'wemi-loreto'`)).toEqual({ active: true, spazio_status: 'confirmed' });
      expect((await t.app.inject('/spazi-wemi/wemi-loreto')).body).not.toContain('Non confermato nella Carta dei Servizi');
      await postForm(t.app, cityPaths.spazioStatus('wemi-loreto'), { stato: 'unconfirmed' }, editor);
    });
  });

  describe('JSON API', () => {
    it('lists the active Spazi, optionally of one Municipio', async () => {
      const all = await t.app.inject('/api/v1/spazi');
      expect(all.statusCode).toBe(200);
      const body = all.json() as { total: number; items: { slug: string; municipio: number | null; coordinates: unknown; address: { text: string } }[] };
      expect(body.items.map((s) => s.slug).sort()).toEqual((await activeSlugs()).sort());
      expect(body.total).toBe(body.items.length);
      const fixture = body.items.find((s) => s.slug === F.withMap)!;
      expect(fixture).toMatchObject({ municipio: 3, coordinates: { lat: 45.4781, lng: 9.2269 }, address: { text: 'Via della Prova 7, 20133 Milano' } });
      expect(body.items.find((s) => s.slug === F.noMap)!.coordinates).toBeNull();
      for (const n of [3, 5]) {
        const one = (await t.app.inject(`/api/v1/spazi?municipio=${n}`)).json() as { items: { slug: string; municipio: number }[] };
        expect(one.items.map((s) => s.slug).sort()).toEqual((await activeSlugs(n)).sort());
        for (const s of one.items) expect(s.municipio).toBe(n);
      }
    });

    it('rejects an invalid Municipio with a 400 JSON error', async () => {
      const res = await t.app.inject('/api/v1/spazi?municipio=10');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'bad_request', issues: [{ field: 'municipio' }] } });
    });

    it('returns one Spazio with only its active enti and public services, in the requested language', async () => {
      const res = await t.app.inject(`/api/v1/spazi/${F.withMap}?lang=en`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { hours: string; organizations: { slug: string }[]; services: { slug: string }[] };
      expect(body.hours).toBe('Monday 9am-1pm');
      expect(body.organizations.map((o) => o.slug)).toEqual([F.activeOrg]);
      expect(body.services.map((s) => s.slug)).toEqual([F.publicService]);
    });
  });
});
