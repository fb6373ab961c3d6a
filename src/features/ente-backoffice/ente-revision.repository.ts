import type { Queryable } from '../../db/database';
import type { PublicFacts } from './ente-facts';

// SQL of the requests to change the public facts of an ente card (organization_revision, migration 0014): the
// ente's open request, the City's queue, one request with its ente, the decisions and the writes of an approval.

export type EnteRevisionStatus = 'submitted' | 'changes_requested' | 'approved' | 'withdrawn';
export const OPEN_REVISION_STATUSES: readonly EnteRevisionStatus[] = ['submitted', 'changes_requested'];

export interface EnteRevisionRow {
  id: string;
  organization_id: string;
  number: number;
  status: EnteRevisionStatus;
  data: unknown;
  previous_data: unknown;
  version: number;
  decision_note: string | null;
  created_by: string | null;
  decided_by: string | null;
  submitted_at: Date;
  decided_at: Date | null;
  updated_at: Date;
  org_name: string;
  org_slug: string;
  org_status: string;
  creator_name: string | null;
  decider_name: string | null;
}

const COLUMNS = `r.id, r.organization_id, r.number, r.status, r.data, r.previous_data, r.version, r.decision_note, r.created_by,
  r.decided_by, r.submitted_at, r.decided_at, r.updated_at, o.name as org_name, o.slug as org_slug, o.status as org_status,
  nullif(trim(coalesce(c.given_name, '') || ' ' || coalesce(c.family_name, '')), '') as creator_name,
  nullif(trim(coalesce(d.given_name, '') || ' ' || coalesce(d.family_name, '')), '') as decider_name`;
const FROM = `from organization_revision r join organization o on o.id = r.organization_id
  left join app_user c on c.id = r.created_by left join app_user d on d.id = r.decided_by`;

export async function findEnteRevision(q: Queryable, id: string): Promise<EnteRevisionRow | undefined> {
  return q.maybeOne<EnteRevisionRow>(`select ${COLUMNS} ${FROM} where r.id = $1`, [id]);
}

/** The ente's request waiting or sent back, if any (at most one: organization_revision_open_idx). */
export async function openEnteRevision(q: Queryable, enteId: string): Promise<EnteRevisionRow | undefined> {
  return q.maybeOne<EnteRevisionRow>(`select ${COLUMNS} ${FROM} where r.organization_id = $1 and r.status in ('submitted', 'changes_requested')`, [enteId]);
}

/** Locks a request for a decision (inside a transaction) and reads it. */
export async function lockEnteRevision(tx: Queryable, id: string): Promise<EnteRevisionRow | undefined> {
  await tx.query('select id from organization_revision where id = $1 for update', [id]);
  return findEnteRevision(tx, id);
}

/** Every request of an ente, newest first (the history on the City's page). */
export async function enteRevisionsOf(q: Queryable, enteId: string): Promise<EnteRevisionRow[]> {
  return q.query<EnteRevisionRow>(`select ${COLUMNS} ${FROM} where r.organization_id = $1 order by r.number desc`, [enteId]);
}

export async function insertEnteRevision(tx: Queryable, enteId: string, facts: PublicFacts, createdBy: string): Promise<{ id: string; number: number }> {
  return tx.one(
    `insert into organization_revision (organization_id, number, data, created_by)
     values ($1, coalesce((select max(number) from organization_revision where organization_id = $1), 0) + 1, $2::jsonb, $3)
     returning id, number`,
    [enteId, JSON.stringify(facts), createdBy],
  );
}

/** New facts for a request still waiting (the City sees the latest; the version moves). */
export async function updateEnteRevisionData(tx: Queryable, id: string, facts: PublicFacts): Promise<void> {
  await tx.query(`update organization_revision set data = $2::jsonb, version = version + 1, updated_at = now() where id = $1`, [id, JSON.stringify(facts)]);
}

