import type { Queryable } from '../../db/database';
import type { CardOptions, TermOption } from './card-form';
import type { RevisionState, ServiceStatus } from './card.state';

// SQL of the service cards back office: the ente's cards and their revisions, the options of the edit form,
// the City's queue, and who gets the e-mails.

export interface EnteRow {
  id: string;
  name: string;
  slug: string;
  status: string;
}

export async function findEnte(q: Queryable, id: string): Promise<EnteRow | undefined> {
  return q.maybeOne<EnteRow>(`select id, name, slug, status from organization where id = $1`, [id]);
}

export interface CardListItem {
  id: string;
  slug: string;
  name: string;
  status: ServiceStatus;
  published_at: Date | null;
  updated_at: Date;
  type_name_it: string;
  type_name_en: string;
  rev_id: string | null;
  rev_number: number | null;
  rev_status: RevisionState | null;
  rev_updated_at: Date | null;
  rev_name: string | null;
}

/** The ente's cards with their open revision (if any), most recently touched first. */
export async function listEnteCards(q: Queryable, enteId: string): Promise<CardListItem[]> {
  return q.query<CardListItem>(
    `select s.id, s.slug, s.name, s.status, s.published_at, s.updated_at,
            st.name_it as type_name_it, st.name_en as type_name_en,
            r.id as rev_id, r.number as rev_number, r.status as rev_status, r.updated_at as rev_updated_at, r.data->>'name' as rev_name
       from service s
       join taxonomy_term st on st.id = s.service_type_id
       left join service_revision r on r.service_id = s.id and r.status in ('draft', 'submitted', 'changes_requested')
      where s.organization_id = $1
      order by greatest(s.updated_at, coalesce(r.updated_at, s.updated_at)) desc, s.name, s.id`,
    [enteId],
  );
}

export interface ServiceTypeOption {
  id: string;
  name_it: string;
  name_en: string;
  cat_id: string;
  cat_name_it: string;
  cat_name_en: string;
}

/**
 * Service types the ente may offer: those under the categories it is qualified for (organization_category);
 * when none is recorded, those under the categories of its existing cards.
 */
export async function qualifiedServiceTypes(q: Queryable, enteId: string): Promise<ServiceTypeOption[]> {
  return q.query<ServiceTypeOption>(
    `with qualified as (
       select term_id as id from organization_category where organization_id = $1
     ), fallback as (
       select distinct st.parent_id as id from service s join taxonomy_term st on st.id = s.service_type_id
        where s.organization_id = $1 and st.parent_id is not null and not exists (select 1 from qualified)
     ), cats as (select id from qualified union select id from fallback)
     select st.id, st.name_it, st.name_en, cat.id as cat_id, cat.name_it as cat_name_it, cat.name_en as cat_name_en
       from taxonomy_term st
       join taxonomy_term cat on cat.id = st.parent_id
       join taxonomy tx on tx.id = st.taxonomy_id and tx.code = 'service_type'
      where cat.id in (select id from cats) and st.active and cat.active
      order by cat.position, cat.name_it, st.position, st.name_it`,
    [enteId],
  );
}

/** The options of the edit form: active terms by taxonomy and the ente's active sites. */
export async function cardOptions(q: Queryable, enteId: string): Promise<CardOptions> {
  const terms = await q.query<TermOption & { taxonomy: string }>(
    `select t.id, t.name_it, t.name_en, tx.code as taxonomy
       from taxonomy_term t join taxonomy tx on tx.id = t.taxonomy_id
      where tx.code in ('target_group', 'task', 'time_band', 'municipio', 'support_scheme') and t.active
      order by tx.code, t.position, t.name_it`,
  );
  const sites = await q.query<{ id: string; name: string; address: string }>(
    `select id, name, trim(both ', ' from address || ', ' || postal_code || ' ' || city) as address
       from location where organization_id = $1 and kind = 'ente_site' and active order by name, id`,
    [enteId],
  );
  const of = (code: string) => terms.filter((t) => t.taxonomy === code).map(({ id, name_it, name_en }) => ({ id, name_it, name_en }));
  return {
    targetGroups: of('target_group'),
    tasks: of('task'),
    timeBands: of('time_band'),
    municipi: of('municipio'),
    supportSchemes: of('support_scheme'),
    sites,
  };
}

