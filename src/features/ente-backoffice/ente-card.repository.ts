import type { Queryable } from '../../db/database';
import type { PublicFileColumn } from '../enti/enti.repository';

// SQL of the ente back office: the ente card, its sites, its links to Spazi WeMi and its team. Every function
// takes the ente id the route already checked (requireEnte) and never reaches another ente's rows.

export type EnteStatus = 'draft' | 'active' | 'suspended' | 'revoked';

export interface EnteCardRow {
  id: string;
  slug: string;
  name: string;
  legal_form: string;
  status: EnteStatus;
  status_reason: string | null;
  tax_code: string | null;
  vat_number: string | null;
  runts_number: string | null;
  registered_office: string;
  legal_representative: string;
  description_it: string;
  description_en: string;
  email: string | null;
  pec: string | null;
  phone: string | null;
  website: string | null;
  contact_person: string;
  first_contact_hours: string;
  socials: unknown;
  logo_file_id: string | null;
  terms_file_id: string | null;
  privacy_file_id: string | null;
  withdrawal_file_id: string | null;
  updated_at: Date;
}

const CARD_COLUMNS = `id, slug, name, legal_form, status, status_reason, tax_code, vat_number, runts_number, registered_office,
  legal_representative, description_it, description_en, email, pec, phone, website, contact_person, first_contact_hours,
  socials, logo_file_id, terms_file_id, privacy_file_id, withdrawal_file_id, updated_at`;

export async function findEnteCard(q: Queryable, enteId: string): Promise<EnteCardRow | undefined> {
  return q.maybeOne<EnteCardRow>(`select ${CARD_COLUMNS} from organization where id = $1`, [enteId]);
}

/** The card, locked for a change (two admins saving at once are applied one after the other). */
export async function lockEnteCard(tx: Queryable, enteId: string): Promise<EnteCardRow | undefined> {
  return tx.maybeOne<EnteCardRow>(`select ${CARD_COLUMNS} from organization where id = $1 for update`, [enteId]);
}

/** The fields of the card the ente edits (the public facts wait for the City: ente-facts.ts). */
export interface EnteCardFields {
  name: string;
  description_it: string;
  description_en: string;
  email: string | null;
  pec: string | null;
  phone: string | null;
  website: string | null;
  contact_person: string;
  first_contact_hours: string;
  socials: Record<string, string>;
}

/** The fields of the card that are not public and save at once: the contact person for the City. */
export async function updateContactPerson(tx: Queryable, enteId: string, contactPerson: string): Promise<void> {
  await tx.query(`update organization set contact_person = $2, updated_at = now() where id = $1`, [enteId, contactPerson]);
}

/** Sets (or clears) the logo or a document of the ente. */
export async function setEnteFile(tx: Queryable, enteId: string, column: PublicFileColumn, fileId: string | null): Promise<void> {
  await tx.query(`update organization set ${column} = $2, updated_at = now() where id = $1`, [enteId, fileId]);
}

export interface StoredFileMeta {
  id: string;
  content_type: string;
  size_bytes: number;
  original_name: string;
  created_at: Date;
}

export async function filesMeta(q: Queryable, ids: readonly (string | null)[]): Promise<StoredFileMeta[]> {
  const list = ids.filter((x): x is string => x !== null);
  if (!list.length) return [];
  return q.query<StoredFileMeta>(`select id, content_type, size_bytes, original_name, created_at from stored_file where id = any($1::uuid[])`, [list]);
}

// The home page summary

export interface EnteCounts {
  sites: number;
  spazi: number;
  team: number;
  services_published: number;
  services_total: number;
}

export async function enteCounts(q: Queryable, enteId: string): Promise<EnteCounts> {
  return q.one<EnteCounts>(
    `select
       (select count(*)::int from location where organization_id = $1 and kind = 'ente_site') as sites,
       (select count(*)::int from organization_spazio os join location l on l.id = os.location_id
         where os.organization_id = $1 and l.kind = 'spazio_wemi' and l.active) as spazi,
       (select count(distinct user_id)::int from user_role
         where organization_id = $1 and role in ('ente_admin', 'ente_operator') and revoked_at is null
           and (valid_to is null or valid_to > now())) as team,
       (select count(*)::int from service where organization_id = $1 and status = 'published') as services_published,
       (select count(*)::int from service where organization_id = $1 and status <> 'archived') as services_total`,
    [enteId],
  );
}

// Municipi

export interface MunicipioOption {
  id: string;
  position: number;
  name_it: string;
  name_en: string;
}

