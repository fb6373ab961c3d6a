import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkInMail, noViolations, openPage, startSite, submit, text, unexpected, WIDTHS, type Site } from './support';
import { createTestUser } from '../support/accounts';

// An ente operator whose account is under attack (logging in with the password is locked for browsers that never
// signed in to it) gets in from a new browser with the e-mailed unlock link — with JavaScript on and off, on a
// desktop and on a phone. Every page of the flow passes axe-core. The lock is written straight into the database
// as an attack leaves it (test/routes/accounts-lockout.test.ts counts the failures that cause it).

const SHOTS = '/tmp/shots-auth';

describe('A person locked out by someone else’s guesses gets in with the unlock link', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => site?.close());

  const runs = [
    { javaScriptEnabled: true, width: 'desktop' as const },
    { javaScriptEnabled: false, width: 'desktop' as const },
    { javaScriptEnabled: true, width: 'mobile' as const },
    { javaScriptEnabled: false, width: 'mobile' as const },
  ];

  for (const { javaScriptEnabled, width } of runs) {
    it(`asks for the link, opens it, unlocks this browser and logs in (JavaScript ${javaScriptEnabled ? 'on' : 'off'}, ${WIDTHS[width].width} px)`, async () => {
      const tag = `${javaScriptEnabled ? 'js' : 'nojs'}-${WIDTHS[width].width}`;
      const user = await createTestUser(site.t.db, { kind: 'ente', givenName: 'Lucia', familyName: `Sblocchi ${tag}` });
      // What twenty wrong passwords from strangers' browsers leave behind: the account-wide lock.
      await site.t.db.query(`insert into auth_throttle (key, failures, window_started_at, locked_until) values ($1, 20, now(), now() + interval '5 minutes')`, [
        `login:email:${user.email}`,
      ]);
      const { page, context, problems } = await openPage(site, { javaScriptEnabled, viewport: WIDTHS[width] });
      const check = (where: string) => noViolations(page, `${where} (${tag})`, { javaScriptEnabled });
      const shot = (name: string) => page.screenshot({ path: `${SHOTS}/unlock-${tag}-${name}.png`, fullPage: true });

      // The right password from a new browser: the lock, and the offer of the link.
      await page.goto(`${site.baseUrl}/accedi/credenziali`);
      await page.getByLabel('E-mail').fill(user.email);
      await page.getByLabel('Password', { exact: true }).fill(user.password);
      expect(await submit(page, page.getByRole('button', { name: 'Accedi', exact: true }))).toBe(400);
      expect(await text(page.locator('#error-summary'))).toContain('Troppi tentativi non riusciti. Per sicurezza riprova tra 5 minuti.');
      expect(await text(page.locator('#login-unlock'))).toContain('dai browser con cui sei già entrato in WeMi puoi accedere come sempre');
      await check('login locked');
      await shot('1-locked');

      await page.getByRole('link', { name: "Ricevi il link per sbloccare l'accesso" }).click();
      await page.waitForURL((url) => url.pathname === '/accedi/sblocco');
      expect(await text(page.locator('h1'))).toBe("Sblocca l'accesso");
      // Nothing typed: the error summary and the message by the field.
      expect(await submit(page, page.getByRole('button', { name: 'Invia il link' }))).toBe(400);
      expect(await text(page.locator('#error-summary'))).toContain("Inserisci l'indirizzo e-mail");
      await check('unlock request refused');
      await page.getByLabel('Indirizzo e-mail').fill(user.email);
      expect(await submit(page, page.getByRole('button', { name: 'Invia il link' }))).toBe(303);
      await page.waitForURL((url) => url.pathname === '/accedi/sblocco' && url.searchParams.get('inviato') === '1');
      expect(await text(page.locator('#links-sent'))).toContain("Se l'indirizzo corrisponde a un account, riceverai un'e-mail");
      await check('unlock link sent');
      await shot('2-sent');

      // The link from the e-mail: a page with a button (opening it uses nothing).
      const link = await linkInMail(site, user.email, '/accedi/sblocco/');
      expect((await page.goto(site.baseUrl + link))?.status()).toBe(200);
      expect(await text(page.locator('h1'))).toBe("Sblocca l'accesso da questo browser");
      expect(await text(page.locator('#page-header'))).toContain(user.email);
      await check('unlock link page');
      await shot('3-link');
      expect(await submit(page, page.getByRole('button', { name: "Sblocca l'accesso" }))).toBe(303);
      await page.waitForURL((url) => url.pathname === '/accedi/credenziali' && url.searchParams.get('sbloccato') === '1');
      expect(await text(page.locator('[role="status"]').first())).toBe('Accesso sbloccato su questo browser: ora puoi entrare con la tua password.');
      await check('login page, unlocked');
      await shot('4-unlocked');

      // The password now works from this browser (the lock is still on for every other one).
      await page.getByLabel('E-mail').fill(user.email);
      await page.getByLabel('Password', { exact: true }).fill(user.password);
      expect(await submit(page, page.getByRole('button', { name: 'Accedi', exact: true }))).toBe(303);
      await page.waitForURL((url) => url.pathname === '/area-personale');
      expect(await text(page.locator('[data-element="personal-area"]').first())).toContain(`Lucia Sblocchi ${tag}`);

      // The link a second time: used, with the way to ask for a new one.
      expect((await page.goto(site.baseUrl + link))?.status()).toBe(410);
      expect(await text(page.locator('h1'))).toBe('Link già usato');
      expect(await page.getByRole('link', { name: 'Chiedi un nuovo link di sblocco' }).count()).toBe(1);
      await check('unlock link used');
      await shot('5-used');

      expect(unexpected(problems, [400, 410])).toEqual([]);
      await context.close();
    }, 180_000);
  }
});
