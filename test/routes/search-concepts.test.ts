import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/features/search/search.schema';
import { createTestApp, type TestApp } from '../support/app';
import { actingAs, createTestUser } from '../support/accounts';
import { lastAudit } from '../support/audit';
import { decode } from '../support/html';
import { requestsTo, type Auth } from '../support/http';

// The concept dictionary of the search, edited by the City in the taxonomy section of the back office without
// code (issue 9): list, add, edit, delete; permissions, CSRF, audit rows, Italian validation messages; and every
// change reaches the search at once (the table's trigger notifies the catalogue caches).

const LIST = '/gestione-wemi/tassonomie/concetti-di-ricerca';
/** A word no card has: what it finds comes from the concept only. */
const WORD = 'zorblaxite';

describe('City back office: the concept dictionary of the search', () => {
  let t: TestApp;
  let editorAuth: Auth;
  let officerAuth: Auth;
  let editorId: string;
  const { get, post } = requestsTo(() => t.app);
  const search = async (q: string) => {
    const res = await get(`/api/v1/services?${new URLSearchParams({ q, per_pagina: '100' })}`);
    expect(res.statusCode, q).toBe(200);
    return res.json() as SearchResponse;
  };
  const errorSummary = (html: string) => [...html.matchAll(/<a href="#([^"]*)">([^<]*)<\/a>/g)].map((m) => `${m[1]}: ${decode(m[2]!)}`);

  beforeAll(async () => {
    t = await createTestApp();
    const editor = await createTestUser(t.db, { kind: 'staff', givenName: 'Carla', familyName: 'Contenuti', roles: [{ role: 'city', permission: 'content' }] });
    const officer = await createTestUser(t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'enti' }] });
    editorId = editor.id;
    editorAuth = await actingAs(t.app, t.db, editor.id);
    officerAuth = await actingAs(t.app, t.db, officer.id);
  });
  afterAll(async () => t?.close());

  it('is open to the City staff of the taxonomy section only', async () => {
    expect((await get(LIST)).statusCode).toBe(303);
    for (const auth of [editorAuth, officerAuth]) expect((await get(LIST, auth)).statusCode).toBe(200);
    const citizen = await createTestUser(t.db);
    const users = await createTestUser(t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'users' }] });
    for (const user of [citizen, users]) {
      const auth = await actingAs(t.app, t.db, user.id);
      expect((await get(LIST, auth)).statusCode).toBe(403);
      expect((await post(`${LIST}/nuovo`, { etichetta: 'X', tipo: 'concetto', termini: 'x', correlati: 'y' }, auth)).statusCode).toBe(403);
    }
    // The taxonomy section links to it.
    expect((await get('/gestione-wemi/tassonomie', editorAuth)).body).toContain(`href="${LIST}"`);
  });

  it('lists the seeded dictionary, with a filter', async () => {
    const page = await get(LIST, editorAuth);
    expect(page.body).toContain('Alzheimer e demenza');
    expect(page.body).toContain('Parole di richiesta');
    const filtered = await get(`${LIST}?q=alzheimer`, editorAuth);
    expect(filtered.body).toContain('Alzheimer e demenza');
    expect(filtered.body).not.toContain('Pasti a domicilio</th>');
    expect((await get(`${LIST}?tipo=xyz`, editorAuth)).statusCode).toBe(400);
  });

  it('adds, edits and deletes a concept, audited, and the search follows at once', async () => {
    expect((await search(WORD)).total).toBe(0);
    // Without the CSRF token: refused.
    expect((await post(`${LIST}/nuovo`, { etichetta: 'Zorblaxite', tipo: 'concetto', termini: WORD, correlati: 'pasti a domicilio' }, editorAuth, false)).statusCode).toBe(403);

    const created = await post(`${LIST}/nuovo`, { etichetta: 'Zorblaxite', tipo: 'concetto', termini: `${WORD.toUpperCase()}\nZorblàx`, correlati: 'pasti a domicilio', categorie: 'pasti_domicilio' }, editorAuth);
    expect(created.statusCode, created.body.slice(0, 500)).toBe(303);
    expect(String(created.headers.location)).toBe(`${LIST}?esito=concetto-creato`);
    const row = await t.db.one<{ id: string; terms: string[]; categories: string[]; updated_by: string }>(`select id, terms, categories, updated_by from search_concept where label = 'Zorblaxite'`);
    expect(row.terms).toEqual([WORD, 'zorblax']);
    expect(row.categories).toEqual(['pasti_domicilio']);
    expect(row.updated_by).toBe(editorId);
    const audit = await lastAudit(t.db, { action: 'catalogue.concept.create', targetId: row.id });
    expect(audit?.actor_id).toBe(editorId);
    expect(audit?.details).toMatchObject({ label: 'Zorblaxite', terms: [WORD, 'zorblax'] });
    // The search understands it now: only meals, the concept's category.
    const found = await search(`cerco ${WORD}`);
    expect(found.total).toBeGreaterThan(0);
    expect(found.understood.concepts).toEqual(['Zorblaxite']);
    for (const i of found.items) expect(i.category.slug).toBe('pasti-a-domicilio');

    // Edit: now it means psychologists.
    const form = await get(`${LIST}/${row.id}`, editorAuth);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="pasti_domicilio" checked');
    const edited = await post(`${LIST}/${row.id}`, { etichetta: 'Zorblaxite', tipo: 'concetto', termini: WORD, correlati: '', categorie: 'servizi_psicologici' }, editorAuth);
    expect(edited.statusCode).toBe(303);
    const after = await search(WORD);
    expect(after.total).toBeGreaterThan(0);
    for (const i of after.items) expect(i.category.slug).toBe('servizi-psicologici');
    expect((await lastAudit(t.db, { action: 'catalogue.concept.update', targetId: row.id }))?.details).toMatchObject({ after: { categories: ['servizi_psicologici'] } });

    // Delete: a confirmation page, then the search forgets it.
    const confirm = await get(`${LIST}/${row.id}/elimina`, editorAuth);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Elimina il concetto');
    expect((await post(`${LIST}/${row.id}/elimina`, {}, editorAuth)).statusCode).toBe(303);
    expect(await t.db.maybeOne('select 1 from search_concept where id = $1', [row.id])).toBeUndefined();
    expect((await lastAudit(t.db, { action: 'catalogue.concept.delete', targetId: row.id }))?.details).toMatchObject({ label: 'Zorblaxite' });
    expect((await search(WORD)).total).toBe(0);
    expect((await get(`${LIST}/${row.id}`, editorAuth)).statusCode).toBe(404);
  });

  it('words to ignore stop counting in the search once added', async () => {
    const before = await search('badante zorblaxiano');
    const created = await post(`${LIST}/nuovo`, { etichetta: 'Prova', tipo: 'ignora', termini: 'zorblaxiano' }, editorAuth);
    expect(created.statusCode).toBe(303);
    const after = await search('badante zorblaxiano');
    expect(after.understood.ignored).toEqual(['zorblaxiano']);
    expect(after.items.slice(0, 5).map((i) => i.id)).toEqual((await search('badante')).items.slice(0, 5).map((i) => i.id));
    expect(before.understood.ignored).toEqual([]);
  });

  it('says in Italian what is wrong, field by field, and keeps what was typed', async () => {
    const cases: [Record<string, string | string[]>, string[]][] = [
      [{ etichetta: '', tipo: 'concetto', termini: '', correlati: 'x' }, ['etichetta: Scrivi il nome del concetto.', 'termini: Scrivi almeno una parola o espressione che le persone usano.']],
      [{ etichetta: 'X', tipo: 'concetto', termini: 'parola', correlati: '' }, ['correlati: Indica almeno un’espressione da cercare, un tipo di servizio o una categoria.']],
      [{ etichetta: 'X', tipo: 'ignora', termini: 'parola', correlati: 'altro' }, ['correlati: Le parole da ignorare non hanno espressioni da cercare né servizi: svuota questi campi o scegli "Concetto".']],
      [{ etichetta: 'X', tipo: 'altro', termini: 'parola', correlati: 'y' }, ['tipo: Scegli se è un concetto o un gruppo di parole da ignorare.']],
      [{ etichetta: 'X', tipo: 'concetto', termini: 'parola', tipi: ['badante_ore', 'non_esiste'] }, ['tipi: Uno dei tipi di servizio scelti non esiste più: ricarica la pagina e scegli di nuovo.']],
      [{ etichetta: 'X', tipo: 'concetto', termini: 'x'.repeat(61), correlati: 'y' }, ['termini: Ogni espressione può avere al massimo 60 caratteri.']],
    ];
    for (const [fields, messages] of cases) {
      const res = await post(`${LIST}/nuovo`, fields, editorAuth);
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(errorSummary(res.body), JSON.stringify(fields)).toEqual(messages);
    }
    const kept = await post(`${LIST}/nuovo`, { etichetta: 'Da tenere', tipo: 'concetto', termini: 'parola', correlati: '', tipi: 'nonsense' }, editorAuth);
    expect(kept.body).toContain('value="Da tenere"');
  });
});