export async function municipioOptions(q: Queryable): Promise<MunicipioOption[]> {
  return q.query<MunicipioOption>(
    `select t.id, t.position, t.name_it, t.name_en
       from taxonomy_term t join taxonomy tx on tx.id = t.taxonomy_id
      where tx.code = 'municipio' and t.active
      order by t.position, t.name_it`,
  );
}

// Sites

export interface SiteRow {
  id: string;
  name: string;
  address: string;
  postal_code: string;
  city: string;
  municipio_id: string | null;
  municipio_name_it: string | null;
  municipio_name_en: string | null;
  email: string | null;
  phone: string | null;
  hours_it: string;
  hours_en: string;
  active: boolean;
  /** Service cards delivered at the site. */
  services_count: number;
}

const SITE_COLUMNS = `l.id, l.name, l.address, l.postal_code, l.city, l.municipio_id, m.name_it as municipio_name_it,
  m.name_en as municipio_name_en, l.email, l.phone, l.hours_it, l.hours_en, l.active,
  (select count(*)::int from service_at_location sal where sal.location_id = l.id) as services_count`;

export async function listSites(q: Queryable, enteId: string): Promise<SiteRow[]> {
  return q.query<SiteRow>(
    `select ${SITE_COLUMNS}
       from location l left join taxonomy_term m on m.id = l.municipio_id
      where l.organization_id = $1 and l.kind = 'ente_site'
      order by lower(l.name), l.id`,
    [enteId],
  );
}

export async function findSite(q: Queryable, enteId: string, siteId: string): Promise<SiteRow | undefined> {
  return q.maybeOne<SiteRow>(
    `select ${SITE_COLUMNS}
       from location l left join taxonomy_term m on m.id = l.municipio_id
      where l.id = $2 and l.organization_id = $1 and l.kind = 'ente_site'`,
    [enteId, siteId],
  );
}

export interface SiteFields {
  name: string;
  address: string;
  postal_code: string;
  municipio_id: string;
  email: string | null;
  phone: string | null;
  hours_it: string;
  hours_en: string;
}