/** The ente sends a request back to the City after changes were asked: the old facts are kept to compare. */
export async function resubmitEnteRevision(tx: Queryable, id: string, facts: PublicFacts): Promise<void> {
  await tx.query(
    `update organization_revision
        set previous_data = data, data = $2::jsonb, status = 'submitted', version = version + 1, submitted_at = now(), updated_at = now()
      where id = $1`,
    [id, JSON.stringify(facts)],
  );
}

export async function setEnteRevisionStatus(
  tx: Queryable,
  id: string,
  status: EnteRevisionStatus,
  decision?: { by: string; note: string | null },
): Promise<void> {
  await tx.query(
    `update organization_revision
        set status = $2, version = version + 1, updated_at = now(),
            decided_by = case when $3::uuid is null then decided_by else $3::uuid end,
            decided_at = case when $3::uuid is null then decided_at else now() end,
            decision_note = case when $3::uuid is null then decision_note else $4 end
      where id = $1`,
    [id, status, decision?.by ?? null, decision?.note ?? null],
  );
}

/** Writes approved facts into the ente card (what the public reads). */
export async function applyFacts(tx: Queryable, enteId: string, f: PublicFacts): Promise<void> {
  await tx.query(
    `update organization
        set name = $2, description_it = $3, description_en = $4, email = $5, pec = $6, phone = $7, website = $8,
            first_contact_hours = $9, socials = $10::jsonb, updated_at = now()
      where id = $1`,
    [enteId, f.name, f.description_it, f.description_en, f.email, f.pec, f.phone, f.website, f.first_contact_hours, JSON.stringify(f.socials)],
  );
}

/** The search documents of the ente's cards carry its name: rebuilt when the name changes. */
export async function refreshEnteSearch(tx: Queryable, enteId: string): Promise<void> {
  await tx.query(`select refresh_service_search(id) from service where organization_id = $1`, [enteId]);
  await tx.query('select refresh_search_words()');
}

// The City's queue

export type EnteQueueFilter = EnteRevisionStatus | 'open';

export interface EnteQueueItem {
  id: string;
  organization_id: string;
  number: number;
  status: EnteRevisionStatus;
  org_name: string;
  data: unknown;
  submitted_at: Date;
  decided_at: Date | null;
  waiting_days: number;
}

const queueWhere = (f: EnteQueueFilter) => (f === 'open' ? `r.status in ('submitted', 'changes_requested')` : `r.status = $1`);

export async function countEnteQueue(q: Queryable, f: EnteQueueFilter): Promise<number> {
  const row = await q.one<{ n: number }>(`select count(*)::int as n from organization_revision r where ${queueWhere(f)}`, f === 'open' ? [] : [f]);
  return row.n;
}

/** Requests waiting for the City beyond the standard (whatever the filter). */
export async function countEnteOverdue(q: Queryable, days: number): Promise<number> {
  const row = await q.one<{ n: number }>(
    `select count(*)::int as n from organization_revision where status = 'submitted' and submitted_at < now() - make_interval(days => $1)`,
    [days],
  );
  return row.n;
}

/** The queue: requests waiting for the City first, the longest waiting first; then the others, latest first. */
export async function listEnteQueue(q: Queryable, f: EnteQueueFilter, limit: number, offset: number): Promise<EnteQueueItem[]> {
  const params: unknown[] = f === 'open' ? [] : [f];
  return q.query<EnteQueueItem>(
    `select r.id, r.organization_id, r.number, r.status, o.name as org_name, r.data, r.submitted_at, r.decided_at,
            greatest(0, (now() at time zone 'Europe/Rome')::date - (r.submitted_at at time zone 'Europe/Rome')::date)::int as waiting_days
       from organization_revision r join organization o on o.id = r.organization_id
      where ${queueWhere(f)}
      order by case r.status when 'submitted' then 0 when 'changes_requested' then 1 else 2 end,
               case when r.status = 'submitted' then r.submitted_at end asc,
               coalesce(r.decided_at, r.updated_at) desc, r.id
      limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, limit, offset],
  );
}
