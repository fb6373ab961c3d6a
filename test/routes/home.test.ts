import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/i18n/i18n';
import { createTestApp, type TestApp } from '../support/app';

interface Counts {
  services: number;
  organizations: number;
  operators: number;
  citizens: number;
}

async function sqlCounts(t: TestApp): Promise<Counts> {
  const [services, organizations, operators, citizens] = await Promise.all([
    t.db.one<{ n: number }>(`select count(*)::int as n from service s join organization o on o.id = s.organization_id where s.status = 'published' and o.status = 'active'`),
    t.db.one<{ n: number }>(`select count(*)::int as n from organization where status = 'active'`),
    t.db.one<{ n: number }>(`select coalesce(sum(operators_count), 0)::int as n from organization where status = 'active'`),
    t.db.one<{ n: number }>(`select count(*)::int as n from app_user where kind = 'citizen'`),
  ]);
  return { services: services.n, organizations: organizations.n, operators: operators.n, citizens: citizens.n };
}

const statOf = (html: string, key: string) => new RegExp(`data-wemi-stat="${key}">([^<]*)<`).exec(html)?.[1];

describe('home page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('shows the four live counters equal to the SQL counts', async () => {
    const counts = await sqlCounts(t);
    expect(counts.services).toBeGreaterThan(0);
    expect(counts.organizations).toBeGreaterThan(0);
    const res = await t.app.inject('/');
    expect(res.statusCode).toBe(200);
    for (const key of ['services', 'organizations', 'operators', 'citizens'] as const) {
      expect(statOf(res.body, key), key).toBe(formatNumber('it', counts[key]));
    }
  });

  it('updates the counters from the database (a new citizen is counted)', async () => {
    const before = await sqlCounts(t);
    await t.db.query(`insert into app_user (kind, given_name, family_name, is_demo) values ('citizen', 'Test', 'Counter', true)`);
    const res = await t.app.inject('/');
    expect(statOf(res.body, 'citizens')).toBe(formatNumber('it', before.citizens + 1));
    const api = await t.app.inject('/api/v1/stats');
    expect(api.statusCode).toBe(200);
    expect(api.json()).toEqual({ ...before, citizens: before.citizens + 1 });
  });

  it('links every section and every category, with their icons', async () => {
    const sections = await t.db.query<{ slug: string; name_it: string }>(
      `select t.slug, t.name_it from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = 'section' and t.active`,
    );
    const categories = await t.db.query<{ slug: string; icon: string | null }>(
      `select t.slug, t.icon from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = 'category' and t.active`,
    );
    expect(sections).toHaveLength(5);
    expect(categories.length).toBeGreaterThan(5);
    const res = await t.app.inject('/');
    for (const s of sections) expect(res.body).toContain(`href="/aree/${s.slug}"`);
    for (const c of categories) expect(res.body).toContain(`href="/categorie/${c.slug}"`);
    const withIcon = categories.find((c) => c.icon);
    expect(withIcon).toBeDefined();
    expect(res.body).toContain(`#it-${withIcon!.icon}"`);
  });

  it('has a search form that works without JavaScript, marked for the autocomplete', async () => {
    const res = await t.app.inject('/');
    const form = /<form class="wemi-hero-search"[^>]*>/.exec(res.body)?.[0] ?? '';
    expect(form).toContain('action="/servizi"');
    expect(form).toContain('method="get"');
    expect(res.body).toMatch(/<label for="home-q"[^>]*>Cosa stai cercando\?<\/label>/);
    expect(res.body).toMatch(/<input[^>]*id="home-q"[^>]*name="q"[^>]*data-wemi-autocomplete=""/);
    expect(res.body).toContain('href="/servizi?q=badante"');
    expect((res.body.match(/<h1[\s>]/g) ?? []).length).toBe(1);
  });

  it('shows Spazi WeMi, how to get help and the feedback widget', async () => {
    const spazi = await t.db.query<{ position: number }>(
      `select distinct m.position from location l join taxonomy_term m on m.id = l.municipio_id where l.kind = 'spazio_wemi' and l.active`,
    );
    const res = await t.app.inject('/');
    expect(res.body).toContain('href="/spazi-wemi"');
    expect((res.body.match(/href="\/spazi-wemi\/[a-z0-9-]+"/g) ?? []).length).toBeGreaterThanOrEqual(1);
    for (const m of spazi) expect(res.body).toContain(`href="/spazi-wemi?municipio=${m.position}"`);
    expect(res.body).toContain('href="tel:020202"');
    expect(res.body).toContain('href="/servizi-del-comune"');
    expect(res.body).toContain('Come ricevere aiuto');
    expect(res.body).toContain('data-element="feedback"');
  });

  it('is complete in English', async () => {
    const res = await t.app.inject('/?lang=en');
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('Find the right welfare service for you and your family');
    expect(res.body).toContain('How to get help');
    expect(res.body).toContain('How clear is the information on this page?');
    expect(res.body).not.toContain('Cosa stai cercando');
  });

  it('documents /api/v1/stats in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(doc.paths['/api/v1/stats']).toBeDefined();
  });
});
