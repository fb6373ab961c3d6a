import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, sampleSlugs, startSite, WIDTHS, type Site } from './support';
import { createTestUser } from '../support/accounts';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../../src/db/seed/accounts';
import { crawl, linkCheck, type SkipRule } from './crawl-support';

// The personal area and the back offices as each demo role walks them: from the role's landing page, following
// links inside its area, one visit per kind of page, every form submitted exactly as rendered (GET forms at their
// defaults and with one option chosen in each control; POST forms as rendered, emptied and filled with plausible
// values), with JavaScript on and off; every internal link found answers < 400 for that person.

/** POST forms never submitted, and why: each would destroy what the rest of the run (or the fixture) needs. */
const SKIP: SkipRule[] = [
  { action: /^\/esci$/, reason: 'logout: ends the session the crawl runs in' },
  { action: /^\/area-personale\/elimina-account/, reason: 'deletes the account the crawl runs as' },
  { action: /^\/area-personale\/sessioni\/termina$/, reason: 'ends a session, possibly the one the crawl runs in' },
  { action: /verifica-in-due-passaggi\/disattiva$/, reason: 'turns off the second factor City staff must keep' },
  { action: /^\/gestione-wemi\/utenti\/[^/]+\/(sospendi|ruoli\/[^/]+\/revoca)$/, reason: 'suspends a user or revokes a role, possibly of a demo account the other runs log in as' },
  { action: /^\/gestione-wemi\/enti\/[^/]+\/(sospendi|revoca)$/, reason: 'suspends or revokes an ente, possibly the demo ente the ente roles act for' },
  { action: /^\/gestione-ente\/[^/]+\/operatori\/[^/]+\/(rimuovi|revoca|elimina|sospendi)$/, reason: 'removes an operator of the demo ente, possibly the demo operator' },
  { action: /^\/sessione\/rinnova$/, reason: 'the session-expiry dialog (hidden until the session is about to expire)' },
];

interface Role {
  name: string;
  user: () => Promise<string>;
  start: () => Promise<string[]>;
  area: RegExp;
  /** Kinds of page the role must reach. */
  kinds: string[];
}

const took = (from: number) => `${((Date.now() - from) / 1000).toFixed(1)} s`;

/** The crawl of the named roles, in one test file (the roles are split over two files that run side by side). */
export function crawlBackOffice(file: string, only: string[]): void {
  const startedAt = Date.now();
  describe(`Each demo role walks its area and submits every form as rendered (${only.join(', ')})`, () => {
    let site: Site;
    /** The demo citizen (one for both runs: the links of one run are checked in the other). */
    let citizen: string | undefined;
    const userOf = async (email: string) => (await site.t.db.one<{ id: string }>('select id from app_user where email = $1', [email])).id;

    beforeAll(async () => {
      site = await startSite();
      await seedDemoAccounts(site.t.db);
    });
    afterAll(async () => {
      await site?.close();
      console.log(`${file}: wall time ${took(startedAt)}`);
    });

    const roles: Role[] = [
      {
        name: 'citizen',
        user: async () => (citizen ??= (await createTestUser(site.t.db, { kind: 'citizen', givenName: 'Anna', familyName: 'Crawler' })).id),
        start: async () => ['/area-personale', `/richieste/nuova?servizio=${encodeURIComponent((await sampleSlugs(site)).service)}`],
        area: /^\/(area-personale|richieste)(\/|$)/,
        kinds: ['/area-personale', '/area-personale/profilo', '/area-personale/privacy', '/area-personale/notifiche', '/area-personale/sessioni', '/area-personale/i-miei-dati', '/area-personale/sicurezza'],
      },
      {
        name: 'ente operator',
        user: () => userOf(DEMO_ACCOUNTS.enteOperator),
        start: async () => ['/gestione-ente'],
        area: /^\/gestione-ente(\/|$)/,
        kinds: ['/gestione-ente/:id', '/gestione-ente/:id/richieste'],
      },
      {
        name: 'ente admin',
        user: () => userOf(DEMO_ACCOUNTS.enteAdmin),
        start: async () => ['/gestione-ente'],
        area: /^\/gestione-ente(\/|$)/,
        kinds: ['/gestione-ente/:id', '/gestione-ente/:id/scheda-ente', '/gestione-ente/:id/sedi', '/gestione-ente/:id/operatori', '/gestione-ente/:id/schede', '/gestione-ente/:id/richieste', '/gestione-ente/:id/recensioni'],
      },
      {
        name: 'City content staff',
        user: () => userOf(DEMO_ACCOUNTS.cityContent),
        start: async () => ['/gestione-wemi'],
        area: /^\/gestione-wemi(\/|$)/,
        kinds: ['/gestione-wemi', '/gestione-wemi/tassonomie'],
      },
      {
        name: 'City admin',
        user: () => userOf(DEMO_ACCOUNTS.cityAdmin),
        start: async () => ['/gestione-wemi'],
        area: /^\/gestione-wemi(\/|$)/,
        kinds: ['/gestione-wemi', '/gestione-wemi/utenti', '/gestione-wemi/utenti/:id', '/gestione-wemi/registro-attivita', '/gestione-wemi/enti', '/gestione-wemi/schede', '/gestione-wemi/tassonomie'],
      },
    ];

    const unknown = only.filter((name) => !roles.some((r) => r.name === name));
    if (unknown.length) throw new Error(`unknown roles: ${unknown.join(', ')}`);
    for (const role of roles.filter((r) => only.includes(r.name))) {
      // Links are checked as this person, each once across the two runs, as soon as the page holding them is visited.
      const links = linkCheck(400, 20);
      for (const js of [true, false]) {
        it(`${role.name}: reaches the pages of the area, each sound, and every form works as rendered (JavaScript ${js ? 'on' : 'off'}, 1280 px)`, async () => {
          const t0 = Date.now();
          const opened = await loggedIn(site, await role.user(), { javaScriptEnabled: js, viewport: WIDTHS.desktop });
          const r = await crawl(site, opened, {
            label: `[${role.name}, JS ${js ? 'on' : 'off'}]`,
            start: await role.start(),
            follow: (u) => role.area.test(u.pathname),
            skipForms: SKIP,
            loggedIn: true,
            linkCheck: links,
          });
          r.log.push(`links checked so far: ${links.checked.size}`);
          await opened.context.close();
          console.log(`crawl-backoffice ${role.name} JS ${js ? 'on' : 'off'}: ${r.kinds.size} kinds in ${took(t0)}\n  ${[...r.kinds].map(([k, v]) => `${k}  ←  ${v}`).join('\n  ')}\n${r.log.join('\n')}`);
          expect(role.kinds.filter((k) => !r.kinds.has(k)), 'kinds of page not reached').toEqual([]);
          expect(r.failures.join('\n')).toBe('');
        }, 600_000);
      }
    }
  });
}
