import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { follow, noViolations, openPage, startSite, text, WIDTHS, type Site } from './support';

// The home page as a family uses it: the categories in four groups (Sostegno alla famiglia, Benessere della persona,
// Gestione delle attività domestiche, Servizi del Comune), each with its illustration, its categories and a link to
// all of it; one sans-serif type family; no logo used as an icon. At desktop and phone widths, with JavaScript on
// and off (on a phone with JavaScript the lists start folded, without it they are open).

const SHOTS = '/tmp/shots';
const GROUPS = ['Sostegno alla famiglia', 'Benessere della persona', 'Gestione delle attività domestiche', 'Servizi del Comune'];

describe('A family finds help on the home page by the kind of help it needs', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => site?.close());

  for (const [widthName, viewport] of Object.entries(WIDTHS)) {
    for (const javaScriptEnabled of [true, false]) {
      const js = javaScriptEnabled ? 'on' : 'off';
      it(`sees the four groups, opens a category and a whole group (${widthName} ${viewport.width}px, JavaScript ${js})`, async () => {
        const { page, context, problems } = await openPage(site, { viewport, javaScriptEnabled });
        await page.goto(`${site.baseUrl}/`);
        const section = page.locator('section[aria-labelledby="home-groups-title"]');
        expect(await text(section.locator('h2'))).toBe('Di cosa hai bisogno?');
        expect(await section.locator('h3.wemi-need-title').allTextContents()).toEqual(GROUPS);

        // On a phone with JavaScript the lists start folded behind "Vedi le N categorie"; otherwise they are open.
        const family = section.locator('li.wemi-need[data-wemi-group="famiglia"]');
        const badante = family.getByRole('link', { name: /^Badante \d+ serviz/ });
        const folded = widthName === 'mobile' && javaScriptEnabled;
        expect(await badante.isVisible(), 'the category links show').toBe(!folded);
        expect(await family.locator('summary').isVisible(), 'the toggle shows on a phone only').toBe(widthName === 'mobile');
        if (widthName === 'mobile') {
          // The whole block stays short on a phone: four headings, not thirty tiles.
          const height = await section.evaluate((e) => e.getBoundingClientRect().height);
          expect(height).toBeLessThan(folded ? 1600 : 3200);
        }

        // Illustrations drawn for WeMi: loaded, decorative (alt="") beside the heading that says the same.
        const images = await page.locator('img').evaluateAll((imgs) => imgs.map((i) => ({ src: (i as HTMLImageElement).src, alt: i.getAttribute('alt') })));
        const illustrations = images.filter((i) => /\/static\/img\/(group|section)-/.test(i.src));
        expect(illustrations.length).toBe(4 + 5);
        for (const i of illustrations) expect(i.alt, i.src).toBe('');
        // Loaded with the page (they are small: not lazy, the load event waited for them).
        expect(await page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('.wemi-need img, .wemi-section-card img')].every((i) => i.complete && i.naturalWidth > 0))).toBe(true);

        // One type family: no serif anywhere on the page, cards included; no Designers Italia or Team Digitale logo as an icon.
        const serif = await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((e) => (e.textContent ?? '').trim() !== '' && !['SCRIPT', 'STYLE', 'CODE', 'PRE'].includes(e.tagName))
            .map((e) => ({ tag: `${e.tagName}.${e.className}`, font: getComputedStyle(e).fontFamily }))
            .filter((x) => /lora|georgia|(^|,)\s*serif/i.test(x.font)),
        );
        expect(serif).toEqual([]);
        const cardFont = await page.locator('.wemi-section-card .card-text').first().evaluate((e) => getComputedStyle(e).fontFamily);
        expect(cardFont).toMatch(/^"?Titillium Web/);
        expect(await page.locator('use[href*="#it-team-digitale"], use[href*="#it-designers-italia"]').count()).toBe(0);

        await noViolations(page, `home ${widthName} JavaScript ${js}`, { javaScriptEnabled });
        await page.screenshot({ path: `${SHOTS}/home-${widthName}-js-${js}.png`, fullPage: true });

        // A category: on a phone with JavaScript, first unfold the group (keyboard-operable: a <summary>).
        if (folded) {
          await family.locator('summary').click();
          await expect.poll(() => badante.isVisible()).toBe(true);
          await noViolations(page, `home ${widthName} with a group unfolded`);
          await section.screenshot({ path: `${SHOTS}/home-${widthName}-groups-unfolded.png` });
        }
        await follow(page, badante, '/categorie/badante');
        expect(await text(page.locator('h1'))).toContain('Badante');
        await page.goBack();

        // A whole group: the search filtered by all of its categories, with results and no error.
        const house = section.locator('li.wemi-need[data-wemi-group="casa"]');
        await follow(page, house.getByRole('link', { name: 'Tutti i servizi per la casa' }), '/servizi');
        const url = new URL(page.url());
        expect(url.searchParams.getAll('categoria')).toEqual(expect.arrayContaining(['colf', 'pasti-a-domicilio', 'piccole-commissioni']));
        expect(await page.locator('h1').count()).toBe(1);
        expect(await page.locator('#error-summary').count()).toBe(0);
        expect(await page.locator('.wemi-result-card').count()).toBeGreaterThan(0);
        await page.screenshot({ path: `${SHOTS}/home-${widthName}-js-${js}-group-search.png` });
        await page.goBack();

        // The City's own services.
        await follow(page, section.locator('li.wemi-need[data-wemi-group="comune"]').getByRole('link', { name: 'Vedi i Servizi del Comune' }), '/servizi-del-comune');
        expect(await text(page.locator('h1'))).toBe('Servizi del Comune');

        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }
});
