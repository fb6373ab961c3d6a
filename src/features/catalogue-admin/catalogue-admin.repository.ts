import type { Queryable } from '../../db/database';
import type { OrgStatus } from './org-status';

// SQL of the catalogue administration: taxonomies and their terms with how many cards use each, enti and cards
// by state, the price-list coverage of paid cards. Every value is a parameter; the SQL put together here is made
// of fixed fragments only.

/** A role grant valid now (not revoked, inside its validity window). */
const ACTIVE_ROLE = `r.revoked_at is null and r.valid_from <= now() and (r.valid_to is null or r.valid_to > now())`;

/** Today's date in Milan (price lists are valid by calendar day). */
export const TODAY = `(now() at time zone 'Europe/Rome')::date`;

/**
 * Price-list coverage of each card: the lists of a card merged into continuous stretches (a list starting the
 * day after another ends continues it), and of them the stretch that covers today. `until` is the last day
 * covered ('infinity' when a list has no end). A card without a row is not covered today.
 */
export const COVERAGE_CTE = `coverage as (
  select service_id, max(until) as until from (
    select service_id, min(valid_from) as since, max(vt) as until from (
      select service_id, valid_from, vt,
             sum(case when prev_max is not null and valid_from - 1 <= prev_max then 0 else 1 end)
               over (partition by service_id order by valid_from, vt rows unbounded preceding) as island
        from (
          select service_id, valid_from, coalesce(valid_to, 'infinity'::date) as vt,
                 max(coalesce(valid_to, 'infinity'::date))
                   over (partition by service_id order by valid_from, coalesce(valid_to, 'infinity'::date)
                         rows between unbounded preceding and 1 preceding) as prev_max
            from price_list
        ) a
    ) b
    group by service_id, island
  ) c
  where since <= ${TODAY} and until >= ${TODAY}
  group by service_id
)`;

// ---------------------------------------------------------------------------------------------------------------
// Taxonomies and terms

export interface TaxonomyRow {
  id: string;
  code: string;
  name_it: string;
  name_en: string;
  description_it: string;
  description_en: string;
  terms: number;
  active_terms: number;
}

export async function listTaxonomies(q: Queryable): Promise<TaxonomyRow[]> {
  return q.query<TaxonomyRow>(
    `select x.id, x.code, x.name_it, x.name_en, x.description_it, x.description_en,
            count(t.id)::int as terms, (count(t.id) filter (where t.active))::int as active_terms
       from taxonomy x left join taxonomy_term t on t.taxonomy_id = x.id
      group by x.id order by x.code`,
  );
}

export async function findTaxonomy(q: Queryable, code: string): Promise<TaxonomyRow | undefined> {
  return q.maybeOne<TaxonomyRow>(
    `select x.id, x.code, x.name_it, x.name_en, x.description_it, x.description_en,
            count(t.id)::int as terms, (count(t.id) filter (where t.active))::int as active_terms
       from taxonomy x left join taxonomy_term t on t.taxonomy_id = x.id
      where x.code = $1 group by x.id`,
    [code],
  );
}

export interface TermUsage {
  /** Cards using the term, archived ones excluded. */
  cards: number;
  /** Published cards using the term (whatever the state of their ente). */
  published: number;
  /** Every card using it, archived included (their search documents name it). */
  all: number;
}

export interface AdminTermRow extends TermUsage {
  id: string;
  taxonomy_id: string;
  code: string;
  slug: string;
  name_it: string;
  name_en: string;
  description_it: string;
  description_en: string;
  synonyms: string[];
  icon: string | null;
  position: number;
  active: boolean;
  parent_id: string | null;
  parent_name_it: string | null;
  parent_name_en: string | null;
  parent_active: boolean | null;
  /** Active terms under this one (categories of a section, service types of a category). */
  children: number;
  updated_at: Date;
}

/**
 * Which cards use which term (the terms chosen by `termsSql`, a subquery of term ids): as service type, as the
 * category of the service type, as the section of that category, as a term of the card, as a Municipio served.
 */