/** Names of terms and places, for showing ids stored in a card (diff, history). */
export async function namesOf(q: Queryable, ids: string[]): Promise<Map<string, { it: string; en: string }>> {
  const unique = [...new Set(ids)].filter((x) => /^[0-9a-f-]{36}$/i.test(x));
  if (unique.length === 0) return new Map();
  const rows = await q.query<{ id: string; name_it: string; name_en: string }>(
    `select id, name_it, name_en from taxonomy_term where id = any($1::uuid[])
     union all
     select id, name, name from location where id = any($1::uuid[])`,
    [unique],
  );
  return new Map(rows.map((r) => [r.id, { it: r.name_it, en: r.name_en }]));
}

export interface CardRow {
  id: string;
  organization_id: string;
  slug: string;
  name: string;
  status: ServiceStatus;
  published_at: Date | null;
  updated_at: Date;
  service_type_id: string;
  type_name_it: string;
  type_name_en: string;
  cat_id: string | null;
  cat_name_it: string | null;
  cat_name_en: string | null;
  org_name: string;
  org_slug: string;
  org_status: string;
}

const CARD_SELECT = `
  select s.id, s.organization_id, s.slug, s.name, s.status, s.published_at, s.updated_at, s.service_type_id,
         st.name_it as type_name_it, st.name_en as type_name_en,
         cat.id as cat_id, cat.name_it as cat_name_it, cat.name_en as cat_name_en,
         o.name as org_name, o.slug as org_slug, o.status as org_status
    from service s
    join organization o on o.id = s.organization_id
    join taxonomy_term st on st.id = s.service_type_id
    left join taxonomy_term cat on cat.id = st.parent_id`;

/** A card of this ente (undefined when it does not exist or belongs to another ente). */
export async function findEnteCard(q: Queryable, enteId: string, serviceId: string): Promise<CardRow | undefined> {
  return q.maybeOne<CardRow>(`${CARD_SELECT} where s.id = $1 and s.organization_id = $2`, [serviceId, enteId]);
}

export async function findCard(q: Queryable, serviceId: string): Promise<CardRow | undefined> {
  return q.maybeOne<CardRow>(`${CARD_SELECT} where s.id = $1`, [serviceId]);
}

export interface RevisionRow {
  id: string;
  service_id: string;
  number: number;
  status: RevisionState;
  data: unknown;
  section_notes: Record<string, string>;
  decision_note: string | null;
  created_by: string | null;
  decided_by: string | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  created_at: Date;
  updated_at: Date;
  creator_name: string | null;
  decider_name: string | null;
}

const REVISION_SELECT = `
  select r.id, r.service_id, r.number, r.status, r.data, r.section_notes, r.decision_note, r.created_by, r.decided_by,
         r.submitted_at, r.decided_at, r.created_at, r.updated_at,
         nullif(trim(cu.given_name || ' ' || cu.family_name), '') as creator_name,
         nullif(trim(du.given_name || ' ' || du.family_name), '') as decider_name
    from service_revision r
    left join app_user cu on cu.id = r.created_by
    left join app_user du on du.id = r.decided_by`;

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const fixRevision = (r: RevisionRow | undefined): RevisionRow | undefined =>
  r && { ...r, data: parseJson(r.data), section_notes: parseJson<Record<string, string>>(r.section_notes) ?? {} };

export async function revisionsOf(q: Queryable, serviceId: string): Promise<RevisionRow[]> {
  const rows = await q.query<RevisionRow>(`${REVISION_SELECT} where r.service_id = $1 order by r.number desc`, [serviceId]);
  return rows.map((r) => fixRevision(r)!);
}

