import { Readable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrg, type OrgFixture } from '../../src/features/services/services.test-fixtures';
import { createTestApp, csrfFor, type TestApp } from '../support/app';
import { actingAs, createTestUser } from '../support/accounts';
import { text } from '../support/html';
import { multipart } from '../support/http';

// Findings 2 and 5 of the security probe (issue 10). 2: multipart bodies (10 files × 11 MB) were buffered before
// the CSRF and route checks — 4 anonymous POSTs to /feedback took the process from 296 to 651 MB. A route now takes
// multipart only when it declares its uploads, the CSRF token and the size are checked before a byte of the body is
// read, files are cut at the route's size and the whole request is capped. 5: a malformed multipart body (no
// boundary, cut short) was a 500; it is a 400 with a clear message.
//
// "Never read" is observed, not timed: the body is a stream that counts the bytes the server pulls from it.

const MB = 1024 * 1024;
const BOUNDARY = '----wemi-edge-test';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A multipart body with one file of `fileBytes` bytes, made chunk by chunk as the server reads it. */
function countingBody(opts: { field?: string; fileBytes: number; fields?: Record<string, string> }) {
  const head = Buffer.from(
    Object.entries(opts.fields ?? {})
      .map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('') +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${opts.field ?? 'logo'}"; filename="grande.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const total = head.length + opts.fileBytes + tail.length;
  const chunk = 64 * 1024;
  let sent = 0;
  const counter = { pulled: 0, total };
  const stream = new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      let piece: Buffer;
      if (sent === 0) piece = Buffer.concat([head, PNG_SIGNATURE]);
      else if (sent + chunk >= total - tail.length) piece = Buffer.concat([Buffer.alloc(total - tail.length - sent, 0x61), tail]);
      else piece = Buffer.alloc(chunk, 0x61);
      sent += piece.length;
      counter.pulled = sent;
      this.push(piece);
    },
  });
  return { stream, counter, contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

describe('multipart forms at the edge (findings 2 and 5)', () => {
  let t: TestApp;
  let ente: OrgFixture;
  let admin: { cookie: string; token: string };
  beforeAll(async () => {
    t = await createTestApp();
    ente = await insertOrg(t.db, { slug: 'ente-prova-bordo', name: 'Ente Prova Bordo' });
    const user = await createTestUser(t.db, { kind: 'ente', roles: [{ role: 'ente_admin', organizationId: ente.id }] });
    admin = await actingAs(t.app, t.db, user.id);
  });
  afterAll(async () => t?.close());

  const storedFiles = async () => (await t.db.one<{ n: number }>('select count(*)::int as n from stored_file')).n;
  const logoUrl = (token: string) => `/gestione-ente/${ente.id}/scheda-ente/logo?_csrf=${encodeURIComponent(token)}`;
  const send = (url: string, body: ReturnType<typeof countingBody>, cookie: string, withLength = true): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': body.contentType, ...(withLength ? { 'content-length': String(body.counter.total) } : {}) },
      payload: body.stream,
    });

  it('refuses an anonymous multipart POST to /feedback (no files there) without reading the body', async () => {
    const csrf = await csrfFor(t.app);
    const before = await storedFiles();
    const body = countingBody({ field: 'details', fileBytes: 12 * MB, fields: { _csrf: csrf.token, page: '/', rating: '2' } });
    const res = await send(`/feedback?_csrf=${csrf.token}`, body, csrf.cookie);
    expect(res.statusCode).toBe(415);
    expect(text(res.body)).toContain('Questo indirizzo non accetta file allegati');
    // The parser was never invoked: at most the first chunk of 12 MB was pulled from the client.
    expect(body.counter.pulled).toBeLessThan(256 * 1024);
    expect(await storedFiles()).toBe(before);
    expect(res.headers.connection).toBe('close');
  });

  it('refuses multipart on a signed-in route that takes no files, before reading it', async () => {
    const body = countingBody({ fileBytes: 4 * MB, fields: { _csrf: admin.token, descrizione: 'x' } });
    const res = await send(`/gestione-ente/${ente.id}/scheda-ente?_csrf=${admin.token}`, body, admin.cookie);
    expect(res.statusCode).toBe(415);
    expect(body.counter.pulled).toBeLessThan(256 * 1024);
  });

  it('refuses a multipart POST with a bad CSRF token before parsing it: nothing read, nothing stored', async () => {
    const before = await storedFiles();
    const wrong = 'x'.repeat(43);
    const body = countingBody({ fileBytes: 12 * MB, fields: { _csrf: wrong } });
    const res = await send(logoUrl(wrong), body, admin.cookie);
    expect(res.statusCode).toBe(403);
    expect(text(res.body)).toContain('ricarica la pagina');
    expect(body.counter.pulled).toBeLessThan(256 * 1024);
    expect(await storedFiles()).toBe(before);
  });

  it('sends an anonymous upload to the login page without reading it (access is checked first)', async () => {
    const csrf = await csrfFor(t.app);
    const body = countingBody({ fileBytes: 12 * MB, fields: { _csrf: csrf.token } });
    const res = await send(logoUrl(csrf.token), body, csrf.cookie);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/accedi\?ritorno=/);
    expect(body.counter.pulled).toBeLessThan(256 * 1024);
    expect(res.headers.connection).toBe('close');
  });

  it('does not read the token from inside the body of a multipart form (it would have to parse it first)', async () => {
    const body = countingBody({ fileBytes: 100, fields: { _csrf: admin.token } });
    const res = await send(`/gestione-ente/${ente.id}/scheda-ente/logo`, body, admin.cookie);
    expect(res.statusCode).toBe(403);
    expect(body.counter.pulled).toBeLessThan(64 * 1024 + 1024);
  });

  it('answers 413 with the limits when the declared size is above what the route takes, before reading it', async () => {
    const before = await storedFiles();
    const body = countingBody({ fileBytes: 3 * MB, fields: { _csrf: admin.token } });
    const res = await send(logoUrl(admin.token), body, admin.cookie);
    expect(res.statusCode).toBe(413);
    const page = text(res.body);
    expect(page).toContain('Invio troppo grande');
    expect(page).toContain('Questo modulo accetta al massimo 1 file, ciascuno fino a 1 MB.');
    expect(body.counter.pulled).toBeLessThan(256 * 1024);
    expect(await storedFiles()).toBe(before);
  });

  it('stops reading a body with no declared size (chunked) past the route cap: 413', async () => {
    const before = await storedFiles();
    const body = countingBody({ fileBytes: 12 * MB, fields: { _csrf: admin.token } });
    const res = await send(logoUrl(admin.token), body, admin.cookie, false);
    expect(res.statusCode).toBe(413);
    expect(text(res.body)).toContain('ciascuno fino a 1 MB');
    // The logo takes 1 file of 1 MB (+ 1 MB for the fields): reading stopped there, not at 12 MB.
    expect(body.counter.pulled).toBeLessThan(3 * MB);
    expect(await storedFiles()).toBe(before);
  });

  it('answers too many files with 413 and says how many the form takes', async () => {
    const png = Buffer.concat([PNG_SIGNATURE, Buffer.alloc(100)]);
    const files = [1, 2, 3].map((i) => ({ field: 'logo', name: `logo${i}.png`, type: 'image/png', data: png }));
    const body = await multipart({ _csrf: admin.token }, files);
    const res = await t.app.inject({ method: 'POST', url: logoUrl(admin.token), headers: { cookie: admin.cookie, 'content-type': body.contentType }, payload: body.payload });
    expect(res.statusCode).toBe(413);
    expect(text(res.body)).toContain('Hai inviato troppi file: questo modulo ne accetta al massimo 1.');
  });

  it('still takes a logo within the limits (token in the action URL), and a file a little too large gets the form message', async () => {
    const before = await storedFiles();
    const png = Buffer.concat([PNG_SIGNATURE, Buffer.alloc(2000)]);
    const ok = await multipart({ _csrf: admin.token }, [{ field: 'logo', name: 'logo.png', type: 'image/png', data: png }]);
    const res = await t.app.inject({ method: 'POST', url: logoUrl(admin.token), headers: { cookie: admin.cookie, 'content-type': ok.contentType }, payload: ok.payload });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(await storedFiles()).toBe(before + 1);
    const big = await multipart({ _csrf: admin.token }, [{ field: 'logo', name: 'logo.png', type: 'image/png', data: Buffer.concat([png, Buffer.alloc(MB)]) }]);
    const tooBig = await t.app.inject({ method: 'POST', url: logoUrl(admin.token), headers: { cookie: admin.cookie, 'content-type': big.contentType }, payload: big.payload });
    expect(tooBig.statusCode).toBe(400);
    expect(text(tooBig.body)).toContain('Il file supera la dimensione massima di 1 MB');
    expect(await storedFiles()).toBe(before + 1);
  });

  describe('a malformed multipart body is a 400 with a clear message, never a 500 (finding 5)', () => {
    const post = (contentType: string, payload: Buffer | string) =>
      t.app.inject({ method: 'POST', url: logoUrl(admin.token), headers: { cookie: admin.cookie, 'content-type': contentType }, payload });
    const expectClear400 = (res: LightMyRequestResponse) => {
      expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
      expect(text(res.body)).toContain('Il modulo è arrivato incompleto o non leggibile');
    };

    it('without a boundary', async () => {
      expectClear400(await post('multipart/form-data', `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n`));
    });

    it('cut short', async () => {
      const whole = await multipart({ _csrf: admin.token }, [{ field: 'logo', name: 'logo.png', type: 'image/png', data: Buffer.concat([PNG_SIGNATURE, Buffer.alloc(5000)]) }]);
      expectClear400(await post(whole.contentType, whole.payload.subarray(0, Math.floor(whole.payload.length / 2))));
    });

    it('a part without headers', async () => {
      expectClear400(await post(`multipart/form-data; boundary=${BOUNDARY}`, `--${BOUNDARY}\r\n\r\n\r\nno headers\r\n--${BOUNDARY}`));
    });

    it('the JSON API answers JSON', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: logoUrl(admin.token),
        headers: { cookie: admin.cookie, 'content-type': 'multipart/form-data', accept: 'application/json' },
        payload: 'x',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'bad_request' } });
    });
  });
});
