import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(async () => t?.close());

  it('answers liveness and readiness', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: 'ok' });
  });

  it('sends a strict Content-Security-Policy with no inline script', async () => {
    const res = await t.app.inject('/healthz');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('renders a 404 page in Italian and JSON for the API', async () => {
    const page = await t.app.inject('/non-esiste');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Pagina non trovata');
    expect(page.body).toContain('<html lang="it">');
    const api = await t.app.inject('/api/v1/non-esiste');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('switches language with ?lang=en and remembers it', async () => {
    const res = await t.app.inject('/non-esiste?lang=en');
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('Page not found');
    const cookie = [res.headers['set-cookie']].flat().map(String).find((c) => c.startsWith('wemi_lang='));
    expect(cookie).toContain('wemi_lang=en');
  });

  it('serves fingerprinted assets with immutable caching and brotli', async () => {
    const home = await t.app.inject('/non-esiste');
    const href = /href="(\/static\/css\/bootstrap-italia\.[^"]+\.css)"/.exec(home.body)?.[1];
    expect(href).toBeDefined();
    const css = await t.app.inject({ url: href!, headers: { 'accept-encoding': 'br' } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.headers['content-encoding']).toBe('br');
    expect((await t.app.inject('/static/css/missing.css')).statusCode).toBe(404);
  });

});