export async function insertSite(tx: Queryable, enteId: string, f: SiteFields): Promise<string> {
  const row = await tx.one<{ id: string }>(
    `insert into location (organization_id, kind, name, address, postal_code, municipio_id, email, phone, hours_it, hours_en)
     values ($1, 'ente_site', $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [enteId, f.name, f.address, f.postal_code, f.municipio_id, f.email, f.phone, f.hours_it, f.hours_en],
  );
  return row.id;
}

export async function updateSite(tx: Queryable, enteId: string, siteId: string, f: SiteFields): Promise<boolean> {
  const rows = await tx.query(
    `update location
        set name = $3, address = $4, postal_code = $5, municipio_id = $6, email = $7, phone = $8, hours_it = $9, hours_en = $10,
            updated_at = now()
      where id = $2 and organization_id = $1 and kind = 'ente_site'
      returning id`,
    [enteId, siteId, f.name, f.address, f.postal_code, f.municipio_id, f.email, f.phone, f.hours_it, f.hours_en],
  );
  return rows.length > 0;
}

/** Locks a site of the ente (for removal); undefined when it is not one of the ente's sites. */
export async function lockSite(tx: Queryable, enteId: string, siteId: string): Promise<{ id: string; name: string } | undefined> {
  return tx.maybeOne(`select id, name from location where id = $2 and organization_id = $1 and kind = 'ente_site' for update`, [enteId, siteId]);
}

/**
 * What keeps a site: the service cards delivered there (service_at_location), and the revisions in progress of the
 * ente's cards that name it (their data is a jsonb document; the site id, a UUID, cannot appear there by chance).
 */
export async function siteUsage(q: Queryable, enteId: string, siteId: string): Promise<{ services: string[]; revisions: number }> {
  const services = await q.query<{ name: string }>(
    `select s.name from service_at_location sal join service s on s.id = sal.service_id
      where sal.location_id = $1 order by lower(s.name), s.id`,
    [siteId],
  );
  const revisions = await q.one<{ n: number }>(
    `select count(*)::int as n from service_revision r join service s on s.id = r.service_id
      where s.organization_id = $1 and r.status in ('draft', 'submitted', 'changes_requested')
        and strpos(r.data::text, $2) > 0`,
    [enteId, siteId],
  );
  return { services: services.map((s) => s.name), revisions: revisions.n };
}

export async function deleteSite(tx: Queryable, enteId: string, siteId: string): Promise<boolean> {
  const rows = await tx.query(`delete from location where id = $2 and organization_id = $1 and kind = 'ente_site' returning id`, [enteId, siteId]);
  return rows.length > 0;
}

// Spazi WeMi

export interface SpazioOption {
  id: string;
  name: string;
  municipio_position: number | null;
  municipio_name_it: string | null;
  municipio_name_en: string | null;
  linked: boolean;
}

/** The active Spazi WeMi, each marked when the ente works with it. */
export async function spaziWithLinks(q: Queryable, enteId: string): Promise<SpazioOption[]> {
  return q.query<SpazioOption>(
    `select l.id, l.name, m.position as municipio_position, m.name_it as municipio_name_it, m.name_en as municipio_name_en,
            exists (select 1 from organization_spazio os where os.organization_id = $1 and os.location_id = l.id) as linked
       from location l left join taxonomy_term m on m.id = l.municipio_id
      where l.kind = 'spazio_wemi' and l.active
      order by m.position nulls last, lower(l.name), l.id`,
    [enteId],
  );
}

/**
 * Sets the ente's links among the active Spazi WeMi to exactly `ids` (links to Spazi no longer active are kept).
 * Returns what was added and removed.
 */
export async function setSpaziLinks(tx: Queryable, enteId: string, ids: readonly string[]): Promise<{ added: string[]; removed: string[] }> {
  const removed = await tx.query<{ location_id: string }>(
    `delete from organization_spazio os using location l
      where os.organization_id = $1 and l.id = os.location_id and l.kind = 'spazio_wemi' and l.active
        and not (os.location_id = any($2::uuid[]))
      returning os.location_id`,
    [enteId, ids],
  );
  const added = await tx.query<{ location_id: string }>(
    `insert into organization_spazio (organization_id, location_id)
     select $1, l.id from location l where l.id = any($2::uuid[]) and l.kind = 'spazio_wemi' and l.active
     on conflict do nothing
     returning location_id`,
    [enteId, ids],
  );
  return { added: added.map((r) => r.location_id).sort(), removed: removed.map((r) => r.location_id).sort() };
}

// The team: people with an ente role for this ente

export interface TeamMember {
  user_id: string;
  given_name: string;
  family_name: string;
  email: string | null;
  status: 'invited' | 'active' | 'suspended' | 'deleted';
  is_admin: boolean;
  is_operator: boolean;
  /** When the earliest current role started. */
  since: Date;
}

const TEAM_QUERY = `
  select u.id as user_id, u.given_name, u.family_name, u.email, u.status,
         bool_or(r.role = 'ente_admin') as is_admin, bool_or(r.role = 'ente_operator') as is_operator,
         min(r.valid_from) as since
    from user_role r join app_user u on u.id = r.user_id
   where r.organization_id = $1 and r.role in ('ente_admin', 'ente_operator') and r.revoked_at is null
     and (r.valid_to is null or r.valid_to > now()) and u.status <> 'deleted'`;

export async function listTeam(q: Queryable, enteId: string): Promise<TeamMember[]> {
  return q.query<TeamMember>(
    `${TEAM_QUERY}
     group by u.id, u.given_name, u.family_name, u.email, u.status
     order by bool_or(r.role = 'ente_admin') desc, lower(u.family_name), lower(u.given_name), u.email, u.id`,
    [enteId],
  );
}

export async function teamMember(q: Queryable, enteId: string, userId: string): Promise<TeamMember | undefined> {
  return q.maybeOne<TeamMember>(`${TEAM_QUERY} and u.id = $2 group by u.id, u.given_name, u.family_name, u.email, u.status`, [enteId, userId]);
}

/** The person with that e-mail when they already hold a current role for the ente. */
export async function teamMemberByEmail(q: Queryable, enteId: string, email: string): Promise<TeamMember | undefined> {
  return q.maybeOne<TeamMember>(`${TEAM_QUERY} and u.email = $2 group by u.id, u.given_name, u.family_name, u.email, u.status`, [enteId, email]);
}

/** Ids of the person's current operator roles for the ente (not revoked, not ended). */
export async function operatorRoleIds(q: Queryable, enteId: string, userId: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `select id from user_role
      where organization_id = $1 and user_id = $2 and role = 'ente_operator' and revoked_at is null
        and (valid_to is null or valid_to > now())
      for update`,
    [enteId, userId],
  );
  return rows.map((r) => r.id);
}