export async function findRevision(q: Queryable, revisionId: string): Promise<RevisionRow | undefined> {
  return fixRevision(await q.maybeOne<RevisionRow>(`${REVISION_SELECT} where r.id = $1`, [revisionId]));
}

/** The revision of this card, locked for a change (with the card row, so two changes of one card queue up). */
export async function lockRevision(tx: Queryable, serviceId: string, revisionId: string): Promise<RevisionRow | undefined> {
  await tx.query(`select id from service where id = $1 for update`, [serviceId]);
  await tx.query(`select id from service_revision where id = $1 for update`, [revisionId]);
  const r = await findRevision(tx, revisionId);
  return r && r.service_id === serviceId ? r : undefined;
}

export async function openRevisionOf(q: Queryable, serviceId: string): Promise<RevisionRow | undefined> {
  return fixRevision(
    await q.maybeOne<RevisionRow>(`${REVISION_SELECT} where r.service_id = $1 and r.status in ('draft', 'submitted', 'changes_requested')`, [serviceId]),
  );
}

/** The most recent revision of a card (any state). */
export async function latestRevisionOf(q: Queryable, serviceId: string): Promise<RevisionRow | undefined> {
  return fixRevision(await q.maybeOne<RevisionRow>(`${REVISION_SELECT} where r.service_id = $1 order by r.number desc limit 1`, [serviceId]));
}

export async function nextRevisionNumber(q: Queryable, serviceId: string): Promise<number> {
  return (await q.one<{ n: number }>(`select coalesce(max(number), 0) + 1 as n from service_revision where service_id = $1`, [serviceId])).n;
}

// The City's queue

export interface QueueFilter {
  enteId?: string | undefined;
  categoryId?: string | undefined;
  /** true: new cards only; false: changes to published cards only. */
  isNew?: boolean | undefined;
}

export interface QueueItem {
  id: string;
  number: number;
  submitted_at: Date;
  service_id: string;
  service_name: string;
  revision_name: string | null;
  org_id: string;
  org_name: string;
  cat_name_it: string | null;
  cat_name_en: string | null;
  type_name_it: string;
  type_name_en: string;
  is_new: boolean;
  waiting_days: number;
}

/** A card that was never published: its service row is still in one of the first states. */
const IS_NEW = `(s.status in ('draft', 'submitted', 'changes_requested'))`;
const WAITING = `((now() at time zone 'Europe/Rome')::date - (r.submitted_at at time zone 'Europe/Rome')::date)`;

function queueWhere(f: QueueFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const conds = [`r.status = 'submitted'`];
  if (f.enteId) {
    params.push(f.enteId);
    conds.push(`s.organization_id = $${params.length}::uuid`);
  }
  if (f.categoryId) {
    params.push(f.categoryId);
    conds.push(`st.parent_id = $${params.length}::uuid`);
  }
  if (f.isNew !== undefined) conds.push(f.isNew ? IS_NEW : `not ${IS_NEW}`);
  return { sql: conds.join(' and '), params };
}

const QUEUE_FROM = `
  from service_revision r
  join service s on s.id = r.service_id
  join organization o on o.id = s.organization_id
  join taxonomy_term st on st.id = s.service_type_id
  left join taxonomy_term cat on cat.id = st.parent_id`;

export async function countQueue(q: Queryable, f: QueueFilter, overdueAfterDays: number): Promise<{ total: number; overdue: number }> {
  const w = queueWhere(f);
  const row = await q.one<{ total: number; overdue: number }>(
    `select count(*)::int as total, count(*) filter (where ${WAITING} > $${w.params.length + 1})::int as overdue ${QUEUE_FROM} where ${w.sql}`,
    [...w.params, overdueAfterDays],
  );
  return row;
}

