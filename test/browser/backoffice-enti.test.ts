import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSessionCookie, axe, describeViolations, openPage, startSite, WIDTHS, type PageOptions, type Site } from './support';
import { createTestUser, sessionCookieFor } from '../support/accounts';

// Every page of the ente back office, of the City's enti and catalogue administration and of the open call
// passes axe-core at desktop and phone widths, with no console error; and answers without JavaScript.

describe('Ente staff and City staff use accessible back-office pages', () => {
  let site: Site;
  let enteCookie: string;
  let cityCookie: string;
  let pages: { who: 'ente' | 'city' | 'public'; path: string }[];

  beforeAll(async () => {
    site = await startSite();
    const db = site.t.db;
    const org = await db.one<{ id: string }>(`select id from organization where status = 'active' and is_demo order by name limit 1`);
    const admin = await createTestUser(db, { kind: 'ente', roles: [{ role: 'ente_admin', organizationId: org.id }] });
    const city = await createTestUser(db, { kind: 'staff', roles: [{ role: 'city', permission: 'enti' }] });
    enteCookie = await sessionCookieFor(db, admin.id);
    cityCookie = await sessionCookieFor(db, city.id);
    const e = `/gestione-ente/${org.id}`;
    pages = [
      { who: 'public', path: '/diventa-ente' },
      ...['', '/scheda-ente', '/sedi', '/sedi/nuova', '/spazi', '/documenti', '/operatori', '/operatori/invita', '/schede', '/schede/nuova', '/richieste', '/recensioni'].map(
        (p) => ({ who: 'ente' as const, path: e + p }),
      ),
      ...[
        '/gestione-wemi',
        '/gestione-wemi/domande',
        '/gestione-wemi/schede',
        '/gestione-wemi/enti',
        `/gestione-wemi/enti/${org.id}`,
        '/gestione-wemi/schede-catalogo',
        '/gestione-wemi/tassonomie',
        '/gestione-wemi/tassonomie/categorie',
        '/gestione-wemi/tassonomie/tipi-di-servizio/nuovo',
      ].map((path) => ({ who: 'city' as const, path })),
    ];
  });
  afterAll(async () => site?.close());

  async function as(who: 'ente' | 'city' | 'public', opts: PageOptions) {
    const opened = await openPage(site, opts);
    if (who !== 'public') await addSessionCookie(site, opened.context, who === 'ente' ? enteCookie : cityCookie);
    return opened;
  }

  for (const [widthName, viewport] of Object.entries(WIDTHS)) {
    it(`has no WCAG 2.1 A/AA violation at ${widthName} width (${viewport.width}px)`, async () => {
      const failures: string[] = [];
      for (const who of ['public', 'ente', 'city'] as const) {
        const { page, context, problems } = await as(who, { viewport });
        for (const p of pages.filter((x) => x.who === who)) {
          const res = await page.goto(site.baseUrl + p.path);
          if (res?.status() !== 200) failures.push(`${p.path}: status ${res?.status()}`);
          const v = await axe(page);
          if (v.length) failures.push(`${p.path}:\n${describeViolations(v)}`);
        }
        if (problems.length) failures.push(`${who} console: ${problems.join(' | ')}`);
        await context.close();
      }
      expect(failures.join('\n\n')).toBe('');
    }, 300_000);
  }

  it('serves every one of these pages without JavaScript', async () => {
    for (const who of ['public', 'ente', 'city'] as const) {
      const { page, context } = await as(who, { javaScriptEnabled: false });
      for (const p of pages.filter((x) => x.who === who)) {
        const res = await page.goto(site.baseUrl + p.path);
        expect(res?.status(), p.path).toBe(200);
        expect(await page.locator('h1').count(), p.path).toBe(1);
      }
      await context.close();
    }
  }, 300_000);
});
