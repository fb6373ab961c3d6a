import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrg, type OrgFixture } from '../../src/features/services/services.test-fixtures';
import { WIDTHS, loggedIn, noViolations, startSite, submit, text, unexpected, type By, type PageOptions, type Site } from './support';
import { createTestUser, type TestUser } from '../support/accounts';

// An ente administrator replaces the logo of the ente, from a desktop with the mouse and from a phone without
// JavaScript by keyboard: the upload form carries its CSRF token in its action (checked before the file is read,
// issue 10 finding 2), so it works as rendered, with or without JavaScript. A file far above the limit is refused
// before it is read, with a page that says what the form takes; one a little above it gets the form's own message.

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 1)]);
const SHOTS = '/tmp/shots-edge';

describe('An ente administrator uploads a logo, and a far too large file is refused with a clear page', () => {
  let site: Site;
  let ente: OrgFixture;
  let admin: TestUser;
  beforeAll(async () => {
    site = await startSite();
    ente = await insertOrg(site.t.db, { slug: 'ente-prova-logo', name: 'Ente Prova Logo' });
    admin = await createTestUser(site.t.db, { kind: 'ente', roles: [{ role: 'ente_admin', organizationId: ente.id }] });
  });
  afterAll(async () => site?.close());

  const storedFiles = async () => (await site.t.db.one<{ n: number }>('select count(*)::int as n from stored_file')).n;

  for (const [label, opts, how] of [
    ['desktop with the mouse', { viewport: WIDTHS.desktop }, {}],
    ['phone without JavaScript, by keyboard', { viewport: WIDTHS.mobile, javaScriptEnabled: false }, { by: 'keyboard' }],
  ] as [string, PageOptions, By][]) {
    it(label, async () => {
      const { page, problems, context } = await loggedIn(site, admin.id, opts);
      const cardPage = `${site.baseUrl}/gestione-ente/${ente.id}/scheda-ente`;
      await page.goto(cardPage);
      const form = page.locator('form:has(input[name="logo"])');
      expect(await form.getAttribute('action')).toMatch(/\/scheda-ente\/logo\?_csrf=[A-Za-z0-9_-]{32,}$/);
      expect(await form.getAttribute('enctype')).toBe('multipart/form-data');

      // A logo within the limit is stored.
      const before = await storedFiles();
      await page.locator('#logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
      expect(await submit(page, form.locator('button[type="submit"]'), how)).toBe(303);
      expect(await storedFiles()).toBe(before + 1);

      // A little above 1 MB: the form says so, next to the field.
      await page.locator('#logo').setInputFiles({ name: 'grande.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]) });
      expect(await submit(page, page.locator('form:has(input[name="logo"]) button[type="submit"]'), how)).toBe(400);
      expect(await page.locator('#error-summary').textContent()).toContain('Il file supera la dimensione massima di 1 MB');

      // Far above it: refused before the file is read, with a page that says what the form takes.
      await page.goto(cardPage);
      await page.locator('#logo').setInputFiles({ name: 'enorme.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(4 * 1024 * 1024)]) });
      expect(await submit(page, page.locator('form:has(input[name="logo"]) button[type="submit"]'), how)).toBe(413);
      expect(await text(page.locator('h1'))).toBe('Invio troppo grande');
      expect(await page.locator('#error-summary').textContent()).toContain('Questo modulo accetta al massimo 1 file, ciascuno fino a 1 MB.');
      expect(await storedFiles()).toBe(before + 1);
      await page.screenshot({ path: `${SHOTS}/too-large-${opts.viewport!.width}.png`, fullPage: true });
      await noViolations(page, 'the 413 page', { javaScriptEnabled: opts.javaScriptEnabled });
      expect(unexpected(problems, [400, 413])).toEqual([]);
      await context.close();
    });
  }
});
