import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { esc } from '../support/html';

interface Row {
  slug: string;
  name_it: string;
  name_en: string;
  hours: { it: string; en: string };
  quality_standards: { it: string; en: string }[];
}

const SECTIONS_IT = [
  ['a-chi-e-rivolto', 'A chi è rivolto', 'service-addressed'],
  ['come-fare', 'Come fare', 'service-how-to'],
  ['cosa-serve', 'Cosa serve', 'service-needed'],
  ['cosa-si-ottiene', 'Cosa si ottiene', 'service-achieved'],
  ['tempi-e-scadenze', 'Tempi e scadenze', 'service-calendar-text'],
  ['quanto-costa', 'Quanto costa', undefined],
  ['accedi-al-servizio', 'Accedi al servizio', 'service-generic-access'],
  ['condizioni-di-servizio', 'Condizioni di servizio', undefined],
  ['contatti', 'Contatti', undefined],
] as const;

const firstLine = (s: string) => s.split('\n')[0]!.replace(/^- /, '');
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

describe('City access services', () => {
  let t: TestApp;
  let rows: Row[];
  beforeAll(async () => {
    t = await createTestApp();
    rows = await t.db.query<Row>(`select slug, name_it, name_en, hours, quality_standards from city_service order by position`);
  });
  afterAll(async () => t?.close());

  it('has the five services of the Carta dei Servizi', () => {
    expect(rows).toHaveLength(5);
    const names = rows.map((r) => r.name_it).join(' | ');
    for (const n of ['02.02.02', 'WeMi', 'Sammartini', 'Tribunale', 'Milano Welcome Center']) expect(names).toContain(n);
  });

  it('lists every service as a card linking to its page', async () => {
    const res = await t.app.inject('/servizi-del-comune');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<h1[^>]*>Servizi del Comune<\/h1>/);
    const links = [...res.body.matchAll(/<a href="(\/servizi-del-comune\/[a-z0-9-]+)" data-element="service-link">([^<]*)<\/a>/g)];
    expect(links.map((m) => m[1])).toEqual(rows.map((r) => `/servizi-del-comune/${r.slug}`));
    expect(links.map((m) => m[2])).toEqual(rows.map((r) => esc(r.name_it)));
    expect(res.body).toContain('data-element="feedback"');
    expect(res.body).toContain('aria-current="page"');
  });

  it('renders each service page with the Modello Comuni sections, hours and quality standards', async () => {
    for (const r of rows) {
      const res = await t.app.inject(`/servizi-del-comune/${r.slug}`);
      expect(res.statusCode, r.slug).toBe(200);
      const html = res.body;
      expect(html).toContain(`data-element="service-title">${esc(r.name_it)}</h1>`);
      expect(html).toContain('data-element="service-status"');
      expect(html).toContain('data-element="service-description"');
      expect(html).toContain('data-element="page-index"');
      expect(html).toContain('data-element="breadcrumb"');
      expect(html).toContain('data-element="service-area"');
      for (const [id, label, element] of SECTIONS_IT) {
        expect(html, `${r.slug} ${label}`).toContain(`<section class="it-page-section wemi-page-section" id="${id}"`);
        expect(html).toContain(`>${label}</h2>`);
        expect(html).toContain(`href="#${id}"`);
        if (element) expect(html).toContain(`data-element="${element}"`);
      }
      expect(textOf(html)).toContain(esc(firstLine(r.hours.it)));
      for (const q of r.quality_standards) expect(textOf(html)).toContain(esc(q.it));
      // JSON-LD GovernmentService, valid JSON.
      const ld = /<script type="application\/ld\+json" data-element="metatag">([\s\S]*?)<\/script>/.exec(html)?.[1];
      expect(ld).toBeDefined();
      const data = JSON.parse(ld!) as Record<string, unknown>;
      expect(data['@type']).toBe('GovernmentService');
      expect(data.name).toBe(r.name_it);
      expect(data).toHaveProperty('serviceOperator.name', 'Comune di Milano');
      expect(data).toHaveProperty('areaServed.name', 'Milano');
      expect(html).toContain('data-element="feedback"');
    }
  });

  it('offers a way to access each service (a phone call at least)', async () => {
    const res = await t.app.inject(`/servizi-del-comune/${rows[0]!.slug}`);
    expect(res.body).toMatch(/data-element="service-generic-access"[\s\S]*?href="tel:[0-9+]+"/);
  });

  it('renders in English', async () => {
    const r = rows[0]!;
    const res = await t.app.inject(`/servizi-del-comune/${r.slug}?lang=en`);
    expect(res.body).toContain(`data-element="service-title">${esc(r.name_en)}</h1>`);
    for (const label of ['Who it is for', 'How to do it', 'What you need', 'What you get', 'Times and deadlines', 'How much it costs', 'Access the service', 'Terms of service', 'Contacts']) {
      expect(res.body).toContain(`>${label}</h2>`);
    }
    expect(textOf(res.body)).toContain(esc(firstLine(r.hours.en)));
  });

  it('answers 404 for an unknown service, as a page and in the API', async () => {
    const page = await t.app.inject('/servizi-del-comune/non-esiste');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Pagina non trovata');
    const api = await t.app.inject('/api/v1/city-services/non-esiste');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('publishes the services in the JSON API, in both languages', async () => {
    const list = await t.app.inject('/api/v1/city-services');
    expect(list.statusCode).toBe(200);
    const body = list.json() as { total: number; items: { slug: string; name: string; hours: string; qualityStandards: string[]; url: string }[] };
    expect(body.total).toBe(5);
    expect(body.items.map((i) => i.slug)).toEqual(rows.map((r) => r.slug));
    expect(body.items[0]!.url).toMatch(/\/servizi-del-comune\/[a-z0-9-]+$/);
    const one = await t.app.inject(`/api/v1/city-services/${rows[1]!.slug}?lang=en`);
    expect(one.statusCode).toBe(200);
    const item = one.json() as { name: string; qualityStandards: string[]; hours: string };
    expect(item.name).toBe(rows[1]!.name_en);
    expect(item.qualityStandards).toEqual(rows[1]!.quality_standards.map((q) => q.en));
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(doc.paths['/api/v1/city-services']).toBeDefined();
    expect(doc.paths['/api/v1/city-services/{slug}']).toBeDefined();
  });
});
