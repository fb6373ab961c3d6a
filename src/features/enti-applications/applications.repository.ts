import type { Queryable } from '../../db/database';
import type { ApplicationStatus } from './application.state';
import type { ApplicationData, DocumentKind } from './application.data';

// SQL of the applications to join WeMi: the applications, their documents and history, the City's queue, the
// taxonomy options of the form, and the writes of a qualification (organisation, categories, Municipi, site).

export interface ApplicationRow {
  id: string;
  reference: string;
  applicant_id: string;
  status: ApplicationStatus;
  data: unknown;
  section_notes: Record<string, unknown> | null;
  decision_reason: string | null;
  organization_id: string | null;
  reviewer_id: string | null;
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  created_at: Date;
  updated_at: Date;
  applicant_given_name: string;
  applicant_family_name: string;
  applicant_email: string | null;
  applicant_fiscal_code: string | null;
  organization_slug: string | null;
  organization_name: string | null;
}

const APPLICATION_COLUMNS = `a.id, a.reference, a.applicant_id, a.status, a.data, a.section_notes, a.decision_reason, a.organization_id,
  a.reviewer_id, a.first_submitted_at, a.submitted_at, a.decided_at, a.created_at, a.updated_at,
  u.given_name as applicant_given_name, u.family_name as applicant_family_name, u.email as applicant_email,
  u.fiscal_code as applicant_fiscal_code, o.slug as organization_slug, o.name as organization_name`;

const FROM = `from ente_application a join app_user u on u.id = a.applicant_id left join organization o on o.id = a.organization_id`;

export async function findApplication(q: Queryable, id: string): Promise<ApplicationRow | undefined> {
  return q.maybeOne<ApplicationRow>(`select ${APPLICATION_COLUMNS} ${FROM} where a.id = $1`, [id]);
}

/** Locks the application row for a change (inside a transaction) and reads it. */
export async function lockApplication(q: Queryable, id: string): Promise<ApplicationRow | undefined> {
  await q.query('select id from ente_application where id = $1 for update', [id]);
  return findApplication(q, id);
}

export interface MyApplication {
  id: string;
  reference: string;
  status: ApplicationStatus;
  name: string;
  submitted_at: Date | null;
  updated_at: Date;
  organization_id: string | null;
}

export async function applicationsOf(q: Queryable, userId: string): Promise<MyApplication[]> {
  return q.query<MyApplication>(
    `select id, reference, status, coalesce(data->>'denominazione', '') as name, submitted_at, updated_at, organization_id
       from ente_application where applicant_id = $1 order by created_at desc`,
    [userId],
  );
}

export async function draftOf(q: Queryable, userId: string): Promise<{ id: string } | undefined> {
  return q.maybeOne(`select id from ente_application where applicant_id = $1 and status = 'draft' order by created_at desc limit 1`, [userId]);
}

/** A new draft with its human reference, e.g. "ENTE-2026-00042" (year in Milan, number from a sequence). */
export async function insertDraft(q: Queryable, userId: string, data: ApplicationData): Promise<{ id: string; reference: string }> {
  return q.one(
    `insert into ente_application (reference, applicant_id, data)
     values ('ENTE-' || to_char(now() at time zone 'Europe/Rome', 'YYYY') || '-' || lpad(nextval('ente_application_number')::text, 5, '0'), $1, $2)
     returning id, reference`,
    [userId, JSON.stringify(data)],
  );
}

export async function updateData(q: Queryable, id: string, data: ApplicationData): Promise<void> {
  await q.query('update ente_application set data = $2, updated_at = now() where id = $1', [id, JSON.stringify(data)]);
}

/** Moves an application to a new status, only from the status it was read in (a concurrent change makes it a no-op). */
export async function setStatus(
  q: Queryable,
  id: string,
  from: ApplicationStatus,
  to: ApplicationStatus,
  extra: { submitted?: boolean; decided?: boolean; reviewerId?: string; sectionNotes?: Record<string, string>; reason?: string; organizationId?: string } = {},
): Promise<boolean> {
  const rows = await q.query(
    `update ente_application set status = $3, updated_at = now(),
            submitted_at = case when $4 then now() else submitted_at end,
            first_submitted_at = case when $4 then coalesce(first_submitted_at, now()) else first_submitted_at end,
            decided_at = case when $5 then now() else decided_at end,
            reviewer_id = coalesce($6, reviewer_id),
            section_notes = coalesce($7::jsonb, section_notes),
            decision_reason = coalesce($8, decision_reason),
            organization_id = coalesce($9, organization_id)
      where id = $1 and status = $2 returning id`,
    [
      id,
      from,
      to,
      extra.submitted ?? false,
      extra.decided ?? false,
      extra.reviewerId ?? null,
      extra.sectionNotes ? JSON.stringify(extra.sectionNotes) : null,
      extra.reason ?? null,
      extra.organizationId ?? null,
    ],
  );
  return rows.length > 0;
}

