import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateEncoding } from '../../src/lib/http/response-cache';
import { createTestApp, type TestApp } from '../support/app';

// The search API and the autocomplete answer repeated requests from a per-process cache of whole, compressed
// responses, which a committed change of the catalogue makes stale at once; nothing personal is stored.

describe('response cache of the search API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const json = (res: { rawPayload: Buffer; headers: Record<string, unknown> }) => {
    const coding = res.headers['content-encoding'];
    const raw = coding === 'br' ? brotliDecompressSync(res.rawPayload) : coding === 'gzip' ? gunzipSync(res.rawPayload) : res.rawPayload;
    return JSON.parse(raw.toString('utf8'));
  };

  it('negotiates brotli, then gzip, then none, and respects q=0', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('gzip');
    expect(negotiateEncoding('deflate')).toBe('identity');
    expect(negotiateEncoding(undefined)).toBe('identity');
  });

  it('answers the second identical request from the cache, with the same body, per coding', async () => {
    for (const coding of ['br', 'gzip', '']) {
      const headers: Record<string, string> = coding ? { 'accept-encoding': coding } : {};
      const first = await get('/api/v1/services?q=badante&per_pagina=5', headers);
      const second = await get('/api/v1/services?q=badante&per_pagina=5', headers);
      expect(first.statusCode).toBe(200);
      expect(first.headers['x-cache']).toBe('miss');
      expect(second.headers['x-cache']).toBe('hit');
      expect(second.headers['content-encoding']).toBe(coding || undefined);
      expect(second.headers['content-type']).toMatch(/^application\/json/);
      expect(second.headers['cache-control']).toBe('public, max-age=60');
      expect(second.headers['access-control-allow-origin']).toBe('*');
      expect(second.headers.vary).toMatch(/Accept-Encoding/);
      // The JSON API sets no cookie: no CSRF token is made for it.
      expect(first.headers['set-cookie']).toBeUndefined();
      expect(second.headers['set-cookie']).toBeUndefined();
      expect(json(second)).toEqual(json(first));
      expect(json(second).items.length).toBeGreaterThan(0);
    }
  });

  it('keeps each language apart, and still sets the language cookie asked for', async () => {
    const it1 = json(await get('/api/v1/services?q=pasti&per_pagina=3'));
    const en = await get('/api/v1/services?q=pasti&per_pagina=3&lang=en');
    const en2 = await get('/api/v1/services?q=pasti&per_pagina=3&lang=en');
    expect(en2.headers['x-cache']).toBe('hit');
    expect(String(en2.headers['set-cookie'])).toMatch(/wemi_lang=en/);
    expect(json(en2)).toEqual(json(en));
    expect(json(en).items[0].price.label).not.toEqual(it1.items[0].price.label);
  });

  it('shows a committed change of the catalogue on the very next request', async () => {
    const url = '/api/v1/services?q=badante&per_pagina=5';
    const before = json(await get(url));
    expect((await get(url)).headers['x-cache']).toBe('hit');
    const first = before.items[0];
    await t.db.query(`update service set name = $2 where slug = $1`, [first.slug, `${first.name} (rinnovato)`]);
    const after = await get(url);
    expect(after.headers['x-cache']).toBe('miss');
    expect(json(after).items.find((i: { slug: string }) => i.slug === first.slug)?.name).toBe(`${first.name} (rinnovato)`);
  });

  it('never stores an error', async () => {
    const bad = await get('/api/v1/services?pagina=-1');
    const again = await get('/api/v1/services?pagina=-1');
    expect(bad.statusCode).toBe(400);
    expect(again.statusCode).toBe(400);
    expect(again.headers['x-cache']).toBeUndefined();
  });

  it('serves the autocomplete from the cache too', async () => {
    await get('/api/v1/autocomplete?q=bad');
    const second = await get('/api/v1/autocomplete?q=bad');
    expect(second.headers['x-cache']).toBe('hit');
    expect(json(second).suggestions.length).toBeGreaterThan(0);
  });

  it('still sets the CSRF cookie on a page with a form', async () => {
    const page = await get('/accedi/credenziali');
    expect(String(page.headers['set-cookie'])).toMatch(/wemi_csrf=/);
    const api = await get('/api/v1/services?q=pasti');
    expect(api.headers['set-cookie']).toBeUndefined();
  });
});
