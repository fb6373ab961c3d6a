import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft } from '../../src/features/requests/requests-citizen.repository';
import { USER_REFERENCES } from '../../src/features/accounts/personal/my-data.presenter';
import { createTestApp, csrfFor, type TestApp } from '../support/app';
import { actingAs, createTestUser, sessionFrom, type TestUser } from '../support/accounts';
import { auditRows } from '../support/audit';
import { dayInMilan, pdf } from '../support/fixtures';
import { text } from '../support/html';
import { expectRedirect, requestsTo, type Auth, type Fields } from '../support/http';
import { queuedMail } from '../support/outbox';

// "I miei dati" holds everything WeMi keeps about a person (issue 10): a citizen goes through every kind of
// personal data through the real routes — a request sent to an ente with an attachment, the ente's offer with
// its PDF, a message each way with an attachment, acceptance, the work done, a review, a complaint answered by
// the City, notifications, e-mails — and finds each in the JSON file and in the summary page; another
// citizen's data, and the people who worked on the request, are not there. Then the account is deleted: the
// public confirmation page, the e-mail queued in the same transaction, and the data gone (or kept, as the page
// says). Every column that points at an account is listed in the export's map of personal data.

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

interface Card {
  id: string;
  organization_id: string;
  service_type_id: string;
}

/** What one citizen's story left behind, each piece with a text of its own to look for. */
interface Story {
  tag: string;
  requestId: string;
  reference: string;
  draftReference: string;
  enteRequestId: string;
  complaintReference: string;
  texts: {
    needs: string;
    beneficiary: string;
    notes: string;
    attachment: string;
    offerNotes: string;
    quote: string;
    citizenMessage: string;
    citizenFile: string;
    enteMessage: string;
    enteFile: string;
    complaintSubject: string;
    complaintBody: string;
    complaintAnswer: string;
    review: string;
  };
}

