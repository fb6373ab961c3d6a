import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, openPage, sampleSlugs, startSite, unexpected, WIDTHS, type Site } from './support';

// WCAG 2.1 A/AA with axe-core in Chromium, at desktop and phone widths, on the public pages; and no
// console error or Content-Security-Policy violation while they load.
describe('A visitor using assistive technology finds every public page accessible', () => {
  let site: Site;
  let pages: [string, string][];
  beforeAll(async () => {
    site = await startSite();
    const s = await sampleSlugs(site);
    pages = [
      ['home', '/'],
      ['search with filters', `/servizi?q=${s.q}&categoria=${s.category}&municipio=${s.municipio}&ordina=prezzo_asc`],
      ['search without results', '/servizi?q=zzzzqqqxx'],
      ['service card', `/servizi/${s.service}`],
      ['ente', `/enti/${s.ente}`],
      ['enti list', '/enti'],
      ['category', `/categorie/${s.category}`],
      ['section', `/aree/${s.section}`],
      ['Spazi WeMi list', '/spazi-wemi'],
      ['Spazio WeMi', `/spazi-wemi/${s.spazio}`],
      ['City services', '/servizi-del-comune'],
      ['FAQ', '/faq'],
      ['not found', '/pagina-inesistente'],
      ['service card in English', `/servizi/${s.service}?lang=en`],
    ];
  });
  afterAll(async () => site?.close());

  for (const [widthName, viewport] of Object.entries(WIDTHS)) {
    it(`has no WCAG 2.1 A/AA violation at ${widthName} width (${viewport.width}px)`, async () => {
      const failures: string[] = [];
      for (const [name, path] of pages) {
        const { page, context, problems } = await openPage(site, { viewport });
        await page.goto(site.baseUrl + path, { waitUntil: 'load' });
        const violations = await axe(page);
        if (violations.length) failures.push(`${name} (${path}):\n${describeViolations(violations)}`);
        // The not-found page is itself served with status 404, which Chromium logs.
        const relevant = name === 'not found' ? unexpected(problems, [404]) : problems;
        if (relevant.length) failures.push(`${name} (${path}) console: ${relevant.join(' | ')}`);
        await context.close();
      }
      expect(failures.join('\n\n')).toBe('');
    });
  }
});