function usageCte(termsSql: string): string {
  return `chosen as (${termsSql}),
  uses as (
    select s.service_type_id as term_id, s.id as service_id, s.status from service s where s.service_type_id in (select id from chosen)
    union
    select st.parent_id, s.id, s.status from service s join taxonomy_term st on st.id = s.service_type_id
     where st.parent_id in (select id from chosen)
    union
    select cat.parent_id, s.id, s.status from service s join taxonomy_term st on st.id = s.service_type_id
      join taxonomy_term cat on cat.id = st.parent_id where cat.parent_id in (select id from chosen)
    union
    select x.term_id, s.id, s.status from service_taxonomy x join service s on s.id = x.service_id where x.term_id in (select id from chosen)
    union
    select a.municipio_id, s.id, s.status from service_area a join service s on s.id = a.service_id where a.municipio_id in (select id from chosen)
  ),
  usage as (
    select term_id, (count(*) filter (where status <> 'archived'))::int as cards,
           (count(*) filter (where status = 'published'))::int as published, count(*)::int as all_cards
      from uses group by term_id
  )`;
}

const TERM_SELECT = `select t.id, t.taxonomy_id, t.code, t.slug, t.name_it, t.name_en, t.description_it, t.description_en, t.synonyms,
          t.icon, t.position, t.active, t.parent_id, t.updated_at,
          p.name_it as parent_name_it, p.name_en as parent_name_en, p.active as parent_active,
          coalesce(u.cards, 0) as cards, coalesce(u.published, 0) as published, coalesce(u.all_cards, 0) as "all",
          (select count(*) from taxonomy_term c where c.parent_id = t.id and c.active)::int as children
     from taxonomy_term t
     left join taxonomy_term p on p.id = t.parent_id
     left join usage u on u.term_id = t.id`;

export interface TermFilter {
  text?: string | undefined;
  parentId?: string | undefined;
  active?: boolean | undefined;
}

export async function listTerms(q: Queryable, taxonomyId: string, f: TermFilter = {}): Promise<AdminTermRow[]> {
  const params: unknown[] = [taxonomyId];
  const where = ['t.taxonomy_id = $1'];
  if (f.text) {
    params.push(f.text);
    const p = `$${params.length}`;
    where.push(`(position(wemi_norm(${p}) in wemi_norm(t.name_it || ' ' || t.name_en || ' ' || t.code || ' ' || array_to_string(t.synonyms, ' '))) > 0)`);
  }
  if (f.parentId) {
    params.push(f.parentId);
    where.push(`t.parent_id = $${params.length}`);
  }
  if (f.active !== undefined) {
    params.push(f.active);
    where.push(`t.active = $${params.length}`);
  }
  return q.query<AdminTermRow>(
    `with ${usageCte('select id from taxonomy_term where taxonomy_id = $1')}
     ${TERM_SELECT}
     where ${where.join(' and ')}
     order by p.position nulls first, p.name_it nulls first, t.position, t.name_it, t.code`,
    params,
  );
}

export async function findAdminTerm(q: Queryable, taxonomyId: string, termId: string): Promise<AdminTermRow | undefined> {
  return q.maybeOne<AdminTermRow>(
    `with ${usageCte('select $2::uuid as id')}
     ${TERM_SELECT}
     where t.taxonomy_id = $1 and t.id = $2`,
    [taxonomyId, termId],
  );
}

export interface TermOption {
  id: string;
  slug: string;
  code: string;
  name_it: string;
  name_en: string;
  active: boolean;
  parent_id: string | null;
}

/** The terms of a vocabulary, for select lists (inactive ones only when asked). */
export async function termOptions(q: Queryable, taxonomyCode: string, opts: { includeInactive?: boolean } = {}): Promise<TermOption[]> {
  return q.query<TermOption>(
    `select t.id, t.slug, t.code, t.name_it, t.name_en, t.active, t.parent_id
       from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id
      where x.code = $1 ${opts.includeInactive ? '' : 'and t.active'}
      order by t.position, t.name_it, t.code`,
    [taxonomyCode],
  );
}

/**
 * The active terms of a vocabulary: what the ente forms offer (a deactivated term is no longer a choice; it
 * stays on the cards that have it). For the applications, ente card and service-card features.
 */
export function activeTerms(q: Queryable, taxonomyCode: string): Promise<TermOption[]> {
  return termOptions(q, taxonomyCode);
}