describe('my data (GDPR art. 15, 17, 20): everything, and nothing of anyone else', () => {
  let t: TestApp;
  let card: Card;
  let municipio: string;
  let citizen: TestUser;
  let other: TestUser;
  let enteAdmin: TestUser;
  let cityStaff: TestUser;
  const as: Record<string, Auth> = {};
  let mine: Story;
  let theirs: Story;

  const http = requestsTo(() => t.app);
  const { get, post, postMultipart } = http;

  beforeAll(async () => {
    t = await createTestApp();
    card = await t.db.one<Card>(
      `select s.id, s.organization_id, s.service_type_id from service s join organization o on o.id = s.organization_id
        where s.status = 'published' and o.status = 'active'
          and exists (select 1 from service_area a where a.service_id = s.id)
        order by s.slug limit 1`,
    );
    municipio = (
      await t.db.one<{ slug: string }>(
        `select t.slug from service_area a join taxonomy_term t on t.id = a.municipio_id where a.service_id = $1 order by t.position limit 1`,
        [card.id],
      )
    ).slug;
    citizen = await createTestUser(t.db, { givenName: 'Ginevra', familyName: 'Portabili', fiscalCode: 'PRTGVR80A41F205X' });
    other = await createTestUser(t.db, { givenName: 'Ottavio', familyName: 'Estraneo' });
    enteAdmin = await createTestUser(t.db, { kind: 'ente', givenName: 'Ernesto', familyName: 'Operatorente', roles: [{ role: 'ente_admin', organizationId: card.organization_id }] });
    cityStaff = await createTestUser(t.db, { kind: 'staff', givenName: 'Cesira', familyName: 'Comunale', roles: [{ role: 'city', permission: 'requests' }] });
    for (const [k, u] of Object.entries({ citizen, other, enteAdmin, cityStaff })) as[k] = await actingAs(t.app, t.db, u.id);
    mine = await story(citizen, as.citizen!, 'alfa');
    theirs = await story(other, as.other!, 'omega');
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  /** Expects a 303, to `location` when given. */
  const ok = (res: Awaited<ReturnType<typeof get>>, location?: string | RegExp) => expectRedirect(res, location ?? /./);

  /**
   * One citizen's whole story through the real routes: a draft, a request sent to the ente with an attachment,
   * the ente's offer with a PDF, a message each way with an attachment, acceptance, start, completion, a review,
   * a complaint the City answers, the City reading the conversation.
   */
  async function story(user: TestUser, auth: Auth, tag: string): Promise<Story> {
    const texts: Story['texts'] = {
      needs: `Aiuto per la spesa ${tag}`,
      beneficiary: `Nonna ${tag}`,
      notes: `Citofono ${tag}`,
      attachment: `certificato-${tag}.pdf`,
      offerNotes: `Prima visita gratuita ${tag}`,
      quote: `preventivo-${tag}.pdf`,
      citizenMessage: `Buongiorno, possiamo iniziare lunedì? ${tag}`,
      citizenFile: `foto-${tag}.png`,
      enteMessage: `Certo, ecco il programma ${tag}`,
      enteFile: `programma-${tag}.pdf`,
      complaintSubject: `Ritardo ${tag}`,
      complaintBody: `L’operatrice è arrivata tardi ${tag}`,
      complaintAnswer: `Abbiamo sentito l’ente ${tag}`,
      review: `Servizio puntuale ${tag}`,
    };
    // A draft never sent, and the request sent through the stepper.
    const draft = await createDraft(t.db, user.id, card.service_type_id);
    const req = await createDraft(t.db, user.id, card.service_type_id);
    const step = (n: number) => `/richieste/${req.id}/passo/${n}`;
    ok(await post(step(1), { enti: [card.id] }, auth), step(2));
    ok(await post(step(2), { per_chi: 'other', nome_beneficiario: texts.beneficiary, relazione: 'Nipote' }, auth), step(3));
    const step3: Fields = { bisogno: texts.needs, dal: dayInMilan(10), al: dayInMilan(40), giorni: ['lun', 'mer'], persone: '1', unita: '3', note: texts.notes };
    ok(await postMultipart(step(3), step3, [{ field: 'allegati', name: texts.attachment, type: 'application/pdf', data: pdf(texts.attachment) }], auth), step(4));
    ok(await post(step(4), { municipio, indirizzo: `Via ${tag} 1, Milano` }, auth), step(5));
    ok(await post(`/richieste/${req.id}/invia`, {}, auth));
    const er = await t.db.one<{ id: string }>('select id from ente_request where request_id = $1', [req.id]);
    const ente = `/gestione-ente/${card.organization_id}/richieste/${er.id}`;
    const thread = `/richieste/${req.id}/enti/${er.id}/messaggi`;

    // The ente's offer with a PDF; a message each way, each with an attachment.
    const offer: Fields = { prezzo: '120,50', dal: dayInMilan(10), al: dayInMilan(40), fascia: 'mattina', scadenza: dayInMilan(5), note: texts.offerNotes };
    ok(await postMultipart(`${ente}/offerta`, offer, [{ field: 'preventivo', name: texts.quote, type: 'application/pdf', data: pdf(texts.quote) }], as.enteAdmin!));
    ok(await postMultipart(thread, { testo: texts.citizenMessage }, [{ field: 'allegato', name: texts.citizenFile, type: 'image/png', data: png }], auth));
    ok(await postMultipart(`${ente}/messaggi`, { testo: texts.enteMessage }, [{ field: 'allegato', name: texts.enteFile, type: 'application/pdf', data: pdf(texts.enteFile) }], as.enteAdmin!));

    // Accepted, started, completed; a review; a complaint the City answers; the City reads the conversation.
    ok(await post(`/richieste/${req.id}/enti/${er.id}/accetta`, {}, auth));
    ok(await post(`${ente}/avvia`, {}, as.enteAdmin!));
    ok(await post(`${ente}/completa`, {}, as.enteAdmin!));
    ok(await post(`/richieste/${req.id}/enti/${er.id}/recensione`, { overall: '4', punctuality: '5', speed: '3', professionalism: '4', comment: texts.review }, auth));
    ok(await post(`/richieste/${req.id}/enti/${er.id}/reclamo`, { oggetto: texts.complaintSubject, testo: texts.complaintBody }, auth));
    const complaint = await t.db.one<{ id: string; reference: string }>('select id, reference from complaint where ente_request_id = $1', [er.id]);
    ok(await post(`/gestione-wemi/reclami/${complaint.id}/stato`, { azione: 'take' }, as.cityStaff!));
    ok(await post(`/gestione-wemi/reclami/${complaint.id}/risposta`, { risposta: texts.complaintAnswer }, as.cityStaff!));
    expect((await get(`/gestione-wemi/richieste/${er.id}/messaggi`, as.cityStaff!)).statusCode).toBe(200);

    const reference = (await t.db.one<{ reference: string }>('select reference from service_request where id = $1', [req.id])).reference;
    return { tag, requestId: req.id, reference, draftReference: draft.reference, enteRequestId: er.id, complaintReference: complaint.reference, texts };
  }

  /** Everything of `s` that must be in its owner's export, and in nobody else's. */
  const everything = (s: Story) => [s.reference, s.draftReference, s.complaintReference, ...Object.values(s.texts)];

  /** The people who worked on the requests: their names, addresses and ids are theirs. */
  const staff = () => [enteAdmin.email, enteAdmin.id, 'Operatorente', cityStaff.email, cityStaff.id, 'Comunale'];

  it('the JSON file holds every kind of the person’s data, versioned, as an attachment, audited', async () => {
    const res = await get('/area-personale/i-miei-dati.json', as.citizen!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="wemi-i-miei-dati-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.json();
    expect(data).toMatchObject({ format: 'wemi-personal-data', formatVersion: 2 });
    expect(data.profile).toMatchObject({ givenName: 'Ginevra', familyName: 'Portabili', email: citizen.email, fiscalCode: 'PRTGVR80A41F205X' });
    expect(data.identities.spidCie).toEqual({ linked: true, fiscalCode: 'PRTGVR80A41F205X' });

    // Requests: the draft and the sent one, with what was written and the attachment's metadata (not its bytes).
    const refs = data.requests.map((r: { reference: string }) => r.reference);
    expect(refs).toEqual(expect.arrayContaining([mine.reference, mine.draftReference]));
    const sent = data.requests.find((r: { reference: string }) => r.reference === mine.reference);
    expect(sent).toMatchObject({
      status: 'sent',
      details: { needs: mine.texts.needs, beneficiaryName: mine.texts.beneficiary, notes: mine.texts.notes, forWhom: 'other', days: ['lun', 'mer'], people: 1, units: 3 },
      attachments: [{ name: mine.texts.attachment, type: 'application/pdf', sizeBytes: expect.any(Number), uploadedAt: expect.any(String), link: expect.stringMatching(/\/richieste\/.+\/allegati\//) }],
    });
    expect(sent.chosenServices).toHaveLength(1);
    expect(JSON.stringify(sent)).not.toContain('%PDF');

    // The ente's copy: the offer with its PDF, every status change, the conversation both ways with attachments.
    expect(sent.enti).toHaveLength(1);
    const copy = sent.enti[0];
    expect(copy.status).toBe('completed');
    expect(copy.offer).toMatchObject({ price: 120.5, notes: mine.texts.offerNotes, file: { name: mine.texts.quote, type: 'application/pdf' } });
    expect(copy.statusHistory.map((h: { to: string }) => h.to)).toEqual(['sent', 'offered', 'accepted', 'in_progress', 'completed']);
    expect(copy.statusHistory.find((h: { to: string }) => h.to === 'accepted').by).toBe('you');
    expect(copy.statusHistory.find((h: { to: string }) => h.to === 'offered').by).toBe('ente');
    expect(copy.conversation.messages).toEqual([
      expect.objectContaining({ from: 'you', text: mine.texts.citizenMessage, attachment: expect.objectContaining({ name: mine.texts.citizenFile, type: 'image/png' }) }),
      expect.objectContaining({ from: 'ente', text: mine.texts.enteMessage, attachment: expect.objectContaining({ name: mine.texts.enteFile, type: 'application/pdf' }) }),
    ]);

    // Complaint with the City's answer; the review; notifications; e-mails; files uploaded.
    expect(data.complaints).toEqual([
      expect.objectContaining({ reference: mine.complaintReference, request: mine.reference, subject: mine.texts.complaintSubject, text: mine.texts.complaintBody, answer: mine.texts.complaintAnswer }),
    ]);
    expect(data.reviews).toEqual([expect.objectContaining({ request: mine.reference, comment: mine.texts.review, ratings: { overall: 4, punctuality: 5, speed: 3, professionalism: 4 }, commentStatus: 'pending' })]);
    const kinds = data.notifications.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['request.offer', 'thread.message', 'complaint.answer']));
    expect(data.emailMessages.some((m: { subject: string }) => m.subject.includes(mine.complaintReference))).toBe(true);
    expect(data.uploadedFiles.map((f: { name: string; usedFor: string }) => [f.name, f.usedFor])).toEqual(
      expect.arrayContaining([
        [mine.texts.attachment, 'request-attachment'],
        [mine.texts.citizenFile, 'message-attachment'],
      ]),
    );

    // The activity log: the person's own actions and what others did to their records (the City reading the
    // conversation), without who those others are.
    const log = data.activityLog as { action: string; byMe: boolean; ip: string | null; targetId: string | null }[];
    expect(log.some((a) => a.action === 'review.create' && a.byMe)).toBe(true);
    const cityRead = log.find((a) => a.action === 'thread.read_by_city');
    expect(cityRead).toMatchObject({ byMe: false, ip: null, targetId: mine.enteRequestId });

    // Each export is audited, with its format.
    expect((await auditRows(t.db, { action: 'gdpr.export', actorId: citizen.id })).map((r) => r.details)).toContainEqual({ format: 'json' });
  });

  it('the summary page shows the same data, section by section, printable, with empty states', async () => {
    const res = await get('/area-personale/i-miei-dati/riepilogo', as.citizen!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const page = text(res.body);
    for (const s of everything(mine)) expect(page, s).toContain(s);
    for (const heading of ['Account e profilo', 'Identità digitali e accessi', 'Richieste agli enti', 'Reclami', 'Recensioni', 'Avvisi ricevuti', 'Messaggi e-mail inviati a te', 'Registro delle attività', 'Cosa non è incluso']) {
      expect(res.body).toMatch(new RegExp(`<h2[^>]*>${heading}</h2>`));
    }
    expect(page).toContain('120,50');
    expect(page).toContain('da «Offerta ricevuta» a «Offerta accettata» (tu)');
    // Links to the files, not their bytes.
    expect(res.body).toMatch(new RegExp(`<a href="/richieste/${mine.requestId}/enti/${mine.enteRequestId}/messaggi/[0-9a-f-]+/allegato">${mine.texts.enteFile}</a>`));
    expect(res.body).not.toContain('%PDF');
    // Empty states where the person has nothing.
    expect(page).toContain('Non hai presentato domande per diventare ente WeMi.');
    expect(page).toContain('Nessuna attività per un ente o per il Comune.');
    expect((await auditRows(t.db, { action: 'gdpr.export', actorId: citizen.id })).map((r) => r.details)).toContainEqual({ format: 'html' });

    // Someone with nothing but an account sees every empty state, not an error.
    const newcomer = await createTestUser(t.db);
    const empty = text((await get('/area-personale/i-miei-dati/riepilogo', await actingAs(t.app, t.db, newcomer.id))).body);
    for (const s of ['Non hai richieste, nemmeno in bozza.', 'Non hai presentato reclami.', 'Non hai scritto recensioni.', 'Non hai avvisi.', 'Non hai caricato file.']) expect(empty).toContain(s);

    // The page documents the versioned shape of the file.
    const doc = await get('/area-personale/i-miei-dati', as.citizen!);
    expect(doc.body).toContain('href="/area-personale/i-miei-dati/riepilogo"');
    expect(text(doc.body)).toContain('"formatVersion": 2');
    for (const key of ['requests', 'complaints', 'reviews', 'notifications', 'uploadedFiles', 'activityLog']) expect(doc.body).toContain(`<code>${key}</code>`);
  });

  it('holds nothing of another citizen, nor the names and addresses of the people who worked on the request', async () => {
    const json = (await get('/area-personale/i-miei-dati.json', as.citizen!)).body;
    const html = (await get('/area-personale/i-miei-dati/riepilogo', as.citizen!)).body;
    for (const body of [json, text(html)]) {
      for (const s of [...everything(theirs), other.email, other.id, 'Estraneo', ...staff()]) expect(body, s).not.toContain(s);
    }
    // And the other citizen's export holds theirs, not mine.
    const otherJson = (await get('/area-personale/i-miei-dati.json', as.other!)).body;
    for (const s of everything(theirs)) expect(otherJson, s).toContain(s);
    for (const s of [...everything(mine), citizen.email, 'Portabili']) expect(otherJson, s).not.toContain(s);
  });

  it('the work done for an ente is in the staff member’s export, without the citizens’ data', async () => {
    const data = (await get('/area-personale/i-miei-dati.json', as.enteAdmin!)).json();
    expect(data.requests).toEqual([]);
    expect(data.work.enteRequestMoves.map((m: { to: string }) => m.to)).toEqual(expect.arrayContaining(['offered', 'in_progress', 'completed']));
    expect(data.work.messagesWritten).toEqual([expect.objectContaining({ count: 2 })]);
    // What the citizens wrote is not there (the references are: in the subjects of the e-mails this person received,
    // and the files this person uploaded are theirs).
    const body = JSON.stringify(data);
    for (const s of [...Object.values(mine.texts), ...Object.values(theirs.texts)].filter((x) => !x.startsWith('preventivo-') && !x.startsWith('programma-'))) expect(body, s).not.toContain(s);
    for (const s of [citizen.email, 'Portabili', other.email, 'Estraneo']) expect(body).not.toContain(s);
  });

  it('every column that points at an account is in the map of personal data of the export', async () => {
    const fks = await t.db.query<{ ref: string }>(
      `select c.relname || '.' || a.attname as ref
         from pg_constraint k
         join pg_class c on c.oid = k.conrelid
         join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
        where k.contype = 'f' and k.confrelid = 'app_user'::regclass
        order by 1`,
    );
    expect(fks.length).toBeGreaterThan(20);
    expect(fks.map((f) => f.ref).filter((r) => !(r in USER_REFERENCES))).toEqual([]);
    expect(Object.keys(USER_REFERENCES).filter((r) => !fks.some((f) => f.ref === r))).toEqual([]);
  });

  it('deleting the account: the confirmation page without a session, the e-mail with what went and what stays, the data gone', async () => {
    const leaver = await createTestUser(t.db, { givenName: 'Lavinia', familyName: 'Partente' });
    const auth = await actingAs(t.app, t.db, leaver.id);
    const kept = await story(leaver, auth, 'zeta');
    const before = await t.db.one<{ drafts: number; notes: number }>(
      `select (select count(*)::int from service_request where citizen_id = $1 and status = 'draft') as drafts,
              (select count(*)::int from notification where user_id = $1) as notes`,
      [leaver.id],
    );
    expect(before.drafts).toBe(1);
    expect(before.notes).toBeGreaterThan(0);

    // The confirmation step first: the page, then the form with the word.
    expect((await get('/area-personale/elimina-account', auth)).statusCode).toBe(200);
    expect((await post('/area-personale/elimina-account', { confirm_word: '' }, auth)).statusCode).toBe(400);
    const res = await post('/area-personale/elimina-account', { confirm_word: 'elimina' }, auth);
    expectRedirect(res, '/account-eliminato');
    expect(sessionFrom(res)).toBe('');

    // The page, without a session (the cookie is gone): what was deleted, what is kept, for how long.
    const page = await get('/account-eliminato', (await csrfFor(t.app)).cookie);
    expect(page.statusCode).toBe(200);
    const words = text(page.body);
    expect(words).toContain('Account eliminato');
    expect(words).toContain('le bozze di richiesta mai inviate');
    expect(words).toContain('le richieste già inviate agli enti');
    expect(words).toContain('12 mesi il registro di sicurezza');
    expect(words).toContain('ti abbiamo inviato a quell’indirizzo una conferma');
    expect(page.body).toContain('<meta name="robots" content="noindex"');
    expect((await get('/account-eliminato?lang=en')).statusCode).toBe(200);

    // The e-mail, to the address the person had, queued in the same transaction as the deletion.
    const mails = await queuedMail(t.db, leaver.email, { subjectContains: 'eliminato' });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('WeMi: il tuo account è stato eliminato');
    for (const s of ['Abbiamo cancellato', 'bozze di richiesta mai inviate', 'richieste già inviate agli enti', '12 mesi il registro di sicurezza', '/account-eliminato', '/privacy']) {
      expect(mails[0]!.text_body).toContain(s);
    }
    const deletedAt = await t.db.one<{ deleted_at: Date }>('select deleted_at from app_user where id = $1', [leaver.id]);
    const queuedAt = await t.db.one<{ created_at: Date }>(`select created_at from email_outbox where to_address = $1 and subject like '%eliminato%'`, [leaver.email]);
    expect(queuedAt.created_at.getTime()).toBe(deletedAt.deleted_at.getTime());

    // Gone: the personal fields, the drafts, the notices, the sessions; the export of nobody holds them.
    const row = await t.db.one('select email, given_name, family_name, fiscal_code, status from app_user where id = $1', [leaver.id]);
    expect(row).toEqual({ email: null, given_name: '', family_name: '', fiscal_code: null, status: 'deleted' });
    const after = await t.db.one<{ drafts: number; notes: number; sessions: number }>(
      `select (select count(*)::int from service_request where citizen_id = $1 and status = 'draft') as drafts,
              (select count(*)::int from notification where user_id = $1) as notes,
              (select count(*)::int from user_session where user_id = $1) as sessions`,
      [leaver.id],
    );
    expect(after).toEqual({ drafts: 0, notes: 0, sessions: 0 });
    expect((await get('/area-personale/i-miei-dati.json', auth)).statusCode).toBe(303);
    // Kept, as the page says: the request the ente received, without the person's name or address.
    const ente = await get(`/gestione-ente/${card.organization_id}/richieste/${kept.enteRequestId}`, as.enteAdmin!);
    expect(ente.statusCode).toBe(200);
    expect(text(ente.body)).toContain(kept.reference);
    expect(ente.body).not.toContain('Partente');
    expect(ente.body).not.toContain(leaver.email);
    const audit = await auditRows(t.db, { action: 'gdpr.delete', actorId: leaver.id });
    expect(audit[0]!.details).toMatchObject({ draftsDeleted: 1, confirmationSent: true });
  });
});
