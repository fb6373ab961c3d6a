import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, freePort, openPage, startSite, type Site } from './support';
import { DEMO_CITIZENS, startDemoIdentityGateway, type DemoIdentityGateway } from '../../src/features/identity-gateway/demo-gateway';

// A citizen logs in with SPID through the identity gateway (a real OpenID provider, the demo gateway),
// in Chromium: from a page of the site, to the gateway, and back where they were, logged in; cancelling
// at the gateway brings them back with a clear message.

describe('A citizen logs in with SPID', () => {
  let site: Site;
  let gateway: DemoIdentityGateway;

  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const secret = 'segreto-del-client-di-prova-0123456789';
    gateway = await startDemoIdentityGateway({ port: 0, host: '127.0.0.1', clientId: 'wemi', clientSecret: secret, redirectUri: `${base}/accedi/oidc/callback` });
    site = await startSite({ port, env: { PUBLIC_BASE_URL: base, OIDC_ISSUER_URL: gateway.issuer, OIDC_CLIENT_ID: 'wemi', OIDC_CLIENT_SECRET: secret } });
  });
  afterAll(async () => {
    await site?.close();
    await gateway?.close();
  });

  it('goes from a service search to the gateway and back, logged in, with the account created from the SPID attributes', async () => {
    const citizen = DEMO_CITIZENS[1]!;
    const { page, context, problems } = await openPage(site);
    await page.goto(`${site.baseUrl}/servizi?q=pasti`);
    await page.getByRole('link', { name: /Accedi all'area personale/ }).first().click();
    expect(describeViolations(await axe(page))).toBe('');
    await page.getByRole('link', { name: 'Entra con SPID' }).click();
    await page.waitForURL((url) => url.origin === gateway.issuer);
    await page.getByLabel(new RegExp(citizen.fiscalCode)).check();
    await page.getByRole('button', { name: 'Entra' }).click();
    // Back on WeMi: the privacy notice first (first login), then where the citizen was going.
    await page.waitForURL((url) => url.origin === site.baseUrl);
    expect(new URL(page.url()).pathname).toBe('/area-personale/privacy');
    expect(describeViolations(await axe(page))).toBe('');
    // Bootstrap Italia draws the box on the label: a person clicks the label.
    await page.locator('label[for="accept"]').click();
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForURL((url) => url.pathname === '/servizi' && url.searchParams.get('q') === 'pasti');
    expect(await page.locator('[data-element="personal-area"]').first().textContent()).toContain(`${citizen.givenName} ${citizen.familyName}`);
    const user = await site.t.db.one<{ kind: string; email: string | null }>('select kind, email from app_user where fiscal_code = $1', [citizen.fiscalCode]);
    expect(user).toEqual({ kind: 'citizen', email: citizen.email });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('comes back with a clear message when the citizen cancels at the gateway', async () => {
    const { page, context } = await openPage(site);
    await page.goto(`${site.baseUrl}/accedi`);
    await page.getByRole('link', { name: 'Entra con CIE' }).click();
    await page.waitForURL((url) => url.origin === gateway.issuer);
    await page.getByRole('button', { name: 'Annulla e torna al sito' }).click();
    await page.waitForURL((url) => url.origin === site.baseUrl);
    expect(await page.locator('h1').textContent()).toContain('Accesso non riuscito');
    expect(describeViolations(await axe(page))).toBe('');
    await page.getByRole('link', { name: /accedi|Torna/i }).first().click();
    await page.waitForURL(/\/accedi/);
    await context.close();
  });
});
