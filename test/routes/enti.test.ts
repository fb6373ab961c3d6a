import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { decode, text } from '../support/html';
import { FULL, insertFixture, insertOrg, type Fixture } from '../../src/features/services/services.test-fixtures';
import { enteDetailSchema, enteListSchema } from '../../src/features/enti/enti.schemas';

// The enti list, the ente page and the organisations API.

/** Names of the enti listed on a list page, in order. */
const listedEnti = (html: string) =>
  [...html.matchAll(/<h3 class="card-title h5 mb-1">\s*<a href="\/enti\/([^"]+)">/g)].map((m) => m[1]!);
const serviceLinks = (html: string) =>
  [...html.matchAll(/<a href="\/servizi\/([^"]+)" data-element="service-link">/g)].map((m) => m[1]!);

const ZETA = 21;

describe('enti pages and API', () => {
  let t: TestApp;
  let fx: Fixture;
  beforeAll(async () => {
    t = await createTestApp();
    fx = await insertFixture(t.db);
    for (let i = 1; i <= ZETA; i++) {
      await insertOrg(t.db, { slug: `zeta-prova-${String(i).padStart(2, '0')}`, name: `Zeta Prova Ente ${String(i).padStart(2, '0')}` });
    }
    await insertOrg(t.db, { slug: 'zeta-prova-bozza', name: 'Zeta Prova Ente Bozza', status: 'draft' });
    await insertOrg(t.db, { slug: 'fixture-ente-xss', name: '<img src=x onerror=alert(1)> Ente' });
  });
  afterAll(async () => t?.close());

  it('lists active enti only, 20 per page, with a working text filter and pagination', async () => {
    const res = await t.app.inject('/enti?q=zeta%20prova');
    expect(res.statusCode).toBe(200);
    const first = listedEnti(res.body);
    expect(first).toHaveLength(20);
    expect(first[0]).toBe('zeta-prova-01');
    expect(first).not.toContain('zeta-prova-bozza');
    expect(text(res.body)).toContain(`${ZETA} enti trovati`);
    // The form keeps what was searched; pagination keeps the filter.
    expect(res.body).toMatch(/<input type="search" class="form-control" id="enti-q" name="q" value="zeta prova"/);
    expect(res.body).toContain('href="/enti?q=zeta+prova&amp;pagina=2"');
    const second = await t.app.inject('/enti?q=zeta+prova&pagina=2');
    expect(listedEnti(second.body)).toEqual(['zeta-prova-21']);
    // Accents and case are ignored.
    expect(listedEnti((await t.app.inject('/enti?q=COOPERATIVA%20SOCIALE%20AURORA')).body)).toEqual([FULL.orgSlug]);
  });

  it('hides suspended and draft enti and counts public services', async () => {
    const all: string[] = [];
    const total = (await t.db.one<{ n: number }>(`select count(*)::int as n from organization where status = 'active'`)).n;
    for (let page = 1; page <= Math.ceil(total / 20); page++) all.push(...listedEnti((await t.app.inject(`/enti?pagina=${page}`)).body));
    expect(all).toHaveLength(total);
    expect(all).toContain(FULL.orgSlug);
    expect(all).not.toContain(fx.suspendedOrg.slug);
    expect(all).not.toContain('zeta-prova-bozza');
    const card = /<a href="\/enti\/fixture-cooperativa-aurora">[\s\S]*?<\/li>/.exec((await t.app.inject('/enti?q=aurora')).body)![0];
    // The complete card and the one with a hostile name; the draft is not counted.
    expect(text(card)).toContain('2 servizi');
  });

  it('filters by Municipio (a site there or a service covering it)', async () => {
    const m3 = listedEnti((await t.app.inject('/enti?q=prova&municipio=3')).body);
    expect(m3).toContain(FULL.orgSlug);
    expect(m3).not.toContain('zeta-prova-01');
    const m9 = listedEnti((await t.app.inject('/enti?q=aurora&municipio=9')).body);
    expect(m9).toEqual([]);
    const html = (await t.app.inject('/enti?municipio=3')).body;
    expect(html).toMatch(/<option value="3" selected>/);
  });

  it('answers 400 for invalid filters', async () => {
    for (const url of ['/enti?pagina=abc', '/enti?municipio=12', '/enti?pagina=0', `/enti?q=${'x'.repeat(101)}`]) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.body).toContain('Richiesta non valida');
    }
  });

  it('shows an ente with description, data, sites, Spazi, contacts and exactly its public services', async () => {
    const res = await t.app.inject(`/enti/${FULL.orgSlug}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    const body = text(html);
    expect(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!.trim()).toBe(decode(FULL.orgName).replace(/&/g, '&amp;'));
    for (const v of [FULL.orgDescription, FULL.orgLegalForm, FULL.orgTaxCode, FULL.siteName, FULL.siteAddress, FULL.spazioName, FULL.orgEmail, FULL.orgPec, FULL.orgPhone]) {
      expect(body).toContain(v);
    }
    expect(html).toContain(`href="/spazi-wemi/${FULL.spazioSlug}"`);
    expect(html).toContain(`href="mailto:${FULL.orgEmail}"`);
    expect(html).toContain(`href="${FULL.orgWebsite}/"`);
    expect(html).toContain('id="contatti"');
    // Exactly the ente's public services: not its draft, not other enti's.
    const expected = (
      await t.db.query<{ slug: string }>(
        `select s.slug from public_service s join organization o on o.id = s.organization_id where o.slug = $1 order by s.slug`,
        [FULL.orgSlug],
      )
    ).map((r) => r.slug);
    expect(expected.sort()).toEqual([FULL.slug, fx.xssSlug].sort());
    expect(serviceLinks(html).sort()).toEqual(expected);
    expect(html).not.toContain(fx.draftSlug);
    // Price from, or Gratuito.
    const cardOf = (slug: string) => text(new RegExp(`<a href="/servizi/${slug}"[\\s\\S]*?</li>`).exec(html)![0]);
    expect(cardOf(FULL.slug)).toMatch(/da 15,00\s€ \/ ora/);
    expect(cardOf(fx.xssSlug)).toContain('Gratuito');
    // The hostile name is escaped.
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert');
    expect(html).not.toMatch(/style="/);
    expect(html).toContain('data-element="feedback"');
  });

  it('answers 404 for enti that are not active, or unknown', async () => {
    for (const slug of [fx.suspendedOrg.slug, 'zeta-prova-bozza', 'non-esiste']) {
      expect((await t.app.inject(`/enti/${slug}`)).statusCode, slug).toBe(404);
      const api = await t.app.inject(`/api/v1/organizations/${slug}`);
      expect(api.statusCode, slug).toBe(404);
      expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('renders in English', async () => {
    const list = await t.app.inject('/enti?q=aurora&lang=en');
    expect(list.body).toContain('<html lang="en">');
    expect(text(list.body)).toContain('1 organisation found');
    const page = await t.app.inject(`/enti/${FULL.orgSlug}?lang=en`);
    const body = text(page.body);
    for (const v of ['About us', 'Services offered', 'Premises', 'Contacts', FULL.orgDescriptionEn, 'Free', 'from €15.00 / hour']) expect(body).toContain(v);
    for (const v of ['Chi siamo', 'Servizi offerti', 'Gratuito']) expect(body).not.toContain(v);
  });

  it('escapes a hostile ente name in list and page', async () => {
    const list = await t.app.inject('/enti?q=onerror');
    expect(list.body).not.toContain('<img src=x');
    expect(list.body).toContain('&lt;img src=x onerror=alert(1)&gt; Ente');
    const page = await t.app.inject('/enti/fixture-ente-xss');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<img src=x');
  });

  it('publishes the organisations API, paginated, with validation', async () => {
    const res = await t.app.inject('/api/v1/organizations?q=zeta%20prova&per_pagina=5&pagina=2');
    expect(res.statusCode).toBe(200);
    const list = enteListSchema.parse(res.json());
    expect(list).toMatchObject({ total: ZETA, page: 2, perPage: 5, pages: 5 });
    expect(list.items.map((i) => i.slug)).toEqual(['zeta-prova-06', 'zeta-prova-07', 'zeta-prova-08', 'zeta-prova-09', 'zeta-prova-10']);
    const def = enteListSchema.parse((await t.app.inject('/api/v1/organizations')).json());
    expect(def.perPage).toBe(20);
    expect(def.items.every((i) => i.slug !== fx.suspendedOrg.slug)).toBe(true);
    for (const url of ['/api/v1/organizations?per_pagina=101', '/api/v1/organizations?pagina=x', '/api/v1/organizations?municipio=0']) {
      const bad = await t.app.inject(url);
      expect(bad.statusCode, url).toBe(400);
      expect(bad.json()).toMatchObject({ error: { code: 'bad_request' } });
    }
    expect((await t.app.inject('/api/v1/organizations/BAD%20SLUG')).statusCode).toBe(400);
  });

  it('publishes one organisation with sites, Spazi and services', async () => {
    const res = await t.app.inject(`/api/v1/organizations/${FULL.orgSlug}`);
    expect(res.statusCode).toBe(200);
    const ente = enteDetailSchema.parse(res.json());
    expect(ente).toMatchObject({ slug: FULL.orgSlug, name: FULL.orgName, legalForm: FULL.orgLegalForm, pec: FULL.orgPec, servicesCount: 2 });
    expect(ente.sites.map((s) => s.name)).toEqual([FULL.siteName]);
    expect(ente.spazi.map((s) => s.url)).toEqual([`/spazi-wemi/${FULL.spazioSlug}`]);
    expect(ente.services.map((s) => s.slug).sort()).toEqual([FULL.slug, fx.xssSlug].sort());
    expect(ente.services.find((s) => s.slug === FULL.slug)).toMatchObject({ offerType: 'paid', priceFrom: 15, unitLabel: 'ora' });
    const doc = (await t.app.inject('/api/v1/openapi.json')).json();
    expect(doc.paths['/api/v1/organizations'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'pagina', 'per_pagina', 'municipio']),
    );
  });

  it('shows a demo ente page with its public services', async () => {
    const row = await t.db.maybeOne<{ slug: string; name: string; n: number }>(
      `select o.slug, o.name, (select count(*)::int from public_service s where s.organization_id = o.id) as n
       from organization o where o.status = 'active' order by o.is_demo desc, n desc, o.slug limit 1`,
    );
    expect(row).toBeDefined();
    const html = (await t.app.inject(`/enti/${row!.slug}`)).body;
    expect(text(html)).toContain(row!.name);
    expect(serviceLinks(html)).toHaveLength(row!.n);
  });

  it('rates the ente over the reviews of its public cards: the ente page agrees with its cards', async () => {
    // The fixture ente: its complete card has 12 reviews (4.5), its other public card none.
    const page = text((await t.app.inject(`/enti/${FULL.orgSlug}`)).body);
    expect(page).toContain('4,5 su 5 (12 recensioni)');
    expect(page).not.toContain('Ancora nessuna recensione');
    expect(page).toContain('Non ci sono ancora commenti pubblicati sui servizi di questo ente.');
    expect((await t.app.inject(`/api/v1/organizations/${FULL.orgSlug}`)).json().rating).toEqual({ average: 4.5, count: 12 });
    // A demo ente with reviews: its count is the sum of its cards' counts, its average their weighted average.
    const demo = await t.db.one<{ slug: string }>(
      `select o.slug from organization o where o.status = 'active' and o.is_demo
          and (select count(distinct ps.id) from public_service ps join review r on r.service_id = ps.id where ps.organization_id = o.id) >= 2
        order by o.slug limit 1`,
    );
    const ente = (await t.app.inject(`/api/v1/organizations/${demo.slug}`)).json() as { rating: { average: number; count: number }; services: { slug: string }[] };
    let count = 0;
    let sum = 0;
    for (const s of ente.services) {
      const card = (await t.app.inject(`/api/v1/services/${s.slug}`)).json() as { rating: { average: number | null; count: number } };
      count += card.rating.count;
      sum += (card.rating.average ?? 0) * card.rating.count;
    }
    expect(ente.rating.count).toBe(count);
    expect(ente.rating.count).toBeGreaterThan(0);
    expect(Math.abs(ente.rating.average - sum / count)).toBeLessThan(0.02);
    const html = (await t.app.inject(`/enti/${demo.slug}`)).body;
    expect(html).not.toContain('Ancora nessuna recensione');
    expect(html).toContain('id="recensioni"');
  });
});
