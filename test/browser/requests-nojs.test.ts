import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDTHS, follow, loggedIn, noViolations, startSite, submit, text, tick, unexpected, type By, type PageOptions, type Site } from './support';
import { createTestUser, type TestUser } from '../support/accounts';
import { dayInMilan } from '../support/fixtures';

// "Citizens ask several enti at once" on a phone with JavaScript disabled, by keyboard where a person would
// use it: the citizen opens a service card, adds a second ente to the one the card pre-selected, says for whom,
// describes the need with a PDF certificate — a first attempt with mistakes shows the error summary and keeps
// what was typed —, says where, goes back a step to check, reads the summary and sends; the acknowledgement
// shows the reference, which also arrives by e-mail. Then the second ente finds the request in its inbox,
// with the certificate. Every page of the stepper passes axe-core at 375 px.

interface Card {
  id: string;
  slug: string;
  organization_id: string;
  organization_name: string;
}

/** The browser of the people of this story: a phone with JavaScript off (and axe-core runs on the pages as they are then). */
const PHONE_WITHOUT_JS: PageOptions = { viewport: WIDTHS.mobile, javaScriptEnabled: false };
/** How they work links, buttons and boxes: by keyboard (focused as Tab would, then Enter; the space bar for a box). */
const KEYBOARD: By = { by: 'keyboard' };