export async function termBySlug(q: Queryable, taxonomyCode: string, slug: string): Promise<TermOption | undefined> {
  return q.maybeOne<TermOption>(
    `select t.id, t.slug, t.code, t.name_it, t.name_en, t.active, t.parent_id
       from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = $1 and t.slug = $2`,
    [taxonomyCode, slug],
  );
}

/** Locks the vocabulary row: term creations in one vocabulary run one at a time (unique codes and slugs). */
export async function lockTaxonomy(q: Queryable, taxonomyId: string): Promise<void> {
  await q.query('select id from taxonomy where id = $1 for update', [taxonomyId]);
}

/** Codes and slugs of the vocabulary that start like these (to pick free ones). */
export async function takenCodesAndSlugs(q: Queryable, taxonomyId: string, code: string, slug: string): Promise<{ codes: Set<string>; slugs: Set<string> }> {
  const rows = await q.query<{ code: string; slug: string }>(
    `select code, slug from taxonomy_term
      where taxonomy_id = $1 and (left(code, length($2)) = $2 or left(slug, length($3)) = $3)`,
    [taxonomyId, code, slug],
  );
  return { codes: new Set(rows.map((r) => r.code)), slugs: new Set(rows.map((r) => r.slug)) };
}

/** Another term of the vocabulary with the same Italian or English name (case and accents ignored). */
export async function sameNameTerm(q: Queryable, taxonomyId: string, nameIt: string, nameEn: string, exceptId: string | null): Promise<{ lang: 'it' | 'en' } | undefined> {
  const row = await q.maybeOne<{ it: boolean }>(
    `select wemi_norm(name_it) = wemi_norm($2) as it from taxonomy_term
      where taxonomy_id = $1 and (wemi_norm(name_it) = wemi_norm($2) or wemi_norm(name_en) = wemi_norm($3))
        and ($4::uuid is null or id <> $4::uuid)
      order by 1 desc limit 1`,
    [taxonomyId, nameIt, nameEn, exceptId],
  );
  return row ? { lang: row.it ? 'it' : 'en' } : undefined;
}

export async function nextPosition(q: Queryable, taxonomyId: string, parentId: string | null): Promise<number> {
  const row = await q.one<{ n: number }>(
    `select coalesce(max(position), 0)::int + 1 as n from taxonomy_term
      where taxonomy_id = $1 and parent_id is not distinct from $2::uuid`,
    [taxonomyId, parentId],
  );
  return row.n;
}

export interface TermValues {
  parentId: string | null;
  nameIt: string;
  nameEn: string;
  descriptionIt: string;
  descriptionEn: string;
  synonyms: string[];
  icon: string | null;
  position: number;
}

