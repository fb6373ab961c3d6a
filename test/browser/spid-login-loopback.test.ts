import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { DEMO_CITIZENS, demoIdentityGatewayOptions, startDemoIdentityGateway, type DemoIdentityGateway } from '../../src/features/identity-gateway/demo-gateway';
import { axe, describeViolations, freePort, openPage, startSite, type Site } from './support';

// On a development machine the site answers as http://localhost:<port> (PUBLIC_BASE_URL, the default) and as
// http://127.0.0.1:<port> alike. A citizen who opened it as 127.0.0.1 logs in with SPID through the demo gateway,
// started as the development server starts it, and comes back to 127.0.0.1, logged in.

describe('A citizen logs in with SPID on a development site opened as 127.0.0.1', () => {
  let site: Site;
  let gateway: DemoIdentityGateway;
  let loopbackUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    const env = { PORT: String(port), PUBLIC_BASE_URL: `http://localhost:${port}` };
    // The gateway of the development server (src/server.ts): registered for PUBLIC_BASE_URL's callback.
    const options = demoIdentityGatewayOptions(loadConfig({ NODE_ENV: 'development', ...env }));
    gateway = await startDemoIdentityGateway({ ...options, port: 0, host: '127.0.0.1' });
    site = await startSite({ port, env: { ...env, OIDC_ISSUER_URL: gateway.issuer, OIDC_CLIENT_ID: options.clientId, OIDC_CLIENT_SECRET: options.clientSecret } });
    loopbackUrl = `http://127.0.0.1:${port}`;
    expect(site.baseUrl).toBe(loopbackUrl);
  });
  afterAll(async () => {
    await site?.close();
    await gateway?.close();
  });

  it('goes to the gateway and back to 127.0.0.1, logged in', async () => {
    const citizen = DEMO_CITIZENS[2]!;
    const { page, context, problems } = await openPage(site);
    await page.goto(`${loopbackUrl}/servizi?q=pasti`);
    await page.getByRole('link', { name: /Accedi all'area personale/ }).first().click();
    await page.getByRole('link', { name: 'Entra con SPID' }).click();
    await page.waitForURL((url) => url.origin === gateway.issuer);
    await page.getByLabel(new RegExp(citizen.fiscalCode)).check();
    await page.getByRole('button', { name: 'Entra' }).click();
    // Back on the address the citizen opened (not on localhost, where the browser has no cookie of the login).
    await page.waitForURL((url) => url.origin !== gateway.issuer);
    await page.waitForLoadState('load');
    expect(new URL(page.url()).origin).toBe(loopbackUrl);
    expect(new URL(page.url()).pathname).toBe('/area-personale/privacy');
    expect(describeViolations(await axe(page))).toBe('');
    await page.locator('label[for="accept"]').click();
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForURL((url) => url.origin === loopbackUrl && url.pathname === '/servizi' && url.searchParams.get('q') === 'pasti');
    expect(await page.locator('[data-element="personal-area"]').first().textContent()).toContain(`${citizen.givenName} ${citizen.familyName}`);
    expect(problems).toEqual([]);
    await context.close();
  });
});
