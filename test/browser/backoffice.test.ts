import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSessionCookie, axe, describeViolations, linkInMail, openPage, startSite, submit, unexpected, WIDTHS, type OpenedPage, type Site } from './support';
import { createTestUser, sessionCookieFor } from '../support/accounts';
import { CITY_PERMISSIONS } from '../../src/lib/http/access';
import { inviteUser, sendVerificationEmail } from '../../src/features/accounts/public/links.service';
import { issueToken } from '../../src/features/accounts/users.repository';

// The back offices (City and ente) and the pages the e-mail links open: WCAG 2.1 A/AA with axe-core and
// no console error, at desktop and phone widths, including forms sent back with errors; and the invite
// form by keyboard alone (Tab order, then the error summary after a bad submit).

type As = 'city' | 'ente' | null;
interface PageCase {
  name: string;
  path: string;
  as: As;
  status: number;
  /** A button to press with the form left empty, to check the page that answers with errors (400). */
  submit?: string;
}

describe('Staff using assistive technology find the back offices and the e-mail link pages accessible', () => {
  let site: Site;
  /** The session cookie of the City user and of the ente user. */
  const cookies: Record<'city' | 'ente', string> = {} as never;
  let cases: PageCase[];

  beforeAll(async () => {
    site = await startSite();
    const db = site.t.db;
    const ente = await db.one<{ id: string }>(`select id from organization where status = 'active' order by lower(name), id limit 1`);
    const admin = await createTestUser(db, { kind: 'staff', roles: [{ role: 'city', permission: 'users' }], givenName: 'Elena', familyName: 'Galli' });
    const enteAdmin = await createTestUser(db, { kind: 'ente', roles: [{ role: 'ente_admin', organizationId: ente.id }], givenName: 'Marco', familyName: 'Riva' });
    const target = await createTestUser(db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: ente.id }], familyName: 'Rossi Operatrice' });
    const targetRole = await db.one<{ id: string }>('select id from user_role where user_id = $1', [target.id]);
    cookies.city = await sessionCookieFor(db, admin.id);
    cookies.ente = await sessionCookieFor(db, enteAdmin.id);

    // Links as the e-mails carry them.
    const resetToken = await issueToken(db, target.id, 'reset_password', 60);
    const expired = await createTestUser(db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: ente.id }] });
    const expiredToken = await issueToken(db, expired.id, 'reset_password', 60);
    await db.query(`update one_time_token set expires_at = now() - interval '1 minute' where user_id = $1`, [expired.id]);
    const inviteeEmail = 'nuova.amministratrice@ente.example.org';
    await db.transaction((tx) =>
      inviteUser(tx, { email: inviteeEmail, kind: 'ente', givenName: 'Sara', familyName: 'Longo', roles: [{ role: 'ente_admin', organizationId: ente.id }], invitedBy: admin.id, baseUrl: site.baseUrl }),
    );
    const invitation = await linkInMail(site, inviteeEmail, '/invito/');
    await db.query('update app_user set email_verified_at = null where id = $1', [enteAdmin.id]);
    await db.transaction((tx) => sendVerificationEmail(tx, { id: enteAdmin.id, email: enteAdmin.email, given_name: 'Marco', family_name: 'Riva' }, site.baseUrl, 'it'));
    const verification = await linkInMail(site, enteAdmin.email, '/verifica-email/');

    cases = [
      { name: 'City back office', path: '/gestione-wemi', as: 'city', status: 200 },
      { name: 'users, filtered', path: '/gestione-wemi/utenti?q=Rossi&tipo=ente&stato=active&ruolo=ente_operator', as: 'city', status: 200 },
      { name: 'users, filter refused', path: `/gestione-wemi/utenti?tipo=sconosciuto`, as: 'city', status: 400 },
      { name: 'user page', path: `/gestione-wemi/utenti/${target.id}`, as: 'city', status: 200 },
      { name: 'grant a role', path: `/gestione-wemi/utenti/${target.id}/ruoli/nuovo`, as: 'city', status: 200 },
      { name: 'grant a role, sent empty', path: `/gestione-wemi/utenti/${target.id}/ruoli/nuovo`, as: 'city', status: 400, submit: 'Assegna il ruolo' },
      { name: 'revoke confirmation', path: `/gestione-wemi/utenti/${target.id}/ruoli/${targetRole.id}/revoca`, as: 'city', status: 200 },
      { name: 'suspend confirmation', path: `/gestione-wemi/utenti/${target.id}/sospendi`, as: 'city', status: 200 },
      { name: 'invite', path: '/gestione-wemi/utenti/invita', as: 'city', status: 200 },
      { name: 'invite, sent empty', path: '/gestione-wemi/utenti/invita', as: 'city', status: 400, submit: 'Invia l’invito' },
      { name: 'audit log', path: '/gestione-wemi/registro-attivita', as: 'city', status: 200 },
      { name: 'audit log, filtered', path: '/gestione-wemi/registro-attivita?azione=users.&oggetto=user', as: 'city', status: 200 },
      { name: 'ente back office', path: '/gestione-ente', as: 'ente', status: 200 },
      { name: 'forgotten password', path: '/password-dimenticata', as: null, status: 200 },
      { name: 'forgotten password, sent empty', path: '/password-dimenticata', as: null, status: 400, submit: 'Invia il link' },
      { name: 'reset link sent', path: '/password-dimenticata?inviata=1', as: null, status: 200 },
      { name: 'reset form', path: `/reimposta-password/${resetToken}`, as: null, status: 200 },
      { name: 'reset form, sent empty', path: `/reimposta-password/${resetToken}`, as: null, status: 400, submit: 'Salva la nuova password' },
      { name: 'invitation form', path: invitation, as: null, status: 200 },
      { name: 'invitation form, sent empty', path: invitation, as: null, status: 400, submit: "Attiva l'account" },
      { name: 'e-mail verified', path: verification, as: null, status: 200 },
      { name: 'expired link', path: `/reimposta-password/${expiredToken}`, as: null, status: 410 },
      { name: 'invalid link', path: `/invito/${'x'.repeat(43)}`, as: null, status: 404 },
    ];
  });
  afterAll(async () => site?.close());

  async function open(viewport: { width: number; height: number }, as: As): Promise<OpenedPage> {
    const opened = await openPage(site, { viewport });
    if (as) await addSessionCookie(site, opened.context, cookies[as]);
    return opened;
  }

  for (const [widthName, viewport] of Object.entries(WIDTHS)) {
    it(`has no WCAG 2.1 A/AA violation nor console error at ${widthName} width (${viewport.width}px)`, async () => {
      const failures: string[] = [];
      for (const c of cases) {
        const { page, context, problems } = await open(viewport, c.as);
        const response = await page.goto(site.baseUrl + c.path, { waitUntil: 'load' });
        let status = response?.status();
        if (c.submit) {
          if (status !== 200) failures.push(`${c.name} (${c.path}): the form answered ${status}`);
          status = await submit(page, page.getByRole('button', { name: c.submit, exact: true }));
          if ((await page.locator('#error-summary').count()) !== 1) failures.push(`${c.name} (${c.path}): no error summary`);
        }
        if (status !== c.status) failures.push(`${c.name} (${c.path}): status ${status}, expected ${c.status}`);
        // A page meant for someone logged in must not have sent them to the login page.
        if (c.as && new URL(page.url()).pathname.startsWith('/accedi')) failures.push(`${c.name} (${c.path}): redirected to ${page.url()}`);
        const violations = await axe(page);
        if (violations.length) failures.push(`${c.name} (${c.path}):\n${describeViolations(violations)}`);
        // Chromium logs a document answered with an error status; nothing else may be logged.
        const relevant = unexpected(problems, c.status !== 200 ? [c.status] : []);
        if (relevant.length) failures.push(`${c.name} (${c.path}) console: ${relevant.join(' | ')}`);
        await context.close();
      }
      expect(failures.join('\n\n')).toBe('');
    }, 300_000);
  }

  /** What has the keyboard focus: the id of a field, 'submit' for a submit button, else a short description. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'body';
      if (el instanceof HTMLButtonElement && el.type === 'submit') return 'submit';
      return el.id || `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 40)}`;
    });

  const INVITE_FIELDS = ['email', 'nome', 'cognome', 'tipo', ...CITY_PERMISSIONS.map((p, i) => (i === 0 ? 'permessi' : `permessi-${p}`)), 'dal', 'al', 'ente', 'submit'];

  for (const [widthName, viewport] of Object.entries(WIDTHS)) {
    it(`invite form by keyboard: Tab reaches every field in order, then the button (${widthName})`, async () => {
      const { page, context, problems } = await open(viewport, 'city');
      await page.goto(`${site.baseUrl}/gestione-wemi/utenti/invita`);
      // From the top of the page to the first field.
      let current = await focused(page);
      for (let i = 0; i < 80 && current !== 'email'; i++) {
        await page.keyboard.press('Tab');
        current = await focused(page);
      }
      expect(current).toBe('email');
      // Then field after field (a date field has several stops: counted once), up to the button.
      const order = [current];
      for (let i = 0; i < 60 && current !== 'submit'; i++) {
        await page.keyboard.press('Tab');
        current = await focused(page);
        if (current !== order[order.length - 1]) order.push(current);
      }
      expect(order).toEqual(INVITE_FIELDS);
      expect(problems).toEqual([]);
      await context.close();
    }, 120_000);
  }

  it('invite form by keyboard: after a bad submit the error summary comes first after the heading and its links lead to the fields', async () => {
    const { page, context, problems } = await open(WIDTHS.desktop, 'city');
    await page.goto(`${site.baseUrl}/gestione-wemi/utenti/invita`);
    await page.locator('#email').focus();
    await page.keyboard.type('non-un-indirizzo');
    // To the button by keyboard, and Enter.
    for (let i = 0; i < 60 && (await focused(page)) !== 'submit'; i++) await page.keyboard.press('Tab');
    const response = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
    const loaded = page.waitForEvent('load');
    await page.keyboard.press('Enter');
    expect((await response).status()).toBe(400);
    await loaded;

    const summary = page.locator('#error-summary');
    expect(await summary.getAttribute('tabindex')).toBe('-1');
    expect(await summary.getAttribute('role')).toBe('alert');
    const links = await summary.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), (a.textContent ?? '').trim()]));
    expect(links).toEqual([
      ['#email', 'Inserisci un indirizzo e-mail valido, come nome@esempio.it'],
      ['#nome', 'Inserisci il nome'],
      ['#cognome', 'Inserisci il cognome'],
      ['#tipo', 'Scegli chi inviti'],
    ]);

    // Nothing focusable between the heading and the summary: from the heading, Tab lands on its first link.
    await page.locator('h1').click();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#error-summary') !== null)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#email');
    // Following a link of the summary puts the focus in its field, which keeps what was typed.
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('email');
    expect(await page.locator('#email').inputValue()).toBe('non-un-indirizzo');
    // The third link: the family name.
    await page.locator('#error-summary a[href="#cognome"]').focus();
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('cognome');

    expect(unexpected(problems, [400])).toEqual([]);
    await context.close();
  }, 120_000);

  it('invite form by keyboard: after a bad submit the error summary receives the focus (JavaScript on)', async () => {
    const { page, context } = await open(WIDTHS.desktop, 'city');
    await page.goto(`${site.baseUrl}/gestione-wemi/utenti/invita`);
    await page.locator('#email').focus();
    for (let i = 0; i < 60 && (await focused(page)) !== 'submit'; i++) await page.keyboard.press('Tab');
    const loaded = page.waitForEvent('load');
    await page.keyboard.press('Enter');
    await loaded;
    expect(await page.locator('#error-summary').count()).toBe(1);
    // The page's scripts have all run by the load event: the summary must have the focus, so that a screen
    // reader reads it first and the next Tab goes to its first link (GOV.UK error summary pattern).
    expect(await focused(page)).toBe('error-summary');
    await context.close();
  }, 120_000);
});
