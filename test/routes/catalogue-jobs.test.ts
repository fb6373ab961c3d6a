import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openDatabase, type Db } from '../../src/db/database';
import { PRICE_LIST_EXPIRY_JOB, WARNING_DAYS } from '../../src/features/catalogue-admin/catalogue-admin.jobs';
import { ensureTerm, insertMinimalService, insertOrg } from '../../src/features/services/services.test-fixtures';
import { allJobs } from '../../src/jobs';
import { makeDue, registerJobs, runDueJobs, type JobDefinition } from '../../src/lib/jobs';
import { buildAssets } from '../../src/web/assets';
import { createTestUser } from '../support/accounts';
import { createTestDb } from '../support/app';
import { queuedMail } from '../support/outbox';

// The catalogue's scheduled job 'catalogue.price-list-expiry': a published paid card whose price list ended
// leaves the catalogue when the job runs (and not before: the state changes, no read-time check hides it), with
// an audit row by 'system' and an e-mail to the ente's administrators; a warning goes out once, 14 days before
// the price lists stop covering a card; free cards and cards that are not published are never touched; the job
// runs once even with two app nodes looking for due jobs at the same time.

const TODAY = `(now() at time zone 'Europe/Rome')::date`;
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_BASE_URL: 'https://wemi.example.org' });
/** The catalogue's job as the server runs it (with the public address, for the links in the e-mails). */
const catalogueJobs: JobDefinition[] = allJobs(config).filter((j) => j.name.startsWith('catalogue.'));

/** Card slugs, each with its price lists as [from, to] offsets in days from today (null: no end). */
const CARDS = {
  endedYesterday: { slug: 'scadenze-finito-ieri', offer: 'paid', status: 'published', lists: [[-30, -1]] },
  endsIn14: { slug: 'scadenze-fine-tra-14', offer: 'paid', status: 'published', lists: [[-10, WARNING_DAYS]] },
  endsIn15: { slug: 'scadenze-fine-tra-15', offer: 'paid', status: 'published', lists: [[-10, WARNING_DAYS + 1]] },
  continued: { slug: 'scadenze-continuato', offer: 'paid', status: 'published', lists: [[-10, 5], [6, null]] },
  chainEndsIn10: { slug: 'scadenze-catena-10', offer: 'paid', status: 'published', lists: [[-10, 3], [4, 10]] },
  openEnded: { slug: 'scadenze-senza-fine', offer: 'paid', status: 'published', lists: [[-100, null]] },
  futureOnly: { slug: 'scadenze-solo-futuro', offer: 'paid', status: 'published', lists: [[3, 60]] },
  free: { slug: 'scadenze-gratuito', offer: 'free_public', status: 'published', lists: [] },
  freeOldList: { slug: 'scadenze-gratuito-vecchio-listino', offer: 'free_volunteer', status: 'published', lists: [[-60, -2]] },
  draftPaid: { slug: 'scadenze-bozza', offer: 'paid', status: 'draft', lists: [[-30, -1]] },
  suspendedEnte: { slug: 'scadenze-ente-sospeso', offer: 'paid', status: 'published', lists: [[-10, 7]] },
} as const satisfies Record<string, { slug: string; offer: string; status: string; lists: readonly (readonly [number, number | null])[] }>;

