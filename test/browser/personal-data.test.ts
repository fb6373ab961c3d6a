import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database';
import { createTestUser } from '../support/accounts';
import { pdf } from '../support/fixtures';
import { queuedMail } from '../support/outbox';
import { follow, loggedIn, noViolations, startSite, submit, text, unexpected, WIDTHS, type Site } from './support';

// "I miei dati" and the deletion of the account, as a citizen does them (issue 10): from the personal area the
// citizen downloads the JSON file and opens the printable summary, finds their request, the ente's offer, the
// conversation with its attachments, the complaint and the review; then deletes the account through the real
// forms (the confirmation word, after a mistake) and lands on the public confirmation page, logged out. With
// JavaScript on and off, at desktop and phone widths; axe on every page; screenshots in /tmp/shots-gdpr/.

const SHOTS = '/tmp/shots-gdpr';

/** What the citizen has on WeMi, written straight into the database (the flows that make it have their own tests). */
async function seedStory(db: Db, citizenId: string, tag: string) {
  const card = await db.one<{ id: string; organization_id: string; service_type_id: string; org: string }>(
    `select s.id, s.organization_id, s.service_type_id, o.name as org from service s join organization o on o.id = s.organization_id
      where s.status = 'published' and o.status = 'active' order by s.slug limit 1`,
  );
  const file = async (name: string, uploadedBy: string | null) => {
    const data = pdf(name);
    return (
      await db.one<{ id: string }>(
        `insert into stored_file (sha256, content_type, size_bytes, original_name, data, uploaded_by) values ($1, 'application/pdf', $2, $3, $4, $5) returning id`,
        [createHash('sha256').update(data).digest('hex'), data.length, name, data, uploadedBy],
      )
    ).id;
  };
  const reference = `RIC-2026-${tag.toUpperCase()}`;
  const req = await db.one<{ id: string }>(
    `insert into service_request (reference, citizen_id, service_type_id, status, step, for_whom, needs, period_from, period_to, address, people, units, notes, sent_at)
     values ($1, $2, $3, 'sent', 5, 'self', $4, current_date + 10, current_date + 40, 'Via Verdi 3, Milano', 1, 3, '', now() - interval '9 days') returning id`,
    [reference, citizenId, card.service_type_id, `Assistenza serale ${tag}`],
  );
  await db.query('insert into service_request_target (request_id, service_id) values ($1, $2)', [req.id, card.id]);
  await db.query('insert into service_request_attachment (request_id, file_id) values ($1, $2)', [req.id, await file(`ricetta-${tag}.pdf`, citizenId)]);
  const er = await db.one<{ id: string }>(
    `insert into ente_request (request_id, service_id, organization_id, status, offer_price, offer_notes, offer_file_id, offered_at, accepted_at, started_at, completed_at, closed_at, created_at)
     values ($1, $2, $3, 'completed', 95, $4, $5, now() - interval '8 days', now() - interval '7 days', now() - interval '6 days', now() - interval '2 days', now() - interval '2 days', now() - interval '9 days')
     returning id`,
    [req.id, card.id, card.organization_id, `Offerta con prima visita ${tag}`, await file(`preventivo-${tag}.pdf`, null)],
  );
  for (const [from, to, days, actor] of [
    [null, 'sent', 9, null],
    ['sent', 'offered', 8, null],
    ['offered', 'accepted', 7, citizenId],
    ['accepted', 'in_progress', 6, null],
    ['in_progress', 'completed', 2, null],
  ] as const) {
    await db.query(`insert into ente_request_event (ente_request_id, from_status, to_status, actor_id, at) values ($1, $2, $3, $4, now() - make_interval(days => $5))`, [er.id, from, to, actor, days]);
  }
  await db.query(`insert into request_message (ente_request_id, author_id, author_side, body, file_id, created_at) values ($1, $2, 'citizen', $3, $4, now() - interval '8 days')`, [
    er.id,
    citizenId,
    `Va bene il martedì sera? ${tag}`,
    await file(`orari-${tag}.pdf`, citizenId),
  ]);
  await db.query(`insert into request_message (ente_request_id, author_side, body, file_id, created_at) values ($1, 'ente', $2, $3, now() - interval '7 days')`, [
    er.id,
    `Sì, dalle 19 alle 21 ${tag}`,
    await file(`programma-${tag}.pdf`, null),
  ]);
  await db.query(`insert into complaint (reference, ente_request_id, citizen_id, subject, body) values ($1, $2, $3, $4, 'Per due sere non è venuto nessuno.')`, [
    `REC-2026-${tag.toUpperCase()}`,
    er.id,
    citizenId,
    `Operatore assente ${tag}`,
  ]);
  await db.query(
    `insert into review (ente_request_id, service_id, organization_id, citizen_id, overall, punctuality, speed, professionalism, comment, comment_status)
     values ($1, $2, $3, $4, 3, 2, 4, 4, $5, 'pending')`,
    [er.id, card.id, card.organization_id, citizenId, `Gentili ma non sempre puntuali ${tag}`],
  );
  await db.query(`insert into notification (user_id, kind, title, link) values ($1, 'thread.message', $2, $3)`, [citizenId, `Nuovo messaggio da ${card.org}`, `/richieste/${req.id}`]);
  await db.query(`insert into service_request (reference, citizen_id, service_type_id) values ($1, $2, $3)`, [`RIC-2026-BOZZA-${tag.toUpperCase()}`, citizenId, card.service_type_id]);
  return { reference, requestId: req.id, organization: card.org };
}

