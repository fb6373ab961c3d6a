import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database';
import { createTestApp, type TestApp } from '../support/app';

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

  const activeSlugs = async (municipio?: number) =>
    (
      await t.db.query<{ slug: string }>(
        `select l.slug from location l left join taxonomy_term m on m.id = l.municipio_id
         where l.kind = 'spazio_wemi' and l.active and ($1::int is null or m.position = $1)`,
        [municipio ?? null],
      )
    ).map((r) => r.slug);

  it('lists every active Spazio WeMi, grouped by Municipio, and no inactive one', async () => {
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
    // Close every Spazio of Municipio 9 for this test, then reopen them.
    const closed = await t.db.query<{ id: string }>(
      `update location l set active = false from taxonomy_term m
       where m.id = l.municipio_id and m.position = 9 and l.kind = 'spazio_wemi' and l.active returning l.id`,
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
      if (closed.length) await t.db.query(`update location set active = true where id = any($1::uuid[])`, [closed.map((r) => r.id)]);
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
    const spazi = await t.db.query<{ id: string; slug: string }>(`select id, slug from location where kind = 'spazio_wemi' and active`);
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
      `select slug, latitude is not null and longitude is not null as has from location where kind = 'spazio_wemi' and active`,
    );
    for (const r of rows) {
      const body = (await t.app.inject(`/spazi-wemi/${r.slug}`)).body;
      expect(body.includes('data-wemi-map'), r.slug).toBe(r.has);
      expect(body, r.slug).toContain('<figcaption');
    }
  });

  it('answers 404 for an unknown or inactive Spazio', async () => {
    for (const slug of ['non-esiste', F.inactive]) {
      const res = await t.app.inject(`/spazi-wemi/${slug}`);
      expect(res.statusCode, slug).toBe(404);
      expect(res.body).toContain('Pagina non trovata');
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
