import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, sampleSlugs, startSite, type Site } from './support';

describe('A visitor with JavaScript disabled', () => {
  let site: Site;
  let slugs: Awaited<ReturnType<typeof sampleSlugs>>;
  beforeAll(async () => {
    site = await startSite();
    slugs = await sampleSlugs(site);
  });
  afterAll(async () => site?.close());

  it('searches, filters, paginates and opens a service', async () => {
    const { page, context } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.baseUrl + '/');
    // Search from the home page form.
    const search = page.locator('main input[name="q"]').first();
    await search.fill('assistenza');
    await search.press('Enter');
    await page.waitForURL(/\/servizi\?/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('assistenza');
    const firstCount = await page.locator('[data-element="service-link"]').count();
    expect(firstCount).toBeGreaterThan(0);

    // Filter by a Municipio with the plain GET form.
    // Bootstrap Italia draws the box on the label, so a person clicks the label.
    const municipio = page.locator(`input[name="municipio"][value="${slugs.municipio}"]`);
    await page.locator(`label[for="${await municipio.getAttribute('id')}"]`).click();
    expect(await municipio.isChecked()).toBe(true);
    await page.locator('form button[type="submit"]:has-text("Applica")').first().click();
    await page.waitForURL(/municipio=/);
    expect(new URL(page.url()).searchParams.getAll('municipio')).toContain(String(slugs.municipio));

    // Remove the text to get many results, then paginate.
    await page.goto(site.baseUrl + `/servizi?municipio=${slugs.municipio}`);
    const next = page.locator('a[rel="next"]');
    expect(await next.count()).toBe(1);
    const firstPageLinks = await page.locator('[data-element="service-link"]').allTextContents();
    await next.click();
    await page.waitForURL(/pagina=2/);
    const secondPageLinks = await page.locator('[data-element="service-link"]').allTextContents();
    expect(secondPageLinks.length).toBeGreaterThan(0);
    expect(secondPageLinks).not.toEqual(firstPageLinks);

    // Open a service.
    const link = page.locator('[data-element="service-link"]').first();
    const name = (await link.textContent())!.trim();
    await link.click();
    await page.waitForURL(/\/servizi\/[a-z0-9-]+/);
    expect((await page.locator('h1').textContent())!.trim()).toBe(name);
    await context.close();
  });
});
