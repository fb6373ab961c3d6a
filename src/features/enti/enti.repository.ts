import type { Queryable } from '../../db/database';
import type { LocationRow } from '../services/services.repository';
import { enteRatingColumns } from '../reviews/public/reviews-public.repository';

// SQL of the public ente pages. Only enti with status 'active' are public; their public services are the
// rows of the `public_service` view.

export interface EnteListRow {
  id: string;
  slug: string;
  name: string;
  legal_form: string;
  description_it: string;
  description_en: string;
  logo_path: string | null;
  /** Logo uploaded by the ente (served at /enti/<slug>/logo); preferred to logo_path. */
  logo_file_id: string | null;
  is_demo: boolean;
  services_count: number;
}

export interface EnteRow extends EnteListRow {
  tax_code: string | null;
  vat_number: string | null;
  email: string | null;
  pec: string | null;
  phone: string | null;
  website: string | null;
  operators_count: number;
  first_contact_hours: string;
  /** { facebook, instagram, linkedin, youtube }: URLs written by the ente back office (read defensively). */
  socials: unknown;
  terms_file_id: string | null;
  privacy_file_id: string | null;
  withdrawal_file_id: string | null;
  updated_at: Date;
  /** Rating over the reviews of the ente's public cards (reviews/public: the one definition of a rating). */
  rating_avg: number | null;
  rating_count: number;
}

/** A public document of an ente (terms of use, privacy policy, withdrawal form). */
export interface EnteDocumentRow {
  id: string;
  size_bytes: number;
  original_name: string;
}

export interface EnteServiceRow {
  id: string;
  slug: string;
  name: string;
  summary_it: string;
  summary_en: string;
  offer_type: 'free_public' | 'free_volunteer' | 'paid';
  price_from: number | null;
  price_unit: string;
  custom_quote: boolean;
  is_demo: boolean;
  type_code: string;
  type_slug: string;
  type_name_it: string;
  type_name_en: string;
  cat_code: string | null;
  cat_slug: string | null;
  cat_name_it: string | null;
  cat_name_en: string | null;
}

export interface MunicipioRow {
  code: string;
  slug: string;
  name_it: string;
  name_en: string;
  position: number;
}

export interface EnteListFilter {
  q?: string | undefined;
  /** Municipio number (1…9): enti with a site there or a public service covering it. */
  municipio?: number | undefined;
  page: number;
  perPage: number;
}

const SERVICES_COUNT = `(select count(*) from public_service ps where ps.organization_id = o.id)::int`;

function listWhere(filter: EnteListFilter, params: unknown[]): string {
  const conditions = [`o.status = 'active'`];
  if (filter.q) {
    params.push(filter.q);
    // strpos on the normalised name: no LIKE wildcards to escape, accents and case ignored.
    conditions.push(`strpos(wemi_norm(o.name), wemi_norm($${params.length}::text)) > 0`);
  }
  if (filter.municipio !== undefined) {
    params.push(filter.municipio);
    const p = `$${params.length}::int`;
    conditions.push(`(
      exists (select 1 from location l join taxonomy_term m on m.id = l.municipio_id
              join taxonomy tx on tx.id = m.taxonomy_id and tx.code = 'municipio'
              where l.organization_id = o.id and l.kind = 'ente_site' and l.active and m.position = ${p})
      or exists (select 1 from public_service ps join service_area sa on sa.service_id = ps.id
                 join taxonomy_term m on m.id = sa.municipio_id
                 where ps.organization_id = o.id and m.position = ${p})
    )`);
  }
  return conditions.join(' and ');
}

export async function listActiveEnti(db: Queryable, filter: EnteListFilter): Promise<{ total: number; rows: EnteListRow[] }> {
  const params: unknown[] = [];
  const where = listWhere(filter, params);
  const total = (await db.one<{ n: number }>(`select count(*)::int as n from organization o where ${where}`, params)).n;
  const pageParams = [...params, filter.perPage, (filter.page - 1) * filter.perPage];
  const rows = await db.query<EnteListRow>(
    `select o.id, o.slug, o.name, o.legal_form, o.description_it, o.description_en, o.logo_path, o.logo_file_id, o.is_demo,
            ${SERVICES_COUNT} as services_count
     from organization o
     where ${where}
     order by wemi_norm(o.name), o.slug
     limit $${pageParams.length - 1} offset $${pageParams.length}`,
    pageParams,
  );
  return { total, rows };
}

