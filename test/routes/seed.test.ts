import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database';
import { DEMO_FIGURES, seedDemoData } from '../../src/db/seed/demo';
import { seedSynthetic } from '../../src/db/seed/synthetic';
import { createTestDb } from '../support/app';

// The demo catalogue: counts, coverage, visibility rules, facts from the seed documents, idempotency,
// concurrent starts, and a small synthetic load.

const n = async (db: Db, sql: string, params: unknown[] = []) => (await db.one<{ n: number }>(sql, params)).n;

const TABLES = [
  'taxonomy', 'taxonomy_term', 'organization', 'location', 'organization_spazio', 'service', 'price_list', 'price_tier',
  'service_at_location', 'service_taxonomy', 'service_area', 'city_service', 'search_synonym', 'search_word', 'app_user',
];
async function tableCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = await n(db, `select count(*)::int as n from ${t}`);
  return out;
}

describe('demo seed', () => {
  let db: Db;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await createTestDb());
  });
  afterAll(async () => {
    await close();
  });

  it('reproduces the public figures of the seed documents', async () => {
    expect(await n(db, `select count(*)::int as n from organization where status = 'active'`)).toBe(DEMO_FIGURES.activeEnti);
    expect(await n(db, `select count(*)::int as n from organization`)).toBeGreaterThanOrEqual(55);
    expect(await n(db, `select count(*)::int as n from public_service`)).toBe(DEMO_FIGURES.publicServices);
    expect(await n(db, `select count(*)::int as n from service`)).toBeGreaterThanOrEqual(320);
    expect(await n(db, `select sum(operators_count)::int as n from organization where status = 'active'`)).toBe(DEMO_FIGURES.operators);
    expect(await n(db, `select count(*)::int as n from app_user where kind = 'citizen'`)).toBe(DEMO_FIGURES.citizens);
    expect(await n(db, `select count(*)::int as n from organization where is_demo and status = 'active'`)).toBe(DEMO_FIGURES.activeEnti);
  });

  it('creates the fixed taxonomy codes', async () => {
    const codes = async (tax: string) =>
      (await db.query<{ code: string }>(
        `select t.code from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = $1 order by t.position, t.code`, [tax],
      )).map((r) => r.code);
    expect(await codes('section')).toEqual(['domiciliarita', 'zero_diciotto', 'inclusione', 'educazione_finanziaria', 'tate_colf_badanti']);
    const municipi = await db.query<{ code: string; slug: string; name_it: string; position: number }>(
      `select t.code, t.slug, t.name_it, t.position from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = 'municipio' order by t.position`,
    );
    expect(municipi.map((m) => [m.code, m.slug, m.name_it, m.position])).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`m${i}`, `municipio-${i}`, `Municipio ${i}`, i]),
    );
    expect(await codes('time_band')).toEqual(expect.arrayContaining(['mattina', 'pomeriggio', 'sera', 'notte', 'weekend']));
    // The 13 Domiciliarità categories of seed 001, each with service types.
    expect(await n(db, `select count(*)::int as n from taxonomy_term c join taxonomy_term s on s.id = c.parent_id where s.code = 'domiciliarita'`)).toBe(13);
    expect(await n(db, `select count(*)::int as n from taxonomy_term c join taxonomy x on x.id = c.taxonomy_id
      where x.code = 'category' and (c.parent_id is null or not exists (select 1 from taxonomy_term t where t.parent_id = c.id))`)).toBe(0);
    // A service type's parent is a category, a category's parent is a section.
    expect(await n(db, `select count(*)::int as n from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id
      join taxonomy_term p on p.id = t.parent_id join taxonomy px on px.id = p.taxonomy_id
      where x.code = 'service_type' and px.code <> 'category'`)).toBe(0);
    const badante = await db.one<{ synonyms: string[]; name_en: string }>(
      `select t.synonyms, t.name_en from taxonomy_term t where t.code = 'assistenza_familiare_badante'`,
    );
    expect(badante.synonyms).toContain('badante');
    expect(badante.name_en).toMatch(/caregiver/i);
    expect(await n(db, `select count(*)::int as n from search_synonym where 'tata' = any(terms) and 'baby sitter' = any(terms)`)).toBe(1);
  });

  it('uses only Bootstrap Italia icons that exist', async () => {
    const sprite = readFileSync(path.resolve('node_modules/bootstrap-italia/dist/svg/sprites.svg'), 'utf8');
    const icons = (await db.query<{ icon: string }>(`select distinct icon from taxonomy_term where icon is not null`)).map((r) => r.icon);
    expect(icons.length).toBeGreaterThan(5);
    for (const icon of icons) expect(sprite, icon).toContain(`id="it-${icon}"`);
  });

  it('covers every category and every Municipio with public services', async () => {
    expect(await n(db, `select count(*)::int as n from taxonomy_term c join taxonomy x on x.id = c.taxonomy_id
      where x.code = 'category' and not exists (
        select 1 from public_service s join taxonomy_term st on st.id = s.service_type_id where st.parent_id = c.id)`)).toBe(0);
    expect(await n(db, `select count(*)::int as n from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id
      where x.code = 'service_type' and not exists (select 1 from public_service s where s.service_type_id = t.id)`)).toBe(0);
    expect(await n(db, `select count(distinct a.municipio_id)::int as n from service_area a join public_service s on s.id = a.service_id`)).toBe(9);
    // Every public card links its category and at least one target group and time band.
    expect(await n(db, `select count(*)::int as n from public_service s join taxonomy_term st on st.id = s.service_type_id
      where not exists (select 1 from service_taxonomy x where x.service_id = s.id and x.term_id = st.parent_id)`)).toBe(0);
    for (const tax of ['target_group', 'time_band']) {
      expect(await n(db, `select count(*)::int as n from public_service s where not exists (
        select 1 from service_taxonomy x join taxonomy_term t on t.id = x.term_id join taxonomy tx on tx.id = t.taxonomy_id
        where x.service_id = s.id and tx.code = $1)`, [tax]), tax).toBe(0);
    }
    expect(await n(db, `select count(*)::int as n from public_service s where not exists (select 1 from service_area a where a.service_id = s.id)`)).toBe(0);
  });

  it('fills every field of the public cards', async () => {
    const empty = await n(db, `select count(*)::int as n from public_service where summary_it = '' or summary_en = '' or need_analysis = ''
      or proposed_solution = '' or staff_activities = '' or recipients = '' or contact_phone is null or contact_email is null
      or contact_hours = '' or responsible_name = '' or wait_analysis_days is null or wait_activation_days is null
      or cardinality(delivery_places) = 0 or jsonb_array_length(staff) = 0 or search_tsv is null`);
    expect(empty).toBe(0);
    const mix = await db.query<{ offer_type: string; n: number }>(`select offer_type, count(*)::int as n from public_service group by offer_type`);
    expect(mix.map((m) => m.offer_type).sort()).toEqual(['free_public', 'free_volunteer', 'paid']);
    expect(await n(db, `select count(*)::int as n from public_service where jsonb_array_length(packages) > 0`)).toBeGreaterThan(10);
    expect(await n(db, `select count(*)::int as n from public_service where mode <> 'individual' and max_people > 1`)).toBeGreaterThan(20);
    expect(await n(db, `select count(distinct name)::int as n from public_service`)).toBeGreaterThan(200);
    expect(await n(db, `select count(distinct summary_it)::int as n from public_service`)).toBeGreaterThan(100);
    expect(await n(db, `select count(*)::int as n from service where slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$' or not is_demo`)).toBe(0);
  });

  it('gives every public paid card a price list valid today', async () => {
    expect(await n(db, `select count(*)::int as n from public_service s where s.offer_type = 'paid' and not exists (
      select 1 from price_list pl join price_tier pt on pt.price_list_id = pl.id
      where pl.service_id = s.id and pl.valid_from <= current_date and (pl.valid_to is null or pl.valid_to >= current_date))`)).toBe(0);
    expect(await n(db, `select count(*)::int as n from public_service where offer_type = 'paid' and price_from is null`)).toBe(0);
    expect(await n(db, `select count(*)::int as n from public_service where offer_type <> 'paid' and price_from is not null`)).toBe(0);
    expect(await n(db, `select count(*)::int as n from price_list where valid_to < current_date`)).toBe(3);
    expect(await n(db, `select count(*)::int as n from price_list where valid_to between current_date and current_date + 14`)).toBeGreaterThanOrEqual(5);
    // Believable Milan prices for badante (9-14 €/ora) and home meals (6-9 €/pasto).
    const range = await db.one<{ lo: number; hi: number }>(`select min(s.price_from) as lo, max(s.price_from) as hi from public_service s
      join taxonomy_term st on st.id = s.service_type_id where st.code = 'assistenza_familiare_badante'`);
    expect(range.lo).toBeGreaterThanOrEqual(8);
    expect(range.hi).toBeLessThanOrEqual(14);
  });

  it('keeps drafts, submitted cards and cards of non-active enti out of the public view', async () => {
    expect(await n(db, `select count(*)::int as n from service where status in ('draft', 'submitted')`)).toBeGreaterThanOrEqual(5);
    expect(await n(db, `select count(*)::int as n from organization where status in ('draft', 'suspended')`)).toBeGreaterThanOrEqual(3);
    expect(await n(db, `select count(*)::int as n from service s join organization o on o.id = s.organization_id
      where s.status = 'published' and o.status <> 'active'`)).toBeGreaterThan(0);
    expect(await n(db, `select count(*)::int as n from public_service p join service s on s.id = p.id join organization o on o.id = s.organization_id
      where s.status <> 'published' or o.status <> 'active'`)).toBe(0);
  });

  it('stores the Spazi WeMi and the City services of the seed documents', async () => {
    expect(await n(db, `select count(*)::int as n from location where kind = 'spazio_wemi' and active`)).toBe(24);
    expect(await n(db, `select count(*)::int as n from location where kind = 'spazio_wemi' and (municipio_id is null or address = '')`)).toBe(0);
    const s = await db.one<{ address: string; postal_code: string; email: string; municipio: string }>(
      `select l.address, l.postal_code, l.email, m.code as municipio from location l join taxonomy_term m on m.id = l.municipio_id where l.slug = 'wemi-25-aprile'`,
    );
    expect(s).toEqual({ address: 'Piazza XXV Aprile, 2', postal_code: '20121', email: 'wemi.25aprile@comune.milano.it', municipio: 'm1' });
    // The Carta dei Servizi wins over older documents (Capuana's e-mail differs in seed 001).
    expect((await db.one<{ email: string }>(`select email from location where slug = 'wemi-capuana'`)).email).toBe('capuana@wemi.milano.it');
    expect(await n(db, `select count(*)::int as n from location where kind = 'spazio_wemi' and not active`)).toBeGreaterThan(0);
    expect(await n(db, `select count(distinct municipio_id)::int as n from location where kind = 'spazio_wemi' and active`)).toBe(9);

    const cs = await db.query<{ slug: string; summary: { it: string; en: string }; quality_standards: { it: string; en: string }[] }>(
      `select slug, summary, quality_standards from city_service order by position`,
    );
    expect(cs.map((c) => c.slug)).toEqual(['accoglienza-020202', 'sistema-wemi', 'centro-sammartini', 'spazio-informativo-tribunale', 'milano-welcome-center']);
    for (const c of cs) {
      expect(c.summary.it.length).toBeGreaterThan(20);
      expect(c.summary.en.length).toBeGreaterThan(20);
      expect(c.quality_standards.length).toBeGreaterThan(0);
    }
    const mwc = await db.one<{ quality: string; address: string }>(
      `select c.quality_standards::text as quality, l.address from city_service c join location l on l.id = c.location_id where c.slug = 'milano-welcome-center'`,
    );
    expect(mwc.quality).toContain('15 giorni');
    expect(mwc.address).toBe('Via Giovanni Battista Sammartini, 75');
  });

  it('gives every ente sites, contacts on example domains and links to Spazi', async () => {
    expect(await n(db, `select count(*)::int as n from organization o where not exists (
      select 1 from location l where l.organization_id = o.id and l.kind = 'ente_site')`)).toBe(0);
    expect(await n(db, `select count(*)::int as n from organization where email not like '%@%esempio.it' or website not like '%esempio.it'`)).toBe(0);
    expect(await n(db, `select count(*)::int as n from organization o where o.status = 'active' and not exists (
      select 1 from organization_spazio x where x.organization_id = o.id)`)).toBe(0);
    expect(await n(db, `select count(*)::int as n from service_at_location x join location l on l.id = x.location_id where l.kind = 'spazio_wemi'`)).toBeGreaterThan(5);
  });

  it('is searchable', async () => {
    const hits = await db.query<{ slug: string }>(
      `select slug from public_service where search_tsv @@ plainto_tsquery('italian', wemi_norm($1)) order by slug`, ['badante'],
    );
    expect(hits.length).toBeGreaterThan(5);
    expect(await n(db, `select count(*)::int as n from search_word where word = 'badante'`)).toBe(1);
  });

  it('does nothing the second time', async () => {
    const before = await tableCounts(db);
    expect(await seedDemoData(db)).toMatch(/already present/);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('loads a small synthetic catalogue that is public and searchable', async () => {
    const lines: string[] = [];
    await seedSynthetic(db, { services: 200, enti: 20, log: (m) => lines.push(m) });
    expect(lines.at(-1)).toMatch(/done/);
    expect(await n(db, `select count(*)::int as n from organization where slug like 'synt-%' and status = 'active'`)).toBe(20);
    expect(await n(db, `select count(*)::int as n from public_service where slug like 'synt-%'`)).toBe(200);
    expect(await n(db, `select count(*)::int as n from service where slug like 'synt-%' and search_tsv is null`)).toBe(0);
    expect(await n(db, `select count(*)::int as n from public_service where slug like 'synt-%' and offer_type = 'paid' and price_from is null`)).toBe(0);
    expect(await n(db, `select count(distinct a.municipio_id)::int as n from service_area a join service s on s.id = a.service_id where s.slug like 'synt-%'`)).toBe(9);
    expect(await n(db, `select count(*)::int as n from service s where s.slug like 'synt-%'
      and not exists (select 1 from service_taxonomy x where x.service_id = s.id)`)).toBe(0);
    expect(await n(db, `select count(*)::int as n from public_service where slug like 'synt-%' and search_tsv @@ plainto_tsquery('italian', 'sintetico')`)).toBe(200);
    // A second run skips.
    const again: string[] = [];
    await seedSynthetic(db, { services: 200, enti: 20, log: (m) => again.push(m) });
    expect(again.join(' ')).toMatch(/already present/);
    expect(await n(db, `select count(*)::int as n from service where slug like 'synt-%'`)).toBe(200);
  });
});

describe('demo seed on an empty database', () => {
  it('loads once when two starts race', async () => {
    const { db, close } = await createTestDb({ seed: false });
    try {
      const results = await Promise.all([seedDemoData(db), seedDemoData(db)]);
      expect(results.filter((r) => /already present/.test(r))).toHaveLength(1);
      expect(await n(db, `select count(*)::int as n from taxonomy where code = 'section'`)).toBe(1);
      expect(await n(db, `select count(*)::int as n from public_service`)).toBe(DEMO_FIGURES.publicServices);
    } finally {
      await close();
    }
  });

  it('refuses synthetic data without the demo taxonomy', async () => {
    const { db, close } = await createTestDb({ seed: false });
    try {
      await expect(seedSynthetic(db, { services: 10, enti: 2, log: () => {} })).rejects.toThrow(/demo seed first/);
    } finally {
      await close();
    }
  });
});