/** Submitted revisions, the longest waiting first. */
export async function listQueue(q: Queryable, f: QueueFilter, limit: number, offset: number): Promise<QueueItem[]> {
  const w = queueWhere(f);
  const n = w.params.length;
  return q.query<QueueItem>(
    `select r.id, r.number, r.submitted_at, s.id as service_id, s.name as service_name, r.data->>'name' as revision_name,
            o.id as org_id, o.name as org_name, cat.name_it as cat_name_it, cat.name_en as cat_name_en,
            st.name_it as type_name_it, st.name_en as type_name_en, ${IS_NEW} as is_new, ${WAITING}::int as waiting_days
       ${QUEUE_FROM}
      where ${w.sql}
      order by r.submitted_at, r.id
      limit $${n + 1} offset $${n + 2}`,
    [...w.params, limit, offset],
  );
}

/** Enti and categories to filter the queue by (those with a revision waiting, plus the chosen ones). */
export async function queueFilterOptions(q: Queryable): Promise<{ enti: { id: string; name: string }[]; categories: { id: string; name_it: string; name_en: string }[] }> {
  const [enti, categories] = await Promise.all([
    q.query<{ id: string; name: string }>(
      `select distinct o.id, o.name ${QUEUE_FROM} where r.status = 'submitted' order by o.name, o.id`,
    ),
    q.query<{ id: string; name_it: string; name_en: string; position: number }>(
      `select t.id, t.name_it, t.name_en, t.position from taxonomy_term t join taxonomy tx on tx.id = t.taxonomy_id
        where tx.code = 'category' and t.active order by t.name_it`,
    ),
  ]);
  return { enti, categories: categories.map(({ id, name_it, name_en }) => ({ id, name_it, name_en })) };
}

// Who gets the e-mails

const VALID_ROLE = `ur.revoked_at is null and ur.valid_from <= now() and (ur.valid_to is null or ur.valid_to > now())`;

/** E-mail addresses of the ente's administrators (active accounts, roles valid now). */
export async function enteAdminEmails(q: Queryable, enteId: string): Promise<string[]> {
  const rows = await q.query<{ email: string }>(
    `select distinct u.email from user_role ur join app_user u on u.id = ur.user_id
      where ur.role = 'ente_admin' and ur.organization_id = $1 and ${VALID_ROLE} and u.status = 'active' and u.email is not null
      order by u.email`,
    [enteId],
  );
  return rows.map((r) => r.email);
}

/** E-mail addresses of the City team that validates enti and their cards (permission 'enti'). */
export async function cityTeamEmails(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ email: string }>(
    `select distinct u.email from user_role ur join app_user u on u.id = ur.user_id
      where ur.role = 'city' and ur.permission = 'enti' and ${VALID_ROLE} and u.status = 'active' and u.email is not null
      order by u.email`,
  );
  return rows.map((r) => r.email);
}

// Submissions of a revision: its data each time it was sent to the City (migration 0014), so the City sees what a
// revision sent again after a request for changes changed since the previous submission.

export interface RevisionSubmission {
  number: number;
  data: unknown;
  submitted_at: Date;
}

export async function insertRevisionSubmission(q: Queryable, revisionId: string, data: unknown): Promise<number> {
  const row = await q.one<{ number: number }>(
    `insert into service_revision_submission (revision_id, number, data)
     values ($1, coalesce((select max(number) from service_revision_submission where revision_id = $1), 0) + 1, $2::jsonb)
     returning number`,
    [revisionId, JSON.stringify(data)],
  );
  return row.number;
}

/** The latest submissions of a revision, newest first. */
export async function latestRevisionSubmissions(q: Queryable, revisionId: string, limit = 2): Promise<RevisionSubmission[]> {
  return q.query<RevisionSubmission>(
    `select number, data, submitted_at from service_revision_submission where revision_id = $1 order by number desc limit $2`,
    [revisionId, limit],
  );
}
