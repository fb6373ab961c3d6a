import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, sampleSlugs, startSite, text, tick, WIDTHS, type Site } from './support';
import { crawl, linkCheck, type SkipRule } from './crawl-support';

// The public site as a visitor walks it: from the home page, following links, one visit per kind of page (every
// kind the site has must be reached), every form submitted exactly as the page renders it, with JavaScript on and
// off; every internal link answers < 400. Then the search story without JavaScript, through the real form.

/** Kinds of public page the crawl must reach from the home page. */
const PUBLIC_KINDS = [
  '/',
  '/servizi',
  '/servizi/:slug',
  '/enti',
  '/enti/:slug',
  '/aree/:slug',
  '/categorie/:slug',
  '/spazi-wemi',
  '/spazi-wemi/:slug',
  '/servizi-del-comune',
  '/servizi-del-comune/:slug',
  '/faq',
  '/privacy',
  '/note-legali',
  '/accessibilita',
  '/contatti',
  '/mappa-del-sito',
];

/** Public POST forms never submitted, and why. */
const PUBLIC_SKIP: SkipRule[] = [{ action: /^\/esci$/, reason: 'logout' }];

const startedAt = Date.now();
const took = (from: number) => `${((Date.now() - from) / 1000).toFixed(1)} s`;

describe('A visitor walks the whole public site and submits every form as rendered', () => {
  let site: Site;
  // Internal links, each checked once across the runs as soon as a page holding it is visited.
  const links = linkCheck(600, 30);

  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => {
    await site?.close();
    console.log(`crawl-public: wall time ${took(startedAt)}`);
  });

  for (const js of [true, false]) {
    it(`reaches every kind of page, each sound, and every form works as rendered (JavaScript ${js ? 'on' : 'off'}, 1280 px)`, async () => {
      const t0 = Date.now();
      const opened = await openPage(site, { javaScriptEnabled: js, viewport: WIDTHS.desktop });
      const r = await crawl(site, opened, {
        label: `[public, JS ${js ? 'on' : 'off'}]`,
        start: ['/'],
        follow: (u) => !u.pathname.startsWith('/gestione-') && !u.pathname.startsWith('/area-personale') && !u.pathname.startsWith('/richieste'),
        skipForms: PUBLIC_SKIP,
        linkCheck: links,
      });
      await opened.context.close();
      console.log(`crawl-public JS ${js ? 'on' : 'off'}: ${r.kinds.size} kinds, ${links.checked.size} links checked so far, in ${took(t0)}\n  ${[...r.kinds].map(([k, v]) => `${k}  ←  ${v}`).join('\n  ')}\n${r.log.join('\n')}`);
      expect([...PUBLIC_KINDS].filter((k) => !r.kinds.has(k)), 'kinds of page not reached from the home page').toEqual([]);
      expect([...r.kinds.keys()].filter((k) => k.startsWith('/servizi?')).length, 'search with filters').toBeGreaterThan(0);
      expect(links.checked.size, 'internal links checked').toBeGreaterThan(50);
      expect(r.failures.join('\n')).toBe('');
    }, 600_000);
  }

  for (const js of [true, false]) {
    it(`the search form of /servizi works as rendered at 375 px (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const opened = await openPage(site, { javaScriptEnabled: js, viewport: WIDTHS.mobile });
      const r = await crawl(site, opened, { label: `[public 375, JS ${js ? 'on' : 'off'}]`, start: ['/servizi'], follow: () => false, skipForms: PUBLIC_SKIP, shots: `/tmp/shots/crawl-search-375-js-${js ? 'on' : 'off'}` });
      await opened.context.close();
      console.log(r.log.join('\n'));
      expect(r.log.some((l) => l.includes('GET /servizi') && l.includes('(options)')), 'the search form was submitted with options').toBe(true);
      expect(r.failures.join('\n')).toBe('');
    }, 300_000);
  }

  it('without JavaScript, a visitor searches from the home page, filters by a category and a Municipio, sorts, pages and opens a service', async () => {
    const slugs = await sampleSlugs(site);
    const { page, context, problems } = await openPage(site, { javaScriptEnabled: false });
    const results = page.locator('[data-element="service-link"]');
    const step = async (what: string) => {
      expect(new URL(page.url()).pathname, what).toBe('/servizi');
      expect(await page.locator('#error-summary').count(), `${what}: no error summary`).toBe(0);
      expect(await results.count(), `${what}: results shown`).toBeGreaterThan(0);
      return new URL(page.url()).searchParams;
    };
    const submitted = async (button: ReturnType<typeof page.locator>) => {
      const response = page.waitForResponse((r) => r.request().isNavigationRequest());
      await button.click();
      const status = (await response).status();
      await page.waitForLoadState('load');
      return status;
    };

    await page.goto(site.baseUrl + '/');
    const search = page.locator('main form input[name="q"]').first();
    await search.fill('assistenza');
    const homeForm = page.locator('main form:has(input[name="q"])').first();
    expect(await submitted(homeForm.locator('button[type="submit"], button:not([type])').first())).toBe(200);
    expect((await step('search from the home page')).get('q')).toBe('assistenza');

    // Filters through the form: a category and a Municipio, by their labels, then "Applica filtri".
    const form = page.locator('#search-form');
    const category = form.locator(`input[name="categoria"]`).first();
    expect(await category.count(), 'a category filter').toBe(1);
    const categoryValue = (await category.getAttribute('value'))!;
    await tick(page, category);
    const municipio = form.locator(`input[name="municipio"][value="${slugs.municipio}"]`);
    await tick(page, municipio);
    const apply = page.getByRole('button', { name: 'Applica filtri' });
    expect(await submitted(apply)).toBe(200);
    let params = await step('filters applied');
    expect(params.getAll('categoria')).toContain(categoryValue);
    expect(params.getAll('municipio')).toContain(String(slugs.municipio));

    // Sort through the form's control, then its button.
    const sort = form.locator('select[name="ordina"]');
    expect(await sort.count(), 'a sort control in the form').toBe(1);
    const sortValue = (await sort.locator('option').evaluateAll((os) => (os as HTMLOptionElement[]).filter((o) => !o.selected && o.value).map((o) => o.value)))[0]!;
    await sort.selectOption(sortValue);
    expect(await submitted(apply)).toBe(200);
    params = await step('sorted');
    expect(params.get('ordina')).toBe(sortValue);
    expect(params.getAll('municipio')).toContain(String(slugs.municipio));

    // Page 2, if the filtered results have one; else widen to the Municipio alone (by its chip) and page.
    if ((await page.locator('a[rel="next"]').count()) === 0) {
      await form.locator(`label[for="${await category.getAttribute('id')}"]`).click();
      expect(await submitted(apply)).toBe(200);
      await step('category removed');
    }
    const first = await results.allTextContents();
    await page.locator('a[rel="next"]').first().click();
    await page.waitForURL((u) => u.searchParams.get('pagina') === '2');
    params = await step('page 2');
    expect(params.get('ordina')).toBe(sortValue);
    expect(await results.allTextContents()).not.toEqual(first);
    await page.screenshot({ path: '/tmp/shots/crawl-nojs-page2.png', fullPage: true });

    const link = results.first();
    const name = await text(link);
    await link.click();
    await page.waitForURL((u) => /^\/servizi\/[^/]+$/.test(u.pathname));
    expect(await text(page.locator('h1'))).toBe(name);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});

