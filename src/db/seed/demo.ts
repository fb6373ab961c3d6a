import type { Db } from '../database';

/** Loads the demo catalogue when the database has none yet (idempotent). Filled in by the seed work. */
export async function seedDemoData(_db: Db): Promise<string> {
  return 'nothing to seed yet';
}