// Documents

export interface DocumentRow {
  id: string;
  kind: DocumentKind;
  file_id: string;
  original_name: string;
  size_bytes: number;
  created_at: Date;
}

export async function documentsOf(q: Queryable, applicationId: string): Promise<DocumentRow[]> {
  return q.query<DocumentRow>(
    `select d.id, d.kind, d.file_id, f.original_name, f.size_bytes, d.created_at
       from ente_application_document d join stored_file f on f.id = d.file_id
      where d.application_id = $1 order by d.created_at`,
    [applicationId],
  );
}

export async function documentOf(q: Queryable, applicationId: string, documentId: string): Promise<DocumentRow | undefined> {
  return q.maybeOne<DocumentRow>(
    `select d.id, d.kind, d.file_id, f.original_name, f.size_bytes, d.created_at
       from ente_application_document d join stored_file f on f.id = d.file_id
      where d.application_id = $1 and d.id = $2`,
    [applicationId, documentId],
  );
}

/** Removes a document and its file (an application's files are its own: the organisation gets copies). */
export async function deleteDocument(q: Queryable, documentId: string): Promise<void> {
  const row = await q.maybeOne<{ file_id: string }>('delete from ente_application_document where id = $1 returning file_id', [documentId]);
  if (row) await q.query('delete from stored_file where id = $1', [row.file_id]);
}

/** Attaches a stored file as the document of a kind, replacing (and deleting) the previous one of that kind. */
export async function putDocument(q: Queryable, applicationId: string, kind: DocumentKind, fileId: string): Promise<string> {
  const previous = await q.query<{ id: string }>('select id from ente_application_document where application_id = $1 and kind = $2', [applicationId, kind]);
  for (const p of previous) await deleteDocument(q, p.id);
  const row = await q.one<{ id: string }>('insert into ente_application_document (application_id, kind, file_id) values ($1, $2, $3) returning id', [applicationId, kind, fileId]);
  return row.id;
}

// Submissions: what the application was each time it was sent (migration 0014), to show the City what a
// resubmission changed.

/** A document as it was when the application was sent. */
export interface SubmittedDocument {
  kind: DocumentKind;
  documentId: string;
  name: string;
  sizeBytes: number;
  sha256: string;
}

export interface SubmissionRow {
  number: number;
  data: unknown;
  documents: SubmittedDocument[];
  submitted_at: Date;
}

/** Records the application as it is sent now: its data and its documents (with their fingerprints). */
export async function insertSubmission(q: Queryable, applicationId: string, data: ApplicationData): Promise<number> {
  const row = await q.one<{ number: number }>(
    `insert into ente_application_submission (application_id, number, data, documents)
     select $1, coalesce((select max(number) from ente_application_submission where application_id = $1), 0) + 1, $2::jsonb,
            coalesce((select jsonb_agg(jsonb_build_object('kind', d.kind, 'documentId', d.id, 'name', f.original_name, 'sizeBytes', f.size_bytes, 'sha256', f.sha256)
                                       order by d.created_at, d.id)
                        from ente_application_document d join stored_file f on f.id = d.file_id
                       where d.application_id = $1), '[]'::jsonb)
     returning number`,
    [applicationId, JSON.stringify(data)],
  );
  return row.number;
}

/** The latest submissions of an application, newest first (`limit` of them). */
export async function latestSubmissions(q: Queryable, applicationId: string, limit = 2): Promise<SubmissionRow[]> {
  return q.query<SubmissionRow>(
    `select number, data, documents, submitted_at from ente_application_submission
      where application_id = $1 order by number desc limit $2`,
    [applicationId, limit],
  );
}

// History

export interface EventRow {
  id: number;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  actor_id: string | null;
  actor_given_name: string | null;
  actor_family_name: string | null;
  note: string | null;
  at: Date;
}

export async function eventsOf(q: Queryable, applicationId: string): Promise<EventRow[]> {
  return q.query<EventRow>(
    `select e.id, e.from_status, e.to_status, e.actor_id, u.given_name as actor_given_name, u.family_name as actor_family_name, e.note, e.at
       from ente_application_event e left join app_user u on u.id = e.actor_id
      where e.application_id = $1 order by e.at, e.id`,
    [applicationId],
  );
}

