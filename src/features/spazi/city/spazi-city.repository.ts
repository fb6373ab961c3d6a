import type { Queryable } from '../../../db/database';
import type { OpeningRange, SpazioStatus } from '../spazi.repository';

// SQL of the City's back office for the Spazi WeMi: every Spazio whatever its status, its opening hours, and the
// writes (hours, status). Writes run inside the service's transaction, after `lockSpazio`.

export interface CitySpazioRow {
  id: string;
  slug: string;
  name: string;
  address: string;
  postal_code: string;
  municipio: number | null;
  status: SpazioStatus;
  hours_it: string;
  hours_en: string;
  hours_updated_at: Date | string | null;
  opening_hours: OpeningRange[];
}

const COLUMNS = `
  l.id, l.slug, l.name, l.address, l.postal_code, mt.position as municipio, l.spazio_status as status,
  l.hours_it, l.hours_en, l.hours_updated_at,
  coalesce((select json_agg(json_build_object('weekday', h.weekday, 'opens', to_char(h.opens, 'HH24:MI'),
                                              'closes', to_char(h.closes, 'HH24:MI')) order by h.weekday, h.opens)
              from spazio_opening_hours h where h.location_id = l.id), '[]'::json) as opening_hours`;

const FROM = `
  from location l
  left join taxonomy_term mt on mt.id = l.municipio_id
  where l.kind = 'spazio_wemi'`;

/** Every Spazio WeMi (archived ones too), by Municipio then name. */
export function listAllSpazi(db: Queryable): Promise<CitySpazioRow[]> {
  return db.query<CitySpazioRow>(`select ${COLUMNS} ${FROM} order by mt.position nulls last, l.name, l.slug`);
}

export function findCitySpazio(db: Queryable, slug: string): Promise<CitySpazioRow | undefined> {
  return db.maybeOne<CitySpazioRow>(`select ${COLUMNS} ${FROM} and l.slug = $1`, [slug]);
}

/** Locks the Spazio's row for the rest of the transaction and reads it again. */
export async function lockSpazio(tx: Queryable, id: string): Promise<CitySpazioRow | undefined> {
  await tx.query(`select id from location where id = $1 and kind = 'spazio_wemi' for update`, [id]);
  return tx.maybeOne<CitySpazioRow>(`select ${COLUMNS} ${FROM} and l.id = $1`, [id]);
}

/** Replaces the opening hours and the note of a Spazio, and records when the City changed them. */
export async function replaceOpeningHours(tx: Queryable, id: string, ranges: readonly OpeningRange[], note: { it: string; en: string }): Promise<void> {
  await tx.query('delete from spazio_opening_hours where location_id = $1', [id]);
  if (ranges.length) {
    await tx.query(
      `insert into spazio_opening_hours (location_id, weekday, opens, closes)
       select $1, x.weekday, x.opens::time, x.closes::time
         from jsonb_to_recordset($2::jsonb) as x(weekday int, opens text, closes text)`,
      [id, JSON.stringify(ranges)],
    );
  }
  await tx.query(
    `update location set hours_it = $2, hours_en = $3, hours_updated_at = now(), updated_at = now() where id = $1`,
    [id, note.it, note.en],
  );
}

/** Sets the status (the trigger of migration 0011 keeps `active` in step: active = confirmed). */
export async function setSpazioStatus(tx: Queryable, id: string, status: SpazioStatus): Promise<void> {
  await tx.query(`update location set spazio_status = $2, updated_at = now() where id = $1 and kind = 'spazio_wemi'`, [id, status]);
}
