import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import zlib from 'node:zlib';
import { CATEGORIES, SECTIONS } from '../../src/db/seed/taxonomy';
import { GROUP_OF_CATEGORY, GROUP_OF_SECTION, groupOf } from '../../src/features/home/home.groups';
import { formatNumber } from '../../src/i18n/i18n';
import { decode, text } from '../support/html';
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

/** The card (the list item) around a piece of the home page. */
function cardOf(html: string, needle: string): string {
  const at = html.indexOf(needle);
  if (at < 0) return '';
  return html.slice(html.lastIndexOf('<li', at), html.indexOf('</li>', at));
}

interface Group {
  code: string;
  title: string;
  lead: string;
  categories: string[];
  all: string | undefined;
  html: string;
}

/** The groups of categories as the home page renders them, in their order. */
function groupsOf(html: string): Group[] {
  const chunks = html.split('<li class="wemi-need" data-wemi-group="').slice(1);
  return chunks.map((chunk) => {
    const body = chunk.slice(0, chunk.indexOf('data-wemi-group-all=') + 200);
    return {
      code: chunk.slice(0, chunk.indexOf('"')),
      title: text(/<h3 class="wemi-need-title"[^>]*>([\s\S]*?)<\/h3>/.exec(body)?.[1] ?? ''),
      lead: text(/<p class="wemi-need-lead">([\s\S]*?)<\/p>/.exec(body)?.[1] ?? ''),
      categories: [...body.matchAll(/data-wemi-category="([^"]+)"/g)].map((m) => m[1]!),
      all: ((h) => (h ? decode(h) : undefined))(/<a class="wemi-need-all" href="([^"]+)"/.exec(body)?.[1]),
      html: body,
    };
  });
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

  it('links every section, each with its illustration', async () => {
    const sections = await t.db.query<{ slug: string; code: string }>(
      `select t.slug, t.code from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = 'section' and t.active`,
    );
    expect(sections).toHaveLength(5);
    const res = await t.app.inject('/');
    for (const s of sections) {
      const card = cardOf(res.body, `href="/aree/${s.slug}"`);
      expect(card, s.slug).toMatch(/<img class="wemi-section-img" src="\/static\/img\/section-[a-z-]+\.[\w-]+\.svg" alt=""/);
    }
  });

  it('groups every category of the catalogue in exactly one of the four groups, with its count', async () => {
    const categories = await t.db.query<{ slug: string; code: string; n: number }>(
      `select t.slug, t.code, (select count(*)::int from public_service s join taxonomy_term st on st.id = s.service_type_id where st.parent_id = t.id) as n
         from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = 'category' and t.active`,
    );
    expect(categories.length).toBeGreaterThan(25);
    const res = await t.app.inject('/');
    const groups = groupsOf(res.body);
    expect(groups.map((g) => g.code)).toEqual(['famiglia', 'benessere', 'casa', 'comune']);
    expect(groups.map((g) => g.title)).toEqual(['Sostegno alla famiglia', 'Benessere della persona', 'Gestione delle attività domestiche', 'Servizi del Comune']);
    const seen = groups.flatMap((g) => g.categories);
    expect(seen.slice().sort()).toEqual(categories.map((c) => c.slug).sort());
    expect(new Set(seen).size, 'no category in two groups').toBe(seen.length);
    // Each group has a heading, a sentence, an illustration, its categories as links with counts, and a link to all of it.
    for (const g of groups) {
      expect(g.lead.length, g.code).toBeGreaterThan(40);
      expect(g.html).toMatch(/<img class="wemi-need-img" src="\/static\/img\/group-[a-z]+\.[\w-]+\.svg" alt="" width="72" height="72"/);
      expect(g.all, g.code).toBeTruthy();
    }
    for (const c of categories) {
      const link = new RegExp(`<a class="wemi-need-link" href="/categorie/${c.slug}" data-wemi-category="${c.slug}"><span class="wemi-need-name">[^<]+</span> <span class="wemi-need-count">([^<]+)</span>`).exec(res.body);
      expect(link?.[1], c.slug).toBe(c.n === 1 ? '1 servizio' : `${formatNumber('it', c.n)} servizi`);
    }
    // Where families look first.
    const groupOfSlug = new Map(groups.flatMap((g) => g.categories.map((c) => [c, g.code] as const)));
    expect(groupOfSlug.get('badante')).toBe('famiglia');
    expect(groupOfSlug.get('baby-sitter')).toBe('famiglia');
    expect(groupOfSlug.get('servizi-psicologici')).toBe('benessere');
    expect(groupOfSlug.get('colf')).toBe('casa');
    expect(groupOfSlug.get('pasti-a-domicilio')).toBe('casa');
    expect(groupOfSlug.get('consulenza-sociale-e-giuridica')).toBe('comune');
  });

  it('maps every category of the seed taxonomy explicitly, and a new category to the group of its section', async () => {
    for (const c of CATEGORIES) expect(GROUP_OF_CATEGORY[c.code], c.code).toBeDefined();
    for (const s of SECTIONS) expect(GROUP_OF_SECTION[s.code], s.code).toBeDefined();
    expect(groupOf('categoria_nuova', 'tate_colf_badanti')).toBe('famiglia');
    expect(groupOf('categoria_nuova', 'sezione_nuova')).toBe('benessere');
    expect(groupOf('tcb_colf', 'tate_colf_badanti')).toBe('casa');
  });

  it('links each group to all of its services, and every link of the groups answers', async () => {
    const counts = new Map(
      (
        await t.db.query<{ slug: string; n: number }>(
          `select c.slug, count(*)::int as n from public_service s join taxonomy_term st on st.id = s.service_type_id join taxonomy_term c on c.id = st.parent_id group by c.slug`,
        )
      ).map((r) => [r.slug, r.n]),
    );
    const res = await t.app.inject('/');
    const groups = groupsOf(res.body);
    for (const g of groups) {
      if (g.code === 'comune') {
        expect(g.all).toBe('/servizi-del-comune');
      } else {
        const url = new URL(g.all!, 'http://x');
        expect(url.pathname).toBe('/servizi');
        expect(url.searchParams.getAll('categoria').sort()).toEqual(g.categories.slice().sort());
        // The search finds every public service of the group's categories (a service has one category).
        const total = g.categories.reduce((n, c) => n + (counts.get(c) ?? 0), 0);
        expect(total, g.code).toBeGreaterThan(0);
        expect(text((await t.app.inject(g.all!)).body), g.code).toContain(`${formatNumber('it', total)} servizi trovati`);
      }
      const all = await t.app.inject(g.all!);
      expect(all.statusCode, g.all).toBe(200);
      expect(all.body, g.all).not.toContain('wemi-error-summary');
      for (const slug of g.categories) {
        const page = await t.app.inject(`/categorie/${slug}`);
        expect(page.statusCode, slug).toBe(200);
      }
    }
  });

  it('shows a category the City adds to a section in the group of that section', async () => {
    const section = await t.db.one<{ id: string; taxonomy_id: string }>(
      `select t.id, c.id as taxonomy_id from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id, taxonomy c where x.code = 'section' and t.code = 'tate_colf_badanti' and c.code = 'category'`,
    );
    await t.db.query(
      `insert into taxonomy_term (taxonomy_id, parent_id, code, slug, name_it, name_en, position) values ($1, $2, 'tcb_aiuto_notturno_prova', 'aiuto-notturno-prova', 'Aiuto notturno di prova', 'Night help test', 99)`,
      [section.taxonomy_id, section.id],
    );
    try {
      const groups = groupsOf((await t.app.inject('/')).body);
      expect(groups.find((g) => g.code === 'famiglia')?.categories).toContain('aiuto-notturno-prova');
      expect(groups.flatMap((g) => g.categories).filter((c) => c === 'aiuto-notturno-prova')).toHaveLength(1);
    } finally {
      await t.db.query(`delete from taxonomy_term where code = 'tcb_aiuto_notturno_prova'`);
    }
  });

  it('uses no logo of Designers Italia or Team Digitale as an icon on public pages', async () => {
    // The seed still names the "team-digitale" symbol for these terms (a section, and a category of "Inclusione"
    // whose page lists it with its icon): the pages show a pictogram instead.
    const slugOf = async (code: string) => (await t.db.one<{ slug: string; icon: string }>(`select slug, icon from taxonomy_term where code = $1`, [code])).slug;
    const iconOf = async (code: string) => (await t.db.one<{ icon: string }>(`select icon from taxonomy_term where code = $1`, [code])).icon;
    // Terms may name a logo symbol (the seed gives "team-digitale" to some; the City may pick one): make sure both are named.
    const before = await iconOf('consulenza_sociale_giuridica');
    await t.db.query(`update taxonomy_term set icon = 'team-digitale' where code in ('ricongiungimento_familiare', 'tate_colf_badanti')`);
    await t.db.query(`update taxonomy_term set icon = 'designers-italia' where code = 'consulenza_sociale_giuridica'`);
    onTestFinished(async () => {
      await t.db.query(`update taxonomy_term set icon = $1 where code = 'consulenza_sociale_giuridica'`, [before]);
    });
    const urls = ['/', '/?lang=en', `/aree/${await slugOf('inclusione')}`, `/aree/${await slugOf('tate_colf_badanti')}`, `/categorie/${await slugOf('ricongiungimento_familiare')}`, '/servizi', '/servizi-del-comune', '/spazi-wemi', '/argomenti'];
    for (const url of urls) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toMatch(/#it-(designers-italia|team-digitale)"/);
      expect(res.body, url).not.toMatch(/designers-italia[^"]*\.(svg|png)/);
    }
  });

  it('writes every text in one sans-serif family: no serif on cards or anywhere', async () => {
    const res = await t.app.inject('/');
    const cssUrl = /href="(\/static\/css\/wemi\.[\w-]+\.css)"/.exec(res.body)?.[1];
    expect(cssUrl).toBeTruthy();
    // The rules, comments apart (they may name what they replace).
    const css = (await t.app.inject(cssUrl!)).body.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(css).not.toMatch(/Lora|Georgia|font-family:[^;}]*(?<!sans-)\bserif\b/i);
    // Bootstrap Italia's serif card text, callouts and hero paragraphs are set back to the page's sans-serif.
    expect(css).toMatch(/\.card \.card-body \.card-text[^{]*\{\s*font-family: var\(--bs-font-sans-serif/);
    expect(res.body).not.toMatch(/class="[^"]*\bfont-serif\b/);
  });

  it('weighs under 200 KB with brotli: HTML, CSS, JavaScript, icons and illustrations', async () => {
    const home = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    expect(home.headers['content-encoding']).toBe('br');
    const parts: Record<string, number> = { '/': home.rawPayload.length };
    const html = home.body.startsWith('<') ? home.body : zlib.brotliDecompressSync(home.rawPayload).toString();
    const assets = new Set([...html.matchAll(/(?:href|src)="(\/static\/[^"#]+\.(?:css|js|svg))[#"]/g)].map((m) => m[1]!));
    expect([...assets].some((a) => a.includes('/img/group-'))).toBe(true);
    for (const a of assets) {
      const r = await t.app.inject({ url: a, headers: { 'accept-encoding': 'br' } });
      expect(r.statusCode, a).toBe(200);
      parts[a] = r.rawPayload.length;
    }
    const total = Object.values(parts).reduce((a, b) => a + b, 0);
    console.log(`home page weight (brotli, fonts apart): ${(total / 1024).toFixed(1)} KB`, Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, `${(v / 1024).toFixed(1)} KB`])));
    expect(total).toBeLessThan(200 * 1024);
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
