import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PER_MINUTE } from '../../src/features/feedback/feedback.schema';
import { createTestApp, csrfFor, type TestApp } from '../support/app';
import { auditRows } from '../support/audit';
import { form, requestsTo } from '../support/http';

describe('page feedback widget', () => {
  let t: TestApp;
  let csrf: { cookie: string; token: string };
  beforeAll(async () => {
    t = await createTestApp();
    csrf = await csrfFor(t.app);
  });
  afterAll(async () => t?.close());

  const http = requestsTo(() => t.app);
  const postForm = (fields: Record<string, string>, withToken = true) => http.post('/feedback', fields, csrf, withToken);

  const postJson = (body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/feedback',
      headers: { 'content-type': 'application/json', accept: 'application/json', cookie: csrf.cookie, 'x-csrf-token': csrf.token },
      payload: body,
    });

  const rowsFor = (page: string) =>
    t.db.query<{ rating: number; answer: string | null; details: string | null; locale: string }>(
      `select rating, answer, details, locale from page_feedback where page_path = $1 order by created_at`,
      [page],
    );
  const auditFor = (page: string) => auditRows(t.db, { targetId: page });

  it('renders the widget with the fixed texts and data-element attributes on content pages', async () => {
    const res = await t.app.inject('/faq');
    const html = res.body;
    expect(html).toMatch(/data-element="feedback-title"[^>]*>Quanto sono chiare le informazioni su questa pagina\?</);
    for (let n = 1; n <= 5; n++) expect(html).toContain(`data-element="feedback-rate-${n}"`);
    expect(html).toMatch(/data-element="feedback-rating-negative"[\s\S]*?data-element="feedback-rating-question">Dove hai incontrato le maggiori difficoltà\?</);
    expect(html).toMatch(/data-element="feedback-rating-positive"[\s\S]*?data-element="feedback-rating-question">Quali sono stati gli aspetti che hai preferito\?</);
    for (const answer of [
      'A volte le indicazioni non erano chiare',
      'A volte le indicazioni non erano complete',
      'A volte non capivo se stavo procedendo correttamente',
      'Ho avuto problemi tecnici',
      'Le indicazioni erano chiare',
      'Le indicazioni erano complete',
      'Capivo sempre che stavo procedendo correttamente',
      'Non ho avuto problemi tecnici',
    ]) {
      expect(html).toContain(`data-element="feedback-rating-answer">${answer}</label>`);
    }
    expect((html.match(/data-element="feedback-rating-answer">Altro</g) ?? []).length).toBe(2);
    expect(html).toContain('data-element="feedback-input-text"');
    expect(html).toContain(`name="_csrf" value="`);
    expect(html).toMatch(/<fieldset class="wemi-stars"[^>]*>\s*<legend class="visually-hidden">Valuta da 1 a 5 stelle la pagina<\/legend>/);
  });

  it('refuses a POST without the CSRF token (403) and stores nothing', async () => {
    const res = await postForm({ page: '/csrf-test', rating: '4' }, false);
    expect(res.statusCode).toBe(403);
    expect(await rowsFor('/csrf-test')).toHaveLength(0);
  });

  it('stores a JSON (fetch) submission with its audit row', async () => {
    const res = await postJson({ page: '/faq', rating: 5, answer: 'indicazioni_chiare', details: 'Tutto chiaro', step: 'answer' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ message: 'Grazie, il tuo parere ci aiuterà a migliorare il servizio!' });
    expect(await rowsFor('/faq')).toEqual([{ rating: 5, answer: 'indicazioni_chiare', details: 'Tutto chiaro', locale: 'it' }]);
    const audit = await auditFor('/faq');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'feedback.submit', target_type: 'page', details: { rating: 5, feedbackId: (res.json() as { id: string }).id } });
    expect(audit[0]!.ip).toBeTruthy();
  });

  it('accepts the urlencoded body the script sends with the x-csrf-token header', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/feedback',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie: csrf.cookie, 'x-csrf-token': csrf.token },
      payload: form({ page: '/contatti', rating: '2', answer: 'problemi_tecnici', details: '', step: 'answer' }),
    });
    expect(res.statusCode).toBe(201);
    expect(await rowsFor('/contatti')).toEqual([{ rating: 2, answer: 'problemi_tecnici', details: null, locale: 'it' }]);
  });

  it('answers an invalid rating with 400 and the error summary, keeping the values', async () => {
    const res = await postForm({ page: '/privacy', rating: '9', details: 'Il mio commento', step: 'answer' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('id="error-summary"');
    expect(res.body).toContain('href="#feedback-rating-1">Seleziona una valutazione da 1 a 5 stelle</a>');
    expect(res.body).toContain('>Il mio commento</textarea>');
    expect(res.body).toContain('name="page" value="/privacy"');
    expect(await rowsFor('/privacy')).toHaveLength(0);

    const json = await postJson({ page: '/privacy', rating: 0 });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ error: { code: 'bad_request', issues: [{ field: 'rating' }] } });
  });

  it('refuses an answer of the other polarity, over-long details and unsafe page paths', async () => {
    const wrong = await postForm({ page: '/privacy', rating: '5', answer: 'problemi_tecnici', step: 'answer' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Scegli una delle risposte proposte');
    expect(wrong.body).toContain('data-element="feedback-rating-positive"');

    const long = await postForm({ page: '/privacy', rating: '4', details: 'x'.repeat(2001), step: 'answer' });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('massimo 2000 caratteri');

    for (const page of ['//evil.example/x', 'https://evil.example/', '/\\evil', `/${'a'.repeat(500)}`]) {
      const res = await postJson({ page, rating: 3 });
      expect(res.statusCode, page).toBe(400);
      expect(res.json()).toMatchObject({ error: { issues: [{ field: 'page' }] } });
    }
    expect(await rowsFor('/privacy')).toHaveLength(0);
  });

  it('works without JavaScript in two steps: rating, then the follow-up question, then thanks', async () => {
    const page = '/note-legali';
    const step1 = await postForm({ page, rating: '4', step: 'rating' });
    expect(step1.statusCode).toBe(303);
    expect(step1.headers.location).toBe('/feedback?pagina=%2Fnote-legali&voto=4');
    expect(await rowsFor(page)).toHaveLength(0);

    const followUp = await t.app.inject({ url: step1.headers.location as string, headers: { cookie: csrf.cookie } });
    expect(followUp.statusCode).toBe(200);
    expect(followUp.body).toContain('La tua valutazione: 4 stelle su 5.');
    expect(followUp.body).toContain('Quali sono stati gli aspetti che hai preferito?');
    expect(followUp.body).not.toContain('Dove hai incontrato le maggiori difficoltà?');
    expect(followUp.body).toContain('name="rating" value="4"');
    expect(followUp.body).toContain('href="/note-legali"');

    const step2 = await postForm({ page, rating: '4', answer: 'indicazioni_complete', details: 'Bene', step: 'answer' });
    expect(step2.statusCode).toBe(303);
    expect(step2.headers.location).toBe('/feedback?pagina=%2Fnote-legali&inviato=1');
    expect(await rowsFor(page)).toEqual([{ rating: 4, answer: 'indicazioni_complete', details: 'Bene', locale: 'it' }]);
    expect(await auditFor(page)).toHaveLength(1);

    const thanks = await t.app.inject(step2.headers.location as string);
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain('Grazie, il tuo parere ci aiuterà a migliorare il servizio!');
    expect(thanks.body).toContain('href="/note-legali"');
  });

  it('asks where the difficulties were for 1–3 stars, and goes back to the stars when none is chosen', async () => {
    const low = await t.app.inject('/feedback?pagina=%2Ffaq&voto=2');
    expect(low.body).toContain('Dove hai incontrato le maggiori difficoltà?');
    expect(low.body).not.toContain('Quali sono stati gli aspetti che hai preferito?');

    const none = await postForm({ page: '/faq', step: 'rating' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Seleziona una valutazione da 1 a 5 stelle');
    expect(none.body).toContain('data-element="feedback-rate-1"');

    expect((await t.app.inject('/feedback?pagina=https://evil.example')).statusCode).toBe(400);
  });

  it('refuses floods: more than the limit per page per minute from one address', async () => {
    const page = '/accessibilita';
    for (let i = 0; i < MAX_PER_MINUTE; i++) {
      expect((await postJson({ page, rating: 3 })).statusCode).toBe(201);
    }
    const over = await postJson({ page, rating: 3 });
    expect(over.statusCode).toBe(429);
    const overHtml = await postForm({ page, rating: '3', step: 'answer' });
    expect(overHtml.statusCode).toBe(429);
    expect(overHtml.body).toContain('Hai inviato troppe valutazioni per questa pagina');
    expect(await rowsFor(page)).toHaveLength(MAX_PER_MINUTE);
    // Another page is not affected.
    expect((await postJson({ page: '/mappa-del-sito', rating: 3 })).statusCode).toBe(201);
  });

  it('speaks English when the visitor chose it', async () => {
    const res = await t.app.inject('/feedback?pagina=%2Ffaq&voto=5&lang=en');
    expect(res.body).toContain('What did you like most?');
    expect(res.body).toContain('Your rating: 5 stars out of 5.');
  });
});