export async function listMunicipi(db: Queryable): Promise<MunicipioRow[]> {
  return db.query<MunicipioRow>(
    `select t.code, t.slug, t.name_it, t.name_en, t.position
     from taxonomy_term t join taxonomy tx on tx.id = t.taxonomy_id
     where tx.code = 'municipio' and t.active
     order by t.position`,
  );
}

export interface EnteBundle {
  ente: EnteRow;
  sites: LocationRow[];
  spazi: LocationRow[];
  services: EnteServiceRow[];
  /** The stored files of the ente's public documents, by id. */
  documents: EnteDocumentRow[];
}

const LOCATION_COLUMNS = `
  l.id, l.kind, l.slug, l.name, l.address, l.postal_code, l.city, l.latitude, l.longitude, l.email, l.phone,
  l.website, l.hours_it, l.hours_en, l.is_demo,
  m.slug as municipio_slug, m.name_it as municipio_name_it, m.name_en as municipio_name_en, m.position as municipio_position`;

/** An active ente with its sites, linked Spazi WeMi and public services, or undefined. */
export async function findActiveEnteBySlug(db: Queryable, slug: string): Promise<EnteBundle | undefined> {
  const ente = await db.maybeOne<EnteRow>(
    `select o.id, o.slug, o.name, o.legal_form, o.description_it, o.description_en, o.logo_path, o.logo_file_id, o.is_demo,
            o.tax_code, o.vat_number, o.email, o.pec, o.phone, o.website, o.operators_count, o.updated_at,
            o.first_contact_hours, o.socials, o.terms_file_id, o.privacy_file_id, o.withdrawal_file_id,
            ${SERVICES_COUNT} as services_count,
            ${enteRatingColumns('o')}
     from organization o
     where o.slug = $1 and o.status = 'active'`,
    [slug],
  );
  if (!ente) return undefined;
  const fileIds = [ente.terms_file_id, ente.privacy_file_id, ente.withdrawal_file_id].filter((x): x is string => x !== null);
  const [sites, spazi, services, documents] = await Promise.all([
    db.query<LocationRow>(
      `select ${LOCATION_COLUMNS}
       from location l left join taxonomy_term m on m.id = l.municipio_id
       where l.organization_id = $1 and l.kind <> 'spazio_wemi' and l.active
       order by l.name`,
      [ente.id],
    ),
    db.query<LocationRow>(
      `select ${LOCATION_COLUMNS}
       from organization_spazio os
       join location l on l.id = os.location_id
       left join taxonomy_term m on m.id = l.municipio_id
       where os.organization_id = $1 and l.kind = 'spazio_wemi' and l.active
       order by m.position nulls last, l.name`,
      [ente.id],
    ),
    db.query<EnteServiceRow>(
      `select s.id, s.slug, s.name, s.summary_it, s.summary_en, s.offer_type, s.price_from, s.price_unit,
              s.custom_quote, s.is_demo,
              st.code as type_code, st.slug as type_slug, st.name_it as type_name_it, st.name_en as type_name_en,
              cat.code as cat_code, cat.slug as cat_slug, cat.name_it as cat_name_it, cat.name_en as cat_name_en
       from public_service s
       join taxonomy_term st on st.id = s.service_type_id
       left join taxonomy_term cat on cat.id = st.parent_id
       where s.organization_id = $1
       order by cat.position nulls last, cat.name_it, wemi_norm(s.name), s.slug`,
      [ente.id],
    ),
    fileIds.length
      ? db.query<EnteDocumentRow>(`select id, size_bytes, original_name from stored_file where id = any($1::uuid[])`, [fileIds])
      : Promise.resolve([] as EnteDocumentRow[]),
  ]);
  return { ente, sites, spazi, services, documents };
}

export type PublicFileColumn = 'logo_file_id' | 'terms_file_id' | 'privacy_file_id' | 'withdrawal_file_id';

/** The id of a public file (logo or document) of an active ente, or undefined (unknown, not active, no file). */
export async function publicFileOfEnte(db: Queryable, slug: string, column: PublicFileColumn): Promise<string | undefined> {
  const row = await db.maybeOne<{ file_id: string | null }>(
    `select ${column} as file_id from organization where slug = $1 and status = 'active'`,
    [slug],
  );
  return row?.file_id ?? undefined;
}