/** A small but complete PDF (one page with a line of text, cross-reference table with exact offsets). */
function certificatePdf(line: string): Buffer {
  const content = `BT /F1 14 Tf 72 770 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

describe('A citizen without JavaScript asks two enti from a phone, and an ente finds the request', () => {
  let site: Site;
  let cards: [Card, Card];
  let citizen: TestUser;
  let enteAdmin: TestUser;

  beforeAll(async () => {
    site = await startSite();
    const db = site.t.db;
    // Two published cards of one service type, of two different active enti, the first with a price list.
    const rows = await db.query<Card & { service_type_id: string }>(
      `with open_card as (
         select s.id, s.slug, s.service_type_id, s.organization_id, o.name as organization_name,
                row_number() over (partition by s.service_type_id, s.organization_id order by s.slug) as nth
           from public_service s join organization o on o.id = s.organization_id
          where o.status = 'active' and s.offer_type = 'paid' and s.price_from is not null)
       select id, slug, service_type_id, organization_id, organization_name from open_card
        where nth = 1 and service_type_id = (select service_type_id from open_card where nth = 1 group by service_type_id
                                              order by count(*) desc, service_type_id limit 1)
        order by slug limit 2`,
    );
    expect(rows).toHaveLength(2);
    cards = [rows[0]!, rows[1]!];
    citizen = await createTestUser(db, { givenName: 'Lucia', familyName: 'Bianchi' });
    enteAdmin = await createTestUser(db, { kind: 'ente', givenName: 'Enrico', familyName: 'Ente', roles: [{ role: 'ente_admin', organizationId: cards[1].organization_id }] });
  });
  afterAll(async () => site?.close());

  const path = (page: Page) => new URL(page.url()).pathname;

  it('goes through every step, sends, and the ente sees the request in its inbox', async () => {
    const db = site.t.db;
    const [card1, card2] = cards;
    const certificate = certificatePdf('Certificato medico di Anna Bianchi');
    const needs = 'Aiuto a casa per mia madre il pomeriggio: compagnia, una passeggiata e la cena.';

    const citizenBrowser = await loggedIn(site, citizen.id, PHONE_WITHOUT_JS);
    const p = citizenBrowser.page;

    // The service card's call to action leads to a confirmation (nothing created yet), whose button starts the
    // draft at step 1.
    expect((await p.goto(`${site.baseUrl}/servizi/${card1.slug}`))?.status()).toBe(200);
    await follow(p, p.getByRole('link', { name: 'Richiedi a più enti' }), '/richieste/nuova', KEYBOARD);
    expect(await text(p.locator('main'))).toContain(card1.organization_name);
    expect(await db.one<{ n: number }>('select count(*)::int as n from service_request where citizen_id = $1', [citizen.id])).toEqual({ n: 0 });
    await noViolations(p, 'confirmation', PHONE_WITHOUT_JS);
    expect(await submit(p, p.getByRole('button', { name: 'Inizia la richiesta' }), KEYBOARD)).toBe(303);
    expect(path(p)).toMatch(/^\/richieste\/[0-9a-f-]{36}\/passo\/1$/);
    const requestId = /\/richieste\/([0-9a-f-]{36})\//.exec(p.url())![1]!;
    const stepPath = (n: number) => `/richieste/${requestId}/passo/${n}`;
    /** "Avanti" (or Enter in a field) saves the step and opens step `n`. */
    const next = async (n: number, control: Locator = p.getByRole('button', { name: 'Avanti' })) => {
      expect(await submit(p, control, KEYBOARD)).toBe(303);
      expect(path(p)).toBe(stepPath(n));
    };
    const { reference } = await db.one<{ reference: string }>('select reference from service_request where id = $1', [requestId]);
    expect(await text(p.locator('.wemi-req-ref'))).toContain(reference);
    expect(await text(p.locator('.steppers-index'))).toBe('Passo 1 di 5');

    // 1. Enti: the card's ente is chosen already; the citizen adds a second one.
    const choice = (c: Card) => p.locator(`input[name="enti"][value="${c.id}"]`);
    expect(await choice(card1).isChecked()).toBe(true);
    expect(await choice(card2).isChecked()).toBe(false);
    await noViolations(p, 'step 1', PHONE_WITHOUT_JS);
    // Unticked by mistake: no ente chosen is refused, and the message is read with the group of choices.
    await choice(card1).focus();
    await p.keyboard.press('Space');
    expect(await submit(p, p.getByRole('button', { name: 'Avanti' }), KEYBOARD)).toBe(400);
    expect(await p.locator('#error-summary a[href="#enti"]').textContent()).toBe('Scegli almeno un ente.');
    const group = p.locator('fieldset', { has: choice(card1) });
    expect(await group.getAttribute('aria-describedby')).toBe('enti-hint enti-error');
    expect(await text(p.locator('#enti-error'))).toContain('Scegli almeno un ente.');
    await noViolations(p, 'step 1 with an error', PHONE_WITHOUT_JS);
    await tick(p, choice(card1), KEYBOARD);
    await tick(p, choice(card2), KEYBOARD);
    await next(2);

    // 2. For whom: another person (arrow keys move within the radio group), name and relation typed.
    await noViolations(p, 'step 2', PHONE_WITHOUT_JS);
    const self = p.locator('input[name="per_chi"][value="self"]');
    await self.focus();
    await p.keyboard.press('ArrowDown');
    expect(await p.locator('input[name="per_chi"][value="other"]').isChecked()).toBe(true);
    await p.locator('#nome_beneficiario').focus();
    await p.keyboard.type('Anna Bianchi');
    await p.keyboard.press('Tab');
    await p.keyboard.type('Madre');
    // Enter in a text field sends the form, as in any HTML form.
    await next(3, p.locator('#relazione'));

    // 3. What and when — first with mistakes: no description, a start in the past, no number of people.
    await noViolations(p, 'step 3', PHONE_WITHOUT_JS);
    await p.locator('#dal').fill(dayInMilan(-3));
    await p.locator('#al').fill(dayInMilan(60));
    await tick(p, p.locator('input[name="giorni"][value="mar"]'), KEYBOARD);
    await tick(p, p.locator('input[name="giorni"][value="gio"]'), KEYBOARD);
    await p.locator('#unita').fill('12');
    await p.locator('#note').fill('Citofono: Bianchi, secondo piano.');
    // The certificate, and by mistake a Word document.
    await p.locator('#allegati').setInputFiles([
      { name: 'certificato.pdf', mimeType: 'application/pdf', buffer: certificate },
      { name: 'promemoria.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\u0003\u0004 promemoria') },
    ]);
    expect(await submit(p, p.getByRole('button', { name: 'Avanti' }), KEYBOARD)).toBe(400);
    expect(path(p)).toBe(stepPath(3));
    const summary = p.locator('#error-summary');
    expect(await summary.count()).toBe(1);
    const problems = await summary.locator('a').evaluateAll((as) => as.map((a) => `${a.getAttribute('href')} ${a.textContent}`));
    expect(problems).toEqual([
      '#bisogno Descrivi di cosa hai bisogno.',
      '#dal La data di inizio non può essere nel passato.',
      '#persone Indica il numero di persone.',
      '#allegati promemoria.docx: Formato non ammesso: carica un file PDF, PNG, JPEG',
    ]);
    // Each field in error says so, and its message is read with it.
    for (const field of ['bisogno', 'dal', 'persone', 'allegati']) {
      const control = p.locator(`#${field}`);
      expect(await control.getAttribute('aria-invalid'), field).toBe('true');
      const described = (await control.getAttribute('aria-describedby')) ?? '';
      const messages = await Promise.all(described.split(' ').filter(Boolean).map((id) => text(p.locator(`[id="${id}"]`))));
      expect(messages.join(' '), `${field} is described by its error`).toContain(problems.find((x) => x.startsWith(`#${field} `))!.slice(field.length + 2));
    }
    // What was typed is still there, and the certificate, which passed its checks, is already uploaded.
    expect(await text(p.locator('fieldset', { hasText: 'Allegati caricati' }))).toContain('certificato.pdf');
    expect(await p.locator('#dal').inputValue()).toBe(dayInMilan(-3));
    expect(await p.locator('#al').inputValue()).toBe(dayInMilan(60));
    expect(await p.locator('input[name="giorni"]:checked').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value))).toEqual(['mar', 'gio']);
    expect(await p.locator('#unita').inputValue()).toBe('12');
    expect(await p.locator('#note').inputValue()).toBe('Citofono: Bianchi, secondo piano.');
    await noViolations(p, 'step 3 with errors', PHONE_WITHOUT_JS);
    // The first link of the summary leads to the field.
    await summary.getByRole('link', { name: 'Descrivi di cosa hai bisogno.' }).focus();
    await p.keyboard.press('Enter');
    await p.waitForURL((url) => url.hash === '#bisogno');
    expect(await p.locator('#bisogno:focus').count(), 'the field has the focus').toBe(1);
    await p.keyboard.type(needs);
    await p.locator('#dal').fill(dayInMilan(7));
    await p.locator('#persone').fill('1');
    await next(4);

    // 4. Where: a Municipio of the first card's zone, the one the second card leaves out least (a Municipio outside
    // a chosen card's zone is warned about first: test/browser/requests-coverage).
    await noViolations(p, 'step 4', PHONE_WITHOUT_JS);
    const home = await db.one<{ slug: string; outside: number }>(
      `select t.slug,
              (select count(*)::int from service_request_target rt
                where rt.request_id = $1 and exists (select 1 from service_area a where a.service_id = rt.service_id)
                  and not exists (select 1 from service_area a where a.service_id = rt.service_id and a.municipio_id = t.id)) as outside
         from service_area z join taxonomy_term t on t.id = z.municipio_id
        where z.service_id = $2 order by outside, t.position limit 1`,
      [requestId, card1.id],
    );
    const chosenMunicipio = home.slug;
    const municipio = p.locator('#municipio');
    await municipio.focus();
    await municipio.selectOption(chosenMunicipio);
    await p.locator('#indirizzo').fill('Via Padova 10, 20127 Milano');

    // Back a step, without saving step 4: step 3 shows what was saved, with the certificate uploaded.
    await follow(p, p.getByRole('link', { name: 'Indietro' }), (x) => x === stepPath(3), KEYBOARD);
    expect(await p.locator('#bisogno').inputValue()).toBe(needs);
    expect(await p.locator('#dal').inputValue()).toBe(dayInMilan(7));
    expect(await p.locator('#persone').inputValue()).toBe('1');
    const uploaded = p.locator('fieldset', { hasText: 'Allegati caricati' });
    expect(await text(uploaded)).toContain('certificato.pdf');
    await noViolations(p, 'step 3 with an attachment', PHONE_WITHOUT_JS);
    await next(4);
    await p.locator('#municipio').selectOption(chosenMunicipio);
    await p.locator('#indirizzo').fill('Via Padova 10, 20127 Milano');
    if (home.outside > 0) {
      // Enter in the address: step 4 again with the warning, then "Prosegui comunque".
      await next(4, p.locator('#indirizzo'));
      expect(await text(p.locator('.wemi-req-zone'))).toContain('è fuori dalla zona servita');
      await noViolations(p, 'step 4 with the zone warning', PHONE_WITHOUT_JS);
      await next(5, p.getByRole('button', { name: 'Prosegui comunque' }));
    } else await next(5, p.locator('#indirizzo'));

    // 5. The summary: everything given, no problem left; then send.
    await noViolations(p, 'step 5, summary', PHONE_WITHOUT_JS);
    expect(await p.locator('#error-summary').count()).toBe(0);
    const all = await text(p.locator('main'));
    for (const expected of [card1.organization_name, card2.organization_name, 'Anna Bianchi', 'Madre', needs, 'certificato.pdf', 'Via Padova 10, 20127 Milano']) {
      expect(all).toContain(expected);
    }
    expect(await submit(p, p.getByRole('button', { name: 'Invia la richiesta' }), KEYBOARD)).toBe(303);
    expect(path(p)).toBe(`/richieste/${requestId}/inviata`);
    expect(await text(p.locator('.wemi-req-ack'))).toContain('Abbiamo inviato la tua richiesta a 2 enti.');
    expect(await text(p.locator('.wemi-req-reference'))).toBe(reference);
    await noViolations(p, 'acknowledgement', PHONE_WITHOUT_JS);
    const mail = await db.query<{ subject: string; text_body: string }>('select subject, text_body from email_outbox where to_address = $1', [citizen.email]);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain(reference);
    expect(mail[0]!.text_body).toContain(`/richieste/${requestId}`);

    // The ente: told by e-mail, it finds the request in its inbox, with the need and the certificate.
    const enteMail = await db.query<{ subject: string }>('select subject from email_outbox where to_address = $1', [enteAdmin.email]);
    expect(enteMail.map((m) => m.subject).join(' ')).toContain(reference);
    const enteBrowser = await loggedIn(site, enteAdmin.id, PHONE_WITHOUT_JS);
    const e = enteBrowser.page;
    const inbox = `/gestione-ente/${card2.organization_id}/richieste`;
    expect((await e.goto(site.baseUrl + inbox))?.status()).toBe(200);
    await noViolations(e, 'ente inbox', PHONE_WITHOUT_JS);
    await follow(e, e.getByRole('link', { name: reference, exact: true }), (x) => x.startsWith(`${inbox}/`), KEYBOARD);
    const detail = await text(e.locator('main'));
    expect(detail).toContain(reference);
    expect(detail).toContain(needs);
    expect(detail).toContain('Anna Bianchi');
    const attachment = e.getByRole('link', { name: 'certificato.pdf' });
    const download = await enteBrowser.context.request.get(site.baseUrl + (await attachment.getAttribute('href')));
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await download.body()).equals(certificate), 'the ente gets the very file uploaded').toBe(true);
    await noViolations(e, 'ente request detail', PHONE_WITHOUT_JS);

    expect(unexpected(citizenBrowser.problems, [400]), 'citizen console').toEqual([]);
    expect(enteBrowser.problems, 'ente console').toEqual([]);
    await Promise.all([citizenBrowser.context.close(), enteBrowser.context.close()]);
  }, 300_000);
});