export async function insertTerm(q: Queryable, taxonomyId: string, code: string, slug: string, v: TermValues): Promise<string> {
  const row = await q.one<{ id: string }>(
    `insert into taxonomy_term (taxonomy_id, parent_id, code, slug, name_it, name_en, description_it, description_en, synonyms, icon, position)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [taxonomyId, v.parentId, code, slug, v.nameIt, v.nameEn, v.descriptionIt, v.descriptionEn, v.synonyms, v.icon, v.position],
  );
  return row.id;
}

export async function updateTerm(q: Queryable, termId: string, v: TermValues): Promise<void> {
  await q.query(
    `update taxonomy_term set parent_id = $2, name_it = $3, name_en = $4, description_it = $5, description_en = $6,
            synonyms = $7, icon = $8, position = $9, updated_at = now()
      where id = $1`,
    [termId, v.parentId, v.nameIt, v.nameEn, v.descriptionIt, v.descriptionEn, v.synonyms, v.icon, v.position],
  );
}

/** Sets the active flag; false when it already had that value (nothing changed). */
export async function setTermActive(q: Queryable, termId: string, active: boolean): Promise<boolean> {
  const rows = await q.query(`update taxonomy_term set active = $2, updated_at = now() where id = $1 and active <> $2 returning id`, [termId, active]);
  return rows.length === 1;
}

/** Rebuilds the search documents of every card and the typo vocabulary (names and synonyms changed). */
export async function refreshSearch(q: Queryable, opts: { documents: boolean }): Promise<void> {
  if (opts.documents) await q.query('select refresh_service_search(null)');
  await q.query('select refresh_search_words()');
}

// ---------------------------------------------------------------------------------------------------------------
// Enti

export interface EnteFilter {
  text?: string | undefined;
  status?: OrgStatus | undefined;
  categoryId?: string | undefined;
  municipioId?: string | undefined;
}

export interface EnteListItem {
  id: string;
  slug: string;
  name: string;
  status: OrgStatus;
  status_reason: string | null;
  tax_code: string | null;
  qualified_at: Date | null;
  is_demo: boolean;
  published: number;
  pending: number;
  expired: number;
}

function enteWhere(f: EnteFilter, withStatus: boolean): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.text) {
    const x = p(f.text);
    parts.push(
      `(position(wemi_norm(${x}) in wemi_norm(o.name || ' ' || o.slug)) > 0 or upper(o.tax_code) = upper(${x})
        or o.vat_number = ${x} or lower(o.email) = lower(${x}))`,
    );
  }
  if (withStatus && f.status) parts.push(`o.status = ${p(f.status)}`);
  if (f.categoryId) {
    const x = p(f.categoryId);
    parts.push(
      `(exists (select 1 from organization_category oc where oc.organization_id = o.id and oc.term_id = ${x}::uuid)
        or exists (select 1 from service s join taxonomy_term st on st.id = s.service_type_id
                    where s.organization_id = o.id and st.parent_id = ${x}::uuid))`,
    );
  }
  if (f.municipioId) {
    const x = p(f.municipioId);
    parts.push(
      `(exists (select 1 from organization_municipio om where om.organization_id = o.id and om.municipio_id = ${x}::uuid)
        or exists (select 1 from location l where l.organization_id = o.id and l.kind = 'ente_site' and l.municipio_id = ${x}::uuid)
        or exists (select 1 from service s join service_area a on a.service_id = s.id
                    where s.organization_id = o.id and a.municipio_id = ${x}::uuid))`,
    );
  }
  return { sql: parts.length ? `where ${parts.join(' and ')}` : '', params };
}

export async function countEntiByStatus(q: Queryable, f: EnteFilter): Promise<Record<OrgStatus, number>> {
  const w = enteWhere(f, false);
  const rows = await q.query<{ status: OrgStatus; n: number }>(`select o.status, count(*)::int as n from organization o ${w.sql} group by o.status`, w.params);
  const out: Record<OrgStatus, number> = { active: 0, suspended: 0, revoked: 0, draft: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/** A card waits for the City: submitted for the first time, or published with a revision submitted. */
const PENDING_CARD = `(s.status = 'submitted' or exists (select 1 from service_revision r where r.service_id = s.id and r.status = 'submitted'))`;

const ENTE_COUNTS = `(select count(*) from service s where s.organization_id = o.id and s.status = 'published')::int as published,
            (select count(*) from service s where s.organization_id = o.id and ${PENDING_CARD})::int as pending,
            (select count(*) from service s where s.organization_id = o.id and s.status = 'expired')::int as expired`;

export async function listEnti(q: Queryable, f: EnteFilter, limit: number, offset: number): Promise<EnteListItem[]> {
  const w = enteWhere(f, true);
  return q.query<EnteListItem>(
    `select o.id, o.slug, o.name, o.status, o.status_reason, o.tax_code, o.qualified_at, o.is_demo, ${ENTE_COUNTS}
       from organization o ${w.sql}
      order by lower(o.name), o.id
      limit $${w.params.length + 1} offset $${w.params.length + 2}`,
    [...w.params, limit, offset],
  );
}

export interface EnteDetail extends EnteListItem {
  email: string | null;
  pec: string | null;
  phone: string | null;
  vat_number: string | null;
  legal_form: string;
  created_at: Date;
  updated_at: Date;
  cards: Record<string, number>;
  admins: number;
}

export async function findEnte(q: Queryable, id: string): Promise<EnteDetail | undefined> {
  return q.maybeOne<EnteDetail>(
    `select o.id, o.slug, o.name, o.status, o.status_reason, o.tax_code, o.vat_number, o.qualified_at, o.is_demo,
            o.email, o.pec, o.phone, o.legal_form, o.created_at, o.updated_at, ${ENTE_COUNTS},
            coalesce((select json_object_agg(status, n) from (select s.status, count(*)::int as n from service s
                       where s.organization_id = o.id group by s.status) c), '{}'::json) as cards,
            (select count(distinct r.user_id) from user_role r join app_user u on u.id = r.user_id
              where r.organization_id = o.id and r.role = 'ente_admin' and ${ACTIVE_ROLE} and u.status = 'active')::int as admins
       from organization o where o.id = $1`,
    [id],
  );
}

/** Locks the ente for a status change and reads what the change needs. */
export async function lockEnte(q: Queryable, id: string): Promise<{ id: string; name: string; slug: string; status: OrgStatus } | undefined> {
  return q.maybeOne(`select id, name, slug, status from organization where id = $1 for update`, [id]);
}

export async function setEnteStatus(q: Queryable, id: string, from: readonly OrgStatus[], to: OrgStatus, reason: string | null): Promise<boolean> {
  const rows = await q.query(
    `update organization set status = $3, status_reason = $4, updated_at = now() where id = $1 and status = any($2::text[]) returning id`,
    [id, from, to, reason],
  );
  return rows.length === 1;
}

export interface Recipient {
  email: string;
  given_name: string;
  family_name: string;
}

/** The administrators of an ente who can receive e-mail: ente_admin role valid now, active account. */
export async function enteAdministrators(q: Queryable, organizationId: string): Promise<Recipient[]> {
  return q.query<Recipient>(
    `select distinct on (u.email) u.email, u.given_name, u.family_name
       from user_role r join app_user u on u.id = r.user_id
      where r.organization_id = $1 and r.role = 'ente_admin' and ${ACTIVE_ROLE}
        and u.status = 'active' and u.email is not null
      order by u.email`,
    [organizationId],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Cards

export const CARD_STATUSES = ['published', 'offline', 'expired', 'suspended', 'draft', 'submitted', 'changes_requested', 'archived'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export interface CardFilter {
  organizationId?: string | undefined;
  categoryId?: string | undefined;
  status?: CardStatus | undefined;
  /** Paid cards whose price lists stop covering them within this many days. */
  expiringWithinDays?: number | undefined;
}

export interface CardListItem {
  id: string;
  slug: string;
  name: string;
  status: CardStatus;
  offer_type: 'paid' | 'free_public' | 'free_volunteer';
  is_demo: boolean;
  updated_at: Date;
  organization_id: string;
  organization_name: string;
  organization_status: OrgStatus;
  type_it: string;
  type_en: string;
  category_it: string | null;
  category_en: string | null;
  /** Paid cards: last day covered by the price lists, 'YYYY-MM-DD'; null when open-ended or not covered. */
  price_until: string | null;
  /** Paid cards: some price list is valid today. */
  price_covered: boolean;
  pending_revision: boolean;
}

function cardWhere(f: CardFilter, withStatus: boolean): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.organizationId) parts.push(`s.organization_id = ${p(f.organizationId)}::uuid`);
  if (f.categoryId) parts.push(`st.parent_id = ${p(f.categoryId)}::uuid`);
  if (withStatus && f.status) parts.push(`s.status = ${p(f.status)}`);
  if (f.expiringWithinDays !== undefined) {
    parts.push(`s.offer_type = 'paid' and cov.until <> 'infinity'::date and cov.until <= ${TODAY} + ${p(f.expiringWithinDays)}::int`);
  }
  return { sql: parts.length ? `where ${parts.join(' and ')}` : '', params };
}

const CARD_FROM = `from service s
       join organization o on o.id = s.organization_id
       join taxonomy_term st on st.id = s.service_type_id
       left join taxonomy_term cat on cat.id = st.parent_id
       left join coverage cov on cov.service_id = s.id`;

export async function countCardsByStatus(q: Queryable, f: CardFilter): Promise<Record<CardStatus, number>> {
  const w = cardWhere(f, false);
  const rows = await q.query<{ status: CardStatus; n: number }>(
    `with ${COVERAGE_CTE} select s.status, count(*)::int as n ${CARD_FROM} ${w.sql} group by s.status`,
    w.params,
  );
  const out = Object.fromEntries(CARD_STATUSES.map((s) => [s, 0])) as Record<CardStatus, number>;
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export async function listCards(q: Queryable, f: CardFilter, limit: number, offset: number): Promise<CardListItem[]> {
  const w = cardWhere(f, true);
  return q.query<CardListItem>(
    `with ${COVERAGE_CTE}
     select s.id, s.slug, s.name, s.status, s.offer_type, s.is_demo, s.updated_at,
            o.id as organization_id, o.name as organization_name, o.status as organization_status,
            st.name_it as type_it, st.name_en as type_en, cat.name_it as category_it, cat.name_en as category_en,
            case when cov.until is null or cov.until = 'infinity'::date then null else to_char(cov.until, 'YYYY-MM-DD') end as price_until,
            cov.service_id is not null as price_covered,
            exists (select 1 from service_revision r where r.service_id = s.id and r.status = 'submitted') as pending_revision
       ${CARD_FROM} ${w.sql}
      order by ${f.expiringWithinDays !== undefined ? 'cov.until, ' : ''}lower(s.name), s.id
      limit $${w.params.length + 1} offset $${w.params.length + 2}`,
    [...w.params, limit, offset],
  );
}

/** Enti that have at least one card (the choices of the cards filter). */
export async function entiWithCards(q: Queryable): Promise<{ id: string; name: string }[]> {
  return q.query(
    `select o.id, o.name from organization o where exists (select 1 from service s where s.organization_id = o.id)
      order by lower(o.name), o.id`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The concept dictionary of the search (search_concept, migration 0010). Its triggers notify the search caches.

export interface ConceptAdminRow {
  id: string;
  label: string;
  kind: 'concept' | 'ignore';
  terms: string[];
  related: string[];
  service_types: string[];
  categories: string[];
  updated_at: string;
}

export interface ConceptValues {
  label: string;
  kind: 'concept' | 'ignore';
  terms: string[];
  related: string[];
  serviceTypes: string[];
  categories: string[];
}

export function listConcepts(db: Queryable, opts: { text?: string | undefined; kind?: 'concept' | 'ignore' | undefined }): Promise<ConceptAdminRow[]> {
  return db.query<ConceptAdminRow>(
    `select id, label, kind, terms, related, service_types, categories, updated_at from search_concept
      where ($1::text is null or wemi_norm(label) like '%' || wemi_norm($1) || '%'
             or exists (select 1 from unnest(terms || related) w where w like '%' || wemi_norm($1) || '%'))
        and ($2::text is null or kind = $2)
      order by kind, lower(label), id`,
    [opts.text ?? null, opts.kind ?? null],
  );
}

export function findConcept(db: Queryable, id: string): Promise<ConceptAdminRow | undefined> {
  return db.maybeOne<ConceptAdminRow>('select id, label, kind, terms, related, service_types, categories, updated_at from search_concept where id = $1', [id]);
}

export async function insertConcept(db: Queryable, v: ConceptValues, userId: string): Promise<string> {
  const row = await db.one<{ id: string }>(
    `insert into search_concept (label, kind, terms, related, service_types, categories, updated_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [v.label, v.kind, v.terms, v.related, v.serviceTypes, v.categories, userId],
  );
  return row.id;
}

export async function updateConcept(db: Queryable, id: string, v: ConceptValues, userId: string): Promise<boolean> {
  const rows = await db.query(
    `update search_concept set label = $2, kind = $3, terms = $4, related = $5, service_types = $6, categories = $7, updated_by = $8, updated_at = now()
      where id = $1 returning id`,
    [id, v.label, v.kind, v.terms, v.related, v.serviceTypes, v.categories, userId],
  );
  return rows.length > 0;
}

export async function deleteConcept(db: Queryable, id: string): Promise<ConceptAdminRow | undefined> {
  return db.maybeOne<ConceptAdminRow>('delete from search_concept where id = $1 returning id, label, kind, terms, related, service_types, categories, updated_at', [id]);
}

/** Service types and categories a concept can point to: code, Italian name, and the category of a service type. */
export function conceptTargets(db: Queryable): Promise<{ taxonomy: 'category' | 'service_type'; code: string; name_it: string; name_en: string; parent: string | null; active: boolean }[]> {
  return db.query(
    `select x.code as taxonomy, t.code, t.name_it, t.name_en, p.name_it as parent, t.active
       from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id left join taxonomy_term p on p.id = t.parent_id
      where x.code in ('category', 'service_type')
      order by x.code, coalesce(p.name_it, ''), t.name_it`,
  );
}
