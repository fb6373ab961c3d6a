import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database';
import { createTestApp, type TestApp } from '../support/app';

// Section and category pages and the taxonomy API, on the demo data plus a fixture section whose counts are
// known: only published services of active enti count; a category's services are those of its service types.

async function ensureTaxonomy(db: Db, code: string): Promise<string> {
  await db.query(`insert into taxonomy (code, name_it, name_en) values ($1, $1, $1) on conflict (code) do nothing`, [code]);
  return (await db.one<{ id: string }>(`select id from taxonomy where code = $1`, [code])).id;
}

async function term(
  db: Db,
  taxonomy: string,
  t: { code: string; slug: string; it: string; en: string; parentId?: string | null; active?: boolean; icon?: string; position?: number },
) {
  const taxonomyId = await ensureTaxonomy(db, taxonomy);
  return (
    await db.one<{ id: string }>(
      `insert into taxonomy_term (taxonomy_id, parent_id, code, slug, name_it, name_en, description_it, description_en, icon, active, position)
       values ($1, $2, $3, $4, $5, $6, 'Descrizione ' || $5::text, 'Description ' || $6::text, $7, $8, $9) returning id`,
      [taxonomyId, t.parentId ?? null, t.code, t.slug, t.it, t.en, t.icon ?? null, t.active ?? true, t.position ?? 0],
    )
  ).id;
}

async function insertFixtures(db: Db) {
  const area = await term(db, 'section', { code: 'zz_area', slug: 'zz-area', it: 'Area di prova', en: 'Test area', icon: 'star-full' });
  const catA = await term(db, 'category', { code: 'zz_cat_a', slug: 'zz-cat-a', it: 'Categoria A', en: 'Category A', parentId: area, icon: 'user', position: 1 });
  const catB = await term(db, 'category', { code: 'zz_cat_b', slug: 'zz-cat-b', it: 'Categoria B', en: 'Category B', parentId: area, position: 2 });
  await term(db, 'category', { code: 'zz_cat_off', slug: 'zz-cat-off', it: 'Categoria spenta', en: 'Category off', parentId: area, active: false });
  const t1 = await term(db, 'service_type', { code: 'zz_tipo_1', slug: 'zz-tipo-1', it: 'Tipo uno', en: 'Type one', parentId: catA, position: 1 });
  const t2 = await term(db, 'service_type', { code: 'zz_tipo_2', slug: 'zz-tipo-2', it: 'Tipo due', en: 'Type two', parentId: catA, position: 2 });
  await term(db, 'service_type', { code: 'zz_tipo_3', slug: 'zz-tipo-3', it: 'Tipo tre', en: 'Type three', parentId: catA, position: 3 });
  const tb = await term(db, 'service_type', { code: 'zz_tipo_b', slug: 'zz-tipo-b', it: 'Tipo B', en: 'Type B', parentId: catB });
  const org = async (slug: string, status: string) =>
    (await db.one<{ id: string }>(`insert into organization (slug, name, status) values ($1, $1, $2) returning id`, [slug, status])).id;
  const active = await org('zz-ente-attivo', 'active');
  const other = await org('zz-ente-secondo', 'active');
  const suspended = await org('zz-ente-sospeso', 'suspended');
  let i = 0;
  const service = (orgId: string, typeId: string, status: string) =>
    db.query(
      `insert into service (organization_id, service_type_id, slug, name, offer_type, status) values ($1, $2, $3, $3, 'free_public', $4)`,
      [orgId, typeId, `zz-servizio-${++i}`, status],
    );
  await service(active, t1, 'published');
  await service(other, t1, 'published');
  await service(active, t1, 'draft');
  await service(active, t2, 'published');
  await service(suspended, t2, 'published');
  await service(suspended, tb, 'published');
  await service(active, tb, 'archived');
}

/** Independent count of public services (base tables, not the view) of a category or a section. */
async function sqlCount(db: Db, by: 'category' | 'section' | 'type', slug: string): Promise<number> {
  const where = by === 'type' ? 'st.slug = $1' : by === 'category' ? 'c.slug = $1' : 'sec.slug = $1 and c.active';
  const row = await db.one<{ n: number }>(
    `select count(*)::int as n
     from service s
     join organization o on o.id = s.organization_id
     join taxonomy_term st on st.id = s.service_type_id
     join taxonomy_term c on c.id = st.parent_id
     left join taxonomy_term sec on sec.id = c.parent_id
     where s.status = 'published' and o.status = 'active' and ${where}`,
    [slug],
  );
  return row.n;
}