export async function addEvent(q: Queryable, e: { applicationId: string; from: ApplicationStatus | null; to: ApplicationStatus; actorId: string | null; note?: string | null }): Promise<void> {
  await q.query('insert into ente_application_event (application_id, from_status, to_status, actor_id, note) values ($1, $2, $3, $4, $5)', [
    e.applicationId,
    e.from,
    e.to,
    e.actorId,
    e.note ?? null,
  ]);
}

// The City's queue

export interface QueueFilter {
  /** One status, or 'open' for the ones the City has in hand. */
  status?: ApplicationStatus | 'open' | undefined;
  text?: string | undefined;
  category?: string | undefined;
}

export interface QueueItem {
  id: string;
  reference: string;
  status: ApplicationStatus;
  name: string;
  codice_fiscale: string;
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  applicant_given_name: string;
  applicant_family_name: string;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function queueWhere(f: QueueFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts = [`a.status <> 'draft'`];
  if (f.status === 'open') parts.push(`a.status in ('submitted', 'under_review', 'resubmitted')`);
  else if (f.status) {
    params.push(f.status);
    parts.push(`a.status = $${params.length}`);
  }
  if (f.text) {
    params.push(`%${likeEscape(f.text.toLowerCase())}%`);
    const p = `$${params.length}`;
    parts.push(`(lower(a.reference) like ${p} or lower(coalesce(a.data->>'denominazione', '')) like ${p}
                 or lower(coalesce(a.data->>'codice_fiscale', '')) like ${p} or lower(coalesce(a.data->>'partita_iva', '')) like ${p})`);
  }
  if (f.category) {
    params.push(JSON.stringify([f.category]));
    parts.push(`coalesce(a.data->'categorie', '[]'::jsonb) @> $${params.length}::jsonb`);
  }
  return { sql: parts.join(' and '), params };
}

export async function countQueue(q: Queryable, f: QueueFilter): Promise<number> {
  const w = queueWhere(f);
  const row = await q.one<{ n: number }>(`select count(*)::int as n from ente_application a where ${w.sql}`, w.params);
  return row.n;
}

/** Applications the City has held longer than the standard (whatever the filters). */
export async function countOverdue(q: Queryable, days: number): Promise<number> {
  const row = await q.one<{ n: number }>(
    `select count(*)::int as n from ente_application
      where status in ('submitted', 'under_review', 'resubmitted') and submitted_at < now() - make_interval(days => $1)`,
    [days],
  );
  return row.n;
}

/** The queue: applications the City has in hand first, the longest waiting first; then the others, latest first. */
export async function listQueue(q: Queryable, f: QueueFilter, limit: number, offset: number): Promise<QueueItem[]> {
  const w = queueWhere(f);
  return q.query<QueueItem>(
    `select a.id, a.reference, a.status, coalesce(a.data->>'denominazione', '') as name, coalesce(a.data->>'codice_fiscale', '') as codice_fiscale,
            a.first_submitted_at, a.submitted_at, a.decided_at, u.given_name as applicant_given_name, u.family_name as applicant_family_name
       from ente_application a join app_user u on u.id = a.applicant_id
      where ${w.sql}
      order by case when a.status in ('submitted', 'under_review', 'resubmitted') then 0 when a.status = 'changes_requested' then 1 else 2 end,
               case when a.status in ('submitted', 'under_review', 'resubmitted') then a.submitted_at end asc,
               a.updated_at desc, a.id
      limit $${w.params.length + 1} offset $${w.params.length + 2}`,
    [...w.params, limit, offset],
  );
}

// Taxonomy options of the form

export interface TermOption {
  id: string;
  code: string;
  name_it: string;
  name_en: string;
  group_code: string | null;
  group_it: string | null;
  group_en: string | null;
}

/** Active categories, grouped by their section. */
export async function categoryOptions(q: Queryable): Promise<TermOption[]> {
  return q.query<TermOption>(
    `select t.id, t.code, t.name_it, t.name_en, p.code as group_code, p.name_it as group_it, p.name_en as group_en
       from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id and x.code = 'category'
       left join taxonomy_term p on p.id = t.parent_id
      where t.active
      order by p.position nulls last, p.name_it, t.position, t.name_it`,
  );
}

export async function municipioOptions(q: Queryable): Promise<TermOption[]> {
  return q.query<TermOption>(
    `select t.id, t.code, t.name_it, t.name_en, null as group_code, null as group_it, null as group_en
       from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id and x.code = 'municipio'
      where t.active order by t.position, t.code`,
  );
}

// Qualification

/** Inserts the organisation with the first free slug among "base", "base-2", "base-3" …; returns its id and slug. */
export async function insertOrganization(
  q: Queryable,
  o: {
    baseSlug: string;
    name: string;
    legalForm: string;
    description: string;
    taxCode: string;
    vatNumber: string | null;
    email: string;
    pec: string;
    phone: string;
    website: string | null;
    runtsNumber: string | null;
    registeredOffice: string;
    legalRepresentative: string;
    contactPerson: string;
  },
): Promise<{ id: string; slug: string }> {
  const taken = await q.query<{ slug: string }>(`select slug from organization where slug = $1 or slug like $2`, [o.baseSlug, `${likeEscape(o.baseSlug)}-%`]);
  const used = new Set(taken.map((r) => r.slug));
  for (let n = 1; n < 10_000; n++) {
    const slug = n === 1 ? o.baseSlug : `${o.baseSlug}-${n}`;
    if (used.has(slug)) continue;
    // A concurrent qualification may take the same slug: on conflict nothing is inserted and the next one is tried.
    const row = await q.maybeOne<{ id: string }>(
      `insert into organization (slug, name, legal_form, description_it, tax_code, vat_number, email, pec, phone, website, status,
                                 runts_number, registered_office, legal_representative, contact_person, qualified_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'active', $11, $12, $13, $14, now())
       on conflict (slug) do nothing returning id`,
      [slug, o.name, o.legalForm, o.description, o.taxCode, o.vatNumber, o.email, o.pec, o.phone, o.website, o.runtsNumber, o.registeredOffice, o.legalRepresentative, o.contactPerson],
    );
    if (row) return { id: row.id, slug };
  }
  throw new Error('No free slug');
}

/** A copy of a stored file (the organisation's documents do not depend on the application's). */
export async function copyStoredFile(q: Queryable, fileId: string, uploadedBy: string | null): Promise<string> {
  const row = await q.one<{ id: string }>(
    `insert into stored_file (sha256, content_type, size_bytes, original_name, data, uploaded_by)
     select sha256, content_type, size_bytes, original_name, data, $2 from stored_file where id = $1 returning id`,
    [fileId, uploadedBy],
  );
  return row.id;
}

export async function setOrganizationFiles(q: Queryable, organizationId: string, files: { terms: string | null; privacy: string | null; withdrawal: string | null }): Promise<void> {
  await q.query('update organization set terms_file_id = $2, privacy_file_id = $3, withdrawal_file_id = $4, updated_at = now() where id = $1', [
    organizationId,
    files.terms,
    files.privacy,
    files.withdrawal,
  ]);
}

export async function linkCategories(q: Queryable, organizationId: string, codes: readonly string[]): Promise<number> {
  const rows = await q.query(
    `insert into organization_category (organization_id, term_id)
     select $1, t.id from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id and x.code = 'category'
      where t.code = any($2::text[]) on conflict do nothing returning term_id`,
    [organizationId, codes],
  );
  return rows.length;
}

export async function linkMunicipi(q: Queryable, organizationId: string, codes: readonly string[]): Promise<number> {
  const rows = await q.query(
    `insert into organization_municipio (organization_id, municipio_id)
     select $1, t.id from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id and x.code = 'municipio'
      where t.code = any($2::text[]) on conflict do nothing returning municipio_id`,
    [organizationId, codes],
  );
  return rows.length;
}

export async function insertSite(
  q: Queryable,
  s: { organizationId: string; slug: string; name: string; address: string; postalCode: string; city: string; municipioCode: string | null; email: string; phone: string; website: string | null },
): Promise<string> {
  const slugTaken = await q.maybeOne('select 1 from location where slug = $1', [s.slug]);
  const row = await q.one<{ id: string }>(
    `insert into location (organization_id, kind, slug, name, description_it, description_en, address, postal_code, city, municipio_id, email, phone, website)
     values ($1, 'ente_site', $2, $3, 'Sede legale.', 'Registered office.', $4, $5, $6,
             (select t.id from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id and x.code = 'municipio' where t.code = $7), $8, $9, $10)
     returning id`,
    [s.organizationId, slugTaken ? null : s.slug, s.name, s.address, s.postalCode, s.city, s.municipioCode, s.email, s.phone, s.website],
  );
  return row.id;
}