describe('A citizen reads and downloads their data, then deletes the account', () => {
  let site: Site;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    site = await startSite();
  });
  afterAll(async () => site?.close());

  for (const javaScriptEnabled of [true, false]) {
    for (const [widthName, viewport] of Object.entries(WIDTHS)) {
      const run = `${javaScriptEnabled ? 'js' : 'nojs'}-${widthName}`;
      it(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'} at ${widthName} width`, async () => {
        const tag = run.replace(/[^a-z]/g, '');
        const user = await createTestUser(site.t.db, { givenName: 'Rosa', familyName: `Scaricadati ${tag}` });
        const story = await seedStory(site.t.db, user.id, tag);
        const { page, context, problems } = await loggedIn(site, user.id, { viewport, javaScriptEnabled });

        // From the personal area to "I miei dati".
        await page.goto(`${site.baseUrl}/area-personale`);
        await follow(page, page.locator('main a', { hasText: 'I miei dati' }).first(), '/area-personale/i-miei-dati');
        await noViolations(page, `my data page (${run})`, { javaScriptEnabled });
        await page.screenshot({ path: `${SHOTS}/${run}-1-my-data.png`, fullPage: true });

        // The JSON file, as a download.
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator('main a[href="/area-personale/i-miei-dati.json"]').first().click()]);
        expect(download.suggestedFilename()).toMatch(/^wemi-i-miei-dati-\d{4}-\d{2}-\d{2}\.json$/);
        const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
        expect(file.formatVersion).toBe(2);
        expect(file.requests.map((r: { reference: string }) => r.reference)).toContain(story.reference);
        expect(file.complaints[0].subject).toBe(`Operatore assente ${tag}`);

        // The summary, section by section.
        await follow(page, page.locator('main a', { hasText: 'Leggi il riepilogo dei miei dati' }), '/area-personale/i-miei-dati/riepilogo');
        const main = await text(page.locator('main'));
        for (const s of [
          story.reference,
          `RIC-2026-BOZZA-${tag.toUpperCase()}`,
          `Assistenza serale ${tag}`,
          `ricetta-${tag}.pdf`,
          `Offerta con prima visita ${tag}`,
          `preventivo-${tag}.pdf`,
          `Va bene il martedì sera? ${tag}`,
          `orari-${tag}.pdf`,
          `Sì, dalle 19 alle 21 ${tag}`,
          `programma-${tag}.pdf`,
          `Operatore assente ${tag}`,
          `Gentili ma non sempre puntuali ${tag}`,
          `Nuovo messaggio da ${story.organization}`,
          'Non hai presentato domande per diventare ente WeMi.',
        ]) {
          expect(main, s).toContain(s);
        }
        expect(await page.locator('main h2', { hasText: 'Richieste agli enti' }).count()).toBe(1);
        await noViolations(page, `summary (${run})`, { javaScriptEnabled });
        await page.screenshot({ path: `${SHOTS}/${run}-2-summary.png`, fullPage: true });
        // Printed: the page content only.
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('header.it-header-wrapper').isVisible()).toBe(false);
        expect(await page.locator('.wemi-personal-menu').isVisible()).toBe(false);
        expect(await page.locator('main h2', { hasText: 'Reclami' }).isVisible()).toBe(true);
        await page.screenshot({ path: `${SHOTS}/${run}-3-summary-print.png`, fullPage: true });
        await page.emulateMedia({ media: 'screen' });

        // Deletion through the real form: a wrong word first, then the confirmation word.
        await follow(page, page.locator('.wemi-personal-menu a', { hasText: 'Elimina l’account' }), '/area-personale/elimina-account');
        await page.locator('#confirm_word').fill('forse');
        expect(await submit(page, page.locator('main form button[type="submit"]', { hasText: 'Elimina definitivamente' }))).toBe(400);
        expect(await page.locator('#error-summary').count()).toBe(1);
        await page.locator('#confirm_word').fill('ELIMINA');
        await page.screenshot({ path: `${SHOTS}/${run}-4-delete.png`, fullPage: true });
        expect(await submit(page, page.locator('main form button[type="submit"]', { hasText: 'Elimina definitivamente' }))).toBe(303);
        expect(new URL(page.url()).pathname).toBe('/account-eliminato');
        const done = await text(page.locator('main'));
        expect(done).toContain('Account eliminato');
        expect(done).toContain('Cosa abbiamo cancellato');
        expect(done).toContain('Cosa resta e per quanto tempo');
        expect(done).toContain('12 mesi il registro di sicurezza');
        await noViolations(page, `account deleted (${run})`, { javaScriptEnabled });
        await page.screenshot({ path: `${SHOTS}/${run}-5-deleted.png`, fullPage: true });

        // Logged out, the e-mail queued, the data gone.
        expect((await context.cookies()).some((c) => c.name === 'wemi_session' && c.value)).toBe(false);
        await page.goto(`${site.baseUrl}/area-personale/i-miei-dati`);
        expect(new URL(page.url()).pathname).toBe('/accedi');
        expect((await queuedMail(site.t.db, user.email, { subjectContains: 'eliminato' })).length).toBe(1);
        expect(await site.t.db.one('select status, email, family_name from app_user where id = $1', [user.id])).toEqual({ status: 'deleted', email: null, family_name: '' });
        expect(unexpected(problems, [400])).toEqual([]);
        await context.close();
      });
    }
  }
});
