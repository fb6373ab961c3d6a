import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/database';
import { ensureTerm, insertMinimalService, insertOrg } from '../../src/features/services/services.test-fixtures';
import { allJobs } from '../../src/jobs';
import { loadConfig } from '../../src/config';
import { makeDue, registerJobs, runDueJobs } from '../../src/lib/jobs';
import { storeFile } from '../../src/lib/uploads';
import { CLEANUP_JOB, deleteUnreferencedFiles, MIN_AGE_HOURS, storedFileReferences } from '../../src/lib/uploads.cleanup';
import { createTestUser } from '../support/accounts';
import { createTestDb } from '../support/app';
import { pdf } from '../support/fixtures';

// The daily job 'uploads.cleanup' deletes stored files that no foreign key refers to any more and that are older
// than 24 hours: a file still referenced stays, whichever table refers to it (the references are read from the
// catalogue, so a table added later — here one made up by the test, with names that need quoting — is covered
// too); an unreferenced file stays while it is recent (an upload in the middle of a form); an old one goes, in
// bounded batches, with a count in the job's result and in the audit log and nothing personal.

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const cleanupJobs = allJobs(config).filter((j) => j.name === CLEANUP_JOB);

describe('clean-up of stored files nothing refers to', () => {
  let db: Db;
  let close: () => Promise<void>;
  /** On PostgreSQL, the database's URL (for a second connection pool, as another app node would have). */
  let url: string | null;
  let userId: string;
  let orgId: string;
  let serviceId: string;
  let typeId: string;
  let n = 0;

  /** A stored PDF, as an upload stores it, made `ageHours` old. */
  async function file(label: string, ageHours: number): Promise<string> {
    const data = pdf(label);
    const id = await storeFile(db, { filename: `${label}.pdf`, mimetype: 'application/pdf', data, truncated: false }, { ok: true, contentType: 'application/pdf', filename: `${label}.pdf` }, userId);
    await db.query(`update stored_file set created_at = now() - make_interval(hours => $2) where id = $1`, [id, ageHours]);
    return id;
  }
  const exists = async (id: string) => (await db.maybeOne('select 1 from stored_file where id = $1', [id])) !== undefined;

  async function serviceRequest(): Promise<string> {
    n++;
    const row = await db.one<{ id: string }>(`insert into service_request (reference, citizen_id, service_type_id) values ($1, $2, $3) returning id`, [
      `RIC-2026-F${String(n).padStart(5, '0')}`,
      userId,
      typeId,
    ]);
    return row.id;
  }
  async function enteRequest(): Promise<string> {
    const row = await db.one<{ id: string }>(`insert into ente_request (request_id, service_id, organization_id) values ($1, $2, $3) returning id`, [
      await serviceRequest(),
      serviceId,
      orgId,
    ]);
    return row.id;
  }

  /** One way to refer to a file from every referencing column of the schema, as the features do. */
  const REFER: Record<string, (fileId: string) => Promise<unknown>> = {
    'ente_application_document.file_id': async (fileId) => {
      n++;
      const app = await db.one<{ id: string }>(`insert into ente_application (reference, applicant_id) values ($1, $2) returning id`, [`ENTE-2026-F${String(n).padStart(5, '0')}`, userId]);
      return db.query(`insert into ente_application_document (application_id, kind, file_id) values ($1, 'statuto', $2)`, [app.id, fileId]);
    },
    'ente_request.offer_file_id': async (fileId) => db.query('update ente_request set offer_file_id = $2 where id = $1', [await enteRequest(), fileId]),
    'organization.logo_file_id': (fileId) => db.query('update organization set logo_file_id = $2 where id = $1', [orgId, fileId]),
    'organization.privacy_file_id': (fileId) => db.query('update organization set privacy_file_id = $2 where id = $1', [orgId, fileId]),
    'organization.terms_file_id': (fileId) => db.query('update organization set terms_file_id = $2 where id = $1', [orgId, fileId]),
    'organization.withdrawal_file_id': (fileId) => db.query('update organization set withdrawal_file_id = $2 where id = $1', [orgId, fileId]),
    'request_message.file_id': async (fileId) =>
      db.query(`insert into request_message (ente_request_id, author_side, body, file_id) values ($1, 'citizen', 'In allegato il certificato.', $2)`, [await enteRequest(), fileId]),
    'service_request_attachment.file_id': async (fileId) => db.query('insert into service_request_attachment (request_id, file_id) values ($1, $2)', [await serviceRequest(), fileId]),
  };

  beforeAll(async () => {
    const created = await createTestDb({ seed: false });
    db = created.db;
    close = created.close;
    url = created.url;
    userId = (await createTestUser(db, { givenName: 'Ugo', familyName: 'Uploader' })).id;
    const section = await ensureTerm(db, 'section', { code: 'area_file', it: 'Area file', en: 'Files area' });
    const category = await ensureTerm(db, 'category', { code: 'categoria_file', it: 'Categoria file', en: 'Files category', parentId: section });
    typeId = await ensureTerm(db, 'service_type', { code: 'tipo_file', it: 'Tipo file', en: 'Files type', parentId: category });
    orgId = (await insertOrg(db, { slug: 'ente-file', name: 'Ente File' })).id;
    serviceId = await insertMinimalService(db, { orgId, typeId, slug: 'servizio-file', name: 'Servizio file' });
    await registerJobs(db, cleanupJobs);
  });
  afterAll(async () => close?.());

  it('is one of the application jobs, run once a day', () => {
    expect(cleanupJobs).toHaveLength(1);
    expect(cleanupJobs[0]!.everyMs).toBe(24 * 60 * 60_000);
    expect(MIN_AGE_HOURS).toBe(24);
  });

  it('finds every column that refers to stored_file in the catalogue', async () => {
    const found = (await storedFileReferences(db)).map((r) => `${r.table}.${r.columns.join(',')}`);
    // A new foreign key to stored_file needs its way of referring here, so each kind of reference is tested.
    expect(found.sort(), 'every referencing column has an entry in REFER').toEqual(Object.keys(REFER).sort());
  });

  it('keeps referenced files and recent ones, deletes old unreferenced ones, and records a count with nothing personal', async () => {
    // A table added later, with names that need quoting, refers to stored_file too.
    await db.exec(`create table "Archivio Extra" ("Documento Id" uuid references stored_file (id))`);
    const keptExtra = await file('extra', 100);
    await db.query('insert into "Archivio Extra" values ($1)', [keptExtra]);

    const kept: Record<string, string> = {};
    for (const [reference, refer] of Object.entries(REFER)) {
      kept[reference] = await file(`kept-${reference}`, 24 * 30);
      await refer(kept[reference]);
    }
    const recent = await file('bozza-in-corso', 1);
    const nearlyADay = await file('quasi-un-giorno', MIN_AGE_HOURS - 1);
    const abandoned = await file('mai-allegato', MIN_AGE_HOURS + 1);
    // The logo replaced: the previous one is referenced no more.
    const replacedLogo = kept['organization.logo_file_id']!;
    kept['organization.logo_file_id'] = await file('logo-nuovo', 48);
    await db.query('update organization set logo_file_id = $2 where id = $1', [orgId, kept['organization.logo_file_id']]);
    // An attachment whose owner was removed (the request's attachments go with it, the file stays behind).
    const orphanedByOwner = await file('allegato-richiesta-cancellata', 72);
    const ownerRequest = await serviceRequest();
    await db.query('insert into service_request_attachment (request_id, file_id) values ($1, $2)', [ownerRequest, orphanedByOwner]);
    await db.query('delete from service_request where id = $1', [ownerRequest]);

    await makeDue(db, CLEANUP_JOB);
    const outcomes = await runDueJobs(db, cleanupJobs, 'node-a');
    expect(outcomes.map((o) => o.outcome)).toEqual(['ok']);
    const gone = [abandoned, replacedLogo, orphanedByOwner];
    expect(outcomes[0]!.details).toMatchObject({ deleted: gone.length, batches: 1, more: false });

    for (const [reference, id] of Object.entries(kept)) expect(await exists(id), `referenced from ${reference}`).toBe(true);
    expect(await exists(keptExtra), 'referenced from a table added later').toBe(true);
    expect(await exists(recent), 'an upload of an hour ago').toBe(true);
    expect(await exists(nearlyADay), 'an upload of 23 hours ago').toBe(true);
    for (const id of gone) expect(await exists(id)).toBe(false);

    // The run is recorded with its figures; the audit row says how many, not what or whose.
    const run = await db.one<{ details: Record<string, unknown> }>(`select details from job_run where job = $1 order by started_at desc limit 1`, [CLEANUP_JOB]);
    expect(run.details).toMatchObject({ deleted: gone.length });
    const audits = await db.query<{ actor_id: string | null; actor_label: string; target_id: string | null; details: Record<string, unknown> }>(
      `select actor_id, actor_label, target_id, details from audit_log where action = 'uploads.cleanup'`,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_id: null, actor_label: 'system', target_id: null });
    expect(Object.keys(audits[0]!.details).sort()).toEqual(['bytes', 'deleted', 'job']);
    expect(audits[0]!.details.deleted).toBe(gone.length);

    // Not due again for a day; run by hand, nothing more to delete.
    expect(await runDueJobs(db, cleanupJobs, 'node-a')).toEqual([]);
    expect(await deleteUnreferencedFiles(db)).toMatchObject({ deleted: 0, batches: 1 });
    // Without that table its file is referenced no more.
    await db.exec(`drop table "Archivio Extra"`);
    expect(await deleteUnreferencedFiles(db)).toMatchObject({ deleted: 1 });
    expect(await exists(keptExtra)).toBe(false);
  });

  it('deletes in bounded batches and leaves the rest to the next run', async () => {
    const orphans = [];
    for (let i = 0; i < 5; i++) orphans.push(await file(`orfano-${i}`, 30 + i));
    const first = await deleteUnreferencedFiles(db, { batchSize: 2, maxBatches: 2 });
    expect(first).toMatchObject({ deleted: 4, batches: 2, more: true });
    // The oldest go first.
    expect(await Promise.all(orphans.map(exists))).toEqual([true, false, false, false, false]);
    const second = await deleteUnreferencedFiles(db, { batchSize: 2, maxBatches: 2 });
    expect(second).toMatchObject({ deleted: 1, batches: 1, more: false });
    expect(await exists(orphans[0]!)).toBe(false);
  });

  // A transaction attaching an old unreferenced file (an attachment added to a draft, say) holds a lock on its row
  // until it commits: the clean-up running meanwhile on another node passes the file over. Two connections
  // are needed, so this runs on PostgreSQL only (PGlite has one).
  it.skipIf(!process.env.TEST_DATABASE_URL && !process.env.DATABASE_URL)('passes over a file another transaction is attaching right now', async () => {
    const other = await openDatabase({ databaseUrl: url!, dataDir: null, poolSize: 2 });
    try {
      const attaching = await file('in-allegamento', 48);
      const abandoned = await file('abbandonato', 48);
      const owner = await serviceRequest();
      const during = await other.transaction(async (tx) => {
        await tx.query('insert into service_request_attachment (request_id, file_id) values ($1, $2)', [owner, attaching]);
        return deleteUnreferencedFiles(db);
      });
      expect(during).toMatchObject({ deleted: 1 });
      expect(await exists(abandoned)).toBe(false);
      expect(await exists(attaching), 'the file being attached').toBe(true);
      expect(await deleteUnreferencedFiles(db)).toMatchObject({ deleted: 0 });
    } finally {
      await other.close();
    }
  });
});
