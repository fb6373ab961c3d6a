import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrg, type OrgFixture } from '../../src/features/services/services.test-fixtures';
import { createTestApp, type TestApp } from '../support/app';
import { actingAs, createTestUser, type TestUser } from '../support/accounts';
import { auditRows } from '../support/audit';
import { pdf } from '../support/fixtures';
import { text } from '../support/html';
import { requestsTo, type Auth, type Fields, type Upload } from '../support/http';

// The ente back office ("Gestione ente"): the ente's home, its card and logo, sites, Spazi WeMi, public documents
// and operators; the public ente page showing the new fields, and the public logo and document routes.

// Real files, built here: a valid 1×1 PNG, a JPEG start (PDFs: test/support/fixtures).
function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(extraBytes = 0): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const idat = deflateSync(Buffer.from([0, 0x06, 0x66, 0xcc]));
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', idat)];
  if (extraBytes > 0) parts.push(pngChunk('tEXt', Buffer.alloc(extraBytes, 0x61)));
  parts.push(pngChunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.alloc(64, 0), Buffer.from([0xff, 0xd9])]);

const MB = 1024 * 1024;

describe('ente back office: card, sites, Spazi, documents, operators', () => {
  let t: TestApp;
  let enteA: OrgFixture;
  let enteB: OrgFixture;
  let enteS: OrgFixture;
  let adminA: TestUser;
  let operatorA: TestUser;
  let adminB: TestUser;
  let adminS: TestUser;
  let citizen: TestUser;
  let adminAuth: Auth;
  let operatorAuth: Auth;
  let municipi: { id: string; position: number }[];
  let spazi: { id: string; name: string }[];
  let siteB: string;

  beforeAll(async () => {
    t = await createTestApp();
    enteA = await insertOrg(t.db, { slug: 'ente-prova-alfa', name: 'Ente Prova Alfa', description: 'Descrizione iniziale di Alfa.' });
    enteB = await insertOrg(t.db, { slug: 'ente-prova-beta', name: 'Ente Prova Beta', description: 'Descrizione di Beta.' });
    enteS = await insertOrg(t.db, { slug: 'ente-prova-sospeso', name: 'Ente Prova Sospeso', status: 'suspended' });
    await t.db.query(`update organization set status_reason = 'Documenti scaduti (prova)' where id = $1`, [enteS.id]);
    adminA = await createTestUser(t.db, { kind: 'ente', givenName: 'Alba', familyName: 'Amministratrice', roles: [{ role: 'ente_admin', organizationId: enteA.id }] });
    operatorA = await createTestUser(t.db, { kind: 'ente', givenName: 'Ottavio', familyName: 'Operatore', roles: [{ role: 'ente_operator', organizationId: enteA.id }] });
    adminB = await createTestUser(t.db, { kind: 'ente', givenName: 'Bruno', familyName: 'Beta', roles: [{ role: 'ente_admin', organizationId: enteB.id }] });
    adminS = await createTestUser(t.db, { kind: 'ente', givenName: 'Sara', familyName: 'Sospesa', roles: [{ role: 'ente_admin', organizationId: enteS.id }] });
    citizen = await createTestUser(t.db, { givenName: 'Carlo', familyName: 'Cittadino' });
    adminAuth = await actingAs(t.app, t.db, adminA.id);
    operatorAuth = await actingAs(t.app, t.db, operatorA.id);
    municipi = await t.db.query(
      `select t.id, t.position from taxonomy_term t join taxonomy tx on tx.id = t.taxonomy_id where tx.code = 'municipio' order by t.position`,
    );
    spazi = await t.db.query(`select id, name from location where kind = 'spazio_wemi' and active order by name limit 3`);
    siteB = (
      await t.db.one<{ id: string }>(
        `insert into location (organization_id, kind, name, address, postal_code, municipio_id) values ($1, 'ente_site', 'Sede Beta', 'Via Beta 1', '20100', $2) returning id`,
        [enteB.id, municipi[0]!.id],
      )
    ).id;
  });
  afterAll(async () => t?.close());

  const as = (user: TestUser) => actingAs(t.app, t.db, user.id);
  const { get, post, postMultipart } = requestsTo(() => t.app);
  const upload = (url: string, files: Upload[], auth: Auth, opts: { withToken?: boolean; fields?: Fields } = {}) =>
    postMultipart(url, opts.fields ?? {}, files, auth, opts.withToken !== false);
  const card = (id: string) =>
    t.db.one<{ description_it: string; email: string | null; socials: Record<string, string>; first_contact_hours: string; logo_file_id: string | null; terms_file_id: string | null; privacy_file_id: string | null; withdrawal_file_id: string | null }>(
      `select description_it, email, socials, first_contact_hours, logo_file_id, terms_file_id, privacy_file_id, withdrawal_file_id from organization where id = $1`,
      [id],
    );
  const storedFiles = async () => (await t.db.one<{ n: number }>(`select count(*)::int as n from stored_file`)).n;
  const base = (id: string) => `/gestione-ente/${id}`;

  /** Every page and change of the back office of an ente, with a site and a person that exist. */
  const routesOf = (id: string, siteId: string, userId: string) => ({
    pages: [
      base(id),
      `${base(id)}/scheda-ente`,
      `${base(id)}/scheda-ente/logo`,
      `${base(id)}/sedi`,
      `${base(id)}/sedi/${siteId}`,
      `${base(id)}/spazi`,
      `${base(id)}/documenti`,
      `${base(id)}/documenti/privacy`,
      `${base(id)}/operatori`,
    ],
    formPages: [`${base(id)}/sedi/nuova`, `${base(id)}/sedi/${siteId}/rimuovi`, `${base(id)}/operatori/invita`, `${base(id)}/operatori/${userId}/rimuovi`],
    changes: [
      `${base(id)}/scheda-ente`,
      `${base(id)}/scheda-ente/logo/rimuovi`,
      `${base(id)}/sedi/nuova`,
      `${base(id)}/sedi/${siteId}`,
      `${base(id)}/sedi/${siteId}/rimuovi`,
      `${base(id)}/spazi`,
      `${base(id)}/operatori/invita`,
      `${base(id)}/operatori/${userId}/rimuovi`,
    ],
    uploads: [`${base(id)}/scheda-ente/logo`, `${base(id)}/documenti/privacy`],
  });

  describe('access', () => {
    it('an operator or administrator of ente A can never read or change the pages of ente B (404, as for an ente that does not exist)', async () => {
      const before = await t.db.one<{ n: number }>(`select count(*)::int as n from audit_log`);
      const b = routesOf(enteB.id, siteB, adminB.id);
      for (const auth of [adminAuth, operatorAuth]) {
        // An operator is refused the administrators' pages before any ente is looked at (403 whatever the ente).
        const adminOnly = auth === operatorAuth ? 403 : 404;
        for (const url of b.pages) expect((await get(url, auth)).statusCode, `GET ${url}`).toBe(404);
        for (const url of b.formPages) expect((await get(url, auth)).statusCode, `GET ${url}`).toBe(adminOnly);
        for (const url of b.changes) expect((await post(url, { nome: 'x', descrizione_it: 'x' }, auth)).statusCode, `POST ${url}`).toBe(adminOnly);
        for (const url of b.uploads) {
          const res = await upload(url, [{ field: 'logo', name: 'l.png', type: 'image/png', data: png() }], auth);
          expect(res.statusCode, `POST ${url}`).toBe(adminOnly);
        }
      }
      // Ente B is untouched and nothing was written.
      expect((await card(enteB.id)).description_it).toBe('Descrizione di Beta.');
      expect((await t.db.one<{ n: number }>(`select count(*)::int as n from audit_log`)).n).toBe(before.n);
      // Ente B's own administrator gets in.
      expect((await get(base(enteB.id), await as(adminB))).statusCode).toBe(200);
    });

    it('an ente site of another ente is not found under ente A', async () => {
      expect((await get(`${base(enteA.id)}/sedi/${siteB}`, adminAuth)).statusCode).toBe(404);
      expect((await post(`${base(enteA.id)}/sedi/${siteB}/rimuovi`, {}, adminAuth)).statusCode).toBe(404);
      expect((await t.db.maybeOne(`select 1 from location where id = $1`, [siteB]))).toBeDefined();
      expect((await get(`${base(enteA.id)}/operatori/${adminB.id}/rimuovi`, adminAuth)).statusCode).toBe(404);
    });

    it('an operator (not administrator) can view every page but change nothing (403)', async () => {
      const site = (
        await t.db.one<{ id: string }>(
          `insert into location (organization_id, kind, name, address, postal_code, municipio_id) values ($1, 'ente_site', 'Sede Alfa Vista', 'Via Vista 1', '20121', $2) returning id`,
          [enteA.id, municipi[0]!.id],
        )
      ).id;
      const a = routesOf(enteA.id, site, adminA.id);
      for (const url of [base(enteA.id), `${base(enteA.id)}/scheda-ente`, `${base(enteA.id)}/sedi`, `${base(enteA.id)}/sedi/${site}`, `${base(enteA.id)}/spazi`, `${base(enteA.id)}/documenti`, `${base(enteA.id)}/operatori`]) {
        const res = await get(url, operatorAuth);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['cache-control'], url).toBe('private, no-store');
        // Read-only: a note, and no form that changes anything.
        expect(res.body, url).not.toMatch(/<form method="post" action="\/gestione-ente/);
      }
      expect(text((await get(`${base(enteA.id)}/scheda-ente`, operatorAuth)).body)).toContain('Solo gli amministratori dell’ente possono modificarli');
      for (const url of a.formPages) expect((await get(url, operatorAuth)).statusCode, `GET ${url}`).toBe(403);
      const before = await card(enteA.id);
      for (const url of a.changes) expect((await post(url, { descrizione_it: 'Cambiata da un operatore', nome: 'x' }, operatorAuth)).statusCode, `POST ${url}`).toBe(403);
      for (const url of a.uploads) {
        const res = await upload(url, [{ field: 'logo', name: 'l.png', type: 'image/png', data: png() }], operatorAuth);
        expect(res.statusCode, `POST ${url}`).toBe(403);
      }
      expect(await card(enteA.id)).toEqual(before);
      expect(await t.db.maybeOne(`select 1 from location where id = $1`, [site])).toBeDefined();
      await t.db.query(`delete from location where id = $1`, [site]);
    });

    it('refuses other roles and anonymous visitors, and malformed ids', async () => {
      const citizenAuth = await as(citizen);
      expect((await get(base(enteA.id), citizenAuth)).statusCode).toBe(403);
      const anon = await get(`${base(enteA.id)}/scheda-ente`);
      expect(anon.statusCode).toBe(303);
      expect(anon.headers.location).toMatch(/^\/accedi\?ritorno=/);
      expect((await get('/gestione-ente/non-un-id/scheda-ente', adminAuth)).statusCode).toBe(404);
      expect((await get(`${base(enteA.id)}/sedi/non-un-id`, adminAuth)).statusCode).toBe(404);
      expect((await get(`${base(enteA.id)}/documenti/statuto`, adminAuth)).statusCode).toBe(404);
    });

    it('a person holding both roles for the ente acts as its administrator', async () => {
      const both = await createTestUser(t.db, {
        kind: 'ente',
        roles: [
          { role: 'ente_operator', organizationId: enteA.id },
          { role: 'ente_admin', organizationId: enteA.id },
        ],
      });
      const res = await get(`${base(enteA.id)}/sedi/nuova`, await as(both));
      expect(res.statusCode).toBe(200);
      await t.db.query(`delete from app_user where id = $1`, [both.id]);
    });

    it('refuses a change without the CSRF token (403), for forms and uploads', async () => {
      const before = await card(enteA.id);
      const files = await storedFiles();
      expect((await post(`${base(enteA.id)}/scheda-ente`, { descrizione_it: 'Senza token' }, adminAuth, false)).statusCode).toBe(403);
      expect((await upload(`${base(enteA.id)}/scheda-ente/logo`, [{ field: 'logo', name: 'l.png', type: 'image/png', data: png() }], adminAuth, { withToken: false })).statusCode).toBe(403);
      expect((await post(`${base(enteA.id)}/operatori/invita`, { email: 'x@prova.example.org', nome: 'X', cognome: 'Y' }, adminAuth, false)).statusCode).toBe(403);
      expect(await card(enteA.id)).toEqual(before);
      expect(await storedFiles()).toBe(files);
    });
  });

  describe('home', () => {
    it('shows the status, a summary and links to every part, including the service cards', async () => {
      const res = await get(base(enteA.id), adminAuth);
      expect(res.statusCode).toBe(200);
      const body = text(res.body);
      expect(body).toContain('Ente Prova Alfa');
      expect(body).toContain('Attivo');
      for (const part of ['scheda-ente', 'sedi', 'spazi', 'documenti', 'operatori', 'schede']) expect(res.body).toContain(`href="/gestione-ente/${enteA.id}/${part}"`);
      expect(res.body).toContain('href="/enti/ente-prova-alfa"');
      expect(res.body).toContain('<meta name="robots" content="noindex, nofollow">');
    });

    it('shows a suspended ente with the reason, and no public page link', async () => {
      const res = await get(base(enteS.id), await as(adminS));
      const body = text(res.body);
      expect(body).toContain('Sospeso');
      expect(body).toContain('Documenti scaduti (prova)');
      expect(res.body).not.toContain('href="/enti/ente-prova-sospeso"');
    });

    it('renders in English', async () => {
      const res = await get(`${base(enteA.id)}?lang=en`, adminAuth);
      expect(res.body).toContain('<html lang="en">');
      const body = text(res.body);
      for (const s of ['Organisation management', 'Organisation card', 'Premises', 'Service cards', 'Active']) expect(body).toContain(s);
    });
  });

  describe('ente card', () => {
    const valid = {
      descrizione_it: 'Aiutiamo le famiglie di Milano dal 2001.\n\nSiamo nel Municipio 3.',
      descrizione_en: 'We have helped families in Milan since 2001.',
      email: 'info@alfa-prova.example.org',
      telefono: '02 1234 5678',
      pec: 'alfa@pec-prova.example.org',
      sito: 'https://alfa-prova.example.org',
      primo_contatto: 'Dal lunedì al venerdì, dalle 9 alle 13',
      facebook: 'https://www.facebook.com/alfaprova',
      instagram: 'https://instagram.com/alfaprova',
      linkedin: '',
      youtube: 'https://www.youtube.com/@alfaprova',
      referente: 'Giulia Verdi, coordinatrice',
    };

    it('shows the form to the administrator, with the public preview link', async () => {
      const res = await get(`${base(enteA.id)}/scheda-ente`, adminAuth);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<form method="post" action="/gestione-ente/${enteA.id}/scheda-ente"`);
      expect(res.body).toContain('enctype="multipart/form-data"');
      expect(res.body).toContain('href="/enti/ente-prova-alfa"');
      expect(res.body).toContain('Descrizione iniziale di Alfa.');
      expect(text(res.body)).toContain('sono pubblicati dopo la validazione del Comune');
    });

    it('saves the contact person at once and the public facts after the City’s validation (test/routes/review-diffs.test.ts), audited, then shown publicly', async () => {
      const res = await post(`${base(enteA.id)}/scheda-ente`, valid, adminAuth);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${base(enteA.id)}/scheda-ente?esito=in-validazione`);
      expect((await card(enteA.id)).description_it).toBe('Descrizione iniziale di Alfa.');
      expect((await auditRows(t.db, { action: 'ente.card.update', targetId: enteA.id })).at(-1)!.details.fields).toEqual(['contact_person']);
      // The City approves the request.
      const city = await as(await createTestUser(t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'enti' }] }));
      const revision = await t.db.one<{ id: string }>(`select id from organization_revision where organization_id = $1 and status = 'submitted'`, [enteA.id]);
      const confirm = await get(`/gestione-wemi/schede-enti/${revision.id}/approva`, city);
      const version = /name="versione" value="(\d+)"/.exec(confirm.body)![1]!;
      expect((await post(`/gestione-wemi/schede-enti/${revision.id}/approva`, { versione: version }, city)).statusCode).toBe(303);
      const row = await card(enteA.id);
      expect(row.description_it).toBe(valid.descrizione_it);
      expect(row.email).toBe(valid.email);
      expect(row.first_contact_hours).toBe(valid.primo_contatto);
      expect(row.socials).toEqual({ facebook: valid.facebook, instagram: valid.instagram, youtube: valid.youtube });
      const audit = (await auditRows(t.db, { action: 'ente.card.revision.submit', targetId: revision.id })).at(-1)!;
      expect(audit.actor_id).toBe(adminA.id);
      expect(audit.details.fields).toEqual(
        expect.arrayContaining(['description_it', 'description_en', 'email', 'pec', 'phone', 'website', 'first_contact_hours', 'socials.facebook', 'socials.instagram', 'socials.youtube']),
      );
      expect(audit.details.fields).not.toContain('socials.linkedin');
      expect(text((await get(res.headers.location!, adminAuth)).body)).toContain('inviate al Comune per la validazione');

      // Public page: first-contact hours and socials; not the contact person.
      const page = await get('/enti/ente-prova-alfa');
      const body = text(page.body);
      expect(body).toContain('Quando contattarci');
      expect(body).toContain(valid.primo_contatto);
      expect(page.body).toContain(`href="${valid.facebook}"`);
      expect(page.body).toContain(`href="${valid.youtube}"`);
      expect(body).not.toContain('Giulia Verdi');
      const api = (await get('/api/v1/organizations/ente-prova-alfa')).json();
      expect(api.socials).toEqual({ facebook: valid.facebook, instagram: valid.instagram, linkedin: null, youtube: valid.youtube });
      expect(api.firstContactHours).toBe(valid.primo_contatto);
    });

    it('saving the same values changes nothing and writes no audit row', async () => {
      const before = (await auditRows(t.db, { action: 'ente.card.update', targetId: enteA.id })).length;
      const res = await post(`${base(enteA.id)}/scheda-ente`, valid, adminAuth);
      expect(res.headers.location).toBe(`${base(enteA.id)}/scheda-ente?esito=nessuna-modifica`);
      expect((await auditRows(t.db, { action: 'ente.card.update', targetId: enteA.id })).length).toBe(before);
    });

    it('answers 400 with an error summary and the values typed, and changes nothing', async () => {
      const before = await card(enteA.id);
      const res = await post(
        `${base(enteA.id)}/scheda-ente`,
        { ...valid, descrizione_it: '', email: 'non-una-email', telefono: 'chiamaci', sito: 'javascript:alert(1)', facebook: 'http://www.facebook.com/alfa', instagram: 'https://www.facebook.com/alfa', primo_contatto: 'x'.repeat(501) },
        adminAuth,
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="error-summary"');
      for (const field of ['descrizione_it', 'email', 'telefono', 'sito', 'facebook', 'instagram', 'primo_contatto']) expect(res.body, field).toContain(`href="#${field}"`);
      expect(res.body).toContain('value="non-una-email"');
      expect(res.body).toContain('value="http://www.facebook.com/alfa"');
      expect(res.body).toContain('aria-invalid="true"');
      expect(text(res.body)).toContain('Scrivi la descrizione dell’ente in italiano');
      expect(text(res.body)).toContain('https://www.facebook.com/');
      expect(await card(enteA.id)).toEqual(before);
    });
  });

  describe('logo', () => {
    const sendLogo = (files: Upload[]) => upload(`${base(enteA.id)}/scheda-ente/logo`, files, adminAuth);

    it('refuses a wrong type, an oversized file, a fake PNG and no file, storing nothing', async () => {
      const files = await storedFiles();
      const cases: [Upload[], string][] = [
        [[{ field: 'logo', name: 'logo.pdf', type: 'application/pdf', data: pdf('logo') }], 'Formato non ammesso'],
        [[{ field: 'logo', name: 'logo.gif', type: 'image/gif', data: Buffer.from('GIF89a....') }], 'Formato non ammesso'],
        [[{ field: 'logo', name: 'logo.png', type: 'image/png', data: png(MB) }], 'supera la dimensione massima di 1 MB'],
        [[{ field: 'logo', name: 'logo.png', type: 'image/png', data: Buffer.from('<svg onload=alert(1)></svg>') }], 'non è un PNG valido'],
        [[{ field: 'logo', name: 'logo.jpg', type: 'image/jpeg', data: png() }], 'non è un JPG valido'],
        [[], 'Scegli il file del logo'],
      ];
      for (const [upl, message] of cases) {
        const res = await sendLogo(upl);
        expect(res.statusCode, message).toBe(400);
        expect(res.body).toContain('id="error-summary"');
        expect(res.body).toContain('href="#logo"');
        expect(text(res.body)).toContain(message);
      }
      expect(await storedFiles()).toBe(files);
      expect((await card(enteA.id)).logo_file_id).toBeNull();
    });

    it('stores a PNG logo, serves it publicly inline with nosniff, replaces it with a JPEG and removes it', async () => {
      const image = png();
      const res = await sendLogo([{ field: 'logo', name: 'Logo Alfa.png', type: 'image/png', data: image }]);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${base(enteA.id)}/scheda-ente?esito=logo-caricato`);
      const first = (await card(enteA.id)).logo_file_id!;
      expect(first).toBeTruthy();
      const audit = (await auditRows(t.db, { action: 'ente.card.update', targetId: enteA.id })).at(-1)!;
      expect(audit.details).toMatchObject({ fields: ['logo'], fileId: first, previousFileId: null });

      const pub = await get('/enti/ente-prova-alfa/logo');
      expect(pub.statusCode).toBe(200);
      expect(pub.headers['content-type']).toBe('image/png');
      expect(pub.headers['x-content-type-options']).toBe('nosniff');
      expect(String(pub.headers['content-disposition'])).toMatch(/^inline;/);
      expect(pub.rawPayload.equals(image)).toBe(true);
      // The public page shows it, with alt text naming the ente.
      const page = await get('/enti/ente-prova-alfa');
      expect(page.body).toContain('<img class="wemi-ente-logo" src="/enti/ente-prova-alfa/logo" alt="Logo di Ente Prova Alfa"');
      // The back office shows it too.
      const bo = await get(`${base(enteA.id)}/scheda-ente`, adminAuth);
      expect(bo.body).toContain(`src="/gestione-ente/${enteA.id}/scheda-ente/logo" alt="Logo attuale di Ente Prova Alfa"`);
      expect(text(bo.body)).toContain('Logo Alfa.png');
      expect((await get(`${base(enteA.id)}/scheda-ente/logo`, operatorAuth)).headers['content-type']).toBe('image/png');

      const replaced = await sendLogo([{ field: 'logo', name: 'logo.jpeg', type: 'image/jpeg', data: JPEG }]);
      expect(replaced.statusCode).toBe(303);
      const second = (await card(enteA.id)).logo_file_id!;
      expect(second).not.toBe(first);
      const jpeg = await get('/enti/ente-prova-alfa/logo');
      expect(jpeg.headers['content-type']).toBe('image/jpeg');
      expect((await auditRows(t.db, { action: 'ente.card.update', targetId: enteA.id })).at(-1)!.details).toMatchObject({ fileId: second, previousFileId: first });

      const removed = await post(`${base(enteA.id)}/scheda-ente/logo/rimuovi`, {}, adminAuth);
      expect(removed.statusCode).toBe(303);
      expect(removed.headers.location).toBe(`${base(enteA.id)}/scheda-ente?esito=logo-rimosso`);
      expect((await card(enteA.id)).logo_file_id).toBeNull();
      expect((await get('/enti/ente-prova-alfa/logo')).statusCode).toBe(404);
      expect((await get(`${base(enteA.id)}/scheda-ente/logo`, adminAuth)).statusCode).toBe(404);
    });
  });

  describe('documents', () => {
    const send = (kind: string, u: Upload[], auth = adminAuth, ente = enteA) => upload(`${base(ente.id)}/documenti/${kind}`, u, auth);
    const doc = (kind: string, name: string, data: Buffer, type = 'application/pdf'): Upload => ({ field: `documento-${kind}`, name, type, data });

    it('refuses a wrong type, an oversized file and a fake PDF, storing nothing', async () => {
      const files = await storedFiles();
      const cases: [Upload[], string][] = [
        [[doc('privacy', 'privacy.png', png(), 'image/png')], 'Formato non ammesso'],
        [[doc('privacy', 'privacy.pdf', pdf('grande', 5 * MB + 1))], 'supera la dimensione massima di 5 MB'],
        [[doc('privacy', 'privacy.pdf', Buffer.from('<html><script>alert(1)</script></html>'))], 'non è un PDF valido'],
        [[doc('privacy', 'privacy.pdf', Buffer.alloc(0))], 'Il file è vuoto'],
        [[], 'Scegli il file PDF del documento'],
      ];
      for (const [upl, message] of cases) {
        const res = await send('privacy', upl);
        expect(res.statusCode, message).toBe(400);
        expect(res.body).toContain('href="#documento-privacy"');
        expect(text(res.body)).toContain(message);
      }
      expect((await send('statuto', [doc('statuto', 'x.pdf', pdf('x'))])).statusCode).toBe(404);
      expect(await storedFiles()).toBe(files);
      expect((await card(enteA.id)).privacy_file_id).toBeNull();
    });

    it('stores the three documents, serves them publicly as PDF downloads with nosniff, and replaces one', async () => {
      const bytes = { 'condizioni-uso': pdf('condizioni'), privacy: pdf('privacy'), recesso: pdf('recesso', 5 * MB) };
      for (const [kind, data] of Object.entries(bytes)) {
        const res = await send(kind, [doc(kind, `${kind}.pdf`, data)]);
        expect(res.statusCode, kind).toBe(303);
        expect(res.headers.location).toBe(`${base(enteA.id)}/documenti?esito=documento-caricato`);
      }
      const row = await card(enteA.id);
      expect([row.terms_file_id, row.privacy_file_id, row.withdrawal_file_id].every(Boolean)).toBe(true);
      const audits = await auditRows(t.db, { action: 'ente.document.upload', targetId: enteA.id });
      expect(audits.map((a) => a.details.kind)).toEqual(['condizioni-uso', 'privacy', 'recesso']);

      for (const [kind, data] of Object.entries(bytes)) {
        const res = await get(`/enti/ente-prova-alfa/documenti/${kind}`);
        expect(res.statusCode, kind).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="/);
        expect(res.rawPayload.equals(data)).toBe(true);
      }
      // Linked from the public page, and listed in the API.
      const page = await get('/enti/ente-prova-alfa');
      for (const kind of Object.keys(bytes)) expect(page.body).toContain(`href="/enti/ente-prova-alfa/documenti/${kind}"`);
      expect(text(page.body)).toContain('Informativa privacy');
      expect(page.body).toContain('id="documenti"');
      const api = (await get('/api/v1/organizations/ente-prova-alfa')).json();
      expect(api.documents.map((d: { kind: string }) => d.kind)).toEqual(['condizioni-uso', 'privacy', 'recesso']);

      // Replace: the new file is served.
      const newer = pdf('privacy, seconda versione');
      expect((await send('privacy', [doc('privacy', 'privacy-v2.pdf', newer)])).statusCode).toBe(303);
      expect((await get('/enti/ente-prova-alfa/documenti/privacy')).rawPayload.equals(newer)).toBe(true);
      const last = (await auditRows(t.db, { action: 'ente.document.upload', targetId: enteA.id })).at(-1)!;
      expect(last.details).toMatchObject({ kind: 'privacy', previousFileId: row.privacy_file_id });
      // The back office lists them and serves them to operators too.
      const bo = await get(`${base(enteA.id)}/documenti`, operatorAuth);
      expect(text(bo.body)).toContain('privacy-v2.pdf');
      expect((await get(`${base(enteA.id)}/documenti/privacy`, operatorAuth)).rawPayload.equals(newer)).toBe(true);
    });

    it('serves no public logo or document of a suspended ente (404), but its back office still does', async () => {
      const auth = await as(adminS);
      expect((await send('privacy', [doc('privacy', 'privacy.pdf', pdf('sospeso'))], auth, enteS)).statusCode).toBe(303);
      expect((await upload(`${base(enteS.id)}/scheda-ente/logo`, [{ field: 'logo', name: 'l.png', type: 'image/png', data: png() }], auth)).statusCode).toBe(303);
      expect((await get('/enti/ente-prova-sospeso/documenti/privacy')).statusCode).toBe(404);
      expect((await get('/enti/ente-prova-sospeso/logo')).statusCode).toBe(404);
      expect((await get(`${base(enteS.id)}/documenti/privacy`, auth)).statusCode).toBe(200);
      // Unknown ente, unknown kind, missing document: 404.
      expect((await get('/enti/non-esiste/documenti/privacy')).statusCode).toBe(404);
      expect((await get('/enti/ente-prova-alfa/documenti/statuto')).statusCode).toBe(404);
      expect((await get('/enti/ente-prova-beta/documenti/privacy')).statusCode).toBe(404);
      expect((await get('/enti/ente-prova-beta/logo')).statusCode).toBe(404);
    });
  });

  describe('sites', () => {
    const fields = () => ({
      nome: 'Sede Alfa Città Studi',
      indirizzo: 'Via Pascoli 12',
      cap: '20133',
      municipio: municipi[2]!.id,
      email: 'sede@alfa-prova.example.org',
      telefono: '02 2222 3333',
      orari_it: 'Lunedì e mercoledì, 9-12',
      orari_en: 'Monday and Wednesday, 9am-12pm',
    });
    const sitesOfA = () => t.db.query<{ id: string; name: string; postal_code: string }>(`select id, name, postal_code from location where organization_id = $1 and kind = 'ente_site' order by name`, [enteA.id]);

    it('validates a new site: 400, summary, values kept', async () => {
      const page = await get(`${base(enteA.id)}/sedi/nuova`, adminAuth);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<select id="municipio" name="municipio"');
      expect((page.body.match(/<option value="[0-9a-f-]{36}"/g) ?? []).length).toBe(9);
      const res = await post(`${base(enteA.id)}/sedi/nuova`, { ...fields(), nome: '', cap: '2013', municipio: '00000000-0000-4000-8000-000000000000', email: 'sede@', telefono: '12' }, adminAuth);
      expect(res.statusCode).toBe(400);
      for (const f of ['nome', 'cap', 'municipio', 'email', 'telefono']) expect(res.body, f).toContain(`href="#${f}"`);
      expect(res.body).toContain('value="2013"');
      expect(res.body).toContain('value="Via Pascoli 12"');
      expect(text(res.body)).toContain('Il CAP è fatto di 5 cifre');
      expect(await sitesOfA()).toEqual([]);
    });

    it('adds, edits and removes a site, with audit rows, shown on the public page', async () => {
      const res = await post(`${base(enteA.id)}/sedi/nuova`, fields(), adminAuth);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${base(enteA.id)}/sedi?esito=sede-aggiunta`);
      const [site] = await sitesOfA();
      expect(site).toMatchObject({ name: 'Sede Alfa Città Studi', postal_code: '20133' });
      expect((await auditRows(t.db, { action: 'ente.site.create', targetId: site!.id })).length).toBe(1);
      const list = await get(res.headers.location!, adminAuth);
      expect(list.body).toContain(`data-site-id="${site!.id}"`);
      expect(text(list.body)).toContain('La sede è stata aggiunta');
      expect(text((await get('/enti/ente-prova-alfa')).body)).toContain('Sede Alfa Città Studi');

      const edit = await get(`${base(enteA.id)}/sedi/${site!.id}`, adminAuth);
      expect(edit.body).toContain('value="Sede Alfa Città Studi"');
      expect(edit.body).toMatch(new RegExp(`<option value="${municipi[2]!.id}" selected>`));
      const saved = await post(`${base(enteA.id)}/sedi/${site!.id}`, { ...fields(), nome: 'Sede Alfa Lambrate', cap: ' 20134 ' }, adminAuth);
      expect(saved.statusCode).toBe(303);
      expect((await sitesOfA())[0]).toMatchObject({ name: 'Sede Alfa Lambrate', postal_code: '20134' });
      expect((await auditRows(t.db, { action: 'ente.site.update', targetId: site!.id })).at(-1)!.details.fields).toEqual(['name', 'postal_code']);
      const bad = await post(`${base(enteA.id)}/sedi/${site!.id}`, { ...fields(), indirizzo: '' }, adminAuth);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#indirizzo"');

      // The operator sees the site read-only.
      const ro = await get(`${base(enteA.id)}/sedi/${site!.id}`, operatorAuth);
      expect(ro.statusCode).toBe(200);
      expect(text(ro.body)).toContain('Sede Alfa Lambrate');
      expect(ro.body).not.toContain('<form method="post" action="/gestione-ente');

      const confirm = await get(`${base(enteA.id)}/sedi/${site!.id}/rimuovi`, adminAuth);
      expect(confirm.statusCode).toBe(200);
      expect(text(confirm.body)).toContain('Vuoi rimuovere la sede Sede Alfa Lambrate?');
      const removed = await post(`${base(enteA.id)}/sedi/${site!.id}/rimuovi`, {}, adminAuth);
      expect(removed.statusCode).toBe(303);
      expect(removed.headers.location).toBe(`${base(enteA.id)}/sedi?esito=sede-rimossa`);
      expect(await sitesOfA()).toEqual([]);
      expect((await auditRows(t.db, { action: 'ente.site.delete', targetId: site!.id })).length).toBe(1);
      expect((await post(`${base(enteA.id)}/sedi/${site!.id}/rimuovi`, {}, adminAuth)).statusCode).toBe(404);
    });

    it('keeps a site used by a service card, with a clear message', async () => {
      await post(`${base(enteA.id)}/sedi/nuova`, { ...fields(), nome: 'Sede Alfa Usata' }, adminAuth);
      const site = (await sitesOfA()).find((s) => s.name === 'Sede Alfa Usata')!;
      const typeId = (await t.db.one<{ id: string }>(`select service_type_id as id from service limit 1`)).id;
      const service = await t.db.one<{ id: string }>(
        `insert into service (organization_id, service_type_id, slug, name, offer_type) values ($1, $2, 'servizio-alfa-sede-usata', 'Servizio Alfa con sede', 'free_public') returning id`,
        [enteA.id, typeId],
      );
      await t.db.query(`insert into service_at_location (service_id, location_id) values ($1, $2)`, [service.id, site.id]);

      const confirm = await get(`${base(enteA.id)}/sedi/${site.id}/rimuovi`, adminAuth);
      expect(text(confirm.body)).toContain('non si può rimuovere');
      expect(text(confirm.body)).toContain('Servizio Alfa con sede');
      expect(confirm.body).not.toContain(`action="/gestione-ente/${enteA.id}/sedi/${site.id}/rimuovi"`);
      const res = await post(`${base(enteA.id)}/sedi/${site.id}/rimuovi`, {}, adminAuth);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="error-summary"');
      expect(text(res.body)).toContain('La sede è usata da schede servizio e non si può rimuovere');
      expect(await t.db.maybeOne(`select 1 from location where id = $1`, [site.id])).toBeDefined();
      expect((await auditRows(t.db, { action: 'ente.site.delete', targetId: site.id })).length).toBe(0);

      // A revision in progress that names the site keeps it too.
      await t.db.query(`delete from service_at_location where service_id = $1`, [service.id]);
      await t.db.query(`insert into service_revision (service_id, number, data) values ($1, 1, $2::jsonb)`, [service.id, JSON.stringify({ sites: [site.id] })]);
      expect((await post(`${base(enteA.id)}/sedi/${site.id}/rimuovi`, {}, adminAuth)).statusCode).toBe(400);
      await t.db.query(`delete from service where id = $1`, [service.id]);
      expect((await post(`${base(enteA.id)}/sedi/${site.id}/rimuovi`, {}, adminAuth)).statusCode).toBe(303);
    });
  });

  describe('Spazi WeMi', () => {
    const links = async () => (await t.db.query<{ location_id: string }>(`select location_id from organization_spazio where organization_id = $1 order by location_id`, [enteA.id])).map((r) => r.location_id);

    it('links and unlinks Spazi WeMi with checkboxes, audited, shown publicly', async () => {
      expect(spazi.length).toBeGreaterThanOrEqual(2);
      const page = await get(`${base(enteA.id)}/spazi`, adminAuth);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`value="${spazi[0]!.id}"`);
      const res = await post(`${base(enteA.id)}/spazi`, { spazi: [spazi[0]!.id, spazi[1]!.id] }, adminAuth);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${base(enteA.id)}/spazi?esito=spazi-salvati`);
      expect(await links()).toEqual([spazi[0]!.id, spazi[1]!.id].sort());
      expect((await get(`${base(enteA.id)}/spazi`, adminAuth)).body).toMatch(new RegExp(`value="${spazi[0]!.id}" checked`));
      const publicPage = text((await get('/enti/ente-prova-alfa')).body);
      expect(publicPage).toContain(spazi[0]!.name);
      const audit = (await auditRows(t.db, { action: 'ente.spazi.update', targetId: enteA.id })).at(-1)!;
      expect(audit.details).toEqual({ added: [spazi[0]!.id, spazi[1]!.id].sort(), removed: [] });

      // The operator sees them listed.
      const ro = text((await get(`${base(enteA.id)}/spazi`, operatorAuth)).body);
      expect(ro).toContain(spazi[1]!.name);

      // Unknown id: 400, nothing changed.
      const bad = await post(`${base(enteA.id)}/spazi`, { spazi: [spazi[2]!.id, '00000000-0000-4000-8000-000000000000'] }, adminAuth);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#spazi"');
      expect(bad.body).toMatch(new RegExp(`value="${spazi[2]!.id}" checked`));
      expect(await links()).toEqual([spazi[0]!.id, spazi[1]!.id].sort());

      // None ticked: every link removed.
      expect((await post(`${base(enteA.id)}/spazi`, {}, adminAuth)).statusCode).toBe(303);
      expect(await links()).toEqual([]);
      expect((await auditRows(t.db, { action: 'ente.spazi.update', targetId: enteA.id })).at(-1)!.details).toEqual({ added: [], removed: [spazi[0]!.id, spazi[1]!.id].sort() });
    });
  });

  describe('operators', () => {
    it('lists the people of the ente with name, e-mail, role and since', async () => {
      const res = await get(`${base(enteA.id)}/operatori`, adminAuth);
      expect(res.statusCode).toBe(200);
      const body = text(res.body);
      for (const s of ['Alba Amministratrice', adminA.email, 'Amministratore', 'Ottavio Operatore', operatorA.email, 'Operatore']) expect(body).toContain(s);
      expect(res.body).toContain(`href="/gestione-ente/${enteA.id}/operatori/${operatorA.id}/rimuovi"`);
      expect(res.body).not.toContain(`href="/gestione-ente/${enteA.id}/operatori/${adminA.id}/rimuovi"`);
      expect(body).not.toContain('Bruno Beta');
    });

    it('validates the invitation form', async () => {
      const res = await post(`${base(enteA.id)}/operatori/invita`, { email: 'non valida', nome: '', cognome: 'Rossi' }, adminAuth);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#email"');
      expect(res.body).toContain('href="#nome"');
      expect(res.body).toContain('value="Rossi"');
      const again = await post(`${base(enteA.id)}/operatori/invita`, { email: operatorA.email, nome: 'Ottavio', cognome: 'Operatore' }, adminAuth);
      expect(again.statusCode).toBe(400);
      expect(text(again.body)).toContain('Questa persona opera già per l’ente');
      // A suspended account is not reachable from here (and the message does not say why).
      const suspended = await createTestUser(t.db, { kind: 'ente', roles: [] });
      await t.db.query(`update app_user set status = 'suspended' where id = $1`, [suspended.id]);
      const refused = await post(`${base(enteA.id)}/operatori/invita`, { email: suspended.email, nome: 'Sospeso', cognome: 'Prova' }, adminAuth);
      expect(refused.statusCode).toBe(400);
      expect(text(refused.body)).toContain('Non è possibile invitare questo indirizzo');
      expect((await t.db.one<{ n: number }>(`select count(*)::int as n from user_role where user_id = $1`, [suspended.id])).n).toBe(0);
    });

    it('invites a new operator: invited account, operator role for the ente, e-mail queued, audit row', async () => {
      const email = 'nuovo.operatore@alfa-prova.example.org';
      const res = await post(`${base(enteA.id)}/operatori/invita`, { email: 'Nuovo.Operatore@Alfa-Prova.example.org', nome: 'Nina', cognome: 'Nuova' }, adminAuth);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${base(enteA.id)}/operatori?esito=operatore-invitato`);
      const user = await t.db.one<{ id: string; status: string; kind: string }>(`select id, status, kind from app_user where email = $1`, [email]);
      expect(user).toMatchObject({ status: 'invited', kind: 'ente' });
      const roles = await t.db.query<{ role: string; organization_id: string; granted_by: string }>(`select role, organization_id, granted_by from user_role where user_id = $1`, [user.id]);
      expect(roles).toEqual([{ role: 'ente_operator', organization_id: enteA.id, granted_by: adminA.id }]);
      const mail = await t.db.one<{ subject: string; text_body: string }>(`select subject, text_body from email_outbox where to_address = $1 order by created_at desc limit 1`, [email]);
      expect(mail.text_body).toContain('/invito/');
      expect(mail.text_body).toContain('Ente Prova Alfa');
      const audit = (await auditRows(t.db, { action: 'ente.operator.invite', targetId: user.id })).at(-1)!;
      expect(audit.actor_id).toBe(adminA.id);
      expect(audit.details).toMatchObject({ organizationId: enteA.id, email, outcome: 'invited' });
      const list = text((await get(`${base(enteA.id)}/operatori`, adminAuth)).body);
      expect(list).toContain('Nina Nuova');
      expect(list).toContain('Invito non ancora accettato');
    });

    it('adds an existing account as operator and ends its sessions', async () => {
      const existing = await createTestUser(t.db, { kind: 'ente', givenName: 'Elena', familyName: 'Esistente', roles: [] });
      await actingAs(t.app, t.db, existing.id);
      const res = await post(`${base(enteA.id)}/operatori/invita`, { email: existing.email, nome: 'Elena', cognome: 'Esistente' }, adminAuth);
      expect(res.statusCode).toBe(303);
      // The same notice as for a new account: the page does not tell whether the address had an account.
      expect(res.headers.location).toBe(`${base(enteA.id)}/operatori?esito=operatore-invitato`);
      expect((await auditRows(t.db, { action: 'ente.operator.invite', targetId: existing.id })).at(-1)!.details).toMatchObject({ outcome: 'roles_added', sessionsEnded: 1 });
      expect((await t.db.one<{ n: number }>(`select count(*)::int as n from user_session where user_id = $1`, [existing.id])).n).toBe(0);
      const auth = await as(existing);
      expect((await get(base(enteA.id), auth)).statusCode).toBe(200);
    });

    it('removes an operator after confirmation: role revoked, sessions ended, access lost at once', async () => {
      const victim = await createTestUser(t.db, { kind: 'ente', givenName: 'Rita', familyName: 'Rimossa', roles: [{ role: 'ente_operator', organizationId: enteA.id }] });
      const victimAuth = await as(victim);
      expect((await get(`${base(enteA.id)}/scheda-ente`, victimAuth)).statusCode).toBe(200);

      const confirm = await get(`${base(enteA.id)}/operatori/${victim.id}/rimuovi`, adminAuth);
      expect(confirm.statusCode).toBe(200);
      expect(text(confirm.body)).toContain('Vuoi rimuovere Rita Rimossa dagli operatori di Ente Prova Alfa?');
      const res = await post(`${base(enteA.id)}/operatori/${victim.id}/rimuovi`, {}, adminAuth);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${base(enteA.id)}/operatori?esito=operatore-rimosso`);
      const roles = await t.db.query<{ revoked_at: Date | null; revoked_by: string | null }>(`select revoked_at, revoked_by from user_role where user_id = $1`, [victim.id]);
      expect(roles.every((r) => r.revoked_at !== null && r.revoked_by === adminA.id)).toBe(true);
      expect((await t.db.one<{ n: number }>(`select count(*)::int as n from user_session where user_id = $1`, [victim.id])).n).toBe(0);
      // The old session is gone: the next request is anonymous, sent to log in.
      const after = await get(`${base(enteA.id)}/scheda-ente`, victimAuth);
      expect(after.statusCode).toBe(303);
      expect(after.headers.location).toMatch(/^\/accedi/);
      // Even logged in again, no access: the role is revoked.
      expect((await get(`${base(enteA.id)}/scheda-ente`, await as(victim))).statusCode).toBe(403);
      const audit = (await auditRows(t.db, { action: 'ente.operator.remove', targetId: victim.id })).at(-1)!;
      expect(audit.details).toMatchObject({ organizationId: enteA.id, sessionsEnded: 1 });
      expect(text((await get(`${base(enteA.id)}/operatori`, adminAuth)).body)).not.toContain('Rita Rimossa');
      // Removed already: 404.
      expect((await post(`${base(enteA.id)}/operatori/${victim.id}/rimuovi`, {}, adminAuth)).statusCode).toBe(404);
    });

    it('an administrator cannot remove themselves, nor another administrator', async () => {
      const self = await post(`${base(enteA.id)}/operatori/${adminA.id}/rimuovi`, {}, adminAuth);
      expect(self.statusCode).toBe(400);
      expect(text(self.body)).toContain('Non puoi rimuovere te stesso');
      const confirmSelf = await get(`${base(enteA.id)}/operatori/${adminA.id}/rimuovi`, adminAuth);
      expect(confirmSelf.body).not.toContain(`action="/gestione-ente/${enteA.id}/operatori/${adminA.id}/rimuovi"`);
      const other = await createTestUser(t.db, { kind: 'ente', roles: [{ role: 'ente_admin', organizationId: enteA.id }] });
      const res = await post(`${base(enteA.id)}/operatori/${other.id}/rimuovi`, {}, adminAuth);
      expect(res.statusCode).toBe(400);
      expect(text(res.body)).toContain('Gli amministratori dell’ente sono gestiti dal Comune');
      expect((await t.db.one<{ n: number }>(`select count(*)::int as n from user_role where user_id = $1 and revoked_at is null`, [other.id])).n).toBe(1);
      expect((await t.db.one<{ n: number }>(`select count(*)::int as n from user_role where user_id = $1 and revoked_at is null`, [adminA.id])).n).toBe(1);
    });
  });
});