describe('scheduled job: price-list expiry', () => {
  let db: Db;
  let second: Db;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  let orgId: string;
  let adminEmail: string;
  let operatorEmail: string;
  let formerAdminEmail: string;
  const ids: Record<string, string> = {};

  const get = (url: string) => app.inject({ method: 'GET', url });
  const statusOf = async (key: keyof typeof CARDS) => (await db.one<{ status: string }>('select status from service where id = $1', [ids[key]])).status;
  const searchSlugs = async (q: string) => {
    const res = await get(`/api/v1/services?q=${encodeURIComponent(q)}&per_pagina=100`);
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: { slug: string }[] }).items.map((i) => i.slug);
  };

  beforeAll(async () => {
    const created = await createTestDb({ seed: false });
    db = created.db;
    close = created.close;
    second = created.url ? await openDatabase({ databaseUrl: created.url, dataDir: null, poolSize: 2 }) : db;
    app = await buildApp({ config, db, assets: await buildAssets() });
    await app.ready();

    const section = await ensureTerm(db, 'section', { code: 'area_scadenze', it: 'Area scadenze', en: 'Expiry area' });
    const category = await ensureTerm(db, 'category', { code: 'categoria_scadenze', it: 'Categoria scadenze', en: 'Expiry category', parentId: section });
    const type = await ensureTerm(db, 'service_type', { code: 'tipo_scadenze', it: 'Tipo scadenze', en: 'Expiry type', parentId: category });
    const org = await insertOrg(db, { slug: 'ente-scadenze', name: 'Ente Scadenze' });
    orgId = org.id;
    const suspended = await insertOrg(db, { slug: 'ente-scadenze-sospeso', name: 'Ente Scadenze Sospeso', status: 'suspended' });
    for (const [key, c] of Object.entries(CARDS)) {
      const orgOf = key === 'suspendedEnte' ? suspended.id : org.id;
      ids[key] = await insertMinimalService(db, { orgId: orgOf, typeId: type, slug: c.slug, name: `Servizio ${c.slug} quokka`, status: c.status, offerType: c.offer });
      for (const [from, to] of c.lists) {
        const list = await db.one<{ id: string }>(
          `insert into price_list (service_id, valid_from, valid_to) values ($1, ${TODAY} + $2::int, ${TODAY} + $3::int) returning id`,
          [ids[key], from, to],
        );
        await db.query('insert into price_tier (price_list_id, unit_price) values ($1, 20)', [list.id]);
      }
    }
    await db.query('select refresh_service_search(null)');

    adminEmail = (await createTestUser(db, { kind: 'ente', givenName: 'Adele', familyName: 'Amministratrice', roles: [{ role: 'ente_admin', organizationId: org.id }] })).email;
    operatorEmail = (await createTestUser(db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: org.id }] })).email;
    const former = await createTestUser(db, { kind: 'ente', roles: [{ role: 'ente_admin', organizationId: org.id }] });
    formerAdminEmail = former.email;
    await db.query(`update user_role set revoked_at = now() where user_id = $1`, [former.id]);
    // The suspended ente's administrator: told about the expiry, not warned in advance (the ente is not public).
    await createTestUser(db, { kind: 'ente', roles: [{ role: 'ente_admin', organizationId: suspended.id }] });
    await registerJobs(db, catalogueJobs);
  });

  afterAll(async () => {
    await app?.close();
    if (second && second !== db) await second.close();
    await close?.();
  });

  it('is one of the application jobs, due every hour', () => {
    expect(catalogueJobs.map((j) => j.name)).toEqual([PRICE_LIST_EXPIRY_JOB]);
    expect(catalogueJobs[0]!.everyMs).toBe(60 * 60_000);
  });

  it('leaves a card whose price list ended yesterday public until the job runs', async () => {
    // No read-time check: before the job, the card is still in the catalogue.
    expect((await get(`/servizi/${CARDS.endedYesterday.slug}`)).statusCode).toBe(200);
    expect((await get(`/api/v1/services/${CARDS.endedYesterday.slug}`)).statusCode).toBe(200);
    expect(await searchSlugs('quokka')).toContain(CARDS.endedYesterday.slug);
    expect(await statusOf('endedYesterday')).toBe('published');
  });

  it('runs once with two nodes, expires the card, warns once, leaves free and unpublished cards alone', async () => {
    const [a, b] = await Promise.all([runDueJobs(db, catalogueJobs, 'node-a'), runDueJobs(second, catalogueJobs, 'node-b')]);
    const ran = [...a, ...b];
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ job: PRICE_LIST_EXPIRY_JOB, outcome: 'ok' });
    // Expired: the card whose list ended yesterday and the one whose only list starts in the future. The suspended
    // ente's card is still covered (its list ends in 7 days): no warning, its ente is not in the catalogue.
    expect(ran[0]!.details).toEqual({ expired: 2, warned: 2 });
    const run = await db.one<{ n: number; outcome: string }>(`select count(*)::int as n, min(outcome) as outcome from job_run where job = $1`, [PRICE_LIST_EXPIRY_JOB]);
    expect(run).toEqual({ n: 1, outcome: 'ok' });

    expect(await statusOf('endedYesterday')).toBe('expired');
    expect(await statusOf('futureOnly')).toBe('expired');
    for (const key of ['endsIn14', 'endsIn15', 'continued', 'chainEndsIn10', 'openEnded', 'free', 'freeOldList', 'suspendedEnte'] as const) {
      expect(await statusOf(key), key).toBe('published');
    }
    expect(await statusOf('draftPaid')).toBe('draft');

    // Out of the public catalogue at once (the search cache follows the change counter).
    expect((await get(`/servizi/${CARDS.endedYesterday.slug}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/services/${CARDS.endedYesterday.slug}`)).statusCode).toBe(404);
    const slugs = await searchSlugs('quokka');
    expect(slugs).not.toContain(CARDS.endedYesterday.slug);
    expect(slugs).toContain(CARDS.free.slug);
    expect(slugs).toContain(CARDS.freeOldList.slug);
    expect((await get(`/servizi/${CARDS.free.slug}`)).statusCode).toBe(200);

    // Audit: by 'system', one row per expired card.
    const audits = await db.query<{ actor_id: string | null; actor_label: string; target_type: string; target_id: string; details: Record<string, unknown> }>(
      `select actor_id, actor_label, target_type, target_id, details from audit_log where action = 'catalogue.card.expire' order by id`,
    );
    expect(audits.map((r) => r.target_id).sort()).toEqual([ids.endedYesterday, ids.futureOnly].sort());
    const ended = audits.find((r) => r.target_id === ids.endedYesterday)!;
    expect(ended).toMatchObject({ actor_id: null, actor_label: 'system', target_type: 'service' });
    expect(ended.details).toMatchObject({ job: PRICE_LIST_EXPIRY_JOB, organizationId: orgId, notified: 1 });
    expect(ended.details.lastValidTo).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Warnings: the card whose list ends in 14 days, and the one whose chained lists end in 10 days; one row each.
    const warnings = await db.query<{ service_id: string; days: number }>(
      `select service_id, (valid_to - ${TODAY})::int as days from service_expiry_warning order by days`,
    );
    expect(warnings).toEqual([
      { service_id: ids.chainEndsIn10, days: 10 },
      { service_id: ids.endsIn14, days: WARNING_DAYS },
    ]);

    // E-mail to the ente's administrator (valid role, active account), not to operators nor former administrators.
    const mails = await queuedMail(db, adminEmail);
    expect(mails).toHaveLength(4);
    const expiredMail = mails.find((m) => m.subject.includes(`Servizio ${CARDS.endedYesterday.slug} quokka`))!;
    expect(expiredMail.subject).toMatch(/non è più pubblicata/);
    expect(expiredMail.text_body).toContain('Gentile Adele Amministratrice');
    expect(expiredMail.text_body).toMatch(/è scaduto il/);
    expect(expiredMail.text_body).toMatch(/invia una revisione con un nuovo listino prezzi/);
    expect(expiredMail.text_body).toContain('https://wemi.example.org/gestione-ente');
    const warning = mails.find((m) => m.subject.includes(`Servizio ${CARDS.endsIn14.slug} quokka`))!;
    expect(warning.subject).toMatch(/scade il/);
    expect(warning.text_body).toMatch(/Dal giorno dopo la scheda uscirà dal catalogo/);
    expect(mails.some((m) => m.subject.includes(CARDS.endsIn15.slug))).toBe(false);
    expect(await queuedMail(db, operatorEmail)).toEqual([]);
    expect(await queuedMail(db, formerAdminEmail)).toEqual([]);
  });

  it('does not run again before it is due, and warns only once when it runs again', async () => {
    expect(await runDueJobs(db, catalogueJobs, 'node-a')).toEqual([]);
    await makeDue(db, PRICE_LIST_EXPIRY_JOB);
    const [again] = await runDueJobs(second, catalogueJobs, 'node-b');
    expect(again).toMatchObject({ outcome: 'ok', details: { expired: 0, warned: 0 } });
    expect(await queuedMail(db, adminEmail)).toHaveLength(4);
    expect((await db.one<{ n: number }>('select count(*)::int as n from service_expiry_warning')).n).toBe(2);
  });

  it('warns again when a card gets a new end date within the window', async () => {
    // The card whose list ended in 15 days (no warning yet) now ends in 12: one warning for that date.
    await db.query(`update price_list set valid_to = ${TODAY} + 12 where service_id = $1`, [ids.endsIn15]);
    await makeDue(db, PRICE_LIST_EXPIRY_JOB);
    const [run] = await runDueJobs(db, catalogueJobs, 'node-a');
    expect(run).toMatchObject({ outcome: 'ok', details: { expired: 0, warned: 1 } });
    const mails = await queuedMail(db, adminEmail);
    expect(mails).toHaveLength(5);
    expect(mails[4]!.subject).toContain(CARDS.endsIn15.slug);
  });
});