/** data-count of each card keyed by its data-<attr> slug. */
function cardCounts(html: string, attr: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of html.split(`data-${attr}="`).slice(1)) {
    const slug = part.slice(0, part.indexOf('"'));
    const count = /class="wemi-tax-count[^"]*" data-count="(\d+)"/.exec(part)?.[1];
    out.set(slug, Number(count));
  }
  return out;
}

describe('sections and categories', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertFixtures(t.db);
  });
  afterAll(async () => t?.close());

  it('shows a section with its active categories, icons, counts and the search link', async () => {
    const res = await t.app.inject('/aree/zz-area');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Area di prova</h1>');
    expect(res.body).toContain('Descrizione Area di prova');
    expect(res.body).toContain('href="/servizi?area=zz-area"');
    expect(res.body).toContain('href="/categorie/zz-cat-a"');
    expect(res.body).toContain('#it-user"');
    expect(res.body).not.toContain('zz-cat-off');
    expect(Object.fromEntries(cardCounts(res.body, 'category'))).toEqual({ 'zz-cat-a': 3, 'zz-cat-b': 0 });
    expect(res.body).toMatch(/class="mb-0 wemi-tax-total" data-count="3"/);
    expect(res.body).toContain('3 servizi');
    expect(res.body).toContain('Nessun servizio al momento');
    expect(res.body).toContain('data-element="breadcrumb"');
  });

  it('shows a category with its service types, counts, search links, breadcrumb and only active enti', async () => {
    const res = await t.app.inject('/categorie/zz-cat-a');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('Categoria A</h1>');
    const crumbs = /data-element="breadcrumb"[\s\S]*?<\/nav>/.exec(body)![0];
    expect(crumbs).toContain('href="/"');
    expect(crumbs).toContain('href="/aree/zz-area">Area di prova</a>');
    expect(crumbs).toMatch(/aria-current="page">\s*Categoria A/);
    expect(body).toContain('href="/servizi?categoria=zz-cat-a"');
    expect(body).toContain('href="/servizi?categoria=zz-cat-a&amp;tipo=zz-tipo-1"');
    expect(body).toContain('href="/servizi?categoria=zz-cat-a&amp;tipo=zz-tipo-2"');
    // A type with no public service is listed, without a link to an empty search.
    expect(body).toContain('data-service-type="zz-tipo-3"');
    expect(body).not.toContain('tipo=zz-tipo-3');
    const types = new Map<string, number>();
    for (const part of body.split('data-service-type="').slice(1)) {
      types.set(part.slice(0, part.indexOf('"')), Number(/data-count="(\d+)"/.exec(part)![1]));
    }
    expect(Object.fromEntries(types)).toEqual({ 'zz-tipo-1': 2, 'zz-tipo-2': 1, 'zz-tipo-3': 0 });
    expect(body).toMatch(/class="mb-0 wemi-tax-total" data-count="3"/);
    expect(body).toContain('href="/enti/zz-ente-attivo"');
    expect(body).toContain('href="/enti/zz-ente-secondo"');
    expect(body).not.toContain('zz-ente-sospeso');
  });

  it('counts on every section and category page equal an independent SQL count of public services', async () => {
    const sections = await t.db.query<{ slug: string }>(
      `select t.slug from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = 'section' and t.active`,
    );
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) {
      const res = await t.app.inject(`/aree/${s.slug}`);
      expect(res.statusCode, s.slug).toBe(200);
      expect(res.body, s.slug).toContain(`data-count="${await sqlCount(t.db, 'section', s.slug)}"`);
      for (const [category, count] of cardCounts(res.body, 'category')) {
        expect(count, category).toBe(await sqlCount(t.db, 'category', category));
        const page = await t.app.inject(`/categorie/${category}`);
        expect(page.statusCode, category).toBe(200);
        expect(page.body).toMatch(new RegExp(`class="mb-0 wemi-tax-total" data-count="${count}"`));
        for (const part of page.body.split('data-service-type="').slice(1)) {
          const type = part.slice(0, part.indexOf('"'));
          expect(Number(/data-count="(\d+)"/.exec(part)![1]), type).toBe(await sqlCount(t.db, 'type', type));
        }
      }
    }
  });

  it('answers 404 for unknown or inactive sections and categories, as pages and in the API', async () => {
    for (const url of ['/aree/non-esiste', '/categorie/non-esiste', '/categorie/zz-cat-off', '/aree/zz-cat-a', '/categorie/zz-area']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Pagina non trovata');
    }
    for (const url of ['/api/v1/sections/non-esiste', '/api/v1/categories/non-esiste', '/api/v1/categories/zz-cat-off']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('speaks English', async () => {
    const section = await t.app.inject('/aree/zz-area?lang=en');
    expect(section.body).toContain('<html lang="en">');
    expect(section.body).toContain('Test area</h1>');
    expect(section.body).toContain('Description Test area');
    expect(section.body).toContain('3 services');
    const category = await t.app.inject('/categorie/zz-cat-a?lang=en');
    expect(category.body).toContain('Category A</h1>');
    expect(category.body).toContain('Type one');
    expect(category.body).toContain('Organisations offering these services');
    expect(category.body).toContain('href="/aree/zz-area">Test area</a>');
  });

  describe('JSON API', () => {
    it('lists every vocabulary with its active terms, localised', async () => {
      const res = await t.app.inject('/api/v1/taxonomies?lang=en');
      expect(res.statusCode).toBe(200);
      const body = res.json() as {
        taxonomies: { code: string; terms: { id: string; code: string; slug: string; name: string; parent: { id: string; code: string } | null }[] }[];
      };
      const codes = body.taxonomies.map((x) => x.code);
      const expectedCodes = (await t.db.query<{ code: string }>(`select code from taxonomy`)).map((r) => r.code);
      expect([...codes].sort()).toEqual(expectedCodes.sort());
      const termCount = body.taxonomies.reduce((n, x) => n + x.terms.length, 0);
      expect(termCount).toBe((await t.db.one<{ n: number }>(`select count(*)::int as n from taxonomy_term where active`)).n);
      const cats = body.taxonomies.find((x) => x.code === 'category')!.terms;
      const a = cats.find((c) => c.slug === 'zz-cat-a')!;
      expect(a.name).toBe('Category A');
      expect(a.parent).toMatchObject({ code: 'zz_area' });
      expect(cats.some((c) => c.slug === 'zz-cat-off')).toBe(false);
      const it = (await t.app.inject('/api/v1/taxonomies')).json() as typeof body;
      expect(it.taxonomies.find((x) => x.code === 'category')!.terms.find((c) => c.slug === 'zz-cat-a')!.name).toBe('Categoria A');
    });

    it('returns a section and a category with the same counts as the pages', async () => {
      const section = (await t.app.inject('/api/v1/sections/zz-area')).json() as {
        publicServices: number;
        searchUrl: string;
        categories: { slug: string; publicServices: number }[];
      };
      expect(section.publicServices).toBe(3);
      expect(section.searchUrl).toMatch(/\/servizi\?area=zz-area$/);
      expect(section.categories.map((c) => [c.slug, c.publicServices])).toEqual([
        ['zz-cat-a', 3],
        ['zz-cat-b', 0],
      ]);
      const category = (await t.app.inject('/api/v1/categories/zz-cat-a?lang=en')).json() as {
        name: string;
        section: { slug: string };
        publicServices: number;
        serviceTypes: { slug: string; name: string; publicServices: number; searchUrl: string }[];
        organizations: { slug: string; publicServices: number }[];
      };
      expect(category.name).toBe('Category A');
      expect(category.section.slug).toBe('zz-area');
      expect(category.publicServices).toBe(3);
      expect(category.serviceTypes.map((x) => [x.slug, x.publicServices])).toEqual([
        ['zz-tipo-1', 2],
        ['zz-tipo-2', 1],
        ['zz-tipo-3', 0],
      ]);
      expect(category.serviceTypes[0]!.searchUrl).toMatch(/\/servizi\?categoria=zz-cat-a&tipo=zz-tipo-1$/);
      expect(category.organizations.map((o) => [o.slug, o.publicServices])).toEqual([
        ['zz-ente-attivo', 2],
        ['zz-ente-secondo', 1],
      ]);
    });
  });
});
