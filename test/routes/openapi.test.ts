import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createTestApp, type TestApp } from '../support/app';

// The OpenAPI document is generated from the routes' Zod schemas: check it is well-formed, that every
// /api/v1 GET route is in it, and that real responses match the documented response schemas.
describe('OpenAPI document of /api/v1', () => {
  let t: TestApp;
  let doc: { openapi: string; paths: Record<string, Record<string, { operationId: string; parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };
  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.app.inject('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(async () => t?.close());

  it('is OpenAPI 3.1 with unique operation ids', () => {
    expect(doc.openapi).toBe('3.1.0');
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents every /api/v1 route the app registers', () => {
    const routes = t.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .map((l) => l.replace(/^[\s│├└─]+/, '').split(' (')[0]!.trim())
      .filter((r) => r.startsWith('/api/v1/') && r !== '/api/v1/openapi.json');
    const documented = Object.keys(doc.paths).map((p) => p.replace(/\{(\w+)\}/g, ':$1'));
    for (const r of routes) expect(documented).toContain(r);
  });

  it('answers parameterless endpoints with bodies that match their documented schema', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      const op = methods.get;
      if (!op || path.includes('{') || op.parameters.some((p) => p.required)) continue;
      const res = await t.app.inject(path);
      expect(res.statusCode, path).toBe(200);
      const schema = op.responses['200']!.content!['application/json']!.schema;
      const validate = ajv.compile(schema);
      const ok = validate(res.json());
      expect(ok, `${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
